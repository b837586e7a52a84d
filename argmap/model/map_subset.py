"""Part of a map: all of it, one statement's subtree, or a selection. No Qt.

Used by the exports (``--subtree``, selected statements) and the clipboard.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.model import ArgMap, Inference, InferenceKind


class UnknownStatementError(KeyError):
    """An id asked for in an export is not a statement of the map."""

    def __str__(self) -> str:
        return f"no statement with id {self.args[0]!r} in this map"


def subtree_ids(doc: ArgMap, root: str) -> list[str]:
    """``root`` and every statement that supports, attacks or undercuts its reasons."""
    ids = {s.id for s in doc.statements}
    if root not in ids:
        raise UnknownStatementError(root)
    into: dict[str, list[list[str]]] = {}
    undercuts: dict[str, list[list[str]]] = {}
    for inf in doc.inferences:
        if inf.kind == InferenceKind.UNDERCUT:
            undercuts.setdefault(inf.conclusion, []).append(inf.premises)
        else:
            into.setdefault(inf.conclusion, []).append(inf.premises)
    by_conclusion: dict[str, list[str]] = {}
    for inf in doc.inferences:
        by_conclusion.setdefault(inf.conclusion, []).append(inf.id)
    keep = {root}
    stack = [root]
    while stack:
        node = stack.pop()
        groups = list(into.get(node, []))
        pending = list(by_conclusion.get(node, []))
        while pending:  # undercuts of inferences into node, and of those undercuts
            iid = pending.pop()
            groups += undercuts.get(iid, [])
            pending += by_conclusion.get(iid, [])
        for premises in groups:
            for p in premises:
                if p in ids and p not in keep:
                    keep.add(p)
                    stack.append(p)
    return [s.id for s in doc.statements if s.id in keep]


def restrict(doc: ArgMap, keep: Iterable[str], root: str | None = None) -> ArgMap:
    """A copy of ``doc`` with only the statements in ``keep`` and the inferences among them.

    An inference keeps the premises that remain; it goes when none remain or its target
    does. ``root`` becomes the map's question (the top of the layout).
    """
    wanted = set(keep)
    known = {s.id for s in doc.statements}  # once, not once per id (was O(n²))
    missing = [k for k in wanted if k not in known]
    if missing:
        raise UnknownStatementError(sorted(missing)[0])
    statements = [s for s in doc.statements if s.id in wanted]
    inferences: list[Inference] = []
    alive: set[str] = set()
    for _ in range(2):  # undercuts may point at an inference listed after them
        inferences = []
        for inf in doc.inferences:
            premises = [p for p in inf.premises if p in wanted]
            target_ok = inf.conclusion in (alive if inf.kind == "undercut" else wanted)
            if premises and target_ok:
                inferences.append(inf.model_copy(update={"premises": premises}))
        alive = {i.id for i in inferences}
    quotes_used = {q for s in statements for q in s.quotes}
    quotes = [q for q in doc.quotes if q.id in quotes_used]
    question = root if root is not None else (doc.question if doc.question in wanted else None)
    view = doc.view.model_copy(
        update={
            "pinned": {},  # pins place cards among the whole map's; a part is re-laid out
            "collapsed": [c for c in doc.view.collapsed if c in wanted],
        }
    )
    return doc.model_copy(
        update={
            "question": question,
            "statements": statements,
            "inferences": inferences,
            "quotes": quotes,
            "sources": [s for s in doc.sources if any(q.source == s.id for q in quotes)],
            "ratings": [],
            "view": view,
        }
    )


def subtree_map(doc: ArgMap, root: str) -> ArgMap:
    """The map cut down to ``root``'s subtree, with ``root`` on top."""
    return restrict(doc, subtree_ids(doc, root), root=root)
