"""Text from a map is shown as typed, never interpreted: markup in a statement stays markup.

A map whose statements, notes, tags, article title and author hold HTML (an image with an
onerror handler, a link) is shown in the canvas, the inspector and the source pane; every
label, editor and tooltip must show the characters, not render them.
"""

from __future__ import annotations

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QGraphicsTextItem, QLabel, QPlainTextEdit, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from argmap.model import ArgMap, Inference, Quote, Source, Statement, StatementKind
from argmap.ui.canvas.scene import MapScene
from argmap.ui.canvas.text_editor import InlineTextEditor
from argmap.ui.canvas.view import MapView
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import Inspector, SourcePane

IMG = '<img src=x onerror="alert(1)">'
LINK = '<a href="file:///etc/passwd">click me</a>'
ARTICLE = f"Officials said {IMG} talks resume. Another line follows {LINK} here."


def _hostile_map() -> ArgMap:
    source = Source.from_text(
        "src-1", ARTICLE, title=f"<b>Bold</b> {LINK}", author="<i>Ann</i>", publisher=IMG
    )
    start = ARTICLE.index(IMG)
    quote = Quote.from_range("q-1", "src-1", ARTICLE, start, start + len(IMG) + 13)
    return ArgMap(
        title=IMG,
        sources=[source],
        quotes=[quote],
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text=LINK, notes=IMG, tags=["<u>x</u>"]),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text=IMG, quotes=["q-1"], notes=LINK),
        ],
        inferences=[Inference(id="i-1", premises=["s-2"], conclusion="s-1")],
    )


def _is_rich(text: str) -> bool:
    return bool(QtGui.Qt.mightBeRichText(text))


def _interpreted(root: QWidget) -> list[str]:
    """Every place under ``root`` that would render markup found in the map's text."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if "<" in text and label.textFormat() != Qt.TextFormat.PlainText and _is_rich(text):
            found.append(f"label {text!r}")
    for widget in [root, *root.findChildren(QWidget)]:
        tip = widget.toolTip()
        if any(h in tip for h in (IMG, LINK, "<b>Bold</b>")) and _is_rich(tip):
            found.append(f"tooltip of {type(widget).__name__}: {tip!r}")
    for edit in root.findChildren(QTextEdit):
        if edit.acceptRichText() and "<img" not in edit.toPlainText() and IMG in edit.toHtml():
            found.append(f"{type(edit).__name__} renders its text")
    return found


@pytest.fixture
def controller() -> DocumentController:
    return DocumentController(_hostile_map())


def test_inspector_shows_markup_literally(qtbot: QtBot, controller: DocumentController) -> None:
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    inspector.show()
    for sid, text, notes in (("s-1", LINK, IMG), ("s-2", IMG, LINK)):
        controller.set_selection([sid])
        assert inspector.text_edit.toPlainText() == text
        assert inspector.notes_edit.toPlainText() == notes
        assert _interpreted(inspector) == []
    shown = [label.text() for label in inspector.findChildren(QLabel) if label.isVisible()]
    assert any(IMG in t for t in shown)  # the quote card and the neighbour rows show it raw
    assert any(LINK in t for t in shown)


def test_source_pane_shows_markup_literally(qtbot: QtBot, controller: DocumentController) -> None:
    pane = SourcePane(controller)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_source("src-1")

    assert pane.title.text() == f"<b>Bold</b> {LINK}"
    assert "<i>Ann</i>" in pane.meta.text()
    assert pane.reader.toPlainText() == ARTICLE
    assert not pane.reader.acceptRichText()
    assert _interpreted(pane.reader) == []
    assert _interpreted(pane.title.parentWidget()) == []


def test_source_reader_tooltip_escapes_the_statement(
    qtbot: QtBot, controller: DocumentController
) -> None:
    pane = SourcePane(controller)
    qtbot.addWidget(pane)
    pane.resize(700, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_quote("q-1")
    reader = pane.reader
    cursor = reader.textCursor()
    cursor.setPosition(ARTICLE.index(IMG) + 3)
    point = reader.cursorRect(cursor).center()

    tip = reader.tooltip_at(point)

    assert tip, "no tooltip over the quote"
    assert IMG not in tip and "&lt;img src=x onerror=" in tip
    rendered = QTextDocument()
    rendered.setHtml(tip)
    assert '<img src=x onerror="alert(1)">' in rendered.toPlainText()


def test_source_list_tooltip_shows_markup_literally(
    qtbot: QtBot, controller: DocumentController
) -> None:
    pane = SourcePane(controller)
    qtbot.addWidget(pane)
    tips = [pane.list.item(i).data(Qt.ItemDataRole.ToolTipRole) for i in range(pane.list.count())]
    assert tips and not any(LINK in tip and _is_rich(tip) for tip in tips)


def test_canvas_paints_text_and_interprets_nothing(
    qtbot: QtBot, controller: DocumentController
) -> None:
    scene = MapScene(controller)
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)

    assert set(scene.cards) == {"s-1", "s-2"}
    assert not any(isinstance(item, QGraphicsTextItem) for item in scene.items())
    for item in scene.items():
        assert not (item.toolTip() and _is_rich(item.toolTip()) and "<img" in item.toolTip())
    assert not view.grab().isNull()  # painting markup text as text does not fail
    assert _interpreted(view) == []
    assert issubclass(InlineTextEditor, QPlainTextEdit)  # in-place editing is plain text too


def test_svg_export_escapes_markup() -> None:
    from xml.etree import ElementTree  # noqa: PLC0415

    from argmap.export.svg_writer import map_svg  # noqa: PLC0415

    svg = map_svg(_hostile_map())

    root = ElementTree.fromstring(svg)  # well-formed: nothing leaked out of a text node
    assert "<img" not in svg and "<a href" not in svg
    texts = " ".join(t for t in root.itertext())
    assert "onerror" in texts and "file:///etc/passwd" in texts
