"""The model docs/writing-models.md builds, and the hypothesis test it shows."""

from hypothesis import given, settings

import simlab as sl
from models import workerpool


@settings(max_examples=60)
@given(
    params=sl.testing.params(workerpool.MODEL, variant="fixed", workers=(1, 8), duration="30s"),
    schedule=sl.testing.schedules(),
)
def test_fixed_pool(params, schedule):
    sl.testing.assert_properties(sl.testing.run(workerpool.MODEL, params, schedule))


def test_leaky_pool_strands_every_worker():
    """With error_rate 1 the first result fails and the collector returns: each of
    the 4 workers then blocks sending its next result, for good."""
    params = workerpool.MODEL.resolve({"error_rate": 1.0, "duration": "10s"})
    record = sl.testing.run(workerpool.MODEL, params)
    assert "workers make progress" in record.violations
    assert record.metrics["goroutines_after_shutdown"] == 4
