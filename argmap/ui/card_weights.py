"""Scenario cards on the canvas show their live weight (a percentage and a bar)."""

from __future__ import annotations

from argmap.analysis.report import MapAnalysis
from argmap.ui.canvas.scene import MapScene
from argmap.ui.scenarios.live_analysis import LiveAnalysis


def apply_weights(scene: MapScene, analysis: MapAnalysis) -> None:
    """Put each scenario's weight on its card; other cards show none."""
    weights = {s.id: s.weight for s in analysis.scenarios}
    for statement_id, card in scene.cards.items():
        card.set_weight(weights.get(statement_id))


def show_weights_on_cards(scene: MapScene, live: LiveAnalysis) -> None:
    """Keep the scenario cards' weights in step with the live analysis."""
    live.updated.connect(lambda analysis: apply_weights(scene, analysis))
    scene.controller.statement_added.connect(lambda _sid: apply_weights(scene, live.analysis))
    apply_weights(scene, live.analysis)
