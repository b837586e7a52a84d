"""AIF material a map has no boxes for (locutions, dialogue moves, rephrases), kept for export.

An AIF import turns I-nodes into statements and RA/CA nodes into inferences; everything
else (L, YA, TA, MA, PA nodes, locutions, OVA layout, ids) lives here so that writing the
map back to AIF gives the original file back. An Argdown import keeps its own such
material in ``argdown`` (see :mod:`argmap.model.argdown_kept`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, JsonValue

from argmap.model.argdown_kept import ArgdownKept
from argmap.model.base import Record


class AifNode(Record):
    """An AIF node kept as found: a dialogue node (L, YA, TA), a rephrase (MA), a
    preference (PA), or any scheme node the map cannot draw as an inference."""

    id: str = Field(min_length=1)  # the AIF nodeID
    type: str
    text: str = ""
    fields: dict[str, JsonValue] = Field(default_factory=dict)  # other AIF keys, verbatim
    ova: dict[str, JsonValue] | None = None  # its OVA layout record (x, y, visible...)


class AifEdge(Record):
    """An AIF edge that no inference of the map stands for (e.g. L -> TA, YA -> RA)."""

    id: str = Field(min_length=1)  # edgeID
    source: str  # fromID
    target: str  # toID
    fields: dict[str, JsonValue] = Field(default_factory=dict)  # formEdgeID etc., verbatim


class AifLink(Record):
    """How one statement (I-node) or inference (RA/CA node) was written in AIF."""

    node: str = Field(min_length=1)  # the AIF nodeID
    # The scheme name argmap read; while the inference keeps it, export writes the
    # node's own text/scheme fields back unchanged.
    scheme: str | None = None
    fields: dict[str, JsonValue] = Field(default_factory=dict)  # AIF keys but nodeID, verbatim
    ova: dict[str, JsonValue] | None = None  # OVA layout record (statements: x/y in view)
    edges: list[AifEdge] = Field(default_factory=list)  # the AIF edges an inference stood for


class Dialogue(Record):
    """Everything of an AIF file beyond statements and inferences, and the AIF ids of those."""

    form: Literal["aifdb", "ova"] = "aifdb"  # plain AIF JSON, or OVA's {"AIF", "OVA", "text"}
    nodes: list[AifNode] = Field(default_factory=list)
    edges: list[AifEdge] = Field(default_factory=list)
    locutions: list[dict[str, JsonValue]] = Field(default_factory=list)
    links: dict[str, AifLink] = Field(default_factory=dict)  # statement/inference id -> AIF
    scheme_ids: dict[str, str] = Field(default_factory=dict)  # nodeID -> schemefulfillment
    extra: dict[str, JsonValue] = Field(default_factory=dict)  # other top-level AIF keys
    ova_extra: dict[str, JsonValue] = Field(default_factory=dict)  # OVA keys besides nodes
    text: JsonValue = None  # OVA's analysed text, verbatim
    int_node_ids: bool = False  # the file wrote nodeID/fromID/toID as numbers
    int_edge_ids: bool = False  # the file wrote edgeID as numbers
    argdown: ArgdownKept | None = None  # what an Argdown import kept for Argdown export

    def node(self, node_id: str) -> AifNode:
        """The kept AIF node with this nodeID (KeyError if absent)."""
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def said(self, record_id: str) -> list[tuple[str, str]]:
        """Who said statement ``record_id`` in the dialogue, and how: (illocution, e.g.
        "Asserting"; locution, e.g. "Zelensky : We will not cede territory"), read from
        the AIF chain L-node -> YA-node -> the statement's I-node."""
        link = self.links.get(record_id)
        if link is None:
            return []
        by_id = {n.id: n for n in self.nodes}
        sources: dict[str, list[str]] = {}
        for e in self.edges:
            sources.setdefault(e.target, []).append(e.source)
        out = []
        for ya in sources.get(link.node, ()):
            move = by_id.get(ya)
            if move is None or move.type != "YA":
                continue
            for loc in sources.get(ya, ()):
                locution = by_id.get(loc)
                if locution is not None and locution.type == "L":
                    out.append((move.text, locution.text))
        return out
