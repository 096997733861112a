"""``simlab replay --explain``: every decision of a run, who was ready, where, and what
the chosen goroutine did next.

The expected decisions are counted by hand from the zoo's lost-signal program
(models/zoo/go/lost_signal.go): every ``request_interval`` (1 s) main's serving
loop starts ``go handle()`` and calls ``runtime.Gosched()``, so two goroutines
are ready, the new ``handle`` first (Go puts a new goroutine in ``runnext``).
Under fifo ``handle`` runs: it starts ``go fetch()`` and sleeps (L26); then
``fetch`` and main are ready, and ``fetch`` runs: it returns at once on the
error path (L38) or sleeps in its query (L40). Main then runs alone. Two
decisions per request; a 3-second run serves the requests of 1 s, 2 s and 3 s:
six decisions.
"""

from __future__ import annotations

import json

import simlab as sl
from simlab.lab.explain import Explainer, format_decisions
from simlab.sched.strategies import make_strategy
from tests.conftest import invoke as cli

LOST_SIGNAL = ["zoo-lost-signal", "--seed", "1", "--set", "duration=3s"]


def explained(capsys, *extra: str) -> dict:
    code, out, err = cli(capsys, "replay", *LOST_SIGNAL, "--explain", "--json", *extra)
    assert code == 0, err
    data = json.loads(out)
    return {**data, **data["explain"]}


def test_fifo_takes_two_decisions_per_request(capsys):
    data = explained(capsys, "--strategy", "fifo")
    decisions = data["decisions"]
    assert data["decisions_taken"] == len(decisions) == 6
    assert [d["index"] for d in decisions] == list(range(6))
    assert [d["at_ns"] for d in decisions] == [k * sl.Second for k in (1, 1, 2, 2, 3, 3)]
    for k, d in enumerate(decisions):
        assert d["kind"] == "pick" and d["options"] == 2 and d["chosen"] == 0
        new, main = d["ready"]
        assert new["name"] == ("handle" if k % 2 == 0 else "fetch")
        assert new["state"] == "not started"
        assert (main["id"], main["name"], main["state"]) == (1, "main", "ready")
        assert main["at"]["python"].startswith("models/zoo/lost_signal.py:")
    for d in decisions[0::2]:  # handle: `time.Sleep(time.Millisecond)` at L26
        assert d["then"].startswith("blocked in sleep at models/zoo/lost_signal.py:")
        assert d["then"].endswith("(main.handle lost_signal.go:26)")
    for d in decisions[1::2]:  # fetch: returns on the error path, else sleeps at L40
        assert d["then"] == "returned" or d["then"].endswith("(main.fetch lost_signal.go:40)")


def test_explaining_does_not_change_the_run(capsys):
    plain = cli(capsys, "replay", *LOST_SIGNAL, "--json")
    data = explained(capsys)
    assert json.loads(plain[1])["digest"] == data["digest"]


def test_a_schedule_is_explained_decision_by_decision(capsys):
    """Option 1 at decision 0 runs main before the first handle: main blocks in its
    select on the stop signal and the ticker, then handle runs alone and fetch after
    it, with nothing to decide: the first request takes one decision, not two."""
    data = explained(capsys, "--schedule", "0:1")
    first = data["decisions"][0]
    assert first["chosen"] == 1 and first["ready"][1]["name"] == "main"
    assert first["then"].startswith("blocked in select on signal, ticker.C at ")
    assert data["decisions_taken"] == 5


def test_the_text_marks_the_chosen_and_the_deviations(capsys):
    code, out, _ = cli(capsys, "replay", *LOST_SIGNAL, "--explain", "--schedule", "0:1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "decisions: 5"
    assert lines[1] == "#0 at 1s: run goroutine 1 main: option 1 of 2 ready  (fifo takes 0)"
    assert lines[2].startswith("     0: goroutine 2 handle  not started")
    assert lines[3].startswith("  -> 1: goroutine 1 main    ready")
    assert "digest: " in out  # the replay's own report follows


def test_a_select_with_two_ready_cases_is_a_choice():
    """Both channels hold a value, so both cases are ready: one decision, a choice
    between the two receive cases, made in main at its select."""
    explainer = Explainer(make_strategy("fifo"))
    rt = sl.Runtime(strategy=explainer)

    def main(rt):
        a, b = rt.chan(1, name="a"), rt.chan(1, name="b")
        yield a.send(1)
        yield b.send(2)
        yield sl.select(a.recv_case(), b.recv_case())
        yield rt.sleep(sl.Second)

    rt.run(main)
    assert explainer.count == rt.decisions() == 1
    (d,) = explainer.decisions
    assert (d.kind, d.what, d.options, d.chosen) == ("choose", "select", 2, 0)
    assert d.alternatives == ["case 0: receive from a", "case 1: receive from b"]
    assert d.chooser is not None and d.chooser.name == "main"
    assert d.then.startswith("blocked in sleep")
    text = format_decisions(explainer)
    assert "select in goroutine 1 main at " in text
    assert "  -> 0: case 0: receive from a" in text
