"""Argdown data fields and members as argmap reads them: which fields fill argmap's own,
the canonical wording of a statement, and the attacks argmap's export writes as arguments.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from argmap.interop.argdown_reader_model import (
    ATTACK,
    CONTRARY,
    UNDERCUT,
    Argument,
    EquivalenceClass,
    Member,
    Model,
    Node,
    Relation,
    js_trim,
)
from argmap.model import Inference as MapInference
from argmap.model import Statement, StatementKind

Warn = Callable[[str], None]

STATEMENT_FIELDS = ("kind", "credibility", "prior", "notes", "quotes", "text", "tags")
INFERENCE_FIELDS = ("strength", "notes", "scheme")
STRUCTURE_FIELDS = ("uses", "from")
MARK = "argmap"  # data field argmap's export puts on the statements it adds for attacks


def canonical(members: list[Member]) -> Member | None:
    """Argdown's canonical member: the last definition, or one marked ``isCanonical``."""
    fallback = None
    for member in reversed(members):
        if member.is_reference:
            continue
        if isinstance(member.data, dict) and member.data.get("isCanonical"):
            return member
        fallback = fallback or member
    return fallback


def bare_text(member: Member) -> str:
    """A member's text without its tags, trimmed."""
    text = member.text or ""
    for start, end in reversed(member.tag_spans):
        text = text[:start] + text[end:]
    return js_trim(text)


def ref(node: Node) -> str:
    """``[title]`` or ``<title>``, as Argdown writes a reference."""
    if isinstance(node, EquivalenceClass):
        return f"[{node.title}]"
    if isinstance(node, Argument):
        return f"<{node.title}>"
    return f"<{node.argument_title}>"


def statement_fields(
    statement: Statement, fields: dict[str, Any], extra: dict[str, Any], name: str, warn: Warn
) -> bool:
    """Fill ``statement`` from its data fields; a value that does not fit goes to
    ``extra`` (kept for export) with a warning. True when a field named the kind."""
    if isinstance(fields.get("text"), str):
        statement.text = fields["text"]
    elif "text" in fields:
        extra["text"] = fields["text"]
    _text_list(statement, "tags", fields, extra, f"{name}: tags must be a list of texts", warn)
    kind = fields.get("kind")
    named = False
    if kind is not None:
        if kind in StatementKind.__members__.values():
            statement.kind = StatementKind(kind)
            named = True
        else:
            extra["kind"] = kind
            warn(f"{name}: kind {kind!r} is not one of argmap's kinds; kept as data")
    set_number(statement, "credibility", fields, extra, name, warn, upper=1.0)
    set_number(statement, "prior", fields, extra, name, warn, upper=None)
    if isinstance(fields.get("notes"), str):
        statement.notes = fields["notes"]
    elif "notes" in fields:
        extra["notes"] = fields["notes"]
    _text_list(statement, "quotes", fields, extra, f"{name}: quotes must be a list of ids", warn)
    return named


def _text_list(  # noqa: PLR0917  (one call shape, used for two fields)
    statement: Statement,
    key: str,
    fields: dict[str, Any],
    extra: dict[str, Any],
    problem: str,
    warn: Warn,
) -> None:
    if key not in fields:
        return
    value = fields[key]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        setattr(statement, key, list(dict.fromkeys(value)) if key == "quotes" else list(value))
    else:
        extra[key] = value
        warn(f"{problem}; kept as data")


def collapsible(model: Model) -> dict[int, Relation]:
    """Arguments argmap's export wrote for an attack or undercut: one inference line to a
    statement marked ``{argmap: attack}`` (or ``undercut``) that only attacks (undercuts)
    one thing and occurs nowhere else."""
    found: dict[int, Relation] = {}
    for argument in model.arguments.values():
        if not argument.pcs:
            continue
        ec = model.statements[str(argument.pcs[-1].title)]
        mark = ec.data.get(MARK) if isinstance(ec.data, dict) else None
        steps = [m for m in argument.pcs if m.inference is not None]
        outgoing = [r for r in ec.relations if r.source is ec]
        if mark not in ("attack", "undercut") or len(steps) != 1:
            continue
        definitions = [m for m in ec.members if not m.is_reference]
        if len(outgoing) != 1 or len(ec.relations) != 1 or len(definitions) != 1:
            continue
        relation = outgoing[0]
        attack = relation.type in (ATTACK, CONTRARY)
        if mark == "attack" and attack and isinstance(relation.target, EquivalenceClass | Argument):
            if isinstance(relation.target, EquivalenceClass) or not relation.target.pcs:
                found[id(argument)] = relation
        elif mark == "undercut" and relation.type == UNDERCUT:
            found[id(argument)] = relation
    return found


def chosen_arguments(model: Model, chosen: dict[int, Relation]) -> list[Argument]:
    return [a for a in model.arguments.values() if id(a) in chosen]


def split_fields(
    data: Any, known: tuple[str, ...], name: str, warn: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Data fields argmap has a field for, and the rest (kept for export)."""
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        warn(f"{name}: data {str(data)[:40]!r} is not a set of fields; kept as data")
        return {}, {"value": data}
    fields = {k: v for k, v in data.items() if k in known}
    return fields, {k: v for k, v in data.items() if k not in known}


def set_number(  # noqa: PLR0917  (one call shape, used for four fields)
    record: Statement | MapInference,
    name: str,
    fields: dict[str, Any],
    extra: dict[str, Any],
    where: str,
    warn: Any,
    *,
    upper: float | None,
) -> None:
    if name not in fields or fields[name] is None:
        return
    value = fields[name]
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if ok and value >= 0 and (upper is None or value <= upper):
        try:
            setattr(record, name, float(value))
            return
        except ValidationError:
            pass
    extra[name] = value
    bounds = "between 0 and 1" if upper is not None else "0 or more"
    warn(f"{where}: {name} {value!r} is not a number {bounds}; kept as data")


def quoted(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")
