"""Channels behave as the Go specification and runtime/chan.go say.

Spec, "Channel types": "If the capacity is zero or absent, the channel is
unbuffered and communication succeeds only when both a sender and receiver are
ready. Otherwise, the channel is buffered and communication succeeds without
blocking if the buffer is not full (sends) or not empty (receives)."
"""

import pytest

import simlab as sl
from tests.conftest import run


def test_unbuffered_send_completes_only_at_rendezvous(events):
    """An unbuffered send blocks until a receiver takes the value (spec, Send statements)."""

    def main(rt):
        ch = rt.chan()

        def sender():
            events.append(("send starts", rt.now))
            yield ch.send("x")
            events.append(("send done", rt.now))

        rt.go(sender)
        yield rt.sleep(5)
        v, ok = yield ch.recv()
        events.append(("received", v, ok, rt.now))
        yield rt.sleep(1)

    run(main)
    assert events == [("send starts", 0), ("received", "x", True, 5), ("send done", 5)]


def test_buffered_send_does_not_block_until_full(events):
    """A send on a buffered channel succeeds without blocking while len < cap."""

    def main(rt):
        ch = rt.chan(2)

        def sender():
            for i in range(3):
                yield ch.send(i)
                events.append((f"sent {i}", rt.now, len(ch)))

        rt.go(sender)
        yield rt.sleep(10)
        assert (len(ch), ch.cap) == (2, 2)
        yield ch.recv()
        yield rt.sleep(1)

    run(main)
    assert events == [("sent 0", 0, 1), ("sent 1", 0, 2), ("sent 2", 10, 2)]


def test_fifo_values_and_fifo_blocked_receivers(events):
    """Values come out in the order sent; blocked receivers are served first-come
    first-served (runtime/chan.go: recvq is a FIFO waitq). The receivers block in
    the order Go runs them at GOMAXPROCS=1: the last one started first, then the
    others (recorded: sched_runnext_last_go_runs_first printed d a b c); each one a
    send wakes takes the runnext slot (sched_wake_takes_runnext), so the last woken
    runs first."""

    def main(rt):
        ch = rt.chan()

        def receiver(name):
            v, _ = yield ch.recv()
            events.append((name, v))

        for name in ("r1", "r2", "r3"):
            rt.go(receiver, name)
        yield rt.sleep(1)
        for v in (10, 20, 30):
            yield ch.send(v)
        yield rt.sleep(1)

    run(main)
    assert dict(events) == {"r3": 10, "r1": 20, "r2": 30}
    assert events == [("r2", 30), ("r3", 10), ("r1", 20)]


def test_receive_from_full_buffer_moves_first_blocked_sender_into_buffer(events):
    """chan.go, recv: "the queue is full... take the item at the head of the queue and
    make the sender enqueue its item at the tail of the queue": order is preserved
    and the first blocked sender is released. "d" blocks first: the goroutine
    started last runs first (runnext)."""

    def main(rt):
        ch = rt.chan(2)
        yield ch.send("a")
        yield ch.send("b")

        def sender(v):
            yield ch.send(v)
            events.append(("released", v))

        rt.go(sender, "c")
        rt.go(sender, "d")
        yield rt.sleep(1)
        v, _ = yield ch.recv()
        events.append(("got", v, len(ch)))
        yield rt.sleep(1)
        rest = []
        while len(ch):
            v, _ = yield ch.recv()
            rest.append(v)
        events.append(("rest", rest))  # main has not blocked since: "c" has not run yet
        yield rt.sleep(1)

    run(main)
    assert events == [
        ("got", "a", 2),
        ("released", "d"),
        ("rest", ["b", "d", "c"]),
        ("released", "c"),
    ]


def test_receive_on_closed_channel_drains_buffer_then_zero_value():
    """Spec, Receive operator: "the value of ok is true if the value received was
    delivered by a successful send operation ... false if it is a zero value
    generated because the channel is closed and empty". Go printed:
    1 true / 2 true / 0 false / 0 false."""
    got = []

    def main(rt):
        ch = rt.chan(2)
        yield ch.send(1)
        yield ch.send(2)
        ch.close()
        for _ in range(4):
            got.append((yield ch.recv()))

    run(main)
    assert got == [(1, True), (2, True), (None, False), (None, False)]


def test_close_wakes_every_blocked_receiver():
    """Go printed "0 false" three times for three receivers blocked on a channel
    that is then closed: close wakes all of them, each with the zero value."""
    got = []

    def main(rt):
        ch = rt.chan()

        def receiver():
            got.append((yield ch.recv()))

        for _ in range(3):
            rt.go(receiver)
        yield rt.sleep(1)
        assert rt.num_goroutine() == 4
        ch.close()
        yield rt.sleep(1)
        assert rt.num_goroutine() == 1

    run(main)
    assert got == [(None, False)] * 3


def test_close_makes_blocked_senders_panic():
    """A sender blocked on a channel that gets closed panics with
    "send on closed channel" (Go printed `panic: send on closed channel` and
    `goroutine 18 [running]: main.sender(...)`)."""

    def main(rt):
        ch = rt.chan()

        def sender():
            yield ch.send(1)

        rt.go(sender)
        yield rt.sleep(1)
        ch.close()
        yield rt.sleep(1)

    with pytest.raises(sl.GoPanic) as info:
        run(main)
    assert info.value.message == "send on closed channel"
    assert info.value.goroutine == "2 [sender]"
    assert info.value.dump.startswith("goroutine 2 [running]:\n")


def test_send_on_closed_channel_panics():
    def main(rt):
        ch = rt.chan(1)
        ch.close()
        yield ch.send(1)

    with pytest.raises(sl.GoPanic, match="send on closed channel"):
        run(main)


def test_close_of_closed_channel_panics():
    def main(rt):
        ch = rt.chan()
        ch.close()
        ch.close()
        yield rt.sleep(1)

    with pytest.raises(sl.GoPanic, match="close of closed channel"):
        run(main)


def test_close_of_nil_channel_panics():
    """Go printed "recovered: close of nil channel"."""

    def main(rt):
        sl.nil_chan.close()
        yield rt.sleep(1)

    with pytest.raises(sl.GoPanic, match="close of nil channel"):
        run(main)


def test_panic_can_be_recovered_inside_the_goroutine():
    """`except GoPanic` in the goroutine is Go's deferred recover(): the program goes on."""
    recovered = []

    def main(rt):
        ch = rt.chan()
        ch.close()
        try:
            yield ch.send(1)
        except sl.GoPanic as p:
            recovered.append(p.message)
        yield rt.sleep(1)

    rt = run(main)
    assert recovered == ["send on closed channel"]
    assert rt.halted == "main returned"


@pytest.mark.parametrize(
    ("op", "reason"),
    [("recv", "chan receive (nil chan)"), ("send", "chan send (nil chan)")],
)
def test_nil_channel_blocks_forever(op, reason):
    """Spec: "A nil channel is never ready for communication." Go's wait reasons
    are `chan receive (nil chan)` and `chan send (nil chan)` (runtime2.go)."""

    def main(rt):
        def blocked():
            yield getattr(sl.nil_chan, op)()

        g = rt.go(blocked)
        yield rt.sleep(sl.Hour)
        assert g.status() == reason

    rt = run(main)
    assert rt.halted == "main returned"


def test_len_and_cap():
    """Built-in len is the number of queued elements, cap the buffer size."""

    def main(rt):
        ch = rt.chan(3)
        assert (len(ch), ch.cap) == (0, 3)
        yield ch.send(1)
        assert len(ch) == 1
        assert (len(rt.chan()), rt.chan().cap) == (0, 0)
        assert (len(sl.nil_chan), sl.nil_chan.cap) == (0, 0)

    run(main)


def test_blocked_sender_waits_with_reason_chan_send():
    def main(rt):
        ch = rt.chan()

        def sender():
            yield ch.send(1)

        g = rt.go(sender)
        yield rt.sleep(1)
        assert g.status() == "chan send"
        assert g.waiting_on() == (ch,)

    run(main)
