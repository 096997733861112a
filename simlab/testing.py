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

import shlex
from collections.abc import Mapping, Sequence
from typing import Any

from hypothesis import strategies as st
from hypothesis.control import current_build_context
from hypothesis.errors import InvalidArgument

from .go.runtime import Runtime
from .lab.model import Model, Params
from .lab.properties import Property
from .lab.simulation import RunRecord, run_model
from .sched.schedule import Schedule


class _DrawnSchedule(Schedule):
    """A drawn schedule, shown in a failing example as simlab writes it (``'3:1'``,
    what ``--schedule`` and :func:`run` take), not as the call that built it."""

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(str(self)))


class _DrawnParams(Params):
    """A drawn parameter set, shown as the dict :func:`run` takes, durations in Go's
    syntax (``'20s'``, not ``20000000000``)."""

    def __init__(self, model: Model, values: Mapping[str, Any]):
        super().__init__(values)
        self._shown = _shown_params(model, values)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self._shown))

    def __repr__(self) -> str:
        return repr(self._shown)


def _shown_params(model: Model, values: Mapping[str, Any]) -> dict[str, Any]:
    """Parameter values as a user writes them: durations ``'5m0s'``, the rest as is."""
    shown = {}
    for name, value in values.items():
        param = model.param(name)
        shown[name] = param.show(value) if param.kind == "duration" else value
    return shown


def schedules(
    max_deviations: int = 12, max_decision: int = 2_000, max_option: int = 7
) -> st.SearchStrategy[Schedule]:
    """Schedules that take option ≥ 1 at up to ``max_deviations`` decisions, fifo elsewhere."""
    deviation = st.tuples(st.integers(0, max_decision), st.integers(1, max_option))
    return st.lists(deviation, max_size=max_deviations).map(
        lambda pairs: _DrawnSchedule.from_pairs(pairs)
    )


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
    return st.fixed_dictionaries(draws).map(
        lambda values: _DrawnParams(model, model.resolve(values))
    )


def run(
    model: Model,
    params: Params | Mapping[str, Any],
    schedule: Schedule | str | None = None,
    seed: int | None = None,
    properties: Sequence[Property] | None = None,
) -> RunRecord:
    """Run ``model`` under ``schedule`` (fifo when None; a string as ``--schedule``
    takes it), checking its properties.

    ``seed`` keys the workload and faults streams. Left out, it is 0 outside a
    hypothesis test, and drawn by hypothesis inside one (as :func:`seeds`, shrinking
    towards 0), so that each example also varies the workload: pass ``seed=0`` to
    keep it fixed."""
    if not isinstance(params, Params):
        params = model.resolve(params)
    if isinstance(schedule, str):
        schedule = Schedule.parse(schedule)
    if seed is None:
        seed = _drawn_seed()
    strategy = f"replay:{schedule}" if schedule is not None and len(schedule) else "fifo"
    checks = model.properties if properties is None else properties
    record = run_model(model, params, seed, strategy, properties=checks, keep_schedule=True)
    record.__dict__["_model"] = model  # for assert_properties' replay hint
    return record


def _drawn_seed() -> int:
    """A seed drawn by the running hypothesis example, or 0 outside one."""
    try:
        context = current_build_context()
    except InvalidArgument:  # not inside a hypothesis test
        return 0
    return int(context.data.draw(seeds()))


def replay_hint(record: RunRecord) -> str:
    """How to run ``record`` again: the Python call, and the ``simlab replay``
    command when an experiment of the working directory or simlab's runs its model."""
    __tracebackhide__ = True
    model: Model | None = record.__dict__.get("_model")
    schedule = record.strategy.removeprefix("replay:")
    if model is None:
        return f"replay: seed {record.seed}, schedule {schedule}"
    shown = _shown_params(model, record.params)
    lines = [f"replay: sl.testing.run(MODEL, {shown!r}, {schedule!r}, seed={record.seed})"]
    command = _replay_command(model, record, schedule)
    if command:
        lines.append(f"    or: {command}")
    return "\n".join(lines)


def _replay_command(model: Model, record: RunRecord, schedule: str) -> str | None:
    """``simlab replay NAME --seed N --schedule S --set ...`` for the first experiment
    that runs ``model``: its first configuration, and a ``--set`` for each value
    the record's parameters change; None when no experiment runs the model."""
    from .errors import SimlabError
    from .lab.experiment import load_experiment
    from .lab.locate import experiment_files

    module = str(getattr(model.main, "__module__", ""))
    for name, path in experiment_files().items():
        try:  # the file names the module, dotted or bare: load only those
            if module.rpartition(".")[2] not in path.read_text(encoding="utf-8"):
                continue
            experiment = load_experiment(name)
            if experiment.model is not model:
                continue
            _, first = experiment.rows()[0]
        except (SimlabError, OSError, UnicodeDecodeError):
            continue
        argv = ["simlab", "replay", name, "--seed", str(record.seed), "--schedule", schedule]
        for key, value in record.params.items():
            if first.get(key) != value:
                argv += ["--set", f"{key}={model.param(key).show(value)}"]
        return shlex.join([*argv, "--digest", record.digest])
    return None


def assert_properties(record: RunRecord) -> None:
    """Fail, readably, if any property broke in ``record``: what broke, when, under
    which parameters and schedule, how to replay it, and the goroutines at that
    moment."""
    __tracebackhide__ = True  # pytest: the failure is the test's, not this function's
    if not record.violations:
        return
    lines = [v.headline() for v in record.violations.values()]
    first = next(iter(record.violations.values()))
    model: Model | None = record.__dict__.get("_model")
    values = _shown_params(model, record.params) if model else record.params
    shown = ", ".join(f"{k}={v}" for k, v in values.items())
    dump = "\n".join(first.dump.splitlines()[:40])
    raise AssertionError(
        "\n".join(lines)
        + f"\nstrategy {record.strategy}, seed {record.seed}\nparams: {shown}"
        + f"\n{replay_hint(record)}"
        + f"\ngoroutines when {first.property!r} broke:\n{dump}"
    )


def assert_no_leaks(rt: Runtime, ignore: Sequence[str] = ()) -> None:
    """goleak's ``VerifyNone`` for a simulated program: fail if any goroutine but
    main is still alive, listing each as a goroutine dump does.

    ``ignore`` names goroutines to allow, by their name (``rt.go(f, name=...)``) or
    by the function on top of their stack (goleak's ``IgnoreTopFunction``, e.g.
    ``"main.worker"`` for a ``@sl.gofunc("main.worker")`` function).
    """
    __tracebackhide__ = True
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
