"""Exports draw the arrows of a bundle where the layout puts them: the SVG's attack discs
and undercut heads, and the PNG's discs, at the spots the bundle check measured."""

from __future__ import annotations

import math
import re

from arrow_bundles import DISC, bundle_problems
from PySide6.QtGui import QGuiApplication
from unit.layout.test_arrow_bundles import _bundle_map

from argmap.export.map_scene import prepare
from argmap.export.raster import render_image
from argmap.export.svg_writer import scene_svg
from argmap.export.themes import theme


def test_svg_draws_discs_and_undercut_heads_at_the_checked_spots() -> None:
    scene = prepare(_bundle_map(), "light", direction="TB")
    assert bundle_problems(scene.layout) == []
    svg = scene_svg(scene)
    circles = {
        (float(x), float(y))
        for x, y in re.findall(r'<circle class="mk" cx="([-\d.]+)" cy="([-\d.]+)"', svg)
    }
    discs = [e.marker for e in scene.layout.edges.values() if e.kind == "attack"]
    assert len(circles) == len(discs) == 2
    for mx, my in discs:
        assert any(math.dist((mx, my), c) < 0.1 for c in circles)
    for uid in ("i-7", "i-8"):
        group = re.search(rf'<g id="{uid}" class="e und">(.*?)</g>', svg)
        assert group is not None
        tip = scene.layout.edges[uid].points[-1]
        # the head's chevron passes through its tip: "M left L tip L right"
        head = re.findall(
            r'class="h" style="fill:none" d="M[-\d. ]+L([-\d.]+) ([-\d.]+)L', group[1]
        )
        assert head and math.dist((float(head[0][0]), float(head[0][1])), tip) < 0.1


def test_png_paints_each_attack_disc_apart(qapp: QGuiApplication) -> None:
    """Each disc's rim shows the attack colour at the layout's spot (two discs, two rims)."""
    scene = prepare(_bundle_map(), "light", direction="TB")
    scale = 2.0
    image = render_image(scene, scale)
    attack = theme("light").attack.lstrip("#")
    want = tuple(int(attack[i : i + 2], 16) for i in (0, 2, 4))
    r = scene.rect
    for edge in scene.layout.edges.values():
        if edge.kind != "attack":
            continue
        mx, my = edge.marker
        hits = 0
        for k in range(16):  # round the rim
            a = k * math.pi / 8
            x = round((mx + math.cos(a) * DISC - r.x) * scale)
            y = round((my + math.sin(a) * DISC - r.y) * scale)
            c = image.pixelColor(x, y)
            if (
                sum(abs(u - v) for u, v in zip((c.red(), c.green(), c.blue()), want, strict=True))
                < 90
            ):
                hits += 1
        assert hits >= 12, (edge.inference_id, hits)
