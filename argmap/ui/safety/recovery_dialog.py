"""On launch, offer the maps a crash left unsaved: restore, discard, or decide later.

Each recoverable map is one row (title, original file, when it was last autosaved) with
its own Restore and Discard buttons; "Later" closes the dialog and keeps every snapshot
for the next launch. Snapshots still owned by a running argmap window are not offered.
A restored map opens as an unsaved document pointing at its original file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from argmap.io.recovery import Recovered, RecoveryError, RecoveryStore, Snapshot
from argmap.ui import pane_colours
from argmap.ui.editing.controller import DocumentController
from argmap.ui.safety.autosave import remove_stale_locks, snapshot_in_use


def recoverable(store: RecoveryStore) -> list[Snapshot]:
    """Snapshots left by crashed or killed sessions (not by windows still open), newest first."""
    return [s for s in store.snapshots() if not snapshot_in_use(store, s.key)]


def when(saved_at: datetime, now: datetime | None = None) -> str:
    """A local time a person reads at a glance: "today 14:05", "yesterday 09:30", a date."""
    local = saved_at.astimezone()
    today = (now or datetime.now().astimezone()).date()
    days = (today - local.date()).days
    clock = local.strftime("%H:%M")
    if days == 0:
        return f"today {clock}"
    if days == 1:
        return f"yesterday {clock}"
    return f"{local:%Y-%m-%d} {clock}"


def restore_into(controller: DocumentController, recovered: Recovered) -> None:
    """Show a recovered map as unsaved edits of its original file (never writes anything).

    Create the document's Autosaver *after* this, with ``key=recovered.snapshot.key``,
    so the snapshot stays until the map is saved.
    """
    controller.set_document(recovered.doc, recovered.snapshot.original_path)
    controller.undo_stack.resetClean()  # not clean: the file on disk lacks these edits


def recovered_notice(recovered: Recovered) -> str:
    """The message-bar text shown on a restored map."""
    snapshot = recovered.snapshot
    where = snapshot.original_path.name if snapshot.original_path else "a map never saved"
    return (
        f"Recovered unsaved changes to {where}, autosaved {when(snapshot.saved_at)}. "
        "Save to keep them."
    )


def _plain(text: str, *, bold: bool = False, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    style = "font-weight: 600; font-size: 11pt;" if bold else ""
    pane_colours.styled(label, style + ("color: $muted;" if muted else ""))
    return label


class _Row(QFrame):
    """One recoverable map. It knows nothing of the dialog: its buttons raise its own
    signals, which the dialog connects to bound methods. (A closure over the dialog kept
    the dialog alive only through the row's buttons, so deleting a row freed the dialog,
    and with it the row, in the middle of the row's own destruction: a crash.)"""

    restore_requested = Signal(str)  # the snapshot's key
    discard_requested = Signal(str)

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.setFrameShape(QFrame.Shape.StyledPanel)
        text = QVBoxLayout()
        text.addWidget(_plain(snapshot.display_name, bold=True))
        where = str(snapshot.original_path) if snapshot.original_path else "never saved"
        text.addWidget(_plain(f"File: {where}", muted=True))
        text.addWidget(_plain(f"Autosaved {when(snapshot.saved_at)}", muted=True))
        self.restore_button = QPushButton("Restore")
        self.discard_button = QPushButton("Discard")
        self.discard_button.setToolTip("Throw these unsaved changes away")
        self.restore_button.clicked.connect(self._on_restore)
        self.discard_button.clicked.connect(self._on_discard)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)

    def _on_restore(self) -> None:
        self.restore_requested.emit(self.snapshot.key)

    def _on_discard(self) -> None:
        self.discard_requested.emit(self.snapshot.key)


class RecoveryDialog(QDialog):
    """Lists recoverable maps; ``restored`` collects what the user chose to restore."""

    def __init__(
        self,
        store: RecoveryStore,
        snapshots: list[Snapshot] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved maps")
        self.store = store
        self.restored: list[Recovered] = []
        self.errors: list[str] = []
        found = recoverable(store) if snapshots is None else snapshots
        intro = _plain(
            "argmap closed without saving these maps. Restore them to carry on where you "
            "left off, or discard the changes."
        )
        self.status = _plain("", muted=True)
        self.status.hide()
        self.rows: list[_Row] = [_Row(s) for s in found]
        rows_box = QWidget()
        rows_layout = QVBoxLayout(rows_box)
        for row in self.rows:
            row.restore_requested.connect(self._restore_key)
            row.discard_requested.connect(self._discard_key)
            rows_layout.addWidget(row)
        rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(rows_box)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.later_button = QPushButton("Later")
        self.later_button.setToolTip("Keep them and ask again next time")
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(640, min(520, 160 + 96 * max(1, len(self.rows))))

    def restore(self, row: _Row) -> None:
        """Restore one map (its snapshot stays until the map is saved)."""
        try:
            self.restored.append(self.store.restore(row.snapshot.key))
        except RecoveryError as exc:
            self._say(f"Could not restore: {exc}")
            return
        self._done_with(row)

    def discard(self, row: _Row) -> None:
        """Throw one map's unsaved changes away (kept a while in the discarded folder)."""
        try:
            self.store.discard(row.snapshot.key)
        except RecoveryError as exc:
            self._say(str(exc))
            return
        self._done_with(row)

    def _restore_key(self, key: str) -> None:
        self._for_key(key, self.restore)

    def _discard_key(self, key: str) -> None:
        self._for_key(key, self.discard)

    def _for_key(self, key: str, action: Callable[[_Row], None]) -> None:
        row = next((r for r in self.rows if r.snapshot.key == key), None)
        if row is not None:
            action(row)

    def _say(self, message: str) -> None:
        self.errors.append(message)
        self.status.setText(message)
        self.status.show()

    def _done_with(self, row: _Row) -> None:
        # Hidden, not deleted: the row is the dialog's child and goes with it.
        self.rows.remove(row)
        row.hide()
        if not self.rows:
            self.accept()


def offer_recovery(store: RecoveryStore, parent: QWidget | None = None) -> list[Recovered]:
    """At launch: if crashed sessions left maps, ask about them; the maps to reopen."""
    remove_stale_locks(store)
    found = recoverable(store)
    if not found:
        return []
    dialog = RecoveryDialog(store, found, parent)
    dialog.exec()
    restored = dialog.restored
    dialog.deleteLater()  # with a parent it would otherwise live as long as the parent
    return restored
