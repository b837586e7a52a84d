"""Short, readable, collision-free ids for new records."""

from __future__ import annotations

import secrets
from collections.abc import Container

PREFIXES = {"source": "src", "quote": "q", "statement": "s", "inference": "i", "signpost": "sp"}


def new_id(prefix: str, taken: Container[str]) -> str:
    """A fresh id such as ``s-3fa9c2`` that is not in ``taken``."""
    while True:
        candidate = f"{prefix}-{secrets.token_hex(3)}"
        if candidate not in taken:
            return candidate
