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


# --- looking at one schedule: --strategy / --schedule, and --at within the run ---

LOST = ["zoo-lost-signal", "--seed", "1", "--set", "duration=3s"]


def test_profile_trace_and_contexts_take_a_schedule(capsys, tmp_path):
    """A schedule as explore prints it runs under profile, trace and contexts; option 1
    at decision 0 (of two ready goroutines) fits the program, option 7 does not."""
    code, out, _ = cli(capsys, "profile", *LOST, "--at", "3s", "--schedule", "0:1")
    assert code == 0 and out.startswith("goroutine profile: total ")
    trace = tmp_path / "t.json"
    code, out, _ = cli(
        capsys, "trace", *LOST, "--until", "3s", "--schedule", "0:1", "--out", str(trace)
    )
    assert code == 0 and json.loads(trace.read_text())["otherData"]["strategy"].startswith("replay")
    code, _, err = cli(capsys, "profile", *LOST, "--at", "3s", "--schedule", "0:7")
    assert code == 2 and "option 7 at decision 0, which has 2 choices" in err
    code, _, err = cli(
        capsys, "contexts", *LOST, "--at", "3s", "--strategy", "fifo", "--schedule", "0:1"
    )
    assert code == 2 and "not both" in err


def test_profile_under_another_strategy(capsys):
    code, fifo, _ = cli(capsys, "profile", *LOST, "--at", "3s", "--strategy", "fifo")
    assert code == 0 and "goroutine profile" in fifo
    code, _, err = cli(capsys, "profile", *LOST, "--at", "3s", "--strategy", "chaos")
    assert code == 2 and "unknown strategy 'chaos'" in err


@pytest.mark.parametrize("command", ["profile", "contexts", "trace"])
def test_an_instant_after_the_experiment_is_refused(capsys, tmp_path, command):
    """zoo-lost-signal runs 1 minute: the program is told to stop then, so 2h is refused."""
    option = "--until" if command == "trace" else "--at"
    out = [] if command == "profile" else ["--out", str(tmp_path / "x")]
    code, printed, err = cli(capsys, command, "zoo-lost-signal", option, "2h", *out)
    assert code == 2 and printed == "" and err.count("\n") == 1
    assert f"{option} 2h0m0s is after the end of zoo-lost-signal (1m0s" in err
    assert not (tmp_path / "x").exists()


def test_contexts_without_match_draws_a_readable_picture(capsys, tmp_path):
    """Five containers at 12 minutes hold 5 x 6 = 30 leaf contexts (three streamCtx
    and three readerCtx each): more than the 24 drawn; the picture stays at most 30
    inches (3,300 pixels) wide and the command says what it left out."""
    import struct

    png = tmp_path / "c.png"
    code, out, _ = cli(
        capsys, "contexts", "fase6", "--at", "12m", "--set", "containers=5", "--out", str(png)
    )
    assert code == 0
    assert "more left out (--match NAME picks which)" in out
    width, _ = struct.unpack(">II", png.read_bytes()[16:24])
    assert width <= 3300


def test_a_threshold_is_labelled_as_one(capsys, tmp_path):
    path = tmp_path / "limit.toml"
    path.write_text(
        'model = "models.zoo.lostcancel"\n[params]\nduration = "1m"\nvariant = "fixed"\n'
        '[[evidence]]\nname = "growth"\nmetric = "growth_per_min"\nobserved = 2.0\n'
        "range = [-inf, 2.0]\n"
    )
    code, out, _ = cli(capsys, "run", str(path), "--no-write")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("  growth"))
    assert "at most      2.00" in line and "observed" not in line


def test_a_slope_that_is_noise_is_said_to_be(capsys):
    """zoo-forgotten-sender's fix leaks nothing (nothing is left after shutdown), so
    its growth is noise; the leaky variant leaks a goroutine per timed-out query."""
    code, out, _ = cli(capsys, "run", "zoo-forgotten-sender", "--no-write")
    assert code == 0
    notes = [line for line in out.splitlines() if "not distinguishable from no growth" in line]
    assert len(notes) == 1 and "variant=fixed" in notes[0] and "leaky" not in notes[0]


# --- plots ---


def _rows(exp):
    from simlab.lab.runner import run_experiment

    return run_experiment(exp, jobs=1, progress=False)


def _legend(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_time_plot_of_a_program_without_fds_has_no_fd_panel():
    from simlab.lab.experiment import load_experiment
    from simlab.lab.plots import _time_plot

    exp = load_experiment("zoo-lost-signal").with_overrides({"duration": "20s"}, None)
    fig = _time_plot(exp, _rows(exp))
    assert len(fig.axes) == 1 and fig.axes[0].get_ylabel() == "goroutines"
    assert _legend(fig.axes[0]) == ["variant=leaky", "variant=fixed"]


def test_time_plot_tells_seeds_apart_and_draws_the_evidence(tiny):
    """tiny: two parameter sets x seeds 1 and 2, FDs (log connections), and an
    observed growth per minute."""
    from simlab.lab.experiment import load_experiment
    from simlab.lab.plots import _time_plot

    exp = load_experiment(str(tiny))
    fig = _time_plot(exp, _rows(exp))
    goroutines, fds = fig.axes
    assert fds.get_ylabel() == "open file descriptors"
    for ax in (goroutines, fds):
        legend = _legend(ax)
        assert legend[0] == "reader_parent=app"
        assert legend[1].startswith("reader_parent=stream")
        assert {"seed 1", "seed 2"} <= set(legend)
    assert "the review's figures: growth per minute" in _legend(goroutines)
    styles = {line.get_linestyle() for line in goroutines.get_lines() if line.get_xdata().size}
    assert {"-", "--"} <= styles  # seed 1 solid, seed 2 dashed


def test_metric_plot_has_units_and_the_law(tmp_path):
    from simlab.lab.experiment import load_experiment
    from simlab.lab.plots import _metric_plot

    path = tmp_path / "sweep.toml"
    path.write_text(
        'model = "models.logmonitor"\n[params]\nduration = "3m"\nreader_parent = "app"\n'
        'reader_on_error = "retry"\nwait_reader = "skip"\n'
        '[sweep]\ncontainers = [1, 2]\nrotation_interval = ["30s", "1m"]\n'
        '[plot]\nx = "containers"\nseries = "rotation_interval"\n'
        '[law]\nexpression = "growth_per_min * rotation_interval_min / containers"\n'
    )
    exp = load_experiment(str(path))
    fig = _metric_plot(exp, _rows(exp))
    ax = fig.axes[0]
    assert ax.get_ylabel() == "growth/min (goroutines per minute)"
    legend = _legend(ax)
    assert legend[:2] == ["rotation_interval = 30s", "rotation_interval = 1m0s"]
    assert any(t.startswith("law, dashed: growth_per_min * rotation_interval_min") for t in legend)
    dashed = [
        line for line in ax.get_lines() if line.get_linestyle() == "--" and line.get_xdata().size
    ]
    assert len(dashed) == 2  # one per rotation interval


def test_list_aligns_each_sections_descriptions_past_its_longest_name(capsys) -> None:
    code, out, _ = cli(capsys, "list")
    assert code == 0
    for section in out.split("\n\n"):
        rows = [line for line in section.splitlines() if line.startswith("  ")]
        names = [line.split()[0] for line in rows]
        assert names
        pairs = zip(rows, names, strict=True)
        starts = {len(line) - len(line[2 + len(n) :].lstrip()) for line, n in pairs}
        assert starts == {2 + max(map(len, names)) + 2}, section


def test_the_process_skips_the_exit_collection_and_a_caller_keeps_its_collector(monkeypatch):
    """As the ``simlab`` process (no argv), main freezes what the run left, so that
    Python's exit does not walk it; called with argv, as here in tests, it does not."""
    import gc

    from simlab.cli import main

    gc.unfreeze()
    main(["list"])
    assert gc.get_freeze_count() == 0
    monkeypatch.setattr("sys.argv", ["simlab", "list"])
    try:
        main()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
