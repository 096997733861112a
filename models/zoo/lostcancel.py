"""The context never cancelled (go vet's lostcancel): a watcher waits on Done forever.

.. code-block:: go

    func (s *Server) handle(req Request) {
        ctx, cancel := context.WithCancel(s.ctx) // leaky: cancel is never called
        go watch(ctx)                            // returns when ctx is done
        work(req)                                // fixed: defer cancel()
    }

The incident's shape in a dozen lines: ``watch`` selects on ``ctx.Done()``,
and nothing ever cancels ``ctx`` but the server's own context at shutdown. Each
request's context stays registered in ``s.ctx``, which keeps it reachable:
Go's ``goroutineleak`` cannot see the watchers, and a full shutdown frees them.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start


@sl.gofunc("main.watch", file="server.go")
def watch(ctx: sl.Context):
    yield ctx.done().recv()  # L31: <-ctx.Done()


@sl.gofunc("main.(*Server).handle", file="server.go")
def handle(rt: sl.Runtime, server: Server, app: sl.Context):
    ctx, cancel = sl.with_cancel(app, name="requestCtx")  # L22
    rt.go(watch, ctx, name="watch")  # L23
    yield rt.sleep(10 * sl.Millisecond)  # L24: work(req)
    if not server.leaky:
        cancel()  # the fix: defer cancel()


@sl.gofunc("main.main", file="server.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)
    app, stop = sl.with_cancel(rt.background(), name="s.ctx")
    yield from serve(rt, sim, server, lambda _n: handle(rt, server, app))
    stop()  # the server's context ends at shutdown
    yield rt.sleep(sl.Millisecond)


MODEL = model(
    "lostcancel",
    "a request context whose cancel is never called, child of the server's context",
    main,
)
