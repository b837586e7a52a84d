"""A failed write keeps its cause: a backup that can be neither linked nor copied fails as
the disk's own error with the old file intact, and a file cut short fails as an I/O error."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from argmap.io import atomic_write
from argmap.io.atomic_write import WriteFailedError, os_reason, write_atomically, write_file


def _oserror(code: int) -> OSError:
    return OSError(code, os.strerror(code))


def test_a_full_disk_without_hard_links_fails_the_backup_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.argmap.json"
    write_atomically(target, b"one")

    def no_links(*args: Any) -> None:
        raise _oserror(errno.EPERM)

    def full_disk(*args: Any, **kwargs: Any) -> None:
        raise _oserror(errno.ENOSPC)

    monkeypatch.setattr(atomic_write.os, "link", no_links)
    monkeypatch.setattr(atomic_write.shutil, "copy2", full_disk)
    with pytest.raises(WriteFailedError) as caught:
        write_atomically(target, b"two")
    assert os_reason(caught.value) == "the disk is full; the previous file is unchanged"
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argmap.json"]


def test_a_file_cut_short_fails_as_an_input_output_error(tmp_path: Path) -> None:
    target = tmp_path / "out.png"

    def writes_half(tmp: str) -> None:
        Path(tmp).write_bytes(b"12345")

    with pytest.raises(WriteFailedError) as caught:
        write_file(target, writes_half, size=10)
    assert caught.value.errno == errno.EIO
    assert caught.value.reason.startswith("only 5 of 10 bytes were written")
    assert not target.exists()
