"""Dialogue kept from an AIF file, shown muted beside its statements on request (issue #15):
View ▸ Show dialogue, off by default."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home

from argmap.export import card_painter
from argmap.interop.aif_reader import read_aif
from argmap.layout.dialogue_notes import dialogue_notes
from argmap.model import ArgMap

AIF = Path(__file__).resolve().parents[1] / "fixtures" / "aif"


def test_notes_say_who_said_it_and_what_rephrases_what() -> None:
    said = read_aif(AIF / "ova3_save.json").doc
    texts = {s.id: s.text for s in said.statements}
    notes = {texts[k]: v for k, v in dialogue_notes(said).items()}
    assert notes == {
        "Kyiv will not cede territory": ["Zelensky : We will not cede territory (asserting)"],
        "The constitution forbids ceding territory": [
            "Zelensky : The constitution forbids it (asserting)"
        ],
    }
    rephrased = read_aif(AIF / "int_ids_schemes.json").doc
    lines = [line for v in dialogue_notes(rephrased).values() for line in v]
    assert any(line.startswith("rephrases: “") for line in lines)
    assert any(line.startswith("rephrased as: “") for line in lines)
    assert dialogue_notes(ArgMap()) == {}


@pytest.fixture
def win(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    w = make_window(qtbot, use_home(tmp_path, monkeypatch))
    w.open_document(read_aif(AIF / "ova3_save.json").doc)
    yield w
    close_window(w)


def test_dialogue_shows_beside_its_cards_only_when_asked(win) -> None:
    scene = win.scene
    action = win.actions_by_name["show_dialogue"]
    assert action.isCheckable() and not action.isChecked()
    assert scene.dialogue.notes == {}  # off by default
    action.setChecked(True)
    notes = scene.dialogue.notes
    assert set(notes) == set(dialogue_notes(win.controller.doc))
    for sid, note in notes.items():
        card = scene.cards[sid].sceneBoundingRect()
        box = note.sceneBoundingRect()
        assert "Zelensky" in note.text and note.isVisible()
        beside = (
            box.left() >= card.right() and box.top() < card.bottom() and box.bottom() > card.top()
        )
        assert beside, (sid, card, box)
        assert note.zValue() < scene.cards[sid].zValue()  # under the cards, muted
    action.setChecked(False)
    assert scene.dialogue.notes == {}
    assert not [i for i in scene.items() if type(i).__name__ == "DialogueNote"]


def test_notes_follow_the_cards_after_an_edit_and_a_new_map(win) -> None:
    scene = win.scene
    win.actions_by_name["show_dialogue"].setChecked(True)
    sid = next(iter(scene.dialogue.notes))
    win.controller.set_statement_field(
        sid, "text", "Kyiv will not cede any territory at all, whatever the pressure"
    )
    note = scene.dialogue.notes[sid]
    assert note.sceneBoundingRect().left() >= scene.cards[sid].sceneBoundingRect().right()
    win.open_document(read_aif(AIF / "ova3_save.json").doc)  # a new map: new notes, no crash
    assert len(scene.dialogue.notes) == 2


def test_fit_shows_the_dialogue_notes_too(win, qtbot) -> None:
    """Fit (Ctrl+0) frames the notes beside the cards, not only the cards (the notes on
    the right of the rightmost card were cut off)."""
    win.actions_by_name["show_dialogue"].setChecked(True)
    view = win.view
    win.actions_by_name["fit_all"].trigger()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    notes = win.scene.dialogue.notes
    assert notes
    for sid, note in notes.items():
        assert shown.contains(note.sceneBoundingRect()), (sid, shown, note.sceneBoundingRect())
        assert shown.contains(win.scene.cards[sid].sceneBoundingRect())


def test_the_notes_slant_their_own_text_only(win) -> None:
    """The notes are set in italics; other text drawn at their size (a presentation's
    breadcrumb, a handout, an export) stays upright after they were shown. They slanted
    the font shared by everything drawn at that size, for the rest of the session."""
    win.actions_by_name["show_dialogue"].setChecked(True)
    note = next(iter(win.scene.dialogue.notes.values()))
    assert note.font.italic()
    assert not card_painter.font(note.font.pixelSize()).italic()
