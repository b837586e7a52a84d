"""The scenario panel: live weights that follow edits, undoable priors, row selection."""

from __future__ import annotations

import pytest
from gui.scenario_maps import scenario_map
from PySide6.QtCore import QPoint, Qt

from argmap.analysis.report import analyze
from argmap.model import ArgMap
from argmap.ui.editing.controller import DocumentController
from argmap.ui.scenarios import ScenarioPanel, live_analysis_for
from argmap.ui.scenarios.method_help import MethodHelp


@pytest.fixture
def controller() -> DocumentController:
    return DocumentController(scenario_map())


@pytest.fixture
def panel(qtbot, controller: DocumentController) -> ScenarioPanel:
    widget = ScenarioPanel(controller)
    qtbot.addWidget(widget)
    widget.resize(400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _shown(panel: ScenarioPanel) -> dict[str, float]:
    return {sid: panel.displayed_weight(sid) for sid in panel.scenario_ids()}


def test_shows_question_and_one_row_per_scenario_with_the_leader_marked(
    panel: ScenarioPanel, controller: DocumentController
) -> None:
    analysis = analyze(controller.doc)
    assert panel.question.text() == "Will the talks bring a ceasefire this year?"
    assert panel.scenario_ids() == ["s-deal", "s-war", "s-frozen"]
    for s in analysis.scenarios:
        row = panel.row(s.id)
        assert row.shown_weight == pytest.approx(s.weight)
        assert row.weight_label.text() == f"{s.weight:.0%}"
        assert row.rank.text() == str(s.weight_rank)
    assert analysis.leader is not None
    leader = panel.row(analysis.leader.id)
    assert "leading" in leader.words.text()
    assert leader.bar.leader
    others = [panel.row(s) for s in panel.scenario_ids() if s != analysis.leader.id]
    assert all("leading" not in r.words.text() and not r.bar.leader for r in others)
    assert "War goes on" in panel.summary.text()


def test_raising_a_supporting_premise_raises_its_scenarios_bar(
    qtbot, panel: ScenarioPanel, controller: DocumentController
) -> None:
    before = panel.displayed_weight("s-deal")
    controller.set_statement_field("s-econ", "credibility", 0.95)
    qtbot.waitUntil(lambda: panel.displayed_weight("s-deal") > before, timeout=2000)
    expected = analyze(controller.doc).scenario("s-deal").weight
    assert panel.displayed_weight("s-deal") == pytest.approx(expected)
    assert panel.row("s-deal").weight_label.text() == f"{expected:.0%}"


def test_quick_edits_are_analysed_once_after_a_pause(
    qtbot, panel: ScenarioPanel, controller: DocumentController
) -> None:
    live = live_analysis_for(controller)
    assert panel.live is live
    updates: list[object] = []
    live.updated.connect(updates.append)
    for k in range(5):
        controller.set_statement_field("s-revenue", "credibility", 0.5 + k / 10)
    assert updates == []  # nothing recomputed while the edits keep coming
    qtbot.waitUntil(lambda: len(updates) == 1, timeout=2000)
    qtbot.wait(150)
    assert len(updates) == 1
    assert panel.displayed_weight("s-deal") == pytest.approx(
        analyze(controller.doc).scenario("s-deal").weight
    )


def test_editing_a_prior_moves_the_weights_and_undo_restores_them(
    panel: ScenarioPanel, controller: DocumentController
) -> None:
    doc_before = controller.doc.model_dump()
    shown_before = _shown(panel)
    panel.row("s-frozen").prior.setValue(60)
    doc = controller.doc
    priors = {s.id: s.prior for s in doc.statements if s.prior is not None}
    assert priors["s-frozen"] == pytest.approx(0.6)
    assert priors["s-deal"] == pytest.approx(priors["s-war"])  # their ratio kept
    assert sum(priors.values()) == pytest.approx(1.0)
    shown = _shown(panel)
    assert shown["s-frozen"] > shown_before["s-frozen"]
    assert shown["s-war"] < shown_before["s-war"]
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert controller.doc.model_dump() == doc_before
    live_analysis_for(controller).refresh()
    assert _shown(panel) == pytest.approx(shown_before)
    assert panel.row("s-frozen").prior.value() == 20


def test_dragging_the_prior_tick_sets_the_prior_in_one_step(
    qtbot, panel: ScenarioPanel, controller: DocumentController
) -> None:
    bar = panel.row("s-deal").bar
    track = bar.width() - 3.0
    tick = QPoint(round(1.5 + bar.prior * track), 12)
    target = QPoint(round(1.5 + 0.7 * track), 12)
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=tick)
    qtbot.mouseMove(bar, target)
    assert bar.shown_prior == pytest.approx(0.7, abs=0.01)
    assert controller.undo_stack.count() == 0  # nothing written mid-drag
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=target)
    assert controller.undo_stack.count() == 1
    assert controller.doc.statement("s-deal").prior == pytest.approx(0.7, abs=0.01)
    assert bar.prior == pytest.approx(0.7, abs=0.01)


def test_clicking_a_row_selects_its_scenario_and_the_row_follows_the_selection(
    qtbot, panel: ScenarioPanel, controller: DocumentController
) -> None:
    with qtbot.waitSignal(controller.selection_changed) as signal:
        qtbot.mouseClick(panel.row("s-war").title, Qt.MouseButton.LeftButton)
    assert signal.args == [["s-war"]]
    assert controller.selection == ["s-war"]
    assert panel.row("s-war").selected
    controller.set_selection(["s-deal"])
    assert panel.row("s-deal").selected and not panel.row("s-war").selected


def test_rows_follow_scenarios_added_and_removed(
    qtbot, panel: ScenarioPanel, controller: DocumentController
) -> None:
    controller.remove_statements(["s-frozen"])
    qtbot.waitUntil(lambda: panel.scenario_ids() == ["s-deal", "s-war"], timeout=2000)
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.scenario_ids() == ["s-deal", "s-war", "s-frozen"], timeout=2000)


def test_a_map_without_scenarios_says_what_to_do(qtbot) -> None:
    panel = ScenarioPanel(DocumentController(ArgMap()))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.scenario_ids() == []
    assert panel.empty.isVisible()
    assert "scenario" in panel.empty.text()
    assert panel.question.text() == "No focal question set"


def test_help_button_explains_the_method(qtbot, panel: ScenarioPanel) -> None:
    qtbot.mouseClick(panel.help_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in panel.findChildren(MethodHelp) if w.isVisible()]
    assert len(dialogs) == 1
    text = dialogs[0].text.toPlainText()
    assert "Analysis of Competing Hypotheses" in text and "A 70 %, B 21 %, O 9 %" in text
    dialogs[0].close()


def test_paints_normal_and_selected_states(panel: ScenarioPanel, controller) -> None:
    plain = panel.grab().toImage()
    controller.set_selection(["s-war"])
    selected = panel.grab().toImage()
    assert plain.size() == selected.size()
    assert plain != selected


def test_stepping_one_prior_several_times_is_one_undo_step(
    qtbot, panel: ScenarioPanel, controller: DocumentController
) -> None:
    before = controller.doc.model_dump()
    spin = panel.row("s-war").prior
    spin.setFocus()
    for _ in range(3):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert controller.doc.statement("s-war").prior == pytest.approx(0.43)
    panel.row("s-deal").prior.setValue(10)
    assert controller.undo_stack.count() == 2  # one step per scenario edited
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert controller.doc.model_dump() == before


def test_the_new_method_is_announced_once(qtbot, panel: ScenarioPanel, controller) -> None:
    assert panel.notice.isVisible() and "probabilities" in panel.notice.text()
    qtbot.mouseClick(panel.notice_close, Qt.MouseButton.LeftButton)
    assert not panel.notice.isVisible()
    again = ScenarioPanel(controller)
    qtbot.addWidget(again)
    again.show()
    assert not again.notice.isVisible()


def test_the_explanation_lists_the_lines_and_what_would_flip_the_lead(
    qtbot, panel: ScenarioPanel, controller: DocumentController
) -> None:
    live = panel.live
    qtbot.waitUntil(lambda: live.explanation is not None and live.sensitivity_current, timeout=8000)
    leader = live.analysis.leader
    assert leader is not None
    rows = panel.why.canvas.rows
    assert [r.line.id for r in rows] == [line.id for line in leader.lines][: len(rows)]
    assert leader.title in panel.why.heading.text()
    assert "flip" in panel.why.flip.text()
    assert panel.why.confidence.text().startswith("Confidence: ")
    # A click on a line's bar selects its premises on the map.
    first = rows[0]
    point = panel.why.canvas.bar_rect(0).center().toPoint()
    qtbot.mouseClick(panel.why.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert controller.selection == list(first.targets)


def test_the_explanation_says_what_moved_since_the_last_save(
    qtbot, panel: ScenarioPanel, controller: DocumentController
) -> None:
    assert panel.why.since.text() == ""
    controller.set_statement_field("s-army", "credibility", 0.1)
    panel.live.refresh()
    text = panel.why.since.text()
    assert text.startswith("Since the last save:") and "pts" in text


def test_a_catch_all_scenario_is_one_click_and_one_undo_away(
    qtbot, panel: ScenarioPanel, controller: DocumentController
) -> None:
    assert panel.add_other.isVisible()
    before = controller.doc.model_dump()
    qtbot.mouseClick(panel.add_other, Qt.MouseButton.LeftButton)
    other = [s for s in controller.doc.statements if "catch-all" in s.tags]
    assert len(other) == 1 and other[0].text == "Other / none of these"
    assert other[0].id in panel.scenario_ids()
    assert not panel.add_other.isVisible()
    assert not any("something else" in w for w in panel.live.analysis.warnings)
    controller.undo_stack.undo()
    assert controller.doc.model_dump() == before
