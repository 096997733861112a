"""Smaller instances of the GoKer programs too heavy for the fixed search.

Most GoKer programs run their test many times at once (``for i := 0; i < 1000; i++ {
go test() }``), and some repeat one step many times inside each copy (a loop of
100,000 lock/unlock pairs, 100 workers of one kind). The copies share nothing: each
makes its own mutexes, channels and goroutines, so a leak in the program is a leak
in one copy, and a schedule of the program interleaves schedules of the copies. A
*smaller instance* runs fewer copies and fewer repetitions: the fixed search can then
run 1,000 schedules of it in about a second instead of minutes. That it still
decides something rests on the small-scope hypothesis (a concurrency bug shows with
few goroutines and few steps), and each instance is checked to keep its bug: the
buggy program, with the same patches, gives exactly Go's expected leaks within the
first 50 schedules the search tries (``tests/test_goker_scaled.py``).

What an instance keeps: every kind of goroutine, every lock, channel and timer of the
bug and of its fix, and at least two of anything the program has more than one of,
so that copies and workers still interleave. Sleeps and timeouts stay as written,
except where a goroutine polls until the profile is taken: there the instance says
how the polling was shortened.

Each patch is ``(old, new)`` or ``(old, new, times)``: ``old`` occurs ``times`` times
(once if not given) both in GoKer's program and in the program with its fix
(``goker.FIXES``), and the patches are applied after the fix.

:data:`ONE_COPY` is smaller still, for the exhaustive search of a bug (the buggy
program only): the test run once instead of many times at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scaled:
    """A smaller instance of one GoKer program: ``patches`` of its Go source, and what
    they leave, in words (``instance``)."""

    instance: str
    patches: tuple[tuple[str, str] | tuple[str, str, int], ...]


SCALED: dict[str, Scaled] = {
    "Cockroach10214": Scaled(
        "5 stores instead of 1,000 (each sendQueuedHeartbeats and one replica's tick)",
        (("i < 1000; i++", "i < 5; i++"),),
    ),
    "Cockroach1055": Scaled(
        "10 copies of the test instead of 1,001 (each 2 stoppers, their tasks, and the "
        "goroutine that quiesces and stops them)",
        (("i <= 1000; i++", "i < 10; i++"),),
    ),
    "Cockroach10790": Scaled(
        "10 replicas instead of 100 (each sendChans, beginCmds and the cancel)",
        (("i < 100; i++", "i < 10; i++"),),
    ),
    "Cockroach1462": Scaled(
        "10 copies of the test instead of 1,001 (each a stopper, the transport's worker "
        "and the event processor)",
        (("i <= 1000; i++", "i < 10; i++"),),
    ),
    # start polls every 100us until the profile at 100ms: 1,000 polls per pair. The race
    # needs processRaft to wait longer than one poll between taking an event and calling
    # its callback: on the 1us clock the other pairs' steps make that wait, and at 100us
    # the first 50 schedules found it with 20 pairs, not with 10; at 10us, with 2.
    "Cockroach2448": Scaled(
        "3 store/state pairs instead of 1,000; state.start polls every 10us instead of "
        "100us, and the profile is taken after 100us instead of 100ms (about 10 polls "
        "per pair instead of 1,000)",
        (
            ("i < 1000; i++", "i < 3; i++"),
            ("time.Sleep(100 * time.Microsecond)", "time.Sleep(10 * time.Microsecond)"),
            ("time.Sleep(100 * time.Millisecond)", "time.Sleep(100 * time.Microsecond)"),
        ),
    ),
    "Cockroach3710": Scaled(
        "5 stores instead of 10,000 (each ForceRaftLogScanAndProcess and processRaft)",
        (("i < 10000; i++", "i < 5; i++"),),
    ),
    "Cockroach6181": Scaled(
        "10 copies of the test instead of 100 (each 3 lookups on one range cache)",
        (("i < 100; i++", "i < 10; i++"),),
    ),
    "Etcd7492": Scaled(
        "5 auth stores instead of 100 (each its token keeper and 3 Authenticate calls)",
        (("i < 100; i++", "i < 5; i++"),),
    ),
    # each round sleeps 10ms and the profile is taken at 100ms: about 10 of the 100
    # rounds ever run
    "Etcd7902": Scaled(
        "5 elections instead of 100 (each 3 round clients), 2 rounds instead of 100",
        (
            ("i < 100; i++", "i < 5; i++"),
            ("doRounds_etcd7902(rcs, 100)", "doRounds_etcd7902(rcs, 2)"),
        ),
    ),
    "Grpc1460": Scaled(
        "20 clients instead of 1,000 (each keepalive and NewStream)",
        (("i < 1000; i++", "i < 20; i++"),),
    ),
    "Grpc3017": Scaled(
        "5 client conns instead of 100, each removing and making its sub-conn 5 times "
        "instead of 10,000",
        (("i < 100; i++", "i < 5; i++"), ("i < 10000; i++", "i < 5; i++")),
    ),
    "Hugo3251": Scaled(
        "2 copies of the test instead of 11; in each of its two passes 3 workers instead "
        "of 100, each fetching the resource 3 times instead of 200",
        (
            ("i < 11; i++", "i < 2; i++"),
            ("i < 100; i++", "i < 3; i++"),
            ("j < 200; j++", "j < 3; j++"),
        ),
    ),
    "Hugo5379": Scaled(
        "5 site builds instead of 100 (each its 2 page renderers)",
        (("i < 100; i++", "i < 5; i++"),),
    ),
    "Istio17860": Scaled(
        "10 agents instead of 100 (each Run and its two restarts)",
        (("i < 100; i++", "i < 10; i++"),),
    ),
    "Istio18454": Scaled(
        "10 processors instead of 100, each with 10 events queued instead of 1,024 (the "
        "event channel's capacity)",
        (
            ("i < 100; i++", "i < 10; i++"),
            ("eventChCap_istio18454 = 1024", "eventChCap_istio18454 = 10"),
        ),
    ),
    "Kubernetes10182": Scaled(
        "10 status managers instead of 1,000 (each Start and two SetPodStatus)",
        (("i < 1000; i++", "i < 10; i++"),),
    ),
    "Kubernetes11298": Scaled(
        "2 notifiers instead of 1,000",
        (("i < 1000; i++", "i < 2; i++"),),
    ),
    "Kubernetes1321": Scaled(
        "10 muxes instead of 1,000, each distributing 10 times instead of 100",
        (("i < 1000; i++", "i < 10; i++"), ("i < 100; i++", "i < 10; i++")),
    ),
    "Kubernetes26980": Scaled(
        "10 listeners instead of 3,000 (each pop and the goroutine that takes its lock)",
        (("i < 3000; i++", "i < 10; i++"),),
    ),
    "Kubernetes30872": Scaled(
        "2 namespace controllers instead of 100",
        (("i < 100; i++", "i < 2; i++"),),
    ),
    # its fix counts the queue's items too (goker.FIXES): GoKer's Get waits even when an
    # item was put before it, and Put only signals
    "Kubernetes58107": Scaled(
        "5 controllers instead of 1,000, each syncing 10 times and putting 10 items in "
        "each queue instead of 100,000",
        (("i < 1000; i++", "i < 5; i++"), ("i < 100000; i++", "i < 10; i++", 2)),
    ),
    "Kubernetes62464": Scaled(
        "20 policy/manager pairs instead of 1,000 (each reconcileState and RemoveContainer)",
        (("i < 1000; i++", "i < 20; i++"),),
    ),
    "Kubernetes70277": Scaled(
        "5 WaitFor calls instead of 1,000 (each with its poller)",
        (("i < 1000; i++", "i < 5; i++"),),
    ),
    "Moby21233": Scaled(
        "5 copies of the transfer test instead of 100 (each 3 transfers and the consumer)",
        (("i < 100; i++", "i < 5; i++"),),
    ),
    "Moby28462": Scaled(
        "2 containers instead of 100 (each its monitor and StateChanged)",
        (("i < 100; i++", "i < 2; i++"),),
    ),
    "Moby33781": Scaled(
        "5 monitors instead of 100 (the i-th still stopped after i ms)",
        (("i < 100; i++", "i < 5; i++"),),
    ),
    "Serving2137": Scaled(
        "5 breakers instead of 1,000 (each 2 concurrent requests)",
        (("i < 1000; i++", "i < 5; i++"),),
    ),
}

# A GoKer test runs many copies of itself at once, and the copies share nothing, so a
# bug of the program is a bug of one copy; but every copy multiplies the decisions of
# a run, and with them the schedules within a bound. These programs' bugs are beyond
# the exhaustive search in their full program (docs/exhaustive.md): here is one copy
# each, with the smaller loops of SCALED inside it. Random search found each
# bug in the full program; in one copy ``dfs:2:preempt`` finds every one of them.
ONE_COPY: dict[str, Scaled] = {
    "Grpc3017": Scaled(
        "1 client conn instead of 100, removing and making its sub-conn 5 times instead of 10,000",
        (("i < 100; i++", "i < 1; i++"), ("i < 10000; i++", "i < 5; i++")),
    ),
    "Hugo3251": Scaled(
        "1 copy of the test instead of 11; in each of its two passes 3 workers instead "
        "of 100, each fetching the resource 3 times instead of 200",
        (
            ("i < 11; i++", "i < 1; i++"),
            ("i < 100; i++", "i < 3; i++"),
            ("j < 200; j++", "j < 3; j++"),
        ),
    ),
    "Kubernetes11298": Scaled(
        "1 notifier instead of 1,000",
        (("i < 1000; i++", "i < 1; i++"),),
    ),
    "Kubernetes13135": Scaled(
        "1 cacher instead of 50 (its caching loop, the event and the close)",
        (("i < 50; i++", "i < 1; i++"),),
    ),
}
