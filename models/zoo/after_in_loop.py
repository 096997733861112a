"""time.After in a loop: a timer per iteration, alive until it fires.

.. code-block:: go

    for {
        select {
        case m := <-msgs:
            handle(m)
        case <-time.After(time.Minute): // a new timer at every message
            idle()
        }
    }
    // fixed: t := time.NewTimer(time.Minute) before the loop, t.Reset(time.Minute) in it

No goroutine leaks here: the leak is timers. Before Go 1.23 the runtime kept
every timer until it fired, so a message every 10 ms left 6,000 one-minute
timers in the heap. Since Go 1.23 a timer nobody references is garbage and the
loop is harmless; ``pending_timers`` counts them as the old runtime did.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start
from simlab import Param

IDLE = sl.Minute


@sl.gofunc("main.consume", file="consumer.go")
def consume(rt: sl.Runtime, server: Server, msgs: sl.Chan, done: sl.Chan):
    timer = None if server.leaky else rt.timer(IDLE)
    while True:
        if server.leaky:
            idle = rt.after(IDLE)  # L14: time.After(time.Minute)
        else:
            timer.reset(IDLE)
            idle = timer.c
        i, _, _ = yield sl.select(msgs.recv_case(), idle.recv_case(), done.recv_case())
        if i == 2:
            if timer is not None:
                timer.stop()
            return


@sl.gofunc("main.produce", file="consumer.go")
def produce(rt: sl.Runtime, p: sl.Params, msgs: sl.Chan, done: sl.Chan):
    while True:
        i, _, _ = yield sl.select(done.recv_case(), rt.after(p.message_interval).recv_case())
        if i == 0:
            return
        i, _, _ = yield sl.select(msgs.send_case("m"), done.recv_case())
        if i == 1:  # the consumer may have stopped first
            return


@sl.gofunc("main.main", file="consumer.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)
    msgs, done = rt.chan(name="msgs"), rt.chan(name="done")
    server.long_lived += [
        rt.go(consume, rt, server, msgs, done, name="consume"),
        rt.go(produce, rt, p, msgs, done, name="produce"),
    ]

    def request(_n: int):
        yield rt.gosched()

    yield from serve(rt, sim, server, request)
    done.close()
    yield rt.sleep(sl.Millisecond)


def few_timers(sim, moment: str, **info) -> str | None:
    """At most a handful of timers are pending at once."""
    pending = sim.rt.pending_timers()
    return f"{pending} timers pending" if pending > 10 else None


MODEL = model(
    "after_in_loop",
    "time.After in a select loop: one timer per message, kept until it fires (before Go 1.23)",
    main,
    (Param("message_interval", "10ms", "time between two messages", "duration", min=1),),
    properties=(sl.Property("few timers", few_timers.__doc__, ("end",), few_timers),),
)
