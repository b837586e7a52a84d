"""No command ends in a traceback: a reader that goes away, numbers too big for a float."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from layout_maps import ceasefire_map

from argmap.io.map_file import save_map

EXIT_READER_GONE = 141  # 128 + SIGPIPE, as a Unix tool reports it
ARGMAP = [sys.executable, "-m", "argmap"]
HUGE = "1" + "0" * 400  # a 401-digit integer: float() of it overflows


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.argmap.json"
    save_map(ceasefire_map(), path)
    return path


SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample.argmap.json"


@pytest.mark.parametrize(
    "args",
    [
        ["schema"],
        ["--help"],
        ["validate", "{map}"],
        ["doctor", "{map}", "--json"],
        ["convert", "{map}", "-", "--to", "argdown"],
        ["analyze", "{map}"],
    ],
)
def test_a_reader_that_went_away_ends_the_command_quietly(map_file: Path, args: list[str]) -> None:
    """What `argmap … | head -1` does once head has its line: the pipe is closed."""
    command = ARGMAP + [a.format(map=map_file) for a in args]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # gone before the command writes a thing
        errors = proc.stderr.read()
        code = proc.wait(timeout=120)
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
    assert errors == ""
    assert code in (0, EXIT_READER_GONE)  # 0: all of it fitted in the pipe before it closed


def test_schema_piped_into_head(tmp_path: Path) -> None:
    errors = tmp_path / "stderr"
    done = subprocess.run(
        f"{sys.executable} -m argmap schema 2>{errors} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=True,
        env=_env(),
    )
    assert done.stdout == "{\n"
    assert errors.read_text() == ""


def _ova_with_x(x: str, tmp_path: Path) -> Path:
    ova = {
        "AIF": {
            "nodes": [
                {"nodeID": "1", "text": "Kyiv will not cede territory", "type": "I"},
                {"nodeID": "2", "text": "The constitution forbids it", "type": "I"},
                {"nodeID": "3", "text": "Default Inference", "type": "RA"},
            ],
            "edges": [
                {"edgeID": "1", "fromID": "2", "toID": "3"},
                {"edgeID": "2", "fromID": "3", "toID": "1"},
            ],
        },
        "OVA": {"nodes": [{"nodeID": "1", "x": "X", "y": 10}]},
    }
    path = tmp_path / "huge.ova.json"
    path.write_text(json.dumps(ova).replace('"X"', x))
    return path


@pytest.mark.parametrize(("x", "shown"), [(HUGE, "(401 digits)"), ("1e308", "1e+308")])
def test_an_ova_coordinate_too_big_is_a_clear_error(tmp_path: Path, x: str, shown: str) -> None:
    source = _ova_with_x(x, tmp_path)
    done = subprocess.run(
        [*ARGMAP, "convert", str(source), str(tmp_path / "out.argmap.json")],
        capture_output=True,
        text=True,
        check=False,
        env=_env(),
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "$.OVA.nodes[0].x: coordinate" in done.stderr and shown in done.stderr
    assert "off the canvas" in done.stderr
    assert not (tmp_path / "out.argmap.json").exists()


def test_a_card_pinned_off_the_canvas_is_refused_not_exported_as_one_pixel(
    tmp_path: Path,
) -> None:
    doc = ceasefire_map()
    first = doc.statements[0].id
    doc.view.pinned = {first: (1e308, 0.0)}
    path = tmp_path / "far.argmap.json"
    path.write_text(doc.model_dump_json(), encoding="utf-8")
    for command in (["validate", str(path)], ["export", str(path), "-o", str(tmp_path / "x.png")]):
        done = subprocess.run(
            [*ARGMAP, *command], capture_output=True, text=True, check=False, env=_env()
        )
        assert done.returncode != 0, command
        assert f"the position of '{first}' is (1e+308, 0), off the canvas" in (
            done.stdout + done.stderr
        )
    assert not (tmp_path / "x.png").exists()
    done = subprocess.run(
        [*ARGMAP, "doctor", str(path), "--repair", "-o", str(tmp_path / "fixed.argmap.json")],
        capture_output=True,
        text=True,
        check=False,
        env=_env(),
    )
    assert "pinned position dropped: it is not a position on the canvas" in done.stdout
    done = subprocess.run(
        [*ARGMAP, "export", str(tmp_path / "fixed.argmap.json"), "-o", str(tmp_path / "x.png")],
        capture_output=True,
        text=True,
        check=False,
        env=_env(),
    )
    assert done.returncode == 0 and "1x1 px" not in done.stdout
