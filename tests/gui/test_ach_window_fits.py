"""The floating ACH matrix shows the sample's whole matrix across, with no sideways
scrolling, at the size it opens at in a 1280x800 window (it scrolled sideways, #15): the
rating columns are narrow, scenario names wrap in the header, long evidence is elided and
shown whole in its tooltip.

Measured in a fresh process started as ``argmap`` starts (its fonts, the sample map).
"""

from __future__ import annotations

import pytest
from gui.fresh_process import run_probe

PROBE = r"""
import html, json
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from argmap.ui.app import application, launch

app = application()
win = launch(None)[0]
win.resize(1280, 800)
for _ in range(5):
    QCoreApplication.processEvents()
win.layout_.bring_forward("ACH matrix")
for _ in range(10):
    QCoreApplication.processEvents()
dock = win.layout_.dock("ACH matrix")
table = win.scenario_panes.ach
view = table.view
model = view.model()
bar = view.horizontalScrollBar()
tips = [model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) or "" for r in range(model.rowCount())]
texts = [model.index(r, 0).data() or "" for r in range(model.rowCount())]
header = view.horizontalHeader()
report = {
    "floating": dock.isFloating(), "width": dock.width(),
    "screen": win.screen().availableGeometry().width(),
    "scroll_max": bar.maximum(), "scroll_shown": bar.isVisible(),
    "columns": model.columnCount(),
    "evidence_width": header.sectionSize(0),
    "not_in_tips": [t for t, tip in zip(texts[:-1], tips)  # the last: the footer
                    if " ".join(t.split()) not in " ".join(html.unescape(tip).split())],
    "clipped_header_lines": [
        line
        for c in range(5, model.columnCount() - 1)
        for line in model.headerData(c, Qt.Orientation.Horizontal).split("\n")
        if QFontMetrics(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole))
        .horizontalAdvance(line) + 4 > header.sectionSize(c)  # the style's margins
    ],
    "scenario_tips": [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
                      for c in range(5, model.columnCount() - 1)],
}
win.controller.undo_stack.setClean()
win.close()
print("REPORT " + json.dumps(report), flush=True)
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    found: dict[str, object] = run_probe(
        ["-c", PROBE], tmp_path_factory.mktemp("home"), screen=(1280, 800)
    )
    return found


def test_the_matrix_needs_no_sideways_scroll(report: dict[str, object]) -> None:
    assert report["floating"]
    assert report["screen"] == 1280
    assert report["columns"] == 5 + 7 + 1  # the sample's seven scenarios
    assert report["scroll_max"] == 0, report
    assert not report["scroll_shown"]
    width = report["width"]
    assert isinstance(width, int) and width <= 1280


def test_evidence_stays_readable_and_whole_in_its_tooltip(report: dict[str, object]) -> None:
    evidence = report["evidence_width"]
    assert isinstance(evidence, int) and evidence >= 160  # some four words
    assert report["not_in_tips"] == []
    assert report["clipped_header_lines"] == []  # each line of a scenario's name fits
    tips = report["scenario_tips"]
    assert isinstance(tips, list) and len(tips) == 7
    assert all("War of attrition" in t for t in tips if "attrition" in t)
