"""Models: a simulated system, its parameters, and the Go program that runs it.

A model is a module with a ``MODEL`` attribute, a :class:`Model`. An experiment
file names the module (``model = "models.logmonitor"``); simlab imports it by
that dotted name and never otherwise knows what it simulates.

Every model takes the common parameters ``duration``, ``sample_every`` and
``shutdown_grace``. Its ``main(rt, params, sim)`` is the Go program's ``main``:
it runs until ``sim.signal`` is closed (SIGTERM, sent at ``duration``), then
shuts down and returns.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..duration import DurationError, format_duration, parse_duration
from ..errors import SimlabError
from .locate import import_model_module
from .properties import Property

KINDS = ("int", "float", "duration", "bool", "choice")
MAX_COUNT = 1_000_000  # an int parameter's largest value, unless the model sets its own max


@dataclass(frozen=True)
class Param:
    """One model parameter: its name, default, kind and meaning.

    ``kind`` is ``int``, ``float``, ``duration`` (Go syntax such as ``"5m"``, or
    nanoseconds), ``bool`` or ``choice`` (one of ``choices``). A float must be
    finite; an int without a ``max`` is at most :data:`MAX_COUNT`.
    """

    name: str
    default: Any
    help: str
    kind: str = "int"
    choices: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"parameter {self.name}: kind must be one of {KINDS}")

    def parse(self, value: Any) -> Any:
        """Check and convert a value from a TOML file or a ``--set`` string."""
        try:
            parsed = self._convert(value)
        except (ValueError, TypeError, OverflowError, DurationError) as exc:
            raise SimlabError(f"parameter {self.name}: {exc}") from None
        if self.min is not None and parsed < self.min:
            raise SimlabError(
                f"parameter {self.name}: {self.show(parsed)} is below the minimum, "
                f"{self._bound(self.min)}"
            )
        high = self.max if self.max is not None or self.kind != "int" else MAX_COUNT
        if high is not None and parsed > high:
            raise SimlabError(
                f"parameter {self.name}: {self.show(parsed)} is above the maximum, "
                f"{self._bound(high)}"
            )
        return parsed

    def _bound(self, value: float) -> str:
        if self.kind == "duration":
            return format_duration(int(value))
        return f"{value:,}" if self.kind == "int" else str(value)

    def _convert(self, value: Any) -> Any:
        if self.kind == "bool":
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("true", "false"):
                return str(value).lower() == "true"
            raise ValueError(f"{value!r} is not a boolean; use true or false")
        if self.kind == "choice":
            if value not in self.choices:
                raise ValueError(f"{value!r} is not one of {', '.join(self.choices)}")
            return value
        if isinstance(value, bool):
            raise ValueError(f"{value!r} is not a number")
        if self.kind == "duration":
            if isinstance(value, int):
                d = value
            elif isinstance(value, str):
                d = parse_duration(value)
            else:
                raise ValueError(f"{value!r} is not a duration such as '5m' or '300ms'")
            if d < 0:
                raise ValueError(f"negative duration {format_duration(d)}")
            return d
        if self.kind == "int":
            if isinstance(value, float) and not value.is_integer():
                raise ValueError(f"{value!r} is not a whole number")
            return int(value)
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{value!r} is not a finite number")
        return number

    def show(self, value: Any) -> str:
        """A value as a user writes it: ``5m0s``, ``true``, ``10``."""
        if self.kind == "duration":
            return format_duration(value)
        if self.kind == "bool":
            return "true" if value else "false"
        return str(value)


COMMON_PARAMS = (
    Param(
        "duration", "60m", "simulated time before the program is told to stop", "duration", min=1
    ),
    Param("sample_every", "10s", "interval between two metric samples", "duration", min=1),
    Param(
        "shutdown_grace",
        "30s",
        "how long shutdown may take after the stop signal before it counts as hung",
        "duration",
    ),
)


class Params(Mapping[str, Any]):
    """A model's parameter values, read as ``p.rotation_interval`` or ``p["containers"]``.

    Values are plain attributes too, so that reading one in a model's hot loop
    costs no more than any attribute.
    """

    def __init__(self, values: Mapping[str, Any]):
        self._values = dict(values)
        for name, value in self._values.items():
            if hasattr(Mapping, name) or name.startswith("_"):
                raise ValueError(f"parameter name {name!r} is reserved")
            self.__dict__[name] = value

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Params({self._values!r})"

    if TYPE_CHECKING:  # for the type checker only: ``p.duration`` and the like

        def __getattr__(self, name: str) -> Any: ...


@dataclass
class Model:
    """A system to simulate: named parameters and the ``main`` of its Go program.

    ``main(rt, params, sim)`` is a generator function. ``metrics(sim, end,
    samples)`` returns the model's own figures at the end of the duration (what
    it counts: requests served, jobs done...), given the generic ones in ``end``
    and the samples.
    ``baseline(params)`` is the goroutine count of the healthy program, against
    which "leaked" is measured,
    ``baseline_fds(params)`` its descriptor count, and ``warmup(params)`` the
    instant from which growth is fitted (after start-up). ``after_shutdown(sim)``
    adds figures that are only final once the program has stopped.
    ``properties`` are what must hold in every run (:mod:`simlab.lab.properties`);
    ``healthy(sim)`` names the goroutines a healthy program would have now, so
    that leak reports can tell a leak from a goroutine doing its job.

    How ``simlab run`` shows the figures is the model's to say too: ``columns``
    are the metrics of its table, in order (generic ones included; empty: the
    generic ones), unless an experiment file names its own; ``labels`` are short
    headings for the table, by metric name (a metric without one is headed by its
    name).
    """

    name: str
    summary: str
    params: tuple[Param, ...]
    main: Callable[..., Generator[Any, Any, Any]]
    metrics: Callable[[Any, dict[str, Any], Any], dict[str, Any]] = field(
        default=lambda sim, end, samples: {}
    )
    after_shutdown: Callable[[Any], dict[str, Any]] = field(default=lambda sim: {})
    properties: tuple[Property, ...] = ()
    healthy: Callable[[Any], set[int]] | None = None
    baseline: Callable[[Params], float] | None = None
    baseline_fds: Callable[[Params], float] | None = None
    warmup: Callable[[Params], int] = field(default=lambda p: 0)
    columns: tuple[str, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for p in self.params:
            if hasattr(Mapping, p.name) or p.name.startswith("_"):
                raise SimlabError(
                    f"model {self.name}: a parameter cannot be called {p.name!r}, a name "
                    "Params has as a mapping (p.items(), p.get(...)); choose another"
                )

    def all_params(self) -> tuple[Param, ...]:
        return COMMON_PARAMS + self.params

    def param(self, name: str) -> Param:
        for p in self.all_params():
            if p.name == name:
                return p
        known = ", ".join(sorted(p.name for p in self.all_params()))
        raise SimlabError(f"unknown parameter {name!r} for model {self.name}; known: {known}")

    def resolve(self, values: Mapping[str, Any]) -> Params:
        """Defaults overridden by ``values``, every value checked."""
        resolved = {p.name: p.parse(p.default) for p in self.all_params()}
        for name, value in values.items():
            resolved[name] = self.param(name).parse(value)
        return Params(resolved)


def load_model(dotted: str) -> Model:
    """Import the model module ``dotted`` (``models.logmonitor``) and return its ``MODEL``.

    The module is looked for in the working directory, then among the models that
    come with simlab (:mod:`simlab.lab.locate`), then wherever Python finds it."""
    if not isinstance(dotted, str) or not dotted:
        raise SimlabError(f"model = {dotted!r}: expected a module's dotted name, e.g. 'models.x'")
    try:
        module = import_model_module(dotted)
    except (ModuleNotFoundError, ValueError) as exc:
        raise SimlabError(f"cannot import model {dotted!r}: {exc}") from None
    except SyntaxError as exc:
        where = f"{Path(exc.filename).name}:{exc.lineno}" if exc.filename else "its source"
        raise SimlabError(
            f"cannot import model {dotted!r}: syntax error at {where}: {exc.msg}"
        ) from None
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise SimlabError(
            f"cannot import model {dotted!r}: importing it raised {type(exc).__name__}"
            + (f": {first}" if first else "")
        ) from None
    model = getattr(module, "MODEL", None)
    if not isinstance(model, Model):
        raise SimlabError(f"module {dotted!r} has no MODEL (a simlab.Model)")
    return model
