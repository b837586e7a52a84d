"""Killing argmap with SIGKILL in the middle of a save leaves the old map or the new one, whole.

A helper process imports argmap once, then for each round forks a worker that saves two
versions of a large map over the same file, alternately, as fast as it can. The test kills
the worker at a random moment and reads the file: it must be exactly one of the two
versions and load cleanly, every time (and so must the ``.bak``).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.io.map_file import dumps_map, load_map, save_map

KILLS = 25
TIME_BUDGET_S = 18.0

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

# The helper reads one line per round: "save" forks a worker calling save_map (serialise,
# check, write), "write" one calling write_atomically with the bytes ready, so that kills
# land inside the disk-write phase too. It prints the worker's pid, waits for it to die
# and prints its wait status.
HELPER = r"""
import os, sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from synthetic_maps import make_map
from argmap.io.atomic_write import write_atomically
from argmap.io.map_file import dumps_map, save_map
target = sys.argv[3]
a = make_map(int(sys.argv[4]), seed=1)
b = a.model_copy(deep=True)
b.title = "version B"
maps = (b, a)
raw = [dumps_map(m).encode() for m in maps]
print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        n = 0
        while True:
            if line.strip() == "save":
                save_map(maps[n % 2], target)
            else:
                write_atomically(target, raw[n % 2])
            n += 1
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(status, flush=True)
"""


def test_sigkill_during_save_never_leaves_a_broken_file(tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parents[3]
    sys.path.insert(0, str(repo / "benchmarks"))
    try:
        from synthetic_maps import make_map  # noqa: PLC0415
    finally:
        sys.path.remove(str(repo / "benchmarks"))
    statements = 3000
    a = make_map(statements, seed=1)
    b = a.model_copy(deep=True)
    b.title = "version B"
    versions = {dumps_map(a).encode(): "old", dumps_map(b).encode(): "new"}
    target = tmp_path / "big.argmap.json"
    save_map(a, target)
    save_map(a, target)  # so there is a .bak from the start
    size = target.stat().st_size

    command = [sys.executable, "-c", HELPER, str(repo), str(repo / "benchmarks"), str(target)]
    with subprocess.Popen(
        [*command, str(statements)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as helper:
        kills, seen, backups, elapsed = _kill_rounds(helper, target, versions)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    print(
        f"\nSIGKILL during save: {kills} kills in {elapsed:.1f} s on a {size / 2**20:.1f} MB map; "
        f"file afterwards: {seen['old']} old / {seen['new']} new, whole every time; "
        f".bak: {backups['old']} old / {backups['new']} new; data lost: 0; "
        f"stray temporary files: {len(leftovers)}"
    )
    assert kills >= 20
    # The random delays straddle several saves, so both versions must have been seen.
    assert seen["old"] > 0 and seen["new"] > 0
    assert load_map(target).title in {a.title, "version B"}


def _kill_rounds(
    helper: subprocess.Popen[str], target: Path, versions: dict[bytes, str]
) -> tuple[int, dict[str, int], dict[str, int], float]:
    assert helper.stdin is not None and helper.stdout is not None
    rng = random.Random(20250301)
    seen = {"old": 0, "new": 0}
    backups = {"old": 0, "new": 0}
    kills = 0
    started = time.monotonic()
    try:
        assert helper.stdout.readline().strip() == "ready"
        while kills < KILLS and time.monotonic() - started < TIME_BUDGET_S:
            helper.stdin.write("save\n" if kills % 2 else "write\n")
            helper.stdin.flush()
            worker = int(helper.stdout.readline())
            time.sleep(rng.uniform(0.02, 0.35))
            os.kill(worker, signal.SIGKILL)
            status = int(helper.stdout.readline())
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            kills += 1

            content = target.read_bytes()
            assert content in versions, f"kill {kills}: the map file is neither version"
            seen[versions[content]] += 1
            load_map(target)
            backup = target.with_name(target.name + ".bak").read_bytes()
            assert backup in versions, f"kill {kills}: the backup is neither version"
            backups[versions[backup]] += 1
    finally:
        helper.stdin.close()
        helper.kill()
    return kills, seen, backups, time.monotonic() - started
