"""The map as a tree to draw: each statement under one parent, children in premise groups.

A statement's children are the premises of the inferences concluding in it (document
order), each inference's premises one group; undercuts of an inference become a group
right after the inference they undercut. A statement reached twice stays under its first
parent; collapsed statements keep their subtree hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.model import ArgMap, Inference, InferenceKind


@dataclass(slots=True)
class ArgumentTree:
    """Visible statements in tree order, with their groups of children."""

    roots: list[str] = field(default_factory=list)
    # statement id -> [(inference id, [child ids placed in this group])]
    groups: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)
    hidden_count: dict[str, int] = field(default_factory=dict)  # collapsed id -> hidden
    anchor: dict[str, str] = field(default_factory=dict)  # inference id -> statement above
    kids: dict[str, list[str]] = field(default_factory=dict)  # children, flattened
    undercuts: set[str] = field(default_factory=set)  # ids of the undercut inferences
    linked: set[str] = field(default_factory=set)  # ids of inferences with several premises
    undercuts_of: dict[str, list[str]] = field(default_factory=dict)  # inference -> undercuts
    loose_roots: int = 0  # roots started inside a support cycle (after the others)

    def children(self, statement_id: str) -> list[str]:
        """Tree children in drawing order."""
        return self.kids.get(statement_id, [])


def _anchors(
    doc: ArgMap, statement_ids: set[str], by_id: dict[str, Inference], undercuts: set[str]
) -> dict[str, str]:
    """Inference id -> the statement its premises hang under (undercuts: recursively)."""
    anchors: dict[str, str] = {}
    for inf in doc.inferences:
        if inf.id not in undercuts:
            if inf.conclusion in statement_ids:
                anchors[inf.id] = inf.conclusion
            continue
        seen: set[str] = set()
        cur = inf
        while cur.id in undercuts and cur.conclusion in by_id:
            if cur.id in seen:
                break
            seen.add(cur.id)
            cur = by_id[cur.conclusion]
        if cur.id not in undercuts and cur.conclusion in statement_ids:
            anchors[inf.id] = cur.conclusion
    return anchors


def _slots(
    doc: ArgMap,
    anchors: dict[str, str],
    undercuts: dict[str, list[str]],
    by_id: dict[str, Inference],
    undercut_ids: set[str],
) -> dict[str, list[tuple[str, list[str]]]]:
    """Statement id -> ordered (inference id, premise ids) groups that hang under it;
    fills ``undercuts`` (inference id -> its anchored undercuts)."""
    for inf in doc.inferences:
        if inf.id in undercut_ids and inf.id in anchors:
            undercuts.setdefault(inf.conclusion, []).append(inf.id)
    slots: dict[str, list[tuple[str, list[str]]]] = {}
    seen: set[str] = set()

    def add_undercuts(inference_id: str, group: list[tuple[str, list[str]]]) -> None:
        for u in undercuts.get(inference_id, ()):
            if u not in seen:
                seen.add(u)
                group.append((u, by_id[u].premises))
                add_undercuts(u, group)

    for inf in doc.inferences:
        iid = inf.id
        if iid in undercut_ids or iid not in anchors or iid in seen:
            continue
        seen.add(iid)
        group = slots.get(anchors[iid])
        if group is None:
            group = slots[anchors[iid]] = []
        group.append((iid, inf.premises))
        if iid in undercuts:
            add_undercuts(iid, group)
    return slots


def build_tree(doc: ArgMap) -> ArgumentTree:
    """The drawing tree of ``doc`` (see the module docstring)."""
    order = [s.id for s in doc.statements]
    ids = set(order)
    by_id: dict[str, Inference] = {}
    undercut_ids: set[str] = set()
    linked: set[str] = set()
    undercut = InferenceKind.UNDERCUT
    for inf in doc.inferences:
        by_id[inf.id] = inf
        if inf.kind == undercut:
            undercut_ids.add(inf.id)
        if len(inf.premises) > 1:
            linked.add(inf.id)
    anchors = _anchors(doc, ids, by_id, undercut_ids)
    undercuts_of: dict[str, list[str]] = {}
    slots = _slots(doc, anchors, undercuts_of, by_id, undercut_ids)
    collapsed = set(doc.view.collapsed)
    is_premise = {p for i in doc.inferences if i.id in anchors for p in i.premises}

    tree = ArgumentTree(anchor=anchors)
    tree.undercuts = undercut_ids
    tree.linked = linked
    tree.undercuts_of = undercuts_of
    placed = tree.parent
    hidden: set[str] = set()

    def grow(root: str) -> None:
        placed[root] = None
        tree.depth[root] = 0
        tree.roots.append(root)
        stack = [root]
        while stack:
            node = stack.pop()
            if node in collapsed:
                n = _count_hidden(node, slots, placed, hidden)
                if n:
                    tree.hidden_count[node] = n
                continue
            groups: list[tuple[str, list[str]]] = []
            for inference_id, prem in slots.get(node, ()):
                kids = [p for p in prem if p in ids and p not in placed]
                for k in kids:
                    placed[k] = node
                    tree.depth[k] = tree.depth[node] + 1
                    hidden.discard(k)
                groups.append((inference_id, kids))
            if groups:
                tree.groups[node] = groups
                flat = [k for _, kids in groups for k in kids]
                if flat:
                    tree.kids[node] = flat
            # Depth-first, first child first: push children in reverse.
            for _, kids in reversed(groups):
                stack.extend(reversed(kids))

    if doc.question in ids:
        grow(doc.question)
    for sid in order:
        if sid not in placed and sid not in is_premise:
            grow(sid)
    for sid in order:  # cycles without a top: start at the first statement in them
        if sid not in placed and sid not in hidden:
            tree.loose_roots += 1
            grow(sid)
    return tree


def _count_hidden(
    node: str,
    slots: dict[str, list[tuple[str, list[str]]]],
    placed: dict[str, str | None],
    hidden: set[str],
) -> int:
    """How many not yet placed statements hang (transitively) under ``node``."""
    seen: set[str] = set()
    stack = [node]
    while stack:
        cur = stack.pop()
        for _, prem in slots.get(cur, ()):
            for p in prem:
                if p not in seen and p not in placed:
                    seen.add(p)
                    stack.append(p)
    hidden.update(seen)
    return len(seen)
