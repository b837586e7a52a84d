"""File ▸ Import articles: read .txt/.md/.html files into the map as sources, undoably."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.io.article_import import ArticleImportError, import_article
from argmap.model import Source
from argmap.model.ids import new_id
from argmap.ui.controller import DocumentController

ARTICLE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"


@dataclass
class ImportReport:
    """What an import added, skipped and could not read, for the user."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        """A plain-text summary."""
        parts: list[str] = []
        if self.added:
            parts.append("Added:\n" + "\n".join(f"  • {t}" for t in self.added))
        if self.notes:
            parts.append("Cleaned up:\n" + "\n".join(f"  • {n}" for n in self.notes))
        if self.skipped:
            parts.append("Already in the map:\n" + "\n".join(f"  • {t}" for t in self.skipped))
        if self.failed:
            parts.append("Could not import:\n" + "\n".join(f"  • {e}" for e in self.failed))
        return "\n\n".join(parts) or "Nothing to import."


def import_articles(controller: DocumentController, paths: Iterable[str | Path]) -> ImportReport:
    """Import each article; the good ones are added in one undo step, bad ones reported."""
    report = ImportReport()
    doc = controller.doc
    taken = {s.id for s in doc.sources}
    known = {(s.title or "", s.sha256) for s in doc.sources}
    texts = {s.sha256 for s in doc.sources}
    new: list[Source] = []
    for raw_path in paths:
        path = Path(raw_path)
        try:
            article = import_article(path)
        except ArticleImportError as exc:
            report.failed.append(str(exc))
            continue
        source_id = new_id("src", taken | {s.id for s in new})
        source = article.to_source(source_id)
        title = source.title or path.name
        if source.sha256 in texts or (title, source.sha256) in known:
            report.skipped.append(title)
            continue
        texts.add(source.sha256)
        new.append(source)
        report.added.append(title)
        report.notes.extend(f"{path.name}: {d.describe()}" for d in article.dropped)
        report.notes.extend(f"{path.name}: {w}" for w in article.warnings)
    if new:
        controller.add_sources(new)
    return report
