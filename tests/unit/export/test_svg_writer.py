"""SVG export as a user sees it: valid XML, real text, ids, viewBox, hostile text inert."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from layout_maps import ceasefire_map, synthetic_map

from argmap.export.map_scene import prepare
from argmap.export.svg_writer import map_svg, scene_svg
from argmap.model import Statement

NS = {"s": "http://www.w3.org/2000/svg"}


def _text_of(group: ET.Element) -> str:
    """The visible text: each <tspan> line, lines joined by spaces."""
    parts = []
    for t in group.iter("{http://www.w3.org/2000/svg}text"):
        spans = t.findall("s:tspan", NS)
        parts += ["".join(s.itertext()) for s in spans] if spans else ["".join(t.itertext())]
    return " ".join(parts)


def test_each_statement_is_a_group_with_its_words_as_text() -> None:
    doc = ceasefire_map()
    root = ET.fromstring(map_svg(doc))
    for s in doc.statements:
        group = root.find(f".//s:g[@id='{s.id}']", NS)
        assert group is not None, s.id
        assert group.find("s:text/s:tspan", NS) is not None  # wrapped lines, not paths
        words = set(_text_of(group).split())
        assert set(s.text.split()) <= words


def test_viewbox_fits_the_laid_out_map() -> None:
    doc = ceasefire_map()
    scene = prepare(doc)
    root = ET.fromstring(scene_svg(scene))
    x, y, w, h = map(float, root.attrib["viewBox"].split())
    b = scene.layout.bounds
    assert x <= b.x and y <= b.y and x + w >= b.right and y + h >= b.bottom
    assert w - b.w < 200 and h - b.h < 200  # only a margin, no empty acres
    assert root.attrib["width"] == root.attrib["viewBox"].split()[2]


def test_quotes_become_tooltips_with_their_source() -> None:
    root = ET.fromstring(map_svg(ceasefire_map()))
    title = root.find(".//s:g[@id='s-e1']/s:title", NS)
    assert title is not None and "Officials in Kyiv" in (title.text or "")
    assert "Talks article" in (title.text or "")
    assert root.find(".//s:g[@id='s-p2']/s:title", NS) is None  # no quotes, no tooltip


def test_hostile_text_yields_valid_inert_svg() -> None:
    doc = ceasefire_map()
    evil = '<script>alert("x")</script> & \'q\' "dq" \x00\x07\x1b ]]> <!-- end'
    doc.statements.append(Statement(id="s-evil", kind="claim", text=evil))
    doc.title = "<svg onload=alert(1)>"
    svg = map_svg(doc)
    root = ET.fromstring(svg)  # parses: escaped and stripped of illegal characters
    assert not any(el.tag.endswith("script") for el in root.iter())
    assert "onload" not in {a for el in root.iter() for a in el.attrib}
    text = _text_of(root.find(".//s:g[@id='s-evil']", NS))  # type: ignore[arg-type]
    assert '<script>alert("x")</script>' in text.replace("\n", " ") or "<script>" in text
    assert "&" in text and '"dq"' in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", svg)


def test_ids_that_are_not_xml_names_are_made_safe() -> None:
    doc = ceasefire_map()
    doc.statements.append(Statement(id="1 two", kind="claim", text="odd id"))
    root = ET.fromstring(map_svg(doc))
    ids = [el.attrib["id"] for el in root.iter() if "id" in el.attrib]
    assert len(ids) == len(set(ids))
    assert all(re.match(r"^[A-Za-z_][\w.\-]*$", i) for i in ids)


def test_subtree_legend_and_weights() -> None:
    doc = ceasefire_map()
    root = ET.fromstring(map_svg(doc, subtree="s-c", show_legend=True, weights={"s-c": 0.4}))
    groups = {
        g.attrib["id"] for g in root.iter("{http://www.w3.org/2000/svg}g") if "id" in g.attrib
    }
    assert {"s-c", "s-p1", "s-p2", "s-u1"} <= groups
    assert "s-q" not in groups and "s-a" not in groups
    all_text = _text_of(root)
    assert "LEGEND" in all_text and "attacks" in all_text
    assert "SCENARIO WEIGHTS" in all_text and "40 %" in all_text


def test_size_stays_under_one_kilobyte_per_statement() -> None:
    doc = synthetic_map(300)
    assert len(map_svg(doc).encode()) / 300 < 1024


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="librsvg not installed")
def test_librsvg_renders_it(tmp_path: Path) -> None:
    svg = tmp_path / "map.svg"
    svg.write_text(map_svg(ceasefire_map(), "dark", show_legend=True), encoding="utf-8")
    png = tmp_path / "map.png"
    subprocess.run(["rsvg-convert", str(svg), "-o", str(png)], check=True, timeout=60)
    assert png.stat().st_size > 10_000
