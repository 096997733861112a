"""Helpers shared by the tests, and the hypothesis profiles.

``SIMLAB_HYPOTHESIS=thorough make test`` runs the property suite on 20,000
schedules and parameter sets instead of the CI's 2,000.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

import simlab as sl

# "simlab" is the profile simlab's pytest plugin ships; CI keeps no example database.
settings.register_profile("ci", parent=settings.get_profile("simlab"), database=None)
settings.register_profile("thorough", parent=settings.get_profile("ci"), derandomize=False)
PROFILE = os.environ.get("SIMLAB_HYPOTHESIS", "ci")
settings.load_profile(PROFILE)

# How many randomized schedules and parameter sets the property suite checks.
PROPERTY_EXAMPLES = 20_000 if PROFILE == "thorough" else 2_000


def run(main, *, until=None, seed=0, strategy="fifo"):
    """Run ``main(rt)`` to completion (or ``until``) and return the runtime."""
    rt = sl.Runtime(seed=seed, strategy=strategy)
    rt.run(main, until=until)
    return rt


def invoke(capsys, *argv: str) -> tuple[int, str, str]:
    """Run ``simlab argv...`` in this process: (exit status, stdout, stderr)."""
    from simlab.cli import main

    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def events():
    """A list goroutines append to, to record what happened in which order."""
    return []
