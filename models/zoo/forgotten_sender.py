"""The forgotten sender: a worker sends its answer to a caller who gave up.

.. code-block:: go

    func search(q string) (string, error) {
        ch := make(chan string)          // fixed: make(chan string, 1)
        go func() { ch <- query(q) }()   // blocks forever once search has returned
        select {
        case r := <-ch:
            return r, nil
        case <-time.After(timeout):
            return "", errTimeout
        }
    }

Every request that times out leaves its worker blocked in ``ch <- ...``: the
channel is unbuffered and nobody will receive any more. A buffer of one lets
the late send complete and the worker exit.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start
from simlab import Param

TIMEOUT = 100 * sl.Millisecond


@sl.gofunc("main.search.func1", file="search.go")
def worker(rt: sl.Runtime, ch: sl.Chan, query_time: int):
    yield rt.sleep(query_time)  # L14: query(q)
    yield ch.send("result")  # L15: ch <- ...


@sl.gofunc("main.search", file="search.go")
def search(rt: sl.Runtime, server: Server, query_time: int):
    ch = rt.chan(0 if server.leaky else 1)  # L11
    rt.go(worker, rt, ch, query_time, name="worker")  # L13
    yield sl.select(ch.recv_case(), rt.after(TIMEOUT).recv_case())  # L16


@sl.gofunc("main.main", file="search.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)
    latency = rt.rng("workload")

    def handle(_request: int):
        yield from search(rt, server, int(latency.exponential(p.query_time)))

    yield from serve(rt, sim, server, handle)


MODEL = model(
    "forgotten_sender",
    "a worker sends its answer on an unbuffered channel to a caller that timed out",
    main,
    (Param("query_time", "60ms", "mean time a query takes (exponential)", "duration"),),
)
