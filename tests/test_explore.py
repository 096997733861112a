"""simlab explore and simlab replay, as a user runs them."""

import json
import shlex

import pytest

from simlab.lab.experiment import load_experiment
from simlab.lab.explore import _ddmin, explore
from tests.conftest import invoke as cli

SMALL = ("--set", "containers=3", "--set", "rotation_interval=30s", "--set", "duration=100s")


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
