"""Hostile inputs for the file readers: mutated real files and generated JSON, plus a time limit.

Shared by ``tests/unit/io/test_fuzz_loaders.py`` (a few hundred inputs in CI) and
``benchmarks/fuzz_long.py`` (many thousands, outside CI). Each reader is called through
:func:`run_bounded`, which lets only the reader's documented error type through and turns
anything else (another exception, or a call running past its time limit) into a finding.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import random
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.interop.aif_reader import loads_aif
from argmap.interop.errors import InteropError
from argmap.io.article_import import ArticleImportError, import_article
from argmap.io.map_file import MapFileError, loads_map

ROOT = Path(__file__).resolve().parents[1]
CALL_LIMIT_S = 10.0  # generous: the machine is shared; a hang takes forever, not 10 s


class HangError(Exception):
    """A reader call ran past its time limit."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise HangError inside the block after ``seconds`` (POSIX; main thread only)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(_signum: int, _frame: object) -> None:
        raise HangError(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Target:
    """A reader under test and the only exception it may raise."""

    name: str
    call: Callable[[bytes], object]
    allowed: type[Exception]
    seeds: tuple[bytes, ...]


_SCRATCH = Path(tempfile.mkdtemp(prefix="argmap-fuzz-"))
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)


def _article(data: bytes, fmt: str) -> object:
    """Import as a user does: bytes in a file with the format's suffix."""
    path = _SCRATCH / f"fuzz.{fmt}"
    path.write_bytes(data)
    article = import_article(path)
    article.to_source("src-1")  # the text must be storable in a map, too
    return article


def _seed_files(*relative: str) -> tuple[bytes, ...]:
    return tuple((ROOT / r).read_bytes() for r in relative)


def targets() -> list[Target]:
    """Every reader of outside files, with real files to mutate."""
    map_seeds = (_small_map(), *_seed_files("resources/sample.argmap.json"))
    aif_seeds = _seed_files(
        "tests/fixtures/aif/ova3_save.json",
        "tests/fixtures/aif/int_ids_schemes.json",
        "tests/fixtures/aif/missing_fields.json",
    )
    html = _seed_files("tests/fixtures/articles/ceasefire_report.html")
    markdown = _seed_files("tests/fixtures/articles/ceasefire_notes.md")
    text = (ROOT / "seeds").glob("*.txt")
    return [
        Target("loads_map", lambda d: loads_map(d, "fuzz.argmap.json"), MapFileError, map_seeds),
        Target("loads_aif", lambda d: loads_aif(d, "fuzz.json"), InteropError, aif_seeds),
        Target("article_html", lambda d: _article(d, "html"), ArticleImportError, html),
        Target("article_md", lambda d: _article(d, "md"), ArticleImportError, markdown),
        Target(
            "article_txt",
            lambda d: _article(d, "txt"),
            ArticleImportError,
            tuple(p.read_bytes()[:4000] for p in sorted(text)),
        ),
    ]


def _small_map() -> bytes:
    raw = json.loads((ROOT / "resources/sample.argmap.json").read_text(encoding="utf-8"))
    raw["statements"] = raw["statements"][:6]
    keep = {s["id"] for s in raw["statements"]}
    raw["inferences"] = [
        i for i in raw["inferences"] if i["conclusion"] in keep and set(i["premises"]) <= keep
    ]
    return json.dumps(raw, ensure_ascii=False).encode()


def run_bounded(target: Target, data: bytes, limit: float = CALL_LIMIT_S) -> str | None:
    """Call the reader; None if it answered or refused properly, else what went wrong."""
    try:
        with time_limit(limit):
            target.call(data)
    except target.allowed as exc:
        if not str(exc).strip():
            return "the error message is empty"
        return None
    except HangError as exc:
        return f"hang: {exc}"
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"[:300]
    return None


# --------------------------------------------------------------------------- mutations

HOSTILE_VALUES: tuple[Any, ...] = (
    None, True, 0, -1, 2**63, -(2**70), 1.5, 1e308, -0.0, "", "x" * 5000, [], {},
    [None] * 50, {"": None}, "\u202e\u0000\ufeff", "<script>alert(1)</script>",
    "../../etc/passwd", "http://example.invalid/", {"$ref": "file:///etc/passwd"},
)  # fmt: skip
RAW_TOKENS: tuple[bytes, ...] = (
    b"1e400", b"-1e400", b"NaN", b"Infinity", b"1" * 5000, b'"\\ud800"', b'"\\udc00\\ud800"',
    b"[" * 100_000, b"{" * 5000, b'"' + b"\\" * 3001 + b'"', b"\xff\xfe", b"\xc3\x28",
    b"\xed\xa0\x80", b"\x00", b"\xef\xbb\xbf", b"\r\n", b"<" * 2000, b"<div>" * 20_000,
)  # fmt: skip


def mutate(data: bytes, rnd: random.Random, steps: int = 3) -> bytes:
    """``data`` after a few random byte-level or JSON-level mutations."""
    for _ in range(steps):
        data = rnd.choice(_MUTATIONS)(data, rnd)
    return data


def _truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[: rnd.randrange(len(data) + 1)]


def _flip(data: bytes, rnd: random.Random) -> bytes:
    if not data:
        return bytes([rnd.randrange(256)])
    out = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        out[rnd.randrange(len(out))] = rnd.randrange(256)
    return bytes(out)


def _splice(data: bytes, rnd: random.Random) -> bytes:
    at = rnd.randrange(len(data) + 1)
    return data[:at] + rnd.choice(RAW_TOKENS) + data[at:]


def _cut(data: bytes, rnd: random.Random) -> bytes:
    a = rnd.randrange(len(data) + 1)
    b = rnd.randrange(a, min(len(data), a + 400) + 1)
    return data[:a] + data[b:]


def _repeat(data: bytes, rnd: random.Random) -> bytes:
    a = rnd.randrange(len(data) + 1)
    b = rnd.randrange(a, min(len(data), a + 200) + 1)
    return data[:b] + data[a:b] * rnd.randint(1, 20) + data[b:]


def _reencode(data: bytes, rnd: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    codec = rnd.choice(["utf-16", "utf-16-be", "latin-1", "cp1252", "utf-32"])
    return text.encode(codec, "replace")


def _json_value(data: bytes, rnd: random.Random) -> bytes:
    """Replace one value deep inside the JSON with a hostile one (or nest it deeply)."""
    try:
        tree = json.loads(data)
    except (ValueError, RecursionError):
        return _flip(data, rnd)
    holders: list[tuple[Any, Any]] = []
    stack = [tree] if isinstance(tree, dict | list) else []
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            holders.append((node, key))
            if isinstance(value, dict | list):
                stack.append(value)
    if not holders:
        return data
    node, key = rnd.choice(holders)
    choice = rnd.random()
    if choice < 0.15:
        value: Any = node[key]
        for _ in range(rnd.choice([70, 500, 5000])):
            value = [value]
        node[key] = value
    elif choice < 0.3 and isinstance(node, list):
        node.extend(node[: rnd.randint(1, 5)])  # duplicated records: colliding ids
    elif choice < 0.4 and isinstance(node, dict):
        del node[key]
    else:
        node[key] = rnd.choice(HOSTILE_VALUES)
    try:
        return json.dumps(tree, ensure_ascii=rnd.random() < 0.5).encode("utf-8", "surrogatepass")
    except (ValueError, RecursionError):
        return data


_MUTATIONS = (_truncate, _flip, _splice, _cut, _repeat, _reencode, _json_value, _json_value)
