"""The recursive read lock: a reader takes the RWMutex's read lock twice, a writer in between.

.. code-block:: go

    func (c *Cache) Get(k string, n int) string {
        c.mu.RLock()
        defer c.mu.RUnlock()
        v := c.m[k]
        if stale(k) {
            go c.refresh(k)             // Lock: waits for this reader to leave
        }
        time.Sleep(10 * time.Millisecond)
        return v + c.footer()           // fixed: c.m["footer"], the read lock being held
    }

    func (c *Cache) footer() string {
        c.mu.RLock()                    // waits behind the writer: both stuck
        defer c.mu.RUnlock()
        return c.m["footer"]
    }

A reader may take the read lock again only if no writer comes in between: a
writer's ``Lock`` blocks every new ``RLock`` (so that readers never starve it)
and waits for the readers already inside. The first stale entry starts a
refresh while ``Get`` holds the read lock; ``footer``'s ``RLock`` then waits
for the writer (``sync.RWMutex.RLock``), the writer for ``Get`` (``sync.RWMutex.Lock``),
and every later request waits in ``Get``'s ``RLock``. The cache is reachable
from main, and with it the RWMutex: Go's ``goroutineleak`` counts them all as live.

The program is ``models/zoo/go/recursive_rlock.go``; ``# L<n>`` are its lines.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start

RENDER = 10 * sl.Millisecond  # the time Get holds the read lock before the footer


class Cache:
    """``type Cache struct { mu sync.RWMutex; m map[string]string }``."""

    def __init__(self, rt: sl.Runtime):
        self.mu = rt.rwmutex()
        self.m = {"k": "v", "footer": "."}  # L47


@sl.gofunc("main.(*Cache).Get", file="recursive_rlock.go")
def get(rt: sl.Runtime, c: Cache, server: Server, k: str):
    yield c.mu.rlock()  # L18: c.mu.RLock()
    try:
        v = c.m[k]  # L20
        if server.fails():  # L21: one request in five finds its entry stale
            rt.go(refresh, c, k, name="refresh")  # L22: go c.refresh(k)
        yield rt.sleep(RENDER)  # L24: render the page
        if server.leaky:
            return v + (yield from footer(c))  # L25: v + c.footer()
        return v + c.m["footer"]  # the fix: read it under the lock Get holds
    finally:
        c.mu.runlock()  # L19: defer c.mu.RUnlock()


@sl.gofunc("main.(*Cache).footer", file="recursive_rlock.go")
def footer(c: Cache):
    yield c.mu.rlock()  # L30: c.mu.RLock(), behind the writer
    try:
        return c.m["footer"]  # L32
    finally:
        c.mu.runlock()  # L31


@sl.gofunc("main.(*Cache).refresh", file="recursive_rlock.go")
def refresh(c: Cache, k: str):
    yield c.mu.lock()  # L36: c.mu.Lock(), waits for the readers inside
    try:
        c.m[k] = "fresh"  # L38
    finally:
        c.mu.unlock()  # L37


@sl.gofunc("main.handle", file="recursive_rlock.go")
def handle(rt: sl.Runtime, c: Cache, server: Server):
    yield from get(rt, c, server, "k")  # L42: c.Get("k", n)


@sl.gofunc("main.main", file="recursive_rlock.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)
    c = Cache(rt)  # L47

    def request(_n: int):
        rt.go(handle, rt, c, server, name="handle")  # L59: go handle(c, requests)
        yield rt.gosched()  # L60

    yield from serve(rt, sim, server, request)


MODEL = model(
    "recursive_rlock",
    "a reader takes a RWMutex's read lock again while a writer waits; both wait forever",
    main,
)
