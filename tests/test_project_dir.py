"""A project folder of one's own: its models and experiments beside simlab's.

``cd myproj && simlab run pipeline`` with ``experiments/pipeline.toml`` saying
``model = "pipeline"`` and ``pipeline.py`` in the folder (or ``models/pipeline.py``,
with or without an ``__init__.py``); ``simlab list`` there lists the project's
experiments and the bundled ones. Each command runs as the ``simlab`` script
would: in a process of its own, the working directory not on ``sys.path``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# Three values through an unbuffered channel; main counts them. The leaky variant
# stops reading after the first, so the producer blocks sending the second.
PIPELINE = '''
import simlab as sl
from simlab import Param

PARAMS = (
    Param("count", 3, "values the producer sends", min=1),
    Param("variant", "fixed", "leaky: main stops after one", "choice", choices=("leaky", "fixed")),
)


@sl.gofunc("main.produce", file="pipeline.go")
def produce(out, n):
    for i in range(n):
        yield out.send(i)
    out.close()


@sl.gofunc("main.main", file="pipeline.go")
def main(rt, p, sim):
    sim.state = {"received": 0}
    ch = rt.chan(name="values")
    rt.go(produce, ch, p.count, name="producer")
    while True:
        _, ok = yield ch.recv()
        if not ok:
            break
        sim.state["received"] += 1
        if p.variant == "leaky":
            break
    yield sim.signal.recv()


def producer_done(sim, moment, **info):
    """At the end, the producer has returned."""
    alive = [g for g in sim.rt.goroutines() if g.name == "producer"]
    return f"producer still alive, {alive[0].wait_reason}" if alive else None


MODEL = sl.Model(
    name="pipeline",
    summary="a producer and the main goroutine reading it",
    params=PARAMS,
    main=main,
    metrics=lambda sim, end, samples: {"received": sim.state["received"]},
    columns=("received", "goroutines_end"),
    baseline=lambda p: 1,
    properties=(sl.Property("producer done", "", ("end",), producer_done),),
)
'''

EXPERIMENT = """
description = "{description}"
model = "{model}"
seeds = [1]
[params]
duration = "10s"
sample_every = "1s"
"""


def simlab(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-I", "-m", "simlab", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """pipeline.py at the top; models/stage.py in a models/ without __init__.py."""
    root = tmp_path_factory.mktemp("myproj")
    (root / "pipeline.py").write_text(PIPELINE)
    (root / "models").mkdir()
    (root / "models" / "stage.py").write_text(
        PIPELINE.replace('"fixed", "leaky', '"leaky", "leaky')
    )
    (root / "experiments").mkdir()
    for name, description, model in (
        ("pipeline", "my pipeline", "pipeline"),
        ("stage", "my stage", "stage"),
        ("stage-dotted", "my stage, dotted", "models.stage"),
    ):
        text = EXPERIMENT.format(description=description, model=model)
        (root / "experiments" / f"{name}.toml").write_text(text)
    return root


def test_run_finds_the_project_s_experiment_and_its_model(project):
    ran = simlab(project, "run", "pipeline", "--no-write", "--jobs", "1")
    assert ran.returncode == 0, ran.stderr
    lines = [line for line in ran.stdout.splitlines() if line.strip()]
    assert lines[:2] == ["pipeline: my pipeline", "model pipeline, strategy random, seeds [1]"]
    # three values sent, three received; main alone is left (producer returned)
    assert lines[2].split() == ["received", "goroutines"]
    assert lines[3].split() == ["3", "1"]


@pytest.mark.parametrize("name", ["stage", "stage-dotted"])
def test_a_bare_model_name_is_also_models_name_py(project, name):
    ran = simlab(project, "run", name, "--no-write", "--jobs", "1")
    assert ran.returncode == 0, ran.stderr
    # leaky: one value received, the producer blocked on its second send
    lines = [line for line in ran.stdout.splitlines() if line.strip()]
    assert lines[3].split() == ["1", "2"]


def test_list_shows_the_project_s_experiments_and_the_bundled_ones(project):
    listed = simlab(project, "list")
    assert listed.returncode == 0, listed.stderr
    names = [line.split()[0] for line in listed.stdout.split("\n\nmodels:")[0].splitlines()[1:]]
    assert {"pipeline", "stage", "stage-dotted", "workerpool", "fase6"} <= set(names)
    assert names == sorted(names)
    models = listed.stdout.split("\n\nmodels:")[1]
    assert "  pipeline " in models and "  models.stage " in models
    assert "  models.workerpool " in models and "  models.logmonitor " in models


def test_explore_runs_the_project_s_model_in_worker_processes(project):
    held = simlab(project, "explore", "pipeline", "--schedules", "6", "--jobs", "2")
    assert held.returncode == 0, held.stderr
    assert "  producer done  held in all 6 schedules" in held.stdout
    broke = simlab(project, "explore", "stage", "--schedules", "6", "--jobs", "2")
    assert broke.returncode == 1, broke.stderr
    assert "  producer done  FAILED in 6 of 6 schedules (first: seed 0)" in broke.stdout
    assert "replay: simlab replay stage --seed 0 --strategy random" in broke.stdout
