"""A quote: a W3C Web Annotation position + quote selector pair into a source."""

from __future__ import annotations

from pydantic import Field

from argmap.model.base import Record

CONTEXT_CHARS = 32


class Quote(Record):
    """``exact == source.text[start:end]``; prefix/suffix are ~32 chars of context."""

    id: str = Field(min_length=1)
    source: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_range(cls, id: str, source_id: str, text: str, start: int, end: int) -> Quote:
        """Build a quote for ``text[start:end]`` with its context."""
        return cls(
            id=id,
            source=source_id,
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
        )
