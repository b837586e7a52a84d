"""Ids, titles and texts from files reach the terminal escaped and cut to a readable length."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from layout_maps import ceasefire_map

from argmap.cli.terminal_text import MAX_LINE, clipped, escaped, json_text, shown

# Set the window title, clear the screen, an 8-bit CSI, a line separator.
HOSTILE = "s-\x1b]0;pwned\x07\x1b[2J\x9b31m\u2028end"
RAW = ("\x1b", "\x07", "\x9b", "\u2028")


def _argmap(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )


def _no_raw_controls(text: str) -> None:
    assert not any(c in text for c in RAW), repr(text[:200])


def test_escaped_writes_control_characters_visibly() -> None:
    assert escaped(HOSTILE) == "s-\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u2028end"
    assert escaped("two\nlines\tand a tab\r") == "two\\nlines\\tand a tab\\r"
    assert escaped("Київ — «мир» ✓") == "Київ — «мир» ✓"  # ordinary text untouched


def test_long_text_is_cut_with_a_note() -> None:
    assert clipped("x" * MAX_LINE) == "x" * MAX_LINE
    assert (
        clipped("x" * 63_000_000)
        == "x" * MAX_LINE + f"… ({63_000_000 - MAX_LINE:,} more characters)"
    )
    assert shown("\x1b" * 5, limit=2) == "\\x1b\\x1b… (3 more characters)"


def test_json_text_is_still_json_and_has_no_raw_control() -> None:
    text = json_text({"id": HOSTILE, "title": "Київ"})
    _no_raw_controls(text)
    assert json.loads(text) == {"id": HOSTILE, "title": "Київ"}
    assert "Київ" in text


@pytest.fixture
def hostile_map(tmp_path: Path) -> Path:
    doc = ceasefire_map().model_dump(mode="json")
    doc["inferences"][0]["premises"] = [HOSTILE]  # a dangling id: quoted in the message
    path = tmp_path / "hostile.argmap.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{map}"],
        ["validate", "{map}", "--json"],
        ["doctor", "{map}"],
        ["doctor", "{map}", "--json"],
        ["export", "{map}", "-o", "{out}"],
        ["convert", "{map}", "{md}"],
    ],
)
def test_commands_print_hostile_ids_escaped(
    hostile_map: Path, tmp_path: Path, args: list[str]
) -> None:
    done = _argmap(
        *[a.format(map=hostile_map, out=tmp_path / "x.svg", md=tmp_path / "x.md") for a in args]
    )
    output = done.stdout + done.stderr
    assert "pwned" in output  # the problem is reported...
    _no_raw_controls(output)  # ...but nothing in it reaches the terminal raw


def test_import_shows_an_articles_hostile_title_escaped_and_cut(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    title = "Talks \x1b[2J" + "resume " * 50_000
    article.write_text(f"# {title}\n\nNegotiators met in Istanbul on Monday.\n", encoding="utf-8")

    done = _argmap("import", article, "--into", tmp_path / "m.argmap.json")

    assert done.returncode == 0, done.stderr
    _no_raw_controls(done.stdout)
    title_line = next(line for line in done.stdout.splitlines() if "title" in line)
    assert "Talks \\x1b[2Jresume" in title_line
    assert len(title_line) < MAX_LINE + 100 and "more characters)" in title_line
