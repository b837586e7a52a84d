"""Small maps and pointer helpers shared by the editor's GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QGraphicsView
from pytestqt.qtbot import QtBot

from argmap.model import ArgMap, Inference, InferenceKind, Quote, Source, Statement, StatementKind

TEXT = (
    "Negotiators met in Istanbul on Monday. Both sides denied that a ceasefire was close. "
    "Observers said a freeze of the front line was the likeliest outcome this year."
)


def small_map() -> ArgMap:
    """A question with two scenarios, claims under them and one quoted evidence."""
    src = Source.from_text("src-1", TEXT, title="Talks in Istanbul", publisher="Wire")
    quote = Quote.from_range("q-1", "src-1", TEXT, 39, 84)
    return ArgMap(
        title="Ceasefire",
        question="s-q",
        sources=[src],
        quotes=[quote],
        statements=[
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Will a ceasefire hold?"),
            Statement(id="s-a", kind=StatementKind.SCENARIO, text="A freeze", prior=1.0),
            Statement(id="s-b", kind=StatementKind.SCENARIO, text="War goes on", prior=1.0),
            Statement(id="s-c", kind=StatementKind.CLAIM, text="Talks have started"),
            Statement(
                id="s-e", kind=StatementKind.EVIDENCE, text="Both deny a deal", quotes=["q-1"]
            ),
            Statement(id="s-o", kind=StatementKind.OBJECTION, text="Talks stalled before"),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-a"], conclusion="s-q"),
            Inference(id="i-2", premises=["s-b"], conclusion="s-q"),
            Inference(id="i-3", premises=["s-c"], conclusion="s-a"),
            Inference(id="i-4", premises=["s-e"], conclusion="s-b"),
            Inference(id="i-5", premises=["s-o"], conclusion="s-c", kind=InferenceKind.ATTACK),
        ],
    )


def big_map(n: int) -> ArgMap:
    """``n`` statements in a ternary tree (a stress test for the canvas)."""
    statements = [Statement(id="s-0", kind=StatementKind.QUESTION, text="Root question")]
    inferences = []
    for k in range(1, n):
        statements.append(
            Statement(
                id=f"s-{k}",
                kind=StatementKind.PREMISE if k % 4 else StatementKind.EVIDENCE,
                text=f"Premise number {k} says something about the talks",
            )
        )
        inferences.append(
            Inference(id=f"i-{k}", premises=[f"s-{k}"], conclusion=f"s-{(k - 1) // 3}")
        )
    return ArgMap(statements=statements, inferences=inferences)


def _send(view: QGraphicsView, kind: QEvent.Type, at: QPoint, *, buttons: Qt.MouseButton,
          button: Qt.MouseButton, mods: Qt.KeyboardModifier) -> None:  # fmt: skip
    local = QPointF(at)
    glob = QPointF(view.viewport().mapToGlobal(at))
    event = QMouseEvent(kind, local, glob, button, buttons, mods)
    QApplication.sendEvent(view.viewport(), event)


def drag(
    view: QGraphicsView,
    start: QPoint,
    end: QPoint,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    steps: int = 6,
) -> None:
    """Press at ``start``, move in steps, release at ``end`` (viewport coordinates)."""
    press_and_move(view, start, end, mods, steps)
    none = Qt.MouseButton.NoButton
    left = Qt.MouseButton.LeftButton
    _send(view, QEvent.Type.MouseButtonRelease, end, buttons=none, button=left, mods=mods)


def press_and_move(
    view: QGraphicsView,
    start: QPoint,
    end: QPoint,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    steps: int = 6,
) -> None:
    """Press at ``start`` and move in steps to ``end``, holding the button."""
    left = Qt.MouseButton.LeftButton
    _send(view, QEvent.Type.MouseButtonPress, start, buttons=left, button=left, mods=mods)
    move_to(view, start, end, mods, steps)


def move_to(
    view: QGraphicsView,
    start: QPoint,
    end: QPoint,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    steps: int = 6,
) -> None:
    """Move in steps from ``start`` to ``end`` with the left button held."""
    for k in range(1, steps + 1):
        p = start + (end - start) * (k / steps)
        _send(
            view,
            QEvent.Type.MouseMove,
            p,
            buttons=Qt.MouseButton.LeftButton,
            button=Qt.MouseButton.NoButton,
            mods=mods,
        )


def click(view: QGraphicsView, at: QPoint,
          mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # fmt: skip
    left = Qt.MouseButton.LeftButton
    _send(view, QEvent.Type.MouseButtonPress, at, buttons=left, button=left, mods=mods)
    _send(
        view,
        QEvent.Type.MouseButtonRelease,
        at,
        buttons=Qt.MouseButton.NoButton,
        button=left,
        mods=mods,
    )


def double_click(view: QGraphicsView, at: QPoint) -> None:
    """A double-click as a mouse makes it in Qt 6: press, release, press and double-click,
    release. (``QTest.mouseDClick`` sends the double-click alone and leaves the left button
    held in QTest's state: every later test's mouse moves then drag, and hover nothing.)"""
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mods = Qt.KeyboardModifier.NoModifier
    click(view, at)
    _send(view, QEvent.Type.MouseButtonPress, at, buttons=left, button=left, mods=mods)
    _send(view, QEvent.Type.MouseButtonDblClick, at, buttons=left, button=left, mods=mods)
    _send(view, QEvent.Type.MouseButtonRelease, at, buttons=none, button=left, mods=mods)


def choose_in_popup(qtbot: QtBot, combo: QComboBox, row: int) -> None:
    """Pick ``row`` of a combo box's list once it has popped up, as a user does with the
    keyboard: the popup closes. (Emitting ``activated`` instead left the popup open, to
    open over the next test's window.)"""
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(row, 0))
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert not view.isVisible()
