"""The front matter of an Argdown file: the map's title, and the ``argmap`` entry argmap's
Argdown export writes (sources, quotes, ACH ratings, focal question, view).

Statements are named there as Argdown names them, ``[title]`` (or ``<title>`` for an
argument that is a statement in argmap); inferences, in the view, by the ``<title>`` of
the argument written for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from argmap.model import Quote, Rating, Source, ViewState

ENTRY = "argmap"


@dataclass
class FrontMatterExtras:
    """What the front matter gives the map, and the rest of it (kept for export)."""

    title: str | None = None
    sources: list[Source] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    question: str | None = None
    view: ViewState = field(default_factory=ViewState)
    rest: dict[str, Any] = field(default_factory=dict)


def _records(
    raw: Any, model: type[Source] | type[Quote], what: str, warn: Callable[[str], None]
) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        warn(f"front matter: argmap.{what} must be a list; left out")
        return []
    found = []
    for index, item in enumerate(raw):
        try:
            found.append(model.model_validate(item))
        except ValidationError as exc:
            problem = exc.errors()[0]
            warn(f"front matter: argmap.{what}[{index}]: {problem['msg']}; left out")
    return found


def read_front_matter(
    front: Any,
    title_of: dict[str, str],
    warn: Callable[[str], None],
    steps: dict[str, str] | None = None,
) -> FrontMatterExtras:
    """The map's parts in the front matter; ``title_of`` names each statement id as
    ``[title]``/``<title>``, ``steps`` each inference id (for the view)."""
    extras = FrontMatterExtras()
    if front is None:
        return extras
    if not isinstance(front, dict):
        warn("front matter: not a set of fields; kept as it is for Argdown export")
        extras.rest = {"value": front}
        return extras
    extras.rest = {k: v for k, v in front.items() if k not in ("title", ENTRY)}
    if isinstance(front.get("title"), str):
        extras.title = front["title"]
    elif "title" in front:
        extras.rest["title"] = front["title"]
    entry = front.get(ENTRY)
    if entry is None:
        return extras
    if not isinstance(entry, dict):
        warn("front matter: argmap must be a set of fields; left out")
        return extras
    by_name = {name: sid for sid, name in title_of.items()}
    by_name.update({name: iid for iid, name in (steps or {}).items() if name not in by_name})
    extras.sources = _records(entry.get("sources"), Source, "sources", warn)
    quotes = _records(entry.get("quotes"), Quote, "quotes", warn)
    sources = {s.id for s in extras.sources}
    extras.quotes = [q for q in quotes if q.source in sources]
    for q in quotes:
        if q.source not in sources:
            warn(f"front matter: quote {q.id} cites unknown source {q.source}; left out")
    extras.ratings = _ratings(entry.get("ratings"), by_name, warn)
    question = entry.get("question")
    if isinstance(question, str):
        extras.question = by_name.get(question)
        if extras.question is None:
            warn(f"front matter: the question {question} is no statement; left out")
    extras.view = _view(entry.get("view"), by_name, warn)
    return extras


def _ratings(raw: Any, by_name: dict[str, str], warn: Callable[[str], None]) -> list[Rating]:
    found: list[Rating] = []
    if not isinstance(raw, list):
        if raw is not None:
            warn("front matter: argmap.ratings must be a list; left out")
        return found
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            warn(f"front matter: argmap.ratings[{index}] is not a rating; left out")
            continue
        evidence = by_name.get(str(item.get("evidence")))
        scenario = by_name.get(str(item.get("scenario")))
        if evidence is None or scenario is None:
            warn(f"front matter: argmap.ratings[{index}] names an unknown statement; left out")
            continue
        try:
            found.append(Rating.model_validate(item | {"evidence": evidence, "scenario": scenario}))
        except ValidationError as exc:
            warn(f"front matter: argmap.ratings[{index}]: {exc.errors()[0]['msg']}; left out")
    return found


def _view(raw: Any, by_name: dict[str, str], warn: Callable[[str], None]) -> ViewState:
    if not isinstance(raw, dict):
        return ViewState()
    view = ViewState()
    if raw.get("direction") in ("TB", "LR"):
        view.direction = raw["direction"]
    pinned = raw.get("pinned")
    if isinstance(pinned, dict):
        for name, at in pinned.items():
            record = by_name.get(name)
            ok = isinstance(at, list) and len(at) == 2
            if record is None or not ok or not all(_finite(v) for v in at):
                warn(f"front matter: argmap.view.pinned[{name}] left out")
                continue
            view.pinned[record] = (float(at[0]), float(at[1]))
    collapsed = raw.get("collapsed")
    if isinstance(collapsed, list):
        view.collapsed = [by_name[n] for n in collapsed if isinstance(n, str) and n in by_name]
    return view


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 1e300
