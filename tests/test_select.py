"""``select`` behaves as the Go specification says.

Spec, "Select statements": "If one or more of the communications can proceed, a
single one that can proceed is chosen via a uniform pseudo-random selection.
Otherwise, if there is a default case, that case is chosen. If there is no
default case, the "select" statement blocks until at least one of the
communications can proceed." And: "Since communication on nil channels can
never proceed, a select with only nil channels and no default case blocks
forever."
"""

from collections import Counter

import pytest

import simlab as sl
from tests.conftest import run


def _three_ready(rt):
    chans = [rt.chan(1) for _ in range(3)]
    for i, ch in enumerate(chans):
        yield ch.send(i)
    return chans


def test_select_chooses_uniformly_among_ready_cases():
    """3,000 selects over three always-ready cases under the random strategy.

    Uniform choice means each case is taken with probability 1/3. Pearson's
    chi-squared statistic over the three counts has 2 degrees of freedom; a
    uniform chooser exceeds 13.82 with probability 0.001. The seed is fixed, so
    the test is deterministic; the bound is what makes it honest.
    """
    counts = Counter()

    def main(rt):
        chans = yield from _three_ready(rt)
        cases = [ch.recv_case() for ch in chans]
        for _ in range(3000):
            i, v, ok = yield sl.select(*cases)
            counts[i] += 1
            assert (v, ok) == (i, True)
            yield chans[i].send(i)  # refill: every case stays ready

    run(main, strategy="random", seed=11)
    expected = 1000
    chi2 = sum((counts[i] - expected) ** 2 / expected for i in range(3))
    assert sorted(counts) == [0, 1, 2]
    assert chi2 < 13.82, counts


def test_fifo_strategy_takes_the_first_ready_case():
    def main(rt):
        chans = yield from _three_ready(rt)
        i, _, _ = yield sl.select(chans[0].recv_case(), chans[1].recv_case())
        assert i == 0
        i, _, _ = yield sl.select(chans[0].recv_case(), chans[1].recv_case())
        assert i == 1  # chans[0] is empty now

    run(main)


def test_default_is_taken_when_nothing_is_ready():
    def main(rt):
        ch = rt.chan()
        result = yield sl.select(ch.recv_case(), ch.send_case(1), default=True)
        assert result == (-1, None, False)

    run(main)


def test_blocked_select_takes_the_first_case_to_become_ready_and_withdraws_the_others():
    """After the select wakes on `b`, it no longer waits on `a`: a later send on
    unbuffered `a` finds no receiver and blocks (chan.go: selectgo dequeues the
    sudogs of the cases that lost)."""
    seen = []

    def main(rt):
        a, b = rt.chan(), rt.chan()

        def selector():
            seen.append((yield sl.select(a.recv_case(), b.recv_case())))

        rt.go(selector)
        yield rt.sleep(1)
        yield b.send("from b")
        yield rt.sleep(1)
        late = rt.go(lambda: (yield a.send("late")), name="late")
        yield rt.sleep(1)
        assert late.status() == "chan send"

    run(main)
    assert seen == [(1, "from b", True)]


def test_select_send_case():
    def main(rt):
        ch = rt.chan(1)
        i, v, ok = yield sl.select(ch.send_case("x"))
        assert (i, v, ok) == (0, None, True)
        assert (yield ch.recv()) == ("x", True)

    run(main)


def test_select_receives_zero_value_from_closed_channel():
    def main(rt):
        ch = rt.chan()
        ch.close()
        assert (yield sl.select(ch.recv_case(), sl.nil_chan.recv_case())) == (0, None, False)

    run(main)


def test_nil_channel_case_is_never_chosen():
    """A nil-channel case can never proceed: with a ready case beside it, the ready
    one is chosen every time, under random choice too."""
    chosen = Counter()

    def main(rt):
        ch = rt.chan(1)
        for _ in range(200):
            yield ch.send(1)
            i, _, _ = yield sl.select(
                sl.nil_chan.recv_case(), ch.recv_case(), sl.nil_chan.send_case(2)
            )
            chosen[i] += 1
        i, _, _ = yield sl.select(sl.nil_chan.recv_case(), default=True)
        chosen[i] += 1

    run(main, strategy="random", seed=3)
    assert chosen == {1: 200, -1: 1}


def test_select_with_only_nil_channels_blocks_forever():
    def main(rt):
        def stuck():
            yield sl.select(sl.nil_chan.recv_case(), sl.nil_chan.send_case(1))

        g = rt.go(stuck)
        yield rt.sleep(sl.Hour)
        assert g.status() == "select"

    run(main)


def test_select_with_no_cases_blocks_forever_and_is_a_deadlock_alone():
    """Go printed `fatal error: all goroutines are asleep - deadlock!` and
    `goroutine 1 [select (no cases)]:` for `func main() { select {} }`."""

    def main(rt):
        yield sl.select()

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    assert "goroutine 1 [select (no cases)]:" in info.value.dump


def test_single_case_select_is_the_plain_operation():
    """The compiler turns a one-case select into the channel operation itself, so a
    Go dump shows `[chan receive]` for `select { case <-ctx.Done(): }` (Go 1.27
    printed `goroutine 10 [chan receive]:` for exactly that)."""

    def main(rt):
        ch = rt.chan()

        def waiter():
            yield sl.select(ch.recv_case())

        g = rt.go(waiter)
        yield rt.sleep(1)
        assert g.status() == "chan receive"
        ch.close()
        yield rt.sleep(1)
        assert not g.alive

    run(main)


def test_select_waiting_reason_is_select():
    def main(rt):
        a, b = rt.chan(), rt.chan()
        g = rt.go(lambda: (yield sl.select(a.recv_case(), b.recv_case())), name="w")
        yield rt.sleep(1)
        assert g.status() == "select"
        assert set(g.waiting_on()) == {a, b}

    run(main)


def test_blocked_select_send_panics_when_its_channel_closes():
    def main(rt):
        a, b = rt.chan(), rt.chan()

        def sender():
            yield sl.select(a.send_case(1), b.recv_case())

        rt.go(sender)
        yield rt.sleep(1)
        a.close()
        yield rt.sleep(1)

    with pytest.raises(sl.GoPanic, match="send on closed channel"):
        run(main)
