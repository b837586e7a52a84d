"""Map Python string offsets (quote anchors) to QTextDocument positions and back.

A QTextDocument counts UTF-16 units, so a character outside the BMP takes two positions,
and ``setPlainText`` folds a ``\\r\\n`` pair into one paragraph break.
"""

from __future__ import annotations

from bisect import bisect_right


class TextOffsets:
    """Offsets of one source text, Python side <-> Qt side."""

    def __init__(self, text: str) -> None:
        self._to_qt: list[int] = []
        pos = 0
        for i, ch in enumerate(text):
            self._to_qt.append(pos)
            if ch == "\r" and text[i + 1 : i + 2] == "\n":
                continue  # the following "\n" takes the one position of the pair
            pos += 2 if ord(ch) > 0xFFFF else 1
        self._to_qt.append(pos)
        self.trivial = pos == len(text) and all(q == i for i, q in enumerate(self._to_qt))

    def to_qt(self, index: int) -> int:
        """Qt position of the Python index ``index`` (clamped to the text)."""
        index = max(0, min(index, len(self._to_qt) - 1))
        return index if self.trivial else self._to_qt[index]

    def to_py(self, position: int) -> int:
        """Python index of the Qt position ``position`` (inside a pair: the pair's start)."""
        last = len(self._to_qt) - 1
        if self.trivial:
            return max(0, min(position, last))
        return max(0, min(bisect_right(self._to_qt, position) - 1, last))
