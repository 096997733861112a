"""The trace of a run as Chrome trace-event JSON, which Perfetto (ui.perfetto.dev) opens.

One track per goroutine (the program's goroutines in one process, the outside
world's in another), named ``ID NAME``, and ``ID NAME [TAG]`` when the program
names what the goroutine waits on ``NAME[TAG]`` (the log monitor's
``readCh[c000]``: the goroutine works for container ``c000``). On it:

* a blocked goroutine shows a slice named by Go's wait reason (``chan receive``,
  ``select``, ``sleep``, ``IO wait``), from the instant it parked to the instant
  something made it runnable; its args say what it waits on, named as the
  goroutine dumps name it (``readCh[c000]``, ``readerCtx[c000].Done()``), and
  where it waits: the Go function and line the model's marks give, and the
  Python file and line;
* a runnable goroutine shows ``runnable`` until it gets the processor
  (``runnable (preempted)`` when a preemptive strategy switched it out);
* each stretch it runs shows ``running``, 1 ns wide;
* when a goroutine wakes another (a send handed over, a close, a Done, an
  unlock) a flow arrow joins the waker's ``running`` slice to the woken one's
  next ``running`` slice;
* closing a channel (named) and cancelling a context (which one, and why) are
  instant events.

Counter tracks show the program's goroutines (at every change), and its open
file descriptors and live contexts (at every sample the run took).

Times are simulated: 1 µs in the viewer is 1 µs of the simulated program, with
one exception. Goroutines run within an instant of simulated time, so that many
steps share one timestamp; to make them visible each step is laid 1 ns after
the previous one in display time, in the order they ran, and the events of the
step with it (a burst of 300 steps at one instant spans 300 ns). Display time
catches up with simulated time at the next instant that is later. The args of
every ``running`` slice give its true instant (``sim_ns``) and its order at
that instant (``step``).

The format is the Trace Event Format (Google, "Trace Event Format", 2016):
``{"traceEvents": [...]}`` with phases X (complete), i (instant), s/f (flow),
C (counter) and M (metadata).
"""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..duration import Minute, format_duration
from ..go import goroutine as _g
from ..go.chan import Chan
from ..go.frames import frame_of, python_stack
from ..go.goroutine import Goroutine
from ..go.runtime import Runtime
from ..sched.strategies import Strategy

PROGRAM, OUTSIDE = 1, 2
TRACE_UNTIL = 15 * Minute  # ``simlab trace``'s default: the experiment's duration, at most this
RUN_NS = 1  # a running stretch is drawn 1 ns wide
_TAG = re.compile(r"\[([^\[\]]+)\]")


def _us(ns: int) -> float:
    return ns / 1000


def primitive_label(p: Any) -> str:
    """How the dumps name a primitive: ``readCh[c000]``, ``readerCtx[c000].Done()``,
    ``WaitGroup#4``; an unnamed timer's channel is ``timer.C`` (``ticker.C``)."""
    owner = getattr(p, "owner", None)
    if owner is not None and getattr(p, "name", None) is None and not hasattr(owner, "label"):
        return f"{type(owner).__name__.lower()}.C"
    label = getattr(p, "label", None)
    return str(label()) if callable(label) else type(p).__name__


def waiting_on_labels(g: Goroutine) -> list[str]:
    """What a parked goroutine waits on, named as the dumps name it (empty: nothing,
    as in a sleep or on the nil channel)."""
    return [primitive_label(p) for p in g.waiting_on()]


def display_path(path: str) -> str:
    """A source file as a reader finds it: relative to the working directory, else
    from the ``models``/``simlab`` folder on."""
    cwd = os.getcwd()
    if path.startswith(cwd + os.sep):
        return path[len(cwd) + 1 :]
    parts = Path(path).parts
    for anchor in ("models", "simlab", "tests", "docs"):
        if anchor in parts:
            return str(Path(*parts[parts.index(anchor) :]))
    return path


def _where(g: Goroutine) -> dict[str, str]:
    stack = python_stack(g)
    if not stack:
        return {}
    code, line = stack[0]
    frame, py = frame_of(code, line), display_path(code.co_filename)
    go = frame.func if frame.file == py else f"{frame.func} {frame.file}:{frame.line}"
    return {"go": go, "python": f"{py}:{line}"}


class Annotator(Strategy):
    """``inner``'s decisions, unchanged; notes, each time a goroutine parks, what it
    waits on and where, for the trace's args (the runtime's trace records only the
    wait reason)."""

    def __init__(self, inner: Strategy):
        self.inner = inner
        self.name = inner.name
        self.preemptive = inner.preemptive
        self.footprints = inner.footprints
        self.readies = inner.readies
        self.notes: dict[int, dict[str, str]] = {}  # trace event index -> args
        self.tags: dict[int, str] = {}  # goroutine -> the first NAME[TAG] it waited on
        self.channels: dict[int, str] = {}  # channel id -> label
        self._events: list[Any] | None = None

    def bind(self, seed: int) -> None:
        self.inner.bind(seed)

    def attach(self, rt: Runtime) -> None:
        self.inner.attach(rt)
        self._events = rt.trace.events

    def on_go(self, g: Goroutine) -> None:
        self.inner.on_go(g)

    def on_ready(self, g: Goroutine) -> None:
        self.inner.on_ready(g)

    def on_footprint(self, g: Goroutine | None, objects: frozenset[int]) -> None:
        self.inner.on_footprint(g, objects)

    def pick(self, runq: Sequence[Goroutine]) -> int:
        return self.inner.pick(runq)

    def choose(self, n: int) -> int:
        return self.inner.choose(n)

    def preempt(self, g: Goroutine, runq: Sequence[Goroutine]) -> bool:
        return self.inner.preempt(g, runq)

    def on_step(self, g: Goroutine, step: int) -> None:
        self.inner.on_step(g, step)
        if g.state != _g.WAITING:
            return
        events = self._events
        if not events:
            return
        last = len(events) - 1
        _, gid, kind, _ = events[last]
        if gid != g.id or kind != "block":
            return
        on = []
        for p in g.waiting_on():
            label = primitive_label(p)
            on.append(label)
            if isinstance(p, Chan):
                self.channels[p.id] = label
            if g.id not in self.tags:
                tag = _TAG.search(label)
                if tag:
                    self.tags[g.id] = tag.group(1)
        note = _where(g)
        if on:
            note["waits on"] = ", ".join(on)
        self.notes[last] = note

    def __str__(self) -> str:
        return str(self.inner)


def _channel_labels() -> dict[int, str]:
    """Every channel still in memory, by id: the names of channels nobody waited on."""
    return {o.id: o.label() for o in gc.get_objects() if isinstance(o, Chan)}


class _Events:
    """The trace events being built, and the display clock (see the module)."""

    def __init__(self) -> None:
        self.out: list[dict[str, Any]] = []
        self.cursor = 0  # display ns of the step running now
        self.next_free = 0  # display ns where the next step may start
        self.instant = -1
        self.order = 0

    def step(self, now: int) -> int:
        if now != self.instant:
            self.instant, self.order = now, 0
        else:
            self.order += 1
        self.cursor = max(now, self.next_free)
        self.next_free = self.cursor + RUN_NS
        return self.cursor

    def at(self, now: int) -> int:
        """Display time of an event at simulated ``now`` within the current step."""
        return max(now, self.cursor)


def trace_events(
    rt: Runtime,
    notes: Annotator | None = None,
    samples: Any = None,
) -> list[dict[str, Any]]:
    """Chrome trace events for everything the run recorded (``Runtime(trace=True)``);
    ``notes`` (the run's :class:`Annotator`) adds what blocked goroutines waited on,
    ``samples`` (the run's :class:`~simlab.observe.metrics.Samples`) the FD and
    context counters."""
    if not rt.trace.full:
        raise ValueError("this run did not record its events: make it with Runtime(trace=True)")
    ev = _Events()
    events = ev.out
    events += [
        {"name": "process_name", "ph": "M", "pid": PROGRAM, "args": {"name": "program"}},
        {"name": "process_name", "ph": "M", "pid": OUTSIDE, "args": {"name": "outside world"}},
    ]
    channels = _channel_labels()
    if notes is not None:
        channels.update(notes.channels)
    contexts = {c.id: c for c in rt.contexts()}
    tags = notes.tags if notes is not None else {}
    pid: dict[int, int] = {1: PROGRAM}
    open_span: dict[int, tuple[str, int, dict[str, str] | None]] = {}  # gid -> (state, since, args)
    pending_flows: dict[int, list[int]] = {}  # woken goroutine -> flow ids waiting for its run
    flow_ids = iter(range(1, 1 << 62))
    alive = 0
    between = False  # a track named for events between goroutines (a timer firing)
    end = rt.now

    def close(gid: int, at: int) -> None:
        state = open_span.pop(gid, None)
        if state is not None and at > state[1]:
            name, since, args = state
            e: dict[str, Any] = {
                "name": name,
                "cat": "state",
                "ph": "X",
                "ts": _us(since),
                "dur": _us(at - since),
                "pid": pid.get(gid, PROGRAM),
                "tid": gid,
            }
            if args:
                e["args"] = args
            events.append(e)

    def counter(at: int, name: str, value: float) -> None:
        events.append(
            {"name": name, "ph": "C", "ts": _us(at), "pid": PROGRAM, "args": {name: value}}
        )

    for index, (now, gid, kind, detail) in enumerate(rt.trace.events):
        if kind == "go":
            name, _, system = detail
            pid[gid] = OUTSIDE if system else PROGRAM
            tag = f" [{tags[gid]}]" if gid in tags else ""
            events.append(
                {
                    "name": "thread_name",
                    "ph": "M",
                    "pid": pid[gid],
                    "tid": gid,
                    "args": {"name": f"{gid} {name}{tag}"},
                }
            )
            at = ev.at(now)
            open_span[gid] = ("runnable", at, None)
            if not system:
                alive += 1
                counter(at, "goroutines", alive)
        elif kind == "run":
            at = ev.step(now)
            close(gid, at)
            events.append(
                {
                    "name": "running",
                    "cat": "state",
                    "ph": "X",
                    "ts": _us(at),
                    "dur": _us(RUN_NS),
                    "pid": pid.get(gid, PROGRAM),
                    "tid": gid,
                    "args": {"sim_ns": now, "step": ev.order},
                }
            )
            for fid in pending_flows.pop(gid, ()):
                events.append(
                    {
                        "name": "wake",
                        "cat": "wake",
                        "ph": "f",
                        "bp": "e",
                        "id": fid,
                        "ts": _us(at),
                        "pid": pid.get(gid, PROGRAM),
                        "tid": gid,
                    }
                )
        elif kind == "block":
            args = {"wait reason": str(detail)}
            if notes is not None:
                args.update(notes.notes.get(index, {}))
            open_span[gid] = (detail, max(now, ev.next_free), args)
        elif kind == "preempted":
            open_span[gid] = ("runnable (preempted)", max(now, ev.next_free), None)
        elif kind == "ready":
            at = ev.at(now)
            close(gid, at)
            open_span[gid] = ("runnable", at, None)
            if detail and detail in pid:
                fid = next(flow_ids)
                events.append(
                    {
                        "name": "wake",
                        "cat": "wake",
                        "ph": "s",
                        "id": fid,
                        "ts": _us(at),
                        "pid": pid[detail],
                        "tid": detail,
                    }
                )
                pending_flows.setdefault(gid, []).append(fid)
        elif kind == "exit":
            at = max(now, ev.next_free)
            close(gid, at)
            if pid.get(gid) == PROGRAM:
                alive -= 1
                counter(at, "goroutines", alive)
        elif kind in ("close", "cancel"):
            if gid == 0 and not between:
                between = True
                events.append(
                    {
                        "name": "thread_name",
                        "ph": "M",
                        "pid": PROGRAM,
                        "tid": 0,
                        "args": {"name": "0 timers and the outside world"},
                    }
                )
            at = ev.at(now)
            events.append(
                _instant(kind, detail, at, pid.get(gid, PROGRAM), gid, channels, contexts)
            )
    end = max(end, ev.next_free)
    for gid in list(open_span):
        close(gid, end)
    if samples is not None:
        for k in range(len(samples.t)):
            t = int(samples.t[k])
            counter(t, "open FDs", float(samples.fds[k]))
            counter(t, "live contexts", float(samples.contexts[k]))
    # a flow whose target never ran again has no end: drop its start
    dangling = {fid for fids in pending_flows.values() for fid in fids}
    return [e for e in events if not (e["ph"] == "s" and e["id"] in dangling)]


def _instant(
    kind: str,
    detail: Any,
    at: int,
    pid: int,
    gid: int,
    channels: dict[int, str],
    contexts: dict[int, Any],
) -> dict[str, Any]:
    if kind == "close":
        label = channels.get(detail, f"chan#{detail}")
        name, args = f"close {label}", {"channel": label}
    else:
        ctx_id, err = detail
        ctx = contexts.get(ctx_id)
        label = ctx.label() if ctx is not None else f"context#{ctx_id}"
        name = f"cancel {label} ({err})"
        args = {"context": label, "err": str(err)}
        if ctx is not None and getattr(ctx, "parent", None) is not None:
            args["parent"] = ctx.parent.label()
    return {
        "name": name,
        "cat": kind,
        "ph": "i",
        "s": "t",
        "ts": _us(at),
        "pid": pid,
        "tid": gid,
        "args": args,
    }


def write_trace(
    rt: Runtime, path: Path, notes: Annotator | None = None, samples: Any = None
) -> int:
    """Write the run's trace to ``path``; returns the number of events."""
    events = trace_events(rt, notes, samples)
    data = {
        "traceEvents": events,
        "displayTimeUnit": "ns",
        "otherData": {
            "generator": "simlab",
            "seed": rt.seed,
            "strategy": str(rt.strategy),
            "until": format_duration(rt.now),
            "display time": "simulated; steps at one instant are laid 1 ns apart "
            "(running slices' args: sim_ns, step)",
        },
    }
    path.write_text(json.dumps(data))
    return len(events)
