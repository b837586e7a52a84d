"""The published schema's title and description are argmap's own words about the file,
not the model's class name and docstring."""

from __future__ import annotations

from argmap.io.json_schema import map_json_schema
from argmap.model import FORMAT_VERSION


def test_the_schema_is_titled_for_the_file_and_its_version() -> None:
    assert map_json_schema()["title"] == f"argmap map file, version {FORMAT_VERSION}"


def test_the_schema_describes_the_file_its_suffix_and_how_ids_are_checked() -> None:
    assert map_json_schema()["description"] == (
        "An argument and scenario map: sources with embedded text, quotes anchored in them, "
        "statements, inferences, ratings and view state. Suggested file suffix: "
        ".argmap.json. Id references are checked by `argmap validate`."
    )
