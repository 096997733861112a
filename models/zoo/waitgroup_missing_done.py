"""The WaitGroup with a missing Done: an error path returns without wg.Done().

.. code-block:: go

    func handle() {
        var wg sync.WaitGroup
        for i := 0; i < 3; i++ {
            wg.Add(1)
            go func() {
                if err := work(); err != nil {
                    return              // leaky: wg.Done() is skipped
                }                       // fixed: defer wg.Done() first
                wg.Done()
            }()
        }
        wg.Wait()                       // waits forever after an error
    }

Each request runs in a goroutine of its own; when one of its workers fails, the
counter never reaches zero and the request's goroutine waits in ``wg.Wait()``
for good.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start

WORKERS = 3


@sl.gofunc("main.handle.func1", file="fanout.go")
def work(rt: sl.Runtime, server: Server, wg: sl.WaitGroup):
    yield rt.sleep(5 * sl.Millisecond)  # L15: work()
    if server.fails() and server.leaky:
        return  # L17: the error path skips Done
    wg.done()  # L19


@sl.gofunc("main.handle", file="fanout.go")
def handle(rt: sl.Runtime, server: Server):
    wg = rt.waitgroup()
    for _ in range(WORKERS):
        wg.add(1)
        rt.go(work, rt, server, wg, name="work")  # L14
    yield wg.wait()  # L23


@sl.gofunc("main.main", file="fanout.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)

    @sl.gofunc("main.main", file="fanout.go")  # the Go program starts each handler in main
    def request(_n: int):
        rt.go(handle, rt, server, name="handle")  # L30: go handle()
        yield rt.gosched()

    yield from serve(rt, sim, server, request)


MODEL = model(
    "waitgroup_missing_done",
    "an error path returns without wg.Done(), and wg.Wait() waits forever",
    main,
)
