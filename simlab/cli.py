"""The ``simlab`` command line.

Bad input (an unknown experiment or parameter, a malformed file, a negative
duration) is one line on stderr naming the problem and the valid choices, exit
status 2, and nothing written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .duration import DurationError, parse_duration
from .errors import SimlabError
from .translate.commands import go_run_cmd, translate_cmd

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

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            d = parse_duration(value)
        except DurationError as exc:
            self.fail(f"{exc} (use Go syntax: 90s, 5m, 1h30m)", param, ctx)
        if d < 0:
            self.fail(f"negative duration {value!r}", param, ctx)
        return d


DURATION = _Duration()
SET_HELP = "Override a model parameter (repeatable), e.g. --set containers=8."
SCENARIO_HELP = (
    "Only this scenario of the experiment (commands that run one configuration take the first)."
)


def _load(name: str, sets: tuple[str, ...], seed: int | None, scenario: str | None) -> Experiment:
    from .lab.experiment import load_experiment

    exp = load_experiment(name).with_overrides(_parse_sets(sets), seed)
    return exp.select_scenario(scenario) if scenario else exp


def _program_at(exp: Experiment, at: int, trace: bool = False) -> Runtime:
    """The experiment's first configuration run to ``at``, and left as it stands there."""
    from .lab.simulation import run_model

    _, params = exp.rows()[0]
    params = exp.model.resolve({**dict(params), "duration": at})
    seen: dict[str, Runtime] = {}
    run_model(
        exp.model,
        params,
        exp.seeds[0],
        exp.strategy,
        inspect=lambda rt, sim: seen.update(rt=rt),
        shutdown=False,
        trace=trace,
    )
    return seen["rt"]


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
    type=click.IntRange(min=1),
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
) -> None:
    """Run experiments/NAME.toml: a table, the evidence, and results/NAME/."""
    from .lab.report import (
        format_evidence,
        format_law,
        format_leaks,
        format_table,
        summary,
        write_results,
    )
    from .lab.runner import default_jobs, run_experiment
    from .sched.strategies import make_strategy

    exp = _load(name, sets, seed, scenario)
    if strategy:
        make_strategy(strategy)
        exp.strategy = strategy
    rows = run_experiment(exp, jobs=jobs or default_jobs(), progress=not as_json)
    data = summary(exp, rows)
    written = None if no_write else write_results(exp, rows, data, out)
    if as_json:
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(f"{exp.name}: {exp.description}")
    click.echo(f"model {exp.model_name}, strategy {exp.strategy}, seeds {exp.seeds}\n")
    click.echo(format_table(exp, rows))
    for block in (format_evidence(exp, rows), format_law(data["law"]), format_leaks(exp, rows)):
        if block:
            click.echo("\n" + block)
    if written is not None:
        click.echo(f"\nwrote {written}/: samples.csv, summary.json, plot.png")


@cli.command("list")
def list_() -> None:
    """Experiments and models, with one-line descriptions."""
    from .lab.experiment import available, load_experiment

    models: dict[str, str] = {}
    click.echo("experiments (simlab run NAME):")
    for name in available():
        exp = load_experiment(name)
        models[exp.model_name] = exp.model.summary
        click.echo(f"  {name:<22} {exp.description}")
    click.echo("\nmodels:")
    for dotted, text in sorted(models.items()):
        click.echo(f"  {dotted:<22} {text}")


@cli.command()
@click.argument("name")
@click.option(
    "--at", "at", type=DURATION, required=True, help="Simulated time of the dump, e.g. 30m."
)
@click.option(
    "--debug", type=click.Choice(["1", "2"]), default="1", show_default=True, help="pprof format."
)
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help=SET_HELP)
@click.option("--seed", type=click.IntRange(min=0), help="Seed (default: the experiment's first).")
@click.option("--scenario", help=SCENARIO_HELP)
def profile(
    name: str, at: int, debug: str, sets: tuple[str, ...], seed: int | None, scenario: str | None
) -> None:
    """The goroutine profile of experiment NAME at a simulated time."""
    rt = _program_at(_load(name, sets, seed, scenario), at)
    click.echo(rt.goroutine_profile(debug=int(debug)), nl=False)


@cli.command()
@click.argument("name")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help=SET_HELP)
@click.option("--scenario", help=SCENARIO_HELP)
@click.option(
    "--schedules", type=click.IntRange(min=1), default=1000, show_default=True, help="How many."
)
@click.option(
    "--strategy",
    default="random",
    show_default=True,
    help="random, pct, pct:DEPTH or pct:DEPTH:STEPS.",
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
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: every core).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--no-shrink", is_flag=True, help="Do not shrink the first failing schedule.")
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
) -> None:
    """Run many schedules of one configuration and check the model's properties.

    Exits 0 when every property held in every schedule, 1 when one failed, 2 on bad input.
    """
    from .lab.explore import exploration_json, format_exploration
    from .lab.explore import explore as do_explore
    from .lab.runner import default_jobs
    from .sched.strategies import make_strategy

    if strategy.split(":")[0] not in ("random", "pct"):
        raise SimlabError(f"explore takes --strategy random or pct, not {strategy!r}")
    make_strategy(strategy)
    exp = _load(name, sets, None, scenario)
    if not exp.model.properties:
        raise SimlabError(f"model {exp.model_name} declares no properties to explore")
    result = do_explore(
        exp, schedules, strategy, jobs or default_jobs(), base_seed, not as_json, not no_shrink
    )
    result.overrides = _parse_sets(sets)
    if as_json:
        click.echo(json.dumps(exploration_json(result), indent=2))
    else:
        click.echo(format_exploration(result, jobs or default_jobs()))
    sys.exit(0 if result.ok() else 1)


@cli.command()
@click.argument("name")
@click.option("--seed", type=click.IntRange(min=0), required=True, help="The seed to replay.")
@click.option("--strategy", default="random", show_default=True, help="The strategy it ran under.")
@click.option("--schedule", help="A schedule string (as explore prints it) instead of a strategy.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help=SET_HELP)
@click.option("--scenario", help=SCENARIO_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def replay(
    name: str,
    seed: int,
    strategy: str,
    schedule: str | None,
    sets: tuple[str, ...],
    scenario: str | None,
    as_json: bool,
) -> None:
    """Run one schedule again, bit for bit: its digest, properties and leak oracles.

    Exits 1 if a property broke, like explore.
    """
    from .lab.explore import format_replay, replay_json
    from .lab.simulation import run_model
    from .sched.schedule import Schedule
    from .sched.strategies import make_strategy

    exp = _load(name, sets, None, scenario)
    _, params = exp.rows()[0]
    if schedule is not None:
        strategy = f"replay:{Schedule.parse(schedule)}"
    make_strategy(strategy)
    record = run_model(
        exp.model,
        params,
        seed,
        strategy,
        properties=exp.model.properties,
        leak_check=True,
        keep_schedule=True,
    )
    click.echo(json.dumps(replay_json(record), indent=2) if as_json else format_replay(record))
    sys.exit(1 if record.violations else 0)


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
    type=DURATION,
    help="Simulated time to trace (default: the experiment's duration, at most 5m).",
)
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help=SET_HELP)
@click.option("--seed", type=click.IntRange(min=0), help="Seed (default: the experiment's first).")
@click.option("--scenario", help=SCENARIO_HELP)
def trace(
    name: str,
    out: Path,
    until: int | None,
    sets: tuple[str, ...],
    seed: int | None,
    scenario: str | None,
) -> None:
    """A trace of experiment NAME's first run for Perfetto (ui.perfetto.dev)."""
    from .duration import Minute, format_duration
    from .observe.perfetto import write_trace

    exp = _load(name, sets, seed, scenario)
    if until is None:
        until = min(exp.rows()[0][1].duration, 5 * Minute)
    rt = _program_at(exp, until, trace=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    events = write_trace(rt, partial)
    partial.replace(out)
    tracks = len({e["tid"] for e in json.loads(out.read_text())["traceEvents"] if "tid" in e})
    click.echo(
        f"wrote {out}: {events:,} events on {tracks} goroutine tracks, "
        f"{format_duration(until)} of simulated time; open it at https://ui.perfetto.dev"
    )


@cli.command()
@click.argument("name")
@click.option(
    "--at", "at", type=DURATION, required=True, help="Simulated time of the picture, e.g. 12m."
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
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help=SET_HELP)
@click.option("--seed", type=click.IntRange(min=0), help="Seed (default: the experiment's first).")
@click.option("--scenario", help=SCENARIO_HELP)
def contexts(
    name: str,
    at: int,
    match: str,
    out: Path,
    sets: tuple[str, ...],
    seed: int | None,
    scenario: str | None,
) -> None:
    """Draw the context tree of experiment NAME at a simulated time, cancelled ones marked."""
    from .lab.plots import plot_context_tree

    exp = _load(name, sets, seed, scenario)
    rt = _program_at(exp, at)
    chosen = [c for c in rt.contexts() if match in c.label()]
    if not chosen:
        raise SimlabError(f"no context's name contains {match!r} at {at}ns")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial.png")
    plot_context_tree(chosen, partial, rt.now, f"{exp.name}: contexts matching {match!r}")
    partial.replace(out)
    live = sum(c.err() is None for c in chosen)
    click.echo(f"wrote {out}: {len(chosen)} contexts ({live} live, {len(chosen) - live} cancelled)")


cli.add_command(translate_cmd)
cli.add_command(go_run_cmd)


def main(argv: list[str] | None = None) -> None:
    """Entry point: click, with every input error reduced to one line and status 2."""
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
    except click.Abort:
        click.echo("simlab: aborted", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
