"""Write a map as Argdown text: statements, arguments with premise-conclusion structure.

Each statement is declared once as ``[Title]: text``. Each inference becomes an argument
``<Title>`` whose numbered premises lead, below an inference line, to its conclusion:
for a support the conclusion is the supported statement; for an attack a new statement
``Not: ...`` that attacks (``->``) the target; for an undercut a statement that the
target argument's inference fails, which undercuts (``_>``) that argument.
"""

from __future__ import annotations

import re

from argmap.interop.well_formed import drawable_inferences
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind

# Characters Argdown gives a meaning inside text; a backslash makes any of them literal.
_SPECIAL = frozenset("\\[]<>#*_/@{}+-~`%=^|$&")
_TITLE_WORDS = 7
_KIND_ORDER = [StatementKind.QUESTION, StatementKind.SCENARIO]


def escape(text: str) -> str:
    """Text on one line with Argdown's special characters escaped."""
    flat = " ".join(text.split())
    return "".join("\\" + c if c in _SPECIAL else c for c in flat)


def dumps_argdown(doc: ArgMap) -> str:
    """The map as an Argdown document."""
    titles = _Titles()
    statements = _ordered(doc)
    statement_title = {s.id: titles.statement(s.text, s.id) for s in statements}
    by_id = {s.id: s for s in statements}
    inferences = drawable_inferences(doc)
    argument_title = {i.id: titles.argument(i, statement_title) for i in inferences}

    lines: list[str] = []
    if doc.title.strip():
        lines += ["===", f"title: {_yaml_string(doc.title)}", "===", ""]
    # Comments, not headings: an Argdown heading draws a group box around its part of the map.
    if statements:
        lines += ["// Statements", ""]
    for s in statements:
        lines.append(f"[{statement_title[s.id]}]: {escape(s.text)}")
        lines.append("")
    if inferences:
        lines += ["// Arguments", ""]
    for inference in inferences:
        lines += _argument(inference, by_id, statement_title, argument_title, titles)
    return "\n".join(lines).rstrip("\n") + "\n"


def _argument(
    inference: Inference,
    by_id: dict[str, Statement],
    statement_title: dict[str, str],
    argument_title: dict[str, str],
    titles: _Titles,
) -> list[str]:
    head = f"<{argument_title[inference.id]}>"
    if inference.scheme:
        head += f": {escape(inference.scheme)}"
    lines = [head, ""]
    for n, premise in enumerate(inference.premises, start=1):
        lines.append(f"({n}) [{statement_title[premise]}]")
    lines.append("----")
    last = len(inference.premises) + 1
    if inference.kind is InferenceKind.SUPPORT:
        lines.append(f"({last}) [{statement_title[inference.conclusion]}]")
    elif inference.kind is InferenceKind.ATTACK:
        target = by_id[inference.conclusion]
        title = titles.statement("Not " + statement_title[target.id], inference.id)
        lines.append(f"({last}) [{title}]: Not: {escape(target.text)}")
        lines.append(f"  -> [{statement_title[target.id]}]")
    else:
        target_arg = argument_title[inference.conclusion]
        title = titles.statement(f"{target_arg} fails", inference.id)
        lines.append(f"({last}) [{title}]: The inference of {escape(target_arg)} does not hold.")
        lines.append(f"  _> <{target_arg}>")
    return [*lines, ""]


class _Titles:
    """Short unique titles made from the first words of a text."""

    def __init__(self) -> None:
        self.statements: set[str] = set()
        self.arguments: set[str] = set()

    def statement(self, text: str, fallback: str) -> str:
        return _unique(_short(text) or _short(fallback) or "Statement", self.statements)

    def argument(self, inference: Inference, statement_title: dict[str, str]) -> str:
        first = statement_title[inference.premises[0]]
        label = {
            InferenceKind.SUPPORT: "Because",
            InferenceKind.ATTACK: "Against",
            InferenceKind.UNDERCUT: "Undercut",
        }[inference.kind]
        return _unique(f"{label} {first}", self.arguments)


def _short(text: str) -> str:
    words = re.sub(r"[^\w\s'.,()-]", " ", text).split()
    return " ".join(words[:_TITLE_WORDS]).strip(" .,")


def _unique(title: str, taken: set[str]) -> str:
    candidate, n = title, 1
    while candidate in taken:
        n += 1
        candidate = f"{title} ({n})"
    taken.add(candidate)
    return candidate


def _ordered(doc: ArgMap) -> list[Statement]:
    """Question and scenarios first, then the rest in the user's order."""
    rank = {kind: i for i, kind in enumerate(_KIND_ORDER)}
    return sorted(doc.statements, key=lambda s: rank.get(s.kind, len(rank)))


def _yaml_string(text: str) -> str:
    flat = " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{flat}"'
