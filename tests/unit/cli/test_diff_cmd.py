"""``argmap diff A B`` as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from argmap.analysis.report import analyze
from argmap.io.map_file import load_map, save_map
from argmap.model import Statement, StatementKind
from argmap.resources import resource


def _argmap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip


def test_diff_lists_records_judgements_and_weights(tmp_path: Path) -> None:
    old = load_map(str(resource("sample.argmap.json")))
    new = old.model_copy(deep=True)
    new.statement("s-sc-frozen").prior = 0.4
    new.statement("s-putin-flexibility").text = "Putin may bend on a ceasefire"
    new.statements.append(Statement(id="s-new", kind=StatementKind.CLAIM, text="A new claim"))
    gone = new.statements.pop(
        next(k for k, s in enumerate(new.statements) if s.id == "s-ev-lavrov")
    )
    new.inferences = [i for i in new.inferences if gone.id not in (*i.premises, i.conclusion)]
    new.ratings = [r for r in new.ratings if gone.id not in (r.evidence, r.scenario)]
    new.ach_rows = [r for r in new.ach_rows if r.evidence != gone.id]
    new.view.pinned.pop(gone.id, None)
    a, b = tmp_path / "a.argmap.json", tmp_path / "b.argmap.json"
    save_map(old, a)
    save_map(new, b)
    done = _argmap("diff", str(a), str(b))
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    was = old.statement("s-putin-flexibility").text
    assert (
        f'~ statement s-putin-flexibility text: "{was}" → "Putin may bend on a ceasefire"' in lines
    )
    assert '+ statement s-new: "A new claim"' in lines
    assert any(line.startswith("- statement s-ev-lavrov: ") for line in lines)
    assert f"  ~ statement s-sc-frozen prior: {old.statement('s-sc-frozen').prior:g} → 0.4" in lines
    assert lines.index("judgements (1):") < lines.index("weights:")
    frozen = analyze(old).scenario("s-sc-frozen")
    assert any(
        line.startswith(f"  {frozen.title}: {round(100 * frozen.weight)} % → ") for line in lines
    ), lines
    same = _argmap("diff", str(a), str(a))
    assert (same.returncode, same.stdout) == (0, "no differences\n")
