"""simlab against Go 1.27: every conformance program, ported by ``simlab translate``.

tests/conformance/go/ holds small Go programs, each pinning one behaviour, and
recorded.json what Go 1.27.3 printed for each (tests/conformance/README.md);
tests/conformance/ports/ their translations (generate_ports.py, checked in, so
these tests need no Go). A port runs on simlab under several schedules and each
run's outcome (stdout, the head of what Go would print on stderr, the goroutine
header lines of the dump, the exit status) is normalized by the recorder's own
``normalize`` and compared with the recording:

* a behaviour the recording shows schedule-independent (``deterministic``: every
  run at GOMAXPROCS=1 and at the default gave one outcome) must be Go's outcome
  under ``fifo``, 10 ``random`` seeds and 3 ``pct`` seeds;
* a behaviour that depends on scheduling: ``fifo`` must be Go's outcome at
  GOMAXPROCS=1 (one of them, for the three programs whose order Go randomizes
  even there), and every outcome Go printed must be among simlab's over ``fifo``,
  50 ``random`` and 10 ``pct`` seeds (and more random seeds, up to MAX_RUNS
  schedules, while one is missing). simlab may print outcomes Go did not show in
  its 20 runs: its strategies reach orders Go's scheduler allows but seldom
  takes, so only that direction is checked.

Three lists adjust the rule, each with a test that keeps it true:
SINGLE_PROCESSOR (Go's default-GOMAXPROCS outcomes need a second processor,
which simlab does not model: they are left out), SCHEDULE_DEPENDENT (the
recording saw one outcome, but the output depends on the schedule: compared as
schedule-dependent; simlab must show more than one outcome) and
FIFO_TAKES_FIRST_CASE (the output counts select's choices, which ``fifo`` makes
first-ready by design: compared under ``random`` and ``pct`` only).

KNOWN_DIFFERENCES lists the programs simlab still gets wrong, with the cause
(empty today: the run-queue order, timer callbacks, Mutex barging, fatal errors'
defers, context strings, Goexit in main and the broken WaitGroup that were listed
have been fixed). A program listed must still differ, so that the list stays
honest. Every other ported program must pass;
the programs ``simlab translate`` refuses are listed, with its reason, in
ports/_untranslated.py.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import itertools
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import simlab as sl
from simlab import translate
from simlab.translate import golib

HERE = Path(__file__).resolve().parent / "conformance"
PORTS = HERE / "ports"
RECORDING = json.loads((HERE / "recorded.json").read_text())
PROGRAMS = {p["name"]: p for p in RECORDING["programs"]}
UNTIL = sl.Hour  # simulated; the longest program sleeps for seconds


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RECORDER = _load(HERE / "record.py", "conformance_record")
UNTRANSLATED: dict[str, str] = _load(PORTS / "_untranslated.py", "untranslated").UNTRANSLATED
PORTED = sorted(p.stem for p in PORTS.glob("*.py") if not p.stem.startswith("_"))

DETERMINISTIC_SCHEDULES = [("fifo", 0)] + [("random", s) for s in range(1, 11)]
DETERMINISTIC_SCHEDULES += [("pct", s) for s in range(1, 4)]
EXPLORE_SCHEDULES = [("fifo", 0)] + [("random", s) for s in range(1, 51)]
EXPLORE_SCHEDULES += [("pct", s) for s in range(1, 11)]

MAX_RUNS = 2000  # schedules tried, at most, to find every outcome Go printed

KNOWN_DIFFERENCES: dict[str, str] = {}

SINGLE_PROCESSOR: dict[str, str] = {
    "sched_gomaxprocs_read": "prints runtime.GOMAXPROCS(0): the CPU count by default, "
    "1 in simlab, which runs one processor",
    "sched_local_queue_overflow": "the order of 300 goroutines at GOMAXPROCS=1 (with "
    "two processors they run in parallel, and append to one slice unlocked)",
    "sched_close_wakes_hundreds": "the order of 300 readied goroutines at GOMAXPROCS=1 "
    "(with two processors they run in parallel)",
}

SCHEDULE_DEPENDENT: dict[str, str] = {
    "sched_goroutine_creates_goroutine": "the order of runnable goroutines is the "
    "scheduler's; the program pins GOMAXPROCS=1's runnext order",
    "sched_runnext_last_go_runs_first": "the order of runnable goroutines is the "
    "scheduler's: an earlier recording showed three orders at the default GOMAXPROCS",
    "sync_mutex_starvation": "who gets a contended mutex depends on timing: both orders "
    "were seen at the default GOMAXPROCS in other recordings (conformance/README.md)",
}

FIFO_TAKES_FIRST_CASE: dict[str, str] = {
    "select_fairness": "counts which of two ready cases select takes; fifo takes the "
    "first by design (docs/concepts.md), Go draws uniformly",
}


# --- running a port -------------------------------------------------------------


_modules: dict[str, ModuleType] = {}


def port(name: str) -> ModuleType:
    if name not in _modules:
        _modules[name] = _load(PORTS / f"{name}.py", f"conformance_port_{name}")
    return _modules[name]


def outcome(name: str, strategy: str, seed: int) -> dict[str, Any]:
    """One run of the port of ``name``, normalized as the recorder normalizes Go's."""
    traceback = PROGRAMS[name]["env"].get("GOTRACEBACK", "single")
    rt = sl.Runtime(seed=seed, strategy=strategy, gotraceback=traceback)
    out, stderr, code = io.StringIO(), "", 0
    try:
        with contextlib.redirect_stdout(out):
            try:
                result = rt.run(translate.entry(port(name)), until=UNTIL)
                if result.reason != "main returned":
                    stderr, code = f"simlab: {result.reason} at {sl.format_duration(rt.now)}", -1
            except (sl.GoPanic, sl.FatalError) as err:  # Deadlock is a FatalError
                stderr, code = str(err), 2
            except golib.Exit as err:
                code = err.code
            except Exception as err:  # the port or simlab failed: an outcome Go never has
                stderr, code = f"simlab: {type(err).__name__}: {err}", -2
    finally:
        golib.abandon(rt)  # Go runs no deferred call of the goroutines left
    mode = PROGRAMS[name]["mode"]
    return RECORDER.normalize(mode, out.getvalue(), stderr, code, Path("/nonexistent"), "$GOROOT")


def key(o: dict[str, Any]) -> str:
    return json.dumps(o, sort_keys=True)


def show(o: dict[str, Any]) -> str:
    parts = [f"stdout {o['stdout']}"]
    if o["stderr_head"] or o["goroutines"] or o["exit"]:
        parts.append(f"stderr {o['stderr_head']} goroutines {o['goroutines']} exit {o['exit']}")
    return ", ".join(parts)


def reference(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: entry[k] for k in ("stdout", "stderr_head", "goroutines", "exit")}


def schedule_independent(name: str) -> bool:
    return PROGRAMS[name]["deterministic"] and name not in SCHEDULE_DEPENDENT


def go_outcomes(name: str) -> list[dict[str, Any]]:
    """Every outcome Go printed that simlab must be able to print."""
    entry = PROGRAMS[name]
    found = list(entry["gomaxprocs1"]["outcomes"])
    if name not in SINGLE_PROCESSOR:
        found += entry["outcomes"]
    return [json.loads(k) for k in sorted({key(o) for o in found})]


def explore(name: str) -> dict[str, dict[str, Any]]:
    """simlab's outcomes of ``name``, by key: over EXPLORE_SCHEDULES, then over
    more random seeds while an outcome Go printed is still missing, up to MAX_RUNS
    schedules in all (the seeds are fixed, so the result is too)."""
    wanted = {key(o) for o in go_outcomes(name)}
    more = (("random", seed) for seed in itertools.count(len(EXPLORE_SCHEDULES)))
    seen: dict[str, dict[str, Any]] = {}
    for runs, (strategy, seed) in enumerate(itertools.chain(EXPLORE_SCHEDULES, more)):
        if runs >= MAX_RUNS or (runs >= len(EXPLORE_SCHEDULES) and wanted <= set(seen)):
            break
        got = outcome(name, strategy, seed)
        seen.setdefault(key(got), got)
    return seen


def differences(name: str) -> list[str]:
    """How simlab's port of ``name`` disagrees with Go's recording (empty: it agrees)."""
    entry = PROGRAMS[name]
    want = reference(entry)
    fifo_too = name not in FIFO_TAKES_FIRST_CASE
    if schedule_independent(name):
        for strategy, seed in DETERMINISTIC_SCHEDULES:
            if strategy == "fifo" and not fifo_too:
                continue
            got = outcome(name, strategy, seed)
            if got != want:
                return [f"{strategy} seed {seed}: {show(got)}; Go: {show(want)}"]
        return []
    problems = []
    fifo = outcome(name, "fifo", 0)
    single = entry["gomaxprocs1"]["outcomes"]
    if not fifo_too:
        pass
    elif entry["gomaxprocs1"]["agree"] and fifo != want:
        problems.append(f"fifo: {show(fifo)}; Go at GOMAXPROCS=1: {show(want)}")
    elif key(fifo) not in {key(o) for o in single}:
        problems.append(f"fifo: {show(fifo)}; not one of Go's outcomes at GOMAXPROCS=1")
    seen = explore(name)
    for o in go_outcomes(name):
        if key(o) not in seen:
            problems.append(f"Go printed {show(o)}; simlab did not in {len(seen)} outcomes")
    return problems


def behaviour(name: str) -> str:
    return PROGRAMS[name]["behaviour"]


COMPARED = [n for n in PORTED if n not in KNOWN_DIFFERENCES]


# --- the tests ------------------------------------------------------------------------


@pytest.mark.parametrize("name", COMPARED, ids=behaviour)
def test_simlab_does_what_go_does(name):
    problems = differences(name)
    assert not problems, f"{name}: " + "\n".join(problems)


def test_every_known_difference_is_still_there():
    """Empty today: every ported program does what Go does. A program added here
    must still differ, so that the list stays honest."""
    fixed = [name for name in KNOWN_DIFFERENCES if not differences(name)]
    assert not fixed, f"{fixed} now do what Go does: remove them from KNOWN_DIFFERENCES"


@pytest.mark.parametrize("name", sorted(SCHEDULE_DEPENDENT), ids=behaviour)
def test_a_schedule_dependent_program_has_several_outcomes_in_simlab(name):
    assert PROGRAMS[name]["deterministic"], f"{name}: the recording already says so"
    assert len(explore(name)) > 1, f"{name}: one outcome only; remove it from SCHEDULE_DEPENDENT"


@pytest.mark.parametrize("name", sorted(SINGLE_PROCESSOR), ids=behaviour)
def test_a_single_processor_program_printed_more_with_more_processors(name):
    entry = PROGRAMS[name]
    at_one = {key(o) for o in entry["gomaxprocs1"]["outcomes"]}
    assert {key(o) for o in entry["outcomes"]} - at_one, f"remove {name} from SINGLE_PROCESSOR"


@pytest.mark.parametrize("name", sorted(FIFO_TAKES_FIRST_CASE), ids=behaviour)
def test_fifo_still_takes_the_first_ready_case(name):
    assert outcome(name, "fifo", 0) != reference(PROGRAMS[name]), (
        f"remove {name} from FIFO_TAKES_FIRST_CASE: fifo now prints what Go does"
    )


def test_every_program_has_a_port_or_the_translators_reason():
    assert sorted(PROGRAMS) == sorted(p.parent.name for p in (HERE / "go").glob("*/main.go"))
    assert set(PORTED).isdisjoint(UNTRANSLATED)
    assert sorted([*PORTED, *UNTRANSLATED]) == sorted(PROGRAMS)
    for name, reason in UNTRANSLATED.items():
        assert reason.startswith("main.go:") and ": unsupported: " in reason, (name, reason)


def test_the_lists_name_ported_programs_once():
    lists = [KNOWN_DIFFERENCES, SINGLE_PROCESSOR, SCHEDULE_DEPENDENT, FIFO_TAKES_FIRST_CASE]
    for names in lists:
        assert set(names) <= set(PORTED), set(names) - set(PORTED)
    assert sum(len(names) for names in lists) == len(set().union(*lists))
    for name, reason in KNOWN_DIFFERENCES.items():
        assert reason, name


def test_the_ports_are_what_the_translator_writes_now(capsys):
    """``generate_ports.py --check``: a Go toolchain is needed; without one this fails."""
    generate_ports = _load(HERE / "generate_ports.py", "conformance_generate_ports")
    status = generate_ports.main(["--check"])
    err = capsys.readouterr().err
    assert status == 0, err


def test_the_check_fails_and_says_why_without_a_go_toolchain(monkeypatch, capsys):
    from simlab.translate import toolchain

    def no_go():
        raise toolchain.TranslateError(toolchain.NEEDS_GO)

    monkeypatch.setattr(toolchain, "go_binary", no_go)
    generate_ports = _load(HERE / "generate_ports.py", "conformance_generate_ports")
    assert generate_ports.main(["--check"]) == 2
    assert capsys.readouterr().err == f"generate_ports: {toolchain.NEEDS_GO}\n"
