"""Upgrades of older map files, one format version at a time, on the raw JSON.

``MIGRATIONS[n]`` turns a version-``n`` document into a version-``n + 1`` one. A
migration never mutates its input and leaves malformed parts alone for validation to
report. To change the format: bump ``FORMAT_VERSION`` in ``argmap.model.document``,
add the step here, and add a test file of the old version.

Version 0 was the pre-release draft: statements had ``"type"`` instead of ``"kind"``,
inferences ``"from"`` / ``"to"`` instead of ``"premises"`` / ``"conclusion"`` (``"from"``
could be a single id rather than a list).

Version 2 added optional parts only (map properties, ACH row weights and blank/NA
ratings, signposts, snapshots, analyst layers), each with a default that means "not
used": a version-1 file is a valid version-2 file. The bump is there so that an older
argmap refuses a newer file with a clear message instead of "unknown field".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.model.document import FORMAT_VERSION

RawMap = dict[str, Any]
Migration = Callable[[RawMap], RawMap]


class MigrationError(ValueError):
    """A file's version has no path to the current format."""


def _renamed(record: Any, renames: dict[str, str]) -> Any:
    """``record`` with keys renamed in place of the old ones (key order kept)."""
    if not isinstance(record, dict):
        return record
    out: dict[Any, Any] = {}
    for key, value in record.items():
        new = renames.get(key, key) if isinstance(key, str) else key
        if new != key and new in record:
            new = key  # both spellings present: keep the old one for validation to flag
        out[new] = value
    return out


def _v0_to_v1(raw: RawMap) -> RawMap:
    """Draft 0 → 1: statement ``type`` → ``kind``; inference ``from``/``to`` → ``premises``/
    ``conclusion``."""
    out = dict(raw)
    statements = raw.get("statements")
    if isinstance(statements, list):
        out["statements"] = [_renamed(s, {"type": "kind"}) for s in statements]
    inferences = raw.get("inferences")
    if isinstance(inferences, list):
        upgraded = []
        for old in inferences:
            record = _renamed(old, {"from": "premises", "to": "conclusion"})
            if isinstance(record, dict) and isinstance(record.get("premises"), str):
                record["premises"] = [record["premises"]]
            upgraded.append(record)
        out["inferences"] = upgraded
    out["version"] = 1
    return out


def _v1_to_v2(raw: RawMap) -> RawMap:
    """1 → 2: nothing to rewrite; version 2 only added optional parts."""
    out = dict(raw)
    out["version"] = 2
    return out


MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1, 1: _v1_to_v2}
OLDEST_VERSION = min(MIGRATIONS)


def migrate(raw: RawMap) -> RawMap:
    """``raw`` brought up to ``FORMAT_VERSION`` (a new dict; ``raw`` is untouched).

    ``raw["version"]`` must be an int no newer than ``FORMAT_VERSION``.
    """
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise MigrationError(f"the version must be a whole number, not {version!r}")
    if version > FORMAT_VERSION:
        raise MigrationError(f"version {version} is newer than {FORMAT_VERSION}")
    current: RawMap = raw
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(
                f"version {version} is not a known argmap format (known: "
                f"{OLDEST_VERSION} to {FORMAT_VERSION})"
            )
        current = step(current)
        new_version = current.get("version")
        if not isinstance(new_version, int) or new_version != version + 1:
            raise MigrationError(f"the upgrade from version {version} did not finish")
        version = new_version
    return current
