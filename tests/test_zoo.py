"""The zoo: each classic leak is caught by the detectors Go's rules say, and its fix
leaks nothing.

Expected verdicts, from the rules each oracle implements (docs/zoo.md argues each):
end of run (goleak): still alive once the program stopped; durably blocked
(synctest): blocked where only a goroutine could wake it; unreachable (Go 1.27
goroutineleak, checked against Go on tests/test_leaks.py's probe): nothing that
can run reaches what it waits on. A context registered in a live parent and a
mutex held by a reachable struct stay reachable.
"""

import pytest

from simlab.lab.model import load_model
from simlab.lab.simulation import run_model

ALL = {"end of run": True, "durably blocked": True, "unreachable": True}
CASES = {
    "forgotten_sender": ("worker [chan send]", ALL),
    "abandoned_receiver": ("logger [chan receive]", ALL),
    "nil_channel": ("logger [chan receive (nil chan)]", ALL),
    "range_unclosed": ("consumer [chan receive]", ALL),
    # the incident's shape: s.ctx keeps every request's context reachable, and
    # cancelling it at shutdown frees the watchers before an end-of-run check
    "lostcancel": (
        "watch [chan receive]",
        {"end of run": False, "durably blocked": True, "unreachable": False},
    ),
    "waitgroup_missing_done": ("handle [sync.WaitGroup.Wait]", ALL),
    # the cache, and its mutex, are reachable from main: the waiters look live
    "mutex_error_path": (
        "handle [sync.Mutex.Lock]",
        {"end of run": True, "durably blocked": True, "unreachable": False},
    ),
}


def run(case, variant):
    model = load_model(f"models.zoo.{case}")
    params = model.resolve({"variant": variant, "duration": "1m", "sample_every": "5s"})
    return run_model(model, params, seed=1, properties=model.properties, leak_check=True)


@pytest.mark.parametrize("case", sorted(CASES))
def test_leaky_variant_is_caught_by_the_expected_detectors(case):
    prefix, expected = CASES[case]
    record = run(case, "leaky")
    assert record.violations, "the leak breaks the zoo's no-leak property"
    group = next(g for g in record.leaks if g.key.startswith(prefix))
    assert group.leaked >= 10  # about one leaked goroutine a second, for a minute
    for oracle, flags in expected.items():
        # every leaked goroutine flagged, or none at all (a request still in flight,
        # whose workers may yet finish, is not leaked and may go either way)
        if flags:
            assert group.flagged[oracle] >= group.leaked, oracle
        else:
            assert group.flagged[oracle] == 0, oracle


@pytest.mark.parametrize("case", sorted([*CASES, "after_in_loop"]))
def test_fixed_variant_leaks_nothing(case):
    record = run(case, "fixed")
    assert not record.violations
    assert record.metrics["leaked"] <= 0 or record.metrics["growth_per_min"] < 2
    assert record.metrics["goroutines_after_shutdown"] == 0


def test_time_after_in_a_loop_leaks_timers_not_goroutines():
    """One message every 10 ms for a minute: 6,000 one-minute timers pending at the
    end, the heap of a Go runtime older than 1.23; no goroutine leaks, so no
    goroutine detector has anything to flag."""
    leaky, fixed = run("after_in_loop", "leaky"), run("after_in_loop", "fixed")
    assert 5_900 <= leaky.metrics["pending_timers"] <= 6_100
    assert fixed.metrics["pending_timers"] <= 3
    assert "few timers" in leaky.violations and not fixed.violations
    for record in (leaky, fixed):
        assert record.metrics["leaked"] == 0
        assert all(not any(g.flagged.values()) for g in record.leaks)
