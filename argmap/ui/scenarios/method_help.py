"""“How weights are computed”: the scenario analysis explained in plain words, on request.

The text follows the docstrings of argmap.analysis (acceptability, scenario_weights, ach,
sensitivity); change them together.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from argmap.ui.panes import typography as ty

METHOD_HTML = """
<h2>How weights are computed</h2>
<p>argmap weighs the scenarios twice, in two independent ways. When both favour the same
scenario, that is reassuring; when they disagree, look at why.</p>

<h3>1. Scenario weights: your priors, updated by the arguments</h3>
<ol>
<li><b>Scenarios</b> are the statements of kind “scenario”. They are taken to be
mutually exclusive answers to the focal question, and together to cover it.</li>
<li><b>Priors.</b> Each scenario's prior is how likely you thought it before the
evidence. Priors are scaled to add up to 100 %. A scenario without a prior gets an equal
share. Changing one prior here rescales the others so the total stays at 100 %.</li>
<li><b>How well each statement stands</b> (its <i>acceptability</i>, 0 to 1). A statement
nobody argues about keeps its credibility (50 % when you have not judged it). An argument
passes on its strength times the acceptability of its premises (linked premises hold only
together, so their values multiply); an undercut weakens the argument it aims at.
Separate arguments for the same conclusion combine like independent chances, and so do
attacks: support pulls a statement towards true, attack towards false. A scenario starts
at an even 50 %: its prior, not its credibility, says how likely you found it.</li>
<li><b>Update.</b> Like a Bayes factor, the evidence multiplies each prior by the
scenario's odds a / (1 − a): ×1 when the arguments balance, ×3 at 75 %, ×⅓ at 25 %.
To stop one conclusive argument from wiping out every other scenario, the factor is
kept between 1/999 and 999.</li>
<li><b>Normalise.</b> weight = prior × factor, divided by the total, so the weights
always add up to 100 %.</li>
</ol>
<p><b>Assumptions:</b> separate arguments are independent; an argument for one scenario
counts against the others only through the normalisation (attack a scenario explicitly
to say more); your ACH ratings do not enter the weights.</p>

<h3>2. Analysis of Competing Hypotheses (ACH, after Heuer)</h3>
<ul>
<li><b>Rows</b> are the evidence, premises, assumptions and objections from which a chain
of arguments leads to a scenario, plus anything you rated by hand. <b>Columns</b> are the
scenarios.</li>
<li><b>Cells</b> are read off the map: an item whose every chain supports the scenario is
<b>C</b> (consistent), <b>CC</b> when it directly supports it with strength 80 % or more;
every chain against gives <b>I</b>, or <b>II</b> for a strong direct attack; chains both
ways, or none, give <b>N</b>. Pale cells are derived like this; a bold cell is a rating
you set (keys C, I, N; Shift+C and Shift+I for CC and II; Delete returns to the derived
rating).</li>
<li><b>Weighted inconsistency.</b> Only evidence <i>against</i> a scenario counts: I as
1, II as 2, times the item's credibility (times a rating's relevance, if given). Evidence
cannot prove a scenario, but it can rule one out, so ACH favours the scenario with the
<b>lowest</b> score.</li>
<li><b>Diagnosticity</b> is how differently an item is rated across the scenarios
(CC = 2 … II = −2, highest minus lowest, 0 to 4). An item rated alike everywhere is
<b>non-diagnostic</b>: however true, it does not help you choose.</li>
</ul>

<h3>Sensitivity (the tornado chart)</h3>
<p>Every statement and argument that bears on a scenario is tried at its extremes, one at a
time: a statement taken as false and as true, an argument given no weight and full
strength. Each bar spans the lowest and highest weight the scenario then takes; the
longest bars are what the weights hinge on. A flagged item could, on its own, hand the
lead to another scenario: check it first.</p>
"""


class MethodHelp(QDialog):
    """A small non-modal window with the method text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How weights are computed")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
