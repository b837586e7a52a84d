"""Older map files are upgraded on load; newer ones are refused untouched."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from argmap.io.map_file import MapFileError, load_map, load_map_with_report, save_map
from argmap.io.migrations import MIGRATIONS, MigrationError, migrate
from argmap.model import FORMAT_VERSION, InferenceKind, StatementKind

TEXT = "Troops hold the line. Talks stall."

# The pre-release draft format, as early files were written.
V0_MAP: dict[str, Any] = {
    "format": "argmap",
    "version": 0,
    "title": "Draft map",
    "sources": [
        {
            "id": "src-1",
            "title": None,
            "author": None,
            "publisher": None,
            "published": None,
            "url": None,
            "text": TEXT,
            "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
        }
    ],
    "quotes": [],
    "statements": [
        {"id": "s-1", "type": "claim", "text": "Talks stall"},
        {"id": "s-2", "type": "evidence", "text": "Troops hold"},
        {"id": "s-3", "type": "evidence", "text": "No envoy named"},
    ],
    "inferences": [
        {"id": "i-1", "from": "s-2", "to": "s-1"},
        {"id": "i-2", "from": ["s-2", "s-3"], "to": "s-1", "kind": "attack"},
    ],
}


def v0_map() -> dict[str, Any]:
    return copy.deepcopy(V0_MAP)


def test_every_version_below_the_current_one_has_a_migration() -> None:
    assert sorted(MIGRATIONS) == list(range(min(MIGRATIONS), FORMAT_VERSION))


def test_v0_to_v1_renames_fields_and_keeps_the_input() -> None:
    raw = v0_map()
    before = copy.deepcopy(raw)
    upgraded = migrate(raw)
    assert raw == before
    assert upgraded["version"] == 2  # and on through 1 -> 2, which rewrites nothing
    assert upgraded["statements"][0] == {"id": "s-1", "kind": "claim", "text": "Talks stall"}
    assert upgraded["inferences"][0] == {"id": "i-1", "premises": ["s-2"], "conclusion": "s-1"}
    assert list(upgraded["inferences"][1]) == ["id", "premises", "conclusion", "kind"]


def test_v0_file_loads_as_v1_and_saves_as_v1(tmp_path: Path) -> None:
    path = tmp_path / "old.argmap.json"
    path.write_text(json.dumps(v0_map()), encoding="utf-8")
    result = load_map_with_report(path)
    assert result.migrated_from == 0
    assert result.problems == []
    doc = result.doc
    assert [s.kind for s in doc.statements] == [
        StatementKind.CLAIM,
        StatementKind.EVIDENCE,
        StatementKind.EVIDENCE,
    ]
    assert doc.inferences[1].premises == ["s-2", "s-3"]
    assert doc.inferences[1].kind == InferenceKind.ATTACK
    save_map(doc, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == FORMAT_VERSION
    assert load_map_with_report(path).migrated_from is None


def test_v0_file_with_a_wrong_field_reports_the_v1_path(tmp_path: Path) -> None:
    raw = v0_map()
    raw["statements"][1]["type"] = "rumour"
    path = tmp_path / "old.argmap.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert [p.path for p in caught.value.problems] == ["statements[1].kind"]


def test_migration_leaves_malformed_parts_for_validation() -> None:
    raw = {"format": "argmap", "version": 0, "statements": "oops", "inferences": [3]}
    assert migrate(raw) == {
        "format": "argmap",
        "version": 2,
        "statements": "oops",
        "inferences": [3],
    }


def test_newer_version_is_refused_and_the_file_untouched(tmp_path: Path) -> None:
    raw = v0_map()
    raw["version"] = FORMAT_VERSION + 1
    path = tmp_path / "future.argmap.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert str(caught.value) == (
        f"{path}: version: made by a newer version of argmap (file version "
        f"{FORMAT_VERSION + 1}, this argmap reads up to {FORMAT_VERSION}); nothing was changed"
    )
    assert path.read_bytes() == before


def test_migrate_rejects_what_it_cannot_upgrade() -> None:
    with pytest.raises(MigrationError, match="not a known argmap format"):
        migrate({"version": -3})
    with pytest.raises(MigrationError, match="whole number"):
        migrate({"version": True})


def test_a_version_1_map_is_a_version_2_map_with_nothing_rewritten(tmp_path: Path) -> None:
    v1 = migrate(v0_map()) | {"version": 1}
    assert migrate(v1) == v1 | {"version": 2}
    path = tmp_path / "v1.argmap.json"
    path.write_text(json.dumps(v1), encoding="utf-8")
    result = load_map_with_report(path)
    assert result.migrated_from == 1
    assert result.doc.signposts == [] and result.doc.description == ""
