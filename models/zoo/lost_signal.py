"""The lost signal: a Cond is signalled before anyone waits on it, and the waiter waits forever.

.. code-block:: go

    func handle(n int) {
        r := &Result{}
        r.cond = sync.NewCond(&r.mu)
        go fetch(r, n)                  // sets r.done under r.mu, then r.cond.Signal()
        time.Sleep(time.Millisecond)
        r.mu.Lock()
        r.cond.Wait()                   // leaky: waits even if fetch has signalled
        r.mu.Unlock()                   // fixed: for !r.done { r.cond.Wait() }
    }

A ``Signal`` wakes a goroutine that is waiting; with nobody waiting it does
nothing, and nothing remembers it. A fetch that fails at once signals while the
handler is still parsing the request, so the handler's ``Wait``, which checks no
condition, waits for a signal that has come and gone (``sync.Cond.Wait``). The
condition belongs in the state, under the lock, and ``Wait`` in a loop that tests
it. Each Result is the request's own: nothing else references its Cond.

The program is ``models/zoo/go/lost_signal.go``; ``# L<n>`` are its lines.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start

PARSE = sl.Millisecond  # what the handler does before it waits
QUERY = 5 * sl.Millisecond  # what a fetch that does not fail takes


class Result:
    """``type Result struct { mu sync.Mutex; cond *sync.Cond; done bool; v string; err error }``."""

    def __init__(self, rt: sl.Runtime):
        self.mu = rt.mutex()
        self.cond: sl.Cond | None = None
        self.done = False  # set by fetch, under mu
        self.v = ""
        self.err: sl.GoError | None = None


@sl.gofunc("main.handle", file="lost_signal.go")
def handle(rt: sl.Runtime, server: Server):
    r = Result(rt)  # L23
    r.cond = rt.cond(r.mu)  # L24: sync.NewCond(&r.mu)
    rt.go(fetch, rt, r, server, name="fetch")  # L25: go fetch(r, n)
    yield rt.sleep(PARSE)  # L26: parse the request meanwhile
    yield r.mu.lock()  # L27
    if server.leaky:
        yield r.cond.wait()  # L28: r.cond.Wait(), whatever has happened
    else:
        while not r.done:  # the fix: the condition, tested under the lock
            yield r.cond.wait()
    r.mu.unlock()  # L29


@sl.gofunc("main.fetch", file="lost_signal.go")
def fetch(rt: sl.Runtime, r: Result, server: Server):
    assert r.cond is not None
    if server.fails():  # L33: one request in five fails at once
        yield r.mu.lock()  # L34
        r.err, r.done = sl.errors_new("fetch failed"), True  # L35
        r.mu.unlock()  # L36
        r.cond.signal()  # L37: nobody waits yet: the signal is lost
        return  # L38
    yield rt.sleep(QUERY)  # L40: query the backend
    yield r.mu.lock()  # L41
    r.v, r.done = "result", True  # L42
    r.mu.unlock()  # L43
    r.cond.signal()  # L44


@sl.gofunc("main.main", file="lost_signal.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)

    def request(_n: int):
        rt.go(handle, rt, server, name="handle")  # L60: go handle(requests)
        yield rt.gosched()  # L61

    yield from serve(rt, sim, server, request)


MODEL = model(
    "lost_signal",
    "a Cond is signalled before the handler waits, and its Wait checks no condition",
    main,
)
