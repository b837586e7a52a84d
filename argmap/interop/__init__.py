"""Interchange formats: read maps from and write maps to other argument-mapping tools.

A registry of formats (name, file suffixes, reader and/or writer) used by
``argmap convert`` and the GUI's File → Import / Export. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.interop.ach_csv import dumps_ach_csv
from argmap.interop.aif_model import parse_json
from argmap.interop.aif_reader import Imported, is_aif, read_aif
from argmap.interop.aif_writer import dumps_aif, dumps_ova
from argmap.interop.argdown_reader import ArgdownError, read_argdown, read_argdown_file
from argmap.interop.argdown_writer import dumps_argdown
from argmap.interop.dot_writer import dumps_dot
from argmap.interop.errors import AifError, FormatError, InteropError
from argmap.interop.format_losses import losses
from argmap.interop.graphml_writer import dumps_graphml
from argmap.interop.markdown_report import dumps_markdown
from argmap.interop.native import dumps_argmap, read_argmap
from argmap.io.atomic_write import os_reason, write_atomically
from argmap.io.json_reading import MAX_FILE_BYTES
from argmap.model import ArgMap

SNIFF_BYTES = 4096


@dataclass(frozen=True)
class Format:
    """One file format: how to recognise it, and which directions argmap supports."""

    name: str
    label: str  # for file dialogs and messages
    suffixes: tuple[str, ...]  # lower case, longest first where they overlap
    read: Callable[[Path], Imported] | None = None
    dumps: Callable[[ArgMap], str] | None = None

    @property
    def dialog_filter(self) -> str:
        """A Qt file-dialog filter such as ``Argdown (*.argdown *.ad)``."""
        return f"{self.label} ({' '.join('*' + s for s in self.suffixes)})"


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("argmap", "argmap map", (".argmap.json",), read_argmap, dumps_argmap),
        Format("aif", "AIF JSON (AIFdb, OVA)", (".aif.json", ".json"), read_aif, dumps_aif),
        Format("ova", "OVA save (AIF + layout)", (".ova.json",), read_aif, dumps_ova),
        Format("argdown", "Argdown", (".argdown", ".ad"), read_argdown_file, dumps_argdown),
        Format("graphml", "GraphML", (".graphml",), None, dumps_graphml),
        Format("dot", "Graphviz DOT", (".dot", ".gv"), None, dumps_dot),
        Format("markdown", "Markdown report", (".md", ".markdown"), None, dumps_markdown),
        Format("ach-csv", "ACH matrix (CSV)", (".csv",), None, dumps_ach_csv),
    )
}


def readable() -> list[Format]:
    """Formats argmap can import."""
    return [f for f in FORMATS.values() if f.read is not None]


def writable() -> list[Format]:
    """Formats argmap can export to."""
    return [f for f in FORMATS.values() if f.dumps is not None]


def get_format(name: str) -> Format:
    """The format called ``name`` (FormatError listing the known ones otherwise)."""
    try:
        return FORMATS[name.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise FormatError(name, f"unknown format; known formats: {known}") from None


def guess_format(path: Path, *, for_writing: bool = False) -> Format:
    """The format of ``path`` from its suffix, and for a ``.json`` to read, its content."""
    name = path.name.lower()
    by_suffix = [f for f in FORMATS.values() for s in f.suffixes if name.endswith(s)]
    # The longest matching suffix wins: ``x.argmap.json`` is a map, not AIF.
    by_suffix.sort(key=lambda f: -max(len(s) for s in f.suffixes if name.endswith(s)))
    if not by_suffix:
        raise FormatError(
            str(path),
            "cannot tell the format from the file name; name it with a known suffix "
            f"or pass --{'to' if for_writing else 'from'} (formats: {', '.join(FORMATS)})",
        )
    guess = by_suffix[0]
    if for_writing or not name.endswith(".json"):
        return guess
    return _sniff_json(path, guess)


def _sniff_json(path: Path, fallback: Format) -> Format:
    """A ``.json`` file's format from its first bytes (argmap maps start with "format")."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise InteropError(str(path), f"cannot read: {exc.strerror or exc}") from None
    text = head.decode("utf-8", errors="replace")
    if '"format"' in text and '"argmap"' in text:
        return FORMATS["argmap"]
    if '"nodes"' in text or '"AIF"' in text:
        return FORMATS["aif"]
    if len(head) < SNIFF_BYTES:  # small file: parse it all before giving up
        try:
            value = parse_json(head, str(path))
        except AifError:
            return fallback
        if isinstance(value, dict) and value.get("format") == "argmap":
            return FORMATS["argmap"]
        if is_aif(value):
            return FORMATS["aif"]
    return fallback


def read_map(path: Path, fmt: Format | None = None) -> Imported:
    """Read ``path`` in ``fmt`` (guessed when None)."""
    fmt = fmt or guess_format(path)
    if fmt.read is None:
        readers = ", ".join(f.name for f in readable())
        raise FormatError(str(path), f"argmap cannot read {fmt.label} files (it reads {readers})")
    return fmt.read(path)


def write_map(
    doc: ArgMap, path: Path, fmt: Format | None = None, *, backup: bool = False
) -> Format:
    """Write ``doc`` to ``path`` in ``fmt`` (guessed from the name when None), atomically
    (``backup``: keep the file it replaces as ``NAME.bak``). A file in a format argmap
    reads must not be bigger than argmap reads back."""
    fmt = fmt or guess_format(path, for_writing=True)
    if fmt.dumps is None:
        raise FormatError(str(path), f"argmap cannot write {fmt.label} files")
    try:
        data = fmt.dumps(doc).encode("utf-8")
    except UnicodeEncodeError as exc:
        what = f"character {exc.object[exc.start]!a}"
        raise InteropError(str(path), f"the map holds text that is not UTF-8 ({what})") from None
    if fmt.read is not None and len(data) > MAX_FILE_BYTES:
        raise InteropError(
            str(path),
            f"not written: the {fmt.label} file would be {len(data) / 2**20:.1f} MB, and argmap "
            f"reads files of at most {MAX_FILE_BYTES // 2**20} MB; nothing was changed",
        )
    try:
        write_atomically(path, data, backup=backup)
    except OSError as exc:
        raise InteropError(str(path), f"cannot write: {os_reason(exc)}") from None
    return fmt


__all__ = [
    "FORMATS",
    "AifError",
    "ArgdownError",
    "Format",
    "FormatError",
    "Imported",
    "InteropError",
    "get_format",
    "guess_format",
    "losses",
    "read_argdown",
    "read_map",
    "readable",
    "writable",
    "write_map",
]
