"""GoKer: Go 1.27's own blocking bugs, translated from GOROOT, caught with the schedule.

The expected leaks are Go's: the regular expressions of
``src/runtime/goroutineleakprofile_test.go``, parsed when the test runs; the leaks
are read from simlab's goroutineleak profile by a port of that test's
``extractLeaks``. One program per GoBench category that simlab catches today.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from models import goker as ports
from models.goker import PORTS
from simlab.errors import SimlabError
from simlab.translate import goker
from simlab.translate.toolchain import TranslateError

# (program, GoBench category, schedules allowed): the budget is fixed, the answer is Go's.
SUBSET = [
    ("Moby4951", "AB-BA deadlock", 20),
    ("Kubernetes62464", "RWR deadlock", 20),
    ("Cockroach584", "Double Locking", 20),
    ("Cockroach10790", "Channel & Context", 20),
    ("Etcd6873", "Channel & Lock", 20),
    ("Etcd7492", "Channel & Lock", 20),  # a 1 ns ticker the leaked keeper no longer reads
    ("Kubernetes1321", "Channel & Lock", 20),  # expected: what Go 1.27.3 printed (no case)
    ("Moby28462", "Channel & Lock", 20),
    ("Moby30408", "Condition Variable", 20),
    ("Moby25348", "Misuse WaitGroup", 20),
    ("Cockroach1462", "Channel & WaitGroup", 20),
    ("Cockroach24808", "Channel", 20),
    ("Cockroach6181", "RWR Deadlock", 20),
    ("Cockroach16167", "Double Locking", 20),
    ("Etcd6708", "Double locking", 20),
    ("Hugo5379", "Double locking", 20),
    ("Kubernetes10182", "Channel & Lock", 20),
    ("Moby33781", "Channel & Context", 20),
]


@pytest.fixture(scope="module")
def expected() -> dict[str, goker.Expectation]:
    goker.translations([name for name, _, _ in SUBSET])  # one run of the front end for all
    return goker.expectations()


def test_go_test_file_parses_into_its_62_cases_and_110_regexes(expected) -> None:
    assert len(expected) == 62
    assert sum(len(e.regexes) for e in expected.values()) == 110
    assert sum(e.flaky for e in expected.values()) == 39
    assert set(expected) | {"Kubernetes1321"} == set(goker.programs())


def test_extract_leaks_reads_the_profile_as_gos_test_does() -> None:
    dump = (
        "goroutine 1 [running]:\nmain.main()\n\tmain.go:3\n\n"
        "goroutine 7 [chan send (leaked)]:\nmain.F.func1()\n\tf.go:9\n"
        "created by main.F in goroutine 1\n\tf.go:8\n\n"
        "goroutine 8 [select]:\nmain.G()\n\tf.go:20\ncreated by main.F in goroutine 1\n\tf.go:8\n"
    )
    # Go's split eats "goroutine", so its header regexp no longer applies: the id stays.
    assert goker.extract_leaks(dump) == ["F.func1()  7 [chan send]:"]


@pytest.mark.parametrize(("name", "category", "budget"), SUBSET, ids=[s[0] for s in SUBSET])
def test_goker_program_leaks_exactly_as_go_expects(name, category, budget, expected) -> None:
    prog = goker.programs()[name]
    assert category in prog.category
    result = goker.search(name, budget=budget)
    assert prog.expected is not None
    regexes = prog.expected.regexes  # Go's test's (Kubernetes1321: what Go printed)
    assert result.found, result.why
    assert result.schedules_to_find <= budget
    # every regex of Go's test matches a leak simlab found, and every leak matches one
    for rx in regexes:
        assert any(re.search(rx, leak) for leak in result.leaks), (rx, result.leaks)
    for leak in result.leaks:
        assert any(re.search(rx, leak) for rx in regexes), (leak, regexes)
    # the recorded schedule replays to the same leaks
    again = goker.replay(name, result.strategy, result.seed)
    assert again.leaks == result.leaks
    assert again.schedule == result.schedule
    assert "(leaked)]:" in again.profile


def test_the_table_writes_gos_regexes_as_the_leaks_they_stand_for() -> None:
    assert goker.readable(r"\(\*Mux_kubernetes1321\)\.loop\(.* \[chan send\]") == (
        "(*Mux_kubernetes1321).loop(...) [chan send]"
    )
    assert goker.readable(r"Cockroach7504\.func2\.1.* \[sync\.Mutex\.Lock\]") == (
        "Cockroach7504.func2.1.* [sync.Mutex.Lock]"  # Go's own `.*`, kept
    )


def test_a_translator_refusal_is_reported_with_its_construct(monkeypatch) -> None:
    # which programs the translator refuses changes as it learns: stand one refusal in
    refusal = TranslateError("cockroach10214.go:22: unsupported: package unsafe")
    monkeypatch.setitem(goker._SOURCES, ("Cockroach10214", False, ()), refusal)
    result = goker.search("Cockroach10214", budget=1)
    assert not result.found
    assert result.why == "translator: cockroach10214.go:22: unsupported: package unsafe"
    assert "| no | - |" in goker.format_table([result.as_dict()])


# --- the hand ports (models/goker/): one per category, the same leaks as the translation


@pytest.mark.parametrize("module", PORTS)
def test_hand_port_leaks_as_its_translation_does(module: str) -> None:
    port = ports.port(module)
    regexes = goker.expectations()[port.PROGRAM].regexes
    for _, strategy, seed in goker._schedules(20):
        run = ports.run(port, strategy, seed)
        leaks = goker.extract_leaks(run.profile)
        if run.outcome == "profiled" and goker.match(regexes, leaks) == ([], []):
            break
    else:
        pytest.fail(f"{module} never leaked exactly as Go expects in 20 schedules")
    translated = goker.search(port.PROGRAM, budget=20)
    assert translated.found, translated.why
    # ids stripped, the same leaks counted the same (Go's test reads both the same way)
    assert goker._tally(leaks) == goker._tally(translated.leaks)


# --- the fixed programs


def test_a_fixed_program_leaks_nothing() -> None:
    runs, clean, why, spun = goker.search_fixed("Moby4951", budget=30)
    assert (runs, clean, why, spun) == (30, True, "", 0)
    fixed = goker.replay("Moby4951", "fifo", 0, fixed=True)
    assert fixed.outcome == "profiled" and fixed.leaks == []
    assert "(leaked)" not in fixed.profile


def test_a_fixed_program_that_polls_runs_on_once_its_time_slice_is_over() -> None:
    """Kubernetes30872's controller polls in a loop that never blocks (JitterUntil
    with a default case, its locks uncontended) until another goroutine, runnable
    all along, closes its stop channel. Go's sysmon preempts the poller after its
    10ms slice (runtime/proc.go's retake), and so does fifo after TIME_SLICE
    operations: the fixed program ends without a leak."""
    fifo = goker.replay("Kubernetes30872", "fifo", 0, fixed=True)
    assert (fifo.outcome, fifo.leaks) == ("profiled", [])


def test_a_fixed_program_that_spins_is_judged_only_where_go_would_preempt() -> None:
    """Kubernetes11298's signallers poll until a goroutine wakes from a
    time.Sleep(300ns) elsewhere. Go's clock moves while they spin; simlab's stands
    still while anything runs, so under fifo the run ends in the livelock guard,
    which says nothing of the fix (a run *spun*); under random:preempt@1us the
    clock moves with every operation and the fixed program ends without a leak."""
    fifo = goker.replay("Kubernetes11298", "fifo", 0, fixed=True)
    assert fifo.outcome.startswith("error: Livelock:")
    runs, clean, why, spun = goker.search_fixed("Kubernetes11298", budget=1)
    assert (runs, clean, why) == (1, True, "")
    assert spun >= 1  # fifo's run, at least


def test_a_heavy_fixed_program_runs_as_its_smaller_instance_unless_full_scale() -> None:
    """Hugo3251 starts 11 copies of 100 workers fetching 200 times: the fixed search
    runs its instance (SCALED), and its replay command says --full-scale only when the
    run was of the program as written."""
    assert goker.fixed_patches("Hugo3251") == goker.SCALED["Hugo3251"].patches
    assert goker.fixed_patches("Hugo3251", full_scale=True) == ()
    assert goker.fixed_patches("Cockroach584") == ()  # light enough as written
    small = goker.replay("Hugo3251", "fifo", 0, fixed=True)
    assert small.outcome == "profiled" and small.leaks == []
    assert goker.replay_command("Hugo3251", "pct", 3, fixed=True) == (
        "simlab goker Hugo3251 --replay pct:3 --fixed"
    )
    assert goker.replay_command("Hugo3251", "pct", 3, fixed=True, full_scale=True) == (
        "simlab goker Hugo3251 --replay pct:3 --fixed --full-scale"
    )
    assert goker.replay_command("Cockroach584", "pct", 3, True, True).endswith("--fixed")


def test_the_command_replays_a_fixed_schedule_of_the_smaller_instance(capsys) -> None:
    from tests.conftest import invoke

    code, out, err = invoke(capsys, "goker", "Hugo3251", "--replay", "fifo:0", "--fixed")
    assert (code, err) == (0, "")
    assert "outcome: profiled" in out and "(leaked)" not in out and "\nleak: " not in out


def test_kubernetes58107s_fixed_queue_keeps_an_item_put_before_get_waits() -> None:
    """GoKer's queue only signals: under fifo every Put comes before the workers wait,
    and the signals are lost. With the fix (the workers take the read lock after Get,
    and the queue counts its items) fifo leaks nothing, as the fixed program printed
    no leaked goroutine in 5 runs of real Go 1.27.3 (the whole program, by hand)."""
    fixed = goker.replay("Kubernetes58107", "fifo", 0, fixed=True)
    assert fixed.outcome == "profiled" and fixed.leaks == []


def test_every_fix_applies_to_the_installed_programs() -> None:
    for name in goker.FIXES:
        assert goker.fixed_source(name) != goker.programs()[name].file.read_text(), name


def test_a_fix_that_no_longer_applies_is_refused(monkeypatch) -> None:
    monkeypatch.setitem(goker.FIXES, "Cockroach584", (("no such text", "x"),))
    with pytest.raises(SimlabError, match="the fix of Cockroach584 no longer applies"):
        goker.fixed_source("Cockroach584")


@pytest.mark.parametrize("name", ["Cockroach1055", "Istio16224"])
def test_a_bug_that_needs_a_switch_between_non_blocking_operations_needs_preemption(
    name, expected
) -> None:
    """Go can preempt a goroutine between an atomic load and the uncontended lock
    after it; these two leak only then. Goroutines that run until they block never
    show Go's leaks; random:preempt does on its first seed."""
    regexes = expected[name].regexes

    def exact(run: goker.Run) -> bool:
        missing, extra = goker.match(regexes, run.leaks)
        return not missing and not extra

    assert not any(exact(goker.replay(name, "random", seed)) for seed in (1, 2))
    assert exact(goker.replay(name, "random:preempt", 1))


def test_a_bug_that_needs_a_timer_to_fire_while_a_goroutine_computes_needs_the_cost_clock(
    expected,
) -> None:
    """Istio18454 leaks when a worker's time.AfterFunc timer fires while another
    goroutine computes. With time standing still while goroutines run (synctest's
    rule) it never does; with every operation taking 1us it does at once."""
    regexes = expected["Istio18454"].regexes
    for strategy, leaks_as_go_expects in (("random", False), ("random@1us", True)):
        missing, extra = goker.match(regexes, goker.replay("Istio18454", strategy, 1).leaks)
        assert (not missing and not extra) is leaks_as_go_expects, strategy


def test_replay_takes_strategy_colon_seed() -> None:
    assert goker.parse_replay("random:7") == ("random", 7)
    assert goker.parse_replay("random:preempt:3") == ("random:preempt", 3)
    assert goker.parse_replay("random@1us:2") == ("random@1us", 2)
    assert goker.parse_replay("replay:p9:1,18:1@1us:0") == ("replay:p9:1,18:1@1us", 0)
    for bad in ("random", "random:x", "dfs:1", ":3", "replay::3"):
        with pytest.raises(SimlabError, match="STRATEGY:SEED"):
            goker.parse_replay(bad)
    assert goker.replay_command("Cockroach584", "random", 7) == (
        "simlab goker Cockroach584 --replay random:7"
    )
    assert goker.replay_command("Grpc3017", "replay:zAb=c", 0, one_copy=True) == (
        "simlab goker Grpc3017 --one-copy --replay 'replay:zAb=c:0'"
    )


# --- real Go's detection rate (make record-goker), and the docs' table of it

DOCS = Path(__file__).resolve().parent.parent / "docs" / "goker.md"


def test_go_detection_recording_covers_gos_62_cases_and_kubernetes1321() -> None:
    recorded = json.loads(goker.GO_DETECTION.read_text())
    assert set(recorded) == set(goker.expectations()) | {"Kubernetes1321"}
    for name, row in recorded.items():
        assert row["runs"] == 10, name
        assert 0 <= row["detected"] <= row["some"] <= row["runs"], name
        assert row["go"] == "1.27.3", name


def test_docs_table_shows_the_recorded_go_detection() -> None:
    recorded = json.loads(goker.GO_DETECTION.read_text())
    table = DOCS.read_text().split("<!-- table: generated, see above -->", 1)[1]
    table = table.split("<!-- end table -->", 1)[0]
    header = next(line for line in table.splitlines() if line.startswith("| program |"))
    column = [c.strip() for c in header.strip("|").split("|")].index("Go finds")
    shown = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and cells[0] in goker.programs():
            shown[cells[0]] = cells[column]
    for name, row in recorded.items():
        assert shown[name] == f"{row['detected']}/{row['runs']}", name


def test_a_run_out_of_memory_is_the_machines_limit_not_a_finding(monkeypatch) -> None:
    """A translation that raises is a finding ("error: ..."); running out of memory
    is not the program's doing, and goes up to whoever runs the search (the dfs
    table reports that search out of memory and goes on)."""
    prog = goker.programs()["Cockroach584"]
    module = goker.load(prog.file, goker.translations(["Cockroach584"])["Cockroach584"])

    def main(rt):
        raise MemoryError
        yield

    monkeypatch.setattr(goker, "entry", lambda module, name: main)
    with pytest.raises(MemoryError):
        goker.run_one(module, prog, "fifo", 0)

    def wrong(rt):
        raise KeyError
        yield

    monkeypatch.setattr(goker, "entry", lambda module, name: wrong)
    assert goker.run_one(module, prog, "fifo", 0).outcome == "error: KeyError: "


def test_a_run_is_gone_once_it_has_ended() -> None:
    """A search runs one program thousands of times in a process. What the
    translator's Go library keeps for a run (the addresses it handed out, which
    Cockroach10214 takes; the profiles it captured, which every GoKer run writes)
    references the program's objects, and they the runtime: kept in tables of the
    library's own, keyed by runtime, it kept every run alive (Cockroach3710's
    search grew by 50 MB a run). Two runs on: the first two runtimes are gone."""
    import gc
    import weakref

    prog = goker.programs()["Cockroach10214"]
    module = goker.load(prog.file, goker.translations(["Cockroach10214"])["Cockroach10214"])
    runtimes = []
    for seed in range(3):
        rt = goker.runtime("random", seed)
        run = goker.run_one(module, prog, "random", seed, rt=rt)
        assert run.leaks  # it ran, and wrote its goroutineleak profile
        runtimes.append(weakref.ref(rt))
        del rt
    gc.collect()
    assert [r() is None for r in runtimes[:2]] == [True, True]
