"""The table of docs/exhaustive.md: exhaustive search of the zoo, with and without sleep sets.

For each zoo experiment (experiments/zoo-*.toml, its first row: the leaky variant)
at a short duration, and each bound: how many schedules `explore --strategy
dfs:BOUND` runs to exhaust the search with the reduction (and how many runs it
prunes) and without it, and at which schedule it first breaks a property; beside
it, the seed at which `explore --strategy random` first breaks one.

    python benchmarks/dfs_table.py [--duration 10s] [--cap 1000] [--bounds 0,1,2,3,none]
        [--early] [--sticky] [--dpor] [--choices]

With ``--goker``, the same for Go 1.27's GoKer programs (``simlab.translate.goker_dfs``):
for each program and bound, the schedules to exhaust with and without sleep sets
and the first schedule whose leaks are exactly Go's expected ones, beside what
the random search found (the table of docs/goker.md). A search stops at
``--goker-runs`` runs or after ``--goker-seconds``; a larger bound is not tried
once a smaller one did not finish (it has at least as many schedules).

    python benchmarks/dfs_table.py --goker [--goker-runs 20000] [--goker-seconds 60]
        [--goker-memory 4] [--bounds 0,1,2,none] [NAMES...]

Each of those searches runs in a process of its own with at most
``--goker-memory`` GB: one that needs more is reported out of memory, and its
larger bounds are not tried.

With ``--goker-like-random``, the programs random search found only on the 1us
clock or preempting (``random@1us``, ``random:preempt``...), searched by dfs the
same way: on that clock, with ``dfs:BOUND:preempt`` where random preempted, sleep
sets on, stopping at the first schedule with Go's leaks.

    python benchmarks/dfs_table.py --goker-like-random [--goker-seconds 60]
        [--bounds 0,1,2] [--early] [--sticky] [--dpor] [--choices] [--one-copy]
        [--preempt] [NAMES...]

``--one-copy`` searches one copy of each test instead of the whole program
(``goker_scaled.ONE_COPY``; the programs that have one), and says at which schedule
goker's own search of that copy first finds the bug; ``--preempt`` switches at
every operation (``dfs:BOUND:preempt``) wherever random did or not.

``--early`` searches in the order of ``dfs:BOUND:early`` (at each decision, the
deviations before option 0), and ``--sticky`` the schedules of
``dfs:BOUND:sticky`` (a ``select`` deviates only where its goroutine's choice
changes), and ``--dpor`` with dynamic partial-order reduction on top of the sleep
sets, and ``--choices`` deviations at ``select`` (every ``choose``) decisions only,
every pick ``fifo``'s, for the zoo and ``--goker-like-random``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
from pathlib import Path

from simlab.errors import SimlabError
from simlab.lab.exhaust import exhaust
from simlab.lab.experiment import load_experiment
from simlab.lab.explore import explore
from simlab.translate import goker
from simlab.translate.goker_dfs import DFSSearch, search_dfs
from simlab.translate.goker_scaled import ONE_COPY
from simlab.translate.toolchain import TranslateError

ROOT = Path(__file__).resolve().parent.parent


def _cell(count: int, exhausted: bool) -> str:
    return f"{count:,}" if exhausted else f">{count:,}"


def _found(first: int | None) -> str:
    return "no" if first is None else f"#{first + 1}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--cap", type=int, default=1000, help="runs per search at most")
    parser.add_argument("--bounds", default=None, help="0,1,2,3,none (--goker: 0,1,2,none)")
    parser.add_argument("--random", type=int, default=100, help="random seeds at most")
    parser.add_argument("--goker", action="store_true", help="the GoKer programs, not the zoo")
    parser.add_argument("--goker-runs", type=int, default=20_000, help="runs per search at most")
    parser.add_argument("--goker-seconds", type=float, default=60.0, help="no new run after")
    parser.add_argument(
        "--goker-memory", type=float, default=4.0, help="GB per search at most (--goker)"
    )
    parser.add_argument(
        "--goker-like-random",
        action="store_true",
        help="the GoKer programs random found on the 1us clock or preempting, dfs likewise",
    )
    parser.add_argument(
        "--early", action="store_true", help="dfs:BOUND:early: deviations nearest the start first"
    )
    parser.add_argument(
        "--sticky",
        action="store_true",
        help="dfs:BOUND:sticky: a select deviates only where its goroutine's choice changes",
    )
    parser.add_argument(
        "--dpor", action="store_true", help="dfs:BOUND:dpor: a goroutine is tried where a race asks"
    )
    parser.add_argument(
        "--choices", action="store_true", help="dfs:BOUND:choices: deviations at selects only"
    )
    parser.add_argument(
        "--one-copy",
        action="store_true",
        help="--goker-like-random: one copy of each test (goker_scaled.ONE_COPY)",
    )
    parser.add_argument(
        "--preempt",
        action="store_true",
        help="--goker-like-random: dfs:BOUND:preempt even where random did not preempt",
    )
    parser.add_argument("names", nargs="*", help="--goker: these programs only")
    args = parser.parse_args()
    if args.goker_like_random:
        goker_like_random(
            args.names,
            _bounds(args.bounds or "0,1,2"),
            args.goker_seconds,
            args.early,
            args.sticky,
            args.dpor,
            args.choices,
            one_copy=args.one_copy,
            preempt=args.preempt,
        )
        return
    if args.goker:
        goker_table(args.names, _bounds(args.bounds or "0,1,2,none"), args)
        return
    bounds = _bounds(args.bounds or "0,1,2,3,none")
    sets = {"duration": args.duration}
    print(
        f"zoo-*.toml, first row, --set duration={args.duration}, seed 0"
        f"{', early order' if args.early else ''}{', sticky' if args.sticky else ''}"
        f"{', dpor' if args.dpor else ''}{', choices' if args.choices else ''}; "
        "'>N': N schedules "
        f"when {args.cap:,} runs were spent\n"
        "bug: the first schedule that broke a property (with / without sleep sets); "
        "random: the first seed that did\n"
    )
    print("experiment                  bound  sleep sets (pruned)  no reduction  bug      random")
    for path in sorted((ROOT / "experiments").glob("zoo-*.toml")):
        exp = load_experiment(path.stem).with_overrides(sets, None)
        randomly = explore(
            exp, args.random, "random", jobs=1, progress=False, shrink=False, fail_fast=True
        )
        failing = randomly.failing_seeds()
        rand = f"seed {failing[0]}" if failing else f"none in {args.random}"
        for bound in bounds:
            spec = (
                ("dfs" if bound is None else f"dfs:{bound}")
                + (":early" if args.early else "")
                + (":sticky" if args.sticky else "")
                + (":dpor" if args.dpor else "")
                + (":choices" if args.choices else "")
            )
            on = exhaust(exp, args.cap, spec, progress=False, shrink=False)
            off = exhaust(exp, args.cap, spec, reduction=False, progress=False, shrink=False)
            with_ = f"{_cell(len(on.outcomes), on.exhausted)} ({on.pruned:,})"
            found = f"{_found(on.first_failure())} / {_found(off.first_failure())}"
            print(
                f"{path.stem:<27} {'none' if bound is None else bound:>5}  {with_:<19}  "
                f"{_cell(len(off.outcomes), off.exhausted):<12}  {found:<7}  {rand}"
            )


def _bounds(text: str) -> list[int | None]:
    return [None if b == "none" else int(b) for b in text.split(",")]


# --- the GoKer programs ------------------------------------------------------------


def random_results(path: Path = ROOT / "docs" / "goker.md") -> dict[str, tuple[str, str, str]]:
    """The random search's result per program, from the table of docs/goker.md:
    (found, schedules to find, strategy)."""
    text = path.read_text()
    table = text[text.index("<!-- table: generated") : text.index("<!-- end table -->")]
    out = {}
    for line in table.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) >= 8 and cells[0] not in ("program", "---"):
            out[cells[0]] = (cells[5], cells[6], cells[7])
    return out


def _goker_cell(res: DFSSearch | None) -> str:
    return "-" if res is None else _cell(res.schedules, res.exhausted)


def _goker_found(res: DFSSearch | None) -> str:
    if res is None:
        return "-"
    if res.first_found is not None:
        return f"#{res.first_found}"
    return "no" if res.exhausted else "no?"


def goker_table(names: list[str], bounds: list[int | None], args: argparse.Namespace) -> None:
    """Every GoKer program Go's test has expectations for (or ``names``) under dfs at
    each bound, with and without sleep sets, one search at a time."""
    progs = goker.programs()
    names = names or sorted((n for n, p in progs.items() if p.expected), key=str.lower)
    randomly = random_results()
    sources = goker.translations(names)
    runs, seconds = args.goker_runs, args.goker_seconds
    print(
        f"GoKer programs of Go 1.27, seed 0; a search stops at {runs:,} runs or after "
        f"{seconds:.0f} s (bound 0, one run: 60 s); '>N': N schedules ran to the end by "
        "then; a bound not shown, or '-': not tried, a smaller bound did not finish\n"
        "finds: the first schedule whose leaks are exactly Go's (with / without sleep sets; "
        "'no?': none before the search stopped); random: docs/goker.md\n"
    )
    print(
        f"{'program':<16} {'bound':>5}  {'sleep sets (pruned)':<19}  {'no reduction':<12}  "
        f"{'finds':<13}  {'s':>5}  random"
    )
    totals: dict[str, dict[str, object]] = {}
    for name in names:
        rand = randomly.get(name, ("?", "", ""))
        rand_text = f"#{rand[1]} {rand[2]}" if rand[0] == "yes" else f"{rand[0]} ({rand[1]})"
        if isinstance(sources[name], TranslateError):
            print(f"{name:<16} does not translate: {sources[name]}")
            continue
        done: dict[bool, bool] = {True: True, False: True}  # the last bound finished
        found_at: dict[str, object] = {}
        for bound in bounds:
            if bound != 0 and name in goker.UNREACHABLE:
                # no schedule shows Go's leaks; and its 10,000 goroutines, runnable at
                # each of tens of thousands of decisions, all recorded while a deviation
                # is left to spend, took more memory than the machine has at bound 1
                break
            row: dict[bool, DFSSearch | None] = {}
            for reduction in (True, False):
                if not done[reduction]:
                    row[reduction] = None
                    continue
                if bound == 0 and not reduction:
                    row[False] = row[True]  # one schedule, fifo's, whatever the reduction
                    done[False] = done[True]
                    continue
                # bound 0 is one run, fifo's: it may take up to 60 s whatever the cap
                cap = max(seconds, 60.0) if bound == 0 else seconds
                res = _isolated(name, bound, reduction, runs, cap, args.goker_memory)
                if isinstance(res, str):  # out of memory, or the process died
                    print(
                        f"{name:<16} {'none' if bound is None else bound:>5}  "
                        f"{'sleep sets' if reduction else 'no reduction'}: {res}",
                        flush=True,
                    )
                    row[reduction], done[reduction] = None, False
                    continue
                row[reduction] = res
                # a larger bound has at least these schedules; a first run that took
                # the whole budget leaves no room for a second
                done[reduction] = res.exhausted and res.seconds < cap
            on, off = row[True], row[False]
            if on is None and off is None:
                continue
            pruned = f" ({on.pruned:,})" if on is not None else ""
            t = sum(r.seconds for r in {id(r): r for r in (on, off) if r is not None}.values())
            print(
                f"{name:<16} {'none' if bound is None else bound:>5}  "
                f"{_goker_cell(on) + pruned:<19}  {_goker_cell(off):<12}  "
                f"{_goker_found(on) + ' / ' + _goker_found(off):<13}  {t:>5.1f}  {rand_text}",
                flush=True,
            )
            if (on and on.first_found) or (off and off.first_found):
                found_at.setdefault("bound", bound)
        totals[name] = {"random": rand[0] == "yes", "strategy": rand[2], **found_at}
    _goker_summary(totals)


def _isolated(
    name: str, bound: int | None, reduction: bool, runs: int, seconds: float, memory_gb: float
) -> DFSSearch | str:
    """``search_dfs`` in a process of its own, its address space limited to
    ``memory_gb``: a search that needs more ends as "out of memory" instead of
    taking the machine (and the table) down. The process is forked, so the
    translations already made come with it."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        limit = int(memory_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            send.send(search_dfs(name, bound, reduction=reduction, runs=runs, max_seconds=seconds))
        except MemoryError:
            send.send(f"out of memory ({memory_gb:g} GB)")

    proc = ctx.Process(target=child)
    proc.start()
    send.close()
    try:
        result: DFSSearch | str = receive.recv()
    except EOFError:
        result = "the search's process died"
    proc.join()
    return result


def goker_like_random(
    names: list[str],
    bounds: list[int | None],
    seconds: float,
    early: bool = False,
    sticky: bool = False,
    dpor: bool = False,
    choices: bool = False,
    *,
    one_copy: bool = False,
    preempt: bool = False,
) -> None:
    """dfs on the clock, and with the switches, that random search needed; with
    ``one_copy``, on one copy of each test, beside random's search of that copy; with
    ``preempt``, switching at every operation wherever random did or not."""
    randomly = random_results()
    names = names or [
        n
        for n, (found, _, strategy) in sorted(randomly.items(), key=lambda kv: kv[0].lower())
        if found == "yes"
        and ("@" in strategy or "preempt" in strategy)
        and (not one_copy or n in ONE_COPY)
    ]
    print(
        f"GoKer programs random found on the 1us clock or preempting; dfs on that clock, "
        f"preempting where random did, sleep sets on, seed 0{', early order' if early else ''}"
        f"{', sticky' if sticky else ''}{', dpor' if dpor else ''}"
        f"{', choices' if choices else ''}{', preempting everywhere' if preempt else ''}"
        f"{'; one copy of each test (goker_scaled.ONE_COPY)' if one_copy else ''}; "
        "a search stops at the first "
        f"schedule with exactly Go's leaks or after {seconds:.0f} s; '>N': N schedules ran "
        "to the end by then\n"
    )
    if one_copy:
        print("random, one copy: the first schedule of goker's search of that copy with Go's leaks")
    print(f"{'program':<16} {'random':<28} {'dfs':<20} {'schedules (pruned)':<19} finds  {'s':>5}")
    found = []
    for name in names:
        rand = randomly.get(name, ("?", "", ""))
        strategy = rand[2].split()[0] if rand[2] else ""
        used, op_cost = goker.clock(strategy)  # random:preempt@1us: ("random:preempt", 1000)
        switch = preempt or used.endswith(":preempt")
        if one_copy:
            first = goker.instance_evidence(name, 100, ONE_COPY[name].patches)
            copy = "none in 100" if first is None else _nth(first)
            print(f"{name:<16} random, one copy: {copy}", flush=True)
        for bound in bounds:
            spec = (
                f"dfs:{bound}"
                + (":early" if early else "")
                + (":sticky" if sticky else "")
                + (":dpor" if dpor else "")
                + (":choices" if choices else "")
                + (":preempt" if switch else "")
                + strategy[len(used) :]
            )
            try:
                res = search_dfs(
                    name,
                    bound,
                    stop_at_find=True,
                    max_seconds=seconds,
                    preempt=switch,
                    op_cost=op_cost,
                    early=early,
                    sticky=sticky,
                    dpor=dpor,
                    choices=choices,
                    one_copy=one_copy,
                )
            except SimlabError as err:  # a replay that diverged: the row says so, the table goes on
                random_cell = "#" + rand[1] + " " + rand[2]
                print(f"{name:<16} {random_cell:<28} {spec:<20} {err}", flush=True)
                break
            print(
                f"{name:<16} {'#' + rand[1] + ' ' + rand[2]:<28} {spec:<20} "
                f"{_goker_cell(res) + f' ({res.pruned:,})':<19} {_goker_found(res):<5}  "
                f"{res.seconds:>5.1f}",
                flush=True,
            )
            if res.first_found is not None:
                found.append(f"{name} (bound {bound})")
                break
            if not res.exhausted and res.stopped == "time" and res.schedules == 0:
                break  # not one run ended in time: a larger bound will not do better
    print(f"\ndfs finds {len(found)} of {len(names)}: {', '.join(found) or 'none'}")


def _nth(i: int) -> str:
    strategy, seed = goker.nth_schedule(i)
    return f"#{i} {strategy} seed {seed}"


def _goker_summary(totals: dict[str, dict[str, object]]) -> None:
    rand = [n for n, t in totals.items() if t["random"]]
    both = [n for n in rand if "bound" in totals[n]]
    by_bound: dict[object, list[str]] = {}
    for n in both:
        by_bound.setdefault(totals[n]["bound"], []).append(n)
    within = ", ".join(
        f"{len(v)} at bound {'none' if b is None else b}" for b, v in by_bound.items()
    )
    print(f"\nrandom finds {len(rand)} of {len(totals)}; dfs finds {len(both)} of those ({within})")
    missed = [f"{n} ({totals[n]['strategy']})" for n in rand if n not in both]
    print(f"random's finds dfs does not find: {', '.join(missed) or 'none'}")
    extra = [n for n, t in totals.items() if "bound" in t and not t["random"]]
    print(f"dfs finds, random does not: {', '.join(extra) or 'none'}")


if __name__ == "__main__":
    main()
