"""The scenario analysis in plain sentences, for the panel, the CLI and reports.

Every sentence is built from the numbers it states, so it cannot contradict them: a tie
is called a tie, "flips" only appears with a break-even value, and a value shown as a
percentage is the one the analysis computed. Map text is quoted as it is; callers that
embed it in rich text escape it.
"""

from __future__ import annotations

import math

from argmap.analysis.flips import Flip, FlipAnalysis, KnockOut
from argmap.analysis.judgements import JudgementKind
from argmap.analysis.report import MapAnalysis, ScenarioResult
from argmap.model import ArgMap
from argmap.model.display_text import isolate

LABEL_CHARS = 60
FSI, PDI = "\u2068", "\u2069"  # what isolate() may wrap right-to-left map text in


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """One line of at most ``limit`` characters, cut at a word boundary where there is one."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def quoted(text: str, limit: int = LABEL_CHARS) -> str:
    """Map text as it appears inside a sentence: shortened, quoted, bidi-isolated."""
    return f"'{isolate(short(text, limit))}'"


def pct(x: float) -> str:
    """A weight as a whole percentage."""
    return f"{x:.0%}"


class Labels:
    """Readable names for a map's statements, inferences and scenarios."""

    def __init__(self, doc: ArgMap) -> None:
        self.text = {s.id: s.text for s in reversed(doc.statements)}
        self.inference = {i.id: i for i in reversed(doc.inferences)}

    def statement(self, sid: str) -> str:
        """A statement by its text."""
        return quoted(self.text.get(sid, sid))

    def of(self, node_id: str) -> str:
        """A statement by its text, an inference as the link it draws."""
        if node_id in self.text:
            return self.statement(node_id)
        inf = self.inference.get(node_id)
        if inf is None:
            return repr(node_id)
        premises = " + ".join(quoted(self.text.get(p, p), 30) for p in inf.premises)
        target = (
            quoted(self.text[inf.conclusion], 30)
            if inf.conclusion in self.text
            else f"the link {inf.conclusion!r}"
        )
        word = {"support": "to", "attack": "against", "undercut": "undercutting"}[inf.kind.value]
        return f"the link from {premises} {word} {target}"


def factor_text(log_odds: float) -> str:
    """A log-odds amount as the factor it multiplies the odds by: "x3.3" or "/2.0"."""
    f = math.exp(log_odds)
    return f"x{f:.2g}" if f >= 1.0 else f"/{1.0 / f:.2g}"


def ratio_text(ratio: float) -> str:
    """A likelihood ratio as odds: "2.9:1" for, "1:1.8" against."""
    return f"{ratio:.2g}:1" if ratio >= 1.0 else f"1:{1.0 / ratio:.2g}"


def why_lines(s: ScenarioResult, labels: Labels, top: int) -> list[str]:
    """Why one scenario weighs what it does: its prior, then each line of evidence with the
    factor it multiplies the odds by, largest first; unrated lines said as such."""
    out = [
        f"Why {quoted(s.title)} is at {pct(s.weight)} (prior {pct(s.prior)}), "
        "lines of evidence by how far they move its odds:"
    ]
    shown = 0
    for line in s.lines:
        if shown >= top:
            break
        premises = " + ".join(labels.statement(p) for p in line.premises)
        word = "against" if line.attack else "for"
        if not line.rated:
            out.append(f"  unrated  {word}: {premises} (rate it to let it count)")
        else:
            part = (
                ""
                if abs(line.counted - line.full) < 1e-9
                else (f", {factor_text(line.full)} alone, shares sources with other lines")
            )
            out.append(
                f"  {factor_text(line.counted):>6}  {word}: {premises} (established "
                f"{line.established:.0%}, {ratio_text(line.ratio)} when it holds{part})"
            )
        shown += 1
    if len(out) == 1:
        out.append("  no line of evidence reaches it")
    return out


def tied_names(titles: list[str], total: int) -> str:
    """Tied scenarios named when there are few: "'A' and 'B'", else counted ("all 7
    scenarios", "5 scenarios"), so a tie of many does not fill the panel with titles."""
    if len(titles) <= 3:
        return " and ".join(quoted(t) for t in titles)
    if len(titles) == total:
        return f"all {total} scenarios"
    return f"{len(titles)} scenarios"


def lead_sentence(result: MapAnalysis) -> str:
    """Who leads, by how much, from which prior; or that nobody does."""
    if not result.scenarios:
        return "No scenarios to weigh: add statements of kind 'scenario'."
    tied = result.tied
    if tied:
        names = tied_names([s.title for s in tied], len(result.scenarios))
        return f"No scenario leads: {names} are tied at {pct(tied[0].weight)}."
    leader = result.leader
    assert leader is not None
    text = f"{quoted(leader.title)} leads at {pct(leader.weight)} (prior {pct(leader.prior)})"
    runner = result.runner_up
    if runner is not None:
        text += f"; {quoted(runner.title)} follows at {pct(runner.weight)}"
    return text + "."


def methods_sentence(result: MapAnalysis) -> str:
    """Whether the weights and ACH point the same way, ties said as ties."""
    leader, ach = result.leader, result.ach_leader
    if not result.scenarios:
        return ""
    if result.ach_tied:
        names = tied_names([s.title for s in result.ach_tied], len(result.scenarios))
        ach_text = f"ACH ranks {names} equal (least inconsistent)"
    elif ach is None:
        ach_text = "ACH favours none: no evidence is judged against any scenario"
    else:
        ach_text = f"ACH (least inconsistent) favours {quoted(ach.title)}"
    if leader is None:
        return f"The weights are tied; {ach_text}."
    if ach is not None and ach.id == leader.id:
        return f"Both methods favour {quoted(leader.title)}."
    return f"The weights favour {quoted(leader.title)}; {ach_text}."


def _value_text(kind: JudgementKind, value: float) -> str:
    return f"{value:.0%}" if kind is JudgementKind.PRIOR else f"{value:.2f}"


def flip_line(flip: Flip, labels: Labels, titles: list[str]) -> str:
    """One judgement's break-even in words, e.g. "if the credibility of 'X' fell from 0.80
    to 0.31, 'B' would lead (within its plausible range)"."""
    j = flip.judgement
    what = {
        JudgementKind.CREDIBILITY: "the credibility of",
        JudgementKind.STRENGTH: "the strength of",
        JudgementKind.PRIOR: "the prior of",
    }[j.kind]
    name = labels.of(j.id)
    if flip.break_even is None or flip.new_leader is None:
        return f"no value of {what} {name} flips the lead"
    now = (
        "unjudged (0)"
        if j.value is None and j.kind is JudgementKind.CREDIBILITY
        else (_value_text(j.kind, j.used))
    )
    verb = "rose" if flip.break_even > j.used else "fell"
    where = "within" if flip.in_range else "outside"
    span = f"{_value_text(j.kind, j.low)}-{_value_text(j.kind, j.high)}"
    return (
        f"if {what} {name} {verb} from {now} to {_value_text(j.kind, flip.break_even)}, "
        f"{quoted(titles[flip.new_leader])} would lead ({where} its plausible range: "
        f"{j.band}, {span})"
    )


def knock_out_line(k: KnockOut, titles: list[str], leader: int | None) -> str:
    """What knocking out one source, tag or assumption does to the lead."""
    what = {"source": "the source", "tag": "everything tagged", "assumption": "the assumption"}[
        k.kind
    ]
    count = len(k.statements)
    head = f"without {what} {quoted(k.label)} ({count} statement{'s' if count != 1 else ''})"
    if len(k.leaders) > 1:
        names = " and ".join(quoted(titles[j]) for j in k.leaders)
        return f"{head}, {names} would be tied at {pct(k.weights[k.leaders[0]])}"
    top = k.leaders[0]
    if leader is not None and top == leader:
        return f"{head}, {quoted(titles[top])} would still lead at {pct(k.weights[top])}"
    return f"{head}, {quoted(titles[top])} would lead at {pct(k.weights[top])}"


def flip_summary(flips: FlipAnalysis, labels: Labels, titles: list[str]) -> str:
    """One plain sentence on what would flip the lead."""
    if flips.leader is None:
        return "No scenario leads, so there is no lead to flip."
    in_range = flips.in_range_flips()
    if in_range:
        return "A plausible change flips the lead: " + flip_line(in_range[0], labels, titles) + "."
    changers = [k for k in flips.knock_outs if flips.leader not in k.leaders]
    nearest = flips.nearest()
    if nearest is not None:
        text = (
            "No single judgement flips the lead within its plausible range; the nearest flip "
            "is: " + flip_line(nearest, labels, titles) + "."
        )
    else:
        text = "No single judgement flips the lead, whatever its value."
    if changers:
        text += " But " + knock_out_line(changers[0], titles, flips.leader) + "."
    return text


def confidence_sentence(result: MapAnalysis) -> str:
    """The confidence level and why, kept apart from the likelihood (ICD 203)."""
    c = result.confidence
    if c is None:
        return ""
    return f"Confidence: {c.level} ({c.reason})."


METHOD_LINE = (
    "Weights are probabilities: the priors updated by each line of evidence's likelihood "
    "ratio, discounted by how well its premises are established; lines sharing a source "
    "count once."
)
