"""The scenario panes: live weights, the ACH matrix, the sensitivity tornado and the Key
Assumptions Check.

All four share one :class:`LiveAnalysis` per controller, so the map is analysed once
per pause in editing however many panes are open::

    panes = scenario_panes(controller)
    window.add_dock("Scenarios", panes.panel, Qt.DockWidgetArea.RightDockWidgetArea)
    window.add_dock("ACH matrix", panes.ach, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.add_dock("Sensitivity", panes.tornado, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.add_dock("Key assumptions", panes.assumptions, Qt.DockWidgetArea.BottomDockWidgetArea)
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.ui.editing.controller import DocumentController
from argmap.ui.scenarios.ach_table import AchTable
from argmap.ui.scenarios.key_assumptions_view import KeyAssumptionsView
from argmap.ui.scenarios.live_analysis import LiveAnalysis, live_analysis_for
from argmap.ui.scenarios.method_help import show_method_help
from argmap.ui.scenarios.panel import ScenarioPanel
from argmap.ui.scenarios.tornado import TornadoChart

__all__ = [
    "AchTable",
    "KeyAssumptionsView",
    "LiveAnalysis",
    "ScenarioPanel",
    "ScenarioPanes",
    "TornadoChart",
    "live_analysis_for",
    "scenario_panes",
    "show_method_help",
]


@dataclass(frozen=True, slots=True)
class ScenarioPanes:
    """The four scenario widgets, sharing one live analysis."""

    live: LiveAnalysis
    panel: ScenarioPanel
    ach: AchTable
    tornado: TornadoChart
    assumptions: KeyAssumptionsView


def scenario_panes(controller: DocumentController) -> ScenarioPanes:
    """Build the scenario panel, ACH matrix, tornado chart and Key Assumptions Check for
    one document."""
    live = live_analysis_for(controller)
    return ScenarioPanes(
        live,
        ScenarioPanel(controller, live),
        AchTable(controller, live),
        TornadoChart(controller, live),
        KeyAssumptionsView(controller, live),
    )
