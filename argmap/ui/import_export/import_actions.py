"""File ▸ Import ▸ Add articles… and drag-and-drop of maps and articles onto the window.

Articles are read by argmap.io.article_import on a worker thread (the window stays
responsive; a progress dialog can cancel between files). When all are read, the good
ones are added as sources in one undoable step, and a summary says what was detected
(title, author, date) and lists every removed block with its text, marking those removed
from between body paragraphs for review. A bad file gets its own clear error; the others
are still imported. Cancelling adds nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from argmap.model.display_text import isolate
from argmap.model.ids import PREFIXES, new_id
from argmap.model.source import Source, text_sha256
from argmap.ui.window.window_actions import make_action

if TYPE_CHECKING:
    from argmap.io.article_import import ImportedArticle
    from argmap.ui.window.main_window import MainWindow

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdown", ".html", ".htm", ".xhtml")
MAP_SUFFIXES = (".argmap.json", ".json", ".argdown", ".ad")
ARTICLE_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.xhtml);;"
    "Text (*.txt);;Markdown (*.md *.markdown);;Web pages (*.html *.htm);;All files (*)"
)


SHOWN_ERRORS = 5  # refused files named in the summary's message; the details name all


@dataclass
class ImportReport:
    """What one import did: sources added, articles already present, files refused."""

    added: list[tuple[Source, ImportedArticle]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # file, existing id
    errors: list[str] = field(default_factory=list)
    cancelled: bool = False

    def headline(self) -> str:
        if self.cancelled:
            return "Import cancelled; nothing was added"
        parts = []
        if self.added:
            n = len(self.added)
            parts.append(f"Added {n} article{'s' * (n != 1)}")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already in the map")
        if self.errors:
            n = len(self.errors)
            parts.append(f"{n} file{'s' * (n != 1)} could not be imported")
        return "; ".join(parts) or "Nothing imported"

    def details(self) -> str:
        """A readable account, article by article."""
        lines: list[str] = []
        for source, article in self.added:
            lines.append(f"{Path(article.name).name} → {source.id}")
            meta = [("Title", article.title or "(none found)"), ("Author", article.author),
                    ("Publisher", article.publisher), ("Published", article.published),
                    ("URL", article.url)]  # fmt: skip
            lines += [f"    {label}: {isolate(value)}" for label, value in meta if value]
            n = len(article.paragraphs)
            lines.append(f"    Text: {n} paragraph{'s' * (n != 1)}, {len(article.text):,} chars")
            for dropped in article.dropped:
                lines.append(f"    Removed: {dropped.describe()}")
                lines += [f"        | {line}" for line in dropped.lines]
            lines += [f"    Warning: {w}" for w in article.warnings]
        lines += [f"{Path(f).name}: already in the map as {sid}" for f, sid in self.duplicates]
        lines += [f"Error: {e}" for e in self.errors]
        return "\n".join(lines)


class _JobSignals(QObject):
    """What a running import tells the window (emitted from the worker thread)."""

    progress = Signal(int, int, str)  # files done, files in all, the file being read
    done = Signal(object, bool)  # [(path, ImportedArticle | error text)], cancelled


class ImportJob(QRunnable):
    """Reads article files off the GUI thread; stops between files when cancelled."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.paths = paths
        self.signals = _JobSignals()
        self.cancel_requested = threading.Event()

    def run(self) -> None:
        from argmap.io.article_import import (  # noqa: PLC0415 (lxml etc.: only when used)
            ArticleImportError,
            import_article,
        )

        results: list[tuple[Path, ImportedArticle | str]] = []
        for done, path in enumerate(self.paths):
            if self.cancel_requested.is_set():
                break
            self.signals.progress.emit(done, len(self.paths), path.name)
            try:
                results.append((path, import_article(path)))
            except ArticleImportError as exc:
                results.append((path, str(exc)))
            except Exception as exc:
                results.append((path, f"{path}: could not be imported ({exc!r})"))
        self.signals.done.emit(results, self.cancel_requested.is_set())


def _copy(mime: QMimeData) -> QMimeData:
    """The dropped URLs, kept after the drag's own data is gone."""
    kept = QMimeData()
    kept.setUrls(mime.urls())
    return kept


def _same(source: Source, article: ImportedArticle) -> bool:
    if source.sha256 == text_sha256(article.text):
        return True
    if article.url and source.url == article.url:
        return True
    title = article.title
    return bool(title) and (source.title or "").casefold() == (title or "").casefold()


class ImportActions(QObject):
    """Adds articles to the window's map; opens maps and articles dropped on the window."""

    finished = Signal(object)  # the ImportReport, once the sources are added (or not)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.view.viewport().installEventFilter(self)  # the canvas takes drops first
        self.summary_box: QMessageBox | None = None
        self.last_report: ImportReport | None = None
        self.job: ImportJob | None = None
        self.progress: QProgressDialog | None = None
        make_action(window, "import_articles", "Add &articles…", self.add_articles_dialog,
                    ["Ctrl+Shift+I"],
                    tip="Add news articles (.txt, .md, .html) to the map as sources")  # fmt: skip

    def add_articles_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Add articles", "", ARTICLE_FILTER)
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> ImportJob | None:
        """Read the articles in the background; :attr:`finished` reports the result."""
        if self.job is not None:
            self.window.show_message("An import is already running")
            return None
        job = ImportJob(list(paths))
        job.signals.progress.connect(self._progress)
        job.signals.done.connect(self._done)
        progress = QProgressDialog("Reading articles…", "Cancel", 0, len(paths), self.window)
        progress.setWindowTitle("Adding articles")
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(400)  # a quick import shows no dialog
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        self.job, self.progress = job, progress
        QThreadPool.globalInstance().start(job)
        return job

    def cancel(self) -> None:
        """Stop the running import after the file being read; nothing is added."""
        if self.job is not None:
            self.job.cancel_requested.set()
            if self.progress is not None:
                self.progress.setLabelText("Cancelling…")

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.progress is not None:
            self.progress.setValue(done)
            self.progress.setLabelText(f"Reading {name} ({done + 1} of {total})…")

    def _done(self, results: list[tuple[Path, ImportedArticle | str]], cancelled: bool) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        report = ImportReport(cancelled=cancelled)
        if not cancelled:
            self._add(results, report)
        self.last_report = report
        self.window.show_message(report.headline())
        if not cancelled:
            self._show_summary(report)
        self.finished.emit(report)

    def _add(self, results: list[tuple[Path, ImportedArticle | str]], report: ImportReport) -> None:
        """Add the articles read as sources, in one undoable step."""
        controller = self.window.controller
        taken = {s.id for s in controller.doc.sources}
        known = list(controller.doc.sources)
        for path, article in results:
            if isinstance(article, str):
                report.errors.append(article)
                continue
            match = next((s for s in known if _same(s, article)), None)
            if match is not None:
                report.duplicates.append((str(path), match.id))
                continue
            source = article.to_source(new_id(PREFIXES["source"], taken))
            taken.add(source.id)
            known.append(source)
            report.added.append((source, article))
        if report.added:
            controller.add_sources([s for s, _a in report.added])
            self.window.sources.show_source(report.added[0][0].id)
            self.window.layout_.bring_forward("Sources")

    def _show_summary(self, report: ImportReport) -> None:
        box = QMessageBox(self.window)
        bad = bool(report.errors)
        box.setIcon(QMessageBox.Icon.Warning if bad else QMessageBox.Icon.Information)
        box.setWindowTitle("Articles imported" if report.added else "Import failed")
        text = report.headline() + "."
        if report.errors:
            # A few in the message, every one in the details: each refused file a line
            # of the message made it taller than the screen (60 files, ~4,000 px).
            shown = report.errors[:SHOWN_ERRORS]
            more = len(report.errors) - len(shown)
            text += "\n\n" + "\n".join(shown)
            if more:
                text += f"\n… and {more} more (Show Details…)"
        if report.added:
            text += "\n\nEdit ▸ Undo removes the added articles again."
        box.setText(text)
        details = report.details()
        if details:
            box.setDetailedText(details)
        self.summary_box = box
        box.open()

    # --- drag and drop ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """File drags over the canvas: maps and articles are ours, quotes the canvas's."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            if self.accepts(event.mimeData()):
                if kind == QEvent.Type.Drop:
                    kept = _copy(event.mimeData())
                    # After the drag ends; dropped if this object is deleted meanwhile.
                    QTimer.singleShot(0, self, partial(self.drop, kept))
                event.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _local_files(mime: QMimeData) -> list[Path]:
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def accepts(self, mime: QMimeData) -> bool:
        """Whether a drag carries files this window can open or import."""
        names = [p.name.lower() for p in self._local_files(mime)]
        return any(n.endswith(MAP_SUFFIXES + ARTICLE_SUFFIXES) for n in names)

    def drop(self, mime: QMimeData) -> bool:
        """Open a dropped map (the first one), or import dropped articles."""
        files = self._local_files(mime)
        maps = [p for p in files if p.name.lower().endswith(MAP_SUFFIXES)]
        articles = [p for p in files if p.name.lower().endswith(ARTICLE_SUFFIXES)]
        if maps:
            return self.open_map_file(maps[0])
        if articles:
            self.import_files(articles)
            return True
        return False

    def open_map_file(self, path: Path) -> bool:
        """Open an argmap map, or an AIF / OVA / Argdown file, replacing the current map."""
        if not self.window.maybe_save():
            return False
        return self.open_any(path)

    def open_any(self, path: Path) -> bool:
        """Open ``path`` as the format its name and content say (no save prompt)."""
        from argmap.interop import InteropError, guess_format  # noqa: PLC0415

        w = self.window
        try:
            fmt = guess_format(path)
        except InteropError:
            fmt = None
        if fmt is not None and fmt.name in {"aif", "ova", "argdown"}:
            return w.interop.open_aif(path)
        return w.open_path(path)
