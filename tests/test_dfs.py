"""Exhaustive schedule search (``--strategy dfs[:BOUND]``): counts checked by hand.

A step is what a goroutine does between getting the processor and blocking. Two
goroutines of a and b steps, always both runnable until one ends, interleave in
C(a+b, a) ways; the search must run each of those schedules exactly once without
the reduction, and one schedule per class of equivalent ones with it (steps that
touch no common primitive commute).
"""

from __future__ import annotations

import gc
import json
from math import comb

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import simlab as sl
from simlab.errors import SimlabError
from simlab.lab.exhaust import exhaust, search_program
from simlab.lab.experiment import load_experiment
from simlab.lab.explore import explore
from simlab.sched.dfs import DFS, SLICE, Redundant
from simlab.sched.schedule import Schedule
from simlab.sched.strategies import make_strategy
from tests.conftest import invoke as cli


def _worker(rt, ch, k):
    """k steps, each touching only ``ch``, then a last step that just returns."""
    for i in range(k):
        ch.try_send(i)
        yield rt.gosched()


def independent(k):
    def main(rt):
        a, b = rt.chan(k), rt.chan(k)
        rt.go(_worker, rt, a, k)
        rt.go(_worker, rt, b, k)
        yield rt.sleep(sl.Second)  # main is out of the way while they run

    return main


def _distinct(found):
    digests = [e.digest for e in found]
    assert len(set(digests)) == len(digests)
    assert len({str(e.schedule) for e in found}) == len(found)


@pytest.mark.parametrize("k", [1, 2, 3])
def test_independent_goroutines_are_one_class(k):
    """Each goroutine has k+1 steps: C(2k+2, k+1) interleavings, all equivalent."""
    full, _ = search_program(independent(k), reduction=False)
    assert len(full) == comb(2 * k + 2, k + 1)  # 6, 20, 70
    _distinct(full)
    reduced, dfs = search_program(independent(k))
    assert len(reduced) == 1
    assert dfs.exhausted


def _maker(rt, k):
    ch = rt.chan(k)  # its own: the run's n-th channel, n depending on who runs first
    for i in range(k):
        ch.try_send(i)
        yield rt.gosched()


@pytest.mark.parametrize("k", [1, 2, 3])
def test_goroutines_that_make_their_own_channels_are_independent(k):
    """As test_independent_goroutines_are_one_class, but each goroutine makes its
    channel in its first step. Whichever runs first makes the run's first channel:
    in the other order that id names the other goroutine's channel, and a footprint
    holding it would make the two look dependent. A step's footprint leaves out what
    the step made (no step before it can have touched it)."""

    def main(rt):
        rt.go(_maker, rt, k)
        rt.go(_maker, rt, k)
        yield rt.sleep(sl.Second)

    full, _ = search_program(main, reduction=False)
    assert len(full) == comb(2 * k + 2, k + 1)
    reduced, dfs = search_program(main)
    assert len(reduced) == 1
    assert dfs.exhausted


def _locker(rt, mu):
    yield mu.lock()
    yield rt.gosched()
    mu.unlock()


def _two_lockers_and_a_bystander(rt):
    mu = rt.mutex()
    rt.go(_locker, rt, mu)
    rt.go(_locker, rt, mu)
    rt.go(_worker, rt, rt.chan(1), 1)
    yield rt.sleep(sl.Second)


def test_two_lockers_and_a_bystander():
    """A and B each lock mu, yield, unlock; C does one step on its own channel and ends.

    A and B alone: whoever locks first (2 ways) either finishes before the other
    tries (4 steps) or the other tries while it holds mu and parks, to take mu when
    it is unlocked (5 steps): 2 x 2 = 4 schedules, all steps on mu, none equivalent.
    C's 2 steps interleave freely into each: 2 x (C(4+2, 2) + C(5+2, 2)) = 2 x (15 + 21).
    """

    full, _ = search_program(_two_lockers_and_a_bystander, reduction=False)
    assert len(full) == 2 * (comb(6, 2) + comb(7, 2)) == 72
    _distinct(full)
    reduced, _ = search_program(_two_lockers_and_a_bystander)
    assert len(reduced) == 4
    _distinct(reduced)


def _two_selects(rt):
    a, b = rt.chan(2), rt.chan(2)
    for ch in (a, b):
        ch.try_send(1)
        ch.try_send(2)
    yield sl.select(a.recv_case(), b.recv_case())  # both ready: a decision of 2
    yield sl.select(a.recv_case(), b.recv_case())  # both still ready: another


@pytest.mark.parametrize(("bound", "expected"), [(None, 4), (0, 1), (1, 3), (2, 4)])
def test_select_with_two_ready_cases(bound, expected):
    """Two binary decisions: 2 x 2 = 4 schedules; with at most B deviations, the
    sum of C(2, d) for d <= B: 1, 1 + 2, 1 + 2 + 1. No reduction applies to them."""
    for reduction in (True, False):
        found, _ = search_program(_two_selects, bound=bound, reduction=reduction)
        assert len(found) == expected
        _distinct(found)
        assert all(len(e.schedule) <= (2 if bound is None else bound) for e in found)


def test_the_bound_limits_deviations():
    """Raising the bound only adds schedules; bound 0 is fifo alone; a bound as large
    as the number of decisions is no bound (C(6, 3) = 20 schedules)."""
    program = independent(2)
    full = {str(e.schedule) for e in search_program(program, reduction=False)[0]}
    assert len(full) == 20
    seen: set[str] = set()
    for bound in range(5):
        found, _ = search_program(program, bound=bound, reduction=False)
        assert all(len(e.schedule) <= bound for e in found)
        names = {str(e.schedule) for e in found}
        assert seen <= names <= full
        seen = names
    assert search_program(program, bound=0, reduction=False)[0][0].schedule == Schedule()
    assert seen == full


def _sender(rt, x):
    yield x.send(1)  # a buffered channel with room: an operation that does not block


def _main_and_a_sender(rt):
    x = rt.chan(1)
    rt.go(_sender, rt, x)
    yield rt.sleep(sl.Second)


def _spinner_and_a_stopper(rt, log):
    flag = rt.atomic_int32()

    def spin():
        spins = 0
        while (yield flag.load()) == 0:  # never blocks: only the stopper ends it
            spins += 1
        log.append(spins)

    def stop():
        yield flag.store(1)

    rt.go(stop)
    rt.go(spin)  # Go's runnext: it runs first
    yield rt.sleep(sl.Second)


def test_a_goroutine_that_never_blocks_is_switched_out_free_of_charge():
    """The spinner loads a flag until the stopper stores it, yielding an operation at
    each load while the stopper waits. Going on is dfs:preempt's free option, so at
    bound 0 the spinner would spin until the livelock guard; after SLICE operations in
    a row, switching is the free one (as Go's scheduler stops a goroutine that has run
    10ms), the stopper runs, and the spinner stops: one schedule, in which the
    spinner's first SLICE loads saw 0 and the one it was stopped before sees 1."""
    log: list[int] = []
    found, dfs = search_program(_spinner_and_a_stopper, log, bound=0, preempt=True)
    assert len(found) == 1 and found[0].error is None
    assert dfs.exhausted
    assert log == [SLICE]


@pytest.mark.parametrize(("bound", "expected"), [(0, 1), (1, 2), (2, 4), (3, 5), (None, 5)])
def test_preemption_points_counted_by_hand(bound, expected):
    """dfs:BOUND:preempt asks "go on or switch?" at an operation yielded while another
    goroutine is runnable; a goroutine that resumes the operation it was stopped
    before is not asked again. main yields its sleep while A is runnable:

    - go on: main sleeps, A runs alone (0 deviations);
    - switch (1): A (runnext) and main are runnable. A first: its send, yielded while
      main waits, is asked again: go on (1 deviation in all); switch (2), then main
      runs (2) or A again (option 1: 3). main first (option 1: 2).

    5 schedules, of which 1, 2, 4 and 5 within 0, 1, 2 and 3 deviations. Decisions
    are numbered as they come: 0 main's switch, 1 the pick, 2 A's switch, 3 the
    pick after it (main first in the queue, then A)."""
    found, dfs = search_program(_main_and_a_sender, bound=bound, reduction=False, preempt=True)
    assert len(found) == expected
    assert dfs.exhausted
    _distinct(found)
    assert all(e.schedule.preemptive for e in found)
    by_hand = {
        "pfifo": 0,  # main goes on
        "p0:1": 1,  # main switches, A runs and goes on
        "p0:1,2:1": 2,  # ... A switches, main runs
        "p0:1,2:1,3:1": 3,  # ... A switches, A runs again
        "p0:1,1:1": 2,  # main switches, main runs first
    }
    within = {s for s, d in by_hand.items() if bound is None or d <= bound}
    assert {str(e.schedule) for e in found} == within


def test_a_preemptive_schedule_replays_to_the_same_run():
    found, _ = search_program(_main_and_a_sender, reduction=False, preempt=True)
    for explored in found:
        rt = sl.Runtime(strategy=f"replay:{explored.schedule}")
        rt.run(_main_and_a_sender)
        assert rt.trace_digest() == explored.digest


@pytest.mark.parametrize(
    ("spec", "bound"), [("dfs:preempt", None), ("dfs:2:preempt", 2), ("dfs:0:preempt", 0)]
)
def test_dfs_takes_preempt(spec, bound):
    dfs = make_strategy(spec)
    assert isinstance(dfs, DFS)
    assert (dfs.bound, dfs.preemptive, str(dfs)) == (bound, True, spec)
    assert not make_strategy("dfs:2").preemptive


def test_a_schedule_replays_to_the_same_run():
    found, _ = search_program(independent(2), reduction=False)
    last = found[-1]
    assert len(last.schedule) > 0
    rt = sl.Runtime(strategy=f"replay:{last.schedule}")
    rt.run(independent(2))
    assert rt.trace_digest() == last.digest


# --- the reduction keeps every outcome: random little programs ------------------

OPS = st.sampled_from(["send", "recv", "trysend", "tryrecv", "select", "lock", "yield", "close"])


@st.composite
def programs(draw):
    """Up to 3 goroutines of up to 3 operations on 2 channels (capacity 1) and a mutex."""
    n = draw(st.integers(2, 3))
    return [
        [(draw(OPS), draw(st.integers(0, 1))) for _ in range(draw(st.integers(1, 3)))]
        for _ in range(n)
    ]


def _program(spec):
    """Each goroutine logs what its operations saw in a list of its own (its local
    state); the outcome of a run is those logs and how the run ended."""

    def body(rt, ops, chans, mu, log):
        for op, c in ops:
            ch = chans[c]
            if op == "send":
                yield ch.send(len(log))
            elif op == "recv":
                log.append((yield ch.recv()))
            elif op == "trysend":
                log.append(ch.try_send(len(log)))
            elif op == "tryrecv":
                i, v, ok = yield sl.select(ch.recv_case(), default=True)
                log.append((i, v, ok))
            elif op == "select":
                log.append((yield sl.select(chans[0].recv_case(), chans[1].send_case(c))))
            elif op == "lock":
                yield mu.lock()
                yield rt.gosched()
                mu.unlock()
            elif op == "yield":
                yield rt.gosched()
            elif op == "close":
                ch.close()  # a second close panics: an outcome too

    def main(rt, logs):
        chans, mu = [rt.chan(1), rt.chan(1)], rt.mutex()
        for ops, log in zip(spec, logs, strict=True):
            rt.go(body, rt, ops, chans, mu, log)
        yield rt.sleep(sl.Second)

    return main


def _outcomes(spec, reduction, preempt=False, *, bound=None, early=False, sticky=False, dpor=False):
    outcomes = set()
    for explored in _runs(
        spec, reduction, preempt, bound=bound, early=early, sticky=sticky, dpor=dpor
    ):
        outcomes.add(explored)
    return outcomes


def _runs(spec, reduction, preempt=False, *, bound=None, early=False, sticky=False, dpor=False):
    dfs = DFS(bound, reduction=reduction, preempt=preempt, early=early, sticky=sticky, dpor=dpor)
    while True:
        logs = [[] for _ in spec]
        rt = sl.Runtime(strategy=dfs)
        ended = "ok"
        try:
            rt.run(_program(spec), logs)
        except Redundant:
            ended = None
        except (sl.Deadlock, sl.GoPanic) as exc:
            ended = type(exc).__name__
        if ended is not None:
            yield (ended, repr(logs))
        if not dfs.backtrack():
            return


@settings(max_examples=40, deadline=None)
@given(programs())
def test_the_reduction_keeps_every_outcome(spec):
    """Sleep sets only skip schedules equivalent to explored ones, so every outcome
    (what each goroutine saw, how the run ended) of the full search is still reached;
    a step that ends the program (a panic: a second close) depends on every other."""
    assert _outcomes(spec, True) == _outcomes(spec, False)


@st.composite
def small_programs(draw):
    """2 goroutines of up to 2 operations: with a switch possible at every operation,
    3 goroutines of 2 already have up to 400,000 schedules."""
    return [
        [(draw(OPS), draw(st.integers(0, 1))) for _ in range(draw(st.integers(1, 2)))]
        for _ in range(2)
    ]


@settings(max_examples=25, deadline=None)
@given(small_programs())
def test_the_reduction_keeps_every_outcome_with_preemption(spec):
    """The same with dfs:preempt, whose steps end at a switch as well as where a
    goroutine blocks: a goroutine stopped between two operations that do not block."""
    assert _outcomes(spec, True, preempt=True) == _outcomes(spec, False, preempt=True)


# --- dfs:BOUND:early: the same schedules, deviations nearest the start first -------


@pytest.mark.parametrize("bound", [None, 0, 1, 2])
def test_early_visits_the_same_schedules_in_another_order(bound):
    """_two_selects has two binary decisions. Trying the deviation before option 0 at
    each one, the search runs first the schedule deviating at decision 0 (and at
    decision 1 too, if the bound allows), then decision 1 alone, then fifo's; the
    plain order runs them the other way round."""
    by_hand = {
        None: ["0:1,1:1", "0:1", "1:1", "fifo"],
        0: ["fifo"],
        1: ["0:1", "1:1", "fifo"],
        2: ["0:1,1:1", "0:1", "1:1", "fifo"],
    }
    for reduction in (True, False):
        early, dfs = search_program(_two_selects, bound=bound, reduction=reduction, early=True)
        assert [str(e.schedule) for e in early] == by_hand[bound]
        assert dfs.exhausted
        plain, _ = search_program(_two_selects, bound=bound, reduction=reduction)
        assert sorted(str(e.schedule) for e in plain) == sorted(by_hand[bound])


@pytest.mark.parametrize("bound", [0, 1, 2, 3, None])
def test_early_with_preemption_keeps_the_schedules_counted_by_hand(bound):
    """test_preemption_points_counted_by_hand's five schedules, in the early order."""
    plain, _ = search_program(_main_and_a_sender, bound=bound, reduction=False, preempt=True)
    early, dfs = search_program(
        _main_and_a_sender, bound=bound, reduction=False, preempt=True, early=True
    )
    assert dfs.exhausted
    assert sorted(str(e.schedule) for e in early) == sorted(str(e.schedule) for e in plain)
    if bound != 0:
        assert str(early[0].schedule) != "pfifo"  # main switches first


def test_a_goroutine_explored_as_a_deviation_does_not_sleep_where_option_0_can_deviate():
    """A closes ch0, then selects between receiving from ch0 (closed: ready) and sending
    on ch1 (room: ready); B only yields, touching nothing. Within one deviation there
    are two outcomes: A's select receives (fifo) or sends (one deviation, there).

    dfs:1:early first runs B before A: its deviation is spent, so A's select takes
    option 0. Then A first: if B slept there (its step is independent of A's), the
    run in which A's select sends would be abandoned as equivalent to one with B
    first, which the bound did not let send. So B stays awake there, and both
    outcomes are reached."""
    spec = [[("close", 0), ("select", 0)], [("yield", 0)]]
    received = ("ok", repr([[(0, None, False)], []]))
    sent = ("ok", repr([[(1, None, True)], []]))
    assert _outcomes(spec, False, bound=1) == {received, sent}
    assert _outcomes(spec, True, bound=1, early=True) == {received, sent}
    assert _outcomes(spec, True, bound=1) == {received, sent}


def test_explore_without_the_reduction_keeps_the_early_order():
    """exhaust(..., reduction=False) rebuilds its strategy: still early, the same
    schedules as the plain order, the first of them not fifo's."""
    exp = load_experiment("zoo-mutex-error-path").with_overrides(SHORT, None)
    early = exhaust(exp, 100, "dfs:1:early", reduction=False, progress=False, shrink=False)
    plain = exhaust(exp, 100, "dfs:1", reduction=False, progress=False, shrink=False)
    assert early.exhausted and plain.exhausted
    assert sorted(o.digest for o in early.outcomes) == sorted(o.digest for o in plain.outcomes)
    assert early.outcomes[0].digest != plain.outcomes[0].digest


@settings(max_examples=25, deadline=None)
@given(programs())
def test_the_reduction_keeps_every_outcome_in_the_early_order(spec):
    """Sleep sets are sound whatever order a decision's options are tried in."""
    assert _outcomes(spec, True, early=True) == _outcomes(spec, False)


@pytest.mark.parametrize(
    ("spec", "bound", "preempt"),
    [
        ("dfs:early", None, False),
        ("dfs:2:early", 2, False),
        ("dfs:0:early:preempt", 0, True),
        ("dfs:early:preempt", None, True),
    ],
)
def test_dfs_takes_early(spec, bound, preempt):
    dfs = make_strategy(spec)
    assert isinstance(dfs, DFS)
    assert (dfs.bound, dfs.early, dfs.preemptive, str(dfs)) == (bound, True, preempt, spec)
    assert not make_strategy("dfs:2:preempt").early


# --- dfs:BOUND:sticky: a select deviates where its goroutine's choice changes -------


def _select_loop(rt):
    a, b = rt.chan(3), rt.chan(3)
    for ch in (a, b):
        for v in range(3):
            ch.try_send(v)
    for _ in range(3):  # both cases ready every time: three decisions of 2
        yield sl.select(a.recv_case(), b.recv_case())


@pytest.mark.parametrize(
    ("bound", "sticky", "plain"),
    [
        (0, ["fifo"], ["fifo"]),
        (1, ["fifo", "2:1", "1:1,2:1", "0:1,1:1,2:1"], ["fifo", "2:1", "1:1", "0:1"]),
        (2, ["fifo", "2:1", "1:1,2:1", "1:1", "0:1,1:1,2:1", "0:1,1:1", "0:1"], None),
        (None, ["fifo", "2:1", "1:1,2:1", "1:1", "0:1,1:1,2:1", "0:1,1:1", "0:1", "0:1,2:1"], None),
    ],
)
def test_sticky_counts_a_change_of_choice_as_the_deviation(bound, sticky, plain):
    """A loop of three selects, both cases ready each time: the choices c0 c1 c2 are
    any of the 8 words over {0, 1}. Plain dfs counts every 1: within one deviation,
    000, 100, 010 and 001. Sticky counts the changes from the previous choice (from
    0 before the first): within one, 000, 001, 011 and 111, "from here on the other
    case"; within two, all but 101 (three changes), whose plain count is two. In
    depth-first order the free option comes first: after a change at decision 1,
    decision 2 tries case 1 before case 0."""
    every = ["fifo", "2:1", "1:1", "1:1,2:1", "0:1", "0:1,2:1", "0:1,1:1", "0:1,1:1,2:1"]
    for reduction in (True, False):
        found, dfs = search_program(_select_loop, bound=bound, reduction=reduction, sticky=True)
        assert [str(e.schedule) for e in found] == sticky
        assert dfs.exhausted
        _distinct(found)
        unsticky, _ = search_program(_select_loop, bound=bound, reduction=reduction)
        by_hand = plain or [s for s in every if s.count(":") <= (bound or 3)]
        assert sorted(str(e.schedule) for e in unsticky) == sorted(by_hand)


def test_sticky_in_the_early_order():
    """dfs:1:early:sticky deviates at decision 0 first; its one change spent, the
    later choices keep case 1 free of charge. Then the change at decision 1, at 2,
    and fifo's schedule last."""
    found, dfs = search_program(_select_loop, bound=1, early=True, sticky=True)
    assert [str(e.schedule) for e in found] == ["0:1,1:1,2:1", "1:1,2:1", "2:1", "fifo"]
    assert dfs.exhausted


def test_a_sticky_schedule_replays_to_the_same_run():
    """A sticky search's schedule is the options its run took, as any schedule is:
    replay needs no notion of stickiness."""
    for explored in search_program(_select_loop, bound=1, sticky=True)[0]:
        rt = sl.Runtime(strategy=f"replay:{explored.schedule}")
        rt.run(_select_loop)
        assert rt.trace_digest() == explored.digest


@settings(max_examples=25, deadline=None)
@given(programs())
def test_the_reduction_keeps_every_outcome_with_sticky_choices(spec):
    """With no bound, sticky choices only change which schedule is whose deviation:
    the search still reaches every outcome."""
    assert _outcomes(spec, True, sticky=True) == _outcomes(spec, False)


@pytest.mark.parametrize(
    ("spec", "bound", "early", "preempt"),
    [
        ("dfs:sticky", None, False, False),
        ("dfs:2:sticky", 2, False, False),
        ("dfs:1:early:sticky:preempt", 1, True, True),
    ],
)
def test_dfs_takes_sticky(spec, bound, early, preempt):
    dfs = make_strategy(spec)
    assert isinstance(dfs, DFS)
    assert (dfs.bound, dfs.early, dfs.sticky, dfs.preemptive) == (bound, early, True, preempt)
    assert str(dfs) == spec
    assert str(make_strategy("dfs:1:sticky:early")) == "dfs:1:early:sticky"
    assert not make_strategy("dfs:2:early").sticky


# --- dfs:BOUND:dpor: a goroutine is tried where a race asks for it ----------------


@settings(max_examples=100, deadline=None)
@given(programs())
def test_dpor_keeps_every_outcome(spec):
    """Races name every other class of schedule: with no bound, the search still
    reaches every outcome of the full search."""
    assert _outcomes(spec, True, dpor=True) == _outcomes(spec, False)


@settings(max_examples=40, deadline=None)
@given(small_programs())
def test_dpor_keeps_every_outcome_with_preemption(spec):
    assert _outcomes(spec, True, preempt=True, dpor=True) == _outcomes(spec, False, preempt=True)


@pytest.mark.parametrize(
    "spec",
    [
        # a goroutine that is the only one runnable takes no decision, and its step
        # is in races all the same
        [[("send", 0), ("send", 0), ("send", 1)], [("recv", 0)], [("trysend", 1)]],
        # the latest step that touched a common channel happens before: look further
        [[("send", 0), ("send", 0), ("select", 0)], [("recv", 0)], [("send", 1)]],
        # the goroutine to try is asleep there: another goes first towards it
        [
            [("lock", 0), ("send", 0), ("recv", 0)],
            [("send", 1), ("send", 1), ("send", 0)],
            [("send", 0), ("trysend", 1)],
        ],
        # the program ends (a second close panics) while a goroutine never ran
        [[("send", 0), ("send", 1)], [("recv", 0)], [("close", 1), ("send", 0)]],
    ],
)
def test_dpor_keeps_the_outcomes_naive_races_lost(spec):
    """Programs on which simpler readings of the races lost an outcome while this
    one was written (found by the hypothesis tests above)."""
    assert _outcomes(spec, True, dpor=True) == _outcomes(spec, False)


@pytest.mark.parametrize("k", [1, 2, 3])
def test_dpor_runs_no_reordering_of_independent_goroutines(k):
    """Two goroutines whose steps touch a channel each: their steps never race, and
    the sleep sets alone try a reordering at each of the 2k + 1 decisions where both
    are runnable, to abandon it. The one race is main's last step, which ends the
    program, with the last worker step that does not happen before it (main slept
    through both): one run tries the other worker there, and is abandoned. So two
    runs whatever k, one of them to the end."""
    reduced, dfs = search_program(independent(k), dpor=True)
    assert (len(reduced), dfs.runs, dfs.pruned) == (1, 2, 1)
    assert dfs.exhausted
    _, sleep = search_program(independent(k))
    assert sleep.pruned == 2 * k + 1


def test_dpor_keeps_the_classes_counted_by_hand():
    """test_two_lockers_and_a_bystander's 4 classes, in fewer runs."""

    reduced, dfs = search_program(_two_lockers_and_a_bystander, dpor=True)
    assert len(reduced) == 4
    _distinct(reduced)
    _, sleep = search_program(_two_lockers_and_a_bystander)
    assert dfs.runs < sleep.runs


@pytest.mark.parametrize(
    ("spec", "bound", "early", "sticky"),
    [("dfs:dpor", None, False, False), ("dfs:2:early:sticky:dpor", 2, True, True)],
)
def test_dfs_takes_dpor(spec, bound, early, sticky):
    dfs = make_strategy(spec)
    assert isinstance(dfs, DFS)
    assert (dfs.bound, dfs.early, dfs.sticky, dfs.dpor, str(dfs)) == (
        bound,
        early,
        sticky,
        True,
        spec,
    )
    assert not make_strategy("dfs:2").dpor


# --- dfs:BOUND:choices: deviations at choose decisions only ----------------------


def _workers_and_a_select(rt):
    a, b = rt.chan(1), rt.chan(1)
    a.try_send(1)
    b.try_send(2)
    rt.go(_worker, rt, rt.chan(2), 2)
    rt.go(_worker, rt, rt.chan(2), 2)
    yield sl.select(a.recv_case(), b.recv_case())  # decision 0: main's only choice
    yield rt.sleep(sl.Second)


@pytest.mark.parametrize("bound", [1, 2, None])
def test_choices_deviate_at_the_select_alone(bound):
    """Main starts two workers and, before it blocks, selects between two ready
    cases: decision 0. The workers' picks then follow fifo's order whatever the
    bound, so the search has two schedules, fifo's and the select's other case;
    without choices there are more (the workers' picks)."""
    for reduction in (True, False):
        found, dfs = search_program(
            _workers_and_a_select, bound=bound, reduction=reduction, choices=True
        )
        assert [str(e.schedule) for e in found] == ["fifo", "0:1"]
        assert dfs.exhausted
    every, _ = search_program(_workers_and_a_select, bound=bound, reduction=False)
    assert len(every) > 2


@pytest.mark.parametrize(
    ("spec", "bound", "flags"),
    [("dfs:choices", None, ()), ("dfs:1:sticky:choices:preempt", 1, ("sticky",))],
)
def test_dfs_takes_choices(spec, bound, flags):
    dfs = make_strategy(spec)
    assert isinstance(dfs, DFS)
    assert (dfs.bound, dfs.choices, dfs.sticky) == (bound, True, "sticky" in flags)
    assert str(dfs) == spec
    assert not make_strategy("dfs:2").choices


# --- explore --strategy dfs on the zoo ---------------------------------------------

SHORT = {"duration": "10s"}


@pytest.mark.parametrize("name", ["zoo-lost-signal", "zoo-forgotten-sender"])
def test_dfs_finds_the_zoo_bug_random_finds(name):
    exp = load_experiment(name).with_overrides(SHORT, None)
    randomly = explore(exp, 4, "random", jobs=1, progress=False, shrink=False)
    assert randomly.failing_seeds()
    result = explore(exp, 200, "dfs:2", jobs=1, progress=False, shrink=False)
    assert result.outcomes[0].failed == ["no leak"]
    assert result.exhausted
    fixed = load_experiment(name).with_overrides({**SHORT, "variant": "fixed"}, None)
    assert explore(fixed, 200, "dfs:2", jobs=1, progress=False, shrink=False).ok()


def test_explore_dfs_from_the_command_line(capsys):
    code, out, _ = cli(
        capsys, "explore", "zoo-mutex-error-path", "--set", "duration=10s",
        "--strategy", "dfs:1", "--schedules", "500",
    )  # fmt: skip
    assert code == 0
    assert "strategy dfs:1, seed 0" in out
    assert "held in all" in out
    assert "schedules up to bound 1 checked (" in out and "pruned by sleep sets)" in out
    assert "--strategy dfs:1:nosleep runs every one" in out


# A (Gosched), B (try-receive, then try-send, on one buffered channel), C (a send
# on it), started in that order: docs/exhaustive.md works the search out by hand.
_SKIPPED_AT_BOUND_1 = [[("yield", 0)], [("tryrecv", 0), ("trysend", 0)], [("send", 0)]]


def test_sleep_sets_with_a_bound_skip_a_schedule_nosleep_runs():
    """B before C is one deviation from fifo (C, the last started, is in runnext), and
    only then does B's receive find the channel empty. The sleep sets abandon that
    run: A, explored before B at the first decision, touches nothing and sleeps
    below B, and its equivalent (A, then B before C) costs two deviations. With no
    bound the sleep sets lose nothing, and `:nosleep` runs every schedule."""
    empty = ("ok", repr([[], [(-1, None, False), True], []]))
    fifo = ("ok", repr([[], [(0, 0, True), True], []]))  # B receives C's 0
    assert _outcomes(_SKIPPED_AT_BOUND_1, True, bound=1) == {fifo}
    assert _outcomes(_SKIPPED_AT_BOUND_1, True) >= {fifo, empty}
    nosleep = make_strategy("dfs:1:nosleep")
    assert isinstance(nosleep, DFS) and not nosleep.reduction and str(nosleep) == "dfs:1:nosleep"
    assert _outcomes(_SKIPPED_AT_BOUND_1, False, bound=1) == {fifo, empty}


@pytest.mark.parametrize(
    ("strategy", "note"),
    [("dfs:1", True), ("dfs:1:nosleep", False), ("dfs", False)],
)
def test_a_bounded_search_with_sleep_sets_says_it_may_have_skipped_one(capsys, strategy, note):
    code, out, _ = cli(
        capsys, "explore", "zoo-mutex-error-path", "--set", "duration=10s",
        "--strategy", strategy, "--schedules", "2000", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["exhausted"] and data["strategy"] == strategy
    assert data["complete"] is not note
    code, out, _ = cli(
        capsys, "explore", "zoo-mutex-error-path", "--set", "duration=10s",
        "--strategy", strategy, "--schedules", "2000",
    )  # fmt: skip
    assert ("the sleep sets may skip a schedule within it" in out) is note
    assert ("no reduction" in out) is strategy.endswith("nosleep")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--strategy", "dfs:x"], "dfs:BOUND takes a whole number"),
        (["--strategy", "dfs:-1"], "dfs:BOUND takes a whole number"),
        (["--strategy", "dfs:x:early"], "dfs:BOUND takes a whole number"),
        (["--strategy", "dfs:2:late"], "come :early, :sticky, :dpor, :choices and :nosleep"),
        (["--strategy", "dfs:2:dpor:dpor"], "come :early, :sticky, :dpor, :choices and :nosleep"),
        (["--strategy", "dfs:2:dpor:nosleep"], ":dpor works on top of the sleep sets"),
        (["--strategy", "dfs", "--workload-seed", "3"], "--workload-seed does not apply"),
    ],
)
def test_bad_dfs_input_is_one_line_and_exit_2(capsys, args, message):
    code, _, err = cli(capsys, "explore", "zoo-lost-signal", *args)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert make_strategy("dfs:3").bound == 3  # type: ignore[attr-defined]


def test_a_program_that_is_not_deterministic_is_refused():
    """Replaying a prefix must meet the same goroutines: here each run starts one
    more goroutine than the last, so the second run cannot follow the first."""
    runs = []

    def noop():
        yield from ()

    def main(rt):
        runs.append(1)
        for _ in range(len(runs) + 1):
            rt.go(noop)
        yield rt.sleep(1)

    with pytest.raises(SimlabError, match="not deterministic"):
        search_program(main, reduction=False)


def test_a_divergence_among_as_many_other_goroutines_is_caught():
    """Every run starts 70 goroutines, but from the second on main first starts one
    that ends before them, and ids follow creation: as many runnable, each with the
    next id (the last one started first: it took runnext, as Go's newproc does). A
    pick of that many keeps its ids packed, and a replay compares them packed."""
    runs = []

    def noop():
        yield from ()

    def main(rt):
        runs.append(1)
        if len(runs) > 1:
            done = rt.chan()

            def closer():
                done.close()
                yield from ()

            rt.go(closer)
            yield done.recv()
        for _ in range(70):
            rt.go(noop)
        yield rt.sleep(1)

    with pytest.raises(
        SimlabError,
        match=r"not deterministic.*70 goroutines \[71, 2, 3,.*70 goroutines \[72, 3, 4,",
    ):
        search_program(main, bound=1, reduction=False)


def test_a_divergence_among_many_goroutines_is_told_in_one_short_line():
    """Each run starts one goroutine more than the last, 21 then 22: the message
    names how many were runnable and the first few, not thousands of ids."""
    runs = []

    def noop():
        yield from ()

    def main(rt):
        runs.append(1)
        for _ in range(20 + len(runs)):
            rt.go(noop)
        yield rt.sleep(1)

    with pytest.raises(SimlabError) as raised:
        search_program(main, reduction=False)
    message = str(raised.value)
    assert "expected 21 goroutines [" in message and "got 22 goroutines [" in message
    assert "\n" not in message and len(message) < 300


def _stuck(rt, ch):
    try:
        yield ch.recv()  # nobody sends: still blocked when main returns
    finally:
        rt.choose(2)  # a deferred call that decides: it runs when the goroutine is dropped


def _leaves_two_stuck(rt, collect):
    if collect:
        gc.collect()  # the runs before this one are collected now, in its middle
    ch = rt.chan()
    rt.go(_stuck, rt, ch)
    rt.go(_stuck, rt, ch)
    yield rt.gosched()


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_a_collected_run_takes_no_decision_from_the_run_in_progress():
    """Goroutines left blocked when a run ends run their deferred calls when their
    runtime is collected, whenever that is. The search's one strategy serves every
    run: a decision taken there by a run already over would shift the decisions of
    the run in progress. The schedules must be those found when nothing is collected
    during a run (nor may a deferred call fail on the search's state, unseen: the
    collector reports such an error and goes on)."""
    quiet, _ = search_program(_leaves_two_stuck, False, reduction=False)
    collected, dfs = search_program(_leaves_two_stuck, True, reduction=False)
    assert dfs.exhausted
    assert [str(e.schedule) for e in collected] == [str(e.schedule) for e in quiet]
    assert len(quiet) > 1


def _armed_callback(rt):
    """g1 arms a callback at this instant that closes ch; g2 polls ch. Two outcomes
    (g2 first sees it open; g1 first, then the callback, closes it before g2 runs),
    though g1's own step touches nothing g2's does: the callback's touch is g1's."""
    ch, seen = rt.chan(), []

    def g1():
        rt.call_later(0, ch.close)
        yield rt.sleep(1)

    def g2():
        i, _, _ = yield sl.select(ch.recv_case(), default=True)
        seen.append("closed" if i == 0 else "open")

    rt.go(g1)
    rt.go(g2)
    yield rt.sleep(2)
    return tuple(seen)


def test_what_a_step_arms_at_its_instant_counts_as_its_own():
    for reduction in (False, True):
        found, _ = search_program(_armed_callback, reduction=reduction)
        outcomes = set(_replayed(found))
        assert outcomes == {("open",), ("closed",)}, reduction


def _replayed(found):
    for explored in found:
        rt = sl.Runtime(strategy=f"replay:{explored.schedule}")
        yield rt.run(_armed_callback).value


@pytest.mark.parametrize(
    "command", [["run"], ["trace"], ["profile", "--at", "1s"], ["replay", "--seed", "1"]]
)
def test_dfs_is_refused_where_one_run_is_asked_for(capsys, command):
    code, _, err = cli(capsys, command[0], "zoo-lost-signal", *command[1:], "--strategy", "dfs:2")
    assert code == 2
    assert "use it with `simlab explore NAME --strategy dfs:2`" in err


def _many_lockers(rt, n):
    """``n`` goroutines each append their number to one of two lists under its
    mutex (even numbers, odd numbers); main sleeps and returns both orders. Every
    pick has up to ``n`` options, and an even and an odd goroutine are independent."""
    mus, orders = (sl.Mutex(rt), sl.Mutex(rt)), ([], [])

    def locker(i):
        yield mus[i % 2].lock()
        orders[i % 2].append(i)
        mus[i % 2].unlock()

    for i in range(n):
        rt.go(locker, i)
    yield rt.sleep(1)  # time moves once every locker is done
    return tuple(orders[0]), tuple(orders[1])


@given(
    programs(),
    st.sampled_from([None, 1, 2]),
    st.sampled_from([{}, {"early": True}, {"sticky": True}, {"early": True, "reduction": False}]),
)
def test_lazy_picks_search_the_same_schedules_in_the_same_order(spec, bound, flags):
    """A pick of ``_MANY`` runnable or more with nobody asleep keeps its first ids
    alone, and the replay that comes back to it reads the rest: it must take the
    option the search would have taken with every id kept. Here every such pick of
    two or more is lazy, against none: the same runs, in the same order, each with
    its schedule and outcome, the same pruned."""
    from simlab.sched import dfs as dfs_module

    def search(many):
        old = dfs_module._MANY
        dfs_module._MANY = many
        try:
            dfs = DFS(bound, **flags)
            seen = []
            while True:
                logs: list[list] = [[] for _ in spec]
                ended = "ok"
                try:
                    sl.Runtime(strategy=dfs).run(_program(spec), logs)
                except Redundant:
                    ended = "pruned"
                except (sl.Deadlock, sl.GoPanic) as exc:
                    ended = type(exc).__name__
                seen.append((str(dfs.schedule()), ended, repr(logs)))
                if not dfs.backtrack():
                    return seen, dfs.runs, dfs.pruned
        finally:
            dfs_module._MANY = old

    assert search(2) == search(10**9)


@pytest.mark.parametrize("flags", [{}, {"early": True}, {"dpor": True}, {"preempt": True}])
def test_packed_picks_search_the_same_schedules_as_tuples(monkeypatch, flags):
    """A pick of ``_MANY`` runnable goroutines or more keeps their ids packed;
    the search must be the same as with every pick's ids in a tuple: the same runs,
    the same schedules, the same digests, in the same order. Here every pick of two
    or more packs, over a whole search at bound 2."""
    from simlab.sched import dfs as dfs_module

    def search():
        found, dfs = search_program(_many_lockers, 8, bound=2, **flags)
        assert dfs.exhausted
        return [(str(e.schedule), e.digest) for e in found], dfs.runs, dfs.pruned

    packs = []
    pack = dfs_module._pack
    monkeypatch.setattr(dfs_module, "_pack", lambda ids: packs.append(len(ids)) or pack(ids))
    monkeypatch.setattr(dfs_module, "_MANY", 2)
    packed = search()
    assert packs and max(packs) >= 8  # the 8 lockers runnable (and main, preempted)
    monkeypatch.setattr(dfs_module, "_MANY", 10**9)
    packs.clear()
    assert packed == search()
    assert not packs and len(packed[0]) > 10 and packed[2] > 10  # pruned too
