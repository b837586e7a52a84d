"""Keeps one window's map safe: autosave, the lock, read-only and outside-change banners."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from argmap.io.recovery import Recovered, RecoveryStore
from argmap.ui.editing.controller import DocumentController
from argmap.ui.safety.autosave import Autosaver
from argmap.ui.safety.banner import MessageBanner
from argmap.ui.safety.file_guard import FileGuard, held_elsewhere, read_only_reason
from argmap.ui.safety.recovery_dialog import recovered_notice, restore_into


class DocumentSafety(QObject):
    """Wires autosave, the file guard and the banner of one window to its controller."""

    def __init__(
        self,
        window: QWidget,
        controller: DocumentController,
        banner: MessageBanner,
        store: RecoveryStore | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.controller, self.banner = window, controller, banner
        self.store = store if store is not None else RecoveryStore()
        self.guard = FileGuard(self)
        self.guard.follow(controller)
        self.autosaver = self._new_autosaver()
        self.guard.state_changed.connect(self.show_read_only)
        self.guard.changed_on_disk.connect(self._on_changed_on_disk)
        self.guard.removed_on_disk.connect(self._on_removed_on_disk)
        banner.action_triggered.connect(self._on_banner_action)
        controller.document_reset.connect(self.show_read_only)
        self.show_read_only()

    def _new_autosaver(self, key: str | None = None) -> Autosaver:
        saver = Autosaver(self.controller, self.store, key=key, parent=self)
        saver.failed.connect(self._on_autosave_failed)
        return saver

    def _on_autosave_failed(self, message: str) -> None:
        self.banner.show_message(message, "error", key="autosave")  # "Autosave failed: …"

    def restore(self, recovered: Recovered) -> None:
        """Open a recovered snapshot as unsaved edits, keeping its snapshot (see autosave)."""
        self.autosaver.abandon()
        restore_into(self.controller, recovered)
        self.autosaver = self._new_autosaver(recovered.snapshot.key)
        self.banner.show_message(recovered_notice(recovered), "info", key="recovered")

    def show_read_only(self) -> None:
        """Show or clear the read-only banner for the current file."""
        text = self.guard.banner_text()
        if text:
            self.banner.show_message(text, "warning", [("save-as", "Save As…")], key="read-only")
        else:
            self.banner.clear("read-only")

    def may_save_to(self, path: Path) -> bool:
        """Whether saving over ``path`` is safe. Another argmap's open map or a file that
        cannot be written is refused with a message; a file another program changed since
        it was opened here asks first."""
        own = self.controller.path is not None and Path(path) == self.controller.path
        refusal = self._refusal(Path(path), own=own)
        if refusal:
            QMessageBox.warning(self.window, "Cannot save there", refusal)
            return False
        if not own or not self.guard.disk_differs():
            return True
        answer = QMessageBox.question(
            self.window,
            "File changed on disk",
            f"{Path(path).name} was changed by another program since you opened it.\n"
            "Save anyway and replace those changes?",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _refusal(self, path: Path, *, own: bool) -> str:
        """Why this window must not save to ``path`` ("" when it may)."""
        if own:
            reason = self.guard.read_only_reason
            owner = self.guard.lock_owner if self.guard.locked_elsewhere else ""
        else:
            owner = held_elsewhere(path)
            reason = read_only_reason(path)
        if owner:
            return (
                f"{path.name} is open in another argmap window ({owner}). Saving here would "
                "overwrite the work there: choose another name, or close it there first."
            )
        if reason:
            return f"{path.name} cannot be saved there: {reason}. Choose another place."
        return ""

    def close(self) -> None:
        """A clean close: remove the recovery copy and the lock."""
        self.autosaver.close()
        self.guard.release()

    def _on_changed_on_disk(self, path: str) -> None:
        self.banner.show_message(
            f"{Path(path).name} was changed by another program.",
            "warning",
            [("reload", "Reload"), ("keep", "Keep mine")],
            key="changed",
        )

    def _on_removed_on_disk(self, path: str) -> None:
        self.banner.show_message(
            f"{Path(path).name} was deleted or moved by another program. Save to write it again.",
            "warning",
            key="changed",
        )

    def _on_banner_action(self, key: str) -> None:
        path = self.controller.path
        if key == "reload" and path is not None:
            if self.controller.is_dirty:
                answer = QMessageBox.question(
                    self.window, "Reload", "Discard your unsaved changes and reload from disk?"
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
            self.controller.open(path)
            self.banner.clear("changed")
        elif key == "keep":
            self.guard.acknowledge()
            self.controller.undo_stack.resetClean()  # mine now differs from the disk: dirty
            self.banner.clear("changed")
        elif key == "save-as":
            save_as = getattr(self.window, "save_as", None)
            if callable(save_as):
                save_as()
