"""The scenario analysis of the open map, kept current as it is edited, shared by the panes.

Weights and the ACH matrix (``analyze``) cost about 1 ms on the sample map and 20 ms on a
1,000-statement map, so they are recomputed on the GUI thread once edits pause for
``DELAY_MS``. Sensitivity costs five times more (100 ms at 1,000 statements, 400 ms at
5,000), so it runs on a worker thread over a snapshot of the map, and only while a view
asks for it; a result that an edit has overtaken is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from argmap.analysis.report import MapAnalysis, analyze
from argmap.analysis.sensitivity import Sensitivity, sensitivity
from argmap.model import ArgMap
from argmap.ui.editing.controller import DocumentController

DELAY_MS = 80
_OBJECT_NAME = "argmap-live-analysis"


def snapshot(doc: ArgMap) -> ArgMap:
    """A copy the analysis can read while the map is edited (records copied, not deep).

    Edits replace field values and list members rather than mutating them in place, so
    copying each record is enough; it costs a fifth of a deep copy.
    """
    return ArgMap.model_construct(
        question=doc.question,
        statements=[s.model_copy() for s in doc.statements],
        inferences=[i.model_copy() for i in doc.inferences],
        ratings=list(doc.ratings),
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
        result = sensitivity(self._doc)
        self._relay.done.emit(self._generation, result)


class LiveAnalysis(QObject):
    """Re-analyses the controller's map after edits; views listen to its signals.

    ``updated(MapAnalysis)`` follows every recomputation of weights and the ACH matrix;
    ``sensitivity_updated(Sensitivity)`` follows each finished sensitivity run while
    ``sensitivity_wanted`` is set (a tornado chart sets it while it is shown).
    """

    updated = Signal(object)
    sensitivity_updated = Signal(object)

    def __init__(self, controller: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else controller)
        self.controller = controller
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
        self._sensitivity: Sensitivity | None = None
        self._sensitivity_generation = -1
        self.setObjectName(_OBJECT_NAME)
        self._analysis = analyze(controller.doc)
        controller.edited.connect(self.schedule)
        controller.document_reset.connect(self.refresh)

    @property
    def analysis(self) -> MapAnalysis:
        """The latest weights and ACH matrix."""
        return self._analysis

    @property
    def sensitivity(self) -> Sensitivity | None:
        """The latest sensitivity ranking (None until one has been computed)."""
        return self._sensitivity

    @property
    def sensitivity_current(self) -> bool:
        """Whether ``sensitivity`` reflects the map as it is now."""
        return self._sensitivity_generation == self._generation and not self._timer.isActive()

    @property
    def busy(self) -> bool:
        """Whether a recomputation is pending or running."""
        return self._timer.isActive() or self._running

    def schedule(self) -> None:
        """Recompute once edits pause (each call restarts the wait)."""
        self._generation += 1
        self._timer.start()

    def refresh(self) -> None:
        """Recompute weights and the ACH matrix now (and sensitivity, if wanted)."""
        self._timer.stop()
        self._generation += 1
        self._analysis = analyze(self.controller.doc)
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
        job = _SensitivityJob(snapshot(self.controller.doc), self._generation, self._relay)
        self._pool.start(job)

    def _on_sensitivity(self, generation: int, result: Sensitivity) -> None:
        self._running = False
        if generation != self._generation:
            if self._wanted and not self._timer.isActive():
                self._start_sensitivity()
            return
        self._sensitivity = result
        self._sensitivity_generation = generation
        self.sensitivity_updated.emit(result)


def live_analysis_for(controller: DocumentController) -> LiveAnalysis:
    """The controller's shared live analysis, created on first use (one per document)."""
    for child in controller.children():
        if isinstance(child, LiveAnalysis) and child.objectName() == _OBJECT_NAME:
            return child
    return LiveAnalysis(controller)
