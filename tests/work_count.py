"""Work measured in Python lines executed: the same count on any machine, at any load.

A guard on how work grows with a map's size (linear, not quadratic; one pass, not
two) that cannot flake the way a stopwatch does. Time is measured by benchmarks/.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def lines_executed(work: Callable[[], object]) -> int:
    """How many Python lines ``work()`` executes (every loop turn counts its lines)."""
    count = 0

    def trace(_frame: FrameType, event: str, _arg: Any) -> Callable[..., Any]:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    previous = sys.gettrace()  # coverage's tracer, when measuring coverage
    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count
