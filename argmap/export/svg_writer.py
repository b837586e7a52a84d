"""Hand-written SVG of a laid-out map, no Qt: real text, one group per statement.

Cards are groups translated to their place (so an editor moves them whole), styled by CSS
classes per kind; quotes become ``<title>`` tooltips; all user text is escaped and
stripped of characters XML forbids, so hostile statements yield valid, inert SVG.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.export import card_decor, map_extras, shapes
from argmap.export.map_scene import MapScene, prepare
from argmap.export.themes import FONT_STACK, KINDS, Theme
from argmap.layout.card_metrics import badge_text, kind_label
from argmap.layout.geometry import Box, CardLayout, EdgeLayout
from argmap.layout.tidy_tree import Direction
from argmap.model import ArgMap
from argmap.model.display_text import isolate

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")


def clean(text: str) -> str:
    """``text`` without characters XML 1.0 forbids."""
    return _ILLEGAL.sub("", text)


def esc(text: str) -> str:
    """Escape for XML text and double-quoted attributes."""
    return (
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def svg_id(raw: str) -> str:
    """An XML id for a map id: itself when valid, else a safe spelling of it."""
    if _NCNAME.match(raw):
        return raw
    return "id-" + "".join(c if c.isalnum() or c in "-_." else f"_{ord(c):x}_" for c in raw)


def _n(v: float) -> str:
    """A coordinate with at most one decimal."""
    s = "%.1f" % v  # noqa: UP031 (measured: faster than an f-string here)
    if s[-1] == "0":
        s = s[:-2]
        if s == "-0":
            return "0"
    return s


def path_d(ops: shapes.Path, dx: float = 0.0, dy: float = 0.0) -> str:
    """SVG path data from shape operations, shifted by (-dx, -dy)."""
    out: list[str] = []
    for op in ops:
        out.append(str(op[0]))
        for i in range(1, len(op), 2):
            if i > 1:
                out.append(" ")
            out.append(_n(float(op[i]) - dx))
            out.append(" ")
            out.append(_n(float(op[i + 1]) - dy))
    return "".join(out)


_ICONS: dict[tuple[str, float, float, float], str] = {}  # the same on every card of a kind


def _icon_svg(kind: str, x: float, y: float, w: float) -> str:
    key = (kind, x, y, w)
    svg = _ICONS.get(key)
    if svg is None:
        if len(_ICONS) > 256:
            _ICONS.clear()
        svg = _ICONS[key] = "".join(
            f'<path class="{"ic" if part.filled else "il"}" d="{path_d(part.path)}"/>'
            for part in shapes.kind_icon(kind, x, y, w)
        )
    return svg


def _style(th: Theme) -> str:
    m = th.metrics
    und = th.edge_width * map_extras.UNDERCUT_WIDTH
    rules = [
        f"svg{{font-family:{FONT_STACK}}}",
        f".bg{{fill:{th.background}}}",
        f".o{{stroke-width:{_n(th.border_width)}}}",
        f".t{{font-size:{m.body_px}px;fill:{th.text}}}",
        ".qu .t,.sc .t{font-weight:bold}",
        f".l{{font-size:{m.label_px}px;font-weight:bold}}",
        f".p{{font-size:{m.label_px}px;font-weight:bold;fill:{th.badge_text}}}",
        f".e{{fill:none;stroke-width:{_n(th.edge_width)};stroke-linejoin:round;"
        "stroke-linecap:round}",
        f".sup{{stroke:{th.support}}}.sup .h{{fill:{th.support}}}",
        f".att{{stroke:{th.attack};stroke-dasharray:{_dash('attack', th.edge_width)};"
        "stroke-linecap:butt}",
        f".und{{stroke:{th.undercut};stroke-width:{_n(und)};"
        f"stroke-dasharray:{_dash('undercut', und)}}}",
        f".e .bar{{stroke-width:{_n(th.edge_width * 2.6)};stroke-dasharray:none;"
        "stroke-linecap:round}",
        ".e .h{stroke-dasharray:none}",
        f".mk{{fill:{th.background};stroke-dasharray:none}}",
        f".x .o{{stroke-width:{_n(th.border_width * 1.0)}}}",
    ]
    letters = {k: k[:2] for k in KINDS}
    for kind in KINDS:
        st = th.kind(kind)
        k = letters[kind]
        rules.append(
            f".{k} .o{{fill:{st.fill};stroke:{st.border}}}.{k} .l,.{k} .ic{{fill:{st.label}}}"
            f".{k} .il{{stroke:{st.label}}}.{k} .f,.{k} .pq{{fill:{st.border}}}"
            f".{k} .pw{{fill:{st.label}}}"
        )
    scale = {"question": 1.4, "scenario": 1.5, "claim": 1.2, "assumption": 1.2}
    for kind, f in scale.items():
        rules.append(f".{letters[kind]} .o{{stroke-width:{_n(th.border_width * f)}}}")
    rules.append(f".as .o{{stroke-dasharray:{_dash('assumption', th.border_width * 1.2)}}}")
    rules.append(f".sc .i{{fill:none;stroke-width:{_n(th.border_width * 0.9)}}}")
    rules.append(f".il{{fill:none;stroke-linecap:round;stroke-width:{_n(1.3 * th.scale)}}}")
    return "".join(rules)


def _dash(kind: str, width: float) -> str:
    a, b = map_extras.DASH[kind]
    return f"{_n(max(a * width, 0.1))} {_n(b * width)}"


def _card(card: CardLayout, th: Theme, tips: list[str], weight: float | None) -> str:
    kind = card.kind
    box = card.box
    k = kind[:2]
    shape = shapes.card_shape(kind, Box(0, 0, box.w, box.h), th.scale)
    parts = [
        f'<g id="{esc(svg_id(card.statement_id))}" class="{k}" '
        f'transform="translate({_n(box.x)} {_n(box.y)})">'
    ]
    if tips:
        parts.append(f"<title>{esc(chr(10).join(tips))}</title>")
    if shape.corner is not None:
        parts.append(_rect("o", Box(0, 0, box.w, box.h), shape.corner))
    else:
        parts.append(f'<path class="o" d="{path_d(shape.outline)}"/>')
    if shape.inner is not None:
        g = shape.inner_inset
        parts.append(_rect("o i", Box(g, g, box.w - 2 * g, box.h - 2 * g), 4 * th.scale))
    if shape.fold is not None:
        parts.append(f'<path class="f" d="{path_d(shape.fold)}"/>')
    local = CardLayout(
        card.statement_id,
        Box(0, 0, box.w, box.h),
        card.lines,
        kind,
        card.quote_count,
        card.hidden_count,
    )
    wv = weight
    line = card_decor.label_line(local, kind, th, badge_text(card.quote_count), wv)
    ic = line.icon
    parts.append(_icon_svg(kind, ic.x, ic.y, ic.w))
    if kind == "question":
        qx, qy = _n(ic.x + ic.w * 0.22), _n(ic.bottom - ic.h * 0.15)
        fill = th.kind(kind).fill
        parts.append(f'<text class="l" x="{qx}" y="{qy}" style="fill:{fill}">?</text>')
    parts.append(
        f'<text class="l" x="{_n(line.label_x)}" y="{_n(line.baseline)}">{kind_label(kind)}</text>'
    )
    for pill in line.pills:
        parts.append(_pill_svg(pill, "pw" if pill.weight else "pq"))
    if kind == "scenario" and wv is not None:
        bar = card_decor.weight_bar(local, wv, th)
        parts.append(
            f'<rect class="f" x="{_n(bar.x)}" y="{_n(bar.y)}" width="{_n(bar.w)}" '
            f'height="{_n(bar.h)}"/>'
        )
    x = card_decor.text_left(kind, local, th)
    y = card_decor.body_baseline(local, th)
    lh = th.metrics.body_line_height
    spans = []
    for i, text in enumerate(card.lines):
        dy = "" if i == 0 else f' dy="{_n(lh)}"'
        spans.append(f'<tspan x="{_n(x)}"{dy}>{esc(text)}</tspan>')
    parts.append(f'<text class="t" y="{_n(y)}">{"".join(spans)}</text>')
    if card.hidden_count:
        parts.append(_pill_svg(card_decor.collapsed_tab(local, th), "pq"))
    parts.append("</g>")
    return "".join(parts)


def _rect(cls: str, b: Box, r: float = 0.0) -> str:
    x, y, w, h = b.x, b.y, b.w, b.h
    xy = (f' x="{_n(x)}"' if x else "") + (f' y="{_n(y)}"' if y else "")
    rx = f' rx="{_n(r)}"' if r else ""
    return f'<rect class="{cls}"{xy} width="{_n(w)}" height="{_n(h)}"{rx}/>'


def _pill_svg(pill: card_decor.Pill, cls: str) -> str:
    b = pill.box
    return (
        f'<rect class="{cls}" x="{_n(b.x)}" y="{_n(b.y)}" width="{_n(b.w)}" '
        f'height="{_n(b.h)}" rx="{_n(b.h / 2)}"/>'
        f'<text class="p" x="{_n(pill.text_x)}" y="{_n(pill.baseline)}">{esc(pill.text)}</text>'
    )


def _edge(edge: EdgeLayout, th: Theme) -> str:
    cls = {"attack": "att", "undercut": "und"}.get(edge.kind, "sup")
    size = 9.0 * th.scale + th.edge_width * 1.5
    trim = shapes.end_trim(edge.kind, size)
    pts = _trim(edge.points, trim)
    d = "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in pts)
    for feeder in edge.feeders:
        d += "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in feeder)
    parts = [f'<g id="{esc(svg_id(edge.inference_id))}" class="e {cls}"><path d="{d}"/>']
    if edge.bar is not None:
        (x0, y0), (x1, y1) = edge.bar
        parts.append(f'<path class="bar" d="M{_n(x0)} {_n(y0)}L{_n(x1)} {_n(y1)}"/>')
    for part in shapes.arrow_head(edge.kind, edge.points[-1], edge.points[-2], size):
        cls_h = ' class="h"' if part.filled else ' class="h" style="fill:none"'
        parts.append(f'<path{cls_h} d="{path_d(part.path)}"/>')
    if edge.kind == "attack":
        r = 6.5 * th.scale + th.edge_width
        mx, my = edge.marker
        parts.append(
            f'<circle class="mk" cx="{_n(mx)}" cy="{_n(my)}" r="{_n(r)}"/>'
            f'<path class="h" d="M{_n(mx - r / 2)} {_n(my)}h{_n(r)}"/>'
        )
    parts.append("</g>")
    return "".join(parts)


def _trim(points: list[tuple[float, float]], trim: float) -> list[tuple[float, float]]:
    (x0, y0), (x1, y1) = points[-2], points[-1]
    dx, dy = x1 - x0, y1 - y0
    length = (dx * dx + dy * dy) ** 0.5
    if length <= trim or trim <= 0:
        return points
    f = (length - trim) / length
    return [*points[:-1], (x0 + dx * f, y0 + dy * f)]


def _items(items: Iterable[map_extras.Item]) -> str:
    out = []
    for it in items:
        if isinstance(it, map_extras.Label):
            weight = ' font-weight="bold"' if it.bold else ""
            out.append(
                f'<text x="{_n(it.x)}" y="{_n(it.y)}" font-size="{it.px}px" '
                f'fill="{it.color}"{weight}>{esc(it.text)}</text>'
            )
            continue
        attrs = [f'd="{path_d(it.path)}"', f'fill="{it.fill or "none"}"']
        if it.stroke:
            attrs.append(
                f'stroke="{it.stroke}" stroke-width="{_n(it.width)}" '
                'stroke-linecap="round" stroke-linejoin="round"'
            )
            if it.dash:
                attrs.append(
                    f'stroke-dasharray="{_n(max(it.dash[0] * it.width, 0.1))} '
                    f'{_n(it.dash[1] * it.width)}"'
                )
        out.append(f"<path {' '.join(attrs)}/>")
    return "".join(out)


def _quote_tips(doc: ArgMap) -> dict[str, str]:
    """Quote id -> tooltip line: the quote, its article and date."""
    sources = {s.id: s for s in doc.sources}
    tips = {}
    for q in doc.quotes:
        src = sources.get(q.source)
        where = ", ".join(isolate(v) for v in (src.title, src.published) if v) if src else ""
        tips[q.id] = f"\u201c{isolate(q.exact)}\u201d" + (f" \u2014 {where}" if where else "")
    return tips


def scene_svg(scene: MapScene, *, transparent: bool = False) -> str:
    """The SVG document of a prepared map scene."""
    th = scene.theme
    r = scene.rect
    statements = {s.id: s for s in scene.doc.statements}
    tips = _quote_tips(scene.doc)
    view = f"{_n(r.x)} {_n(r.y)} {_n(r.w)} {_n(r.h)}"
    title = scene.doc.title or "argmap"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view}" '
        f'width="{_n(r.w)}" height="{_n(r.h)}">\n',
        f"<title>{esc(title)}</title>\n<style>{_style(th)}</style>\n",
    ]
    if not transparent:
        out.append(
            f'<rect class="bg" x="{_n(r.x)}" y="{_n(r.y)}" width="{_n(r.w)}" height="{_n(r.h)}"/>\n'
        )
    out.append('<g class="edges">\n')
    for edge in scene.layout.edges.values():
        out.append(_edge(edge, th) + "\n")
    out.append('</g>\n<g class="cards">\n')
    for card in scene.layout.cards.values():
        st = statements.get(card.statement_id)
        card_tips = [tips[q] for q in (st.quotes if st else ()) if q in tips]
        out.append(_card(card, th, card_tips, scene.weights.get(card.statement_id)) + "\n")
    out.append("</g>\n")
    if scene.extras:
        out.append(f'<g class="extras">{_items(scene.extras)}</g>\n')
    out.append("</svg>\n")
    return "".join(out)


def map_svg(
    doc: ArgMap,
    theme_name: str | Theme = "light",
    *,
    subtree: str | None = None,
    selection: list[str] | None = None,
    show_legend: bool = False,
    weights: dict[str, float] | None = None,
    direction: Direction | None = None,
    transparent: bool = False,
) -> str:
    """The SVG document of ``doc`` (or its subtree / selection)."""
    scene = prepare(
        doc,
        theme_name,
        subtree=subtree,
        selection=selection,
        show_legend=show_legend,
        weights=weights,
        direction=direction,
    )
    return scene_svg(scene, transparent=transparent)
