"""A deep map open in the canvas holds memory in proportion to its depth."""

from __future__ import annotations

import tracemalloc

from map_shapes import chain_map

from argmap.ui.canvas.scene import MapScene
from argmap.ui.canvas.view import MapView
from argmap.ui.editing.controller import DocumentController


def test_an_open_chain_holds_memory_in_proportion_to_its_depth(qtbot) -> None:  # type: ignore[no-untyped-def]
    held = []
    for n in (800, 1600):
        doc = chain_map(n)
        tracemalloc.start()
        try:
            base = tracemalloc.get_traced_memory()[0]
            scene = MapScene(DocumentController(doc))
            view = MapView(scene)
            qtbot.addWidget(view)
            view.resize(800, 600)
            view.show()
            view.fit_all()
            view.viewport().grab()  # painted once
            held.append(tracemalloc.get_traced_memory()[0] - base)
        finally:
            tracemalloc.stop()
        assert len(scene.cards) == n
        view.close()
    assert held[1] < 2.5 * held[0], f"{held[0]:,} -> {held[1]:,} bytes"
