"""Differential test: argmap's Argdown reader against Argdown's own parser (``@argdown/cli``
1.7, installed into ``.tools`` by ``packaging/install-argdown-cli.sh``; CI installs it and
fails here without it).

The corpus: the hand-written files in ``tests/fixtures/argdown`` (every construct of the
language and its quirks), argmap's own Argdown export of the bundled sample map, and
seeded random documents. For each, both parsers must agree on every statement (each
occurrence's role, text, tags and data), every argument (descriptions and premise-
conclusion structure, inference rules and data), every relation and every heading; or
both must refuse the document. The files in ``errors/`` must be refused by both, and
argmap must name the line.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from argdown_generated import documents
from argdown_reference import (
    argdown_cli,
    comparable_model,
    comparable_reference,
    run_reference,
)

from argmap.interop.argdown_reader import ArgdownError, read_argdown
from argmap.interop.argdown_reader_build import build_model
from argmap.interop.argdown_writer import dumps_argdown
from argmap.model import ArgMap
from argmap.resources import resource

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "argdown"
GENERATED = 200
SEED = 1707


def _cli() -> str:
    cli = argdown_cli()
    if cli is None:
        if os.environ.get("CI"):
            pytest.fail("the Argdown CLI is missing: packaging/install-argdown-cli.sh installs it")
        pytest.skip("Argdown CLI not installed (packaging/install-argdown-cli.sh)")
    return cli


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every corpus document, parsed by the reference in one run."""
    cli = _cli()
    folder = tmp_path_factory.mktemp("argdown-corpus")
    texts: dict[str, str] = {}
    for path in sorted(CORPUS.glob("*.argdown")):
        texts[path.stem] = path.read_text(encoding="utf-8")
        shutil.copy(path, folder / path.name)
    sample = dumps_argdown(ArgMap.model_validate_json(resource("sample.argmap.json").read_bytes()))
    texts["argmap-sample-export"] = sample
    for n, text in enumerate(documents(SEED, GENERATED)):
        texts[f"generated-{n:03d}"] = text
    for name, text in texts.items():
        (folder / f"{name}.argdown").write_text(text, encoding="utf-8", newline="")
    run = run_reference(cli, folder, "*.argdown", folder / "out")
    return {"texts": texts, "out": folder / "out", "log": run.stdout + run.stderr}


def _first_difference(reference: dict[str, Any], mine: dict[str, Any]) -> str:
    for part, value in reference.items():
        if value != mine[part]:
            theirs, ours = json.dumps(value)[:600], json.dumps(mine[part])[:600]
            return f"{part}: reference {theirs}\n  argmap {ours}"
    return ""


def test_argmap_reads_every_document_as_the_reference_does(corpus: dict[str, Any]) -> None:
    agree, both_refuse, disagree = 0, 0, []
    for name, text in corpus["texts"].items():
        found = corpus["out"] / f"{name}.json"
        try:
            mine = comparable_model(build_model(text))
        except (ValueError, RecursionError) as exc:
            if found.exists():
                disagree.append(f"{name}: argmap refuses ({exc}), the reference reads it")
            else:
                both_refuse += 1
            continue
        if not found.exists():
            disagree.append(f"{name}: the reference refuses it, argmap reads it")
            continue
        reference = comparable_reference(json.loads(found.read_text(encoding="utf-8")))
        if reference == mine:
            agree += 1
        else:
            disagree.append(f"{name}: {_first_difference(reference, mine)}")
    print(
        f"\nArgdown differential: {len(corpus['texts'])} documents, {agree} read alike, "
        f"{both_refuse} refused by both, {len(disagree)} disagreements"
    )
    assert disagree == [], "\n".join(disagree[:5])
    hand_written = [p.stem for p in CORPUS.glob("*.argdown")]
    refused = [n for n in hand_written if not (corpus["out"] / f"{n}.json").exists()]
    assert refused == []  # the hand-written corpus is valid Argdown, every construct read
    assert (corpus["out"] / "argmap-sample-export.json").exists()
    assert agree >= len(hand_written) + GENERATED // 3


@pytest.mark.parametrize(
    "path", sorted((CORPUS / "errors").glob("*.argdown")), ids=lambda p: p.stem
)
def test_both_refuse_invalid_documents_and_argmap_names_the_line(
    path: Path, tmp_path: Path
) -> None:
    cli = _cli()
    shutil.copy(path, tmp_path / path.name)
    run_reference(cli, tmp_path, path.name, tmp_path / "out")
    assert not (tmp_path / "out" / f"{path.stem}.json").exists()
    with pytest.raises(ArgdownError) as refused:
        read_argdown(path.read_text(encoding="utf-8"), source=path.name)
    assert refused.value.line >= 1
    assert str(refused.value).startswith(f"{path.name}: line {refused.value.line}, column ")
