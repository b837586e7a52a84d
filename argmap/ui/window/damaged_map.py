"""Opening a damaged map: offer a repaired copy instead of an empty window.

The file itself is never changed. When the map can be read past its errors, the user
may open a copy repaired by :func:`argmap.model.repair.repair_map` (what was repaired
is listed) as a new, unsaved map; saving suggests ``NAME.repaired.argmap.json``. A file
that cannot be read at all gets the reason and the hint of ``argmap doctor``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from argmap.io.map_file import MAP_SUFFIX, MapFileError, load_map_with_report
from argmap.model.repair import RepairResult, repair_map
from argmap.model.validation import errors

SHOWN_REPAIRS = 12
SHOWN_PROBLEMS = 6  # lines of the file check's report in a message; the rest: details, doctor


def _first_lines(error: Exception, rest: str = "Show Details…") -> str:
    """The start of ``error``'s report, and where ``rest`` is: all of it made the
    message taller than the screen (77 broken arrows, 1,196 px), its buttons below."""
    lines = str(error).splitlines()
    more = len(lines) - SHOWN_PROBLEMS
    if more <= 1:
        return "\n".join(lines)
    return "\n".join([*lines[:SHOWN_PROBLEMS], f"  … {more} more lines ({rest})"])


def repaired_name(path: Path) -> Path:
    """``talks.argmap.json`` -> ``talks.repaired.argmap.json`` (as ``argmap doctor``)."""
    stem = path.name.removesuffix(MAP_SUFFIX) if path.name.endswith(MAP_SUFFIX) else path.stem
    return path.with_name(f"{stem}.repaired{MAP_SUFFIX}")


def try_repair(path: Path) -> RepairResult | None:
    """A repaired copy of the map at ``path`` that argmap can open (None: not possible)."""
    try:
        loaded = load_map_with_report(path, allow_errors=True)
    except (MapFileError, OSError):
        return None
    result = repair_map(loaded.doc)
    return None if errors(result.remaining) else result


def repair_summary(result: RepairResult) -> str:
    """What the repair changed, as lines for a dialog."""
    lines = [f"• {r}" for r in result.repairs[:SHOWN_REPAIRS]]
    more = len(result.repairs) - SHOWN_REPAIRS
    if more > 0:
        lines.append(f"• … and {more} more")
    if result.remaining:
        lines.append(f"Still to look at ({len(result.remaining)} warnings): see argmap doctor.")
    return "\n".join(lines)


def ask_to_open_repaired(
    parent: QWidget, path: Path, error: Exception, result: RepairResult
) -> bool:
    """Ask whether to open the repaired copy; True to open it."""
    box = QMessageBox(parent)
    box.setObjectName("damaged-map")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The map is damaged")
    n = len(result.repairs)
    box.setText(
        f"{path.name} cannot be opened as it is:\n{_first_lines(error)}\n\n"
        f"argmap can open a repaired copy ({n} change{'s' * (n != 1)}). "
        f"{path.name} itself is not changed; save the copy under a new name."
    )
    box.setInformativeText(f"The same repair from a terminal:  argmap doctor --repair {path.name}")
    box.setDetailedText(f"{repair_summary(result)}\n\nWhat the check found:\n{error}")
    open_button = box.addButton("Open repaired copy", QMessageBox.ButtonRole.AcceptRole)
    open_button.setObjectName("open-repaired")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(open_button)
    box.exec()
    return box.clickedButton() is open_button


def explain_unreadable(parent: QWidget, path: Path, error: Exception) -> None:
    """The reason a map cannot be opened, with the command that says more."""
    QMessageBox.warning(
        parent,
        "Could not open the map",
        f"{_first_lines(error, 'argmap doctor lists them')}\n\nFor every problem and a "
        f"repaired copy where one is possible:\n  argmap doctor --repair {path.name}",
    )
