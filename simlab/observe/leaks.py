"""Three ways to decide that a goroutine has leaked, applied to the same program.

**End of run** (goleak's rule): when the program should have no goroutines left
but main, every goroutine still alive is a leak, except those an ignore list
names. It sees only what outlives the program's shutdown.

**Durably blocked** (testing/synctest's rule): at a quiescent instant, a
goroutine blocked on channels, a select, a WaitGroup, a lock (any primitive that
parks durably) that nothing but another goroutine of the program could wake: no
timer, no deadline, no network, no signal. It flags leaks while the program runs,
and also idle goroutines that are waiting for work.

The oracles know nothing of particular primitives: they read what a parked
goroutine recorded (its wait reason, the objects it waits on, whether the wait is
durable) and ask those objects for their ``wake_source()`` and ``label()``.

**Unreachable** (Go 1.27's ``goroutineleak`` profile): a goroutine blocked on
primitives that no goroutine that can still run can reach. Reachability is
computed over the objects the goroutines' frames really reference, as the
garbage collector would: from every goroutine that can run (runnable, sleeping,
in IO wait) and from armed timers and external channels, through locals,
fields, closures and containers; a blocked goroutine whose channel is reached
becomes a root too. A leaked goroutine whose context is still registered in a
live parent stays reachable, and this oracle cannot see it.
``goroutineleak_profile(rt, debug)`` writes its verdict as Go 1.27's
``goroutineleak`` profile.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import types
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import simpy

from ..errors import SimlabError
from ..go import goroutine as _g
from ..go.chan import Chan, Waiter
from ..go.context import Context
from ..go.frames import delegate, entry_frame, frame_of, python_stack
from ..go.goroutine import Goroutine
from ..go.profile import count_profile, goroutineleak_traceback
from ..go.runtime import Runtime
from ..go.waitqueue import WaitQueue

ORACLES = ("end of run", "durably blocked", "unreachable")


@dataclass
class Verdict:
    """One oracle's answer about one goroutine, and why."""

    flagged: bool
    why: str


@dataclass
class LeakReport:
    """Every oracle's verdict on every goroutine it was asked about."""

    at: int
    verdicts: dict[int, dict[str, Verdict]] = field(default_factory=dict)
    goroutines: dict[int, Goroutine] = field(default_factory=dict)
    keys: dict[int, str] = field(default_factory=dict)  # group_key, taken at the instant

    def flagged(self, oracle: str) -> list[Goroutine]:
        return [self.goroutines[i] for i, v in self.verdicts.items() if v[oracle].flagged]


# --- what can wake a goroutine -------------------------------------------------


_NOT_DURABLE = {_g.IO_WAIT: "the network (IO wait)", _g.SLEEP: "time (sleep)"}


def wake_sources(g: Goroutine) -> list[str]:
    """What besides another goroutine could end this goroutine's wait."""
    if g.state == _g.WAITING and not g.durable:
        return [_NOT_DURABLE.get(g.wait_reason, g.wait_reason)]
    return g.wake_sources()


def durably_blocked(g: Goroutine) -> Verdict:
    """synctest's rule: blocked on primitives that only goroutines could signal."""
    if g.state != _g.WAITING or not g.durable:
        sources = wake_sources(g)
        return Verdict(False, f"not durably blocked: {sources[0] if sources else g.status()}")
    sources = wake_sources(g)
    if sources:
        return Verdict(False, f"can be woken by {sources[0]}")
    return Verdict(True, f"[{g.wait_reason}] on {_describe_wait(g)}: only a goroutine can wake it")


def _describe_wait(g: Goroutine) -> str:
    prims = g.waiting_on()
    if not prims:
        return "nothing (nil channel or empty select)"
    return ", ".join(name_of(p) for p in prims)


def name_of(obj: Any) -> str:
    """A primitive's ``label()``, else its type and identity."""
    label = getattr(obj, "label", None)
    if callable(label):
        return str(label())
    ident = getattr(obj, "id", None)
    return f"{type(obj).__name__}#{ident}" if ident is not None else type(obj).__name__


# --- reachability (goroutineleak) ---------------------------------------------


_SKIP_BY_TYPE: dict[type, bool] = {}


def _skip(obj: Any) -> bool:
    """Objects that are not the program's heap: the runtime, the simulator, numbers...
    (decided once per type: every test below depends on the type alone)."""
    kind = type(obj)
    skip = _SKIP_BY_TYPE.get(kind)
    if skip is None:
        skip = _SKIP_BY_TYPE[kind] = _skip_type(obj)
    return skip


def _skip_type(obj: Any) -> bool:
    return (
        obj is None
        or isinstance(
            obj,
            str
            | bytes
            | int
            | float
            | complex
            | Runtime
            | Goroutine
            | Waiter
            | WaitQueue
            | simpy.Environment
            | simpy.Event
            | types.ModuleType
            | type
            | types.CodeType
            | types.FrameType
            | types.GeneratorType
            | np.ndarray
            | np.random.Generator,
        )
        or getattr(type(obj), "outside_world", False)
    )


def _edges(obj: Any) -> tuple[str, Iterable[tuple[Any, Any]]]:
    """What ``obj`` references, as the collector would follow it: ``(fmt, pairs)``,
    each pair a key and what it leads to; ``fmt.format(key)`` labels that edge. Most
    edges lead to an object already reached, so labels are made only by ``path``."""
    kind = type(obj)
    edges = _EDGES_BY_TYPE.get(kind)
    if edges is None:
        edges = _EDGES_BY_TYPE[kind] = _edges_of_type(obj)
    return edges(obj)


def _items(obj: dict[Any, Any]) -> tuple[str, Iterable[tuple[Any, Any]]]:
    return "[{!r}]", obj.items()


def _elements(obj: Iterable[Any]) -> tuple[str, Iterable[tuple[Any, Any]]]:
    return "[{}]", enumerate(obj)


def _buffered(obj: Chan) -> tuple[str, Iterable[tuple[Any, Any]]]:
    return "buf[{}]", enumerate(obj._buf)  # a channel holds its values, not its waiters


def _receiver(obj: types.MethodType) -> tuple[str, Iterable[tuple[Any, Any]]]:
    return "{}", [("receiver", obj.__self__)]


def _captured(obj: types.FunctionType) -> tuple[str, Iterable[tuple[Any, Any]]]:
    out = []
    for name, cell in zip(obj.__code__.co_freevars, obj.__closure__ or (), strict=False):
        with contextlib.suppress(ValueError):  # an empty cell
            out.append((f"captured {name}", cell.cell_contents))
    return "{}", out


def _edges_of_type(obj: Any) -> Callable[[Any], tuple[str, Iterable[tuple[Any, Any]]]]:
    """How to list the references of instances of ``obj``'s type (every test depends
    on the type alone, so :func:`_edges` decides once per type)."""
    kind = type(obj)
    if issubclass(kind, dict):
        return _items
    if issubclass(kind, list | tuple | deque | set | frozenset):
        return _elements
    if issubclass(kind, Chan):
        return _buffered
    if issubclass(kind, types.MethodType):
        return _receiver
    if issubclass(kind, types.FunctionType):
        return _captured
    slots = _slots(kind)
    has_dict = hasattr(obj, "__dict__")

    def fields(obj: Any) -> tuple[str, Iterable[tuple[Any, Any]]]:
        out: list[tuple[Any, Any]] = list(vars(obj).items()) if has_dict else []
        for slot in slots:
            value = getattr(obj, slot, _UNSET)
            if value is not _UNSET:  # an unset slot references nothing
                out.append((slot, value))
        return ".{}", out

    return fields


_UNSET = object()


_EDGES_BY_TYPE: dict[type, Callable[[Any], tuple[str, Iterable[tuple[Any, Any]]]]] = {}


def _slots(kind: type) -> tuple[str, ...]:
    """The slots of ``kind``'s instances, from its class down to ``object``."""
    return tuple(
        slot
        for cls in kind.__mro__
        for slot in getattr(cls, "__slots__", ())
        if not slot.startswith("__")
    )


def _frame_locals(g: Goroutine) -> list[tuple[str, Any]]:
    """Locals of the goroutine's Python frames (the Go stack's variables)."""
    out = []
    gen: Any = g.gen  # a generator, or whatever it delegates to with ``yield from``
    while gen is not None and getattr(gen, "gi_frame", None) is not None:
        frame = gen.gi_frame
        fn = frame.f_code.co_qualname.replace(".<locals>", "")
        out += [(f"{fn}() local {k}", v) for k, v in frame.f_locals.items()]
        gen = delegate(gen)
    return out


class _Marker:
    """Marks everything reachable, remembering for each object how it was reached."""

    def __init__(self) -> None:
        # id -> (the id it was reached from, or None for a root; the edge's label as
        # a format and its key, formatted only when a path is shown)
        self.parent: dict[int, tuple[int | None, str, Any]] = {}
        self.objects: dict[int, Any] = {}

    def mark(self, root_label: str, edges: list[tuple[str, Any]]) -> None:
        parent, objects = self.parent, self.objects
        work = []
        for label, obj in edges:
            if _skip(obj) or id(obj) in parent:
                continue
            parent[id(obj)] = (None, "{}", f"{root_label}: {label}")
            objects[id(obj)] = obj
            work.append(obj)
        skip_by_type = _SKIP_BY_TYPE
        while work:
            obj = work.pop()
            fmt, pairs = _edges(obj)
            for key, child in pairs:
                skip = skip_by_type.get(type(child))  # _skip(child), inlined
                if skip is None:
                    skip = _skip(child)
                if skip:
                    continue
                at = id(child)
                if at in parent:
                    continue
                parent[at] = (id(obj), fmt, key)
                objects[at] = child
                work.append(child)

    def reached(self, obj: Any) -> bool:
        return id(obj) in self.parent

    def path(self, obj: Any) -> str:
        """How ``obj`` was reached, from its root: ``goroutine 1 [main] main() local ctx
        (ctx) -> _children[17] (readerCtx[c000]) -> _done``."""
        chain: list[tuple[str, Any]] = []
        at: int | None = id(obj)
        while at is not None:
            parent, fmt, key = self.parent[at]
            chain.append((fmt.format(key), self.objects[at]))
            at = parent
        text = ""
        for label, target in reversed(chain):
            if label.startswith("["):
                text += label
            else:
                text += (" -> " if text else "") + label.lstrip(".")
            if isinstance(target, Context) and target is not obj:
                text += f" ({name_of(target)})"
        return text


def _is_root(g: Goroutine) -> str | None:
    """Why a goroutine counts as able to run (a GC root), or None."""
    if g.state != _g.WAITING:
        return g.state
    if not g.durable:
        return g.wait_reason
    sources = g.wake_sources()  # the outside world, an armed timer, a pending deadline
    return f"can be woken by {sources[0]}" if sources else None


def _running_locals(g: Goroutine) -> list[tuple[str, Any]]:
    """Locals of every frame of the running goroutine ``g``, from its function down to
    the call that asks (a running generator's frame does not list the calls it is in)."""
    root = getattr(g.gen, "gi_frame", None)
    out = []
    frame: types.FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename != __file__:
            fn = frame.f_code.co_qualname.replace(".<locals>", "")
            out += [(f"{fn}() local {k}", v) for k, v in frame.f_locals.items()]
        if frame is root:
            return out
        frame = frame.f_back
    return _frame_locals(g)  # not called from inside g after all


def unreachable(
    rt: Runtime, roots: Iterable[tuple[str, Any]] | None = None
) -> tuple[dict[int, Verdict], _Marker]:
    """Go 1.27's goroutineleak rule over every program goroutine.

    ``roots``: what the running goroutine (if one is asking) still holds, as
    ``(label, value)`` pairs scanned instead of its stack (see
    ``goroutineleak_profile``).
    """
    with _collector_paused():
        return _unreachable(rt, roots)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector off while the oracle reads the heap: marking allocates a
    record per object reached, tens of thousands, and each such batch would start a
    collection that walks the program's objects again (40 % of the oracle's time).
    A collection has nothing to free here, and finalizers run mid-walk would change
    the heap being read."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _unreachable(
    rt: Runtime, roots: Iterable[tuple[str, Any]] | None
) -> tuple[dict[int, Verdict], _Marker]:
    marker = _Marker()
    gs = rt.goroutines()
    current = rt.current
    root_of: dict[int, str] = {}
    for g in gs:
        why = "running" if g is current else _is_root(g)
        if why is None:
            continue
        root_of[g.id] = why
        if g is not current:
            stack = _frame_locals(g)
        else:
            stack = _running_locals(g) if roots is None else list(roots)
        marker.mark(f"goroutine {g.id} [{g.name}]", stack)
    for timer in rt.timer_table.armed():
        held = getattr(timer, "roots", None)
        marker.mark("an armed timer", held() if held is not None else [("timer", timer)])
    blocked = [(g, g.waiting_on()) for g in gs if g.id not in root_of]
    changed = True
    while changed:  # a goroutine blocked on something reachable may run: its frames count
        changed = False
        for g, waits in blocked:
            if g.id in root_of:
                continue
            reached = [p for p in waits if marker.reached(p)]
            if reached:
                root_of[g.id] = f"{name_of(reached[0])} reachable: {marker.path(reached[0])}"
                marker.mark(f"goroutine {g.id} [{g.name}]", _frame_locals(g))
                changed = True
    verdicts = {}
    for g in gs:
        if g.id in root_of:
            verdicts[g.id] = Verdict(False, root_of[g.id])
        else:
            verdicts[g.id] = Verdict(True, f"nothing that can run reaches {_describe_wait(g)}")
    return verdicts, marker


def end_of_run(rt: Runtime, ignore: tuple[str, ...] = ()) -> dict[int, Verdict]:
    """goleak's rule: any goroutine alive but main (and the ignored names) is a leak."""
    out = {}
    for g in rt.goroutines():
        if g.id == 1:
            continue
        if g.name in ignore:
            out[g.id] = Verdict(False, "ignored by name")
        else:
            out[g.id] = Verdict(True, f"alive at the end [{g.status()}]")
    return out


def check(rt: Runtime, ignore: tuple[str, ...] = ()) -> LeakReport:
    """All three oracles on the program as it stands now."""
    report = LeakReport(at=rt.now)
    reach, _ = unreachable(rt)
    end = end_of_run(rt, ignore)
    for g in rt.goroutines():
        if g.id == 1:
            continue
        report.goroutines[g.id] = g
        report.keys[g.id] = group_key(g)
        report.verdicts[g.id] = {
            "end of run": end[g.id],
            "durably blocked": durably_blocked(g),
            "unreachable": reach[g.id],
        }
    return report


def leaked_goroutines(
    rt: Runtime, roots: Iterable[tuple[str, Any]] | None = None
) -> list[Goroutine]:
    """The goroutines Go 1.27's ``goroutineleak`` collection would mark leaked now:
    blocked, and unreachable from every goroutine that can run (``unreachable``)."""
    verdicts, _ = unreachable(rt, roots)
    return [g for g in rt.goroutines() if verdicts[g.id].flagged]


def goroutineleak_profile(
    rt: Runtime, debug: int = 1, *, roots: Iterable[tuple[str, Any]] | None = None
) -> str:
    """``pprof.Lookup("goroutineleak").WriteTo(w, debug)`` of Go 1.27, for the program
    on ``rt`` as it stands now.

    ``debug=1``: ``goroutineleak profile: total N``, then the leaked goroutines
    grouped by stack, largest group first. ``debug=2``: every goroutine's stack, a
    leaked one headed ``goroutine 12 [chan send (leaked)]:``; when a goroutine
    calls this (a plain call, not yielded), it is listed first as running, under
    ``runtime/pprof``'s frames.

    ``roots`` is the liveness rule for that calling goroutine. Go's collector scans
    a stack with liveness: a variable the goroutine never uses again keeps nothing
    reachable. simlab cannot tell which Python locals are dead, so by default every
    local of every frame of the caller counts, which can hide a leak Go reports
    (a goroutine blocked on a channel only a dead local reaches) but never
    reports one Go does not. ``roots``, a list of ``(label, value)`` pairs, replaces
    the caller's stack with exactly what it will still use: e.g.
    ``[("prof", prof)]`` for a deferred function that only writes the profile
    (what GoKer's programs do: nothing ``main`` holds is used again).
    """
    if debug not in (1, 2):
        raise SimlabError(f"goroutineleak profile: debug must be 1 or 2, not {debug!r}")
    leaked = leaked_goroutines(rt, roots)
    if debug == 1:
        return count_profile("goroutineleak", leaked)
    return goroutineleak_traceback(rt, leaked)


@dataclass
class Group:
    """Goroutines with the same name, wait and place, and what each oracle said of them."""

    key: str
    count: int = 0
    leaked: int | None = None  # by the model's own account, if it keeps one
    flagged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ORACLES, 0))
    flagged_healthy: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ORACLES, 0))
    why: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "goroutines": self.key,
            "count": self.count,
            "leaked": self.leaked,
            "oracles": {
                o: {
                    "flagged": self.flagged[o],
                    "flagged_healthy": self.flagged_healthy[o],
                    "why": self.why.get(o, ""),
                }
                for o in ORACLES
            },
        }


def group_key(g: Goroutine) -> str:
    """Name, wait and innermost program frame, without the minutes."""
    stack = python_stack(g)  # the innermost frame alone is named
    top = frame_of(*stack[0]) if stack else entry_frame(g)
    where = f"{top.file}:{top.line}" if top is not None else "?"
    state = g.wait_reason if g.state == _g.WAITING else g.state
    return f"{g.name} [{state}] {where}"


def summarize(
    during: LeakReport, alive_after: set[int] | None, healthy: set[int] | None
) -> list[Group]:
    """Group a report taken while running; ``alive_after`` (ids alive once the program
    stopped) decides the end-of-run oracle, ``healthy`` the model's own verdict."""
    groups: dict[str, Group] = {}
    for gid, verdicts in during.verdicts.items():
        key = during.keys[gid]
        group = groups.setdefault(key, Group(key))
        group.count += 1
        if healthy is not None:
            group.leaked = (group.leaked or 0) + (gid not in healthy)
        end = verdicts["end of run"]
        if alive_after is not None:
            end = (
                Verdict(True, "still alive after shutdown")
                if gid in alive_after
                else Verdict(False, "exited during shutdown")
            )
        is_healthy = healthy is not None and gid in healthy
        for oracle, verdict in (("end of run", end), *((o, verdicts[o]) for o in ORACLES[1:])):
            group.flagged[oracle] += verdict.flagged
            group.flagged_healthy[oracle] += verdict.flagged and is_healthy
            group.why.setdefault(oracle, verdict.why)
    return sorted(groups.values(), key=lambda gr: (-(gr.leaked or 0), -gr.count, gr.key))


def format_groups(groups: list[Group], at: str) -> str:
    """Which oracle flags which goroutines, and why; quiet healthy groups in one line."""
    lines = [f"leak oracles (goroutines at {at}; end of run: after shutdown):"]
    quiet = []
    for gr in groups:
        if not gr.leaked and not any(gr.flagged.values()):
            quiet.append(f"{gr.count} {gr.key.split(' [')[0]}")
            continue
        truth = "" if gr.leaked is None else f", {gr.leaked} leaked by the model's account"
        lines.append(f"  {gr.count:>5} x {gr.key}{truth}")
        for oracle in ORACLES:
            n, wrong = gr.flagged[oracle], gr.flagged_healthy[oracle]
            verdict = "flags all" if n == gr.count else ("misses" if n == 0 else f"flags {n}")
            if wrong:
                verdict += f" ({wrong} of them not counted as leaked)"
            lines.append(f"          {oracle:<16} {verdict}: {gr.why.get(oracle, '')}")
    if quiet:
        lines.append(f"  flagged by no oracle, and healthy: {', '.join(quiet)}")
    return "\n".join(lines)
