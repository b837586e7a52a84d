"""Every dialog shows its text whole on a 1280 x 800 screen, in light and in dark: no
wrapped label squeezed, no label, button, placeholder or list row cut, no two widgets
drawn over each other, no window larger than the screen (gui.layout_faults).

argmap is started as the ``argmap`` command starts it, in a process of its own whose
screen is 1280 x 800 (gui/dialog_sweep_driver.py): its own font (the test process's is
smaller, which hid Record estimate's squeezed list of weights) and Qt's sizing of a new
window against that screen (a window is given at most 2/3 of the screen's width; the test
process's offscreen screen is 800 px wide). The sweep found Record outcome 1497 px wide
with a scenario worded at length, the presenter view 1468 px wide, and the timeline's
list cutting notes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from gui.dialog_openers import OPENERS, STATES
from gui.fresh_process import run_probe
from gui.layout_faults import SCREEN

DRIVER = Path(__file__).with_name("dialog_sweep_driver.py")


def _sweep(tmp_path: Path, scheme: str) -> dict[str, list[str]]:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "argmap.ini").write_text(f"[appearance]\ntheme={scheme}\n")
    tests = os.pathsep.join([str(DRIVER.parent.parent), os.environ.get("PYTHONPATH", "")])
    found: dict[str, list[str]] = run_probe(
        [str(DRIVER)], home, screen=(SCREEN.width(), SCREEN.height()), env={"PYTHONPATH": tests}
    )
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_dialog_shows_its_text_whole(tmp_path: Path, scheme: str) -> None:
    found = _sweep(tmp_path, scheme)
    assert list(found) == [*OPENERS, *STATES]  # each was opened and looked at
    assert {name: f for name, f in found.items() if f} == {}
