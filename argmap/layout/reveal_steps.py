"""The step sequence of a presentation: the map revealed argument by argument. No Qt.

Step 0 shows the root (the focal question). Each later step takes one statement, in
depth-first document order (the drawing tree's order), and reveals its reasons: the
premises of the inferences into it, linked premises together, then the premises that
undercut those inferences. A statement with more reasons than fit on one screen may be
split into parts (``fits``), never splitting one inference's premises. Going back a step
hides exactly what that step revealed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from argmap.layout.argument_tree import ArgumentTree, build_tree
from argmap.model import ArgMap, ViewState

# fits(current, groups): whether these premise groups of ``current`` share one screen.
FitsPredicate = Callable[[str, Sequence[Sequence[str]]], bool]


class _Reveal:
    """What every step of one sequence shares: when each statement and arrow appears,
    and the arrow from each card up to its parent (a step's sets and path are worked
    out from these when asked, so n steps cost n, not n squared)."""

    __slots__ = ("arrow_up", "arrow_at", "parent", "shown_at")

    def __init__(self, tree: ArgumentTree) -> None:
        self.parent = tree.parent
        self.arrow_up: dict[str, str] = {}
        for groups in tree.groups.values():
            for iid, kids in groups:
                for kid in kids:
                    self.arrow_up[kid] = iid
        self.shown_at: dict[str, int] = {}
        self.arrow_at: dict[str, int] = {}


@dataclass(frozen=True, slots=True)
class RevealStep:
    """What one step shows: the statement in focus, what it added, and everything visible.

    ``path`` runs from ``current`` up to its root; ``path_inferences`` are the arrows
    along it (one fewer). ``part``/``parts`` number a statement's split reason pages.
    """

    index: int
    current: str
    revealed: tuple[str, ...]
    new_inferences: tuple[str, ...]
    part: int = 1
    parts: int = 1
    _reveal: _Reveal | None = field(default=None, repr=False, compare=False)

    @property
    def statements(self) -> frozenset[str]:
        """Every statement visible at this step."""
        table = self._reveal.shown_at if self._reveal else dict.fromkeys(self.revealed, 0)
        return frozenset(s for s, k in table.items() if k <= self.index)

    @property
    def inferences(self) -> frozenset[str]:
        """Every arrow visible at this step."""
        table = self._reveal.arrow_at if self._reveal else dict.fromkeys(self.new_inferences, 0)
        return frozenset(i for i, k in table.items() if k <= self.index)

    @property
    def path(self) -> tuple[str, ...]:
        nodes = [self.current]
        if self._reveal is not None:
            parent = self._reveal.parent
            while (up := parent.get(nodes[-1])) is not None:
                nodes.append(up)
        return tuple(nodes)

    @property
    def path_inferences(self) -> tuple[str, ...]:
        if self._reveal is None:
            return ()
        arrow_up = self._reveal.arrow_up
        return tuple(arrow_up[sid] for sid in self.path[:-1])


def presentation_tree(doc: ArgMap) -> ArgumentTree:
    """The whole map's drawing tree, ignoring what the editor has collapsed."""
    return build_tree(_uncollapsed(doc))


def _uncollapsed(doc: ArgMap) -> ArgMap:
    if not doc.view.collapsed and not doc.view.pinned:
        return doc
    return doc.model_copy(update={"view": ViewState(direction=doc.view.direction)})


def _preorder(tree: ArgumentTree) -> list[str]:
    order: list[str] = []
    stack = list(reversed(tree.roots))
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(tree.children(node)))
    return order


def _chunks(
    current: str, groups: list[tuple[str, list[str]]], fits: FitsPredicate | None
) -> list[list[tuple[str, list[str]]]]:
    """Consecutive runs of groups that each fit on one screen (all of them if no test),
    as evenly filled as the fewest pages allow."""
    if fits is None or not groups:
        return [groups]
    total = sum(len(kids) for _, kids in groups)
    greedy = _fill(current, groups, fits, total)
    if len(greedy) == 1:
        return greedy
    for cap in range(-(-total // len(greedy)), total + 1):
        even = _fill(current, groups, fits, cap)
        if len(even) <= len(greedy):
            return even
    return greedy  # pragma: no cover (cap == total reproduces the greedy pages)


def _fill(
    current: str, groups: list[tuple[str, list[str]]], fits: FitsPredicate, cap: int
) -> list[list[tuple[str, list[str]]]]:
    """Pages filled in order while they fit and hold at most ``cap`` premises."""
    chunks: list[list[tuple[str, list[str]]]] = [[groups[0]]]
    for group in groups[1:]:
        trial = [kids for _, kids in chunks[-1] if kids] + ([group[1]] if group[1] else [])
        if not group[1] or (sum(map(len, trial)) <= cap and fits(current, trial)):
            chunks[-1].append(group)
        else:
            chunks.append([group])
    return chunks


def reveal_steps(doc: ArgMap, fits: FitsPredicate | None = None) -> list[RevealStep]:
    """Every step of a branch-by-branch reveal of ``doc`` (empty for an empty map)."""
    tree = presentation_tree(doc)
    if not tree.roots:
        return []
    steps: list[RevealStep] = []
    reveal = _Reveal(tree)
    shown, arrows = reveal.shown_at, reveal.arrow_at

    def add(
        current: str, revealed: list[str], new_arrows: list[str], part: int, parts: int
    ) -> None:
        k = len(steps)
        for sid in revealed:
            shown.setdefault(sid, k)
        for iid in new_arrows:
            arrows.setdefault(iid, k)
        steps.append(
            RevealStep(k, current, tuple(revealed), tuple(new_arrows), part, parts, reveal)
        )

    first = tree.roots[0]
    add(first, [first], [], 1, 1)
    roots = set(tree.roots)
    for node in _preorder(tree):
        groups = tree.groups.get(node, [])
        pending_root = [node] if node in roots and node not in shown else []
        if not groups:
            if pending_root:
                add(node, pending_root, [], 1, 1)
            continue
        chunks = _chunks(node, groups, fits)
        for n, chunk in enumerate(chunks, start=1):
            revealed = pending_root + [k for _, kids in chunk for k in kids]
            pending_root = []
            add(node, revealed, [i for i, _ in chunk], n, len(chunks))
    return steps


def visible_map(doc: ArgMap, step: RevealStep) -> ArgMap:
    """The part of ``doc`` a step shows, in document order, as a map of its own."""
    statements, inferences = step.statements, step.inferences
    return doc.model_copy(
        update={
            "statements": [s for s in doc.statements if s.id in statements],
            "inferences": [i for i in doc.inferences if i.id in inferences],
            "view": ViewState(direction=doc.view.direction),
        }
    )
