"""The ACH matrix, its sensitivity, the signposts and the Key Assumptions Check as
``argmap analyze`` prints them (JSON for scripts, lines for people)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.analysis.ach import AchEvidence
    from argmap.analysis.report import MapAnalysis
    from argmap.model import ArgMap


def _r(x: float) -> float:
    return round(x, 6)


def _row_json(row: AchEvidence, scenarios: tuple[str, ...]) -> dict[str, Any]:
    from argmap.analysis.ach_weights import LEVEL_VALUE  # noqa: PLC0415
    from argmap.model import AchRating  # noqa: PLC0415

    cells = []
    for j, sid in enumerate(scenarios):
        rating, derived = row.ratings[j], row.derived[j]
        state = (
            "blank" if rating is None else "not applicable" if rating is AchRating.NA else "judged"
        )
        cells.append(
            {
                "scenario": sid,
                "rating": rating.value if rating is not None else None,
                "derived": derived.value if derived is not None else None,
                "explicit": row.explicit[j],
                "state": state,
                "weight": _r(row.weights[j]),
            }
        )
    return {
        "id": row.id,
        "text": row.text,
        "kind": row.kind,
        "published": list(row.published),
        "connected": row.connected,
        "credibility": {
            "level": row.credibility.value,
            "value": _r(LEVEL_VALUE[row.credibility]),
            "set": row.credibility_set,
            "statement_credibility": row.statement_credibility,
        },
        "relevance": {
            "level": row.relevance.value,
            "value": _r(LEVEL_VALUE[row.relevance]),
            "set": row.relevance_set,
        },
        "weight": _r(row.weight),
        "diagnosticity": row.diagnosticity,
        "status": row.status,
        "cells": cells,
    }


def ach_json(result: MapAnalysis, doc: ArgMap) -> dict[str, Any]:
    """The whole matrix: scores, every row and cell, the sensitivity, the warnings."""
    from argmap.analysis.ach_sensitivity import describe  # noqa: PLC0415

    m, sens = result.ach, result.ach_sensitivity
    texts = {s.id: s.text for s in doc.statements}
    return {
        "method": (
            "Heuer's ACH scored as in PARC ACH: inconsistency = sum over rows of "
            "credibility x relevance x (I 1, II 2); low 0.707107, medium 1, high 1.414214; "
            "blank and NA cells count nothing; scenarios with no judged cell rank last"
        ),
        "scenarios": list(m.scenarios),
        "ranking": m.ranking(),
        "leader": m.leader(),
        "tied": list(m.tied()),
        "scores": {
            sid: {
                "inconsistency": _r(m.inconsistency[sid]),
                "consistency": _r(m.consistency[sid]),
                "judged_cells": m.judged[sid],
                "hand_rated_inconsistent": m.hand_inconsistent[sid],
            }
            for sid in m.scenarios
        },
        "rows": [_row_json(row, m.scenarios) for row in m.evidence],
        "sensitivity": {
            "leader": sens.leader,
            "runner_up": sens.runner_up,
            "margin": _r(sens.margin),
            "robust": sens.robust,
            "tried": sens.tried,
            "flips": [
                {"rows": list(f.rows), "change": f.change, "leader": f.leader} for f in sens.flips
            ],
            "sentence": describe(sens, texts),
        },
        "warnings": list(m.warnings),
    }


def signposts_json(doc: ArgMap) -> list[dict[str, Any]]:
    """Every signpost, in map order."""
    return [s.model_dump(mode="json") for s in doc.signposts]


def assumptions_json(doc: ArgMap) -> dict[str, Any]:
    """The Key Assumptions Check: each assumption and each scenario's reliance on it."""
    from argmap.analysis.key_assumptions import key_assumptions  # noqa: PLC0415

    check = key_assumptions(doc)
    return {
        "method": (
            "reliance = scenario weight now - weight with the assumption's credibility "
            "set to 0 (taken away)"
        ),
        "assumptions": [
            {
                "id": a.id,
                "text": a.text,
                "kind": a.kind,
                "credibility": a.credibility,
                "tagged": a.tagged,
                "reliance": {
                    sid: _r(x) for sid, x in zip(check.scenarios, a.reliance, strict=True)
                },
            }
            for a in check.assumptions
        ],
    }


def ach_lines(result: MapAnalysis, doc: ArgMap) -> list[str]:
    """ACH's step 6 and warnings, and each scenario's signposts, for the text report."""
    from argmap.analysis.ach_sensitivity import describe  # noqa: PLC0415

    out: list[str] = []
    if len(result.scenarios) >= 2:
        texts = {s.id: s.text for s in doc.statements}
        out += ["", "ACH sensitivity (Heuer's step 6): " + describe(result.ach_sensitivity, texts)]
    if doc.signposts:
        out += ["", "Signposts:"]
        for s in result.scenarios:
            mine = [sp for sp in doc.signposts if sp.scenario == s.id]
            if mine:
                out.append(f"  {s.title}")
                for sp in mine:
                    when = f", {sp.changed}" if sp.changed else ""
                    out.append(f"    [{sp.status.value}{when}] {sp.text}")
    return out
