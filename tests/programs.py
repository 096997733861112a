"""Small Go programs the schedule and determinism tests run (also in subprocesses)."""

from __future__ import annotations

import simlab as sl


def racy(rt: sl.Runtime):
    """Four producers race to a small buffer, against timeouts and a deadline."""
    ch = rt.chan(2)
    ctx, cancel = sl.with_timeout(rt.background(), 40)
    wg = rt.waitgroup()
    got = []

    def producer(i):
        try:
            for k in range(6):
                which, _, _ = yield sl.select(
                    ch.send_case((i, k)), ctx.done().recv_case(), rt.after(3 + i).recv_case()
                )
                if which == 1:
                    return
                yield rt.gosched()
        finally:
            wg.done()

    def consumer():
        while True:
            v, ok = yield ch.recv()
            if not ok:
                return
            got.append(v)
            yield rt.sleep(1 + len(got) % 3)

    for i in range(4):
        wg.add(1)
        rt.go(producer, i, name="producer")
    rt.go(consumer)
    children = [sl.with_cancel(ctx)[0] for _ in range(4)]
    for child in children:
        rt.go(lambda c=child: (yield c.done().recv()), name="watcher")
    yield wg.wait()
    cancel()
    ch.close()
    yield rt.sleep(10)
    return got


def digest(seed: int, strategy: str = "random") -> str:
    rt = sl.Runtime(seed=seed, strategy=strategy)
    rt.run(racy)
    return rt.trace_digest()


def ordering_bug(rt: sl.Runtime, steps: int = 20):
    """The PCT paper's depth-1 shape: the bug shows only if goroutine A finishes all
    its ``steps`` steps before goroutine B takes its first. Returns True on the bug."""
    state = {"a": 0, "bug": False}
    wg = rt.waitgroup()
    wg.add(2)

    def a():
        for _ in range(steps):
            state["a"] += 1
            yield rt.gosched()
        wg.done()

    def b():
        state["bug"] = state["a"] == steps
        for _ in range(steps):
            yield rt.gosched()
        wg.done()

    rt.go(a)
    rt.go(b)
    yield wg.wait()
    return state["bug"]


if __name__ == "__main__":
    import sys

    print(digest(int(sys.argv[1]), sys.argv[2]))
