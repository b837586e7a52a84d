"""What a three-way merge could not decide on its own, told so a person can decide."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Final, Literal

Side = Literal["ours", "theirs"]
What = Literal["edited", "deleted", "used", "loop", "invalid"]
Segment = str | tuple[str, ...]  # a field name, or the key of a record in a list
SHOWN_CHARS: Final = 60


class _Absent:
    """The value of a field on a side that does not have it (a record added elsewhere)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Final = _Absent()


def path_text(path: tuple[Segment, ...]) -> str:
    """``("statements", ("s-1",), "text")`` -> ``statements["s-1"].text``."""
    out = ""
    for segment in path:
        if isinstance(segment, tuple):
            out += "[" + ", ".join(json.dumps(k, ensure_ascii=False) for k in segment) + "]"
        else:
            out += f".{segment}" if out else segment
    return out


def shown_value(value: Any, limit: int | None = SHOWN_CHARS) -> str:
    """A value as a message shows it: JSON, cut at ``limit`` characters (None: whole)."""
    if value is ABSENT:
        return "(absent)"
    text = json.dumps(value, ensure_ascii=False)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Conflict:
    """One thing both sides changed differently (or a deletion against an edit or use).

    ``kept`` says whose value the merged map holds; the other side's is in ``ours`` or
    ``theirs`` for the person resolving it. Values are JSON values (ABSENT: no record).
    """

    path: tuple[Segment, ...]
    what: What
    base: Any
    ours: Any
    theirs: Any
    kept: Side
    detail: str = ""

    @property
    def where(self) -> str:
        """The JSON path of the value, with records named by key."""
        return path_text(self.path)

    @property
    def record(self) -> tuple[str, tuple[str, ...]] | None:
        """(list, key) of the top-level record the conflict is about, if any."""
        if (
            len(self.path) >= 2
            and isinstance(self.path[0], str)
            and isinstance(self.path[1], tuple)
        ):
            return self.path[0], self.path[1]
        return None

    @property
    def other(self) -> Side:
        """The side whose value the merged map does not hold."""
        return "theirs" if self.kept == "ours" else "ours"

    def message(self, limit: int | None = SHOWN_CHARS) -> str:
        """One line: where, what happened, what was kept, what the other side had; each
        value cut at ``limit`` characters (None: whole, as a note keeps them)."""

        def shown(value: Any) -> str:
            return shown_value(value, limit)

        kept_value = self.ours if self.kept == "ours" else self.theirs
        other_value = self.theirs if self.kept == "ours" else self.ours
        if self.what == "edited" and self.base is ABSENT:
            return (
                f"{self.where}: added on both sides, differently; kept {self.kept} "
                f"{shown(kept_value)}, {self.other} had {shown(other_value)}"
            )
        if self.what == "edited":
            return (
                f"{self.where}: changed on both sides; kept {self.kept} {shown(kept_value)}, "
                f"{self.other} had {shown(other_value)} (was {shown(self.base)})"
            )
        if self.what == "deleted":
            return (
                f"{self.where}: deleted in {self.other}, edited in {self.kept}; "
                f"kept {self.kept}' edited version"
            )
        if self.what == "used":
            return f"{self.where}: deleted in {self.other}, but {self.detail}; kept it"
        if self.what == "loop":
            return (
                f"{self.where}: the two sides' changes close a support loop ({self.detail}); "
                f"put back its base version {shown(self.base)}, ours had {shown(self.ours)}, "
                f"theirs had {shown(self.theirs)}"
            )
        return (
            f"{self.where}: the merged record is not valid ({self.detail}); kept "
            f"{self.kept}' version, {self.other} had {shown(other_value)}"
        )

    def to_json(self) -> dict[str, Any]:
        """The conflict as plain JSON, for reports and scripts."""

        def value(v: Any) -> Any:
            return None if v is ABSENT else v

        return {
            "path": self.where,
            "what": self.what,
            "kept": self.kept,
            "base": value(self.base),
            "ours": value(self.ours),
            "theirs": value(self.theirs),
            "absent": [n for n, v in (("base", self.base), ("ours", self.ours),
                                      ("theirs", self.theirs)) if v is ABSENT],
            "message": self.message(None),
        }  # fmt: skip
