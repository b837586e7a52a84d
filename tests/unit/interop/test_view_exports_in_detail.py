"""Details of the view exports a user reads in other tools: a card with no text in DOT, old
Mac line ends, every quote of a statement in GraphML, every article's date and how each ACH
row level was set in the ACH CSV."""

from __future__ import annotations

import csv
import io

import networkx as nx

from argmap.interop.ach_csv import dumps_ach_csv
from argmap.interop.dot_writer import dumps_dot, quote
from argmap.interop.graphml_writer import dumps_graphml
from argmap.model import AchRow, ArgMap, Quote, RowLevel, Source, Statement, StatementKind


def test_a_card_without_text_is_labelled_with_its_kind_alone() -> None:
    doc = ArgMap(statements=[Statement(id="a", kind=StatementKind.CLAIM, text="  \n ")])
    assert '  "a" [label="CLAIM\\n", fillcolor="#ffffff"];' in dumps_dot(doc).splitlines()


def test_every_kind_of_line_end_becomes_a_dot_line_break() -> None:
    assert quote("one\r\ntwo\rthree\nfour") == '"one\\ntwo\\nthree\\nfour"'


def test_graphml_lists_every_quote_of_a_statement(sample_map: ArgMap) -> None:
    doc = sample_map
    text = doc.sources[0].text
    doc.quotes.append(Quote.from_range("q-2", "src-1", text, 0, 5))
    doc.statements[3].quotes.append("q-2")
    graph = nx.read_graphml(io.BytesIO(dumps_graphml(doc).encode("utf-8")))
    assert graph.nodes["s-e1"]["quotes"] == "q-1 q-2"


def test_ach_csv_gives_every_articles_date_and_how_each_level_was_set(sample_map: ArgMap) -> None:
    doc = sample_map
    text = doc.sources[0].text
    doc.sources.append(Source.from_text("src-2", text, title="Later", published="2025-12-01"))
    doc.quotes.append(Quote.from_range("q-2", "src-2", text, 0, 10))
    doc.statements[3].quotes.append("q-2")
    doc.ach_rows = [AchRow(evidence="s-e1", credibility=RowLevel.LOW)]
    row = next(csv.DictReader(io.StringIO(dumps_ach_csv(doc), newline="")))
    assert row["date"] == "2025-11-10; 2025-12-01"
    assert (row["credibility"], row["credibility set"]) == ("low", "explicit")
    assert (row["relevance"], row["relevance set"]) == ("medium", "default")
    assert row["weight"] == "0.707107"
