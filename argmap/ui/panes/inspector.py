"""The inspector: every field of the selected statement or inference, edited undoably."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.credibility_shown import is_derived, shown_credibility
from argmap.analysis.estimative import label_for as estimative_label
from argmap.analysis.report import MapAnalysis
from argmap.export.themes import mix
from argmap.export.themes import theme as theme_named
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind
from argmap.model.display_text import isolate
from argmap.model.edit_steps import EditError
from argmap.model.layer_view import seen_active
from argmap.ui import pane_colours
from argmap.ui.accessible_names import named
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import typography as ty
from argmap.ui.panes.inspector_fields import (
    ClickableRow,
    CommitTextEdit,
    IdRow,
    ProbabilityField,
    strength_label,
)
from argmap.ui.panes.source_list import source_title

_ROLE_WORDS = {
    # (statement is premise?, kind) -> caption
    (True, InferenceKind.SUPPORT): "Supports",
    (True, InferenceKind.ATTACK): "Attacks",
    (True, InferenceKind.UNDERCUT): "Undercuts the inference into",
    (False, InferenceKind.SUPPORT): "Supported by",
    (False, InferenceKind.ATTACK): "Attacked by",
}
_QUOTE_PREVIEW = 280
_LINK = "color: $link; text-align: left; padding: 0;"
_EMPTY = "Select a statement on the map to see and edit it here."
# Kinds judged by a prior weight among the answers, not by a credibility: a question is
# answered by its scenarios, each scenario weighed from its prior and the evidence.
_WEIGHED_KINDS = frozenset({StatementKind.QUESTION, StatementKind.SCENARIO})


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without blanks or repeats, in typed order."""
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def _plain_label(text: str = "", size: float = 10.0, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setFont(ty.ui_font(size, bold))
    return label


def _section(title: str) -> QLabel:
    label = _plain_label(title.upper(), 8.5, bold=True)
    pane_colours.styled(label, "color: $muted; padding-top: 10px;")
    return label


class Inspector(QScrollArea):
    """Shows one selected statement or inference; every edit is a controller command."""

    statements_requested = Signal(list)  # select these statements on the canvas
    quote_requested = Signal(str)  # open the reader at this quote
    status_message = Signal(str)  # an edit was refused, and why

    def __init__(
        self, controller: DocumentController | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._controller: DocumentController | None = None
        self._doc = ArgMap()
        self._selection: list[str] = []
        self._established: dict[str, float] = {}  # what the analysis weighs each statement by
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setFont(ty.ui_font(9.5))
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(16, 12, 16, 16)
        self._layout.setSpacing(6)
        self.setWidget(body)
        self._make_fields()
        self._lay_out_fields()
        self.text_edit.committed.connect(lambda text: self._edit(text=text))
        self.notes_edit.committed.connect(lambda text: self._edit(notes=text))
        self.kind_combo.activated.connect(self._on_kind)
        self.credibility.committed.connect(lambda v: self._edit(credibility=v))
        self.strength.committed.connect(lambda v: self._edit(strength=v))
        self.prior.valueChanged.connect(self._on_prior)
        self.tags_edit.editingFinished.connect(self._on_tags)
        self._show()
        if controller is not None:
            self.bind(controller)

    def _make_fields(self) -> None:
        self.heading = _plain_label("", 9, bold=True)
        self.heading.setWordWrap(False)
        self.heading.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._heading_look = "premise"
        pane_colours.switches.switched.connect(self._style_heading)
        self.empty = _plain_label(_EMPTY)
        pane_colours.styled(self.empty, "color: $muted;")
        self.text_edit = CommitTextEdit("What the statement says")
        self.text_edit.setFixedHeight(96)
        self.kind_combo = QComboBox()
        self.credibility = ProbabilityField("not judged", estimative_label, 50)
        self.credibility_used = _plain_label("")  # the value the analysis uses, if derived
        self.credibility_used.setObjectName("credibility-used")
        pane_colours.styled(self.credibility_used, "color: $muted;")
        self.prior = QDoubleSpinBox()
        self.prior.setRange(-1.0, 1_000_000.0)
        self.prior.setDecimals(2)
        self.prior.setSingleStep(0.05)
        self.prior.setSpecialValueText("not set")
        self.prior.setKeyboardTracking(False)
        self.strength = ProbabilityField("default (70 %)", strength_label, 70)
        for field, what in ((self.credibility, "Credibility"), (self.strength, "Strength")):
            named(field.slider, what)
            named(field.spin, f"{what}, percent")
            named(field.clear, f"Clear {what.lower()}")
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText("comma, separated, tags")
        self.notes_edit = CommitTextEdit("Your notes")
        self.notes_edit.setFixedHeight(80)
        self.no_judgement = _muted(
            "A question is not judged true or false: its scenarios carry the prior weights."
        )
        self.id_row = IdRow()

    def _lay_out_fields(self) -> None:
        form = QWidget()
        self._form = QFormLayout(form)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._form.setVerticalSpacing(4)
        self._form.addRow("Text", self.text_edit)
        self._form.addRow("Kind", self.kind_combo)
        self._form.addRow("Credibility", self.credibility)
        self._form.addRow(self.credibility_used)
        self._form.addRow("Prior weight", self.prior)
        self._form.addRow("Judgement", self.no_judgement)
        self._form.addRow("Strength", self.strength)
        self._form.addRow("Tags", self.tags_edit)
        self._form.addRow("Notes", self.notes_edit)
        self._form.addRow("Id", self.id_row)
        self.form = form
        self.quotes_box = QVBoxLayout()
        self.links_box = QVBoxLayout()
        self._quotes_title = _section("Quotes")
        self._links_title = _section("Inferences")
        for widget in (self.heading, self.empty, form, self._quotes_title):
            self._layout.addWidget(widget)
        self._layout.addLayout(self.quotes_box)
        self._layout.addWidget(self._links_title)
        self._layout.addLayout(self.links_box)
        self._layout.addStretch(1)

    # -- inputs ----------------------------------------------------------------------------

    def bind(self, controller: DocumentController) -> None:
        """Follow ``controller``'s document and selection; edit through its commands."""
        self._controller = controller
        controller.edited.connect(self._follow_document)  # disconnected when deleted
        controller.document_reset.connect(self._reset)
        controller.selection_changed.connect(self.set_selection)
        self.statements_requested.connect(controller.set_selection)
        self.quote_requested.connect(controller.request_quote)
        self._reset()

    def show_analysis(self, analysis: MapAnalysis) -> None:
        """Follow the live analysis: the credibility each statement is weighed by."""
        self._established = analysis.established
        s = self.selected_object()
        if isinstance(s, Statement):
            self._show_credibility_used(s)

    def _show_credibility_used(self, s: Statement) -> None:
        """Under the slider, the value the analysis uses when it is not the judgement."""
        used = self._established.get(s.id)
        derived = is_derived(s.credibility, used)
        self.credibility_used.setText(shown_credibility(s.credibility, used) if derived else "")
        shown = derived and self._form.isRowVisible(self.credibility)
        self._form.setRowVisible(self.credibility_used, shown)

    def _follow_document(self) -> None:
        if self._controller is not None:
            self.set_document(seen_active(self._controller.doc))  # the active analyst's

    def _reset(self) -> None:
        if self._controller is not None:
            self._selection = []
            self.set_document(seen_active(self._controller.doc))  # the active analyst's
            self.set_selection(self._controller.selection)

    def set_document(self, doc: ArgMap) -> None:
        """Follow the document after an edit; the field being typed in keeps its text."""
        self._doc = doc
        self._show()

    def set_selection(self, ids: list[str]) -> None:
        """Inspect these statements / inferences (one is edited, several are counted)."""
        if ids != self._selection:
            self.commit_pending()
            self._selection = list(ids)
            self._show(reset=True)

    def commit_pending(self) -> None:
        """Commit text the user typed but has not yet committed."""
        self.text_edit.commit()
        self.notes_edit.commit()
        if self.tags_edit.isModified():
            self._on_tags()

    def selected_object(self) -> Statement | Inference | None:
        """The one statement or inference inspected, if exactly one exists."""
        if len(self._selection) != 1:
            return None
        (oid,) = self._selection
        for getter in (self._doc.statement, self._doc.inference):
            try:
                return getter(oid)
            except KeyError:
                continue
        return None

    # -- display ---------------------------------------------------------------------------

    def _show(self, reset: bool = False) -> None:
        obj = self.selected_object()
        self.empty.setVisible(obj is None)
        self.form.setVisible(obj is not None)
        for w in (self.heading, self._quotes_title, self._links_title):
            w.setVisible(obj is not None)
        self._clear(self.quotes_box)
        self._clear(self.links_box)
        if obj is None:
            count = len(self._selection)
            self.empty.setText(f"{count} items selected." if count > 1 else _EMPTY)
            return
        if isinstance(obj, Statement):
            self._show_statement(obj, reset)
        else:
            self._show_inference(obj, reset)

    def _set_rows(self, visible: dict[QWidget, bool]) -> None:
        for widget, on in visible.items():
            self._form.setRowVisible(widget, on)

    def _show_statement(self, s: Statement, reset: bool) -> None:
        self._set_heading(str(s.kind).upper(), str(s.kind), s.id)
        self._set_rows(
            {
                self.text_edit: True,
                self.kind_combo: True,
                self.credibility: s.kind not in _WEIGHED_KINDS,
                self.prior: s.kind is StatementKind.SCENARIO,
                self.no_judgement: s.kind is StatementKind.QUESTION,
                self.id_row: True,
                self.strength: False,
                self.tags_edit: True,
            }
        )
        self._fill_kinds([str(k) for k in StatementKind], str(s.kind))
        self._load_text(self.text_edit, s.text, reset)
        self._load_text(self.notes_edit, s.notes, reset)
        self.credibility.set_value(s.credibility)
        self._show_credibility_used(s)
        self.prior.blockSignals(True)
        self.prior.setValue(-1.0 if s.prior is None else s.prior)
        self.prior.blockSignals(False)
        if reset or not (self.tags_edit.hasFocus() and self.tags_edit.isModified()):
            self.tags_edit.setText(", ".join(s.tags))
            self.tags_edit.setModified(False)
        self._quotes_title.setText(f"QUOTES ({len(s.quotes)})")
        for qid in s.quotes:
            self._add(self.quotes_box, self._quote_card(qid, s.id))
        if not s.quotes:
            self._add(
                self.quotes_box,
                _muted(
                    "No quote yet: select text in an article and "
                    "choose “New premise from selection”."
                ),
            )
        said = self._doc.dialogue.said(s.id) if self._doc.dialogue is not None else []
        if said:  # imported from an AIF dialogue: who said it, and how
            self._add(self.quotes_box, _section("Said in the dialogue"))
            for move, locution in said:
                row = _muted(f"{isolate(locution)} ({move.lower()})" if move else locution)
                row.setObjectName("said")
                self._add(self.quotes_box, row)
        rows = self._inference_rows(s.id)
        self._links_title.setText(f"INFERENCES ({len(rows)})")
        for link in rows:
            self._add(self.links_box, link)
        if not rows:
            self._add(self.links_box, _muted("Not connected to any other statement."))

    def _show_inference(self, inf: Inference, reset: bool) -> None:
        line = "attack" if inf.kind is InferenceKind.ATTACK else "support"
        self._set_heading(f"{str(inf.kind).upper()} INFERENCE", line, inf.id)
        self._set_rows(
            {
                self.text_edit: False,
                self.kind_combo: True,
                self.credibility: False,
                self.credibility_used: False,
                self.prior: False,
                self.no_judgement: False,
                self.id_row: True,
                self.strength: True,
                self.tags_edit: False,
            }
        )
        kinds = ["undercut"] if inf.kind is InferenceKind.UNDERCUT else ["support", "attack"]
        self._fill_kinds(kinds, str(inf.kind))
        self.strength.set_value(inf.strength)
        self._load_text(self.notes_edit, inf.notes, reset)
        self._quotes_title.setText("PREMISES")
        for pid in inf.premises:
            self._add(self.quotes_box, self._statement_row("Premise", [pid]))
        self._links_title.setText("CONCLUSION")
        self._add(self.links_box, self._statement_row("Conclusion", self._targets(inf)))

    def _set_heading(self, text: str, look: str, record_id: str) -> None:
        """A chip named ``text``, drawn as the canvas draws ``look`` (a statement kind, or
        "support" / "attack" for an inference); the id in its tooltip."""
        self.heading.setText(text)
        self.heading.setToolTip(html.escape(record_id))
        self.id_row.set_id(record_id)
        self._heading_look = look
        self._style_heading()

    def _style_heading(self, _scheme: str = "") -> None:
        """The chip in the map theme of the scheme shown (a dark card in dark)."""
        t = theme_named(pane_colours.current().name)
        look = self._heading_look
        if look in ("support", "attack"):
            line = t.attack if look == "attack" else t.support
            fill, border = mix(line, t.background, 0.85), line
        else:
            fill, border = t.kind(look).fill, t.kind(look).border
        self.heading.setStyleSheet(
            f"background: {fill}; border: 1px solid {border};"
            f"border-radius: 4px; padding: 3px 8px; color: {t.text};"
        )

    def _load_text(self, edit: CommitTextEdit, text: str, reset: bool) -> None:
        if reset or not (edit.hasFocus() and edit.is_dirty()):
            edit.load(text)

    def _fill_kinds(self, kinds: list[str], current: str) -> None:
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for kind in kinds:
            self.kind_combo.addItem(kind.capitalize(), kind)
        self.kind_combo.setCurrentIndex(max(0, kinds.index(current) if current in kinds else 0))
        self.kind_combo.blockSignals(False)

    def _quote_card(self, quote_id: str, statement_id: str) -> QWidget:
        try:
            quote = self._doc.quote(quote_id)
            source = self._doc.source(quote.source)
        except KeyError:
            return _muted(f"Missing quote {isolate(quote_id)}")
        exact = " ".join(quote.exact.split())
        if len(exact) > _QUOTE_PREVIEW:
            exact = exact[: _QUOTE_PREVIEW - 1].rstrip() + "…"
        card = ClickableRow(source_title(source), f"“{isolate(exact)}”")
        card.text.setStyleSheet("font-style: italic;")
        card.setToolTip("Show this quote in its article")
        jump = QPushButton("Show in article")
        jump.setFlat(True)
        jump.setCursor(Qt.CursorShape.PointingHandCursor)
        pane_colours.styled(jump, _LINK)
        layout = card.layout()
        assert layout is not None
        layout.addWidget(jump)
        jump.clicked.connect(lambda: self.quote_requested.emit(quote_id))
        card.clicked.connect(lambda: self.quote_requested.emit(quote_id))
        if self._controller is not None:
            controller = self._controller
            unlink = QPushButton("Unlink")
            unlink.setObjectName("unlink-quote")
            unlink.setFlat(True)
            unlink.setCursor(Qt.CursorShape.PointingHandCursor)
            pane_colours.styled(unlink, _LINK)
            unlink.setToolTip(
                "This statement no longer cites the quote; the quote stays in its article "
                "(Ctrl+Z brings the link back)"
            )
            unlink.clicked.connect(
                lambda: controller.link_quote(statement_id, quote_id, linked=False)
            )
            layout.addWidget(unlink)
        return card

    def _inference_rows(self, sid: str) -> list[QWidget]:
        rows: list[QWidget] = []
        for inf in self._doc.inferences:
            if sid in inf.premises:
                caption = _ROLE_WORDS[(True, inf.kind)]
                partners = [p for p in inf.premises if p != sid]
                if partners:
                    caption += f" (linked with {len(partners)} more)"
                rows.append(self._statement_row(caption, self._targets(inf)))
            elif inf.conclusion == sid:
                rows.append(self._statement_row(_ROLE_WORDS[(False, inf.kind)], inf.premises))
        return rows

    def _targets(self, inf: Inference) -> list[str]:
        if inf.kind is not InferenceKind.UNDERCUT:
            return [inf.conclusion]
        try:
            return self._targets(self._doc.inference(inf.conclusion))
        except KeyError:
            return []

    def _statement_row(self, caption: str, ids: list[str]) -> QWidget:
        texts = []
        for sid in ids:
            try:
                texts.append(self._doc.statement(sid).text or "(empty statement)")
            except KeyError:
                texts.append(f"(missing {isolate(sid)})")
        row = ClickableRow(caption, "\n".join(texts))
        row.setToolTip("Select on the map")
        row.clicked.connect(lambda: self.statements_requested.emit(list(ids)))
        return row

    @staticmethod
    def _add(box: QVBoxLayout, widget: QWidget) -> None:
        box.addWidget(widget)
        widget.show()  # now, not on the next event-loop turn

    @staticmethod
    def _clear(box: QVBoxLayout) -> None:
        while box.count():
            item = box.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    # -- edits -----------------------------------------------------------------------------

    def _edit(self, **changes: Any) -> None:
        obj, controller = self.selected_object(), self._controller
        if obj is None or controller is None:
            return
        try:
            for name, value in changes.items():
                if getattr(obj, name) == value:
                    continue
                if isinstance(obj, Inference):
                    controller.set_inference_field(obj.id, name, value)
                else:
                    controller.set_statement_field(obj.id, name, value)
        except (EditError, KeyError, ValueError) as exc:
            self.status_message.emit(f"Could not change {', '.join(changes)}: {exc}")
            self._show(reset=True)

    def _on_kind(self, index: int) -> None:
        kind = self.kind_combo.itemData(index)
        obj = self.selected_object()
        if isinstance(obj, Inference):
            self._edit(kind=InferenceKind(kind))
        elif obj is not None:
            self._edit(kind=StatementKind(kind))

    def _on_prior(self, value: float) -> None:
        self._edit(prior=None if value < 0 else value)

    def _on_tags(self) -> None:
        self.tags_edit.setModified(False)
        self._edit(tags=parse_tags(self.tags_edit.text()))


def _muted(text: str) -> QLabel:
    label = _plain_label(text, 9.5)
    pane_colours.styled(label, "color: $muted;")
    return label
