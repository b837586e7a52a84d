"""Opening an article file: its format from the name or the first bytes, its encoding
(UTF-8, UTF-16 with a mark, Windows-1252 with a warning), and the files refused with
the reason: binaries, other documents, empty or oversized files."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.io import article_import
from argmap.io.article_import import ArticleImportError, import_article, import_article_text

TEXT = "Talks resumed in Istanbul on Monday.\n\nBoth sides said they would meet again."


def refusal(path: Path) -> str:
    with pytest.raises(ArticleImportError) as caught:
        import_article(path)
    return str(caught.value)


HTML = b"<p>Talks resumed in Istanbul on Monday.</p></body></html>"


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("a.TXT", TEXT.encode(), "txt"),
        ("a.markdown", TEXT.encode(), "md"),
        ("a.XHTML", HTML, "html"),
        ("a.page", b"  \n<!DOCTYPE html><html><body>" + HTML, "html"),
        ("a.page", b"<HTML><body>" + HTML, "html"),
        ("a.page", b"Said: <html> is a tag.\n\n" + TEXT.encode(), "txt"),
    ],
)
def test_the_format_comes_from_the_name_or_the_first_bytes(
    tmp_path: Path, name: str, content: bytes, fmt: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert import_article(path).format == fmt


def test_utf16_with_its_mark_is_read(tmp_path: Path) -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"a-{encoding}.txt"
        mark = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
        path.write_bytes(mark + TEXT.encode(encoding))
        assert import_article(path).paragraphs == TEXT.split("\n\n")


def test_broken_utf16_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff\xfe" + "Talks".encode("utf-16-le") + b"\x00\xd8")
    assert refusal(path).startswith(f"{path}: broken UTF-16 text (")


def test_windows_1252_text_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Caf\u00e9 talks resumed \u201ctoday\u201d.".encode("cp1252"))
    article = import_article(path)
    assert article.text == "Caf\u00e9 talks resumed \u201ctoday\u201d."
    assert article.warnings == [
        f"{path}: not valid UTF-8 (bad byte at offset 3); read as Windows-1252, "
        "check accented letters and quotation marks"
    ]


def test_bytes_neither_utf8_nor_windows_1252_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Talks \x81 resumed")
    assert refusal(path) == (
        f"{path}: not text in UTF-8 or Windows-1252 (undecodable byte at offset 6)"
    )


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (e.g. .docx)"),
        (b"\x89PNG\r\n", "a PNG image"),
        (b"\xff\xd8\xff\xe0", "a JPEG image"),
        (b"GIF89a", "a GIF image"),
        (b"\x7fELF", "a program"),
    ],
)
def test_other_documents_are_named_and_refused(tmp_path: Path, head: bytes, kind: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(head + b"rest of the file")
    assert refusal(path) == f"{path}: this is {kind}, not an article; save it as text"


def test_a_file_with_nul_bytes_is_refused_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Talks\x00resumed")
    assert refusal(path) == f"{path}: looks like a binary file (it holds NUL bytes)"


def test_an_empty_or_missing_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b" \n\t ")
    assert refusal(empty) == f"{empty}: the file is empty"
    assert refusal(tmp_path / "gone.txt") == f"{tmp_path / 'gone.txt'}: no such file"
    assert refusal(tmp_path) == f"{tmp_path}: not a file"


def test_a_file_over_the_limit_is_refused_with_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode())
    monkeypatch.setattr(article_import, "MAX_BYTES", len(TEXT))
    assert import_article(path).paragraphs == TEXT.split("\n\n")
    monkeypatch.setattr(article_import, "MAX_BYTES", 3 * 2**20)
    with open(path, "wb") as handle:
        handle.truncate(3 * 2**20 + 2**19)
    assert refusal(path) == f"{path}: 3.5 MB is too big for an article (limit 3 MB)"


def test_text_with_many_control_characters_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleImportError) as caught:
        import_article_text("\x01\x02" + TEXT + " " * 30, "pasted", "txt")
    assert str(caught.value) == (
        "pasted: looks like a binary file (2 control characters), not an article"
    )
    ok = import_article_text("\x01" + TEXT + " " * 30, "pasted", "txt")  # 1 in 110: fine
    assert "Both sides" in ok.text


def test_half_a_surrogate_pair_is_replaced_and_counted() -> None:
    warnings: list[str] = []
    article = import_article_text("Talks \ud800resumed \udc00today.", "pasted", "txt", warnings)
    assert article.text == "Talks \ufffdresumed \ufffdtoday."
    assert warnings == ["pasted: 2 invalid characters replaced with \ufffd"]


def test_an_unknown_format_or_no_text_is_refused() -> None:
    with pytest.raises(ArticleImportError, match="^pasted: unknown article format 'doc'$"):
        import_article_text(TEXT, "pasted", "doc")  # type: ignore[arg-type]
    with pytest.raises(ArticleImportError, match="^pasted: no article text found$"):
        import_article_text("\n\n", "pasted", "txt")


def test_an_article_becomes_a_source_with_its_details() -> None:
    article = import_article_text(
        "---\ntitle: Talks\nauthor: Anna Smith\ndate: 2024-03-03\nsite: Wire\n"
        "url: http://x.org/a\n---\n" + TEXT,
        "a.md",
        "md",
    )
    source = article.to_source("src-1")
    assert (source.id, source.text, source.title, source.author) == (
        "src-1",
        article.text,
        "Talks",
        "Anna Smith",
    )
    assert (source.publisher, source.published, source.url) == (
        "Wire",
        "2024-03-03",
        "http://x.org/a",
    )
