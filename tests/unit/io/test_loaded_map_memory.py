"""A loaded map is small in memory: records share what they can."""

from __future__ import annotations

import gc
import tracemalloc

from layout_maps import synthetic_map

from argmap.io.map_file import dumps_map, loads_map
from argmap.model import Statement


def test_a_loaded_map_holds_under_two_kilobytes_per_statement() -> None:
    text = dumps_map(synthetic_map(2000, seed=4))
    gc.collect()
    tracemalloc.start()
    try:
        doc = loads_map(text)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    # Each record's own set of field names alone took 728 bytes: about 3.5 KB a statement.
    assert held / len(doc.statements) < 2048


def test_records_sharing_field_names_stay_independent() -> None:
    doc = loads_map(dumps_map(synthetic_map(50, seed=1)))
    a, b = doc.statements[1], doc.statements[2]
    before = b.model_dump()
    a.text = "Rewritten"
    a.notes = "A note"
    assert b.model_dump() == before
    assert a.model_fields_set == b.model_fields_set == set(Statement.model_fields)
    copy = a.model_copy()
    assert copy.model_fields_set == a.model_fields_set
    assert loads_map(dumps_map(doc)) == doc
