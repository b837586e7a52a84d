"""An article the map draws quotes from; its text travels inside the map."""

from __future__ import annotations

import hashlib

from pydantic import Field

from argmap.model.base import Record


def text_sha256(text: str) -> str:
    """Hex SHA-256 of a source text, UTF-8 encoded."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Source(Record):
    """An article: bibliographic fields (null when unknown) and its full text."""

    id: str = Field(min_length=1)
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or free text as found
    url: str | None = None
    text: str
    sha256: str

    @classmethod
    def from_text(cls, id: str, text: str, **fields: str | None) -> Source:
        """Build a source, computing its checksum."""
        return cls(id=id, text=text, sha256=text_sha256(text), **fields)
