"""The framework does not know its models.

What a model counts, how its table is headed and whose figures an experiment
compares with come from the model and the experiment file; nothing under
``simlab/`` may name a metric of the log monitor. The names are read from the
model itself, by running it briefly, so a metric it adds tomorrow is covered too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import simlab as sl
from simlab.lab.experiment import parse_experiment
from simlab.lab.model import load_model
from simlab.lab.report import DEFAULT_COLUMNS, format_evidence, format_table
from simlab.lab.runner import run_experiment
from simlab.lab.simulation import run_model

PACKAGE = Path(__file__).resolve().parent.parent / "simlab"
SHORT = {"containers": 2, "duration": "2m", "rotation_interval": "30s", "sample_every": "5s"}


def idle(rt, p, sim):
    """A program with nothing of its own: it waits for the stop signal."""
    yield sim.signal.recv()


BARE = sl.Model(
    name="bare",
    summary="waits for SIGTERM",
    params=(),
    main=idle,
    baseline=lambda p: 1,  # with a baseline, simlab reports its leak metrics too
    baseline_fds=lambda p: 0,
)


def generic_metrics() -> set[str]:
    """What simlab reports for any model: a run of one that adds nothing of its own."""
    record = run_model(BARE, BARE.resolve({"duration": "1m"}), seed=1)
    return set(record.metrics)


def logmonitor_names() -> set[str]:
    """Every name the log monitor adds: its metrics, its per-sample figures, the
    metrics it heads or puts in its table."""
    model = load_model("models.logmonitor")
    record = run_model(model, model.resolve(SHORT), seed=1)
    names = set(record.metrics) | set(record.samples.extra)
    names |= set(model.labels) | set(model.columns)
    return names - generic_metrics()


def mentions(root: Path, names: set[str]) -> list[str]:
    """``path:line: name`` for every whole-word occurrence of a name in a file under root."""
    pattern = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(map(re.escape, sorted(names))) + r")\b")
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        try:
            text = path.read_text()
        except UnicodeDecodeError:
            continue
        for n, line in enumerate(text.splitlines(), 1):
            found += [f"{path.relative_to(root)}:{n}: {m}" for m in pattern.findall(line)]
    return found


@pytest.fixture(scope="module")
def names() -> set[str]:
    return logmonitor_names()


def test_the_log_monitor_has_metrics_of_its_own(names):
    # what the test below looks for; not empty, else it would pass for nothing
    assert {"rotations", "leaked_per_rotation", "stalled_containers"} <= names
    assert not names & generic_metrics()


def test_no_file_of_simlab_names_a_metric_of_the_log_monitor(names):
    found = mentions(PACKAGE, names)
    assert not found, "simlab names the log monitor's metrics:\n" + "\n".join(found)


def test_the_check_would_catch_a_name_added_to_simlab(names, tmp_path):
    (tmp_path / "report.py").write_text('COLUMNS = ("growth_per_min", "rotations")\n')
    (tmp_path / "notes.md").write_text("a leaked_per_rotation_x is another name\n")
    assert mentions(tmp_path, names) == ["report.py:1: rotations"]


# --- the table, the plot and the evidence heading come from model and file --------

TINY = {
    "model": "models.logmonitor",
    "params": {**SHORT, "reader_on_error": "retry", "wait_reader": "skip"},
    "evidence": [{"name": "growth", "metric": "growth_per_min", "observed": 4.0}],
}


def test_the_table_is_headed_as_the_model_says():
    exp = parse_experiment("tiny", dict(TINY))
    rows = run_experiment(exp, progress=False)
    header = format_table(exp, rows).splitlines()[0].split("  ")
    headings = [h.strip() for h in header if h.strip()]
    model = exp.model
    assert len(headings) == len(model.columns)
    for metric, shown in zip(model.columns, headings, strict=True):
        assert shown == model.labels.get(metric, shown)
    assert "leak/rotation" in headings


def test_a_model_without_columns_gets_the_generic_ones():
    zoo = load_model("models.zoo.lostcancel")
    assert not zoo.columns
    exp = parse_experiment("zoo", {"model": "models.zoo.lostcancel", "params": {"duration": "1m"}})
    rows = run_experiment(exp, progress=False)
    header = format_table(exp, rows).splitlines()[0].split()
    assert header == ["growth/min", "goroutines", "FDs", "contexts", "left", "after", "stop"]
    assert len(DEFAULT_COLUMNS) == 5


def test_the_evidence_heading_is_the_experiment_files():
    plain = parse_experiment("tiny", dict(TINY))
    titled = parse_experiment("tiny", {**TINY, "evidence_title": "the load test's figures"})
    rows = run_experiment(plain, progress=False)
    assert format_evidence(plain, rows).splitlines()[0] == "evidence:"
    assert format_evidence(titled, rows).splitlines()[0] == "evidence (the load test's figures):"
