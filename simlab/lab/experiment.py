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

    def rows(self) -> list[tuple[str, Params]]:
        """``(scenario name, parameters)`` for every scenario crossed with the sweep."""
        names = list(self.sweep)
        combos = list(itertools.product(*(self.sweep[n] for n in names))) if names else [()]
        scenarios = self.scenarios or [("", {})]
        return [
            (label, self.model.resolve({**self.base, **over, **dict(zip(names, c, strict=True))}))
            for label, over in scenarios
            for c in combos
        ]

    def select_scenario(self, name: str) -> Experiment:
        """Only the scenario called ``name``."""
        chosen = [s for s in self.scenarios if s[0] == name]
        if not chosen:
            names = ", ".join(s[0] for s in self.scenarios) or "none"
            raise SimlabError(f"unknown scenario {name!r} in {self.name}; scenarios: {names}")
        return Experiment(**{**self.__dict__, "scenarios": chosen})

    def with_overrides(self, overrides: dict[str, str], seed: int | None) -> Experiment:
        """The experiment with ``--set`` values (which replace a swept parameter) and ``--seed``."""
        base, sweep = dict(self.base), dict(self.sweep)
        for key, value in overrides.items():
            self.model.param(key).parse(value)
            base[key] = value
            sweep.pop(key, None)
        seeds = [seed] if seed is not None else self.seeds
        clone = Experiment(**{**self.__dict__, "base": base, "sweep": sweep, "seeds": seeds})
        clone.rows()  # check every combination now, before anything runs
        return clone


def available() -> list[str]:
    """The experiments' names: the working directory's and those that come with simlab."""
    return list(experiment_files())


def load_experiment(name: str) -> Experiment:
    """Read and check ``experiments/NAME.toml`` (or a path to a TOML file): the
    working directory's, else the one that comes with simlab (:mod:`simlab.lab.locate`)."""
    path = Path(name)
    if path.suffix != ".toml" or not path.is_file():
        found = experiment_files().get(name)
        if found is None:
            choices = ", ".join(available()) or "none found"
            raise SimlabError(f"unknown experiment {name!r}; available: {choices}")
        path = found
    try:
        data = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise SimlabError(f"{path.name}: malformed TOML: {exc}") from None
    return parse_experiment(path.stem, data, path.name)


def parse_experiment(name: str, data: dict[str, Any], where: str = "experiment") -> Experiment:
    _only(data, EXPERIMENT_KEYS, where)
    if "model" not in data:
        raise SimlabError(f"{where}: missing key 'model' (the module of the model to run)")
    model = load_model(data["model"])
    base = _table(data, "params", where)
    scenarios = [_scenario(s, where, model) for s in data.get("scenario", [])]
    sweep = _table(data, "sweep", where)
    for key, values in sweep.items():
        if not isinstance(values, list) or not values:
            raise SimlabError(f"{where}: sweep.{key} must be a non-empty list of values")
        for value in values:
            model.param(key).parse(value)
    for key, value in base.items():
        model.param(key).parse(value)
    seeds = data.get("seeds", [1])
    if not (isinstance(seeds, list) and seeds and all(_is_seed(s) for s in seeds)):
        raise SimlabError(f"{where}: seeds must be a non-empty list of non-negative integers")
    strategy = data.get("strategy", "random")
    make_strategy(strategy)
    evidence = [_evidence(e, where, model) for e in data.get("evidence", [])]
    evidence_title = data.get("evidence_title", "")
    if not isinstance(evidence_title, str):
        raise SimlabError(f"{where}: evidence_title must be a string")
    law = _law(data["law"], where) if "law" in data else None
    columns = data.get("columns", [])
    compare = data.get("compare")
    if compare is not None and compare not in sweep:
        raise SimlabError(f"{where}: compare = {compare!r} must name a swept parameter")
    plot = _table(data, "plot", where)
    _only(plot, PLOT_KEYS, f"{where}: [plot]")
    for key in ("x", "series"):
        if key in plot and plot[key] not in sweep:
            raise SimlabError(f"{where}: plot.{key} = {plot[key]!r} must name a swept parameter")
    exp = Experiment(
        name=name,
        description=str(data.get("description", "")),
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


def _only(table: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise SimlabError(f"{where}: unknown key {key!r}; valid keys: {', '.join(allowed)}")


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise SimlabError(f"{where}: [{key}] must be a table")
    return value


def _scenario(s: dict[str, Any], where: str, model: Model) -> tuple[str, dict[str, Any]]:
    if "name" not in s:
        raise SimlabError(f"{where}: every [[scenario]] needs a name")
    over = {k: v for k, v in s.items() if k != "name"}
    for key, value in over.items():
        model.param(key).parse(value)
    return str(s["name"]), over


def _evidence(e: dict[str, Any], where: str, model: Model) -> Evidence:
    _only(e, EVIDENCE_KEYS, f"{where}: [[evidence]]")
    for key in ("name", "observed"):
        if key not in e:
            raise SimlabError(f"{where}: [[evidence]] needs {key!r}")
    if ("metric" in e) == ("expression" in e):
        raise SimlabError(f"{where}: [[evidence]] {e['name']!r} needs a metric or an expression")
    if "expression" in e:
        try:
            _check_expression(ast.parse(str(e["expression"]), mode="eval"))
        except SyntaxError as exc:
            raise SimlabError(f"{where}: [[evidence]] expression: {exc.msg}") from None
    observed = float(e["observed"])
    if "range" in e:
        low, high = (float(x) for x in e["range"])
    else:
        tol = float(e.get("tolerance", 0.10))
        low, high = sorted((observed * (1 - tol), observed * (1 + tol)))
    where_ = dict(e.get("where", {}))
    for k, v in where_.items():
        if k != "scenario":
            model.param(k).parse(v)
    metric = str(e.get("metric", e.get("expression")))
    note = str(e.get("note", ""))
    return Evidence(str(e["name"]), metric, observed, low, high, where_, note, "expression" in e)


def _law(table: dict[str, Any], where: str) -> Law:
    _only(table, LAW_KEYS, f"{where}: [law]")
    expression = str(table.get("expression", ""))
    try:
        _check_expression(ast.parse(expression, mode="eval"))
    except SyntaxError as exc:
        raise SimlabError(f"{where}: [law] expression: {exc.msg}") from None
    return Law(expression, float(table.get("tolerance", 0.10)), str(table.get("statement", "")))


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
