"""An ``<img src="file://...">`` in map text is never loaded, and never drawn as an image.

The map below puts an image tag pointing at a real picture (a red square) into its title,
a scenario, a claim, notes, tags and an article. The window opens it the way a user does,
every statement is selected in turn, and then every text the window shows or holds as a
tooltip is read the way Qt reads it: where Qt would take it for HTML, it is laid out and
painted in a document that records every resource it asks for. Nothing may be asked for,
the tag must be shown as its characters, and no red pixel may appear on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from argmap.io.map_file import save_map
from argmap.model import ArgMap, Inference, Quote, Source, Statement, StatementKind
from argmap.ui.window.main_window import MainWindow

RED = QColor(255, 0, 0)


class RecordingDocument(QTextDocument):
    """A rich-text document that notes every resource it is asked to load."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> object:
        self.asked.append(name.toString())
        return super().loadResource(kind, name)


@pytest.fixture
def probe(tmp_path: Path) -> Path:
    """A 48 x 48 red square: what an interpreted tag would load and draw."""
    path = tmp_path / "probe.png"
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(RED)
    assert image.save(str(path))
    return path


def _map(img: str) -> ArgMap:
    article = f"Officials said {img} talks resume in May. Moscow insists on more."
    source = Source.from_text(
        "src-1", article, title=f"{img} Talks", author=img, publisher=f"{img} press"
    )
    start = article.index(img)
    quote = Quote.from_range("q-1", "src-1", article, start, start + len(img) + 13)
    return ArgMap(
        title=img,
        question="s-q",
        sources=[source],
        quotes=[quote],
        statements=[
            Statement(id="s-q", kind=StatementKind.QUESTION, text=f"{img} Will talks start?"),
            Statement(id="s-a", kind=StatementKind.SCENARIO, text=f"{img} Talks", prior=2),
            Statement(id="s-b", kind=StatementKind.SCENARIO, text="No talks", prior=1),
            Statement(id="s-c", kind=StatementKind.CLAIM, text=img, notes=img, tags=[img]),
            Statement(id="s-e", kind=StatementKind.EVIDENCE, text=quote.exact, quotes=["q-1"]),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-a"], conclusion="s-q"),
            Inference(id="i-2", premises=["s-b"], conclusion="s-q"),
            Inference(id="i-3", premises=["s-c"], conclusion="s-a"),
            Inference(id="i-4", premises=["s-e"], conclusion="s-c"),
        ],
    )


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, probe: Path
) -> Iterator[MainWindow]:
    path = tmp_path / "hostile.argmap.json"
    save_map(_map(_img(probe)), path)
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert win.open_path(path)
    yield win
    close_window(win)


def _img(probe: Path) -> str:
    return f'<img src="{probe.as_uri()}" width="48" height="48">'


def _in_scenario_panes(widget: QWidget) -> bool:
    node: QWidget | None = widget
    while node is not None:
        if type(node).__module__.startswith("argmap.ui.scenarios"):
            return True
        node = node.parentWidget()
    return False


def _model_tips(model: QAbstractItemModel) -> Iterator[str]:
    top = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
    for row in range(model.rowCount(top)):
        for col in range(columns):
            tip = model.data(model.index(row, col, QModelIndex()), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield tip
    for section in range(columns):
        tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        if isinstance(tip, str):
            yield tip


def _shown_as_html(root: QWidget, *, scenario_panes: bool) -> list[tuple[str, str]]:
    """(where, text) of every text under ``root`` that Qt would read as HTML."""
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if _in_scenario_panes(widget) != scenario_panes:
            continue
        name = type(widget).__name__
        tip = widget.toolTip()
        if QtGui.Qt.mightBeRichText(tip):
            found.append((f"tooltip of {name}", tip))
        if isinstance(widget, QLabel):
            fmt = widget.textFormat()
            rich = fmt == Qt.TextFormat.RichText or (
                fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(widget.text())
            )
            if rich:
                found.append((f"label {widget.objectName() or name}", widget.text()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += [(f"item tooltip in {name}", t) for t in _model_tips(widget.model())]
    if not scenario_panes and isinstance(root, MainWindow):
        for item in root.scene.items():
            if QtGui.Qt.mightBeRichText(item.toolTip()):
                found.append((f"tooltip of {type(item).__name__}", item.toolTip()))
    return [(w, t) for w, t in found if QtGui.Qt.mightBeRichText(t) or "label" in w]


def _interpreted(found: list[tuple[str, str]]) -> list[str]:
    """What Qt would load or draw as an image when it renders these texts."""
    bad = []
    for where, text in found:
        doc = RecordingDocument()
        doc.setHtml(text)
        doc.setTextWidth(600)
        image = QImage(640, 480, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        doc.drawContents(painter)
        painter.end()
        if doc.asked:
            bad.append(f"{where} loads {doc.asked}")
        if ("<img" in text or "&lt;img" in text) and "<img" not in doc.toPlainText():
            bad.append(f"{where} renders the tag: {text[:120]!r}")
    return bad


def _visit_everything(win: MainWindow) -> None:
    for sid in ("s-q", "s-a", "s-c", "s-e"):
        win.controller.set_selection([sid])
        QApplication.processEvents()
    win.sources.show_quote("q-1")
    QApplication.processEvents()


def _red_pixels(image: QImage) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    step = 2
    return sum(
        image.pixelColor(x, y) == RED
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    )


def test_the_window_never_loads_or_draws_an_image_from_map_text(
    window: MainWindow, probe: Path, qtbot: QtBot
) -> None:
    _visit_everything(window)
    found = _shown_as_html(window, scenario_panes=False)
    assert any("item tooltip" in where for where, _ in found)  # the article list's tips
    assert _interpreted(found) == []
    assert _red_pixels(window.grab().toImage()) == 0


def test_a_shown_tooltip_is_the_tag_as_typed(window: MainWindow, probe: Path) -> None:
    """The article list's tooltip as Qt shows it: its label must hold no image."""
    view = window.sources.list
    index = view.model().index(0, 0)
    tip = view.model().data(index, Qt.ItemDataRole.ToolTipRole)
    QToolTip.showText(view.mapToGlobal(QPoint(10, 10)), tip, view)
    QApplication.processEvents()
    labels = [w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label"]
    try:
        assert labels and labels[0].isVisible()
        assert isinstance(labels[0], QLabel)
        shown = labels[0].grab().toImage()
        assert _red_pixels(shown) == 0
        assert _interpreted([("tooltip", labels[0].text())]) == []
    finally:
        QToolTip.hideText()


def test_the_scenario_panes_never_load_an_image_from_map_text(
    window: MainWindow, probe: Path
) -> None:
    _visit_everything(window)
    assert _interpreted(_shown_as_html(window, scenario_panes=True)) == []
