"""A saved file holds exactly the text dumps_map gives, and an upgrade step that goes wrong
is refused in plain words naming the file, never half applied."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from argmap.io import migrations
from argmap.io.map_file import MapFileError, dumps_map, load_map, loads_map, save_map
from argmap.io.migrations import MigrationError, migrate
from argmap.model import FORMAT_VERSION, ArgMap, Statement, StatementKind


def _tiny_numbers() -> ArgMap:
    doc = ArgMap(
        title="Drift",
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="Talks start", credibility=1e-5)
        ],
    )
    doc.view.pinned["s-1"] = (0.00001, 1.5e-7)
    return doc


def test_a_saved_file_is_byte_for_byte_the_text_dumps_map_gives(tmp_path: Path) -> None:
    # Copy to clipboard and "unsaved changes" compare dumps_map's text with the file's.
    doc = _tiny_numbers()
    target = tmp_path / "m.argmap.json"
    save_map(doc, target)
    assert target.read_text(encoding="utf-8") == dumps_map(doc)


def test_small_numbers_are_written_as_earlier_saves_wrote_them() -> None:
    # A map saved again unchanged must give the same file (no diff in version control).
    text = dumps_map(_tiny_numbers())
    assert '"credibility": 0.00001' in text
    assert '"s-1": [\n        0.00001,\n        1.5e-7\n      ]' in text
    assert dumps_map(loads_map(text)) == text


def _v1_file(tmp_path: Path) -> Path:
    path = tmp_path / "old.argmap.json"
    path.write_text(
        '{"format": "argmap", "version": 1, "title": "Old",'
        ' "statements": [{"id": "s-1", "kind": "claim", "text": "x"}]}',
        encoding="utf-8",
    )
    return path


def _skips_a_version(raw: dict[str, Any]) -> dict[str, Any]:
    return {**raw, "version": raw["version"] + 2}


def _leaves_no_version(raw: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in raw.items() if key != "version"}


@pytest.mark.parametrize("step", [_skips_a_version, _leaves_no_version])
def test_an_upgrade_step_that_does_not_end_one_version_up_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: Any
) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 1, step)
    path = _v1_file(tmp_path)
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert str(caught.value) == (
        f"{path}: cannot upgrade this map: the upgrade from version 1 did not finish"
    )
    assert [p.code for p in caught.value.problems] == ["migration-failed"]


def test_migrate_refuses_a_newer_version_naming_both_versions() -> None:
    with pytest.raises(MigrationError, match=rf"^version 99 is newer than {FORMAT_VERSION}$"):
        migrate({"format": "argmap", "version": 99})
