"""Argdown's own parser's reading of the corpus, stored: argmap's reader must read every
hand-written document (tests/fixtures/argdown) and every seeded generated document as the
reference parser (``@argdown/cli`` 1.7.5) did, without the reference installed, and refuse
the broken documents naming the line and what is wrong.

The differential test (test_argdown_differential.py) runs the reference itself and skips
where it is not installed, as in a mutation-testing copy; this test keeps the same check
in force everywhere. ``tests/fixtures/argdown-reference.json`` holds the reference's
reading of each hand-written document and a digest of its reading of each generated one
(``null``: the reference refused it). Where the reference is installed, the last test
checks the stored reading is still the reference's (in CI it is); refresh it with
``ARGMAP_UPDATE_REFERENCE=1 pytest tests/unit/interop/test_argdown_reader_stored_reference.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from argdown_generated import documents
from argdown_reference import (
    argdown_cli,
    comparable_model,
    comparable_reference,
    load_reference_json,
    run_reference,
)

from argmap.interop.argdown_reader import ArgdownError, read_argdown
from argmap.interop.argdown_reader_build import build_model

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CORPUS = FIXTURES / "argdown"
STORED = FIXTURES / "argdown-reference.json"
SEED, GENERATED = 1707, 200  # as in the differential test


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # every byte as the reference read it (CRLF)


def _digest(reading: dict[str, Any]) -> str:
    canonical = json.dumps(reading, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _mine(text: str) -> dict[str, Any] | None:
    try:
        return comparable_model(build_model(text))
    except (ValueError, RecursionError):
        return None


def _stored() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(STORED.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.argdown")), ids=lambda p: p.stem)
def test_each_hand_written_document_reads_as_the_reference_read_it(path: Path) -> None:
    assert _mine(_text(path)) == _stored()["hand_written"][path.stem]


def test_each_generated_document_reads_as_the_reference_read_it() -> None:
    expected = _stored()["generated"]
    assert (expected["seed"], len(expected["digests"])) == (SEED, GENERATED)
    differ = []
    for n, text in enumerate(documents(SEED, GENERATED)):
        mine = _mine(text)
        digest = None if mine is None else _digest(mine)
        if digest != expected["digests"][n]:
            differ.append(f"generated document {n}: {'refused' if mine is None else 'read'}")
    assert differ == []


REFUSED = {
    "backslash-at-line-end": "line 1, column 26: a backslash at the end of a line escapes "
    "nothing (write \\\\ for a backslash)",
    "comment-then-a-line-of-spaces": "line 5, column 1: expected an empty line between two "
    "blocks, found '[B]:'",
    "comment-then-spaces-is-no-empty-line": "line 5, column 1: expected an empty line between "
    "two blocks, found '[B]:'",
    "duplicate-data-key": "line 1, column 14: the data is not valid YAML: duplicated mapping "
    "key 'a'",
    "empty": "line 1, column 1: expected a statement, an argument, a heading or a numbered "
    "statement, found the end of the text",
    "front-matter-needs-empty-line": "line 4, column 1: expected an empty line after the front "
    "matter, found '[A]:'",
    "inference-outside-structure": "line 2, column 1: expected an empty line between two "
    "blocks, found an inference line (--)",
    "list-item-under-a-list-item": "line 2, column 1: expected a relation (+, -, <+, <-, +>, ->, "
    "><, _, <_, _>), found '*'",
    "list-marker-at-the-end": "line 3, column 4: expected the closing * of *…*, found the end "
    "of the text",
    "invalid-yaml-data": "line 1, column 19: the data is not valid YAML: did not find expected "
    "node content",
    "missing-empty-line": "line 2, column 1: expected an empty line between two blocks, found "
    "'[B]:'",
    "only-comment": "line 2, column 1: expected a statement, an argument, a heading or a "
    "numbered statement, found the end of the text",
    "pcs-without-conclusion": "line 3, column 1: expected an inference line (--) and a "
    "conclusion after the premises, found the end of the text",
    "relation-after-empty-line": "line 3, column 1: a relation must follow, indented, the "
    "statement or argument it belongs to (no empty line between them)",
    "relation-at-top-level": "line 1, column 1: a relation must follow, indented, the "
    "statement or argument it belongs to (no empty line between them), found the relation '+'",
    "two-structures-one-argument": "line 9, column 1: a second premise-conclusion structure "
    "for <Twice> (an argument can have only one)",
    "unclosed-bold": "line 2, column 1: expected the closing ** of **…**, found the end of the "
    "text",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_broken_document_is_refused_naming_its_line_and_what_is_wrong(name: str) -> None:
    path = CORPUS / "errors" / f"{name}.argdown"
    with pytest.raises(ArgdownError) as refused:
        read_argdown(_text(path), source=path.name)
    assert str(refused.value) == f"{path.name}: {REFUSED[name]}"


def test_every_broken_document_has_its_message_here() -> None:
    assert sorted(p.stem for p in (CORPUS / "errors").glob("*.argdown")) == sorted(REFUSED)


def test_the_stored_reading_is_the_references(tmp_path: Path) -> None:
    cli = argdown_cli()
    if cli is None:
        if os.environ.get("CI"):
            pytest.fail("the Argdown CLI is missing: packaging/install-argdown-cli.sh installs it")
        pytest.skip("Argdown CLI not installed (packaging/install-argdown-cli.sh)")
    hand = sorted(CORPUS.glob("*.argdown"))
    for path in hand:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    for n, text in enumerate(documents(SEED, GENERATED)):
        (tmp_path / f"generated-{n:03d}.argdown").write_bytes(text.encode("utf-8"))
    run_reference(cli, tmp_path, "*.argdown", tmp_path / "out")

    def reading(stem: str) -> dict[str, Any] | None:
        found = tmp_path / "out" / f"{stem}.json"
        return comparable_reference(load_reference_json(found)) if found.exists() else None

    generated = [reading(f"generated-{n:03d}") for n in range(GENERATED)]
    fresh = {
        "reference": "@argdown/cli 1.7.5",
        "hand_written": {p.stem: reading(p.stem) for p in hand},
        "generated": {
            "seed": SEED,
            "digests": [None if r is None else _digest(r) for r in generated],
        },
    }
    if os.environ.get("ARGMAP_UPDATE_REFERENCE"):
        STORED.write_text(json.dumps(fresh, indent=1, ensure_ascii=False) + "\n", "utf-8")
    assert fresh == _stored()
