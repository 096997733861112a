"""The five random streams a run draws from, all derived from its one seed.

A run's nondeterminism has five sources, and each gets its own stream spawned
from ``numpy.random.SeedSequence(seed)``, so that drawing more from one never
shifts another:

``schedule``  which ready goroutine runs next;
``choice``    which ready ``select`` case is taken, the order a context's children are cancelled;
``workload``  the model's inputs (log arrival times, latencies);
``faults``    injected failures (API errors, slow reads);
``preempt``   whether a preemptive strategy switches at an operation that would not block.

Models ask for ``rt.rng("workload", container_index)``: a keyed stream stays
the same for container 3 whatever containers 1 and 2 draw.
"""

from __future__ import annotations

from collections.abc import Iterator
from math import floor

import numpy as np

STREAMS = ("schedule", "choice", "workload", "faults", "preempt")


def generator(seed: int, stream: str, *key: int) -> np.random.Generator:
    """A numpy Generator for ``stream`` (one of :data:`STREAMS`), optionally keyed."""
    try:
        index = STREAMS.index(stream)
    except ValueError:
        streams = ", ".join(STREAMS)
        raise ValueError(f"unknown random stream {stream!r}; streams are {streams}") from None
    seq = np.random.SeedSequence(seed, spawn_key=(index, *key))
    return np.random.Generator(np.random.PCG64(seq))


class Uniform:
    """Uniform floats in [0, 1) from one stream, drawn from numpy in batches.

    A scheduler decision costs one ``below()``: the next float of a list, not a
    numpy call. Given ``seed`` and ``stream`` instead of a generator, it makes the stream's
    generator at its first draw (making one costs as much as a short run's many
    decisions, and a run may never draw from, say, its ``choice`` stream); the
    draws are the same either way.
    """

    __slots__ = ("_batch", "_gen", "_key", "_left")

    def __init__(self, gen: np.random.Generator | None = None, *, seed: int = 0, stream: str = ""):
        self._gen = gen
        self._key = (seed, stream)
        self._left: Iterator[float] = iter(())  # the batch's floats not drawn yet
        self._batch = 64  # then 256, then 1,024 at a time: a short run draws a few dozen

    def _refill(self) -> float:
        """The first float of the next batch (the rest stay in :attr:`_left`). Batches
        of any size give the same floats in the same order: each is one draw."""
        gen = self._gen
        if gen is None:
            gen = self._gen = generator(*self._key)
        batch = self._batch
        self._left = iter(gen.random(batch).tolist())
        if batch < 1024:
            self._batch = batch * 4
        return next(self._left)

    def next(self) -> float:
        try:
            return next(self._left)
        except StopIteration:
            return self._refill()

    def below(self, n: int) -> int:
        """A uniform integer in ``range(n)``: the floor of a float in [0, n), which is
        its ``int()`` (it is never negative), a little cheaper to compute."""
        try:
            return floor(next(self._left) * n)
        except StopIteration:
            return floor(self._refill() * n)
