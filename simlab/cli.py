"""The ``simlab`` command line."""

from __future__ import annotations

import click

from .demo import demo as run_demo


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="simlab")
def main() -> None:
    """simlab: a deterministic simulator of Go concurrency, on SimPy."""


@main.command()
@click.option("--seed", type=click.IntRange(min=0), default=1, show_default=True, help="Run seed.")
@click.option("--fixed", is_flag=True, help="Use the buffered channel that fixes the leak.")
def demo(seed: int, fixed: bool) -> None:
    """The classic "forgotten sender" leak, with its goroutine profile."""
    click.echo(run_demo(seed=seed, buffered=fixed), nl=False)
