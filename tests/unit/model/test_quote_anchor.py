"""Quote snapping and re-anchoring, with quotes taken from the real seed articles."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.io.article_import import import_article
from argmap.model.document import ArgMap
from argmap.model.quote import Quote
from argmap.model.quote_anchor import (
    make_quote,
    reanchor,
    reanchor_source,
    sentence_spans,
    snap_to_sentences,
    snap_to_words,
)
from argmap.model.source import Source, text_sha256

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed_source(prefix: str) -> Source:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return import_article(path).to_source(f"src-{prefix}")


@pytest.fixture(scope="module")
def jamestown() -> Source:
    return seed_source("000")


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def snapped(text: str, rng: tuple[int, int], how: str = "word") -> str:
    snap = snap_to_words if how == "word" else snap_to_sentences
    start, end = snap(text, *rng)
    return text[start:end]


# ----------------------------------------------------------------------- snapping


def test_word_snap_widens_partial_words(jamestown: Source) -> None:
    text = jamestown.text
    start, end = span(text, "remains in denial")
    assert snapped(text, (start + 3, end - 2)) == "remains in denial"


def test_word_snap_trims_spaces_and_dangling_punctuation(jamestown: Source) -> None:
    text = jamestown.text
    start, end = span(text, "(Kommersant, November 5)")
    # "Kommersant, November 5)" without its "(": the stray bracket goes
    assert snapped(text, (start + 1, end)) == "Kommersant, November 5"
    # including the word before and the bracket pair: the pair is kept whole
    assert snapped(text, (start - 6, end - 1)) == "approach (Kommersant, November 5)"
    # a selection that starts on ", " and ends on " " loses both
    comma = text.index(", despite the Russian")
    assert snapped(text, (comma, comma + 12)) == "despite the"


def test_word_snap_keeps_quoted_words_and_apostrophes(jamestown: Source) -> None:
    text = jamestown.text
    start, _ = span(text, "battlefield “successes”")
    assert snapped(text, (start + 3, start + 15)) == "battlefield “successes”"
    possessive, _ = span(text, "Putin’s reliance")
    assert snapped(text, (possessive + 7, possessive + 7)) == "Putin’s"


def test_word_snap_at_a_caret_takes_the_word_or_nothing(jamestown: Source) -> None:
    text = jamestown.text
    number, _ = span(text, "26.7 percent")
    assert snapped(text, (number + 1, number + 1)) == "26.7"
    abbreviation, _ = span(text, "U.S. President")
    assert snapped(text, (abbreviation, abbreviation)) == "U.S."
    gap = text.index("  ") if "  " in text else text.index(" ")
    assert snap_to_words(text, gap + 1, gap + 1)[0] <= gap + 1


def test_sentence_snap_handles_citations(jamestown: Source) -> None:
    text = jamestown.text
    sentence = (
        "Putin remains in denial, despite the Russian Central Bank’s revised forecast "
        "predicting zero growth (The Moscow Times, November 7)."
    )
    start, end = span(text, sentence)
    assert snapped(text, (start + 10, start + 20), "sentence") == sentence
    citation, _ = span(text, "(The Moscow Times")
    assert snapped(text, (citation + 2, citation + 2), "sentence") == sentence


def test_sentence_snap_with_abbreviated_month_citation() -> None:
    text = (
        "Hawks urged a wait-and-see approach (Kommersant, Nov. 5). "
        "The U.S. Treasury acted on Nov. 6 against Lukoil. Markets shrugged."
    )
    start, _ = span(text, "wait-and-see")
    assert snapped(text, (start, start + 4), "sentence") == (
        "Hawks urged a wait-and-see approach (Kommersant, Nov. 5)."
    )
    treasury, _ = span(text, "Treasury")
    assert snapped(text, (treasury, treasury + 30), "sentence") == (
        "The U.S. Treasury acted on Nov. 6 against Lukoil."
    )
    # a selection over two sentences yields both, never a paragraph break
    assert snapped(text, (start, treasury), "sentence") == text[: text.index(" Markets")]


def test_sentence_snap_stays_within_paragraph(jamestown: Source) -> None:
    text = jamestown.text
    start = text.index("\n\n", 1000)
    result = snapped(text, (start - 5, start + 8), "sentence")
    assert result.count("\n\n") == 1
    assert result.endswith(".")


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_snapping_always_returns_a_range_covering_the_trimmed_selection(
    jamestown: Source, data: st.DataObject
) -> None:
    text = jamestown.text
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 400)))
    for snap in (snap_to_words, snap_to_sentences):
        new_start, new_end = snap(text, start, end)
        assert 0 <= new_start <= new_end <= len(text)
        piece = text[new_start:new_end]
        assert piece == piece.strip()
        core = text[start:end].strip(" \n,;:.!?()“”-–—")
        if core and new_end > new_start:
            assert core in piece


def test_snapping_rejects_a_range_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        snap_to_words("short", 2, 9)


def test_make_quote_in_a_map_gets_fresh_id_and_context(jamestown: Source) -> None:
    doc = ArgMap(sources=[jamestown])
    start, end = span(jamestown.text, "steady degradation of the Russian economy")
    quote = make_quote(doc, start + 2, end - 3, source_id=jamestown.id)
    assert quote.exact == "steady degradation of the Russian economy"
    assert quote.source == jamestown.id
    assert jamestown.text[quote.start : quote.end] == quote.exact
    assert jamestown.text[: quote.start].endswith(quote.prefix) and len(quote.prefix) == 32
    assert quote.id.startswith("q-") and quote.id not in {q.id for q in doc.quotes}
    raw = make_quote(jamestown, start + 2, end - 3, snap=None, quote_id="q-raw")
    assert (raw.id, raw.exact) == ("q-raw", "eady degradation of the Russian econ")
    blank_line = jamestown.text.index("\n\n") + 1
    with pytest.raises(ValueError, match="no words"):
        make_quote(jamestown, blank_line, blank_line, quote_id="q-empty")
    with pytest.raises(ValueError, match="source_id"):
        make_quote(doc, start, end)


# -------------------------------------------------------------------- re-anchoring


@pytest.fixture(scope="module")
def valdai() -> Source:
    return seed_source("003")


def quote_of(source: Source, needle: str, quote_id: str) -> Quote:
    return make_quote(source, *span(source.text, needle), snap=None, quote_id=quote_id)


def test_unchanged_text_keeps_every_quote_exact(valdai: Source) -> None:
    quote = quote_of(
        valdai, "Russia has avoided any significant financial or economic crisis", "q1"
    )
    result = reanchor(quote, valdai.text)
    assert (result.status, result.quote) == ("exact", quote)


def test_insertion_before_the_quote_moves_it(valdai: Source) -> None:
    quote = quote_of(valdai, "Society, too, has shown resilience to extreme conditions.", "q1")
    new_text = "An editor's note added at the top.\n\n" + valdai.text
    result = reanchor(quote, new_text)
    assert result.status == "moved"
    assert result.quote.start == quote.start + 36
    assert new_text[result.quote.start : result.quote.end] == quote.exact


def test_repeated_passage_resolved_by_context() -> None:
    text = "Alpha says talks will fail. Beta says talks will fail. Gamma agrees."
    second = text.index("Beta says ") + len("Beta says ")
    quote = Quote.from_range("q1", "s", text, second, second + len("talks will fail."))
    new_text = "Intro. " + text
    result = reanchor(quote, new_text)
    assert result.status == "moved"
    assert new_text[result.quote.start - 10 : result.quote.start] == "Beta says "
    assert "2 identical passages" in result.note


def test_wording_edit_inside_the_quote_is_fuzzy_with_score(valdai: Source) -> None:
    original = (
        "Moscow appears to view the prospect of further military actions as a realistic "
        "scenario, for which it has the material resources if necessary."
    )
    quote = quote_of(valdai, original, "q1")
    edited = original.replace("appears to view", "seems to regard")
    new_text = ("A new first paragraph.\n\n" + valdai.text).replace(original, edited)
    result = reanchor(quote, new_text)
    assert result.status == "fuzzy"
    assert result.score is not None and 80 <= result.score < 100
    assert result.quote.exact == edited
    assert new_text[result.quote.start : result.quote.end] == edited
    assert result.previous == quote


def test_deleted_paragraph_loses_its_quote_and_reports_it(valdai: Source) -> None:
    paragraphs = valdai.text.split("\n\n")
    doomed = next(p for p in paragraphs if p.startswith("Another critical outcome"))
    quote = quote_of(valdai, "a pivotal interim result", "q1")
    new_text = "\n\n".join(p for p in paragraphs if p != doomed)
    result = reanchor(quote, new_text)
    assert result.status == "lost"
    assert result.quote == quote  # kept unchanged, never dropped
    assert result.score is not None and result.score < 80
    assert "lost" in result.describe() and "pivotal interim result" in result.describe()


def test_reanchor_source_updates_the_map_and_reports_each_quote(valdai: Source) -> None:
    other = seed_source("001")
    needles = {
        "q-same": "The negotiations between Vladimir Putin and Donald Trump marked a step",
        "q-move": "Trade with many countries in the Global South has surged.",
        "q-edit": "Initial confusion quickly gave way to adaptation.",
        "q-gone": "swiftly adapting to new challenges posed by the revolution in military affairs",
    }
    quotes = [quote_of(valdai, needle, qid) for qid, needle in needles.items()]
    untouched = quote_of(other, "Russia also rejected Turkey’s peace plan for Ukraine.", "q-other")
    doc = ArgMap(sources=[valdai, other], quotes=[quotes[0], untouched, *quotes[1:]])
    paragraphs = valdai.text.split("\n\n")
    paragraphs.insert(2, "A paragraph inserted by the editors in a revised version.")
    new_text = "\n\n".join(p for p in paragraphs if not p.startswith("Another critical outcome"))
    new_text = new_text.replace(needles["q-edit"], "Initial confusion soon gave way to adaptation.")

    report = reanchor_source(doc, valdai.id, new_text)

    statuses = {r.quote.id: r.status for r in report.results}
    assert statuses == {"q-same": "exact", "q-move": "moved", "q-edit": "fuzzy", "q-gone": "lost"}
    assert report.counts() == {"exact": 1, "moved": 1, "fuzzy": 1, "lost": 1}
    assert [r.quote.id for r in report.lost] == ["q-gone"]
    new_doc = report.doc
    assert [q.id for q in new_doc.quotes] == [q.id for q in doc.quotes]  # order and count kept
    source = new_doc.source(valdai.id)
    assert source.text == new_text and source.sha256 == text_sha256(new_text)
    for quote in new_doc.quotes:
        if quote.id not in ("q-gone", "q-other"):
            assert new_text[quote.start : quote.end] == quote.exact
    assert new_doc.quote("q-gone") == doc.quote("q-gone")
    assert new_doc.quote("q-other") == untouched
    assert doc.source(valdai.id).text == valdai.text  # the input map is not modified


def test_reanchoring_100_quotes_in_a_20_page_article_scans_it_only_for_changed_quotes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [import_article(p).text for p in sorted(SEEDS.glob("*.txt"))]
    paragraphs = "\n\n".join(texts).split("\n\n")
    # the seeds, then two reworded copies (words reversed, words rotated): ~20 unique pages
    reversed_copy = [" ".join(reversed(p.split(" "))) for p in paragraphs]
    rotated_copy = [" ".join(p.split(" ")[3:] + p.split(" ")[:3]) for p in paragraphs]
    article = "\n\n".join(paragraphs + reversed_copy + rotated_copy)
    assert len(article) > 60_000
    source = Source.from_text("src-big", article)
    sentences = [
        (s, e)
        for s, e in sentence_spans(article)
        if len(article[s:e].split(" ")) >= 10 and article.count(article[s:e]) == 1
    ]
    chosen = sorted(random.Random(7).sample(sentences, 100))
    quotes = [
        make_quote(source, s, e, snap=None, quote_id=f"q{n}") for n, (s, e) in enumerate(chosen)
    ]
    revised = article
    changed = set()
    for quote in reversed(quotes[::2]):  # change one word in every second quote
        words = quote.exact.split(" ")
        words[len(words) // 2] = "CHANGED"
        revised = revised[: quote.start] + " ".join(words) + revised[quote.end :]
        changed.add(quote.id)
    revised = "Editor's note.\n\n" + revised
    doc = ArgMap(sources=[source], quotes=quotes)

    # Work counted, not timed (the time is a benchmark row, "Re-anchor 100 quotes"):
    # a moved quote is found by plain search; a changed one costs two scans of the
    # article (the quote, then the quote in its context) and a bounded refinement.
    from rapidfuzz import fuzz  # noqa: PLC0415

    scans: list[int] = []  # length of each text scanned
    comparisons = [0]
    align, ratio = fuzz.partial_ratio_alignment, fuzz.ratio

    def counted_align(needle: str, text: str, **kw: object) -> object:
        scans.append(len(text))
        return align(needle, text, **kw)

    def counted_ratio(a: str, b: str, **kw: object) -> float:
        comparisons[0] += 1
        return ratio(a, b, **kw)

    monkeypatch.setattr(fuzz, "partial_ratio_alignment", counted_align)
    monkeypatch.setattr(fuzz, "ratio", counted_ratio)
    report = reanchor_source(doc, "src-big", revised)

    assert report.counts() == {"exact": 0, "moved": 50, "fuzzy": 50, "lost": 0}
    assert scans == [len(revised)] * (2 * 50)
    assert comparisons[0] <= 400 * 50  # 13,544 today: ~270 pairs of ends per quote
    for result in report.results:
        assert result.status == ("fuzzy" if result.quote.id in changed else "moved")
        assert revised[result.quote.start : result.quote.end] == result.quote.exact
        if result.quote.id in changed:
            assert "CHANGED" in result.quote.exact


_TALKS = "The envoys met again on Monday. Talks held in Geneva after a long pause were calm."


@pytest.mark.parametrize(
    ("exact", "changed", "status", "score"),
    [
        # Under 20 characters a changed quote needs 90 % likeness (a few letters decide
        # a short quote); from 20 characters, 80 % is enough.
        ("Talks held", "Talks hald", "fuzzy", 90.0),
        ("Talks held in Genev", "Tolks held in Gonev", "lost", 89.5),
        ("Talks held in Geneva", "Tolks held in Gonava", "fuzzy", 85.0),
        ("Talks held in Geneva", "Tolks hald in Gonava", "fuzzy", 80.0),
    ],
)
def test_short_quotes_need_a_closer_match_than_long_ones(
    exact: str, changed: str, status: str, score: float
) -> None:
    start = _TALKS.index(exact)
    quote = Quote.from_range("q-1", "src-1", _TALKS, start, start + len(exact))
    found = reanchor(quote, _TALKS.replace(exact, changed))
    assert (found.status, found.score) == (status, score)
    if status == "fuzzy":
        assert found.quote.exact == changed
    else:
        assert found.quote == quote  # kept unchanged


@pytest.mark.parametrize(
    ("exact", "new_text", "described"),
    [
        ("Talks held in Geneva", _TALKS, "q-1 exact: 'Talks held in Geneva'"),
        ("Talks held in Geneva", "Intro. " + _TALKS, "q-1 moved at 39..59: 'Talks held in Geneva'"),
        (
            "Talks held",
            "Talks held. " + _TALKS,
            "q-1 moved at 44..54: 'Talks held'; 2 identical passages, chosen by surrounding text",
        ),
        (
            "Talks held in Geneva",
            _TALKS.replace("Talks held in Geneva", "Tolks held in Gonava"),
            "q-1 fuzzy (85%) at 32..52: 'Talks held in Geneva'",
        ),
        (
            "The envoys met again on Monday. Talks held in Geneva after a long pause were calm",
            "X. " + _TALKS,
            "q-1 moved at 3..84: 'The envoys met again on Monday. Talks held in Gen…'",
        ),
        (
            "Talks held in Geneva after a long pause were calm.",
            "Budget figures for October were published by the ministry of finance on Tuesday.",
            "q-1 lost (43%): 'Talks held in Geneva after a long pause were calm.'; "
            "not found in the new text; kept unchanged",
        ),
    ],
)
def test_each_finding_is_described_on_one_line(exact: str, new_text: str, described: str) -> None:
    start = _TALKS.index(exact)
    quote = Quote.from_range("q-1", "src-1", _TALKS, start, start + len(exact))
    assert reanchor(quote, new_text).describe() == described


@pytest.mark.parametrize(
    ("text", "selected", "quoted"),
    [
        ("Putin's newly-gained ground", (2, 9), "Putin's newly-gained"),
        ("Putin's newly-gained ground", (10, 15), "newly-gained"),
        ("Revenue fell 26.7 percent in 1,420 towns", (14, 16), "26.7"),
        ("Revenue fell 26.7 percent in 1,420 towns", (32, 33), "1,420"),
        ("The U.S. said no", (5, 6), "U.S."),
        ("A.B", (1, 2), "A.B"),
        ("snake_case names", (2, 3), "snake_case"),
        ("Word", (0, 1), "Word"),  # at the start of the text
        ("Word", (3, 4), "Word"),  # at its end
        ("Word", (4, 4), "Word"),  # a caret after the last letter
        ("Word", (0, 0), "Word"),  # a caret before the first
        ("rock'n", (4, 5), "rock'n"),
        ("a 'quoted' word", (3, 5), "quoted"),
        ('He said "stop now" twice', (8, 12), "stop"),  # an opening mark alone is dropped
        ('He said "stop now" twice', (8, 18), '"stop now"'),  # a pair is kept
        ('"paired" word', (0, 8), '"paired"'),
        ('"unpaired word', (0, 14), "unpaired word"),
        ("see (the report) here", (4, 8), "the"),
        ("see (the report) here", (5, 16), "the report"),
        ("see (the report) here", (4, 16), "(the report)"),
        ("(open", (0, 5), "open"),
        ("close)", (0, 6), "close"),
        ("end, of it", (0, 4), "end"),
        ("  two  ", (0, 7), "two"),
    ],
)
def test_word_snapping_at_the_edges(text: str, selected: tuple[int, int], quoted: str) -> None:
    start, end = snap_to_words(text, *selected)
    assert text[start:end] == quoted


_PARAGRAPHS = "First sentence here. Second one follows.\nNew paragraph starts. It ends here"


@pytest.mark.parametrize(
    ("selected", "quoted"),
    [
        ((25, 30), "Second one follows."),
        ((30, 47), "Second one follows.\nNew paragraph starts."),  # across a paragraph
        ((0, 3), "First sentence here."),  # at the start of the text
        ((70, 72), "It ends here"),  # the last line, with no line break after it
        ((22, 22), "Second one follows."),  # a caret
        ((41, 41), "New paragraph starts."),  # a caret at a line's start
        ((20, 21), "Second"),  # only a space: the word it touches
    ],
)
def test_sentence_snapping_takes_the_sentences_touched(
    selected: tuple[int, int], quoted: str
) -> None:
    start, end = snap_to_sentences(_PARAGRAPHS, *selected)
    assert _PARAGRAPHS[start:end] == quoted


def test_make_quote_snaps_as_asked_and_refuses_an_empty_selection() -> None:
    source = Source.from_text("src-1", _PARAGRAPHS)
    assert make_quote(source, 25, 30, snap="sentence").exact == "Second one follows."
    assert make_quote(source, 25, 30, snap="word").exact == "Second one"
    assert make_quote(source, 25, 30, snap=None).exact == "nd on"
    with pytest.raises(ValueError, match="^the selection holds no words to quote$"):
        make_quote(source, 20, 20, snap=None)
    with pytest.raises(ValueError, match="^make_quote on a map needs source_id$"):
        make_quote(ArgMap(sources=[source]), 0, 5)


def test_reanchoring_one_source_leaves_the_others_and_the_input_alone() -> None:
    first = Source.from_text("src-1", _TALKS)
    other = Source.from_text("src-2", _TALKS)
    start = _TALKS.index("Talks held in Geneva")
    mine = Quote.from_range("q-1", "src-1", _TALKS, start, start + 20)
    theirs = Quote.from_range("q-2", "src-2", _TALKS, start, start + 20)
    doc = ArgMap(sources=[first, other], quotes=[theirs, mine])
    changed = _TALKS.replace("Talks held in Geneva", "Tolks held in Gonava")
    report = reanchor_source(doc, "src-1", changed)
    assert report.source_id == "src-1"
    assert [(r.quote.id, r.status) for r in report.results] == [("q-1", "fuzzy")]
    assert report.doc.quotes == [theirs, report.results[0].quote]
    assert report.doc.sources[1] == other
    assert doc.quotes == [theirs, mine] and doc.sources[0] == first  # input untouched
    strict = reanchor_source(doc, "src-1", changed, threshold=95)
    assert [r.status for r in strict.results] == ["lost"]
