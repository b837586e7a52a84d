"""An imported Argdown map edited in argmap and exported again: a new statement or argument
whose title is already an imported one's gets a title of its own, so nothing merges when
the file is read back; an argument keeps its description and tags, and loses only the step
the user deleted."""

from __future__ import annotations

from argmap.interop.argdown_reader import read_argdown
from argmap.interop.argdown_writer import dumps_argdown
from argmap.model import Inference, Statement, StatementKind


def test_new_titles_never_take_an_imported_statements_or_arguments_title() -> None:
    doc, _ = read_argdown(
        "[Talks]: Talks resume.\n\n<Because a>: kept\n\n(1) [a]: a\n----\n(2) [b]: b\n"
    )
    doc.statements += [
        Statement(id="s-new", kind=StatementKind.CLAIM, text="Talks"),
        Statement(id="s-c", kind=StatementKind.CLAIM, text="c"),
    ]
    doc.inferences.append(Inference(id="i-new", premises=["s-2"], conclusion="s-c"))
    text = dumps_argdown(doc)
    assert "[Talks (2)]: Talks {kind: claim}" in text.splitlines()
    assert "<Because a (2)>" in text.splitlines()
    again, report = read_argdown(text)
    assert report.warnings == []
    assert [s.text for s in again.statements] == ["Talks resume.", "a", "b", "Talks", "c"]
    assert len(again.inferences) == 2


def test_an_argument_keeps_its_tags_and_only_the_steps_still_in_the_map() -> None:
    doc, _ = read_argdown("<X>: desc #tag\n\n(1) p\n----\n(2) c\n----\n(3) d\n")
    doc.inferences = [i for i in doc.inferences if i.id != "i-2"]  # the user deleted c -> d
    assert dumps_argdown(doc).split("\n\n")[3:] == [
        "<X>: desc #tag",
        "(1) [Untitled 1]\n----\n(2) [Untitled 2]\n",
    ]
