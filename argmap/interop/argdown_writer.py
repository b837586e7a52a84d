"""Write a map as Argdown that argmap (and Argdown's own tools) read back.

* Each statement is declared once, ``[Title]: text #tags {kind: ..., credibility: ...}``;
  data fields carry what Argdown has no syntax for (kind, credibility, prior, notes,
  quotes; the exact text when it does not fit on one line).
* Each inference is an argument ``<Title>`` with a premise-conclusion structure: its
  premises, an inference line naming the scheme (with strength and notes as data), and
  its conclusion. An attack concludes a statement marked ``{argmap: attack}`` that
  attacks (``->``) the target; an undercut one marked ``{argmap: undercut}``, hung under
  the undercut inference's line (``<_``). argmap reads these back as one attack/undercut.
* The front matter holds the title and, under ``argmap``, sources, quotes, ACH ratings,
  the focal question and the view.

A map read from Argdown is written with what the import kept: titles, headings,
argument descriptions and structures, relations written as relation lines, and data;
also relations and inference lines the map cannot draw (a loop of supports), unless
their statements were deleted since (:func:`argdown_losses` names those).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.interop.argdown_reader_build import build_model
from argmap.interop.argdown_reader_fields import bare_text, canonical
from argmap.interop.argdown_reader_tokens import JS_SPACE
from argmap.interop.argdown_text import Titles, data_field, escape, tag_text, yaml_value
from argmap.interop.argdown_undrawn import unwritable_steps, writable_steps, written_data
from argmap.interop.well_formed import drawable_inferences
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind
from argmap.model.argdown_kept import ArgdownArgument, ArgdownKept, ArgdownRelation

_KIND_ORDER = [StatementKind.QUESTION, StatementKind.SCENARIO]
_SYMBOL = {"support": "+>", "entails": "+>", "attack": "->", "contrary": "->", "undercut": "_>"}


@dataclass
class _Plan:
    """How each inference is written, decided before writing."""

    in_arguments: set[str] = field(default_factory=set)  # steps of imported arguments
    native: list[Inference] = field(default_factory=list)  # each written as its own argument
    simple: list[Inference] = field(default_factory=list)  # each written as a relation line
    relation_lines: dict[str, list[str]] = field(default_factory=dict)  # premise -> lines
    undercut_lines: dict[str, list[str]] = field(default_factory=dict)  # step id -> <_ lines


class _Writer:
    def __init__(self, doc: ArgMap) -> None:
        self.doc = doc
        dialogue = doc.dialogue
        self.kept = dialogue.argdown if dialogue is not None and dialogue.argdown else ArgdownKept()
        self.titles = Titles()
        self.statements = _ordered(doc) if not self.kept.statements else list(doc.statements)
        self.by_id = {s.id: s for s in doc.statements}
        self.inferences = drawable_inferences(doc)
        self.inference_by_id = {i.id: i for i in self.inferences}
        self.undrawn = writable_steps(doc, self.kept)  # kept steps the map cannot draw
        self.name: dict[str, str] = {}  # statement id -> [Title] or <Title>
        self.argument_title: dict[str, str] = {}  # inference id -> <Title> it is written in
        self.arguments = [a for a in self.kept.arguments if self._steps(a)]
        for kept in self.kept.statements.values():
            self.titles.claim(kept.title, argument=kept.argument)
        for argument in self.kept.arguments:
            self.titles.claim(argument.title, argument=True)

    # --- what goes where ----------------------------------------------------------------

    def _steps(self, argument: ArgdownArgument) -> list[Inference]:
        found = [self.inference_by_id.get(i, self.undrawn.get(i)) for i in argument.steps]
        return [i for i in found if i is not None and i.kind is InferenceKind.SUPPORT]

    def _simple(self, inference: Inference, undercut: set[str]) -> bool:
        """Whether a relation line holds all of an inference (one premise, no judgement)."""
        return (
            inference.id in self.kept.relations
            and len(inference.premises) == 1
            and inference.strength is None
            and not inference.notes
            and inference.scheme is None
            and inference.id not in self.kept.inference_data
            and inference.id not in undercut
        )

    def _plan(self) -> _Plan:
        plan = _Plan()
        for argument in self.arguments:
            plan.in_arguments.update(step.id for step in self._steps(argument))
        undercut = {i.conclusion for i in self.inferences if i.kind is InferenceKind.UNDERCUT}
        simple = {
            i.id
            for i in self.inferences
            if i.id not in plan.in_arguments and self._simple(i, undercut)
        }
        plan.native = [i for i in self.inferences if i.id not in plan.in_arguments | simple]
        plan.simple = [i for i in self.inferences if i.id in simple]
        return plan

    def _name(self, plan: _Plan) -> None:
        """Titles: as imported, else made from the text. An argument-statement that a
        premise-conclusion structure names is declared as a statement."""
        in_pcs: set[str] = set()
        steps = [step for argument in self.arguments for step in self._steps(argument)]
        for inference in plan.native + steps:
            in_pcs.update(inference.premises)
            if inference.kind is InferenceKind.SUPPORT:
                in_pcs.add(inference.conclusion)
        for s in self.statements:
            kept = self.kept.statements.get(s.id)
            if kept is None:
                self.name[s.id] = f"[{self.titles.statement(s.text, s.id)}]"
            elif kept.argument and s.id in in_pcs:
                self.name[s.id] = f"[{self.titles.derived(kept.title)}]"
            else:
                self.name[s.id] = f"<{kept.title}>" if kept.argument else f"[{kept.title}]"
        for argument in self.arguments:
            for step in self._steps(argument):
                self.argument_title[step.id] = f"<{argument.title}>"
        for inference in plan.native:
            first = self.name[inference.premises[0]].strip("[]<>")
            label = {"support": "Because", "attack": "Against", "undercut": "Undercut"}[
                inference.kind
            ]
            self.argument_title[inference.id] = f"<{self.titles.argument(f'{label} {first}')}>"

    def _lines(self, plan: _Plan) -> None:
        """Relation lines under their premise; undercut lines under their inference line."""
        pairs = dict(self.kept.pairs)
        second = {b for _a, b in self.kept.pairs}
        written = {i.id for i in plan.simple}
        for inference in plan.simple:
            premise, target = inference.premises[0], inference.conclusion
            kind = self.kept.relations[inference.id]
            if inference.kind is InferenceKind.UNDERCUT:
                plan.undercut_lines.setdefault(target, []).append(self.name[premise])
                continue
            if inference.id in second and inference.id in {b for b in pairs.values()}:
                first = next(a for a, b in self.kept.pairs if b == inference.id)
                if first in written:
                    continue  # written once, with the first of the pair
            if pairs.get(inference.id) in written and inference.kind is InferenceKind.ATTACK:
                symbol = "><" if kind == "contradictory" else "->"
            else:
                symbol = "+>" if inference.kind is InferenceKind.SUPPORT else "->"
            plan.relation_lines.setdefault(premise, []).append(f"  {symbol} {self.name[target]}")
        for inference in plan.native:
            if inference.kind is InferenceKind.UNDERCUT:
                plan.undercut_lines.setdefault(inference.conclusion, []).append(
                    self._negation_name(inference)
                )
        for kept in self.undrawn.values():  # undercuts of inference lines the map lacks
            if kept.kind is InferenceKind.UNDERCUT:
                names = [self.name[p] for p in kept.premises]
                plan.undercut_lines.setdefault(kept.conclusion, []).extend(names)

    def _negation_name(self, inference: Inference) -> str:
        if inference.id not in self.name:
            if inference.kind is InferenceKind.ATTACK:
                base = "Not " + self.name[inference.conclusion].strip("[]<>")
            else:
                base = (
                    self.argument_title.get(inference.conclusion, "<Inference>").strip("<>")
                    + " fails"
                )
            self.name[inference.id] = f"[{self.titles.derived(base)}]"
        return self.name[inference.id]

    # --- writing ------------------------------------------------------------------------

    def unwritten(self) -> list[str]:
        """What the import kept for Argdown export that this export leaves out."""
        plan = self._plan()
        self._name(plan)
        found = []
        relations = len(self.kept.undrawn) - len(self._undrawn_relations())
        if relations:
            found.append(
                f"{relations} relations kept from Argdown whose statements were deleted not written"
            )
        steps = unwritable_steps(self.doc)
        if steps:
            found.append(
                f"{steps} kept Argdown inference steps whose statements were deleted not written"
            )
        return found

    def _undrawn_relations(self) -> list[ArgdownRelation]:
        """The relations the map does not draw whose ends both are written (a deleted
        statement is not brought back by a relation naming it)."""
        written = set(self.name.values()) | set(self.argument_title.values())
        return [r for r in self.kept.undrawn if r.source in written and r.target in written]

    def write(self) -> str:
        plan = self._plan()
        self._name(plan)
        self._lines(plan)
        lines = _front_matter(self.doc, self.kept, self.name, self.argument_title)
        sections = {s.id for s in self.kept.sections}
        groups: dict[str | None, list[list[str]]] = {None: []}
        for section in self.kept.sections:
            groups[section.id] = []
        for s in self.statements:
            kept = self.kept.statements.get(s.id)
            where = kept.section if kept is not None and kept.section in sections else None
            groups[where].append(self._declaration(s))
            relation_lines = plan.relation_lines.get(s.id)
            if relation_lines:
                groups[where].append([self.name[s.id], *relation_lines])
        for argument in self.arguments:
            where = argument.section if argument.section in sections else None
            groups[where].append(self._kept_argument(argument, plan))
        blocks = groups[None]
        for section in self.kept.sections:
            heading = "#" * section.level + " " + escape(section.title or "Section")
            blocks.append([heading + data_field(section.data)])
            blocks.extend(groups[section.id])
        # Last, so that what the import kept keeps its headings: arguments argmap writes
        # for its own inferences, and relations it does not draw.
        blocks.extend(self._native_argument(inference, plan) for inference in plan.native)
        for relation in self._undrawn_relations():
            symbol = _undrawn_symbol(relation.type)
            blocks.append([relation.source, f"  {symbol} {relation.target}"])
        body = ["\n".join(block) for block in blocks if block]
        if not body:  # Argdown has no empty document: a heading stands for the empty map
            body = ["# " + (escape(self.doc.title) or "Empty map")]
        return "\n".join(lines + ["\n\n".join(body)]).strip("\n") + "\n"

    def _declaration(self, s: Statement) -> list[str]:
        name = self.name[s.id]
        kept = self.kept.statements.get(s.id)
        fields: dict[str, object] = dict(kept.data) if kept is not None else {}
        if kept is None or kept.kind != str(s.kind):
            fields["kind"] = str(s.kind)
        for key in ("credibility", "prior"):
            value = getattr(s, key)
            if value is not None:
                fields[key] = value
        if s.notes:
            fields["notes"] = s.notes
        if s.quotes:
            fields["quotes"] = list(s.quotes)
        text = _escaped(s.text)
        tags = tag_text(s.tags) if text else None
        if tags is None:
            if s.tags:
                fields["tags"] = list(s.tags)
            tags = ""
        if not text or (not _plain_line(s.text) and _reads_back(text) != s.text):
            fields["text"] = s.text
            text = escape(s.text, every=True)
        if not text:
            return [name + data_field(fields)]
        return [f"{name}: {text}{tags}{data_field(fields)}"]

    def _kept_argument(self, argument: ArgdownArgument, plan: _Plan) -> list[str]:
        head = f"<{argument.title}>"
        text = escape(argument.description)
        tags = tag_text(argument.tags) or ""
        if text:
            head += f": {text}{tags}"
        head += data_field(dict(argument.data))
        return [head, "", *self._pcs(self._steps(argument), plan)]

    def _native_argument(self, inference: Inference, plan: _Plan) -> list[str]:
        head = self.argument_title[inference.id]
        lines = self._pcs([inference], plan, kind=inference.kind)
        return [head, "", *lines]

    def _pcs(
        self, steps: list[Inference], plan: _Plan, kind: InferenceKind = InferenceKind.SUPPORT
    ) -> list[str]:
        order: list[str] = []
        lines: list[str] = []
        start = 0  # where the reader's default premises begin: the previous conclusion
        for step in steps:
            for premise in step.premises:
                if premise not in order[start:]:
                    order.append(premise)
                    lines.append(f"({len(order)}) {self.name[premise]}")
            default = list(dict.fromkeys(order[start:]))
            fields: dict[str, object] = dict(written_data(self.kept, step.id))
            if default != step.premises:
                fields["uses"] = [order.index(p) + 1 for p in step.premises]
            if step.strength is not None:
                fields["strength"] = step.strength
            if step.notes:
                fields["notes"] = step.notes
            rule = ""
            if step.scheme is not None:
                rule = escape(step.scheme)
                if not rule or _rules_read_back(rule) != step.scheme:
                    fields["scheme"] = step.scheme
                    rule = ""
            if rule or fields:
                inner = " ".join(p for p in (rule, data_field(fields).strip()) if p)
                lines.append(f"-- {inner} --")
            else:
                lines.append("----")
            lines.extend(f"  <_ {name}" for name in plan.undercut_lines.get(step.id, []))
            order.append(step.conclusion if kind is InferenceKind.SUPPORT else step.id)
            start = len(order) - 1
            lines.append(f"({len(order)}) {self._conclusion(step, kind)}")
        return lines

    def _conclusion(self, step: Inference, kind: InferenceKind) -> str:
        if kind is InferenceKind.SUPPORT:
            return self.name[step.conclusion]
        name = self._negation_name(step)
        if kind is InferenceKind.ATTACK:
            target = self.by_id.get(step.conclusion)
            text = escape("Not: " + (target.text if target is not None else ""))
            mark = data_field({"argmap": "attack"})
            return f"{name}: {text}{mark}\n  -> {self.name[step.conclusion]}"
        target_title = self.argument_title.get(step.conclusion, "<?>").strip("<>")
        text = escape(f"The inference of {target_title} does not hold.")
        return f"{name}: {text}{data_field({'argmap': 'undercut'})}"


def _escaped(text: str) -> str:
    """``text`` escaped where needed; every special character escaped if that reads back
    wrong (e.g. a shortcode spanning a space)."""
    light = escape(text)
    if _plain_line(text) or _reads_back(light) == text:
        return light
    return escape(text, every=True)


def _plain_line(text: str) -> bool:
    """Text on one line with single spaces and no edge whitespace: its escaped form reads
    back exactly (no space run for a token boundary to swallow, nothing for a trim)."""
    return (
        " ".join(text.split()) == text
        and "\t" not in text
        and text[:1] not in JS_SPACE
        and text[-1:] not in JS_SPACE
    )


def _reads_back(escaped: str) -> str | None:
    """The text argmap reads from ``[t]: <escaped>`` (None if it does not parse)."""
    try:
        model = build_model(f"[t]: {escaped}\n")
    except (ValueError, RecursionError):
        return None
    member = canonical(model.statements["t"].members) if "t" in model.statements else None
    return bare_text(member) if member is not None else None


def _rules_read_back(rule: str) -> str | None:
    try:
        model = build_model(f"(1) a\n-- {rule} --\n(2) b\n")
    except (ValueError, RecursionError):
        return None
    (argument,) = model.arguments.values()
    inference = argument.pcs[-1].inference
    return ", ".join(inference.rules) if inference is not None else None


def _undrawn_symbol(kind: str) -> str:
    return "><" if kind == "contradictory" else _SYMBOL.get(kind, "+>")


def _front_matter(
    doc: ArgMap, kept: ArgdownKept, name: dict[str, str], argument_title: dict[str, str]
) -> list[str]:
    entry: dict[str, object] = {}
    if doc.sources:
        entry["sources"] = [s.model_dump(mode="json") for s in doc.sources]
    if doc.quotes:
        entry["quotes"] = [q.model_dump(mode="json") for q in doc.quotes]
    ratings = [
        r.model_dump(mode="json") | {"evidence": name[r.evidence], "scenario": name[r.scenario]}
        for r in doc.ratings
        if r.evidence in name and r.scenario in name
    ]
    if ratings:
        entry["ratings"] = ratings
    if doc.question in name:
        entry["question"] = name[str(doc.question)]
    view = _view(doc, name | argument_title)
    if view:
        entry["view"] = view
    fields: dict[str, object] = {}
    if doc.title:
        fields["title"] = doc.title
    fields.update(kept.front_matter)
    if entry:
        fields["argmap"] = entry
    if not fields:
        return []
    return ["===", *(f"{key}: {yaml_value(value)}" for key, value in fields.items()), "===", "", ""]


def _view(doc: ArgMap, name: dict[str, str]) -> dict[str, object]:
    view: dict[str, object] = {}
    if doc.view.direction != "TB":
        view["direction"] = doc.view.direction
    pinned = {name[k]: list(v) for k, v in doc.view.pinned.items() if k in name}
    if pinned:
        view["pinned"] = pinned
    collapsed = [name[k] for k in doc.view.collapsed if k in name]
    if collapsed:
        view["collapsed"] = collapsed
    return view


def _ordered(doc: ArgMap) -> list[Statement]:
    """Question and scenarios first, then the rest in the user's order."""
    rank = {kind: i for i, kind in enumerate(_KIND_ORDER)}
    return sorted(doc.statements, key=lambda s: rank.get(s.kind, len(rank)))


def dumps_argdown(doc: ArgMap) -> str:
    """The map as an Argdown document."""
    return _Writer(doc).write()


def argdown_losses(doc: ArgMap) -> list[str]:
    """What an Argdown import of ``doc`` kept that :func:`dumps_argdown` cannot write
    (relations and inference lines the map does not draw, whose statements were deleted)."""
    if doc.dialogue is None or doc.dialogue.argdown is None:
        return []
    return _Writer(doc).unwritten()


__all__ = ["dumps_argdown", "escape"]
