"""argmap's entry in an AIF file: what AIF has no place for, so argmap -> AIF -> argmap
gives the same map back.

AIF holds statements (I-nodes), inferences (RA/CA nodes and their edges) and scheme
names. Everything else a map holds is written under one extra key of the AIF object,
``"argmap"``, which other AIF tools ignore (AIF readers skip keys they do not know)::

    "argmap": {
      "version": 1,
      "title": "Kremlin ceasefire calculus",
      "question": "<nodeID of the focal question>",
      "nodes": {
        "<I-node nodeID>": {"id": "s-q", "kind": "question", "credibility": 0.3,
                            "prior": null, "notes": "", "tags": [], "quotes": ["q-1"]},
        "<RA/CA nodeID>": {"id": "i-1", "strength": 0.7, "notes": "", "scheme": null}
      },
      "sources": [<argmap source records>], "quotes": [<argmap quote records>],
      "ratings": [{"evidence": "<nodeID>", "scenario": "<nodeID>", "rating": "CC",
                   "relevance": null}],
      "ach_rows": [{"evidence": "<nodeID>", "credibility": "high", "relevance": null}],
      "properties": {"description": "", "analyst": "", "as_of": null, "source_policy": ""},
      "signposts": [{"id": "sp-1", "scenario": "<nodeID>", "text": "…", "status": "not seen",
                     "changed": null, "notes": ""}],
      "layers": [{"name": "Alice", "credibility": {"<nodeID>": 0.8}, "strength": {},
                  "prior": {}, "ratings": [], "notes": ""}],
      "view": {"direction": "TB", "pinned": {"<nodeID>": [x, y]}, "collapsed": ["<nodeID>"],
               "layer": null},
      "snapshots": [<argmap snapshot records>], "outcome": <argmap outcome record or null>,
      "dialogue": false
    }

Reading it back, the AIF content wins where the two could disagree after editing in
another tool: texts and structure come from the nodes and edges; a scheme from the entry
only while the node still says what argmap wrote; entries of deleted nodes are ignored.
``dialogue`` says whether the map held an AIF dialogue of its own (when not, and the file
still holds none, the map comes back without one).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from argmap.interop.aif_layers import layers_entry, layers_from
from argmap.interop.aif_model import GENERIC_TEXTS, JsonDict, shaped
from argmap.model import (
    AchRow,
    ArgMap,
    Outcome,
    Quote,
    Rating,
    Signpost,
    Snapshot,
    Source,
    StatementKind,
    ViewState,
)

R = TypeVar("R", bound=BaseModel)
KEY = "argmap"
VERSION = 1
PROPERTIES = ("description", "analyst", "as_of", "source_policy")  # the map's own fields
# Keys the writer itself adds to an AIF object; a file holding only these has no dialogue.
_WRITER_KEYS = {"participants", KEY}


def entry(doc: ArgMap, node_of: dict[str, str], written: set[str]) -> JsonDict:
    """The extension entry for ``doc``; ``node_of`` maps record ids to AIF nodeIDs and
    ``written`` holds the ids of the inferences the file draws."""
    nodes: dict[str, JsonDict] = {}
    for s in doc.statements:
        nodes[node_of[s.id]] = {
            "id": s.id,
            "kind": str(s.kind),
            "credibility": s.credibility,
            "prior": s.prior,
            "notes": s.notes,
            "tags": list(s.tags),
            "quotes": list(s.quotes),
        }
    for i in doc.inferences:
        if i.id in written:
            nodes[node_of[i.id]] = {
                "id": i.id,
                "strength": i.strength,
                "notes": i.notes,
                "scheme": i.scheme,
            }
    view = doc.view
    return {
        "version": VERSION,
        "title": doc.title,
        "question": node_of.get(doc.question or ""),
        "nodes": nodes,
        "sources": [s.model_dump(mode="json") for s in doc.sources],
        "quotes": [q.model_dump(mode="json") for q in doc.quotes],
        "ratings": [
            r.model_dump(mode="json")
            | {"evidence": node_of[r.evidence], "scenario": node_of[r.scenario]}
            for r in doc.ratings
            if r.evidence in node_of and r.scenario in node_of
        ],
        "ach_rows": [
            r.model_dump(mode="json") | {"evidence": node_of[r.evidence]}
            for r in doc.ach_rows
            if r.evidence in node_of
        ],
        "properties": {name: getattr(doc, name) for name in PROPERTIES},
        "signposts": [
            s.model_dump(mode="json") | {"scenario": node_of[s.scenario]}
            for s in doc.signposts
            if s.scenario in node_of
        ],
        "layers": layers_entry(doc, node_of, written),
        "view": {
            "direction": view.direction,
            "pinned": {node_of[k]: list(v) for k, v in view.pinned.items() if k in node_of},
            "collapsed": [node_of[k] for k in view.collapsed if k in node_of],
            "layer": view.layer,
        },
        # History names records by argmap id (the nodes above give each id back).
        "snapshots": [s.model_dump(mode="json") for s in doc.snapshots],
        "outcome": doc.outcome.model_dump(mode="json") if doc.outcome else None,
        "dialogue": doc.dialogue is not None,
    }


def scheme_as_written(scheme: str | None, written_text: str) -> str | None:
    """The scheme an AIF reader sees in a node argmap wrote (placeholders are none)."""
    text = (scheme or written_text).strip()
    return None if is_placeholder(text) else text


def is_placeholder(name: str | None) -> bool:
    """Whether a scheme name only says "some inference" ("Default Inference", "RA"...)."""
    return name is None or name.strip().casefold() in {t.casefold() for t in GENERIC_TEXTS}


def apply(doc: ArgMap, raw: Any, map_ids: dict[str, str], warn: Callable[[str], None]) -> ArgMap:
    """``doc`` with the entry's records restored (ids, kinds, judgements, sources, quotes,
    ratings, question, view); ``map_ids`` maps nodeIDs to the reader's record ids."""
    if not isinstance(raw, dict) or raw.get("version") != VERSION:
        warn(f"$.{KEY}: not an argmap entry of version {VERSION}; left out")
        return doc
    nodes: dict[str, Any] = shaped(raw.get("nodes"), dict, f"$.{KEY}.nodes", warn) or {}
    renamed = _renames(nodes, map_ids, doc)
    doc = _rename(doc, renamed)
    ids = {node: renamed.get(record, record) for node, record in map_ids.items()}
    statements = {s.id: s for s in doc.statements}
    inferences = {i.id: i for i in doc.inferences}
    for node, fields in nodes.items():
        record = ids.get(str(node))
        if record is None:
            continue
        if not isinstance(fields, dict):
            warn(f"$.{KEY}.nodes[{node}]: not an object; its argmap fields left out")
            continue
        try:
            if record in statements:
                _statement_fields(statements[record], fields)
            elif record in inferences:
                _inference_fields(inferences[record], fields)
        except (ValidationError, ValueError, TypeError) as exc:
            warn(f"$.{KEY}.nodes[{node}]: {_first(exc)}; left out")
    if isinstance(raw.get("title"), str):
        doc.title = raw["title"]
    doc.sources = _records(raw.get("sources"), Source, "sources", warn)
    known_sources = {s.id for s in doc.sources}
    doc.quotes = [
        q for q in _records(raw.get("quotes"), Quote, "quotes", warn) if q.source in known_sources
    ]
    known_quotes = {q.id for q in doc.quotes}
    for s in doc.statements:
        s.quotes = [q for q in s.quotes if q in known_quotes]
    question = ids.get(str(raw.get("question")))
    doc.question = question if question in statements else None
    refs = ("evidence", "scenario")
    doc.ratings = _node_records(raw.get("ratings"), Rating, "ratings", refs, ids=ids, warn=warn)
    doc.signposts = _node_records(
        raw.get("signposts"), Signpost, "signposts", ("scenario",), ids=ids, warn=warn
    )
    doc.ach_rows = _node_records(
        raw.get("ach_rows"), AchRow, "ach_rows", ("evidence",), ids=ids, warn=warn
    )
    _properties(doc, raw.get("properties"), warn)
    doc.snapshots = _records(raw.get("snapshots"), Snapshot, "snapshots", warn)
    outcome = _records([raw["outcome"]] if raw.get("outcome") else [], Outcome, "outcome", warn)
    doc.outcome = outcome[0] if outcome else None
    doc.layers = layers_from(raw.get("layers"), ids, warn)
    doc.view = _view(raw.get("view"), ids, doc.view, warn)
    return doc


def _properties(doc: ArgMap, raw: Any, warn: Callable[[str], None]) -> None:
    raw = shaped(raw, dict, f"$.{KEY}.properties", warn) or {}
    for name, value in raw.items():
        if name not in PROPERTIES:
            warn(f"$.{KEY}.properties.{name}: not a map property argmap knows; left out")
            continue
        try:
            setattr(doc, name, value)
        except ValidationError as exc:
            warn(f"$.{KEY}.properties.{name}: {_first(exc)}; left out")


def without_own_dialogue(doc: ArgMap, raw: Any) -> ArgMap:
    """Drop the dialogue record the reader made when the map had none and the file added
    none (no dialogue nodes, locutions or other edges)."""
    dialogue = doc.dialogue
    if dialogue is None or not isinstance(raw, dict) or raw.get("dialogue") is not False:
        return doc
    extra = {
        k: v for k, v in dialogue.extra.items() if k not in _WRITER_KEYS or v not in ([], None)
    }
    extra.pop(KEY, None)
    if dialogue.nodes or dialogue.locutions or dialogue.edges or dialogue.scheme_ids or extra:
        return doc
    if dialogue.form == "ova" and (
        dialogue.text not in ("", None)
        or any(v not in ("", None) for k, v in dialogue.ova_extra.items() if k != "edges")
    ):
        return doc  # an OVA save with its own text or analyst: keep it
    doc.dialogue = None
    return doc


def _renames(nodes: dict[str, Any], map_ids: dict[str, str], doc: ArgMap) -> dict[str, str]:
    """Reader id -> the id the entry gives back, where that id is free and unique."""
    wanted: dict[str, str] = {}
    for node, fields in nodes.items():
        record = map_ids.get(str(node))
        if record is not None and isinstance(fields, dict) and isinstance(fields.get("id"), str):
            if fields["id"]:
                wanted[record] = fields["id"]
    times = Counter(wanted.values())
    existing = {s.id for s in doc.statements} | {i.id for i in doc.inferences}
    return {
        old: new
        for old, new in wanted.items()
        if times[new] == 1 and (new not in existing or new in wanted)
    }


def _rename(doc: ArgMap, renamed: dict[str, str]) -> ArgMap:
    if not renamed:
        return doc

    def name(record_id: str) -> str:
        return renamed.get(record_id, record_id)

    for s in doc.statements:
        s.id = name(s.id)
    for i in doc.inferences:
        i.id = name(i.id)
        i.premises = [name(p) for p in i.premises]
        i.conclusion = name(i.conclusion)
    for r in doc.ratings:
        r.evidence, r.scenario = name(r.evidence), name(r.scenario)
    doc.question = name(doc.question) if doc.question else None
    doc.view = ViewState(
        direction=doc.view.direction,
        pinned={name(k): v for k, v in doc.view.pinned.items()},
        collapsed=[name(k) for k in doc.view.collapsed],
    )
    if doc.dialogue is not None:
        doc.dialogue.links = {name(k): v for k, v in doc.dialogue.links.items()}
    return doc


def _unit(value: Any, upper: float | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a number")
    if value < 0 or (upper is not None and value > upper):
        raise ValueError(f"{value!r} is out of range")
    return float(value)


def _statement_fields(statement: Any, fields: dict[str, Any]) -> None:
    if "kind" in fields:
        statement.kind = StatementKind(fields["kind"])
    if "credibility" in fields:
        statement.credibility = _unit(fields["credibility"], 1.0)
    if "prior" in fields:
        statement.prior = _unit(fields["prior"], None)
    if isinstance(fields.get("notes"), str):
        statement.notes = fields["notes"]
    if isinstance(fields.get("tags"), list):
        statement.tags = [str(t) for t in fields["tags"]]
    if isinstance(fields.get("quotes"), list):
        statement.quotes = list(dict.fromkeys(str(q) for q in fields["quotes"]))


def _inference_fields(inference: Any, fields: dict[str, Any]) -> None:
    if "strength" in fields:
        inference.strength = _unit(fields["strength"], 1.0)
    if isinstance(fields.get("notes"), str):
        inference.notes = fields["notes"]
    scheme = fields.get("scheme")
    if scheme is None or isinstance(scheme, str):
        # While the node still says what argmap wrote for it, take the exact name back.
        if inference.scheme in (scheme, scheme_as_written(scheme, "")):
            inference.scheme = scheme


def _records(raw: Any, model: type[Any], what: str, warn: Callable[[str], None]) -> list[Any]:
    raw = shaped(raw, list, f"$.{KEY}.{what}", warn) or []
    found = []
    for index, item in enumerate(raw):
        try:
            found.append(model.model_validate(item))
        except ValidationError as exc:
            warn(f"$.{KEY}.{what}[{index}]: {_first(exc)}; left out")
    return found


def _node_records(
    raw: Any,
    model: type[R],
    what: str,
    refs: tuple[str, ...],
    *,
    ids: dict[str, str],
    warn: Callable[[str], None],
) -> list[R]:
    """The records of one entry list (ratings, signposts, ACH rows) whose ``refs`` fields
    name AIF nodes, renamed to the map's ids; one that names a node the file no longer has,
    or does not validate, is left out with a warning."""
    found: list[R] = []
    for index, item in enumerate(shaped(raw, list, f"$.{KEY}.{what}", warn) or []):
        if not isinstance(item, dict):
            warn(f"$.{KEY}.{what}[{index}]: not an object; left out")
            continue
        renamed = {ref: ids.get(str(item.get(ref))) for ref in refs}
        if None in renamed.values():
            warn(f"$.{KEY}.{what}[{index}]: names a node the file no longer has; left out")
            continue
        try:
            found.append(model.model_validate(item | renamed))
        except ValidationError as exc:
            warn(f"$.{KEY}.{what}[{index}]: {_first(exc)}; left out")
    return found


def _view(
    raw: Any, ids: dict[str, str], fallback: ViewState, warn: Callable[[str], None]
) -> ViewState:
    raw = shaped(raw, dict, f"$.{KEY}.view", warn)
    if raw is None:
        return fallback
    view = ViewState(
        direction=raw.get("direction") if raw.get("direction") in ("TB", "LR") else "TB"
    )
    pinned = shaped(raw.get("pinned"), dict, f"$.{KEY}.view.pinned", warn) or {}
    for node, at in pinned.items():
        record = ids.get(str(node))
        if record is not None and isinstance(at, list) and len(at) == 2:
            if all(isinstance(v, int | float) and math.isfinite(v) for v in at):
                view.pinned[record] = (float(at[0]), float(at[1]))
    collapsed = shaped(raw.get("collapsed"), list, f"$.{KEY}.view.collapsed", warn) or []
    view.collapsed = [ids[str(n)] for n in collapsed if str(n) in ids]
    layer = raw.get("layer")
    view.layer = layer if isinstance(layer, str) and layer else None
    return view


def _first(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return str(exc.errors()[0]["msg"])
    return str(exc)
