"""Dates in Argdown's YAML (front matter, ``{data}``) are read as Argdown reads them,
with js-yaml into JavaScript dates, and kept as the ISO text JavaScript writes."""

from __future__ import annotations

import pytest

from argmap.interop.argdown_reader_yaml import load_yaml


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("2024-03-03", "2024-03-03T00:00:00.000Z"),
        ("2024-03-03T10:04:05Z", "2024-03-03T10:04:05.000Z"),
        ("2024-03-03T01:02:03", "2024-03-03T01:02:03.000Z"),  # no zone: UTC
        ("2024-3-3 10:04:05.5 +02:00", "2024-03-03T08:04:05.500Z"),
        ("2024-03-03t10:04:05.1234-05", "2024-03-03T15:04:05.123Z"),
        ("2024-03-03 10:04:05 +05:30", "2024-03-03T04:34:05.000Z"),
        ("1999-12-31T23:59:59.999-01:00", "2000-01-01T00:59:59.999Z"),
    ],
)
def test_a_date_or_time_is_kept_as_javascript_writes_it_in_utc(written: str, kept: str) -> None:
    assert load_yaml(f"when: {written}") == {"when": kept}


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("0024-01-01", "1924-01-01T00:00:00.000Z"),  # Date.UTC reads years 0-99 as 19xx
        ("0099-12-31", "1999-12-31T00:00:00.000Z"),
        ("0100-01-01", "0100-01-01T00:00:00.000Z"),  # toISOString pads the year
        ("2024-13-01", "2025-01-01T00:00:00.000Z"),  # month 13 rolls into next year
        ("2024-02-30", "2024-03-01T00:00:00.000Z"),  # so does a day past the month
        ("2024-00-10", "2023-12-10T00:00:00.000Z"),
    ],
)
def test_odd_dates_come_out_as_javascript_makes_them(written: str, kept: str) -> None:
    assert load_yaml(f"when: {written}") == {"when": kept}


def test_binary_data_is_kept_as_written() -> None:
    assert load_yaml("logo: !!binary aGVsbG8=") == {"logo": "aGVsbG8="}
