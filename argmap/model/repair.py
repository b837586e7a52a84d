"""Repairing a damaged map: re-anchor drifted quotes, drop dangling references, fix checksums.

:func:`repair_map` works on a copy and never invents content: it renames duplicate ids,
recomputes stale checksums, finds drifted quotes again in their source's current text
(:func:`argmap.model.quote_anchor.reanchor`), clamps a number outside its range to the
bound it crossed, and drops only references to things that do not exist, each reported
as a :class:`Repair` naming the JSON path in the input. What it cannot decide for the
analyst (a support cycle, a quote found nowhere) stays, and is listed in ``remaining``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap.model.document import ArgMap
from argmap.model.ids import PREFIXES, new_id
from argmap.model.inference import Inference, InferenceKind
from argmap.model.layer_checks import repair_layers
from argmap.model.number_ranges import finite, out_of_range
from argmap.model.quote import Quote
from argmap.model.quote_anchor import Anchoring, reanchor
from argmap.model.snapshot_checks import repair_history
from argmap.model.source import Source, text_sha256
from argmap.model.statement import NOT_EVIDENCE, Statement
from argmap.model.validation import Problem, clip, key_path, on_canvas, validate


@dataclass(frozen=True)
class Repair:
    """One change made by the repair: where (JSON path in the input) and what."""

    path: str
    action: str
    code: str  # the validation problem code it answers, e.g. "dangling-reference"

    def __str__(self) -> str:
        return f"{self.path}: {self.action}" if self.path else self.action


@dataclass
class RepairResult:
    """The repaired copy, what was changed, and the problems the copy still has."""

    doc: ArgMap
    repairs: list[Repair] = field(default_factory=list)
    remaining: list[Problem] = field(default_factory=list)


def drifted_quotes(doc: ArgMap) -> list[tuple[int, Anchoring]]:
    """Quotes that no longer match their source, with where re-anchoring would put them."""
    sources = {s.id: s for s in doc.sources}
    found = []
    for i, quote in enumerate(doc.quotes):
        source = sources.get(quote.source)
        if source is None or _matches(quote, source):
            continue
        found.append((i, _reanchor(quote, source)))
    return found


def _matches(quote: Quote, source: Source) -> bool:
    return quote.start <= quote.end <= len(source.text) and (
        source.text[quote.start : quote.end] == quote.exact
    )


def _reanchor(quote: Quote, source: Source) -> Anchoring:
    if quote.start > quote.end or quote.end > len(source.text):
        # Offsets that cannot be right: search by text alone.
        quote = quote.model_copy(update={"start": 0, "end": 0})
    return reanchor(quote, source.text)


def repair_map(doc: ArgMap) -> RepairResult:
    """A repaired copy of ``doc`` with every change listed (``doc`` is not modified)."""
    fixer = _Fixer(doc.model_copy(deep=True))
    fixer.run()
    return RepairResult(fixer.doc, fixer.repairs, validate(fixer.doc))


class _Fixer:
    def __init__(self, doc: ArgMap) -> None:
        self.doc = doc
        self.repairs: list[Repair] = []

    def note(self, path: str, action: str, code: str) -> None:
        self.repairs.append(Repair(path, action, code))

    def run(self) -> None:
        self._numbers()
        self._unique_ids()
        self._checksums()
        self._quotes()
        self._statements()
        self._inferences()
        self._ratings()
        self._signposts()
        self._ach_rows()
        repair_history(self.doc, self.note)
        self.repairs.extend(Repair(*fix) for fix in repair_layers(self.doc))
        self._question_and_view()

    def _numbers(self) -> None:
        """Each number outside its range goes to the bound it crossed."""
        for bad in out_of_range(self.doc):
            clamped = bad.bounds.clamp(bad.value)
            bad.put(clamped)
            self.note(
                bad.path,
                f"{bad.field} was {bad.value!r}, outside its range ({bad.bounds.describe()}); "
                f"set to {clamped:g}",
                "out-of-range",
            )

    def _unique_ids(self) -> None:
        """Give every repeated id a fresh one; references keep meaning the first holder."""
        taken = {s.id for s in self.doc.sources} | {q.id for q in self.doc.quotes}
        taken |= {s.id for s in self.doc.statements} | {i.id for i in self.doc.inferences}
        shared: set[str] = set()
        tables: list[tuple[str, Sequence[Source | Quote | Statement | Inference], str]] = [
            ("sources", self.doc.sources, PREFIXES["source"]),
            ("quotes", self.doc.quotes, PREFIXES["quote"]),
            ("statements", self.doc.statements, PREFIXES["statement"]),
            ("inferences", self.doc.inferences, PREFIXES["inference"]),
        ]
        for name, records, prefix in tables:
            seen = shared if name in ("statements", "inferences") else set()
            for i, record in enumerate(records):
                if record.id in seen:
                    fresh = new_id(prefix, taken)
                    taken.add(fresh)
                    self.note(
                        f"{name}[{i}].id",
                        f"id '{record.id}' was already used; this one is now '{fresh}'",
                        "duplicate-id",
                    )
                    record.id = fresh
                seen.add(record.id)

    def _checksums(self) -> None:
        for i, source in enumerate(self.doc.sources):
            actual = text_sha256(source.text)
            if source.sha256 != actual:
                source.sha256 = actual
                self.note(
                    f"sources[{i}].sha256",
                    f"checksum of source '{source.id}' recomputed from its text",
                    "source-checksum",
                )

    def _quotes(self) -> None:
        sources = {s.id: s for s in self.doc.sources}
        kept: list[Quote] = []
        for i, quote in enumerate(self.doc.quotes):
            path = f"quotes[{i}]"
            source = sources.get(quote.source)
            if source is None:
                self.note(
                    path,
                    f"quote '{quote.id}' dropped: its source '{quote.source}' does not exist",
                    "dangling-reference",
                )
                continue
            if not _matches(quote, source):
                found = _reanchor(quote, source)
                if found.status == "lost":
                    self.note(
                        path,
                        f"quote '{quote.id}' {clip(quote.exact)} was not found in source "
                        f"'{source.id}'; kept unchanged, fix it by hand",
                        "quote-mismatch",
                    )
                else:
                    how = (
                        f"{found.status}, {found.score:.0f}% alike" if found.score else found.status
                    )
                    self.note(
                        path,
                        f"quote '{quote.id}' re-anchored at {found.quote.start}–"
                        f"{found.quote.end} ({how}): {clip(found.quote.exact)}",
                        "quote-mismatch",
                    )
                    kept.append(found.quote)
                    continue
            kept.append(quote)
        self.doc.quotes = kept

    def _statements(self) -> None:
        quotes = {q.id for q in self.doc.quotes}
        for i, statement in enumerate(self.doc.statements):
            cited: list[str] = []
            for j, quote_id in enumerate(statement.quotes):
                where = f"statements[{i}].quotes[{j}]"
                if quote_id not in quotes:
                    self.note(
                        where,
                        f"statement '{statement.id}' no longer cites quote '{quote_id}', "
                        "which does not exist",
                        "dangling-reference",
                    )
                elif quote_id in cited:
                    self.note(
                        where,
                        f"second citation of quote '{quote_id}' removed",
                        "repeated-reference",
                    )
                else:
                    cited.append(quote_id)
            if cited != statement.quotes:
                statement.quotes = cited
            if statement.prior is not None and not finite(statement.prior):
                statement.prior = None
                self.note(
                    f"statements[{i}].prior",
                    "prior was not a finite number; cleared",
                    "non-finite-number",
                )

    def _inferences(self) -> None:
        statements = {s.id for s in self.doc.statements}
        original = {id(inf): i for i, inf in enumerate(self.doc.inferences)}
        kept = [
            inf
            for inf in self.doc.inferences
            if self._fix_inference(inf, f"inferences[{original[id(inf)]}]", statements)
        ]
        # Dropping an inference can leave undercuts aimed at nothing: repeat until stable.
        while True:
            ids = {inf.id for inf in kept}
            still = [
                inf
                for inf in kept
                if inf.kind is not InferenceKind.UNDERCUT
                or inf.conclusion in ids
                or not self._drop(
                    f"inferences[{original[id(inf)]}]",
                    f"undercut '{inf.id}' dropped: the inference it targets, "
                    f"'{inf.conclusion}', was dropped",
                )
            ]
            if len(still) == len(kept):
                break
            kept = still
        self.doc.inferences = kept

    def _drop(self, path: str, action: str, code: str = "dangling-reference") -> bool:
        self.note(path, action, code)
        return True

    def _fix_inference(self, inf: Inference, path: str, statements: set[str]) -> bool:
        """Clean one inference in place; False when nothing usable is left of it."""
        inferences = {i.id for i in self.doc.inferences}
        name = f"inference '{inf.id}'"
        premises: list[str] = []
        for j, premise in enumerate(inf.premises):
            where = f"{path}.premises[{j}]"
            if premise == inf.conclusion:
                self.note(
                    where, f"{name}: its own conclusion removed from its premises", "self-premise"
                )
            elif premise not in statements:
                what = "is an inference" if premise in inferences else "does not exist"
                self.note(
                    where, f"{name}: premise '{premise}' removed ({what})", "dangling-reference"
                )
            elif premise in premises:
                self.note(
                    where, f"{name}: repeated premise '{premise}' removed", "repeated-reference"
                )
            else:
                premises.append(premise)
        if not premises:
            return not self._drop(path, f"{name} dropped: none of its premises exist")
        if premises != inf.premises:
            inf.premises = premises
        conclusion = inf.conclusion
        if conclusion not in statements and conclusion not in inferences:
            return not self._drop(
                path, f"{name} dropped: its conclusion '{conclusion}' does not exist"
            )
        if inf.kind is InferenceKind.UNDERCUT and conclusion == inf.id:
            return not self._drop(path, f"{name} dropped: it undercuts itself", "self-premise")
        if inf.kind is InferenceKind.UNDERCUT and conclusion in statements:
            inf.kind = InferenceKind.ATTACK
            self.note(
                f"{path}.kind",
                f"{name} targets a statement: undercut changed to attack",
                "wrong-target",
            )
        elif inf.kind is InferenceKind.ATTACK and conclusion not in statements:
            inf.kind = InferenceKind.UNDERCUT
            self.note(
                f"{path}.kind",
                f"{name} targets an inference: attack changed to undercut",
                "wrong-target",
            )
        elif inf.kind is InferenceKind.SUPPORT and conclusion not in statements:
            return not self._drop(
                path,
                f"{name} dropped: a support cannot conclude an inference ('{conclusion}')",
                "wrong-target",
            )
        return True

    def _ratings(self) -> None:
        statements = {s.id: s for s in self.doc.statements}
        pairs: set[tuple[str, str]] = set()
        kept = []
        for i, rating in enumerate(self.doc.ratings):
            missing = [r for r in (rating.evidence, rating.scenario) if r not in statements]
            pair = (rating.evidence, rating.scenario)
            if missing:
                self.note(
                    f"ratings[{i}]",
                    f"rating dropped: '{missing[0]}' does not exist",
                    "dangling-reference",
                )
            elif (kind := statements[rating.evidence].kind) in NOT_EVIDENCE:
                self.note(
                    f"ratings[{i}]",
                    f"rating dropped: '{rating.evidence}' is a {kind.value}, not evidence",
                    "wrong-target",
                )
            elif pair in pairs:
                self.note(
                    f"ratings[{i}]",
                    "repeated rating of the same pair dropped",
                    "repeated-reference",
                )
            else:
                pairs.add(pair)
                kept.append(rating)
        self.doc.ratings = kept

    def _signposts(self) -> None:
        statements = {s.id for s in self.doc.statements}
        ids: set[str] = set()
        kept = []
        for i, signpost in enumerate(self.doc.signposts):
            if signpost.scenario not in statements:
                self.note(
                    f"signposts[{i}]",
                    f"signpost {signpost.text!r} dropped: scenario '{signpost.scenario}' "
                    "does not exist",
                    "dangling-reference",
                )
                continue
            if signpost.id in ids:
                fresh = new_id(PREFIXES["signpost"], ids)
                self.note(
                    f"signposts[{i}].id",
                    f"id '{signpost.id}' was already used; this one is now '{fresh}'",
                    "duplicate-id",
                )
                signpost.id = fresh
            ids.add(signpost.id)
            kept.append(signpost)
        self.doc.signposts = kept

    def _ach_rows(self) -> None:
        statements = {s.id: s for s in self.doc.statements}
        seen: set[str] = set()
        kept = []
        for i, row in enumerate(self.doc.ach_rows):
            if row.evidence not in statements:
                self.note(
                    f"ach_rows[{i}]",
                    f"ACH row weights dropped: '{row.evidence}' does not exist",
                    "dangling-reference",
                )
            elif (kind := statements[row.evidence].kind) in NOT_EVIDENCE:
                self.note(
                    f"ach_rows[{i}]",
                    f"ACH row weights dropped: '{row.evidence}' is a {kind.value}, not evidence",
                    "wrong-target",
                )
            elif row.evidence in seen:
                self.note(
                    f"ach_rows[{i}]",
                    f"repeated row weights of '{row.evidence}' dropped (the first are kept)",
                    "repeated-reference",
                )
            else:
                seen.add(row.evidence)
                kept.append(row)
        self.doc.ach_rows = kept

    def _question_and_view(self) -> None:
        doc = self.doc
        statements = {s.id for s in doc.statements}
        nodes = statements | {i.id for i in doc.inferences}
        if doc.question is not None and doc.question not in statements:
            self.note(
                "question",
                f"question '{doc.question}' does not exist; cleared",
                "dangling-reference",
            )
            doc.question = None
        pinned = {}
        for key, position in doc.view.pinned.items():
            if key in nodes and on_canvas(position):
                pinned[key] = position
            else:
                why = "does not exist" if key not in nodes else "is not a position on the canvas"
                self.note(
                    key_path("view.pinned", key),
                    f"pinned position dropped: it {why}",
                    "dangling-reference",
                )
        collapsed: list[str] = []
        for j, key in enumerate(doc.view.collapsed):
            if key in nodes and key not in collapsed:
                collapsed.append(key)
            else:
                self.note(
                    f"view.collapsed[{j}]",
                    f"'{key}' removed from the collapsed list",
                    "dangling-reference",
                )
        if pinned != doc.view.pinned:
            doc.view.pinned = pinned
        if collapsed != doc.view.collapsed:
            doc.view.collapsed = collapsed
