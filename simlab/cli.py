"""The ``simlab`` command line.

Bad input (an unknown experiment or parameter, a malformed file, a negative
duration) is one line on stderr naming the problem and the valid choices, exit
status 2, and nothing written.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .duration import DurationError, parse_duration
from .errors import SimlabError
from .lab.explore import MAX_SCHEDULES
from .lab.pool import MAX_JOBS, cores
from .lab.runner import Interrupted
from .translate.commands import go_run_cmd, goker_cmd, translate_cmd

if TYPE_CHECKING:
    from .go.runtime import Runtime
    from .lab.experiment import Experiment


def _parse_sets(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise SimlabError(f"--set {item!r}: expected KEY=VALUE, for example --set containers=8")
        out[key.strip()] = value.strip()
    return out


class _Duration(click.ParamType):
    name = "duration"

    def __init__(self, positive: bool = False):
        self.positive = positive

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            d = parse_duration(value)
        except DurationError as exc:
            self.fail(f"{exc} (use Go syntax: 90s, 5m, 1h30m)", param, ctx)
        if d < 0:
            self.fail(f"negative duration {value!r}", param, ctx)
        if d == 0 and self.positive:
            self.fail("must be after the start, e.g. 30s or 5m (not 0s)", param, ctx)
        return d


T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
DURATION = _Duration()
INSTANT = _Duration(positive=True)  # a simulated instant after the start
JOBS = click.IntRange(min=1, max=MAX_JOBS)
SET_HELP = "Override a model parameter (repeatable), e.g. --set containers=8."
CLUSTER_HELP = (
    "Run on a Dask cluster: a scheduler's address, tcp://HOST:8786, or local:N for N "
    "worker processes here (docs/cluster.md). Results do not depend on it."
)
SCENARIO_HELP = (
    "Only this scenario of the experiment (commands that run one configuration take the first)."
)


def _load(name: str, sets: tuple[str, ...], seed: int | None, scenario: str | None) -> Experiment:
    from .lab.experiment import load_experiment

    exp = load_experiment(name).with_overrides(_parse_sets(sets), seed)
    return exp.select_scenario(scenario) if scenario else exp


def _staged_file(out: Path) -> Path:
    """An empty file beside ``out`` to write into, then rename: making it checks the
    destination before anything runs."""
    try:
        if out.is_dir():
            raise SimlabError(f"--out {out}: is a directory; give a file name")
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            dir=out.parent, prefix=f".{out.name[:100]}.", suffix=f".partial{out.suffix}"
        )
        os.close(fd)
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
    except OSError as exc:
        raise SimlabError(f"--out {out}: cannot write there: {exc.strerror or exc}") from None
    return Path(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _finish_file(write: Callable[[], T], partial: Path, out: Path) -> T:
    """``write()`` into ``partial``, then rename it to ``out``; a failure leaves ``out``
    as it was and is an infrastructure error."""
    try:
        result = write()
        partial.replace(out)
    except OSError as exc:
        raise InfrastructureError(f"{out} was not written ({exc.strerror or exc})") from None
    return result


def _program_at(
    exp: Experiment,
    at: int,
    trace: bool = False,
    strategy: Any = None,
    option: str = "--at",
    keep: dict[str, Any] | None = None,
) -> Runtime:
    """The experiment's first configuration run to ``at``, and left as it stands there,
    under ``strategy`` (a :class:`~simlab.sched.strategies.Strategy` or its name;
    default: the experiment's). ``at`` past the experiment's end is refused: the
    program would run on without ever being told to stop."""
    from .duration import format_duration
    from .lab.experiment import check_size
    from .lab.simulation import run_model

    _, params = exp.rows()[0]
    if at > params.duration:
        end = format_duration(params.duration)
        raise SimlabError(
            f"{option} {format_duration(at)} is after the end of {exp.name} ({end}, when its "
            f"program is told to stop): give {option} {end} or less, or --set "
            f"duration={format_duration(at)}"
        )
    params = exp.model.resolve({**dict(params), "duration": at})
    check_size(params)
    seen: dict[str, Runtime] = {}
    record = run_model(
        exp.model,
        params,
        exp.seeds[0],
        exp.strategy if strategy is None else strategy,
        inspect=lambda rt, sim: seen.update(rt=rt),
        shutdown=False,
        trace=trace,
    )
    if keep is not None:
        keep["record"] = record
    misfits = getattr(getattr(strategy, "inner", strategy), "misfits", None)
    if misfits:
        k, option_, n = misfits[0]
        raise SimlabError(
            f"the schedule does not fit this program: it takes option {option_} at decision "
            f"{k}, which has {n} choices (a schedule from another experiment, other "
            "parameters or another seed?)"
        )
    return seen["rt"]


def _schedule_or_strategy(strategy: str | None, schedule: str | None) -> Any:
    """What ``--strategy`` / ``--schedule`` ask for: a schedule replayed (and checked),
    a strategy by name, or None for the experiment's own."""
    from .lab.experiment import check_strategy
    from .lab.explore import CheckedReplay
    from .sched.schedule import Schedule

    if schedule is not None and strategy is not None:
        raise SimlabError(
            "give --strategy or --schedule, not both (a schedule fixes every decision)"
        )
    if schedule is not None:
        return CheckedReplay(Schedule.parse(schedule))
    return None if strategy is None else check_strategy(strategy)


STRATEGY_HELP = "Scheduling strategy (default: the experiment's): fifo, random, pct, ..."
SCHEDULE_HELP = "A schedule string (as explore prints it) to replay instead of a strategy."


def _one_run_options(command: F) -> F:
    """--set, --seed, --scenario, --strategy and --schedule, in that order: which run
    of the experiment a command that looks inside one run (profile, trace, contexts)
    looks inside."""
    options = (
        click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help=SET_HELP),
        click.option(
            "--seed", type=click.IntRange(min=0), help="Seed (default: the experiment's first)."
        ),
        click.option("--scenario", help=SCENARIO_HELP),
        click.option("--strategy", help=STRATEGY_HELP),
        click.option("--schedule", help=SCHEDULE_HELP),
    )
    for option in reversed(options):  # as if stacked above the command, first on top
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="simlab")
def cli() -> None:
    """simlab: a deterministic simulator of Go concurrency, on SimPy.

    Reproduce the log-monitor incident with `simlab run fase6`, see what else
    there is with `simlab list`.
    """


@cli.command()
@click.argument("name")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help=SET_HELP)
@click.option("--seed", type=click.IntRange(min=0), help="Run this seed only.")
@click.option("--strategy", help="Scheduling strategy: fifo, random, pct, pct:DEPTH, ...")
@click.option(
    "--jobs",
    type=JOBS,
    default=None,
    help="Worker processes (default: every core). Results do not depend on it.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the table.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("results"),
    show_default=True,
    help="Where results/NAME/ goes.",
)
@click.option("--no-write", is_flag=True, help="Do not write results/NAME/.")
@click.option("--scenario", help=SCENARIO_HELP)
@click.option("--cluster", metavar="ADDRESS", help=CLUSTER_HELP)
def run(
    name: str,
    sets: tuple[str, ...],
    seed: int | None,
    strategy: str | None,
    jobs: int | None,
    as_json: bool,
    out: Path,
    no_write: bool,
    scenario: str | None,
    cluster: str | None,
) -> None:
    """Run experiments/NAME.toml: a table, the evidence, and results/NAME/."""
    from .lab.experiment import check_strategy
    from .lab.publish import Destination
    from .lab.report import (
        format_evidence,
        format_law,
        format_leaks,
        format_table,
        summary,
        write_into,
    )
    from .lab.runner import run_experiment

    exp = _load(name, sets, seed, scenario)
    if strategy is not None:
        exp.strategy = check_strategy(strategy)
    exp.probe_metrics()  # a misspelt metric name is refused before anything runs
    _check_cluster(cluster, jobs)
    dest = None if no_write else Destination(out, exp.name)
    if dest is not None:
        dest.prepare()  # the destination is checked before anything runs
    try:
        with _cluster_errors():
            rows = run_experiment(
                exp,
                jobs=1 if cluster else _jobs(jobs),
                progress=not as_json,
                check=exp.check_metrics,
                cluster=cluster,
            )
        data = summary(exp, rows)
        if as_json:
            click.echo(json.dumps(data, indent=2))
        else:
            click.echo(f"{exp.name}: {exp.description}")
            click.echo(f"model {exp.model_name}, strategy {exp.strategy}, seeds {exp.seeds}\n")
            click.echo(format_table(exp, rows))
            blocks = (format_evidence(exp, rows), format_law(data["law"]), format_leaks(exp, rows))
            for block in blocks:
                if block:
                    click.echo("\n" + block)
        lost = [run for row in rows for run in row.runs if run.infrastructure]
        if lost:
            raise InfrastructureError(
                f"{len(lost)} of {sum(len(r.runs) for r in rows)} runs were lost "
                f"({lost[0].error}); results not written"
            )
        if dest is None:
            return
        try:
            write_into(exp, rows, data, dest.prepared())
            written = dest.publish()
        except OSError as exc:
            dest.discard()
            before = "still holds the previous ones" if dest.final.exists() else "was not made"
            raise InfrastructureError(
                f"results were not written ({exc.strerror or exc}); {dest.final} {before}"
            ) from None
        if not as_json:
            click.echo(f"\nwrote {written}/: samples.csv, summary.json, plot.png")
    finally:
        if dest is not None:
            dest.discard()


def _jobs(jobs: int | None) -> int:
    """Worker processes to use: ``--jobs``, else every core; never more than the cores."""
    have = cores()
    if jobs is None:
        return have
    if jobs > have:
        click.echo(
            f"simlab: --jobs {jobs}: this machine has {have} core{'s' if have > 1 else ''}; "
            f"using {have} worker{'s' if have > 1 else ''}",
            err=True,
        )
    return min(jobs, have)


class InfrastructureError(Exception):
    """The simulations ran but something around them failed (a worker process died
    twice, the disk filled up): exit status 3."""


def _check_cluster(cluster: str | None, jobs: int | None) -> None:
    """``--cluster`` well formed, and not with ``--jobs`` (checked before anything runs)."""
    if cluster is None:
        return
    from .lab.cluster import parse_cluster

    if jobs is not None:
        raise SimlabError("give --jobs or --cluster, not both (--cluster local:N for N processes)")
    parse_cluster(cluster)


@contextlib.contextmanager
def _cluster_errors() -> Iterator[None]:
    """A cluster that cannot be reached or used is an infrastructure error (exit 3)."""
    from .lab.pool import ClusterError

    try:
        yield
    except ClusterError as exc:
        raise InfrastructureError(str(exc)) from None


@cli.command("list")
def list_() -> None:
    """Experiments and models, with one-line descriptions."""
    from .lab.experiment import available, load_experiment

    models: dict[str, str] = {}
    experiments: dict[str, str] = {}
    for name in available():
        exp = load_experiment(name)
        experiments[name] = exp.description
        models[exp.model_name] = exp.model.summary
    for title, rows in (
        ("experiments (simlab run NAME):", experiments),
        ("\nmodels:", dict(sorted(models.items()))),
    ):
        click.echo(title)
        width = max(map(len, rows), default=0)
        for key, text in rows.items():
            click.echo(f"  {key:<{width}}  {text}")


@cli.command()
@click.argument("name")
@click.option(
    "--at", "at", type=INSTANT, required=True, help="Simulated time of the dump, e.g. 30m."
)
@click.option(
    "--debug", type=click.Choice(["1", "2"]), default="1", show_default=True, help="pprof format."
)
@_one_run_options
@click.option("--leaks", is_flag=True, help="The goroutineleak profile (Go 1.27) instead.")
def profile(
    name: str,
    at: int,
    debug: str,
    sets: tuple[str, ...],
    seed: int | None,
    scenario: str | None,
    strategy: str | None,
    schedule: str | None,
    leaks: bool,
) -> None:
    """The goroutine profile of experiment NAME at a simulated time (at most its duration).

    With --leaks, Go 1.27's goroutineleak profile: debug=1 counts the goroutines
    nothing that can run reaches; debug=2 lists every goroutine, those "(leaked)".
    """
    chosen = _schedule_or_strategy(strategy, schedule)
    rt = _program_at(_load(name, sets, seed, scenario), at, strategy=chosen)
    if leaks:
        from .observe.leaks import goroutineleak_profile

        click.echo(goroutineleak_profile(rt, debug=int(debug)), nl=False)
    else:
        click.echo(rt.goroutine_profile(debug=int(debug)), nl=False)


@cli.command()
@click.argument("name")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help=SET_HELP)
@click.option("--scenario", help=SCENARIO_HELP)
@click.option(
    "--schedules",
    type=click.IntRange(min=1, max=MAX_SCHEDULES),
    default=1000,
    show_default=True,
    help="How many.",
)
@click.option(
    "--strategy",
    default="random",
    show_default=True,
    help="random, pct, pct:DEPTH or pct:DEPTH:STEPS; or dfs:BOUND, every schedule with at "
    "most BOUND deviations from fifo (dfs alone: no bound), under one seed, --schedules "
    "runs at most. After dfs:BOUND, any of :early (deviate nearest the start first), "
    ":sticky (a select's deviation counts only where its goroutine's choice changes), "
    ":dpor (try a goroutine only where a race asks for it), :choices (deviate at selects "
    "only, every goroutine run in fifo's order), :nosleep (no sleep sets, which with a "
    "bound may skip a schedule; not with :dpor). random, pct and dfs may end in :preempt "
    "(switch at operations that do not block, too).",
)
@click.option(
    "--seed",
    "base_seed",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="First seed; schedule k runs seed+k.",
)
@click.option(
    "--jobs",
    type=JOBS,
    default=None,
    help="Worker processes (default: every core).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--no-shrink", is_flag=True, help="Do not shrink the first failing schedule.")
@click.option("--cluster", metavar="ADDRESS", help=CLUSTER_HELP)
@click.option(
    "--row",
    type=click.IntRange(min=1),
    help="Which row of a swept experiment (from 1, as `simlab run` lists them; default 1).",
)
@click.option(
    "--workload-seed",
    type=click.IntRange(min=0),
    help="Fix the workload and faults at this seed's; each schedule's seed then sets "
    "only its interleaving.",
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first failure, then shrink it.")
@click.option(
    "--max-time",
    type=DURATION,
    help="Wall-clock budget of the search, e.g. 10m: the schedules run by then are counted.",
)
@click.option(
    "--stream",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append each outcome to this JSON-lines file as it arrives "
    "(default: results/explore/NAME-KEY.jsonl).",
)
@click.option("--no-stream", is_flag=True, help="Write no stream of outcomes.")
@click.option(
    "--resume",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Go on from a stream: skip the seeds it holds, append the others to it.",
)
def explore(
    name: str,
    sets: tuple[str, ...],
    scenario: str | None,
    schedules: int,
    strategy: str,
    base_seed: int,
    jobs: int | None,
    as_json: bool,
    no_shrink: bool,
    cluster: str | None,
    row: int | None,
    workload_seed: int | None,
    fail_fast: bool,
    max_time: int | None,
    stream: Path | None,
    no_stream: bool,
    resume: Path | None,
) -> None:
    """Run many schedules of one configuration and check the model's properties.

    Exits 0 when every property held in every schedule, 1 when one failed, 2 on bad
    input, 3 when schedules were lost (a worker process died twice) or the cluster
    could not be used. With --fail-fast or --max-time the verdicts count the
    schedules that ran.
    """
    from .duration import Second, format_duration
    from .lab.experiment import check_strategy
    from .lab.explore import exploration_json, format_header, format_verdicts
    from .lab.explore import explore as do_explore

    if strategy.split(":")[0] not in ("random", "pct", "dfs"):
        raise SimlabError(f"explore takes --strategy random, pct or dfs, not {strategy!r}")
    check_strategy(strategy, search=True)
    exp = _load(name, sets, None, scenario)
    if not exp.model.properties:
        raise SimlabError(f"model {exp.model_name} declares no properties to explore")
    _check_cluster(cluster, jobs)
    if resume is not None and (stream is not None or no_stream):
        raise SimlabError("--resume PATH appends to PATH: give no --stream or --no-stream with it")
    if stream is not None and no_stream:
        raise SimlabError("give --stream PATH or --no-stream, not both")
    if max_time == 0:
        raise SimlabError("--max-time 0s: give a budget the search can use, e.g. 30s or 2h")

    def announce(result: Any) -> None:
        result.fail_fast = fail_fast
        result.source = name
        result.max_time = format_duration(max_time) if max_time else ""
        click.echo(format_header(result) + "\n", err=as_json)
        sys.stdout.flush()

    with _cluster_errors():
        result = do_explore(
            exp,
            schedules,
            strategy,
            1 if cluster else _jobs(jobs),
            base_seed,
            not as_json,
            not no_shrink,
            cluster=cluster,
            row=row,
            workload_seed=workload_seed,
            fail_fast=fail_fast,
            max_seconds=max_time / Second if max_time else None,
            stream=stream,
            resume=resume,
            stream_root=None if no_stream or stream or resume else Path("results"),
            announce=announce,
        )
    if as_json:
        click.echo(json.dumps(exploration_json(result), indent=2))
    else:
        click.echo(format_verdicts(result))
    sys.exit(result.exit_status())


@cli.command()
@click.argument("name")
@click.option("--seed", type=click.IntRange(min=0), required=True, help="The seed to replay.")
@click.option(
    "--workload-seed",
    type=click.IntRange(min=0),
    help="The workload and faults seed, if explore fixed one (--workload-seed).",
)
@click.option("--strategy", default="random", show_default=True, help="The strategy it ran under.")
@click.option("--schedule", help="A schedule string (as explore prints it) instead of a strategy.")
@click.option("--digest", help="The digest the run printed: refuse to go on if this run's differs.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help=SET_HELP)
@click.option("--scenario", help=SCENARIO_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--explain",
    is_flag=True,
    help="Print every decision first: the goroutines ready, where each stood, the one "
    "chosen and what it did next.",
)
def replay(
    name: str,
    seed: int,
    workload_seed: int | None,
    strategy: str,
    schedule: str | None,
    digest: str | None,
    sets: tuple[str, ...],
    scenario: str | None,
    as_json: bool,
    explain: bool,
) -> None:
    """Run one schedule again, bit for bit: its digest, properties and leak oracles.

    Exits 1 if a property broke, like explore; 2 if the schedule does not fit the
    program or the digest is not the one given.
    """
    from .lab.experiment import check_strategy
    from .lab.explore import CheckedReplay, format_replay, replay_json
    from .lab.simulation import run_model
    from .sched.schedule import Schedule

    exp = _load(name, sets, None, scenario)
    _, params = exp.rows()[0]
    chosen: Any = check_strategy(strategy)
    if schedule is not None:
        chosen = CheckedReplay(Schedule.parse(schedule))
    if digest is not None and not re.fullmatch(r"[0-9a-f]{64}", digest.strip()):
        raise SimlabError(f"--digest {digest!r}: expected 64 hex digits, as a run prints it")
    explainer = _explainer(chosen) if explain else None
    record = run_model(
        exp.model,
        params,
        seed,
        chosen if explainer is None else explainer,
        properties=exp.model.properties,
        leak_check=True,
        keep_schedule=True,
        workload_seed=workload_seed,
    )
    if isinstance(chosen, CheckedReplay):
        chosen.check(record.decisions)
    if digest is not None and record.digest != digest.strip():
        raise SimlabError(
            f"this run's digest is {record.digest}, not {digest.strip()}: the program, its "
            "parameters, the seed or the schedule differ from the run that printed it"
        )
    if as_json:
        data = replay_json(record)
        if explainer is not None:
            data["explain"] = {
                "decisions_taken": explainer.count,
                "decisions": [d.as_dict() for d in explainer.decisions],
            }
        click.echo(json.dumps(data, indent=2))
    else:
        if explainer is not None:
            from .lab.explain import format_decisions

            click.echo(format_decisions(explainer) + "\n")
        click.echo(format_replay(record))
    sys.exit(1 if record.violations else 0)


def _explainer(strategy: Any) -> Any:
    """``strategy`` (a name or a Strategy) wrapped to write down every decision."""
    from .lab.explain import Explainer
    from .sched.strategies import make_strategy

    return Explainer(make_strategy(strategy))


@cli.command()
@click.argument("name")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("trace.json"),
    show_default=True,
    help="Where to write the Chrome trace-event JSON.",
)
@click.option(
    "--until",
    type=INSTANT,
    help="Simulated time to trace (default: the experiment's duration, at most 15m).",
)
@_one_run_options
def trace(
    name: str,
    out: Path,
    until: int | None,
    sets: tuple[str, ...],
    seed: int | None,
    scenario: str | None,
    strategy: str | None,
    schedule: str | None,
) -> None:
    """A trace of experiment NAME's first run for Perfetto (ui.perfetto.dev)."""
    from .duration import format_duration
    from .observe.perfetto import TRACE_UNTIL, Annotator, write_trace
    from .sched.strategies import make_strategy

    chosen = _schedule_or_strategy(strategy, schedule)
    exp = _load(name, sets, seed, scenario)
    if until is None:
        until = min(exp.rows()[0][1].duration, TRACE_UNTIL)
    notes = Annotator(make_strategy(exp.strategy if chosen is None else chosen))
    kept: dict[str, Any] = {}
    partial = _staged_file(out)
    try:
        rt = _program_at(exp, until, trace=True, strategy=notes, option="--until", keep=kept)
        samples = kept["record"].samples
        events = _finish_file(lambda: write_trace(rt, partial, notes, samples), partial, out)
    finally:
        partial.unlink(missing_ok=True)
    tracks = len({e["tid"] for e in json.loads(out.read_text())["traceEvents"] if "tid" in e})
    click.echo(
        f"wrote {out}: {events:,} events on {tracks} goroutine tracks, "
        f"{format_duration(until)} of simulated time; open it at https://ui.perfetto.dev"
    )


@cli.command()
@click.argument("name")
@click.option(
    "--at", "at", type=INSTANT, required=True, help="Simulated time of the picture, e.g. 12m."
)
@click.option(
    "--match",
    default="",
    help="Only contexts whose name contains this, and their ancestors (e.g. c000).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("contexts.png"),
    show_default=True,
    help="Where to write the PNG.",
)
@_one_run_options
def contexts(
    name: str,
    at: int,
    match: str,
    out: Path,
    sets: tuple[str, ...],
    seed: int | None,
    scenario: str | None,
    strategy: str | None,
    schedule: str | None,
) -> None:
    """Draw the context tree of experiment NAME at a simulated time, cancelled ones marked."""
    from .lab.plots import plot_context_tree

    chosen = _schedule_or_strategy(strategy, schedule)
    exp = _load(name, sets, seed, scenario)
    partial = _staged_file(out)
    try:
        rt = _program_at(exp, at, strategy=chosen)
        chosen = [c for c in rt.contexts() if match in c.label()]
        if not chosen:
            raise SimlabError(f"no context's name contains {match!r} at {at}ns")
        title = f"{exp.name}: contexts matching {match!r}" if match else f"{exp.name}: contexts"
        drawn = _finish_file(
            lambda: plot_context_tree(chosen, partial, rt.now, title), partial, out
        )
    finally:
        partial.unlink(missing_ok=True)
    live = sum(c.err() is None for c in drawn)
    cut = (
        f"; {len(chosen) - len(drawn):,} more left out (--match NAME picks which)"
        if len(drawn) < len(chosen)
        else ""
    )
    click.echo(
        f"wrote {out}: {len(drawn)} contexts ({live} live, {len(drawn) - live} cancelled){cut}"
    )


cli.add_command(translate_cmd)
cli.add_command(go_run_cmd)
cli.add_command(goker_cmd)


_signalled: list[int] = []  # the signals received during this command


def _on_signal(signum: int, frame: Any) -> None:
    """Ctrl-C or SIGTERM: stop (workers are killed, nothing is written); a second one
    leaves at once, whatever is still being cleaned up."""
    if _signalled:
        os._exit(128 + signum)
    _signalled.append(signum)
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    """Entry point: click, with every input error reduced to one line and status 2.

    Exit status: 0 done, 1 a property broke (explore, replay), 2 bad input, 3 an
    infrastructure error (a worker process died twice, results could not be
    written), 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
    """
    if argv is None:
        # simlab's own process: what it has imported lives as long as the process
        # does, and so does what a run leaves once its results are written. Frozen,
        # the collector walks neither again: not in a run's full collections, and
        # not at Python's exit (after an hour of fase6, 60 ms of them, to free
        # memory the OS takes back anyway). Callers that pass argv keep theirs.
        gc.freeze()
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, _on_signal)
    _signalled.clear()
    try:
        cli.main(args=argv, prog_name="simlab", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        click.echo(f"simlab: {exc.format_message()}", err=True)
        sys.exit(2)
    except SimlabError as exc:
        click.echo(f"simlab: {exc}", err=True)
        sys.exit(2)
    except InfrastructureError as exc:
        click.echo(f"simlab: infrastructure error: {exc}", err=True)
        sys.exit(3)
    except (Interrupted, click.Abort, KeyboardInterrupt) as exc:
        previous.clear()  # exiting: a second Ctrl-C from now on leaves at once
        signum = _signalled[0] if _signalled else int(signal.SIGINT)
        what = "terminated" if signum == signal.SIGTERM else "interrupted"
        detail = f": {exc}" if isinstance(exc, Interrupted) else ""
        click.echo(f"simlab: {what}{detail}", err=True)
        if argv is None:  # the program itself: leave now, without freeing a large heap
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(128 + signum)
        sys.exit(128 + signum)
    except BrokenPipeError:
        sys.exit(0)
    finally:
        for signum_, handler in previous.items():
            signal.signal(signum_, handler)
        if argv is None:  # the process ends: see above
            gc.freeze()
