"""Write a map as a Markdown report: the question, the scenarios with their weights and
signposts, then the argument tree as a nested outline with each statement's source quotes
and citations.

The text renders the same in CommonMark (GitHub, markdown-it) and in Python-Markdown (the
renderer of MkDocs): lists nest by four spaces and every block is set off by an empty
line, which both read alike; no tables (plain CommonMark has none); only characters both
can escape are escaped with a backslash, the rest (``<``, ``>``, ``&``, a leading ``=``)
are written as entities; a quote line that would start a list or heading is escaped.
"""

from __future__ import annotations

import re

from argmap.interop.analysis_view import scenarios
from argmap.interop.well_formed import drawable_inferences
from argmap.model import ArgMap, Inference, InferenceKind, Source, Statement, StatementKind
from argmap.model.focal_question import focal_statement

# Escapable with a backslash in both CommonMark and Python-Markdown.
_MD_SPECIAL = frozenset("\\`*_[]#")
_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# A line that would open a list, a heading underline or a thematic break.
_LINE_START = re.compile(r"^(?:([-+*])(?=\s|$)|(\d+)([.)])(?=\s|$)|(=+|-+)\s*$)")
_INDENT = "    "
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_RELATION = {
    InferenceKind.SUPPORT: "Supported by",
    InferenceKind.ATTACK: "Attacked by",
    InferenceKind.UNDERCUT: "Undercut by",
}
_ROOT_ORDER = [StatementKind.QUESTION, StatementKind.SCENARIO]


def md(text: str) -> str:
    """Text on one line with Markdown's special characters escaped (control characters,
    which renderers drop or use as their own markers, left out)."""
    flat = " ".join(_CONTROL.sub("", text).split())
    return "".join(_ENTITY.get(c) or ("\\" + c if c in _MD_SPECIAL else c) for c in flat)


def md_line(text: str) -> str:
    """:func:`md` for text that starts a line (in a block quote): a leading list marker,
    number or underline is escaped too."""
    escaped = md(text)
    found = _LINE_START.match(escaped)
    if found is None:
        return escaped
    if found.group(1):
        return "\\" + escaped
    if found.group(2):
        return found.group(2) + "\\" + escaped[len(found.group(2)) :]
    run = found.group(4)
    return ("&#61;" if run[0] == "=" else "\\-") + escaped[1:]


def dumps_markdown(doc: ArgMap) -> str:
    """The whole report as Markdown text."""
    lines = [f"# {md(doc.title) or 'Argument map'}", ""]
    lines += _question(doc)
    lines += _scenarios(doc)
    lines += ["## Arguments", ""]
    lines += _Outline(doc).render() or ["_The map has no statements yet._", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _question(doc: ArgMap) -> list[str]:
    focal = focal_statement(doc)
    if focal is None:
        return ["_No focal question set._", ""]
    return [f"**Question:** {md(focal.text)}", ""]


def _scenarios(doc: ArgMap) -> list[str]:
    rows, analysed = scenarios(doc)
    lines = ["## Scenarios", ""]
    if not rows:
        return [*lines, "_The map has no scenarios._", ""]
    for r in rows:
        figures = f"prior {_percent(r.prior)}"
        if analysed:
            figures += f", weight {_percent(r.weight)}"
        lines += [f"- **{md(r.text)}** — {figures}", ""]
        for signpost in (sp for sp in doc.signposts if sp.scenario == r.id):
            since = f" since {md(signpost.changed)}" if signpost.changed else ""
            status = f"{signpost.status.value}{since}"
            lines += [f"{_INDENT}- Signpost ({status}): {md(signpost.text) or '—'}", ""]
    if analysed:
        lines += ["_Weights: argmap's scenario analysis of the evidence in this map._"]
    else:
        lines += ["_Priors only: this build of argmap has no scenario analysis to weigh them._"]
    return [*lines, ""]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def citation(source: Source) -> str:
    """``— *Title*, Author, Publisher, date`` with whatever the source records; a source
    without a title is cited by its author, publisher and date (its web address, if that
    is all there is)."""
    parts = [f"*{md(source.title)}*"] if source.title and source.title.strip() else []
    parts += [md(p) for p in (source.author, source.publisher, source.published) if p and p.strip()]
    if not parts:
        parts = [md(source.url)] if source.url else ["untitled source"]
    return "— " + ", ".join(parts)


class _Outline:
    """The argument tree, depth first, without recursion (maps can be deep or cyclic)."""

    def __init__(self, doc: ArgMap) -> None:
        self.doc = doc
        self.statements = {s.id: s for s in doc.statements}
        self.quotes = {q.id: q for q in doc.quotes}
        self.sources = {s.id: s for s in doc.sources}
        self.into: dict[str, list[Inference]] = {}
        used_as_premise: set[str] = set()
        for i in drawable_inferences(doc):
            self.into.setdefault(i.conclusion, []).append(i)
            used_as_premise.update(i.premises)
        rank = {kind: n for n, kind in enumerate(_ROOT_ORDER)}
        roots = [s for s in doc.statements if s.id not in used_as_premise]
        self.roots = sorted(roots, key=lambda s: rank.get(s.kind, len(rank)))

    def render(self) -> list[str]:
        lines: list[str] = []
        shown: set[str] = set()
        order = [s.id for s in self.roots] + [s.id for s in self.doc.statements]
        for root in order:  # statements only reachable through a cycle come last
            if root not in shown:
                self._walk(root, shown, lines)
        return lines

    def _walk(self, root: str, shown: set[str], lines: list[str]) -> None:
        stack: list[tuple[str, str, int]] = [("statement", root, 0)]
        inferences = {i.id: i for group in self.into.values() for i in group}
        while stack:
            what, ident, depth = stack.pop()
            pad = _INDENT * depth
            if what == "inference":
                inference = inferences[ident]
                scheme = f" ({md(inference.scheme)})" if inference.scheme else ""
                lines += [f"{pad}- *{_RELATION[inference.kind]}*{scheme}:", ""]
                children = [("statement", p, depth + 1) for p in inference.premises]
                children += [("inference", i.id, depth + 1) for i in self.into.get(ident, [])]
                stack.extend(reversed(children))
                continue
            statement = self.statements[ident]
            if ident in shown:
                lines += [f"{pad}- {self._head(statement)} *(see above)*", ""]
                continue
            shown.add(ident)
            lines += [f"{pad}- {self._head(statement)}", ""]
            lines += self._quotes(statement, pad + _INDENT)
            stack.extend(
                reversed([("inference", i.id, depth + 1) for i in self.into.get(ident, [])])
            )

    def _head(self, s: Statement) -> str:
        head = f"**{str(s.kind).capitalize()}:** {md(s.text)}"
        if s.credibility is not None:
            head += f" _(credibility {s.credibility * 100:.0f} %)_"
        return head

    def _quotes(self, s: Statement, pad: str) -> list[str]:
        """The statement's quotes, each with its citation, as one block quote (renderers
        disagree on whether two block quotes in a row are one)."""
        quoted: list[str] = []
        for quote_id in s.quotes:
            quote = self.quotes.get(quote_id)
            if quote is None:
                continue
            lines = [f"{pad}> {md_line(line)}" for line in quote.exact.splitlines() if line.strip()]
            source = self.sources.get(quote.source)
            if source is not None:
                lines += (
                    [f"{pad}>", f"{pad}> {citation(source)}"]
                    if lines
                    else [f"{pad}> {citation(source)}"]
                )
            if lines and quoted:
                quoted.append(f"{pad}>")
            quoted += lines
        return [*quoted, ""] if quoted else []
