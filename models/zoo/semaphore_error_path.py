"""The semaphore not released on an error path: its capacity leaks, then every request.

.. code-block:: go

    func (p *Pool) Query(ctx context.Context, n int) error {
        if err := p.sem.Acquire(ctx, 1); err != nil {
            return err
        }
        if err := query(n); err != nil {
            return err                  // leaky: the token is never given back
        }                               // fixed: defer p.sem.Release(1) after Acquire
        p.sem.Release(1)
        return nil
    }

A ``semaphore.Weighted`` of 3 lets three queries run at once. Every failed query
returns holding its token, so the pool shrinks by one at each error; after the
third, ``Acquire`` waits (``select``, on the context and its own ready channel)
for a token that will never come back. The requests use ``context.Background()``,
so they wait for good: with a deadline they would fail instead, an error rate of
100% rather than a goroutine leak, and the tokens would be just as lost. The pool
is reachable from main, and so is every waiter on the semaphore's list: Go's
``goroutineleak`` counts them as live.

The program is ``models/zoo/go/semaphore_error_path.go``; ``# L<n>`` are its lines.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start
from simlab.x import semaphore

QUERIES = 3  # queries at once
QUERY = 10 * sl.Millisecond  # how long a query takes

errQuery = sl.errors_new("query failed")  # L15


class Pool:
    """``type Pool struct { sem *semaphore.Weighted }``."""

    def __init__(self, rt: sl.Runtime):
        self.sem = semaphore.Weighted(rt, QUERIES)  # L47: semaphore.NewWeighted(3)


@sl.gofunc("main.query", file="semaphore_error_path.go")
def query(rt: sl.Runtime, server: Server):
    yield rt.sleep(QUERY)  # L34
    if server.fails():  # L35: one request in five
        return errQuery  # L36
    return None  # L38


@sl.gofunc("main.(*Pool).Query", file="semaphore_error_path.go")
def pool_query(rt: sl.Runtime, p: Pool, server: Server, ctx: sl.Context):
    err = yield from p.sem.acquire(ctx, 1)  # L22: p.sem.Acquire(ctx, 1)
    if err is not None:
        return err  # L23
    err = yield from query(rt, server)  # L25
    if err is not None:
        if not server.leaky:
            p.sem.release(1)  # the fix: defer p.sem.Release(1)
        return err  # L26: returns holding the token
    p.sem.release(1)  # L28
    return None  # L29


@sl.gofunc("main.handle", file="semaphore_error_path.go")
def handle(rt: sl.Runtime, p: Pool, server: Server):
    yield from pool_query(rt, p, server, rt.background())  # L42: no deadline


@sl.gofunc("main.main", file="semaphore_error_path.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)
    pool = Pool(rt)  # L47

    def request(_n: int):
        rt.go(handle, rt, pool, server, name="handle")  # L59: go handle(p, requests)
        yield rt.gosched()  # L60

    yield from serve(rt, sim, server, request)


MODEL = model(
    "semaphore_error_path",
    "an error path returns holding a semaphore's token; once none are left, Acquire waits forever",
    main,
)
