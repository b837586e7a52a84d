"""Argdown import: each construct of the language becomes what argmap's model has for it,
and the report says what was kept only for export or dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.interop.argdown_reader import ArgdownError, read_argdown, read_argdown_file
from argmap.interop.argdown_writer import dumps_argdown
from argmap.model import ArgMap, Inference, InferenceKind, StatementKind


def _read(text: str) -> tuple[ArgMap, list[str]]:
    doc, report = read_argdown(text)
    return doc, report.warnings


def _by_text(doc: ArgMap) -> dict[str, str]:
    return {s.text: s.id for s in doc.statements}


def _edges(doc: ArgMap) -> list[tuple[str, list[str], str]]:
    text = {s.id: s.text for s in doc.statements}
    out = []
    for i in doc.inferences:
        target = text.get(i.conclusion) or f"inference {i.conclusion}"
        out.append((str(i.kind), [text[p] for p in i.premises], target))
    return out


def test_an_equivalence_class_is_one_statement_with_its_last_wording() -> None:
    doc, warnings = _read("[T]: First wording.\n\n[T]: Second wording.\n\n[Only]\n")
    assert [s.text for s in doc.statements] == ["Second wording.", "Only"]
    assert any("[T] is written 2 ways" in w and "'First wording.'" in w for w in warnings)
    kept = doc.dialogue.argdown if doc.dialogue else None
    assert kept is not None and kept.statements["s-1"].title == "T"


def test_premise_conclusion_structure_gives_one_support_per_inference_line() -> None:
    doc, _ = _read(
        "<Chain>: Two steps.\n\n(1) p\n(2) q\n-- Modus ponens {strength: 0.8, notes: n} --\n"
        "(3) r\n(4) s\n----\n(5) t\n"
    )
    assert _edges(doc) == [("support", ["p", "q"], "r"), ("support", ["r", "s"], "t")]
    first, second = doc.inferences
    assert (first.scheme, first.strength, first.notes) == ("Modus ponens", 0.8, "n")
    assert second.scheme is None and second.strength is None
    kinds = {s.text: s.kind for s in doc.statements}
    assert kinds["p"] is StatementKind.PREMISE and kinds["t"] is StatementKind.CLAIM


def test_uses_picks_the_premises_of_an_inference_line() -> None:
    doc, _ = _read("<A>\n\n(1) p\n(2) q\n----\n(3) r\n(4) s\n-- {uses: [1, 4]} --\n(5) t\n")
    assert _edges(doc)[1] == ("support", ["p", "s"], "t")


@pytest.mark.parametrize(
    ("relation", "edge"),
    [
        ("+", ("support", ["child"], "parent")),
        ("<+", ("support", ["child"], "parent")),
        ("-", ("attack", ["child"], "parent")),
        ("<-", ("attack", ["child"], "parent")),
        ("+>", ("support", ["parent"], "child")),
        ("->", ("attack", ["parent"], "child")),
    ],
)
def test_relations_in_both_directions(relation: str, edge: tuple[str, list[str], str]) -> None:
    doc, _ = _read(f"[P]: parent\n  {relation} [C]: child\n")
    assert _edges(doc) == [edge]


def test_a_contradiction_is_two_attacks_written_back_as_one() -> None:
    doc, _ = _read("[A]: a\n  >< [B]: b\n")
    assert _edges(doc) == [("attack", ["a"], "b"), ("attack", ["b"], "a")]
    out = dumps_argdown(doc)
    assert out.count("><") == 1
    again, _ = _read(out)
    assert _edges(again) == _edges(doc)


def test_strict_mode_entails_and_contrary() -> None:
    doc, _ = _read("===\nmodel:\n  mode: strict\n===\n\n[A]: a\n  + [B]: b\n  - [C]: c\n")
    assert _edges(doc) == [
        ("support", ["b"], "a"),
        ("attack", ["c"], "a"),
        ("attack", ["a"], "c"),
    ]


def test_undercuts_aim_at_the_inference_they_doubt() -> None:
    doc, _ = _read(
        "<Arg>\n\n(1) p\n----\n(2) q\n\n<Arg>\n  _ [U]: doubt\n\n"
        "<Lined>\n\n(1) a\n----\n  <_ [V]: step doubt\n(2) b\n\n"
        "<Plain>: an argument without structure\n  +> [Z]: z\n  _ [W]: plain doubt\n"
    )
    by_id = {i.id: i for i in doc.inferences}
    undercuts = [i for i in doc.inferences if i.kind is InferenceKind.UNDERCUT]
    text = {s.id: s.text for s in doc.statements}
    aims = {text[u.premises[0]]: by_id[u.conclusion] for u in undercuts}
    assert [text[p] for p in aims["doubt"].premises] == ["p"]
    assert [text[p] for p in aims["step doubt"].premises] == ["a"]
    assert [text[p] for p in aims["plain doubt"].premises] == ["an argument without structure"]


def test_an_argument_without_structure_is_a_statement_written_back_in_angle_brackets() -> None:
    doc, _ = _read("<Gist>: The argument's gist.\n  +> [T]: target\n")
    assert _edges(doc) == [("support", ["The argument's gist."], "target")]
    assert doc.statements[0].kind is StatementKind.PREMISE
    out = dumps_argdown(doc)
    assert "<Gist>: The argument's gist." in out and "<Gist>\n  +> [T]" in out


def test_a_relation_to_a_reconstructed_argument_is_kept_not_drawn() -> None:
    doc, warnings = _read("<R>\n\n(1) p\n----\n(2) q\n\n[X]: x\n  -> <R>\n")
    assert [i.kind for i in doc.inferences] == [InferenceKind.SUPPORT]
    assert any("names none of its premises" in w for w in warnings)
    assert "[X]\n  -> <R>" in dumps_argdown(doc)


def test_data_fields_fill_argmap_fields_and_the_rest_is_kept() -> None:
    doc, warnings = _read(
        "[E]: evidence {kind: evidence, credibility: 0.9, notes: checked, source: C1}\n\n"
        "[S]: a scenario {kind: scenario, prior: 2}\n\n"
        "[Bad]: odd values {kind: hypothesis, credibility: 1.5}\n"
    )
    e, s, bad = doc.statements
    assert (e.kind, e.credibility, e.notes) == (StatementKind.EVIDENCE, 0.9, "checked")
    assert (s.kind, s.prior) == (StatementKind.SCENARIO, 2.0)
    assert bad.kind is StatementKind.CLAIM and bad.credibility is None
    assert any("kind 'hypothesis'" in w for w in warnings)
    assert any("credibility 1.5" in w for w in warnings)
    out = dumps_argdown(doc)
    assert "source: C1" in out and "kind: hypothesis, credibility: 1.5" in out


def test_tags_become_tags_and_leave_the_text() -> None:
    doc, _ = _read("[T]: A claim #pro with #(two words) tags.\n")
    (s,) = doc.statements
    assert s.tags == ["pro", "two words"]
    assert s.text == "A claim with tags."


def test_headings_are_kept_and_written_back() -> None:
    doc, warnings = _read("# Part one\n\n[A]: a\n\n## Sub {isGroup: false}\n\n[B]: b\n")
    assert [s.text for s in doc.statements] == ["a", "b"]
    out = dumps_argdown(doc)
    assert "# Part one\n\n[A]: a" in out and "## Sub {isGroup: false}\n\n[B]: b" in out
    assert warnings == []


def test_front_matter_names_the_map_and_keeps_its_settings() -> None:
    doc, _ = _read("===\ntitle: My debate\nauthor: Ann\n===\n\n[A]: a\n")
    assert doc.title == "My debate"
    assert "author: Ann" in dumps_argdown(doc)


def test_comments_and_markup_are_dropped_and_reported() -> None:
    doc, warnings = _read(
        "// a comment\n\n[A]: **Bold**, _italic_ and [a link](https://x.org) text. /* c */\n"
    )
    assert doc.statements[0].text == "Bold, italic and a link text."
    assert "2 comments dropped (argmap keeps no comments)" in warnings


def test_escapes_shortcodes_and_windows_line_endings() -> None:
    doc, _ = _read("[A]: \\[not a title\\] and \\#not-a-tag, .A.x\r\n  + [B]: b\r\n")
    assert doc.statements[0].text == "[not a title] and #not-a-tag, \u2200x"
    assert _edges(doc) == [("support", ["b"], doc.statements[0].text)]


def test_a_support_loop_is_kept_for_export_but_not_drawn() -> None:
    doc, warnings = _read("[A]: a\n  +> [B]: b\n    +> [A]\n")
    assert len(doc.inferences) == 1
    assert any("kept for Argdown export, not drawn" in w for w in warnings)
    out = dumps_argdown(doc)
    again, _ = _read(out)
    assert len(again.inferences) == 1 and out.count("+>") == 2


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("[A]: a\n\n  + [B]: b\n", 3, 1, "a relation must follow"),
        ("[A]: a\n\n(1) p\n(2) q\n", 5, 1, "expected an inference line"),
        ("[A]: a {b: [1,}\n", 1, 8, "not valid YAML"),
        ("[A]: a\r\n[B]: b\r\n", 2, 1, "expected an empty line between two blocks"),
        ("", 1, 1, "expected a statement"),
    ],
)
def test_a_parse_error_names_the_line_and_column(
    text: str, line: int, column: int, words: str
) -> None:
    with pytest.raises(ArgdownError) as refused:
        read_argdown(text, source="pasted")
    assert (refused.value.line, refused.value.column) == (line, column)
    assert words in str(refused.value)
    assert str(refused.value).startswith(f"pasted: line {line}, column {column}: ")


def test_a_file_reads_with_its_includes(tmp_path: Path) -> None:
    (tmp_path / "part.argdown").write_text("[B]: included\n", encoding="utf-8")
    main = tmp_path / "main.argdown"
    main.write_text("[A]: main\n\n@include(part.argdown)\n", encoding="utf-8")
    imported = read_argdown_file(main)
    assert [s.text for s in imported.doc.statements] == ["main", "included"]
    assert imported.doc.title == "main"


def test_a_missing_include_is_a_clear_error(tmp_path: Path) -> None:
    main = tmp_path / "main.argdown"
    main.write_text("[A]: a\n\n@include(gone.argdown)\n", encoding="utf-8")
    with pytest.raises(ArgdownError.__mro__[1], match="@include: .*gone.argdown not found"):
        read_argdown_file(main)


def test_the_undercut_of_a_missing_step_is_not_invented() -> None:
    doc, _ = _read("[A]: a\n  _> [B]: b\n")
    assert doc.inferences == [] or all(isinstance(i, Inference) for i in doc.inferences)
    kept = doc.dialogue.argdown if doc.dialogue else None
    assert kept is not None and [(r.type, r.source, r.target) for r in kept.undrawn] == [
        ("undercut", "[A]", "[B]")
    ]


def test_data_is_read_as_argdown_reads_yaml() -> None:
    doc, _ = _read("[A]: a {x: yes, n: 012, d: 2018-10-24, h: 0x1F, big: 1e999}\n")
    kept = doc.dialogue.argdown if doc.dialogue else None
    assert kept is not None
    assert kept.statements["s-1"].data == {
        "x": "yes",  # YAML 1.2, as js-yaml: no yes/no booleans
        "n": 12,  # no octal
        "d": "2018-10-24T00:00:00.000Z",  # a JavaScript date
        "h": 31,
        "big": "1e999",  # not a finite number: text
    }


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("{a: !!python/object:os.system {}}", "could not determine a constructor"),
        (
            "{a: &a ["
            + ", ".join(["1"] * 10)
            + "], "
            + ", ".join(
                f"{n}: &{n} [" + ", ".join([f"*{p}"] * 10) + "]"
                for p, n in zip("abcd", "bcde", strict=True)
            )
            + "}",
            "expands to more than 100,000 values",
        ),
    ],
)
def test_yaml_cannot_run_code_or_explode(data: str, problem: str) -> None:
    with pytest.raises(ArgdownError, match=problem) as refused:
        read_argdown(f"[A]: fine\n\n[B]: b {data}\n")
    assert refused.value.line == 3
