"""The built-in demonstration: the classic "forgotten sender" goroutine leak.

A handler starts a worker to run a query and waits for its answer or a 100 ms
timeout. The answer travels on an *unbuffered* channel, so when the timeout wins
nobody will ever receive, and the worker blocks in ``ch <- result`` forever.
(``make(chan string, 1)`` is the fix: the send then completes into the buffer.)
"""

from __future__ import annotations

import simlab as sl

TIMEOUT = 100 * sl.Millisecond


@sl.gofunc("main.search.func1", file="search.go")
def _worker(rt: sl.Runtime, ch: sl.Chan, query_time: int):
    yield rt.sleep(query_time)  # L14
    yield ch.send("result")  # L15: blocks forever once search has returned


@sl.gofunc("main.search", file="search.go")
def search(rt: sl.Runtime, query_time: int, buffered: bool):
    ch = rt.chan(1 if buffered else 0)  # L11
    rt.go(_worker, rt, ch, query_time, name="worker")  # L13
    i, _, _ = yield sl.select(ch.recv_case(), rt.after(TIMEOUT).recv_case())  # L18
    return i == 0


@sl.gofunc("main.main", file="search.go")
def main(rt: sl.Runtime, requests: int, buffered: bool, report: dict):
    latency = rt.rng("workload")
    served = 0
    for _ in range(requests):
        query_time = int(latency.exponential(60 * sl.Millisecond))
        served += yield from search(rt, query_time, buffered)  # L30
        yield rt.sleep(50 * sl.Millisecond)  # L31
    report["count"] = rt.num_goroutine()
    report["profile"] = rt.goroutine_profile(debug=1)  # L34
    return served


def demo(seed: int = 1, buffered: bool = False) -> str:
    """Run the demonstration and return its report."""
    rt = sl.Runtime(seed=seed, strategy="random")
    requests = 200
    holder: dict = {}
    result = rt.run(main, requests, buffered, holder)
    fix = "make(chan string, 1)" if buffered else "make(chan string), unbuffered"
    return (
        f"forgotten sender: {requests} requests with a {sl.format_duration(TIMEOUT)} timeout, "
        f"channel {fix}\n"
        f"answered in time: {result.value}, timed out: {requests - result.value}\n"
        f"runtime.NumGoroutine() at the end: {holder['count']} "
        f"(main + {holder['count'] - 1} leaked workers)\n\n"
        f"{holder['profile']}"
    )
