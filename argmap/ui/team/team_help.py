"""“Working as a team”: layers, the team's pooled weights and the disagreement view,
explained on request. The text follows argmap.analysis.opinion_pools, team_view and
disagreement; change them together."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

POOL_NOTE = (
    "Team = the <b>linear pool</b> (the average of the analysts' weights), the default: "
    "it stays between the analysts, so disagreement stays visible; merging two scenarios "
    "gives the same team weight before or after pooling; and no single analyst's 0 "
    "can veto a scenario. The <b>log pool</b> (geometric mean, renormalised) is shown "
    "beside it: it is externally Bayesian (pooling, then updating on shared evidence, "
    "equals updating each, then pooling), but sharper than any analyst when they agree."
)

TEAM_HTML = f"""
<h2>Working as a team</h2>
<p><b>Layers.</b> Each analyst's judgements (credibility, strength, priors, ACH ratings)
live in a named layer over the one shared map: statements, arguments and quotes are
shared. Choose a layer in the toolbar's <i>Judgements</i> box: the map, the scenario
weights, the ACH matrix and the inspector then show that analyst's judgements, and what you
set goes into their layer only. What an analyst left out is the map's own judgement.
<i>Map's own judgements</i> edits the map itself.</p>
<p><b>The team's weights.</b> {POOL_NOTE} (Clemen &amp; Winkler, “Combining probability
distributions from experts in risk analysis”, 1999.) Every analyst counts equally.</p>
<p><b>Where they disagree.</b> Each judgement the analysts set differently is listed with
its spread (highest minus lowest value) and its <i>effect</i>: everyone is given, in turn,
each analyst's value of that one judgement, and the team's weight of its leading scenario
is recomputed; the effect is how far it moves. ⚑ marks a disagreement that alone decides
which scenario the team puts first. The list is sorted by effect: settle the top rows
first. ACH ratings are listed last: they do not move the weights.</p>
<p><b>A Delphi round.</b> <code>argmap layers sheet MAP -o sheet.csv</code> writes a blank
sheet of every judgement; each analyst fills in the value column, and
<code>argmap layers import MAP alice.csv --name Alice -o OUT</code> adds it as a layer
(blank rows keep the map's own value, <code>none</code> unsets one).</p>
"""


def show_team_help(parent: QWidget | None = None) -> QDialog:
    """Open the explanation (non-modal); returns the dialog."""
    dialog = QDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # the panes' theme
    dialog.setWindowTitle("Working as a team")
    dialog.resize(640, 560)
    layout = QVBoxLayout(dialog)
    text = QTextBrowser(dialog)
    text.setHtml(TEAM_HTML)
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=dialog)
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    dialog.show()
    return dialog
