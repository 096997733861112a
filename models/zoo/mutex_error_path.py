"""The mutex not unlocked on an error path: every later caller waits in Lock.

.. code-block:: go

    func (c *Cache) Get(k string) (string, error) {
        c.mu.Lock()
        if !valid(k) {
            return "", errInvalid       // leaky: returns holding the lock
        }                               // fixed: defer c.mu.Unlock() after Lock
        v := c.m[k]
        c.mu.Unlock()
        return v, nil
    }

The first request that takes the error path keeps the mutex locked; from then
on every request's goroutine blocks in ``c.mu.Lock()``. The cache is reachable
from main, and with it the mutex: Go's ``goroutineleak`` counts the waiters as
live, and cannot report them.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start


class Cache:
    """``type Cache struct { mu sync.Mutex; m map[string]string }``."""

    def __init__(self, rt: sl.Runtime):
        self.mu = rt.mutex()
        self.m = {"k": "v"}


@sl.gofunc("main.(*Cache).Get", file="cache.go")
def get(cache: Cache, server: Server):
    yield cache.mu.lock()  # L12: c.mu.Lock()
    if server.fails():
        if not server.leaky:
            cache.mu.unlock()  # the fix
        return None  # L14: return "", errInvalid
    value = cache.m["k"]
    cache.mu.unlock()
    return value


@sl.gofunc("main.handle", file="cache.go")
def handle(cache: Cache, server: Server):
    yield from get(cache, server)  # L30


@sl.gofunc("main.main", file="cache.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)
    cache = Cache(rt)

    @sl.gofunc("main.main", file="cache.go")  # the Go program starts each handler in main
    def request(_n: int):
        rt.go(handle, cache, server, name="handle")  # L40: go handle(cache)
        yield rt.gosched()

    yield from serve(rt, sim, server, request)


MODEL = model(
    "mutex_error_path",
    "an error path returns holding a mutex; every later Lock waits forever",
    main,
)
