"""A loaded map's records share one set of field names per type when they have every
field set (half of a map's memory); a record given only some fields keeps its own, so
what it leaves unset stays unset."""

from __future__ import annotations

from argmap.model import Quote, Statement, StatementKind
from argmap.model.base import share_field_sets


def complete(record: Statement) -> Statement:
    return Statement(**{name: getattr(record, name) for name in Statement.model_fields})


def test_complete_records_share_one_field_set_and_partial_ones_keep_theirs() -> None:
    first = complete(Statement(id="s-1", kind=StatementKind.CLAIM, text="one"))
    second = complete(Statement(id="s-2", kind=StatementKind.EVIDENCE, text="two"))
    partial = Statement(id="s-3", kind=StatementKind.CLAIM, text="three")
    quote = Quote(
        **{
            name: getattr(Quote.from_range("q-1", "src-1", "abc", 0, 2), name)
            for name in Quote.model_fields
        }
    )
    partial_dump = partial.model_dump(exclude_unset=True)

    assert share_field_sets([first, partial, quote, second]) == 3

    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.__pydantic_fields_set__ == set(Statement.model_fields)
    assert quote.__pydantic_fields_set__ == set(Quote.model_fields)
    assert partial.model_dump(exclude_unset=True) == partial_dump
    assert partial.__pydantic_fields_set__ != set(Statement.model_fields)
