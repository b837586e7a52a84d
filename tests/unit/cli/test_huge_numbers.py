"""A number beyond float range in any number field is a clear error, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main

HUGE = "1" + "0" * 400


@pytest.mark.parametrize("sign", ["", "-"])
@pytest.mark.parametrize("field", ["prior", "credibility"])
@pytest.mark.parametrize("command", ["analyze", "validate", "doctor", "export"])
def test_a_400_digit_number_is_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sign: str, field: str, command: str
) -> None:
    path = tmp_path / "n.argmap.json"
    path.write_text(
        '{"format": "argmap", "version": 1, "statements": [{"id": "s-1", "kind": "scenario",'
        f' "text": "x", "{field}": {sign}{HUGE}}}]}}',
        encoding="utf-8",
    )
    args = [command, str(path)]
    if command == "export":
        args += ["-o", str(tmp_path / "n.svg")]
    code = main(args)
    err = capsys.readouterr().err
    assert code != 0
    assert "Traceback" not in err and "OverflowError" not in err
