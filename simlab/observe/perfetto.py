"""The trace of a run as Chrome trace-event JSON, which Perfetto (ui.perfetto.dev) opens.

One track per goroutine (the program's goroutines in one process, the outside
world's in another), on which:

* a blocked goroutine shows a slice named by Go's wait reason (``chan receive``,
  ``select``, ``sleep``, ``IO wait``), from the instant it parked to the instant
  something made it runnable;
* a runnable goroutine shows ``runnable`` until it gets the processor;
* each stretch it runs shows ``running`` (1 ns wide: a goroutine runs within an
  instant of simulated time);
* when a goroutine wakes another (a send handed over, a close, a Done, an
  unlock) a flow arrow joins the waker's ``running`` slice to the woken one's
  next ``running`` slice;
* closing a channel and cancelling a context are instant events.

Times are simulated: 1 µs in the viewer is 1 µs of the simulated program.
The format is the Trace Event Format (Google, "Trace Event Format", 2016):
``{"traceEvents": [...]}`` with phases X (complete), i (instant), s/f (flow)
and M (metadata).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..go.runtime import Runtime

PROGRAM, OUTSIDE = 1, 2
RUN_WIDTH = 0.001  # µs: one nanosecond, so that a running stretch is visible


def _us(ns: int) -> float:
    return ns / 1000


def trace_events(rt: Runtime) -> list[dict[str, Any]]:
    """Chrome trace events for everything the run recorded (``Runtime(trace=True)``)."""
    if not rt.trace.full:
        raise ValueError("this run did not record its events: make it with Runtime(trace=True)")
    events: list[dict[str, Any]] = [
        {"name": "process_name", "ph": "M", "pid": PROGRAM, "args": {"name": "program"}},
        {"name": "process_name", "ph": "M", "pid": OUTSIDE, "args": {"name": "outside world"}},
    ]
    pid: dict[int, int] = {1: PROGRAM}
    open_span: dict[int, tuple[str, int]] = {}  # goroutine -> (state, since)
    pending_flows: dict[int, list[int]] = {}  # woken goroutine -> flow ids waiting for its run
    flow_ids = iter(range(1, 1 << 62))
    end = rt.now

    def close(gid: int, now: int) -> None:
        state = open_span.pop(gid, None)
        if state is not None and now > state[1]:
            name, since = state
            events.append(
                {
                    "name": name,
                    "cat": "state",
                    "ph": "X",
                    "ts": _us(since),
                    "dur": _us(now - since),
                    "pid": pid.get(gid, PROGRAM),
                    "tid": gid,
                }
            )

    for now, gid, kind, detail in rt.trace.events:
        if kind == "go":
            name, _, system = detail
            pid[gid] = OUTSIDE if system else PROGRAM
            events.append(
                {
                    "name": "thread_name",
                    "ph": "M",
                    "pid": pid[gid],
                    "tid": gid,
                    "args": {"name": f"{gid} {name}"},
                }
            )
            open_span[gid] = ("runnable", now)
        elif kind == "run":
            close(gid, now)
            events.append(
                {
                    "name": "running",
                    "cat": "state",
                    "ph": "X",
                    "ts": _us(now),
                    "dur": RUN_WIDTH,
                    "pid": pid.get(gid, PROGRAM),
                    "tid": gid,
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
                        "ts": _us(now),
                        "pid": pid.get(gid, PROGRAM),
                        "tid": gid,
                    }
                )
        elif kind == "block":
            open_span[gid] = (detail, now)
        elif kind == "ready":
            close(gid, now)
            open_span[gid] = ("runnable", now)
            if detail and detail in pid:
                fid = next(flow_ids)
                events.append(
                    {
                        "name": "wake",
                        "cat": "wake",
                        "ph": "s",
                        "id": fid,
                        "ts": _us(now),
                        "pid": pid[detail],
                        "tid": detail,
                    }
                )
                pending_flows.setdefault(gid, []).append(fid)
        elif kind == "exit":
            close(gid, now)
        elif kind in ("close", "cancel"):
            label = f"close chan#{detail}" if kind == "close" else f"cancel ({detail[1]})"
            events.append(
                {
                    "name": label,
                    "cat": kind,
                    "ph": "i",
                    "s": "t",
                    "ts": _us(now),
                    "pid": pid.get(gid, PROGRAM),
                    "tid": gid,
                }
            )
    for gid in list(open_span):
        close(gid, end)
    # a flow whose target never ran again has no end: drop its start
    dangling = {fid for fids in pending_flows.values() for fid in fids}
    return [e for e in events if not (e["ph"] == "s" and e["id"] in dangling)]


def write_trace(rt: Runtime, path: Path) -> int:
    """Write the run's trace to ``path``; returns the number of events."""
    events = trace_events(rt)
    data = {
        "traceEvents": events,
        "displayTimeUnit": "ns",
        "otherData": {"generator": "simlab", "seed": rt.seed, "strategy": str(rt.strategy)},
    }
    path.write_text(json.dumps(data))
    return len(events)
