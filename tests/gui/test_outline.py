"""The outline view: rows read as sentences, selection shared, a map built by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, small_map_window, use_home
from gui.ui_maps import TEXT
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from argmap.model import ArgMap, InferenceKind, Source, StatementKind
from argmap.ui.outline import outline_view
from argmap.ui.window.main_window import MainWindow

Key = Qt.Key


@pytest.fixture
def window_behind(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The small map's window as it opens: the outline tabbed behind the sources."""
    yield from small_map_window(qtbot, tmp_path, monkeypatch)


@pytest.fixture
def window(window_behind: MainWindow) -> MainWindow:
    window_behind.layout_.bring_forward("Outline")
    return window_behind


def test_the_outline_sits_behind_the_sources_and_catches_up_when_shown(
    window_behind: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a big map (here: any map) an unseen outline waits; shown, it is current."""
    monkeypatch.setattr(outline_view, "LAZY_ABOVE", 0)
    win = window_behind
    assert win.layout_.dock("Outline") in win.tabifiedDockWidgets(win.layout_.dock("Sources"))
    assert win.outline.visibleRegion().isEmpty()  # Sources in front
    added = win.controller.add_statement("Unseen so far", parent="s-q")
    assert not win.outline.outline.index_for(added).isValid()
    win.layout_.bring_forward("Outline")
    qtbot.waitUntil(lambda: win.outline.outline.index_for(added).isValid())
    assert sorted(win.outline.outline.ids()) == sorted(s.id for s in win.controller.doc.statements)


def _row(win: MainWindow, sid: str, role: Qt.ItemDataRole) -> str:
    return str(win.outline.outline.index_for(sid).data(role))


def test_every_statement_has_a_row_nested_as_on_the_map(window: MainWindow) -> None:
    model = window.outline.outline
    assert sorted(model.ids()) == sorted(s.id for s in window.controller.doc.statements)
    claim = model.index_for("s-c")
    assert model.statement_id(claim.parent()) == "s-a"
    assert model.statement_id(model.index_for("s-o").parent()) == "s-c"


def test_a_row_reads_kind_relation_text_quotes_and_judgement(window: MainWindow) -> None:
    said = _row(window, "s-e", Qt.ItemDataRole.AccessibleTextRole)
    assert said == "Evidence, supports 'War goes on': Both deny a deal. 1 quote"
    objection = _row(window, "s-o", Qt.ItemDataRole.AccessibleTextRole)
    assert objection.startswith("Objection, attacks 'Talks have started': Talks stalled before")
    window.controller.set_statement_field("s-e", "credibility", 0.7)
    said = _row(window, "s-e", Qt.ItemDataRole.AccessibleTextRole)
    assert said.endswith("1 quote, credibility likely")
    assert "prior 1" in _row(window, "s-a", Qt.ItemDataRole.DisplayRole)


def test_selection_is_shared_with_the_canvas_and_inspector(
    window: MainWindow, qtbot: QtBot
) -> None:
    outline = window.outline
    outline.setCurrentIndex(outline.outline.index_for("s-c"))
    assert window.controller.selection == ["s-c"]
    assert window.scene.selected_ids() == ["s-c"]
    assert window.inspector.text_edit.toPlainText() == "Talks have started"
    window.controller.set_selection(["s-e"])
    assert outline.outline.statement_id(outline.currentIndex()) == "s-e"
    assert outline.selected_ids() == ["s-e"]


def test_an_edit_elsewhere_shows_in_the_row_and_a_row_edit_is_undoable(
    window: MainWindow,
) -> None:
    window.controller.set_statement_field("s-c", "text", "Talks resumed")
    assert "Talks resumed" in _row(window, "s-c", Qt.ItemDataRole.DisplayRole)
    assert "supports 'Talks resumed'" not in _row(window, "s-o", Qt.ItemDataRole.ToolTipRole)
    assert "attacks 'Talks resumed'" in _row(window, "s-o", Qt.ItemDataRole.ToolTipRole)
    model = window.outline.outline
    assert model.setData(model.index_for("s-e"), "Both sides deny a deal")
    assert window.controller.index.statement("s-e").text == "Both sides deny a deal"
    window.controller.undo_stack.undo()
    assert window.controller.index.statement("s-e").text == "Both deny a deal"
    assert "Both deny a deal" in _row(window, "s-e", Qt.ItemDataRole.DisplayRole)


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _key(
    qtbot: QtBot, key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(_focus(), key, modifier)


def _type(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(_focus(), text)


def _commit(qtbot: QtBot, outline: QWidget) -> None:
    """Enter ends typing in a row (Qt commits it from the event loop)."""
    _key(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: _focus() is outline)


def _f6_to(qtbot: QtBot, pane: QWidget) -> None:
    for _ in range(12):
        if pane.isAncestorOf(_focus()) or _focus() is pane:
            return
        _key(qtbot, Key.Key_F6)
    raise AssertionError(f"F6 never reached {pane!r}")


@pytest.fixture
def empty_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    article = Source.from_text("src-1", TEXT, title="Talks in Istanbul")
    win.open_document(ArgMap(title="Talks", sources=[article]))
    win.activateWindow()
    win.view.setFocus()
    yield win
    close_window(win)


def test_a_map_built_quoted_and_weighed_with_the_keyboard_only(
    empty_window: MainWindow, qtbot: QtBot
) -> None:
    win, c = empty_window, empty_window.controller
    # Into the outline with F6; Insert starts the map, the row opens for typing.
    _f6_to(qtbot, win.outline)
    _key(qtbot, Key.Key_Insert)
    _type(qtbot, "A freeze of the front line")
    _commit(qtbot, win.outline)
    (scenario,) = c.doc.statements
    assert scenario.text == "A freeze of the front line"
    # Make it a scenario and give it a prior in the inspector, by keyboard.
    _f6_to(qtbot, win.inspector)
    while _focus() is not win.inspector.kind_combo:
        _key(qtbot, Key.Key_Tab)
    kinds = list(StatementKind)
    for _ in range(len(kinds)):  # towards "scenario" in the combo's order, never past it
        now = kinds.index(c.index.statement(scenario.id).kind)
        if kinds[now] is StatementKind.SCENARIO:
            break
        _key(qtbot, Key.Key_Up if now > kinds.index(StatementKind.SCENARIO) else Key.Key_Down)
    assert c.index.statement(scenario.id).kind is StatementKind.SCENARIO
    while _focus() is not win.inspector.prior:
        _key(qtbot, Key.Key_Tab)
    _key(qtbot, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, "0.3")
    _key(qtbot, Key.Key_Return)
    assert c.index.statement(scenario.id).prior == pytest.approx(0.3)
    # Back in the outline: a premise under the scenario.
    _f6_to(qtbot, win.outline)
    _key(qtbot, Key.Key_Insert)
    _type(qtbot, "Observers expect a freeze")
    _commit(qtbot, win.outline)
    premise = c.doc.statements[-1]
    assert premise.text == "Observers expect a freeze"
    assert c.index.parents(premise.id) == [scenario.id]
    # A quote from the article becomes evidence under the premise.
    _f6_to(qtbot, win.sources)
    while _focus() is not win.sources.reader:
        _key(qtbot, Key.Key_Tab)
    _key(qtbot, Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(6):
        _key(qtbot, Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    for _ in range(5):
        _key(qtbot, Key.Key_Right,
             Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    _key(qtbot, Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    evidence = c.doc.statements[-1]
    assert evidence.kind is StatementKind.EVIDENCE
    assert c.index.parents(evidence.id) == [premise.id]
    (qid,) = evidence.quotes
    assert c.index.quote(qid).exact.startswith("Both sides denied")
    # Back in the outline, the new evidence reads with its quote; Shift+Insert objects to it.
    _f6_to(qtbot, win.outline)
    row = _row(win, evidence.id, Qt.ItemDataRole.AccessibleTextRole)
    assert row.startswith("Evidence, supports 'Observers expect a freeze'")
    assert row.endswith("1 quote")
    _key(qtbot, Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    _type(qtbot, "Both sides deny it")
    _commit(qtbot, win.outline)
    objection = c.doc.statements[-1]
    assert objection.kind is StatementKind.OBJECTION
    (via,) = [c.index.inferences[i] for i in c.index.with_premise(objection.id)]
    assert via.kind is InferenceKind.ATTACK and via.conclusion == evidence.id
    assert len(win.outline.outline.ids()) == 4


def test_the_canvas_shows_when_it_has_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    """A visible focus indicator on the canvas too (F6 lands there): a frame round it."""

    def edge() -> str:
        shot = window.view.grab().toImage()
        return shot.pixelColor(0, shot.height() // 2).name()

    window.outline.setFocus()
    qtbot.waitUntil(lambda: not window.view.hasFocus())
    unfocused = edge()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    assert edge() == "#0072b2" != unfocused


def test_f6_visits_every_shown_panel_and_comes_back(window: MainWindow, qtbot: QtBot) -> None:
    from argmap.ui.help_dialogs import shortcut_rows  # noqa: PLC0415

    window.activateWindow()
    window.view.setFocus()
    panes = {
        "canvas": window.view,
        "sources": window.sources,
        "outline": window.outline,
        "inspector": window.inspector,
        "scenarios": window.scenario_panes.panel,
    }

    def holder() -> str:
        focus = _focus()
        return next(k for k, w in panes.items() if w is focus or w.isAncestorOf(focus))

    forward = [holder()]
    for _ in range(len(panes)):
        _key(qtbot, Key.Key_F6)
        forward.append(holder())
    assert forward[0] == forward[-1] == "canvas"  # round the window, back to the map
    assert sorted(forward[:-1]) == sorted(panes)  # each shown panel once, none trapped
    backward = [holder()]
    for _ in range(len(panes)):
        _key(qtbot, Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
        backward.append(holder())
    assert backward == forward[::-1]
    assert ("View", "Next panel", "F6") in shortcut_rows(window)


def test_the_inspectors_related_statements_open_with_the_keyboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    from argmap.ui.panes.inspector_fields import ClickableRow  # noqa: PLC0415

    window.layout_.bring_forward("Inspector")
    window.controller.set_selection(["s-c"])
    rows = [r for r in window.inspector.findChildren(ClickableRow) if r.isVisible()]
    (supports,) = [r for r in rows if r.caption.text() == "Supports"]
    assert supports.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert supports.accessibleName() == "Supports: A freeze"
    supports.setFocus()
    qtbot.keyClick(supports, Key.Key_Return)
    assert window.controller.selection == ["s-a"]
