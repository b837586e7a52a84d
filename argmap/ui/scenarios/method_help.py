"""“How weights are computed”: the scenario analysis explained in plain words, on request.

The text follows the docstrings of argmap.analysis (establishment, scenario_weights,
contributions, flips, confidence, ach); change them together. The worked example is the
map of ``tests/weights_maps.py::hand_worked``, checked number by number in the tests.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from argmap.ui.panes import typography as ty

METHOD_HTML = """
<h2>How weights are computed</h2>
<p>Each scenario's <b>weight is a probability</b>: how likely it is, given your priors, the
lines of evidence drawn on the map and your judgements of them. The scenarios are taken to
be mutually exclusive answers to the focal question that together cover every outcome:
add an “Other / none of these” scenario (tag it <code>catch-all</code>) if the listed
ones may all fail.</p>

<h3>1. Scenario weights: priors updated by lines of evidence</h3>
<ol>
<li><b>Priors.</b> How likely you judged each scenario before the evidence, scaled to add up
to 100 %. A scenario without a prior gets the mean of the given ones. A prior of 0 rules a
scenario out whatever the evidence.</li>
<li><b>A line of evidence</b> is an argument into a scenario. Its <b>strength</b> says how
much more expected its premises are if the scenario is unfolding than if another is: 0.5
is 2:1, 0.75 is 4:1, 0.9 is 10:1 (at most 100:1); an objection's strength says the
reverse (0.75: 1:4). <b>A line nobody rated moves nothing</b> and is listed as unrated.</li>
<li><b>How established its premises are</b> (0 to 100 %). A statement you judged counts
with its credibility: how far its report can be trusted. Your judgement is final: the
arguments for or against a judged statement are not counted again. A statement nobody
judged stands only on what supports it; with nothing beneath it, it counts 0. Every step of
an argument multiplies by its strength (0.7 when not set), so a chain can only weaken
what flows through it.</li>
<li><b>Credibility discounts the weight of evidence.</b> A line whose premises hold with
chance q multiplies the scenario's odds by its ratio to the power q (I. J. Good's weight
of evidence, scaled by credibility): a report trusted at 70 % carries 70 % of its weight.</li>
<li><b>No double counting.</b> Lines that rest on the same source or the same statement are
not independent witnesses: each counts only for what it adds to the others (its value with
the shared ones knocked out, taking them in the order that counts most). The same report
entered twice counts once, a weaker copy adds nothing, and adding a line never lowers the
total.</li>
<li><b>Cycles.</b> A statement cannot defend itself: supports and undercuts that lead back
to the statement they rest on are ignored and reported.</li>
<li><b>Posterior.</b> The weight is the prior times all the lines' factors, scaled so the
weights add up to 100 %. For two scenarios, the odds between them are the prior odds times
the factors of every line: that is what “Why … is at …” shows, line by line.</li>
</ol>

<h3>A worked example</h3>
<p>Scenarios A (prior 50 %), B (30 %) and O, the catch-all (20 %).
Report e1, trusted at 0.8, supports A at strength 0.9 (10:1): A's odds ×10<sup>0.8</sup> = ×6.3.
Report e2, trusted at 0.5, objects to A at 0.75 (1:4): ×(1/4)<sup>0.5</sup> = ÷2.
Report e3, trusted at 0.6, supports the claim k at 0.5, so k is established at 0.3; k supports
B at 0.8 (5:1): ×5<sup>0.3</sup> = ×1.6. The catch-all O is one of “the others” for every
line, so its odds stay as they were.
Then A: 0.5 × 3.15 = 1.58, B: 0.3 × 1.62 = 0.49, O: 0.2 × 1 = 0.20, in all 2.26:
<b>A 70 %, B 21 %, O 9 %</b>.</p>

<h3>What would flip the lead</h3>
<p>Every judgement the weights rest on (each credibility, each strength, each prior) is moved
on its own across its <b>plausible range</b>: the ICD 203 band you chose (“likely”: 55–80 %),
or its band on the strength scale. The tornado chart shows how far each moves a scenario.
Where a value exists at which another scenario would lead, it is the <b>break-even</b>:
“No single judgement flips the lead within its plausible range; the nearest flip is …”.
Knocking out a whole source, tag or assumption at once is tried too.</p>

<h3>Confidence (kept apart from likelihood, as ICD 203 asks)</h3>
<p>Low, moderate or high, the lowest of three checks: does the lead survive the three
judgements it hinges on most, moved against it within their plausible ranges at once (if
not: <b>no clear leader</b>); how many independent sources stand behind the lead (a
statement without a quote counts as its own source); how much of it rests on default
strengths and unrated lines.</p>

<h3>2. Analysis of Competing Hypotheses (ACH, after Heuer; scored as PARC's tool)</h3>
<ul>
<li><b>Rows</b> are the pieces of evidence the weights count: statements nothing supports
(or with their own credibility) from which a chain leads to a scenario, plus unconnected
items you rated by hand. Intermediate conclusions are not rows, whatever their kind.
<b>Columns</b> are the scenarios.</li>
<li><b>Cells</b>: every chain for the scenario gives <b>C</b> (<b>CC</b> for a direct
support of strength 80 % or more), every chain against <b>I</b> (<b>II</b> likewise),
chains both ways <b>N</b>; no chain and no rating leaves the cell <b>blank</b>: not
judged, it counts nothing. <b>NA</b> is your judgement "not applicable". Pale cells are
derived; a bold cell is your rating (keys C, I, N, A; Shift+C and Shift+I for CC and II;
Delete returns to the derived rating).</li>
<li><b>Weights</b> per row, on PARC's scale: credibility and relevance Low / Medium / High
= 0.71 / 1 / 1.41 (keys L, M, H). Credibility defaults from the statement's own (below
45 %: Low; 80 % and up: High; else Medium); relevance to Medium.</li>
<li><b>Weighted inconsistency.</b> Only evidence <i>against</i> a scenario counts: I as
1, II as 2, times the row's credibility × relevance. ACH favours the scenario with the
<b>lowest</b> score; a scenario with no judged cell is ranked last (nobody looked).</li>
<li><b>Diagnosticity</b> is how differently an item is judged across the scenarios it is
judged against (CC = 2 … II = −2, highest minus lowest, 0 to 4). 0 is <b>non-diagnostic</b>;
a row judged against fewer than two scenarios is neither.</li>
<li><b>Sensitivity</b> (Heuer's step 6): the items that, removed or reversed, would change
the ACH leader are named under the matrix.</li>
</ul>


<h3>Assumptions</h3>
<p>Lines that share no source or statement are taken as independent given each scenario;
a line into one scenario is taken as equally expected under all the others, the
catch-all included (rate it against them in the ACH matrix where it is not); a report drawn
into two scenarios states two such judgements, and both count. This is a weight of evidence with
credibility as a discount, not a full Bayesian network, which would need each report's
hit and false-alarm rates.</p>
"""


class MethodHelp(QDialog):
    """A small non-modal window with the method text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How weights are computed")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # the panes' theme
        self.text = QTextBrowser()
        self.text.setFont(ty.ui_font(10.5))
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(METHOD_HTML)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 720)


def show_method_help(parent: QWidget | None = None) -> MethodHelp:
    """Open the explanation beside the panel (non-modal); returns the window."""
    dialog = MethodHelp(parent)
    dialog.show()
    return dialog
