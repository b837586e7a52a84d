"""A filled judgement sheet with more cells than its header names: a row whose value was
split by a decimal comma (``0,7`` in a comma-separated sheet) is named and not read (it was
read as 0), and a column argmap does not read (an analyst's comments) is named once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from layer_maps import two_scenarios

from argmap.interop.judgement_sheet import read_sheet
from argmap.io.map_file import load_map, save_map

ARGMAP = Path(sys.executable).with_name("argmap")
HEADER = "judgement,id,scenario,text,scale,value"


def _argmap(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ARGMAP), *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )


def test_a_value_split_by_a_decimal_comma_is_named_not_read_as_zero() -> None:
    sheet = f"{HEADER}\r\ncredibility,e1,,Report one,scale,0,7\r\ncredibility,e2,,,,0.4\r\n"
    result = read_sheet(two_scenarios(), sheet, "Ann")
    assert result.problems == [
        "line 2: 7 cells where the header names 6 columns (a decimal comma? write 0.7, or "
        "put the value in quotes); not read"
    ]
    assert result.layer.credibility == {"e2": 0.4}


def test_a_column_argmap_does_not_read_is_named_once() -> None:
    sheet = (
        f"{HEADER},comment\r\ncredibility,e1,,,,0.7,after the second report\r\n"
        "credibility,e2,,,,0.4,\r\n"
    )
    result = read_sheet(two_scenarios(), sheet, "Ann")
    assert result.problems == []
    assert result.notes == [
        "column 'comment' is not read (a layer holds values only): 1 of its cells is filled"
    ]
    assert result.layer.credibility == {"e1": 0.7, "e2": 0.4}


def test_an_empty_extra_column_needs_no_word() -> None:
    sheet = f"{HEADER},\r\ncredibility,e1,,,,0.7,\r\n"
    result = read_sheet(two_scenarios(), sheet, "Ann")
    assert (result.problems, result.notes) == ([], [])


def test_layers_import_refuses_a_decimal_comma_and_names_an_unread_column(
    tmp_path: Path,
) -> None:
    save_map(two_scenarios(), tmp_path / "m.argmap.json")
    sheet = tmp_path / "ann.csv"
    sheet.write_text(f"{HEADER}\r\ncredibility,e1,,Report one,scale,0,7\r\n", encoding="utf-8")
    out = tmp_path / "out.argmap.json"
    done = _argmap("layers", "import", tmp_path / "m.argmap.json", sheet, "-o", out)
    assert done.returncode == 1 and not out.exists()
    assert "line 2: 7 cells where the header names 6 columns (a decimal comma?" in done.stderr
    sheet.write_text(
        f"{HEADER},comment\r\ncredibility,e1,,Report one,scale,0.7,why\r\n", encoding="utf-8"
    )
    done = _argmap("layers", "import", tmp_path / "m.argmap.json", sheet, "-o", out)
    assert done.returncode == 0, done.stderr
    assert f"{sheet}: column 'comment' is not read" in done.stderr
    assert load_map(out).layers[0].credibility == {"e1": 0.7}
