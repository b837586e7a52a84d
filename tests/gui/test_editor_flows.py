"""The editor as a new user meets it (issue 15): focal question and map properties, a map
built with the mouse alone, the clipboard within and between maps and from other
applications, a new map's template, find in articles, and a damaged map repaired."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gui.app_font import app_font  # noqa: F401  (a fixture)
from gui.layout_faults import SCREEN
from gui.ui_maps import double_click, small_map
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton

from argmap.interop.clipboard_text import MIME_ARGDOWN, MIME_FRAGMENT
from argmap.io.map_file import load_map, save_map
from argmap.model import ArgMap, InferenceKind, StatementKind
from argmap.resources import resource
from argmap.ui.canvas.view import READABLE_SCALE
from argmap.ui.window.main_window import MainWindow
from argmap.ui.window.recent_files import RecentFiles


def _window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(recent=RecentFiles(tmp_path / "recent.json"))
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    win = _window(qtbot, tmp_path)
    yield win
    win.controller.undo_stack.setClean()
    win.close()
    win.deleteLater()


def _trigger(win: MainWindow, name: str) -> None:
    win.actions_by_name[name].trigger()


def _card_point(win: MainWindow, statement_id: str) -> QPoint:
    win.scene.backlog.catch_up()
    win.view.reveal(statement_id)
    card = win.scene.cards[statement_id]
    return win.view.mapFromScene(card.sceneBoundingRect().center())


def _empty_point(win: MainWindow) -> QPoint:
    """A viewport point with no card or arrow under it (a corner of the view)."""
    point = QPoint(12, win.view.viewport().height() - 12)
    assert win.scene.card_at(win.view.mapToScene(point)) is None
    return point


def _right_click_menu(qtbot, win: MainWindow, point: QPoint) -> QMenu:  # type: ignore[no-untyped-def]
    """Right-click the canvas as the mouse does and return the menu that pops up."""
    viewport = win.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def _choose(menu: QMenu, text: str) -> None:
    labels = [a.text().replace("&", "") for a in menu.actions()]
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            menu.close()
            action.trigger()
            return
    raise AssertionError(f"{text!r} not in {labels}")


def _finish_typing(qtbot, win: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = win.view.editor
    assert editor.is_open
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


# --- 1. focal question and map properties -------------------------------------------------


def test_a_new_question_card_is_the_focal_question_in_the_panel_and_the_file(
    window, qtbot, tmp_path
) -> None:
    win, c = window, window.controller
    win.open_document(ArgMap())
    _trigger(win, "new_question")
    _finish_typing(qtbot, win, "Will the talks succeed?")
    question = c.current
    c.set_selection([question])
    _trigger(win, "add_child")
    _finish_typing(qtbot, win, "Deal")
    panel = win.scenario_panes.panel
    qtbot.waitUntil(lambda: panel.question.text() == "Will the talks succeed?", timeout=3000)
    path = tmp_path / "new.argmap.json"
    c.save(path)
    assert json.loads(path.read_text())["question"] == question


def test_map_properties_dialog_sets_the_focal_question_with_undo(window, qtbot, tmp_path) -> None:
    win, c = window, window.controller
    doc = small_map()
    doc.question = None
    doc.statements[3].kind = StatementKind.QUESTION  # "Talks have started" made a question
    win.open_document(doc)
    panel = win.scenario_panes.panel
    qtbot.waitUntil(lambda: panel.question.text() == "Will a ceasefire hold?", timeout=3000)
    dialog = win.editor_actions.show_properties()
    combo = dialog.question_combo
    assert [combo.itemText(i) for i in range(combo.count())][1:] == [
        "Will a ceasefire hold?",
        "Talks have started",
    ]
    combo.setCurrentIndex(2)
    dialog.title_edit.setText("Talks, 2025")
    dialog.analyst_edit.setText("J. Doe")
    dialog.as_of_edit.setText("2025-13-01")
    dialog.accept()  # a bad date keeps the dialog open and says why
    assert dialog.isVisible() and "YYYY-MM-DD" in dialog.error.text()
    dialog.as_of_edit.setText("2025-06-01")
    dialog.description_edit.setPlainText("Scope: one year")
    dialog.policy_edit.setPlainText("Wire reports: 70 %")
    dialog.accept()
    assert not dialog.isVisible()
    assert (c.doc.question, c.doc.title, c.doc.analyst, c.doc.as_of) == (
        "s-c", "Talks, 2025", "J. Doe", "2025-06-01"
    )  # fmt: skip
    assert c.undo_stack.undoText() == "Edit map properties"
    qtbot.waitUntil(lambda: panel.question.text() == "Talks have started", timeout=3000)
    path = tmp_path / "m.argmap.json"
    c.save(path)
    saved = load_map(path)
    assert (saved.question, saved.description, saved.source_policy) == (
        "s-c", "Scope: one year", "Wire reports: 70 %"
    )  # fmt: skip
    c.undo_stack.undo()  # one step undoes every property
    assert (c.doc.question, c.doc.title, c.doc.as_of) == ("s-q", "Ceasefire", None)
    qtbot.waitUntil(lambda: panel.question.text() == "Will a ceasefire hold?", timeout=3000)


# --- 2. a map from an empty canvas, with the mouse only ----------------------------------


def test_build_a_map_from_an_empty_canvas_with_the_mouse_only(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(ArgMap())
    double_click(win.view, _empty_point(win))
    (question,) = [s.id for s in c.doc.statements]
    assert c.index.statement(question).kind is StatementKind.QUESTION
    assert c.doc.question == question
    win.view.editor.cancel()
    menu = _right_click_menu(qtbot, win, _card_point(win, question))
    assert "Add supporting premise" in [a.text().replace("&", "") for a in menu.actions()]
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in menu.actions()}
    assert shortcuts["Add supporting premise"] == "Ins"
    assert shortcuts["Copy"] == "Ctrl+C"
    _choose(menu, "Add supporting premise")
    first = c.current
    assert first is not None and c.index.statement(first).kind is StatementKind.SCENARIO
    win.view.editor.cancel()
    menu = _right_click_menu(qtbot, win, _empty_point(win))
    _choose(menu, "New scenario")
    second = c.current
    assert second is not None and c.index.parents(second) == [question]
    win.view.editor.cancel()
    menu = _right_click_menu(qtbot, win, _empty_point(win))
    _choose(menu, "New top-level statement")  # the second top-level card
    top = c.current
    assert top is not None and c.index.parents(top) == []
    win.view.editor.cancel()
    double_click(win.view, _empty_point(win))
    assert len(c.doc.statements) == 5  # a double-click on a busy map adds a top card too
    kinds = [s.kind for s in c.doc.statements]
    assert kinds.count(StatementKind.SCENARIO) == 2


def test_plus_premise_with_nothing_selected_adds_a_top_level_card(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    c.set_selection([])
    _trigger(win, "add_child")
    new = c.current
    assert new is not None and c.index.parents(new) == []
    assert "top-level" in win.statusBar().currentMessage()


def test_arrow_menu_switches_support_and_attack_and_undercuts(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    edge = win.scene.edges["i-3"]
    assert edge.layout is not None
    (x0, y0), (x1, y1) = edge.layout.points[0], edge.layout.points[-1]
    middle = QPointF((x0 + x1) / 2, (y0 + y1) / 2)
    win.view.centerOn(middle)
    point = win.view.mapFromScene(middle)
    menu = win.editor_actions.menus.menu_at(point)
    _choose(menu, "Make it an attack")
    assert c.index.inference("i-3").kind is InferenceKind.ATTACK
    menu = win.editor_actions.menus.menu_at(point)
    _choose(menu, "Add an undercut (doubt the step, not the claim)")
    undercut = c.current
    assert undercut is not None
    (iid,) = c.index.with_premise(undercut)
    assert (c.index.inference(iid).kind, c.index.inference(iid).conclusion) == (
        InferenceKind.UNDERCUT, "i-3"
    )  # fmt: skip
    win.view.editor.cancel()
    c.undo_stack.undo()  # one step
    assert undercut not in c.index.statements


# --- 3. the clipboard -----------------------------------------------------------------------


def test_copy_a_subtree_to_a_second_map_with_its_quotes(qtbot, tmp_path) -> None:
    first = _window(qtbot, tmp_path)
    second = _window(qtbot, tmp_path)
    try:
        first.open_document(small_map())
        first.controller.set_selection(["s-b"])  # "War goes on" with its quoted evidence
        _trigger(first, "copy")
        mime = QGuiApplication.clipboard().mimeData()
        assert mime.hasFormat(MIME_FRAGMENT) and mime.hasFormat(MIME_ARGDOWN)
        assert mime.text() == "War goes on\n  Both deny a deal\n"
        second.new_map()
        c = second.controller
        before = c.doc.model_dump()
        c.set_selection(["s-question"])
        second.view.setFocus()
        _trigger(second, "paste")
        pasted = [s for s in c.doc.statements if s.text in ("War goes on", "Both deny a deal")]
        assert [s.kind for s in pasted] == [StatementKind.SCENARIO, StatementKind.EVIDENCE]
        evidence = pasted[1]
        (quote_id,) = evidence.quotes
        quote = c.index.quote(quote_id)
        assert quote.exact == small_map().quotes[0].exact
        assert c.index.sources[quote.source].title == "Talks in Istanbul"
        assert c.index.parents(pasted[0].id) == ["s-question"]
        assert c.undo_stack.count() == 1
        c.undo_stack.undo()
        assert c.doc.model_dump() == before
    finally:
        for win in (first, second):
            win.controller.undo_stack.setClean()
            win.close()
            win.deleteLater()


def test_cut_paste_and_duplicate_within_a_map_are_undoable(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    start = c.doc.model_dump()
    c.set_selection(["s-c"])
    _trigger(win, "duplicate")
    copy = c.current
    assert copy not in (None, "s-c")
    assert c.index.statement(copy).text == "Talks have started"
    assert c.index.parents(copy) == ["s-a"]
    assert [c.index.statement(k).text for k in c.index.children(copy)] == ["Talks stalled before"]
    c.set_selection(["s-c"])
    _trigger(win, "cut")
    assert "s-c" not in c.index.statements and "s-o" not in c.index.statements
    c.set_selection(["s-b"])
    _trigger(win, "paste")
    moved = c.current
    assert c.index.statement(moved).text == "Talks have started"
    assert c.index.parents(moved) == ["s-b"]
    while c.undo_stack.canUndo():
        c.undo_stack.undo()
    assert c.doc.model_dump() == start


def test_paste_argdown_text_from_another_application(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    QGuiApplication.clipboard().setText(
        "[Deal]: A deal is signed this year.\n"
        "  + <Money>: Russia's economy is degrading.\n"
        "  - [Front]: The army is advancing.\n"
    )
    c.set_selection(["s-q"])
    _trigger(win, "paste")
    texts = {s.text: s for s in c.doc.statements}
    deal = texts["A deal is signed this year."]
    assert c.index.parents(deal.id) == ["s-q"]
    front = texts["The army is advancing."]
    (iid,) = c.index.with_premise(front.id)
    assert (c.index.inference(iid).kind, c.index.inference(iid).conclusion) == (
        InferenceKind.ATTACK, deal.id
    )  # fmt: skip
    assert "from Argdown" in win.statusBar().currentMessage()


def test_paste_plain_lines_makes_one_statement_per_line(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    QGuiApplication.clipboard().setText("- Oil revenue fell\n  - by 27 %\n- Elites grumble\n")
    c.set_selection([])
    _trigger(win, "paste")
    texts = [s.text for s in c.doc.statements[-3:]]
    assert texts == ["Oil revenue fell", "by 27 %", "Elites grumble"]


# --- 4. new map, defaults, ids ----------------------------------------------------------


def test_new_map_starts_from_a_question_and_scenarios_at_a_readable_zoom(window, qtbot) -> None:
    win = window
    win.open_document(small_map())
    win.view.zoom_by(0.41 / win.view.zoom)
    win.controller.undo_stack.setClean()  # no "save changes?" question
    win.new_map()
    doc = win.controller.doc
    kinds = [s.kind for s in doc.statements]
    assert kinds == [StatementKind.QUESTION, StatementKind.SCENARIO, StatementKind.SCENARIO]
    assert doc.question == doc.statements[0].id
    assert win.view.zoom >= READABLE_SCALE
    shown = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    for card in win.scene.cards.values():
        assert shown.contains(card.sceneBoundingRect())
    assert not win.controller.is_dirty


def test_questions_and_scenarios_show_a_prior_not_a_credibility(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    inspector = win.inspector
    form = inspector._form
    for sid, credibility, prior in (
        ("s-q", False, False),
        ("s-a", False, True),
        ("s-c", True, False),
    ):
        c.set_selection([sid])
        assert form.isRowVisible(inspector.credibility) is credibility, sid
        assert form.isRowVisible(inspector.prior) is prior, sid


def test_statement_id_is_shown_and_copied_from_the_inspector(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    c.set_selection(["s-e"])
    row = win.inspector.id_row
    assert row.label.text() == "s-e"
    qtbot.mouseClick(row.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "s-e"


# --- 5. find in articles ---------------------------------------------------------------


def test_find_in_articles_and_make_a_premise_from_a_hit(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    c.set_selection(["s-a"])
    _trigger(win, "find_articles")
    search = win.editor_actions.search
    assert search is not None and search.isVisible()
    qtbot.keyClicks(search.query, "FRONT   line")
    qtbot.waitUntil(lambda: len(search.hits) == 1, timeout=3000)  # found as one types
    assert search.count.text() == "1 hit in 1 article"
    reader = win.sources.reader
    assert reader.textCursor().selectedText() == "front line"
    search.premise_button.click()
    new = c.doc.statements[-1]
    assert new.kind is StatementKind.PREMISE
    assert (
        new.text == "Observers said a freeze of the front line was the likeliest outcome this year."
    )
    (quote_id,) = new.quotes
    assert c.index.quote(quote_id).exact == new.text
    assert c.index.parents(new.id) == ["s-a"]
    c.undo_stack.undo()  # the quote and the premise in one step
    assert quote_id not in c.index.quotes and new.id not in c.index.statements


# --- 6. a damaged map -----------------------------------------------------------------


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "talks.argmap.json"
    save_map(small_map(), path)
    raw = json.loads(path.read_text())
    raw["inferences"][0]["conclusion"] = "s-gone"  # a dangling reference: an error
    path.write_text(json.dumps(raw))
    return path


def _answer_when_shown(button_name: str) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        button = box.findChild(QPushButton, button_name)
        assert button is not None
        button.click()

    QTimer.singleShot(0, click)


def test_open_a_damaged_map_and_accept_the_repaired_copy(window, qtbot, tmp_path) -> None:
    win, c = window, window.controller
    path = _damaged(tmp_path)
    damaged = path.read_bytes()
    _answer_when_shown("open-repaired")
    assert win.open_path(path)
    assert c.path is None and c.doc.title == "Ceasefire"  # an unsaved copy, not "Untitled"
    assert "i-1" not in c.index.inferences  # the dangling inference was dropped
    assert "repaired copy" in win.banner.text()
    assert path.read_bytes() == damaged  # never overwritten
    save_dialog_start = win._suggested_path
    assert save_dialog_start == tmp_path / "talks.repaired.argmap.json"


def test_a_declined_repair_keeps_the_current_map(window, qtbot, tmp_path) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    path = _damaged(tmp_path)
    QTimer.singleShot(0, _reject_modal)  # Cancel
    assert not win.open_path(path)
    assert c.doc.title == "Ceasefire" and "i-1" in c.index.inferences


def _reject_modal() -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        box.reject()
    else:
        QTimer.singleShot(20, _reject_modal)


@pytest.mark.usefixtures("app_font")
def test_the_repair_offer_fits_the_screen_however_damaged_the_map(window, qtbot, tmp_path) -> None:
    """The offer repeated every problem the file check found: a map with 77 arrows to
    deleted cards made it taller than an 800 px screen, its buttons below the bottom."""
    path = tmp_path / "sample.argmap.json"
    raw = json.loads(Path(str(resource("sample.argmap.json"))).read_text())
    for k, inference in enumerate(raw["inferences"]):
        inference["conclusion"] = f"s-gone-{k}"
    path.write_text(json.dumps(raw))
    seen: list[tuple[int, str]] = []

    def measure() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, measure)
            return
        seen.append((box.frameGeometry().height(), box.text()))
        box.reject()

    QTimer.singleShot(0, measure)
    assert not window.open_path(path)
    [(height, text)] = seen
    assert height <= SCREEN.height(), height
    assert "s-gone-0" in text and "more lines (Show Details…)" in text  # the first; the rest


def test_argmap_damaged_file_at_launch_opens_the_repaired_copy(qtbot, tmp_path) -> None:
    from argmap.ui.app import launch  # noqa: PLC0415

    path = _damaged(tmp_path)
    _answer_when_shown("open-repaired")
    windows = launch(str(path))
    try:
        (win,) = windows
        assert win.windowTitle().startswith("Ceasefire")  # not an empty "Untitled map"
        assert win.controller.doc.statements and win.controller.path is None
    finally:
        for win in windows:
            win.controller.undo_stack.setClean()
            win.close()
            win.deleteLater()


def test_enter_in_the_article_search_searches_and_adds_nothing(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    search = win.editor_actions.show_search()
    count = len(c.doc.statements)
    search.query.setText("Istanbul")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    assert len(search.hits) == 1 and len(c.doc.statements) == count
    assert search.isVisible()


def test_card_menu_makes_a_question_focal_and_changes_kinds_in_one_step(window, qtbot) -> None:
    win, c = window, window.controller
    doc = small_map()
    doc.statements[3].kind = StatementKind.QUESTION  # s-c, a second question
    win.open_document(doc)
    menu = win.editor_actions.menus.menu_at(_card_point(win, "s-c"))
    _choose(menu, "Make this the focal question")
    assert c.doc.question == "s-c"
    c.set_selection(["s-e", "s-o"])
    menu = win.editor_actions.menus.menu_at(_card_point(win, "s-o"))
    kinds = next(a.menu() for a in menu.actions() if a.text() == "Change &kind")
    assert kinds is not None
    next(a for a in kinds.actions() if a.text() == "Assumption").trigger()
    kinds_now = {c.index.statement(s).kind for s in ("s-e", "s-o")}
    assert kinds_now == {StatementKind.ASSUMPTION}
    c.undo_stack.undo()
    assert c.index.statement("s-e").kind is StatementKind.EVIDENCE
    assert c.index.statement("s-o").kind is StatementKind.OBJECTION


def test_a_new_scenario_under_a_collapsed_question_is_shown_and_edited(window, qtbot) -> None:
    win, c = window, window.controller
    win.open_document(small_map())
    c.set_collapsed("s-q", True)
    c.set_selection([])
    _trigger(win, "new_scenario")
    new = c.current
    assert new is not None and c.index.parents(new) == ["s-q"]
    assert win.scene.cards[new].isVisible() and win.view.editor.is_open


def test_panel_presentation_and_file_agree_on_a_question_card_listed_after_a_claim(
    window, qtbot, tmp_path
) -> None:
    win, c = window, window.controller
    doc = small_map()
    doc.question = None
    doc.statements.insert(0, doc.statements.pop(3))  # a top-level claim first, then the question
    doc.inferences = [i for i in doc.inferences if i.premises != ["s-c"]]
    path = tmp_path / "unset.argmap.json"
    save_map(doc, path)
    assert win.open_path(path)
    panel = win.scenario_panes.panel
    qtbot.waitUntil(lambda: panel.question.text() == "Will a ceasefire hold?", timeout=3000)
    win.present()
    show = win.presentation
    assert show is not None
    try:
        assert show.stage.steps[0].current == "s-q"  # presentation opens on the same question
    finally:
        show.close()
    c.save(path)
    assert json.loads(path.read_text())["question"] == "s-q"


def test_find_in_articles_starts_from_the_phrase_selected_in_the_reader(window, qtbot) -> None:
    win = window
    win.open_document(small_map())
    reader = win.sources.reader
    assert reader.show_range("src-1", 0, len("Negotiators"))
    _trigger(win, "find_articles")
    search = win.editor_actions.search
    assert search is not None and search.query.text() == "Negotiators"
    assert len(search.hits) == 1
