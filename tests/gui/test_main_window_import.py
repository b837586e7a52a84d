"""File ▸ Import: articles become sources in one undoable step; bad files are explained;
maps and articles dropped on the window are opened or imported; AIF files open."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from gui.app_font import app_font  # noqa: F401  (a fixture)
from gui.layout_faults import SCREEN
from gui.main_window_fixtures import small_map_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from argmap.io import article_import
from argmap.io.map_file import save_map
from argmap.model import ArgMap, Statement, StatementKind
from argmap.ui.import_export.import_actions import ImportReport
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


def import_and_wait(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> ImportReport:
    """Start an import as the menu does and wait for it to land."""
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as blocker:
        window.imports.import_files(paths)
    report = blocker.args[0]
    assert isinstance(report, ImportReport)
    return report


def _drop_urls(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_an_article_becomes_a_source_and_undo_removes_it(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    c = window.controller
    before = c.doc.model_dump()
    report = import_and_wait(qtbot, window, [_article(tmp_path)])
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
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    c = window.controller
    before = c.doc.model_dump()
    bad = tmp_path / "scan.pdf.txt"
    bad.write_bytes(b"%PDF-1.4 binary stuff")
    report = import_and_wait(qtbot, window, [bad])
    assert not report.added
    assert len(report.errors) == 1 and "scan.pdf.txt" in report.errors[0]
    box = window.imports.summary_box
    assert box is not None and "PDF" in box.text()
    assert c.doc.model_dump() == before
    assert not c.is_dirty and c.undo_stack.count() == 0


@pytest.mark.usefixtures("app_font")
def test_the_summary_of_many_refused_files_fits_the_screen(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Every refused file was a line of the message itself: 60 scanned PDFs made the
    summary 3,934 px tall, its OK button far below the bottom of an 800 px screen."""
    scans = []
    for k in range(60):
        scans.append(tmp_path / f"scan-{k:02d}.pdf")
        scans[-1].write_bytes(b"%PDF-1.4 binary stuff")
    report = import_and_wait(qtbot, window, scans)
    assert len(report.errors) == 60
    box = window.imports.summary_box
    assert box is not None
    qtbot.waitExposed(box)
    assert box.frameGeometry().height() <= SCREEN.height(), box.frameGeometry()
    assert "scan-00.pdf" in box.text() and "and 55 more" in box.text()  # the first few
    assert all(f"scan-{k:02d}.pdf" in box.detailedText() for k in range(60))  # all, here
    box.close()


def test_good_files_are_imported_beside_a_bad_one(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("   \n")
    good = _article(tmp_path)
    report = import_and_wait(qtbot, window, [empty, good])
    assert [a.title for _s, a in report.added] == ["Envoys meet in Geneva"]
    assert len(report.errors) == 1 and "empty.md" in report.errors[0]
    assert window.controller.undo_stack.count() == 1


def test_an_article_already_in_the_map_is_not_added_twice(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = _article(tmp_path)
    import_and_wait(qtbot, window, [path])
    count = len(window.controller.doc.sources)
    report = import_and_wait(qtbot, window, [path])
    assert report.duplicates and not report.added
    assert len(window.controller.doc.sources) == count


def test_dropping_articles_imports_them(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    paths = [_article(tmp_path), _article(tmp_path, "notes.txt", "A plain note on the talks.")]
    mime = _drop_urls(paths)
    assert window.imports.accepts(mime)
    with qtbot.waitSignal(window.imports.finished, timeout=30_000):
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


class _SlowImports:
    """Stands in for article reading: each file waits until the test lets it go."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.real = article_import.import_article

    def __call__(self, path: str | Path) -> article_import.ImportedArticle:
        self.started.set()
        assert self.release.wait(20), "the test never released the import"
        return self.real(path)


def test_an_import_runs_in_the_background_and_cancel_adds_nothing(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = _SlowImports()
    monkeypatch.setattr(article_import, "import_article", slow)
    c = window.controller
    before = c.doc.model_dump()
    paths = [_article(tmp_path, f"a{n}.html") for n in range(3)]
    window.imports.import_files(paths)
    assert slow.started.wait(10)
    # the reading is blocked in the worker, yet the window handles events and shows progress
    fired: list[bool] = []
    QTimer.singleShot(0, partial(fired.append, True))  # only the GUI event loop fires it
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)
    qtbot.waitUntil(lambda: window.imports.progress is not None
                    and window.imports.progress.isVisible(), timeout=5000)  # fmt: skip
    progress = window.imports.progress
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(window.imports.finished, timeout=30_000) as blocker:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        slow.release.set()
    report = blocker.args[0]
    assert report.cancelled and not report.added
    assert c.doc.model_dump() == before
    assert c.undo_stack.count() == 0
    assert "cancelled" in window.statusBar().currentMessage()


def test_several_articles_land_in_one_undoable_step(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    c = window.controller
    before = c.doc.model_dump()
    second = ARTICLE.replace("Envoys meet in Geneva", "Talks resume in Vienna").replace(
        "in Geneva on Tuesday", "in Vienna on Friday"
    )
    paths = [_article(tmp_path), _article(tmp_path, "vienna.html", second)]
    report = import_and_wait(qtbot, window, paths)
    assert len(report.added) == 2
    assert c.undo_stack.count() == 1
    c.undo_stack.undo()
    assert c.doc.model_dump() == before


def test_the_summary_lists_removed_text_and_marks_what_to_check(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    page = ARTICLE.replace(
        "<p>Neither delegation",
        "<div class='ad'>Advertisement</div><p>Neither delegation",
    )
    import_and_wait(qtbot, window, [_article(tmp_path, "ad.html", page)])
    box = window.imports.summary_box
    assert box is not None
    details = box.detailedText()
    assert "| Home | World | Sport" in details or "| Home" in details  # the navigation's text
    assert "CHECK:" in details and "| Advertisement" in details
