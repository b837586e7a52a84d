"""The scenario panel: the focal question and each scenario's live weight, prior, ACH score
and signposts.

Rows mirror :class:`~argmap.ui.scenarios.live_analysis.LiveAnalysis`: they update in place
as the map is edited, a prior is set with the spin box or by dragging the bar's tick, a
signpost is added, reworded, given a status or deleted under its scenario (one undoable
command each), and clicking a row selects its scenario on the map.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis import weights_text as wt
from argmap.analysis.estimative import label_for
from argmap.analysis.evidence_network import CATCH_ALL_TAG
from argmap.analysis.report import MapAnalysis, ScenarioResult
from argmap.model import SignpostStatus, StatementKind
from argmap.model.display_text import isolate, plain_tooltip
from argmap.model.edit_steps import EditError
from argmap.ui import pane_colours
from argmap.ui.accessible_names import named
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import typography as ty
from argmap.ui.scenarios.live_analysis import LiveAnalysis, live_analysis_for
from argmap.ui.scenarios.method_help import show_method_help
from argmap.ui.scenarios.rating_commands import (
    delete_signpost,
    new_signpost,
    reword_signpost,
    set_prior,
    set_signpost,
)
from argmap.ui.scenarios.signpost_list import NEW_TEXT, SignpostList
from argmap.ui.scenarios.weight_bar import WeightBar
from argmap.ui.scenarios.why_view import WhyView, since_saved
from argmap.ui.window.app_settings import app_settings, setting_bool

CATCH_ALL_TEXT = "Other / none of these"
NOTICE_KEY = "notices/weights_method_2"
NOTICE = (
    "New in this version: weights are probabilities, updated by lines of evidence "
    "(likelihood ratios discounted by credibility); unjudged statements and unrated lines "
    "move nothing, and lines sharing a source count once. Maps made before may show "
    "different numbers."
)
_NO_SCENARIOS = (
    "No scenarios yet. Give statements the kind “scenario” (the possible answers to the "
    "focal question) and their weights appear here."
)


def percent(value: float) -> str:
    """A weight as a whole percentage; tiny non-zero weights read "<1%"."""
    if 0.0 < value < 0.005:
        return "<1%"
    if 0.995 < value < 1.0:
        return ">99%"
    return f"{value:.0%}"


def _label(text: str = "", size: float = 10.0, bold: bool = False, colour: str = "") -> QLabel:
    """A plain-text label; ``colour`` names a PaneColours field ("ink", "muted")."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFont(ty.ui_font(size, bold))
    if colour:
        pane_colours.styled(label, f"color: ${colour};")
    return label


class ScenarioRow(QFrame):
    """One scenario: rank, title, weight bar, percentage and words, prior, ACH score."""

    clicked = Signal(str)
    prior_edited = Signal(str, float)

    def __init__(self, scenario_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario_id = scenario_id
        self.setObjectName("scenarioRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.rank = _label("", 9.5, bold=True)
        self.rank.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rank.setFixedSize(26, 22)
        self.title = _label("", 10.5)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.weight_label = _label("", 15, bold=True)
        self.weight_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.bar = WeightBar()
        self.bar.prior_dropped.connect(self._on_prior_dropped)
        self.words = _label("", 9.5, colour="ink")
        self.words.setWordWrap(True)
        self.words.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.prior = QDoubleSpinBox()
        self.prior.setRange(0.0, 100.0)
        self.prior.setDecimals(0)
        self.prior.setSuffix(" %")
        self.prior.setKeyboardTracking(False)
        self.prior.setFont(ty.ui_font(9.5))
        self.prior.setFixedWidth(74)
        self.prior.setToolTip(
            "Prior: how likely you judged this scenario before the evidence. "
            "The other scenarios rescale to keep the total at 100 %."
        )
        self.prior.valueChanged.connect(self._on_prior_spin)
        self.ach = _label("", 9.5, colour="muted")
        self.ach.setWordWrap(True)
        self.signposts = SignpostList(scenario_id)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.rank, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1)
        top.addWidget(self.weight_label, 0, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(self.words, 1)
        bottom.addWidget(_label("prior", 9.5, colour="muted"))
        bottom.addWidget(self.prior)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addLayout(bottom)
        layout.addWidget(self.ach)
        layout.addWidget(self.signposts)
        self._selected = False
        self._leader = False
        self._style()

    @property
    def shown_weight(self) -> float:
        """The weight the bar currently shows (0..1)."""
        return self.bar.weight

    def show_result(self, result: ScenarioResult, leader: bool, n_scenarios: int) -> None:
        """Display one scenario's numbers (no command is pushed by this)."""
        self.title.setText(result.title or "(untitled scenario)")
        named(self.prior, f"Prior of scenario '{result.title}', percent")
        self.title.setFont(ty.ui_font(10.5, bold=leader))
        self.weight_label.setText(percent(result.weight))
        pane_colours.styled(self.weight_label, "color: $leader;" if leader else "color: $ink;")
        self.rank.setText(str(result.weight_rank))
        self.rank.setToolTip(f"Ranked {result.weight_rank} of {n_scenarios} by weight")
        self.bar.set_values(result.weight, result.prior, leader)
        lead = "  ★\u00a0leading" if leader else ""
        self.words.setText(f"{label_for(result.weight)}{lead}")
        self.words.setFont(ty.ui_font(9.5, bold=leader))
        self.ach.setText(
            f"ACH: inconsistency {result.inconsistency:.2f}, "
            f"rank {result.ach_rank} of {n_scenarios}"
        )
        self.ach.setToolTip(
            "Weighted inconsistency: the evidence against this scenario, counted by "
            "credibility. Lower is better; ACH favours the least inconsistent scenario."
        )
        if not self.prior.hasFocus():
            self.prior.blockSignals(True)
            self.prior.setValue(round(result.prior * 100.0))
            self.prior.blockSignals(False)
        tip = (
            f"{isolate(result.title)}\nPrior {percent(result.prior)} → weight "
            f"{percent(result.weight)}: the evidence multiplies its odds by "
            f"{result.factor:.2f} ({result.evidence:+.2f} log-odds)"
        )
        self.setToolTip(plain_tooltip(tip))
        self._leader = leader
        self._style()

    @property
    def selected(self) -> bool:
        """Whether the row shows its scenario as selected on the map."""
        return self._selected

    def set_selected(self, selected: bool) -> None:
        """Highlight the row while its scenario is selected on the map."""
        if selected != self._selected:
            self._selected = selected
            self._style()

    def _style(self) -> None:
        self.update()  # the card: painted, for a style sheet would freeze its fields' palette
        badge = "$leader" if self._leader else "$muted"
        pane_colours.styled(
            self.rank, f"background: {badge}; color: $on_mark; border-radius: 11px;"
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        c = pane_colours.current()
        leader = self._leader
        width = 2.0 if leader else 1.0
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(c.leader if leader else c.grid), width))
        p.setBrush(QColor(c.highlight if self._selected else c.card))
        half = width / 2
        p.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 6, 6)
        p.end()

    def _on_prior_spin(self, value: float) -> None:
        self.prior_edited.emit(self.scenario_id, value / 100.0)

    def _on_prior_dropped(self, share: float) -> None:
        self.prior_edited.emit(self.scenario_id, share)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.scenario_id)
            event.accept()
            return
        super().mousePressEvent(event)


class ScenarioPanel(QWidget):
    """The focal question and one live row per scenario, leader marked, priors editable."""

    status_message = Signal(str)  # an edit was refused, and why

    def __init__(  # noqa: PLR0915  a Qt constructor: widget set-up in reading order
        self,
        controller: DocumentController,
        live: LiveAnalysis | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.live = live if live is not None else live_analysis_for(controller)
        self._rows: dict[str, ScenarioRow] = {}
        self.setFont(ty.ui_font(10))

        caption = _label("FOCAL QUESTION", 8.5, bold=True, colour="muted")
        help_button = QToolButton()
        help_button.setText("How weights are computed")
        link_font = ty.ui_font(9)
        link_font.setUnderline(True)
        help_button.setFont(link_font)
        help_button.setAutoRaise(True)
        help_button.setCursor(Qt.CursorShape.PointingHandCursor)
        pane_colours.inked(help_button, "leader")
        help_button.clicked.connect(self._show_help)
        self.help_button = help_button
        head = QHBoxLayout()
        head.addWidget(caption)
        head.addStretch(1)
        head.addWidget(help_button)
        self.notice = _label(NOTICE, 9, colour="ink")
        self.notice.setWordWrap(True)
        pane_colours.styled(
            self.notice, "color: $ink; background: $highlight; padding: 6px; border-radius: 4px;"
        )
        self.notice_close = QToolButton()
        self.notice_close.setText("Got it")
        self.notice_close.setFont(ty.ui_font(9))
        self.notice_close.clicked.connect(self.dismiss_notice)
        settings = app_settings()
        seen = setting_bool(settings, NOTICE_KEY, False)
        self.notice.setVisible(not seen)
        self.notice_close.setVisible(not seen)
        self.question = _label("", 12, bold=True)
        self.question.setWordWrap(True)
        self.summary = _label("", 10, colour="ink")
        self.summary.setWordWrap(True)
        self.add_other = QToolButton()
        self.add_other.setText("+ Add “Other / none of these” scenario")
        self.add_other.setFont(ty.ui_font(9))
        self.add_other.setToolTip(
            "The weights treat the scenarios as exclusive and exhaustive. Add a catch-all "
            "scenario if the listed ones may all fail (one undoable step)."
        )
        self.add_other.clicked.connect(self.add_catch_all)
        self._wanting = False
        self.warnings = _label("", 9, colour="muted")
        self.warnings.setWordWrap(True)

        self.why = WhyView()
        self.why.select.connect(self._on_why_select)
        self._rows_box = QWidget()
        self._rows_layout = QVBoxLayout(self._rows_box)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(8)
        self.empty = _label(_NO_SCENARIOS, 10, colour="muted")
        self.empty.setWordWrap(True)
        self._rows_layout.addWidget(self.empty)
        self._rows_layout.addWidget(self.why)
        self._rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._rows_box)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        legend = _label(
            "Blue bar: weight after the evidence.  Grey bar and ▼ tick: your prior "
            "(drag the tick or type a value to change it).",
            8.5,
            colour="muted",
        )
        legend.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(head)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.notice_close, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(notice_row)
        layout.addWidget(self.question)
        layout.addWidget(self.summary)
        layout.addWidget(self.add_other, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(scroll, 1)
        layout.addWidget(legend)
        layout.addWidget(self.warnings)

        self.live.updated.connect(self._show)
        self.live.explained.connect(self._on_explained)
        controller.selection_changed.connect(self._on_selection)
        self._show(self.live.analysis)

    def _show_help(self) -> None:
        show_method_help(self)

    def add_catch_all(self) -> str:
        """Add an "Other / none of these" scenario tagged catch-all (one undo step)."""
        stack = self.controller.undo_stack
        stack.beginMacro("Add “Other / none of these” scenario")
        sid = self.controller.add_statement(CATCH_ALL_TEXT, StatementKind.SCENARIO)
        self.controller.set_statement_field(sid, "tags", [CATCH_ALL_TAG])
        stack.endMacro()
        self.live.refresh()
        return sid

    def dismiss_notice(self) -> None:
        """Hide the one-time note on the new method, for good."""
        self.notice.hide()
        self.notice_close.hide()
        settings = app_settings()
        settings.setValue(NOTICE_KEY, True)
        settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._wanting:
            self._wanting = True
            self.live.want_sensitivity(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self._wanting:
            self._wanting = False
            self.live.want_sensitivity(False)

    # --- reading the panel ---------------------------------------------------------------

    def row(self, scenario_id: str) -> ScenarioRow:
        """The row of one scenario (KeyError if there is none)."""
        return self._rows[scenario_id]

    def scenario_ids(self) -> list[str]:
        """The scenarios shown, top to bottom."""
        return list(self._rows)

    def displayed_weight(self, scenario_id: str) -> float:
        """The weight the scenario's bar shows now (0..1)."""
        return self._rows[scenario_id].shown_weight

    # --- updates ----------------------------------------------------------------------

    def _show(self, analysis: MapAnalysis) -> None:
        if analysis.question_text:
            self.question.setText(analysis.question_text)
            pane_colours.styled(self.question, "color: $ink;")
        else:
            self.question.setText("No focal question set")
            pane_colours.styled(self.question, "color: $muted;")
        ids = [s.id for s in analysis.scenarios]
        if ids != list(self._rows):
            self._rebuild(ids)
        leader = analysis.leader
        signposts = self.controller.doc.signposts
        for result in analysis.scenarios:
            is_leader = leader is not None and result.id == leader.id and len(ids) > 1
            row = self._rows[result.id]
            row.show_result(result, is_leader, len(ids))
            if not analysis.ach.judged.get(result.id, 0) and len(ids) > 1:
                row.ach.setText("ACH: not judged (no evidence rated against it); ranked last")
            row.signposts.show_signposts([sp for sp in signposts if sp.scenario == result.id])
        self.summary.setText(self._summary(analysis))
        self.summary.setVisible(bool(ids))
        has_other = any(CATCH_ALL_TAG in (t.lower() for t in st.tags)
                        for st in self.controller.doc.statements
                        if st.kind is StatementKind.SCENARIO)  # fmt: skip
        self.add_other.setVisible(len(ids) >= 2 and not has_other)
        self._show_why(analysis)
        self.empty.setVisible(not ids)
        problems = [w for w in analysis.warnings if "no scenario" not in w]
        self.warnings.setText(
            f"⚠ {len(problems)} problem{'s' if len(problems) != 1 else ''} in the map "
            "(hover for details)"
            if problems
            else ""
        )
        self.warnings.setToolTip(plain_tooltip("\n".join(problems)) if problems else "")
        self.warnings.setVisible(bool(problems))

    @staticmethod
    def _summary(analysis: MapAnalysis) -> str:
        if len(analysis.scenarios) < 2:
            return ""
        return wt.lead_sentence(analysis) + " " + wt.methods_sentence(analysis)

    def explained_scenario(self, analysis: MapAnalysis) -> ScenarioResult | None:
        """The scenario the explanation is about: the selected one, else the leader."""
        chosen = [s for s in analysis.scenarios if s.id in self.controller.selection]
        if chosen:
            return chosen[0]
        return analysis.leader or (analysis.tied[0] if analysis.tied else None)

    def _show_why(self, analysis: MapAnalysis) -> None:
        texts = {sid: st.text for sid, st in self.controller.index.statements.items()}
        labels = wt.Labels(self.controller.doc)
        self.why.setVisible(bool(analysis.scenarios))
        self.why.show_scenario(self.explained_scenario(analysis), texts)
        explained = self.live.explanation if self.live.sensitivity_current else None
        flip = conf = ""
        if explained is not None and explained.flips is not None:
            titles = [s.title for s in explained.scenarios]
            flip = wt.flip_summary(explained.flips, labels, titles)
            conf = wt.confidence_sentence(explained)
        elif len(analysis.scenarios) >= 2:
            flip = "Working out what would flip the lead…"
        self.why.show_context(since_saved(self.live.baseline, analysis), flip, conf)

    def _on_explained(self, _analysis: MapAnalysis) -> None:
        self._show_why(self.live.analysis)

    def _on_why_select(self, ids: list[str]) -> None:
        self.controller.set_selection(ids)

    def _rebuild(self, ids: list[str]) -> None:
        for row in self._rows.values():
            self._rows_layout.removeWidget(row)
            row.deleteLater()
        self._rows = {}
        for at, sid in enumerate(ids):
            row = ScenarioRow(sid)
            row.clicked.connect(self._on_row_clicked)
            row.prior_edited.connect(self._on_prior_edited)
            row.signposts.add_requested.connect(self.add_signpost)
            row.signposts.status_chosen.connect(self._on_signpost_status)
            row.signposts.text_edited.connect(self._on_signpost_text)
            row.signposts.delete_requested.connect(self._on_signpost_delete)
            row.set_selected(sid in self.controller.selection)
            self._rows_layout.insertWidget(at, row)
            self._rows[sid] = row

    def _on_selection(self, ids: list[str]) -> None:
        for sid, row in self._rows.items():
            row.set_selected(sid in ids)
        if any(sid in self._rows for sid in ids):
            self._show_why(self.live.analysis)

    def _on_row_clicked(self, scenario_id: str) -> None:
        self.controller.set_selection([scenario_id])

    def _on_prior_edited(self, scenario_id: str, share: float) -> None:
        try:
            changed = set_prior(self.controller, scenario_id, share)
        except (EditError, KeyError, ValueError) as exc:
            self.status_message.emit(f"Prior not changed: {exc}")
            return
        if changed:
            self.live.refresh()

    # --- signposts ---------------------------------------------------------------------

    def add_signpost(self, scenario_id: str, text: str = NEW_TEXT) -> str | None:
        """Add a signpost under a scenario (one undoable command); its id."""
        found = self._signpost_edit(new_signpost, scenario_id, text)
        if isinstance(found, str):
            line = self._rows[scenario_id].signposts.lines.get(found)
            if line is not None:
                line.text.setFocus()
                line.text.selectAll()
            return found
        return None

    def _on_signpost_status(self, signpost_id: str, status: str) -> None:
        self._signpost_edit(set_signpost, signpost_id, SignpostStatus(status))

    def _on_signpost_text(self, signpost_id: str, text: str) -> None:
        self._signpost_edit(reword_signpost, signpost_id, text)

    def _on_signpost_delete(self, signpost_id: str) -> None:
        self._signpost_edit(delete_signpost, signpost_id)

    def _signpost_edit(self, action: Any, *args: Any) -> object:
        try:
            result = action(self.controller, *args)
        except (EditError, KeyError, ValueError) as exc:
            self.status_message.emit(f"Signpost not changed: {exc}")
            return None
        if result:
            self.live.refresh()
        return result
