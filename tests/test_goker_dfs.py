"""GoKer programs under exhaustive search (``simlab.translate.goker_dfs``).

The counts are hand counts of the Go program, the leaks are Go's: the regular
expressions of Go 1.27's ``goroutineleakprofile_test.go``.
"""

from __future__ import annotations

import contextlib
import json
import re
import time

import pytest

import simlab as sl
from simlab.errors import SimlabError
from simlab.sched.schedule import Schedule
from simlab.translate import goker, load
from simlab.translate.goker_dfs import search_dfs
from simlab.translate.goker_scaled import ONE_COPY, SCALED


@pytest.fixture(scope="module", autouse=True)
def _translated() -> None:
    goker.translations(["Cockroach584", "Moby4951"])  # one run of the front end for both


@pytest.mark.parametrize(("bound", "schedules"), [(0, 1), (1, 2), (2, 3), (None, 11)])
def test_cockroach584_schedules_counted_by_hand(bound: int | None, schedules: int) -> None:
    """Cockroach584: main starts G1, returns, and its deferred function calls
    ``runtime.Gosched()`` 10 times, then writes the profile. G1 runs in one step: it
    locks ``g.mu``, breaks out of ``bootstrap`` holding it, and blocks locking it
    again in ``manage``. The only decision is, at each Gosched while G1 has not run,
    whether G1 runs now. G1 sits in the local run queue and main in the global one,
    so Go's scheduler (option 0) runs G1 at the first; G1 running at the k-th
    Gosched (k = 1..10) costs k - 1 deviations, never running 10. So: bound b < 10
    has b + 1 schedules, no bound 11, and all but "G1 never ran" leak G1 in
    ``sync.Mutex.Lock``, as Go expects."""
    res = search_dfs("Cockroach584", bound, reduction=False)
    assert res.exhausted
    assert res.schedules == schedules
    assert res.pruned == 0
    assert res.first_found == 1
    assert res.found_count == (10 if bound is None else schedules)


def test_cockroach584_sleep_sets_leave_one_schedule_per_class() -> None:
    """Main's Goscheds touch nothing G1's step touches (``g.mu``), so where G1 runs
    among them does not matter: 2 classes, "G1 ran before main returned" (leaks) and
    "G1 never ran" (main returning ends the program, dependent with every step)."""
    res = search_dfs("Cockroach584", None)
    assert res.exhausted
    assert (res.schedules, res.found_count) == (2, 1)


def test_moby4951_first_schedule_has_gos_expected_leaks() -> None:
    """Two deletions of one device wait for each other's lock in fifo's schedule."""
    res = search_dfs("Moby4951", 1, stop_at_find=True)
    assert res.first_found == 1
    regexes = goker.expectations()["Moby4951"].regexes
    assert regexes  # Go's test lists the DeleteDevice goroutines in sync.Mutex.Lock
    assert len(res.found_leaks) == 2
    for leak in res.found_leaks:
        assert "DeleteDevice" in leak and "[sync.Mutex.Lock]" in leak
        assert any(re.search(rx, leak) for rx in regexes)


def test_an_unknown_program_is_refused_with_the_known_ones() -> None:
    with pytest.raises(SimlabError, match=r"no GoKer program 'Nope1'.*Cockroach584"):
        search_dfs("Nope1", 0)


def test_moby27782_expected_leaks_are_unreachable_in_gokers_program() -> None:
    """GoKer's readLogs locks ``l.mu`` before it registers its watcher and unlocks it
    (deferred) after followLogs returns; the watch's closeNotifier is closed only by
    ``JSONFileLogger.Close``, under the same mutex. So waitRead cannot see WatchClose,
    never calls Remove, and its event is always read: no schedule leaks anything
    (Go's own test never caught it in 10 runs). Every schedule of two containers."""
    u = goker.UNREACHABLE["Moby27782"]
    res = search_dfs("Moby27782", None, patches=u.shrink, runs=100_000)
    assert res.exhausted
    assert res.schedules > 0
    assert (res.leaked, res.found_count) == (0, 0)


def test_moby27782_leaks_as_go_expects_once_readlogs_takes_no_lock() -> None:
    """Without that lock the race of moby#27782 is back: the logger is closed while
    readLogs waits, Remove waits on the Cond forever and readEvents on its send; a
    switch between two steps that do not block (preemption) is needed, since the
    container's goroutine closes the logger right after starting readLogs."""
    u = goker.UNREACHABLE["Moby27782"]
    prog = goker.programs()["Moby27782"]
    source = goker.translations(["Moby27782"], patches=u.race)["Moby27782"]
    assert isinstance(source, str)
    module = load(prog.file, source)
    assert prog.expected is not None
    regexes = prog.expected.regexes
    exact = []
    for seed in range(1, 21):
        run = goker.run_one(module, prog, "random:preempt", seed)
        if run.outcome == "profiled" and goker.match(regexes, run.leaks) == ([], []):
            exact.append(seed)
    assert exact


def test_istio16224_needs_a_switch_where_nothing_blocks() -> None:
    """Go expects the workers leaked in ``sync.Mutex.Lock`` and their monitors in
    ``chan send``: a monitor must take the worker's lock between two operations of
    the worker that do not block. Random search finds it only with
    ``random:preempt`` (docs/goker.md); ``dfs:1:preempt``, where a switch is one
    deviation, finds it by its third schedule."""
    res = search_dfs("Istio16224", 1, preempt=True, stop_at_find=True)
    assert res.first_found is not None and res.first_found <= 3
    assert res.found_schedule.startswith("p")  # a preemptive schedule, replayable as one
    assert any("[sync.Mutex.Lock]" in leak for leak in res.found_leaks)
    assert any("[chan send]" in leak for leak in res.found_leaks)


def test_grpc1460_leaks_in_the_first_schedule_of_dfs_2_early() -> None:
    """Each of the 1,000 goroutines main starts starts keepalive, then NewStream. The
    newest goroutine runs next, so under fifo every NewStream takes the mutex first,
    and keepalive finds its stream and returns. Deviating at the first two decisions
    lets the first pair's keepalive lock first and wait on a channel that NewStream,
    blocked on that mutex, never sends to: Go's expected leaks. ``dfs:2:early``
    tries exactly that first, on simlab's default clock too (random search needed
    the 1us clock); the plain order reaches those deviations last, after those at
    the thousands of decisions that follow (docs/exhaustive.md)."""
    res = search_dfs("Grpc1460", 2, early=True, stop_at_find=True)
    assert (res.first_found, res.found_schedule) == (1, "0:1,1:1")
    assert any("[sync.Mutex.Lock]" in leak for leak in res.found_leaks)
    assert any("[chan receive]" in leak for leak in res.found_leaks)


def _replays_with_gos_leaks(
    name: str, schedule: str, op_cost: int, patches: tuple[goker.Patch, ...] = ()
) -> bool:
    """Does ``schedule``, replayed on that clock (in the instance ``patches`` make),
    write a profile with exactly Go's expected leaks (every expected regular
    expression matched, none extra)?"""
    prog = goker.programs()[name]
    module = load(prog.file, goker.translations([name], patches=patches)[name])
    rt = sl.Runtime(0, f"replay:{schedule}", op_cost=op_cost)
    run = goker.run_one(module, prog, "replay", 0, rt=rt)
    assert prog.expected is not None
    return run.outcome == "profiled" and goker.match(prog.expected.regexes, run.leaks) == ([], [])


def test_sticky_choices_find_the_loop_that_keeps_taking_its_event_case() -> None:
    """Istio18454: each of 100 processors fills its event channel, starts its loop and
    cancels it at once. The loop's select has both cases ready, Done first: fifo
    returns at once. The leak needs the loop to take the event case again and again,
    until a 1ns timer has fired between two events and the event loop blocks draining
    it while the processor waits to send the next reset: one deviation per iteration
    in plain dfs, one in all under ``dfs:1:sticky`` ("from here on, the events"),
    whose schedule is therefore beyond the reach of plain ``dfs:1`` (random search
    found it on the 1us clock, where the timer fires while goroutines compute)."""
    res = search_dfs("Istio18454", 1, op_cost=1000, sticky=True, stop_at_find=True, runs=500)
    assert res.first_found is not None
    assert len(Schedule.parse(res.found_schedule)) > 1
    assert _replays_with_gos_leaks("Istio18454", res.found_schedule, op_cost=1000)


def test_choices_find_the_select_that_returns_before_its_sender_is_done() -> None:
    """Cockroach1462: each of 1,001 copies runs a worker that sends events until its
    stopper closes and a processor that selects between the events and the stopper.
    When both are ready and the processor takes the stopper, the worker stays
    blocked sending and Stop waits for it forever: Go's two leaks. Any of the run's
    985 such selects will do, but in plain dfs each comes after thousands of picks
    whose deviations come first. ``dfs:1:choices`` deviates at choices alone, the
    deepest first: its second schedule takes the other case of the last select."""
    res = search_dfs("Cockroach1462", 1, op_cost=1000, choices=True, stop_at_find=True, runs=500)
    assert res.first_found == 2
    assert len(Schedule.parse(res.found_schedule)) == 1
    assert _replays_with_gos_leaks("Cockroach1462", res.found_schedule, op_cost=1000)


def test_choices_and_switches_find_the_check_then_lock() -> None:
    """Cockroach1055: a task reads ``draining == 0`` and only then locks the stopper's
    mutex. If the goroutine that stops the stoppers takes the mutex in between, the
    task blocks on it, and Stop, holding it, waits for the task's worker to stop:
    Go's leaks. It needs a switch between the read and the lock (random search
    needed ``random:preempt``); ``dfs:2:choices:preempt`` keeps every pick fifo's and
    spends its deviations on switches and selects, and finds it."""
    res = search_dfs("Cockroach1055", 2, preempt=True, choices=True, stop_at_find=True, runs=500)
    assert res.first_found is not None
    assert _replays_with_gos_leaks("Cockroach1055", res.found_schedule, op_cost=0)


# What random search needed in the whole program (docs/goker.md): the 1us clock for
# Grpc3017, Hugo3251 and Kubernetes11298, switches for Kubernetes11298 and Kubernetes13135.
ONE_COPY_CLOCK = {"Grpc3017": 1000, "Hugo3251": 1000, "Kubernetes11298": 1000, "Kubernetes13135": 0}


def test_one_copy_is_the_copy_loop_run_once_and_the_rest_as_scaled() -> None:
    """Each instance runs its test once where GoKer runs many copies at once, and
    otherwise shrinks only what ``goker_scaled.SCALED``'s instance shrinks; every
    patch occurs once in GoKer's source."""
    assert set(ONE_COPY) == set(ONE_COPY_CLOCK)
    for name, instance in ONE_COPY.items():
        source = goker.programs()[name].file.read_text()
        copies, *rest = instance.patches
        assert re.fullmatch(r"i < \d+; i\+\+", copies[0]) and copies[1] == "i < 1; i++"
        assert int(copies[0].split()[2][:-1]) > 1
        scaled = SCALED[name].patches[1:] if name in SCALED else ()
        assert tuple(rest) == scaled
        for patch in instance.patches:
            assert source.count(patch[0]) == 1, (name, patch[0])
        assert instance.instance.startswith("1 ")


@pytest.mark.parametrize("name", sorted(ONE_COPY_CLOCK))
def test_one_copy_of_the_test_has_its_bug_within_two_switches(name: str) -> None:
    """The copies of a GoKer test share nothing, so the program's bug is a bug of one
    copy: in one copy, ``dfs:2:preempt`` (on the clock random search needed) finds a
    schedule whose profile has exactly Go's expected leaks, and it replays to them.
    In the whole program none of these four was found at bounds 1 and 2 in 40 s
    (docs/exhaustive.md)."""
    res = search_dfs(
        name,
        2,
        preempt=True,
        op_cost=ONE_COPY_CLOCK[name],
        one_copy=True,
        stop_at_find=True,
        runs=500,
    )
    assert res.first_found is not None
    assert _replays_with_gos_leaks(
        name, res.found_schedule, ONE_COPY_CLOCK[name], ONE_COPY[name].patches
    )


def test_a_program_without_a_one_copy_instance_is_refused_naming_those_with_one() -> None:
    with pytest.raises(
        SimlabError, match="no one-copy instance of Moby4951; there is one of Grpc3017"
    ):
        search_dfs("Moby4951", 1, one_copy=True)


def test_the_command_searches_one_copy_and_prints_a_replay_that_shows_gos_leaks(capsys) -> None:
    """``simlab goker NAME --one-copy --strategy dfs:...`` stops at the first schedule
    with Go's leaks (exit 0) and prints a command; that command, run, writes a profile
    whose leaks are Go's expected ones."""
    from tests.conftest import invoke

    code, out, err = invoke(
        capsys, "goker", "Kubernetes13135", "--one-copy", "--strategy", "dfs:2:preempt"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [
        "Kubernetes13135 under dfs:2:preempt, sleep sets, seed 0",
        f"one copy: {ONE_COPY['Kubernetes13135'].instance}",
    ]
    assert "leaks exactly as Go expects" in out
    command = out.rsplit("replay: ", 1)[1].split()
    assert command[:5] == ["simlab", "goker", "Kubernetes13135", "--one-copy", "--replay"]
    code, out, err = invoke(capsys, *command[1:])
    assert (code, err) == (0, "")
    assert "outcome: profiled" in out and "missing" not in out and "\nextra: " not in out


def test_the_command_says_when_every_schedule_within_the_bound_was_checked(capsys) -> None:
    """Cockroach584's ``fifo`` schedule, the first, already leaks as Go expects (the
    hand count above). Grpc3017's copy leaks only if a timer goroutine runs twice
    before the loop that removes and makes the sub-conn ends (once to reach its
    Gosched, once to lock and return holding the lock), and that loop never blocks
    first (a timer that fires on the 1us clock leaves it next to run), so each costs
    a deviation: bound 1 has no such schedule, and the search ends with every
    schedule checked, exit status 1."""
    from tests.conftest import invoke

    code, out, _ = invoke(capsys, "goker", "Cockroach584", "--strategy", "dfs:1")
    assert code == 0 and "found: schedule 1 leaks exactly as Go expects" in out
    code, out, _ = invoke(
        capsys, "goker", "Grpc3017", "--one-copy", "--strategy", "dfs:1:preempt@1us"
    )
    assert code == 1
    assert re.search(r"all \d+ schedules up to bound 1 checked \(\d+ pruned\): none leaks", out)
    assert "the sleep sets may skip" in out and "dfs:1:nosleep:preempt@1us runs every one" in out
    code, out, _ = invoke(
        capsys, "goker", "Grpc3017", "--one-copy", "--strategy", "dfs:1:nosleep:preempt@1us"
    )
    assert code == 1 and "the sleep sets may skip" not in out
    assert re.search(r"all \d+ schedules up to bound 1 checked \(no reduction\): none leaks", out)


def test_the_command_prints_the_search_as_json(capsys) -> None:
    """Cockroach584 at bound 1: its first schedule, fifo's, leaks as Go expects (the
    hand count above)."""
    from tests.conftest import invoke

    code, out, _ = invoke(capsys, "goker", "Cockroach584", "--strategy", "dfs:1", "--json")
    row = json.loads(out)
    assert code == 0
    assert (row["strategy"], row["bound"], row["first_found"]) == ("dfs:1", 1, 1)
    assert row["found_leaks"] and row["one_copy"] is False


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["Moby4951", "--one-copy", "--strategy", "dfs:1"], "no one-copy instance of Moby4951"),
        (["Moby4951", "--one-copy"], "--one-copy goes with --strategy dfs"),
        (["Moby4951", "Cockroach584", "--strategy", "dfs:1"], "one NAME"),
        (["Moby4951", "--strategy", "dfs:1", "--fixed"], "without --replay or --fixed"),
        (["Moby4951", "--strategy", "dfs:2@1d"], 'unknown unit "d"'),
        (["Moby4951", "--strategy", "dfs:two"], "whole number of deviations"),
    ],
)
def test_a_bad_search_is_one_line_and_exit_status_2(capsys, args: list[str], says: str) -> None:
    from tests.conftest import invoke

    code, out, err = invoke(capsys, "goker", *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and says in err


def test_a_search_run_spins_out_where_gokers_own_runs_do(monkeypatch) -> None:
    """A GoKer program does its work in microseconds; goker's runs end a spinning
    schedule after ``goker.LIVELOCK_STEPS`` steps at one instant, not the runtime's
    10 million, and so do the search's (a spinning run took minutes before)."""
    import simlab.translate.goker_dfs as goker_dfs

    seen = []
    runtime = sl.Runtime

    def counted(*args, **kwargs):
        seen.append(kwargs.get("livelock_steps"))
        return runtime(*args, **kwargs)

    monkeypatch.setattr(goker_dfs.sl, "Runtime", counted)
    search_dfs("Cockroach584", 1)
    assert seen == [goker.LIVELOCK_STEPS] * 2


def test_a_run_the_search_cap_interrupted_is_abandoned_even_if_its_code_went_on() -> None:
    """The cap's signal raises inside whatever runs, a goroutine too: its ``finally``
    blocks (Go's deferred calls) then run and may yield, and the run goes on from
    a state no schedule gives (dfs once saw main's loop of 10,000 ``go`` statements
    cut short there, and called the program nondeterministic). Leaving the cap after
    it fired must abandon the run however the block ended."""
    with (
        pytest.raises(goker._OutOfTime),
        goker._cap(time.perf_counter() + 0.01),
        contextlib.suppress(BaseException),  # a deferred call ran; the goroutine goes on
    ):
        time.sleep(2)  # the signal interrupts it


def test_a_search_whose_first_run_never_ends_points_to_the_1us_clock(capsys) -> None:
    """One copy of Kubernetes11298 has a goroutine that spins until a timer fires; with
    time standing still while it runs, no run ends before the cap, and the command
    says where the search can go on (with @1us it finds the bug: docs/exhaustive.md)."""
    from tests.conftest import invoke

    args = ["goker", "Kubernetes11298", "--one-copy", "--strategy", "dfs:2:preempt"]
    code, out, _ = invoke(capsys, *args, "--max-seconds", "1")
    assert code == 1 and "after 0 schedules run to the end, 0 pruned" in out
    assert "--strategy dfs:2:preempt@1us, timers fire meanwhile" in out
