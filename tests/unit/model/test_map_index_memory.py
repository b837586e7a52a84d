"""The map index stays small on big maps and keeps who-uses-whom in order."""

from __future__ import annotations

import gc
import tracemalloc

from layout_maps import synthetic_map

from argmap.model import ArgMap, Inference, Statement, StatementKind
from argmap.model.map_index import BUSY, MapIndex


def test_the_index_of_a_big_map_holds_under_200_bytes_per_statement() -> None:
    doc = synthetic_map(2000, seed=4)
    gc.collect()
    tracemalloc.start()
    try:
        index = MapIndex(doc)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert index.statements
    # A dict per used id (one premise, one conclusion...) made it about 330 bytes.
    assert held / len(doc.statements) < 200


def test_users_of_an_id_are_listed_in_the_order_they_were_linked() -> None:
    doc = synthetic_map(40, seed=2)
    index = MapIndex(doc)
    target = doc.inferences[0].conclusion
    before = index.concluding_in(target)
    extra = [
        Inference(id=f"i-extra-{k}", premises=[doc.statements[-1 - k].id], conclusion=target)
        for k in range(3)
    ]
    for k, inference in enumerate(extra):
        index.insert("inference", len(doc.inferences), inference)
        assert index.concluding_in(target) == [*before, *(i.id for i in extra[: k + 1])]
    index.delete("inference", len(doc.inferences) - 2, extra[1])
    assert index.concluding_in(target) == [*before, extra[0].id, extra[2].id]
    for inference in (extra[0], extra[2]):
        index.delete("inference", index.inference_position(inference.id), inference)
    assert index.concluding_in(target) == before
    assert index.with_premise(doc.statements[-1].id) == MapIndex(doc).with_premise(
        doc.statements[-1].id
    )


def test_a_busy_card_keeps_its_users_in_order_through_adds_and_drops() -> None:
    """Past BUSY users an id's users are a dict, not a tuple: order and lookups unchanged."""
    doc = ArgMap(statements=[Statement(id="s-top", kind=StatementKind.CLAIM, text="Top")])
    index = MapIndex(doc)
    links = []
    for k in range(3 * BUSY):
        index.insert(
            "statement", k + 1, Statement(id=f"s-{k}", kind=StatementKind.PREMISE, text="")
        )
        links.append(Inference(id=f"i-{k}", premises=[f"s-{k}"], conclusion="s-top"))
        index.insert("inference", k, links[-1])
    assert index.concluding_in("s-top") == [i.id for i in links]
    assert index.children("s-top") == [f"s-{k}" for k in range(3 * BUSY)]
    for inference in links[::2]:
        index.delete("inference", index.inference_position(inference.id), inference)
    assert index.concluding_in("s-top") == [i.id for i in links[1::2]]
    for inference in links[1::2]:
        index.delete("inference", index.inference_position(inference.id), inference)
    assert index.concluding_in("s-top") == [] and MapIndex(index.doc).concluding_in("s-top") == []


def test_an_inserted_record_is_the_maps_own_copy() -> None:
    index = MapIndex(ArgMap())
    statement = Statement(id="s-1", kind=StatementKind.CLAIM, text="x", quotes=["q-1"], tags=["a"])
    inference = Inference(id="i-1", premises=["s-1"], conclusion="s-1")
    index.insert("statement", 0, statement)
    index.insert("inference", 0, inference)
    statement.quotes.append("q-2")
    statement.tags.clear()
    inference.premises.append("s-2")
    assert index.statement("s-1").quotes == ["q-1"] and index.statement("s-1").tags == ["a"]
    assert index.inference("i-1").premises == ["s-1"]
