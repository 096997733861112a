"""The goroutine profile matches the layout of Go's runtime/pprof text formats.

`data/go1.27_goroutine_debug1.txt` is the unedited output of
`pprof.Lookup("goroutine").WriteTo(os.Stdout, 1)` from a Go 1.27 program with
three goroutines leaked in `ch <- 1`, a WaitGroup waiter, a Mutex waiter, a nil
channel receiver, `select {}` and a sleeper.
"""

import re
from pathlib import Path

import simlab as sl
from simlab.go._tabwriter import tabwrite
from tests.conftest import run

GO_DEBUG1 = (Path(__file__).parent / "data" / "go1.27_goroutine_debug1.txt").read_text()


def test_tabwriter_aligns_exactly_as_gos():
    """Collapse every run of tabs in Go's own output to one tab, re-align it with
    the port of text/tabwriter, and get Go's bytes back."""
    raw = re.sub(r"\t+", "\t", GO_DEBUG1)
    assert tabwrite(raw) == GO_DEBUG1


def _leaky(rt):
    def leak(ch):
        yield ch.send(1)

    for _ in range(3):
        rt.go(leak, rt.chan())
    wg = rt.waitgroup()
    wg.add(1)
    rt.go(lambda: (yield wg.wait()), name="waiter")
    rt.go(lambda: (yield sl.select()), name="forever")
    rt.go(lambda: (yield rt.sleep(sl.Hour)), name="sleeper")


def test_debug1_has_gos_line_shapes_and_grouping():
    """Header, `COUNT @ PC...` group lines (largest group first), `#` frame lines,
    a blank line after each group: every line of simlab's profile has the shape of
    a line of Go's, and the three identical stacks form one group of 3."""
    text = {}

    def main(rt):
        _leaky(rt)
        yield rt.sleep(sl.Second)
        text["p"] = rt.goroutine_profile(debug=1)

    run(main)
    shapes = [
        r"goroutine profile: total \d+",
        r"\d+ @( 0x[0-9a-f]+)+",
        r"#\t0x[0-9a-f]+\t\S+\+0x[0-9a-f]+\t+\S+:\d+",
        r"",
    ]
    for source in (GO_DEBUG1, text["p"]):
        for line in source.split("\n"):
            assert any(re.fullmatch(s, line) for s in shapes), line
    lines = text["p"].split("\n")
    assert lines[0] == "goroutine profile: total 7"
    assert re.fullmatch(r"3 @( 0x[0-9a-f]+){5}", lines[1])  # gopark chansend chansend1 leak goexit
    assert lines[2].endswith(
        f"tests/test_profile.py:{_line_of('        yield ch.send(1)', '_leaky')}"
    )
    assert "test_profile._leaky.leak+0x" in lines[2]
    counts = [int(line.split()[0]) for line in lines if " @ " in line]
    assert counts == sorted(counts, reverse=True) and sum(counts) == 7


def test_debug2_layout_with_wait_minutes_and_creator():
    """Go prints `goroutine 18 [chan send, 5 minutes]:` once the goroutine has waited
    5 whole minutes (runtime/traceback.go: waitfor = (now - waitsince) / 60e9), then
    its frames, then `created by F in goroutine N` and the `go` statement's line."""
    dump = {}

    def main(rt):
        def leak(ch):
            yield ch.send(1)

        rt.go(leak, rt.chan())
        yield rt.sleep(5 * sl.Minute + 59 * sl.Second)
        dump["early"] = rt.goroutine_profile(debug=2)
        yield rt.sleep(sl.Second)
        dump["late"] = rt.goroutine_profile(debug=2)

    run(main)
    assert "goroutine 2 [chan send, 5 minutes]:" in dump["early"]
    late = dump["late"].split("\n\n")
    assert late[0].startswith("goroutine 1 [running]:\ntest_profile.")
    assert late[1].split("\n") == [
        "goroutine 2 [chan send, 6 minutes]:",
        "test_profile.test_debug2_layout_with_wait_minutes_and_creator.main.leak(...)",
        f"\ttests/test_profile.py:{_line_of('            yield ch.send(1)', 'debug2')}",
        "created by test_profile.test_debug2_layout_with_wait_minutes_and_creator.main"
        " in goroutine 1",
        f"\ttests/test_profile.py:{_line_of('        rt.go(leak, rt.chan())', 'debug2')}",
        "",
    ]


def test_no_minutes_before_a_whole_minute():
    def main(rt):
        g = rt.go(lambda: (yield rt.chan().recv()), name="r")
        yield rt.sleep(59 * sl.Second)
        assert f"goroutine {g.id} [chan receive]:" in rt.goroutine_profile(debug=2)

    run(main)


def test_gofunc_names_frames_and_line_marks_give_go_lines():
    @sl.gofunc("main.(*ContainerManager).readLogs.func1", file="logmonitor.go")
    def reader(ch):
        yield ch.send(1)  # L981-986

    def main(rt):
        rt.go(reader, rt.chan())
        yield rt.sleep(1)
        dump = rt.goroutine_profile(debug=2)
        assert "main.(*ContainerManager).readLogs.func1(...)\n\tlogmonitor.go:981\n" in dump

    run(main)


def _line_of(text, near):
    """Line number of ``text`` in this file, in the test whose name contains ``near``."""
    lines = Path(__file__).read_text().split("\n")
    start = next(i for i, line in enumerate(lines) if near in line and line.startswith("def "))
    return next(i for i in range(start, len(lines)) if lines[i] == text) + 1
