"""Write a map as GraphML (via networkx) for graph tools such as Gephi, yEd or Cytoscape.

Statements and inferences are both nodes (an inference may join several linked premises):
edges run premise -> inference (``role="premise"``) and inference -> conclusion
(``role="conclusion"``); an undercut's conclusion is the inference it attacks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap.interop.well_formed import drawable_inferences
from argmap.model import ArgMap

if TYPE_CHECKING:
    import networkx as nx

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` without the control characters XML forbids (they would break the file)."""
    return _NOT_XML.sub("", text)


def map_graph(doc: ArgMap) -> nx.DiGraph:
    """The map as a directed graph whose nodes carry the statements' and inferences' data."""
    import networkx as nx  # noqa: PLC0415 (heavy: only when writing GraphML)

    graph = nx.DiGraph(title=xml_safe(doc.title))
    for s in doc.statements:
        attrs: dict[str, str | float] = {
            "element": "statement",
            "kind": str(s.kind),
            "text": xml_safe(s.text),
        }
        if s.credibility is not None:
            attrs["credibility"] = s.credibility
        if s.prior is not None:
            attrs["prior"] = s.prior
        if s.notes:
            attrs["notes"] = xml_safe(s.notes)
        if s.tags:
            attrs["tags"] = xml_safe(", ".join(s.tags))
        if s.quotes:
            attrs["quotes"] = xml_safe(" ".join(s.quotes))
        graph.add_node(xml_safe(s.id), **attrs)
    for i in drawable_inferences(doc):
        attrs = {"element": "inference", "kind": str(i.kind), "text": xml_safe(i.scheme or "")}
        if i.scheme:
            attrs["scheme"] = xml_safe(i.scheme)
        if i.strength is not None:
            attrs["strength"] = i.strength
        if i.notes:
            attrs["notes"] = xml_safe(i.notes)
        graph.add_node(xml_safe(i.id), **attrs)
        for premise in i.premises:
            graph.add_edge(xml_safe(premise), xml_safe(i.id), role="premise", kind=str(i.kind))
        graph.add_edge(xml_safe(i.id), xml_safe(i.conclusion), role="conclusion", kind=str(i.kind))
    return graph


def dumps_graphml(doc: ArgMap) -> str:
    """The map as GraphML text."""
    import networkx as nx  # noqa: PLC0415

    return "\n".join(nx.generate_graphml(map_graph(doc), prettyprint=True)) + "\n"
