"""Write a map as Graphviz DOT: statements as coloured cards, inferences as small joints."""

from __future__ import annotations

import textwrap

from argmap.interop.well_formed import drawable_inferences
from argmap.model import ArgMap, InferenceKind, StatementKind

WRAP = 36  # characters per label line
FONT = "DejaVu Sans"
KIND_FILL = {
    StatementKind.QUESTION: "#e8eaf6",
    StatementKind.SCENARIO: "#fff3cd",
    StatementKind.CLAIM: "#ffffff",
    StatementKind.PREMISE: "#e3f2fd",
    StatementKind.EVIDENCE: "#e8f5e9",
    StatementKind.ASSUMPTION: "#f3e5f5",
    StatementKind.OBJECTION: "#fdecea",
}
RELATION_COLOUR = {
    InferenceKind.SUPPORT: "#2e7d32",
    InferenceKind.ATTACK: "#c62828",
    InferenceKind.UNDERCUT: "#ef6c00",
}


def quote(text: str) -> str:
    """A DOT double-quoted string holding ``text`` exactly (newlines become ``\\n``)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{escaped}"'


def _label(kind: str, text: str) -> str:
    lines = textwrap.wrap(" ".join(text.split()), WRAP) or [""]
    return "\n".join([kind.upper(), *lines])


def dumps_dot(doc: ArgMap) -> str:
    """The map as a DOT digraph; conclusions sit above their premises."""
    rankdir = "BT" if doc.view.direction == "TB" else "RL"
    out = [
        "digraph argmap {",
        f"  graph [rankdir={rankdir}, label={quote(doc.title)}, labelloc=t, "
        f"fontname={quote(FONT)}];",
        f'  node [shape=box, style="rounded,filled", fontname={quote(FONT)}, fontsize=11];',
        f"  edge [fontname={quote(FONT)}, fontsize=9];",
    ]
    for s in doc.statements:
        attrs = [
            f"label={quote(_label(str(s.kind), s.text))}",
            f"fillcolor={quote(KIND_FILL.get(s.kind, '#ffffff'))}",
        ]
        if s.credibility is not None:
            attrs.append(f"tooltip={quote(f'credibility {s.credibility:.2f}')}")
        out.append(f"  {quote(s.id)} [{', '.join(attrs)}];")
    for i in drawable_inferences(doc):
        colour = quote(RELATION_COLOUR[i.kind])
        tip = str(i.kind) + (f": {i.scheme}" if i.scheme else "")
        out.append(
            f"  {quote(i.id)} [shape=circle, width=0.18, height=0.18, fixedsize=true, "
            f'label="", style=filled, fillcolor={colour}, color={colour}, tooltip={quote(tip)}];'
        )
        for premise in i.premises:
            out.append(f"  {quote(premise)} -> {quote(i.id)} [arrowhead=none, color={colour}];")
        style = ", style=dashed" if i.kind is InferenceKind.UNDERCUT else ""
        label = f", label={quote(i.scheme)}" if i.scheme else ""
        out.append(f"  {quote(i.id)} -> {quote(i.conclusion)} [color={colour}{style}{label}];")
    out.append("}")
    return "\n".join(out) + "\n"
