"""Round trips through Argdown: argmap -> Argdown -> argmap keeps everything but ids
(generated maps), and Argdown -> argmap -> Argdown -> argmap keeps what was read (corpus)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from map_strategies import arg_maps

from argmap.interop.argdown_reader import read_argdown
from argmap.interop.argdown_writer import dumps_argdown
from argmap.interop.well_formed import drawable_inferences
from argmap.model import ArgMap, StatementKind

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "argdown"
_FIRST = [StatementKind.QUESTION, StatementKind.SCENARIO]


def _writer_order(doc: ArgMap) -> list[Any]:
    rank = {kind: n for n, kind in enumerate(_FIRST)}
    return sorted(doc.statements, key=lambda s: rank.get(s.kind, len(rank)))


def canonical(doc: ArgMap, order: list[Any]) -> dict[str, Any]:
    """The map with ids replaced by positions: what a round trip must keep."""
    at = {s.id: ("statement", n) for n, s in enumerate(order)}
    inferences = drawable_inferences(doc)
    at |= {i.id: ("inference", n) for n, i in enumerate(inferences)}
    return {
        "title": doc.title,
        "question": at.get(doc.question or ""),
        "statements": [
            (s.kind, s.text, s.notes, s.tags, s.credibility, s.prior, s.quotes) for s in order
        ],
        "inferences": [
            (i.kind, [at[p] for p in i.premises], at[i.conclusion], i.strength, i.scheme, i.notes)
            for i in inferences
        ],
        "sources": [s.model_dump() for s in doc.sources],
        "quotes": [q.model_dump() for q in doc.quotes],
        "ratings": [(at[r.evidence], at[r.scenario], r.rating, r.relevance) for r in doc.ratings],
        "view": (
            doc.view.direction,
            sorted((at[k], v) for k, v in doc.view.pinned.items()),
            [at[k] for k in doc.view.collapsed],
        ),
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arg_maps())
def test_argmap_to_argdown_to_argmap_keeps_the_map(doc: ArgMap) -> None:
    text = dumps_argdown(doc)
    back, report = read_argdown(text)
    assert report.warnings == []
    assert canonical(back, back.statements) == canonical(doc, _writer_order(doc))


def test_the_sample_like_map_survives_with_judgements(sample_map: ArgMap) -> None:
    sample_map.statements[3].notes = "Line one\nline two"
    sample_map.inferences[0].strength = 0.35
    sample_map.inferences[1].notes = "a note on an attack"
    sample_map.view.pinned["s-e1"] = (10.5, -3.0)
    sample_map.view.collapsed.append("i-1")
    back, report = read_argdown(dumps_argdown(sample_map))
    assert report.warnings == []
    assert canonical(back, back.statements) == canonical(sample_map, _writer_order(sample_map))


def _projection(doc: ArgMap) -> dict[str, Any]:
    """What an Argdown file read into argmap must keep through one more write and read."""
    kept = doc.dialogue.argdown if doc.dialogue is not None else None
    assert kept is not None
    text = {s.id: s.text for s in doc.statements}

    def name(record_id: str) -> str:
        return text.get(record_id, "inference")

    return {
        "statements": sorted(
            (s.kind, s.text, tuple(s.tags), s.credibility, s.prior, s.notes) for s in doc.statements
        ),
        "inferences": sorted(
            (i.kind, tuple(name(p) for p in i.premises), name(i.conclusion), i.scheme, i.strength)
            for i in doc.inferences
        ),
        "titles": sorted((k.title, k.argument, str(k.data)) for k in kept.statements.values()),
        "arguments": [(a.title, a.description, a.tags, a.data) for a in kept.arguments],
        "sections": [(s.title, s.level, s.data) for s in kept.sections],
        "undrawn": kept.undrawn,
        "front matter": kept.front_matter,
    }


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.argdown")), ids=lambda p: p.stem)
def test_argdown_to_argmap_to_argdown_gives_the_same_map(path: Path) -> None:
    doc, _report = read_argdown(path.read_text(encoding="utf-8"))
    again, _report = read_argdown(dumps_argdown(doc))
    assert _projection(again) == _projection(doc)
