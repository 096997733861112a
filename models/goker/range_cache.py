"""RWR deadlock: a lookup read-locks the range cache, then formats the cache for a
log line, which read-locks it again (GoKer's Cockroach6181).

.. code-block:: go

    func (c *cache) Lookup() {
        c.mu.RLock()
        log(c.String())      // String: c.mu.RLock(); defer c.mu.RUnlock()
        c.mu.RUnlock()
        c.mu.Lock(); c.mu.Unlock()
    }

Three lookups run at once. When one waits in ``Lock`` for the readers to leave,
Go's RWMutex makes every new ``RLock`` wait behind that writer, so a reader
that already holds the lock and asks again waits for a writer that waits for
it: the lookups leak in ``sync.RWMutex.RLock`` and ``sync.RWMutex.Lock``, and
the test that waits for them in ``sync.WaitGroup.Wait``. The fix formats the
cache without locking again (the caller holds the read lock).
"""

from __future__ import annotations

import simlab as sl

PROGRAM = "Cockroach6181"
FILE = "cockroach6181.go"


class RangeCache:
    def __init__(self, rt: sl.Runtime):
        self.mu = rt.rwmutex()


@sl.gofunc("main.(*rangeDescriptorCache_cockroach6181).String", file=FILE)
def describe(cache: RangeCache):
    yield cache.mu.rlock()  # L42: the second read lock of one goroutine
    cache.mu.runlock()
    return "something here"


@sl.gofunc("main.(*rangeDescriptorCache_cockroach6181).LookupRangeDescriptor", file=FILE)
def lookup(rt: sl.Runtime, cache: RangeCache):
    yield cache.mu.rlock()  # L34
    yield rt.gosched()  # L35
    yield from describe(cache)  # L36
    cache.mu.runlock()  # L37
    yield cache.mu.lock()  # L38
    cache.mu.unlock()  # L39


@sl.gofunc("main.testRangeCacheCoalescedRequests_cockroach6181", file=FILE)
def coalesced_lookups(rt: sl.Runtime):
    cache = RangeCache(rt)

    @sl.gofunc("main.testRangeCacheCoalescedRequests_cockroach6181.func1", file=FILE)
    def lookups_then_wait():
        wg = rt.waitgroup()
        for _ in range(3):
            wg.add(1)

            @sl.gofunc("main.testRangeCacheCoalescedRequests_cockroach6181.func1.1", file=FILE)
            def one_lookup():
                yield from lookup(rt, cache)  # L64
                wg.done()

            rt.go(one_lookup)  # L63
        yield wg.wait()  # L68

    yield from lookups_then_wait()  # L71


@sl.gofunc("main.Cockroach6181", file=FILE)
def main(rt: sl.Runtime, out: list[str]):
    for _ in range(100):
        rt.go(coalesced_lookups, rt)  # L85
    yield rt.sleep(100 * sl.Millisecond)  # L81
    out.append(sl.goroutineleak_profile(rt, 2, roots=[]))  # L82
