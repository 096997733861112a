"""The property suite: the review's fix, checked across randomized schedules and loads.

Every test draws the log monitor's parameters from `logmonitor.param_space()`
(1-6 containers, 1-4 rotations, readCh of 0-16, log lines every 10 ms to 10 s,
processing up to twice slower than the log rate, both close orders, every wait
mode, churn, API errors and latencies), a schedule (deviations from fifo that
hypothesis shrinks towards fifo) and a seed (the workload and fault streams).
"""

import pytest
from hypothesis import find, given, settings

from models import logmonitor as lm
from simlab import testing
from tests.conftest import PROPERTY_EXAMPLES

FIX = {"reader_parent": "stream"}
REAL_SDK = {"cancel_closes_conn": True, "close_closes_conn": True, "demux_goroutine": False}


@settings(max_examples=PROPERTY_EXAMPLES)
@given(
    params=lm.param_space(**FIX, **REAL_SDK),
    schedule=testing.schedules(),
    seed=testing.seeds(),
)
def test_with_the_fix_every_property_holds(params, schedule, seed):
    testing.assert_properties(testing.run(lm.MODEL, params, schedule, seed))


def _first_failure(**fixed):
    """The simplest parameter set, schedule and seed under which a property breaks."""

    def breaks(example):
        params, schedule, seed = example
        return bool(testing.run(lm.MODEL, params, schedule, seed).violations)

    example = st_example(**fixed)
    return find(example, breaks, settings=settings(max_examples=2_000, database=None))


def st_example(**fixed):
    from hypothesis import strategies as st

    return st.tuples(lm.param_space(**fixed), testing.schedules(), testing.seeds())


def test_reverting_the_fix_breaks_the_properties_and_shrinks_to_a_small_case():
    """The as-written variant (readerCtx a child of the app context), real net/http.

    Hypothesis shrinks the counterexample to one container, fifo, seed 0 and a
    reader that cannot return at the first rotation. With hypothesis 6.170 it is:
    readCh of 0 (unbuffered), reader_on_error = return, wait_reader = block, three
    30-second rotations. At the first deadline the reader's read fails; it tries
    to pass the error on, but nobody receives from the unbuffered readCh any more
    and readerCtx is never cancelled: it blocks for good, the monitor's Wait with
    it, and the container is stuck for 75 s > 2 x 30 s: "no stall" breaks. (With a
    buffered readCh the same reader returns, unless the buffer is full: the leak
    needs a full readCh or a retrying reader.)"""
    params, schedule, seed = _first_failure(reader_parent="app", **REAL_SDK)
    record = testing.run(lm.MODEL, params, schedule, seed)
    assert params.containers == 1
    assert str(schedule) == "fifo" and seed == 0
    assert params.read_buffer == 0 or params.reader_on_error == "retry"
    assert set(record.violations) & {"no stall", "one stream per container"}
    with pytest.raises(AssertionError, match="broke at"):
        testing.assert_properties(record)


@pytest.mark.parametrize(
    ("hypothesis", "overrides", "enough"),
    [
        ("real net/http", {}, True),
        ("cancelling the request keeps the connection", {"cancel_closes_conn": False}, True),
        ("closing the body keeps the connection", {"close_closes_conn": False}, True),
        (
            "the connection is never released",
            {"cancel_closes_conn": False, "close_closes_conn": False},
            False,
        ),
        ("stdcopy demultiplexes into an io.Pipe", {"demux_goroutine": True}, False),
    ],
)
def test_is_the_fix_enough_under_each_sdk_hypothesis(hypothesis, overrides, enough):
    """With the fix applied, a property still breaks only under the SDK hypotheses
    where something besides the reader outlives the rotation: a connection that
    neither cancel nor Close releases (its readLoop, writeLoop and socket), or a
    demux goroutine blocked writing into a pipe nobody reads any more (which needs
    processing slower than the log rate, so that the reader is not reading)."""
    fixed = {**FIX, **REAL_SDK, **overrides}
    if enough:

        @settings(max_examples=300)
        @given(params=lm.param_space(**fixed), schedule=testing.schedules(), seed=testing.seeds())
        def holds(params, schedule, seed):
            testing.assert_properties(testing.run(lm.MODEL, params, schedule, seed))

        holds()
    else:
        params, schedule, seed = _first_failure(**fixed)
        assert testing.run(lm.MODEL, params, schedule, seed).violations


def test_schedules_shrink_towards_fifo():
    """The minimal schedule that takes option 2 somewhere is a single deviation."""
    smallest = find(testing.schedules(), lambda s: any(o >= 2 for _, o in s.deviations))
    assert smallest.deviations == ((0, 2),)
    assert str(find(testing.schedules(), lambda s: True)) == "fifo"
