"""Markdown report: question, scenarios, and the argument outline with quotes and citations;
it renders the same in CommonMark (markdown-it) and Python-Markdown (MkDocs)."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from map_strategies import arg_maps
from markdown_it import MarkdownIt

from argmap.interop import analysis_view
from argmap.interop.markdown_report import citation, dumps_markdown, md
from argmap.model import (
    ArgMap,
    Inference,
    Quote,
    Signpost,
    SignpostStatus,
    Source,
    Statement,
    StatementKind,
)
from argmap.resources import resource


@pytest.fixture
def without_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis_view, "_analyzer", lambda: None)


@pytest.mark.usefixtures("without_analysis")
def test_question_and_scenarios_with_normalised_priors(sample_map: ArgMap) -> None:
    out = dumps_markdown(sample_map)
    assert out.startswith("# Ceasefire talks\n\n**Question:** Will a ceasefire hold by June?\n")
    assert "- **Ceasefire agreed by spring** — prior 75 %\n" in out
    assert "- **War of attrition continues** — prior 25 %\n" in out
    assert "Priors only" in out


def test_weights_come_from_the_analysis_when_the_build_has_it(sample_map: ArgMap) -> None:
    if analysis_view._analyzer() is None:
        pytest.skip("argmap.analysis has no analyze() in this build")
    out = dumps_markdown(sample_map)
    assert "- **Ceasefire agreed by spring** — prior 75 %, weight " in out
    assert "Priors only" not in out


@pytest.mark.usefixtures("without_analysis")
def test_outline_nests_premises_under_conclusions_with_quotes(sample_map: ArgMap) -> None:
    text = dumps_markdown(sample_map).split("## Arguments\n\n")[1]
    lines = [line for line in text.splitlines() if line]  # every block ends in an empty line
    assert lines[0] == "- **Question:** Will a ceasefire hold by June?"
    start = lines.index("- **Scenario:** Ceasefire agreed by spring")
    assert lines[start + 1] == "    - *Supported by* (Cause to effect):"
    assert lines[start + 2] == (
        "        - **Evidence:** Oil &amp; gas revenue fell 26.7 % in October _(credibility 90 %)_"
    )
    assert lines[start + 3] == (
        "            > Budget revenues from oil and gas shrank by 26.7 percent in October."
    )
    assert lines[start + 4] == "            >"
    assert lines[start + 5] == (
        "            > — *Talks On Peace Deal Can Still Rebound*, Eurasia Daily Monitor, 2025-11-10"
    )
    undercut = lines.index("        - *Undercut by*:")
    assert lines[undercut + 1].startswith("            - **Objection:** The figure counts")
    assert "    - *Attacked by*:" in lines
    # Evidence used twice is written out once; the second time it points back.
    repeated = [line for line in lines if "Oil &amp; gas revenue fell" in line]
    assert len(repeated) == 2 and repeated[1].endswith("*(see above)*")


@pytest.mark.usefixtures("without_analysis")
def test_cycles_end_and_every_statement_appears() -> None:
    doc = ArgMap(
        statements=[Statement(id=x, kind=StatementKind.CLAIM, text=x) for x in "abc"],
        inferences=[
            Inference(id="i1", premises=["a"], conclusion="b"),
            Inference(id="i2", premises=["b"], conclusion="a"),
        ],
    )
    out = dumps_markdown(doc)
    for x in "abc":
        assert f"**Claim:** {x}" in out
    assert "_No focal question set._" in out and "_The map has no scenarios._" in out


@pytest.mark.usefixtures("without_analysis")
def test_a_deep_chain_does_not_hit_the_recursion_limit() -> None:
    n = 3000
    doc = ArgMap(
        statements=[
            Statement(id=f"s{k}", kind=StatementKind.CLAIM, text=f"t{k}") for k in range(n)
        ],
        inferences=[
            Inference(id=f"i{k}", premises=[f"s{k}"], conclusion=f"s{k - 1}") for k in range(1, n)
        ],
    )
    out = dumps_markdown(doc)
    assert f"- **Claim:** t{n - 1}" in out


def test_markdown_specials_are_escaped() -> None:
    assert md("a *b* _c_ [d](e) <f> # |g| & `h`") == (
        r"a \*b\* \_c\_ \[d\](e) &lt;f&gt; \# |g| &amp; \`h\`"
    )


def test_a_source_without_a_title_is_cited_by_publisher_and_date() -> None:
    untitled = Source.from_text("src-x", "t", publisher="Daily Wire", published="2025-11-10")
    assert citation(untitled) == "— Daily Wire, 2025-11-10"
    bare = Source.from_text("src-y", "t", url="https://example.org/a")
    assert citation(bare) == "— https://example.org/a"
    assert citation(Source.from_text("src-z", "t")) == "— untitled source"


class _Tree(HTMLParser):
    """HTML as a list of tags and whitespace-normalised text (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = tuple(f"{k}={v}" for k, v in sorted(attrs) if k != "id")  # toc adds ids
        self.items.append(("<", tag, *kept))

    def handle_endtag(self, tag: str) -> None:
        self.items.append((">", tag))

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text:
            self.items.append(("text", text))


def _rendered(html: str) -> list[tuple[str, ...]]:
    tree = _Tree()
    tree.feed(html)
    return tree.items


def _both(text: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    # markdown-it stops at 20 nested blocks by default (a guard of its own, not CommonMark's)
    commonmark = _rendered(MarkdownIt("commonmark", {"maxNesting": 200}).render(text))
    mkdocs = _rendered(markdown.markdown(text, extensions=["toc", "tables", "fenced_code"]))
    return commonmark, mkdocs


def test_the_sample_report_renders_the_same_in_commonmark_and_python_markdown() -> None:
    doc = ArgMap.model_validate_json(resource("sample.argmap.json").read_bytes())
    commonmark, mkdocs = _both(dumps_markdown(doc))
    assert commonmark == mkdocs
    quotes = sum(1 for item in commonmark if item == ("<", "blockquote"))
    assert quotes == sum(1 for s in doc.statements if s.quotes)  # each a real quote box
    assert not any(item[0] == "text" and item[1].startswith(">") for item in commonmark)
    depth = max(_nesting(commonmark))
    assert depth >= 6  # the outline really nests


def _nesting(items: list[tuple[str, ...]]) -> list[int]:
    depth, seen = 0, [0]
    for item in items:
        if item[:2] == ("<", "ul"):
            depth += 1
            seen.append(depth)
        elif item[:2] == (">", "ul"):
            depth -= 1
    return seen


TRICKY = [
    "1. looks like a list",
    "- a dash line",
    "===",
    "# not a heading",
    "<b>bold?</b> & <img src=x>",
    "ends with a backslash \\",
    "a_b*c*`d` [e](f) ![g](h)",
    "1) also a list",
    "+ plus",
    "    indented",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arg_maps(max_statements=6))
def test_any_map_renders_the_same_in_both(doc: ArgMap) -> None:
    commonmark, mkdocs = _both(dumps_markdown(doc))
    assert commonmark == mkdocs


def test_tricky_texts_and_quote_lines_render_the_same_in_both() -> None:
    body = "\n".join(TRICKY)
    source = Source.from_text("src", body, publisher="P <x>")
    quote = Quote.from_range("q", "src", body, 0, len(body))
    doc = ArgMap(
        title=TRICKY[4],
        sources=[source],
        quotes=[quote],
        statements=[
            Statement(id=f"s{n}", kind=StatementKind.CLAIM, text=t, quotes=["q"])
            for n, t in enumerate(TRICKY)
        ],
    )
    commonmark, mkdocs = _both(dumps_markdown(doc))
    assert commonmark == mkdocs
    texts = [item[1] for item in commonmark if item[0] == "text"]
    for line in TRICKY:
        assert " ".join(line.split()) in texts


def test_signposts_are_listed_under_their_scenario(sample_map: ArgMap) -> None:
    doc = sample_map.model_copy(deep=True)
    doc.signposts = [
        Signpost(
            id="sp-1",
            scenario="s-a",
            text="Envoys named *soon*",
            status=SignpostStatus.OBSERVED,
            changed="2026-12-01",
        )
    ]
    text = dumps_markdown(doc)
    scenario_line = next(line for line in text.splitlines() if "Ceasefire agreed" in line)
    after = text.split(scenario_line, 1)[1]
    assert after.startswith(
        "\n\n    - Signpost (observed since 2026-12-01): Envoys named \\*soon\\*\n"
    )
