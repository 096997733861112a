"""The ``simlab translate`` and ``simlab go-run`` commands (registered by ``simlab.cli``).

- ``simlab translate PATH [-o OUT]``: print the model of a Go file or package, or
  write it to ``OUT`` (atomically: a temporary file renamed into place).
- ``simlab go-run PATH --entry NAME [--seed N] [--strategy S] [--until DURATION]``:
  translate, bind the program to ``sl.Runtime(seed, strategy)`` and run the Go
  function ``NAME`` as main until it returns, the program deadlocks or panics, or
  simulated time reaches ``--until`` (default 1h). Prints how it ended (``main
  returned``, the deadlock with its goroutine dump, the panic with its traceback,
  ``exit status N`` for ``os.Exit(N)``, or ``still running at <until>``), then the
  goroutines left and the verdicts of the three leak oracles on them. Exit status
  0 when main returned, 1 when the program deadlocked, panicked, called os.Exit or
  was still running, 2 on bad input (one line).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from ..errors import Deadlock, FatalError, GoPanic, SimlabError


def _fail(err: Exception) -> None:
    click.echo(f"simlab: {str(err).splitlines()[0]}", err=True)
    raise SystemExit(2)


def _leaks():
    try:
        from simlab import leaks  # before the subpackage layout
    except ImportError:  # pragma: no cover - depends on the layout
        from simlab.observe import leaks
    return leaks


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
@click.option("--entry", default="main", show_default=True, help="The Go function run as main.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--strategy", default="fifo", show_default=True, help="fifo, random, pct, ...")
@click.option("--until", default="1h", show_default=True, help="Stop at this simulated time.")
def go_run_cmd(path: Path, entry: str, seed: int, strategy: str, until: str) -> None:
    """Translate the Go program at PATH and run its function ENTRY as main."""
    import simlab as sl

    from . import entry as entry_of
    from . import golib, load

    try:
        limit = sl.parse_duration(until)
        program = load(path)
        main = entry_of(program, entry)
        rt = sl.Runtime(seed=seed, strategy=strategy)
    except (SimlabError, sl.DurationError, ValueError) as err:
        _fail(err)
    status = 1
    try:
        result = rt.run(main, until=limit)
        if result.reason == "until":
            click.echo(f"still running at {sl.format_duration(rt.now)}")
        else:
            click.echo(f"main returned at {sl.format_duration(rt.now)}")
            status = 0
    except Deadlock as err:
        click.echo(f"deadlock at {sl.format_duration(rt.now)}\n{err}")
    except GoPanic as err:
        click.echo(f"panic in goroutine {err.goroutine} at {sl.format_duration(rt.now)}\n{err}")
    except FatalError as err:
        click.echo(f"fatal error at {sl.format_duration(rt.now)}\n{err}")
    except golib.Exit as err:
        click.echo(f"exit status {err.code} at {sl.format_duration(rt.now)}")
    left = rt.goroutines()
    click.echo(f"goroutines left: {len(left)}, schedule {rt.schedule()}, seed {seed}")
    if [g for g in left if g.id != 1]:
        leaks = _leaks()
        report = leaks.check(rt)
        groups = leaks.summarize(report, alive_after=None, healthy=None)
        click.echo(leaks.format_groups(groups, sl.format_duration(rt.now)))
    if rt.halted is not None:
        golib.abandon(rt)  # the program has ended: its goroutines' deferred calls never run
    raise SystemExit(status)


@click.command("goker")
@click.argument("names", nargs=-1)
@click.option("--budget", type=int, default=1000, show_default=True, help="Schedules per program.")
@click.option("--jobs", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("--max-seconds", type=float, default=120.0, show_default=True, help="Per program.")
@click.option("--strategy", default=None, help="With --seed: replay one run of one program.")
@click.option("--seed", type=int, default=None)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per program.")
def goker_cmd(
    names: tuple[str, ...],
    budget: int,
    jobs: int,
    max_seconds: float,
    strategy: str | None,
    seed: int | None,
    as_json: bool,
) -> None:
    """Search Go 1.27's GoKer programs (all, or NAMES) for the leaks Go's test expects.

    With --strategy and --seed, run one program once and print its goroutineleak
    profile (debug=2) and the leaks Go's extractLeaks reads from it.
    """
    import json

    from . import goker

    try:
        if strategy is not None or seed is not None:
            if len(names) != 1 or strategy is None or seed is None:
                raise SimlabError("a replay needs one NAME, --strategy and --seed")
            run = goker.replay(names[0], strategy, seed)
            click.echo(run.profile, nl=False)
            click.echo(f"outcome: {run.outcome}; schedule {run.schedule}")
            for leak in run.leaks:
                click.echo(f"leak: {leak}")
            return
        rows = goker.run_goker(
            list(names) or None, budget=budget, jobs=jobs, max_seconds=max_seconds
        )
    except SimlabError as err:
        _fail(err)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, default=str))
    else:
        click.echo(goker.format_table(rows))
    raise SystemExit(0 if all(r["found"] for r in rows if r["expected"]) else 1)
