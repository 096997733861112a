"""simlab's pytest plugin, registered as an entry point: installing simlab enables it.

It gives a test a runtime whose seed and strategy come from the command line, and
prints, when the test fails, what replays the run::

    def test_pipeline_drains(goruntime):
        goruntime.run(pipeline_main, until=sl.Minute)
        sl.testing.assert_no_leaks(goruntime)

    $ pytest --simlab-strategy random --simlab-seed 7

Options: ``--simlab-seed N`` (default 0), ``--simlab-strategy S`` (default
``fifo``), ``--simlab-schedules N`` (what the ``simlab_schedules`` fixture
returns, for tests that loop over seeds; default 100). The hypothesis settings
profile ``simlab`` (no deadline, examples derandomized, the health checks a
simulation trips switched off) is registered for ``settings.load_profile``, and
hypothesis's explanation of a failure ("these lines were always and only run by
failing test cases") leaves simlab's own lines out: they say how simlab ran the
program, not where the program went wrong.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from .errors import SimlabError
from .go.runtime import Runtime

settings.register_profile(
    "simlab",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)

_RUNTIMES = pytest.StashKey[Runtime]()


def _hide_simlab_from_explanations() -> None:
    """Add simlab's package to the locations hypothesis leaves out of a failure's
    explanation (as it leaves out pytest's); a hypothesis without that list is left
    as it is."""
    try:
        from hypothesis.internal import scrutineer
    except ImportError:  # pragma: no cover - a hypothesis without explanations
        return
    unhelpful = getattr(scrutineer, "UNHELPFUL_LOCATIONS", None)
    here = Path(__file__).resolve().parent.as_posix() + "/**"
    if isinstance(unhelpful, tuple) and here not in unhelpful:
        scrutineer.UNHELPFUL_LOCATIONS = (*unhelpful, here)


_hide_simlab_from_explanations()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("simlab", "simlab: simulated Go runtimes")
    group.addoption("--simlab-seed", type=int, default=0, help="seed of the goruntime fixture")
    group.addoption(
        "--simlab-strategy",
        default="fifo",
        help="strategy of the goruntime fixture: fifo, random, pct, replay:SCHEDULE",
    )
    group.addoption(
        "--simlab-schedules",
        type=int,
        default=100,
        help="how many schedules the simlab_schedules fixture asks for",
    )


@pytest.fixture
def goruntime(request: pytest.FixtureRequest) -> Generator[Runtime, None, None]:
    """A fresh ``sl.Runtime`` with the seed and strategy given on the command line."""
    rt = Runtime(
        seed=request.config.getoption("--simlab-seed"),
        strategy=request.config.getoption("--simlab-strategy"),
    )
    request.node.stash[_RUNTIMES] = rt
    yield rt


@pytest.fixture
def simlab_schedules(request: pytest.FixtureRequest) -> int:
    """How many schedules a test that explores seeds should try (--simlab-schedules)."""
    return int(request.config.getoption("--simlab-schedules"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Any:
    report = yield
    rt = item.stash.get(_RUNTIMES, None)
    if rt is not None and report.when == "call" and report.failed:
        report.sections.append(("simlab replay", replay_hint(rt)))
    return report


def replay_hint(rt: Runtime) -> str:
    """What reproduces the run ``rt`` took: its seed, strategy, schedule and digest."""
    try:
        schedule = f"--simlab-strategy replay:{rt.schedule()}"
    except SimlabError:  # a run that did not record its schedule
        schedule = f"--simlab-strategy {rt.strategy}"
    try:
        call = f"sl.Runtime(seed={rt.seed}, strategy={'replay:' + str(rt.schedule())!r})"
    except SimlabError:
        call = f"sl.Runtime(seed={rt.seed}, strategy={str(rt.strategy)!r})"
    return (
        f"seed {rt.seed}, strategy {rt.strategy}, digest {rt.trace_digest()}\n"
        f"replay with: pytest --simlab-seed {rt.seed} {schedule}\n"
        f"or in Python: {call}"
    )
