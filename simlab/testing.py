"""Hypothesis strategies for simlab, and a runner to use them with.

A test draws a schedule, a seed and a parameter set, runs the model and asserts
its properties::

    from hypothesis import given
    import simlab as sl
    from models import logmonitor

    @given(schedule=sl.testing.schedules(), params=logmonitor.param_space())
    def test_no_leak(schedule, params):
        sl.testing.assert_properties(sl.testing.run(logmonitor.MODEL, params, schedule))

:func:`schedules` draws deviations from ``fifo`` (see :mod:`simlab.schedule`):
hypothesis shrinks a list towards fewer elements and integers towards zero, so a
failing schedule shrinks towards fewer, earlier deviations, and ends at ``fifo``
itself when the failure does not depend on the interleaving at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from .go.runtime import Runtime
from .lab.model import Model, Params
from .lab.properties import Property
from .lab.simulation import RunRecord, run_model
from .sched.schedule import Schedule


def schedules(
    max_deviations: int = 12, max_decision: int = 2_000, max_option: int = 7
) -> st.SearchStrategy[Schedule]:
    """Schedules that take option ≥ 1 at up to ``max_deviations`` decisions, fifo elsewhere."""
    deviation = st.tuples(st.integers(0, max_decision), st.integers(1, max_option))
    return st.lists(deviation, max_size=max_deviations).map(Schedule.from_pairs)


def seeds() -> st.SearchStrategy[int]:
    """Run seeds (the workload and fault streams); shrink towards 0."""
    return st.integers(0, 2**31 - 1)


def params(model: Model, **spec: Any) -> st.SearchStrategy[Params]:
    """Parameter sets of ``model``: each keyword is a strategy, a list to sample from,
    a ``(low, high)`` range (durations as strings such as ``"10ms"``), or a value.
    Parameters not named keep their defaults."""
    draws = {}
    for name, value in spec.items():
        param = model.param(name)
        if isinstance(value, st.SearchStrategy):
            draws[name] = value
        elif isinstance(value, list):
            draws[name] = st.sampled_from(value)
        elif isinstance(value, tuple) and len(value) == 2:
            low, high = param.parse(value[0]), param.parse(value[1])
            draws[name] = st.floats(low, high) if param.kind == "float" else st.integers(low, high)
        else:
            draws[name] = st.just(value)
    return st.fixed_dictionaries(draws).map(model.resolve)


def run(
    model: Model,
    params: Params | dict[str, Any],
    schedule: Schedule | None = None,
    seed: int = 0,
    properties: Sequence[Property] | None = None,
) -> RunRecord:
    """Run ``model`` under ``schedule`` (fifo when None), checking its properties."""
    if not isinstance(params, Params):
        params = model.resolve(params)
    strategy = f"replay:{schedule}" if schedule is not None and len(schedule) else "fifo"
    checks = model.properties if properties is None else properties
    return run_model(model, params, seed, strategy, properties=checks, keep_schedule=True)


def assert_properties(record: RunRecord) -> None:
    """Fail, readably, if any property broke in ``record``: what broke, when, under
    which parameters and schedule, and the goroutines at that moment."""
    if not record.violations:
        return
    lines = [v.headline() for v in record.violations.values()]
    first = next(iter(record.violations.values()))
    shown = ", ".join(f"{k}={v}" for k, v in record.params.items())
    dump = "\n".join(first.dump.splitlines()[:40])
    raise AssertionError(
        "\n".join(lines)
        + f"\nstrategy {record.strategy}, seed {record.seed}\nparams: {shown}"
        + f"\ngoroutines when {first.property!r} broke:\n{dump}"
    )


def assert_no_leaks(rt: Runtime, ignore: Sequence[str] = ()) -> None:
    """goleak's ``VerifyNone`` for a simulated program: fail if any goroutine but
    main is still alive, listing each as a goroutine dump does.

    ``ignore`` names goroutines to allow, by their name (``rt.go(f, name=...)``) or
    by the function on top of their stack (goleak's ``IgnoreTopFunction``, e.g.
    ``"main.worker"`` for a ``@sl.gofunc("main.worker")`` function).
    """
    from .go.frames import goroutine_frames
    from .go.profile import format_goroutine

    leaked = []
    for g in rt.goroutines():
        if g.id == 1:  # main: the test itself, as goleak leaves out its own goroutine
            continue
        frames = goroutine_frames(g)
        top = frames[0].func if frames else g.name
        if g.name in ignore or top in ignore:
            continue
        leaked.append(format_goroutine(g, rt.now))
    if leaked:
        raise AssertionError(
            f"found unexpected goroutines ({len(leaked)}; allow some with ignore=...):\n\n"
            + "\n".join(leaked)
        )
