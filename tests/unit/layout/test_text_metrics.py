"""Text wrapping with the bundled font's widths."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.layout.font_widths import UNITS_PER_EM
from argmap.layout.text_metrics import elide, line_height, text_width, wrap_measured, wrap_text


def test_wider_text_measures_wider_and_bold_is_wider() -> None:
    assert text_width("ceasefire talks", 14) > text_width("ceasefire", 14) > 0
    assert text_width("ceasefire", 14, bold=True) > text_width("ceasefire", 14)
    assert text_width("ceasefire", 28) == 2 * text_width("ceasefire", 14)


def test_wrap_keeps_every_word_in_order_within_the_width() -> None:
    text = "Russia and Ukraine agree to a ceasefire along the current front line by May"
    lines = wrap_text(text, 160, 14)
    assert len(lines) > 1
    assert " ".join(lines) == text
    assert all(text_width(line, 14) <= 160 for line in lines)


def test_overlong_word_is_broken_and_newlines_start_lines() -> None:
    lines = wrap_text("x" * 200, 100, 14)
    assert "".join(lines) == "x" * 200
    assert all(text_width(line, 14) <= 100 for line in lines)
    assert wrap_text("first\nsecond", 500, 14) == ["first", "second"]
    assert wrap_text("   ", 100, 14) == []


def test_max_lines_ends_in_an_ellipsis() -> None:
    lines = wrap_text("word " * 100, 120, 14, max_lines=3)
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert text_width(lines[-1], 14) <= 120
    assert elide("short", 200, 14) == "short"


def test_line_height_follows_font_size() -> None:
    assert 16 < line_height(14) < 17.5


@settings(max_examples=60)
@given(st.text(max_size=200), st.integers(min_value=20, max_value=400))
def test_wrapped_lines_hold_the_words_of_any_text(text: str, width: int) -> None:
    lines = wrap_text(text, width, 14)
    assert "".join("".join(lines).split()) == "".join(text.split())


def _greedy(text: str, max_width: float, size_px: float) -> tuple[list[str], float]:
    """The plain word-by-word greedy wrap (no line limit) that wrap_measured must match."""
    scale = size_px / UNITS_PER_EM
    full_line = int(max_width / scale) * scale  # a broken word fills the line, in font units
    lines: list[str] = []
    widest = 0.0
    for paragraph in text.split("\n"):
        current: list[str] = []
        for word in paragraph.split():
            if current and text_width(" ".join([*current, word]), size_px) <= max_width:
                current.append(word)
                continue
            if current:
                lines.append(" ".join(current))
                widest = max(widest, text_width(lines[-1], size_px))
            if text_width(word, size_px) <= max_width:
                current = [word]
                continue
            piece = ""
            for ch in word:  # break between characters, at least one per piece
                if piece and text_width(piece + ch, size_px) > max_width:
                    lines.append(piece)
                    widest = full_line
                    piece = ""
                piece += ch
            current = [piece]
        if current:
            lines.append(" ".join(current))
            widest = max(widest, text_width(lines[-1], size_px))
    return lines, widest


_WORDS = st.sampled_from(["a", "war", "ceasefire", "Kremlin's", "x" * 40, "é", "—", "\n", "  "])


@settings(max_examples=200)
@given(st.lists(_WORDS, max_size=40), st.integers(min_value=30, max_value=300))
def test_wrap_matches_the_word_by_word_greedy_wrap(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines, widest = wrap_measured(text, width, 14)
    expected, expected_widest = _greedy(text, width, 14)
    assert lines == expected
    assert abs(widest - expected_widest) < 1e-9
