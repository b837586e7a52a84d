"""What the panes ask of the document controller: a few undoable edits, nothing more."""

from __future__ import annotations

from typing import Any, Protocol


class PaneEditor(Protocol):
    """The edits the panes make; each one is one undoable command on the controller."""

    def add_quoted_statement(
        self, source_id: str, start: int, end: int, kind: str, parent_id: str | None
    ) -> str | None:
        """Add a quote of ``source.text[start:end]`` and a statement citing it, attached
        as a supporting premise of ``parent_id`` (or free); return the statement id."""
        ...

    def set_statement_fields(self, statement_id: str, **changes: Any) -> None:
        """Change some fields of a statement (text, kind, notes, tags, credibility, prior)."""
        ...

    def set_inference_fields(self, inference_id: str, **changes: Any) -> None:
        """Change some fields of an inference (kind, strength, notes)."""
        ...
