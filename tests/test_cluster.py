"""simlab run and explore on a Dask cluster: the same results as a local run, nothing
lost when a worker dies.

One LocalCluster of two worker processes (one thread each) is started for the
module and reached by its address, as a remote scheduler would be.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import distributed
import pytest

from simlab.lab import explore as explore_module
from simlab.lab.cluster import parse_cluster
from simlab.lab.experiment import load_experiment
from simlab.lab.explore import explore
from simlab.lab.pool import WorkerDied
from simlab.lab.runner import run_experiment

# error paths taken at random: some schedules leak, most do not
PARTIAL = ("--set", "error_rate=0.05", "--set", "duration=10s")
REAL_BATCH = explore_module._explore_batch

TINY = """
description = "a tiny experiment"
model = "models.zoo.lostcancel"
seeds = [1, 2, 3, 4]

[params]
duration = "20s"

[sweep]
error_rate = [0.1, 0.5]
"""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    markers = tmp_path_factory.mktemp("markers")
    os.environ["SIMLAB_TEST_MARKERS"] = str(markers)  # seen by the workers it starts
    try:
        with distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=50,
        ) as local:
            yield local
    finally:
        os.environ.pop("SIMLAB_TEST_MARKERS", None)


def _kills_its_worker_once(model_name, values, seeds, strategy, *options):
    """In a worker: the first task holding seed 13 kills its own process, mid-task."""
    marker = Path(os.environ["SIMLAB_TEST_MARKERS"]) / "killed"
    if 13 in seeds and not marker.exists():
        marker.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_BATCH(model_name, values, seeds, strategy, *options)


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    # imported here: the workers import this module (for _kills_its_worker_once), and
    # the conftest's hypothesis profiles need simlab's pytest plugin, which they lack
    from tests.conftest import invoke

    return invoke(capsys, *argv)


def _json(out: str) -> dict:
    data = json.loads(out)
    data.pop("seconds")
    return data


def test_explore_on_a_cluster_is_the_local_explore(capsys, cluster):
    args = ("explore", "zoo-abandoned-receiver", *PARTIAL, "--schedules", "60", "--json")
    code, local, _ = cli(capsys, *args, "--jobs", "1", "--no-stream")
    assert code == 1
    code, remote, err = cli(capsys, *args, "--cluster", cluster.scheduler_address, "--no-stream")
    assert code == 1, err
    here, there = _json(local), _json(remote)
    assert 0 < len(there["failing_seeds"]) < 60  # a mix: the comparison means something
    assert there == here  # failing seeds, digests, the shrunk schedule and its replay


def test_run_on_a_cluster_is_the_local_run(capsys, cluster, tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_text(TINY)
    code, local, _ = cli(capsys, "run", str(path), "--json", "--no-write", "--jobs", "1")
    assert code == 0
    code, remote, err = cli(
        capsys, "run", str(path), "--json", "--no-write", "--cluster", cluster.scheduler_address
    )
    assert code == 0, err
    assert json.loads(remote) == json.loads(local)  # every row, run, metric and digest
    exp = load_experiment(str(path))
    rows = run_experiment(exp, progress=False, cluster=cluster.scheduler_address)
    assert [[r.seed for r in row.runs] for row in rows] == [[1, 2, 3, 4]] * 2


def test_a_worker_killed_mid_search_loses_nothing(cluster, monkeypatch):
    exp = load_experiment("zoo-abandoned-receiver").with_overrides(
        {"error_rate": "0.05", "duration": "10s"}, None
    )
    expected = explore(exp, 48, "random", jobs=1, progress=False, shrink=False)
    monkeypatch.setattr(explore_module, "_explore_batch", _kills_its_worker_once)
    got = explore(
        exp, 48, "random", jobs=1, progress=False, shrink=False, cluster=cluster.scheduler_address
    )
    marker = Path(os.environ["SIMLAB_TEST_MARKERS"]) / "killed"
    assert marker.exists()  # a worker did die in the middle of a task
    assert got.lost == []
    assert [(o.seed, o.digest, o.failed) for o in got.outcomes] == [
        (o.seed, o.digest, o.failed) for o in expected.outcomes
    ]
    assert got.exit_status() == expected.exit_status() == 1


def test_cluster_addresses_are_checked_before_anything_runs(capsys):
    assert parse_cluster("local:3") == 3
    assert parse_cluster("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    for bad in ("local:0", "local:x", "10.0.0.5:8786", "http://h:1", "tcp://h"):
        code, out, err = cli(capsys, "explore", "zoo-lostcancel", "--cluster", bad)
        assert code == 2 and out == "" and err.count("\n") == 1, (bad, err)
        assert "--cluster" in err
    code, _, err = cli(capsys, "run", "zoo-lostcancel", "--cluster", "local:2", "--jobs", "2")
    assert code == 2 and "not both" in err


def test_a_task_whose_workers_keep_dying_is_reported_like_a_local_one():
    assert str(WorkerDied(3, "died", 4)) == "worker process died, 4 times"
    assert str(WorkerDied(3, "killed by SIGKILL")) == "worker process killed by SIGKILL, twice"
