"""Argdown material a map has no field for (titles, headings, argument descriptions, data),
kept so that writing the map as Argdown again gives it back.

An Argdown import turns statements into statements and premise-conclusion structures and
relations into inferences; what only Argdown has is recorded here, by statement or
inference id, and lives in ``ArgMap.dialogue.argdown`` like the AIF material beside it.
Records whose statement or inference was deleted in argmap are ignored on export.
"""

from __future__ import annotations

from pydantic import Field, JsonValue

from argmap.model.base import Record


class ArgdownStatement(Record):
    """How one statement was written: its ``[title]``, or ``<title>`` when it stands for
    an argument without a premise-conclusion structure; data fields argmap has no field
    for; the section (heading) it was in."""

    title: str = Field(min_length=1)
    argument: bool = False
    data: dict[str, JsonValue] = Field(default_factory=dict)
    section: str | None = None
    kind: str | None = None  # the kind argmap gave it when no data field named one


class ArgdownArgument(Record):
    """A reconstructed argument ``<title>``: its description, tags, data and section,
    its premise-conclusion structure as statement ids in order, and the inferences its
    inference lines became (one per line, in order)."""

    title: str = Field(min_length=1)
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    data: dict[str, JsonValue] = Field(default_factory=dict)
    section: str | None = None
    pcs: list[str] = Field(default_factory=list)
    steps: list[str] = Field(default_factory=list)


class ArgdownRelation(Record):
    """A relation the map cannot draw (e.g. an undercut between statements), with its
    ends as Argdown writes them: ``[title]`` or ``<title>``."""

    type: str
    source: str
    target: str


class ArgdownSection(Record):
    """A heading: ``level`` hashes and its title; data and tags written on it."""

    id: str = Field(min_length=1)
    level: int = Field(ge=1)
    title: str
    parent: str | None = None
    data: dict[str, JsonValue] = Field(default_factory=dict)


class ArgdownKept(Record):
    """Everything an Argdown file held beyond the map, by statement and inference id."""

    front_matter: dict[str, JsonValue] = Field(default_factory=dict)
    statements: dict[str, ArgdownStatement] = Field(default_factory=dict)
    arguments: list[ArgdownArgument] = Field(default_factory=list)
    # How an inference was written when not as a step of an argument: "support",
    # "attack", "entails", "contrary", "contradictory" (a relation line).
    relations: dict[str, str] = Field(default_factory=dict)
    # Two attacks that were one symmetric relation (><, or contrary in strict mode).
    pairs: list[tuple[str, str]] = Field(default_factory=list)
    inference_data: dict[str, dict[str, JsonValue]] = Field(default_factory=dict)
    undrawn: list[ArgdownRelation] = Field(default_factory=list)
    sections: list[ArgdownSection] = Field(default_factory=list)
