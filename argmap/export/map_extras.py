"""Legend and scenario-weight summary as display lists, drawn alike by Qt and SVG. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.export import shapes
from argmap.export.themes import KINDS, Theme
from argmap.layout.geometry import Box
from argmap.layout.text_metrics import elide, line_height, text_width
from argmap.model import ArgMap

# Dash patterns in multiples of the line width (Qt's convention; SVG multiplies out).
DASH = {"attack": (4.0, 2.5), "undercut": (0.1, 1.7), "assumption": (4.0, 2.5)}
# An undercut's dots are drawn this much wider than a line, so that a dotted line carries
# about half the ink of a solid one and does not fade out on a dark background.
UNDERCUT_WIDTH = 1.6


@dataclass(frozen=True, slots=True)
class Shape:
    """A path filled and/or stroked."""

    path: shapes.Path
    fill: str | None = None
    stroke: str | None = None
    width: float = 1.0
    dash: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class Label:
    """One line of text; ``y`` is its baseline."""

    x: float
    y: float
    text: str
    px: int
    color: str
    bold: bool = False


Item = Shape | Label


def legend(theme: Theme, x: float, y: float) -> tuple[list[Item], Box]:
    """The legend (kinds; support, attack, undercut, linked) with its top-left at (x, y)."""
    m = theme.metrics
    s = theme.scale
    px = m.label_px + 2 * round(s)
    lh = line_height(px)
    pad = 12 * s
    items: list[Item] = []
    cx, cy = x + pad, y + pad
    items.append(Label(cx, cy + lh * 0.8, "LEGEND", px, theme.text, True))
    cy += lh * 1.5
    sw_w, sw_h = 30 * s, lh * 1.2
    row_right = cx
    for kind in KINDS:
        style = theme.kind(kind)
        shape = shapes.card_shape(kind, Box(cx, cy, sw_w, sw_h), s * 0.45)
        dash = DASH["assumption"] if shape.dashed else None
        w = theme.border_width * shape.border_scale
        items.append(Shape(shape.outline, style.fill, style.border, w, dash))
        if shape.fold:
            items.append(Shape(shape.fold, style.border, style.border, theme.border_width))
        icon = lh * 0.7
        for part in shapes.kind_icon(kind, cx + (sw_w - icon) / 2, cy + (sw_h - icon) / 2, icon):
            items.append(
                Shape(
                    part.path,
                    style.label if part.filled else None,
                    None if part.filled else style.label,
                    1.2 * s,
                )
            )
        name = kind.capitalize()
        items.append(Label(cx + sw_w + 6 * s, cy + sw_h * 0.72, name, px, theme.text))
        cx += sw_w + 6 * s + text_width(name, px) + 16 * s
        row_right = max(row_right, cx)
    cx, cy = x + pad, cy + sw_h + lh * 0.8
    edge_w = theme.edge_width
    size = 9.0 * s + edge_w * 1.5
    for kind, name in (("support", "supports"), ("attack", "attacks"), ("undercut", "undercuts")):
        col = {"attack": theme.attack, "undercut": theme.undercut}.get(kind, theme.support)
        x0, x1, ym = cx, cx + 54 * s, cy + lh * 0.45
        trim = shapes.end_trim(kind, size)
        dash = DASH.get(kind)
        items.append(Shape([("M", x0, ym), ("L", x1 - trim, ym)], None, col, edge_w, dash))
        for part in shapes.arrow_head(kind, (x1, ym), (x0, ym), size):
            items.append(Shape(part.path, col if part.filled else None, col, edge_w * 1.2))
        if kind == "attack":
            r = 6.5 * s + edge_w
            mx = (x0 + x1) / 2
            items.append(Shape(shapes.circle(mx, ym, r), theme.background, col, edge_w))
            minus: shapes.Path = [("M", mx - r * 0.5, ym), ("L", mx + r * 0.5, ym)]
            items.append(Shape(minus, None, col, edge_w * 1.2))
        items.append(Label(x1 + 8 * s, cy + lh * 0.8, name, px, theme.text))
        cx = x1 + 8 * s + text_width(name, px) + 22 * s
    # Linked premises: two stubs joined by a bar.
    col = theme.support
    bx0, bx1, by = cx, cx + 40 * s, cy + lh * 0.2
    items.append(Shape([("M", bx0, by + lh * 0.8), ("L", bx0, by)], None, col, edge_w))
    items.append(Shape([("M", bx1, by + lh * 0.8), ("L", bx1, by)], None, col, edge_w))
    items.append(Shape([("M", bx0, by), ("L", bx1, by)], None, col, edge_w * 2.6))
    name = "linked: only together"
    items.append(Label(bx1 + 10 * s, cy + lh * 0.8, name, px, theme.text))
    row_right = max(row_right, bx1 + 10 * s + text_width(name, px) + pad)
    height = cy + lh * 1.2 + pad - y
    box = Box(x, y, row_right - x, height)
    frame = shapes.rounded_rect(x, y, box.w, box.h, 6 * s)
    return [Shape(frame, theme.background, theme.kind("premise").border, 1.0 * s), *items], box


def weights_summary(
    doc: ArgMap, weights: dict[str, float], theme: Theme, x: float, y: float
) -> tuple[list[Item], Box]:
    """A box of scenario names with weight bars, in the order of the map's scenarios."""
    s = theme.scale
    px = theme.metrics.label_px + 3 * round(s)
    lh = line_height(px)
    pad = 12 * s
    names = {st.id: st.text for st in doc.statements}
    order = [st.id for st in doc.statements if st.id in weights]
    order += sorted(k for k in weights if k not in names)
    name_w = 260 * s
    bar_w = 160 * s
    items: list[Item] = [
        Label(x + pad, y + pad + lh * 0.8, "SCENARIO WEIGHTS", px, theme.text, True)
    ]
    cy = y + pad + lh * 1.5
    style = theme.kind("scenario")
    for sid in order:
        w = max(0.0, min(1.0, float(weights[sid])))
        name = elide(names.get(sid, sid), name_w, px)
        items.append(Label(x + pad, cy + lh * 0.8, name, px, theme.text))
        bx = x + pad + name_w + 10 * s
        track = shapes.rounded_rect(bx, cy + lh * 0.2, bar_w, lh * 0.7, 3 * s)
        items.append(Shape(track, style.fill, style.border, 1.0 * s))
        if w > 0:
            fill = shapes.rounded_rect(bx, cy + lh * 0.2, bar_w * w, lh * 0.7, 3 * s)
            items.append(Shape(fill, style.border))
        items.append(
            Label(bx + bar_w + 8 * s, cy + lh * 0.8, f"{round(w * 100)} %", px, theme.text, True)
        )
        cy += lh * 1.35
    width = pad + name_w + 10 * s + bar_w + 8 * s + text_width("100 %", px, True) + pad
    box = Box(x, y, width, cy - y + pad * 0.6)
    frame = shapes.rounded_rect(x, y, box.w, box.h, 6 * s)
    return [Shape(frame, theme.background, theme.kind("premise").border, 1.0 * s), *items], box
