"""The published JSON Schema of the map file, generated from the pydantic model."""

from __future__ import annotations

from typing import Any

from argmap.model.document import FORMAT_VERSION, ArgMap

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"urn:argmap:map-file:v{FORMAT_VERSION}"

# What the schema alone cannot say: how ids refer to one another.
FIELD_NOTES = {
    "format": 'Always "argmap".',
    "version": "Format version; older files are migrated on load, newer ones refused.",
    "title": "The map's title.",
    "question": "Id of the focal question statement, or null.",
    "sources": "Articles with their full text; sha256 is the hex SHA-256 of text (UTF-8).",
    "quotes": "Text ranges in a source: exact == text[start:end] of the source it names.",
    "statements": "Boxes of the map; quotes lists quote ids. Ids are shared with inferences.",
    "inferences": (
        "Premise statement ids to a conclusion: a statement for support/attack, an "
        "inference for undercut. Several premises in one inference are linked."
    ),
    "ratings": "ACH ratings of an evidence statement against a scenario statement.",
    "ach_rows": "ACH row weights (credibility, relevance: low/medium/high) by statement id.",
    "view": "Layout direction, pinned positions and collapsed boxes, by statement id.",
}


def map_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a version-``FORMAT_VERSION`` map file."""
    generated = ArgMap.model_json_schema(mode="validation")
    for name, note in FIELD_NOTES.items():
        generated["properties"][name]["description"] = note
    generated.pop("title", None)
    generated.pop("description", None)
    header: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": f"argmap map file, version {FORMAT_VERSION}",
        "description": (
            "An argument and scenario map: sources with embedded text, quotes anchored "
            "in them, statements, inferences, ratings and view state. Suggested file "
            "suffix: .argmap.json. Id references are checked by `argmap validate`."
        ),
    }
    return header | generated
