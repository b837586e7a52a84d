"""Build Argdown's model from the syntax tree, as the reference's model plugins do.

One walk over the tree in document order, with the reference's listeners on entering and
leaving rules and on tokens (``@argdown/core`` 1.7 ModelPlugin and DataPlugin); then the
reference's clean-up of relations. The order of events matters: titles of untitled
statements are numbered ("Untitled 1", ...) in the order the walk meets them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from argmap.interop import argdown_reader_parser as ps
from argmap.interop import argdown_reader_tokens as tk
from argmap.interop.argdown_reader_model import (
    ATTACK,
    CONTRADICTORY,
    DESCRIPTION,
    INTERMEDIARY,
    MAIN,
    PREMISE,
    RELATION_STATEMENT,
    SUPPORT,
    TOP_LEVEL,
    UNDERCUT,
    ArgdownDataError,
    Argument,
    EquivalenceClass,
    Inference,
    Member,
    Model,
    Node,
    Relation,
    Section,
    finish,
    js_trim,
    js_truthy,
    lodash_merge,
)
from argmap.interop.argdown_reader_parser import RuleNode
from argmap.interop.argdown_reader_shortcodes import SHORTCODES
from argmap.interop.argdown_reader_tokens import Token
from argmap.interop.argdown_reader_yaml import YamlError, load_yaml

_DOT = "[^\n\r\u2028\u2029]"
_LINK = re.compile(rf"\[({_DOT}+)\]\(({_DOT}+)\)")
_REFERENCE = {
    tk.S_REFERENCE: re.compile(rf"\[({_DOT}+)\]"),
    tk.A_REFERENCE: re.compile(rf"<({_DOT}+)>"),
}
_MISSING = object()
_TAG = re.compile(r"#(?:\(([^\)]+)\)|([A-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))")
_RELATION_OF_RULE = {
    "incomingSupport": (SUPPORT, "source"),
    "incomingAttack": (ATTACK, "source"),
    "outgoingSupport": (SUPPORT, "target"),
    "outgoingAttack": (ATTACK, "target"),
    ps.CONTRADICTION: (CONTRADICTORY, "source"),
    "incomingUndercut": (UNDERCUT, "source"),
    "outgoingUndercut": (UNDERCUT, "target"),
}
_FRONT_START = re.compile(r"^\s*={3,}")
_FRONT_END = re.compile(r"={3,}\s*$")
_BLOCK_START = re.compile(r"^\{[ \t]*(\n\r|\n)")
_BLOCK_END = re.compile(r"\}\s*$")

Target = Member | RuleNode


class _Builder:
    def __init__(self) -> None:
        self.model = Model()
        self.untitled = 0
        self.statement: Member | None = None
        self.heading: RuleNode | None = None
        self.relation_parent: Member | Argument | Inference | None = None
        self.argument: Argument | None = None
        self.pcs_of: Argument | None = None
        self.inference: Inference | None = None
        self.relation: Relation | None = None
        self.parents: list[Node] = []
        self.ranges: list[bool] = []
        self.section: Section | None = None
        self.sections = 0
        self.remove_tags = False
        self.at_parent: RuleNode | None = None
        self.at_index: int | None = None
        self.on_enter: dict[str, Callable[[RuleNode], None]] = {
            "argdown": self._enter_argdown,
            "heading": self._enter_heading,
            "statement": self._enter_statement,
            "argument": self._enter_argument,
            "pcs": self._enter_pcs,
            "inference": self._enter_inference,
            "relations": self._enter_relations,
            "freestyleText": self._enter_freestyle_text,
        }
        self.on_leave: dict[str, Callable[[RuleNode], None]] = {
            "heading": self._leave_heading,
            "statement": self._leave_statement,
            "argument": self._leave_argument,
            "pcs": self._leave_pcs,
            "pcsStatement": self._leave_pcs_statement,
            "inference": self._leave_inference,
            "inferenceRules": self._leave_inference_rules,
            "relations": self._leave_relations,
        }

    def unique_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def equivalence_class(self, title: str) -> EquivalenceClass:
        found = self.model.statements.get(title)
        if found is None:
            found = self.model.statements[title] = EquivalenceClass(title)
        return found

    def get_argument(self, title: str | None = None) -> Argument:
        found = self.model.arguments.get(title) if title else None
        if found is None:
            found = Argument(title or self.unique_title())
            self.model.arguments[found.title] = found
        self.argument = found
        self.relation_parent = found
        return found

    def relation_member(self, parent: Member | Argument | Inference) -> Node:
        if isinstance(parent, Member):
            if not parent.title:
                parent.title = self.unique_title()
            if parent.role == DESCRIPTION:
                return self.get_argument(parent.title)
            return self.equivalence_class(parent.title)
        return parent

    # --- the walk ---------------------------------------------------------------------

    def walk(self, node: RuleNode, parent: RuleNode | None, index: int | None) -> None:
        name = node.name
        self.at_parent, self.at_index = parent, index
        if name in _RELATION_OF_RULE:
            self.enter_relation(node)
        elif name in self.on_enter:
            self.on_enter[name](node)
        for child_index, child in enumerate(node.children):
            if isinstance(child, RuleNode):
                self.walk(child, node, child_index)
            else:
                self.token(child, node, child_index)
        self.at_parent, self.at_index = parent, index
        if name in _RELATION_OF_RULE:
            self.leave_relation(node)
        elif name in (ps.BOLD, ps.ITALIC):
            self.leave_emphasis(node)
        elif name in self.on_leave:
            self.on_leave[name](node)

    def target(self) -> Member | RuleNode | None:
        return self.heading if self.heading is not None else self.statement

    def token(self, token: Token, parent: RuleNode, index: int) -> None:
        kind = token.kind
        if kind == tk.DATA:
            parent.found["data"] = _data(token)
        elif kind == tk.FRONT_MATTER:
            self.front_matter(token, parent)
        elif kind in (tk.S_DEFINITION, tk.A_DEFINITION) and self.statement is not None:
            self.statement.title = token.image[1:-2]
        elif kind in (tk.S_REFERENCE, tk.A_REFERENCE) and self.statement is not None:
            found = _REFERENCE[kind].match(token.image)
            if found is not None:  # a title broken over two lines is no title
                self.statement.title = found.group(1)
                self.statement.is_reference = True
        elif kind in (tk.S_MENTION, tk.A_MENTION, tk.LINK, tk.TAG):
            self.inline(token)
        elif kind == tk.NEWLINE:
            target = self.target()
            if target is not None and index != len(parent.children) - 1:
                old = _text_of(target)
                if not old.endswith(" "):
                    _set_text(target, old + " ")

    def inline(self, token: Token) -> None:
        target = self.target()
        if target is None:
            return
        image, kind = token.image, token.kind
        if kind == tk.LINK:
            found = _LINK.match(image)
            if found is None:
                raise ArgdownDataError(token.start, "a link's text may not break across lines")
            self.model.links.append(found.group(2))
            _set_text(
                target, _text_of(target) + found.group(1) + (" " if image.endswith(" ") else "")
            )
        elif kind == tk.TAG:
            found = _TAG.match(image)
            assert found is not None  # the lexer matched the same pattern
            tag = found.group(1) or found.group(2)
            if not self.remove_tags:
                old = _text_of(target)
                _set_text(target, old + image)
                if isinstance(target, Member):
                    target.tag_spans.append((len(old), len(old) + len(image)))
            tags = _tags_of(target)
            if tag not in tags:
                tags.append(tag)
            if tag not in self.model.tags:
                self.model.tags.append(tag)
        else:  # mentions keep their text
            _set_text(target, _text_of(target) + image)

    def front_matter(self, token: Token, parent: RuleNode) -> None:
        body = _FRONT_END.sub("", _FRONT_START.sub("", token.image, count=1), count=1)
        data = _yaml(token, body, "front matter")
        parent.found["data"] = data
        self.model.front_matter = data
        settings = data.get("model") if isinstance(data, dict) else None
        if isinstance(settings, dict):
            if "removeTagsFromText" in settings:
                self.remove_tags = js_truthy(settings["removeTagsFromText"])
            if "mode" in settings:
                self.model.strict = settings["mode"] == "strict"
            if "transformArgumentRelations" in settings:
                self.model.transform_argument_relations = js_truthy(
                    settings["transformArgumentRelations"]
                )

    # --- rules ------------------------------------------------------------------------

    def _enter_argdown(self, _node: RuleNode) -> None:
        self.untitled = 0

    def _enter_heading(self, node: RuleNode) -> None:
        self.heading = node
        node.found["text"] = ""

    def _leave_heading(self, node: RuleNode) -> None:
        start = node.children[0]
        assert isinstance(start, Token)
        level = len(start.image) - 1
        self.sections += 1
        section = Section(f"s{self.sections}", level, js_trim(str(node.found.get("text", ""))))
        section.tags = node.found.get("tags")
        section.data = node.found.get("data")
        previous = self.section
        while previous is not None and previous.level >= level:
            previous = previous.parent
        if previous is not None:
            previous.children.append(section)
            section.parent = previous
        else:
            self.model.sections.append(section)
        self.section = section
        self.heading = None

    def _enter_statement(self, node: RuleNode) -> None:
        member = Member(offset=_offset(node))
        parent = self.at_parent
        if parent is not None and parent.name == ps.ARGDOWN:
            member.role, member.is_top_level = TOP_LEVEL, True
        elif self.relation is not None:
            member.role = RELATION_STATEMENT
        self.statement = member
        self.relation_parent = member
        node.found["statement"] = member

    def _leave_statement(self, node: RuleNode) -> None:
        member: Member = node.found["statement"]
        member.data = node.found.get("data")
        if not member.title:
            member.title = self.unique_title()
        ec = self.equivalence_class(member.title)
        node.found["class"] = ec
        if member.tags:
            ec.tags = _union(ec.tags, member.tags)
        if member.data is not None:
            ec.data = lodash_merge(ec.data, member.data)
        member.section = self.section
        ec.members.append(member)
        in_group = _in_group(member.data)
        if in_group is True or (
            not member.is_reference and in_group is _MISSING and ec.section is None
        ):
            ec.section = member.section
        self.statement = None

    def _enter_argument(self, node: RuleNode) -> None:
        description = Member(role=DESCRIPTION, text="", offset=_offset(node))
        parent = self.at_parent
        description.is_top_level = parent is None or parent.name == ps.ARGDOWN
        description.section = self.section
        self.statement = description
        self.relation_parent = description
        node.found["statement"] = description

    def _leave_argument(self, node: RuleNode) -> None:
        description: Member = node.found["statement"]
        description.data = node.found.get("data")
        if not description.title:
            description.title = self.unique_title()
        argument = self.get_argument(description.title)
        node.found["argument"] = argument
        if description.tags:
            argument.tags = _union(argument.tags, description.tags)
        if description.data is not None:
            argument.data = lodash_merge(argument.data, description.data)
        description.section = self.section
        argument.members.append(description)
        in_group = _in_group(description.data)
        if in_group is True or (
            not description.is_reference and in_group is _MISSING and argument.section is None
        ):
            argument.section = description.section
        self.statement = None
        self.argument = None

    def _enter_pcs(self, node: RuleNode) -> None:
        argument, description = None, None
        parent, index = self.at_parent, self.at_index
        if parent is not None and index:
            before = parent.children[index - 1]
            if isinstance(before, Token) and before.kind == tk.EMPTYLINE and index >= 2:
                before = parent.children[index - 2]
            if isinstance(before, RuleNode) and before.name == ps.ARGUMENT:
                description = before.found.get("statement")
                argument = before.found.get("argument")
        if argument is None:
            argument = self.get_argument()
        if self.section is not None:
            argument.section = self.section
        if argument.pcs:
            raise ArgdownDataError(
                _offset(node),
                f"a second premise-conclusion structure for <{argument.title}> "
                "(an argument can have only one)",
            )
        node.found["argument"] = argument
        node.found["description"] = description
        self.pcs_of = argument

    def _leave_pcs(self, node: RuleNode) -> None:
        argument: Argument = node.found["argument"]
        argument.pcs[-1].role = MAIN  # the grammar ends a pcs with a conclusion
        self.statement = None
        self.argument = None
        self.pcs_of = None

    def _leave_pcs_statement(self, node: RuleNode) -> None:
        assert self.pcs_of is not None
        statement_node = node.children[1]
        assert isinstance(statement_node, RuleNode)
        member: Member = statement_node.found["statement"]
        assert member.title is not None
        self.equivalence_class(member.title)
        member.role = PREMISE
        member.argument_title = self.pcs_of.title
        parent, index = self.at_parent, self.at_index
        if parent is not None and index:
            before = parent.children[index - 1]
            if isinstance(before, RuleNode) and before.name == ps.INFERENCE:
                member.role = INTERMEDIARY
                inference: Inference = before.found["inference"]
                member.inference = inference
                inference.conclusion_index = len(self.pcs_of.pcs)
                inference.argument_title = self.pcs_of.title
        self.pcs_of.pcs.append(member)

    def _enter_inference(self, node: RuleNode) -> None:
        self.inference = Inference()
        node.found["inference"] = self.inference
        self.relation_parent = self.inference
        self.parents.append(self.inference)

    def _leave_inference(self, node: RuleNode) -> None:
        if self.inference is not None:
            self.inference.data = node.found.get("data")

    def _leave_inference_rules(self, node: RuleNode) -> None:
        if self.inference is None:
            return
        for child in node.children:
            if isinstance(child, RuleNode) and child.name == ps.FREESTYLE_TEXT:
                self.inference.rules.append(js_trim(child.found.get("text", "")))

    def enter_relation(self, node: RuleNode) -> None:
        kind, parent_is = _RELATION_OF_RULE[node.name]
        parent = self.parents[-1] if self.parents else None
        relation = Relation(kind, offset=_offset(node))
        if parent_is == "source":
            relation.source = parent
        elif (
            kind == UNDERCUT and isinstance(parent, EquivalenceClass) and self.inference is not None
        ):
            relation.target = self.inference  # the reference aims it at the last inference seen
        else:
            relation.target = parent
        self.relation = relation
        node.found["relation"] = relation

    def leave_relation(self, node: RuleNode) -> None:
        relation: Relation = node.found["relation"]
        content = node.children[1]
        assert isinstance(content, RuleNode)
        member = content.found.get("argument") or content.found["statement"]
        other = self.relation_member(member)
        if relation.source is not None:
            relation.target = other
        else:
            relation.source = other
        source, target = relation.source, relation.target
        assert source is not None and target is not None
        for existing in source.relations:
            same = existing.target is target and existing.type == relation.type
            mirrored = (
                relation.type == CONTRADICTORY == existing.type
                and existing.target is source
                and existing.source is target
            )
            if same or mirrored:
                return
        self.model.relations.append(relation)
        source.relations.append(relation)
        target.relations.append(relation)

    def _enter_relations(self, node: RuleNode) -> None:
        if self.relation_parent is None:
            raise ArgdownDataError(_offset(node), "relations without a statement or argument")
        self.parents.append(self.relation_member(self.relation_parent))

    def _leave_relations(self, _node: RuleNode) -> None:
        self.relation = None
        self.parents.pop()

    def _enter_freestyle_text(self, node: RuleNode) -> None:
        text = []
        for child in node.children:
            assert isinstance(child, Token)
            image = child.image
            if child.kind == tk.ESCAPED:
                text.append(image[1:])
            elif child.kind == tk.SPECIAL and js_trim(image) in SHORTCODES:
                text.append(SHORTCODES[js_trim(image)] + (" " if image.endswith(" ") else ""))
            else:
                text.append(image)
        node.found["text"] = "".join(text)
        target = self.target()
        if target is not None:
            _set_text(target, _text_of(target) + node.found["text"])

    def leave_emphasis(self, node: RuleNode) -> None:
        self.model.emphasis += 1
        target = self.target()
        end = node.children[-1]
        assert isinstance(end, Token)
        if target is not None and end.image.endswith(" "):
            old = _text_of(target, missing="undefined")  # JavaScript's undefined + " "
            _set_text(target, old + " ")


def _offset(node: RuleNode) -> int:
    first = node.children[0] if node.children else None
    while isinstance(first, RuleNode):
        first = first.children[0] if first.children else None
    return first.start if isinstance(first, Token) else 0


def _text_of(target: Target, missing: str = "") -> str:
    text = target.found.get("text") if isinstance(target, RuleNode) else target.text
    return missing if text is None else str(text)


def _set_text(target: Target, text: str) -> None:
    if isinstance(target, RuleNode):
        target.found["text"] = text
    else:
        target.text = text


def _tags_of(target: Target) -> list[str]:
    if isinstance(target, RuleNode):
        tags: list[str] = target.found.setdefault("tags", [])
        return tags
    if target.tags is None:
        target.tags = []
    return target.tags


def _union(old: list[str] | None, new: list[str]) -> list[str]:
    result = list(old or [])
    result.extend(tag for tag in new if tag not in result)
    return result


def build_model(text: str) -> Model:
    """Argdown's model of a text, as the reference builds it (raises ArgdownLexError,
    ArgdownSyntaxError or ArgdownDataError with the offset of the problem)."""
    builder = _Builder()
    tree = ps.parse(text)
    builder.model.comments = tree.found["comments"]
    builder.walk(tree, None, None)
    finish(builder.model)
    return builder.model


def _yaml(token: Token, text: str, what: str) -> Any:
    try:
        return load_yaml(text)
    except YamlError as exc:
        where = token.start
        if exc.line is not None:  # the line within the YAML, counted into the document
            lines = token.image.split("\n")
            where += sum(len(line) + 1 for line in lines[: max(0, exc.line - 1)])
        raise ArgdownDataError(where, f"the {what} is not valid YAML: {exc}") from None


def _data(token: Token) -> Any:
    text = token.image
    block = _BLOCK_START.match(text)
    if block is not None:
        text = _BLOCK_END.sub("", text[block.end() :], count=1)
    return _yaml(token, text, "data")


def _in_group(data: Any) -> Any:
    return data.get("isInGroup", _MISSING) if isinstance(data, dict) else _MISSING
