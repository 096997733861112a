"""Channel & lock: stopping the broadcaster holds its lock while it waits for the
broadcast loop to finish, and the loop needs that lock (GoKer's Etcd6873).

.. code-block:: go

    go func() { defer close(b.done); for u := range b.updates { b.mu.Lock(); b.mu.Unlock() } }()
    func (b *broadcasts) stop() {
        b.mu.Lock(); defer b.mu.Unlock()
        close(b.updates)
        <-b.done                   // the loop may be waiting for b.mu
    }

With an update pending, the loop takes it after ``stop`` has locked: the loop
leaks in ``sync.Mutex.Lock``, ``stop`` in ``chan receive``. The fix unlocks
before waiting.
"""

from __future__ import annotations

import simlab as sl

PROGRAM = "Etcd6873"
FILE = "etcd6873.go"


class Broadcasts:
    def __init__(self, rt: sl.Runtime):
        self.mu = rt.mutex()
        self.updates = rt.chan(1)
        self.done = rt.chan()


@sl.gofunc("main.newWatchBroadcasts_etcd6873", file=FILE)
def new_broadcasts(rt: sl.Runtime) -> Broadcasts:
    b = Broadcasts(rt)

    @sl.gofunc("main.newWatchBroadcasts_etcd6873.func1", file=FILE)
    def loop():
        try:
            while True:
                _, ok = yield b.updates.recv()  # L38
                if not ok:
                    return
                yield b.mu.lock()  # L45: coalesce
                b.mu.unlock()
        finally:
            b.done.close()

    rt.go(loop)  # L36
    return b


@sl.gofunc("main.(*watchBroadcasts_etcd6873).stop", file=FILE)
def stop(b: Broadcasts):
    yield b.mu.lock()  # L50
    try:
        b.updates.close()  # L52
        yield b.done.recv()  # L53
    finally:
        b.mu.unlock()


@sl.gofunc("main.Etcd6873", file=FILE)
def main(rt: sl.Runtime, out: list[str]):
    for _ in range(100):

        @sl.gofunc("main.Etcd6873.func2", file=FILE)
        def one():
            b = new_broadcasts(rt)  # L93
            yield sl.select(b.updates.send_case(object()), default=True)  # L94: update
            rt.go(stop, b)  # L95

        rt.go(one)  # L92
    yield rt.sleep(100 * sl.Millisecond)  # L87
    out.append(sl.goroutineleak_profile(rt, 2, roots=[]))  # L88
