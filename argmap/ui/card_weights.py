"""Scenario cards on the canvas show their live weight (a percentage and a bar)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from argmap.analysis.report import MapAnalysis
from argmap.ui.canvas.scene import MapScene
from argmap.ui.scenarios.live_analysis import LiveAnalysis


def apply_weights(scene: MapScene, analysis: MapAnalysis) -> None:
    """Put each scenario's weight on its card; other cards show none."""
    weights = {s.id: s.weight for s in analysis.scenarios}
    for statement_id, card in scene.cards.items():
        card.set_weight(weights.get(statement_id))


class CardWeights(QObject):
    """Relays the live analysis to the scene's cards. A child of the scene: the analysis
    belongs to the controller, which may outlive the window, and must not reach the cards
    of a scene that is gone."""

    def __init__(self, scene: MapScene, live: LiveAnalysis) -> None:
        super().__init__(scene)
        self.scene = scene
        self.live = live
        live.updated.connect(self.apply)
        scene.controller.statement_added.connect(self.on_added)
        self.apply(live.analysis)

    def apply(self, analysis: MapAnalysis) -> None:
        apply_weights(self.scene, analysis)

    def on_added(self, _statement_id: str) -> None:
        self.apply(self.live.analysis)


def show_weights_on_cards(scene: MapScene, live: LiveAnalysis) -> CardWeights:
    """Keep the scenario cards' weights in step with the live analysis."""
    return CardWeights(scene, live)
