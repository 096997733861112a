"""The Perfetto export follows the Trace Event Format (Google, 2016), and says what
happened: who was blocked on what, from when to when, and who woke whom.

Format rules checked (from the spec): the object form ``{"traceEvents": [...]}``;
every event has ``ph``, ``pid`` and a numeric ``ts`` in microseconds (but
metadata events, which need no ``ts``); complete events (``X``) have a non-negative
``dur``; flow events (``s``/``f``) pair up by ``id`` with the same ``cat`` and
``name``, the finish not before the start, ``f`` bound to its enclosing slice
(``"bp": "e"``); instant events (``i``) carry a scope ``s``; metadata events
(``M``) name processes and threads in ``args.name``.
"""

import json

import simlab as sl
from simlab.observe.perfetto import trace_events, write_trace

MS = sl.Millisecond


def traced(main):
    rt = sl.Runtime(seed=1, strategy="random", trace=True)
    rt.run(main)
    return rt


def ping_pong(rt):
    ch, done = rt.chan(), rt.chan()

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
        assert e["ph"] in {"X", "M", "s", "f", "i"}
        assert isinstance(e["pid"], int)
        if e["ph"] == "M":
            assert e["name"] in {"process_name", "thread_name"}
            assert isinstance(e["args"]["name"], str)
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


def test_blocked_spans_are_named_by_wait_reason():
    events = trace_events(traced(ping_pong))
    receiver = 2
    blocked = [e for e in events if e["ph"] == "X" and e["tid"] == receiver]
    names = [(e["name"], e["ts"], e["ts"] + e["dur"]) for e in blocked if e["name"] != "running"]
    assert ("sleep", 0, 1000) in names  # microseconds: 0 to 1 ms asleep
    assert ("chan receive", 1000, 5000) in names  # waiting for the send at 5 ms
    main_spans = [
        (e["name"], e["ts"], e["ts"] + e["dur"]) for e in events if e["ph"] == "X" and e["tid"] == 1
    ]
    assert ("chan receive", 5000, 7000) in main_spans  # main waits on done until 7 ms


def test_the_send_is_a_flow_from_sender_to_receiver():
    events = trace_events(traced(ping_pong))
    flows = [e for e in events if e["ph"] in "sf"]
    start = next(e for e in flows if e["ph"] == "s" and e["tid"] == 1 and e["ts"] == 5000)
    finish = next(e for e in flows if e["ph"] == "f" and e["id"] == start["id"])
    assert finish["tid"] == 2


def test_tracks_are_named_after_goroutines():
    events = trace_events(traced(ping_pong))
    threads = {e["tid"]: e["args"]["name"] for e in events if e["name"] == "thread_name"}
    assert threads == {1: "1 main", 2: "2 receiver"}


def test_trace_command_writes_the_file(tmp_path, capsys):
    from simlab.cli import main

    out = tmp_path / "t.json"
    try:
        main(["trace", "fase6", "--set", "containers=1", "--until", "6m", "--out", str(out)])
    except SystemExit as exc:
        assert exc.code == 0
    validate(json.loads(out.read_text()))
    assert "open it at https://ui.perfetto.dev" in capsys.readouterr().out
