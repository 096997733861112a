"""The rest of Go's context package: causes, values, WithoutCancel and AfterFunc.

WithCancelCause: "Calling cancel with a non-nil error (the "cause") records that
error in ctx; it can then be retrieved using Cause(ctx). Calling cancel with nil
sets the cause to Canceled." Cause: "The first cancellation of c or one of its
parents sets the cause. [...] Otherwise Cause(c) returns the same value as
c.Err(). Cause returns nil if c has not been canceled yet." WithValue: "In the
derived context, the value associated with key is val." WithoutCancel: "The
returned context returns no Deadline or Err, and its Done channel is nil.
Calling Cause on the returned context returns nil." AfterFunc: "arranges to call
f in its own goroutine after ctx is canceled. If ctx is already canceled,
AfterFunc calls f immediately in its own goroutine. [...] It returns true if the
call stopped f from being run. If stop returns false, either the context is
canceled and f has been started in its own goroutine; or f was already stopped."

Where a test ports a program of tests/conformance/go/, it compares with what Go
1.27.3 printed for it (tests/conformance/recorded.json).
"""

from __future__ import annotations

import math

import pytest

import simlab as sl
from tests.conftest import run
from tests.recorded import GO

MS = sl.Millisecond


def v(x) -> str:
    """``x`` as fmt.Println prints it."""
    if x is None:
        return "<nil>"
    if isinstance(x, bool):
        return "true" if x else "false"
    return str(x)


class key(str):  # Go: type key string
    __slots__ = ()


# --- causes -----------------------------------------------------------------------


def test_cancel_with_a_cause_records_it_and_the_first_cancellation_wins():
    """Port of context_cancel_cause: Go printed `err: context canceled`, `cause: disk
    full`, `nil cause err: context canceled cause: context canceled true`, `child of
    cancelled parent err: context canceled cause: disk full`."""
    out = []

    def main(rt):
        ctx, cancel = sl.with_cancel_cause(rt.background())
        cancel(sl.errors_new("disk full"))
        cancel(sl.errors_new("too late"))
        out.append(f"err: {v(ctx.err())}")
        out.append(f"cause: {v(sl.cause(ctx))}")
        ctx2, cancel2 = sl.with_cancel_cause(rt.background())
        cancel2(None)
        c2 = sl.cause(ctx2)
        out.append(f"nil cause err: {v(ctx2.err())} cause: {v(c2)} {v(c2 is sl.Canceled)}")
        child, cancel_child = sl.with_cancel(ctx)
        out.append(f"child of cancelled parent err: {v(child.err())} cause: {v(sl.cause(child))}")
        cancel_child()
        yield rt.sleep(1)

    run(main)
    assert out == GO["context_cancel_cause"]["stdout"]


def test_a_child_of_a_cancelled_parent_is_born_with_its_cause():
    """Port of context_child_of_done_parent: Go printed `child done at birth`, `err:
    context canceled cause: shutdown`."""
    out = []

    def main(rt):
        parent, cancel = sl.with_cancel_cause(rt.background())
        cancel(sl.errors_new("shutdown"))
        child, cancel_child = sl.with_cancel(parent)
        i, _, _ = yield sl.select(child.done().recv_case(), default=True)
        out.append("child done at birth" if i == 0 else "child not done")
        out.append(f"err: {v(child.err())} cause: {v(sl.cause(child))}")
        cancel_child()

    run(main)
    assert out == GO["context_child_of_done_parent"]["stdout"]


def test_cause_is_nil_until_cancelled_and_each_context_keeps_its_own_first_cause():
    """CancelCauseFunc: "if childContext is canceled with cause2 before parentContext
    is canceled with cause1, then Cause(parentContext) == cause1 and
    Cause(childContext) == cause2". Go 1.27 printed `uncancelled: cause <nil>`,
    `child first: cause1 cause2`."""

    def main(rt):
        c1, c2 = sl.errors_new("cause1"), sl.errors_new("cause2")
        parent, cancel_parent = sl.with_cancel_cause(rt.background())
        child, cancel_child = sl.with_cancel_cause(parent)
        before = sl.cause(child)
        cancel_child(c2)
        cancel_parent(c1)
        yield rt.sleep(1)
        return before, sl.cause(parent), sl.cause(child)

    before, parent_cause, child_cause = sl.Runtime().run(main).value
    assert before is None
    assert str(parent_cause) == "cause1" and str(child_cause) == "cause2"


def test_background_has_no_cause():
    """From context_background_todo: Go printed `... err: <nil> cause: <nil>
    deadline: false`."""

    def main(rt):
        bg = rt.background()
        yield rt.sleep(1)
        return bg.err(), sl.cause(bg), bg.deadline()[1]

    assert sl.Runtime().run(main).value == (None, None, False)


def test_deadline_cause_is_the_cause_when_the_deadline_passes():
    """Port of context_deadline_cause: Go printed `at 3s err: context deadline exceeded
    cause: deadline passed`, `past deadline err: context deadline exceeded cause:
    deadline passed`."""
    out = []

    def main(rt):
        start = rt.now
        late = sl.errors_new("deadline passed")
        ctx, cancel = sl.with_deadline_cause(rt.background(), start + 3 * sl.Second, late)
        try:
            yield ctx.done().recv()
            at = sl.format_duration(rt.now - start)
            out.append(f"at {at} err: {v(ctx.err())} cause: {v(sl.cause(ctx))}")
            past, cancel_past = sl.with_deadline_cause(rt.background(), start, late)
            out.append(f"past deadline err: {v(past.err())} cause: {v(sl.cause(past))}")
            cancel_past()
        finally:
            cancel()

    run(main)
    assert out == GO["context_deadline_cause"]["stdout"]


def test_timeout_cause_is_set_by_the_timeout_only_not_by_cancel():
    """Port of context_timeout_cause: "The returned CancelFunc does not set the
    cause." Go printed `at 1s err: context deadline exceeded cause: backend too
    slow`, `cancelled early err: context canceled cause: context canceled`, `after
    its deadline err: context canceled cause: context canceled`."""
    out = []

    def main(rt):
        start = rt.now
        slow = sl.errors_new("backend too slow")
        ctx, cancel = sl.with_timeout_cause(rt.background(), sl.Second, slow)
        yield ctx.done().recv()
        at = sl.format_duration(rt.now - start)
        out.append(f"at {at} err: {v(ctx.err())} cause: {v(sl.cause(ctx))}")
        ctx2, cancel2 = sl.with_timeout_cause(rt.background(), sl.Second, slow)
        cancel2()
        out.append(f"cancelled early err: {v(ctx2.err())} cause: {v(sl.cause(ctx2))}")
        yield rt.sleep(2 * sl.Second)
        out.append(f"after its deadline err: {v(ctx2.err())} cause: {v(sl.cause(ctx2))}")
        cancel()

    run(main)
    assert out == GO["context_timeout_cause"]["stdout"]


def test_a_timeout_cause_under_an_earlier_parent_deadline_is_never_used():
    """WithDeadlineCause returns WithCancel(parent) when the parent's deadline is
    sooner, so the parent's expiry gives the child the parent's cause."""

    def main(rt):
        parent, cancel_parent = sl.with_timeout(rt.background(), sl.Second)
        child, cancel_child = sl.with_timeout_cause(parent, sl.Hour, sl.errors_new("mine"))
        yield child.done().recv()
        cancel_child()
        cancel_parent()
        return rt.now, child.err(), sl.cause(child)

    assert sl.Runtime().run(main).value == (sl.Second, sl.DeadlineExceeded, sl.DeadlineExceeded)


# --- values -----------------------------------------------------------------------


def test_value_looks_up_the_chain_and_the_nearest_key_shadows_outer_ones():
    """Port of context_value_chain: Go printed `inner user: bob`, `inner role: admin`,
    `outer user: ann`, `missing: <nil>`, `other key type: <nil>` (the string
    "user" is not the key key("user"))."""
    out = []

    def main(rt):
        ctx = sl.with_value(rt.background(), key("user"), "ann")
        ctx = sl.with_value(ctx, key("role"), "admin")
        ctx, cancel = sl.with_cancel(ctx)
        inner = sl.with_value(ctx, key("user"), "bob")
        out.append(f"inner user: {v(inner.value(key('user')))}")
        out.append(f"inner role: {v(inner.value(key('role')))}")
        out.append(f"outer user: {v(ctx.value(key('user')))}")
        out.append(f"missing: {v(inner.value(key('team')))}")
        out.append(f"other key type: {v(inner.value('user'))}")
        cancel()
        yield rt.sleep(1)

    run(main)
    assert out == GO["context_value_chain"]["stdout"]


def test_a_nan_key_finds_no_value_as_go_compares_keys_with_equality():
    """Go's Value compares keys with ==, and the spec's NaN is equal to nothing, not
    even itself: go1.27.3 printed <nil> for WithValue(bg, nan, "v").Value(nan),
    and "v" for a key 1.5."""
    out = []

    def main(rt):
        nan = math.nan
        out.append(v(sl.with_value(rt.background(), nan, "v").value(nan)))
        out.append(v(sl.with_value(rt.background(), 1.5, "v").value(1.5)))
        yield rt.sleep(1)

    run(main)
    assert out == ["<nil>", "v"]


def test_a_value_context_is_cancelled_with_its_parent_and_passes_the_cause_on():
    """Go 1.27 printed `through WithValue: err context canceled cause cause1
    grandchild context canceled cause1` for a WithCancel under a WithValue under a
    WithCancelCause cancelled with cause1."""

    def main(rt):
        parent, cancel = sl.with_cancel_cause(rt.background())
        value = sl.with_value(parent, key("k"), "v")
        grandchild, cancel_grandchild = sl.with_cancel(value)
        assert parent.children() == [grandchild]  # registered with the cancellable parent
        assert sl.cause(value) is None
        cancel(sl.errors_new("cause1"))
        yield grandchild.done().recv()
        cancel_grandchild()
        return [str(x) for x in (value.err(), sl.cause(value), grandchild.err())] + [
            str(sl.cause(grandchild))
        ]

    assert sl.Runtime().run(main).value == [
        "context canceled",
        "cause1",
        "context canceled",
        "cause1",
    ]


def test_with_value_done_is_the_parent_s_and_its_deadline_too():
    def main(rt):
        parent, cancel = sl.with_timeout(rt.background(), sl.Second)
        ctx = sl.with_value(parent, key("k"), 1)
        assert ctx.done() is parent.done()
        assert ctx.deadline() == parent.deadline() == (sl.Second, True)
        yield ctx.done().recv()
        cancel()
        return rt.now, ctx.err()

    assert sl.Runtime().run(main).value == (sl.Second, sl.DeadlineExceeded)


def test_the_constructors_panic_on_a_nil_parent_and_a_nil_or_uncomparable_key():
    """Port of context_constructor_panics: Go printed `nil parent: cannot create
    context from nil parent`, `nil key: nil key`, `slice key: key is not comparable`,
    `WithoutCancel nil parent: cannot create context from nil parent`."""
    out = []

    def main(rt):
        for name, f in (
            ("nil parent", lambda: sl.with_cancel(None)),
            ("nil key", lambda: sl.with_value(rt.background(), None, 1)),
            ("slice key", lambda: sl.with_value(rt.background(), [1], 1)),
            ("WithoutCancel nil parent", lambda: sl.without_cancel(None)),
        ):
            try:
                f()
            except sl.GoPanic as p:
                out.append(f"{name}: {p.message}")
        yield rt.sleep(1)

    run(main)
    assert out == GO["context_constructor_panics"]["stdout"]


# --- WithoutCancel ----------------------------------------------------------------


def test_without_cancel_keeps_the_values_and_nothing_else():
    """Port of context_without_cancel (its last line, the context's String, is not
    modelled): Go printed `parent err: context canceled`, `detached err: <nil> cause:
    <nil>`, `detached done is nil: true deadline: false`, `detached value: kept`."""
    out = []

    def main(rt):
        parent, cancel = sl.with_timeout(sl.with_value(rt.background(), 1, "kept"), sl.Second)
        detached = sl.without_cancel(parent)
        cancel()
        out.append(f"parent err: {v(parent.err())}")
        out.append(f"detached err: {v(detached.err())} cause: {v(sl.cause(detached))}")
        nil = detached.done() is sl.nil_chan
        out.append(f"detached done is nil: {v(nil)} deadline: {v(detached.deadline()[1])}")
        out.append(f"detached value: {v(detached.value(1))}")
        yield rt.sleep(1)

    run(main)
    assert out == GO["context_without_cancel"]["stdout"][:4]


def test_a_child_of_a_without_cancel_context_is_not_cancelled_by_the_parent():
    """Go 1.27 printed `detached child err: <nil>` after the original parent was
    cancelled, and `context canceled context canceled` after its own cancel."""

    def main(rt):
        parent, cancel = sl.with_cancel(rt.background())
        child, cancel_child = sl.with_cancel(sl.without_cancel(parent))
        cancel()
        yield rt.sleep(1)
        before = child.err()
        cancel_child()
        return before, child.err(), sl.cause(child), rt.live_contexts()

    assert sl.Runtime().run(main).value == (None, sl.Canceled, sl.Canceled, 0)


# --- AfterFunc --------------------------------------------------------------------


def test_after_func_runs_f_once_in_its_own_goroutine_when_ctx_is_cancelled():
    """Port of context_afterfunc_runs_once: Go printed `ran before cancel: 0`, `ran at
    1s`, `extra runs: 0`, `stop after run: false`."""
    out = []

    def main(rt):
        start = rt.now
        ctx, cancel = sl.with_cancel(rt.background())
        ran = rt.chan(10)
        stop = sl.after_func(ctx, lambda: (yield ran.send(rt.now - start)))
        yield rt.sleep(sl.Second)
        out.append(f"ran before cancel: {len(ran)}")
        cancel()
        cancel()
        at, _ = yield ran.recv()
        out.append(f"ran at {sl.format_duration(at)}")
        yield rt.sleep(sl.Second)
        out.append(f"extra runs: {len(ran)}")
        out.append(f"stop after run: {v(stop())}")

    run(main)
    assert out == GO["context_afterfunc_runs_once"]["stdout"]


def test_stop_before_cancel_keeps_f_from_running():
    """Port of context_afterfunc_stop_before: Go printed `first stop: true`, `second
    stop: false`, `f ran: false`."""
    out = []

    def main(rt):
        ctx, cancel = sl.with_cancel(rt.background())
        ran = []
        stop = sl.after_func(ctx, lambda: ran.append(True))
        out.append(f"first stop: {v(stop())}")
        out.append(f"second stop: {v(stop())}")
        cancel()
        yield rt.sleep(sl.Second)
        out.append(f"f ran: {v(bool(ran))}")

    run(main)
    assert out == GO["context_afterfunc_stop_before"]["stdout"]


def test_after_func_on_a_cancelled_context_starts_f_at_once():
    """Port of context_afterfunc_already_cancelled: "If ctx is already canceled,
    AfterFunc calls f immediately in its own goroutine". Go printed `registered`,
    `f ran at 0s`, `stop: false`: the caller goes on first."""
    out = []

    def main(rt):
        start = rt.now
        ctx, cancel = sl.with_cancel(rt.background())
        cancel()
        done = rt.chan()
        stop = sl.after_func(ctx, lambda: (yield done.send(rt.now - start)))
        out.append("registered")
        at, _ = yield done.recv()
        out.append(f"f ran at {sl.format_duration(at)}")
        out.append(f"stop: {v(stop())}")

    run(main)
    assert out == GO["context_afterfunc_already_cancelled"]["stdout"]


def test_cancel_does_not_wait_for_f():
    """Port of context_afterfunc_own_goroutine: Go printed `cancel returned at 0s`,
    `f finished at 1s`."""
    out = []

    def main(rt):
        start = rt.now
        ctx, cancel = sl.with_cancel(rt.background())
        gate, finished = rt.chan(), rt.chan()

        def f():
            yield gate.recv()
            yield finished.send(rt.now - start)

        sl.after_func(ctx, f)
        cancel()
        out.append(f"cancel returned at {sl.format_duration(rt.now - start)}")
        yield rt.sleep(sl.Second)
        yield gate.send(True)
        at, _ = yield finished.recv()
        out.append(f"f finished at {sl.format_duration(at)}")

    run(main)
    assert out == GO["context_afterfunc_own_goroutine"]["stdout"]


def test_after_func_on_a_timeout_runs_at_the_deadline():
    """Port of context_afterfunc_deadline: Go printed `f at 3s: context deadline
    exceeded`."""

    def main(rt):
        start = rt.now
        ctx, cancel = sl.with_timeout(rt.background(), 3 * sl.Second)
        out = rt.chan()
        sl.after_func(
            ctx, lambda: (yield out.send(f"f at {sl.format_duration(rt.now - start)}: {ctx.err()}"))
        )
        line, _ = yield out.recv()
        cancel()
        return line

    assert [sl.Runtime().run(main).value] == GO["context_afterfunc_deadline"]["stdout"]


def test_several_after_funcs_all_run_in_an_order_the_strategy_picks():
    """Port of context_afterfunc_several: Go printed `ran: [f1 f2 f3]` and the arrival
    orders `[f1 f2 f3]`, `[f2 f3 f1]`, `[f3 f1 f2]` (Go's map order)."""

    def main(rt):
        ctx, cancel = sl.with_cancel(rt.background())
        ran = rt.chan(3)
        for name in ("f1", "f2", "f3"):
            sl.after_func(ctx, lambda name=name: (yield ran.send(name)))
        cancel()
        yield rt.sleep(sl.Second)
        ran.close()
        names = []
        while True:
            n, ok = yield ran.recv()
            if not ok:
                break
            names.append(n)
        return [f"ran: [{' '.join(sorted(names))}]", f"arrival order: [{' '.join(names)}]"]

    go = GO["context_afterfunc_several"]
    go_outcomes = {tuple(o["stdout"]) for o in go["outcomes"] + go["gomaxprocs1"]["outcomes"]}
    seen = {tuple(sl.Runtime(seed=s, strategy="random").run(main).value) for s in range(30)}
    assert all(line.startswith("ran: [f1 f2 f3]") for line, _ in seen)
    assert go_outcomes <= seen


def test_after_func_on_a_context_never_cancelled_never_runs_f():
    """Go 1.27 printed `AfterFunc on Background: stop true false`, and `ran: 1 value
    over cancel` with `stop on detached: true` for an AfterFunc on a WithValue over
    a cancelled WithCancel and one on a WithoutCancel of it."""

    def main(rt):
        ran = []
        stop = sl.after_func(rt.background(), lambda: ran.append("background"))
        stops = (stop(), stop())
        parent, cancel = sl.with_cancel(rt.background())
        sl.after_func(sl.with_value(parent, key("k"), 1), lambda: ran.append("value over cancel"))
        stop_detached = sl.after_func(sl.without_cancel(parent), lambda: ran.append("detached"))
        cancel()
        yield rt.sleep(10 * MS)
        return stops, ran, stop_detached()

    assert sl.Runtime().run(main).value == ((True, False), ["value over cancel"], True)


def test_an_after_func_goroutine_is_created_by_context_s_after_func_ctx():
    """Go 1.27 printed, for an AfterFunc's f blocked on a channel:

    goroutine 19 [chan receive]:
    main.main.func1()
    created by context.(*afterFuncCtx).cancel.func1 in goroutine 1
        /usr/local/go/src/context/context.go:359 +0x1b
    """

    def main(rt):
        ctx, cancel = sl.with_cancel(rt.background())
        sl.after_func(ctx, lambda: (yield rt.chan().recv()))
        cancel()
        yield rt.sleep(1)
        return rt.goroutine_profile(debug=2)

    f = sl.Runtime().run(main).value.split("\n\n")[1].splitlines()
    assert f[0] == "goroutine 2 [chan receive]:"
    assert f[-2:] == [
        "created by context.(*afterFuncCtx).cancel.func1 in goroutine 1",
        "\t/usr/local/go/src/context/context.go:359",
    ]


def test_after_funcs_are_not_contexts_of_the_program():
    """An AfterFunc is registered among its context's children (as Go's afterFuncCtx
    is) but is not one of the program's contexts: live_contexts and children() do not
    count it."""

    def main(rt):
        ctx, cancel = sl.with_cancel(rt.background())
        stop = sl.after_func(ctx, lambda: None)
        counts = rt.live_contexts(), ctx.children()
        stop()
        cancel()
        yield rt.sleep(1)
        return counts

    assert sl.Runtime().run(main).value == (1, [])


def test_a_goroutine_leaked_in_an_after_func_is_flagged():
    """f runs in a goroutine of its own: if it blocks for good it leaks like any other."""
    from simlab.observe.leaks import check

    rt = sl.Runtime()

    def main(rt):
        ctx, cancel = sl.with_cancel(rt.background())

        def cleanup():
            yield rt.chan().send(1)  # nobody receives

        sl.after_func(ctx, cleanup)
        cancel()
        yield rt.sleep(1)

    rt.run(main)
    report = check(rt)
    [g] = report.goroutines.values()
    assert g.name == "cleanup" and g.status() == "chan send"
    assert all(v.flagged for v in report.verdicts[g.id].values())


@pytest.mark.parametrize("strategy", ["fifo", "random"])
def test_the_cancellable_contexts_behave_as_before(strategy):
    """with_cancel/with_timeout/with_deadline are unchanged: the values below are what
    the context module printed before with_value, causes and AfterFunc were added
    (same ids, errors, instants and creation lines; the trace digests were equal
    too, and the full suite checks the models' digests)."""

    def main(rt):
        root, cancel = sl.with_cancel(rt.background())
        kids = [sl.with_timeout(root, (i + 1) * sl.Second)[0] for i in range(4)]
        kids.append(sl.with_deadline(kids[0], sl.Hour)[0])
        yield rt.sleep(1500 * MS)
        cancel()
        return [(k.id, k.kind, str(k.err()), k.cancelled_at, k.created_at[1]) for k in kids]

    line = main.__code__.co_firstlineno
    got = sl.Runtime(seed=3, strategy=strategy).run(main).value
    assert got == [
        (2, "WithDeadline", "context deadline exceeded", sl.Second, line + 2),
        (4, "WithDeadline", "context canceled", 1500 * MS, line + 2),
        (6, "WithDeadline", "context canceled", 1500 * MS, line + 2),
        (8, "WithDeadline", "context canceled", 1500 * MS, line + 2),
        (10, "WithCancel", "context deadline exceeded", sl.Second, line + 3),
    ]


# --- a context of one's own ----------------------------------------------------------
#
# A Context subclass of the model's own, as a translated program's type with Go's four
# methods is (go.CustomContext). The figures are what Go 1.27.3 printed for the
# programs of tests/test_translate.py's CONSTRUCTS custom_context,
# custom_context_own_done, custom_context_never_done and custom_context_after_func.


class Gate(sl.Context):
    """Go: a *gate whose Done is a channel of its own, and whose Err is set when it
    is closed."""

    __slots__ = ("ch", "error")

    def __init__(self, rt):
        super().__init__(rt)
        self.ch = rt.chan()
        self.error = None

    def done(self):
        return self.ch

    def err(self):
        return self.error

    def close(self, err):
        self.error = err
        self.ch.close()

    def __str__(self):
        return "*main.gate"


class Wrap(sl.Context):
    """Go: a type whose four methods call the same methods of the context it wraps."""

    __slots__ = ("inner",)

    def __init__(self, inner):
        super().__init__(inner.runtime)
        self.inner = inner

    def done(self):
        return self.inner.done()

    def err(self):
        return self.inner.err()

    def deadline(self):
        return self.inner.deadline()

    def value(self, key):
        return self.inner.value(key)


def test_a_parent_of_ones_own_with_its_own_done_channel_is_watched_by_a_goroutine():
    """WithCancel: "The returned context's Done channel is closed [...] when the
    parent context's Done channel is closed". Go starts one goroutine to watch a parent
    it does not know (custom_context_own_done: goroutines added 1, after 0), and the
    child takes the parent's Err and, there being no cancellable context behind it,
    its Err as the cause."""

    def main(rt):
        gate = Gate(rt)
        before = rt.num_goroutine()
        ctx, cancel = sl.with_timeout(gate, sl.Hour)
        added = rt.num_goroutine() - before
        full = sl.errors_new("gate closed")
        gate.close(full)
        yield ctx.done().recv()
        yield rt.sleep(MS)
        after = rt.num_goroutine() - before
        born, _ = sl.with_cancel(gate)
        cancel()
        return added, ctx.err() is full, sl.cause(ctx) is full, after, born.err() is full

    assert sl.Runtime().run(main).value == (1, True, True, 0, True)


def test_the_watching_goroutine_is_the_context_packages():
    """Go 1.27 printed, for a child of a *gate never done:

    goroutine 6 [select]:
    context.(*cancelCtx).propagateCancel.func2()
        /usr/local/go/src/context/context.go:524 +0x9a
    created by context.(*cancelCtx).propagateCancel in goroutine 1
        /usr/local/go/src/context/context.go:523 +0x425
    """

    def main(rt):
        sl.with_cancel(Gate(rt))
        yield rt.sleep(1)
        return rt.goroutine_profile(debug=2)

    f = sl.Runtime().run(main).value.split("\n\n")[1].splitlines()
    assert f[0] == "goroutine 2 [select]:"
    assert f[1] == "context.(*cancelCtx).propagateCancel.func2(...)"
    assert f[2] == "\t/usr/local/go/src/context/context.go:524"
    assert f[3:5] == [
        "created by context.(*cancelCtx).propagateCancel in goroutine 1",
        "\t/usr/local/go/src/context/context.go:523",
    ]


def test_a_parent_of_ones_own_that_leads_to_a_cancellable_context_registers_there():
    """Go's parentCancelCtx: a parent whose Value(&cancelCtxKey) is a *cancelCtx with
    the same Done channel as the parent's is "a *cancelCtx, or derives from one": the
    child is that context's child, and no goroutine is started (custom_context:
    goroutines added 0). Cancelling it cancels the child."""

    def main(rt):
        root, stop = sl.with_cancel(rt.background())
        before = rt.num_goroutine()
        ctx, cancel = sl.with_cancel(Wrap(root))
        added = rt.num_goroutine() - before
        registered = root.children() == [ctx]
        stop()
        cancel()
        return added, registered, ctx.err() is sl.Canceled, root.children()

    assert sl.Runtime().run(main).value == (0, True, True, [])


def test_a_parent_of_ones_own_whose_done_is_nil_is_never_cancelled():
    """propagateCancel: "if done == nil { return } // parent is never canceled" — no
    goroutine, nowhere registered (custom_context_never_done: the child outlives the
    context whose values it reads)."""

    class Detached(Wrap):
        __slots__ = ()

        def done(self):
            return sl.nil_chan

        def err(self):
            return None

    def main(rt):
        parent, cancel = sl.with_cancel(sl.with_value(rt.background(), key("k"), "one"))
        before = rt.num_goroutine()
        ctx, stop = sl.with_cancel(Detached(parent))
        added = rt.num_goroutine() - before
        cancel()
        yield rt.sleep(MS)
        seen = ctx.err(), ctx.value(key("k")), parent.children()
        stop()
        return added, seen

    assert sl.Runtime().run(main).value == (0, (None, "one", []))


def test_after_func_on_a_parent_of_ones_own_ends_its_goroutine_either_way():
    """AfterFunc watches a parent it does not know with the same goroutine
    (custom_context_after_func: waiting 1; stopped true, then 0 goroutines; fired,
    then 0)."""

    def main(rt):
        ran = []
        base = rt.num_goroutine()
        first = Gate(rt)
        stop = sl.after_func(first, lambda: ran.append("first"))
        waiting = rt.num_goroutine() - base
        stopped = stop()
        yield rt.sleep(MS)
        after_stop = rt.num_goroutine() - base
        second = Gate(rt)
        sl.after_func(second, lambda: ran.append("second"))
        second.close(sl.Canceled)
        yield rt.sleep(MS)
        return waiting, stopped, after_stop, rt.num_goroutine() - base, ran

    assert sl.Runtime().run(main).value == (1, True, 0, 0, ["second"])


def test_cause_of_a_context_of_ones_own_is_found_through_its_value():
    """Cause: a context of one's own answers it through Value(&cancelCtxKey), which
    a wrapper passes on to the cancellable context it wraps (custom_context_cause:
    ``<nil>``, then ``disk full``); WithoutCancel of it has no cause."""

    def main(rt):
        inner, cancel = sl.with_cancel_cause(rt.background())
        w = Wrap(inner)
        before = sl.cause(w)
        full = sl.errors_new("disk full")
        cancel(full)
        return before, sl.cause(w) is full, sl.cause(sl.without_cancel(w))

    assert sl.Runtime().run(main).value == (None, True, None)
