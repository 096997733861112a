"""The Perfetto export follows the Trace Event Format (Google, 2016), and says what
happened: who was blocked on what, from when to when, and who woke whom.

Format rules checked (from the spec): the object form ``{"traceEvents": [...]}``;
every event has ``ph``, ``pid`` and a numeric ``ts`` in microseconds (but
metadata events, which need no ``ts``); complete events (``X``) have a non-negative
``dur``; flow events (``s``/``f``) pair up by ``id`` with the same ``cat`` and
``name``, the finish not before the start, ``f`` bound to its enclosing slice
(``"bp": "e"``); instant events (``i``) carry a scope ``s``; counter events
(``C``) carry their values in ``args``; metadata events (``M``) name processes
and threads in ``args.name``.

Display time is simulated time, but that the steps of one instant are laid 1 ns
apart (the module's rule): a span's ends are within a few ns of the instants the
program's arithmetic gives.
"""

import json
from pathlib import Path

import pytest

import simlab as sl
from simlab.observe.perfetto import Annotator, trace_events, write_trace
from simlab.sched.strategies import make_strategy

MS = sl.Millisecond
NS = 0.001  # µs


def traced(main):
    notes = Annotator(make_strategy("random"))
    rt = sl.Runtime(seed=1, strategy=notes, trace=True)
    rt.run(main)
    rt.notes = notes
    return rt


def events_of(main):
    rt = traced(main)
    return trace_events(rt, rt.notes)


def ping_pong(rt):
    ch, done = rt.chan(name="ch"), rt.chan(name="done")

    def receiver():
        yield rt.sleep(1 * MS)
        yield ch.recv()  # blocks from 1 ms to 5 ms
        yield rt.sleep(2 * MS)
        done.close()

    rt.go(receiver, name="receiver")
    yield rt.sleep(5 * MS)
    yield ch.send("x")
    yield done.recv()


def validate(data):
    assert isinstance(data, dict) and isinstance(data["traceEvents"], list)
    events = data["traceEvents"]
    names = {(e["pid"], e.get("tid")) for e in events if e["ph"] == "M"}
    starts, finishes = {}, {}
    for e in events:
        assert e["ph"] in {"X", "M", "s", "f", "i", "C"}
        assert isinstance(e["pid"], int)
        if e["ph"] == "M":
            assert e["name"] in {"process_name", "thread_name"}
            assert isinstance(e["args"]["name"], str)
            continue
        if e["ph"] == "C":
            assert isinstance(e["ts"], int | float) and e["ts"] >= 0
            assert all(isinstance(v, int | float) for v in e["args"].values())
            continue
        assert isinstance(e["ts"], int | float) and e["ts"] >= 0
        assert isinstance(e["tid"], int) and isinstance(e["name"], str)
        assert (e["pid"], e["tid"]) in names, "every track is named"
        if e["ph"] == "X":
            assert e["dur"] >= 0
        elif e["ph"] == "i":
            assert e["s"] in {"g", "p", "t"}
        elif e["ph"] == "s":
            starts[e["id"]] = e
        else:
            assert e["bp"] == "e"
            finishes[e["id"]] = e
    assert starts.keys() == finishes.keys()
    for fid, s in starts.items():
        f = finishes[fid]
        assert (s["cat"], s["name"]) == (f["cat"], f["name"])
        assert f["ts"] >= s["ts"]
    return events


def test_trace_is_valid_trace_event_json(tmp_path):
    rt = traced(ping_pong)
    path = tmp_path / "trace.json"
    count = write_trace(rt, path)
    events = validate(json.loads(path.read_text()))
    assert count == len(events)


def spans(events, tid):
    """The first blocked span of each wait reason on goroutine ``tid``'s track."""
    out = {}
    for e in events:
        if e["ph"] == "X" and e["tid"] == tid and e["name"] not in ("running", "runnable"):
            out.setdefault(e["name"], (e["ts"], e["ts"] + e["dur"], e.get("args", {})))
    return out


def test_blocked_spans_are_named_by_wait_reason():
    events = events_of(ping_pong)
    receiver = spans(events, 2)
    start, end, _ = receiver["sleep"]  # microseconds: 0 to 1 ms asleep
    assert start == pytest.approx(0, abs=5 * NS) and end == pytest.approx(1000, abs=5 * NS)
    start, end, _ = receiver["chan receive"]  # waiting for the send at 5 ms
    assert start == pytest.approx(1000, abs=5 * NS) and end == pytest.approx(5000, abs=5 * NS)
    start, end, _ = spans(events, 1)["chan receive"]  # main waits on done until 7 ms
    assert start == pytest.approx(5000, abs=5 * NS) and end == pytest.approx(7000, abs=5 * NS)


def test_blocked_spans_say_what_they_wait_on_and_where():
    events = events_of(ping_pong)
    _, _, args = spans(events, 2)["chan receive"]
    assert args["wait reason"] == "chan receive"
    assert args["waits on"] == "ch"  # the channel's name, as the dumps give it
    assert args["python"] == f"tests/test_trace.py:{RECV_LINE}"
    assert spans(events, 1)["chan receive"][2]["waits on"] == "done"
    assert "waits on" not in spans(events, 2)["sleep"][2]  # a sleep waits on nothing


RECV_LINE = next(
    n
    for n, line in enumerate(Path(__file__).read_text().splitlines(), 1)
    if "yield ch.recv()  # blocks" in line
)


def test_steps_at_one_instant_are_laid_one_ns_apart():
    """At t=0 main runs, then the receiver: two steps at one instant, shown 1 ns
    apart, in that order, each saying its true instant and its order."""
    events = events_of(ping_pong)
    running = [e for e in events if e["name"] == "running" and e["args"]["sim_ns"] == 0]
    assert [(e["tid"], e["args"]["step"]) for e in running] == [(1, 0), (2, 1)]
    assert running[1]["ts"] - running[0]["ts"] == pytest.approx(NS)


def test_the_send_is_a_flow_from_sender_to_receiver():
    events = events_of(ping_pong)
    flows = [e for e in events if e["ph"] in "sf"]
    start = next(
        e for e in flows if e["ph"] == "s" and e["tid"] == 1 and abs(e["ts"] - 5000) < 5 * NS
    )
    finish = next(e for e in flows if e["ph"] == "f" and e["id"] == start["id"])
    assert finish["tid"] == 2


def test_tracks_are_named_after_goroutines():
    events = events_of(ping_pong)
    threads = {e["tid"]: e["args"]["name"] for e in events if e["name"] == "thread_name"}
    assert threads == {1: "1 main", 2: "2 receiver"}


def test_goroutines_counter_follows_creation_and_exit():
    events = events_of(ping_pong)
    counts = [e["args"]["goroutines"] for e in events if e["ph"] == "C"]
    assert counts == [1, 2, 1, 0]  # main; the receiver; it exits at 7 ms; main returns


def test_cancel_and_close_name_what_they_end_and_tracks_their_owner():
    """A worker for request ``r7`` waits on ``jobs[r7]``: its track says ``[r7]``; the
    cancel names the context (and its parent), the close the channel."""

    def main(rt):
        _, cancel = sl.with_cancel(rt.background(), name="reqCtx[r7]")
        jobs = rt.chan(name="jobs[r7]")

        def worker():
            yield jobs.recv()

        rt.go(worker, name="worker")
        yield rt.sleep(MS)
        cancel()
        jobs.close()
        yield rt.sleep(MS)

    events = events_of(main)
    validate({"traceEvents": events})
    instants = {e["name"]: e["args"] for e in events if e["ph"] == "i"}
    assert instants["cancel reqCtx[r7] (context canceled)"]["parent"] == "context.Background"
    assert "close jobs[r7]" in instants
    threads = {e["args"]["name"] for e in events if e["name"] == "thread_name"}
    assert "2 worker [r7]" in threads


def test_trace_command_writes_the_file(tmp_path, capsys):
    from simlab.cli import main

    out = tmp_path / "t.json"
    try:
        main(["trace", "fase6", "--set", "containers=1", "--until", "6m", "--out", str(out)])
    except SystemExit as exc:
        assert exc.code == 0
    validate(json.loads(out.read_text()))
    assert "open it at https://ui.perfetto.dev" in capsys.readouterr().out


def test_the_default_trace_shows_the_tutorial_leak(tmp_path, capsys):
    """fase6 rotates each stream every 5 minutes and leaks the reader of each
    rotated stream, blocked in its select at L981 until the end. The default
    (15 minutes) covers the rotations at 5 and 10 minutes: two leaked readers per
    container, four for two containers, each on a track tagged with its container."""
    from simlab.cli import main

    out = tmp_path / "t.json"
    try:
        main(["trace", "fase6", "--set", "containers=2", "--out", str(out)])
    except SystemExit as exc:
        assert exc.code == 0
    assert "15m0s of simulated time" in capsys.readouterr().out
    events = validate(json.loads(out.read_text()))
    end = max(e["ts"] + e.get("dur", 0) for e in events if "ts" in e)
    names = {e["tid"]: e["args"]["name"] for e in events if e["name"] == "thread_name"}
    leaked = [
        e
        for e in events
        if e["ph"] == "X"
        and e["name"] == "select"
        and names.get(e["tid"], "").split()[1:2] == ["reader"]
        and e["ts"] + e["dur"] == pytest.approx(end)
        and "readLogs.func1 container_manager.go:981" in e["args"]["go"]
    ]
    assert len(leaked) == 4
    assert sorted(names[e["tid"]].split()[-1] for e in leaked) == ["[c000]"] * 2 + ["[c001]"] * 2
    assert any(e["ph"] == "C" and "open FDs" in e["args"] for e in events)
