"""Copying part of a map and pasting it into a map: the clipboard's pure half.

:func:`copy_fragment` cuts the chosen statements with everything under them (their
subtrees), the inferences among them, the quotes they cite with those quotes' articles,
the ACH ratings among them, their row weights, signposts and analysts' judgements
(:mod:`argmap.model.fragment_judgements`), and which of its cards are folded or pinned,
into a small map of its own. :func:`plan_paste` plans one undoable edit adding such a
fragment to a map: every statement and inference gets a fresh id (a paste never collides
with what is there), an article already in the map (same text) and a quote already in it
(same passage) are reused rather than doubled, and the fragment's top cards hang under
``parent`` when one is given. Folded cards stay folded. Pinned cards keep their places
relative to each other: where those places are free in the map, exactly; where cards are
pinned already (a paste into the map copied from), the group moves right, by its width
and a card's, until it is clear, so a copy lands beside the original, not over it. A pin
the move would push off the canvas is left out, and the summary says so.
:func:`placed_at` pins a fragment's top cards at a point first, for "Paste here".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from argmap.model.document import ArgMap, ViewState
from argmap.model.edit_steps import Edit, EditError, InsertRecord, SetCollapsed, SetPinned
from argmap.model.fragment_judgements import PastedJudgements, judgements_of, paste_judgements
from argmap.model.ids import PREFIXES, new_id
from argmap.model.inference import Inference, InferenceKind
from argmap.model.map_index import MapIndex
from argmap.model.map_subset import restrict, subtree_ids
from argmap.model.statement import StatementKind
from argmap.model.validation import on_canvas

# The room a pinned card takes: the widest card (270) with a gap, a card of a few lines.
CARD_ROOM = (300.0, 120.0)
_TRIES = 100  # moves tried before the group is placed over others anyway
Position = tuple[float, float]


def copy_fragment(doc: ArgMap, ids: Iterable[str]) -> ArgMap:
    """The statements ``ids`` with their subtrees, as a map of their own (see above)."""
    keep: dict[str, None] = {}
    for sid in ids:
        keep.update(dict.fromkeys(subtree_ids(doc, sid)))
    part = restrict(doc, keep)
    ratings = [r for r in doc.ratings if r.evidence in keep and r.scenario in keep]
    inferences = {i.id for i in part.inferences}
    held = keep.keys() | inferences
    judged = judgements_of(doc, keep.keys(), inferences)
    view = ViewState(
        pinned={k: xy for k, xy in doc.view.pinned.items() if k in held},
        collapsed=[k for k in doc.view.collapsed if k in held],
    )
    return ArgMap(
        sources=part.sources,
        quotes=part.quotes,
        statements=part.statements,
        inferences=part.inferences,
        ratings=ratings,
        ach_rows=judged.ach_rows,
        signposts=judged.signposts,
        layers=judged.layers,
        view=view,
    )


def fragment_roots(frag: ArgMap) -> list[str]:
    """The fragment's top cards: statements that support or attack nothing in it."""
    held = {s.id for s in frag.statements}
    below = {
        p
        for inf in frag.inferences
        for p in inf.premises
        if inf.kind is InferenceKind.UNDERCUT or inf.conclusion in held
    }
    return [s.id for s in frag.statements if s.id not in below]


def placed_at(frag: ArgMap, at: Position) -> ArgMap:
    """The fragment with its top cards pinned at scene point ``at`` ("Paste here").

    Pinned cards keep their places relative to each other, the group's top-left corner
    moved to ``at``; top cards that were not pinned stand in a column below them, a card's
    room apart, in the fragment's order. Cards inside subtrees follow their top cards.
    """
    roots = fragment_roots(frag)
    pins = dict(frag.view.pinned)
    if pins:
        dx = at[0] - min(x for x, _ in pins.values())
        dy = at[1] - min(y for _, y in pins.values())
        pins = {k: (x + dx, y + dy) for k, (x, y) in pins.items()}
    pinned_tops = [pins[r][1] for r in roots if r in pins]
    y = max(pinned_tops) + CARD_ROOM[1] if pinned_tops else at[1]
    for root in roots:
        if root not in pins:
            pins[root] = (at[0], y)
            y += CARD_ROOM[1]
    return frag.model_copy(update={"view": frag.view.model_copy(update={"pinned": pins})})


@dataclass
class Pasted:
    """A planned paste: the edit, the new statements (top cards first) and what it reused."""

    edit: Edit
    roots: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    quotes_added: int = 0
    quotes_reused: int = 0
    sources_added: int = 0
    sources_reused: int = 0
    folded: int = 0
    pinned: int = 0
    pins_moved: Position = (0.0, 0.0)
    pins_left_out: int = 0  # they would have landed off the canvas
    joined_question: int = 0  # scenarios pasted with no parent, put under the question
    judgements: PastedJudgements = field(default_factory=PastedJudgements)

    def summary(self) -> str:
        """One line for the status bar, e.g. "Pasted 3 statements (2 quotes, 1 article added)"."""
        n = len(self.statements)
        text = f"Pasted {n} statement{'s' * (n != 1)}"
        extras = []
        if self.quotes_added:
            extras.append(f"{self.quotes_added} quote{'s' * (self.quotes_added != 1)} added")
        if self.sources_added:
            extras.append(f"{self.sources_added} article{'s' * (self.sources_added != 1)} added")
        if self.quotes_reused or self.sources_reused:
            extras.append(f"{self.quotes_reused + self.sources_reused} already in the map")
        if self.joined_question:
            k = self.joined_question
            extras.append(f"{k} scenario{'s' * (k != 1)} put under the question")
        extras += _counted(
            ("row weight", self.judgements.rows),
            ("signpost", self.judgements.signposts),
            ("layer judgement", self.judgements.layer_judgements),
        )
        if self.folded:
            extras.append(f"{self.folded} folded")
        if self.pinned:
            extras.append(f"{self.pinned} pinned")
            if self.pins_moved != (0.0, 0.0):
                extras.append(f"moved {self.pins_moved[0]:g} right, clear of the pinned cards")
        if extras:
            text = f"{text} ({', '.join(extras)})"
        if self.pins_left_out:
            k = self.pins_left_out
            they = "they" if k > 1 else "it"
            text += f"; {k} pin{'s' * (k > 1)} left out: {they} would lie off the canvas"
        for name, k in self.judgements.left_out.items():
            text += (
                f"; {k} judgement{'s' * (k != 1)} of layer {name!r} left out: "
                "this map has no such layer"
            )
        return text


def _question_for(ix: MapIndex, kind: StatementKind) -> str | None:
    """The question a scenario pasted with no parent answers (as a new scenario does)."""
    question = ix.doc.question
    if kind is StatementKind.SCENARIO and question is not None and question in ix.statements:
        return question
    return None


def _counted(*counts: tuple[str, int]) -> list[str]:
    """'2 signposts', '1 row weight'... for the counts that are not zero."""
    return [f"{n} {what}{'s' * (n != 1)}" for what, n in counts if n]


class _Ids:
    """Fresh ids: not in the map and not handed out by this paste."""

    def __init__(self, ix: MapIndex) -> None:
        self.ix = ix
        self.given: set[str] = set()

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self.given or self.ix.has_id(key))

    def fresh(self, kind: str, wish: str | None = None) -> str:
        rid = wish if wish is not None and wish not in self else new_id(PREFIXES[kind], self)
        self.given.add(rid)
        return rid


def plan_paste(
    ix: MapIndex,
    frag: ArgMap,
    parent: str | None = None,
    relation: InferenceKind | None = None,
) -> Pasted:
    """One edit adding ``frag`` to the map; its top cards support (an objection: attack)
    ``parent``, or with ``relation`` given, relate to it that way."""
    if parent is not None and parent not in ix.statements:
        raise EditError(f"no statement {parent!r} to paste under")
    if not frag.statements:
        raise EditError("there is nothing to paste")
    ids = _Ids(ix)
    pasted = Pasted(Edit("Paste"))
    steps: list[Any] = []
    source_of = _paste_sources(ix, frag, ids, steps, pasted)
    quote_of = _paste_quotes(ix, frag, ids, steps, pasted, source_of=source_of)
    statement_of = {s.id: ids.fresh("statement") for s in frag.statements}
    inference_of = {i.id: ids.fresh("inference") for i in frag.inferences}
    at = len(ix.doc.statements)
    for s in frag.statements:
        # Two quotes of one passage may both become the map's one: cite it once.
        quotes = list(dict.fromkeys(quote_of[q] for q in s.quotes if q in quote_of))
        copied = s.model_copy(update={"id": statement_of[s.id], "quotes": quotes})
        steps.append(InsertRecord("statement", at, copied))
        at += 1
    at = len(ix.doc.inferences)
    for inf in frag.inferences:
        target = inference_of if inf.kind is InferenceKind.UNDERCUT else statement_of
        if inf.conclusion not in target or any(p not in statement_of for p in inf.premises):
            continue  # refers to something the fragment does not hold
        record = inf.model_copy(
            update={
                "id": inference_of[inf.id],
                "premises": [statement_of[p] for p in inf.premises],
                "conclusion": target[inf.conclusion],
            }
        )
        steps.append(InsertRecord("inference", at, record))
        at += 1
    roots = [statement_of[r] for r in fragment_roots(frag)]
    kinds = {statement_of[s.id]: s.kind for s in frag.statements}
    for root in roots:
        under = parent if parent is not None else _question_for(ix, kinds[root])
        if under is None:
            continue
        kind = relation or (
            InferenceKind.ATTACK
            if kinds[root] is StatementKind.OBJECTION
            else InferenceKind.SUPPORT
        )
        link = Inference(id=ids.fresh("inference"), premises=[root], conclusion=under, kind=kind)
        steps.append(InsertRecord("inference", at, link))
        at += 1
        pasted.joined_question += parent is None
    at = len(ix.doc.ratings)
    for rating in frag.ratings:
        if rating.evidence in statement_of and rating.scenario in statement_of:
            moved = rating.model_copy(
                update={
                    "evidence": statement_of[rating.evidence],
                    "scenario": statement_of[rating.scenario],
                }
            )
            steps.append(InsertRecord("rating", at, moved))
            at += 1
    judgements = paste_judgements(ix, frag, {**statement_of, **inference_of})
    steps += judgements.steps
    pasted.judgements = judgements
    steps += _paste_view(ix, frag, {**statement_of, **inference_of}, pasted)
    n = len(frag.statements)
    pasted.edit = Edit("Paste" if n == 1 else f"Paste {n} statements", tuple(steps))
    pasted.roots = roots
    pasted.statements = list(statement_of.values())
    return pasted


def _paste_sources(
    ix: MapIndex, frag: ArgMap, ids: _Ids, steps: list[Any], pasted: Pasted
) -> dict[str, str]:
    """Fragment source id -> the map's: an article with the same text is reused."""
    by_text = {s.sha256: s.id for s in ix.doc.sources}
    source_of: dict[str, str] = {}
    at = len(ix.doc.sources)
    for source in frag.sources:
        same = by_text.get(source.sha256)
        if same is not None and ix.sources[same].text == source.text:
            source_of[source.id] = same
            pasted.sources_reused += 1
            continue
        sid = ids.fresh("source", source.id)
        steps.append(InsertRecord("source", at, source.model_copy(update={"id": sid})))
        source_of[source.id] = sid
        by_text[source.sha256] = sid
        at += 1
        pasted.sources_added += 1
    return source_of


def _paste_quotes(
    ix: MapIndex,
    frag: ArgMap,
    ids: _Ids,
    steps: list[Any],
    pasted: Pasted,
    *,
    source_of: dict[str, str],
) -> dict[str, str]:
    """Fragment quote id -> the map's: the same passage of the same article is reused."""
    existing = {(q.source, q.start, q.end, q.exact): q.id for q in ix.doc.quotes}
    quote_of: dict[str, str] = {}
    at = len(ix.doc.quotes)
    for quote in frag.quotes:
        source = source_of.get(quote.source)
        if source is None:
            continue  # its article is not in the fragment: the citation cannot come along
        key = (source, quote.start, quote.end, quote.exact)
        if key in existing:
            quote_of[quote.id] = existing[key]
            pasted.quotes_reused += 1
            continue
        qid = ids.fresh("quote", quote.id)
        steps.append(
            InsertRecord("quote", at, quote.model_copy(update={"id": qid, "source": source}))
        )
        quote_of[quote.id] = existing[key] = qid
        at += 1
        pasted.quotes_added += 1
    return quote_of


def _paste_view(ix: MapIndex, frag: ArgMap, new_id_of: dict[str, str], pasted: Pasted) -> list[Any]:
    """Steps folding and pinning the pasted cards as the fragment's were (see above)."""
    steps: list[Any] = []
    collapsed = ix.doc.view.collapsed
    for key in frag.view.collapsed:
        if key in new_id_of:
            steps.append(SetCollapsed(new_id_of[key], len(collapsed) + pasted.folded, True))
            pasted.folded += 1
    pins = {new_id_of[k]: xy for k, xy in frag.view.pinned.items() if k in new_id_of}
    dx, dy = _clear_offset(ix.doc.view.pinned.values(), pins.values())
    for rid, (x, y) in pins.items():
        moved = (x + dx, y + dy)
        if on_canvas(moved):
            steps.append(SetPinned(rid, None, moved))
            pasted.pinned += 1
        else:
            pasted.pins_left_out += 1
    pasted.pins_moved = (dx, dy)
    return steps


def _clear_offset(taken: Iterable[Position], wanted: Iterable[Position]) -> Position:
    """No move when no wanted position lies within a card's room of a taken one; else the
    group moves right by its own width and a card's room, again until it is clear."""
    near = _near(taken)
    points = list(wanted)
    if not points:
        return (0.0, 0.0)
    step = max(x for x, _ in points) - min(x for x, _ in points) + CARD_ROOM[0]
    shift = 0.0
    for _ in range(_TRIES):
        if not any(near(x + shift, y) for x, y in points):
            break
        shift += step
    return (shift, 0.0)


def _near(taken: Iterable[Position]) -> Callable[[float, float], bool]:
    """A test: does a card pinned at a point overlap the room of one pinned at ``taken``?
    (A grid of cells a card's room in size: only the nine around the point are looked at.)"""
    width, height = CARD_ROOM
    grid: dict[tuple[int, int], list[Position]] = {}
    for x, y in taken:
        grid.setdefault((int(x // width), int(y // height)), []).append((x, y))

    def near(x: float, y: float) -> bool:
        cx, cy = int(x // width), int(y // height)
        return any(
            abs(x - tx) < width and abs(y - ty) < height
            for gx in (cx - 1, cx, cx + 1)
            for gy in (cy - 1, cy, cy + 1)
            for tx, ty in grid.get((gx, gy), ())
        )

    return near
