"""Estimates ▸ Record estimate, Timeline and Record outcome, through the window and dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from gui.app_font import app_font  # noqa: F401  (a fixture)
from gui.history_maps import sample_with_history
from gui.layout_faults import SCREEN
from gui.main_window_fixtures import small_map_window
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from argmap.analysis.report import analyze
from argmap.model import Outcome, StatementKind
from argmap.ui import pane_colours
from argmap.ui.editing.controller import DocumentController
from argmap.ui.history.record_dialogs import OutcomeDialog, RecordEstimateDialog
from argmap.ui.history.timeline_dialog import TimelineDialog
from argmap.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    yield from small_map_window(qtbot, tmp_path, monkeypatch)


def test_recording_an_estimate_is_one_undoable_step(qtbot, window: MainWindow) -> None:
    before = window.controller.doc.model_dump()
    window.actions_by_name["record_estimate"].trigger()
    dialog = window.history._estimate_dialog
    assert dialog.isVisible()
    dialog.note.setText("first look")
    dialog.accept()
    doc = window.controller.doc
    [snapshot] = doc.snapshots
    assert snapshot.note == "first look"
    assert snapshot.weights == pytest.approx({s.id: s.weight for s in analyze(doc).scenarios})
    assert window.controller.undo_stack.undoText() == "Record estimate"
    window.controller.undo_stack.undo()
    assert window.controller.doc.model_dump() == before
    window.controller.undo_stack.redo()
    assert len(window.controller.doc.snapshots) == 1


@pytest.mark.usefixtures("app_font")
def test_the_record_dialog_shows_every_weight_it_will_keep(qtbot) -> None:
    doc = sample_with_history()
    dialog = RecordEstimateDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.preview
    lines = preview.text().splitlines()[1:]
    assert len(lines) == len(analyze(doc).scenarios) == 7
    assert lines[0].startswith(f"{max(s.weight for s in analyze(doc).scenarios) * 100:.0f} %")
    # the whole text shows, below the note field (it was squeezed under it, cut at both ends)
    assert preview.height() >= preview.heightForWidth(preview.width())
    assert preview.geometry().top() >= dialog.note.geometry().bottom()
    dialog.reject()


LONG_SCENARIO = (
    "Ceasefire on Russia's terms: Ukraine gives up the land it still holds in the four annexed "
    "regions, accepts neutrality and a cap on its army, and sanctions are eased in stages as "
    "the line of contact stays quiet"
)


@pytest.mark.usefixtures("app_font")
def test_the_outcome_dialog_fits_the_screen_whatever_a_scenario_says(qtbot) -> None:
    """A scenario worded at length made Record outcome 1497 px wide: on a 1280 px screen
    its OK and Cancel buttons were off the right edge."""
    doc = sample_with_history()
    scenario = next(s for s in doc.statements if s.kind == StatementKind.SCENARIO)
    scenario.text = LONG_SCENARIO
    dialog = OutcomeDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.frameGeometry().width() <= SCREEN.width(), dialog.frameGeometry()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.rect().contains(QRect(ok.mapTo(dialog, QPoint(0, 0)), ok.size()))
    # shortened where it is cut, and whole in the tip
    dialog.scenario.setCurrentIndex(dialog.scenario.findData(scenario.id))
    shown = dialog.scenario.currentText()
    assert shown.endswith("…") and LONG_SCENARIO.startswith(shown[:-1])
    assert dialog.scenario.toolTip() == LONG_SCENARIO
    dialog.reject()


@pytest.mark.usefixtures("app_font")
def test_the_timeline_lists_each_snapshot_whole(qtbot, window: MainWindow) -> None:
    """The list beside the details cut a note at its right edge ("… revises growth to ze")
    behind a horizontal scroll bar."""
    window.controller.set_document(sample_with_history(), None)
    window.controller.undo_stack.setClean()
    dialog = window.history.show_timeline()
    qtbot.waitExposed(dialog)
    listed = dialog.list
    assert listed.count() == 4
    assert not listed.horizontalScrollBar().isVisible()
    room = listed.viewport().width()
    for row in range(listed.count()):
        item = listed.item(row)
        assert listed.visualItemRect(item).right() < room, item.text()
        need = listed.fontMetrics().boundingRect(
            listed.visualItemRect(item), Qt.TextFlag.TextWordWrap, item.text()
        )
        assert need.height() <= listed.visualItemRect(item).height(), item.text()
    dialog.close()


def test_the_estimates_menu_sits_before_help(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("E&stimates") == titles.index("&Help") - 1


@pytest.fixture
def timeline(qtbot) -> TimelineDialog:
    controller = DocumentController(sample_with_history())
    dialog = TimelineDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_two_selected_snapshots_show_what_moved_the_weights(timeline: TimelineDialog) -> None:
    doc = timeline.controller.doc
    ids = [s.id for s in doc.snapshots]
    frozen = doc.statement("s-sc-frozen").text
    before, after = (round(100 * doc.snapshots[k].weights["s-sc-frozen"]) for k in (1, 2))
    timeline.select([ids[1], ids[2]])
    text = timeline.details.toPlainText().splitlines()
    assert text[0] == "From 2026-11-12 to 2026-11-24:"
    assert before < after
    assert text[1].startswith(f"  {frozen}: {before} % → {after} % (+")
    n_scenarios = len(doc.snapshots[1].weights)
    changes = [line for line in text if line.startswith("  ") and "→" in line][n_scenarios:]
    # the biggest movers first: the new line of evidence (its source, its strength and its
    # statement's credibility each undo it) and the prior raised from 0.20 to 0.30
    movers = (
        "  source 'Wire report' added",
        "  strength of 'Moscow floated a freeze for sanctions r… → ",
        "  credibility of 'Moscow floated a freeze for sanctions relief'",
        f"  prior of '{frozen}'",
    )
    assert all(c.split(":")[0].startswith(movers) for c in changes[:2]), changes[:2]
    assert timeline.chart.selected == [ids[1], ids[2]]


def test_clicking_the_chart_selects_snapshots(qtbot, timeline: TimelineDialog) -> None:
    chart = timeline.chart
    positions = chart.snapshot_positions()
    for sid, at in positions[:2]:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(round(at.x()), 40))
        assert sid in timeline.selected_ids()
    assert timeline.selected_ids() == [positions[0][0], positions[1][0]]


def test_the_snapshots_spread_across_the_chart_with_their_dates(timeline: TimelineDialog) -> None:
    """Signposts that changed a year before the first snapshot set the time axis: the four
    snapshots, a month apart, were drawn within 45 px at its right end, and three of their
    four dates were left out for want of room. The axis spans the snapshots; the events
    before them are counted at its left, named (with their dates) on hovering."""
    chart = timeline.chart
    plot = chart._plot()
    xs = [at.x() for _, at in chart.snapshot_positions()]
    assert xs[-1] - xs[0] > 0.8 * plot.width()
    assert chart.date_labels() == [s.as_of for s in timeline.controller.doc.snapshots]
    earlier = chart.earlier_events()
    assert len(earlier) == 6 and all(when < "2026-11-03" for when, _, _ in earlier)
    note = chart.earlier_note_rect()
    assert note.right() < plot.left() + 0.3 * plot.width()
    tip = chart._tooltip(note.center().x(), note.center().y())
    assert tip.startswith("2025-10-22: signpost 'A Putin-Trump summit") and tip.count("\n") == 5


def test_the_outcome_is_named_beside_its_rule(timeline: TimelineDialog) -> None:
    """The outcome's "resolved: …" was pushed left from the plot's end until it ran across
    the dashed rule marking the day, which struck through the scenario's name."""
    doc = timeline.controller.doc
    doc.outcome = Outcome(scenario="s-sc-frozen", resolved="2026-12-04")
    timeline.refresh()
    chart = timeline.chart
    plot = chart._plot()
    rule = chart._x(date(2026, 12, 4).toordinal(), plot, chart._span())
    label = chart.outcome_label()
    assert label is not None
    text, box = label
    assert text == "resolved: " + doc.statement("s-sc-frozen").text
    assert box.right() < rule or box.left() > rule
    assert plot.left() <= box.left() and box.right() <= plot.right()


def test_each_scenario_is_drawn_in_its_colour(timeline: TimelineDialog) -> None:
    """At the snapshot where a scenario stands farthest from the others, the middle of its
    marker has its colour (scenarios whose line always runs under another's are skipped:
    their markers overlap)."""
    chart = timeline.chart
    image = chart.grab().toImage()
    ratio = chart.devicePixelRatioF()
    plot = chart._plot()
    snapshots = {s.id: s for s in timeline.controller.doc.snapshots}
    checked = 0
    for k, scenario in enumerate(chart.data.scenarios()):

        def apart(position: tuple[str, object], scenario: str = scenario) -> float:
            weights = snapshots[position[0]].weights
            return min(abs(weights[scenario] - w) for s, w in weights.items() if s != scenario)

        sid, at = max(chart.snapshot_positions(), key=apart)
        if apart((sid, at)) * plot.height() < 12:
            continue
        checked += 1
        y = plot.bottom() - snapshots[sid].weights[scenario] * plot.height()
        colour = image.pixelColor(round(at.x() * ratio), round(y * ratio))
        assert colour.name().upper() == pane_colours.series()[k], (scenario, colour.name())
    assert checked >= 2


def test_recording_the_outcome_scores_a_snapshot(qtbot, window: MainWindow) -> None:
    window.actions_by_name["record_estimate"].trigger()
    window.history._estimate_dialog.accept()
    window.actions_by_name["record_outcome"].trigger()
    dialog = window.history._outcome_dialog
    dialog.scenario.setCurrentIndex(0)
    dialog.done(QDialog.DialogCode.Accepted)
    doc = window.controller.doc
    assert doc.outcome is not None and doc.outcome.scenario == dialog.scenario.itemData(0)
    timeline = window.history.show_timeline()
    timeline.select([doc.snapshots[0].id])
    assert "Scored against the outcome" in timeline.details.toPlainText()
    window.controller.undo_stack.undo()
    assert window.controller.doc.outcome is None
    qtbot.waitUntil(lambda: "Scored against" not in timeline.details.toPlainText())  # follows
