"""An imported article keeps the name of its file, in itself and in every warning about
it; Windows and old Mac line ends read as line ends; a path the system refuses is told
with the system's reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.io.article_import import ArticleImportError, import_article
from argmap.io.article_markup import MAX_MARKDOWN_NESTING
from argmap.io.html_page import MAX_DEPTH

# Hard-wrapped plain text: two paragraphs of two lines each, a blank line between.
WRAPPED = [
    "Negotiators from both sides met in Istanbul on Monday",
    "and agreed to resume talks on the grain corridor soon.",
    "",
    "Officials said the next round would take place in March",
    "after a review of the inspection rules by both navies.",
]
JOINED = [
    "Negotiators from both sides met in Istanbul on Monday and agreed to resume talks "
    "on the grain corridor soon.",
    "Officials said the next round would take place in March after a review of the "
    "inspection rules by both navies.",
]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"], ids=["unix", "windows", "old-mac"])
def test_hard_wrapped_text_is_joined_whatever_its_line_ends(tmp_path: Path, end: str) -> None:
    path = tmp_path / "talks.txt"
    path.write_bytes(end.join(WRAPPED).encode("utf-8"))
    assert import_article(path).paragraphs == JOINED


def test_the_article_keeps_its_files_name(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text("Talks resumed in Istanbul on Monday.", encoding="utf-8")
    assert import_article(path).name == str(path)


def test_a_markdown_file_too_nested_is_named_in_its_warning(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    deep = "> " * (MAX_MARKDOWN_NESTING + 1) + "Talks resumed in Istanbul on Monday, they said."
    path.write_text(deep, encoding="utf-8")
    (warning,) = import_article(path).warnings
    assert warning.startswith(f"{path}: block quotes or lists nested about ")


def test_a_page_too_deep_is_named_in_its_warning(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    page = "<html><body>" + "<div>" * (MAX_DEPTH + 5) + "<p>Talks resumed on Monday.</p>"
    path.write_text(page, encoding="utf-8")
    (warning,) = import_article(path).warnings
    assert warning.startswith(f"{path}: the page nests elements more than {MAX_DEPTH} levels")


def test_a_name_too_long_for_the_system_is_refused_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / ("a" * 300 + ".txt")
    with pytest.raises(ArticleImportError) as caught:
        import_article(path)
    assert str(caught.value) == f"{path}: cannot be read (File name too long)"
