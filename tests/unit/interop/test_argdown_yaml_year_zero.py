"""Year 0 in Argdown data is read as js-yaml reads it (Date.UTC takes years 0-99 as 19xx,
0 included): checked against js-yaml 4, which Argdown's parser uses."""

from __future__ import annotations

import pytest

from argmap.interop.argdown_reader_yaml import load_yaml


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("0000-01-01", "1900-01-01T00:00:00.000Z"),
        ("0000-03-01T10:00:00Z", "1900-03-01T10:00:00.000Z"),
    ],
)
def test_year_zero_is_1900(written: str, kept: str) -> None:
    assert load_yaml(f"when: {written}") == {"when": kept}
