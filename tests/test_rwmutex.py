"""sync.RWMutex behaves as the sync package documents, and as Go 1.27 ran it.

RWMutex: "The lock can be held by an arbitrary number of readers or a single
writer." "If any goroutine calls Lock while the lock is already held by one or
more readers, concurrent calls to RLock will block until the writer has acquired
(and released) the lock, to ensure that the lock eventually becomes available to
the writer. Note that this prohibits recursive read-locking." RUnlock: "It is a
run-time error if rw is not locked for reading on entry to RUnlock." Unlock: "It
is a run-time error if rw is not locked for writing on entry to Unlock."

Where a test ports a program of tests/conformance/go/, it compares with what Go
1.27.3 printed for it (tests/conformance/recorded.json).
"""

from __future__ import annotations

import pytest

import simlab as sl
from simlab.observe.leaks import check
from tests.conftest import run
from tests.recorded import GO, headers

MS = sl.Millisecond


def b(x: bool) -> str:
    return "true" if x else "false"


def test_the_lock_can_be_held_by_an_arbitrary_number_of_readers():
    """Port of sync_rwmutex_readers_share: Go printed `main reads while the other
    reader holds the lock`, `TryLock while read-locked: false`, `TryLock after both
    readers left: true`."""
    out = []

    def main(rt):
        rw = rt.rwmutex()
        first, second = rt.chan(), rt.chan()

        def reader():
            yield rw.rlock()
            yield first.send(True)
            yield second.recv()  # still holding the read lock
            rw.runlock()
            yield first.send(True)

        rt.go(reader)
        yield first.recv()
        yield rw.rlock()
        out.append("main reads while the other reader holds the lock")
        out.append(f"TryLock while read-locked: {b(rw.try_lock())}")
        rw.runlock()
        yield second.send(True)
        yield first.recv()
        out.append(f"TryLock after both readers left: {b(rw.try_lock())}")
        rw.unlock()

    run(main)
    assert out == GO["sync_rwmutex_readers_share"]["stdout"]


def test_a_writer_waits_for_the_readers_to_leave_and_readers_wait_for_the_writer():
    """Port of sync_rwmutex_writer_excludes: Go printed
    `[reader out writer in writer out second reader in]`."""
    log = []

    def main(rt):
        rw = rt.rwmutex()
        yield rw.rlock()
        writer_done = rt.chan()

        def writer():
            yield rw.lock()
            log.append("writer in")
            yield rt.sleep(5 * MS)
            log.append("writer out")
            rw.unlock()
            writer_done.close()

        rt.go(writer)
        yield rt.sleep(5 * MS)
        log.append("reader out")
        rw.runlock()
        yield rt.sleep(MS)
        yield rw.rlock()
        log.append("second reader in")
        rw.runlock()
        yield writer_done.recv()

    run(main)
    assert ["[" + " ".join(log) + "]"] == GO["sync_rwmutex_writer_excludes"]["stdout"]


def test_unlock_lets_in_every_reader_that_waited_behind_the_writer():
    """Port of sync_rwmutex_writer_release_wakes_readers: Go printed `readers inside
    while writer holds: 0`, `readers inside after Unlock: 3`, `writer locked again`."""
    out = []

    def main(rt):
        rw = rt.rwmutex()
        yield rw.lock()
        inside, leave = rt.chan(3), rt.chan()

        def reader(i):
            yield rw.rlock()
            yield inside.send(i)
            yield leave.recv()
            rw.runlock()

        for i in (1, 2, 3):
            rt.go(reader, i)
        yield rt.sleep(10 * MS)
        out.append(f"readers inside while writer holds: {len(inside)}")
        rw.unlock()
        yield rt.sleep(10 * MS)
        out.append(f"readers inside after Unlock: {len(inside)}")
        leave.close()
        yield rw.lock()
        out.append("writer locked again")

    run(main)
    assert out == GO["sync_rwmutex_writer_release_wakes_readers"]["stdout"]


def test_try_lock_and_try_rlock_never_block():
    """Port of sync_rwmutex_trylock. TryLock "tries to lock rw for writing and reports
    whether it succeeded"; TryRLock the same for reading."""
    out = []

    def main(rt):
        rw = rt.rwmutex()
        out.append(f"free: TryLock {b(rw.try_lock())}")
        out.append(f"write-locked: TryLock {b(rw.try_lock())} TryRLock {b(rw.try_rlock())}")
        rw.unlock()
        out.append(f"free: TryRLock {b(rw.try_rlock())}")
        out.append(f"read-locked: TryRLock {b(rw.try_rlock())} TryLock {b(rw.try_lock())}")
        rw.runlock()
        rw.runlock()
        out.append(f"free again: TryLock {b(rw.try_lock())}")
        rw.unlock()
        yield rt.sleep(1)

    run(main)
    assert out == GO["sync_rwmutex_trylock"]["stdout"]


def test_rlocker_lock_and_unlock_are_rlock_and_runlock():
    """Port of sync_rwmutex_rlocker: "RLocker returns a Locker interface that
    implements the Lock and Unlock methods by calling rw.RLock and rw.RUnlock"."""
    out = []

    def main(rt):
        rw = rt.rwmutex()
        locker = rw.rlocker()
        yield locker.lock()
        yield locker.lock()
        out.append(
            f"held twice via RLocker: TryLock {b(rw.try_lock())} TryRLock {b(rw.try_rlock())}"
        )
        rw.runlock()
        locker.unlock()
        locker.unlock()
        out.append(f"released: TryLock {b(rw.try_lock())}")
        rw.unlock()

    run(main)
    assert out == GO["sync_rwmutex_rlocker"]["stdout"]


@pytest.mark.parametrize(
    ("program", "misuse"),
    [
        ("sync_rwmutex_runlock_unlocked_fatal", lambda rw: rw.runlock()),
        ("sync_rwmutex_unlock_unlocked_fatal", lambda rw: rw.unlock()),
    ],
)
def test_unlocking_an_unlocked_rwmutex_is_a_fatal_error_no_recover_catches(program, misuse):
    """Go printed `fatal error: sync: RUnlock of unlocked RWMutex` and `fatal error:
    sync: Unlock of unlocked RWMutex`, exit status 2, the deferred recover unrun."""
    after = []

    def main(rt):
        try:
            misuse(rt.rwmutex())
        except sl.FatalError:
            after.append("caught")  # Go cannot recover; the run ends regardless
        yield rt.sleep(1)
        after.append("still running")

    with pytest.raises(sl.FatalError) as info:
        run(main)
    assert [f"fatal error: {info.value.message}"] == GO[program]["stderr_head"]
    assert "still running" not in after


def test_runlock_of_a_write_locked_rwmutex_is_the_same_fatal_error():
    """Port of sync_rwmutex_runlock_write_locked_fatal: Go printed `fatal error:
    sync: RUnlock of unlocked RWMutex`."""

    def main(rt):
        rw = rt.rwmutex()
        yield rw.lock()
        rw.runlock()

    with pytest.raises(sl.FatalError) as info:
        run(main)
    want = GO["sync_rwmutex_runlock_write_locked_fatal"]["stderr_head"]
    assert [f"fatal error: {info.value.message}"] == want


def test_recursive_read_locking_while_a_writer_waits_deadlocks():
    """Port of sync_rwmutex_writer_blocks_new_readers: "this prohibits recursive
    read-locking". Go printed `recursive RLock`, then the deadlock with
    `goroutine 1 [sync.RWMutex.RLock]:` and `goroutine N [sync.RWMutex.Lock]:`."""
    out = []

    def main(rt):
        rw = rt.rwmutex()
        yield rw.rlock()

        def writer():
            yield rw.lock()
            out.append("writer got the lock")

        rt.go(writer)
        yield rt.sleep(10 * MS)  # the writer now waits for main's read lock
        out.append("recursive RLock")
        yield rw.rlock()
        out.append("not reached")

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    go = GO["sync_rwmutex_writer_blocks_new_readers"]
    assert out == go["stdout"]
    assert str(info.value).splitlines()[0] == go["stderr_head"][0]
    assert headers(str(info.value)) == go["goroutines"]


def test_a_writer_behind_another_writer_waits_on_the_inner_mutex():
    """Port of sync_rwmutex_second_writer_wait_reason: a second writer waits on the
    RWMutex's sync.Mutex. Go printed `goroutine 1 [chan receive]:`, `goroutine N
    [sync.Mutex.Lock]:`, `goroutine N [sync.RWMutex.RLock]:`."""

    def main(rt):
        rw = rt.rwmutex()
        yield rw.lock()
        rt.go(lambda: (yield rw.lock()))
        yield rt.sleep(5 * MS)
        rt.go(lambda: (yield rw.rlock()))
        yield rt.sleep(5 * MS)
        yield rt.chan().recv()

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    assert headers(str(info.value)) == GO["sync_rwmutex_second_writer_wait_reason"]["goroutines"]


def test_writers_compete_for_the_inner_mutex_as_for_any_sync_mutex():
    """The inner mutex is a sync.Mutex in normal mode: a writer that unlocks and locks
    again at once takes it before the writer it woke. Go 1.27 printed, for the
    program of sync_mutex_barging with rw.Lock/rw.Unlock in place of mu's, at
    GOMAXPROCS=1 and at the default, 15 runs out of 15:
    `[unlocker 1 unlocker 2 waiter]`."""

    def main(rt):
        rw = rt.rwmutex()
        order = []
        yield rw.lock()
        waiting, done = rt.chan(), rt.chan()

        def waiter():
            yield waiting.send(True)
            yield rw.lock()
            order.append("waiter")
            rw.unlock()
            done.close()

        rt.go(waiter)
        yield waiting.recv()
        yield rt.gosched()  # let the waiter block on rw.w
        for i in (1, 2):
            rw.unlock()
            yield rw.lock()
            order.append(f"unlocker {i}")
            yield rt.gosched()
        rw.unlock()
        yield done.recv()
        return order

    assert sl.Runtime().run(main).value == ["unlocker 1", "unlocker 2", "waiter"]


def test_a_dump_shows_go_s_frames_for_a_waiting_reader_and_writer():
    """Go 1.27 printed, for a reader behind a writer and a writer waiting for a reader:

    goroutine 6 [sync.RWMutex.RLock]:
    sync.runtime_SemacquireRWMutexR(0x0?, 0x0?, 0x0?)
        .../src/runtime/sema.go:100 +0x25
    sync.(*RWMutex).RLock(...)
        .../src/sync/rwmutex.go:74
    goroutine 19 [sync.RWMutex.Lock]:
    sync.runtime_SemacquireRWMutex(0x0?, 0x0?, 0x0?)
        .../src/runtime/sema.go:105 +0x25
    sync.(*RWMutex).Lock(0x0?)
        .../src/sync/rwmutex.go:155 +0x65
    """

    def main(rt):
        rw = rt.rwmutex()
        yield rw.rlock()

        def writer():
            yield rw.lock()

        def reader():
            yield rw.rlock()

        rt.go(writer)
        yield rt.sleep(1)
        rt.go(reader)
        yield rt.sleep(1)
        return rt.goroutine_profile(debug=2)

    dump = sl.Runtime().run(main).value
    writer, reader = dump.split("\n\n")[1:3]
    assert writer.splitlines()[:5] == [
        "goroutine 2 [sync.RWMutex.Lock]:",
        "sync.runtime_SemacquireRWMutex(...)",
        "\t/usr/local/go/src/runtime/sema.go:105",
        "sync.(*RWMutex).Lock(...)",
        "\t/usr/local/go/src/sync/rwmutex.go:155",
    ]
    assert reader.splitlines()[:5] == [
        "goroutine 3 [sync.RWMutex.RLock]:",
        "sync.runtime_SemacquireRWMutexR(...)",
        "\t/usr/local/go/src/runtime/sema.go:100",
        "sync.(*RWMutex).RLock(...)",
        "\t/usr/local/go/src/sync/rwmutex.go:74",
    ]


def test_goroutines_leaked_on_a_rwmutex_are_flagged_with_their_wait_reason():
    """A reader that forgets RUnlock leaks the writer after it, and every reader after
    the writer: all three oracles flag them, naming the RWMutex."""
    rt = sl.Runtime()

    def main(rt):
        rw = rt.rwmutex()

        def forgetful():
            yield rw.rlock()  # never RUnlock

        def writer():
            yield rw.lock()
            rw.unlock()

        def reader():
            yield rw.rlock()
            rw.runlock()

        rt.go(forgetful, name="forgetful")
        yield rt.sleep(1)
        rt.go(writer, name="writer")
        yield rt.sleep(1)
        rt.go(reader, name="reader")
        yield rt.sleep(1)

    rt.run(main)
    report = check(rt)
    by_name = {g.name: g for g in report.goroutines.values()}
    assert set(by_name) == {"writer", "reader"}
    for name, reason in (("writer", "sync.RWMutex.Lock"), ("reader", "sync.RWMutex.RLock")):
        g = by_name[name]
        assert g.status() == reason
        verdicts = report.verdicts[g.id]
        assert all(v.flagged for v in verdicts.values()), verdicts
        assert verdicts["durably blocked"].why == (
            f"[{reason}] on RWMutex#1: only a goroutine can wake it"
        )
        assert verdicts["unreachable"].why == "nothing that can run reaches RWMutex#1"


def test_main_blocked_on_a_rwmutex_is_a_deadlock_with_the_wait_reason_in_the_dump():
    def main(rt):
        rw = rt.rwmutex()
        yield rw.lock()
        yield rw.rlock()

    with pytest.raises(sl.Deadlock) as info:
        run(main)
    lines = str(info.value).splitlines()
    assert lines[:3] == [
        "fatal error: all goroutines are asleep - deadlock!",
        "",
        "goroutine 1 [sync.RWMutex.RLock]:",
    ]
