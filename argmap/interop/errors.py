"""Errors of the interchange formats: each names the file and what is wrong with it."""

from __future__ import annotations


class InteropError(Exception):
    """A file could not be read or written in the requested format."""

    def __init__(self, file: str, message: str) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message


class FormatError(InteropError):
    """The format is unknown, cannot be guessed, or cannot read/write in that direction."""


class AifError(InteropError):
    """A malformed AIF file; ``where`` is a JSON path such as ``$.nodes[3].nodeID``."""

    def __init__(self, file: str, where: str, message: str) -> None:
        super().__init__(file, f"{where}: {message}")
        self.where = where
