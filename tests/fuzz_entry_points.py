"""Every entry point of argmap, end to end, on hostile and pathological maps, within budgets.

Shared by ``tests/unit/test_fuzz_entry_points.py`` (a few hundred inputs in CI) and
``benchmarks/fuzz_long.py --entry-points`` (thousands). An entry point takes the bytes of
a file (a map, an AIF file or a recovery snapshot), puts them where a user would, and runs
one way in: every ``argmap`` command in process (``main([...])``, output captured, the GUI
ones with Qt's event loop replaced by a few rounds of events and key presses), the layout,
saving and loading again, and the recovery reader.

A *finding* is a crash (an exception, an exit status other than 0, 1, 2, a failure without
a message, an export that reports success over a broken file, a saved map that does not
load back), a *hang* (past the time limit) or a *budget breach* (the call's peak resident
memory above the process's before it, past ``budget_mb``).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from fuzz_inputs import ROOT, HangError, Target, mutate, run_bounded, time_limit
from map_shapes import chain_map, dag_map, fan_map, undercut_chain_map

from argmap.cli import main
from argmap.model import ArgMap, Statement, StatementKind

BUDGET_MB = 600.0  # above the process's own, per call, for maps up to a few thousand cards
CALL_LIMIT_S = 20.0
WRITABLE = ("argmap", "aif", "argdown", "graphml", "dot", "md", "csv")
_SUFFIX = {"argmap": ".argmap.json", "aif": ".aif.json", "argdown": ".argdown",
           "graphml": ".graphml", "dot": ".dot", "md": ".md", "csv": ".csv"}  # fmt: skip


class MisbehaviourError(Exception):
    """An entry point misbehaved (not a clean refusal)."""


@dataclass(frozen=True)
class EntryPoint:
    """A way into argmap: ``run(scratch, path, rnd)`` on a file holding the fuzzed bytes."""

    name: str
    kind: str  # what the bytes are: "map", "aif" or "snapshot"
    run: Callable[[Path, Path, random.Random], None]


@dataclass
class Outcome:
    """What one call did: its finding (None: fine), seconds and peak MB above the start."""

    problem: str | None
    seconds: float
    peak_mb: float
    kind: str = ""  # "crash", "hang" or "budget" when there is a problem


# --------------------------------------------------------------------------- the commands


def cli(*args: str) -> tuple[int, str, str]:
    """``argmap ARGS`` in this process: (exit status, stdout, stderr); MisbehaviourError if it
    raises, exits with another status, or fails without saying why."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: Any = main(list(args))
        except SystemExit as exc:
            code = exc.code
    if code not in (0, 1, 2):
        raise MisbehaviourError(
            f"argmap {' '.join(args[:2])}: exit status {code!r}: {err.getvalue()[-300:]}"
        )
    if "Traceback" in err.getvalue():
        raise MisbehaviourError(f"argmap {args[0]}: a traceback: {err.getvalue()[-300:]}")
    if code == 2 and not (err.getvalue().strip() or out.getvalue().strip()):
        raise MisbehaviourError(f"argmap {args[0]}: failed with no message")
    return int(code), out.getvalue(), err.getvalue()


def _validate(scratch: Path, path: Path, rnd: random.Random) -> None:
    cli("validate", str(path), *(["--json"] if rnd.random() < 0.5 else []))


def _doctor(scratch: Path, path: Path, rnd: random.Random) -> None:
    out = scratch / "repaired.argmap.json"
    args = ["doctor", str(path)]
    if rnd.random() < 0.6:
        args += ["--repair", "-o", str(out)]
    if rnd.random() < 0.3:
        args.append("--json")
    code, _, _ = cli(*args)
    if "--repair" in args and code != 2 and out.exists():
        again, _, err = cli("doctor", str(out))
        if again == 2:
            raise MisbehaviourError(
                f"doctor --repair wrote a map that cannot be read: {err[-200:]}"
            )


def _export(scratch: Path, path: Path, rnd: random.Random) -> None:
    fmt = rnd.choice(("svg", "png", "pdf"))
    out = scratch / f"out.{fmt}"
    args = ["export", str(path), "-o", str(out), "--theme", rnd.choice(("light", "dark"))]
    for flag in ("--legend", "--weights", "--expanded", "--transparent"):
        if rnd.random() < 0.3:
            args.append(flag)
    if rnd.random() < 0.3:
        args += ["--direction", rnd.choice(("TB", "LR"))]
    if rnd.random() < 0.2:
        args += ["--subtree", rnd.choice(_ids(path) or ["s-1"])]
    if fmt == "png" and rnd.random() < 0.3:
        args += ["--scale", rnd.choice(("0.1", "2", "999"))]
    code, _, _ = cli(*args)
    if code == 0:
        _check_export(out, fmt)
    elif out.exists():
        raise MisbehaviourError(f"export {fmt} failed but left {out.name}")


def _check_export(out: Path, fmt: str) -> None:
    data = out.read_bytes() if out.exists() else b""
    if fmt == "svg":
        try:
            ElementTree.fromstring(data)
        except ElementTree.ParseError as exc:
            raise MisbehaviourError(f"export svg wrote a broken file: {exc}") from None
    elif fmt == "pdf" and not (data.startswith(b"%PDF") and b"%%EOF" in data[-64:]):
        raise MisbehaviourError(f"export pdf wrote a broken file ({len(data)} bytes)")
    elif fmt == "png" and not _whole_png(data):
        raise MisbehaviourError(f"export png wrote a broken file ({len(data)} bytes)")


def _whole_png(data: bytes) -> bool:
    """A PNG signature, a header with a size, and the end chunk last (not decoded: a
    capped export may still be bigger than Qt's reader allows)."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        return False
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return width > 0 and height > 0 and data[-8:-4] == b"IEND"


def _convert(scratch: Path, path: Path, rnd: random.Random) -> None:
    fmt = rnd.choice(WRITABLE)
    out = scratch / f"converted{_SUFFIX[fmt]}"
    code, _, _ = cli("convert", str(path), str(out), "--to", fmt)
    if code == 0 and fmt in ("argmap", "aif"):
        back, _, err = cli("convert", str(out), str(scratch / "back.argmap.json"))
        if back != 0:
            raise MisbehaviourError(
                f"convert wrote {fmt} that argmap cannot read back: {err[-200:]}"
            )


def _analyze(scratch: Path, path: Path, rnd: random.Random) -> None:
    cli("analyze", str(path))


def _import(scratch: Path, path: Path, rnd: random.Random) -> None:
    article = rnd.choice(sorted((ROOT / "seeds").glob("*.txt")))
    cli("import", str(article), "--into", str(path))


def _schema(scratch: Path, path: Path, rnd: random.Random) -> None:
    code, out, _ = cli("schema")
    if code != 0 or not json.loads(out):
        raise MisbehaviourError("argmap schema printed no schema")


def _present(scratch: Path, path: Path, rnd: random.Random) -> None:
    with _no_event_loop(rnd):
        cli("present", str(path), "--step", str(rnd.choice((0, 1, 5, 10_000))))


def _open(scratch: Path, path: Path, rnd: random.Random) -> None:
    with _no_event_loop(rnd):
        cli("open", str(path))


# --------------------------------------------------------------------------- in-process APIs


def _layout_and_save(scratch: Path, path: Path, rnd: random.Random) -> None:
    """Read the map as the app does, lay it out both ways, save it, read it back."""
    from argmap.io.map_file import MapFileError, load_map, save_map  # noqa: PLC0415
    from argmap.layout.tidy_tree import TreeLayouter  # noqa: PLC0415

    try:
        doc = load_map(path)
    except MapFileError:
        return
    layouter = TreeLayouter()
    for direction in ("TB", "LR", "TB"):
        layouter.layout(doc, direction)
    saved = scratch / "saved.argmap.json"
    try:
        save_map(doc, saved, backup=False)
    except MapFileError:
        return  # refused with a reason: what it cannot read back it does not write
    try:
        again = load_map(saved)
    except MapFileError as exc:
        raise MisbehaviourError(f"a saved map does not load back: {exc}") from None
    if again.model_dump() != doc.model_dump():
        raise MisbehaviourError("a saved map loads back different")


def _recovery(scratch: Path, path: Path, rnd: random.Random) -> None:
    """The recovery reader on a snapshot file's (fuzzed) bytes, as the next launch reads it."""
    from argmap.io.recovery import RecoveryError, RecoveryStore  # noqa: PLC0415

    folder = scratch / "recovery"
    shutil.rmtree(folder, ignore_errors=True)
    store = RecoveryStore(folder)
    shutil.copyfile(path, store.path_for("fuzzed"))
    for snapshot in store.snapshots():
        try:
            store.restore(snapshot.key)
        except RecoveryError:
            pass
        if not snapshot.display_name:
            raise MisbehaviourError("a listed snapshot has no name to show")


def _ids(path: Path) -> list[str]:
    try:
        raw = json.loads(path.read_bytes())
        return [s["id"] for s in raw["statements"] if isinstance(s.get("id"), str)][:50]
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return []


ENTRY_POINTS = [
    EntryPoint("validate", "map", _validate),
    EntryPoint("doctor", "map", _doctor),
    EntryPoint("export", "map", _export),
    EntryPoint("convert", "map", _convert),
    EntryPoint("convert-aif", "aif", _convert),
    EntryPoint("analyze", "map", _analyze),
    EntryPoint("import", "map", _import),
    EntryPoint("schema", "map", _schema),
    EntryPoint("present", "map", _present),
    EntryPoint("open", "map", _open),
    EntryPoint("layout-save", "map", _layout_and_save),
    EntryPoint("recovery", "snapshot", _recovery),
]


# --------------------------------------------------------------------------- the GUI commands


@contextlib.contextmanager
def _no_event_loop(rnd: random.Random) -> Iterator[None]:
    """Qt's event loop, message boxes and dialogs replaced: a few rounds of events and
    key presses instead, then every window closed without asking."""
    from PySide6.QtCore import QEvent, Qt  # noqa: PLC0415
    from PySide6.QtGui import QKeyEvent  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox  # noqa: PLC0415

    keys = [Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Q, Qt.Key.Key_S, Qt.Key.Key_Left,
            Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Home, Qt.Key.Key_End]  # fmt: skip

    def run_briefly(*_args: object) -> int:
        app = QApplication.instance()
        assert app is not None
        for _ in range(3):
            app.processEvents()
        for window in QApplication.topLevelWidgets():
            if window.isVisible():
                for key in rnd.sample(keys, 4):
                    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier)
                        QApplication.sendEvent(window, event)
                app.processEvents()
        return 0

    answer = QMessageBox.StandardButton.Discard
    saved = {
        (QApplication, "exec"): QApplication.exec,
        (QDialog, "exec"): QDialog.exec,
        **{(QMessageBox, n): getattr(QMessageBox, n) for n in
           ("warning", "critical", "information", "question")},
    }  # fmt: skip
    QApplication.exec = staticmethod(run_briefly)  # type: ignore[method-assign,assignment]
    QDialog.exec = lambda *_a: 0  # type: ignore[method-assign,assignment]
    for name in ("warning", "critical", "information", "question"):
        setattr(QMessageBox, name, staticmethod(lambda *_a, **_k: answer))
    try:
        yield
    finally:
        for (owner, name), value in saved.items():
            setattr(owner, name, value)
        _close_windows()


def _close_windows() -> None:
    from PySide6.QtCore import QEvent  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    for window in QApplication.topLevelWidgets():
        controller = getattr(window, "controller", None)
        if controller is not None:
            controller.undo_stack.setClean()
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


# --------------------------------------------------------------------------- inputs


def pathological_map(rnd: random.Random, scale: int) -> bytes:
    """A valid map of a hard shape (up to ``scale`` statements), or one with very long
    lines, odd Unicode, or numbers past what a float holds, as file bytes."""
    n = rnd.randint(2, scale)
    pick = rnd.randrange(7)
    if pick == 0:
        doc = chain_map(n)
    elif pick == 1:
        doc = undercut_chain_map(max(3, n))
    elif pick == 2:
        doc = fan_map(n)
    elif pick == 3:
        doc = dag_map(n, width=rnd.choice((2, 10, 50)))
    else:
        doc = chain_map(min(n, 30))
        _odd_text(doc, rnd)
    raw = json.loads(doc.model_dump_json())
    if pick >= 5:
        _huge_numbers(raw, rnd)
    return json.dumps(raw, ensure_ascii=rnd.random() < 0.5).encode("utf-8", "surrogatepass")


def _odd_text(doc: ArgMap, rnd: random.Random) -> None:
    texts = [
        "x" * rnd.choice((5_000, 200_000)),  # one word longer than any card
        "word " * 50_000,
        "\n" * 5_000 + "end",
        "\u202eevil\u2066 \u2069\u2069" * 50,
        "e\u0301" * 5_000,  # combining marks
        "\U0001f600" * 2_000,
        '<img src="file:///etc/passwd"> <b>bold</b>',
        "\x1b[2J\x1b]0;title\x07",
        "مرحبا بالعالم " * 200,
    ]
    doc.title = rnd.choice(texts)[:100_000]
    for s in rnd.sample(doc.statements, min(len(doc.statements), 3)):
        s.text = rnd.choice(texts)
        s.notes = rnd.choice(texts)
        s.tags = [rnd.choice(texts)[:200]]
    doc.statements.append(
        Statement(id="s-" + "9" * 300, kind=StatementKind.SCENARIO, text=rnd.choice(texts))
    )
    doc.view.pinned = {"s-0": (rnd.choice((1e300, -1e308, 1e-300, 0.0)), 5e307)}


def _huge_numbers(raw: dict[str, Any], rnd: random.Random) -> None:
    """Integers beyond float range where numbers belong (a JSON reader takes them)."""
    big = rnd.choice((10**400, -(10**400), 2**1024, 10**30))
    statement = rnd.choice(raw["statements"])
    where = rnd.randrange(4)
    if where == 0:
        statement["credibility"] = big
    elif where == 1:
        statement["prior"] = big
    elif where == 2 and raw["inferences"]:
        rnd.choice(raw["inferences"])["strength"] = big
    else:
        raw.setdefault("view", {})["pinned"] = {statement["id"]: [big, 0]}


def snapshot_bytes(map_bytes: bytes, rnd: random.Random) -> bytes:
    """A recovery snapshot (header line + map), its header sometimes broken."""
    header: dict[str, Any] = {
        "format": "argmap-recovery", "version": 1, "original_path": "/tmp/x.argmap.json",
        "title": "Fuzzed", "saved_at": "2026-11-22T10:00:00+00:00", "pid": 1, "host": "h",
    }  # fmt: skip
    if rnd.random() < 0.3:
        key = rnd.choice(sorted(header))
        header[key] = rnd.choice((None, 10**400, "", "x" * 10_000, [], "\u202e"))
    return json.dumps(header).encode() + b"\n" + map_bytes


def seed_maps() -> list[bytes]:
    """Real maps to mutate: a small one, the sample, and a few of hard shape."""
    from fuzz_inputs import _small_map  # noqa: PLC0415

    shapes = [chain_map(120), undercut_chain_map(40), fan_map(60), dag_map(150, width=12)]
    return [
        _small_map(),
        (ROOT / "resources/sample.argmap.json").read_bytes(),
        *(doc.model_dump_json().encode() for doc in shapes),
    ]


def aif_seeds() -> list[bytes]:
    names = ("ova3_save.json", "int_ids_schemes.json", "missing_fields.json")
    return [(ROOT / "tests/fixtures/aif" / n).read_bytes() for n in names]


def make_input(
    entry: EntryPoint, rnd: random.Random, maps: list[bytes], aifs: list[bytes], scale: int
) -> bytes:
    """One input for ``entry``: a mutated seed (mostly), or a pathological map."""
    if entry.kind == "aif":
        return mutate(rnd.choice(aifs), rnd, rnd.randint(1, 4))
    if rnd.random() < 0.3:
        data = pathological_map(rnd, scale)
    else:
        data = rnd.choice(maps)
        if rnd.random() < 0.8:
            data = mutate(data, rnd, rnd.randint(1, 4))
    return snapshot_bytes(data, rnd) if entry.kind == "snapshot" else data


# --------------------------------------------------------------------------- running one


def _rss_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> bool:
    """Start the peak RSS afresh (Linux: /proc/self/clear_refs); False if not possible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


@contextlib.contextmanager
def peak_memory() -> Iterator[Callable[[], float]]:
    """Measure the block's peak resident memory above the start, in MB (0 where the
    peak cannot be reset: not Linux)."""
    measured = _reset_peak()
    start_mb = _rss_mb("VmRSS:")
    yield lambda: _rss_mb("VmHWM:") - start_mb if measured else 0.0


def run_entry(
    entry: EntryPoint,
    data: bytes,
    *,
    limit: float = CALL_LIMIT_S,
    budget_mb: float = BUDGET_MB,
) -> Outcome:
    """Run ``entry`` on ``data`` in a fresh scratch folder, bounded in time and memory."""
    rnd = random.Random(data[:64] + len(data).to_bytes(8, "little"))
    scratch = Path(tempfile.mkdtemp(prefix=f"argmap-fuzz-{entry.name}-"))
    suffix = {"map": ".argmap.json", "aif": ".aif.json", "snapshot": ".argmap-recovery"}
    path = scratch / f"input{suffix[entry.kind]}"
    path.write_bytes(data)
    problem: str | None = None
    kind = ""
    began = time.perf_counter()
    with peak_memory() as peak:
        try:
            with time_limit(limit):
                entry.run(scratch, path, rnd)
        except HangError as exc:
            problem, kind = f"hang: {exc}", "hang"
        except MisbehaviourError as exc:
            problem, kind = str(exc)[:400], "crash"
        except Exception as exc:
            problem, kind = f"{type(exc).__name__}: {exc}"[:400], "crash"
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return _judged(problem, kind, time.perf_counter() - began, peak(), budget_mb)


def _judged(problem: str | None, kind: str, seconds: float, peak: float, budget: float) -> Outcome:
    if problem is None and peak > budget:
        problem, kind = f"budget: peak {peak:,.0f} MB above the start > {budget:,.0f} MB", "budget"
    return Outcome(problem, seconds, peak, kind)


def run_reader(target: Target, data: bytes, *, limit: float, budget_mb: float) -> Outcome:
    """A file reader of :mod:`fuzz_inputs` on ``data``, judged as :func:`run_entry`."""
    began = time.perf_counter()
    with peak_memory() as peak:
        problem = run_bounded(target, data, limit)
    kind = "" if problem is None else "hang" if problem.startswith("hang") else "crash"
    return _judged(problem, kind, time.perf_counter() - began, peak(), budget_mb)


def prepare_process(home: Path) -> None:
    """For a fuzzing process: settings and recovery copies under ``home``, and the Qt
    application the GUI commands (and PNG/PDF export) share."""
    os.environ["ARGMAP_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from argmap.ui.app import application  # noqa: PLC0415

    application()
