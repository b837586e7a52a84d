"""Properties of the three-way merge over random edit sequences on both sides."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from map_edit_sequences import edited, link
from map_strategies import arg_maps

from argmap.model import ArgMap
from argmap.model.three_way import merge_maps
from argmap.model.three_way.shapes import KeyedList, Mapping, PlainList, RecordShape, Shape
from argmap.model.three_way.shapes import record_shape as shape_of_record
from argmap.model.validation import errors, validate

RECORD_LISTS = ("sources", "quotes", "statements", "inferences", "ratings", "signposts")
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _three(data: st.DataObject, ops: Any = None) -> tuple[ArgMap, ArgMap, ArgMap]:
    maps = arg_maps(max_statements=8, max_inferences=8)
    base = data.draw(maps.filter(lambda m: len(m.statements) >= 3), label="base")
    ours = data.draw(edited(base, "o", ops=ops), label="ours")
    return base, ours, data.draw(edited(base, "t", ops=ops), label="theirs")


@SETTINGS
@given(arg_maps())
def test_merging_a_map_with_itself_gives_it_back(doc: ArgMap) -> None:
    result = merge_maps(doc, doc, doc)
    assert result.clean
    assert result.doc.model_dump() == doc.model_dump()


@SETTINGS
@given(st.data())
def test_a_side_that_changed_nothing_gives_the_other_side(data: st.DataObject) -> None:
    base, ours, theirs = _three(data)
    for changed, merged in (
        (ours, merge_maps(base, ours, base)),
        (theirs, merge_maps(base, base, theirs)),
    ):
        assert merged.clean
        assert merged.doc.model_dump() == changed.model_dump()


def _normal(shape: Shape, value: Any) -> Any:
    """The value with record lists as dicts by key and plain lists as sorted tuples:
    what stays when list order is set aside."""
    if isinstance(shape, RecordShape) and isinstance(value, dict):
        fields = dict(shape.fields)
        return {k: _normal(fields[k], v) if k in fields else v for k, v in value.items()}
    if isinstance(shape, KeyedList) and isinstance(value, list):
        return {tuple(r[k] for k in shape.key): _normal(shape.record, r) for r in value}
    if isinstance(shape, Mapping) and isinstance(value, dict):
        return {(k,): _normal(shape.value, v) for k, v in value.items()}
    if isinstance(shape, PlainList) and isinstance(value, list):
        return tuple(sorted(json.dumps(v) for v in value))
    return value


def _forget(tree: Any, path: tuple[Any, ...]) -> None:
    """Take the value at a conflict's path out of a normalised map."""
    for segment in path[:-1]:
        if not isinstance(tree, dict) or segment not in tree:
            return
        tree = tree[segment]
    if not path:
        tree.clear()
        return
    for name in str(path[-1]).split("+") if isinstance(path[-1], str) else [path[-1]]:
        tree.pop(name, None)


@SETTINGS
@given(st.data())
def test_merge_is_symmetric_up_to_which_side_a_conflict_keeps(data: st.DataObject) -> None:
    base, ours, theirs = _three(data)
    one, other = merge_maps(base, ours, theirs), merge_maps(base, theirs, ours)
    assert sorted((c.where, c.what) for c in one.conflicts) == sorted(
        (c.where, c.what) for c in other.conflicts
    )
    shape = shape_of_record(ArgMap)
    a, b = (
        _normal(shape, one.doc.model_dump(mode="json")),
        _normal(shape, other.doc.model_dump(mode="json")),
    )
    for conflict in one.conflicts:
        _forget(a, conflict.path)
        _forget(b, conflict.path)
    assert a == b


def _records(doc: ArgMap) -> dict[tuple[str, tuple[str, ...]], dict[str, Any]]:
    dumped = doc.model_dump(mode="json")
    out = {}
    for name in RECORD_LISTS:
        for r in dumped[name]:
            key = (r["evidence"], r["scenario"]) if name == "ratings" else (r["id"],)
            out[name, key] = r
    return out


@SETTINGS
@given(st.data())
def test_no_statement_quote_or_judgement_is_lost(data: st.DataObject) -> None:
    """Every record and field value a side changed is in the merge, or a conflict holds it;
    a record is gone only if the other side deleted it and this side left it alone."""
    base, ours, theirs = _three(data)
    result = merge_maps(base, ours, theirs)
    for conflict in result.conflicts:
        event(f"conflict: {conflict.what}")
    concerned = {c.record for c in result.conflicts}
    merged, before = _records(result.doc), _records(base)
    for side, other in ((ours, theirs), (theirs, ours)):
        others = _records(other)
        for key, record in _records(side).items():
            if key in concerned:
                continue
            if key not in merged:
                assert key in before and key not in others and record == before[key], key
                continue
            for name, value in record.items():
                was = before.get(key, {}).get(name)
                if value == was:
                    continue
                got = merged[key][name]
                if name in ("tags", "quotes", "premises"):
                    assert set(value) - set(was or []) <= set(got), (key, name)
                else:
                    assert got == value, (key, name)


@SETTINGS
@given(st.data(), st.booleans())
def test_the_merged_map_is_valid(data: st.DataObject, links_only: bool) -> None:
    """Also when both sides only add links, which together often close a loop."""
    base, ours, theirs = _three(data, [link] if links_only else None)
    result = merge_maps(base, ours, theirs)
    for conflict in result.conflicts:
        event(f"conflict: {conflict.what}")
    assert errors(validate(result.doc)) == []
    assert not [c for c in result.conflicts if c.path == ()]  # never fell back to ours whole
