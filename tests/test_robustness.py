"""Nothing lost, nothing hung (issue 13): results, interrupts, workers, identity, memory.

* ``results/NAME`` is swapped in atomically: two runs at once leave one complete
  result, a run killed at any step leaves the previous one, stale versions go.
* The destination is checked before anything runs; a failure to write prints the
  table anyway, says so in one line, leaves nothing partial, and exits 3.
* Ctrl-C stops within a second and says what finished; a second one never hangs;
  workers never outlive simlab; a worker killed mid-task is retried once, then
  reported as an infrastructure error (exit 3) with every other run kept.
* The digest identifies the program and its parameters; a replay that does not
  match refuses to go on.
* Memory follows what is alive, not the elapsed time.
"""

from __future__ import annotations

import errno
import gc
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simlab.lab import explore as explore_module
from simlab.lab import pool as pool_module
from simlab.lab import publish, report, runner
from simlab.lab.experiment import load_experiment
from simlab.lab.pool import LocalPool, WorkerDied, cores
from simlab.lab.report import summary, write_results
from simlab.lab.runner import run_experiment
from simlab.lab.simulation import run_model
from tests.conftest import invoke as cli

TINY = """
description = "a tiny experiment"
model = "models.zoo.lostcancel"
seeds = [1, 2, 3]

[params]
duration = "1m"
"""

# about two seconds a run: long enough to interrupt in the middle
SLOW = """
description = "four long runs"
model = "models.logmonitor"
seeds = [1, 2, 3, 4]

[params]
containers = 40
duration = "3h"
reader_on_error = "retry"
wait_reader = "skip"
"""

FORK = multiprocessing.get_context("fork")
REAL_TASK = runner._run_task
REAL_BATCH = explore_module._explore_batch


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_text(TINY)
    return path


def _simlab(*argv: str, cwd: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "simlab", *argv],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_workers(pid: int, count: int, timeout: float = 30.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = _children(pid)
        if len(workers) >= count:
            time.sleep(0.3)  # let them take their tasks
            return workers
        time.sleep(0.05)
    raise AssertionError(f"simlab started fewer than {count} workers in {timeout} s")


def _gone(pids: list[int], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(_alive(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


def _complete(folder: Path) -> dict:
    assert {p.name for p in folder.iterdir()} == {"samples.csv", "summary.json", "plot.png"}
    return json.loads((folder / "summary.json").read_text())


def _versions(root: Path, name: str) -> set[str]:
    return {p.name for p in (root / f".{name}.versions").iterdir()} - {".lock"}


# --- results/NAME: atomic, concurrent, crash-proof -----------------------------------


def _results(path: Path, seed: int):
    exp = load_experiment(str(path)).with_overrides({}, seed)
    rows = run_experiment(exp, jobs=1, progress=False)
    return exp, rows, summary(exp, rows)


def _quick_plot(exp, rows, path):
    path.write_bytes(b"\x89PNG\r\n\x1a\n")


def _write_after(barrier, made, root):
    barrier.wait()
    write_results(*made, root)


def test_twenty_pairs_of_writers_at_once_leave_one_complete_result(tiny, tmp_path, monkeypatch):
    monkeypatch.setattr("simlab.lab.plots.plot_experiment", _quick_plot)
    made = {seed: _results(tiny, seed) for seed in (1, 2)}
    root = tmp_path / "results"
    for _ in range(20):
        barrier = FORK.Barrier(2)
        procs = [FORK.Process(target=_write_after, args=(barrier, made[s], root)) for s in (1, 2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(30)
        assert [p.exitcode for p in procs] == [0, 0]
        data = _complete(root / "tiny")
        assert [r["seed"] for r in data["runs"]] in ([1], [2])
        assert _versions(root, "tiny") == {os.readlink(root / "tiny").split("/")[-1]}


def test_two_simlab_runs_at_once_both_succeed(tiny, tmp_path):
    root = tmp_path / "results"
    for _ in range(2):
        procs = [
            _simlab(
                "run", str(tiny), "--seed", str(s), "--jobs", "1", "--out", str(root), cwd=tmp_path
            )
            for s in (1, 2)
        ]
        outs = [p.communicate(timeout=120) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outs
        assert all("wrote " in out for out, _ in outs)
        data = _complete(root / "tiny")
        assert [r["seed"] for r in data["runs"]] in ([1], [2])
    assert _versions(root, "tiny") == {os.readlink(root / "tiny").split("/")[-1]}


def _write_and_pause_at(step, conn, made, root):
    def pause(at):
        if at == step:
            conn.send("paused")
            time.sleep(60)

    publish._checkpoint = pause
    write_results(*made, root)


@pytest.mark.parametrize(
    "step", ["samples.csv", "summary.json", "plot.png", "written", "linked", "published"]
)
def test_a_run_killed_while_writing_leaves_complete_results(tiny, tmp_path, monkeypatch, step):
    monkeypatch.setattr("simlab.lab.plots.plot_experiment", _quick_plot)
    old, new = _results(tiny, 1), _results(tiny, 2)
    root = tmp_path / "results"
    write_results(*old, root)
    here, there = FORK.Pipe()
    child = FORK.Process(target=_write_and_pause_at, args=(step, there, new, root))
    child.start()
    assert here.poll(30) and here.recv() == "paused"
    os.kill(child.pid, signal.SIGKILL)
    child.join(10)
    seeds = [r["seed"] for r in _complete(root / "tiny")["runs"]]
    assert seeds == ([2] if step == "published" else [1])
    write_results(*old, root)  # the next run cleans up what the killed one left
    assert [r["seed"] for r in _complete(root / "tiny")["runs"]] == [1]
    current = os.readlink(root / "tiny").split("/")[-1]
    assert _versions(root, "tiny") == {current}


def test_results_of_an_older_simlab_are_replaced(tiny, tmp_path, monkeypatch):
    monkeypatch.setattr("simlab.lab.plots.plot_experiment", _quick_plot)
    root = tmp_path / "results"
    (root / "tiny").mkdir(parents=True)
    (root / "tiny" / "summary.json").write_text("{}")
    write_results(*_results(tiny, 1), root)
    assert (root / "tiny").is_symlink()
    _complete(root / "tiny")
    assert len(_versions(root, "tiny")) == 1


# --- the destination, checked first; the table whatever happens to the files --------


def _no_simulation(*args, **kwargs):
    raise AssertionError("the destination must be checked before anything runs")


def _unwritable(tmp_path: Path) -> list[Path]:
    (tmp_path / "file").write_text("a file, not a folder")
    if os.geteuid() == 0:  # root writes into any mode-555 folder: a read-only filesystem
        read_only = Path("/sys/kernel/simlab-test")
    else:
        read_only = tmp_path / "ro"
        read_only.mkdir(mode=0o555)
    return [tmp_path / "file" / "results", Path("/proc/simlab-test"), read_only / "results"]


def test_an_unwritable_destination_is_refused_before_running(capsys, tiny, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "run_model", _no_simulation)
    monkeypatch.setattr(runner, "LocalPool", _no_simulation)
    for out in _unwritable(tmp_path):
        code, printed, err = cli(capsys, "run", str(tiny), "--out", str(out))
        assert code == 2, err
        assert printed == ""
        assert err.count("\n") == 1 and f"simlab: --out {out}: cannot write results there" in err
    for out in ("file/trace.json", "/proc/simlab-test/trace.json"):
        code, _, err = cli(capsys, "trace", "zoo-lostcancel", "--out", str(tmp_path / out))
        assert code == 2 and "cannot write there" in err, err


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_still_prints_the_table_and_leaves_nothing_partial(
    capsys, tiny, tmp_path, monkeypatch
):
    monkeypatch.setattr(report, "_write_samples", _disk_full)
    root = tmp_path / "results"
    code, out, err = cli(capsys, "run", str(tiny), "--out", str(root), "--jobs", "1")
    assert code == 3
    assert out.startswith("tiny: a tiny experiment") and "growth/min" in out
    assert "wrote" not in out
    assert err == (
        "simlab: infrastructure error: results were not written (No space left on device); "
        f"{root}/tiny was not made\n"
    )
    assert not root.exists()
    # with earlier results there, they stay as they were
    monkeypatch.undo()
    monkeypatch.setattr("simlab.lab.plots.plot_experiment", _quick_plot)
    assert cli(capsys, "run", str(tiny), "--out", str(root), "--seed", "1")[0] == 0
    monkeypatch.setattr(report, "_write_samples", _disk_full)
    code, _, err = cli(capsys, "run", str(tiny), "--out", str(root), "--seed", "2")
    assert code == 3 and "still holds the previous ones" in err
    assert [r["seed"] for r in _complete(root / "tiny")["runs"]] == [1]
    assert len(_versions(root, "tiny")) == 1


# --- interrupts and workers ---------------------------------------------------------


@pytest.fixture
def slow(tmp_path):
    path = tmp_path / "slow.toml"
    path.write_text(SLOW)
    return path


def _start_slow(slow, tmp_path, **kw):
    proc = _simlab(
        "run", str(slow), "--jobs", "2", "--out", str(tmp_path / "r"), cwd=tmp_path, **kw
    )
    workers = _wait_for_workers(proc.pid, min(2, cores()))
    return proc, workers


def test_ctrl_c_stops_within_a_second_and_says_what_finished(slow, tmp_path):
    proc, workers = _start_slow(slow, tmp_path, start_new_session=True)
    start = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - start < 1.5
    assert proc.returncode == 130
    assert err.startswith("simlab: interrupted: 0 of 4 runs had finished; nothing written"), err
    assert "Traceback" not in err
    assert _gone(workers)
    assert not (tmp_path / "r").exists()


def test_a_second_ctrl_c_never_hangs(slow, tmp_path):
    proc, workers = _start_slow(slow, tmp_path, start_new_session=True)
    start = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    proc.communicate(timeout=30)
    assert time.monotonic() - start < 2
    # 130 from simlab, or killed by the second SIGINT if it came as Python was exiting
    assert proc.returncode in (130, -signal.SIGINT)
    assert _gone(workers)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_never_outlive_simlab(slow, tmp_path, sig):
    """simlab's output read through a pipe (``simlab run ... | cat``) ends when simlab is
    killed: no worker keeps it open, none is left running."""
    proc, workers = _start_slow(slow, tmp_path)
    assert workers or cores() == 1
    os.kill(proc.pid, sig)
    _, err = proc.communicate(timeout=10)  # a pipe left open by a worker would hang here
    assert proc.returncode == (-9 if sig == signal.SIGKILL else 143)
    if sig == signal.SIGTERM:
        assert err.startswith("simlab: terminated: 0 of 4 runs had finished"), err
    assert _gone(workers)


def _dies_once_on_seed_2(model_name, values, seed, strategy, leak_check):
    marker = Path(os.environ["SIMLAB_TEST_MARKERS"]) / f"seed{seed}"
    if seed == 2 and not marker.exists():
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_TASK(model_name, values, seed, strategy, leak_check)


def _always_dies_on_seed_2(model_name, values, seed, strategy, leak_check):
    if seed == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_TASK(model_name, values, seed, strategy, leak_check)


@pytest.fixture
def two_cores(monkeypatch, tmp_path):
    """Worker processes even on a machine of one core."""
    for module in ("simlab.lab.pool", "simlab.lab.runner", "simlab.cli"):
        monkeypatch.setattr(f"{module}.cores", lambda: 2)
    monkeypatch.setenv("SIMLAB_TEST_MARKERS", str(tmp_path))


def test_a_killed_worker_is_retried_once(capsys, tiny, monkeypatch, two_cores):
    _, expected, _ = cli(capsys, "run", str(tiny), "--json", "--no-write", "--jobs", "1")
    monkeypatch.setattr(runner, "_run_task", _dies_once_on_seed_2)
    code, out, err = cli(capsys, "run", str(tiny), "--json", "--no-write", "--jobs", "2")
    assert code == 0, err
    assert json.loads(out) == json.loads(expected)


def test_a_worker_that_dies_twice_is_an_infrastructure_error(
    capsys, tiny, tmp_path, monkeypatch, two_cores
):
    monkeypatch.setattr(runner, "_run_task", _always_dies_on_seed_2)
    root = tmp_path / "r"
    code, out, err = cli(capsys, "run", str(tiny), "--json", "--out", str(root), "--jobs", "2")
    assert code == 3
    runs = {r["seed"]: r for r in json.loads(out)["runs"]}
    assert runs[2]["error"] == "infrastructure error: worker process killed by SIGKILL, twice"
    assert runs[1]["error"] is None and runs[3]["error"] is None  # nothing else lost
    assert runs[1]["metrics"] and runs[3]["metrics"]
    assert err == (
        "simlab: infrastructure error: 1 of 3 runs were lost (infrastructure error: worker "
        "process killed by SIGKILL, twice); results not written\n"
    )
    assert not root.exists()


def _batch_dies_on_seed_5(model_name, values, seeds, strategy):
    if 5 in seeds:
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_BATCH(model_name, values, seeds, strategy)


def test_explore_reports_lost_schedules_apart_from_broken_properties(
    capsys, monkeypatch, two_cores
):
    monkeypatch.setattr(explore_module, "_explore_batch", _batch_dies_on_seed_5)
    small = ("--set", "containers=2", "--set", "rotation_interval=20s", "--set", "duration=50s")
    code, out, _ = cli(capsys, "explore", "fase6-fixed", *small, "--schedules", "32", "--jobs", "2")
    assert code == 3
    assert (
        "infrastructure error: 2 schedules not explored (seeds 4..5): worker process killed" in out
    )
    assert "held in all 30 schedules" in out


def test_at_most_as_many_workers_as_cores_and_tasks_started_lazily():
    with LocalPool(64) as pool:
        assert pool.started == 0
        pids = [pid for _, pid in pool.run(os.getpid, [(), ()])]
        assert pool.started <= min(2, cores())
    assert len(pids) == 2 and os.getpid() not in pids
    with LocalPool(2) as pool, pytest.raises(ValueError, match="invalid literal"):
        list(pool.run(int, [("x",)]))


def _kill_self(what: str) -> str:
    if what == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return what


def test_a_pool_task_that_kills_its_worker_twice_is_reported_not_raised(two_cores):
    with LocalPool(2) as pool:
        got = dict(pool.run(_kill_self, [("live",), ("die",), ("on",)]))
    assert got[0] == "live" and got[2] == "on"
    assert got[1] == WorkerDied(1, "killed by SIGKILL")
    assert pool.started <= 4


def test_jobs_above_the_cores_are_clamped_with_a_note(capsys, tiny):
    code, _, err = cli(capsys, "run", str(tiny), "--no-write", "--jobs", "200")
    assert code == 0
    assert err == (
        f"simlab: --jobs 200: this machine has {cores()} core{'s' if cores() > 1 else ''}; "
        f"using {cores()} worker{'s' if cores() > 1 else ''}\n"
    )


# --- identity -----------------------------------------------------------------------


def _replay(capsys, *argv):
    code, out, err = cli(capsys, "replay", *argv)
    return code, (json.loads(out) if out.strip() else None), err


def test_the_digest_tells_the_program_and_its_parameters_apart(capsys):
    base = ("zoo-mutex-error-path", "--seed", "1", "--strategy", "random", "--json")
    _, leaky, _ = _replay(capsys, *base, "--set", "variant=leaky")
    _, fixed, _ = _replay(capsys, *base, "--set", "variant=fixed")
    _, again, _ = _replay(capsys, *base, "--set", "variant=leaky")
    assert leaky["digest"] != fixed["digest"]
    assert again["digest"] == leaky["digest"]
    code, _, err = _replay(capsys, *base, "--set", "variant=fixed", "--digest", leaky["digest"])
    assert code == 2
    assert err == (
        f"simlab: this run's digest is {fixed['digest']}, not {leaky['digest']}: the program, "
        "its parameters, the seed or the schedule differ from the run that printed it\n"
    )
    code, _, _ = _replay(capsys, *base, "--set", "variant=leaky", "--digest", leaky["digest"])
    assert code in (0, 1)


def test_a_schedule_from_another_program_is_refused(capsys):
    exp = load_experiment("fase6").with_overrides(
        {"containers": "3", "rotation_interval": "30s", "duration": "100s"}, None
    )
    _, params = exp.rows()[0]
    foreign = run_model(exp.model, params, 1, "random", keep_schedule=True).schedule
    for schedule in (foreign, "99999999:1"):
        code, out, err = _replay(
            capsys, "zoo-lostcancel", "--seed", "1", "--schedule", schedule, "--set", "duration=5s"
        )
        assert code == 2 and out is None
        assert err.startswith("simlab: the schedule does not fit this program: "), err
    # its own schedule replays, digest and all
    record = run_model(exp.model, params, 1, "random", keep_schedule=True)
    code, out, _ = _replay(
        capsys,
        "fase6",
        "--seed",
        "1",
        "--schedule",
        record.schedule,
        "--set",
        "containers=3",
        "--set",
        "rotation_interval=30s",
        "--set",
        "duration=100s",
        "--json",
    )
    assert out["digest"] == record.digest


# --- memory and time ----------------------------------------------------------------


def _objects_at_the_end(hours: float) -> int:
    """Objects the process holds at the run's last sample, garbage collected."""
    exp = load_experiment("fase6-fixed").with_overrides(
        {"containers": "3", "duration": f"{hours}h", "sample_every": "1m"}, 1
    )
    _, params = exp.rows()[0]
    held = []

    def last_sample(t: int) -> None:
        if t + 60_000_000_000 >= params.duration:
            gc.collect()
            held.append(len(gc.get_objects()))

    run_model(exp.model, params, 1, exp.strategy, on_sample=last_sample)
    return held[-1]


def test_memory_follows_what_is_alive_not_the_elapsed_time():
    """The fixed program leaks nothing: after two simulated hours it holds as many
    objects as after one (keeping every scheduling decision would add about 400)."""
    _objects_at_the_end(0.1)  # imports and caches out of the way
    one, two = _objects_at_the_end(1), _objects_at_the_end(2)
    assert two < one + 100, (one, two)


def test_a_full_connection_costs_nothing_per_line():
    """A leaked connection whose queue is full is set aside by the daemon: the lines it
    loses are counted, not offered to it one by one."""
    exp = load_experiment("fase6").with_overrides(
        {"containers": "2", "rotation_interval": "1m", "duration": "10m"}, 1
    )
    _, params = exp.rows()[0]
    seen = {}

    def look(rt, sim):
        seen["docker"] = sim.state.docker

    record = run_model(exp.model, params, 1, exp.strategy, inspect=look)
    docker = seen["docker"]
    containers = list(docker.daemon.containers.values())
    assert sum(len(c.full) for c in containers) >= 2 * 6  # the leaked streams' connections
    assert all(len(c.followers) <= 2 for c in containers)  # the live stream, the last leaked
    assert docker.daemon.lost_conn_full() > 0
    assert record.metrics["leaked_fds"] >= 2 * 7


def test_the_livelock_of_the_issue_stops_with_a_clear_message(tmp_path):
    """ContainerLogs failing at once, forever, with no backoff: simulated time stands
    still. The run must end with the livelock error, not hang."""
    proc = _simlab(
        "run",
        "fase6",
        "--seed",
        "1",
        "--no-write",
        "--set",
        "containers=2",
        "--set",
        "api_error_rate=1",
        "--set",
        "retry_backoff=0s",
        "--set",
        "api_latency=0s",
        cwd=tmp_path,
    )
    try:
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert "Traceback" not in err
    assert "livelock: " in out + err


def test_pool_module_is_what_the_runner_uses():
    assert runner.LocalPool is pool_module.LocalPool
    assert WorkerDied(0, "killed by SIGKILL").__str__() == "worker process killed by SIGKILL, twice"
