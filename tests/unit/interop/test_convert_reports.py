"""``argmap convert`` as a user runs it (a fresh process): it says what it wrote, warns about
what the target format cannot hold, and names the line of a broken Argdown file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from argmap.resources import resource

ARGMAP = Path(sys.executable).with_name("argmap")
CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "argdown"


def _convert(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(ARGMAP), "convert", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def test_argdown_to_a_map_says_what_it_wrote_and_what_it_left_out(tmp_path: Path) -> None:
    run = _convert(str(CORPUS / "comments.argdown"), "out.argmap.json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "wrote out.argmap.json (argmap map: 3 statements, 1 inferences)\n"
    assert "argmap convert: warning: 6 comments dropped" in run.stderr
    doc = json.loads((tmp_path / "out.argmap.json").read_text(encoding="utf-8"))
    assert [s["text"] for s in doc["statements"]][0] == "A statement."


def test_exports_warn_about_what_the_target_cannot_hold(tmp_path: Path) -> None:
    sample = str(resource("sample.argmap.json"))
    dot = _convert(sample, "map.dot", cwd=tmp_path)
    assert dot.returncode == 0
    assert "warning: Graphviz DOT: a drawing: argmap cannot open it again" in dot.stderr
    assert "5 sources (articles) not written" in dot.stderr
    assert "scenario priors not written" in dot.stderr
    aif = _convert(sample, "map.aif.json", cwd=tmp_path)
    assert aif.returncode == 0 and aif.stderr == ""  # AIF with argmap's entry holds it all
    original = json.loads(Path(sample).read_text(encoding="utf-8"))
    statements = len(original["statements"])
    wrote = f"wrote map.aif.json (AIF JSON (AIFdb, OVA): {statements} statements"
    assert aif.stdout.startswith(wrote)
    back = _convert("map.aif.json", "back.argmap.json", cwd=tmp_path)
    assert back.returncode == 0 and back.stderr == ""
    again = json.loads((tmp_path / "back.argmap.json").read_text(encoding="utf-8"))
    assert again == original


def test_a_broken_argdown_file_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "bad.argdown").write_text("[A]: a\n\n(1) p\n(2) q\n", encoding="utf-8")
    run = _convert("bad.argdown", "out.argmap.json", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.startswith("argmap convert: error: bad.argdown: line 5, column 1: ")
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out.argmap.json").exists()


def test_argdown_export_says_it_leaves_out_the_maps_properties_and_signposts(
    tmp_path: Path,
) -> None:
    # The sample's description, analyst, date and source policy, and its signposts, have no
    # place in Argdown: the export said nothing of them.
    run = _convert(str(resource("sample.argmap.json")), "map.argdown", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (
        "4 map properties (description, analyst, as-of date, source policy) not written"
        in run.stderr
    )
    assert "signposts not written" in run.stderr
