"""Map text set among the app's words: bidi-isolated, and escaped where HTML is read."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from argmap.model.display_text import FSI, PDI, isolate, plain_tooltip

RLO, LRI, RLI, PDF = "\u202e", "\u2066", "\u2067", "\u202c"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
PARAGRAPH_ENDS = "\n\r\x1c\x1d\x1e\x85\u2029"


def _top_level_isolates(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each isolate at the top level of one bidi paragraph, matched as
    UAX #9 (BD9) matches them; an unmatched initiator runs to the paragraph's end."""
    spans, depth, start = [], 0, -1
    for i, ch in enumerate(paragraph):
        if ch in LRI + RLI + FSI:
            if depth == 0:
                start = i
            depth += 1
        elif ch == PDI and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    if depth:
        spans.append((start, len(paragraph)))
    return spans


def _paragraphs(text: str) -> list[str]:
    out, current = [], ""
    for ch in text.replace("\r\n", "\n"):
        if ch in PARAGRAPH_ENDS:
            out.append(current)
            current = ""
        else:
            current += ch
    return [*out, current]


def test_right_to_left_text_is_wrapped_in_first_strong_isolate_and_pop() -> None:
    assert isolate("مرحبا بالعالم") == f"{FSI}مرحبا بالعالم{PDI}"
    assert isolate(f"{RLO}Frozen conflict") == f"{FSI}{RLO}Frozen conflict{PDI}"


def test_left_to_right_text_is_left_as_it_is() -> None:
    """Isolated or not it reads the same; titles stay as typed (window names, logs)."""
    assert isolate("Frozen conflict (73 %) <b>") == "Frozen conflict (73 %) <b>"
    assert isolate("Café, naïve — 1–2") == "Café, naïve — 1–2"
    assert isolate("") == ""


def test_an_unclosed_override_stays_inside_the_isolate() -> None:
    sentence = f"{isolate(RLO + 'Frozen conflict')} (73 % weight)"
    (paragraph,) = _paragraphs(sentence)
    ((start, end),) = _top_level_isolates(paragraph)
    assert start == 0
    assert paragraph[end + 1 :] == " (73 % weight)"  # after the isolate's own PDI
    assert RLO in paragraph[start:end]


def test_a_stray_pop_in_the_text_cannot_close_the_isolate_early() -> None:
    hostile = f"{PDI}{RLO}evil"
    sentence = f"Save changes to {isolate(hostile)}?"
    (span,) = _top_level_isolates(sentence)
    assert sentence[span[1] + 1 :] == "?"
    assert RLO in sentence[span[0] : span[1]]


def test_an_unclosed_isolate_in_the_text_is_closed_before_ours() -> None:
    sentence = f"{isolate(RLI + 'abc' + LRI)} done"
    (span,) = _top_level_isolates(sentence)
    assert sentence[span[1] + 1 :] == " done"


def test_each_line_of_a_text_is_isolated_on_its_own() -> None:
    """A line break ends the bidi paragraph, and with it any isolate."""
    text = isolate(f"first {RLO}line\nsecond line\nثالث")
    assert text == f"{FSI}first {RLO}line{PDI}\nsecond line\n{FSI}ثالث{PDI}"


@given(st.text(alphabet=st.sampled_from([*BIDI, *PARAGRAPH_ENDS, "a", "ب", "٣", " ", "1"])))
def test_any_text_ends_up_in_one_isolate_per_paragraph_that_can_turn(text: str) -> None:
    sentence = f"Before: {isolate(text)} (after)"
    paragraphs = _paragraphs(sentence)
    for k, (paragraph, own) in enumerate(zip(paragraphs, _paragraphs(text), strict=True)):
        spans = _top_level_isolates(paragraph)
        if not any(ch in BIDI.replace("\u200e", "") or ch in "ب٣" for ch in own):
            assert spans == []  # nothing in it can turn: left as it is
            continue
        assert len(spans) == 1, (paragraph, spans)
        start, end = spans[0]
        assert end < len(paragraph)  # closed by a PDI, not by the paragraph's end
        before = paragraph[:start]
        after = paragraph[end + 1 :]
        assert before == ("Before: " if k == 0 else "")
        assert after == (" (after)" if k == len(paragraphs) - 1 else "")


@given(st.text())
def test_the_text_itself_is_kept_but_for_stray_pops(text: str) -> None:
    def bare(s: str) -> str:
        return s.replace(FSI, "").replace(PDI, "")

    assert bare(isolate(text)) == bare(text)


def test_a_tooltip_shows_markup_as_typed_one_paragraph_per_line() -> None:
    tip = plain_tooltip('<img src="file:///tmp/x.png">\n<b>bold</b> & more')
    assert "<img" not in tip and "<b>" not in tip
    assert tip.startswith("<div>")  # Qt reads a tooltip starting with a tag as HTML
    lines = [html.unescape(part.removesuffix("</div>")) for part in tip.split("<div>")[1:]]
    assert lines == ['<img src="file:///tmp/x.png">', "<b>bold</b> & more"]


def test_a_long_tooltip_is_cut_and_its_isolate_closed() -> None:
    tip = plain_tooltip(f"Title: {isolate('ب' * 5000)} end", limit=100)
    assert len(tip) < 200
    assert tip.count(FSI) == tip.count(PDI) == 1
    assert tip.endswith("\u2026</div>")
