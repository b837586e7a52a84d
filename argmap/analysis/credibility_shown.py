"""How a statement's credibility is shown, the same words and number in every panel.

The analysis weighs each statement by how established it is: the analyst's judgement of
its credibility, moved by its own supports and attacks (``establishment.evaluate``). A
statement nobody judged still gets a value from its reasons, and a judged one may be
moved off its judgement. Panels that show only the judgement ("not judged") and panels
that show only the value (57 %) then seem to disagree; both say both here.
"""

from __future__ import annotations

# A judgement and the value it leads to that differ by less than this read as one number.
SAME = 0.005


def percent(value: float) -> str:
    """A credibility as the panels print it: "57 %"."""
    return f"{round(value * 100)} %"


def is_derived(judged: float | None, established: float | None) -> bool:
    """Whether the number the analysis uses is not the analyst's own judgement."""
    if established is None:
        return False
    return judged is None or abs(established - judged) >= SAME


def shown_credibility(judged: float | None, established: float | None) -> str:
    """A statement's credibility in words: its judgement, and the value the analysis
    uses where that differs ("not judged · 57 % from its supports and attacks")."""
    if established is None:
        return "not judged" if judged is None else percent(judged)
    if judged is None:
        return f"not judged · {percent(established)} from its supports and attacks"
    if not is_derived(judged, established):
        return percent(judged)
    return f"judged {percent(judged)} · {percent(established)} after its supports and attacks"
