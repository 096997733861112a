"""Experiments: TOML files that say which model to run, how, and what to compare.

``simlab run NAME`` reads ``experiments/NAME.toml``::

    description = "FASE 6 as written"
    model = "models.logmonitor"       # a module with a MODEL
    seeds = [1, 2, 3]                 # one run per seed and parameter set
    strategy = "random"               # fifo, random, pct, ...
    evidence_title = "the load test"  # optional: whose figures [[evidence]] holds

    [params]                          # overrides of the model's defaults
    containers = 55
    duration = "60m"

    [[scenario]]                      # optional: named parameter sets, each a row
    name = "real net/http"            # (crossed with the sweep, if there is one)
    close_closes_conn = true

    [sweep]                           # optional: the cartesian product is run
    reader_parent = ["app", "stream"]

    [[evidence]]                      # optional: observed figures to compare with
    name = "goroutine growth"
    metric = "growth_per_min"
    observed = 30.50
    tolerance = 0.10                  # relative; or range = [3.15, 3.33]
    where = { reader_parent = "app" } # optional: the rows it applies to
    # instead of metric: expression = "leaked_goroutines / 550", arithmetic
    # over the row's metrics and parameters, when the figure was computed so

    [law]                             # optional: a quantity that should not vary
    expression = "growth_per_min * rotation_interval_min / containers"
    tolerance = 0.10
    statement = "growth per minute = leak per rotation x containers / interval"

Every name and value is checked before anything runs; a mistake is one line
naming the problem and the valid choices.
"""

from __future__ import annotations

import ast
import difflib
import itertools
import math
import operator
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SimlabError
from ..sched.strategies import make_strategy
from .locate import experiment_files
from .model import Model, Params, load_model

EXPERIMENT_KEYS = (
    "description",
    "scenario",
    "model",
    "seeds",
    "strategy",
    "params",
    "sweep",
    "evidence",
    "evidence_title",
    "law",
    "columns",
    "compare",
    "plot",
)
PLOT_KEYS = ("x", "y", "series", "logx")
EVIDENCE_KEYS = (
    "name",
    "metric",
    "expression",
    "observed",
    "tolerance",
    "range",
    "where",
    "note",
)
LAW_KEYS = ("expression", "tolerance", "statement")
MAX_SAMPLES = 1_000_000  # samples of one run (24 hours every 100 ms)
MAX_RUNS = 100_000  # parameter sets x seeds of one experiment
MAX_PCT_DEPTH = 1_000
MAX_PCT_STEPS = 10**12


@dataclass(frozen=True)
class Evidence:
    """An observed figure and how close a simulated one must come to match it."""

    name: str
    metric: str  # a metric's name, or an arithmetic expression over metrics and params
    observed: float
    low: float
    high: float
    where: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    is_expression: bool = False

    def matches(self, value: float | None) -> bool:
        return value is not None and not math.isnan(value) and self.low <= value <= self.high

    def applies(self, params: dict[str, Any], scenario: str = "") -> bool:
        context = {**params, "scenario": scenario}
        return all(context.get(k) == v for k, v in self.where.items())

    def describe_tolerance(self) -> str:
        if math.isinf(self.low):
            return f"at most {_num(self.high)}"
        return f"{_num(self.low)} to {_num(self.high)}"


@dataclass(frozen=True)
class Law:
    """A quantity computed from parameters and metrics that should be the same in every row."""

    expression: str
    tolerance: float
    statement: str


@dataclass
class Experiment:
    """An experiment file, read and checked."""

    name: str
    description: str
    model: Model
    model_name: str
    base: dict[str, Any]
    scenarios: list[tuple[str, dict[str, Any]]]  # empty: one unnamed parameter set
    sweep: dict[str, list[Any]]
    seeds: list[int]
    strategy: str
    evidence: list[Evidence]
    law: Law | None
    columns: list[str]
    compare: str | None  # the sweep parameter whose values are drawn on the same axes
    plot: dict[str, Any] = field(default_factory=dict)  # x, y, series: a metric plot
    evidence_title: str = ""  # whose figures the evidence is, e.g. "the review's figures"
    overrides: dict[str, Any] = field(default_factory=dict)  # --set: wins over everything

    def rows(self) -> list[tuple[str, Params]]:
        """``(scenario name, parameters)`` for every scenario crossed with the sweep;
        a ``--set`` value wins over the file's, a scenario's included."""
        names = list(self.sweep)
        count = math.prod(len(self.sweep[n]) for n in names) * max(1, len(self.scenarios))
        if count * len(self.seeds) > MAX_RUNS:
            raise SimlabError(
                f"{self.name}: {count:,} parameter sets x {len(self.seeds)} seeds is more than "
                f"{MAX_RUNS:,} runs; sweep fewer values"
            )
        combos = list(itertools.product(*(self.sweep[n] for n in names))) if names else [()]
        scenarios = self.scenarios or [("", {})]
        rows = [
            (
                label,
                self.model.resolve(
                    {**self.base, **over, **dict(zip(names, c, strict=True)), **self.overrides}
                ),
            )
            for label, over in scenarios
            for c in combos
        ]
        for _, params in rows:
            check_size(params)
        return rows

    def select_scenario(self, name: str) -> Experiment:
        """Only the scenario called ``name``."""
        chosen = [s for s in self.scenarios if s[0] == name]
        if not chosen:
            names = ", ".join(s[0] for s in self.scenarios) or "none"
            raise SimlabError(f"unknown scenario {name!r} in {self.name}; scenarios: {names}")
        return Experiment(**{**self.__dict__, "scenarios": chosen})

    def with_overrides(self, overrides: dict[str, str], seed: int | None) -> Experiment:
        """The experiment with ``--set`` values (which replace a swept parameter and win
        over a scenario's value) and ``--seed``."""
        sweep, mine = dict(self.sweep), dict(self.overrides)
        for key, value in overrides.items():
            self.model.param(key).parse(value)
            mine[key] = value
            sweep.pop(key, None)
        seeds = [seed] if seed is not None else self.seeds
        clone = Experiment(**{**self.__dict__, "overrides": mine, "sweep": sweep, "seeds": seeds})
        clone.rows()  # check every combination now, before anything runs
        return clone

    def metric_names(self) -> list[tuple[str, str]]:
        """``(where, name)`` for every metric the file names: evidence, law, columns, plot."""
        named: list[tuple[str, str]] = []
        for ev in self.evidence:
            where = f"[[evidence]] {ev.name!r}"
            if ev.is_expression:
                named += [(f"{where} expression", n) for n in _names(ev.metric)]
            else:
                named.append((where, ev.metric))
        if self.law is not None:
            named += [("[law] expression", n) for n in _names(self.law.expression)]
        named += [("columns", c) for c in self.columns]
        if "y" in self.plot:
            named.append(("plot.y", self.plot["y"]))
        return named

    def probe_metrics(self) -> None:
        """Refuse a metric name the model does not report, before any real run: models
        do not declare their metrics, so the first configuration is run for 1 ns (a
        few milliseconds) and its record checked. A model that cannot run for 1 ns is
        checked on its first real run instead (``check_metrics``)."""
        if not self.metric_names():
            return
        from .simulation import run_model

        _, params = self.rows()[0]
        probe = self.model.resolve({**dict(params), "duration": 1})
        try:
            record = run_model(self.model, probe, self.seeds[0], "fifo")
        except SimlabError:
            raise
        except Exception:  # the model's figures need more than an instant: wait for a run
            return
        self.check_metrics(record)

    def check_metrics(self, record: Any) -> None:
        """Refuse a metric name the model does not report, now that a run (``record``)
        has shown which it reports; expressions may also name parameters. A run that
        failed before its model could report (a livelock at the start) proves nothing."""
        if getattr(record, "error", None):
            return
        metrics = set(record.metrics)
        params: set[str] = set()
        for p in self.model.all_params():
            params.add(p.name)
            if p.kind == "duration":
                params |= {f"{p.name}_min", f"{p.name}_s"}
        for where, name in self.metric_names():
            allowed = metrics | params if "expression" in where else metrics
            if name not in allowed:
                close = difflib.get_close_matches(name, sorted(allowed), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                what = "metric or parameter" if "expression" in where else "metric"
                raise SimlabError(
                    f"{self.name}: {where}: unknown {what} {name!r}{hint}; "
                    f"metrics of {self.model.name}: {', '.join(sorted(metrics))}"
                )


def available() -> list[str]:
    """The experiments' names: the working directory's and those that come with simlab."""
    return list(experiment_files())


def load_experiment(name: str) -> Experiment:
    """Read and check ``experiments/NAME.toml`` (or a path to a TOML file): the
    working directory's, else the one that comes with simlab (:mod:`simlab.lab.locate`)."""
    path = Path(name)
    try:
        is_file = path.suffix == ".toml" and path.is_file()
    except (OSError, ValueError):  # a name too long for a path, a NUL byte
        is_file = False
    if not is_file:
        found = experiment_files().get(name)
        if found is None:
            choices = ", ".join(available()) or "none found"
            shown = name if len(name) <= 60 else name[:57] + "..."
            raise SimlabError(f"unknown experiment {shown!r}; available: {choices}")
        path = found
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise SimlabError(
            f"{path.name}: not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset "
            f"{exc.start}); an experiment file is TOML, which is UTF-8"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise SimlabError(f"{path.name}: malformed TOML: {exc}") from None
    except OSError as exc:
        raise SimlabError(f"{path.name}: cannot read it: {exc.strerror or exc}") from None
    return parse_experiment(path.stem, data, path.name)


def check_size(params: Params) -> None:
    """Refuse a run whose samples could not fit in memory."""
    samples = params.duration // params.sample_every + 1
    if samples > MAX_SAMPLES:
        from ..duration import format_duration

        least = format_duration(-(-params.duration // MAX_SAMPLES))
        raise SimlabError(
            f"duration {format_duration(params.duration)} sampled every "
            f"{format_duration(params.sample_every)} is {samples:,} samples; at most "
            f"{MAX_SAMPLES:,} per run: set sample_every to at least {least}"
        )


def check_strategy(spec: Any, search: bool = False) -> str:
    """A strategy as written in a file or on the command line, checked; returns it.
    ``dfs`` is a search over many runs: only ``explore`` (``search``) takes it."""
    if not isinstance(spec, str):
        raise SimlabError(f"strategy = {spec!r}: expected a string such as 'random' or 'pct:3'")
    if not spec.strip():
        raise SimlabError(
            "empty strategy; choose fifo, random, pct, pct:DEPTH, pct:DEPTH:STEPS "
            "(random and pct may end in :preempt) or replay:SCHEDULE"
        )
    name, _, arg = spec.partition(":")
    if name == "dfs" and not search:
        raise SimlabError(
            f"strategy {spec!r}: dfs searches every schedule over many runs; "
            f"use it with `simlab explore NAME --strategy {spec}`"
        )
    if name == "pct" and arg:
        parts = arg.split(":")
        if not all(p.isdigit() and len(p) <= 13 for p in parts):
            raise SimlabError(
                f"bad strategy {spec!r}: pct:DEPTH:STEPS takes whole numbers, DEPTH at "
                f"most {MAX_PCT_DEPTH} and STEPS at most {MAX_PCT_STEPS:,}"
            )
        nums = [int(p) for p in parts]
        if nums[0] > MAX_PCT_DEPTH or (len(nums) > 1 and nums[1] > MAX_PCT_STEPS):
            raise SimlabError(
                f"bad strategy {spec!r}: DEPTH at most {MAX_PCT_DEPTH}, STEPS at most "
                f"{MAX_PCT_STEPS:,}"
            )
    make_strategy(spec)
    return spec


def parse_experiment(name: str, data: dict[str, Any], where: str = "experiment") -> Experiment:
    _only(data, EXPERIMENT_KEYS, where)
    if "model" not in data:
        raise SimlabError(f"{where}: missing key 'model' (the module of the model to run)")
    if not isinstance(data["model"], str):
        raise SimlabError(
            f"{where}: model = {data['model']!r}: expected a module's dotted name as a "
            'string, e.g. model = "models.logmonitor"'
        )
    model = load_model(data["model"])
    base = _table(data, "params", where)
    scenarios = [_scenario(s, where, model) for s in _array(data, "scenario", where)]
    names = [n for n, _ in scenarios]
    for n in names:
        if names.count(n) > 1:
            raise SimlabError(
                f"{where}: two [[scenario]] tables are named {n!r}; names must differ"
            )
    sweep = _table(data, "sweep", where)
    for key, values in sweep.items():
        if not isinstance(values, list) or not values:
            raise SimlabError(f"{where}: sweep.{key} must be a non-empty list of values")
        for value in values:
            _value(model, key, value, f"{where}: sweep.{key}")
    for key, value in base.items():
        _value(model, key, value, f"{where}: params.{key}")
    seeds = data.get("seeds", [1])
    if not (isinstance(seeds, list) and seeds and all(_is_seed(s) for s in seeds)):
        raise SimlabError(f"{where}: seeds must be a non-empty list of non-negative integers")
    strategy = data.get("strategy", "random")
    try:
        check_strategy(strategy)
    except SimlabError as exc:
        raise SimlabError(f"{where}: {exc}") from None
    evidence = [_evidence(e, where, model, names) for e in _array(data, "evidence", where)]
    evidence_title = data.get("evidence_title", "")
    if not isinstance(evidence_title, str):
        raise SimlabError(f"{where}: evidence_title must be a string")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise SimlabError(f"{where}: description must be a string")
    law = _law(_table(data, "law", where), where) if "law" in data else None
    columns = data.get("columns", [])
    if not (isinstance(columns, list) and all(isinstance(c, str) for c in columns)):
        raise SimlabError(f"{where}: columns must be a list of metric names (strings)")
    compare = data.get("compare")
    if compare is not None and (not isinstance(compare, str) or compare not in sweep):
        swept = ", ".join(sweep) or "none"
        raise SimlabError(
            f"{where}: compare = {compare!r} must name a swept parameter as a string; "
            f"swept: {swept}"
        )
    plot = _table(data, "plot", where)
    _only(plot, PLOT_KEYS, f"{where}: [plot]")
    for key in ("x", "series"):
        if key in plot and (not isinstance(plot[key], str) or plot[key] not in sweep):
            swept = ", ".join(sweep) or "none"
            raise SimlabError(
                f"{where}: plot.{key} = {plot[key]!r} must name a swept parameter; swept: {swept}"
            )
    if "y" in plot and not isinstance(plot["y"], str):
        raise SimlabError(f"{where}: plot.y = {plot['y']!r} must be a metric's name")
    if "logx" in plot and not isinstance(plot["logx"], bool):
        raise SimlabError(f"{where}: plot.logx must be true or false")
    if plot and "x" not in plot:
        raise SimlabError(f"{where}: [plot] needs x, a swept parameter")
    exp = Experiment(
        name=name,
        description=description,
        model=model,
        model_name=data["model"],
        base=base,
        scenarios=scenarios,
        sweep=sweep,
        seeds=seeds,
        strategy=strategy,
        evidence=evidence,
        law=law,
        columns=list(columns),
        compare=compare,
        plot=plot,
        evidence_title=evidence_title,
    )
    exp.rows()
    return exp


def _is_seed(s: Any) -> bool:
    return isinstance(s, int) and not isinstance(s, bool) and s >= 0


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and not math.isnan(x)


def _value(model: Model, key: str, value: Any, where: str) -> Any:
    """A parameter value as a file gives it: checked and converted."""
    param = model.param(key)
    if param.kind == "duration" and not isinstance(value, str):
        raise SimlabError(
            f'{where} = {value!r}: write a duration like "60s", "5m" or "1h30m" '
            "(a bare number has no unit)"
        )
    return param.parse(value)


def _only(table: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise SimlabError(f"{where}: unknown key {key!r}; valid keys: {', '.join(allowed)}")


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise SimlabError(f"{where}: {key} must be a table ([{key}] or {key} = {{ ... }})")
    return value


def _array(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise SimlabError(f"{where}: {key} must be an array of tables ([[{key}]])")
    return value


def _scenario(s: dict[str, Any], where: str, model: Model) -> tuple[str, dict[str, Any]]:
    if "name" not in s:
        raise SimlabError(f"{where}: every [[scenario]] needs a name")
    if not isinstance(s["name"], str) or not s["name"]:
        raise SimlabError(f"{where}: a [[scenario]] name must be a non-empty string")
    over = {k: v for k, v in s.items() if k != "name"}
    for key, value in over.items():
        _value(model, key, value, f"{where}: [[scenario]] {s['name']!r}: {key}")
    return s["name"], over


def _evidence(e: dict[str, Any], where: str, model: Model, scenarios: list[str]) -> Evidence:
    _only(e, EVIDENCE_KEYS, f"{where}: [[evidence]]")
    for key in ("name", "observed"):
        if key not in e:
            raise SimlabError(f"{where}: [[evidence]] needs {key!r}")
    label = f"{where}: [[evidence]] {e['name']!r}"
    if not isinstance(e["name"], str):
        raise SimlabError(f"{where}: [[evidence]] name must be a string")
    if ("metric" in e) == ("expression" in e):
        raise SimlabError(f"{label} needs a metric or an expression")
    for key in ("metric", "expression", "note"):
        if key in e and not isinstance(e[key], str):
            raise SimlabError(f"{label}: {key} must be a string")
    if "expression" in e:
        try:
            _check_expression(ast.parse(e["expression"], mode="eval"))
        except SyntaxError as exc:
            raise SimlabError(f"{label}: expression: {exc.msg}") from None
    observed = e["observed"]
    if not _is_number(observed) or math.isinf(observed):
        raise SimlabError(f"{label}: observed = {observed!r} must be a finite number")
    observed = float(observed)
    if "range" in e:
        bounds = e["range"]
        if not (isinstance(bounds, list) and len(bounds) == 2 and all(map(_is_number, bounds))):
            raise SimlabError(
                f"{label}: range = {bounds!r} must be [low, high], two numbers (-inf and inf "
                "allowed)"
            )
        low, high = float(bounds[0]), float(bounds[1])
        if low > high:
            raise SimlabError(f"{label}: range = {bounds!r}: low is above high")
        if "tolerance" in e:
            raise SimlabError(f"{label}: give a tolerance or a range, not both")
    else:
        tol = e.get("tolerance", 0.10)
        if not _is_number(tol) or math.isinf(tol) or tol < 0:
            raise SimlabError(
                f"{label}: tolerance = {tol!r} must be a number of at least 0 (0.10 is 10%)"
            )
        low, high = sorted((observed * (1 - tol), observed * (1 + tol)))
    where_ = e.get("where", {})
    if not isinstance(where_, dict):
        raise SimlabError(
            f'{label}: where = {where_!r} must be a table, e.g. where = {{ variant = "leaky" }}'
        )
    parsed: dict[str, Any] = {}
    for k, v in where_.items():
        if k == "scenario":
            if v not in scenarios:
                raise SimlabError(
                    f"{label}: where.scenario = {v!r} names no scenario; scenarios: "
                    f"{', '.join(scenarios) or 'none'}"
                )
            parsed[k] = v
        else:
            parsed[k] = _value(model, k, v, f"{label}: where.{k}")
    metric: str = e["metric"] if "metric" in e else e["expression"]
    note = e.get("note", "")
    return Evidence(e["name"], metric, observed, low, high, parsed, note, "expression" in e)


def _law(table: dict[str, Any], where: str) -> Law:
    _only(table, LAW_KEYS, f"{where}: [law]")
    expression = table.get("expression", "")
    statement = table.get("statement", "")
    if not isinstance(expression, str) or not expression.strip():
        raise SimlabError(f"{where}: [law] needs an expression (a string)")
    if not isinstance(statement, str):
        raise SimlabError(f"{where}: [law] statement must be a string")
    try:
        _check_expression(ast.parse(expression, mode="eval"))
    except SyntaxError as exc:
        raise SimlabError(f"{where}: [law] expression: {exc.msg}") from None
    tol = table.get("tolerance", 0.10)
    if not _is_number(tol) or math.isinf(tol) or tol < 0:
        raise SimlabError(f"{where}: [law] tolerance = {tol!r} must be a number of at least 0")
    return Law(expression, float(tol), statement)


def _names(expression: str) -> list[str]:
    """The names an arithmetic expression reads."""
    return [n.id for n in ast.walk(ast.parse(expression, mode="eval")) if isinstance(n, ast.Name)]


_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_UNARY: dict[type[ast.unaryop], Callable[[float], float]] = {ast.USub: operator.neg}


def _check_expression(node: ast.AST) -> None:
    allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant, ast.Load)
    for sub in ast.walk(node):
        if not isinstance(sub, (*allowed, *_BINARY, *_UNARY)):
            raise SyntaxError(f"only arithmetic on names is allowed, not {type(sub).__name__}")


def evaluate(expression: str, names: dict[str, Any]) -> float:
    """Arithmetic over ``names`` (parameters and metrics); nothing else is allowed."""

    def ev(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            if not isinstance(node.value, int | float):
                raise SimlabError(f"law: {node.value!r} is not a number")
            return float(node.value)
        if isinstance(node, ast.Name):
            if node.id not in names:
                raise SimlabError(f"law: unknown name {node.id!r}")
            return float(names[node.id])
        if isinstance(node, ast.BinOp):
            return _BINARY[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp):
            return _UNARY[type(node.op)](ev(node.operand))
        raise SimlabError(f"law: unsupported expression {ast.dump(node)}")

    return ev(ast.parse(expression, mode="eval"))


def _num(x: float) -> str:
    return f"{x:,.2f}" if abs(x) < 1000 else f"{x:,.0f}"
