"""Argdown's model (statements, arguments, relations, sections) built from the syntax tree.

This is the reference's ModelPlugin and DataPlugin (``@argdown/core`` 1.7) walked the same
way: statements with one title form an *equivalence class*, an argument collects its
descriptions and its premise-conclusion structure (pcs), relations are deduplicated, and
after the walk relations of reconstructed arguments move to their main conclusions, an
undercut of a reconstructed argument goes to its last inference, and (in strict mode)
support and attack between statements become entailment and contrariness.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.interop.argdown_reader_tokens import JS_SPACE

# Roles of statements (the reference's).
PREMISE, INTERMEDIARY, MAIN = "premise", "intermediary-conclusion", "main-conclusion"
DESCRIPTION, TOP_LEVEL, RELATION_STATEMENT = (
    "argument-description",
    "top-level-statement",
    "relation-statement",
)
SUPPORT, ATTACK, UNDERCUT = "support", "attack", "undercut"
CONTRADICTORY, ENTAILS, CONTRARY = "contradictory", "entails", "contrary"


class ArgdownDataError(ValueError):
    """Front matter or ``{data}`` that is not valid YAML; ``offset`` is where it starts."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(eq=False)
class Section:
    """A heading: the part of the document up to the next heading of its level or above."""

    id: str
    level: int
    title: str
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)
    tags: list[str] | None = None
    data: Any = None


@dataclass(eq=False)
class Member:
    """One occurrence of a statement, or one description of an argument."""

    role: str | None = None
    title: str | None = None
    text: str | None = None
    is_reference: bool = False
    is_top_level: bool = False
    tags: list[str] | None = None
    data: Any = None
    section: Section | None = None
    argument_title: str | None = None
    inference: Inference | None = None
    offset: int = 0
    tag_spans: list[tuple[int, int]] = field(default_factory=list)  # tags within ``text``


@dataclass(eq=False)
class Inference:
    """An inference line of a pcs: its rules, data and the undercuts aimed at it."""

    rules: list[str] = field(default_factory=list)
    data: Any = None
    relations: list[Relation] = field(default_factory=list)
    conclusion_index: int = 0
    argument_title: str = ""


@dataclass(eq=False)
class EquivalenceClass:
    """All statements with one title (Argdown treats them as one statement)."""

    title: str
    members: list[Member] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    tags: list[str] | None = None
    data: Any = None
    section: Section | None = None


@dataclass(eq=False)
class Argument:
    """An argument: its descriptions and, if reconstructed, its pcs."""

    title: str
    members: list[Member] = field(default_factory=list)
    pcs: list[Member] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    tags: list[str] | None = None
    data: Any = None
    section: Section | None = None


Node = EquivalenceClass | Argument | Inference


@dataclass(eq=False)
class Relation:
    """A relation between statements, arguments or (undercuts) an inference."""

    type: str
    source: Node | None = None
    target: Node | None = None
    offset: int = 0


@dataclass
class Model:
    """What the reference's model holds after building (titles map in document order)."""

    statements: dict[str, EquivalenceClass] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    front_matter: Any = None
    comments: int = 0
    emphasis: int = 0  # bold and italic marks, whose text is kept without them
    links: list[str] = field(default_factory=list)  # link addresses, whose text is kept
    strict: bool = False  # front matter ``model: {mode: strict}``
    transform_argument_relations: bool = True


def lodash_merge(target: Any, source: Any) -> Any:
    """lodash's ``merge``: objects merge key by key and arrays index by index."""
    if isinstance(source, dict):
        merged = dict(target) if isinstance(target, dict) else {}
        for key, value in source.items():
            merged[key] = lodash_merge(merged.get(key), value) if key in merged else value
        return merged
    if isinstance(source, list):
        result = list(target) if isinstance(target, list) else []
        for index, value in enumerate(source):
            if index < len(result):
                result[index] = lodash_merge(result[index], value)
            else:
                result.append(value)
        return result
    return source


def js_trim(text: str) -> str:
    """JavaScript's ``trim``: strips JavaScript's whitespace (which includes U+FEFF)."""
    return text.strip(JS_SPACE)


def js_truthy(value: Any) -> bool:
    """Whether JavaScript treats a JSON value as true (empty objects and lists are true)."""
    if isinstance(value, dict | list):
        return True
    return bool(value)


def _other(relation: Relation, node: Node) -> Node | None:
    return relation.target if relation.source is node else relation.source


def _js_remove(relations: list[Relation], relation: Relation) -> None:
    """JavaScript's ``list.splice(list.indexOf(r), 1)``: when ``r`` is absent, that
    removes the last element (the reference relies on it in one place)."""
    for index, existing in enumerate(relations):
        if existing is relation:
            del relations[index]
            return
    if relations:
        relations.pop()


def finish(model: Model) -> None:
    """The reference's clean-up after the walk (ModelPlugin.run)."""
    nodes: list[EquivalenceClass | Argument] = [*model.statements.values()]
    nodes.extend(model.arguments.values())
    for node in nodes:
        if node.section is None and node.members:
            node.section = node.members[0].section
    if model.transform_argument_relations:
        _move_argument_relations(model)
    if model.strict:
        _strict_statement_relations(model)
    _drop_redundant_attacks_on_arguments(model)


def _move_argument_relations(model: Model) -> None:
    """A reconstructed argument's outgoing relations start at its main conclusion; an
    undercut of it aims at its last inference."""
    kept = []
    for relation in model.relations:
        add = True
        source, target = relation.source, relation.target
        if isinstance(source, Argument) and source.pcs:
            _js_remove(source.relations, relation)
            conclusion = model.statements[str(source.pcs[-1].title)]
            relation.source = conclusion
            if any(
                relation.target is r.target and relation.type == r.type
                for r in conclusion.relations
            ):
                assert relation.target is not None
                _js_remove(relation.target.relations, relation)
                add = False
            else:
                conclusion.relations.append(relation)
        if isinstance(target, Argument) and target.pcs and relation.type == UNDERCUT:
            inference = target.pcs[-1].inference
            assert inference is not None
            relation.target = inference
            _js_remove(inference.relations, relation)  # sic: the reference's order
            if any(
                relation.source is r.source and relation.type == r.type for r in inference.relations
            ):
                assert relation.source is not None
                _js_remove(relation.source.relations, relation)
                add = False
            else:
                inference.relations.append(relation)
        if add:
            kept.append(relation)
    model.relations = kept


def _strict_statement_relations(model: Model) -> None:
    """Strict mode: support between statements is entailment, attack contrariness."""
    kept = []
    for relation in model.relations:
        source, target = relation.source, relation.target
        if isinstance(source, EquivalenceClass) and isinstance(target, EquivalenceClass):
            if relation.type == SUPPORT:
                relation.type = ENTAILS
            elif relation.type == ATTACK:
                if any(
                    r.type == CONTRARY
                    and (
                        (r.source is source and r.target is target)
                        or (r.source is target and r.target is source)
                    )
                    for r in source.relations
                ):
                    _js_remove(source.relations, relation)
                    _js_remove(target.relations, relation)
                    continue
                relation.type = CONTRARY
        kept.append(relation)
    model.relations = kept


def _drop_redundant_attacks_on_arguments(model: Model) -> None:
    """A statement attacking an argument whose premise it already attacks (or
    contradicts) does not attack the argument a second time."""
    kept = []
    for relation in model.relations:
        source, target = relation.source, relation.target
        if (
            isinstance(source, EquivalenceClass)
            and relation.type == ATTACK
            and isinstance(target, Argument)
        ):
            premises = {s.title for s in target.pcs if s.role == PREMISE}
            redundant = any(
                isinstance(other := _other(r, source), EquivalenceClass)
                and (
                    (r.type == ATTACK and r.source is source) or r.type in (CONTRADICTORY, CONTRARY)
                )
                and other.title in premises
                for r in source.relations
            )
            if redundant:
                _js_remove(source.relations, relation)
                _js_remove(target.relations, relation)
                continue
        kept.append(relation)
    model.relations = kept
