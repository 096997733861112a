"""Bad input, as issue 13 found it: each case is one line on stderr naming the
problem (and what is allowed), exit status 2, no traceback, nothing written."""

from __future__ import annotations

import pytest

from tests.conftest import invoke as cli

BASE = 'model = "models.zoo.lostcancel"\nseeds = [1]\n'
PARAMS = '[params]\nduration = "1m"\n'
EVIDENCE = '[[evidence]]\nname = "growth"\nmetric = "growth_per_min"\nobserved = 1.0\n'

# (experiment file or None for a bundled experiment, argv after NAME, expected text)
FILES = [
    ("model = 5\n", "model = 5: expected a module's dotted name"),
    (BASE + "strategy = 5\n" + PARAMS, "strategy = 5: expected a string"),
    (BASE + "strategy = 'chaos'\n", "unknown strategy 'chaos'"),
    (BASE + PARAMS + EVIDENCE.replace("1.0", '"abc"'), "observed = 'abc' must be a finite number"),
    (BASE + PARAMS + EVIDENCE.replace("1.0", "nan"), "must be a finite number"),
    (BASE + PARAMS + EVIDENCE + "range = [1]\n", "range = [1] must be [low, high]"),
    (BASE + PARAMS + EVIDENCE + "range = [2, 1]\n", "low is above high"),
    (BASE + PARAMS + EVIDENCE + 'tolerance = "x"\n', "tolerance = 'x' must be a number"),
    (BASE + PARAMS + EVIDENCE + "tolerance = -1\n", "must be a number of at least 0"),
    (BASE + PARAMS + EVIDENCE + "where = 5\n", "where = 5 must be a table"),
    (BASE + PARAMS + EVIDENCE + 'where = {scenario = "x"}\n', "names no scenario"),
    (BASE + PARAMS + EVIDENCE + 'where = {variant = "maybe"}\n', "is not one of leaky, fixed"),
    (BASE + "evidence = 5\n" + PARAMS, "evidence must be an array of tables"),
    (BASE + "law = 5\n" + PARAMS, "law must be a table"),
    (BASE + PARAMS + '[law]\nexpression = "growth_per_min +"\n', "[law] expression"),
    (BASE + PARAMS + '[law]\nexpression = "growth_per_min"\ntolerance = "x"\n', "tolerance"),
    (BASE + "columns = 5\n" + PARAMS, "columns must be a list of metric names"),
    (BASE + 'compare = ["variant"]\n' + PARAMS, "must name a swept parameter"),
    (BASE + 'compare = "variant"\n' + PARAMS, "compare = 'variant' must name a swept"),
    (BASE + "scenario = [5]\n" + PARAMS, "scenario must be an array of tables"),
    (BASE + "scenario = 5\n" + PARAMS, "scenario must be an array of tables"),
    (BASE + PARAMS + "[[scenario]]\nname = 5\n", "name must be a non-empty string"),
    (
        BASE + PARAMS + '[[scenario]]\nname = "a"\n[[scenario]]\nname = "a"\n',
        "two [[scenario]] tables are named 'a'",
    ),
    (BASE + "params = 5\n", "params must be a table"),
    (BASE + "sweep = 5\n" + PARAMS, "sweep must be a table"),
    (BASE + PARAMS + '[plot]\nx = "nope"\n', "plot.x = 'nope' must name a swept parameter"),
    (BASE + PARAMS + "[plot]\ny = 5\n", "plot.y = 5 must be a metric's name"),
    (BASE + "description = 5\n" + PARAMS, "description must be a string"),
    (BASE + "[params]\nduration = 60\n", 'write a duration like "60s"'),
    (BASE + "[params]\nduration = 60.5\n", 'write a duration like "60s"'),
    (BASE + PARAMS + '[sweep]\nrequest_interval = [1, "2s"]\n', 'write a duration like "60s"'),
    (BASE + PARAMS + "[[scenario]]\nname = 'a'\nrequest_interval = 5\n", "write a duration"),
    (BASE + "[params]\nerror_rate = nan\n", "parameter error_rate: nan is not a finite number"),
    (BASE + "[params]\nerror_rate = inf\n", "is not a finite number"),
    (BASE + '[params]\nduration = "1h"\nsample_every = "1ns"\n', "at most 1,000,000 per run"),
    (BASE + '[params]\nduration = "0s"\n', "parameter duration: 0s is below the minimum, 1ns"),
    ('model = "models.zoo.lostcancel"\n\xff\n', "not UTF-8 text"),
    ('model = "simlab_test_raises"\n', "cannot import model 'simlab_test_raises': importing it"),
    ('model = "simlab_test_syntax"\n', "syntax error at simlab_test_syntax.py:2"),
    ('model = "no.such.module"\n', "cannot import model 'no.such.module'"),
    # metric names are checked against what the first run reports, before anything is shown
    (BASE + PARAMS + EVIDENCE.replace("growth_per_min", "growth_per_mn"), "'growth_per_mn'"),
    (BASE + 'columns = ["goroutines_nd"]\n' + PARAMS, "unknown metric 'goroutines_nd'"),
    (
        BASE + PARAMS + '[sweep]\nvariant = ["leaky", "fixed"]\n[plot]\nx = "variant"\n'
        'y = "grwth"\n',
        "plot.y: unknown metric 'grwth'",
    ),
    (
        BASE + PARAMS + '[law]\nexpression = "growth_per_min / contaners"\n',
        "unknown metric or parameter 'contaners'",
    ),
]

ARGS = [
    (["fase6", "--set", "duration=0s"], "parameter duration: 0s is below the minimum, 1ns"),
    (["fase6", "--set", "sample_every=0s"], "parameter sample_every: 0s is below the minimum"),
    (["fase6", "--set", "sample_every=1ns"], "set sample_every to at least 3.6ms"),
    (["workerpool", "--set", "workers=1000000000"], "is above the maximum, 1,000,000"),
    (["fase6", "--set", "containers=1.5"], "parameter containers"),
    (["fase6", "--set", "churn=inf"], "parameter churn: 'inf' is not a finite number"),
    (["fase6", "--set", "churn=nan"], "is not a finite number"),
    (["fase6", "--set", "api_error_rate=nan"], "is not a finite number"),
    (["zoo-lostcancel", "--set", "error_rate=nan"], "is not a finite number"),
    (["fase6", "--strategy", "pct:3:" + "9" * 30], "STEPS at most 1,000,000,000,000"),
    (["fase6", "--strategy", "pct:5000"], "DEPTH at most 1000"),
    (["fase6", "--strategy", "pct:0"], "bad strategy 'pct:0'"),
    (["fase6", "--strategy", ""], "empty strategy; choose fifo, random"),
    (["fase6", "--strategy", "replay:nonsense"], "malformed schedule"),
    (["x" * 300], "unknown experiment 'xxxxxxxx"),
    (["fase6", "--jobs", "100000"], "'--jobs': 100000 is not in the range 1<=x<=256"),
    (["fase6", "--jobs", "0"], "'--jobs'"),
    (["fase3", "--scenario", "nope"], "unknown scenario 'nope'"),
    (["fase6", "--seed", "-1"], "is not in the range x>=0"),
]

OTHER = [
    (["profile", "fase6", "--at", "0s"], "'--at': must be after the start"),
    (["contexts", "fase6", "--at", "0s"], "'--at': must be after the start"),
    (["trace", "fase6", "--until", "0s"], "'--until': must be after the start"),
    (["profile", "fase6", "--at", "1h", "--set", "sample_every=1ns"], "at most 1,000,000"),
    (["explore", "fase6", "--schedules", "1000000000"], "not in the range 1<=x<=1000000"),
    (["explore", "fase6", "--jobs", "100000"], "not in the range 1<=x<=256"),
    (["explore", "fase6", "--strategy", "pct:3:" + "9" * 30], "STEPS at most"),
    (["explore", "fase6", "--strategy", ""], "explore takes --strategy random"),
    (["replay", "fase6", "--seed", "1", "--strategy", ""], "empty strategy"),
    (["replay", "fase6", "--seed", "1", "--digest", "abc"], "expected 64 hex digits"),
    (["replay", "fase6", "--seed", "1", "--schedule", "1:x"], "malformed schedule '1:x'"),
]


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A working directory with two broken model modules beside the bundled ones."""
    (tmp_path / "simlab_test_raises.py").write_text("raise RuntimeError('boom at import')\n")
    (tmp_path / "simlab_test_syntax.py").write_text("x = 1\ndef (:\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(code: int, out: str, err: str, message: str, written) -> None:
    assert code == 2, (code, out, err)
    assert out == "", out
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("simlab: "), err
    assert message in err, err
    assert not written.exists(), "nothing written"


@pytest.mark.parametrize(
    ("text", "message"), FILES, ids=[f"file{i}-{m[:30]}" for i, (_, m) in enumerate(FILES)]
)
def test_malformed_experiment_file(capsys, scratch, text, message):
    path = scratch / "bad.toml"
    path.write_bytes(text.encode("utf-8", "surrogateescape").replace(b"\xc3\xbf", b"\xff"))
    code, out, err = cli(capsys, "run", str(path), "--out", str(scratch / "r"), "--jobs", "1")
    _check(code, out, err, message, scratch / "r")


@pytest.mark.parametrize(("argv", "message"), ARGS, ids=[m[:40] for _, m in ARGS])
def test_bad_run_arguments(capsys, scratch, argv, message):
    code, out, err = cli(capsys, "run", *argv, "--out", str(scratch / "r"))
    _check(code, out, err, message, scratch / "r")


@pytest.mark.parametrize(("argv", "message"), OTHER, ids=[" ".join(a)[:40] for a, _ in OTHER])
def test_bad_arguments_of_other_commands(capsys, scratch, argv, message):
    code, out, err = cli(capsys, *argv)
    _check(code, out, err, message, scratch / "trace.json")
    assert not (scratch / "contexts.png").exists()


def test_set_wins_over_a_scenario_value(capsys, scratch):
    """fase3's first scenario sets cancel_closes_conn = false; --set says true: true it is,
    in every row."""
    import json

    code, out, _ = cli(
        capsys,
        "run",
        "fase3",
        "--json",
        "--no-write",
        "--set",
        "cancel_closes_conn=true",
        "--set",
        "duration=30s",
        "--set",
        "containers=1",
    )
    assert code == 0
    runs = json.loads(out)["runs"]
    assert len({r["scenario"] for r in runs}) > 1
    assert all(r["params"]["cancel_closes_conn"] is True for r in runs)


def test_a_model_maximum_is_refused_up_front(capsys, scratch):
    code, out, err = cli(capsys, "run", "fase6", "--set", "containers=200000", "--no-write")
    _check(
        code, out, err, "parameter containers: 200000 is above the maximum, 100,000", scratch / "r"
    )


def test_metric_names_are_checked_before_any_run(capsys, scratch, monkeypatch):
    """The misspelt metric is refused by a 1-ns probe: the experiment's own runs (a whole
    hour here) never start."""

    def no_runs(*args, **kwargs):
        raise AssertionError("an experiment run started")

    monkeypatch.setattr("simlab.lab.runner.run_experiment", no_runs)
    path = scratch / "bad.toml"
    path.write_text(
        BASE + '[params]\nduration = "1h"\n' + EVIDENCE.replace("growth_per_min", "growth_per_mn")
    )
    code, out, err = cli(capsys, "run", str(path), "--out", str(scratch / "r"))
    _check(
        code,
        out,
        err,
        "unknown metric 'growth_per_mn' (did you mean 'growth_per_min'?)",
        scratch / "r",
    )


@pytest.mark.parametrize("name", ["items", "keys", "values", "get"])
def test_a_parameter_named_like_a_mapping_method_is_refused(name):
    from simlab import Model, Param
    from simlab.errors import SimlabError

    with pytest.raises(SimlabError, match=f"cannot be called '{name}'"):
        Model("m", "a model", (Param(name, 1, "a count"),), main=lambda rt, p, sim: iter(()))
