"""The one writer every file goes through: checked before it replaces anything, modes kept."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from argmap.io import atomic_write
from argmap.io.atomic_write import (
    WriteFailedError,
    os_reason,
    pdf_is_whole,
    png_is_whole,
    write_atomically,
    write_file,
)

GOOD_PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n"
GOOD_PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20 + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _writes(data: bytes) -> atomic_write.Produce:
    def produce(tmp: str) -> None:
        Path(tmp).write_bytes(data)

    return produce


def test_a_pdf_cut_short_never_replaces_the_good_one(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    write_file(out, _writes(GOOD_PDF), check=pdf_is_whole)
    # What Qt's PDF writer left on a full disk: the first 8 KB, no trailer, no error.
    with pytest.raises(WriteFailedError) as caught:
        write_file(out, _writes(GOOD_PDF[:30]), check=pdf_is_whole)
    assert os_reason(caught.value).startswith("the PDF came out incomplete (no trailer)")
    assert os_reason(caught.value).endswith("; the previous file is unchanged")
    assert str(caught.value).startswith(f"{out}: ")
    assert out.read_bytes() == GOOD_PDF
    assert [p.name for p in tmp_path.iterdir()] == ["map.pdf"]


def test_a_png_without_its_end_chunk_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    with pytest.raises(WriteFailedError, match="the PNG came out incomplete"):
        write_file(out, _writes(GOOD_PNG[:-12]), check=png_is_whole)
    with pytest.raises(WriteFailedError, match="did not write a PNG"):
        write_file(out, _writes(b"GIF89a" + GOOD_PNG), check=png_is_whole)
    assert os_reason(WriteFailedError(out, "x", existed=False)) == "x; no file was written"
    assert not out.exists()
    write_file(out, _writes(GOOD_PNG), check=png_is_whole)
    assert out.read_bytes() == GOOD_PNG


def test_an_empty_result_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    with pytest.raises(WriteFailedError, match="nothing was written"):
        write_file(out, _writes(b""))
    assert list(tmp_path.iterdir()) == []


def test_bytes_are_counted_after_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "m.json"
    write_atomically(out, b"old")
    real_fdopen = os.fdopen

    class Short:
        def __init__(self, fd: int, mode: str) -> None:
            self.handle = real_fdopen(fd, mode)

        def __enter__(self) -> Short:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:  # a write that silently stops short
            return self.handle.write(data[:3])

    monkeypatch.setattr(atomic_write.os, "fdopen", Short)
    with pytest.raises(WriteFailedError, match="only 3 of 8 bytes were written"):
        write_atomically(out, b"new data")
    monkeypatch.undo()
    assert out.read_bytes() == b"old"


def test_a_failed_fsync_of_a_producers_file_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "map.pdf"
    write_file(out, _writes(GOOD_PDF), check=pdf_is_whole)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "fsync", full)
    with pytest.raises(WriteFailedError) as caught:
        write_file(out, _writes(GOOD_PDF + b"more"), check=pdf_is_whole)
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert os_reason(caught.value) == "the disk is full; the previous file is unchanged"
    assert out.read_bytes() == GOOD_PDF


def test_new_files_follow_the_umask_and_existing_ones_keep_their_mode(tmp_path: Path) -> None:
    old_mask = os.umask(0o027)
    try:
        for name, produce in (("a.svg", _writes(b"<svg/>")), ("a.pdf", _writes(GOOD_PDF))):
            write_file(tmp_path / name, produce)
            assert _mode(tmp_path / name) == 0o640, name
        os.chmod(tmp_path / "a.pdf", 0o604)
        write_file(tmp_path / "a.pdf", _writes(GOOD_PDF))
        assert _mode(tmp_path / "a.pdf") == 0o604
        write_atomically(tmp_path / "copy", b"x", mode=0o600)  # a copy takes its map's mode
        assert _mode(tmp_path / "copy") == 0o600
    finally:
        os.umask(old_mask)


def test_a_link_is_followed_and_a_device_is_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomically(link, b"new", backup=True)
    assert link.is_symlink() and real.read_text() == "new"
    assert (tmp_path / "real.md.bak").read_text() == "old"
    with pytest.raises(WriteFailedError, match="not a regular file"):
        write_atomically("/dev/null", b"x")


def test_a_missing_folder_is_named_as_missing(tmp_path: Path) -> None:
    with pytest.raises(WriteFailedError) as caught:
        write_atomically(tmp_path / "gone" / "x.png", b"x")
    assert os_reason(caught.value) == "the file or folder does not exist; no file was written"
