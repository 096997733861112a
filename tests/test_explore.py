"""simlab explore and simlab replay, as a user runs them."""

import json
import shlex

import pytest

from simlab.lab import explore as explore_module
from simlab.lab import runner
from simlab.lab.experiment import load_experiment
from simlab.lab.explore import _ddmin, explore
from tests.conftest import invoke as cli

SMALL = ("--set", "containers=3", "--set", "rotation_interval=30s", "--set", "duration=100s")
REAL_BATCH = explore_module._explore_batch


@pytest.fixture(autouse=True)
def _in_a_scratch_directory(tmp_path, monkeypatch):
    """explore streams its outcomes under results/ by default: not into the checkout."""
    monkeypatch.chdir(tmp_path)


def test_explore_the_fix_finds_nothing_and_exits_0(capsys):
    code, out, _ = cli(capsys, "explore", "fase6-fixed", *SMALL, "--schedules", "300")
    assert code == 0
    assert 'configuration: scenario "real net/http"; containers=3' in out
    assert out.count("held in all 300 schedules") == 5
    assert "every property held (300 schedules" in out


def test_explore_the_bug_reports_replays_and_exits_1(capsys):
    code, out, _ = cli(capsys, "explore", "fase6", *SMALL, "--schedules", "40", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["schedules"] == 40
    props = data["properties"]
    assert props["one stream per container"]["failed"] == 40
    assert props["no deadlock"]["failed"] == 0
    first = data["failing_seeds"][0]
    command = data["replay"][0]
    assert command.startswith(f"simlab replay fase6 --seed {first} --strategy random")
    code, out, _ = cli(capsys, *shlex.split(command)[1:], "--json")
    assert code == 1
    assert json.loads(out)["digest"] == data["digests"][str(first)]


def test_the_as_written_leak_shrinks_to_fifo(capsys):
    """The leak does not depend on the interleaving: the shrinker cuts the failing
    random schedule down to no deviation from fifo at all."""
    code, out, _ = cli(capsys, "explore", "fase6", *SMALL, "--schedules", "4")
    assert code == 1
    assert 'shrunk: "one stream per container" still breaks under fifo at every decision' in out
    assert "replay: simlab replay fase6 --seed 0 --schedule fifo" in out
    assert "goroutines at that moment:" in out
    assert "leak oracles" in out


def test_explore_bad_input_exits_2(capsys):
    assert cli(capsys, "explore", "fase6", "--strategy", "fifo")[0] == 2
    assert cli(capsys, "explore", "nope")[0] == 2
    code, _, err = cli(capsys, "explore", "fase6", "--scenario", "x")
    assert code == 2 and "unknown scenario 'x'" in err


def test_results_do_not_depend_on_the_number_of_workers():
    exp = load_experiment("fase6-fixed").with_overrides(
        {"containers": "2", "rotation_interval": "20s", "duration": "50s"}, None
    )
    one = explore(exp, 24, "random", jobs=1, progress=False)
    two = explore(exp, 24, "random", jobs=2, progress=False)
    assert [o.digest for o in one.outcomes] == [o.digest for o in two.outcomes]


def test_pct_strategy_explores_too():
    exp = load_experiment("fase6-fixed").with_overrides(
        {"containers": "2", "rotation_interval": "20s", "duration": "50s"}, None
    )
    result = explore(exp, 16, "pct:2", jobs=1, progress=False)
    assert result.ok()
    assert len({o.digest for o in result.outcomes}) > 1


@pytest.mark.parametrize(
    ("culprits", "size"), [({3, 7}, 12), ({0}, 5), ({9}, 10), ({1, 2, 5, 8}, 40)]
)
def test_ddmin_finds_a_minimal_failing_subset(culprits, size):
    """Delta debugging keeps exactly the elements whose presence makes it fail."""
    calls = []

    def fails(items):
        calls.append(len(items))
        return culprits <= set(items)

    assert sorted(_ddmin(list(range(size)), fails)) == sorted(culprits)


# --- the configuration, rows, seeds, stopping early, streams (issue 12) ----------

# error paths taken at random (the faults stream): some schedules leak, most do not
PARTIAL = ("zoo-abandoned-receiver", "--set", "error_rate=0.05", "--set", "duration=10s")
SWEPT = """
description = "the abandoned receiver with and without errors"
model = "models.zoo.abandoned_receiver"

[params]
duration = "10s"

[sweep]
error_rate = [0.0, 0.3]
"""


def _search(capsys, *args: str) -> tuple[int, dict, str]:
    code, out, err = cli(capsys, "explore", *args, "--json", "--jobs", "1")
    return code, json.loads(out), err


def test_the_configuration_is_printed_before_the_search(capsys, monkeypatch):
    _, data, err = _search(capsys, *PARTIAL, "--schedules", "4", "--no-stream")
    assert data["schedules"] == 4  # stdout is the JSON object alone; the header went to stderr
    assert "configuration: error_rate=0.05 duration=10s" in err
    real = explore_module._explore_batch

    def batch(*args):
        print("A BATCH RAN")
        return real(*args)

    monkeypatch.setattr(explore_module, "_explore_batch", batch)
    code, out, _ = cli(capsys, "explore", *PARTIAL, "--schedules", "8", "--jobs", "1")
    assert code in (0, 1)
    first = out.index("A BATCH RAN")
    assert out.index("simlab explore zoo-abandoned-receiver: 8 schedules") < first
    assert out.index("configuration: error_rate=0.05 duration=10s") < first
    assert out.index("seeds: a schedule's seed sets its interleaving, its workload") < first
    assert out.index("outcomes: results/explore/zoo-abandoned-receiver-") < first


def test_row_chooses_a_row_of_a_swept_experiment(capsys, tmp_path):
    path = tmp_path / "swept.toml"
    path.write_text(SWEPT)
    # no request takes the error path: no receiver is ever abandoned
    code, data, err = _search(capsys, str(path), "--schedules", "10", "--no-stream")
    assert code == 0 and data["row"] == 1 and data["params"]["error_rate"] == "0.0"
    assert "row 1 of 2 (choose another with --row N" in err
    code, data, err = _search(capsys, str(path), "--row", "2", "--schedules", "10", "--no-stream")
    assert code == 1 and data["row"] == 2 and "error_rate=0.3" in err
    assert "--set error_rate=0.3" in data["replay"][0]  # replay runs the same row
    seed = data["failing_seeds"][0]
    code, out, _ = cli(capsys, *shlex.split(data["replay"][0])[1:], "--json")
    assert code == 1 and json.loads(out)["digest"] == data["digests"][str(seed)]
    code, out, err = cli(capsys, "explore", str(path), "--row", "3")
    assert code == 2 and out == "" and err.count("\n") == 1 and "has 2 rows" in err


def test_workload_seed_fixes_the_faults_while_the_schedule_varies(capsys):
    _, free, _ = _search(capsys, *PARTIAL, "--schedules", "30", "--no-stream", "--no-shrink")
    leaky = free["failing_seeds"]
    assert 0 < len(leaky) < 30
    calm = next(s for s in range(30) if s not in leaky)
    # the leak follows the error path, a fault: with one seed's faults in every
    # schedule, either every schedule leaks or none does
    code, fixed, err = _search(
        capsys, *PARTIAL, "--schedules", "30", "--workload-seed", str(leaky[0]), "--no-stream"
    )
    assert code == 1 and fixed["failing_seeds"] == list(range(30))
    assert f"the workload and faults are those of seed {leaky[0]} in every schedule" in err
    assert len(set(fixed["digests"].values())) > 1  # the interleavings still differ
    assert f"--workload-seed {leaky[0]}" in fixed["replay"][0]
    code, out, _ = cli(capsys, *shlex.split(fixed["replay"][1])[1:], "--json")
    assert json.loads(out)["digest"] == fixed["digests"]["1"]
    code, quiet, _ = _search(
        capsys, *PARTIAL, "--schedules", "30", "--workload-seed", str(calm), "--no-stream"
    )
    assert code == 0 and quiet["failing_seeds"] == []


def test_fail_fast_stops_at_the_first_failure(capsys):
    _, full, _ = _search(capsys, *PARTIAL, "--schedules", "40", "--no-stream", "--no-shrink")
    first = full["failing_seeds"][0]
    code, out, _ = cli(
        capsys, "explore", *PARTIAL, "--schedules", "40", "--jobs", "1", "--fail-fast",
        "--no-stream",
    )  # fmt: skip
    assert code == 1
    assert f"stopped at the first failure: {first + 1} of 40 schedules" in out
    assert f"first failing schedule: seed {first}" in out
    assert "shrunk:" in out


def test_a_time_budget_decides_how_many_schedules_run(capsys):
    code, out, _ = cli(
        capsys, "explore", *PARTIAL, "--schedules", "20", "--max-time", "1ns", "--no-stream"
    )
    assert code == 0
    assert "stopped after the time budget: 0 of 20 schedules" in out
    code, _, err = cli(capsys, "explore", *PARTIAL, "--max-time", "0s")
    assert code == 2 and "--max-time" in err


def _stopped_at_seed_20(model_name, values, seeds, strategy, *options):
    if max(seeds) >= 20:
        raise KeyboardInterrupt
    return REAL_BATCH(model_name, values, seeds, strategy, *options)


def test_an_interrupted_search_is_resumed_from_its_stream(capsys, monkeypatch, tmp_path):
    stream = tmp_path / "s.jsonl"
    args = (*PARTIAL, "--schedules", "40", "--no-shrink")
    _, full, _ = _search(capsys, *args, "--no-stream")
    monkeypatch.setattr(explore_module, "_explore_batch", _stopped_at_seed_20)
    code, _, err = cli(capsys, "explore", *args, "--jobs", "1", "--stream", str(stream))
    assert code == 130 and f"--resume {stream}" in err
    lines = stream.read_text().splitlines()
    header = json.loads(lines[0])
    assert header["experiment"] == "zoo-abandoned-receiver" and header["strategy"] == "random"
    assert sorted(json.loads(x)["seed"] for x in lines[1:]) == list(range(20))
    monkeypatch.undo()
    with stream.open("a") as f:
        f.write('{"seed": 21, "failed": [], "dig')  # a line a crash cut short
    code, resumed, err = _search(capsys, *args, "--resume", str(stream))
    assert resumed["resumed"] == 20 and "(20 schedules read back)" in err
    assert resumed["failing_seeds"] == full["failing_seeds"]
    assert resumed["digests"] == full["digests"]
    lines = stream.read_text().splitlines()
    assert sorted(json.loads(x)["seed"] for x in lines[1:]) == list(range(40))


def test_resume_refuses_a_stream_of_another_search(capsys, tmp_path):
    stream = tmp_path / "s.jsonl"
    cli(capsys, "explore", *PARTIAL, "--schedules", "5", "--stream", str(stream), "--no-shrink")
    before = stream.read_bytes()
    for other in (
        ("--set", "error_rate=0.06"),
        ("--strategy", "pct"),
        ("--workload-seed", "3"),
    ):
        code, out, err = cli(
            capsys, "explore", *PARTIAL, *other, "--schedules", "9", "--resume", str(stream)
        )
        assert code == 2 and out == "" and err.count("\n") == 1, err
        assert "holds another search" in err
    assert (
        "error_rate=0.05, not error_rate=0.06"
        in cli(capsys, "explore", *PARTIAL, "--set", "error_rate=0.06", "--resume", str(stream))[2]
    )
    assert stream.read_bytes() == before


def test_a_stream_has_one_writer_and_never_replaces_another_file(capsys, tmp_path):
    import fcntl

    stream = tmp_path / "s.jsonl"
    stream.write_text("")
    with stream.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        code, _, err = cli(capsys, "explore", *PARTIAL, "--stream", str(stream))
    assert code == 2 and "another simlab explore is writing it" in err
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    code, _, err = cli(capsys, "explore", *PARTIAL, "--stream", str(notes))
    assert code == 2 and "not a simlab explore stream" in err
    assert notes.read_text() == "my notes\n"


def test_progress_counts_failures_and_its_eta_is_the_average_rate(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(runner.time, "monotonic", lambda: clock[0])
    bar = runner._Progress(200, "simlab explore x", enabled=False, unit="schedules")
    clock[0] = 110.0
    bar.advance(50, failed=2)
    bar.advance(80, failed=1)
    # 80 schedules in 10 s: the other 120 take 15 s at that rate
    assert bar.line(clock[0]).split("  ")[2:] == [
        " 40%",
        "80/200 schedules",
        "failures: 3",
        "eta 00:15",
    ]
