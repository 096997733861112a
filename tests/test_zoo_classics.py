"""Five classic leaks that need RWMutex, Cond, Once, errgroup and semaphore.Weighted.

Each zoo model here leaks in its leaky variant (by its own account: goroutines
that outlive their request by ``IN_FLIGHT``), is flagged by the leak oracles that
their definitions (docs/concepts.md) say should flag it, shows Go's wait reason
in a ``debug=2`` dump, and leaks nothing in its fixed variant. The verdicts,
oracle by oracle:

* **End of run** (goleak) flags every goroutine still alive once the program has
  stopped. All five leaks are goroutines that nothing in the program will ever
  wake, and shutdown (the serving loop stops at the signal and returns after a
  second's drain) wakes none of them: it catches all five.
* **Durably blocked** (synctest) flags a goroutine blocked on channels, a select,
  a WaitGroup or a lock that only another goroutine could wake: no timer, no
  deadline, no network. None of the five waits involves a timer or a deadline
  (the semaphore's requests use ``context.Background()``, whose ``Done`` is the
  nil channel): it catches all five.
* **Unreachable** (goroutineleak) flags a goroutine only if nothing that can
  still run reaches what it waits on. Main is such a root (it waits on the stop
  signal, an external channel), and its frame references the shared cache and
  the shared pool: the RWMutex and the semaphore (whose list of waiters holds
  every waiter's ``ready`` channel) are reachable, and this oracle misses those
  two. The Cond, the Once and the errgroup (its WaitGroup, its ``rows`` channel)
  belong to one request each, referenced only by goroutines that are themselves
  stuck or gone: it catches those three.

The three programs the translator can read (RWMutex, Cond, Once) are also
translated from their Go source and must run exactly like the hand port (same
trace digest), as tests/test_translate.py checks for the rest of the zoo.
"""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest

import simlab as sl
from simlab.lab.model import load_model
from simlab.lab.simulation import run_model
from simlab.observe import leaks

ALL = {"end of run": True, "durably blocked": True, "unreachable": True}
REACHABLE = {"end of run": True, "durably blocked": True, "unreachable": False}

ERRGROUP = "$GOPATH/pkg/mod/golang.org/x/sync@v0.20.0/errgroup/errgroup.go"
SEMAPHORE = "$GOPATH/pkg/mod/golang.org/x/sync@v0.20.0/semaphore/semaphore.go"

# per case: the groups of leaked goroutines (group key, verdicts), and a goroutine
# of the debug=2 dump at one minute: its header and the frames under it (program
# counters aside, the frames real Go 1.27 printed for the Go program; the x/sync
# lines are v0.20.0's)
CASES = {
    "recursive_rlock": (
        [
            ("handle [sync.RWMutex.RLock] recursive_rlock.go:18", REACHABLE),
            # the deadlocked pair: the second RLock behind the writer, the writer
            ("handle [sync.RWMutex.RLock] recursive_rlock.go:30", REACHABLE),
            ("refresh [sync.RWMutex.Lock] recursive_rlock.go:36", REACHABLE),
        ],
        "[sync.RWMutex.RLock]:",
        "sync.runtime_SemacquireRWMutexR(...)\n"
        "\t/usr/local/go/src/runtime/sema.go:100\n"
        "sync.(*RWMutex).RLock(...)\n"
        "\t/usr/local/go/src/sync/rwmutex.go:74\n"
        "main.(*Cache).footer(...)\n"
        "\trecursive_rlock.go:30\n"
        "main.(*Cache).Get(...)\n"
        "\trecursive_rlock.go:25\n"
        "main.handle(...)\n"
        "\trecursive_rlock.go:42\n",
    ),
    "lost_signal": (
        [("handle [sync.Cond.Wait] lost_signal.go:28", ALL)],
        "[sync.Cond.Wait]:",
        "sync.runtime_notifyListWait(...)\n"
        "\t/usr/local/go/src/runtime/sema.go:617\n"
        "sync.(*Cond).Wait(...)\n"
        "\t/usr/local/go/src/sync/cond.go:71\n"
        "main.handle(...)\n"
        "\tlost_signal.go:28\n",
    ),
    "recursive_once": (
        [("handle [sync.Mutex.Lock] /usr/local/go/src/sync/once.go:74", ALL)],
        "[sync.Mutex.Lock]:",
        "sync.(*Once).doSlow(...)\n"
        "\t/usr/local/go/src/sync/once.go:74\n"
        "sync.(*Once).Do(...)\n"
        "\t/usr/local/go/src/sync/once.go:69\n"
        "main.(*Request).User(...)\n"
        "\trecursive_once.go:25\n"
        "main.(*Request).logf(...)\n"
        "\trecursive_once.go:40\n"
        "main.(*Request).parse(...)\n"
        "\trecursive_once.go:33\n"
        "sync.(*Once).doSlow(...)\n"
        "\t/usr/local/go/src/sync/once.go:78\n"
        "sync.(*Once).Do(...)\n"
        "\t/usr/local/go/src/sync/once.go:69\n"
        "main.(*Request).User(...)\n"
        "\trecursive_once.go:25\n"
        "main.handle(...)\n"
        "\trecursive_once.go:46\n",
    ),
    "errgroup_pipeline": (
        [
            ("fetch [chan send] errgroup_pipeline.go:37", ALL),
            (f"handle [sync.WaitGroup.Wait] {ERRGROUP}:56", ALL),
        ],
        "[chan send]:",
        "main.handle.func2(...)\n"
        "\terrgroup_pipeline.go:37\n"
        "golang.org/x/sync/errgroup.(*Group).Go.func1(...)\n"
        f"\t{ERRGROUP}:93\n"
        "created by golang.org/x/sync/errgroup.(*Group).Go in goroutine ",
    ),
    "semaphore_error_path": (
        [(f"handle [select] {SEMAPHORE}:74", REACHABLE)],
        "[select]:",
        "golang.org/x/sync/semaphore.(*Weighted).Acquire(...)\n"
        f"\t{SEMAPHORE}:74\n"
        "main.(*Pool).Query(...)\n"
        "\tsemaphore_error_path.go:22\n"
        "main.handle(...)\n"
        "\tsemaphore_error_path.go:42\n",
    ),
}


def run(case, variant, seed=1, strategy="random", inspect=None):
    model = load_model(f"models.zoo.{case}")
    params = model.resolve({"variant": variant, "duration": "1m", "sample_every": "5s"})
    return run_model(
        model,
        params,
        seed=seed,
        strategy=strategy,
        properties=model.properties,
        leak_check=True,
        inspect=inspect,
    )


@pytest.mark.parametrize("case", sorted(CASES))
def test_leaky_variant_leaks_and_the_expected_oracles_flag_it(case):
    groups, _, _ = CASES[case]
    record = run(case, "leaky")
    assert "no leak" in record.violations, "the leak breaks the zoo's no-leak property"
    assert record.metrics["leaked"] >= 10  # a leaked goroutine every few seconds at least
    found = {g.key: g for g in record.leaks}
    for key, expected in groups:
        group = found[key]
        assert group.leaked >= 1, key
        for oracle, flags in expected.items():
            # every leaked goroutine flagged, or none at all (a request still in flight
            # is not leaked by the model's account and may go either way)
            if flags:
                assert group.flagged[oracle] >= group.leaked, (key, oracle)
            else:
                assert group.flagged[oracle] == 0, (key, oracle)
    assert sum(found[key].leaked for key, _ in groups) == record.metrics["leaked"]


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize(("seed", "strategy"), [(1, "random"), (2, "pct"), (3, "fifo")])
def test_fixed_variant_leaks_nothing_and_shuts_down_clean(case, seed, strategy):
    record = run(case, "fixed", seed, strategy)
    assert record.error is None
    assert not record.violations
    assert record.metrics["leaked"] == 0
    assert record.metrics["errors"] >= 5  # the error path was taken, and did no harm
    assert record.metrics["goroutines_after_shutdown"] == 0
    assert not record.metrics["shutdown_hung"]
    assert all(not g.flagged["end of run"] for g in record.leaks)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_leaked_goroutine_shows_its_go_wait_reason(case):
    _, header, stack = CASES[case]
    dumps = []
    run(case, "leaky", inspect=lambda rt, _sim: dumps.append(rt.goroutine_profile(debug=2)))
    blocks = dumps[0].split("\n\n")
    ours = [b for b in blocks if b.split("\n", 1)[0].endswith(header) and stack in b]
    assert ours, f"no goroutine {header} with the expected frames in:\n{dumps[0][:3000]}"


def test_the_writer_and_the_second_reader_wait_for_each_other():
    """One refresh, one footer: the writer waits for the reader inside Get, the
    footer's RLock waits for the writer; every later Get waits behind it too."""
    record = run("recursive_rlock", "leaky")
    found = {g.key: g for g in record.leaks}
    assert found["refresh [sync.RWMutex.Lock] recursive_rlock.go:36"].count == 1
    assert found["handle [sync.RWMutex.RLock] recursive_rlock.go:30"].count == 1
    assert record.metrics["errors"] == 1  # no request after the first stale one gets past RLock


def test_the_semaphore_leaks_its_capacity_before_any_goroutine():
    """Exactly three queries fail: each keeps its token, and after the third no
    request reaches a query again."""
    record = run("semaphore_error_path", "leaky")
    assert record.metrics["errors"] == 3
    assert record.metrics["leaked"] >= 30


# --- the Go programs, translated --------------------------------------------------

TRANSLATED = ("recursive_rlock", "lost_signal", "recursive_once")
STOP = 60 * sl.Second + 500 * sl.Millisecond  # the Go programs' time.After(60.5s)


@pytest.fixture(scope="module")
def translate():
    from simlab import translate  # needs the `go` extra, which make test installs

    return translate


def verdicts(rt):
    """Per wait reason: how many goroutines, and how many each oracle flags."""
    report = leaks.check(rt)
    out = {}
    for gid, per_oracle in report.verdicts.items():
        row = out.setdefault(report.goroutines[gid].wait_reason, dict.fromkeys(leaks.ORACLES, 0))
        row["goroutines"] = row.get("goroutines", 0) + 1
        for oracle in leaks.ORACLES:
            row[oracle] += per_oracle[oracle].flagged
    return out


@pytest.mark.parametrize(("seed", "strategy"), [(1, "fifo"), (3, "random"), (5, "pct")])
@pytest.mark.parametrize("case", TRANSLATED)
def test_the_go_program_translated_runs_like_the_hand_port(
    case, seed, strategy, translate, monkeypatch
):
    """The Go program fails request n when n%5 == 0 and stops at a time.After of
    60.5 s; the hand port runs here with the same rule and its stop signal closed
    at 60.5 s (as in tests/test_translate.py)."""
    path = f"models/zoo/go/{case}.go"
    program = translate.load(path, translate.translate(path))
    ours = sl.Runtime(seed, strategy)
    ours_result = ours.run(translate.entry(program), until=2 * sl.Minute)

    from models.zoo import server

    monkeypatch.setattr(server.Server, "fails", lambda self: self.requests % 5 == 0)
    model = importlib.import_module(f"models.zoo.{case}")
    theirs = sl.Runtime(seed, strategy)
    sim = SimpleNamespace(signal=theirs.chan(name="signal", external=True), state=None)
    sim.sample = dict
    theirs.call_later(STOP, sim.signal.close)
    params = model.MODEL.resolve({"variant": "leaky"})
    theirs_result = theirs.run(model.main, params, sim, until=2 * sl.Minute)

    assert ours_result.reason == theirs_result.reason == "main returned"
    assert ours.now == theirs.now
    assert verdicts(ours) == verdicts(theirs)
    assert ours.trace_digest() == theirs.trace_digest()
    assert str(ours.schedule()) == str(theirs.schedule())
