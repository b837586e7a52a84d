"""What a screen reader finds in the running app: Qt's accessibility tree, walked in-process."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.accessible_walk import Node, nameless, tree_of
from gui.main_window_fixtures import close_window, make_window, use_home
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from argmap.io.map_file import load_map
from argmap.model import StatementKind
from argmap.ui.app import sample_path
from argmap.ui.presentation import PresentationWindow
from argmap.ui.window.main_window import MainWindow

Role = QAccessible.Role


@pytest.fixture
def sample_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert win.open_sample(sample_path())
    for title in win.layout_.titles():  # the hidden panes too
        win.layout_.dock(title).show()
    yield win
    close_window(win)


def _canvas(nodes: list[Node], win: MainWindow) -> list[Node]:
    view = QAccessible.queryAccessibleInterface(win.view)
    assert view is not None
    return [n for n in nodes if n.role is Role.ListItem and n.path.startswith(_path_of(nodes, win))]


def _path_of(nodes: list[Node], win: MainWindow) -> str:
    (canvas,) = [n for n in nodes if n.object is win.view]
    return canvas.path


def test_every_statement_of_the_sample_is_found_with_its_kind_and_text(
    sample_window: MainWindow,
) -> None:
    nodes = tree_of(sample_window)
    said = [f"{n.name}\n{n.description}" for n in nodes]
    doc = load_map(sample_path())
    missing = [
        s.id
        for s in doc.statements
        if not any(
            s.kind.value.capitalize() in text and " ".join(s.text.split()) in text for text in said
        )
    ]
    assert missing == []
    assert len(doc.statements) > 60


def test_the_canvas_is_a_list_of_cards_told_in_words(sample_window: MainWindow) -> None:
    win = sample_window
    nodes = tree_of(win)
    (canvas,) = [n for n in nodes if n.object is win.view]
    assert canvas.role is Role.List and canvas.name == "Argument map"
    cards = [n for n in nodes if n.role is Role.ListItem and n.path.startswith(canvas.path + " /")]
    shown = win.scene.reading_order()
    assert len(cards) == len(shown) > 5
    index = win.controller.index
    for card, sid in zip(cards, shown, strict=True):
        statement = index.statement(sid)
        assert (
            card.name == f"{statement.kind.value.capitalize()}: {' '.join(statement.text.split())}"
        )
    # A card tells what it supports and how many quotes it rests on (the sample opens
    # on its question and scenarios, folded).
    premise = next(s for s in shown if index.parents(s))
    (card,) = [c for c, s in zip(cards, shown, strict=True) if s == premise]
    parent = index.statement(index.parents(premise)[0]).text
    assert f"supports '{parent[:20]}" in card.description
    n = len(index.statement(premise).quotes)
    assert (f"{n} quote" in card.description) == (n > 0)


def test_the_current_card_is_the_canvas_focus_child(sample_window: MainWindow) -> None:
    win = sample_window
    sid = win.scene.reading_order()[2]
    win.view.setFocus()
    win.controller.set_selection([sid])
    iface = QAccessible.queryAccessibleInterface(win.view)
    focus = iface.focusChild()
    assert focus is not None
    assert focus.text(QAccessible.Text.Name).endswith(win.controller.index.statement(sid).text)
    assert focus.state().focused and focus.state().selected
    assert iface.indexOfChild(focus) == 2


def test_every_control_has_a_name_a_screen_reader_can_say(
    sample_window: MainWindow, qtbot: QtBot
) -> None:
    win = sample_window
    scenario = next(s for s in win.controller.doc.statements if s.kind is StatementKind.SCENARIO)
    win.controller.set_selection([scenario.id])
    missing: list[str] = []
    for front in ("Inspector", "Scenarios", "ACH matrix", "Sensitivity", "Sources", "Outline"):
        win.layout_.bring_forward(front)
        qtbot.wait(10)
        missing += nameless(tree_of(win))
    assert sorted(set(missing)) == []
    names = {n.name for n in tree_of(win) if n.role is Role.SpinBox}
    assert f"Prior of scenario '{scenario.text}', percent" in names


def test_a_new_nameless_control_is_caught(sample_window: MainWindow) -> None:
    """The check above is not vacuous: a button without text or name fails it."""
    pane = sample_window.statusBar()
    blank = QPushButton(pane)
    blank.show()
    assert any(p.endswith("Button:''") for p in nameless(tree_of(sample_window)))
    spin = QSpinBox(pane)
    spin.show()
    blank.setText("Go")
    assert any("SpinBox" in p for p in nameless(tree_of(sample_window)))


def test_ach_cells_say_evidence_scenario_rating_and_who_set_it(sample_window: MainWindow) -> None:
    nodes = tree_of(sample_window)
    cells = [n.name for n in nodes if n.role is Role.Cell and n.name.startswith("Evidence '")]
    assert cells
    assert all(", scenario '" in c and ", rating " in c for c in cells)
    assert all(c.endswith(("set by hand", "read off the map", "no chain")) for c in cells)
    assert any(c.endswith("set by hand") for c in cells)  # the sample's matrix is rated in full


def test_the_sensitivity_chart_lists_its_bars_in_words(
    sample_window: MainWindow, qtbot: QtBot
) -> None:
    chart = sample_window.scenario_panes.tornado.canvas
    qtbot.waitUntil(lambda: bool(chart.bars), timeout=20000)
    iface = QAccessible.queryAccessibleInterface(chart)
    assert iface.text(QAccessible.Text.Name) == "Sensitivity chart"
    lines = iface.text(QAccessible.Text.Description).splitlines()
    assert len(lines) == len(chart.bars)
    assert lines[0].startswith(chart.bars[0].label) and " to " in lines[0]


def test_the_export_dialog_names_every_control(sample_window: MainWindow, qtbot: QtBot) -> None:
    dialog = sample_window.exports.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    nodes = tree_of(dialog)
    assert any(n.role is Role.ComboBox for n in nodes)
    assert nameless(nodes) == []
    dialog.reject()


def test_presentation_mode_says_each_step(qtbot: QtBot) -> None:
    doc = load_map(sample_path())
    win = PresentationWindow(doc)
    qtbot.addWidget(win)
    win.stage.glide_ms = 0
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.stage.go(0, animate=False)
    win.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_Right)
    step = win.stage.step
    assert step is not None and step.index == 1
    said = QAccessible.queryAccessibleInterface(win).text(QAccessible.Text.Description)
    current = next(s for s in doc.statements if s.id == step.current)
    kind = current.kind.value.capitalize()
    assert re.match(rf"Step 2 of {len(win.stage.steps)}(, part \d+ of \d+)?\. {kind}", said)
    assert " ".join(current.text.split()) in said


def test_a_controller_outliving_its_window_does_not_reach_a_dead_canvas_interface(
    qtbot: QtBot,
) -> None:
    import shiboken6  # noqa: PLC0415
    from PySide6.QtCore import QEvent  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from argmap.ui.editing.controller import DocumentController  # noqa: PLC0415

    controller = DocumentController(load_map(sample_path()))
    win = MainWindow(controller=controller)
    win.show()
    qtbot.waitExposed(win)
    assert QAccessible.queryAccessibleInterface(win.view).childCount() > 0
    win.controller.undo_stack.setClean()
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not shiboken6.isValid(win)  # the window and its canvas are gone
    controller.set_selection([controller.doc.statements[1].id])  # no call into freed memory
    controller.remove_statements([controller.doc.statements[2].id])
    qtbot.wait(400)  # the live analysis reruns after the edit: it must not reach the cards
