"""Write a map as AIF JSON (AIFdb node set, or an OVA save), giving imported files back.

Statements become I-nodes, support inferences RA nodes, attacks and undercuts CA nodes;
what an AIF import kept in ``ArgMap.dialogue`` (dialogue nodes, locutions, ids, OVA
layout) is written back. Records the map added since get fresh numeric ids. What AIF has
no place for (kinds, judgements, sources, quotes, ratings...) goes under the ``argmap``
key (see :mod:`argmap.interop.aif_extension`). OVA positions come from argmap's layout,
unless the node was pinned or brought its own from OVA.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Literal

from argmap.interop import aif_extension
from argmap.interop.aif_model import DEFAULT_TEXT, JsonDict
from argmap.interop.well_formed import drawable_inferences
from argmap.layout.tidy_tree import layout_map
from argmap.model import AifEdge, AifLink, ArgMap, Dialogue, Inference, InferenceKind, ViewState

Form = Literal["aifdb", "ova"]
GRID = (260.0, 160.0)  # OVA spacing for kept dialogue nodes that have no position


def dumps_aif(doc: ArgMap, form: Form | None = None, now: datetime | None = None) -> str:
    """The map as AIF JSON text; ``form`` defaults to the form it was imported from."""
    return json.dumps(aif_dict(doc, form, now), ensure_ascii=False, indent=1) + "\n"


def dumps_ova(doc: ArgMap) -> str:
    """The map as an OVA save (``{"AIF": ..., "OVA": ..., "text": ...}``)."""
    return dumps_aif(doc, "ova")


def aif_dict(doc: ArgMap, form: Form | None = None, now: datetime | None = None) -> JsonDict:
    """The map as AIF JSON data."""
    return _Writer(doc, now or datetime.now()).build(form)


class _Writer:
    def __init__(self, doc: ArgMap, now: datetime) -> None:
        self.doc = doc
        self.dialogue = doc.dialogue or Dialogue()
        self.stamp = now.strftime("%Y-%m-%d %H:%M:%S")
        self.aif_id: dict[str, str] = {}  # statement/inference id -> AIF nodeID
        self.taken: set[str] = {n.id for n in self.dialogue.nodes}
        self.edge_ids: set[str] = {e.id for e in self.dialogue.edges}
        for link in self.dialogue.links.values():
            self.edge_ids.update(e.id for e in link.edges)
        self.counter = _max_number(self.taken | self.edge_ids | self._link_nodes())

    def _link_nodes(self) -> set[str]:
        return {link.node for link in self.dialogue.links.values()}

    def _fresh(self) -> str:
        while True:
            self.counter += 1
            candidate = str(self.counter)
            if candidate not in self.taken and candidate not in self.edge_ids:
                return candidate

    def _assign_ids(self) -> None:
        links = self.dialogue.links
        for record_id in [s.id for s in self.doc.statements] + [i.id for i in self.doc.inferences]:
            link = links.get(record_id)
            if link is not None and link.node not in self.taken:
                node = link.node
            else:
                node = self._fresh()
            self.taken.add(node)
            self.aif_id[record_id] = node

    def build(self, form: Form | None) -> JsonDict:
        form = form or self.dialogue.form
        self._assign_ids()
        nodes: list[JsonDict] = []
        edges: list[JsonDict] = []
        links = self.dialogue.links
        for statement in self.doc.statements:
            link = links.get(statement.id)
            fields = dict(link.fields) if link else {"timestamp": self.stamp}
            fields.pop("type", None)
            node = {"nodeID": self.aif_id[statement.id], "text": statement.text, "type": "I"}
            nodes.append(node | fields)
        drawn = drawable_inferences(self.doc)
        for inference in drawn:
            nodes.append(self._scheme_node(inference, links.get(inference.id)))
            edges.extend(self._inference_edges(inference, links.get(inference.id), form))
        present = {node["nodeID"] for node in nodes}
        for kept in self.dialogue.nodes:
            nodes.append({"nodeID": kept.id, "text": kept.text, "type": kept.type} | kept.fields)
            present.add(kept.id)
        for edge in self.dialogue.edges:
            if edge.source in present and edge.target in present:
                edges.append(_edge(edge.id, edge.source, edge.target, edge.fields))
        aif: JsonDict = {"nodes": nodes, "edges": edges}
        fulfilled = [
            {"nodeID": nid, "schemeID": sid}
            for nid, sid in self.dialogue.scheme_ids.items()
            if nid in present
        ]
        if fulfilled or form == "ova":
            aif["schemefulfillments"] = fulfilled
        aif["locutions"] = [
            loc for loc in self.dialogue.locutions if str(loc.get("nodeID")) in present
        ]
        aif.update(self.dialogue.extra)
        aif[aif_extension.KEY] = aif_extension.entry(self.doc, self.aif_id, {i.id for i in drawn})
        self._number_ids(nodes, edges)
        if form == "aifdb":
            return aif
        aif.setdefault("participants", [])
        return {"AIF": aif, "OVA": self._ova(nodes, edges), "text": self.dialogue.text or ""}

    def _number_ids(self, nodes: list[JsonDict], edges: list[JsonDict]) -> None:
        """Give ids back as numbers where the imported file wrote them so."""
        if self.dialogue.int_node_ids:
            for node in nodes:
                node["nodeID"] = _as_number(node["nodeID"])
            for edge in edges:
                edge["fromID"] = _as_number(edge["fromID"])
                edge["toID"] = _as_number(edge["toID"])
        if self.dialogue.int_edge_ids:
            for edge in edges:
                edge["edgeID"] = _as_number(edge["edgeID"])

    def _scheme_node(self, inference: Inference, link: AifLink | None) -> JsonDict:
        kind = "RA" if inference.kind is InferenceKind.SUPPORT else "CA"
        node: JsonDict = {"nodeID": self.aif_id[inference.id]}
        fields = dict(link.fields) if link else {"timestamp": self.stamp}
        if link is not None and link.scheme == inference.scheme and fields.get("type") == kind:
            return node | {"text": fields.pop("text", DEFAULT_TEXT[kind]), "type": kind} | fields
        for key in ("text", "type", "scheme", "schemeID"):
            fields.pop(key, None)
        node |= {"text": inference.scheme or DEFAULT_TEXT[kind], "type": kind}
        if inference.scheme:
            node["scheme"] = inference.scheme
        return node | fields

    def _inference_edges(
        self, inference: Inference, link: AifLink | None, form: Form
    ) -> list[JsonDict]:
        node = self.aif_id[inference.id]
        old = {(e.source, e.target): e for e in link.edges} if link else {}
        old_out = [e for e in (link.edges if link else []) if e.source == link_node(link)]
        result = []
        for premise in inference.premises:
            source = self.aif_id[premise]
            result.append(self._edge_for(old.get((source, node)), source, node, form))
        target = self.aif_id[inference.conclusion]
        previous = old.get((node, target)) or (old_out[0] if old_out else None)
        result.append(self._edge_for(previous, node, target, form))
        return result

    def _edge_for(self, old: AifEdge | None, source: str, target: str, form: Form) -> JsonDict:
        if old is not None:
            return _edge(old.id, source, target, old.fields)
        fresh = self._fresh()
        self.edge_ids.add(fresh)
        return _edge(fresh, source, target, {"formEdgeID": None} if form == "aifdb" else {})

    def _positions(self) -> dict[str, tuple[float, float]]:
        """Where argmap's layout puts each statement (card corner) and inference (the
        middle of its arrow), with every card unfolded."""
        view = self.doc.view
        whole = self.doc.model_copy(
            update={"view": ViewState(direction=view.direction, pinned=dict(view.pinned))}
        )
        layout = layout_map(whole)
        found = {sid: (card.box.x, card.box.y) for sid, card in layout.cards.items()}
        found.update({iid: edge.marker for iid, edge in layout.edges.items()})
        return found

    def _ova(self, nodes: list[JsonDict], edges: list[JsonDict]) -> JsonDict:
        """OVA's layout part: positions from the view (statements) or as imported."""
        by_node: dict[str, tuple[str | None, dict[str, Any] | None]] = {}
        for record_id, node in self.aif_id.items():
            link = self.dialogue.links.get(record_id)
            by_node[node] = (record_id, dict(link.ova) if link and link.ova is not None else None)
        for kept in self.dialogue.nodes:
            by_node[kept.id] = (None, dict(kept.ova) if kept.ova is not None else None)
        laid_out = self._positions()
        spare = _spare_column(laid_out)
        ova_nodes = []
        for aif_node in nodes:
            nid = aif_node["nodeID"]
            owner, record = by_node.get(str(nid), (None, None))
            entry: JsonDict = {"nodeID": nid}
            entry |= record if record is not None else {"visible": True, "timestamp": self.stamp}
            pinned = self.doc.view.pinned.get(owner or "")
            if pinned is not None:
                entry["x"], entry["y"] = pinned
            elif owner in laid_out and ("x" not in entry or "y" not in entry):
                entry["x"], entry["y"] = laid_out[owner]
            elif "x" not in entry or "y" not in entry:
                entry["x"], entry["y"] = next(spare)
            ova_nodes.append(entry)
        old_edges = self.dialogue.ova_extra.get("edges")
        lookup: dict[tuple[str, str], JsonDict] = {}
        if isinstance(old_edges, list):
            for old in old_edges:
                if isinstance(old, dict):
                    lookup[(str(old.get("fromID")), str(old.get("toID")))] = old
        ova_edges = [
            lookup.get((str(e["fromID"]), str(e["toID"])))
            or {"fromID": e["fromID"], "toID": e["toID"], "visible": True}
            for e in edges
        ]
        extra = {k: v for k, v in self.dialogue.ova_extra.items() if k != "edges"}
        return (
            {"firstname": "", "surname": "", "url": ""}
            | extra
            | {
                "nodes": ova_nodes,
                "edges": ova_edges,
            }
        )


def _spare_column(laid_out: dict[str, tuple[float, float]]) -> Iterator[tuple[float, float]]:
    """Places right of the laid-out map, one below the other, for nodes with none."""
    right = max((x for x, _y in laid_out.values()), default=0.0) + 2 * GRID[0]
    row = 0
    while True:
        yield right, row * GRID[1]
        row += 1


def link_node(link: AifLink | None) -> str | None:
    """The AIF nodeID a link points at (None without a link)."""
    return link.node if link else None


def _edge(edge_id: str, source: str, target: str, fields: dict[str, Any]) -> JsonDict:
    return {"edgeID": edge_id, "fromID": source, "toID": target} | fields


def _as_number(value: str) -> str | int:
    try:
        number = int(value)
    except ValueError:
        return value
    return number if str(number) == value else value  # "-1" too; not "007", "1_0", " 1"


def _max_number(ids: set[str]) -> int:
    numbers = [int(i) for i in ids if i.isdigit() and len(i) < 18]
    return max(numbers, default=0)
