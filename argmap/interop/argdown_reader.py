"""Read Argdown into a map: statements, premise-conclusion structures and relations.

The text is parsed as Argdown's reference implementation parses it (see the
``argdown_reader_*`` modules); its model then becomes argmap's:

* each statement (equivalence class ``[title]``) is a statement; its text is the last
  definition's (Argdown's canonical member), without its ``#tags``, which become tags;
* an argument without premise-conclusion structure (``<title>: text``) is a statement
  too, since argmap draws arguments as arrows, not boxes;
* each inference line of a premise-conclusion structure is a support inference from the
  premises it uses (``{uses: [1, 2]}``, else those since the previous conclusion) to its
  conclusion; its rules name the scheme;
* a relation becomes an inference: support (``+``, entails), attack (``-``), and a
  contradiction (``><``, or contrariness in strict mode) two attacks, one each way; an
  undercut aims at the argument's last inference (or the inference it hangs under);
* data fields ``kind``, ``credibility``, ``prior``, ``notes`` and ``quotes`` (statements),
  ``strength``, ``notes`` and ``scheme`` (inference lines) fill argmap's fields; the front
  matter's ``title`` names the map and its ``argmap`` entry carries sources, quotes, ACH
  ratings, the focal question and the view written by argmap's Argdown export.

What argmap has no field for (titles, headings, argument descriptions, other data,
relations and inference lines it cannot draw, such as those closing a loop of supports)
is kept in ``doc.dialogue.argdown`` for the Argdown export;
the report says what was kept that way and what was dropped (comments, bold/italic/link
markup, other wordings of a statement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from argmap.interop.aif_reader import Imported
from argmap.interop.argdown_reader_build import build_model
from argmap.interop.argdown_reader_map import map_model
from argmap.interop.argdown_reader_model import ArgdownDataError, Model
from argmap.interop.argdown_reader_parser import ArgdownSyntaxError
from argmap.interop.argdown_reader_tokens import ArgdownLexError
from argmap.interop.errors import InteropError
from argmap.io.json_reading import MAX_FILE_BYTES
from argmap.model import ArgMap

MAX_BYTES = MAX_FILE_BYTES  # one limit for every file argmap reads (and so writes)
_INCLUDE = re.compile(r"@include\(([^\)]+)\)")


class ArgdownError(InteropError):
    """Argdown the reference parser refuses; ``line`` and ``column`` count from 1."""

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        super().__init__(file, f"line {line}, column {column}: {message}")
        self.line = line
        self.column = column


@dataclass
class ArgdownReport:
    """What an Argdown import found, kept for export only, and dropped."""

    statements: int = 0
    arguments: int = 0
    inferences: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: what the map now holds."""
        return (
            f"{self.statements} statements, {self.inferences} inferences "
            f"from {self.arguments} arguments"
        )


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of ``offset``; ``\\r\\n``, ``\\r`` and ``\\n`` end lines."""
    before = text[:offset]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return line, offset - start + 1


def read_argdown(
    text: str, *, source: str = "<argdown>", title: str = ""
) -> tuple[ArgMap, ArgdownReport]:
    """A map from Argdown text, and the import's report (ArgdownError if the text is not
    Argdown the reference parser accepts). For a paste as well as a file."""
    if len(text) > MAX_BYTES:
        raise InteropError(source, f"{len(text):,} characters, more than the {MAX_BYTES:,} allowed")
    text = text.removeprefix("\ufeff")
    try:
        model = build_model(text)
    except (ArgdownLexError, ArgdownSyntaxError, ArgdownDataError) as exc:
        line, column = position(text, exc.offset)
        raise ArgdownError(source, line, column, str(exc)) from None
    except RecursionError:
        raise InteropError(source, "nested too deeply (relations or emphasis)") from None
    report = ArgdownReport()
    doc = map_model(model, report, title)
    return doc, report


def read_argdown_file(path: Path) -> Imported:
    """Read a ``.argdown`` file (with its ``@include(...)`` files, as Argdown's own tools do)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InteropError(str(path), f"cannot read: {exc.strerror or exc}") from None
    text = _decode(data, path)
    text = _with_includes(text, path, {path.resolve()})
    doc, report = read_argdown(text, source=str(path), title=_title_from(path))
    return Imported(doc, report.warnings)


def _decode(data: bytes, path: Path) -> str:
    if len(data) > MAX_BYTES:
        raise InteropError(str(path), f"{len(data):,} bytes, more than the {MAX_BYTES:,} allowed")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InteropError(str(path), f"not UTF-8 text (byte {exc.start})") from None


def _with_includes(text: str, path: Path, included: set[Path]) -> str:
    """``@include(file)`` replaced by the file's text, each file at most once."""
    total = [len(text)]

    def replace(found: re.Match[str]) -> str:
        target = (path.parent / found.group(1)).resolve()
        if target in included:
            return (
                f"<!-- Include failed: File '{target}' already included. To avoid infinite "
                "loops, each file can only be included once. -->"
            )
        included.add(target)
        try:
            data = target.read_bytes()
        except OSError:
            raise InteropError(str(path), f"@include: {target} not found") from None
        total[0] += len(data)
        if total[0] > MAX_BYTES:
            raise InteropError(str(path), "the included files are too large together")
        return _with_includes(_decode(data, target), target, included)

    return _INCLUDE.sub(replace, text) if "@include(" in text else text


def _title_from(path: Path) -> str:
    name = path.name
    for suffix in (".argdown", ".ad"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


__all__ = ["ArgdownError", "ArgdownReport", "Model", "read_argdown", "read_argdown_file"]
