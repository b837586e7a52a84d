"""A right-to-left override in map text does not turn the app's own words around.

An unclosed U+202E in an author's name once reversed the rest of the line it was shown in;
map text set among the app's words is now a bidi isolate. Each test lays out the line the
widget shows, as Qt draws it, and checks that the app's words read left to right.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bidi_order import reads_in_order
from gui.main_window_fixtures import close_window, make_window, use_home
from pytestqt.qtbot import QtBot

from argmap.export.svg_writer import map_svg
from argmap.model import ArgMap, Inference, Quote, Source, Statement, StatementKind
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import SourcePane

RLO = "\u202e"
ARTICLE = "Officials in Kyiv said talks could start in May. Moscow insists on more."


def _map() -> ArgMap:
    source = Source.from_text(
        "src-1",
        ARTICLE,
        title=f"{RLO}Talks article",
        author=f"{RLO}Ann Smith",
        publisher="Reuters",
        published="2025-03-02",
    )
    quote = Quote.from_range("q-1", "src-1", ARTICLE, 0, 48)
    return ArgMap(
        title=f"{RLO}Ceasefire calculus",
        sources=[source],
        quotes=[quote],
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text=f"{RLO}Talks start in May"),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text=ARTICLE[:48], quotes=["q-1"]),
        ],
        inferences=[Inference(id="i-1", premises=["s-2"], conclusion="s-1")],
    )


def test_the_article_line_keeps_its_parts_in_order(qtbot: QtBot) -> None:
    pane = SourcePane(DocumentController(_map()))
    qtbot.addWidget(pane)
    pane.show()
    pane.show_source("src-1")
    line = pane.meta.text()
    assert RLO in line
    assert reads_in_order(line, "Reuters", pane.meta.font())
    assert reads_in_order(line, "2025-03-02", pane.meta.font())


def test_the_window_title_ends_in_the_apps_name(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    try:
        win.open_document(_map(), "opened")
        title = win.windowTitle()
        assert RLO in title
        assert reads_in_order(title, " — argmap")
    finally:
        close_window(win)


def test_an_svg_quote_tooltip_keeps_the_article_after_the_quote() -> None:
    svg = map_svg(_map())
    start = svg.index("<title>\u201c")
    tip = svg[start + len("<title>") : svg.index("</title>", start)]
    assert f"{RLO}Talks article" in tip
    assert reads_in_order(tip, "2025-03-02")
