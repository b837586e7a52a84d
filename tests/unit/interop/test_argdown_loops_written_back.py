"""An argument whose inference closes a support loop (or concludes its only premise) cannot
be drawn in a map, but Argdown allows it: the import keeps it, and the export writes the
argument back where it was, with its premise-conclusion structure, so that Argdown ->
argmap -> Argdown -> argmap reads the same loop again. What the export cannot write (a
kept argument whose statements were deleted since) is named, never dropped silently."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from argmap.interop import losses
from argmap.interop.argdown_reader import read_argdown
from argmap.interop.argdown_writer import dumps_argdown

ARGMAP = Path(sys.executable).with_name("argmap")

LOOP = """\
[A]: Prices rise.

<Pass on>

(1) [A]
(2) [D]: Costs are passed on.
-- Cause to effect {strength: 0.4, source: interview} --
(3) [B]: Wages rise.

<Spend>

(1) [B]
(2) [E]: Workers spend.
----
(3) [A]
"""

WRITTEN = """\
[A]: Prices rise.

[D]: Costs are passed on.

[B]: Wages rise.

[E]: Workers spend.

<Pass on>

(1) [A]
(2) [D]
-- Cause to effect {source: interview, strength: 0.4} --
(3) [B]

<Spend>

(1) [B]
(2) [E]
----
(3) [A]
"""


def _convert(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ARGMAP), "convert", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
    )


def _loops(text: str) -> tuple[list[tuple[str, list[str], str]], list[str], list[str]]:
    """What a reader of ``text`` sees: drawn inferences (kind, premise texts, conclusion
    text), the arguments kept, and the warnings."""
    doc, report = read_argdown(text)
    said = {s.id: s.text for s in doc.statements}
    drawn = [
        (str(i.kind), [said[p] for p in i.premises], said[i.conclusion]) for i in doc.inferences
    ]
    kept = doc.dialogue.argdown if doc.dialogue is not None else None
    assert kept is not None
    return drawn, [a.title for a in kept.arguments], report.warnings


def test_the_argument_closing_a_loop_is_written_back_with_its_structure() -> None:
    doc, report = read_argdown(LOOP)
    assert report.warnings == [
        "<Pass on>: [A], [D] support [B]: support cycle: 's-1' → 's-3' → 's-1' (through inferences "
        "'i-1', 'i-2'); a statement cannot support itself; kept for Argdown export, not drawn"
    ]
    assert dumps_argdown(doc) == WRITTEN


def test_the_loop_reads_the_same_after_a_round_trip() -> None:
    first = _loops(LOOP)
    doc, _report = read_argdown(LOOP)
    assert _loops(dumps_argdown(doc)) == first
    assert first[0] == [("support", ["Wages rise.", "Workers spend."], "Prices rise.")]


def test_convert_argdown_to_a_map_and_back_keeps_the_loop(tmp_path: Path) -> None:
    (tmp_path / "loop.argdown").write_text(LOOP, encoding="utf-8")
    run = _convert("loop.argdown", "loop.argmap.json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "kept for Argdown export, not drawn" in run.stderr
    run = _convert("loop.argmap.json", "back.argdown", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    back = (tmp_path / "back.argdown").read_text(encoding="utf-8")
    assert back == "===\ntitle: loop\n===\n\n\n" + WRITTEN
    assert _loops(back)[:2] == _loops(LOOP)[:2]


def test_an_argument_concluding_its_only_premise_is_written_back() -> None:
    text = "<Circular>\n\n(1) [Same]: A premise that is also the conclusion.\n----\n(2) [Same]\n"
    doc, report = read_argdown(text)
    assert report.warnings == [
        "<Circular>: [Same] support [Same]: inference 'i-1' has its own conclusion 's-1' among "
        "its premises; kept for Argdown export, not drawn"
    ]
    assert doc.inferences == []
    assert dumps_argdown(doc) == (
        "[Same]: A premise that is also the conclusion.\n\n"
        "<Circular>\n\n(1) [Same]\n----\n(2) [Same]\n"
    )


def test_a_kept_argument_whose_premise_was_deleted_is_named_as_not_written() -> None:
    doc, _report = read_argdown(LOOP)
    doc.statements = [s for s in doc.statements if s.text != "Costs are passed on."]
    assert "1 kept Argdown inference steps whose statements were deleted not written" in losses(
        "argdown", doc
    )
    written = dumps_argdown(doc)
    assert "<Pass on>" not in written and "<Spend>" in written


def test_a_kept_step_is_drawn_again_once_the_loop_is_broken_in_argmap() -> None:
    doc, _report = read_argdown(LOOP)
    doc.inferences = []  # the user deleted <Spend>'s inference: nothing closes the loop
    again, report = read_argdown(dumps_argdown(doc))
    assert report.warnings == []
    said = {s.id: s.text for s in again.statements}
    assert [([said[p] for p in i.premises], said[i.conclusion]) for i in again.inferences] == [
        (["Prices rise.", "Costs are passed on."], "Wages rise.")
    ]
    assert again.inferences[0].scheme == "Cause to effect"
    assert again.inferences[0].strength == 0.4


def test_converting_a_loop_to_aif_says_the_kept_argument_is_not_written(tmp_path: Path) -> None:
    (tmp_path / "loop.argdown").write_text(LOOP, encoding="utf-8")
    run = _convert("loop.argdown", "loop.aif.json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (
        "argmap convert: warning: AIF JSON (AIFdb, OVA): 1 relations and inference lines "
        "kept from Argdown that the map does not draw not written"
    ) in run.stderr.splitlines()


def test_other_formats_name_what_only_argdown_holds() -> None:
    doc, _report = read_argdown(
        "# Prices {year: 2024}\n\n[A]: a {source: interview}\n  +> [B]: b\n    +> [A]\n\n"
        "<Pass on>: Firms pass costs on. {author: Ann}\n\n(1) [A]\n----\n(2) [C]: c\n"
    )
    undrawn = "1 relations and inference lines kept from Argdown that the map does not draw"
    kept = "3 Argdown headings, argument titles and descriptions, and data fields"
    for name in ("aif", "ova", "graphml", "dot", "markdown", "ach-csv"):
        assert f"{undrawn} not written" in losses(name, doc)
        assert f"{kept} not written" in losses(name, doc)
    assert losses("argmap", doc) == []
    assert not any("Argdown" in line for line in losses("argdown", doc))


def test_an_undercut_of_the_argument_closing_a_loop_is_written_back_under_it() -> None:
    text = LOOP.replace(
        "-- Cause to effect {strength: 0.4, source: interview} --\n",
        "-- Cause to effect {strength: 0.4, source: interview} --\n  <_ [U]: Costs are hedged.\n",
    )
    doc, report = read_argdown(text)
    assert report.warnings[1:] == [
        "[U] undercut <Pass on>'s inference line, which the map does not draw; kept for "
        "Argdown export, not drawn"
    ]
    written = dumps_argdown(doc)
    assert "-- Cause to effect {source: interview, strength: 0.4} --\n  <_ [U]\n(3) [B]" in written
    assert losses("argdown", doc) == []
    assert _loops(written) == _loops(text)
