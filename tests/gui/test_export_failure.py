"""The app's export says when a file could not be written whole, and keeps the old one."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from gui.ui_maps import small_map

from argmap.export.map_scene import prepare
from argmap.io import atomic_write
from argmap.ui.import_export.export_options import ExportError, ExportOptions, write_export


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_a_full_disk_is_reported_and_the_old_file_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, qapp: object
) -> None:
    scene = prepare(small_map(), "light")
    options = ExportOptions(format=fmt)
    path = tmp_path / f"map.{fmt}"
    write_export(scene, options, path)
    before = path.read_bytes()

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "fsync", full)
    with pytest.raises(ExportError) as caught:
        write_export(scene, options, path)
    monkeypatch.undo()

    assert str(caught.value) == (
        f"Could not write {path}: the disk is full; the previous file is unchanged"
    )
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
