"""The scenario analysis of the open map, kept current as it is edited, shared by the panes.

Weights, lines of evidence and the ACH matrix (``analyze``) cost a few milliseconds on the
sample map, so they are recomputed on the GUI thread once edits pause for ``DELAY_MS``.
The explanation (Shapley shares, what would flip the lead, confidence) costs more, so it
runs on a worker thread over a snapshot of the map, and only while a view asks for it; a
result that an edit has overtaken is dropped. ``baseline`` is the analysis of the map as
last opened or saved, so views can say what moved the weights since.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from argmap.analysis.report import MapAnalysis, analyze
from argmap.model import ArgMap
from argmap.model.focal_question import focal_question
from argmap.model.layer_view import seen_active
from argmap.ui.editing.controller import DocumentController

DELAY_MS = 80
_OBJECT_NAME = "argmap-live-analysis"


def snapshot(doc: ArgMap) -> ArgMap:
    """A copy the analysis can read while the map is edited (records copied, not deep).

    Edits replace field values and list members rather than mutating them in place, so
    copying each record is enough; it costs a fifth of a deep copy.
    """
    return ArgMap.model_construct(
        question=focal_question(doc),
        sources=list(doc.sources),
        quotes=list(doc.quotes),
        statements=[s.model_copy() for s in doc.statements],
        inferences=[i.model_copy() for i in doc.inferences],
        ratings=list(doc.ratings),
        ach_rows=list(doc.ach_rows),
    )


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread (a queued signal)."""

    done = Signal(int, object)


class _SensitivityJob(QRunnable):
    def __init__(self, doc: ArgMap, generation: int, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._doc, self._generation, self._relay = doc, generation, relay

    def run(self) -> None:
        result = analyze(self._doc, with_sensitivity=True)
        self._relay.done.emit(self._generation, result)


class LiveAnalysis(QObject):
    """Re-analyses the controller's map after edits; views listen to its signals.

    ``updated(MapAnalysis)`` follows every recomputation of weights and the ACH matrix;
    ``explained(MapAnalysis)`` follows each finished explanation run (the same analysis
    with shares, flips and confidence) while a view wants it.
    """

    updated = Signal(object)
    explained = Signal(object)

    def __init__(self, controller: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else controller)
        self._controller = weakref.ref(controller)  # its child: a strong one made a cycle
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_sensitivity)
        self._generation = 0
        self._running = False
        self._wanted = 0
        self._explanation: MapAnalysis | None = None
        self._explanation_generation = -1
        self.setObjectName(_OBJECT_NAME)
        self._analysis = analyze(seen_active(controller.doc))
        self._baseline = self._analysis
        controller.edited.connect(self.schedule)
        controller.document_reset.connect(self._on_reset)
        controller.dirty_changed.connect(self._on_dirty)

    @property
    def controller(self) -> DocumentController:
        """The map's controller, held weakly (see ``Autosaver.controller``: a child's strong
        reference to it made a cycle through C++ that crashed when collected)."""
        controller = self._controller()
        if controller is None:  # pragma: no cover - a child dies with its controller
            raise RuntimeError("the live analysis's controller is gone")
        return controller

    @property
    def analysis(self) -> MapAnalysis:
        """The latest weights and ACH matrix."""
        return self._analysis

    @property
    def baseline(self) -> MapAnalysis:
        """The analysis of the map as it was last opened or saved."""
        return self._baseline

    @property
    def explanation(self) -> MapAnalysis | None:
        """The latest explained analysis (None until one has been computed)."""
        return self._explanation

    @property
    def sensitivity_current(self) -> bool:
        """Whether ``explanation`` reflects the map as it is now."""
        return self._explanation_generation == self._generation and not self._timer.isActive()

    @property
    def busy(self) -> bool:
        """Whether a recomputation is pending or running."""
        return self._timer.isActive() or self._running

    def schedule(self) -> None:
        """Recompute once edits pause (each call restarts the wait)."""
        self._generation += 1
        self._timer.start()

    def _on_reset(self) -> None:
        self.refresh()
        self._baseline = self._analysis

    def _on_dirty(self, dirty: bool) -> None:
        if not dirty:  # saved (or undone back to the saved state)
            if self._timer.isActive():
                self.refresh()
            self._baseline = self._analysis
            self.updated.emit(self._analysis)

    def refresh(self) -> None:
        """Recompute weights and the ACH matrix now (and sensitivity, if wanted)."""
        self._timer.stop()
        self._generation += 1
        self._analysis = analyze(seen_active(self.controller.doc))  # the active analyst's
        self.updated.emit(self._analysis)
        if self._wanted:
            self._start_sensitivity()

    def want_sensitivity(self, wanted: bool) -> None:
        """Count a view that needs sensitivity (True) or no longer does (False)."""
        self._wanted = max(0, self._wanted + (1 if wanted else -1))
        if self._wanted and not self.sensitivity_current and not self._timer.isActive():
            self._start_sensitivity()

    def wait_for_sensitivity(self, timeout_ms: int = 5000) -> bool:
        """Block until the worker is idle (for tests and shutdown)."""
        return self._pool.waitForDone(timeout_ms)

    def _start_sensitivity(self) -> None:
        if self._running:
            return  # the finished run sees a newer generation and starts again
        self._running = True
        job = _SensitivityJob(
            snapshot(seen_active(self.controller.doc)), self._generation, self._relay
        )
        self._pool.start(job)

    def _on_sensitivity(self, generation: int, result: MapAnalysis) -> None:
        self._running = False
        if generation != self._generation:
            if self._wanted and not self._timer.isActive():
                self._start_sensitivity()
            return
        self._explanation = result
        self._explanation_generation = generation
        self.explained.emit(result)


def live_analysis_for(controller: DocumentController) -> LiveAnalysis:
    """The controller's shared live analysis, created on first use (one per document)."""
    for child in controller.children():
        if isinstance(child, LiveAnalysis) and child.objectName() == _OBJECT_NAME:
            return child
    return LiveAnalysis(controller)
