"""The ``simlab translate`` and ``simlab go-run`` commands (registered by ``simlab.cli``).

- ``simlab translate PATH [-o OUT]``: print the model of a Go file or package, or
  write it to ``OUT`` (atomically: a temporary file renamed into place).
- ``simlab go-run PATH --entry NAME [--seed N] [--strategy S] [--until DURATION]``:
  translate, bind the program to ``sl.Runtime(seed, strategy)`` and run the Go
  function ``NAME`` as main until it returns, the program deadlocks or panics, or
  simulated time reaches ``--until`` (default 1h; the time of a test's synctest
  bubbles, fake in Go too, is not counted, up to 1000 times ``--until``). Prints
  how it ended (``main returned``, the deadlock with its goroutine dump, the panic
  with its traceback, ``exit status N`` for ``os.Exit(N)``, or ``still running at
  <until>``), then the goroutines left and the verdicts of the three leak oracles
  on them. Exit status 0 when main returned or the program called os.Exit(0) (a
  TestMain does), 1 when it deadlocked, panicked, called os.Exit with another status or was still
  running, 2 on bad input (one line). ``--schedule S`` replays the
  schedule ``S`` a run printed. ``--parallel N`` is go test's ``-parallel``.
- ``simlab go-run PATH --schedules N [--strategy S] [--seed K]``: run schedules
  ``K, K+1, ...`` (``random`` by default) until one fails (a deadlock, a panic, a
  fatal error, a non-zero exit status, or goroutines the durably-blocked oracle
  flags): print it, its schedule and the ``--schedule`` command that replays it,
  and exit 1; exit 0 when none of the N failed.
- ``simlab go-run PATH --strategy dfs[:BOUND...] [--schedules N]``: every schedule
  of the program under seed ``K``, depth first (at most N runs, 1000 by default),
  until one fails, as above, or none is left: "all M schedules up to bound B
  checked".
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import click

from ..errors import Deadlock, FatalError, GoPanic, Livelock, SimlabError

if TYPE_CHECKING:
    from ..sched.dfs import DFS
    from ..sched.strategies import Strategy

P = ParamSpec("P")
T = TypeVar("T")

# How deep a translated program's calls may go: Go's goroutines grow their stacks
# up to 1 GB (a recursive flood fill of a 100x100 grid is 10,000 calls deep),
# Python stops at 1,000. A generator's frames take C stack, so the run has a
# thread whose stack holds this many.
_CALL_DEPTH = 100_000
_THREAD_STACK = 256 << 20

# --until counts no time a synctest bubble took (fake time, which go test's alarm
# does not count either) until the bubbles have taken this many times --until
_BUBBLE_BOUND = 1000


def _fail(err: Exception) -> None:
    click.echo(f"simlab: {str(err).splitlines()[0]}", err=True)
    raise SystemExit(2)


@click.command("translate")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--out", type=click.Path(path_type=Path), help="Write the model here.")
def translate_cmd(path: Path, out: Path | None) -> None:
    """Translate the Go file or package directory PATH into a simlab model."""
    from . import translate

    try:
        source = translate(path)
    except SimlabError as err:
        _fail(err)
    if out is None:
        click.echo(source, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(source)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@click.command("go-run")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--entry",
    default="main",
    show_default=True,
    help="The Go function run as main; TestX(t *testing.T) of a _test.go file runs "
    "as go test -v runs it (main of a _test.go file: its every test, as go test).",
)
@click.option(
    "--schedules",
    type=click.IntRange(1, 1_000_000),
    default=None,
    help="Search this many schedules (seed, seed+1, ...; with dfs, runs of one seed) "
    "for one that fails; print the first with the command that replays it.",
)
@click.option(
    "--strategy",
    default=None,
    help="fifo, random, pct, pct:DEPTH, ... (default: fifo for one run, random for "
    "--schedules); dfs[:BOUND...]: every schedule, depth first, until one fails.",
)
@click.option(
    "--seed", type=click.IntRange(min=0), default=0, show_default=True, help="The (first) seed."
)
@click.option(
    "--schedule", "replay", default=None, help="Replay this schedule (as go-run prints it)."
)
@click.option(
    "--until",
    default="1h",
    show_default=True,
    help="Stop at this simulated time; the time a test's synctest bubbles take is fake, as "
    "in Go, and not counted until they have taken 1000 times this.",
)
@click.option(
    "--parallel",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Of a test file: how many tests that called t.Parallel run at once "
    "(go test -parallel; its default is GOMAXPROCS, 1 in simlab).",
)
def go_run_cmd(
    path: Path,
    entry: str,
    schedules: int | None,
    strategy: str | None,
    seed: int,
    replay: str | None,
    until: str,
    parallel: int,
) -> None:
    """Translate the Go program at PATH and run its function ENTRY as main.

    With --schedules N, run N schedules and stop at the first that fails: one that
    deadlocks, panics, exits with a non-zero status, or leaves goroutines the
    durably-blocked oracle flags; with --strategy dfs, every schedule in turn.
    Exits 0 when main returned or called os.Exit(0) (or no schedule failed), 1
    otherwise, 2 on bad input.
    """
    import simlab as sl

    from . import translate

    if replay is not None and (schedules is not None or strategy is not None):
        _fail(SimlabError("--schedule replays one run: it takes no --schedules or --strategy"))
    if replay is not None:
        strategy = f"replay:{replay}"
    if strategy is None:
        strategy = "random" if schedules is not None else "fifo"
    try:
        limit = sl.parse_duration(until)
        source = translate(path)
        sl.Runtime(seed=seed, strategy=strategy)  # a bad strategy is bad input, before any run
    except (SimlabError, sl.DurationError, ValueError) as err:
        _fail(err)
    from ..sched.dfs import DFS

    dfs = sl.make_strategy(strategy)
    if isinstance(dfs, DFS):
        _search_dfs(path, source, entry, seed, dfs, limit, parallel, schedules or 1000)
    if schedules is None:
        run = _run(path, source, entry, seed, strategy, limit, parallel)
        click.echo(("\n" if run.open_line else "") + "\n".join(run.lines))
        raise SystemExit(0 if run.returned else 1)
    for k in range(schedules):
        run = _run(path, source, entry, seed + k, strategy, limit, parallel, capture=True)
        if run.failed:
            click.echo(f"schedule {k + 1} of {schedules} fails (seed {seed + k}): {run.failure}")
            _show_failure(run, path, entry, seed + k, parallel)
    click.echo(
        f"{schedules} schedules ({strategy}, seeds {seed} to {seed + schedules - 1}): none failed"
    )
    _preempt_hint(strategy, getattr(sl.make_strategy(strategy), "preemptive", False))


def _preempt_hint(strategy: str, preemptive: bool) -> None:
    """After a search that found nothing: a strategy that switches only where a
    goroutine blocks misses what needs a switch between two operations that both
    go through (two Locks taken in opposite orders)."""
    if preemptive:
        return
    preempt = (
        f"{strategy}:preempt" if strategy.startswith(("random", "pct", "dfs")) else "random:preempt"
    )
    click.echo(
        f"(switching only where a goroutine blocks; --strategy {preempt} also "
        "switches between operations that go through, as several cores do)"
    )


def _show_failure(run: _Run, path: Path, entry: str, seed: int, parallel: int) -> NoReturn:
    """A failing run of a search: what the program printed, how it ended, and the
    command that runs it again; exit status 1."""
    click.echo(run.stdout, nl=False)
    click.echo(run.stderr, nl=False, err=True)
    click.echo(("\n" if run.open_line else "") + "\n".join(run.lines))
    more = f" --seed {seed}" if seed else ""
    more += f" --parallel {parallel}" if parallel != 1 else ""
    click.echo(f"replay: simlab go-run {path} --entry {entry}{more} --schedule {run.schedule}")
    raise SystemExit(1)


def _search_dfs(
    path: Path,
    source: str,
    entry: str,
    seed: int,
    dfs: DFS,
    limit: int,
    parallel: int,
    runs: int,
) -> NoReturn:
    """``--strategy dfs[:BOUND...]``: every schedule of the program under ``seed``, depth
    first, until one fails or none is left (or ``runs`` runs, pruned ones counted)."""
    from ..sched.dfs import bound_words, pruning_words

    checked = 0
    while dfs.runs < runs:
        pruned = dfs.pruned
        run = _run(path, source, entry, seed, dfs, limit, parallel, capture=True)
        if dfs.pruned == pruned:
            checked += 1
            if run.failed:
                click.echo(f"schedule {checked} of the search fails ({dfs}): {run.failure}")
                _show_failure(run, path, entry, seed, parallel)
        if not dfs.backtrack():
            every = "the one schedule" if checked == 1 else f"all {checked:,} schedules"
            click.echo(
                f"{every} {bound_words(dfs.bound)} checked "
                f"({pruning_words(dfs.pruned, dfs.reduction)}): none failed"
            )
            _preempt_hint(str(dfs), dfs.preemptive)
            raise SystemExit(0)
    click.echo(
        f"stopped after {runs:,} runs (--schedules): {checked:,} schedules checked, none "
        f"failed; schedules {bound_words(dfs.bound)} remain unexplored"
    )
    raise SystemExit(0)


class _Run:
    """One run of a translated program: what go-run prints, and whether it failed."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.returned = False
        self.failure = ""  # how the run failed, "" if it did not
        self.schedule = ""
        self.stdout = ""  # what the program printed, when the search kept it
        self.stderr = ""
        self.open_line = False  # its last output did not end a line (fmt.Print("x"))

    @property
    def failed(self) -> bool:
        return bool(self.failure)


@contextlib.contextmanager
def _output(run: _Run, capture: bool) -> Iterator[None]:
    """What the program prints: kept in ``run`` if ``capture``, else written as it goes."""
    if not capture:
        out = _LineEnd(sys.stdout)
        try:
            with contextlib.redirect_stdout(out):
                yield
        finally:
            run.open_line = out.open_line
        return
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            yield
    finally:
        run.stdout, run.stderr = stdout.getvalue(), stderr.getvalue()
        run.open_line = not run.stdout.endswith("\n") and bool(run.stdout)


class _LineEnd:
    """The process's stdout as the program writes to it, remembering whether its
    last write ended a line: simlab's own lines after the run start a new one."""

    def __init__(self, out: Any) -> None:
        self.out, self.open_line = out, False

    def write(self, text: str) -> int:
        if text:
            self.open_line = not text.endswith("\n")
        return int(self.out.write(text))

    def __getattr__(self, name: str) -> Any:  # flush, fileno, encoding...
        return getattr(self.out, name)


def _deep(fn: Callable[P, T]) -> Callable[P, T]:
    """``fn``, called on a thread of its own whose stack and recursion limit let a Go
    program's calls go ``_CALL_DEPTH`` deep; what it raises is raised in the caller."""

    @functools.wraps(fn)
    def deep(*args: P.args, **kwargs: P.kwargs) -> T:
        return _on_deep_stack(lambda: fn(*args, **kwargs))

    return deep


def _on_deep_stack(fn: Callable[[], T]) -> T:
    done: list[T] = []
    failed: list[BaseException] = []

    def body() -> None:
        try:
            done.append(fn())
        except BaseException as err:  # SystemExit of a refusal, too
            failed.append(err)

    limit = sys.getrecursionlimit()
    stack = threading.stack_size(_THREAD_STACK)
    try:
        sys.setrecursionlimit(max(limit, _CALL_DEPTH))
        # a daemon thread, not concurrent.futures' (which the interpreter joins as it
        # exits), so that Ctrl-C ends the command while the program runs
        runner = threading.Thread(target=body, name="simlab go-run", daemon=True)
        runner.start()
    finally:
        threading.stack_size(stack)
    try:
        runner.join()
    finally:
        sys.setrecursionlimit(limit)
    if failed:
        raise failed[0]
    return done[0]


@_deep
def _run(
    path: Path,
    source: str,
    entry: str,
    seed: int,
    strategy: str | Strategy,
    limit: int,
    parallel: int,
    capture: bool = False,
) -> _Run:
    import simlab as sl

    from ..go.goroutine import RUNNING
    from ..sched.dfs import Redundant
    from . import entry as entry_of
    from . import golib, load

    out = _Run()
    try:
        main = entry_of(load(path, source), entry, parallel)
        rt = sl.Runtime(seed=seed, strategy=strategy)
    except (SimlabError, ValueError) as err:
        _fail(err)
    now, misfit = sl.format_duration, None
    with _output(out, capture):
        try:
            result = rt.run(main, until=limit)
            while result.reason == "until":
                # a synctest bubble's time is fake: go test's alarm does not count it,
                # nor --until, up to a thousand times --until
                bubbles = golib.bubble_time(rt)
                if limit + bubbles <= rt.now or bubbles >= _BUBBLE_BOUND * limit:
                    break
                result = rt.run(until=limit + bubbles)
            if result.reason == "until":
                out.lines.append(f"still running at {now(rt.now)}")
            else:
                out.lines.append(f"main returned at {now(rt.now)}")
                out.returned = True
        except Deadlock as err:
            out.failure = "deadlock"
            out.lines.append(f"deadlock at {now(rt.now)}\n{err}")
        except GoPanic as err:
            out.failure = "panic"
            out.lines.append(f"panic in goroutine {err.goroutine} at {now(rt.now)}\n{err}")
            _test_binary_crashed(out, rt)
        except FatalError as err:
            out.failure = "fatal error"
            out.lines.append(f"fatal error at {now(rt.now)}\n{err}")
            _test_binary_crashed(out, rt)
        except Livelock as err:  # a goroutine that spins: in Go, time would pass
            out.failure = "livelock"
            out.lines.append(
                f"livelock at {now(rt.now)}: a busy loop? simlab's clock stands still while "
                "goroutines run (in Go, time would pass and a timer fire while it spins): "
                f"block in the loop instead\n{err}"
            )
        except golib.Exit as err:
            out.failure = f"exit status {err.code}" if err.code else ""
            out.returned = not err.code  # os.Exit(0): the program ended well
            out.lines.append(f"exit status {err.code} at {now(rt.now)}")
        except Redundant:  # dfs: the sleep sets prove this run's schedules checked
            return out
        except SimlabError as err:  # a schedule that does not fit the program, a livelock
            misfit = err
        except BrokenPipeError:  # go-run ... | head: the reader has gone (cli's to handle)
            raise
        except Exception as err:  # the model itself failed: a gap in the translation
            misfit = _translation_gap(err, path)
    if misfit is not None:
        _fail(misfit)
    out.schedule = str(rt.schedule())
    left = rt.goroutines()
    out.lines.append(f"goroutines left: {len(left)}, schedule {out.schedule}, seed {seed}")
    # the goroutine a panic or a fatal error stopped is the crash, not a leak
    crashed = {g.id for g in left if g.state == RUNNING} if out.failure else set()
    if [g for g in left if g.id != 1 and g.id not in crashed]:
        from ..observe import leaks

        report = leaks.check(rt)
        for gid in crashed:
            for part in (report.verdicts, report.goroutines, report.keys):
                part.pop(gid, None)
        blocked = len(report.flagged("durably blocked"))
        if blocked and not out.failure:
            out.failure = f"{blocked} goroutine{'s' if blocked > 1 else ''} durably blocked"
        groups = leaks.summarize(report, alive_after=None, healthy=None)
        out.lines.append(leaks.format_groups(groups, now(rt.now)))
    if rt.halted is not None:
        golib.abandon(rt)  # the program has ended: its goroutines' deferred calls never run
    return out


def _translation_gap(err: Exception, path: Path) -> SimlabError:
    """The one line for a Python error that the model of a Go line raised, where Go
    runs on: it names that line and what to do (``SIMLAB_TRACEBACK=1`` re-raises the
    error, for simlab's own developers)."""
    if os.environ.get("SIMLAB_TRACEBACK"):
        raise err
    from ..go.frames import go_frame

    if isinstance(err, RecursionError):
        return SimlabError(
            f"{path.name}: the program's calls went {_CALL_DEPTH:,} deep, simlab's limit "
            "(Go's is a 1 GB stack, then fatal error: stack overflow): is a recursion "
            "missing its base case?"
        )

    where = path.name
    tb = err.__traceback__
    while tb is not None:
        frame = go_frame(tb.tb_frame.f_code, tb.tb_lineno)
        if frame is not None:
            where = f"{frame.file}:{frame.line}"
        tb = tb.tb_next
    unhashable = ("unhashable type: 'list'", "unhashable type: 'dict'")
    if isinstance(err, TypeError) and str(err).startswith(unhashable):
        return SimlabError(
            f"{where}: a slice or a map as the key of a map[any]V, whose type the run did "
            "not keep (Go panics: hash of unhashable type); convert a literal where it "
            "stands, m[[]int{1}], or key the map by a comparable value"
        )
    return SimlabError(
        f"{where}: simlab's model of this line failed ({type(err).__name__}: {err}), "
        "a gap in the translation; `simlab translate` shows the model, and a report "
        "with the Go source helps close it"
    )


def _test_binary_crashed(out: _Run, rt: object) -> None:
    """After the dump of a test binary that crashed, go test's ``FAIL`` lines."""
    from . import golib

    ending = golib.crashed_test_binary(rt)
    if ending is not None:
        out.lines[-1] = out.lines[-1].removesuffix("\n") + "\n" + ending + "\n"


@click.command("goker")
@click.argument("names", nargs=-1)
@click.option("--budget", type=int, default=1000, show_default=True, help="Schedules per program.")
@click.option("--jobs", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("--max-seconds", type=float, default=120.0, show_default=True, help="Per program.")
@click.option(
    "--replay", "replay_at", metavar="STRATEGY:SEED", help="Run one schedule of one program."
)
@click.option("--fixed", is_flag=True, help="Also search each program with its bug fixed.")
@click.option(
    "--full-scale",
    is_flag=True,
    help="With --fixed: run heavy fixed programs as written, not their smaller instance.",
)
@click.option(
    "--strategy",
    default=None,
    help="With --seed: replay one run of one program. dfs[:BOUND...][@OP_COST]: search "
    "every schedule of one program (up to BOUND deviations) until one leaks as Go expects.",
)
@click.option("--seed", type=int, default=None)
@click.option(
    "--one-copy",
    is_flag=True,
    help="With dfs or a replay: the test run once, not as many copies as GoKer runs.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per program (or per dfs search)."
)
def goker_cmd(
    names: tuple[str, ...],
    budget: int,
    jobs: int,
    max_seconds: float,
    replay_at: str | None,
    fixed: bool,
    full_scale: bool,
    strategy: str | None,
    seed: int | None,
    one_copy: bool,
    as_json: bool,
) -> None:
    """Search Go 1.27's GoKer programs (all, or NAMES) for the leaks Go's test expects.

    With --replay STRATEGY:SEED (or --strategy and --seed), run one program once and
    print its goroutineleak profile (debug=2), the leaks Go's extractLeaks reads from
    it against Go's expectations, and simlab's three leak oracles; with --fixed, the
    program with its bug fixed. With --fixed, a search also runs each fixed program,
    the heavy ones as a smaller instance (fewer copies, fewer repetitions) unless
    --full-scale.

    With --strategy dfs:BOUND (and dfs's other options, and @1us for the clock where
    every operation takes 1us), search every schedule of one program depth first
    (sleep sets on, at most --budget runs and --max-seconds) until one leaks exactly
    as Go expects, and print the command that replays it; --one-copy searches one
    copy of the test where GoKer runs many (Grpc3017, Hugo3251, Kubernetes11298,
    Kubernetes13135).
    """
    import dataclasses
    import json

    from . import goker

    try:
        if strategy is not None and strategy.partition(":")[0].partition("@")[0] == "dfs":
            from .goker_dfs import format_search, search_spec

            if len(names) != 1 or replay_at is not None or fixed:
                raise SimlabError(
                    "--strategy dfs searches one buggy program: one NAME, without --replay "
                    "or --fixed"
                )
            res = search_spec(
                names[0],
                strategy,
                one_copy=one_copy,
                runs=budget,
                max_seconds=max_seconds,
                seed=seed or 0,
            )
            if as_json:
                click.echo(json.dumps({"strategy": strategy, **dataclasses.asdict(res)}))
            else:
                click.echo(format_search(res, strategy, seed or 0))
            raise SystemExit(0 if res.first_found is not None else 1)
        if replay_at is not None or strategy is not None or seed is not None:
            if replay_at is not None:
                strategy, seed = goker.parse_replay(replay_at)
            if len(names) != 1 or strategy is None or seed is None:
                raise SimlabError("a replay needs one NAME and --replay STRATEGY:SEED")
            run = goker.replay(names[0], strategy, seed, fixed, full_scale, one_copy)
            click.echo(goker.format_replay(names[0], run))
            return
        if one_copy:
            raise SimlabError("--one-copy goes with --strategy dfs... or a replay")
        rows = goker.run_goker(
            list(names) or None,
            budget=budget,
            jobs=jobs,
            max_seconds=max_seconds,
            fixed=fixed,
            full_scale=full_scale,
        )
    except SimlabError as err:
        _fail(err)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, default=str))
    else:
        click.echo(goker.format_table(rows, goker.go_detection()))
    ok = all(r["found"] or r["unreachable"] for r in rows if r["expected"])
    ok = ok and all(r["fixed_clean"] is not False for r in rows)
    raise SystemExit(0 if ok else 1)
