"""End to end with real git: two clones edit the sample map in parallel, pull, and argmap's
merge driver (installed by ``argmap git-setup``) merges the map."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.io.map_file import load_map, load_map_with_report, save_map
from argmap.model.edits import MapIndex, add_statement, set_statement_field
from argmap.model.three_way import NOTE_MARK
from argmap.model.validation import errors
from argmap.resources import resource

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
MAP = "kremlin.argmap.json"
IDENTITY = {
    "GIT_AUTHOR_NAME": "A",
    "GIT_AUTHOR_EMAIL": "a@example.org",
    "GIT_COMMITTER_NAME": "A",
    "GIT_COMMITTER_EMAIL": "a@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _env(cwd: Path) -> dict[str, str]:
    """No user's or system's git config: HOME is the folder above the working folder (the
    test's temporary folder, or pytest's above it), never the user's."""
    return {**os.environ, **IDENTITY, "HOME": str(cwd.parent)}


def _git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=_env(cwd), timeout=120,
        check=False,
    )  # fmt: skip
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {done.stdout}{done.stderr}")
    return done


def _argmap(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd, capture_output=True, text=True, env=_env(cwd), timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture
def clones(tmp_path: Path) -> tuple[Path, Path]:
    """Two clones of a repository holding the sample map, each set up with git-setup."""
    origin = tmp_path / "origin.git"
    _git(tmp_path, "init", "--bare", "-b", "main", str(origin))
    ann, bob = tmp_path / "ann", tmp_path / "bob"
    _git(tmp_path, "clone", str(origin), str(ann))
    shutil.copyfile(str(resource("sample.argmap.json")), ann / MAP)
    setup = _argmap(ann, "git-setup")
    assert setup.returncode == 0, setup.stderr
    assert (ann / ".gitattributes").read_text() == "*.argmap.json merge=argmap\n"
    assert _git(ann, "check-attr", "merge", MAP).stdout == f"{MAP}: merge: argmap\n"
    _git(ann, "add", MAP, ".gitattributes")
    _git(ann, "commit", "-m", "the sample map")
    _git(ann, "push", "origin", "HEAD:main")
    _git(tmp_path, "clone", str(origin), str(bob))
    assert _argmap(bob, "git-setup").returncode == 0
    return ann, bob


def _edit(
    clone: Path, message: str, *edits: tuple[str, str, object], new: str | None = None
) -> None:
    doc = load_map(clone / MAP)
    ix = MapIndex(doc)
    for statement_id, name, value in edits:
        ix.apply(set_statement_field(ix, statement_id, name, value))
    if new is not None:
        ix.apply(
            add_statement(ix, new, statement_id=f"s-{new.lower()}", parent="s-putin-flexibility")
        )
    save_map(doc, clone / MAP, backup=False)
    _git(clone, "commit", "-am", message)


def test_parallel_edits_merge_cleanly_through_the_driver(clones: tuple[Path, Path]) -> None:
    ann, bob = clones
    _edit(ann, "ann", ("s-putin-flexibility", "text", "Putin may bend on a ceasefire"), new="Ann")
    _git(ann, "push", "origin", "HEAD:main")
    _edit(bob, "bob", ("s-putin-flexibility", "credibility", 0.35), new="Bob")
    pulled = _git(bob, "pull", "--no-rebase", "--no-edit", "origin", "main", check=False)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    result = load_map_with_report(bob / MAP)
    assert errors(result.problems) == []
    merged = result.doc
    assert merged.statement("s-putin-flexibility").text == "Putin may bend on a ceasefire"
    assert merged.statement("s-putin-flexibility").credibility == 0.35
    assert {"s-ann", "s-bob"} <= {s.id for s in merged.statements}
    assert _argmap(bob, "validate", MAP).returncode == 0


def test_a_true_conflict_is_marked_for_git_and_the_map_still_opens(
    clones: tuple[Path, Path],
) -> None:
    ann, bob = clones
    _edit(ann, "ann", ("s-putin-flexibility", "text", "Ann's wording"))
    _git(ann, "push", "origin", "HEAD:main")
    _edit(bob, "bob", ("s-putin-flexibility", "text", "Bob's wording"))
    pulled = _git(bob, "pull", "--no-rebase", "--no-edit", "origin", "main", check=False)
    assert pulled.returncode != 0
    assert 'statements["s-putin-flexibility"].text: changed on both sides' in pulled.stderr
    assert _git(bob, "status", "--porcelain").stdout.startswith(f"UU {MAP}")
    merged = load_map(bob / MAP)  # no <<<<<<< markers: the file is a map
    flexibility = merged.statement("s-putin-flexibility")
    assert flexibility.text == "Bob's wording"
    assert NOTE_MARK in flexibility.notes and "Ann's wording" in flexibility.notes
    _git(bob, "add", MAP)  # resolved: commit the merge
    _git(bob, "commit", "--no-edit")
