"""A recovery copy's header says what it is a copy of, in plain ASCII and UTC; a copy
argmap could not open again is not made; damaged headers are named and skipped; a
discarded copy is kept under the time it was discarded and pruned after the days set."""

from __future__ import annotations

import json
import os
import re
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from argmap.io import recovery
from argmap.io.map_file import dumps_map
from argmap.io.recovery import (
    DISCARD_KEEP_DAYS,
    DISCARDED_FOLDER,
    SNAPSHOT_SUFFIX,
    RecoveryError,
    RecoveryStore,
    key_for,
)
from argmap.model import ArgMap, Statement, StatementKind

DAY = 86400


def small_map(title: str = "Talks") -> ArgMap:
    return ArgMap(
        title=title, statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text="Talks")]
    )


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


def header_file(store: RecoveryStore, name: str, header: Any, body: str = "{}") -> Path:
    file = store.folder / f"{name}{SNAPSHOT_SUFFIX}"
    file.write_text(json.dumps(header) + "\n" + body, encoding="utf-8")
    return file


def good_header(**changes: Any) -> dict[str, Any]:
    header = {
        "format": "argmap-recovery",
        "version": 1,
        "original_path": None,
        "title": "Talks",
        "saved_at": "2024-03-03T10:00:00+00:00",
        "pid": 42,
        "host": "desk",
    }
    header.update(changes)
    return header


# --- keys -------------------------------------------------------------------------------


def test_a_saved_maps_key_is_map_and_twenty_hex_digits() -> None:
    assert re.fullmatch(r"map-[0-9a-f]{20}", key_for("/data/talks.argmap.json"))


def test_a_file_name_that_is_not_utf8_still_has_a_key(tmp_path: Path) -> None:
    key = key_for(tmp_path / "caf\udce9.argmap.json")  # as os.listdir gives such a name
    assert re.fullmatch(r"map-[0-9a-f]{20}", key)


def test_a_key_with_a_backslash_is_refused(store: RecoveryStore) -> None:
    with pytest.raises(ValueError, match="not a snapshot key"):
        store.path_for("a\\b")


def test_a_new_store_has_nothing_to_say_yet(store: RecoveryStore) -> None:
    assert store.notes == []


def test_a_map_json_cannot_carry_gets_no_copy_and_says_why(store: RecoveryStore) -> None:
    doc = small_map()
    doc.statements[0].__dict__["credibility"] = "high"  # set past the model's checks
    with pytest.raises(RecoveryError, match=r"^cannot snapshot the map: "):
        store.write("unsaved-1", doc, None)
    assert not store.path_for("unsaved-1").exists()


# --- the header ---------------------------------------------------------------------------


def test_the_header_is_one_ascii_line_and_the_time_is_in_utc(store: RecoveryStore) -> None:
    two_hours_east = timezone(timedelta(hours=2))
    when = datetime(2024, 3, 3, 12, 0, tzinfo=two_hours_east)
    file = store.write("unsaved-1", small_map("Pourparlers à Genève"), None, now=when)
    line = file.read_bytes().split(b"\n", 1)[0]
    assert line.isascii()
    assert json.loads(line)["saved_at"] == "2024-03-03T10:00:00+00:00"
    (snapshot,) = store.snapshots()
    assert snapshot.saved_at == datetime(2024, 3, 3, 10, 0, tzinfo=UTC)
    assert snapshot.title == "Pourparlers à Genève"


def test_a_header_tells_key_file_process_and_size(store: RecoveryStore) -> None:
    file = store.write("unsaved-1", small_map(), None)
    snapshot = store.get("unsaved-1")
    assert snapshot is not None
    assert (snapshot.key, snapshot.file, snapshot.pid, snapshot.size) == (
        "unsaved-1",
        file,
        os.getpid(),
        file.stat().st_size,
    )
    assert snapshot.host and isinstance(snapshot.host, str)


def test_get_answers_none_for_a_missing_or_damaged_copy(store: RecoveryStore) -> None:
    assert store.get("unsaved-none") is None
    header_file(store, "unsaved-bad", ["not", "a", "header"])
    assert store.get("unsaved-bad") is None


def test_a_time_without_a_zone_is_taken_as_utc(store: RecoveryStore) -> None:
    header_file(store, "unsaved-1", good_header(saved_at="2024-03-03T10:00:00"))
    (snapshot,) = store.snapshots(verify=False)
    assert snapshot.saved_at == datetime(2024, 3, 3, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "why"),
    [
        (["a", "list"], "not a recovery copy"),
        (good_header(host=5), "the recovery header is damaged"),
        (good_header(pid="42"), "the recovery header is damaged"),
        (good_header(title=None), "the recovery header is damaged"),
        (good_header(original_path=7), "the recovery header is damaged"),
        (good_header(saved_at="yesterday"), "the recovery header is damaged"),
    ],
)
def test_a_damaged_header_is_skipped_with_the_reason(
    store: RecoveryStore, header: Any, why: str
) -> None:
    file = header_file(store, "unsaved-bad", header)
    assert store.snapshots(verify=False) == []
    assert store.notes == [f"skipped {file}: {why}"]


def test_a_copy_that_cannot_be_opened_is_skipped_with_the_reason(store: RecoveryStore) -> None:
    link = store.folder / f"unsaved-gone{SNAPSHOT_SUFFIX}"
    link.symlink_to(store.folder / "nowhere")
    assert store.snapshots() == []
    assert store.notes == [f"skipped {link}: cannot read: the file or folder does not exist"]


def test_a_header_as_long_as_allowed_is_read_and_a_longer_one_is_not(
    store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = json.dumps(good_header())
    monkeypatch.setattr(recovery, "MAX_HEADER_BYTES", len(line))  # the line and its newline
    header_file(store, "unsaved-fits", good_header())
    assert [s.key for s in store.snapshots(verify=False)] == ["unsaved-fits"]
    monkeypatch.setattr(recovery, "MAX_HEADER_BYTES", len(line) - 1)
    assert store.snapshots(verify=False) == []
    assert store.notes[0].endswith("not a recovery copy (no header line)")


def test_listing_without_verifying_lists_a_copy_whose_map_is_cut(store: RecoveryStore) -> None:
    file = store.write("unsaved-cut", small_map(), None)
    file.write_bytes(file.read_bytes()[:-10])
    assert [s.key for s in store.snapshots(verify=False)] == ["unsaved-cut"]
    assert store.snapshots() == []


def test_a_copy_whose_map_is_written_over_several_lines_restores(store: RecoveryStore) -> None:
    header_file(store, "unsaved-1", good_header(), body=dumps_map(small_map()))
    assert store.restore("unsaved-1").doc == small_map()


# --- size ----------------------------------------------------------------------------------


def _body_size(doc: ArgMap) -> int:
    return len(doc.model_dump_json().encode("utf-8"))


def test_a_copy_exactly_as_big_as_argmap_opens_is_made(
    store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = small_map("Pourparlers à Genève — «test»")
    monkeypatch.setattr(recovery, "MAX_FILE_BYTES", _body_size(doc))
    store.write("unsaved-1", doc, "/data/Genève.argmap.json")
    assert store.restore("unsaved-1").doc == doc


def test_a_copy_one_byte_bigger_is_refused_with_the_size(
    store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = small_map()
    monkeypatch.setattr(recovery, "MAX_FILE_BYTES", _body_size(doc) - 1)
    with pytest.raises(RecoveryError) as caught:
        store.write("unsaved-1", doc, None)
    assert str(caught.value) == (
        "no recovery copy: the map is 0.0 MB, and argmap opens maps of at most 0 MB "
        "(remove articles or statements, or split the map)"
    )
    assert not store.path_for("unsaved-1").exists()


def test_a_copy_that_cannot_be_written_says_where_and_why(store: RecoveryStore) -> None:
    store.path_for("unsaved-1").mkdir()
    with pytest.raises(RecoveryError) as caught:
        store.write("unsaved-1", small_map(), None)
    assert str(caught.value) == (
        f"{store.path_for('unsaved-1')}: cannot write the recovery copy: "
        "it is not a regular file; the previous file is unchanged"
    )


# --- discarding and pruning -----------------------------------------------------------------


def test_a_discarded_copy_is_kept_under_the_time_it_was_discarded(store: RecoveryStore) -> None:
    store.write("unsaved-1", small_map(), None)
    when = time.mktime((2024, 3, 3, 10, 4, 5, 0, 0, -1))
    store.discard("unsaved-1", now=when)
    trash = store.folder / DISCARDED_FOLDER
    assert [p.name for p in trash.iterdir()] == [f"20240303-100405-unsaved-1{SNAPSHOT_SUFFIX}"]


def test_discarding_prunes_old_discarded_copies_as_of_the_time_given(
    store: RecoveryStore,
) -> None:
    trash = store.folder / DISCARDED_FOLDER
    trash.mkdir()
    old = trash / f"20240101-000000-unsaved-old{SNAPSHOT_SUFFIX}"
    old.write_bytes(b"x")
    now = time.time()
    os.utime(old, (now - DAY, now - DAY))
    store.write("unsaved-1", small_map(), None)
    store.discard("unsaved-1", now=now + (DISCARD_KEEP_DAYS - 0.5) * DAY)
    assert [p.name.endswith("unsaved-1" + SNAPSHOT_SUFFIX) for p in trash.iterdir()] == [True]


def test_pruning_counts_what_it_removed_and_keeps_what_is_younger(store: RecoveryStore) -> None:
    trash = store.folder / DISCARDED_FOLDER
    trash.mkdir()
    now = 2_000_000_000.0
    cutoff = now - DISCARD_KEEP_DAYS * DAY
    for name, mtime in (("a", cutoff - 7), ("b", cutoff - 100), ("c", cutoff + 7)):
        file = trash / f"{name}{SNAPSHOT_SUFFIX}"
        file.write_bytes(b"x")
        os.utime(file, (mtime, mtime))
    (trash / f"gone{SNAPSHOT_SUFFIX}").symlink_to(trash / "nowhere")
    assert store.prune_discarded(now=now) == 2
    assert sorted(p.name for p in trash.iterdir()) == [
        f"c{SNAPSHOT_SUFFIX}",
        f"gone{SNAPSHOT_SUFFIX}",
    ]


def test_a_copy_that_cannot_be_moved_aside_says_so(
    store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = store.write("unsaved-1", small_map(), None)

    def refuse(*args: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(recovery.os, "replace", refuse)
    with pytest.raises(RecoveryError) as caught:
        store.discard("unsaved-1")
    assert str(caught.value) == f"{file}: cannot discard: permission denied"
    assert file.exists()
