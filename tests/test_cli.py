"""The command line: what users type, what they get back, and how bad input fails.

Bad input is one line on stderr naming the problem and the choices, exit status
2, nothing written.
"""

import json

import pytest

from tests.conftest import invoke as cli

TINY = """
description = "two containers for two minutes"
model = "models.logmonitor"
seeds = [1, 2]
strategy = "random"
evidence_title = "the review's figures"

[params]
containers = 2
duration = "2m"
rotation_interval = "30s"
reader_on_error = "retry"
wait_reader = "skip"

[sweep]
reader_parent = ["app", "stream"]

[[evidence]]
name = "growth per minute"
metric = "growth_per_min"
observed = 4.0
tolerance = 0.5
"""


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_text(TINY)
    return path


BAD = [
    (["run", "no-such-experiment"], "unknown experiment 'no-such-experiment'; available: "),
    (["run", "fase6", "--set", "nope=1"], "unknown parameter 'nope' for model logmonitor; known:"),
    (["run", "fase6", "--set", "duration=-5m"], "parameter duration: negative duration -5m0s"),
    (["run", "fase6", "--set", "duration=5x"], 'unknown unit "x" in duration "5x"'),
    (["run", "fase6", "--set", "wait_reader=maybe"], "is not one of block, timeout, skip"),
    (["run", "fase6", "--set", "containers"], "expected KEY=VALUE"),
    (["run", "fase6", "--strategy", "chaos"], "unknown strategy 'chaos'; choose fifo, random"),
    (["run", "fase6", "--seed", "-1"], "-1 is not in the range x>=0"),
    (["profile", "fase6", "--at", "-3m"], "negative duration"),
    (["nosuchcommand"], "No such command 'nosuchcommand'"),
]


@pytest.mark.parametrize(("argv", "message"), BAD)
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path, argv, message):
    code, out, err = cli(
        capsys, *argv, *(["--out", str(tmp_path / "r")] if argv[0] == "run" else [])
    )
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("simlab: ")
    assert message in err
    assert not (tmp_path / "r").exists()  # nothing written


def test_malformed_toml_names_the_file(capsys, tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('model = "models.logmonitor"\n[params\n')
    code, _, err = cli(capsys, "run", str(path), "--out", str(tmp_path / "r"))
    assert code == 2 and err.startswith("simlab: broken.toml: malformed TOML")
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('colour = "blue"\n', "unknown key 'colour'; valid keys: description, scenario, model"),
        ("[sweep]\ncontainers = 3\n", "sweep.containers must be a non-empty list"),
        ("seeds = [-2]\n", "seeds must be a non-empty list of non-negative integers"),
        ('[[evidence]]\nname = "x"\nobserved = 1\n', "needs a metric or an expression"),
        ("evidence_title = 3\n", "evidence_title must be a string"),
    ],
)
def test_malformed_experiment_files(capsys, tmp_path, extra, message):
    path = tmp_path / "bad.toml"
    path.write_text('model = "models.logmonitor"\n' + extra)
    code, _, err = cli(capsys, "run", str(path), "--no-write")
    assert code == 2 and message in err, err


def test_run_prints_table_and_evidence_and_writes_results(capsys, tiny, tmp_path):
    code, out, err = cli(capsys, "run", str(tiny), "--out", str(tmp_path / "results"))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "tiny: two containers for two minutes"
    header = next(line for line in lines if "growth/min" in line)
    assert header.split()[0] == "reader_parent"
    assert any(line.strip().startswith("app ") for line in lines)
    assert any(line.strip().startswith("stream ") for line in lines)
    assert "evidence (the review's figures):" in out
    written = tmp_path / "results" / "tiny"
    assert {p.name for p in written.iterdir()} == {"samples.csv", "summary.json", "plot.png"}
    assert (written / "plot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    header = (written / "samples.csv").read_text().splitlines()[0].split(",")
    assert header[:5] == ["row", "seed", "reader_parent", "t_s", "goroutines"]


REQUIRED_METRICS = {
    "growth_per_min",
    "leaked_per_rotation",
    "goroutines_end",
    "goroutines_by_name_end",
    "fds_end",
    "live_contexts_end",
    "rotations",
    "stalled_containers",
    "lines_produced",
    "lines_delivered",
    "lines_lost",
    "goroutines_after_shutdown",
    "fds_after_shutdown",
}


def test_json_output_has_the_documented_shape(capsys, tiny):
    code, out, _ = cli(capsys, "run", str(tiny), "--json", "--no-write")
    assert code == 0
    data = json.loads(out)
    assert data["experiment"] == "tiny"
    assert len(data["runs"]) == 4  # two parameter sets x two seeds
    for run in data["runs"]:
        assert {"params", "seed", "metrics"} <= set(run)
        assert set(run["metrics"]) >= REQUIRED_METRICS
        assert run["params"]["containers"] == 2
    names = run["metrics"]["goroutines_by_name_end"]
    assert names["main"] == 1 and names["heartbeat"] == 2
    for ev in data["evidence"]:
        assert {"name", "observed", "simulated", "match"} <= set(ev)
        assert isinstance(ev["match"], bool)


def test_seed_and_set_override_the_file(capsys, tiny):
    _, out, _ = cli(
        capsys,
        "run",
        str(tiny),
        "--json",
        "--no-write",
        "--seed",
        "7",
        "--set",
        "reader_parent=stream",
    )
    data = json.loads(out)
    assert [r["seed"] for r in data["runs"]] == [7]
    assert data["runs"][0]["params"]["reader_parent"] == "stream"


def test_same_seed_same_results_whatever_the_jobs(capsys, tiny):
    _, one, _ = cli(capsys, "run", str(tiny), "--json", "--no-write", "--jobs", "1")
    _, two, _ = cli(capsys, "run", str(tiny), "--json", "--no-write", "--jobs", "2")
    digests = lambda out: [r["digest"] for r in json.loads(out)["runs"]]  # noqa: E731
    assert digests(one) == digests(two)


def test_list_names_experiments_and_models(capsys):
    code, out, _ = cli(capsys, "list")
    assert code == 0
    for name in ("fase3", "fase6", "fase6-fixed", "hypotheses", "scaling", "shutdown"):
        assert f"  {name} " in out
    assert "models.logmonitor" in out


def test_profile_shows_the_leaked_reader_where_the_review_points(capsys):
    """At 12 minutes a container of fase6 has rotated twice; the readers of the
    first two streams are leaked, created at L958 and blocked in L981-986."""
    code, out, _ = cli(
        capsys, "profile", "fase6", "--at", "12m", "--set", "containers=1", "--debug", "2"
    )
    assert code == 0
    blocks = out.split("\n\n")
    leaked = [b for b in blocks if "readLogs.func1" in b and "[select, " in b]
    assert len(leaked) == 2
    for block in leaked:
        assert "main.(*ContainerManager).readLogs.func1(...)\n\tcontainer_manager.go:981" in block
        assert "created by main.(*ContainerManager).readLogs in goroutine" in block
        assert "\tcontainer_manager.go:958" in block
