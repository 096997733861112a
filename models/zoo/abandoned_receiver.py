"""The abandoned receiver: a goroutine waits for a value the error path never sends.

.. code-block:: go

    func handle(req Request) error {
        result := make(chan int)
        go func() { log(<-result) }()    // waits for the result
        if err := validate(req); err != nil {
            return err                   // leaky: the receiver waits forever
        }                                // fixed: close(result) before returning
        result <- compute(req)
        return nil
    }

A request that fails validation returns without sending: its logger goroutine
stays blocked in ``<-result``. Closing the channel on the error path releases it
(the receive returns the zero value).
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start


@sl.gofunc("main.handle.func1", file="handler.go")
def logger(result: sl.Chan):
    yield result.recv()  # L13: log(<-result)


@sl.gofunc("main.handle", file="handler.go")
def handle(rt: sl.Runtime, server: Server):
    result = rt.chan()  # L12
    rt.go(logger, result, name="logger")  # L13
    if server.fails():  # L14: validate(req)
        if not server.leaky:
            result.close()  # the fix
        return
    yield result.send(42)  # L18


@sl.gofunc("main.main", file="handler.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)
    yield from serve(rt, sim, server, lambda _n: handle(rt, server))


MODEL = model(
    "abandoned_receiver",
    "a goroutine waits for a value that the error path never sends",
    main,
)
