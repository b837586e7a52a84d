"""Hypothesis strategies for valid argmap documents, shared by every test suite.

``arg_maps()`` draws an :class:`ArgMap` for which ``validate()`` finds no problem at all:
sources with checksummed text, quotes that match their source exactly, statements of
every kind citing quotes, support/attack inferences with linked premises (support
never loops), undercuts of other inferences, ACH ratings against scenarios, a question,
and view state. Text fields draw from all of Unicode (no surrogates).

    from map_strategies import arg_maps

    @given(arg_maps(max_statements=8))
    def test_something(doc): ...
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.model import (
    AchRating,
    AchRow,
    ArgMap,
    Inference,
    InferenceKind,
    Layer,
    LayerRating,
    Outcome,
    Quote,
    Rating,
    RowLevel,
    Signpost,
    SignpostStatus,
    Snapshot,
    Source,
    Statement,
    StatementKind,
    ViewState,
)
from argmap.model.statement import NOT_EVIDENCE

__all__ = ["arg_maps", "ids", "sources", "texts"]

ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-_é"


def texts(max_size: int = 30) -> st.SearchStrategy[str]:
    """Any Unicode text (control characters, emoji, RTL...), no lone surrogates."""
    return st.text(max_size=max_size)


def ids(prefix: str) -> st.SearchStrategy[str]:
    """Record ids such as ``s-x9`` (prefixes keep the kinds of record apart)."""
    return st.text(ID_ALPHABET, min_size=1, max_size=6).map(lambda tail: f"{prefix}-{tail}")


def _unit() -> st.SearchStrategy[float | None]:
    return st.none() | st.floats(0.0, 1.0, allow_nan=False)


def _coordinate() -> st.SearchStrategy[float]:
    return st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def sources(draw: st.DrawFn, max_sources: int = 3) -> list[Source]:
    """Sources with unique ids and bibliographic fields that may be null."""
    source_ids = draw(st.lists(ids("src"), max_size=max_sources, unique=True))
    return [
        Source.from_text(
            source_id,
            draw(texts(200)),
            title=draw(st.none() | texts()),
            author=draw(st.none() | texts()),
            publisher=draw(st.none() | texts()),
            published=draw(st.none() | st.dates().map(str)),
            url=draw(st.none() | st.just(f"https://example.org/{i}")),
        )
        for i, source_id in enumerate(source_ids)
    ]


@st.composite
def _quotes(draw: st.DrawFn, found_in: list[Source], max_quotes: int) -> list[Quote]:
    if not found_in:
        return []
    quote_ids = draw(st.lists(ids("q"), max_size=max_quotes, unique=True))
    quotes = []
    for quote_id in quote_ids:
        source = draw(st.sampled_from(found_in))
        start = draw(st.integers(0, len(source.text)))
        end = draw(st.integers(start, len(source.text)))
        quotes.append(Quote.from_range(quote_id, source.id, source.text, start, end))
    return quotes


@st.composite
def _statements(draw: st.DrawFn, statement_ids: list[str], quote_ids: list[str]) -> list[Statement]:
    statements = []
    for statement_id in statement_ids:
        kind = draw(st.sampled_from(StatementKind))
        statements.append(
            Statement(
                id=statement_id,
                kind=kind,
                text=draw(texts(60)),
                quotes=draw(st.lists(st.sampled_from(quote_ids), unique=True, max_size=3))
                if quote_ids
                else [],
                notes=draw(texts()),
                tags=draw(st.lists(texts(10), max_size=2)),
                credibility=draw(_unit()),
                prior=draw(st.none() | st.floats(0.0, 100.0, allow_nan=False))
                if kind == StatementKind.SCENARIO
                else None,
            )
        )
    return statements


@st.composite
def _inferences(
    draw: st.DrawFn, statement_ids: list[str], inference_ids: list[str]
) -> list[Inference]:
    """Support goes from later statements to earlier ones only, so it never loops."""
    inferences: list[Inference] = []
    n = len(statement_ids)
    for inference_id in inference_ids:
        options = ["undercut"] if inferences else []
        if n >= 2:
            options += ["support", "attack"]
        if not options:
            break
        kind = InferenceKind(draw(st.sampled_from(options)))
        if kind == InferenceKind.UNDERCUT:
            conclusion = draw(st.sampled_from([i.id for i in inferences]))
            pool = statement_ids
        else:
            target = draw(st.integers(0, n - 2))
            conclusion = statement_ids[target]
            pool = statement_ids[target + 1 :]
        premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
        inferences.append(
            Inference(
                id=inference_id,
                premises=premises,
                conclusion=conclusion,
                kind=kind,
                strength=draw(_unit()),
                scheme=draw(st.none() | texts(12)),
                notes=draw(texts()),
            )
        )
    return inferences


@st.composite
def _ratings(draw: st.DrawFn, statements: list[Statement]) -> list[Rating]:
    scenarios = [s.id for s in statements if s.kind == StatementKind.SCENARIO]
    rows = _evidence(statements)
    if not scenarios or not rows:
        return []
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(rows), st.sampled_from(scenarios)),
            unique=True,
            min_size=1,
            max_size=4,
        )
    )
    return [
        Rating(
            evidence=evidence,
            scenario=scenario,
            rating=draw(st.sampled_from(AchRating)),
            relevance=draw(_unit()),
        )
        for evidence, scenario in pairs
    ]


def _evidence(statements: list[Statement]) -> list[str]:
    """The statements that may be rows of the ACH matrix (no scenario or question)."""
    return [s.id for s in statements if s.kind not in NOT_EVIDENCE]


@st.composite
def _ach_rows(draw: st.DrawFn, statements: list[Statement]) -> list[AchRow]:
    candidates = _evidence(statements)
    if not candidates:
        return []
    rows = draw(st.lists(st.sampled_from(candidates), unique=True, max_size=3))
    levels = st.none() | st.sampled_from(RowLevel)
    return [AchRow(evidence=e, credibility=draw(levels), relevance=draw(levels)) for e in rows]


@st.composite
def _signposts(draw: st.DrawFn, statements: list[Statement]) -> list[Signpost]:
    scenarios = [s.id for s in statements if s.kind == StatementKind.SCENARIO]
    if not scenarios:
        return []
    n = draw(st.integers(0, 3))
    return [
        Signpost(
            id=f"sp-{k}",
            scenario=draw(st.sampled_from(scenarios)),
            text=draw(texts()),
            status=draw(st.sampled_from(SignpostStatus)),
            changed=draw(st.none() | st.just("2026-12-03")),
            notes=draw(texts()),
        )
        for k in range(n)
    ]


@st.composite
def _snapshots(
    draw: st.DrawFn, statements: list[Statement], inferences: list[Inference]
) -> list[Snapshot]:
    """Estimates recorded earlier: their ids may name records since deleted (history)."""
    scenarios = [s.id for s in statements if s.kind == StatementKind.SCENARIO] + ["s-gone"]
    judged = [s.id for s in statements] + ["s-gone"]
    unit = st.floats(0.0, 1.0, allow_nan=False)
    inference_ids = [i.id for i in inferences] + ["i-gone"]

    def some(keys: list[str], values: st.SearchStrategy[Any], n: int = 3) -> Any:
        return draw(st.dictionaries(st.sampled_from(keys), values, max_size=n))

    return [
        Snapshot(
            id=f"snap-{k}",
            as_of=draw(st.dates().map(str)),
            taken=draw(st.none() | st.just("2026-12-03T10:00:00Z")),
            note=draw(texts()),
            fingerprint=draw(st.text("0123456789abcdef", max_size=64)),
            confidence=draw(st.none() | st.sampled_from(["low", "moderate", "high"])),
            weights=some(scenarios, unit),
            ach_ranks=some(scenarios, st.integers(1, 5)),
            titles=some(scenarios, texts(), 2),
            priors=some(scenarios, st.floats(0.0, 10.0), 2),
            credibility=some(judged, unit),
            strength=some(inference_ids, unit, 2),
            sources=draw(st.lists(ids("src"), max_size=2, unique=True)),
            signposts=draw(
                st.dictionaries(ids("sp"), st.sampled_from(SignpostStatus).map(str), max_size=2)
            ),
        )
        for k in range(draw(st.integers(0, 2)))
    ]  # fmt: skip


@st.composite
def _layers(
    draw: st.DrawFn, statements: list[Statement], inferences: list[Inference]
) -> list[Layer]:
    """0-2 analyst layers judging some of the map's statements, inferences and scenarios."""
    statement_ids = [s.id for s in statements]
    scenarios = [s.id for s in statements if s.kind == StatementKind.SCENARIO]
    rows = _evidence(statements)
    names = draw(st.lists(st.text(min_size=1, max_size=20), unique=True, max_size=2))
    layers = []
    for name in names:
        judged = (
            draw(st.lists(st.sampled_from(statement_ids), unique=True, max_size=3))
            if (statement_ids)
            else []
        )
        weighed = (
            draw(st.lists(st.sampled_from([i.id for i in inferences]), unique=True, max_size=3))
            if inferences
            else []
        )
        priors = (
            draw(st.lists(st.sampled_from(scenarios), unique=True, max_size=2))
            if (scenarios)
            else []
        )
        cells = (
            draw(
                st.lists(
                    st.tuples(st.sampled_from(rows), st.sampled_from(scenarios)),
                    unique=True,
                    max_size=2,
                )
            )
            if scenarios and rows
            else []
        )
        layers.append(
            Layer(
                name=name,
                credibility={k: draw(_unit()) for k in judged},
                strength={k: draw(_unit()) for k in weighed},
                prior={k: draw(st.none() | st.floats(0, 10)) for k in priors},
                ratings=[
                    LayerRating(
                        evidence=e,
                        scenario=c,
                        rating=draw(st.none() | st.sampled_from(AchRating)),
                        relevance=draw(_unit()),
                    )
                    for e, c in cells
                ],
                notes=draw(texts()),
            )
        )
    return layers


@st.composite
def _views(draw: st.DrawFn, node_ids: list[str]) -> ViewState:
    if not node_ids:
        return ViewState(direction=draw(st.sampled_from(["TB", "LR"])))
    pinned_ids = draw(st.lists(st.sampled_from(node_ids), unique=True, max_size=4))
    return ViewState(
        direction=draw(st.sampled_from(["TB", "LR"])),
        pinned={i: (draw(_coordinate()), draw(_coordinate())) for i in pinned_ids},
        collapsed=draw(st.lists(st.sampled_from(node_ids), unique=True, max_size=3)),
    )


@st.composite
def arg_maps(
    draw: st.DrawFn,
    max_sources: int = 3,
    max_quotes: int = 6,
    max_statements: int = 10,
    max_inferences: int = 10,
) -> ArgMap:
    """A valid map: ``validate(doc) == []``."""
    found_in = draw(sources(max_sources))
    quotes = draw(_quotes(found_in, max_quotes))
    n_statements = draw(st.integers(0, max_statements))
    n_inferences = draw(st.integers(0, max_inferences if n_statements >= 2 else 0))
    size = n_statements + n_inferences
    node_ids = draw(st.lists(ids("n"), min_size=size, max_size=size, unique=True))
    statement_ids, inference_ids = node_ids[:n_statements], node_ids[n_statements:]
    statements = draw(_statements(statement_ids, [q.id for q in quotes]))
    inferences = draw(_inferences(statement_ids, inference_ids))
    questions = [s.id for s in statements if s.kind == StatementKind.QUESTION]
    layers = draw(_layers(statements, inferences))
    view = draw(_views(statement_ids + [i.id for i in inferences]))
    if layers:
        view.layer = draw(st.none() | st.sampled_from([layer.name for layer in layers]))
    return ArgMap(
        title=draw(texts()),
        question=draw(st.none() | st.sampled_from(questions)) if questions else None,
        description=draw(texts()),
        analyst=draw(texts()),
        as_of=draw(st.none() | st.just("2026-12-03")),
        source_policy=draw(texts()),
        sources=found_in,
        quotes=quotes,
        statements=statements,
        inferences=inferences,
        ratings=draw(_ratings(statements)),
        signposts=draw(_signposts(statements)),
        ach_rows=draw(_ach_rows(statements)),
        snapshots=draw(_snapshots(statements, inferences)),
        outcome=draw(
            st.none()
            | st.sampled_from(scenarios).map(
                lambda s: Outcome(scenario=s, resolved="2026-12-31", note="as forecast")
            )
        )
        if (scenarios := [s.id for s in statements if s.kind == StatementKind.SCENARIO])
        else None,
        layers=layers,
        view=view,
    )
