"""Read AIF JSON (AIFdb node sets, OVA saves) into a map, keeping what the map cannot draw.

I-nodes become statements; an RA node becomes one support inference whose premises are
its incoming I-nodes (several premises into one RA are linked, separate RAs convergent);
a CA node becomes an attack, or an undercut when it points at an RA/CA node. Dialogue
nodes (L, YA, TA), rephrases (MA), preferences (PA), locutions and ids go into
``ArgMap.dialogue`` so that :mod:`argmap.interop.aif_writer` gives the file back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.interop import aif_extension
from argmap.interop.aif_model import (
    MAX_EDGES,
    MAX_NODES,
    JsonDict,
    coordinate,
    node_id,
    object_list,
    parse_json,
    text_field,
)
from argmap.interop.errors import AifError
from argmap.model import (
    AifEdge,
    AifLink,
    AifNode,
    ArgMap,
    Dialogue,
    Inference,
    InferenceKind,
    Statement,
    StatementKind,
)
from argmap.model.validation import validate

# The node types of AIF (with its dialogue extension): information, locution, inference,
# conflict, rephrase, preference, transition, illocution.
AIF_TYPES = ("I", "L", "RA", "CA", "MA", "PA", "TA", "YA")
_INFERENCE_PATH = re.compile(r"inferences\[(\d+)\]")


@dataclass
class Imported:
    """A map read from another format, with notes on what was odd about the file."""

    doc: ArgMap
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Node:
    id: str
    type: str
    text: str
    raw: JsonDict
    where: str


@dataclass
class _Edge:
    id: str
    source: str
    target: str
    fields: JsonDict
    where: str = ""


def read_aif(path: Path) -> Imported:
    """Read an AIF JSON file; AifError names the file and what is wrong."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AifError(str(path), "$", f"cannot read: {exc.strerror or exc}") from None
    return loads_aif(data, str(path), title=_title_from(path))


def is_aif(value: object) -> bool:
    """Whether a parsed JSON value looks like AIF (plain or in an OVA save)."""
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("AIF"), dict):
        return True
    return isinstance(value.get("nodes"), list) and "format" not in value


def loads_aif(data: bytes | str, file: str = "<aif>", title: str = "") -> Imported:
    """Parse AIF JSON text; ``file`` names it in errors."""
    top = parse_json(data, file)
    if not isinstance(top, dict):
        raise AifError(file, "$", "expected an object with 'nodes' and 'edges'")
    dialogue = Dialogue()
    ova: JsonDict | None = None
    where = "$"
    aif: JsonDict = top
    if "AIF" in top:
        if not isinstance(top["AIF"], dict):
            raise AifError(file, "$.AIF", "must be an object with 'nodes' and 'edges'")
        aif, where = top["AIF"], "$.AIF"
        dialogue.form = "ova"
        dialogue.text = top.get("text")
        if top.get("OVA") is not None:
            if not isinstance(top["OVA"], dict):
                raise AifError(file, "$.OVA", "must be an object")
            ova = top["OVA"]
    if "nodes" not in aif:
        raise AifError(file, where, "no 'nodes' list: this is not an AIF file")
    reader = _Reader(file, dialogue)
    nodes = reader.nodes(aif, where)
    edges = reader.edges(aif, where, nodes)
    reader.fulfillments(aif, where, nodes)
    dialogue.locutions = object_list(aif, "locutions", file, where, MAX_NODES)
    known = {"nodes", "edges", "locutions", "schemefulfillments"}
    dialogue.extra = {k: v for k, v in aif.items() if k not in known}
    doc = reader.build(nodes, edges, title)
    reader.keep_invalid_raw(doc)
    if ova is not None:
        reader.layout(doc, ova, nodes)
    doc.dialogue = dialogue
    own = dialogue.extra.pop(aif_extension.KEY, None)
    if own is not None:  # written by argmap: what AIF has no place for
        doc = aif_extension.apply(doc, own, reader.map_ids, reader.warnings.append)
        doc = aif_extension.without_own_dialogue(doc, own)
    return Imported(doc, reader.warnings)


class _Reader:
    """One file's import: collects nodes, classifies scheme nodes, builds the map."""

    def __init__(self, file: str, dialogue: Dialogue) -> None:
        self.file = file
        self.dialogue = dialogue
        self.warnings: list[str] = []
        self.map_ids: dict[str, str] = {}  # AIF nodeID -> statement/inference id

    def nodes(self, aif: JsonDict, where: str) -> dict[str, _Node]:
        found: dict[str, _Node] = {}
        for index, raw in enumerate(object_list(aif, "nodes", self.file, where, MAX_NODES)):
            at = f"{where}.nodes[{index}]"
            if "nodeID" not in raw:
                raise AifError(self.file, at, "node has no 'nodeID'")
            nid = node_id(raw["nodeID"], self.file, f"{at}.nodeID")
            kind = raw.get("type")
            if not isinstance(kind, str) or not kind:
                raise AifError(self.file, f"{at}.type", "node has no type (I, RA, CA, L, ...)")
            text = text_field(raw.get("text"), self.file, f"{at}.text")
            if nid in found:
                if found[nid].raw == raw:
                    self.warnings.append(f"{at}: node {nid} is listed twice; kept once")
                    continue
                raise AifError(
                    self.file, f"{at}.nodeID", f"duplicate nodeID {nid!r} (also {found[nid].where})"
                )
            found[nid] = _Node(nid, kind, text, raw, at)
            if kind not in AIF_TYPES:
                self.warnings.append(
                    f"{at}: node {nid!r} has type {kind!r}, no AIF node type "
                    f"({', '.join(AIF_TYPES)}); kept, but not drawn"
                )
        self.dialogue.int_node_ids = bool(found) and all(
            isinstance(n.raw["nodeID"], int) for n in found.values()
        )
        return found

    def edges(self, aif: JsonDict, where: str, nodes: dict[str, _Node]) -> list[_Edge]:
        found: list[_Edge] = []
        taken: set[str] = set()
        missing: list[tuple[int, JsonDict]] = []
        for index, raw in enumerate(object_list(aif, "edges", self.file, where, MAX_EDGES)):
            at = f"{where}.edges[{index}]"
            for key in ("fromID", "toID"):
                if key not in raw:
                    raise AifError(self.file, at, f"edge has no {key!r}")
            source = node_id(raw["fromID"], self.file, f"{at}.fromID")
            target = node_id(raw["toID"], self.file, f"{at}.toID")
            if source not in nodes or target not in nodes:
                gone = source if source not in nodes else target
                self.warnings.append(f"{at}: edge points at unknown node {gone!r}; left out")
                continue
            fields = {k: v for k, v in raw.items() if k not in {"edgeID", "fromID", "toID"}}
            if "edgeID" not in raw or raw["edgeID"] is None:
                missing.append((len(found), fields))
                found.append(_Edge("", source, target, fields, at))
                continue
            eid = node_id(raw["edgeID"], self.file, f"{at}.edgeID")
            taken.add(eid)
            found.append(_Edge(eid, source, target, fields, at))
        self.dialogue.int_edge_ids = bool(taken) and all(
            isinstance(raw.get("edgeID"), int | None)
            for raw in object_list(aif, "edges", self.file, where, MAX_EDGES)
        )
        counter = 0
        for position, _fields in missing:  # edges without an id get fresh ones
            counter += 1
            while f"e{counter}" in taken:
                counter += 1
            found[position].id = f"e{counter}"
        for e in found:  # no inference stands for such an edge: it is kept raw
            if nodes[e.source].type == "I" and nodes[e.target].type == "I":
                self.warnings.append(
                    f"{e.where}: edge {e.id!r} links I-node {e.source!r} straight to I-node "
                    f"{e.target!r} (no RA or CA node between them); kept, but not drawn"
                )
        return found

    def fulfillments(self, aif: JsonDict, where: str, nodes: dict[str, _Node]) -> None:
        entries = object_list(aif, "schemefulfillments", self.file, where, MAX_NODES)
        for index, raw in enumerate(entries):
            at = f"{where}.schemefulfillments[{index}]"
            nid = node_id(raw.get("nodeID"), self.file, f"{at}.nodeID")
            sid = node_id(raw.get("schemeID"), self.file, f"{at}.schemeID")
            if nid not in nodes:
                self.warnings.append(f"{at}: scheme for unknown node {nid!r}; left out")
                continue
            self.dialogue.scheme_ids[nid] = sid

    def build(self, nodes: dict[str, _Node], edges: list[_Edge], title: str) -> ArgMap:
        """Statements from I-nodes, inferences from the RA/CA nodes the model can hold."""
        inbound: dict[str, list[_Edge]] = {nid: [] for nid in nodes}
        outbound: dict[str, list[_Edge]] = {nid: [] for nid in nodes}
        for edge in edges:
            outbound[edge.source].append(edge)
            inbound[edge.target].append(edge)
        drawable = self._drawable(nodes, inbound, outbound)
        used: set[int] = set()  # id() of edges an inference stands for
        premise_of: dict[str, set[str]] = {}
        concluded: set[str] = set()
        inferences: list[Inference] = []
        links = self.dialogue.links
        for nid, node in nodes.items():
            if nid not in drawable:
                continue
            premise_edges = _premise_edges(nid, nodes, inbound)
            (target_edge,) = _conclusion_edges(nid, nodes, outbound)
            used.update(id(e) for e in (*premise_edges, target_edge))
            target = target_edge.target
            if nodes[target].type == "I":
                kind = InferenceKind.SUPPORT if node.type == "RA" else InferenceKind.ATTACK
                concluded.add(target)
            else:
                kind = InferenceKind.UNDERCUT
            for e in premise_edges:
                premise_of.setdefault(e.source, set()).add(node.type)
            scheme = _scheme(node)
            inference = Inference(
                id=f"i-{nid}",
                premises=[f"s-{e.source}" for e in premise_edges],
                conclusion=f"i-{target}" if kind is InferenceKind.UNDERCUT else f"s-{target}",
                kind=kind,
                scheme=scheme,
            )
            inferences.append(inference)
            links[inference.id] = AifLink(
                node=nid,
                scheme=scheme,
                fields=_without(node.raw, "nodeID"),
                edges=[_aif_edge(e) for e in (*premise_edges, target_edge)],
            )
        statements: list[Statement] = []
        for nid, node in nodes.items():
            if node.type != "I":
                if nid not in drawable:
                    self.dialogue.nodes.append(_kept(node))
                continue
            uses = premise_of.get(nid)
            role = StatementKind.CLAIM
            if uses and nid not in concluded:
                role = StatementKind.OBJECTION if uses == {"CA"} else StatementKind.PREMISE
            statement = Statement(id=f"s-{nid}", kind=role, text=node.text)
            statements.append(statement)
            links[statement.id] = AifLink(node=nid, fields=_without(node.raw, "nodeID", "text"))
        self.dialogue.edges = [_aif_edge(e) for e in edges if id(e) not in used]
        for link_id, link in links.items():
            self.map_ids[link.node] = link_id
        return ArgMap(title=title, statements=statements, inferences=inferences)

    def keep_invalid_raw(self, doc: ArgMap) -> None:
        """Inferences a map may not hold (support loops, self-support) stay AIF nodes."""
        while True:
            bad: dict[int, str] = {}
            for problem in validate(doc):
                found = _INFERENCE_PATH.match(problem.path)
                if problem.severity == "error" and found:
                    bad.setdefault(int(found.group(1)), problem.message)
            if not bad:
                return
            for index in sorted(bad, reverse=True):
                inference = doc.inferences.pop(index)
                link = self.dialogue.links.pop(inference.id)
                fields = dict(link.fields)
                kind, text = str(fields.pop("type", "RA")), fields.pop("text", "")
                self.dialogue.nodes.append(
                    AifNode(id=link.node, type=kind, text=str(text or ""), fields=fields)
                )
                self.dialogue.edges.extend(link.edges)
                self.warnings.append(f"{kind} node {link.node!r}: {bad[index]}; kept, not drawn")
                del self.map_ids[link.node]

    def _drawable(
        self,
        nodes: dict[str, _Node],
        inbound: dict[str, list[_Edge]],
        outbound: dict[str, list[_Edge]],
    ) -> set[str]:
        """RA/CA nodes with I-node premises and one target the model can point at."""
        candidates: dict[str, str] = {}  # nodeID -> target nodeID
        for nid, node in nodes.items():
            if node.type not in {"RA", "CA"}:
                continue
            premises = _premise_edges(nid, nodes, inbound)
            targets = _conclusion_edges(nid, nodes, outbound)
            problem = ""
            if not premises:
                problem = "has no premise"
            elif len(targets) != 1:
                problem = f"has {len(targets)} conclusions"
            elif nodes[targets[0].target].type != "I" and (
                node.type != "CA" or nodes[targets[0].target].type not in {"RA", "CA"}
            ):
                problem = f"points at a {nodes[targets[0].target].type} node"
            if problem:
                self.warnings.append(
                    f"{node.where}: {node.type} node {nid!r} {problem}; kept, but not drawn"
                )
                continue
            candidates[nid] = targets[0].target
        # An undercut needs its target drawn too: drop candidates (and what points at
        # them, transitively) until that holds.
        dependents: dict[str, list[str]] = {}
        for nid, target in candidates.items():
            dependents.setdefault(target, []).append(nid)
        stack = [n for n, t in candidates.items() if nodes[t].type != "I" and t not in candidates]
        while stack:
            nid = stack.pop()
            if nid not in candidates:
                continue
            del candidates[nid]
            self.warnings.append(
                f"{nodes[nid].where}: CA node {nid!r} attacks a node that is not drawn; "
                "kept, but not drawn"
            )
            stack.extend(d for d in dependents.get(nid, []) if d in candidates)
        return set(candidates)

    def layout(self, doc: ArgMap, ova: JsonDict, nodes: dict[str, _Node]) -> None:
        """OVA's node positions: statements' go to the view, the rest stay with the node."""
        kept = {n.id: n for n in self.dialogue.nodes}
        for index, raw in enumerate(object_list(ova, "nodes", self.file, "$.OVA", MAX_NODES)):
            at = f"$.OVA.nodes[{index}]"
            nid = node_id(raw.get("nodeID"), self.file, f"{at}.nodeID")
            if nid not in nodes:
                self.warnings.append(f"{at}: layout for unknown node {nid!r}; left out")
                continue
            record = _without(raw, "nodeID")
            map_id = self.map_ids.get(nid)
            if map_id is not None and map_id.startswith("s-") and "x" in raw and "y" in raw:
                x = coordinate(raw["x"], self.file, f"{at}.x")
                y = coordinate(raw["y"], self.file, f"{at}.y")
                doc.view.pinned[map_id] = (x, y)
                record = _without(record, "x", "y")
            if map_id is not None:
                self.dialogue.links[map_id].ova = record
            else:
                kept[nid].ova = record
        self.dialogue.ova_extra = _without(ova, "nodes")


def _premise_edges(
    nid: str, nodes: dict[str, _Node], inbound: dict[str, list[_Edge]]
) -> list[_Edge]:
    """Edges into ``nid`` from I-nodes, each premise once (a repeated edge stays raw)."""
    seen: set[str] = set()
    result = []
    for edge in inbound[nid]:
        if nodes[edge.source].type == "I" and edge.source not in seen:
            seen.add(edge.source)
            result.append(edge)
    return result


def _conclusion_edges(
    nid: str, nodes: dict[str, _Node], outbound: dict[str, list[_Edge]]
) -> list[_Edge]:
    """Edges out of ``nid`` to what it may conclude: an I-node, or an RA/CA it undercuts.

    (Edges into PA nodes state preferences, and MA nodes rephrase; neither concludes.)
    """
    return [e for e in outbound[nid] if nodes[e.target].type in {"I", "RA", "CA"}]


def _scheme(node: _Node) -> str | None:
    """The node's scheme name; "Default Inference" and the like are placeholders, none."""
    explicit = node.raw.get("scheme")
    if isinstance(explicit, str) and explicit.strip():
        return None if aif_extension.is_placeholder(explicit) else explicit
    text = node.text.strip()
    return None if aif_extension.is_placeholder(text) else text


def _kept(node: _Node) -> AifNode:
    return AifNode(
        id=node.id,
        type=node.type,
        text=node.text,
        fields=_without(node.raw, "nodeID", "type", "text"),
    )


def _aif_edge(edge: _Edge) -> AifEdge:
    return AifEdge(id=edge.id, source=edge.source, target=edge.target, fields=edge.fields)


def _without(raw: JsonDict, *keys: str) -> dict[str, Any]:
    return {k: v for k, v in raw.items() if k not in keys}


def _title_from(path: Path) -> str:
    name = path.name
    for suffix in (".aif.json", ".ova.json", ".json"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem
