"""Argdown's tokens, found as the reference lexer (``@argdown/core`` 1.7) finds them.

The reference tries its token patterns in a fixed order at each position and takes the
first that matches (not the longest); relation symbols, list items and statement numbers
count only at the start of a line and emit Indent/Dedent tokens from the indentation.
This module keeps that order and those quirks, so that a file means here what it means
in Argdown's own tools. Each pattern is matched by hand with cached "next occurrence"
searches, so the cost stays linear in the size of the text even where the reference's
regular expressions would scan ahead again and again.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from argmap.interop.argdown_reader_tokens import (
    A_DEFINITION,
    A_MENTION,
    A_REFERENCE,
    CONTRADICTION,
    CONTROL,
    CONTROL_CHAR,
    DATA,
    DATA_BLOCK,
    DEDENT,
    EMPTYLINE,
    ESCAPED,
    FREESTYLE,
    FREESTYLE_PATTERN,
    FRONT_MATTER,
    HEADING,
    IN_ATTACK,
    IN_SUPPORT,
    IN_UNDERCUT,
    INDENT,
    INDENT_CHARS,
    INFERENCE_END,
    INFERENCE_START,
    JS_SPACE,
    LINE_END,
    LINK,
    LIST_DELIMITER,
    NEWLINE,
    NUMBER,
    ORDERED_ITEM,
    OUT_ATTACK,
    OUT_SUPPORT,
    OUT_UNDERCUT,
    RANGES,
    S_DEFINITION,
    S_MENTION,
    S_REFERENCE,
    SPECIAL,
    TAG,
    TAG_CHARS,
    UNORDERED_ITEM,
    ArgdownLexError,
    Token,
    by_first_char,
)

_RELATION_SYMBOLS: tuple[tuple[str, Callable[[str, int], int] | None], ...] = (
    (IN_SUPPORT, lambda t, i: i + 2 if t.startswith("+>", i) else -1),
    (IN_ATTACK, lambda t, i: i + 2 if t.startswith("->", i) else -1),
    (
        OUT_SUPPORT,
        lambda t, i: i + 2 if t.startswith("<+", i) else i + 1 if t[i : i + 1] == "+" else -1,
    ),
    (
        OUT_ATTACK,
        lambda t, i: i + 2 if t.startswith("<-", i) else i + 1 if t[i : i + 1] == "-" else -1,
    ),
    (CONTRADICTION, lambda t, i: i + 2 if t.startswith("><", i) else -1),
    (IN_UNDERCUT, lambda t, i: i + 2 if t.startswith("_>", i) else -1),
    (OUT_UNDERCUT, None),  # see _outgoing_undercut
)
# Bold/italic ends: the closing mark must be followed by a space (taken) or by one of these.
_RANGE_END_FOLLOWERS = frozenset("\n\r)}_.,!?;:-*")


class _Next:
    """The first occurrence of a string (or pattern) at or after a position, cached:
    the lexer asks with growing positions, so each search covers new text."""

    def __init__(self, text: str, find: Callable[[int], int]) -> None:
        self.text = text
        self.find = find
        self.since = -1
        self.found = -1

    def at(self, start: int) -> int:
        if self.since != -1 and start >= self.since and (self.found == -1 or start <= self.found):
            return self.found
        self.since = start
        self.found = self.find(start)
        return self.found


def _outgoing_undercut(text: str, i: int) -> int:
    if text.startswith("<_", i):
        return i + 2
    if text[i : i + 1] == "_" and i + 1 < len(text) and text[i + 1] in JS_SPACE:
        return i + 1
    return -1


def _pattern_finder(text: str, pattern: re.Pattern[str]) -> Callable[[int], int]:
    def find(start: int) -> int:
        found = pattern.search(text, start)
        return found.start() if found else -1

    return find


def _string_finder(text: str, needle: str) -> Callable[[int], int]:
    def find(start: int) -> int:
        return text.find(needle, start)

    return find


def _chars_finder(text: str, chars: str) -> Callable[[int], int]:
    return _pattern_finder(text, re.compile("[" + re.escape(chars) + "]"))


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.tokens: list[Token] = []
        self.indents = [0]
        self.ranges: list[str] = []
        self.inference_mode = False
        self.comments = 0
        self.next: dict[str, _Next] = {
            s: _Next(text, _string_finder(text, s))
            for s in ("-->", "*/", "===", "]:", ">:", "]", ">", ")", ".", ":", "(")
        }
        self.line_end = _Next(text, _chars_finder(text, LINE_END))
        self.newline = _Next(text, _chars_finder(text, "\r\n"))
        self.paragraph_end = _Next(text, _chars_finder(text, "\u2028\u2029"))
        self.space = _Next(text, _chars_finder(text, JS_SPACE))
        self.data_block = _Next(text, _pattern_finder(text, DATA_BLOCK))
        self._data_ends: list[int] | None = None
        self._default = by_first_char(self._default_matchers())
        self._inference = by_first_char(self._inference_matchers())

    # --- the token loop --------------------------------------------------------------

    def run(self) -> list[Token]:
        text, n = self.text, self.n
        pos = 0
        while pos < n:
            table = self._inference if self.inference_mode else self._default
            matchers = table[text[pos]]
            for kind, matcher, skipped in matchers:
                end = matcher(pos)
                if end > pos:
                    if not skipped:
                        self.tokens.append(Token(kind, text[pos:end], pos))
                    elif kind == "Comment":
                        self.comments += 1
                    if kind == INFERENCE_START:
                        self.inference_mode = True
                    elif kind == INFERENCE_END:
                        self.inference_mode = False
                    pos = end
                    break
            else:
                raise ArgdownLexError(pos, _lex_problem(text, pos))
        if self.tokens and self.tokens[-1].kind == EMPTYLINE:
            self.tokens.pop()
        self._remaining_dedents()
        return self.tokens

    def _default_matchers(self) -> list[tuple[str, Callable[[int], int], bool]]:
        return [
            ("Comment", self._comment, True),
            (FRONT_MATTER, self._front_matter, False),
            (DATA, self._data, False),
            (ESCAPED, self._escaped, False),
            (SPECIAL, self._special, False),
            (EMPTYLINE, self._emptyline, False),
            (NEWLINE, self._newline, False),
            (INFERENCE_START, self._inference_start, False),
            *(
                (kind, self._relation(symbol or _outgoing_undercut), False)
                for kind, symbol in _RELATION_SYMBOLS
            ),
            (HEADING, self._heading, False),
            (NUMBER, self._statement_number, False),
            (ORDERED_ITEM, self._ordered_item, False),
            (UNORDERED_ITEM, self._unordered_item, False),
            *((f"{name}End", self._range_end(name, mark), False) for name, mark in RANGES),
            *((f"{name}Start", self._range_start(name, mark), False) for name, mark in RANGES),
            (LINK, self._link, False),
            (TAG, self._tag, False),
            (S_DEFINITION, lambda i: self._definition(i, "[", "]:"), False),
            (S_REFERENCE, lambda i: self._reference(i, "[", "]"), False),
            (S_MENTION, lambda i: self._mention(i, "[", "]"), False),
            (A_DEFINITION, lambda i: self._definition(i, "<", ">:"), False),
            (A_REFERENCE, lambda i: self._reference(i, "<", ">"), False),
            (A_MENTION, lambda i: self._mention(i, "<", ">"), False),
            ("Spaces", self._spaces, True),
            (FREESTYLE, self._freestyle, False),
            (CONTROL_CHAR, self._control_char, False),
        ]

    def _inference_matchers(self) -> list[tuple[str, Callable[[int], int], bool]]:
        return [
            ("Comment", self._comment, True),
            (NEWLINE, self._newline, False),
            (ESCAPED, self._escaped, False),
            (SPECIAL, self._special, False),
            (INFERENCE_END, self._inference_end, False),
            (DATA, self._data, False),
            (LIST_DELIMITER, lambda i: i + 1 if self.text[i] == "," else -1, False),
            ("Spaces", self._spaces, True),
            (FREESTYLE, self._freestyle, False),
            (CONTROL_CHAR, self._control_char, False),
        ]

    # --- where a token may start ---------------------------------------------------------

    def _last_kind(self) -> str | None:
        return self.tokens[-1].kind if self.tokens else None

    def _at_line_start(self, *, after_emptyline: bool = True) -> bool:
        last = self._last_kind()
        return last is None or last == NEWLINE or (after_emptyline and last == EMPTYLINE)

    def _indentation_end(self, i: int, chars: str = INDENT_CHARS) -> int:
        text, n = self.text, self.n
        while i < n and text[i] in chars:
            i += 1
        return i

    def _push(self, kind: str, at: int) -> None:
        self.tokens.append(Token(kind, "", at))

    def _remaining_dedents(self) -> None:
        at = self.tokens[-1].start + len(self.tokens[-1].image) - 1 if self.tokens else 0
        while len(self.indents) > 1:
            self._push(DEDENT, at)
            self.indents.pop()

    def _indent_or_dedent(self, level: int, at: int) -> None:
        last = self.indents[-1]
        if level > last:
            self.indents.append(level)
            self._push(INDENT, at)
        elif level < last:
            while len(self.indents) > 1 and level < last:
                self.indents.pop()
                last = self.indents[-1]
                self._push(DEDENT, at)

    # --- matchers: each returns the end of its match, or -1 ---------------------------------

    def _comment(self, i: int) -> int:
        text = self.text
        if text.startswith("<!--", i):
            close = self.next["-->"].at(i + 4)
            end = close + 3 if close != -1 and not self._crosses_paragraph(i, close) else -1
        elif text.startswith("/*", i):
            close = self.next["*/"].at(i + 2)
            end = close + 2 if close != -1 and not self._crosses_paragraph(i, close) else -1
        elif text.startswith("//", i):
            stop = self.line_end.at(i + 2)
            end = stop if stop != -1 and text[stop] in "\r\n" else -1
        else:
            return -1
        if end == -1:
            return -1
        last = self._last_kind()
        if last == EMPTYLINE:
            return self._line_breaks_after_comment(end)
        if last == NEWLINE:
            return self._one_line_break_after_comment(end)
        return end

    def _crosses_paragraph(self, start: int, stop: int) -> bool:
        found = self.paragraph_end.at(start)
        return found != -1 and found < stop

    def _line_break(self, i: int, *, spaces_before_lf: bool, lone_cr: bool = True) -> int:
        """The end of ``[ \\t]*(\\r\\n|\\n|\\r)`` at ``i`` (-1 if none); with
        ``spaces_before_lf`` False, spaces are allowed only before ``\\r\\n``; with
        ``lone_cr`` False, a ``\\r`` alone is no line break (as in the empty-line pattern)."""
        text = self.text
        j = self._indentation_end(i, " \t")
        if text.startswith("\r\n", j):
            return j + 2
        breaks = "\r\n" if lone_cr else "\n"
        if j < self.n and text[j] in breaks and (spaces_before_lf or j == i):
            return j + 1
        return -1

    def _line_breaks_after_comment(self, i: int) -> int:
        while (end := self._line_break(i, spaces_before_lf=False)) != -1:
            i = end
        return i

    def _one_line_break_after_comment(self, i: int) -> int:
        end = self._line_break(i, spaces_before_lf=True)
        if end == -1 or self._line_break(end, spaces_before_lf=True) != -1:
            return i
        return end

    def _front_matter(self, i: int) -> int:
        text = self.text
        if not text.startswith("===", i):
            return -1
        run = self._run_of(i, "=")
        close = self.next["==="].at(run)
        if close != -1:
            return self._run_of(close, "=")
        return run if run - i >= 6 else -1

    def _run_of(self, i: int, char: str) -> int:
        text, n = self.text, self.n
        while i < n and text[i] == char:
            i += 1
        return i

    def _data(self, i: int) -> int:
        if self.text[i] != "{":
            return -1
        block = self.data_block.at(i + 1)
        limit = self.n - 1 if block == -1 else block
        ends = self._valid_data_ends()
        k = bisect.bisect_right(ends, limit) - 1
        return ends[k] + 1 if k >= 0 and ends[k] >= i + 1 else -1

    def _valid_data_ends(self) -> list[int]:
        """Positions of ``}`` that may close data: not followed by spaces and ``,`` or ``}``."""
        if self._data_ends is None:
            text, n = self.text, self.n
            ends = []
            for found in re.finditer(r"\}", text):
                j = found.end()
                while j < n and text[j] in JS_SPACE:
                    j += 1
                if j >= n or text[j] not in ",}":
                    ends.append(found.start())
            self._data_ends = ends
        return self._data_ends

    def _escaped(self, i: int) -> int:
        text, n = self.text, self.n
        if text[i] != "\\" or i + 1 >= n or text[i + 1] in LINE_END:
            return -1
        return self._run_of(i + 2, " ")

    def _special(self, i: int) -> int:
        mark = self.text[i]
        if mark not in ".:":
            return -1
        close = self.next[mark].at(i + 2)
        space = self.space.at(i + 1)
        if close == -1 or (space != -1 and space < close):
            return -1
        return close + 1 + (close + 1 < self.n and self.text[close + 1] in " \t")

    def _emptyline(self, i: int) -> int:
        if self._last_kind() == EMPTYLINE:
            return -1
        count, end = 0, i
        while (after := self._line_break(end, spaces_before_lf=True, lone_cr=False)) != -1:
            count, end = count + 1, after
        if count < 2:
            return -1
        if end < self.n:
            self._remaining_dedents()
        return end

    def _newline(self, i: int) -> int:
        return self._line_break(i, spaces_before_lf=True)

    def _inference_start(self, i: int) -> int:
        if not self._at_line_start(after_emptyline=False):
            return -1
        j = self._indentation_end(i)
        if not self.text.startswith("--", j):
            return -1
        self._remaining_dedents()
        return j + 2

    def _inference_end(self, i: int) -> int:
        end = self._run_of(i, "-")
        return end if end - i >= 2 else -1

    def _relation(self, symbol: Callable[[str, int], int]) -> Callable[[int], int]:
        def match(i: int) -> int:
            if not self._at_line_start():
                return -1
            j = self._indentation_end(i)
            end = symbol(self.text, j)
            if end == -1:
                return -1
            self._indent_or_dedent(j - i, i)
            return end

        return match

    def _heading(self, i: int) -> int:
        if not self._at_line_start():
            return -1
        end = self._run_of(i, "#")
        return end + 1 if end > i and self.text[end : end + 1] == " " else -1

    def _statement_number(self, i: int) -> int:
        if not self._at_line_start():
            return -1
        j = self._indentation_end(i)
        if self.text[j : j + 1] != "(":
            return -1
        digits = self._digits_end(j + 1)
        if digits == j + 1 or self.text[digits : digits + 1] != ")":
            return -1
        self._remaining_dedents()
        return digits + 1

    def _digits_end(self, i: int) -> int:
        text, n = self.text, self.n
        while i < n and "0" <= text[i] <= "9":
            i += 1
        return i

    def _list_item(self, i: int, marker_end: int) -> int:
        if marker_end == -1 or marker_end >= self.n or self.text[marker_end] not in JS_SPACE:
            return -1
        self._indent_or_dedent(self._indentation_end(i) - i + 1, i)
        return marker_end

    def _ordered_item(self, i: int) -> int:
        if not self._at_line_start():
            return -1
        j = self._indentation_end(i)
        digits = self._digits_end(j)
        if digits == j or self.text[digits : digits + 1] != ".":
            return -1
        return self._list_item(i, digits + 1)

    def _unordered_item(self, i: int) -> int:
        if not self._at_line_start():
            return -1
        j = self._indentation_end(i)
        return self._list_item(i, j + 1 if self.text[j : j + 1] == "*" else -1)

    def _range_end(self, name: str, mark: str) -> Callable[[int], int]:
        def match(i: int) -> int:
            if not self.ranges or self.ranges[-1] != name or not self.tokens:
                return -1
            if not self.text.startswith(mark, i):
                return -1
            j = i + len(mark)
            if j < self.n and self.text[j] in " \t":
                end = j + 1
            elif j >= self.n or self.text[j] in _RANGE_END_FOLLOWERS:
                end = j
            else:
                return -1
            self.ranges.pop()
            return end

        return match

    def _range_start(self, name: str, mark: str) -> Callable[[int], int]:
        def match(i: int) -> int:
            if not self.text.startswith(mark, i):
                return -1
            j = i + len(mark)
            if j < self.n and self.text[j] in JS_SPACE:
                return -1
            self.ranges.append(name)
            return j

        return match

    def _link(self, i: int) -> int:
        text = self.text
        if text[i] != "[":
            return -1
        close = self.next["]"].at(i + 1)
        if close < i + 2 or text[close + 1 : close + 2] != "(":
            return -1
        paren = self.next[")"].at(close + 2)
        if paren < close + 3:
            return -1
        return paren + 1 + (paren + 1 < self.n and text[paren + 1] in " \t")

    def _tag(self, i: int) -> int:
        text = self.text
        if text[i] != "#":
            return -1
        end = -1
        if text[i + 1 : i + 2] == "(":
            close = self.next[")"].at(i + 2)
            end = close + 1 if close >= i + 3 else -1
        if end == -1:
            found = TAG_CHARS.match(text, i + 1)
            end = found.end() if found else -1
        if end == -1:
            return -1
        return end + (end < self.n and text[end] in " \t")

    def _same_line(self, start: int, stop: int) -> bool:
        found = self.line_end.at(start)
        return found == -1 or found >= stop

    def _definition(self, i: int, opening: str, closing: str) -> int:
        if self.text[i] != opening:
            return -1
        close = self.next[closing].at(i + 2)
        if close == -1 or not self._same_line(i + 1, close):
            return -1
        return close + 2

    def _reference(self, i: int, opening: str, closing: str) -> int:
        text = self.text
        if text[i] != opening or i + 1 >= self.n or text[i + 1] == "-":
            return -1
        close = self.next[closing].at(i + 2)
        if close == -1 or not self._same_line(i + 2, close):
            return -1
        return close + 1

    def _mention(self, i: int, opening: str, closing: str) -> int:
        text = self.text
        if not text.startswith("@" + opening, i):
            return -1
        close = self.next[closing].at(i + 3)
        if close == -1 or not self._same_line(i + 2, close):
            return -1
        return close + 1 + (close + 1 < self.n and text[close + 1] in " \t")

    def _spaces(self, i: int) -> int:
        return self._indentation_end(i, " \t")

    def _freestyle(self, i: int) -> int:
        found = FREESTYLE_PATTERN.match(self.text, i)
        return found.end() if found else -1

    def _control_char(self, i: int) -> int:
        if self.text[i] not in CONTROL:
            return -1
        return i + 1 + (i + 1 < self.n and self.text[i + 1] in " \t")


def _lex_problem(text: str, pos: int) -> str:
    if text[pos] == "\\":
        return "a backslash at the end of a line escapes nothing (write \\\\ for a backslash)"
    return f"unexpected character {text[pos]!r}"


def tokenize_counting_comments(text: str) -> tuple[list[Token], int]:
    """The tokens, and how many comments the lexer skipped."""
    lexer = _Lexer(text)
    return lexer.run(), lexer.comments
