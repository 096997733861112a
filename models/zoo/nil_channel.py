"""The nil channel: a goroutine waits on a channel that one code path never makes.

.. code-block:: go

    type Job struct{ result chan int }

    func NewJob(async bool) *Job {
        j := &Job{}
        if async {
            j.result = make(chan int, 1)   // leaky: only async jobs get a channel
        }                                  // fixed: make it for every job
        return j
    }

    func handle(async bool) {
        j := NewJob(async)
        go func() { log(<-j.result) }()    // nil for a sync job: blocks forever
        if j.result != nil {
            j.result <- run(j)
        }
    }

A receive from a nil channel never proceeds: every sync job leaves its logger
blocked for good, which Go shows as ``chan receive (nil chan)``.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start


class Job:
    """``type Job struct{ result chan int }``."""

    def __init__(self, rt: sl.Runtime, server: Server, sync: bool):
        made = not (server.leaky and sync)
        self.result = rt.chan(1, name="result") if made else sl.nil_chan  # L9


@sl.gofunc("main.handle.func1", file="jobs.go")
def logger(job: Job):
    yield job.result.recv()  # L17: log(<-j.result)


@sl.gofunc("main.handle", file="jobs.go")
def handle(rt: sl.Runtime, server: Server):
    job = Job(rt, server, sync=server.fails())  # L16
    rt.go(logger, job, name="logger")  # L17
    if job.result is not sl.nil_chan:
        yield job.result.send(42)  # L19


@sl.gofunc("main.main", file="jobs.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)
    yield from serve(rt, sim, server, lambda _n: handle(rt, server))


MODEL = model(
    "nil_channel",
    "a goroutine waits on a channel that one code path never makes (nil)",
    main,
)
