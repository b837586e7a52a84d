"""File ▸ Import ▸ Add articles… and drag-and-drop of maps and articles onto the window.

Each article is cleaned by argmap.io.article_import; the good ones are added as sources in
one undoable step, and a summary says what was detected (title, author, date) and what
debris was dropped. A bad file gets its own clear error; the others are still imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from argmap.model.ids import PREFIXES, new_id
from argmap.model.source import Source, text_sha256
from argmap.ui.window_actions import make_action

if TYPE_CHECKING:
    from argmap.io.article_import import ImportedArticle
    from argmap.ui.main_window import MainWindow

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdown", ".html", ".htm", ".xhtml")
MAP_SUFFIXES = (".argmap.json", ".json")
ARTICLE_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.xhtml);;"
    "Text (*.txt);;Markdown (*.md *.markdown);;Web pages (*.html *.htm);;All files (*)"
)


@dataclass
class ImportReport:
    """What one import did: sources added, articles already present, files refused."""

    added: list[tuple[Source, ImportedArticle]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # file, existing id
    errors: list[str] = field(default_factory=list)

    def headline(self) -> str:
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
            lines += [f"    {label}: {value}" for label, value in meta if value]
            n = len(article.paragraphs)
            lines.append(f"    Text: {n} paragraph{'s' * (n != 1)}, {len(article.text):,} chars")
            lines += [f"    Dropped: {d.describe()}" for d in article.dropped]
            lines += [f"    Warning: {w}" for w in article.warnings]
        lines += [f"{Path(f).name}: already in the map as {sid}" for f, sid in self.duplicates]
        lines += [f"Error: {e}" for e in self.errors]
        return "\n".join(lines)


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

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.view.viewport().installEventFilter(self)  # the canvas takes drops first
        self.summary_box: QMessageBox | None = None
        self.last_report: ImportReport | None = None
        make_action(window, "import_articles", "Add &articles…", self.add_articles_dialog,
                    ["Ctrl+Shift+I"],
                    tip="Add news articles (.txt, .md, .html) to the map as sources")  # fmt: skip

    def add_articles_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Add articles", "", ARTICLE_FILTER)
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> ImportReport:
        """Import articles as sources (one undo step) and show a summary of what happened."""
        controller = self.window.controller
        report = ImportReport()
        taken = {s.id for s in controller.doc.sources}
        known = list(controller.doc.sources)
        from argmap.io.article_import import (  # noqa: PLC0415 (bs4 etc.: only when used)
            ArticleImportError,
            import_article,
        )

        for path in paths:
            try:
                article = import_article(path)
            except ArticleImportError as exc:
                report.errors.append(str(exc))
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
        self.last_report = report
        self.window.show_message(report.headline())
        self._show_summary(report)
        return report

    def _show_summary(self, report: ImportReport) -> None:
        box = QMessageBox(self.window)
        bad = bool(report.errors)
        box.setIcon(QMessageBox.Icon.Warning if bad else QMessageBox.Icon.Information)
        box.setWindowTitle("Articles imported" if report.added else "Import failed")
        text = report.headline() + "."
        if report.errors:
            text += "\n\n" + "\n".join(report.errors)
        if report.added:
            text += "\n\nEdit ▸ Undo removes the added articles again."
        box.setText(text)
        details = report.details()
        if details:
            box.setDetailedText(details)
        self.summary_box = box
        box.open()

    # --- drag and drop ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
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
        """Open an argmap map, or an AIF / OVA file, replacing the current map."""
        from argmap.interop import InteropError, guess_format  # noqa: PLC0415

        w = self.window
        if not w.maybe_save():
            return False
        try:
            fmt = guess_format(path)
        except InteropError:
            fmt = None
        if fmt is not None and fmt.name in {"aif", "ova"}:
            return w.interop.open_aif(path)
        return w.open_path(path)
