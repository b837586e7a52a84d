"""``argmap import``: adding the seed articles to a map, re-importing a revised article."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io.article_import import import_article
from argmap.io.map_file import load_map, save_map
from argmap.model.quote_anchor import make_quote

ROOT = Path(__file__).resolve().parents[3]
SEED_FILES = sorted((ROOT / "seeds").glob("*.txt"))
ESPRESO = next(p for p in SEED_FILES if p.name.startswith("002"))


def run_import(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["import", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_all_seeds_into_a_new_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    map_path = tmp_path / "ceasefire.argmap.json"
    code, out, err = run_import(capsys, *map(str, SEED_FILES), "--into", str(map_path))
    assert (code, err) == (0, "")
    doc = load_map(map_path)
    assert doc.title == "Talks On Peace Deal for War Against Ukraine Can Still Rebound"
    assert [s.text for s in doc.sources] == [import_article(p).text for p in SEED_FILES]
    assert len({s.id for s in doc.sources}) == 5
    assert "Is Putin ready for negotiations?" in out
    assert "2023-12-24" in out and "Vadym Denysenko" in out
    assert "web-page debris after the article: 102 lines" in out
    assert "repeated paragraph (2nd copy of paragraph 1)" in out
    assert "(none found)" in out  # the Valdai piece has no title line
    assert out.rstrip().endswith("5 sources, 0 quotes")


def test_new_map_title_falls_back_to_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    valdai = next(p for p in SEED_FILES if p.name.startswith("003"))
    map_path = tmp_path / "valdai-notes.argmap.json"
    code, _, _ = run_import(capsys, str(valdai), "--into", str(map_path))
    assert code == 0
    assert load_map(map_path).title == "valdai-notes"


def test_reimporting_the_same_article_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    map_path = tmp_path / "m.argmap.json"
    run_import(capsys, str(ESPRESO), "--into", str(map_path))
    code, out, _ = run_import(capsys, str(ESPRESO), "--into", str(map_path))
    assert code == 0
    assert "text unchanged" in out
    assert len(load_map(map_path).sources) == 1


def test_reimporting_a_revised_article_reanchors_its_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    map_path = tmp_path / "m.argmap.json"
    run_import(capsys, str(ESPRESO), "--into", str(map_path))
    doc = load_map(map_path)
    source = doc.sources[0]
    needles = {
        "q-opening": "Exploring what lies behind the New York Times article",
        "q-moved": "Either Russia triumphs, or it ceases to exist.",
        "q-edited": "Putin has consistently claimed that Ukraine is unwilling to negotiate.",
        "q-deleted": "why now, and is the Kremlin bluffing?",
    }
    quotes = []
    for quote_id, needle in needles.items():
        start = source.text.index(needle)
        quotes.append(make_quote(source, start, start + len(needle), quote_id=quote_id))
    save_map(doc.model_copy(update={"quotes": quotes}), map_path)

    raw = ESPRESO.read_text(encoding="utf-8")
    revised = raw.replace(
        "client/title.list_title",
        "client/title.list_title\n\nUpdate: this column was revised after publication.",
    )
    revised = revised.replace(
        "Putin has consistently claimed that Ukraine is unwilling",
        "Putin has repeatedly claimed that Ukraine is unwilling",
    )
    doomed = next(line for line in raw.splitlines() if "is the Kremlin bluffing?" in line)
    revised = revised.replace(doomed, "")
    article = tmp_path / "revised.txt"
    article.write_text(revised, encoding="utf-8")

    code, out, err = run_import(capsys, str(article), "--into", str(map_path))

    assert (code, err) == (0, "")
    assert f"replaced the text of source {source.id}" in out
    assert "1 exact, 1 moved, 1 fuzzy, 1 lost" in out
    assert "! q-deleted lost" in out
    assert "kept unchanged" in out
    new = load_map(map_path)
    assert len(new.sources) == 1
    new_text = new.sources[0].text
    assert "Update: this column was revised" in new_text
    assert new.quote("q-edited").exact == (
        "Putin has repeatedly claimed that Ukraine is unwilling to negotiate."
    )
    for quote_id in ("q-opening", "q-moved", "q-edited"):
        quote = new.quote(quote_id)
        assert new_text[quote.start : quote.end] == quote.exact
    assert new.quote("q-deleted") == doc.model_copy(update={"quotes": quotes}).quote("q-deleted")


def test_bad_article_is_reported_and_the_others_still_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02binary" * 100)
    map_path = tmp_path / "m.argmap.json"
    code, out, err = run_import(
        capsys, str(binary), str(ESPRESO), str(tmp_path / "absent.md"), "--into", str(map_path)
    )
    assert code == 1
    assert f"{binary}: looks like a binary file" in err
    assert "absent.md: no such file" in err
    assert "Traceback" not in err
    assert [s.title for s in load_map(map_path).sources] == ["Is Putin ready for negotiations?"]
    assert "1 sources" in out


def test_nothing_importable_leaves_no_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    map_path = tmp_path / "m.argmap.json"
    code, _, err = run_import(capsys, str(tmp_path / "absent.txt"), "--into", str(map_path))
    assert code == 1
    assert "no article imported" in err
    assert not map_path.exists()


def test_unreadable_map_is_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    map_path = tmp_path / "broken.argmap.json"
    map_path.write_bytes(b'{"format": "argmap", "version": 1, "sources": [')
    code, _, err = run_import(capsys, str(ESPRESO), "--into", str(map_path))
    assert code == 1
    assert str(map_path) in err and "left unchanged" in err
    assert map_path.read_bytes() == b'{"format": "argmap", "version": 1, "sources": ['


def test_the_report_lists_removed_text_and_flags_removals_inside_the_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = ROOT / "tests" / "fixtures" / "articles" / "corpus" / "01_wire_signup.html"
    map_path = tmp_path / "wire.argmap.json"
    code, out, _ = run_import(capsys, str(page), "--into", str(map_path))
    assert code == 0
    assert "  | Sign up here." in out
    assert "CHECK: removed inside the article" in out
    assert "  | Danube ports brace for record winter traffic February 10, 2024" in out
    text = load_map(map_path).sources[0].text
    assert text.endswith(
        "A further round of talks is scheduled for next week in Ankara, the officials said."
    )
