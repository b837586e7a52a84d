"""Small edits of a drawing tree in place: premises added under a card, leaves removed.

:func:`~argmap.layout.argument_tree.build_tree` walks the whole map. An edit that only
adds new premises under a visible card (or new loose statements), or only deletes cards
with nothing under them, changes the tree just there. :func:`patch_tree` first checks
that an edit is of that kind and otherwise returns None without changing anything, so a
patched tree always equals ``build_tree`` of the edited map.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.layout.argument_tree import ArgumentTree
from argmap.layout.edge_routing import EdgePlan
from argmap.model import ArgMap, Inference, InferenceKind

# What an inference was: premises, conclusion, kind.
InferenceFacts = tuple[tuple[str, ...], str, str]


def inference_facts(inf: Inference) -> InferenceFacts:
    """The parts of an inference that shape the tree."""
    return tuple(inf.premises), inf.conclusion, inf.kind


@dataclass(slots=True)
class TreeEdit:
    """The records an edit added, removed or changed, sorted by kind."""

    added_statements: list[str] = field(default_factory=list)
    removed_statements: set[str] = field(default_factory=set)
    changed_statements: list[str] = field(default_factory=list)
    added_inferences: list[Inference] = field(default_factory=list)
    removed_inferences: set[str] = field(default_factory=set)
    changed_inferences: list[Inference] = field(default_factory=list)

    @property
    def structural(self) -> bool:
        """Whether the tree may change (records added or removed, inferences changed)."""
        return bool(
            self.added_statements
            or self.removed_statements
            or self.added_inferences
            or self.removed_inferences
            or self.changed_inferences
        )


def classify(
    ids: list[str],
    old_statements: dict[str, int],
    new_statements: dict[str, int],
    old_inferences: dict[str, InferenceFacts],
    new_inferences: dict[str, Inference],
) -> TreeEdit:
    """Sort the ids an edit touched; ids of neither statements nor inferences are ignored."""
    edit = TreeEdit()
    for key in dict.fromkeys(ids):
        if key in new_statements:
            target = edit.changed_statements if key in old_statements else edit.added_statements
            target.append(key)
        elif key in old_statements:
            edit.removed_statements.add(key)
        elif key in new_inferences:
            inf = new_inferences[key]
            old = old_inferences.get(key)
            if old is None:
                edit.added_inferences.append(inf)
            elif old != inference_facts(inf):
                edit.changed_inferences.append(inf)
        elif key in old_inferences:
            edit.removed_inferences.add(key)
    return edit


def patch_tree(
    tree: ArgumentTree,
    plan: EdgePlan,
    edit: TreeEdit,
    doc: ArgMap,
    old_inferences: dict[str, InferenceFacts],
) -> set[str] | None:
    """Apply ``edit`` to ``tree`` and ``plan``; the cards whose children changed, or None
    (nothing changed) when the edit is not a plain addition or removal of leaves."""
    adds = edit.added_statements or edit.added_inferences
    removes = edit.removed_statements or edit.removed_inferences or edit.changed_inferences
    if adds and not removes:
        return _add(tree, plan, edit, doc, len(old_inferences))
    if removes and not adds:
        return _remove(tree, plan, edit, old_inferences, set(doc.view.collapsed))
    return None


def _add(
    tree: ArgumentTree, plan: EdgePlan, edit: TreeEdit, doc: ArgMap, n_before: int
) -> set[str] | None:
    new = set(edit.added_statements)
    infs = edit.added_inferences
    collapsed = set(doc.view.collapsed)
    tail = doc.inferences[n_before:]
    if len(tail) != len(infs) or {i.id for i in tail} != {i.id for i in infs}:
        return None  # not appended at the end: the children's order may change
    used: set[str] = set()
    for inf in infs:
        x = inf.conclusion
        if inf.kind == InferenceKind.UNDERCUT or x not in tree.parent or x in collapsed:
            return None
        for p in inf.premises:
            if p not in new or p in used or p in collapsed:
                return None
            used.add(p)
    loose = [s for s in edit.added_statements if s not in used]
    if loose:
        last = [s.id for s in doc.statements[len(doc.statements) - len(loose) :]]
        if tree.loose_roots or last != loose or doc.question in loose:
            return None  # a new root that does not simply go last
    infs = list(tail)  # document order
    kids = tree.kids = dict(tree.kids)  # the previous layout keeps the old dict
    dirty: set[str] = set()
    for inf in infs:
        x = inf.conclusion
        members = list(inf.premises)
        tree.groups[x] = [*tree.groups.get(x, ()), (inf.id, members)]
        kids[x] = [*kids.get(x, ()), *members]
        tree.anchor[inf.id] = x
        if len(members) > 1:
            tree.linked.add(inf.id)
        for p in members:
            tree.parent[p] = x
            tree.depth[p] = tree.depth[x] + 1
            plan.touching.setdefault(p, set()).add(x)
        plan.incoming.setdefault(x, []).append((inf, list(members)))
        plan.touching.setdefault(x, set()).add(x)
        dirty.add(x)
    for sid in loose:
        tree.roots = [*tree.roots, sid]
        tree.parent[sid] = None
        tree.depth[sid] = 0
    return dirty


def _remove(
    tree: ArgumentTree,
    plan: EdgePlan,
    edit: TreeEdit,
    old_inferences: dict[str, InferenceFacts],
    collapsed: set[str],
) -> set[str] | None:
    if not _removes_only_leaves(tree, edit, old_inferences, collapsed):
        return None
    dirty: set[str] = set()
    tree.kids = dict(tree.kids)  # the previous layout keeps the old dict
    for iid in edit.removed_inferences:
        _drop_inference(tree, plan, iid, old_inferences[iid][1], dirty)
    for inf in edit.changed_inferences:
        _drop_premises(tree, plan, inf, edit.removed_statements, dirty)
    for sid in edit.removed_statements:
        _drop_leaf(tree, plan, sid, dirty)
    return dirty - edit.removed_statements


def _removes_only_leaves(
    tree: ArgumentTree,
    edit: TreeEdit,
    old_inferences: dict[str, InferenceFacts],
    collapsed: set[str],
) -> bool:
    """Whether removing ``edit``'s records takes leaves off the tree and moves nothing else."""
    gone = edit.removed_statements

    def folded(anchor: str | None) -> bool:  # hidden counts depend on the visiting order
        return (
            anchor is not None
            and anchor not in gone
            and (anchor in collapsed or anchor not in tree.parent)
        )

    for sid in gone:
        if sid not in tree.parent or tree.kids.get(sid) or sid in tree.hidden_count:
            return False  # hidden, or with children that would need a new parent
    for iid in edit.removed_inferences:
        if not _removable_inference(tree, edit, iid, old_inferences[iid][0]):
            return False
        if folded(tree.anchor.get(iid)):
            return False
    for inf in edit.changed_inferences:
        old_premises, conclusion, kind = old_inferences[inf.id]
        dropped = set(old_premises) - set(inf.premises)
        if (conclusion, kind) != (inf.conclusion, inf.kind) or not dropped <= gone:
            return False
        if len(inf.premises) + len(dropped) != len(old_premises):
            return False  # premises added or reordered
        if folded(tree.anchor.get(inf.id)):
            return False
    return True


def _removable_inference(
    tree: ArgumentTree, edit: TreeEdit, iid: str, premises: tuple[str, ...]
) -> bool:
    """Whether removing inference ``iid`` leaves every surviving card where it is."""
    gone = edit.removed_statements
    anchor = tree.anchor.get(iid)
    if any(u not in edit.removed_inferences for u in tree.undercuts_of.get(iid, ())):
        return False  # a surviving undercut would hang elsewhere
    parent = tree.parent
    if any(p not in gone and p in parent and parent[p] == anchor for p in premises):
        return False  # a premise placed through this inference would move
    # A root premise: where the roots go may depend on this inference.
    return not any(p not in gone and p in parent and parent[p] is None for p in premises)


def _drop_inference(
    tree: ArgumentTree, plan: EdgePlan, iid: str, conclusion: str, dirty: set[str]
) -> None:
    """Take a removed inference out of the tree's groups and the arrow plan."""
    anchor = tree.anchor.pop(iid, None)
    if anchor is not None and anchor in tree.groups:
        tree.groups[anchor] = [g for g in tree.groups[anchor] if g[0] != iid]
        dirty.add(anchor)
    if conclusion in plan.incoming:
        plan.incoming[conclusion] = [e for e in plan.incoming[conclusion] if e[0].id != iid]
        if not plan.incoming[conclusion]:
            del plan.incoming[conclusion]
    plan.undercuts = [e for e in plan.undercuts if e[0].id != iid]
    for table in (tree.undercuts_of, plan.undercuts_of):
        table.pop(iid, None)
        for under in table.values():
            if iid in under:
                under.remove(iid)
    tree.undercuts.discard(iid)
    tree.linked.discard(iid)


def _drop_premises(
    tree: ArgumentTree, plan: EdgePlan, inf: Inference, gone: set[str], dirty: set[str]
) -> None:
    """Take the removed statements out of a changed inference's group and arrows."""
    if len(inf.premises) < 2:
        tree.linked.discard(inf.id)
    anchor = tree.anchor.get(inf.id)
    if anchor is not None and anchor in tree.groups:
        tree.groups[anchor] = [
            (g, [p for p in members if p not in gone]) if g == inf.id else (g, members)
            for g, members in tree.groups[anchor]
        ]
        dirty.add(anchor)
    for arrows in (plan.incoming.get(inf.conclusion, []), plan.undercuts):
        for n, (each, visible) in enumerate(arrows):
            if each.id == inf.id:
                arrows[n] = (inf, [p for p in visible if p not in gone])


def _drop_leaf(tree: ArgumentTree, plan: EdgePlan, sid: str, dirty: set[str]) -> None:
    """Take a removed card (a leaf) off the tree: from its parent's children or the roots."""
    parent = tree.parent.pop(sid)
    tree.depth.pop(sid)
    tree.groups.pop(sid, None)
    plan.incoming.pop(sid, None)
    if parent is None:
        tree.roots = [r for r in tree.roots if r != sid]
        return
    kids = tree.kids
    rest = [k for k in kids[parent] if k != sid]
    if rest:
        kids[parent] = rest
    else:
        del kids[parent]
    tree.groups[parent] = [
        (g, [p for p in members if p != sid]) for g, members in tree.groups[parent]
    ]
    dirty.add(parent)
