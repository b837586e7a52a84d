"""The Markdown report quotes every quote of a statement that the map still holds, each
with its citation, in one block quote; a quote line that is a lone mark stays text."""

from __future__ import annotations

from argmap.interop.markdown_report import dumps_markdown, md_line
from argmap.model import ArgMap, Inference, Quote, Source, Statement, StatementKind

ARTICLE = "Alpha beta. Gamma delta."


def test_every_quote_the_map_holds_is_quoted_after_a_missing_one() -> None:
    doc = ArgMap(
        title="T",
        statements=[
            Statement(id="a", kind=StatementKind.CLAIM, text="A"),
            Statement(id="e", kind=StatementKind.EVIDENCE, text="E", quotes=["gone", "q1", "q2"]),
        ],
        sources=[Source.from_text("src", ARTICLE, title="Src")],
        quotes=[
            Quote.from_range("q1", "src", ARTICLE, 0, 11),
            Quote.from_range("q2", "src", ARTICLE, 12, 24),
        ],
        inferences=[Inference(id="i", premises=["e"], conclusion="a")],
    )
    pad = " " * 12
    assert f"""
{pad}> Alpha beta.
{pad}>
{pad}> — *Src*
{pad}>
{pad}> Gamma delta.
{pad}>
{pad}> — *Src*
""" in dumps_markdown(doc)


def test_a_line_of_one_equals_sign_or_dash_stays_text() -> None:
    assert (md_line("="), md_line("-")) == ("&#61;", "\\-")
