"""Panes the main window docks: the article list and reader, and the inspector."""

from argmap.ui.panes.inspector import Inspector
from argmap.ui.panes.source_pane import SourcePane
from argmap.ui.panes.source_reader import QUOTE_MIME, SourceReader, quote_payload

__all__ = ["QUOTE_MIME", "Inspector", "SourcePane", "SourceReader", "quote_payload"]
