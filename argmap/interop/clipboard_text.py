"""Map fragments as text for other applications, and text from them as a fragment.

Copy offers three forms: argmap's own JSON (lossless: quotes, articles, judgements),
Argdown (the statements and their relations, for Argdown tools and text editors) and
plain text (an indented outline). Paste reads Argdown with argmap's Argdown reader when
the text uses Argdown's markup; any other text becomes one statement per line, an
indented line under the line above it (bullets and numbering dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.interop.argdown_reader import read_argdown
from argmap.interop.argdown_reader_map import KEPT, KEPT_UNDRAWN
from argmap.interop.argdown_writer import dumps_argdown
from argmap.interop.errors import InteropError
from argmap.io.map_file import MapFileError, dumps_map, loads_map
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind
from argmap.model.map_fragment import fragment_roots

MIME_FRAGMENT = "application/x-argmap-fragment+json"
MIME_ARGDOWN = "text/x-argdown"
MAX_LINES = 2000  # a paste of a whole book is not a set of statements
_ARGDOWN_MARKS = re.compile(
    r"^\s*(?:\+|<\+|\+>|<-|->|><|_)\s+\S"  # a relation: + <+ +> <- -> >< _ (a lone
    # "- " is not enough: it is also how a plain list starts)
    r"|^\s*\[[^\]\n]+\]:"  # a titled statement
    r"|^\s*<[^>\n]+>:?"  # an argument
    r"|^\s*\(\d+\)\s"  # a premise-conclusion structure
    r"|^\s*-{3,}\s*$",  # an inference line
    re.MULTILINE,
)
_BULLET = re.compile(r"^(?:[-*•‣◦·]|\d+[.)]|[a-zA-Z][.)])\s+")


@dataclass
class ReadText:
    """A fragment read from pasted text, how it was read, and what was odd about it."""

    doc: ArgMap
    how: str  # "Argdown" or "plain text"
    warnings: list[str] = field(default_factory=list)


def fragment_json(frag: ArgMap) -> str:
    """The fragment as argmap's own JSON (the private clipboard type)."""
    return dumps_map(frag)


def fragment_from_json(text: str | bytes) -> ArgMap:
    """A fragment from the private clipboard type (MapFileError if it is not one)."""
    return loads_map(text, "clipboard")


def fragment_argdown(frag: ArgMap) -> str:
    """The fragment's statements and relations as Argdown, without argmap's front matter
    (articles and quotes travel in the private type; other tools want the argument)."""
    bare = ArgMap(
        statements=[s.model_copy(update={"quotes": []}) for s in frag.statements],
        inferences=frag.inferences,
    )
    text = dumps_argdown(bare)
    if text.startswith("==="):
        end = text.find("\n===", 3)
        if end >= 0:
            text = text[end + 4 :].lstrip("\n")
    return text


def fragment_outline(frag: ArgMap) -> str:
    """The fragment as an indented outline: each card under the one it supports or
    attacks; objections marked "(objection)"."""
    by_id = {s.id: s for s in frag.statements}
    children: dict[str, list[tuple[str, InferenceKind]]] = {}
    for inf in frag.inferences:
        if inf.kind is not InferenceKind.UNDERCUT and inf.conclusion in by_id:
            for p in inf.premises:
                children.setdefault(inf.conclusion, []).append((p, inf.kind))
    lines: list[str] = []
    shown: set[str] = set()
    stack = [(r, 0, InferenceKind.SUPPORT) for r in reversed(fragment_roots(frag))]
    while stack:
        sid, depth, kind = stack.pop()
        if sid in shown:
            continue
        shown.add(sid)
        text = " ".join(by_id[sid].text.split())
        mark = "(objection) " if kind is InferenceKind.ATTACK and depth else ""
        lines.append(f"{'  ' * depth}{mark}{text}")
        stack.extend((c, depth + 1, k) for c, k in reversed(children.get(sid, [])))
    return "\n".join(lines) + "\n"


def looks_like_argdown(text: str) -> bool:
    """Whether the text uses Argdown's markup (relations, [titles], <arguments>...)."""
    return _ARGDOWN_MARKS.search(text) is not None


def read_text(text: str) -> ReadText:
    """A fragment from pasted text (InteropError when nothing usable is in it)."""
    if looks_like_argdown(text):
        try:
            doc, report = read_argdown(text, source="the pasted text")
        except InteropError as exc:
            outline = read_outline(text)
            outline.warnings.insert(0, f"not read as Argdown ({exc}); pasted as plain text")
            return outline
        if doc.statements:
            return ReadText(doc, "Argdown", [_pasted(w) for w in report.warnings])
    return read_outline(text)


def _pasted(warning: str) -> str:
    """An Argdown import's warning as a paste means it: a paste adds statements and
    inferences only, so what an import keeps for Argdown export is not pasted."""
    for kept in (KEPT_UNDRAWN, KEPT):
        if warning.endswith(kept):
            return warning.removesuffix(kept) + "not pasted"
    return warning


def read_outline(text: str) -> ReadText:
    """One statement per non-blank line; a more indented line supports the line above."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line.strip()]
    warnings = []
    if len(lines) > MAX_LINES:
        warnings.append(f"only the first {MAX_LINES} of {len(lines)} lines were pasted")
        lines = lines[:MAX_LINES]
    if not lines:
        raise InteropError("the pasted text", "there is no text to make statements from")
    statements: list[Statement] = []
    inferences: list[Inference] = []
    open_at: list[tuple[int, str]] = []  # (indent, statement id) of the lines above
    for n, line in enumerate(lines, start=1):
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip())
        body = _BULLET.sub("", expanded.strip()).strip() or expanded.strip()
        sid = f"s-{n}"
        while open_at and open_at[-1][0] >= indent:
            open_at.pop()
        kind = StatementKind.PREMISE if open_at else StatementKind.CLAIM
        statements.append(Statement(id=sid, kind=kind, text=body))
        if open_at:
            inferences.append(Inference(id=f"i-{n}", premises=[sid], conclusion=open_at[-1][1]))
        open_at.append((indent, sid))
    return ReadText(ArgMap(statements=statements, inferences=inferences), "plain text", warnings)


def read_fragment_json(text: str | bytes) -> ArgMap:
    """The private type's fragment; InteropError when it cannot be read."""
    try:
        return fragment_from_json(text)
    except MapFileError as exc:  # its text starts "clipboard: ", said once below
        said = str(exc).removeprefix(f"{exc.path}:").strip()
        raise InteropError("the clipboard", said) from None
