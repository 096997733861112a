"""Condition variable: a plugin's activation fails, and nobody tells the goroutine
waiting for it to become active (GoKer's Moby30408).

.. code-block:: go

    func (p *Plugin) waitActive() error {
        p.cond.L.Lock()
        for !p.activated() { p.cond.Wait() }   // the fix: also stop on p.activateErr
        p.cond.L.Unlock()
        return p.activateErr
    }

The test starts a goroutine to wait and waits for it on a channel: the waiter
leaks in ``sync.Cond.Wait`` (no Signal or Broadcast will come), the test in
``chan receive``.
"""

from __future__ import annotations

import simlab as sl

PROGRAM = "Moby30408"
FILE = "moby30408.go"


class Plugin:
    def __init__(self, rt: sl.Runtime):
        self.cond = rt.cond(rt.mutex())
        self.manifest: object | None = None  # set once activated
        self.activate_err: sl.GoError | None = None


@sl.gofunc("main.(*Plugin_moby30408).waitActive", file=FILE)
def wait_active(p: Plugin):
    yield p.cond.L.lock()  # L26
    while p.manifest is None:
        yield p.cond.wait()  # L28
    p.cond.L.unlock()
    return p.activate_err


@sl.gofunc("main.testActive_moby30408", file=FILE)
def test_active(rt: sl.Runtime, p: Plugin):
    done = rt.chan()

    @sl.gofunc("main.testActive_moby30408.func1", file=FILE)
    def waiter():
        yield from wait_active(p)  # L42
        done.close()

    rt.go(waiter)  # L41
    yield done.recv()  # L46


@sl.gofunc("main.Moby30408", file=FILE)
def main(rt: sl.Runtime, out: list[str]):
    @sl.gofunc("main.Moby30408.func2", file=FILE)
    def activation_fails():
        p = Plugin(rt)
        p.activate_err = sl.errors_new("some junk happened")
        yield from test_active(rt, p)  # L65

    rt.go(activation_fails)  # L61
    for _ in range(10):
        yield rt.gosched()  # L56
    out.append(sl.goroutineleak_profile(rt, 2, roots=[]))  # L58
