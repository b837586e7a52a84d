"""Each dialog and secondary window of a map's window, opened as the user opens it (the
window's own command), for the tests that look at every dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gui.history_maps import sample_with_history
from PySide6.QtWidgets import QWidget

from argmap.io.map_file import load_map
from argmap.io.recovery import RecoveryStore
from argmap.model import ArgMap, Outcome, StatementKind
from argmap.model.three_way import annotate, merge_maps
from argmap.resources import resource
from argmap.ui.safety.recovery_dialog import RecoveryDialog
from argmap.ui.scenarios.method_help import show_method_help
from argmap.ui.team.team_help import show_team_help
from argmap.ui.window.main_window import MainWindow

Opener = Callable[[MainWindow], QWidget]


def _recovery(window: MainWindow) -> QWidget:
    """The dialog offered at launch after a crash, listing one autosaved map."""
    folder = Path(str(window.settings.fileName())).parent / "recovery-test"
    store = RecoveryStore(folder)
    store.write("k1", load_map(resource("sample.argmap.json")), None)
    return RecoveryDialog(store, store.snapshots(), window)


OPENERS: dict[str, Opener] = {
    "map properties": lambda w: w.editor_actions.show_properties(),
    "export": lambda w: w.exports.dialog(),
    "keyboard shortcuts": lambda w: w.help.show_shortcuts(),
    "find in articles": lambda w: w.editor_actions.show_search(),
    "record estimate": lambda w: w.history.record_estimate(),
    "record outcome": lambda w: w.history.record_outcome(),
    "estimate timeline": lambda w: w.history.show_timeline(),
    "merge conflicts": lambda w: w.merging.show_conflicts(),
    "how weights are computed": show_method_help,
    "team help": show_team_help,
    "recover unsaved maps": _recovery,
}


def _on(doc: ArgMap, opener: Opener) -> Opener:
    """``opener`` after the window shows ``doc`` (as an imported, unsaved map)."""

    def run(window: MainWindow) -> QWidget:
        window.open_document(doc)
        window.controller.undo_stack.setClean()
        return opener(window)

    return run


def _merged() -> ArgMap:
    """The sample after a three-way merge that left two conflicts in its notes."""
    base = load_map(resource("sample.argmap.json"))
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.statement("s-putin-flexibility").text = "Ann's wording"
    theirs.statement("s-putin-flexibility").text = "Bob's wording"
    ours.statement("s-sc-frozen").prior = 0.3
    theirs.statement("s-sc-frozen").prior = 0.35
    result = merge_maps(base, ours, theirs)
    annotate(result.doc, result.conflicts)
    return result.doc


def _long_scenario() -> ArgMap:
    """The sample with a scenario worded at length, as analysts do."""
    doc = load_map(resource("sample.argmap.json"))
    scenario = next(s for s in doc.statements if s.kind == StatementKind.SCENARIO)
    scenario.text = (
        "Ceasefire on Russia's terms: Ukraine gives up the land it still holds in the four "
        "annexed regions, accepts neutrality and a cap on its army, and sanctions are eased "
        "in stages as the line of contact stays quiet"
    )
    return doc


def _refused_date(window: MainWindow) -> QWidget:
    dialog = window.editor_actions.show_properties()
    dialog.as_of_edit.setText("the eleventh of November, give or take a week")
    dialog.accept()  # refused: the dialog stays open and says why
    return dialog


def _new_map_properties(window: MainWindow) -> QWidget:
    window.new_map()
    return window.editor_actions.show_properties()


def _presenter_view(window: MainWindow) -> QWidget:
    window.present()
    assert window.presentation is not None
    window.presentation.show_presenter_view()
    assert window.presentation.presenter is not None
    return window.presentation.presenter


def _export_capped(window: MainWindow) -> QWidget:
    dialog = window.exports.dialog()
    dialog.scale.setCurrentIndex(dialog.scale.findData(4.0))  # too big: the caption says so
    dialog.refresh_preview()
    return dialog


def _export_pdf(window: MainWindow) -> QWidget:
    dialog = window.exports.dialog()
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.refresh_preview()
    return dialog


def _search_hits(window: MainWindow) -> QWidget:
    search = window.editor_actions.show_search()
    search.query.setText("ceasefire")
    return search


def _resolved(window: MainWindow) -> QWidget:
    doc = sample_with_history()
    doc.outcome = Outcome(scenario="s-sc-frozen", resolved="2026-12-04", note="quiet front")
    window.open_document(doc)
    window.controller.undo_stack.setClean()
    return OPENERS["estimate timeline"](window)


def _many_recoveries(window: MainWindow) -> QWidget:
    """Eight maps left by crashes, with long titles and deep folders."""
    folder = Path(str(window.settings.fileName())).parent / "recovery-many"
    store = RecoveryStore(folder)
    deep = Path("/home/analyst/Documents/projects/2026/eastern-europe-ceasefire-watch")
    for k in range(8):
        doc = load_map(resource("sample.argmap.json"))
        doc.title = f"Map {k}: " + "Will a general ceasefire the Kremlin agreed to hold? " * 2
        store.write(f"k{k}", doc, deep / f"weekly-review-{k:02d}-with-a-long-file-name.argmap.json")
    return RecoveryDialog(store, store.snapshots(), window)


# The same dialogs in the states that give them the most to show.
STATES: dict[str, Opener] = {
    "estimate timeline, four snapshots": _on(sample_with_history(), OPENERS["estimate timeline"]),
    "record estimate, after four": _on(sample_with_history(), OPENERS["record estimate"]),
    "record outcome, a long scenario": _on(_long_scenario(), OPENERS["record outcome"]),
    "merge conflicts, two": _on(_merged(), OPENERS["merge conflicts"]),
    "map properties, a refused date": _refused_date,
    "map properties, a new map": _new_map_properties,
    "presenter view": _presenter_view,
    "export, a capped PNG": _export_capped,
    "export, PDF": _export_pdf,
    "find in articles, four hits": _search_hits,
    "estimate timeline, resolved": _resolved,
    "recover unsaved maps, eight with long names": _many_recoveries,
}
