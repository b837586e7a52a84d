"""Fuzzing every reader of outside files: only the documented error, never a crash or a hang.

Inputs are real files (maps, AIF, articles) mutated at random (truncations, byte flips,
spliced hostile tokens, deep nesting, huge numbers, wrong types, duplicated records,
other encodings), generated JSON, and random bytes; about 300 in all, so CI stays quick.
``benchmarks/fuzz_long.py`` runs the same mutations by the thousand.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from fuzz_inputs import Target, mutate, run_bounded, targets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.io.article_import import ArticleImportError, import_article_text
from argmap.io.map_file import MAX_FILE_BYTES, MAX_NESTING, MapFileError, load_map, loads_map

TARGETS = {t.name: t for t in targets()}


def fuzz(examples: int) -> settings:
    """Settings for one fuzz test: ``examples`` inputs, no deadline (run_bounded has one)."""
    return settings(
        max_examples=examples,
        deadline=None,  # each call has its own time limit; the CPU here is shared
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _check(target: Target, data: bytes) -> None:
    problem = run_bounded(target, data)
    assert problem is None, f"{target.name} on {data[:200]!r}…: {problem}"


@fuzz(70)
@given(seed=st.integers(0, 1), rnd=st.randoms(use_true_random=False), steps=st.integers(1, 4))
def test_mutated_maps(seed: int, rnd: random.Random, steps: int) -> None:
    target = TARGETS["loads_map"]
    _check(target, mutate(target.seeds[seed], rnd, steps))


@fuzz(50)
@given(seed=st.integers(0, 2), rnd=st.randoms(use_true_random=False), steps=st.integers(1, 4))
def test_mutated_aif(seed: int, rnd: random.Random, steps: int) -> None:
    target = TARGETS["loads_aif"]
    _check(target, mutate(target.seeds[seed], rnd, steps))


@fuzz(60)
@given(
    name=st.sampled_from(["article_html", "article_md", "article_txt"]),
    rnd=st.randoms(use_true_random=False),
    steps=st.integers(1, 3),
)
def test_mutated_articles(name: str, rnd: random.Random, steps: int) -> None:
    target = TARGETS[name]
    _check(target, mutate(rnd.choice(target.seeds), rnd, steps))


def _json_values() -> st.SearchStrategy[Any]:
    leaves = (
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=20) | st.sampled_from(["argmap", "claim", "s-1", "support", "I", "RA"])
    )  # fmt: skip
    return st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "id",
                        "text",
                        "nodes",
                        "edges",
                        "nodeID",
                        "type",
                        "statements",
                        "quotes",
                        "premises",
                        "conclusion",
                        "kind",
                        "sources",
                        "start",
                    ]
                )
                | st.text(max_size=8),
                inner,
                max_size=5,
            )
        ),  # fmt: skip
        max_leaves=25,
    )


@fuzz(50)
@given(
    body=_json_values(), header=st.booleans(), target=st.sampled_from(["loads_map", "loads_aif"])
)
def test_generated_json(body: Any, header: bool, target: str) -> None:
    if header and isinstance(body, dict):
        body = {"format": "argmap", "version": 1, **body}
    _check(TARGETS[target], json.dumps(body).encode())


@fuzz(40)
@given(data=st.binary(max_size=300), target=st.sampled_from(sorted(TARGETS)))
def test_random_bytes(data: bytes, target: str) -> None:
    _check(TARGETS[target], data)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"[" * 200_000 + b"]" * 200_000, "nests 200000 levels deep"),
        (b'{"format": "argmap", "version": 99}', "made by a newer version of argmap"),
        (b"\xff\xfe{\x00}\x00", "NUL bytes"),
        (b'{"format": "argmap", "version": 1, "title": "\xe9t\xe9"}', "not UTF-8"),
        (b'{"format": "argmap", "version": 1, "title": 1' + b"0" * 5000 + b"}", "not valid"),
        (b'{"format": "argmap", "version": 1, "statements": 5}', "should be a list"),
        (b'{"format": "argmap", "version": 1, "title": "\\ud800"}', "half of a UTF-16 pair"),
        (b'{"format": "argmap", "version": 1, "title": "a", "title": "b"}', "repeats the key"),
    ],
)
def test_hostile_maps_get_a_message_naming_the_file(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "hostile.argmap.json"
    path.write_bytes(content)
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert str(path) in str(caught.value)
    assert expected in str(caught.value)


def test_colliding_ids_and_quotes_out_of_range_are_named(tmp_path: Path) -> None:
    raw = json.loads(TARGETS["loads_map"].seeds[0])
    raw["statements"].append(dict(raw["statements"][0]))
    raw["quotes"][0]["end"] = 10**9
    with pytest.raises(MapFileError) as caught:
        loads_map(json.dumps(raw), "collide.argmap.json")
    message = str(caught.value)
    assert "collide.argmap.json" in message and "is used twice" in message


def test_a_100_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.argmap.json"
    with open(path, "wb") as handle:
        handle.truncate(100 * 2**20)  # sparse: costs no disk
    with pytest.raises(MapFileError, match="may be at most 64 MB"):
        load_map(path)
    assert MAX_FILE_BYTES == 64 * 2**20 and MAX_NESTING == 64


@pytest.mark.parametrize("fmt", ["html", "txt"])
def test_article_text_with_a_lone_surrogate_is_refused_or_cleaned(fmt: str) -> None:
    text = "\udc80 Talks may resume in Istanbul next month, officials said on Tuesday. " * 3
    try:
        article = import_article_text(text, "pasted", fmt)  # type: ignore[arg-type]
    except ArticleImportError:
        return
    article.to_source("src-1")


def test_markdown_with_a_long_run_of_brackets_answers_quickly() -> None:
    data = b"A paragraph.\n\n" + b"[" * 30_000 + b"\n\nAnother paragraph of text."
    assert run_bounded(TARGETS["article_md"], data, limit=1.5) is None


def test_deeply_nested_aif_values_are_refused_with_an_aif_error() -> None:
    raw = json.loads(TARGETS["loads_aif"].seeds[0])
    value: Any = "x"
    for _ in range(400):
        value = [value]
    raw["AIF"]["edges"][0]["formEdgeID"] = value
    assert run_bounded(TARGETS["loads_aif"], json.dumps(raw).encode()) is None


def test_the_harness_catches_what_it_should() -> None:
    """A reader that crashes or hangs is reported (so a passing fuzz run means something)."""

    def crash(_data: bytes) -> object:
        raise KeyError("boom")

    def hang(_data: bytes) -> object:
        while True:
            pass

    assert run_bounded(Target("c", crash, MapFileError, ()), b"") == "KeyError: 'boom'"
    assert "hang" in str(run_bounded(Target("h", hang, MapFileError, ()), b"", limit=0.2))
