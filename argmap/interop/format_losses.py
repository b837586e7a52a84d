"""What a map holds that a target format cannot: one plain line per kind of thing left out.

``argmap convert`` and File ▸ Export as print these, so no conversion loses anything
silently. argmap's own files hold everything; AIF/OVA (with argmap's extension entry)
everything but what an Argdown import kept for Argdown export (headings, argument titles,
other data, relations and inference lines the map does not draw). Argdown holds the
argument with its judgements and sources, not the ACH row weights, signposts, map
properties, estimate history, AIF dialogue or analyst layers; the other formats are views
of the map and say what they leave out.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.interop.argdown_undrawn import kept_steps, written_data
from argmap.interop.argdown_writer import argdown_losses
from argmap.interop.well_formed import drawable_inferences
from argmap.model import ArgMap

_Count = Callable[[ArgMap], int]


def _argdown_undrawn(doc: ArgMap) -> int:
    kept = doc.dialogue.argdown if doc.dialogue is not None else None
    return 0 if kept is None else len(kept.undrawn) + len(kept_steps(kept))


def _argdown_layout(doc: ArgMap) -> int:
    """Headings, kept arguments, and statements and inferences carrying other data."""
    kept = doc.dialogue.argdown if doc.dialogue is not None else None
    if kept is None:
        return 0
    statements = {s.id for s in doc.statements}
    inferences = {i.id for i in doc.inferences}
    data = sum(bool(k.data) for sid, k in kept.statements.items() if sid in statements)
    data += sum(bool(written_data(kept, iid)) for iid in kept.inference_data if iid in inferences)
    return len(kept.sections) + len(kept.arguments) + data


def _aif_edges_between_statements(doc: ArgMap) -> int:
    """Kept AIF edges from one I-node to another, which no inference stands for."""
    if doc.dialogue is None:
        return 0
    ids = {s.id for s in doc.statements}
    statements = {link.node for sid, link in doc.dialogue.links.items() if sid in ids}
    return sum(e.source in statements and e.target in statements for e in doc.dialogue.edges)


_PARTS: dict[str, tuple[str, _Count]] = {
    "sources": ("sources (articles)", lambda d: len(d.sources)),
    "quotes": ("quotes with their positions", lambda d: len(d.quotes)),
    "ratings": ("ACH ratings", lambda d: len(d.ratings)),
    "ach_rows": ("ACH row weights", lambda d: len(d.ach_rows)),
    "signposts": ("signposts", lambda d: len(d.signposts)),
    "properties": (
        "map properties (description, analyst, as-of date, source policy)",
        lambda d: sum(bool(v) for v in (d.description, d.analyst, d.as_of, d.source_policy)),
    ),
    "question": ("focal-question setting", lambda d: int(d.question is not None)),
    "priors": ("scenario priors", lambda d: sum(s.prior is not None for s in d.statements)),
    "credibility": (
        "credibility judgements",
        lambda d: sum(s.credibility is not None for s in d.statements),
    ),
    "strength": (
        "inference strengths",
        lambda d: sum(i.strength is not None for i in d.inferences),
    ),
    "notes": (
        "notes",
        lambda d: (
            sum(bool(s.notes) for s in d.statements) + sum(bool(i.notes) for i in d.inferences)
        ),
    ),
    "tags": ("tagged statements", lambda d: sum(bool(s.tags) for s in d.statements)),
    "schemes": ("scheme names", lambda d: sum(i.scheme is not None for i in d.inferences)),
    "kinds": ("statement kinds", lambda d: len(d.statements)),
    "view": (
        "pinned or folded cards (the view)",
        lambda d: len(d.view.pinned) + len(d.view.collapsed),
    ),
    "history": (
        "estimate snapshots and the recorded outcome",
        lambda d: len(d.snapshots) + int(d.outcome is not None),
    ),
    "layers": (
        "analyst layers (each analyst's judgements; the map's own are kept)",
        lambda d: len(d.layers),
    ),
    "dialogue": (
        "AIF dialogue nodes and locutions",
        lambda d: len(d.dialogue.nodes) + len(d.dialogue.locutions) if d.dialogue else 0,
    ),
    "aif_edges": ("AIF edges straight between statements", _aif_edges_between_statements),
    "argdown_undrawn": (
        "relations and inference lines kept from Argdown that the map does not draw",
        _argdown_undrawn,
    ),
    "argdown_layout": (
        "Argdown headings, argument titles and descriptions, and data fields",
        _argdown_layout,
    ),
}

_ARGDOWN = ("argdown_undrawn", "argdown_layout")  # what only an Argdown export writes

# What each format cannot hold (formats not named here hold everything).
CANNOT_HOLD: dict[str, tuple[str, ...]] = {
    "argdown": (
        "ach_rows",
        "signposts",
        "properties",
        "dialogue",
        "aif_edges",
        "history",
        "layers",
    ),  # fmt: skip
    "aif": _ARGDOWN,
    "ova": _ARGDOWN,
    "graphml": (
        "sources",
        "quotes",
        "ratings",
        "ach_rows",
        "signposts",
        "properties",
        "question",
        "view",
        "dialogue",
        "aif_edges",
        "history",
        "layers",
        *_ARGDOWN,
    ),  # fmt: skip
    "dot": (
        "sources",
        "quotes",
        "ratings",
        "ach_rows",
        "signposts",
        "properties",
        "question",
        "priors",
        "strength",
        "notes",
        "tags",
        "view",
        "dialogue",
        "aif_edges",
        "history",
        "layers",
        *_ARGDOWN,
    ),  # fmt: skip
    "markdown": (
        "ratings",
        "ach_rows",
        "strength",
        "notes",
        "tags",
        "view",
        "properties",
        "dialogue",
        "aif_edges",
        "history",
        "layers",
        *_ARGDOWN,
    ),  # fmt: skip
    "ach-csv": (
        "sources",
        "quotes",
        "question",
        "priors",
        "strength",
        "notes",
        "tags",
        "schemes",
        "signposts",
        "properties",
        "view",
        "dialogue",
        "aif_edges",
        "history",
        "layers",
        *_ARGDOWN,
    ),  # fmt: skip
}
_READ_ONLY_VIEWS = {
    "markdown": "a report for reading: argmap cannot open it again",
    "ach-csv": "only the ACH matrix (evidence x scenarios): argmap cannot open it again",
    "dot": "a drawing: argmap cannot open it again",
    "graphml": "a graph for graph tools: argmap cannot open it again",
}


def losses(format_name: str, doc: ArgMap) -> list[str]:
    """What ``doc`` holds that a file in ``format_name`` leaves out (empty: nothing)."""
    found = []
    if format_name in _READ_ONLY_VIEWS:
        found.append(_READ_ONLY_VIEWS[format_name])
    for part in CANNOT_HOLD.get(format_name, ()):
        label, count = _PARTS[part]
        n = count(doc)
        if n:
            found.append(f"{n} {label} not written")
    dangling = len(doc.inferences) - len(drawable_inferences(doc))
    if dangling:
        found.append(f"{dangling} inferences whose premises or conclusion are missing not written")
    if format_name == "argdown":
        found.extend(argdown_losses(doc))
    return found
