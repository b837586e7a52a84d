"""The panes' colours in the light and the dark scheme, and stylesheets that follow them.

Every colour a pane paints or styles itself comes from here, so switching View ▸ Theme
repaints the sources, the reader, the inspector and the scenario panes (cards, ACH matrix,
charts) in the scheme shown (a test checks each pair of text and background against WCAG
AA, 4.5:1, and bars and marks against their ground, 3:1). ``styled(widget, template)``
sets a stylesheet with ``$ink``, ``$muted``... filled in (``string.Template``: no braces to
double in CSS) and fills it in again when the scheme changes; painting code reads
``current()`` when it paints. A style sheet freezes the palette of its widget and of all
inside it in the scheme it was set in, so only leaf labels get one: ``inked(widget,
field)`` colours the text of a button, combo box or frame through its palette instead, and
``grid_lines(view)`` a table's gridlines through its style.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from string import Template

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

_TEMPLATE = "argmapStyleTemplate"  # the widget property holding its stylesheet template
_INK = "argmapInk"  # the widget property naming the PaneColours field of its text


@dataclass(frozen=True, slots=True)
class PaneColours:
    """Hex colours of one scheme (text colours first, then what they sit on)."""

    name: str
    ink: str  # body text
    muted: str  # secondary text: captions, dates, hints
    link: str  # a clickable word ("Show in article")
    quote_ink: str  # text on a quote highlight
    paper: str  # the reader's page
    window: str  # a pane's background
    box: str  # a raised box on a pane (quote cards, related statements)
    box_hover: str
    row_hover: str  # a list row under the pointer
    row_selected: str
    row_marker: str  # the bar beside the chosen row
    rule: str  # lines between rows
    pill: str  # a count with nothing in it
    quote: str  # a quote in use
    quote_alt: str  # its neighbour, a shade apart
    quote_focus: str  # the quote just jumped to
    quote_flash: str  # the flash when jumping to it
    focus: str  # the frame round the pane holding the keyboard (the canvas)
    error: str  # text saying what is wrong (a refused field in a dialog)
    # The scenario panes (scenario cards, ACH matrix, charts); text on them is ink/muted.
    card: str  # a scenario card's or a chart's ground
    track: str  # an empty weight bar; the ACH matrix's footer
    grid: str  # gridlines of tables and charts, a card's border
    highlight: str  # the row of a statement selected on the map, the bar under the pointer
    leader: str  # the leading scenario: its bar, border, badge and figure
    other: str  # the other scenarios' bars
    on_mark: str  # a figure on a badge coloured leader or muted
    prior: str  # the prior's tick on a weight bar (3:1 on the track and on the ghost bar)
    prior_ghost: str  # the prior's bar behind the weight (3:1 on the track)
    falls: str  # a weight that falls: tornado and evidence bars
    rises: str
    falls_ink: str  # text saying a weight falls (key assumptions); a contradicted signpost
    emerging: str  # an emerging signpost
    ach_cc: str  # ACH ratings set by hand (ColorBrewer PuOr): very consistent ...
    ach_c: str
    ach_n: str
    ach_i: str
    ach_ii: str  # ... very inconsistent
    ach_cc_ink: str  # text on a very consistent cell
    ach_derived_ink: str  # text on a rating read off the map (its fill mixed with the card)

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


LIGHT = PaneColours(
    name="light", ink="#1F2328", muted="#5F6670", link="#2A64C2", quote_ink="#1F2328",
    paper="#FCFBF7", window="#EFEFEF", box="#F4F5F7", box_hover="#E8F0FC",
    row_hover="#F1F4F8", row_selected="#DBE8FB", row_marker="#2F6FD6", rule="#E3E6EA",
    pill="#ECEEF1", quote="#FDE9A6", quote_alt="#F9DC8C", quote_focus="#FFC44D",
    quote_flash="#FF8C1A", focus="#0072B2", error="#B3261E",
    card="#FFFFFF", track="#F4F6F8", grid="#D8DDE3", highlight="#FFF3C4", leader="#0072B2",
    other="#2B93CE", on_mark="#FFFFFF", prior="#2E3440", prior_ghost="#878F99",
    falls="#D55E00", rises="#0072B2", falls_ink="#B34700", emerging="#8A5A00",
    ach_cc="#5E3C99", ach_c="#B2ABD2", ach_n="#F1F1F1", ach_i="#FDB863", ach_ii="#E66101",
    ach_cc_ink="#FFFFFF", ach_derived_ink="#363B42",
)  # fmt: skip
DARK = PaneColours(
    name="dark", ink="#E6E9ED", muted="#B3BAC3", link="#7DBBF2", quote_ink="#FFF6DC",
    paper="#1D2127", window="#25292F", box="#2D3239", box_hover="#34414F",
    row_hover="#2A2F36", row_selected="#2A4466", row_marker="#7DBBF2", rule="#3A4048",
    pill="#3A4048", quote="#5E4B12", quote_alt="#4A3C10", quote_focus="#8A6508",
    quote_flash="#A34E00", focus="#F0E442", error="#FF8A80",
    card="#1D2127", track="#2D3239", grid="#3F4650", highlight="#4A3F1A", leader="#7DBBF2",
    other="#4A90C8", on_mark="#1D2127", prior="#F0F2F5", prior_ghost="#7A838E",
    falls="#F07D3C", rises="#7DBBF2", falls_ink="#FF9A5C", emerging="#E69F00",
    ach_cc="#5E3C99", ach_c="#5A5283", ach_n="#454B53", ach_i="#8A5A14", ach_ii="#A34400",
    ach_cc_ink="#E6E9ED", ach_derived_ink="#C9CED5",
)  # fmt: skip
SCHEMES = {"light": LIGHT, "dark": DARK}
# The lines of a chart with one line per scenario (the estimate timeline): Okabe-Ito hues,
# darkened on the light card and lightened on the dark one until each is 3:1 on its card.
SERIES = {
    "light": ("#0072B2", "#D55E00", "#008A64", "#A87000", "#A8517F", "#2F86BD", "#7D7100"),
    "dark": ("#4A9DE0", "#F07D3C", "#00B386", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442"),
}

_current = [LIGHT]


class _Switches(QObject):
    """``switched(scheme)``: for panes that colour more than a stylesheet (text formats)."""

    switched = Signal(str)


switches = _Switches()


def current() -> PaneColours:
    """The colours of the scheme shown now."""
    return _current[0]


def series() -> tuple[str, ...]:
    """The line colours of a multi-line chart in the scheme shown."""
    return SERIES[current().name]


def styled(widget: QWidget, template: str) -> QWidget:
    """Style ``widget`` with ``template`` (``$ink``... filled in), now and at each switch."""
    widget.setProperty(_TEMPLATE, template)
    widget.setStyleSheet(Template(template).substitute(current().as_dict()))
    return widget


class _TableGrid(QProxyStyle):
    """The application's style with a table's gridlines in the scheme's ``grid`` colour.
    (A style sheet could set them, but a widget under a style sheet stops following its
    parent's palette: a table styled so stayed white in the dark theme.)"""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        /,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,  # noqa: N803  Qt's name
    ) -> int:
        if hint == QStyle.StyleHint.SH_Table_GridLineColor:
            rgba = QColor(current().grid).rgba()
            return rgba - (1 << 32) if rgba >= 1 << 31 else rgba  # Qt reads a signed int
        return super().styleHint(hint, option, widget, returnData)


def grid_lines(view: QAbstractItemView) -> None:
    """Draw ``view``'s gridlines in the ``grid`` colour of the scheme shown."""
    app = QApplication.instance()
    base = QStyleFactory.create(app.style().name()) if isinstance(app, QApplication) else None
    style = _TableGrid(base) if base is not None else _TableGrid()
    style.setParent(view)
    view.setStyle(style)


def inked(widget: QWidget, field: str) -> QWidget:
    """Colour ``widget``'s text with the PaneColours ``field`` through its palette, now and
    at each switch. For buttons, combo boxes and frames: a style sheet would freeze the rest
    of their palette, and their children's, in the scheme they were built in."""
    widget.setProperty(_INK, field)
    _ink(widget, current())
    return widget


def _ink(widget: QWidget, colours: PaneColours) -> None:
    palette = QPalette()  # only the roles set here override what the parent passes down
    colour = QColor(getattr(colours, str(widget.property(_INK))))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        palette.setColor(role, colour)
    widget.setPalette(palette)


def use(scheme: str) -> None:
    """Show the panes in ``scheme`` ("light" or "dark"): restyle every styled widget."""
    colours = SCHEMES[scheme]
    if colours is _current[0]:
        return
    _current[0] = colours
    values = colours.as_dict()
    for widget in QApplication.allWidgets():
        template = widget.property(_TEMPLATE)
        if isinstance(template, str):
            widget.setStyleSheet(Template(template).substitute(values))
        if isinstance(widget.property(_INK), str):
            _ink(widget, colours)
        widget.update()
    switches.switched.emit(scheme)
