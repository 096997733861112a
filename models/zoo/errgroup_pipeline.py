"""The errgroup stage that ignores its context: a send that outlives the group's cancel.

.. code-block:: go

    g, ctx := errgroup.WithContext(ctx)
    g.Go(func() error { return list(ctx, ids) })     // selects on ctx.Done()
    g.Go(func() error {                              // the middle stage
        defer close(rows)
        for id := range ids {
            rows <- fetch(id)    // leaky: blocks once the last stage has returned
        }                        // fixed: select on it and <-ctx.Done(), return ctx.Err()
        return nil
    })
    g.Go(func() error { return write(rows) })        // returns at the first error
    return g.Wait()

When a function of the group returns an error, ``errgroup.WithContext``'s context
is cancelled, and that is all: a goroutine that is not watching ``ctx.Done()``
does not hear of it. The last stage stops receiving when its client goes away;
the middle stage, with a row in hand, blocks in ``rows <- ...`` for good, and
``g.Wait()``, which waits for every function of the group, never returns: the
request's goroutine leaks with it, two goroutines per failed request.

The program is ``models/zoo/go/errgroup_pipeline.go``; ``# L<n>`` are its lines.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start
from simlab.x import errgroup

ROWS = 3  # rows per request
QUERY = sl.Millisecond  # fetching a row

errWrite = sl.errors_new("client went away")  # L16


@sl.gofunc("main.handle.func1", file="errgroup_pipeline.go")
def list_ids(ctx: sl.Context, ids: sl.Chan):
    try:
        for i in range(ROWS):  # L24
            k, _, _ = yield sl.select(ids.send_case(i), ctx.done().recv_case())  # L25
            if k == 1:  # L27: case <-ctx.Done()
                return ctx.err()  # L28
        return None  # L31
    finally:
        ids.close()  # L23: defer close(ids)


@sl.gofunc("main.handle.func2", file="errgroup_pipeline.go")
def fetch(rt: sl.Runtime, server: Server, ctx: sl.Context, ids: sl.Chan, rows: sl.Chan):
    try:
        while True:
            i, ok = yield ids.recv()  # L35: for id := range ids
            if not ok:
                return None  # L39
            yield rt.sleep(QUERY)  # L36: query the row
            row = f"row {i}"
            if server.leaky:
                yield rows.send(row)  # L37: rows <- ..., whatever ctx says
            else:  # the fix: give up when the group does
                k, _, _ = yield sl.select(rows.send_case(row), ctx.done().recv_case())
                if k == 1:
                    return ctx.err()
    finally:
        rows.close()  # L34: defer close(rows)


@sl.gofunc("main.handle.func3", file="errgroup_pipeline.go")
def write(rows: sl.Chan, lost: bool):
    while True:
        _, ok = yield rows.recv()  # L42: for range rows
        if not ok:
            return None  # L47
        if lost:  # L43: one request in five loses its client
            return errWrite  # L44


@sl.gofunc("main.handle", file="errgroup_pipeline.go")
def handle(rt: sl.Runtime, server: Server, ctx: sl.Context):
    lost = server.fails()  # n%5 == 0, tested by write at L43
    g, ctx = errgroup.with_context(ctx)  # L19
    ids = rt.chan(name="ids")  # L20
    rows = rt.chan(name="rows")  # L21
    g.go(list_ids, ctx, ids, name="list")  # L22
    g.go(fetch, rt, server, ctx, ids, rows, name="fetch")  # L33
    g.go(write, rows, lost, name="write")  # L41
    return (yield from g.wait())  # L49: return g.Wait()


@sl.gofunc("main.main", file="errgroup_pipeline.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)

    def request(_n: int):
        rt.go(handle, rt, server, rt.background(), name="handle")  # L65: go handle(ctx, requests)
        yield rt.gosched()  # L66

    yield from serve(rt, sim, server, request)


MODEL = model(
    "errgroup_pipeline",
    "a pipeline stage sends without watching the errgroup's context; g.Wait() never returns",
    main,
)
