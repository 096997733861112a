"""The experiment files reproduce what the issue asks of them, measured, not assumed.

Expected figures come from the review (FASE 6: +30.50 goroutines a minute,
1,830 leaked, 3.15-3.33 per rotation by its own arithmetic) and from arithmetic
on the model's per-rotation leak (3 goroutines: reader, readLoop, writeLoop).
"""

import math

import pytest

from simlab.lab.experiment import load_experiment
from simlab.lab.report import check_law, compare_evidence
from simlab.lab.runner import run_experiment


def run(name, seed=1, **overrides):
    exp = load_experiment(name).with_overrides({k: str(v) for k, v in overrides.items()}, seed)
    return exp, run_experiment(exp, jobs=1, progress=False)


def verdicts(exp, rows):
    return {(e["name"], e["scenario"]): e["match"] for e in compare_evidence(exp, rows)}


def test_fase6_reproduces_growth_and_leaked_count():
    exp, rows = run("fase6")
    m = rows[0].runs[0].metrics
    assert m["growth_per_min"] == pytest.approx(30.50, rel=0.10)
    assert m["leaked_goroutines"] == pytest.approx(1830, rel=0.10)
    # 55 containers x 11 rotations by the end, 3 goroutines and 1 socket each
    assert m["leaked_goroutines"] == 55 * 11 * 3
    assert m["leaked_fds"] == 55 * 11
    assert 3.15 <= m["leaked_goroutines"] / 550 <= 3.33  # the review's arithmetic
    v = verdicts(exp, rows)
    assert v[("goroutine growth per minute", None)]
    assert v[("leak per rotation, the review's arithmetic", None)]
    assert not v[("file descriptors leaked", None)]  # 605, not 937: see docs/findings.md


def test_fase6_fixed_is_enough_only_if_the_sdk_releases_connections():
    _, rows = run("fase6-fixed")
    by = {r.scenario: r.runs[0].metrics for r in rows}
    real, leaky = by["real net/http"], by["SDK never releases connections"]
    assert real["growth_per_min"] < 2.0
    assert real["peak_leaked_goroutines"] <= 0
    assert real["goroutines_after_shutdown"] == 0 and real["fds_after_shutdown"] == 0
    # the fix removes the reader; readLoop, writeLoop and the socket still leak
    assert leaky["leaked_per_rotation"] == pytest.approx(2.0, abs=0.05)
    assert leaky["leaked_fds_per_rotation"] == pytest.approx(1.0, abs=0.05)


def test_shutdown_passes_the_end_of_run_check_although_the_bug_leaked():
    _, rows = run("shutdown", duration="15m")
    by = {r.params["reader_parent"]: r.runs[0].metrics for r in rows}
    assert by["app"]["peak_leaked_goroutines"] >= 10 * 2  # 10 containers, 2 rotations
    assert by["app"]["goroutines_after_shutdown"] == 0
    assert by["stream"]["goroutines_after_shutdown"] == 0


def test_scaling_law_holds_on_a_smaller_grid(tmp_path):
    """growth = L x containers / interval, with L = 3: checked on 4 and 8 containers
    rotating every 1 or 2 minutes for 20 minutes."""
    exp = load_experiment("scaling").with_overrides({"duration": "20m"}, 1)
    exp.sweep = {"containers": [4, 8], "rotation_interval": ["1m", "2m"]}
    rows = run_experiment(exp, jobs=1, progress=False)
    law = check_law(exp, rows)
    assert law["holds"], law
    assert law["mean"] == pytest.approx(3.0, rel=0.10)
    assert not math.isnan(law["max_relative_deviation"])
