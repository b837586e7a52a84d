"""Argdown's token kinds, the characters each can start with, and the token record.

Names and kinds as the reference lexer (``@argdown/core`` 1.7) has them; the table of
first characters lets the lexer skip, at each position, the tokens that cannot start
there (the reference tries them all: same tokens, less work).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# JavaScript's ``\s`` and the characters its ``.`` does not match.
JS_SPACE = (
    "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
LINE_END = "\n\r\u2028\u2029"
CONTROL = frozenset("@#*_[],.:;</>-(){}")
FREESTYLE_PATTERN = re.compile(r"[^\\@#*_\[\],.:;</>\-\r\n(){}]+")
# The reference's indentation class is ``[' '\t]``, which also takes apostrophes.
INDENT_CHARS = " \t'"
TAG_CHARS = re.compile(r"[A-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+")
DATA_BLOCK = re.compile(r"[\r\u2028\u2029]|\}[" + re.escape(JS_SPACE) + r"][^,}]")

# Token kinds (the reference's token names).
FRONT_MATTER, DATA, ESCAPED, SPECIAL = "FrontMatter", "Data", "EscapedChar", "SpecialChar"
EMPTYLINE, NEWLINE, INDENT, DEDENT = "Emptyline", "Newline", "Indent", "Dedent"
INFERENCE_START, INFERENCE_END, LIST_DELIMITER = "InferenceStart", "InferenceEnd", "ListDelimiter"
IN_SUPPORT, IN_ATTACK, IN_UNDERCUT = "IncomingSupport", "IncomingAttack", "IncomingUndercut"
OUT_SUPPORT, OUT_ATTACK, OUT_UNDERCUT = "OutgoingSupport", "OutgoingAttack", "OutgoingUndercut"
CONTRADICTION, HEADING, NUMBER = "Contradiction", "HeadingStart", "StatementNumber"
ORDERED_ITEM, UNORDERED_ITEM = "OrderedListItem", "UnorderedListItem"
LINK, TAG, FREESTYLE, CONTROL_CHAR = "Link", "Tag", "Freestyle", "UnusedControlChar"
S_DEFINITION, S_REFERENCE, S_MENTION = (
    "StatementDefinition",
    "StatementReference",
    "StatementMention",
)
A_DEFINITION, A_REFERENCE, A_MENTION = "ArgumentDefinition", "ArgumentReference", "ArgumentMention"
BOLD_START = {"AsteriskBold": "AsteriskBoldStart", "UnderscoreBold": "UnderscoreBoldStart"}
ITALIC_START = {
    "AsteriskItalic": "AsteriskItalicStart",
    "UnderscoreItalic": "UnderscoreItalicStart",
}
EOF = "EOF"

RELATIONS = (IN_SUPPORT, IN_ATTACK, OUT_SUPPORT, OUT_ATTACK, CONTRADICTION, IN_UNDERCUT)

RANGES = (  # (range type, mark), in the reference's order: bold before italic
    ("AsteriskBold", "**"),
    ("UnderscoreBold", "__"),
    ("AsteriskItalic", "*"),
    ("UnderscoreItalic", "_"),
)


class ArgdownLexError(ValueError):
    """A character no Argdown token can start with (e.g. a backslash ending a line)."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(slots=True)
class Token:
    """One token: its kind, the text it covers, and where that text starts."""

    kind: str
    image: str
    start: int


Matcher = tuple[str, Callable[[int], int], bool]
INDENTED = frozenset(" \t'")
# The characters each token can start with (None: any character Freestyle takes).
FIRST: dict[str, frozenset[str] | None] = {
    "Comment": frozenset("</"),
    FRONT_MATTER: frozenset("="),
    DATA: frozenset("{"),
    ESCAPED: frozenset("\\"),
    SPECIAL: frozenset(".:"),
    EMPTYLINE: frozenset(" \t\r\n"),
    NEWLINE: frozenset(" \t\r\n"),
    INFERENCE_START: INDENTED | {"-"},
    INFERENCE_END: frozenset("-"),
    IN_SUPPORT: INDENTED | {"+"},
    IN_ATTACK: INDENTED | {"-"},
    OUT_SUPPORT: INDENTED | {"<", "+"},
    OUT_ATTACK: INDENTED | {"<", "-"},
    CONTRADICTION: INDENTED | {">"},
    IN_UNDERCUT: INDENTED | {"_"},
    OUT_UNDERCUT: INDENTED | {"<", "_"},
    HEADING: frozenset("#"),
    NUMBER: INDENTED | {"("},
    ORDERED_ITEM: INDENTED | set("0123456789"),
    UNORDERED_ITEM: INDENTED | {"*"},
    LINK: frozenset("["),
    TAG: frozenset("#"),
    S_DEFINITION: frozenset("["),
    S_REFERENCE: frozenset("["),
    S_MENTION: frozenset("@"),
    A_DEFINITION: frozenset("<"),
    A_REFERENCE: frozenset("<"),
    A_MENTION: frozenset("@"),
    LIST_DELIMITER: frozenset(","),
    "Spaces": frozenset(" \t"),
    FREESTYLE: None,
    CONTROL_CHAR: CONTROL,
}
for _name, _mark in RANGES:
    FIRST[f"{_name}End"] = FIRST[f"{_name}Start"] = frozenset(_mark[0])
FREESTYLE_STOP = CONTROL | frozenset("\\\r\n")


class ByFirstChar(dict[str, list[Matcher]]):
    """The matchers that can match at a character, in the reference's order (a matcher
    whose pattern cannot start with a character is skipped there: same result, less work).
    ``""`` holds those for any other character (Freestyle's)."""

    def __init__(self, matchers: list[Matcher]) -> None:
        super().__init__()
        self.matchers = matchers
        self[""] = self._for("a")

    def _for(self, char: str) -> list[Matcher]:
        found = []
        for matcher in self.matchers:
            first = FIRST[matcher[0]]
            if (first is None and char not in FREESTYLE_STOP) or (
                first is not None and char in first
            ):
                found.append(matcher)
        return found

    def __missing__(self, char: str) -> list[Matcher]:
        if char in SPECIAL_FIRST:
            self[char] = self._for(char)
            return self[char]
        return self[""]


SPECIAL_FIRST = frozenset().union(*(f for f in FIRST.values() if f is not None)) | FREESTYLE_STOP


def by_first_char(matchers: list[Matcher]) -> ByFirstChar:
    return ByFirstChar(matchers)
