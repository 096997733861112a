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

    A scheduler decision costs one ``next()``: a list index, not a numpy call.
    """

    __slots__ = ("_buf", "_gen", "_i")

    def __init__(self, gen: np.random.Generator):
        self._gen = gen
        self._buf: list[float] = []
        self._i = 0

    def next(self) -> float:
        i = self._i
        if i == len(self._buf):
            self._buf = self._gen.random(1024).tolist()
            i = 0
        self._i = i + 1
        return self._buf[i]

    def below(self, n: int) -> int:
        """A uniform integer in ``range(n)``."""
        return int(self.next() * n)
