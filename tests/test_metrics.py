"""The growth per minute is the least-squares slope of a metric against time."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from simlab.duration import Minute
from simlab.observe.metrics import slope, slope_per_min

# sampling instants, whole seconds apart, as a Sampler takes them
times = st.lists(st.integers(0, 10**5), min_size=2, max_size=400, unique=True).map(
    lambda secs: sorted(s * 10**9 for s in secs)
)


@given(times, st.integers(-1000, 1000), st.integers(-50, 50))
@settings(max_examples=200)
def test_samples_on_a_straight_line_grow_by_its_slope(t, start, per_min):
    t = np.array(t, dtype=np.int64)
    values = start + per_min * (t / Minute)
    assert abs(slope_per_min(t, values) - per_min) <= 1e-9 * max(1, abs(per_min))


@given(times, st.randoms(use_true_random=False))
@settings(max_examples=200)
def test_the_slope_is_numpys_least_squares_fit(t, rnd):
    t = np.array(t, dtype=np.int64)
    values = np.array([rnd.randint(0, 5000) for _ in t], dtype=np.int64)
    expected = np.polyfit(t / Minute, values.astype(float), 1)[0]
    assert abs(slope_per_min(t, values) - expected) <= 1e-9 * max(1.0, abs(expected))
    assert abs(slope(t / Minute, values) - expected) <= 1e-9 * max(1.0, abs(expected))


def test_fewer_than_two_samples_have_no_slope():
    t = np.array([0, Minute, 2 * Minute], dtype=np.int64)
    assert np.isnan(slope_per_min(t, np.array([1, 2, 3]), since=2 * Minute))
    assert np.isnan(slope(np.array([5, 5]), np.array([1, 2])))
