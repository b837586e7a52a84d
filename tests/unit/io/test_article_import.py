"""Importing the real seed articles and hand-made fixtures: what a user sees in the source."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.io.article_import import (
    MAX_BYTES,
    PARAGRAPH_SEPARATOR,
    ArticleImportError,
    Format,
    import_article,
    import_article_text,
)
from argmap.model.source import text_sha256

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}$", re.MULTILINE)


def seed(prefix: str) -> Path:
    return next(p for p in SEED_FILES if p.name.startswith(prefix))


def raw_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]


def test_all_five_seeds_are_present() -> None:
    assert len(SEED_FILES) == 5


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_body_is_clean(path: Path) -> None:
    article = import_article(path)
    text = article.text
    assert "More news" not in text
    assert "Read also" not in text
    assert "Tags:" not in text
    assert "client/title.list_title" not in text
    assert not TIMESTAMP.search(text)
    assert "\n\n\n" not in text
    assert all(p == p.strip() and p for p in article.paragraphs)
    # every body paragraph is the article's own text, character for character
    source_text = " ".join(raw_lines(path)).replace("\u00a0", " ")
    for paragraph in article.paragraphs:
        assert paragraph in source_text


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", "Talks On Peace Deal for War Against Ukraine Can Still Rebound"),
        ("001", "Putin can’t end the war in Ukraine without Russia collapsing"),
        ("002", "Is Putin ready for negotiations?"),
        ("003", None),  # the Valdai piece starts straight with its first paragraph
        ("004", "The illusion of quick negotiations"),
    ],
)
def test_seed_title_detected_and_not_left_in_body(prefix: str, title: str | None) -> None:
    article = import_article(seed(prefix))
    assert article.title == title
    if title:
        assert not article.text.startswith(title)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_last_real_sentence_of_the_body_is_kept(path: Path) -> None:
    body_lines = [
        line
        for line in raw_lines(path)
        if len(line) > 150 and line.endswith(".") and not line.startswith("First published")
    ]
    article = import_article(path)
    assert article.paragraphs[-1] == body_lines[-1]


def test_seed_000_keeps_summary_bullets_and_inline_citations() -> None:
    article = import_article(seed("000"))
    assert article.author is None  # "By:" is empty
    assert any(d.reason == "empty byline" for d in article.dropped)
    assert "By:" not in article.text
    assert article.paragraphs[0] == "Executive Summary:"
    assert article.paragraphs[1].startswith("- The failed attempt to organize a summit")
    assert "(Kommersant, November 5)" in article.text
    assert "(RBC, November 7)" in article.text
    assert "(The Moscow Times, November 7)" in article.text


@pytest.mark.parametrize(
    ("prefix", "published", "debris_lines"),
    [("002", "2023-12-24", 102), ("004", "2024-11-17", 105)],
)
def test_espreso_pages_yield_metadata_and_report_debris(
    prefix: str, published: str, debris_lines: int
) -> None:
    article = import_article(seed(prefix))
    assert article.publisher == "Espreso. Global"
    assert article.author == "Vadym Denysenko"
    assert article.published == published
    assert "OPINION" not in article.text
    assert "About the author" not in article.text
    assert "do not always share" not in article.text
    reasons = [d.describe() for d in article.dropped]
    debris = [d for d in article.dropped if d.reason.startswith("web-page debris")]
    assert len(debris) == 1
    assert len(debris[0].lines) == debris_lines
    assert "'More news'" in debris[0].reason and "timestamped headlines" in debris[0].reason
    assert debris[0].lines[-1] == "More news"
    assert any("'Espreso. Global'" in r for r in reasons)
    # the debris text is reported, not lost
    assert debris_lines == len(raw_lines(seed(prefix))) - raw_lines(seed(prefix)).index("Tags:")


def test_espreso_standfirst_stays_in_body() -> None:
    article = import_article(seed("004"))
    assert article.paragraphs[0].startswith("In recent weeks, many have fallen into the trap")
    assert "• Putin thought a quick war" in article.text
    assert "this: Putin wants to live" in article.text  # the no-break space became a space


def test_seed_003_repeated_paragraphs_appear_once() -> None:
    article = import_article(seed("003"))
    for opening in (
        "The negotiations between Vladimir Putin and Donald Trump marked a step",
        "Among the key results, the most striking is Russia’s demonstrated readiness",
        "In the realm of diplomacy, a notable outcome has been the absence",
        "seems to understand that further prolongation of the conflict carries risks.",
    ):
        assert article.text.count(opening) == 1, opening
    repeats = [d for d in article.dropped if d.reason.startswith("repeated paragraph")]
    assert len(repeats) == 4
    assert repeats[0].reason == "repeated paragraph (2nd copy of paragraph 1)"
    assert article.publisher == "Valdai Discussion Club"
    assert "First published" not in article.text
    assert "The new US administration appears to have recognized the futility" in article.text


def test_to_source_carries_text_and_metadata() -> None:
    article = import_article(seed("002"))
    source = article.to_source("src-espreso")
    assert source.text == article.text
    assert source.sha256 == text_sha256(article.text)
    assert (source.title, source.author, source.published) == (
        "Is Putin ready for negotiations?",
        "Vadym Denysenko",
        "2023-12-24",
    )


def test_html_article_extracted_from_page() -> None:
    article = import_article(FIXTURES / "ceasefire_report.html")
    assert article.format == "html"
    assert article.title == "Kremlin signals on a freeze"
    assert article.author == "Jane Analyst"
    assert article.published == "2024-11-18"
    assert article.publisher == "Example Monitor"
    assert article.url == "https://example.org/analysis/kremlin-freeze"
    text = article.text
    assert text.startswith("Moscow has hinted that it could accept a freeze of the front line")
    assert "(Kommersant, Nov. 5)." in text
    assert "sincere.\nThe Kremlin" in text  # <br> is a line break, inline tags vanish
    assert "- Elites are divided over the cost of the war." in article.paragraphs
    assert article.paragraphs[-1].startswith("Whether Putin can accept a ceasefire")
    for furniture in ("Home", "Unrelated headline", "tracking", "font-family", "©", "Subscribe"):
        assert furniture not in text
    assert any("Unrelated headline one" in line for d in article.dropped for line in d.lines)


def test_markdown_syntax_stripped() -> None:
    article = import_article(FIXTURES / "ceasefire_notes.md")
    assert article.title == "Why a ceasefire is still far off"
    text = article.text
    assert "*" not in text and "#" not in text and "`" not in text and "](" not in text
    assert article.paragraphs[0] == (
        "Summary: the Kremlin's stated conditions have not changed since 2022."
    )
    # soft-wrapped lines are joined into one paragraph
    assert 'recognise "new territorial realities" on the ground (TASS, November 6).' in text
    assert "- Sanctions have cut oil revenues by a quarter." in article.paragraphs
    assert "What would change the calculus" in article.paragraphs
    assert "chart" not in text


def test_markdown_front_matter_gives_metadata() -> None:
    raw = (
        "---\ntitle: A Title\nauthor: Ann Author\ndate: March 3, 2024\n"
        "url: https://example.org/a\n---\n\nFirst paragraph of the piece.\n"
    )
    article = import_article_text(raw, "note.md", "md")
    assert (article.title, article.author, article.published, article.url) == (
        "A Title",
        "Ann Author",
        "2024-03-03",
        "https://example.org/a",
    )
    assert article.text == "First paragraph of the piece."


def test_hard_wrapped_text_is_rejoined() -> None:
    paragraph = (
        "Russian officials repeat that any settlement must recognise the new\n"
        "territorial realities on the ground, and that sanctions must be lifted\n"
        "before a freeze of the front line could even be discussed by anyone.\n"
    )
    article = import_article_text(f"A Wrapped Title\n\n{paragraph}\n{paragraph}", "w.txt", "txt")
    assert article.title == "A Wrapped Title"
    assert article.paragraphs == [" ".join(paragraph.split())]
    assert any("2nd copy" in d.reason for d in article.dropped)


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    article = import_article_text("Title Line Here\n\n\nOne.\n\n\n\nTwo.\r\nThree.", "x", "txt")
    assert article.text == PARAGRAPH_SEPARATOR.join(["One.", "Two.", "Three."])


def test_cp1252_text_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Title of It\nPutin\u2019s caf\u00e9 \u201cdeal\u201d.".encode("cp1252"))
    article = import_article(path)
    assert article.text == "Putin\u2019s caf\u00e9 \u201cdeal\u201d."
    assert len(article.warnings) == 1 and "Windows-1252" in article.warnings[0]
    assert "legacy.txt" in article.warnings[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_text_with_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("Title of It\nPutin\u2019s deal.".encode(encoding))
    article = import_article(path)
    assert article.text == "Putin\u2019s deal."
    assert article.warnings == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"GIF89a\x01\x00\x01\x00\x00\xff\x00", "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"abc\x00\x01\x02def" * 50, "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        (b"\x81\x8d\x8f\x90\x9d" * 10, "not text in UTF-8 or Windows-1252"),
        (b"<html><body><nav>Only navigation</nav></body></html>", "no article text"),
    ],
)
def test_hostile_files_are_refused_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "hostile.html"
    path.write_bytes(content)
    with pytest.raises(ArticleImportError, match=message) as caught:
        import_article(path)
    assert str(path) in str(caught.value)


def test_too_big_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (MAX_BYTES // 5 + 10))
    with pytest.raises(ArticleImportError, match=r"huge\.txt.*too big.*limit 5 MB"):
        import_article(path)


def test_too_big_text_is_refused() -> None:
    with pytest.raises(ArticleImportError, match="more than 5 MB"):
        import_article_text("x" * (MAX_BYTES + 1), "pasted", "txt")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleImportError, match="no such file"):
        import_article(tmp_path / "absent.txt")
    with pytest.raises(ArticleImportError, match="not a file"):
        import_article(tmp_path)


@settings(max_examples=60, deadline=None)
@given(
    raw=st.text(
        alphabet=st.sampled_from(list("ab .,:\n\t<>/#*_-()[]!\u00a0\u2019\x00\x07"))
        | st.characters(),
        max_size=300,
    ),
    fmt=st.sampled_from(["txt", "md", "html"]),
)
def test_any_text_imports_or_fails_with_a_clear_error(raw: str, fmt: Format) -> None:
    try:
        article = import_article_text(raw, "fuzzed", fmt)
    except ArticleImportError as exc:
        assert str(exc).startswith("fuzzed: ")
        return
    assert article.text
    assert all(p == p.strip() and p for p in article.paragraphs)


@settings(max_examples=60, deadline=None)
@given(content=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".html", ".dat"]))
def test_any_bytes_import_or_fail_with_a_clear_error(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(content)
        try:
            article = import_article(path)
        except ArticleImportError as exc:
            assert str(exc).startswith(str(path))
            return
        assert article.text
