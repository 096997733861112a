"""The pytest plugin and goleak-style leak checks, used as a project of one's own would."""

from __future__ import annotations

import pytest

import simlab as sl

pytest_plugins = ["pytester"]


def leaky(rt):
    ch = rt.chan()

    @sl.gofunc("main.worker")
    def worker():
        yield ch.send(1)  # nobody ever receives

    rt.go(worker, name="worker")
    yield rt.sleep(sl.Second)


def test_assert_no_leaks_lists_the_goroutines_left_as_a_dump_shows_them():
    rt = sl.Runtime()
    rt.run(leaky)
    with pytest.raises(AssertionError) as err:
        sl.testing.assert_no_leaks(rt)
    text = str(err.value)
    assert text.startswith("found unexpected goroutines (1; allow some with ignore=...):")
    assert "goroutine 2 [chan send]:" in text and "main.worker(...)" in text


def test_assert_no_leaks_ignores_by_name_or_by_top_function_as_goleak_does():
    rt = sl.Runtime()
    rt.run(leaky)
    sl.testing.assert_no_leaks(rt, ignore=("main.worker",))  # goleak.IgnoreTopFunction
    sl.testing.assert_no_leaks(rt, ignore=("worker",))
    clean = sl.Runtime()
    clean.run(lambda rt: (yield rt.sleep(1)))
    sl.testing.assert_no_leaks(clean)


def test_the_plugin_gives_a_runtime_and_prints_the_replay_of_a_failing_run(pytester):
    pytester.makepyfile(
        """
        import simlab as sl

        def test_two_senders_one_receiver(goruntime):
            def main(rt):
                ch = rt.chan()
                for i in range(2):
                    rt.go(lambda i=i: (yield ch.send(i)), name=f"sender{i}")
                v, _ = yield ch.recv()
                return v
            result = goruntime.run(main)
            assert result.value == 0

        def test_schedules(simlab_schedules):
            assert simlab_schedules == 5
        """
    )
    # no -p: installing simlab registers the plugin (an entry point)
    result = pytester.runpytest_inprocess("--simlab-seed", "3", "--simlab-schedules", "5")
    result.assert_outcomes(passed=1, failed=1)  # fifo: the sender started last runs first
    result.stdout.fnmatch_lines(
        [
            "*simlab replay*",
            "seed 3, strategy fifo, digest *",
            "replay with: pytest --simlab-seed 3 --simlab-strategy replay:fifo",
            "or in Python: sl.Runtime(seed=3, strategy='replay:fifo')",
        ]
    )


def test_the_guide_s_goleak_style_example_passes_under_the_plugin(pytester):
    """docs/writing-models.md's example, run as a project of one's own would."""
    import re
    from pathlib import Path

    guide = (Path(__file__).resolve().parent.parent / "docs" / "writing-models.md").read_text()
    example = re.findall(r"```python\n(.*?)```", guide, re.S)[-1]
    assert "def test_every_worker_finishes(goruntime)" in example
    pytester.makepyfile(example)
    pytester.runpytest_inprocess("--simlab-strategy", "random").assert_outcomes(passed=1)


def test_a_hypothesis_failure_reads_as_simlab_writes_it(pytester):
    """Parameters as Go durations, the schedule as --schedule takes it, the Python
    call and the simlab command that replay it, and no simlab frame in the
    traceback or in hypothesis's explanation."""
    pytester.makepyfile(
        """
        from hypothesis import given, settings
        import simlab as sl
        from models import workerpool

        @settings(settings.get_profile("simlab"), max_examples=5, database=None)
        @given(
            params=sl.testing.params(workerpool.MODEL, error_rate=[1.0], duration="2s"),
            schedule=sl.testing.schedules(),
        )
        def test_pool(params, schedule):
            sl.testing.assert_properties(sl.testing.run(workerpool.MODEL, params, schedule))
        """
    )
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(failed=1)
    # every job fails, so the first result makes the collector give up, under any
    # schedule and seed: hypothesis shrinks both to their simplest, fifo and 0
    result.stdout.fnmatch_lines(
        [
            "*replay: sl.testing.run(MODEL, {'duration': '2s', 'sample_every': '10s', *}, "
            "'fifo', seed=0)",
            "*or: simlab replay workerpool --seed 0 --schedule fifo --set duration=2s "
            "--set sample_every=10s --set error_rate=1.0 --digest *",
            "*params={'duration': '2s', *'job_interval': '100ms', *",
            "*schedule='fifo',*",
        ]
    )
    text = result.stdout.str()
    assert "20000000000" not in text and "from_pairs" not in text
    assert "simlab/testing.py" not in text and "simlab/go/" not in text
    assert "simlab/duration.py" not in text


def test_run_varies_the_workload_seed_in_a_hypothesis_test_unless_told_not_to():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    def main(rt, p, sim):
        yield sim.signal.recv()

    model = sl.Model(name="idle", summary="idle", params=(), main=main)
    seeds: dict[str, set[int]] = {"drawn": set(), "fixed": set()}

    @settings(max_examples=20, database=None, derandomize=True)
    @given(st.none())
    def check(_):
        seeds["drawn"].add(sl.testing.run(model, {"duration": "1s"}).seed)
        seeds["fixed"].add(sl.testing.run(model, {"duration": "1s"}, seed=0).seed)

    check()
    assert len(seeds["drawn"]) > 1 and seeds["fixed"] == {0}
    assert sl.testing.run(model, {"duration": "1s"}).seed == 0  # outside hypothesis
