"""Argdown's grammar: a syntax tree from the tokens, shaped as the reference parser's.

The rules, their order and which tokens each keeps as children follow ``@argdown/core``
1.7's parser, because the model is built from the tree by the same walk the reference
does (a newline that is not a rule's last child adds a space, a numbered statement right
after an inference line is a conclusion, ...). Where the reference reports any syntax
error, Argdown's tools refuse the file; so does this parser, at the first error, with
the line and column and what it expected there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.interop import argdown_reader_lexer as lx
from argmap.interop import argdown_reader_tokens as tk
from argmap.interop.argdown_reader_tokens import Token

# Rule names (the reference's).
ARGDOWN, HEADING, PCS, PCS_TAIL, PCS_STATEMENT = (
    "argdown",
    "heading",
    "pcs",
    "pcsTail",
    "pcsStatement",
)
INFERENCE, INFERENCE_RULES, RELATIONS = "inference", "inferenceRules", "relations"
ORDERED_LIST, UNORDERED_LIST = "orderedList", "unorderedList"
ORDERED_LIST_ITEM, UNORDERED_LIST_ITEM = "orderedListItem", "unorderedListItem"
ARGUMENT, STATEMENT, STATEMENT_CONTENT = "argument", "statement", "statementContent"
STATEMENT_DEFINITION, FREESTYLE_TEXT, BOLD, ITALIC = (
    "statementDefinition",
    "freestyleText",
    "bold",
    "italic",
)
CONTRADICTION = "contradiction"
RELATION_RULES = {
    tk.IN_SUPPORT: "incomingSupport",
    tk.IN_ATTACK: "incomingAttack",
    tk.OUT_SUPPORT: "outgoingSupport",
    tk.OUT_ATTACK: "outgoingAttack",
    tk.CONTRADICTION: CONTRADICTION,
    tk.IN_UNDERCUT: "incomingUndercut",
    tk.OUT_UNDERCUT: "outgoingUndercut",
}

_FREESTYLE_FIRST = frozenset({tk.FREESTYLE, tk.CONTROL_CHAR, tk.ESCAPED, tk.SPECIAL})
_RANGE_STARTS = frozenset({*tk.BOLD_START.values(), *tk.ITALIC_START.values()})
_CONTENT_FIRST = (
    _FREESTYLE_FIRST
    | _RANGE_STARTS
    | {
        tk.LINK,
        tk.TAG,
        tk.A_MENTION,
        tk.S_MENTION,
        tk.NEWLINE,
    }
)
_STATEMENT_FIRST = _CONTENT_FIRST | {tk.S_REFERENCE, tk.S_DEFINITION}
_ARGUMENT_FIRST = frozenset({tk.A_DEFINITION, tk.A_REFERENCE})
_RANGE_END = {
    "AsteriskBoldStart": "AsteriskBoldEnd",
    "UnderscoreBoldStart": "UnderscoreBoldEnd",
    "AsteriskItalicStart": "AsteriskItalicEnd",
    "UnderscoreItalicStart": "UnderscoreItalicEnd",
}


class ArgdownSyntaxError(ValueError):
    """Text the reference parser would refuse; ``offset`` is where, in the text."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(eq=False)
class RuleNode:
    """A rule's node; the model builder hangs what it finds on ``found``."""

    name: str
    children: list[RuleNode | Token]
    found: dict[str, Any] = field(default_factory=dict)


def describe(token: Token) -> str:
    """A token in words, for error messages."""
    kind, image = token.kind, token.image.strip()
    if kind == tk.EOF:
        return "the end of the text"
    if kind in RELATION_RULES:
        return f"the relation {image!r}"
    if kind in (tk.INDENT, tk.DEDENT):
        return "a change of indentation"
    if kind == tk.INFERENCE_START:
        return "an inference line (--)"
    if kind == tk.EMPTYLINE:
        return "an empty line"
    if kind == tk.NEWLINE:
        return "a line break"
    if kind == tk.DATA:
        return "data in curly brackets"
    if kind == tk.FRONT_MATTER:
        return "front matter (===)"
    return repr(image[:40])


class _Parser:
    def __init__(self, tokens: list[Token], length: int) -> None:
        self.tokens = tokens
        self.at = 0
        self.eof = Token(tk.EOF, "", length)

    def la(self, k: int = 1) -> Token:
        index = self.at + k - 1
        return self.tokens[index] if index < len(self.tokens) else self.eof

    def kind(self, k: int = 1) -> str:
        return self.la(k).kind

    def take(self) -> Token:
        token = self.la()
        self.at += 1
        return token

    def expect(self, kind: str, what: str) -> Token:
        if self.kind() != kind:
            self.fail(f"expected {what}")
        return self.take()

    def fail(self, expected: str) -> None:
        token = self.la()
        if token.kind in (tk.INDENT, tk.DEDENT) and "relation" in expected:
            raise ArgdownSyntaxError(token.start, expected)
        raise ArgdownSyntaxError(token.start, f"{expected}, found {describe(token)}")

    # --- the document ---------------------------------------------------------------

    def document(self) -> RuleNode:
        children: list[RuleNode | Token] = []
        if self.kind() == tk.NEWLINE:
            self.take()
        if self.kind() == tk.EMPTYLINE:
            self.take()
        if self.kind() == tk.FRONT_MATTER:
            children.append(self.take())
            if self.kind() == tk.NEWLINE:
                self.take()
            children.append(self.expect(tk.EMPTYLINE, "an empty line after the front matter"))
        children.append(self.block())
        while self.kind() == tk.EMPTYLINE:
            self.take()
            children.append(self.block())
        if self.kind() != tk.EOF:
            token = self.la()
            if token.kind in RELATION_RULES or token.kind == tk.INDENT:
                self.fail(
                    "a relation must follow, indented, the statement or argument it belongs "
                    "to (no empty line between them)"
                )
            self.fail("expected an empty line between two blocks")
        return RuleNode(ARGDOWN, children)

    def block(self) -> RuleNode:
        kind = self.kind()
        if kind == tk.HEADING:
            return self.heading()
        if kind in _STATEMENT_FIRST:
            return self.statement()
        if kind == tk.NUMBER:
            return self.pcs()
        if kind in _ARGUMENT_FIRST:
            return self.argument()
        if kind == tk.INDENT and self.kind(2) == tk.ORDERED_ITEM:
            return self.a_list(ORDERED_LIST, tk.ORDERED_ITEM, ORDERED_LIST_ITEM)
        if kind == tk.INDENT and self.kind(2) == tk.UNORDERED_ITEM:
            return self.a_list(UNORDERED_LIST, tk.UNORDERED_ITEM, UNORDERED_LIST_ITEM)
        if kind in RELATION_RULES or kind == tk.INDENT:
            self.fail(
                "a relation must follow, indented, the statement or argument it belongs to "
                "(no empty line between them)"
            )
        if kind == tk.INFERENCE_START:
            self.fail("an inference line (--) must come between numbered statements")
        self.fail("expected a statement, an argument, a heading or a numbered statement")
        raise AssertionError  # fail() raised

    def heading(self) -> RuleNode:
        children: list[RuleNode | Token] = [self.take()]
        if self.kind() not in _CONTENT_FIRST:
            self.fail("expected the heading's text")
        while self.kind() in _CONTENT_FIRST:
            children.append(self.content())
        if self.kind() in (tk.NEWLINE, tk.DATA):
            if self.kind() == tk.NEWLINE:
                children.append(self.take())
            children.append(self.expect(tk.DATA, "data in curly brackets"))
            if self.kind() == tk.NEWLINE:
                children.append(self.take())
        return RuleNode(HEADING, children)

    # --- premise-conclusion structures -------------------------------------------------

    def pcs(self) -> RuleNode:
        children: list[RuleNode | Token] = [self.pcs_statement()]
        if self.kind() not in (tk.NUMBER, tk.INFERENCE_START):
            self.fail(
                "expected more numbered statements and an inference line (--) before the conclusion"
            )
        while self.kind() in (tk.NUMBER, tk.INFERENCE_START):
            children.append(self.pcs_tail())
        return RuleNode(PCS, children)

    def pcs_tail(self) -> RuleNode:
        children: list[RuleNode | Token] = []
        while self.kind() == tk.NUMBER:
            children.append(self.pcs_statement())
        if self.kind() != tk.INFERENCE_START:
            self.fail("expected an inference line (--) and a conclusion after the premises")
        children.append(self.inference())
        if self.kind() != tk.NUMBER:
            self.fail("expected a numbered conclusion after the inference line")
        children.append(self.pcs_statement())
        return RuleNode(PCS_TAIL, children)

    def pcs_statement(self) -> RuleNode:
        number = self.take()
        if self.kind() not in _STATEMENT_FIRST:
            self.fail(f"expected a statement after {number.image.strip()}")
        return RuleNode(PCS_STATEMENT, [number, self.statement()])

    def inference(self) -> RuleNode:
        children: list[RuleNode | Token] = [self.take()]
        if self.kind() in _FREESTYLE_FIRST or (
            self.kind() == tk.NEWLINE and self.kind(2) in _FREESTYLE_FIRST
        ):
            if self.kind() == tk.NEWLINE:
                children.append(self.take())
            children.append(self.inference_rules())
        if self.kind() == tk.NEWLINE:
            children.append(self.take())
        if self.kind() == tk.DATA:
            children.append(self.take())
            if self.kind() == tk.NEWLINE:
                children.append(self.take())
        children.append(self.expect(tk.INFERENCE_END, "the inference line's closing --"))
        children.append(self.expect(tk.NEWLINE, "a line break after the inference line"))
        if self.kind() == tk.INDENT:
            children.append(self.inference_relations())
        return RuleNode(INFERENCE, children)

    def inference_rules(self) -> RuleNode:
        children: list[RuleNode | Token] = [self.freestyle()]
        while self.kind() == tk.LIST_DELIMITER:
            self.take()
            if self.kind() not in _FREESTYLE_FIRST:
                self.fail("expected the name of an inference rule after ','")
            children.append(self.freestyle())
        return RuleNode(INFERENCE_RULES, children)

    def inference_relations(self) -> RuleNode:
        children: list[RuleNode | Token] = [self.take()]
        if self.kind() != tk.OUT_UNDERCUT:
            self.fail("only undercuts (<_) may hang under an inference line")
        while self.kind() == tk.OUT_UNDERCUT:
            children.append(self.relation())
        self.expect(tk.DEDENT, "the end of the indented undercuts")
        return RuleNode(RELATIONS, children)

    # --- lists, arguments, statements, relations -----------------------------------------

    def a_list(self, name: str, item_kind: str, item_name: str) -> RuleNode:
        children: list[RuleNode | Token] = [self.take()]
        while self.kind() == item_kind:
            item = self.take()
            children.append(RuleNode(item_name, [item, self.statement_or_argument()]))
        self.expect(tk.DEDENT, "the end of the indented list")
        return RuleNode(name, children)

    def statement_or_argument(self) -> RuleNode:
        if self.kind() in _STATEMENT_FIRST:
            return self.statement()
        if self.kind() in _ARGUMENT_FIRST:
            return self.argument()
        self.fail("expected a statement or an argument")
        raise AssertionError

    def argument(self) -> RuleNode:
        children: list[RuleNode | Token] = [self.take()]
        if children[0].kind == tk.A_DEFINITION:  # type: ignore[union-attr]
            if self.kind() not in _CONTENT_FIRST:
                self.fail("expected the argument's text after its title")
            children.append(self.content())
        else:
            while self.kind() == tk.TAG:
                children.append(self.take())
            if self.kind() == tk.NEWLINE:
                children.append(self.take())
        self._data_and_relations(children)
        return RuleNode(ARGUMENT, children)

    def statement(self) -> RuleNode:
        children: list[RuleNode | Token] = []
        kind = self.kind()
        if kind in _CONTENT_FIRST:
            children.append(self.content())
        elif kind == tk.S_REFERENCE:
            children.append(self.take())
            while self.kind() == tk.TAG:
                children.append(self.take())
            if self.kind() == tk.NEWLINE:
                children.append(self.take())
        else:
            definition = self.take()
            if self.kind() not in _CONTENT_FIRST:
                self.fail("expected the statement's text after its title")
            children.append(RuleNode(STATEMENT_DEFINITION, [definition, self.content()]))
        self._data_and_relations(children)
        return RuleNode(STATEMENT, children)

    def _data_and_relations(self, children: list[RuleNode | Token]) -> None:
        if self.kind() == tk.DATA:
            children.append(self.take())
            if self.kind() == tk.NEWLINE:
                children.append(self.take())
        if self.kind() == tk.INDENT:
            children.append(self.relations())

    def relations(self) -> RuleNode:
        children: list[RuleNode | Token] = [self.take()]
        if self.kind() not in RELATION_RULES:
            self.fail("expected a relation (+, -, <+, <-, +>, ->, ><, _, <_, _>)")
        while self.kind() in RELATION_RULES:
            children.append(self.relation())
        self.expect(tk.DEDENT, "a relation (+, -, ...) or the end of the indented relations")
        return RuleNode(RELATIONS, children)

    def relation(self) -> RuleNode:
        symbol = self.take()
        if symbol.kind == tk.CONTRADICTION:
            if self.kind() not in _STATEMENT_FIRST:
                self.fail("expected a statement after ><")
            return RuleNode(CONTRADICTION, [symbol, self.statement()])
        return RuleNode(RELATION_RULES[symbol.kind], [symbol, self.statement_or_argument()])

    # --- text -------------------------------------------------------------------------

    def content(self) -> RuleNode:
        children: list[RuleNode | Token] = []
        while (kind := self.kind()) in _CONTENT_FIRST:
            if kind in _FREESTYLE_FIRST:
                children.append(self.freestyle())
            elif kind in _RANGE_STARTS:
                children.append(self.emphasis())
            else:
                children.append(self.take())
        return RuleNode(STATEMENT_CONTENT, children)

    def freestyle(self) -> RuleNode:
        children: list[RuleNode | Token] = []
        while self.kind() in _FREESTYLE_FIRST:
            children.append(self.take())
        return RuleNode(FREESTYLE_TEXT, children)

    def emphasis(self) -> RuleNode:
        start = self.take()
        children: list[RuleNode | Token] = [start]
        if self.kind() in _CONTENT_FIRST:
            children.append(self.content())
        end = _RANGE_END[start.kind]
        mark = start.image
        children.append(self.expect(end, f"the closing {mark} of {mark}…{mark}"))
        return RuleNode(BOLD if "Bold" in start.kind else ITALIC, children)


def parse(text: str) -> RuleNode:
    """The syntax tree of an Argdown text (ArgdownSyntaxError / ArgdownLexError if bad)."""
    tokens, comments = lx.tokenize_counting_comments(text)
    tree = _Parser(tokens, len(text)).document()
    tree.found["comments"] = comments
    return tree
