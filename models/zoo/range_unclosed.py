"""Range over a channel never closed: the consumer waits for more after the last item.

.. code-block:: go

    func handle(items []int) {
        ch := make(chan int)
        go func() {
            for v := range ch { process(v) }  // ends only when ch is closed
        }()
        for _, it := range items { ch <- it }
        // leaky: close(ch) is missing; fixed: close(ch)
    }

The producer sends its items and returns; the consumer's ``range`` keeps
receiving, and without a ``close`` the last receive waits forever.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start

ITEMS = 3


@sl.gofunc("main.handle.func1", file="batch.go")
def consumer(ch: sl.Chan):
    while True:
        _, ok = yield ch.recv()  # L14: for v := range ch
        if not ok:
            return


@sl.gofunc("main.handle", file="batch.go")
def handle(rt: sl.Runtime, server: Server):
    ch = rt.chan()  # L12
    rt.go(consumer, ch, name="consumer")  # L13
    for item in range(ITEMS):
        yield ch.send(item)  # L17
    if not server.leaky:
        ch.close()  # the fix


@sl.gofunc("main.main", file="batch.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)
    yield from serve(rt, sim, server, lambda _n: handle(rt, server))


MODEL = model(
    "range_unclosed",
    "a consumer ranges over a channel its producer never closes",
    main,
)
