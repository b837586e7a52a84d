"""The Linux desktop integration files validate and register the map MIME type."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LINUX = ROOT / "packaging" / "linux"
APP = "io.github.argmap.Argmap"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info")
def test_install_script_maps_argmap_json_files_to_the_app(tmp_path: Path) -> None:
    subprocess.run(
        ["bash", str(LINUX / "install-desktop.sh"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert "application/x-argmap+json:*.argmap.json" in globs
    desktop = (tmp_path / "applications" / f"{APP}.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-argmap+json;" in desktop
    for size in (16, 48, 256):
        assert (tmp_path / f"icons/hicolor/{size}x{size}/apps/{APP}.png").stat().st_size > 0
