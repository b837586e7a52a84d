"""Random edit sessions through the controller: undo all gives the start, redo all the end."""

from __future__ import annotations

from typing import Any

from gui.ui_maps import small_map
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from PySide6.QtWidgets import QApplication

from argmap.model import AchRating, InferenceKind, RowLevel, SignpostStatus, StatementKind
from argmap.model.edit_steps import EditError
from argmap.ui.canvas.scene import MapScene
from argmap.ui.editing.controller import DocumentController
from argmap.ui.scenarios import rating_commands as ach

picks = st.integers(min_value=0, max_value=10_000)
words = st.text(alphabet="abc xyz", min_size=1, max_size=12)


class EditSession(RuleBasedStateMachine):
    """Edits chosen at random from what a user can do; the scene follows along."""

    @initialize()
    def start(self) -> None:
        QApplication.instance() or QApplication([])
        self.controller = DocumentController(small_map())
        self.scene = MapScene(self.controller)
        self.start_dump = self.controller.doc.model_dump()

    def _pick(self, n: int) -> str | None:
        ids = list(self.controller.index.statements)
        return ids[n % len(ids)] if ids else None

    def _try(self, call: Any, *args: Any, **kwargs: Any) -> None:
        try:
            call(*args, **kwargs)
        except EditError:
            pass  # refused edits (cycles...) must leave no trace: checked by the invariants

    @rule(n=picks, text=words, attack=st.booleans())
    def add_child(self, n: int, text: str, attack: bool) -> None:
        parent = self._pick(n)
        relation = InferenceKind.ATTACK if attack else InferenceKind.SUPPORT
        self.controller.add_statement(text, StatementKind.PREMISE, parent=parent, relation=relation)

    @rule(n=picks)
    def add_sibling(self, n: int) -> None:
        sid = self._pick(n)
        if sid is not None:
            self.controller.add_sibling(sid, "sibling")

    @rule(n=picks, k=st.integers(1, 3))
    def delete(self, n: int, k: int) -> None:
        ids = list(self.controller.index.statements)
        if ids:
            self.controller.remove_statements(ids[(n + j) % len(ids)] for j in range(k))

    @rule(n=picks, text=words)
    def edit_text(self, n: int, text: str) -> None:
        sid = self._pick(n)
        if sid is not None:
            self.controller.set_statement_field(sid, "text", text)

    @rule(n=picks, value=st.none() | st.floats(0, 1))
    def judge(self, n: int, value: float | None) -> None:
        sid = self._pick(n)
        if sid is not None:
            self.controller.set_statement_field(sid, "credibility", value)

    @rule(n=picks, m=picks)
    def reparent(self, n: int, m: int) -> None:
        a, b = self._pick(n), self._pick(m)
        if a is not None and b is not None:
            self._try(self.controller.reparent, a, b)

    @rule(n=picks, m=picks, attack=st.booleans())
    def link(self, n: int, m: int, attack: bool) -> None:
        a, b = self._pick(n), self._pick(m)
        if a is not None and b is not None:
            kind = InferenceKind.ATTACK if attack else InferenceKind.SUPPORT
            self._try(self.controller.add_inference, [a], b, kind)

    @rule(n=picks)
    def split_or_join(self, n: int) -> None:
        ix = self.controller.index
        infs = list(ix.inferences)
        if not infs:
            return
        iid = infs[n % len(infs)]
        if len(ix.inferences[iid].premises) > 1:
            self.controller.make_convergent(iid)
        else:
            conclusion = ix.inferences[iid].conclusion
            siblings = [i for i in ix.concluding_in(conclusion)
                        if ix.inferences[i].kind is ix.inferences[iid].kind]  # fmt: skip
            if len(siblings) > 1:
                self.controller.make_linked(siblings)

    @rule(n=picks, x=st.floats(-500, 500), y=st.floats(-500, 500))
    def move(self, n: int, x: float, y: float) -> None:
        sid = self._pick(n)
        if sid is not None:
            self.controller.move({sid: (x, y)})

    @rule(n=picks, collapsed=st.booleans())
    def collapse(self, n: int, collapsed: bool) -> None:
        sid = self._pick(n)
        if sid is not None:
            self.controller.set_collapsed(sid, collapsed)

    @rule(n=picks, m=picks, rating=st.none() | st.sampled_from(list(AchRating)))
    def rate(self, n: int, m: int, rating: AchRating | None) -> None:
        evidence, scenario = self._pick(n), self._pick(m)
        if evidence is not None and scenario is not None:
            self._try(ach.rate, self.controller, evidence, scenario, rating)

    @rule(n=picks, relevance=st.booleans(), level=st.none() | st.sampled_from(list(RowLevel)))
    def weigh_row(self, n: int, relevance: bool, level: RowLevel | None) -> None:
        sid = self._pick(n)
        if sid is not None:
            which = "relevance" if relevance else "credibility"
            self._try(ach.set_level, self.controller, sid, which, level)

    @rule(n=picks, text=words)
    def add_signpost(self, n: int, text: str) -> None:
        sid = self._pick(n)
        if sid is not None:
            self._try(ach.new_signpost, self.controller, sid, text)

    @rule(n=picks, status=st.sampled_from(list(SignpostStatus)), text=words, delete=st.booleans())
    def change_signpost(self, n: int, status: SignpostStatus, text: str, delete: bool) -> None:
        signposts = self.controller.doc.signposts
        if not signposts:
            return
        sp = signposts[n % len(signposts)].id
        if delete:
            ach.delete_signpost(self.controller, sp)
        else:
            ach.set_signpost(self.controller, sp, status)
            ach.reword_signpost(self.controller, sp, text)

    @rule()
    def flip_direction(self) -> None:
        view = self.controller.doc.view
        self.controller.set_direction("LR" if view.direction == "TB" else "TB")

    @invariant()
    def scene_mirrors_the_document(self) -> None:
        doc = self.controller.doc
        assert set(self.scene.cards) == {s.id for s in doc.statements}
        assert set(self.scene.edges) == {i.id for i in doc.inferences}

    def teardown(self) -> None:
        stack = self.controller.undo_stack
        end = self.controller.doc.model_dump()
        while stack.canUndo():
            stack.undo()
        assert self.controller.doc.model_dump() == self.start_dump
        assert not self.controller.is_dirty
        while stack.canRedo():
            stack.redo()
        assert self.controller.doc.model_dump() == end
        self.scene_mirrors_the_document()


EditSession.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestEditSession = EditSession.TestCase
