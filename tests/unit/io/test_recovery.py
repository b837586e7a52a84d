"""Recovery snapshots: written beside nothing of the user's, listed newest first, restored whole."""

from __future__ import annotations

import os
import stat
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from map_strategies import arg_maps

from argmap.io.map_file import save_map
from argmap.io.recovery import (
    DISCARD_KEEP_DAYS,
    SNAPSHOT_SUFFIX,
    RecoveryError,
    RecoveryStore,
    key_for,
    new_session,
)
from argmap.model import ArgMap, Inference, Source, Statement, StatementKind


def _doc(title: str = "Ceasefire talks") -> ArgMap:
    source = Source.from_text("src-1", "Talks may resume in Istanbul next month.")
    return ArgMap(
        title=title,
        sources=[source],
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="A ceasefire holds by June"),
            Statement(id="s-2", kind=StatementKind.PREMISE, text="Both sides are exhausted"),
        ],
        inferences=[Inference(id="i-1", premises=["s-2"], conclusion="s-1")],
    )


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


def test_snapshot_restores_the_exact_map_and_leaves_the_users_file_alone(
    store: RecoveryStore, tmp_path: Path
) -> None:
    user_file = tmp_path / "talks.argmap.json"
    save_map(_doc("Saved version"), user_file)
    before = user_file.read_bytes()
    edited = _doc("Unsaved edits")
    key = key_for(user_file)

    written = store.write(key, edited, user_file)

    assert written.parent == store.folder
    assert user_file.read_bytes() == before
    recovered = store.restore(key)
    assert recovered.doc.model_dump() == edited.model_dump()
    assert recovered.snapshot.original_path == user_file
    assert recovered.snapshot.title == "Unsaved edits"
    assert recovered.snapshot.pid == os.getpid()
    assert recovered.problems == []


def test_one_snapshot_per_document_rewritten_in_place(store: RecoveryStore) -> None:
    key = key_for(None, new_session())
    store.write(key, _doc("first"), None)
    store.write(key, _doc("second"), None)

    listed = store.snapshots()

    assert [s.title for s in listed] == ["second"]
    assert listed[0].original_path is None
    assert listed[0].display_name == "second"
    assert sorted(p.name for p in store.folder.iterdir()) == [f"{key}{SNAPSHOT_SUFFIX}"]


def test_keys_are_stable_per_file_and_distinct_between_files(tmp_path: Path) -> None:
    a = tmp_path / "a.argmap.json"
    link = tmp_path / "link.argmap.json"
    a.write_text("{}")
    link.symlink_to(a)

    assert key_for(a) == key_for(str(a)) == key_for(link)
    assert key_for(a) != key_for(tmp_path / "b.argmap.json")
    session = new_session()
    assert key_for(None, session) == key_for(None, session) != key_for(None, new_session())


def test_listing_is_newest_first_with_the_time_saved(store: RecoveryStore) -> None:
    now = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    store.write("unsaved-old", _doc("old"), None, now=now - timedelta(hours=2))
    store.write("unsaved-new", _doc("new"), None, now=now)
    store.write("unsaved-mid", _doc("mid"), None, now=now - timedelta(minutes=5))

    listed = store.snapshots()

    assert [s.title for s in listed] == ["new", "mid", "old"]
    assert listed[0].saved_at == now


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage without a newline",
        b"\x00\xff\xfe binary\n{}",
        b'{"format": "argmap-recovery", "version": 1}\n{}',
        b'{"format": "something-else"}\n{}',
        b'{"format": "argmap-recovery", "version": 99}\n{}',
    ],
)
def test_damaged_snapshots_are_skipped_with_a_note(store: RecoveryStore, content: bytes) -> None:
    store.write("unsaved-good", _doc("good"), None)
    (store.folder / f"unsaved-bad{SNAPSHOT_SUFFIX}").write_bytes(content)

    listed = store.snapshots()

    assert [s.title for s in listed] == ["good"]
    assert len(store.notes) == 1
    assert "unsaved-bad" in store.notes[0]


def test_truncated_map_body_is_skipped_and_cannot_be_restored(store: RecoveryStore) -> None:
    file = store.write("unsaved-cut", _doc(), None)
    file.write_bytes(file.read_bytes()[:-40])

    assert store.snapshots() == []
    assert "unsaved-cut" in store.notes[0]
    assert "truncated" in store.notes[0]
    with pytest.raises(RecoveryError, match="unsaved-cut"):
        store.restore("unsaved-cut")


def test_a_map_with_errors_is_still_recoverable(store: RecoveryStore) -> None:
    broken = _doc()
    broken.inferences.append(Inference(id="i-2", premises=["s-404"], conclusion="s-1"))

    store.write("unsaved-x", broken, None)
    recovered = store.restore("unsaved-x")

    assert recovered.doc.model_dump() == broken.model_dump()
    assert any(p.code == "dangling-reference" for p in recovered.problems)


def test_remove_deletes_and_discard_keeps_a_copy_for_a_while(store: RecoveryStore) -> None:
    store.write("unsaved-a", _doc("a"), None)
    store.write("unsaved-b", _doc("b"), None)

    store.remove("unsaved-a")
    store.discard("unsaved-b")
    store.remove("unsaved-missing")

    assert store.snapshots() == []
    trash = list((store.folder / "discarded").iterdir())
    assert len(trash) == 1
    old = time.time() - (DISCARD_KEEP_DAYS + 1) * 86400
    os.utime(trash[0], (old, old))
    assert store.prune_discarded() == 1
    assert list((store.folder / "discarded").iterdir()) == []


def test_keys_cannot_escape_the_folder(store: RecoveryStore) -> None:
    for bad in ["../evil", "a/b", "", ".hidden"]:
        with pytest.raises(ValueError, match="not a snapshot key"):
            store.path_for(bad)


def test_default_folder_is_the_users_recovery_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_HOME", str(tmp_path / "home"))
    assert RecoveryStore().folder == tmp_path / "home" / "state" / "recovery"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=arg_maps(max_statements=6))
def test_any_valid_map_survives_a_snapshot(
    doc: ArgMap, tmp_path_factory: pytest.TempPathFactory
) -> None:
    store = RecoveryStore(tmp_path_factory.mktemp("rec"))
    store.write("unsaved-h", doc, None)
    assert store.restore("unsaved-h").doc.model_dump() == doc.model_dump()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_copy_keeps_its_maps_permissions_and_an_unsaved_one_is_private(
    store: RecoveryStore, tmp_path: Path
) -> None:
    private = tmp_path / "private.argmap.json"
    save_map(_doc(), private)
    private.chmod(0o600)
    shared = tmp_path / "shared.argmap.json"
    save_map(_doc(), shared)
    shared.chmod(0o644)
    old_mask = os.umask(0o022)
    try:
        assert _mode(store.write(key_for(private), _doc(), private)) == 0o600
        assert _mode(store.write(key_for(shared), _doc(), shared)) == 0o644
        assert _mode(store.write(key_for(None, "s"), _doc(), None)) == 0o600
        private.chmod(0o640)  # the map's mode changed: the next copy follows it
        assert _mode(store.write(key_for(private), _doc(), private)) == 0o640
    finally:
        os.umask(old_mask)


def test_the_recovery_folder_is_made_private_again(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    store = RecoveryStore(folder)
    assert _mode(store.folder) == 0o700
    store.write("unsaved-x", _doc(), None)
    store.discard("unsaved-x")
    assert _mode(folder / "discarded") == 0o700


def test_a_map_too_big_to_open_again_gets_no_copy(store: RecoveryStore) -> None:
    text = "word " * 980_000
    doc = ArgMap(
        title="huge",
        sources=[Source.from_text(f"src-{i}", f"{text}{i}") for i in range(14)],
    )
    with pytest.raises(RecoveryError) as caught:
        store.write("unsaved-huge", doc, None)
    assert "no recovery copy: the map is 65.4 MB" in str(caught.value)
    assert "at most 64 MB" in str(caught.value)
    assert list(store.folder.glob(f"*{SNAPSHOT_SUFFIX}")) == []
