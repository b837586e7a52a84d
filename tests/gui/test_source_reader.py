"""The source pane: reading articles, quotes in use, new premises from a selection."""

from __future__ import annotations

import json

import pytest
from gui.panes_sample import seed_map
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip

from argmap.model import ArgMap, Quote, Source, Statement, StatementKind
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import QUOTE_MIME, SourcePane, SourceReader


@pytest.fixture
def controller() -> DocumentController:
    return DocumentController(seed_map())


@pytest.fixture
def pane(qtbot, controller: DocumentController) -> SourcePane:
    widget = SourcePane(controller)
    qtbot.addWidget(widget)
    widget.resize(600, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _select(reader: SourceReader, start: int, end: int) -> None:
    """Select ``[start, end)`` of the shown text as a user dragging the mouse would."""
    cursor = reader.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)


def _point_inside(reader: SourceReader, index: int) -> QPoint:
    """A viewport point on the character at ``index`` of the shown text."""
    cursor = QTextCursor(reader.document())
    cursor.setPosition(index)
    left = reader.cursorRect(cursor)
    cursor.setPosition(index + 1)
    right = reader.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def test_lists_every_article_with_its_quotes_in_use(pane: SourcePane) -> None:
    rows = pane.list.rows()
    assert [r.source_id for r in rows] == ["src-a", "src-b"]
    assert rows[0].quotes_used == 4
    assert rows[0].meta == "Jamestown · 2025-10-30"
    assert rows[1].quotes_used == 0
    assert rows[1].title.startswith("Putin")  # no title: the text's first line stands in


def test_reader_shows_the_chosen_article_as_plain_text(pane: SourcePane) -> None:
    doc = seed_map()
    assert pane.reader.toPlainText() == doc.source("src-a").text
    pane.list.choose("src-b")
    assert pane.reader.source_id == "src-b"
    assert pane.reader.toPlainText() == doc.source("src-b").text
    assert pane.title.text() == doc.source("src-b").text.splitlines()[0]


def test_new_premise_from_selection_is_one_undoable_step(
    qtbot, pane: SourcePane, controller: DocumentController
) -> None:
    before = controller.doc.model_dump()
    text = controller.doc.source("src-a").text
    phrase = "elite discontent"
    at = text.index(phrase)
    controller.set_selection(["s-claim"])
    # Start inside "elite" and stop inside "discontent": the quote snaps to whole words.
    _select(pane.reader, at + 2, at + len(phrase) - 3)
    assert pane.reader.new_premise_action.isEnabled()
    with qtbot.waitSignal(pane.statement_created) as created:
        pane.reader.new_premise_action.trigger()
    new_id = created.args[0]

    statement = controller.doc.statement(new_id)
    assert statement.kind is StatementKind.PREMISE
    (quote_id,) = statement.quotes
    quote = controller.doc.quote(quote_id)
    assert (quote.start, quote.end) == (at, at + len(phrase))
    assert quote.exact == text[quote.start : quote.end] == phrase
    supports = [i for i in controller.doc.inferences if i.premises == [new_id]]
    assert [(i.conclusion, str(i.kind)) for i in supports] == [("s-claim", "support")]
    assert controller.selection == [new_id]
    assert pane.list.rows()[0].quotes_used == 5
    assert any(h.quote_id == quote_id for h in pane.reader.highlights)

    controller.undo_stack.undo()
    assert controller.doc.model_dump() == before
    assert all(h.quote_id != quote_id for h in pane.reader.highlights)


def test_shortcut_and_context_menu_offer_the_new_statement_actions(
    qtbot, pane: SourcePane, controller: DocumentController
) -> None:
    text = controller.doc.source("src-a").text
    at = text.index("Budapest")
    _select(pane.reader, at, at + len("Budapest"))
    pane.reader.setFocus()
    pane.activateWindow()
    qtbot.waitActive(pane)
    with qtbot.waitSignal(pane.statement_created) as created:
        qtbot.keyClick(
            pane.reader,
            Qt.Key.Key_N,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    statement = controller.doc.statement(created.args[0])
    assert statement.text == "Budapest"
    assert statement.kind is StatementKind.PREMISE

    _select(pane.reader, at, at + 4)
    menu = pane.reader.context_menu(QPoint(10, 10))
    labels = [a.text() for a in menu.actions()]
    assert labels[:2] == ["New premise from selection", "New evidence from selection"]
    menu.actions()[1].trigger()
    assert controller.doc.statements[-1].kind is StatementKind.EVIDENCE
    assert controller.undo_stack.count() == 2


def test_actions_are_disabled_without_a_selection(pane: SourcePane) -> None:
    pane.reader.moveCursor(QTextCursor.MoveOperation.Start)
    assert not pane.reader.new_premise_action.isEnabled()
    assert not pane.reader.new_evidence_action.isEnabled()


def test_dragging_a_selection_carries_its_anchor(pane: SourcePane, controller) -> None:
    text = controller.doc.source("src-a").text
    at = text.index("nuclear brinkmanship")
    _select(pane.reader, at + 3, at + 12)  # "lear brin": snaps to the two whole words
    mime = pane.reader.createMimeDataFromSelection()
    payload = json.loads(bytes(mime.data(QUOTE_MIME).data()).decode("utf-8"))
    assert payload == {
        "source": "src-a",
        "start": at,
        "end": at + len("nuclear brinkmanship"),
        "exact": "nuclear brinkmanship",
    }
    assert mime.text() == "lear brin"  # a plain copy keeps exactly what was selected


def test_clicking_a_quote_selects_the_statements_using_it(
    qtbot, pane: SourcePane, controller: DocumentController
) -> None:
    quote = controller.doc.quote("q-1")  # cited by s-nuke and s-trump
    point = _point_inside(pane.reader, quote.start + 5)
    with qtbot.waitSignal(pane.reader.statements_requested) as asked:
        qtbot.mouseClick(pane.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert asked.args[0] == ["s-nuke", "s-trump"]
    assert controller.selection == ["s-nuke", "s-trump"]


def test_clicking_plain_text_selects_nothing(qtbot, pane: SourcePane, controller) -> None:
    text = controller.doc.source("src-a").text
    point = _point_inside(pane.reader, text.index("Executive Summary") + 3)
    with qtbot.assertNotEmitted(pane.reader.statements_requested):
        qtbot.mouseClick(pane.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert controller.selection == []


def test_hovering_a_quote_names_its_statements(qtbot, pane: SourcePane, controller) -> None:
    quote = controller.doc.quote("q-3")  # cited by s-trump only
    point = _point_inside(pane.reader, quote.start + 2)
    viewport = pane.reader.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    pane.reader.viewportEvent(event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Quoted by 1 statement" in QToolTip.text()
    assert "Trump called a summit a waste of time" in QToolTip.text()
    QToolTip.hideText()


def test_show_quote_opens_the_article_and_centres_the_quote(
    qtbot, pane: SourcePane, controller: DocumentController
) -> None:
    pane.list.choose("src-b")
    quote = controller.doc.quote("q-4")  # near the end of src-a
    with qtbot.waitSignal(controller.quote_requested):
        controller.request_quote("q-4")
    reader = pane.reader
    assert reader.source_id == "src-a"
    assert pane.list.current_source_id() == "src-a"
    assert reader.verticalScrollBar().value() > 0
    cursor = QTextCursor(reader.document())
    cursor.setPosition(quote.start)
    rect = reader.cursorRect(cursor)
    viewport = reader.viewport().rect()
    assert viewport.contains(rect)
    assert abs(rect.center().y() - viewport.center().y()) < viewport.height() / 3
    assert reader.textCursor().position() == quote.start
    focused = [s for s in reader.extraSelections() if s.cursor.selectionStart() == quote.start]
    plain = [s for s in reader.extraSelections() if s.cursor.selectionStart() != quote.start]
    assert focused and plain
    assert focused[0].format.background().color() != plain[0].format.background().color()


def _hostile_map() -> ArgMap:
    text = "Intro <img src=x onerror=alert(1)> and <b>bold</b> & more words here."
    source = Source.from_text("src-h", text, title="<b>Title</b>", publisher="<i>Pub</i>")
    start = text.index("<b>bold</b>")
    quote = Quote.from_range("q-h", "src-h", text, start, start + len("<b>bold</b>"))
    statement = Statement(id="s-h", kind=StatementKind.PREMISE, text="<img src=x>", quotes=["q-h"])
    return ArgMap(sources=[source], quotes=[quote], statements=[statement])


def test_hostile_text_is_shown_literally(qtbot) -> None:
    doc = _hostile_map()
    pane = SourcePane(DocumentController(doc))
    qtbot.addWidget(pane)
    pane.show()
    assert pane.reader.toPlainText() == doc.sources[0].text
    assert pane.title.text() == "<b>Title</b>"
    assert pane.title.textFormat() == Qt.TextFormat.PlainText
    assert pane.meta.text() == "<i>Pub</i>"
    assert pane.list.rows()[0].title == "<b>Title</b>"
    point = _point_inside(pane.reader, doc.quotes[0].start + 4)
    tip = pane.reader.tooltip_at(point)
    assert "&lt;img src=x&gt;" in tip
    assert "<img" not in tip
