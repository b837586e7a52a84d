"""Whole-map checks the field types cannot express: ids, references, quotes, cycles.

Every check runs over dict indexes, so a map of 20,000 statements validates in linear
time. Each finding is a :class:`Problem` with a JSON path and a plain-words message.

Severity: an *error* makes the map unusable as it stands (duplicate or dangling ids, an
inference pointing at the wrong kind of thing, a statement supporting itself, a number
outside its range); loading refuses it. A *warning* is something the app loads and can
repair: a quote that no longer matches its source text, a stale checksum, a view entry
for a deleted box.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from argmap.model.ach_row_checks import ach_row_findings
from argmap.model.document import ArgMap
from argmap.model.inference import Inference, InferenceKind
from argmap.model.layer_checks import layer_problems
from argmap.model.number_ranges import finite, out_of_range
from argmap.model.snapshot_checks import history_problems
from argmap.model.source import Source, text_sha256
from argmap.model.statement import NOT_EVIDENCE, Statement, StatementKind
from argmap.model.support_cycles import support_cycles

Severity = Literal["error", "warning"]

CLIP_CHARS = 60  # longest text quoted back inside a message
CYCLE_STEPS_SHOWN = 8
# A pinned card's coordinates stay within this (the widest laid-out map, 50,000 cards
# in a row, spans ~1.5e7 units); far beyond, sums overflow and an export is one pixel.
MAX_COORDINATE = 1e8


def on_canvas(position: Iterable[float]) -> bool:
    """Whether a pinned position is finite and within ``MAX_COORDINATE`` of the origin."""
    return all(finite(c) and abs(c) <= MAX_COORDINATE for c in position)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a map: where (JSON path, "" for the whole file) and what.

    ``code`` is a stable machine name (e.g. ``"quote-mismatch"``) for tools that repair.
    """

    path: str
    message: str
    severity: Severity = "error"
    code: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def clip(text: str, limit: int = CLIP_CHARS) -> str:
    """``text`` shortened to ``limit`` characters and quoted, for messages."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return json.dumps(text, ensure_ascii=False)


def key_path(prefix: str, key: str) -> str:
    """JSON path of a dictionary entry, e.g. ``view.pinned["s-1"]``."""
    return f"{prefix}[{json.dumps(key, ensure_ascii=False)}]"


def validate(doc: ArgMap) -> list[Problem]:
    """Every problem in ``doc``, errors and warnings, grouped by check in file order."""
    found: list[Problem] = []
    _check_ranges(doc, found)
    sources = _index_sources(doc, found)
    quotes = _check_quotes(doc, sources, found)
    statements, inferences = _index_nodes(doc, found)
    _check_statements(doc, quotes, found)
    _check_inferences(doc, statements, inferences, found)
    _check_ratings(doc, statements, found)
    _check_signposts(doc, statements, found)
    found += [Problem(*finding) for finding in ach_row_findings(doc, statements)]
    found.extend(Problem(*finding) for finding in layer_problems(doc))
    _check_question_and_view(doc, statements, inferences, found)
    _check_support_cycles(doc, statements, found)
    found += [Problem(*problem) for problem in history_problems(doc)]  # type: ignore[arg-type]
    return found


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Only the problems that make a map unusable."""
    return [p for p in problems if p.severity == "error"]


def _check_ranges(doc: ArgMap, found: list[Problem]) -> None:
    """Numbers outside their field's range (a map read past its type errors keeps them)."""
    for bad in out_of_range(doc):
        found.append(
            Problem(
                bad.path,
                f"{bad.field} is {bad.value!r}, but must be {bad.bounds.describe()}",
                code="out-of-range",
            )
        )


def _index_sources(doc: ArgMap, found: list[Problem]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    first: dict[str, int] = {}
    for i, source in enumerate(doc.sources):
        path = f"sources[{i}]"
        if source.id in first:
            found.append(
                Problem(
                    f"{path}.id",
                    f"source id '{source.id}' is used twice (first by sources[{first[source.id]}])",
                    code="duplicate-id",
                )
            )
            continue
        first[source.id] = i
        sources[source.id] = source
        actual = text_sha256(source.text)
        if source.sha256 != actual:
            found.append(
                Problem(
                    f"{path}.sha256",
                    f"source '{source.id}' has checksum {clip(source.sha256, 16)} but its text "
                    f"hashes to {clip(actual, 16)}: the text was changed outside argmap "
                    "or the checksum is stale",
                    "warning",
                    "source-checksum",
                )
            )
    return sources


def _check_quotes(doc: ArgMap, sources: dict[str, Source], found: list[Problem]) -> set[str]:
    seen: dict[str, int] = {}
    for i, quote in enumerate(doc.quotes):
        if quote.id in seen:
            path = f"quotes[{i}]"
            found.append(
                Problem(
                    f"{path}.id",
                    f"quote id '{quote.id}' is used twice (first by quotes[{seen[quote.id]}])",
                    code="duplicate-id",
                )
            )
            continue
        seen[quote.id] = i
        source = sources.get(quote.source)
        if source is None:
            found.append(
                Problem(
                    f"quotes[{i}].source",
                    f"quote '{quote.id}' cites source '{quote.source}', which does not exist",
                    code="dangling-reference",
                )
            )
            continue
        text = source.text
        if quote.start <= quote.end <= len(text) and text[quote.start : quote.end] == quote.exact:
            continue  # the common case: nothing to report
        path = f"quotes[{i}]"
        length = len(source.text)
        if quote.start > quote.end:
            found.append(
                Problem(
                    f"{path}.start",
                    f"quote '{quote.id}' starts at character {quote.start}, after its end "
                    f"({quote.end})",
                    "warning",
                    "quote-out-of-range",
                )
            )
        elif quote.end > length:
            found.append(
                Problem(
                    f"{path}.end",
                    f"quote '{quote.id}' ends at character {quote.end}, but source "
                    f"'{source.id}' has only {length} characters",
                    "warning",
                    "quote-out-of-range",
                )
            )
        elif source.text[quote.start : quote.end] != quote.exact:
            found.append(
                Problem(
                    f"{path}.exact",
                    f"quote '{quote.id}' does not match source '{source.id}' at "
                    f"{quote.start}–{quote.end}: the quote says {clip(quote.exact)} but the "
                    f"source says {clip(source.text[quote.start : quote.end])}",
                    "warning",
                    "quote-mismatch",
                )
            )
    return set(seen)


def _index_nodes(doc: ArgMap, found: list[Problem]) -> tuple[dict[str, Statement], dict[str, int]]:
    """Statements by id, and inference positions by id: one id space for both."""
    statements: dict[str, Statement] = {}
    first: dict[str, int] = {}
    for i, statement in enumerate(doc.statements):
        if statement.id in statements:
            found.append(
                Problem(
                    f"statements[{i}].id",
                    f"statement id '{statement.id}' is used twice "
                    f"(first by statements[{first[statement.id]}])",
                    code="duplicate-id",
                )
            )
            continue
        first[statement.id] = i
        statements[statement.id] = statement
    inferences: dict[str, int] = {}
    for i, inference in enumerate(doc.inferences):
        if inference.id in statements or inference.id in inferences:
            owner = (
                f"statements[{first[inference.id]}]"
                if inference.id in statements
                else f"inferences[{inferences[inference.id]}]"
            )
            found.append(
                Problem(
                    f"inferences[{i}].id",
                    f"inference id '{inference.id}' is already used by {owner}; "
                    "statements and inferences share one set of ids",
                    code="duplicate-id",
                )
            )
            continue
        inferences[inference.id] = i
    return statements, inferences


def _check_statements(doc: ArgMap, quotes: set[str], found: list[Problem]) -> None:
    for i, statement in enumerate(doc.statements):
        if statement.prior is None and all(q in quotes for q in statement.quotes):
            if len(statement.quotes) < 2 or len(set(statement.quotes)) == len(statement.quotes):
                continue  # the common case: nothing to report
        path = f"statements[{i}]"
        cited: set[str] = set()
        for j, quote_id in enumerate(statement.quotes):
            if quote_id not in quotes:
                found.append(
                    Problem(
                        f"{path}.quotes[{j}]",
                        f"statement '{statement.id}' cites quote '{quote_id}', "
                        "which does not exist",
                        code="dangling-reference",
                    )
                )
            elif quote_id in cited:
                found.append(
                    Problem(
                        f"{path}.quotes[{j}]",
                        f"statement '{statement.id}' cites quote '{quote_id}' twice",
                        "warning",
                        "repeated-reference",
                    )
                )
            cited.add(quote_id)
        if statement.prior is not None:
            if not finite(statement.prior):
                found.append(
                    Problem(
                        f"{path}.prior",
                        f"statement '{statement.id}' has a prior that is not a finite number",
                        code="non-finite-number",
                    )
                )
            elif statement.kind != StatementKind.SCENARIO:
                found.append(
                    Problem(
                        f"{path}.prior",
                        f"statement '{statement.id}' is a {statement.kind.value} but has a "
                        f"prior ({statement.prior:g}); only scenarios take a prior",
                        "warning",
                        "prior-not-scenario",
                    )
                )


def _check_inferences(
    doc: ArgMap,
    statements: dict[str, Statement],
    inferences: dict[str, int],
    found: list[Problem],
) -> None:
    kinds_ok = {InferenceKind.SUPPORT, InferenceKind.ATTACK}
    for i, inference in enumerate(doc.inferences):
        premises, conclusion = inference.premises, inference.conclusion
        if (
            all(p in statements and p != conclusion for p in premises)
            and (len(premises) < 2 or len(set(premises)) == len(premises))
            and conclusion in statements
            and inference.kind in kinds_ok
        ):
            continue  # the common case: nothing to report
        path = f"inferences[{i}]"
        name = f"inference '{inference.id}'"
        used: set[str] = set()
        for j, premise in enumerate(inference.premises):
            where = f"{path}.premises[{j}]"
            if premise == inference.conclusion:
                found.append(
                    Problem(
                        where,
                        f"{name} has its own conclusion '{premise}' among its premises",
                        code="self-premise",
                    )
                )
            elif premise in inferences:
                found.append(
                    Problem(
                        where,
                        f"{name} has premise '{premise}', which is an inference; "
                        "premises must be statements",
                        code="wrong-target",
                    )
                )
            elif premise not in statements:
                found.append(
                    Problem(
                        where,
                        f"{name} has premise '{premise}', which does not exist",
                        code="dangling-reference",
                    )
                )
            elif premise in used:
                found.append(
                    Problem(
                        where,
                        f"{name} lists premise '{premise}' twice",
                        "warning",
                        "repeated-reference",
                    )
                )
            used.add(premise)
        _check_conclusion(inference, path, statements, inferences, found)


def _check_conclusion(
    inference: Inference,
    path: str,
    statements: dict[str, Statement],
    inferences: dict[str, int],
    found: list[Problem],
) -> None:
    where = f"{path}.conclusion"
    name = f"inference '{inference.id}'"
    kind, conclusion = inference.kind, inference.conclusion
    if conclusion not in statements and conclusion not in inferences:
        found.append(
            Problem(
                where,
                f"{name} concludes '{conclusion}', which does not exist",
                code="dangling-reference",
            )
        )
    elif kind == InferenceKind.UNDERCUT:
        if conclusion == inference.id:
            found.append(Problem(where, f"{name} undercuts itself", code="self-premise"))
        elif conclusion not in inferences:
            found.append(
                Problem(
                    where,
                    f"{name} is an undercut, so its conclusion must be an inference, but "
                    f"'{conclusion}' is a statement (use an attack to oppose a statement)",
                    code="wrong-target",
                )
            )
    elif conclusion not in statements:
        found.append(
            Problem(
                where,
                f"{name} is {'a' if kind == InferenceKind.SUPPORT else 'an'} {kind.value}, so "
                f"its conclusion must be a statement, but '{conclusion}' is an inference "
                "(use an undercut to attack an inference)",
                code="wrong-target",
            )
        )


def _check_ratings(doc: ArgMap, statements: dict[str, Statement], found: list[Problem]) -> None:
    pairs: dict[tuple[str, str], int] = {}
    for i, rating in enumerate(doc.ratings):
        path = f"ratings[{i}]"
        evidence = statements.get(rating.evidence)
        if evidence is None:
            found.append(
                Problem(
                    f"{path}.evidence",
                    f"a rating refers to evidence '{rating.evidence}', which is not a "
                    "statement of this map",
                    code="dangling-reference",
                )
            )
        elif evidence.kind in NOT_EVIDENCE:
            found.append(
                Problem(
                    f"{path}.evidence",
                    f"a rating rates '{rating.evidence}' as evidence, but it is a "
                    f"{evidence.kind.value}, not evidence (the matrix ignores it)",
                    "warning",
                    "wrong-target",
                )
            )
        scenario = statements.get(rating.scenario)
        if scenario is None:
            found.append(
                Problem(
                    f"{path}.scenario",
                    f"a rating refers to scenario '{rating.scenario}', which is not a "
                    "statement of this map",
                    code="dangling-reference",
                )
            )
        elif scenario.kind != StatementKind.SCENARIO:
            found.append(
                Problem(
                    f"{path}.scenario",
                    f"a rating refers to scenario '{rating.scenario}', which is a "
                    f"{scenario.kind.value}, not a scenario",
                    "warning",
                    "wrong-target",
                )
            )
        pair = (rating.evidence, rating.scenario)
        if pair in pairs:
            found.append(
                Problem(
                    path,
                    f"evidence '{rating.evidence}' is rated against scenario "
                    f"'{rating.scenario}' twice (first by ratings[{pairs[pair]}])",
                    "warning",
                    "repeated-reference",
                )
            )
        else:
            pairs[pair] = i


def _check_signposts(doc: ArgMap, statements: dict[str, Statement], found: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, signpost in enumerate(doc.signposts):
        path = f"signposts[{i}]"
        if signpost.id in seen:
            found.append(
                Problem(
                    f"{path}.id",
                    f"signpost id '{signpost.id}' is used twice (first by "
                    f"signposts[{seen[signpost.id]}])",
                    code="duplicate-id",
                )
            )
        else:
            seen[signpost.id] = i
        scenario = statements.get(signpost.scenario)
        if scenario is None:
            found.append(
                Problem(
                    f"{path}.scenario",
                    f"a signpost refers to scenario '{signpost.scenario}', which is not a "
                    "statement of this map",
                    code="dangling-reference",
                )
            )
        elif scenario.kind != StatementKind.SCENARIO:
            found.append(
                Problem(
                    f"{path}.scenario",
                    f"a signpost refers to '{signpost.scenario}', which is a "
                    f"{scenario.kind.value}, not a scenario",
                    "warning",
                    "wrong-target",
                )
            )


def _check_question_and_view(
    doc: ArgMap,
    statements: dict[str, Statement],
    inferences: dict[str, int],
    found: list[Problem],
) -> None:
    if doc.question is not None and doc.question not in statements:
        found.append(
            Problem(
                "question",
                f"the map's question '{doc.question}' is not a statement of this map",
                code="dangling-reference",
            )
        )
    for key, position in doc.view.pinned.items():
        where = key_path("view.pinned", key)
        if not all(finite(c) for c in position):
            found.append(
                Problem(
                    where,
                    f"the position of '{key}' is not a finite number",
                    code="non-finite-number",
                )
            )
        elif not on_canvas(position):
            found.append(
                Problem(
                    where,
                    f"the position of '{key}' is ({position[0]:g}, {position[1]:g}), off the "
                    f"canvas (each coordinate is at most {MAX_COORDINATE:g} from 0)",
                    code="out-of-range",
                )
            )
        elif key not in statements and key not in inferences:
            found.append(
                Problem(
                    where,
                    f"a position is pinned for '{key}', which does not exist",
                    "warning",
                    "dangling-reference",
                )
            )
    for j, key in enumerate(doc.view.collapsed):
        if key not in statements and key not in inferences:
            found.append(
                Problem(
                    f"view.collapsed[{j}]",
                    f"'{key}' is marked collapsed but does not exist",
                    "warning",
                    "dangling-reference",
                )
            )


def _check_support_cycles(
    doc: ArgMap, statements: dict[str, Statement], found: list[Problem]
) -> None:
    """One problem per knot of statements that support each other in a loop."""
    if _support_is_acyclic(doc, statements):
        return  # the common case, told apart cheaply: no need to find the loops
    for loop in support_cycles(doc, statements.keys()):
        names = [f"'{s}'" for s, _ in loop[:CYCLE_STEPS_SHOWN]]
        if len(loop) > CYCLE_STEPS_SHOWN:
            names.append(f"… ({len(loop)} statements in all)")
        names.append(f"'{loop[0][0]}'")
        via_ids = ", ".join(f"'{doc.inferences[k].id}'" for _, k in loop[:CYCLE_STEPS_SHOWN])
        found.append(
            Problem(
                f"inferences[{loop[0][1]}]",
                f"support cycle: {' → '.join(names)} (through inferences {via_ids}); "
                "a statement cannot support itself",
                code="support-cycle",
            )
        )


def _support_is_acyclic(doc: ArgMap, statements: dict[str, Statement]) -> bool:
    """Whether no statements support each other in a loop (Kahn's topological sort)."""
    targets: dict[str, list[str]] = {}
    waiting: dict[str, int] = {}  # statement -> how many of its premises are unsorted
    support = InferenceKind.SUPPORT
    for inference in doc.inferences:
        conclusion = inference.conclusion
        if inference.kind != support or conclusion not in statements:
            continue
        for premise in inference.premises:
            if premise in statements and premise != conclusion:
                targets.setdefault(premise, []).append(conclusion)
                waiting[conclusion] = waiting.get(conclusion, 0) + 1
    ready = [s for s in targets if s not in waiting]
    sorted_count = 0
    while ready:
        node = ready.pop()
        sorted_count += 1
        for target in targets.get(node, ()):
            left = waiting[target] - 1
            waiting[target] = left
            if not left:
                ready.append(target)
    return sorted_count == len(targets.keys() | waiting.keys())
