"""Recovery copies tell their time in UTC on any machine, are kept for exactly the days
promised, and a copy that cannot be read back says which file and why."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from argmap.io.recovery import (
    DISCARD_KEEP_DAYS,
    DISCARDED_FOLDER,
    SNAPSHOT_SUFFIX,
    RecoveryError,
    RecoveryStore,
)
from argmap.model import ArgMap, Statement, StatementKind

DAY = 86400


def small_map() -> ArgMap:
    return ArgMap(
        title="Talks", statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text="Talks")]
    )


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def clock_in_kolkata(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("clock_in_kolkata")
def test_a_copy_made_on_a_machine_east_of_greenwich_records_utc(store: RecoveryStore) -> None:
    when = datetime(2024, 3, 3, 10, 0, tzinfo=UTC)
    file = store.write("unsaved-1", small_map(), None, now=when)
    header = file.read_bytes().split(b"\n", 1)[0]
    assert b'"saved_at": "2024-03-03T10:00:00+00:00"' in header
    snapshot = store.get("unsaved-1")
    assert snapshot is not None
    assert snapshot.saved_at.utcoffset() == timedelta(0)


def test_a_discarded_copy_exactly_as_old_as_the_days_kept_stays(store: RecoveryStore) -> None:
    trash = store.folder / DISCARDED_FOLDER
    trash.mkdir()
    now = 2_000_000_000.0
    edge = trash / f"edge{SNAPSHOT_SUFFIX}"
    edge.write_bytes(b"x")
    os.utime(edge, (now - DISCARD_KEEP_DAYS * DAY, now - DISCARD_KEEP_DAYS * DAY))
    assert store.prune_discarded(now=now) == 0
    assert edge.exists()


def test_a_copy_whose_map_cannot_be_read_names_the_file_and_the_reason(
    store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = store.write("unsaved-1", small_map(), None)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(RecoveryError) as caught:
        store.restore("unsaved-1")
    assert str(caught.value) == f"{file}: cannot read: permission denied"
