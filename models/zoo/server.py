"""What every zoo program shares: its parameters, its serving loop, its property."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import simlab as sl
from simlab import Param

PARAMS = (
    Param(
        "variant",
        "leaky",
        "the program with its bug, or with the fix",
        "choice",
        choices=("leaky", "fixed"),
    ),
    Param("request_interval", "1s", "time between two requests", "duration", min=1),
    Param("error_rate", 0.2, "share of requests that take the error path", "float", min=0, max=1),
)


IN_FLIGHT = 5 * sl.Second  # a request's goroutines are done well within this
DRAIN = sl.Second  # how long shutdown waits for requests in flight


class Server:
    """State the zoo programs keep for their metrics: goroutines meant to live long."""

    def __init__(self, rt: sl.Runtime, p: sl.Params):
        self.rt = rt
        self.p = p
        self.requests = 0
        self.errors = 0
        self.long_lived: list[sl.Goroutine] = []
        self._faults = rt.rng("faults")

    @property
    def leaky(self) -> bool:
        return self.p.variant == "leaky"

    def fails(self) -> bool:
        """Does this request take the error path?"""
        failed = bool(self._faults.random() < self.p.error_rate)
        self.errors += failed
        return failed

    def healthy(self) -> set[int]:
        """Main, the long-lived goroutines, and any started less than ``IN_FLIGHT`` ago."""
        young = self.rt.now - IN_FLIGHT
        lasting = {g.id for g in self.long_lived if g.alive}
        return {1} | lasting | {g.id for g in self.rt.goroutines() if g.started > young}

    def sample(self) -> dict[str, float]:
        return {"requests": self.requests, "pending_timers": self.rt.pending_timers()}


def start(rt: sl.Runtime, p: sl.Params, sim: Any) -> Server:
    """The server's state, where the harness's metrics and samples read it."""
    server = sim.state = Server(rt, p)
    sim.sample = server.sample
    return server


@sl.gofunc("main.serve", file="main.go")
def serve(rt: sl.Runtime, sim: Any, server: Server, handle: Callable[[int], Any]):
    """Handle a request every ``request_interval`` until the stop signal."""
    ticker = rt.ticker(server.p.request_interval)
    try:
        while True:
            i, _, _ = yield sl.select(sim.signal.recv_case(), ticker.c.recv_case())
            if i == 0:
                yield rt.sleep(DRAIN)  # graceful: let requests in flight finish
                return
            server.requests += 1
            yield from handle(server.requests)
    finally:
        ticker.stop()


def no_leak(sim: Any, moment: str, **info: Any) -> str | None:
    """No goroutine a request started is still alive ``IN_FLIGHT`` later."""
    server: Server = sim.state
    extra = [g for g in sim.rt.goroutines() if g.id not in server.healthy()]
    return f"{len(extra)} goroutines outlive their request, first {extra[0]!r}" if extra else None


NO_LEAK = sl.Property("no leak", no_leak.__doc__, ("end",), no_leak)


def model(name: str, summary: str, main: Callable, extra_params=(), properties=(NO_LEAK,)):
    """A zoo program as a simlab model."""

    def metrics(sim: Any, end: dict, samples: Any) -> dict[str, Any]:
        server: Server = sim.state
        return {
            "requests": server.requests,
            "errors": server.errors,
            "leaked": sim.rt.num_goroutine() - len(server.healthy()),
            "pending_timers": sim.rt.pending_timers(),
        }

    return sl.Model(
        name=name,
        summary=summary,
        params=PARAMS + tuple(extra_params),
        main=main,
        metrics=metrics,
        properties=tuple(properties),
        healthy=lambda sim: sim.state.healthy(),
    )
