"""Build the bundled sample map, resources/sample.argmap.json, from the five seed articles.

An analyst's map on one focal question, written as data and assembled through the public
model API. Every quote is located by its exact words in its article, so the map can be
rebuilt (and still anchor) whenever article import changes. Run from the checkout:

    python scripts/build_sample_map.py [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _path in (str(ROOT), str(HERE)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from sample_map_content import (  # noqa: E402
    ACH_RELEVANCE,
    ANALYST,
    AS_OF,
    DESCRIPTION,
    INFERENCES,
    QUOTES,
    RATINGS,
    SIGNPOSTS,
    SOURCE_POLICY,
    SOURCES,
    STATEMENTS,
    TITLE,
)

from argmap.model import (  # noqa: E402
    AchRating,
    AchRow,
    ArgMap,
    Inference,
    InferenceKind,
    Quote,
    Rating,
    RowLevel,
    Signpost,
    SignpostStatus,
    Source,
    Statement,
    StatementKind,
    ViewState,
)

SEEDS = ROOT / "seeds"
OUTPUT = ROOT / "resources" / "sample.argmap.json"


class SampleMapError(Exception):
    """The content does not fit the articles (a quote not found, an id missing)."""


@dataclass(frozen=True)
class _Located:
    quote: Quote
    order: tuple[int, int]  # (source position, start) for a stable, readable quote list


def article_text(path: Path) -> str:
    """The article's text: cleaned by the article importer when present, else the raw seed."""
    try:
        from argmap.io.article_import import import_article  # noqa: PLC0415
    except ImportError:
        return path.read_text(encoding="utf-8")
    return str(import_article(path).to_source("tmp").text)


def build_sources() -> list[Source]:
    """One Source per seed, with the analyst's bibliographic fields."""
    sources = []
    for spec in SOURCES:
        text = article_text(SEEDS / spec.file)
        sources.append(
            Source.from_text(
                spec.id,
                text,
                title=spec.title,
                author=spec.author,
                publisher=spec.publisher,
                published=spec.published,
                url=None,
            )
        )
    return sources


def locate_quotes(sources: list[Source]) -> list[Quote]:
    """Find each quote's first occurrence in its source; fail naming any that is missing."""
    by_id = {s.id: (n, s) for n, s in enumerate(sources)}
    located: list[_Located] = []
    missing: list[str] = []
    for quote_id, (source_id, words) in QUOTES.items():
        if source_id not in by_id:
            missing.append(f"{quote_id}: unknown source {source_id!r}")
            continue
        position, source = by_id[source_id]
        start = source.text.find(words)
        if start < 0:
            missing.append(f"{quote_id}: not found in {source_id}: {words!r}")
            continue
        quote = Quote.from_range(quote_id, source_id, source.text, start, start + len(words))
        located.append(_Located(quote, (position, start)))
    if missing:
        raise SampleMapError("quotes not found:\n  " + "\n  ".join(missing))
    return [item.quote for item in sorted(located, key=lambda item: item.order)]


def build_statements() -> list[Statement]:
    """The statements in the order the analyst wrote them (question, then depth first)."""
    statements = []
    for row in STATEMENTS:
        kind = StatementKind(row.kind)
        if kind in (StatementKind.EVIDENCE, StatementKind.PREMISE) and not row.quotes:
            raise SampleMapError(f"{row.id}: {kind} must cite a quote")
        statements.append(
            Statement(
                id=row.id,
                kind=kind,
                text=row.text,
                quotes=list(row.quotes),
                notes=row.notes,
                tags=list(row.tags),
                credibility=row.credibility,
                prior=row.prior,
            )
        )
    return statements


def build_inferences() -> list[Inference]:
    """Supports, attacks and undercuts, in the order they were written."""
    return [
        Inference(
            id=row.id,
            premises=list(row.premises),
            conclusion=row.conclusion,
            kind=InferenceKind(row.kind),
            strength=row.strength,
            notes=row.notes,
        )
        for row in INFERENCES
    ]


def build_signposts() -> list[Signpost]:
    """What the analyst would expect to see next under each scenario, with its status."""
    return [
        Signpost(
            id=row.id,
            scenario=row.scenario,
            text=row.text,
            status=SignpostStatus(row.status),
            changed=row.changed,
            notes=row.notes,
        )
        for row in SIGNPOSTS
    ]


def check_references(doc: ArgMap) -> None:
    """Every id the content names exists, and every quote is cited by some statement."""
    statement_ids = {s.id for s in doc.statements}
    inference_ids = {i.id for i in doc.inferences}
    quote_ids = {q.id for q in doc.quotes}
    problems = [
        f"{s.id} cites unknown quote {q}"
        for s in doc.statements
        for q in s.quotes
        if q not in quote_ids
    ]
    cited = {q for s in doc.statements for q in s.quotes}
    problems += [f"quote {q} is not cited by any statement" for q in sorted(quote_ids - cited)]
    for inf in doc.inferences:
        problems += [
            f"{inf.id}: unknown premise {p}" for p in inf.premises if p not in statement_ids
        ]
        targets = inference_ids if inf.kind is InferenceKind.UNDERCUT else statement_ids
        if inf.conclusion not in targets:
            problems.append(f"{inf.id}: unknown conclusion {inf.conclusion}")
    for rating in doc.ratings:
        if rating.evidence not in statement_ids or rating.scenario not in statement_ids:
            problems.append(f"rating {rating.evidence} x {rating.scenario}: unknown id")
    problems += [
        f"ACH row {row.evidence}: unknown id"
        for row in doc.ach_rows
        if row.evidence not in statement_ids
    ]
    scenarios = {s.id for s in doc.statements if s.kind is StatementKind.SCENARIO}
    problems += [
        f"signpost {sp.id}: {sp.scenario} is not a scenario"
        for sp in doc.signposts
        if sp.scenario not in scenarios
    ]
    if problems:
        raise SampleMapError("broken references:\n  " + "\n  ".join(problems))


def claims_with_reasons(doc: ArgMap) -> list[str]:
    """Statements two steps below the question that have reasons of their own."""
    scenarios = {s.id for s in doc.statements if s.kind == "scenario"}
    below = [i for i in doc.inferences if i.conclusion in scenarios and i.kind != "undercut"]
    concluding = {i.conclusion for i in doc.inferences}
    ids = [p for i in below for p in i.premises if p in concluding]
    return list(dict.fromkeys(ids))


def build() -> ArgMap:
    """The whole sample map."""
    sources = build_sources()
    doc = ArgMap(
        title=TITLE,
        question=STATEMENTS[0].id,
        description=DESCRIPTION,
        analyst=ANALYST,
        as_of=AS_OF,
        source_policy=SOURCE_POLICY,
        sources=sources,
        quotes=locate_quotes(sources),
        statements=build_statements(),
        inferences=build_inferences(),
        ratings=[
            Rating(evidence=e, scenario=s, rating=AchRating(r), relevance=rel)
            for e, s, r, rel in RATINGS
        ],
        ach_rows=[
            AchRow(evidence=e, relevance=RowLevel(level)) for e, level in ACH_RELEVANCE.items()
        ],
        signposts=build_signposts(),
    )
    # First impression: the question and its seven scenarios, readable on one screen; each
    # scenario unfolds (with "+") to its main claims, whose own reasons stay folded.
    scenarios = [s.id for s in doc.statements if s.kind is StatementKind.SCENARIO]
    doc.view = ViewState(direction="TB", collapsed=scenarios + claims_with_reasons(doc))
    check_references(doc)
    return doc


def serialise(doc: ArgMap) -> str:
    """The map file text, exactly as the app writes it."""
    try:
        from argmap.io.map_file import dumps_map  # noqa: PLC0415
    except ImportError:
        return doc.model_dump_json(indent=2) + "\n"
    return str(dumps_map(doc))


def main(argv: list[str] | None = None) -> int:
    """Build the map and write it; exit 1 with the problems when the content does not fit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=OUTPUT, help="where to write the map")
    args = parser.parse_args(argv)
    try:
        doc = build()
    except SampleMapError as error:
        print(f"build_sample_map: {error}", file=sys.stderr)
        return 1
    args.out.write_text(serialise(doc), encoding="utf-8", newline="\n")
    print(
        f"wrote {args.out}: {len(doc.statements)} statements, {len(doc.inferences)} inferences, "
        f"{len(doc.quotes)} quotes from {len(doc.sources)} sources"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
