"""Strongly connected parts of a graph in topological order (iterative Tarjan).

Hand-written rather than networkx's ``condensation`` + ``topological_sort``: on a 5,000-
statement map (10,000 nodes) networkx takes about 195 ms to build the graph and order it,
the whole analysis budget; this takes a few milliseconds on the integer lists the analysis
already has (measured with ``benchmarks/bench_analysis.py``).
"""

from __future__ import annotations

from collections.abc import Sequence


def strong_parts(succ: Sequence[Sequence[int]]) -> tuple[list[tuple[int, ...]], list[bool]]:
    """The strongly connected parts of the graph ``succ`` (node -> successors), sources
    first, each part's nodes sorted; and for each part whether it is cyclic (more than one
    node, or a node that is its own successor)."""
    n = len(succ)
    order = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    parts: list[tuple[int, ...]] = []
    counter = 0
    for root in range(n):
        if order[root] >= 0:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, 0)]
        while work:
            v, i = work[-1]
            out = succ[v]
            if i < len(out):
                work[-1] = (v, i + 1)
                w = out[i]
                if order[w] < 0:
                    order[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, 0))
                elif on_stack[w] and order[w] < low[v]:
                    low[v] = order[w]
                continue
            work.pop()
            if work and low[v] < low[work[-1][0]]:
                low[work[-1][0]] = low[v]
            if low[v] == order[v]:
                part = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    part.append(w)
                    if w == v:
                        break
                parts.append(tuple(sorted(part)))
    parts.reverse()  # Tarjan emits a part after everything it reaches
    cyclic = [len(p) > 1 or p[0] in succ[p[0]] for p in parts]
    return parts, cyclic
