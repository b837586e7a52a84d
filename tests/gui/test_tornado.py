"""The tornado chart: the top sensitivities of a scenario, computed off the GUI thread."""

from __future__ import annotations

import pytest
from gui.scenario_maps import scenario_map
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from argmap.analysis.report import analyze
from argmap.io.map_file import load_map
from argmap.resources import resource
from argmap.ui import pane_colours
from argmap.ui.editing.controller import DocumentController
from argmap.ui.scenarios import LiveAnalysis, TornadoChart, live_analysis_for


@pytest.fixture
def controller() -> DocumentController:
    return DocumentController(scenario_map())


def _chart(qtbot, controller: DocumentController) -> TornadoChart:
    chart = TornadoChart(controller)
    qtbot.addWidget(chart)
    chart.resize(900, 520)
    chart.show()
    qtbot.waitExposed(chart)
    qtbot.waitUntil(lambda: bool(chart.items()), timeout=5000)
    return chart


@pytest.fixture
def chart(qtbot, controller: DocumentController) -> TornadoChart:
    return _chart(qtbot, controller)


def _top_ids(controller: DocumentController, scenario: str, n: int) -> list[str]:
    result = analyze(controller.doc, with_sensitivity=True)
    flips = result.flips
    assert flips is not None
    j = flips.scenario_ids.index(scenario)
    return [f.judgement.id for f in flips.by_swing(j)[:n]]


def test_lists_the_leaders_top_items_like_the_analysis(chart: TornadoChart, controller) -> None:
    leader = analyze(controller.doc).leader
    assert leader is not None and chart.scenario() == leader.id
    assert [i.id for i in chart.items()] == _top_ids(controller, leader.id, chart.top_n)
    assert "War goes on" in chart.title.text()


def test_the_sample_map_charts_its_top_sensitivity(qtbot) -> None:
    controller = DocumentController(load_map(resource("sample.argmap.json")))
    chart = _chart(qtbot, controller)
    leader = analyze(controller.doc).leader
    assert leader is not None
    assert chart.items()[0].id == _top_ids(controller, leader.id, 1)[0]
    assert all(i.low <= i.base <= i.high for i in chart.items())


def test_choosing_a_scenario_charts_that_scenario(chart: TornadoChart, controller) -> None:
    chart.choose_scenario("s-deal")
    assert chart.scenario() == "s-deal"
    assert [i.id for i in chart.items()] == _top_ids(controller, "s-deal", chart.top_n)
    assert "Ceasefire deal" in chart.title.text()


def test_bars_span_low_to_high_around_the_base(chart: TornadoChart) -> None:
    canvas = chart.canvas
    base_item = chart.items()[0]
    widths = [canvas.bar_rect(r).width() for r in range(len(canvas.bars))]
    assert widths == sorted(widths, reverse=True)  # longest swing first
    rect = canvas.bar_rect(0)
    image = canvas.grab().toImage()
    y = round(rect.center().y())
    colours = pane_colours.current()
    assert QColor(image.pixel(round(rect.left()) + 4, y)) == QColor(colours.falls)
    assert QColor(image.pixel(round(rect.right()) - 4, y)) == QColor(colours.rises)
    assert base_item.low < base_item.base < base_item.high


def test_items_that_could_change_the_leader_are_flagged(chart: TornadoChart) -> None:
    flagged = [b for b in chart.canvas.bars if b.item.changes_leader]
    assert flagged  # war and the ceasefire run close: a plausible change flips the lead
    assert "would lead (within its plausible range" in flagged[0].item.sentence
    row = chart.canvas.bars.index(flagged[0])
    tip = chart.canvas.tooltip(row)
    assert flagged[0].item.sentence[1:] in tip
    assert "another scenario would lead" in tip
    plain = next(r for r, b in enumerate(chart.canvas.bars) if not b.item.changes_leader)
    assert "another scenario would lead" not in chart.canvas.tooltip(plain)


def test_clicking_a_bar_selects_its_statement(qtbot, chart: TornadoChart, controller) -> None:
    canvas = chart.canvas
    bars = canvas.bars
    statement_row = next(r for r, b in enumerate(bars) if b.item.kind == "credibility")
    point = canvas.bar_rect(statement_row).center().toPoint()
    with qtbot.waitSignal(controller.selection_changed) as signal:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [[bars[statement_row].item.id]]
    # A strength's bar selects the argument's premises.
    army = next(r for r, b in enumerate(bars) if b.item.id == "i-army")
    qtbot.mouseClick(
        canvas, Qt.MouseButton.LeftButton, pos=canvas.bar_rect(army).center().toPoint()
    )
    assert controller.selection == ["s-army"]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(5, canvas.height() - 3))
    assert controller.selection == ["s-army"]  # below the bars: nothing happens


def test_follows_edits_after_a_pause(qtbot, chart: TornadoChart, controller) -> None:
    before = [i.id for i in chart.items()]
    controller.set_inference_field("i-army", "strength", 0.1)
    live = chart.live
    qtbot.waitUntil(lambda: live.sensitivity_current and not live.busy, timeout=5000)
    qtbot.waitUntil(lambda: [i.id for i in chart.items()] != before, timeout=2000)
    leader = analyze(controller.doc).leader
    assert leader is not None
    assert [i.id for i in chart.items()] == _top_ids(controller, leader.id, chart.top_n)


def test_sensitivity_is_only_computed_while_a_chart_is_shown(qtbot, controller) -> None:
    live = LiveAnalysis(controller)
    controller.set_statement_field("s-econ", "credibility", 0.9)
    live.refresh()
    assert live.wait_for_sensitivity()
    qtbot.wait(20)
    assert live.explanation is None
    live.want_sensitivity(True)
    qtbot.waitUntil(lambda: live.explanation is not None, timeout=5000)
    assert live.sensitivity_current
    live.want_sensitivity(False)


def test_a_single_scenario_explains_itself(qtbot) -> None:
    doc = scenario_map()
    doc.statements = [s for s in doc.statements if s.id not in ("s-war", "s-frozen")]
    doc.inferences = [i for i in doc.inferences if i.id not in ("i-war", "i-frozen", "i-army")]
    doc.ratings = []
    controller = DocumentController(doc)
    chart = TornadoChart(controller)
    qtbot.addWidget(chart)
    chart.show()
    assert chart.items() == []
    assert "two scenarios" in chart.canvas.message
    assert live_analysis_for(controller) is chart.live


def test_every_bar_and_its_figures_fit_inside_the_chart(qtbot) -> None:
    # The sample's top bar ran to 56 % on a scale cut at 55 %: its end and its figure
    # were drawn past the chart's right edge.
    chart = TornadoChart(DocumentController(load_map(resource("sample.argmap.json"))))
    qtbot.addWidget(chart)
    chart.resize(1400, 420)
    chart.show()
    qtbot.waitUntil(lambda: bool(chart.items()), timeout=10000)
    canvas = chart.canvas
    figure_room = 56  # the low/high figures are drawn in 52 px beside each end
    for row in range(len(canvas.bars)):
        rect = canvas.bar_rect(row)
        assert rect.left() - figure_room >= 0
        assert rect.right() + figure_room <= canvas.width(), (row, rect, canvas.width())
