"""The panes' colours in the light and the dark scheme, and stylesheets that follow them.

Every colour a pane paints or styles itself comes from here, so switching View ▸ Theme
repaints the sources, the reader and the inspector in the scheme shown (a test checks
each pair of text and background against WCAG AA, 4.5:1). ``styled(widget, template)``
sets a stylesheet with ``$ink``, ``$muted``... filled in (``string.Template``: no braces to
double in CSS) and fills it in again when the scheme changes; painting code reads
``current()`` when it paints.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from string import Template

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

_TEMPLATE = "argmapStyleTemplate"  # the widget property holding its stylesheet template


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

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


LIGHT = PaneColours(
    name="light", ink="#1F2328", muted="#5F6670", link="#2A64C2", quote_ink="#1F2328",
    paper="#FCFBF7", window="#EFEFEF", box="#F4F5F7", box_hover="#E8F0FC",
    row_hover="#F1F4F8", row_selected="#DBE8FB", row_marker="#2F6FD6", rule="#E3E6EA",
    pill="#ECEEF1", quote="#FDE9A6", quote_alt="#F9DC8C", quote_focus="#FFC44D",
    quote_flash="#FF8C1A", focus="#0072B2",
)  # fmt: skip
DARK = PaneColours(
    name="dark", ink="#E6E9ED", muted="#B3BAC3", link="#7DBBF2", quote_ink="#FFF6DC",
    paper="#1D2127", window="#25292F", box="#2D3239", box_hover="#34414F",
    row_hover="#2A2F36", row_selected="#2A4466", row_marker="#7DBBF2", rule="#3A4048",
    pill="#3A4048", quote="#5E4B12", quote_alt="#4A3C10", quote_focus="#8A6508",
    quote_flash="#A34E00", focus="#F0E442",
)  # fmt: skip
SCHEMES = {"light": LIGHT, "dark": DARK}

_current = [LIGHT]


class _Switches(QObject):
    """``switched(scheme)``: for panes that colour more than a stylesheet (text formats)."""

    switched = Signal(str)


switches = _Switches()


def current() -> PaneColours:
    """The colours of the scheme shown now."""
    return _current[0]


def styled(widget: QWidget, template: str) -> QWidget:
    """Style ``widget`` with ``template`` (``$ink``... filled in), now and at each switch."""
    widget.setProperty(_TEMPLATE, template)
    widget.setStyleSheet(Template(template).substitute(current().as_dict()))
    return widget


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
        widget.update()
    switches.switched.emit(scheme)
