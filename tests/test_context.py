"""Contexts behave as Go's ``context`` package documents.

Package doc: "When a Context is canceled, all Contexts derived from it are also
canceled." WithCancel: "The returned context's Done channel is closed when the
returned cancel function is called or when the parent context's Done channel is
closed, whichever happens first." WithDeadline: "If the parent's deadline is
already earlier than d, WithDeadline(parent, d) is semantically equivalent to
parent." Background: "It is never canceled, has no values, and has no deadline."
"""

import pytest

import simlab as sl
from tests.conftest import run


def test_background_is_never_done_and_its_done_channel_is_nil():
    """Go printed `Background Done is nil: true`."""

    def main(rt):
        bg = rt.background()
        assert bg.done() is sl.nil_chan
        assert bg.err() is None
        assert bg.deadline() == (0, False)
        yield rt.sleep(1)

    run(main)


def test_cancel_closes_done_and_sets_err():
    def main(rt):
        ctx, cancel = sl.with_cancel(rt.background())
        assert ctx.err() is None
        cancel()
        assert ctx.err() is sl.Canceled
        assert (yield ctx.done().recv()) == (None, False)
        assert str(sl.Canceled) == "context canceled"
        assert str(sl.DeadlineExceeded) == "context deadline exceeded"

    run(main)


def test_cancellation_reaches_grandchildren():
    """Go printed `grandchild err: context canceled cause: context canceled`."""

    def main(rt):
        root, cancel = sl.with_cancel(rt.background())
        child, _ = sl.with_cancel(root)
        grandchild, _ = sl.with_cancel(child)
        woke = []

        def waiter():
            yield grandchild.done().recv()
            woke.append(rt.now)

        rt.go(waiter)
        yield rt.sleep(7)
        cancel()
        yield rt.sleep(1)
        assert woke == [7]
        assert grandchild.err() is sl.Canceled
        assert grandchild.cause() is sl.Canceled

    run(main)


def test_cancelling_a_child_does_not_cancel_its_parent_and_removes_it():
    def main(rt):
        parent, cancel_parent = sl.with_cancel(rt.background())
        child, cancel_child = sl.with_cancel(parent)
        assert parent.children() == [child]
        cancel_child()
        assert parent.err() is None
        assert parent.children() == []
        cancel_parent()
        yield rt.sleep(1)

    run(main)


def test_child_of_a_done_parent_is_born_cancelled():
    def main(rt):
        parent, cancel = sl.with_cancel(rt.background())
        cancel()
        child, _ = sl.with_cancel(parent)
        assert child.err() is sl.Canceled
        assert (yield child.done().recv()) == (None, False)

    run(main)


def test_child_deadline_is_capped_by_the_parents():
    """Go printed `child deadline == parent's: true` for a 1h child of a 1s parent."""

    def main(rt):
        parent, cancel = sl.with_timeout(rt.background(), sl.Second)
        child, cancel_child = sl.with_timeout(parent, sl.Hour)
        assert child.deadline() == parent.deadline() == (sl.Second, True)
        yield child.done().recv()
        assert rt.now == sl.Second
        assert child.err() is sl.DeadlineExceeded
        cancel_child()
        cancel()

    run(main)


def test_timeout_fires_at_the_deadline_with_deadline_exceeded():
    def main(rt):
        ctx, cancel = sl.with_timeout(rt.background(), 5 * sl.Minute)
        v = yield ctx.done().recv()
        assert v == (None, False)
        assert rt.now == 5 * sl.Minute
        assert ctx.err() is sl.DeadlineExceeded
        cancel()  # after expiry: no effect, err stays DeadlineExceeded
        assert ctx.err() is sl.DeadlineExceeded

    run(main)


def test_expired_deadline_is_done_at_once():
    """Go printed `expired deadline err immediately: context deadline exceeded`."""

    def main(rt):
        ctx, _ = sl.with_timeout(rt.background(), -1)
        assert ctx.err() is sl.DeadlineExceeded
        yield rt.sleep(0)

    run(main)


def test_cancel_stops_the_timeout_timer():
    """WithTimeout's doc: "Canceling this context releases resources associated
    with it": the deadline's timer no longer counts as pending, so a program left
    waiting forever is a deadlock at once, not an hour later."""

    def main(rt):
        ctx, cancel = sl.with_timeout(rt.background(), sl.Hour)
        cancel()
        assert ctx.err() is sl.Canceled
        yield rt.chan().recv()

    rt = sl.Runtime()
    with pytest.raises(sl.Deadlock):
        rt.run(main)
    assert rt.now == 0


def test_children_are_cancelled_in_a_strategy_chosen_order():
    """Go cancels children by ranging over a map: Go printed orders 40123, 12340,
    01234 for five children. simlab lets the strategy pick that order: fifo cancels
    in creation order, and each woken waiter takes the runnext slot, so the last one
    runs first (40123, the first order Go printed); random varies it."""

    def order_for(seed, strategy):
        order = []

        def main(rt):
            parent, cancel = sl.with_cancel(rt.background())
            children = [sl.with_cancel(parent)[0] for _ in range(5)]
            for i, child in enumerate(children):

                def waiter(i=i, child=child):
                    yield child.done().recv()
                    order.append(i)

                rt.go(waiter)
            yield rt.sleep(1)
            cancel()
            yield rt.sleep(1)

        run(main, seed=seed, strategy=strategy)
        return "".join(map(str, order))

    assert order_for(0, "fifo") == "40123"
    orders = {order_for(seed, "random") for seed in range(20)}
    assert len(orders) > 1
    assert all(sorted(o) == list("01234") for o in orders)


def test_live_contexts_count_the_cancellable_ones_not_yet_cancelled():
    """A child of a cancellable parent that is never cancelled stays registered:
    what go vet's lostcancel check warns about."""

    def main(rt):
        app, cancel_app = sl.with_cancel(rt.background())
        assert rt.live_contexts() == 1
        sl.with_cancel(app)  # its cancel is never called
        _, cancel_t = sl.with_timeout(app, sl.Second)
        assert rt.live_contexts() == 3
        cancel_t()
        assert rt.live_contexts() == 2
        cancel_app()
        assert rt.live_contexts() == 0
        yield rt.sleep(1)

    run(main)


def test_cancel_called_is_recorded():
    def main(rt):
        parent, cancel = sl.with_cancel(rt.background(), name="app")
        child, _ = sl.with_cancel(parent, name="readerCtx")
        cancel()
        assert parent.cancel_called and not child.cancel_called
        assert child.err() is sl.Canceled
        assert [c.label() for c in child.ancestry()] == ["readerCtx", "app", "context.Background"]
        yield rt.sleep(1)

    run(main)
