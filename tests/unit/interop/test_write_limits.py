"""A conversion never writes a file argmap could not read back (one size limit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.interop import InteropError, read_map, write_map
from argmap.model import ArgMap, Statement, StatementKind


def _huge() -> ArgMap:
    """A map whose statements hold ~65 MB of text (every format writes statements)."""
    text = "word " * 980_000
    return ArgMap(
        title="huge",
        statements=[
            Statement(id=f"s-{i}", kind=StatementKind.CLAIM, text=f"{text}{i}") for i in range(14)
        ],
    )


@pytest.mark.parametrize("name", ["out.argmap.json", "out.aif.json", "out.ova.json"])
def test_a_readable_format_over_the_limit_is_not_written(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    out.write_text("previous")
    with pytest.raises(InteropError) as caught:
        write_map(_huge(), out)
    assert "not written:" in str(caught.value) and "at most 64 MB" in str(caught.value)
    assert out.read_text() == "previous"


def test_under_the_limit_it_reads_back(tmp_path: Path) -> None:
    doc = _huge()
    del doc.statements[1:]
    write_map(doc, tmp_path / "out.argmap.json")
    assert read_map(tmp_path / "out.argmap.json").doc.statements[0].id == "s-0"
