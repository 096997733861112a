"""GoKer programs under exhaustive search: every schedule of one program, depth first.

:mod:`simlab.translate.goker` samples a program's schedules (fifo, then random,
pct, preemptive random and random on the 1us clock) until one has exactly Go's
expected leaks. Here one program runs again and again under one seed, each run a
fresh runtime driven by one :class:`~simlab.sched.dfs.DFS` (``dfs:BOUND``, sleep
sets unless ``reduction=False``), the translated module loaded once; each run's
leaks are read from the goroutineleak profile it writes, as
:func:`~simlab.translate.goker.run_one` reads them, and checked with the same
rule: every expected regular expression matches a leak and no leak is extra.

By default the search switches goroutines only where one blocks (a ``pick`` of
the run queue) and at ``select``/context choices, on simlab's default clock,
where running code takes no time. A bug that needs a switch between two
operations that do not block (``random:preempt``) needs ``preempt=True``
(``dfs:BOUND:preempt``), and one that needs a timer to fire while a goroutine
computes (``random@1us``) needs ``op_cost=1000``, the 1us clock. With
``early=True`` (``dfs:BOUND:early``) the search tries the deviations nearest the
start of a run first: five GoKer bugs that need one of the many pairs of
goroutines their program starts to start in the other order are the first or
second schedule it runs at bound 1 or 2, and the plain order's last
(docs/exhaustive.md).

.. code-block:: python

    from simlab.translate import goker_dfs

    res = goker_dfs.search_dfs("Cockroach584", bound=1)
    print(res.schedules, res.pruned, res.exhausted, res.first_found)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import simlab as sl
from simlab.errors import SimlabError
from simlab.sched.dfs import DFS, bounded_sleep_sets_note

from . import goker, load
from .goker_scaled import ONE_COPY
from .toolchain import TranslateError

__all__ = ["DFSSearch", "format_search", "search_dfs", "search_spec"]


@dataclass
class DFSSearch:
    """One depth-first search of a GoKer program's schedules."""

    name: str
    bound: int | None
    reduction: bool
    preempt: bool = False  # dfs:BOUND:preempt
    early: bool = False  # dfs:BOUND:early
    sticky: bool = False  # dfs:BOUND:sticky
    dpor: bool = False  # dfs:BOUND:dpor
    choices: bool = False  # dfs:BOUND:choices
    one_copy: bool = False  # goker_scaled.ONE_COPY's instance, not the whole program
    op_cost: int = 0  # the clock: nanoseconds every operation takes
    schedules: int = 0  # runs to the end (the profile written, or how else it ended)
    pruned: int = 0  # runs the sleep sets abandoned
    exhausted: bool = False  # the search ran out of schedules (see bounded_sleep_sets_note)
    stopped: str = ""  # "runs" or "time" when a cap ended the search first
    first_found: int | None = None  # the first schedule (from 1) with exactly Go's leaks
    found_schedule: str = ""  # its decisions, off option 0
    found_leaks: list[str] = field(default_factory=list)
    found_count: int = 0  # schedules with exactly Go's leaks
    leaked: int = 0  # schedules whose profile has any leak at all
    outcomes: dict[str, int] = field(default_factory=dict)  # how the schedules ended
    seconds: float = 0.0

    @property
    def runs(self) -> int:
        return self.schedules + self.pruned


def search_dfs(
    name: str,
    bound: int | None = None,
    *,
    reduction: bool = True,
    runs: int = 20_000,
    max_seconds: float | None = None,
    stop_at_find: bool = False,
    seed: int = 0,
    patches: tuple[goker.Patch, ...] = (),
    preempt: bool = False,
    op_cost: int = 0,
    early: bool = False,
    sticky: bool = False,
    dpor: bool = False,
    choices: bool = False,
    one_copy: bool = False,
) -> DFSSearch:
    """Explore program ``name``'s schedules under ``seed`` depth first, deviating from
    ``fifo`` at most ``bound`` times (None: no bound), with sleep sets unless
    ``reduction=False``: at most ``runs`` runs (pruned ones included), no new run
    after ``max_seconds`` (and a run still going then is abandoned, uncounted);
    ``stop_at_find`` stops at the first schedule whose leaks
    are exactly Go's expected ones. ``patches``: ``(old, new)`` replacements made in
    the program's Go source first, e.g. fewer goroutines, so that every schedule of a
    small instance can be run (``goker.UNREACHABLE``). ``preempt``: also switch, or
    not, at every operation yielded while another goroutine is runnable
    (``dfs:BOUND:preempt``, each switch a deviation); ``op_cost``: run on the clock
    where every operation takes that many nanoseconds (``goker``'s ``@1us``: 1000);
    ``early``: deviations before option 0 at each decision (``dfs:BOUND:early``);
    ``sticky``: a ``select`` deviates only where its goroutine's choice changes
    (``dfs:BOUND:sticky``); ``dpor``: dynamic partial-order reduction on top of the
    sleep sets (``dfs:BOUND:dpor``); ``choices``: deviations at ``select`` (and other
    ``choose``) decisions only, every pick ``fifo``'s (``dfs:BOUND:choices``);
    ``one_copy``: search ``goker_scaled.ONE_COPY``'s instance of the program (its patches
    come before ``patches``)."""
    t0 = time.perf_counter()
    progs = goker.programs()
    if name not in progs:
        raise SimlabError(f"no GoKer program {name!r}; they are {', '.join(sorted(progs))}")
    prog = progs[name]
    regexes = prog.expected.regexes if prog.expected else []
    if one_copy:
        patches = goker.one_copy_patches(name) + tuple(patches)
    source = goker.translations([name], patches=patches)[name]
    if isinstance(source, TranslateError):
        raise source
    module = load(prog.file, source)
    deadline = None if max_seconds is None else t0 + max_seconds
    dfs = DFS(
        bound,
        reduction=reduction,
        preempt=preempt,
        early=early,
        sticky=sticky,
        dpor=dpor,
        choices=choices,
    )
    res = DFSSearch(
        name, bound, reduction, preempt, early, sticky, dpor, choices, one_copy, op_cost
    )
    while True:
        if dfs.runs >= runs:
            res.stopped = "runs"
            break
        if max_seconds is not None and time.perf_counter() - t0 >= max_seconds:
            res.stopped = "time"
            break
        pruned = dfs.pruned
        try:
            with goker._cap(deadline):  # a run still going then is abandoned, uncounted
                rt = sl.Runtime(seed, dfs, op_cost=op_cost, livelock_steps=goker.LIVELOCK_STEPS)
                run = goker.run_one(module, prog, "dfs", seed, rt=rt)
        except goker._OutOfTime:
            res.stopped = "time"
            break
        if dfs.pruned == pruned:
            if "not deterministic" in run.outcome:
                raise SimlabError(f"{name}: {run.outcome}")
            res.schedules += 1
            res.outcomes[run.outcome] = res.outcomes.get(run.outcome, 0) + 1
            res.leaked += bool(run.leaks)
            missing, extra = goker.match(regexes, run.leaks)
            if regexes and not missing and not extra and run.outcome == "profiled":
                res.found_count += 1
                if res.first_found is None:
                    res.first_found = res.schedules
                    res.found_schedule = str(dfs.schedule())
                    res.found_leaks = run.leaks
                    if stop_at_find:
                        break
        if not dfs.backtrack():
            res.exhausted = True
            break
    res.pruned = dfs.pruned
    res.seconds = time.perf_counter() - t0
    return res


def search_spec(
    name: str,
    spec: str,
    *,
    one_copy: bool = False,
    runs: int = 20_000,
    max_seconds: float | None = None,
    seed: int = 0,
) -> DFSSearch:
    """:func:`search_dfs` as the command line spells it: ``spec`` is a dfs strategy
    (``dfs:2``, ``dfs:1:sticky:preempt``...) with goker's ``@OP_COST`` clock, such as
    ``dfs:2:preempt@1us``. It stops at the first schedule with Go's leaks."""
    used, op_cost = goker.clock(spec)
    strategy = sl.make_strategy(used)
    if not isinstance(strategy, DFS):
        raise SimlabError(
            f"--strategy {spec!r} is not an exhaustive search: a search of GoKer programs "
            "takes dfs[:BOUND][:early][:sticky][:dpor][:choices][:nosleep][:preempt][@OP_COST]; "
            "replay one run with --replay STRATEGY:SEED"
        )
    return search_dfs(
        name,
        strategy.bound,
        runs=runs,
        max_seconds=max_seconds,
        stop_at_find=True,
        seed=seed,
        preempt=strategy.preemptive,
        op_cost=op_cost,
        early=strategy.early,
        sticky=strategy.sticky,
        dpor=strategy.dpor,
        choices=strategy.choices,
        reduction=strategy.reduction,
        one_copy=one_copy,
    )


def format_search(res: DFSSearch, spec: str, seed: int = 0) -> str:
    """What the search found, with the command that replays it, or how far it got."""
    sleep_sets = "sleep sets" if res.reduction else "no reduction"
    lines = [f"{res.name} under {spec}, {sleep_sets}, seed {seed}"]
    if res.one_copy:
        lines.append(f"one copy: {ONE_COPY[res.name].instance}")
    counts = f"{res.schedules:,} schedules run to the end, {res.pruned:,} pruned"
    if res.first_found is not None:
        lines.append(f"found: schedule {res.first_found} leaks exactly as Go expects")
        lines.append(f"searched: {counts} in {res.seconds:.1f} s")
        lines += [f"leak: {leak}" for leak in res.found_leaks]
        _, at, cost = spec.partition("@")
        strategy = f"replay:{res.found_schedule}{at}{cost}"
        lines.append(
            "replay: " + goker.replay_command(res.name, strategy, seed, one_copy=res.one_copy)
        )
    elif res.exhausted:
        bound = "" if res.bound is None else f" up to bound {res.bound}"
        lines.append(
            f"all {res.schedules:,} schedules{bound} checked "
            f"({f'{res.pruned:,} pruned' if res.reduction else 'no reduction'}): "
            "none leaks exactly as Go expects"
        )
        note = bounded_sleep_sets_note(spec, res.bound, res.reduction)
        if note is not None:
            lines.append(f"  ({note})")
    else:
        cap = "--max-seconds" if res.stopped == "time" else "--budget"
        lines.append(f"stopped by {cap} after {counts}: none leaked exactly as Go expects so far")
        if res.runs == 0 and res.op_cost == 0:
            lines.append(
                "  (not one run ended: if a goroutine spins until a timer fires, time stands "
                "still while it runs; on the clock where every operation takes 1us, "
                f"--strategy {spec}@1us, timers fire meanwhile)"
            )
    return "\n".join(lines)
