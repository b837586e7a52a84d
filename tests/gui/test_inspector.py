"""The inspector: shows the selection, edits it undoably, links to quotes and neighbours."""

from __future__ import annotations

import pytest
from gui.panes_sample import seed_map
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from argmap.model import ArgMap, Statement, StatementKind
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import Inspector, SourcePane
from argmap.ui.panes.inspector_fields import ClickableRow


@pytest.fixture
def controller() -> DocumentController:
    return DocumentController(seed_map())


@pytest.fixture
def inspector(qtbot, controller: DocumentController) -> Inspector:
    widget = Inspector(controller)
    qtbot.addWidget(widget)
    widget.resize(380, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _rows(inspector: Inspector) -> list[ClickableRow]:
    return [w for w in inspector.findChildren(ClickableRow) if not w.isHidden()]


def test_shows_the_selected_statement(inspector: Inspector, controller) -> None:
    assert inspector.empty.isVisible()
    controller.set_selection(["s-econ"])
    assert inspector.text_edit.toPlainText() == "Economic decline pressures the Kremlin"
    assert inspector.kind_combo.currentData() == "premise"
    assert inspector.tags_edit.text() == "economy"
    assert inspector.credibility.spin.value() == 70
    assert inspector.credibility.words.text() == "likely"
    assert not inspector.prior.isVisible()  # only scenarios have a prior
    captions = [(r.caption.text(), r.text.text()) for r in _rows(inspector)]
    assert ("Supports", "A ceasefire is possible in 2026") in captions
    assert ("Supported by", "Moscow will demand that sanctions be lifted") in captions
    quote_rows = [c for c in captions if c[1].startswith("“")]
    assert quote_rows == [
        (
            "Talks On Peace Deal for War Against Ukraine Can Still Rebound",
            "“Mounting economic decline, elite discontent, and Western sanctions”",
        )
    ]


def test_several_selected_are_counted(inspector: Inspector, controller) -> None:
    controller.set_selection(["s-econ", "s-nuke"])
    assert inspector.empty.isVisible()
    assert inspector.empty.text() == "2 items selected."


def test_text_commits_on_ctrl_enter_and_undoes(qtbot, inspector: Inspector, controller) -> None:
    before = controller.doc.model_dump()
    controller.set_selection(["s-nuke"])
    edit = inspector.text_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Russia escalates its nuclear rhetoric")
    assert controller.doc.statement("s-nuke").text == "Russia returned to nuclear posturing"
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert controller.doc.statement("s-nuke").text == "Russia escalates its nuclear rhetoric"
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert controller.doc.model_dump() == before
    assert edit.toPlainText() == "Russia returned to nuclear posturing"


def test_text_commits_when_focus_leaves(qtbot, inspector: Inspector, controller) -> None:
    controller.set_selection(["s-nuke"])
    inspector.activateWindow()
    qtbot.waitActive(inspector)
    inspector.notes_edit.setFocus()
    inspector.notes_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(inspector.notes_edit, " (see TASS)")
    inspector.tags_edit.setFocus()
    qtbot.waitUntil(lambda: not inspector.notes_edit.hasFocus())
    notes = controller.doc.statement("s-nuke").notes
    assert notes == "Signals unwillingness to compromise (see TASS)"


def test_switching_selection_commits_pending_typing(
    qtbot, inspector: Inspector, controller
) -> None:
    controller.set_selection(["s-nuke"])
    inspector.text_edit.selectAll()
    qtbot.keyClicks(inspector.text_edit, "Changed")
    controller.set_selection(["s-econ"])
    assert controller.doc.statement("s-nuke").text == "Changed"
    assert inspector.text_edit.toPlainText() == "Economic decline pressures the Kremlin"


def test_kind_tags_credibility_edits_are_each_one_undo_step(
    qtbot, inspector: Inspector, controller
) -> None:
    before = controller.doc.model_dump()
    controller.set_selection(["s-claim"])
    inspector.kind_combo.activated.emit(inspector.kind_combo.findData("scenario"))
    assert controller.doc.statement("s-claim").kind is StatementKind.SCENARIO
    assert inspector.prior.isVisible()
    inspector.prior.setValue(2.5)
    assert controller.doc.statement("s-claim").prior == 2.5

    inspector.tags_edit.setText("ceasefire,  talks , ceasefire,")
    inspector.tags_edit.editingFinished.emit()
    assert controller.doc.statement("s-claim").tags == ["ceasefire", "talks"]

    inspector.credibility.spin.setValue(90)
    assert controller.doc.statement("s-claim").credibility == 0.9
    assert inspector.credibility.words.text() == "very likely"
    inspector.credibility.clear.click()
    assert controller.doc.statement("s-claim").credibility is None
    assert inspector.credibility.words.text() == "not judged"

    while controller.undo_stack.canUndo():
        controller.undo_stack.undo()
    assert controller.doc.model_dump() == before
    assert inspector.kind_combo.currentData() == "claim"


def test_dragging_the_slider_is_one_command(qtbot, inspector: Inspector, controller) -> None:
    controller.set_selection(["s-econ"])
    slider = inspector.credibility.slider
    slider.setSliderDown(True)
    for value in (60, 45, 30):
        slider.setValue(value)
    assert controller.doc.statement("s-econ").credibility == 0.7
    assert inspector.credibility.words.text() == "unlikely"
    slider.setSliderDown(False)
    slider.sliderReleased.emit()
    assert controller.doc.statement("s-econ").credibility == 0.3
    assert controller.undo_stack.count() == 1


def test_typing_is_not_clobbered_by_other_edits(qtbot, inspector: Inspector, controller) -> None:
    controller.set_selection(["s-econ"])
    inspector.activateWindow()
    qtbot.waitActive(inspector)
    inspector.text_edit.setFocus()
    qtbot.waitUntil(inspector.text_edit.hasFocus)
    inspector.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(inspector.text_edit, " badly")
    controller.set_statement_field("s-econ", "notes", "edited elsewhere")
    assert inspector.text_edit.toPlainText() == "Economic decline pressures the Kremlin badly"
    assert inspector.notes_edit.toPlainText() == "edited elsewhere"


def test_inference_strength_and_kind(qtbot, inspector: Inspector, controller) -> None:
    inspector.set_selection(["i-2"])
    assert inspector.strength.isVisible()
    assert inspector.strength.words.text() == "default (70 %)"
    inspector.strength.spin.setValue(25)
    assert controller.doc.inference("i-2").strength == 0.25
    assert inspector.strength.words.text() == "weak"
    inspector.kind_combo.activated.emit(inspector.kind_combo.findData("support"))
    assert str(controller.doc.inference("i-2").kind) == "support"
    controller.undo_stack.undo()
    assert str(controller.doc.inference("i-2").kind) == "attack"
    texts = [r.text.text() for r in _rows(inspector)]
    assert texts == ["Russia returned to nuclear posturing", "A ceasefire is possible in 2026"]


def test_clicking_a_neighbour_selects_it(qtbot, inspector: Inspector, controller) -> None:
    controller.set_selection(["s-econ"])
    row = next(r for r in _rows(inspector) if r.caption.text() == "Supports")
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert controller.selection == ["s-claim"]
    assert inspector.text_edit.toPlainText() == "A ceasefire is possible in 2026"


def test_jump_link_opens_the_quote_in_the_reader(qtbot, controller) -> None:
    inspector, pane = Inspector(controller), SourcePane(controller)
    for w in (inspector, pane):
        qtbot.addWidget(w)
        w.show()
    pane.list.choose("src-b")
    controller.set_selection(["s-demand"])
    card = next(r for r in _rows(inspector) if r.text.text().startswith("“"))
    with qtbot.waitSignal(controller.quote_requested) as asked:
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert asked.args == ["q-4"]
    assert pane.reader.source_id == "src-a"
    assert pane.reader.textCursor().position() == controller.doc.quote("q-4").start


def test_hostile_text_is_shown_literally(qtbot) -> None:
    doc = ArgMap(
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="<b>bold</b>"),
            Statement(id="s-2", kind=StatementKind.PREMISE, text="<img src=x>"),
        ]
    )
    controller = DocumentController(doc)
    controller.add_inference(["s-2"], "s-1")
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    controller.set_selection(["s-1"])
    assert inspector.text_edit.toPlainText() == "<b>bold</b>"
    (row,) = [r for r in inspector.findChildren(ClickableRow) if not r.isHidden()]
    assert row.text.text() == "<img src=x>"
    assert row.text.textFormat() == Qt.TextFormat.PlainText


def test_unlink_removes_the_citation_and_keeps_the_quote(
    qtbot, inspector: Inspector, controller
) -> None:
    from PySide6.QtWidgets import QPushButton  # noqa: PLC0415

    controller.set_selection(["s-demand"])
    cited = list(controller.doc.statement("s-demand").quotes)
    assert cited
    (button,) = [
        b for b in inspector.findChildren(QPushButton, "unlink-quote") if not b.isHidden()
    ][:1]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert controller.doc.statement("s-demand").quotes == cited[1:]
    assert controller.doc.quote(cited[0])  # still in the article
    assert sum(1 for r in _rows(inspector) if r.text.text().startswith("“")) == len(cited) - 1
    controller.undo_stack.undo()
    assert controller.doc.statement("s-demand").quotes == cited


def test_a_statement_from_an_aif_dialogue_shows_who_said_it(qtbot) -> None:
    from pathlib import Path  # noqa: PLC0415

    from PySide6.QtWidgets import QLabel  # noqa: PLC0415

    from argmap.interop.aif_reader import read_aif  # noqa: PLC0415

    fixture = Path(__file__).parent.parent / "fixtures" / "aif" / "ova3_save.json"
    doc = read_aif(fixture).doc
    controller = DocumentController(doc)
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    inspector.show()
    sid = next(s.id for s in doc.statements if s.text.startswith("Kyiv will not cede"))
    controller.set_selection([sid])
    said = [w.text() for w in inspector.findChildren(QLabel, "said") if not w.isHidden()]
    assert said == ["Zelensky : We will not cede territory (asserting)"]
    added = controller.add_statement("A premise of our own", parent=sid)  # not in the AIF
    controller.set_selection([added])
    assert not [w for w in inspector.findChildren(QLabel, "said") if not w.isHidden()]
