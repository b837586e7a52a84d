"""Argdown's model as an argmap map (see :mod:`argmap.interop.argdown_reader` for the rules)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.interop.argdown_reader_fields import (
    INFERENCE_FIELDS,
    STATEMENT_FIELDS,
    STRUCTURE_FIELDS,
    bare_text,
    canonical,
    chosen_arguments,
    collapsible,
    quoted,
    ref,
    set_number,
    split_fields,
    statement_fields,
)
from argmap.interop.argdown_reader_model import (
    ATTACK,
    CONTRADICTORY,
    CONTRARY,
    ENTAILS,
    INTERMEDIARY,
    MAIN,
    SUPPORT,
    UNDERCUT,
    Argument,
    EquivalenceClass,
    Inference,
    Member,
    Model,
    Node,
    Relation,
    Section,
)
from argmap.interop.argdown_reader_refs import FrontMatterExtras, read_front_matter
from argmap.interop.argdown_undrawn import keep_step
from argmap.model import (
    ArgMap,
    Dialogue,
    InferenceKind,
    Statement,
    StatementKind,
)
from argmap.model import Inference as MapInference
from argmap.model.argdown_kept import (
    ArgdownArgument,
    ArgdownKept,
    ArgdownRelation,
    ArgdownSection,
    ArgdownStatement,
)
from argmap.model.validation import validate

if TYPE_CHECKING:
    from argmap.interop.argdown_reader import ArgdownReport

KEPT = "kept for Argdown export"  # how a warning ends for what the map holds only for export
KEPT_UNDRAWN = f"{KEPT}, not drawn"
_ADDRESSES_SHOWN = 5  # link addresses a warning names

_KIND_OF = {
    SUPPORT: InferenceKind.SUPPORT,
    ENTAILS: InferenceKind.SUPPORT,
    ATTACK: InferenceKind.ATTACK,
}


class _Mapper:
    def __init__(self, model: Model, report: ArgdownReport) -> None:
        self.model = model
        self.report = report
        self.kept = ArgdownKept()
        self.statements: list[Statement] = []
        self.inferences: list[MapInference] = []
        self.statement_id: dict[int, str] = {}  # id(EquivalenceClass or Argument) -> id
        self.step_id: dict[int, str] = {}  # id(Inference) -> inference id
        self.main_step: dict[int, str] = {}  # id(Argument) -> its last step's inference id
        self.explicit_kind: set[str] = set()
        self.title_of: dict[str, str] = {}  # statement id -> its [title] or <title>
        self.pending: list[tuple[int, Node]] = []
        self.collapsed = collapsible(model)  # id(Argument) -> its attack/undercut relation
        self.consumed = {id(r) for r in self.collapsed.values()}
        self.added = {
            id(model.statements[str(a.pcs[-1].title)])
            for a in chosen_arguments(model, self.collapsed)
        }

    def warn(self, message: str) -> None:
        self.report.warnings.append(message)

    # --- statements ---------------------------------------------------------------------

    def add_statements(self) -> None:
        """Statements and arguments without structure, in the order the text names them."""
        nodes: list[EquivalenceClass | Argument] = [
            ec for ec in self.model.statements.values() if id(ec) not in self.added
        ]
        nodes.extend(a for a in self.model.arguments.values() if not a.pcs)
        nodes.sort(key=lambda n: min((m.offset for m in n.members), default=0))
        for node in nodes:
            if isinstance(node, EquivalenceClass):
                self.statement_id[id(node)] = self._class_statement(node)
                continue
            member = canonical(node.members)
            text = bare_text(member) if member is not None and member.text else node.title
            self._other_wordings(f"<{node.title}>", node.members, text, "described")
            self.statement_id[id(node)] = self._statement(
                node.title, text, node.tags, node.data, node.section, argument=True
            )

    def _class_statement(self, ec: EquivalenceClass) -> str:
        member = canonical(ec.members)
        text = bare_text(member) if member is not None else ec.title
        self._other_wordings(f"[{ec.title}]", ec.members, text, "written")
        return self._statement(ec.title, text, ec.tags, ec.data, ec.section, argument=False)

    def _other_wordings(self, name: str, members: list[Member], kept: str, verb: str) -> None:
        """Warn of the texts of a statement or argument other than the one kept (an
        argument without a description has none; a statement's empty text is one)."""
        texts = {bare_text(m) for m in members if not m.is_reference}
        if verb == "described":
            texts.discard("")
        if len(texts) > 1:
            dropped = sorted(texts - {kept})
            self.warn(
                f"{name} is {verb} {len(texts)} ways; argmap keeps the last "
                f"({quoted(kept)}) and drops {', '.join(quoted(t) for t in dropped)}"
            )

    def _statement(
        self,
        title: str,
        text: str,
        tags: list[str] | None,
        data: Any,
        section: Section | None,
        *,
        argument: bool,
    ) -> str:
        sid = f"s-{len(self.statements) + 1}"
        name = f"<{title}>" if argument else f"[{title}]"
        fields, extra = split_fields(data, STATEMENT_FIELDS, name, self.warn)
        statement = Statement(id=sid, kind=StatementKind.CLAIM, text=text, tags=list(tags or []))
        if statement_fields(statement, fields, extra, name, self.warn):
            self.explicit_kind.add(sid)
        self.statements.append(statement)
        self.title_of[sid] = name
        self.kept.statements[sid] = ArgdownStatement(
            title=title, argument=argument, data=extra, section=section.id if section else None
        )
        return sid

    # --- premise-conclusion structures --------------------------------------------------

    def add_steps(self) -> None:
        for argument in self.model.arguments.values():
            if not argument.pcs:
                continue
            kept = ArgdownArgument(
                title=argument.title,
                tags=list(argument.tags or []),
                section=argument.section.id if argument.section else None,
            )
            member = canonical(argument.members)
            if member is not None:
                kept.description = bare_text(member)
                self._other_wordings(
                    f"<{argument.title}>", argument.members, kept.description, "described"
                )
            _fields, kept.data = split_fields(argument.data, (), f"<{argument.title}>", self.warn)
            if id(argument) in self.collapsed:
                self._collapsed_step(argument)
                continue
            kept.pcs = [self._ec_id(m) for m in argument.pcs]
            number = 0
            for index, member in enumerate(argument.pcs):
                if member.role in (INTERMEDIARY, MAIN) and member.inference is not None:
                    number += 1
                    where = f"<{argument.title}>, inference line {number}"
                    iid = self._step(argument, index, member, where)
                    if iid is not None:
                        kept.steps.append(iid)
            self.kept.arguments.append(kept)
        for position, target in self.pending:  # undercuts whose target came later
            aimed = self._aim(target)
            if aimed is None:
                self.warn(f"an undercut of {ref(target)} finds nothing to undercut; left out")
                self.inferences[position] = self.inferences[position].model_copy(update={"id": ""})
            else:
                self.inferences[position].conclusion = aimed
        self.inferences = [i for i in self.inferences if i.id]

    def _collapsed_step(self, argument: Argument) -> None:
        """An attack or undercut argmap wrote as an argument against a statement it added."""
        conclusion = argument.pcs[-1]
        assert conclusion.inference is not None
        relation = self.collapsed[id(argument)]
        where = f"<{argument.title}>"
        premises = self._step_premises(argument, len(argument.pcs) - 1, conclusion, where)
        iid = self._new_step(argument, conclusion.inference, premises, "", where)
        step = self.inferences[-1]
        if relation.type == UNDERCUT:
            step.kind = InferenceKind.UNDERCUT
            assert relation.target is not None
            self.pending.append((len(self.inferences) - 1, relation.target))
        else:
            step.kind = InferenceKind.ATTACK
            step.conclusion = self.statement_id[id(relation.target)]
        self.main_step[id(argument)] = iid

    def _aim(self, target: Node) -> str | None:
        if isinstance(target, Inference):
            return self.step_id.get(id(target))
        return self.main_step.get(id(target))

    def _ec_id(self, member: Member) -> str:
        return self.statement_id[id(self.model.statements[str(member.title)])]

    def _step(self, argument: Argument, index: int, conclusion: Member, where: str) -> str | None:
        inference = conclusion.inference
        assert inference is not None
        premises = self._step_premises(argument, index, conclusion, where)
        target = self._ec_id(conclusion)
        if target in premises and len(premises) > 1:
            premises = [p for p in premises if p != target]
            self.warn(f"{where}: the conclusion is also a premise; left out of the premises")
        if not premises:
            self.warn(f"{where}: no premises; the inference is not drawn")
            return None
        # A step concluding its only premise is kept as written: the map cannot hold it,
        # so it is kept for export with the loops (see _drop_what_the_map_cannot_hold).
        return self._new_step(argument, inference, premises, target, where)

    def _new_step(
        self, argument: Argument, inference: Inference, premises: list[str], target: str, where: str
    ) -> str:
        iid = f"i-{len(self.inferences) + 1}"
        fields, extra = split_fields(
            inference.data, INFERENCE_FIELDS + STRUCTURE_FIELDS, where, self.warn
        )
        for key in STRUCTURE_FIELDS:
            fields.pop(key, None)
        step = MapInference(id=iid, premises=premises or ["?"], conclusion=target)
        scheme = fields.get("scheme")
        if "scheme" in fields and (scheme is None or isinstance(scheme, str)):
            step.scheme = scheme
        elif "scheme" in fields:
            extra["scheme"] = scheme
            step.scheme = ", ".join(inference.rules) or None
        else:
            step.scheme = ", ".join(inference.rules) or None
        set_number(step, "strength", fields, extra, where, self.warn, upper=1.0)
        if isinstance(fields.get("notes"), str):
            step.notes = fields["notes"]
        elif "notes" in fields:
            extra["notes"] = fields["notes"]
        if extra:
            self.kept.inference_data[iid] = extra
        self.inferences.append(step)
        self.step_id[id(inference)] = iid
        self.main_step[id(argument)] = iid
        return iid

    def _step_premises(
        self, argument: Argument, index: int, conclusion: Member, where: str
    ) -> list[str]:
        inference = conclusion.inference
        assert inference is not None
        uses = None
        for data in (inference.data, conclusion.data):
            if isinstance(data, dict):
                for key in STRUCTURE_FIELDS:
                    if isinstance(data.get(key), list):
                        uses = data[key]
                        break
            if uses is not None:
                break
        members: list[Member] = []
        if uses is not None:
            for number in uses:
                if (
                    isinstance(number, int)
                    and not isinstance(number, bool)
                    and 1 <= number <= len(argument.pcs)
                ):
                    members.append(argument.pcs[number - 1])
                else:
                    self.warn(f"{where}: uses {number!r}, which is no statement of the argument")
        else:
            for member in reversed(argument.pcs[:index]):
                members.append(member)
                if member.role == INTERMEDIARY:
                    break
            members.reverse()
        return list(dict.fromkeys(self._ec_id(m) for m in members))

    # --- relations ----------------------------------------------------------------------

    def add_relations(self) -> None:
        for relation in self.model.relations:
            if id(relation) not in self.consumed:
                self._relation(relation)

    def _premise(self, node: Node | None) -> str | None:
        if isinstance(node, EquivalenceClass | Argument) and id(node) in self.statement_id:
            return self.statement_id[id(node)]
        if isinstance(node, Argument) and node.pcs:  # relations kept on the argument
            return self._ec_id(node.pcs[-1])
        return None

    def _relation(self, relation: Relation) -> None:
        source, target = relation.source, relation.target
        assert source is not None and target is not None
        premise = self._premise(source)
        described = f"{ref(source)} {relation.type} {ref(target)}"
        if premise is None:
            return self._undrawn(relation, f"{described}: its source is not a statement")
        if relation.type == UNDERCUT:
            return self._undercut(relation, premise, described)
        conclusion = None
        if isinstance(target, EquivalenceClass) or (
            isinstance(target, Argument) and not target.pcs
        ):
            conclusion = self.statement_id[id(target)]
        if conclusion is None:
            return self._undrawn(
                relation,
                f"{described}: a relation to a reconstructed argument names none of its "
                f"premises; {KEPT_UNDRAWN}",
            )
        if relation.type in (CONTRADICTORY, CONTRARY):
            first = self._inference(premise, conclusion, InferenceKind.ATTACK, relation.type)
            second = self._inference(conclusion, premise, InferenceKind.ATTACK, relation.type)
            self.kept.pairs.append((first, second))
            return None
        self._inference(premise, conclusion, _KIND_OF[relation.type], relation.type)
        return None

    def _undercut(self, relation: Relation, premise: str, described: str) -> None:
        target = relation.target
        targets: list[str] = []
        if isinstance(target, Inference) and id(target) in self.step_id:
            targets = [self.step_id[id(target)]]
        elif isinstance(target, Argument) and target.pcs and id(target) in self.main_step:
            targets = [self.main_step[id(target)]]
        elif isinstance(target, Argument) and id(target) in self.statement_id:
            own = self.statement_id[id(target)]
            targets = [
                i.id
                for i in self.inferences
                if i.premises == [own] and i.kind is not InferenceKind.UNDERCUT
            ]
        if not targets:
            self._undrawn(relation, f"{described}: nothing argmap draws to undercut; {KEPT}")
            return
        for aimed in targets:
            self._inference(premise, aimed, InferenceKind.UNDERCUT, UNDERCUT)

    def _inference(self, premise: str, conclusion: str, kind: InferenceKind, written: str) -> str:
        iid = f"i-{len(self.inferences) + 1}"
        self.inferences.append(
            MapInference(id=iid, premises=[premise], conclusion=conclusion, kind=kind)
        )
        self.kept.relations[iid] = written
        return iid

    def _undrawn(self, relation: Relation, message: str) -> None:
        assert relation.source is not None and relation.target is not None
        self.kept.undrawn.append(
            ArgdownRelation(
                type=relation.type, source=ref(relation.source), target=ref(relation.target)
            )
        )
        self.warn(message)

    # --- the map ------------------------------------------------------------------------

    def kinds(self) -> None:
        """Unless data names it, a statement only argued from is a premise (an objection
        if it only attacks); anything else a claim."""
        uses: dict[str, set[InferenceKind]] = {}
        concluded: set[str] = set()
        for inference in self.inferences:
            for premise in inference.premises:
                uses.setdefault(premise, set()).add(inference.kind)
            if inference.kind is not InferenceKind.UNDERCUT:
                concluded.add(inference.conclusion)
        for statement in self.statements:
            if statement.id in self.explicit_kind:
                continue
            used = uses.get(statement.id)
            if used and statement.id not in concluded:
                against = used <= {InferenceKind.ATTACK, InferenceKind.UNDERCUT}
                statement.kind = StatementKind.OBJECTION if against else StatementKind.PREMISE
            self.kept.statements[statement.id].kind = str(statement.kind)

    def sections(self) -> None:
        stack = list(reversed(self.model.sections))
        while stack:
            section = stack.pop()
            data = section.data if isinstance(section.data, dict) else {}
            if section.tags:
                tags = ", ".join(f"#{t}" for t in section.tags)
                self.warn(
                    f"heading {quoted(section.title)}: its tags ({tags}) are kept as text of "
                    "the title, not as tags"
                )
            self.kept.sections.append(
                ArgdownSection(
                    id=section.id,
                    level=max(1, section.level),
                    title=section.title,
                    parent=section.parent.id if section.parent else None,
                    data=data,
                )
            )
            stack.extend(reversed(section.children))

    def build(self, title: str) -> ArgMap:
        self.add_statements()
        self.add_steps()
        self.add_relations()
        self.kinds()
        self.sections()
        steps = {
            self.main_step[id(a)]: f"<{a.title}>"
            for a in self.model.arguments.values()
            if id(a) in self.main_step
        }
        extras: FrontMatterExtras = read_front_matter(
            self.model.front_matter, self.title_of, self.warn, steps
        )
        self.kept.front_matter = extras.rest
        doc = ArgMap(
            title=extras.title if extras.title is not None else title,
            sources=extras.sources,
            quotes=extras.quotes,
            statements=self.statements,
            inferences=self.inferences,
            ratings=extras.ratings,
            question=extras.question,
        )
        doc.view = extras.view
        known = {q.id for q in doc.quotes}
        for statement in doc.statements:
            missing = [q for q in statement.quotes if q not in known]
            if missing:
                statement.quotes = [q for q in statement.quotes if q in known]
                name = self.title_of[statement.id]
                self.warn(f"{name}: quotes {', '.join(missing)} not found; left out")
        self._drop_what_the_map_cannot_hold(doc)
        doc.dialogue = Dialogue(argdown=self.kept)
        return doc

    def _drop_what_the_map_cannot_hold(self, doc: ArgMap) -> None:
        """Inferences a map may not hold (support loops, a statement supporting itself) are
        kept for export, not drawn: a relation line as a relation, an argument's inference
        line as the step it was."""
        while True:
            bad: dict[int, str] = {}
            for problem in validate(doc):
                if problem.severity == "error" and problem.path.startswith("inferences["):
                    index = int(problem.path.split("[")[1].split("]")[0])
                    bad.setdefault(index, problem.message)
            if not bad:
                return
            for index in sorted(bad, reverse=True):
                inference = doc.inferences.pop(index)
                aimed = self._argument_of(inference.conclusion)
                if inference.kind is InferenceKind.UNDERCUT and aimed is not None:
                    premises = ", ".join(self.title_of.get(p, p) for p in inference.premises)
                    self.warn(
                        f"{premises} undercut {aimed}'s inference line, which the map does "
                        f"not draw; {KEPT_UNDRAWN}"
                    )
                    keep_step(self.kept, inference)  # written under that line
                    continue
                self.warn(f"{self._describe(inference)}: {bad[index]}; {KEPT_UNDRAWN}")
                if self._argument_of(inference.id) is not None:
                    keep_step(self.kept, inference)
                    continue
                written = self.kept.relations.pop(inference.id, str(inference.kind))
                source = self.title_of.get(inference.premises[0], "?")
                target = self.title_of.get(inference.conclusion, "?")
                self.kept.undrawn.append(
                    ArgdownRelation(type=written, source=source, target=target)
                )

    def _argument_of(self, iid: str) -> str | None:
        """The ``<title>`` of the kept argument ``iid`` is an inference line of."""
        for kept in self.kept.arguments:
            if iid in kept.steps:
                return f"<{kept.title}>"
        return None

    def _describe(self, inference: MapInference) -> str:
        premises = ", ".join(self.title_of.get(p, p) for p in inference.premises)
        target = self.title_of.get(inference.conclusion, inference.conclusion)
        argument = self._argument_of(inference.id)
        where = f"{argument}: " if argument is not None else ""
        return f"{where}{premises} {inference.kind} {target}"


def map_model(model: Model, report: ArgdownReport, title: str) -> ArgMap:
    """The map for an Argdown model; ``report`` collects what was odd or left out."""
    mapper = _Mapper(model, report)
    doc = mapper.build(title)
    report.statements = len(doc.statements)
    report.arguments = len(model.arguments)
    report.inferences = len(doc.inferences)
    if model.comments:
        report.warnings.append(f"{model.comments} comments dropped (argmap keeps no comments)")
    if model.emphasis:
        report.warnings.append(
            f"{model.emphasis} bold or italic marks dropped (argmap keeps plain text)"
        )
    if model.links:
        distinct = list(dict.fromkeys(model.links))
        addresses = ", ".join(distinct[:_ADDRESSES_SHOWN])
        if len(distinct) > _ADDRESSES_SHOWN:
            addresses += f" and {len(distinct) - _ADDRESSES_SHOWN} more"
        report.warnings.append(
            f"{len(model.links)} link addresses dropped (their text is kept): {addresses}"
        )
    return doc
