"""simlab's goroutineleak profile against what Go 1.27.3 printed for the same program.

``tests/data/goroutineleak/main.go`` leaks four goroutines (two senders on
channels nobody else holds, a goroutine locking a mutex it holds, one waiting on
a WaitGroup nobody will Done) and keeps two blocked goroutines reachable (main
unlocks their mutex and closes their channel after the profile); it writes the
profile at debug=2, then debug=1. ``go1.27.3.txt`` beside it is its output
(GOMAXPROCS=1). The model below is the same program, line for line; both
outputs are compared after removing what cannot be equal (addresses, ids,
arguments, directories).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import simlab as sl
from simlab.translate import goker

DATA = Path(__file__).resolve().parent / "data" / "goroutineleak"
FILE = "main.go"


@sl.gofunc("main.sender", file=FILE)
def sender(ch: sl.Chan):
    yield ch.send(1)  # L21


@sl.gofunc("main.lockTwice", file=FILE)
def lock_twice(rt: sl.Runtime):
    mu = rt.mutex()  # L25
    yield mu.lock()  # L26
    yield mu.lock()  # L27


@sl.gofunc("main.waitForever", file=FILE)
def wait_forever(rt: sl.Runtime):
    wg = rt.waitgroup()  # L31
    wg.add(1)  # L32
    yield wg.wait()  # L33


@sl.gofunc("main.locker", file=FILE)
def locker(mu: sl.Mutex):
    yield mu.lock()  # L37
    mu.unlock()  # L38


@sl.gofunc("main.waiter", file=FILE)
def waiter(done: sl.Chan):
    yield done.recv()  # L42


def program(out: list[str], roots: bool = False):
    @sl.gofunc("main.main", file=FILE)
    def main(rt: sl.Runtime):
        for _ in range(2):
            rt.go(sender, rt.chan())  # L47
        rt.go(lock_twice, rt)  # L49
        rt.go(wait_forever, rt)  # L50
        mu = rt.mutex()  # L51
        yield mu.lock()  # L52
        rt.go(locker, mu)  # L53
        done = rt.chan()  # L54
        rt.go(waiter, done)  # L55
        for _ in range(10):
            yield rt.gosched()  # L57
        live = [("mu", mu), ("done", done)] if roots else None
        out.append(sl.goroutineleak_profile(rt, 2, roots=live))  # L63
        out.append(sl.goroutineleak_profile(rt, 1, roots=live))  # L65
        done.close()  # L66
        mu.unlock()  # L67

    return main


def simlab_output(roots: bool = False) -> tuple[str, str]:
    out: list[str] = []
    sl.Runtime(seed=1).run(program(out, roots), until=sl.Second)
    return out[0], out[1]


def go_output() -> tuple[str, str]:
    text = (DATA / "go1.27.3.txt").read_text()
    debug2, debug1 = text.split("-- debug=1 --\n")
    return debug2, debug1


def traceback_shape(text: str) -> list[list[str]]:
    """debug=2, per goroutine: its header without the id, then each frame's function and
    file:line, without arguments, offsets and directories."""
    out = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        head = re.fullmatch(r"goroutine \d+ \[(.*)\]:", lines[0])
        assert head, lines[0]
        shape = [f"[{head.group(1)}]"]
        for line in lines[1:]:
            if line.startswith("\t"):
                shape.append(re.sub(r" \+0x[0-9a-f]+$", "", line.strip().rsplit("/", 1)[-1]))
            else:
                shape.append(re.sub(r" in goroutine \d+$", "", re.sub(r"\(.*\)$", "", line)))
        out.append(shape)
    return out


def count_shape(text: str) -> tuple[str, list[tuple[int, int, list[str]]]]:
    """debug=1: the header, then per group its count, how many PCs its ``@`` line has,
    and its ``#`` frames (function, file:line)."""
    header, body = text.split("\n", 1)
    groups = body.strip("\n").split("\n\n")
    out = []
    for group in groups:
        lines = group.split("\n")
        count, _, pcs = lines[0].partition(" @ ")
        frames = []
        for line in lines[1:]:
            _, _, func, where = line.split(None, 3)
            frames.append(f"{func.rsplit('+', 1)[0]} {where.rsplit('/', 1)[-1]}")
        out.append((int(count), len(pcs.split()), frames))
    out.sort(key=lambda g: (-g[0], g[2]))
    return header, out


def test_debug2_has_gos_goroutines_stacks_and_leaked_marks() -> None:
    go, _ = go_output()
    ours, _ = simlab_output()
    assert traceback_shape(ours) == traceback_shape(go)


def leak_strings(text: str) -> list[str]:
    """Go's extractLeaks strings, without the ids and arguments that cannot be equal."""
    leaks = goker.extract_leaks(text)
    return sorted(re.sub(r"\(.*\)\s+\d+ \[", "(...) [", x) for x in leaks)


def test_debug2_marks_exactly_the_goroutines_go_marks() -> None:
    go, _ = go_output()
    ours, _ = simlab_output()
    assert go.count("(leaked)]:") == ours.count("(leaked)]:") == 4
    assert (
        leak_strings(ours)
        == leak_strings(go)
        == [
            "lockTwice(...) [sync.Mutex.Lock]:",
            "sender(...) [chan send]:",
            "sender(...) [chan send]:",
            "waitForever(...) [sync.WaitGroup.Wait]:",
        ]
    )


def test_debug1_counts_the_leaked_goroutines_as_go_does() -> None:
    _, go = go_output()
    _, ours = simlab_output()
    assert go.startswith("goroutineleak profile: total 4\n")
    assert count_shape(ours) == count_shape(go)


def test_debug1_columns_are_tab_aligned_like_go() -> None:
    _, go = go_output()
    _, ours = simlab_output()
    for text in (go, ours):
        for group in text.split("\n", 1)[1].strip("\n").split("\n\n"):
            rows = group.split("\n")[1:]
            # the file column starts at one place (tabs 8 wide) in every row of a group
            starts = {len(r[: r.rindex("\t") + 1].expandtabs(8)) for r in rows}
            assert all(r.startswith("#\t0x") for r in rows)
            assert len(starts) == 1, rows


def test_roots_replace_the_callers_stack() -> None:
    # Declaring what main still uses gives the same verdict here: main uses both.
    assert simlab_output(roots=True) == simlab_output()


def test_a_dead_local_hides_a_leak_unless_roots_says_it_is_dead() -> None:
    seen: dict[str, str] = {}

    @sl.gofunc("main.main", file=FILE)
    def main(rt: sl.Runtime):
        ch = rt.chan()
        rt.go(sender, ch)
        yield rt.gosched()
        seen["all locals"] = sl.goroutineleak_profile(rt, 1)
        seen["roots"] = sl.goroutineleak_profile(rt, 1, roots=[])

    sl.Runtime().run(main, until=sl.Second)
    # main's local ch reaches the sender's channel: counted, no leak; Go's liveness
    # (ch is never used again) is what roots=[] states.
    assert seen["all locals"].startswith("goroutineleak profile: total 0\n")
    assert seen["roots"].startswith("goroutineleak profile: total 1\n")


def test_from_outside_the_run_no_goroutine_is_running() -> None:
    out: list[str] = []

    @sl.gofunc("main.main", file=FILE)
    def main(rt: sl.Runtime):
        rt.go(sender, rt.chan())
        yield rt.sleep(sl.Second)
        out.append("")

    rt = sl.Runtime()
    rt.run(main, until=sl.Millisecond)
    text = sl.goroutineleak_profile(rt, 2)
    assert "[running]" not in text
    assert "runtime/pprof" not in text
    assert re.search(r"^goroutine \d+ \[chan send \(leaked\)\]:$", text, re.M)
    assert re.search(r"^goroutine 1 \[sleep\]:$", text, re.M)


@pytest.mark.parametrize("debug", [0, 3])
def test_bad_debug_is_refused_in_one_line(debug: int) -> None:
    with pytest.raises(sl.SimlabError, match="debug must be 1 or 2"):
        sl.goroutineleak_profile(sl.Runtime(), debug)
