"""File ▸ Import: articles become sources in one undoable step; bad files are explained;
maps and articles dropped on the window are opened or imported; AIF files open."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import small_map_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from argmap.io.map_file import save_map
from argmap.model import ArgMap, Statement, StatementKind
from argmap.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    yield from small_map_window(qtbot, tmp_path, monkeypatch)


ARTICLE = """<html><head><title>Envoys meet in Geneva</title>
<meta name="author" content="A. Writer"><meta property="og:site_name" content="Daily Wire">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Envoys meet in Geneva</h1>
<p>Envoys from both sides met in Geneva on Tuesday to discuss a ceasefire.</p>
<p>Neither delegation would say whether a deal was close, observers said.</p></article>
<footer>Subscribe to our newsletter</footer></body></html>"""


def _article(tmp_path: Path, name: str = "geneva.html", text: str = ARTICLE) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _drop_urls(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_an_article_becomes_a_source_and_undo_removes_it(
    window: MainWindow, tmp_path: Path
) -> None:
    c = window.controller
    before = c.doc.model_dump()
    report = window.imports.import_files([_article(tmp_path)])
    assert len(report.added) == 1 and not report.errors
    source = c.doc.sources[-1]
    assert source.title == "Envoys meet in Geneva"
    assert "met in Geneva on Tuesday" in source.text
    assert "Subscribe" not in source.text and "Sport" not in source.text
    assert window.sources.reader.source_id == source.id  # the new article is shown
    box = window.imports.summary_box
    assert box is not None and "Added 1 article" in box.text()
    assert "Envoys meet in Geneva" in box.detailedText()
    assert c.is_dirty
    c.undo_stack.undo()
    assert c.doc.model_dump() == before
    assert source.id not in {s.id for s in c.doc.sources}
    c.undo_stack.redo()
    assert c.doc.sources[-1].id == source.id


def test_a_bad_article_is_explained_and_the_document_is_unchanged(
    window: MainWindow, tmp_path: Path
) -> None:
    c = window.controller
    before = c.doc.model_dump()
    bad = tmp_path / "scan.pdf.txt"
    bad.write_bytes(b"%PDF-1.4 binary stuff")
    report = window.imports.import_files([bad])
    assert not report.added
    assert len(report.errors) == 1 and "scan.pdf.txt" in report.errors[0]
    box = window.imports.summary_box
    assert box is not None and "PDF" in box.text()
    assert c.doc.model_dump() == before
    assert not c.is_dirty and c.undo_stack.count() == 0


def test_good_files_are_imported_beside_a_bad_one(window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("   \n")
    good = _article(tmp_path)
    report = window.imports.import_files([empty, good])
    assert [a.title for _s, a in report.added] == ["Envoys meet in Geneva"]
    assert len(report.errors) == 1 and "empty.md" in report.errors[0]
    assert window.controller.undo_stack.count() == 1


def test_an_article_already_in_the_map_is_not_added_twice(
    window: MainWindow, tmp_path: Path
) -> None:
    path = _article(tmp_path)
    window.imports.import_files([path])
    count = len(window.controller.doc.sources)
    report = window.imports.import_files([path])
    assert report.duplicates and not report.added
    assert len(window.controller.doc.sources) == count


def test_dropping_articles_imports_them(window: MainWindow, tmp_path: Path) -> None:
    paths = [_article(tmp_path), _article(tmp_path, "notes.txt", "A plain note on the talks.")]
    mime = _drop_urls(paths)
    assert window.imports.accepts(mime)
    assert window.imports.drop(mime)
    assert [s.title for s in window.controller.doc.sources[-2:]][0] == "Envoys meet in Geneva"
    assert len(window.controller.doc.sources) == 3


def test_dropping_a_map_opens_it(window: MainWindow, tmp_path: Path) -> None:
    other = ArgMap(
        title="Other",
        statements=[Statement(id="s-x", kind=StatementKind.QUESTION, text="Another map")],
    )
    path = tmp_path / "other.argmap.json"
    save_map(other, path)
    assert window.imports.drop(_drop_urls([path]))
    assert window.controller.path == path
    assert [s.text for s in window.controller.doc.statements] == ["Another map"]
    assert not window.imports.accepts(_drop_urls([tmp_path / "picture.png"]))


def test_an_aif_file_opens_as_a_new_unsaved_map(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aif = {
        "nodes": [
            {"nodeID": "1", "text": "Talks will resume", "type": "I"},
            {"nodeID": "2", "text": "Both sides sent envoys", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "1"},
        ],
        "locutions": [],
    }
    path = tmp_path / "talks.json"
    path.write_text(json.dumps(aif))
    assert window.interop.open_aif(path)
    c = window.controller
    assert {s.text for s in c.doc.statements} == {"Talks will resume", "Both sides sent envoys"}
    assert c.path is None and c.is_dirty  # saving asks where
    broken = tmp_path / "broken.json"
    broken.write_text('{"nodes": [{"nodeID": 1}]')
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    assert not window.interop.open_aif(broken)
    assert shown and "broken.json" in shown[0]
    assert {s.text for s in c.doc.statements} == {"Talks will resume", "Both sides sent envoys"}


def test_articles_dropped_on_the_canvas_are_imported(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    mime = _drop_urls([_article(tmp_path)])
    viewport = window.view.viewport()
    at = QPointF(viewport.width() / 2, viewport.height() / 2)
    none, mods = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, mime, none, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(at, Qt.DropAction.CopyAction, mime, none, mods)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(window.controller.doc.sources) == 2)
    assert window.controller.doc.sources[-1].title == "Envoys meet in Geneva"
