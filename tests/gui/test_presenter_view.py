"""The presenter view: current and next slide, speaker notes from statement notes,
elapsed time; keys pressed in it drive the audience window."""

from __future__ import annotations

from pathlib import Path

from gui.deck_maps import three_card_map
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from argmap.ui.presentation import PresentationWindow
from argmap.ui.presentation.deck_export import export_deck
from argmap.ui.presentation.presenter_view import PresenterView
from argmap.ui.presentation.slide_render import SlideRenderer


def test_p_opens_the_presenter_view_which_follows_and_drives_the_deck(qtbot: QtBot) -> None:
    doc = three_card_map()
    doc.statements[3].notes = "Ask the room who has seen the mobilisation figures."
    win = PresentationWindow(doc)
    qtbot.addWidget(win)
    win.stage.glide_ms = 0
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    qtbot.keyClick(win, Qt.Key.Key_P)
    view = win.presenter
    assert isinstance(view, PresenterView) and view.isVisible()
    assert view is not win and win.stage.parent() is win  # the audience: only the stage
    width = view.preview_size().width()
    assert view.current.pixmap().width() == width and view.next.pixmap().width() == width
    assert "slide 1 / " in view.clock.text() and view.elapsed_text() == "0:00:00"
    last = len(win.stage.steps) - 1
    for _ in range(last):
        qtbot.keyClick(view, Qt.Key.Key_Right)  # the clicker, wherever the focus is
    assert win.stage.index == last
    assert "mobilisation figures" in view.notes.text()
    assert f"slide {last + 1} / " in view.clock.text()
    before = view.current.pixmap().toImage()
    qtbot.keyClick(view, Qt.Key.Key_T)  # the dark theme in the room: in the preview too
    assert win.theme_name == "projector-dark"
    dark = view.current.pixmap().toImage()
    assert dark != before and dark.pixelColor(3, dark.height() // 2) == QColor("#000000")
    qtbot.keyClick(win, Qt.Key.Key_End)
    assert view.next.text() == "End of the deck" and view.notes.text() == ""
    win.close()
    qtbot.waitUntil(lambda: win.presenter is None, timeout=2000)


def test_the_presentation_window_saves_the_deck_as_shown(qtbot: QtBot, tmp_path: Path) -> None:
    win = PresentationWindow(three_card_map(), theme="projector-dark")
    qtbot.addWidget(win)
    win.resize(1280, 720)
    qtbot.keyClick(win, Qt.Key.Key_S)  # the weights shown early, as in the room
    [pdf] = export_deck(win, tmp_path / "deck.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    pngs = export_deck(win, tmp_path / "deck.png")
    assert len(pngs) == len(win.stage.slides)
    first = QImage(str(pngs[0]))
    assert first.pixelColor(5, first.height() // 2) == QColor("#000000")  # the dark theme
    renderer = SlideRenderer(win.stage.doc, "projector-dark", win.stage.frames.direction)
    renderer.show_weights_early(True)
    assert first == renderer.image(0).convertToFormat(first.format())
    renderer.close()


def test_the_presenter_view_fits_the_screen_it_opens_on(qtbot: QtBot) -> None:
    """With one screen, P opened the presenter view 1468 px wide (two previews of at least
    720 px): on a 1280 px screen the next slide and the notes ran off its right edge."""
    doc = three_card_map()
    doc.statements[0].notes = "Open with the question; the scenarios come one at a time. " * 4
    win = PresentationWindow(doc)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.keyClick(win, Qt.Key.Key_P)
    view = win.presenter
    assert view is not None
    qtbot.waitExposed(view)
    screen = view.screen().availableGeometry()
    assert view.frameGeometry().width() <= screen.width(), view.frameGeometry()
    assert view.frameGeometry().height() <= screen.height(), view.frameGeometry()
    for preview in (view.current, view.next):  # each slide whole, side by side
        picture = preview.pixmap().size()
        assert picture.width() >= 320
        assert preview.width() >= picture.width() and preview.height() >= picture.height()
        assert view.rect().contains(preview.geometry())
    assert view.current.geometry().right() < view.next.geometry().left()
    assert view.rect().contains(view.notes.geometry())
    assert view.notes.height() >= view.notes.heightForWidth(view.notes.width())
    win.close()
    qtbot.waitUntil(lambda: win.presenter is None, timeout=2000)
