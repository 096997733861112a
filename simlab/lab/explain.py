"""Why a run went the way it did: every scheduling decision, where each goroutine stood.

:class:`Explainer` wraps a strategy and answers every question exactly as the
strategy does (so the run, its schedule and its digest are unchanged), writing
down as it goes:

* for a *pick* (which ready goroutine runs next): the goroutines that were
  ready, where each stands (its Python file and line, and the Go function and
  line the model's ``gofunc`` and ``# L<n>`` marks give), the one chosen, and
  what that goroutine then did: the operation it blocked in and on what, or that
  it returned;
* for a *choice* (a ``select`` with several ready cases, the order a context's
  children are cancelled): who was choosing, where, between what, and what was
  taken;
* for a *preemption point* of a preemptive strategy: whether the running
  goroutine went on or was switched out.

Decision ``k`` of the log is decision ``k`` of the run's schedule, so ``--schedule
3:1`` is "take option 1 at the decision numbered 3 here".
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from ..duration import format_duration
from ..go import goroutine as _g
from ..go.frames import _is_internal, frame_of, python_stack
from ..go.goroutine import Goroutine
from ..go.runtime import Runtime
from ..observe.perfetto import display_path, primitive_label, waiting_on_labels
from ..sched.strategies import Strategy

MAX_EXPLAINED = 5_000  # decisions written down in full; the rest are only counted


@dataclass
class Place:
    """Where a goroutine stands: its innermost program frame, in Python and in Go."""

    python: str  # "models/zoo/lost_signal.py:51"
    go: str  # "main.handle lost_signal.go:27", or the Python function's name


@dataclass
class Candidate:
    """A goroutine as a decision saw it."""

    id: int
    name: str
    state: str  # "not started", "woken", "preempted", ...
    place: Place | None


@dataclass
class Decision:
    """One decision of the run and what followed it."""

    index: int
    at: int  # simulated instant, ns
    kind: str  # "pick", "choose" or "preempt"
    options: int
    chosen: int
    candidates: list[Candidate] = field(default_factory=list)  # pick: the ready goroutines
    chooser: Candidate | None = None  # choose, preempt: the goroutine deciding
    what: str = ""  # choose: what was chosen among ("select", "cancel order")
    alternatives: list[str] = field(default_factory=list)  # choose: the options, described
    then: str = ""  # what the chosen goroutine did next

    def as_dict(self) -> dict[str, Any]:
        def cand(c: Candidate | None) -> dict[str, Any] | None:
            if c is None:
                return None
            place = None if c.place is None else {"python": c.place.python, "go": c.place.go}
            return {"id": c.id, "name": c.name, "state": c.state, "at": place}

        return {
            "index": self.index,
            "at_ns": self.at,
            "kind": self.kind,
            "options": self.options,
            "chosen": self.chosen,
            "ready": [cand(c) for c in self.candidates],
            "goroutine": cand(self.chooser),
            "what": self.what or None,
            "alternatives": self.alternatives,
            "then": self.then,
        }


def _suspended_stack(g: Goroutine) -> list[tuple[Any, int]]:
    """``g``'s frames, innermost first, read from its generators: for a goroutine that
    is running but stopped at a yield (a preemption point asks about it there)."""
    chain = []
    gen: Any = g.gen
    while gen is not None and getattr(gen, "gi_frame", None) is not None:
        chain.append((gen.gi_frame.f_code, gen.gi_frame.f_lineno))
        gen = gen.gi_yieldfrom
    return [(c, n) for c, n in reversed(chain) if not _is_internal(c)]


def place_of(g: Goroutine) -> Place | None:
    """Where ``g`` stands now (its innermost frame outside simlab), None if nowhere."""
    stack = python_stack(g) or (_suspended_stack(g) if g.state == _g.RUNNING else [])
    if not stack:
        return None
    code, line = stack[0]
    py = f"{display_path(code.co_filename)}:{line}"
    frame = frame_of(code, line)
    go = frame.func if frame.file.endswith(".py") else f"{frame.func} {frame.file}:{frame.line}"
    return Place(py, go)


def _state(g: Goroutine) -> str:
    if g.state == _g.RUNNING:
        return "running"
    if g.state == _g.WAITING:
        return f"blocked [{g.wait_reason}]"
    gen: Any = g.gen
    if getattr(gen, "gi_frame", None) is not None and not getattr(gen, "gi_suspended", True):
        return "not started"
    return "ready"


def _candidate(g: Goroutine) -> Candidate:
    return Candidate(g.id, g.name, _state(g), place_of(g))


def _after(g: Goroutine, rt: Any) -> str:
    """What ``g`` did with the processor it was given, now that it gave it up."""
    where = place_of(g)
    at = f" at {where.python} ({where.go})" if where is not None else ""
    if g.state == _g.WAITING:
        on = waiting_on_labels(g)
        what = f" on {', '.join(on)}" if on else ""
        return f"blocked in {g.wait_reason}{what}{at}"
    if g.state == _g.DEAD:
        halted = getattr(rt, "halted", None) if rt is not None else None
        if halted in ("panic", "fatal error"):
            return f"the program ended: {halted}"
        return "returned"
    if g.state == _g.RUNNABLE:
        return f"gave up the processor, still runnable{at}"
    return g.state


def _case_text(i: int, case: Any) -> str:
    ch = getattr(case, "ch", None)
    target = primitive_label(ch) if ch is not None else "nil channel"
    verb = "send on" if type(case).__name__ == "Send" else "receive from"
    return f"case {i}: {verb} {target}"


def _label(x: Any) -> str:
    label = getattr(x, "label", None)
    return str(label()) if callable(label) else type(x).__name__


def _what_is_chosen() -> tuple[str, list[str]]:
    """What a ``choose`` decides, read from its callers' frames: a select's ready
    cases, which of a context's children is cancelled next, else the calling
    function's choice."""
    from ..go.context import Context
    from ..go.select import Select

    items: list[str] = []
    f: FrameType | None = sys._getframe(2)
    while f is not None:
        local = f.f_locals
        me = local.get("self")
        if isinstance(me, Select):
            ready = local.get("ready")
            cases = list(me.cases)
            if not isinstance(ready, list):  # the two-case select: both are ready
                ready = [0, 1]
            return "select", [_case_text(i, cases[i]) for i in ready if i < len(cases)]
        if f.f_code.co_name == "shuffled" and isinstance(local.get("rest"), list):
            items = [_label(x) for x in local["rest"]]
        elif isinstance(me, Context) and f.f_code.co_name == "_cancel":
            return f"which child of {me.label()} is cancelled next", items
        elif not f.f_code.co_filename.startswith(_SIMLAB):
            return f"a choice in {f.f_code.co_qualname}", items
        f = f.f_back
    return "a choice", items


_SIMLAB = str(Path(__file__).resolve().parent.parent)


class Explainer(Strategy):
    """``inner``'s decisions, unchanged, written down as :class:`Decision` entries."""

    def __init__(self, inner: Strategy, limit: int = MAX_EXPLAINED):
        self.inner = inner
        self.name = inner.name
        self.preemptive = inner.preemptive
        self.footprints = inner.footprints
        self.readies = inner.readies
        self.limit = limit
        self.decisions: list[Decision] = []
        self.count = 0
        self._waiting: dict[int, list[Decision]] = {}  # goroutine -> entries awaiting "then"

    def bind(self, seed: int) -> None:
        self.inner.bind(seed)
        self.decisions, self.count, self._waiting = [], 0, {}

    def attach(self, rt: Runtime) -> None:
        self.inner.attach(rt)
        self._rt = rt

    def on_go(self, g: Goroutine) -> None:
        self.inner.on_go(g)

    def on_ready(self, g: Goroutine) -> None:
        self.inner.on_ready(g)

    def on_step(self, g: Goroutine, step: int) -> None:
        self.inner.on_step(g, step)
        pending = self._waiting.pop(g.id, None)
        if pending:
            then = _after(g, self._rt)
            for d in pending:
                d.then = then

    def on_footprint(self, g: Goroutine | None, objects: frozenset[int]) -> None:
        self.inner.on_footprint(g, objects)

    def _note(self, d: Decision, gid: int | None) -> None:
        self.decisions.append(d)
        if gid is not None:
            self._waiting.setdefault(gid, []).append(d)

    def _keep(self) -> bool:
        k = self.count
        self.count += 1
        return k < self.limit

    def pick(self, runq: Sequence[Goroutine]) -> int:
        i = self.inner.pick(runq)
        if self._keep():
            ready = [_candidate(runq[k]) for k in range(len(runq))]
            d = Decision(self.count - 1, self._now(), "pick", len(runq), i, candidates=ready)
            self._note(d, runq[i].id)
        return i

    def choose(self, n: int) -> int:
        i = self.inner.choose(n)
        if self._keep():
            g = self._rt.current if self._rt is not None else None
            what, alternatives = _what_is_chosen()
            d = Decision(
                self.count - 1,
                self._now(),
                "choose",
                n,
                i,
                chooser=_candidate(g) if g is not None else None,
                what=what,
                alternatives=alternatives,
            )
            self._note(d, g.id if g is not None else None)
        return i

    def preempt(self, g: Goroutine, runq: Sequence[Goroutine]) -> bool:
        stop = self.inner.preempt(g, runq)
        if self._keep():
            d = Decision(
                self.count - 1,
                self._now(),
                "preempt",
                2,
                int(stop),
                candidates=[_candidate(runq[k]) for k in range(len(runq))],
                chooser=_candidate(g),
            )
            self._note(d, None if stop else g.id)
            if stop:
                d.then = "switched out, before its next operation"
        return stop

    _rt: Runtime | None = None  # attach() sets it

    def _now(self) -> int:
        return int(self._rt.now) if self._rt is not None else 0

    def __str__(self) -> str:
        return str(self.inner)


def _place_text(p: Place | None) -> str:
    return "(nowhere)" if p is None else f"{p.python}  {p.go}"


def format_decisions(explainer: Explainer) -> str:
    """The decision log, one block per decision; a decision that took another option
    than fifo's 0 says so."""
    lines = [
        f"decisions: {explainer.count:,}"
        + (
            f" (the first {explainer.limit:,} explained)"
            if explainer.count > explainer.limit
            else ""
        )
    ]
    for d in explainer.decisions:
        mark = "  (fifo takes 0)" if d.chosen else ""
        head = f"#{d.index} at {format_duration(d.at)}: "
        if d.kind == "pick":
            g = d.candidates[d.chosen]
            lines.append(
                f"{head}run goroutine {g.id} {g.name}: option {d.chosen} of {d.options} ready{mark}"
            )
            width = max(len(f"{c.id} {c.name}") for c in d.candidates)
            for k, c in enumerate(d.candidates):
                arrow = "->" if k == d.chosen else "  "
                who = f"{c.id} {c.name}"
                lines.append(
                    f"  {arrow} {k}: goroutine {who:<{width}}  {c.state:<12} {_place_text(c.place)}"
                )
        elif d.kind == "choose":
            who = (
                f"goroutine {d.chooser.id} {d.chooser.name} at {_place_text(d.chooser.place)}"
                if d.chooser is not None
                else "the runtime, between goroutines"
            )
            lines.append(f"{head}{d.what} in {who}: option {d.chosen} of {d.options}{mark}")
            for k, alt in enumerate(d.alternatives):
                arrow = "->" if k == d.chosen else "  "
                lines.append(f"  {arrow} {k}: {alt}")
        else:
            who_ = d.chooser
            assert who_ is not None
            verb = "switch out" if d.chosen else "go on with"
            lines.append(
                f"{head}preemption point: {verb} goroutine {who_.id} {who_.name} at "
                f"{_place_text(who_.place)}{mark}"
            )
        if d.then:
            lines.append(f"     then: {d.then}")
    if explainer.count > explainer.limit:
        lines.append(
            f"... {explainer.count - explainer.limit:,} more decisions not shown "
            "(run a shorter --set duration to see them)"
        )
    return "\n".join(lines)
