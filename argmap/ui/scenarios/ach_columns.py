"""The ACH matrix table's columns and roles, and the words and sort keys of its cells."""

from __future__ import annotations

from PySide6.QtCore import Qt

from argmap.analysis.ach import RATING_SCORE, AchEvidence
from argmap.analysis.ach_weights import HIGH_FROM, LOW_BELOW
from argmap.model import AchRating, RowLevel

RATING_ROLE = Qt.ItemDataRole.UserRole + 1  # the AchRating a scenario cell shows
EXPLICIT_ROLE = Qt.ItemDataRole.UserRole + 2  # whether it was set by hand
ID_ROLE = Qt.ItemDataRole.UserRole + 3  # the evidence id of a row ("" for the footer)
FOOTER_ROLE = Qt.ItemDataRole.UserRole + 4  # True on the footer row
EVIDENCE_COL, TYPE_COL, DATE_COL, CREDIBILITY_COL, RELEVANCE_COL = range(5)
FIRST_SCENARIO_COL = 5
LEVEL_COLUMNS = {CREDIBILITY_COL: "credibility", RELEVANCE_COL: "relevance"}
FOOTER_TEXT = "Weighted inconsistency (lower = more likely)"
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 5  # the RowLevel a credibility/relevance cell shows
LEVEL_ORDER = {RowLevel.LOW: 0, RowLevel.MEDIUM: 1, RowLevel.HIGH: 2}
HEADERS = {
    EVIDENCE_COL: "Evidence",
    TYPE_COL: "Type",
    DATE_COL: "Date",
    CREDIBILITY_COL: "Cred.",
    RELEVANCE_COL: "Rel.",
}
HEADER_TIPS = {
    TYPE_COL: "The statement's kind (evidence, premise, assumption...)",
    DATE_COL: "When the sources it quotes were published",
    CREDIBILITY_COL: (
        "Credibility: how far the item can be trusted, on PARC ACH's scale: Low 0.71, Medium 1, "
        "High 1.41 (type L, M or H; Delete for the default)"
    ),
    RELEVANCE_COL: (
        "Relevance: how much the item bears on the question: Low 0.71, Medium 1, High 1.41 "
        "(type L, M or H; Delete for Medium)"
    ),
}


def rating_key(rating: AchRating | None) -> tuple[int, int]:
    """Judged cells by score; NA, then blank, below every judged one."""
    if rating is None:
        return (0, 0)
    if rating is AchRating.NA:
        return (1, 0)
    return (2, RATING_SCORE[rating])


def level_tip(which: str, evidence: AchEvidence, is_set: bool) -> str:
    level = evidence.credibility if which == "credibility" else evidence.relevance
    keys = "Type L, M or H to set it, Delete to return to the default."
    if is_set:
        return f"{which.capitalize()} {level.value}: set by you. {keys}"
    if which == "relevance":
        return f"Relevance medium: the default. {keys}"
    own = evidence.statement_credibility
    source = (
        f"from the statement's credibility of {own:.0%}"
        if own is not None
        else "the statement's credibility is not judged"
    )
    return (
        f"Credibility {level.value}, {source} (below {LOW_BELOW:.0%}: low; "
        f"{HIGH_FROM:.0%} and up: high). {keys}"
    )


def wrap(text: str, width: int) -> str:
    """Break a header into lines of about ``width`` characters (at most three)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    if len(lines) > 3:  # the ellipsis stays within the width, so the line is not clipped
        last = lines[2] if len(lines[2]) < width else lines[2][: width - 1]
        lines = [*lines[:2], last.rstrip(" ,;:") + "…"]
    return "\n".join(lines)
