"""Helpers shared by the tests: run a main function and hand back the runtime."""

from __future__ import annotations

import pytest

import simlab as sl


def run(main, *, until=None, seed=0, strategy="fifo"):
    """Run ``main(rt)`` to completion (or ``until``) and return the runtime."""
    rt = sl.Runtime(seed=seed, strategy=strategy)
    rt.run(main, until=until)
    return rt


@pytest.fixture
def events():
    """A list goroutines append to, to record what happened in which order."""
    return []
