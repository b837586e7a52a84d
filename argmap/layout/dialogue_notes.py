"""What the kept AIF dialogue says about each statement, as short lines to show beside it.

An AIF import keeps the nodes a map has no boxes for (``ArgMap.dialogue``): locutions and
the moves that asserted a statement (L -> YA -> I), rephrases (I -> MA -> I) and
preferences (I -> PA -> I). With the dialogue shown, each statement gets these lines as a
muted note beside its card: who said it and how, what it rephrases or is preferred to.
"""

from __future__ import annotations

from argmap.model import ArgMap

MOST_CHARS = 60  # a quoted statement is cut to this many characters
_RELATIONS = {"MA": ("rephrases", "rephrased as"), "PA": ("preferred to", "less preferred than")}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MOST_CHARS else text[: MOST_CHARS - 1].rstrip() + "…"


def dialogue_notes(doc: ArgMap) -> dict[str, list[str]]:
    """Statement id -> its dialogue lines ({} when the map keeps no dialogue)."""
    dialogue = doc.dialogue
    if dialogue is None:
        return {}
    texts = {s.id: s.text for s in doc.statements}
    statement_of = {link.node: sid for sid, link in dialogue.links.items() if sid in texts}
    notes: dict[str, list[str]] = {}
    for sid in texts:
        for move, locution in dialogue.said(sid):
            line = f"{locution} ({move.lower()})" if move else locution
            notes.setdefault(sid, []).append(line)
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    for e in dialogue.edges:
        into.setdefault(e.target, []).append(e.source)
        out_of.setdefault(e.source, []).append(e.target)
    for node in dialogue.nodes:
        words = _RELATIONS.get(node.type)
        if words is None:
            continue
        froms = [statement_of[n] for n in into.get(node.id, ()) if n in statement_of]
        tos = [statement_of[n] for n in out_of.get(node.id, ()) if n in statement_of]
        for a in froms:
            for b in tos:
                if a != b:
                    notes.setdefault(a, []).append(f"{words[0]}: “{_short(texts[b])}”")
                    notes.setdefault(b, []).append(f"{words[1]}: “{_short(texts[a])}”")
    return notes
