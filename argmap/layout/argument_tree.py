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


def _undercut_anchors(
    undercut_list: list[Inference],
    statement_ids: set[str],
    by_id: dict[str, Inference],
    undercuts: set[str],
    anchors: dict[str, str],
) -> None:
    """Add to ``anchors`` the statement each undercut's premises hang under: the anchor
    of the inference it undercuts (recursively)."""
    for inf in undercut_list:
        seen: set[str] = set()
        cur = inf
        while cur.id in undercuts and cur.conclusion in by_id:
            if cur.id in seen:
                break
            seen.add(cur.id)
            cur = by_id[cur.conclusion]
        if cur.id not in undercuts and cur.conclusion in statement_ids:
            anchors[inf.id] = cur.conclusion


def _slots(
    doc: ArgMap,
    anchors: dict[str, str],
    undercut_list: list[Inference],
    by_id: dict[str, Inference],
    undercut_ids: set[str],
) -> tuple[dict[str, list[tuple[str, list[str]]]], dict[str, list[str]], set[str]]:
    """Statement id -> ordered (inference id, premise ids) groups that hang under it;
    inference id -> its anchored undercuts; and every premise of those groups."""
    undercuts: dict[str, list[str]] = {}
    for inf in undercut_list:
        if inf.id in anchors:
            undercuts.setdefault(inf.conclusion, []).append(inf.id)
    slots: dict[str, list[tuple[str, list[str]]]] = {}
    premises: set[str] = set()
    seen: set[str] = set()
    for inf in doc.inferences:
        iid = inf.id
        anchor = anchors.get(iid)
        if anchor is None or iid in undercut_ids or iid in seen:
            continue
        seen.add(iid)
        group = slots.get(anchor)
        if group is None:
            group = slots[anchor] = []
        prem = inf.premises
        group.append((iid, prem))
        premises.update(prem)
        # Its undercuts right after it, depth-first (a loop, not a recursive closure: that
        # would be a reference cycle keeping these tables alive until the next collection).
        pending = undercuts.get(iid)
        stack = pending[::-1] if pending else []
        while stack:
            u = stack.pop()
            if u in seen:
                continue
            seen.add(u)
            prem = by_id[u].premises
            group.append((u, prem))
            premises.update(prem)
            pending = undercuts.get(u)
            if pending:
                stack.extend(reversed(pending))
    return slots, undercuts, premises


def build_tree(doc: ArgMap) -> ArgumentTree:  # noqa: C901, PLR0915  h2-bounded reworks it
    """The drawing tree of ``doc`` (see the module docstring)."""
    order = [s.id for s in doc.statements]
    ids = set(order)
    by_id: dict[str, Inference] = {}
    undercut_ids: set[str] = set()
    undercut_list: list[Inference] = []
    linked: set[str] = set()
    anchors: dict[str, str] = {}
    undercut = InferenceKind.UNDERCUT
    for inf in doc.inferences:  # one pass: undercuts need every inference known first
        iid = inf.id
        by_id[iid] = inf
        if inf.kind == undercut:
            undercut_ids.add(iid)
            undercut_list.append(inf)
        elif inf.conclusion in ids:
            anchors[iid] = inf.conclusion
        if len(inf.premises) > 1:
            linked.add(iid)
    _undercut_anchors(undercut_list, ids, by_id, undercut_ids, anchors)
    slots, undercuts_of, is_premise = _slots(doc, anchors, undercut_list, by_id, undercut_ids)
    collapsed = set(doc.view.collapsed)

    tree = ArgumentTree(anchor=anchors)
    tree.undercuts = undercut_ids
    tree.linked = linked
    tree.undercuts_of = undercuts_of
    placed = tree.parent
    depth = tree.depth
    all_groups = tree.groups
    all_kids = tree.kids
    hidden: set[str] = set()

    def grow(root: str) -> None:
        placed[root] = None
        depth[root] = 0
        tree.roots.append(root)
        stack = [root]
        while stack:
            node = stack.pop()
            if node in collapsed:
                n = _count_hidden(node, slots, placed, hidden)
                if n:
                    tree.hidden_count[node] = n
                continue
            node_slots = slots.get(node)
            if node_slots is None:
                continue
            d = depth[node] + 1
            groups: list[tuple[str, list[str]]] = []
            flat: list[str] = []
            for inference_id, prem in node_slots:
                kids = [p for p in prem if p in ids and p not in placed]
                for k in kids:
                    placed[k] = node
                    depth[k] = d
                if hidden:
                    hidden.difference_update(kids)
                groups.append((inference_id, kids))
                flat.extend(kids)
            all_groups[node] = groups
            if flat:
                all_kids[node] = flat
                # Depth-first, first child first: push children in reverse.
                stack.extend(reversed(flat))

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
