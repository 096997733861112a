"""Schedules: strategies, recording and replay, determinism across processes, PCT."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import simlab as sl
from tests.programs import digest, ordering_bug, racy

ROOT = Path(__file__).resolve().parent.parent


def test_same_seed_same_digest_in_this_process():
    assert digest(5) == digest(5)


def test_same_seed_same_digest_across_processes_and_hash_seeds():
    """PYTHONHASHSEED changes str/bytes hashing, hence set and dict-of-object order in
    a new process; a run must not depend on it."""

    def in_subprocess(hashseed):
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        out = subprocess.run(
            [sys.executable, "-m", "tests.programs", "9", "random"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()

    here = digest(9, "random")
    assert {in_subprocess("0"), in_subprocess("1"), in_subprocess("4242")} == {here}


def test_different_seeds_give_different_runs_of_a_racy_program():
    assert len({digest(seed) for seed in range(8)}) >= 2


def test_fifo_ignores_the_seed():
    assert digest(1, "fifo") == digest(2, "fifo")


@pytest.mark.parametrize("strategy", ["random", "pct", "pct:2:50"])
def test_recorded_schedule_replays_bit_for_bit(strategy):
    rt = sl.Runtime(seed=3, strategy=strategy)
    first = rt.run(racy).value
    schedule = str(rt.schedule())
    again = sl.Runtime(seed=999, strategy=f"replay:{schedule}")
    assert again.run(racy).value == first
    assert again.trace_digest() == rt.trace_digest()


def test_schedule_strings_round_trip():
    for pairs in [
        (),
        ((3, 1),),
        ((0, 2), (17, 1), (40, 5)),
        tuple((i, 1 + i % 4) for i in range(0, 400, 3)),
    ]:
        s = sl.Schedule(pairs)
        assert sl.Schedule.parse(str(s)) == s
    assert str(sl.Schedule(((3, 1), (17, 2)))) == "3:1,17:2"
    assert str(sl.Schedule()) == "fifo"


@pytest.mark.parametrize("bad", ["3:", "x", "z!!!", "1:2:3", "-1:2"])
def test_malformed_schedule_is_a_clear_error(bad):
    with pytest.raises(sl.SimlabError, match="malformed schedule"):
        sl.Schedule.parse(bad)


def test_unknown_strategy_lists_the_choices():
    with pytest.raises(sl.SimlabError, match="choose fifo, random, pct"):
        sl.Runtime(strategy="chaos")


def test_replay_of_arbitrary_deviations_is_valid():
    """Any deviation list is a valid schedule: out-of-range options wrap around.
    That is what lets hypothesis shrink schedules freely."""
    rt = sl.Runtime(strategy="replay:0:7,5:99,1000:3")
    assert rt.run(racy).reason == "main returned"


def test_pct_finds_a_depth_one_ordering_bug_that_random_misses():
    """PCT guarantees a depth-1 bug with probability at least 1/n, n = 3 goroutines
    here (main, A, B). With that p = 1/3 over 100 seeds, fewer than 20 hits has
    probability below 0.001 (binomial tail), so `>= 20` is an honest bound. Under
    uniform random scheduling the bug needs A picked at each of about 20 two-way
    decisions: probability near 2^-20 per run, ~1e-4 over 100 runs, hence 0."""

    def hits(strategy):
        return sum(
            sl.Runtime(seed=seed, strategy=strategy).run(ordering_bug).value for seed in range(100)
        )

    pct, rnd = hits("pct:1"), hits("random")
    assert pct >= 20, pct
    assert rnd == 0, rnd


class _ScanningPCT(sl.PCT):
    """PCT as the paper states it: scan the run queue for the highest priority."""

    readies = False

    def pick(self, runq):
        return max(range(len(runq)), key=lambda i: (runq[i].priority, -i))

    def preempt(self, g, runq):
        return any(other.priority > g.priority for other in runq)


@pytest.mark.parametrize("preempt", [False, True], ids=["pct", "pct:preempt"])
def test_pct_runs_the_highest_priority_runnable_goroutine_as_a_scan_of_the_queue_would(preempt):
    """PCT keeps the run queue in a heap; the schedule must be the one the paper's rule
    gives read off the whole queue at every decision, change points included."""
    for seed in range(1, 9):
        runs = []
        for strategy in (sl.PCT(3, 60, preempt), _ScanningPCT(3, 60, preempt)):
            rt = sl.Runtime(seed=seed, strategy=strategy)
            rt.run(racy)
            runs.append((str(rt.schedule()), rt.trace_digest()))
        assert runs[0] == runs[1], seed


def test_a_stream_gives_numpys_floats_in_order_whatever_its_batches():
    """A scheduler's decisions read ``numpy``'s PCG64 stream of the run's seed in order:
    the batches the stream is drawn in (small first, for short runs) change nothing."""
    from simlab.sched.streams import Uniform, generator

    drawn = Uniform(seed=7, stream="schedule")
    floats = [drawn.next() for _ in range(3000)]
    assert floats == generator(7, "schedule").random(3000).tolist()
    picks = Uniform(seed=7, stream="choice")
    assert [picks.below(5) for _ in range(2000)] == [
        int(f * 5) for f in generator(7, "choice").random(2000)
    ]
