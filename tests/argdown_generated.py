"""Random Argdown documents for the differential test: blocks of statements, arguments,
premise-conclusion structures, relation trees, lists, headings and front matter, built
from fragments that stress the lexer (emphasis, tags, links, mentions, shortcodes,
comments, escapes, data, CRLF). Seeded, so every run tests the same documents; some are
invalid on purpose (both parsers must refuse those)."""

from __future__ import annotations

import random

TITLES = ["A", "B", "C", "Long title", "Ä ö", "x-1", "T"]
WORDS = [
    "word", "text", "more words", "é", "1.5", "a,b", "it's", "#tag", "#(two words)",
    "**bold**", "*it*", "__b__", "_i_", "[link](http://x.y)", "@[A]", "@<B>", ".A.",
    ":+1:", "\\#", "\\[x\\]", "//c", "<!-- c -->", "(x)", "x;y", "x:", "50%",
]  # fmt: skip
DATA = [
    "", "", "", " {a: 1}", " {credibility: 0.7, kind: evidence}", " {uses: [1, 2]}",
    " {isInGroup: false}", " {x: yes, d: 2018-10-24}", " {n: 012}",
]  # fmt: skip
RELATIONS = ["+", "-", "<+", "<-", "+>", "->", "><", "_", "<_", "_>"]
FRONT_MATTER = [
    "===\ntitle: T\n===",
    "===\nmodel:\n  mode: strict\n===",
    "===\nmodel:\n  removeTagsFromText: true\n===",
    "===\nmodel:\n  transformArgumentRelations: false\n===",
]


def _text(r: random.Random) -> str:
    return " ".join(r.choice(WORDS) for _ in range(r.randint(1, 4)))


def _statement(r: random.Random) -> str:
    title = r.choice(TITLES)
    return [f"[{title}]", f"[{title}]: {_text(r)}", _text(r)][r.randint(0, 2)]


def _statement_or_argument(r: random.Random) -> str:
    if r.random() < 0.7:
        return _statement(r)
    title = r.choice(TITLES)
    return f"<{title}>" if r.random() < 0.5 else f"<{title}>: {_text(r)}"


def _relations(r: random.Random, depth: int, indent: int) -> list[str]:
    lines = []
    for _ in range(r.randint(1, 3)):
        symbol = r.choice(RELATIONS)
        child = _statement(r) if symbol == "><" else _statement_or_argument(r)
        lines.append(" " * indent + symbol + " " + child + r.choice(DATA))
        if depth < 3 and r.random() < 0.3:
            lines += _relations(r, depth + 1, indent + 2)
    return lines


def _pcs(r: random.Random, indent: str = "") -> list[str]:
    lines = []
    n = 1
    for step in range(r.randint(1, 3)):
        for _ in range(r.randint(1 if step == 0 else 0, 3)):
            lines.append(f"{indent}({n}) {_statement(r)}{r.choice(DATA)}")
            n += 1
            if r.random() < 0.2:
                lines += _relations(r, 1, len(indent) + 2)
        lines.append(
            indent
            + r.choice(
                [
                    "--\n" + indent + "--",
                    "----",
                    "-- Modus ponens --",
                    f"--\n{indent}Rule a, rule b\n{indent}--",
                    "-- {uses: [1]} --",
                    "-- x {strength: 0.5} --",
                ]
            )
        )
        if r.random() < 0.15:
            lines.append(indent + "  <_ " + _statement(r))
        lines.append(f"{indent}({n}) {_statement(r)}{r.choice(DATA)}")
        n += 1
        if r.random() < 0.3:
            lines += _relations(r, 1, len(indent) + 2)
    return lines


def _blocks(r: random.Random) -> list[str]:
    k = r.random()
    if k < 0.1:
        return [r.choice(["#", "##", "###"]) + " " + _text(r) + r.choice(DATA)]
    if k < 0.35:
        head = f"<{r.choice(TITLES)}>" + (": " + _text(r) if r.random() < 0.4 else "")
        return [head, "\n".join(_pcs(r, r.choice(["", "  "])))]
    if k < 0.45:
        return ["\n".join(_pcs(r))]
    if k < 0.5:
        marker = "  * " if r.random() < 0.5 else "  1. "
        return ["\n".join(marker + _statement_or_argument(r) for _ in range(r.randint(1, 3)))]
    lines = [_statement_or_argument(r) + r.choice(DATA)]
    if r.random() < 0.7:
        lines += _relations(r, 1, 2)
    return ["\n".join(lines)]


def document(r: random.Random) -> str:
    """One random document (with CRLF line endings one time in ten)."""
    parts = []
    if r.random() < 0.2:
        parts.append(r.choice(FRONT_MATTER))
    for _ in range(r.randint(1, 6)):
        parts.extend(_blocks(r))
    text = "\n\n".join(parts) + "\n"
    return text.replace("\n", "\r\n") if r.random() < 0.1 else text


def documents(seed: int, count: int) -> list[str]:
    """``count`` documents from ``seed``."""
    r = random.Random(seed)
    return [document(r) for _ in range(count)]
