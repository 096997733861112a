"""``simlab go-run DIR`` at the edges of go test: a test that ends in a cleanup, a
panic in a cleanup or an example, ``runtime.Goexit`` and ``os.Exit`` in a test, a
failure reported after a test has completed, a ``TestMain`` that never calls
``m.Run``, repeated subtest names. Each package's expected output is what
``GOMAXPROCS=1 go test -v -count=1 .`` (go1.27.3) printed for it, with its durations
written as 0 and the goroutine dump of a panic set aside as ``<dump>``: simlab's
dump names simlab's frames where Go's names the runtime's."""

import re

from click.testing import CliRunner

from simlab.translate.commands import go_run_cmd


def _go_test(tmp_path, package, source):
    """``simlab go-run`` on a module ``example.com/<package>`` whose one test file is
    ``source``: its exit code, and what it printed as :func:`_printed` reads it."""
    (tmp_path / "go.mod").write_text(f"module example.com/{package}\n\ngo 1.27\n")
    (tmp_path / "x_test.go").write_text(source)
    result = CliRunner().invoke(go_run_cmd, [str(tmp_path)])
    return result.exit_code, _printed(result.output)


def _printed(output):
    """The lines go test would print: simlab's own (where a goroutine panicked, how
    the program ended, the goroutines left and the leak oracles) left out, each
    duration written as 0, a goroutine dump as ``<dump>``."""
    kept, in_dump = [], False
    for line in output.splitlines(keepends=True):
        if line.startswith("goroutines left:"):
            break
        if line.startswith(("panic in goroutine ", "main returned at ")):
            continue
        if re.match(r"exit status \d+ at ", line):
            continue
        if re.match(r"goroutine \d+ \[", line):
            if not in_dump:
                kept.append("<dump>\n")
            in_dump = True
            continue
        if in_dump and not line.startswith(("FAIL", "ok")):
            continue
        in_dump = False
        kept.append(line)
    text = "".join(kept).rstrip("\n") + "\n"
    text = re.sub(r"\(\d+\.\d+s\)", "(0.00s)", text)
    return re.sub(r"^(ok  |FAIL)\t(\S+)\t\d+\.\d+s", r"\1\t\2\t0.000s", text, flags=re.M)


FATALCLEAN = """\
package fatalclean

import "testing"

func TestFatalInCleanup(t *testing.T) {
\tt.Cleanup(func() { t.Log("cleanup one") })
\tt.Cleanup(func() { t.Fatal("fatal in cleanup") })
\tt.Log("body")
}

func TestSubFatalInCleanup(t *testing.T) {
\tt.Run("sub", func(t *testing.T) {
\t\tt.Cleanup(func() { t.Fatalf("sub %d", 1) })
\t})
\tt.Log("after sub")
}

func TestNext(t *testing.T) {
\tt.Log("next")
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
FATALCLEAN_V = (
    "=== RUN   TestFatalInCleanup\n"
    "    x_test.go:8: body\n"
    "    x_test.go:7: fatal in cleanup\n"
    "    x_test.go:6: cleanup one\n"
    "--- FAIL: TestFatalInCleanup (0.00s)\n"
    "=== RUN   TestSubFatalInCleanup\n"
    "=== RUN   TestSubFatalInCleanup/sub\n"
    "    x_test.go:13: sub 1\n"
    "=== NAME  TestSubFatalInCleanup\n"
    "    x_test.go:15: after sub\n"
    "--- FAIL: TestSubFatalInCleanup (0.00s)\n"
    "    --- FAIL: TestSubFatalInCleanup/sub (0.00s)\n"
    "=== RUN   TestNext\n"
    "    x_test.go:19: next\n"
    "--- PASS: TestNext (0.00s)\n"
    "FAIL\n"
    "FAIL\texample.com/fatalclean\t0.000s\n"
    "FAIL\n"
)

SKIPCLEAN = """\
package skipclean

import "testing"

func TestSkipInCleanup(t *testing.T) {
\tt.Cleanup(func() { t.Log("cleanup one") })
\tt.Cleanup(func() { t.Skip("skip in cleanup") })
}

func TestNext(t *testing.T) {
\tt.Log("next")
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
SKIPCLEAN_V = (
    "=== RUN   TestSkipInCleanup\n"
    "    x_test.go:7: skip in cleanup\n"
    "    x_test.go:6: cleanup one\n"
    "--- SKIP: TestSkipInCleanup (0.00s)\n"
    "=== RUN   TestNext\n"
    "    x_test.go:11: next\n"
    "--- PASS: TestNext (0.00s)\n"
    "PASS\n"
    "ok  \texample.com/skipclean\t0.000s\n"
)

PANICCLEAN = """\
package panicclean

import "testing"

func TestFirst(t *testing.T) {
\tt.Log("first")
}

func TestOne(t *testing.T) {
\tt.Cleanup(func() { t.Log("cleanup one") })
\tt.Run("sub", func(t *testing.T) {
\t\tt.Cleanup(func() { t.Log("sub cleanup one") })
\t\tt.Cleanup(func() { panic("boom") })
\t\tt.Cleanup(func() { t.Log("sub cleanup three") })
\t})
\tt.Log("never")
}

func TestNever(t *testing.T) {
\tt.Log("never")
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
PANICCLEAN_V = (
    "=== RUN   TestFirst\n"
    "    x_test.go:6: first\n"
    "--- PASS: TestFirst (0.00s)\n"
    "=== RUN   TestOne\n"
    "=== RUN   TestOne/sub\n"
    "    x_test.go:14: sub cleanup three\n"
    "    x_test.go:12: sub cleanup one\n"
    "=== NAME  TestOne\n"
    "    x_test.go:10: cleanup one\n"
    "--- FAIL: TestOne (0.00s)\n"
    "    --- FAIL: TestOne/sub (0.00s)\n"
    "panic: boom [recovered, repanicked]\n"
    "\n"
    "<dump>\n"
    "FAIL\texample.com/panicclean\t0.000s\n"
    "FAIL\n"
)


def test_fatal_in_a_cleanup_ends_that_cleanup_the_others_run_and_the_next_test_runs(tmp_path):
    """t.Fatal in a cleanup logs, ends that cleanup (Goexit), the cleanups left run,
    the test fails and go test goes on to the next test."""
    assert _go_test(tmp_path, "fatalclean", FATALCLEAN) == (1, FATALCLEAN_V)


def test_skip_in_a_cleanup_skips_the_test_and_the_next_test_runs(tmp_path):
    assert _go_test(tmp_path, "skipclean", SKIPCLEAN) == (0, SKIPCLEAN_V)


def test_a_panic_in_a_cleanup_runs_the_other_cleanups_fails_the_test_and_repanics(tmp_path):
    """tRunner recovers a cleanup's panic as a test's: the other cleanups run, each
    test up to the top-level one fails (its parents' cleanups run), and the panic
    ends the binary, [recovered, repanicked]."""
    assert _go_test(tmp_path, "panicclean", PANICCLEAN) == (1, PANICCLEAN_V)


EXPANIC = """\
package expanic

import (
\t"fmt"
\t"testing"
)

func TestA(t *testing.T) {
\tt.Log("a")
}

func Example_panics() {
\tfmt.Println("before")
\tpanic("boom")
\t// Output: before
}

func Example_never() {
\tfmt.Println("never")
\t// Output: never
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
EXPANIC_V = (
    "=== RUN   TestA\n"
    "    x_test.go:9: a\n"
    "--- PASS: TestA (0.00s)\n"
    "=== RUN   Example_panics\n"
    "--- FAIL: Example_panics (0.00s)\n"
    "panic: boom [recovered, repanicked]\n"
    "\n"
    "<dump>\n"
    "FAIL\texample.com/expanic\t0.000s\n"
    "FAIL\n"
)

EXGOEXIT = """\
package exgoexit

import (
\t"fmt"
\t"runtime"
)

func Example_goexit() {
\tfmt.Println("printed")
\truntime.Goexit()
\t// Output: wanted
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
EXGOEXIT_V = (
    "=== RUN   Example_goexit\n"
    "--- FAIL: Example_goexit (0.00s)\n"
    "got:\n"
    "printed\n"
    "want:\n"
    "wanted\n"
    "panic: test executed panic(nil) or runtime.Goexit\n"
    "\n"
    "<dump>\n"
    "FAIL\texample.com/exgoexit\t0.000s\n"
    "FAIL\n"
)


def test_an_example_that_panics_fails_and_its_panic_ends_the_run_repanicked(tmp_path):
    """go test recovers an example's panic, prints its --- FAIL (not what it
    printed) and panics again with it; the examples after it never run."""
    assert _go_test(tmp_path, "expanic", EXPANIC) == (1, EXPANIC_V)


def test_an_example_that_calls_goexit_fails_and_panics_test_executed_goexit(tmp_path):
    assert _go_test(tmp_path, "exgoexit", EXGOEXIT) == (1, EXGOEXIT_V)


GOEXIT = """\
package goexit

import (
\t"runtime"
\t"testing"
)

func TestGoexit(t *testing.T) {
\tt.Cleanup(func() { t.Log("cleanup") })
\tt.Log("before")
\truntime.Goexit()
}

func TestNever(t *testing.T) {
\tt.Log("never")
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
GOEXIT_V = (
    "=== RUN   TestGoexit\n"
    "    x_test.go:10: before\n"
    "    x_test.go:9: cleanup\n"
    "--- FAIL: TestGoexit (0.00s)\n"
    "panic: test executed panic(nil) or runtime.Goexit\n"
    "\n"
    "<dump>\n"
    "FAIL\texample.com/goexit\t0.000s\n"
    "FAIL\n"
)

LATEERROR = """\
package lateerror

import (
\t"testing"
\t"time"
)

func TestLateError(t *testing.T) {
\tdone := make(chan bool)
\tt.Run("sub", func(t *testing.T) {
\t\tgo func() {
\t\t\ttime.Sleep(10 * time.Millisecond)
\t\t\tt.Error("late")
\t\t\tdone <- true
\t\t}()
\t})
\t<-done
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
LATEERROR_V = (
    "=== RUN   TestLateError\n"
    "=== RUN   TestLateError/sub\n"
    "=== NAME  TestLateError\n"
    "    x_test.go:13: late\n"
    "panic: Fail in goroutine after TestLateError/sub has completed\n"
    "\n"
    "<dump>\n"
    "FAIL\texample.com/lateerror\t0.000s\n"
    "FAIL\n"
)

EXIT0 = """\
package exit0

import (
\t"os"
\t"testing"
)

func TestExit0(t *testing.T) {
\tt.Cleanup(func() { t.Log("cleanup") })
\tos.Exit(0)
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
EXIT0_V = (
    "=== RUN   TestExit0\n"
    "    x_test.go:9: cleanup\n"
    "--- FAIL: TestExit0 (0.00s)\n"
    "panic: unexpected call to os.Exit(0) during test [recovered, repanicked]\n"
    "\n"
    "<dump>\n"
    "FAIL\texample.com/exit0\t0.000s\n"
    "FAIL\n"
)


def test_runtime_goexit_in_a_test_fails_it_and_panics_test_executed_goexit(tmp_path):
    """tRunner sees the test's goroutine end without its function returning and
    without FailNow or SkipNow: it runs the cleanups, fails the test and panics."""
    assert _go_test(tmp_path, "goexit", GOEXIT) == (1, GOEXIT_V)


def test_an_error_after_a_subtest_completed_panics_fail_in_goroutine_after(tmp_path):
    """The line is logged under the parent still running, then Fail panics in the
    goroutine that reported it and the package fails."""
    assert _go_test(tmp_path, "lateerror", LATEERROR) == (1, LATEERROR_V)


def test_os_exit_0_in_a_test_panics_unexpected_call_and_the_test_fails(tmp_path):
    """go test runs the binary with -test.paniconexit0: os.Exit(0) panics in the
    test, which tRunner recovers (cleanups, --- FAIL) and panics again with."""
    assert _go_test(tmp_path, "exit0", EXIT0) == (1, EXIT0_V)


EXIT3 = """\
package exit3

import (
\t"os"
\t"testing"
)

func TestA(t *testing.T) {
\tt.Log("a")
}

func TestExit3(t *testing.T) {
\tos.Exit(3)
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
EXIT3_V = (
    "=== RUN   TestA\n"
    "    x_test.go:9: a\n"
    "--- PASS: TestA (0.00s)\n"
    "=== RUN   TestExit3\n"
    "FAIL\texample.com/exit3\t0.000s\n"
    "FAIL\n"
)

NOMRUN = """\
package nomrun

import (
\t"fmt"
\t"testing"
)

func TestMain(m *testing.M) {
\tfmt.Println("main without m.Run")
}

func TestA(t *testing.T) {}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
NOMRUN_V = "main without m.Run\nok  \texample.com/nomrun\t0.000s\n"

EXITAFTERRUN = """\
package exitafterrun

import (
\t"os"
\t"testing"
)

func TestMain(m *testing.M) {
\tm.Run()
\tos.Exit(0)
}

func TestA(t *testing.T) {
\tt.Error("fails")
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
EXITAFTERRUN_V = (
    "=== RUN   TestA\n"
    "    x_test.go:14: fails\n"
    "--- FAIL: TestA (0.00s)\n"
    "FAIL\n"
    "ok  \texample.com/exitafterrun\t0.000s\n"
)

NAMES = """\
package names

import "testing"

func TestNames(t *testing.T) {
\tfor _, n := range []string{"a#01", "a", "a", "a#02", "a", "", "", "#00", "b#1", "b", "b"} {
\t\tt.Run(n, func(t *testing.T) {})
\t}
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0, its dump set aside
NAMES_V = (
    "=== RUN   TestNames\n"
    "=== RUN   TestNames/a#01\n"
    "=== RUN   TestNames/a\n"
    "=== RUN   TestNames/a#02\n"
    "=== RUN   TestNames/a#02#01\n"
    "=== RUN   TestNames/a#03\n"
    "=== RUN   TestNames/#00\n"
    "=== RUN   TestNames/#01\n"
    "=== RUN   TestNames/#00#01\n"
    "=== RUN   TestNames/b#1\n"
    "=== RUN   TestNames/b\n"
    "=== RUN   TestNames/b#01\n"
    "--- PASS: TestNames (0.00s)\n"
    "    --- PASS: TestNames/a#01 (0.00s)\n"
    "    --- PASS: TestNames/a (0.00s)\n"
    "    --- PASS: TestNames/a#02 (0.00s)\n"
    "    --- PASS: TestNames/a#02#01 (0.00s)\n"
    "    --- PASS: TestNames/a#03 (0.00s)\n"
    "    --- PASS: TestNames/#00 (0.00s)\n"
    "    --- PASS: TestNames/#01 (0.00s)\n"
    "    --- PASS: TestNames/#00#01 (0.00s)\n"
    "    --- PASS: TestNames/b#1 (0.00s)\n"
    "    --- PASS: TestNames/b (0.00s)\n"
    "    --- PASS: TestNames/b#01 (0.00s)\n"
    "PASS\n"
    "ok  \texample.com/names\t0.000s\n"
)


def test_os_exit_in_a_test_ends_the_binary_and_go_test_prints_the_fail_lines(tmp_path):
    """The binary exits 3 at once, printing nothing more; go test prints its FAIL
    line for the package, then FAIL."""
    assert _go_test(tmp_path, "exit3", EXIT3) == (1, EXIT3_V)


def test_a_testmain_that_never_calls_m_run_exits_0_and_go_test_prints_ok(tmp_path):
    assert _go_test(tmp_path, "nomrun", NOMRUN) == (0, NOMRUN_V)


def test_a_testmain_that_exits_0_after_failed_tests_is_ok_for_go_test(tmp_path):
    """go test's line follows the binary's exit status, not the tests' FAIL."""
    assert _go_test(tmp_path, "exitafterrun", EXITAFTERRUN) == (0, EXITAFTERRUN_V)


def test_a_repeated_subtest_name_takes_the_next_number_no_subtest_was_named(tmp_path):
    """a#01, a, a: the second a is a#02, as a#01 was given; a name given as a
    number a repeat already has (a#02 after a#02 was made) is numbered again."""
    assert _go_test(tmp_path, "names", NAMES) == (0, NAMES_V)


TBHELPERS = """\
package tbhelpers

import "testing"

func check(tb testing.TB, got, want int) {
\ttb.Helper()
\tif got != want {
\t\ttb.Errorf("got %d, want %d", got, want)
\t}
}

func must(tb testing.TB, ok bool, what string) {
\ttb.Helper()
\tif !ok {
\t\ttb.Fatalf("%s failed", what)
\t}
}

func setup(tb testing.TB) int {
\ttb.Cleanup(func() { tb.Log("cleanup of", tb.Name()) })
\ttb.Logf("setting up %s", tb.Name())
\treturn 3
}

func TestDouble(t *testing.T) {
\tn := setup(t)
\tcheck(t, n*2, 6)
\tcheck(t, n*2, 7)
}

func TestMust(t *testing.T) {
\tt.Run("ok", func(t *testing.T) {
\t\tmust(t, true, "first")
\t\tt.Log("after first")
\t})
\tt.Run("stops", func(t *testing.T) {
\t\tmust(t, false, "second")
\t\tt.Log("never")
\t})
}

func TestSkipThroughTB(t *testing.T) {
\tvar tb testing.TB = t
\tif !tb.Failed() {
\t\ttb.Skip("skipped through TB")
\t}
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0
TBHELPERS_V = (
    "=== RUN   TestDouble\n"
    "    x_test.go:21: setting up TestDouble\n"
    "    x_test.go:28: got 6, want 7\n"
    "    x_test.go:20: cleanup of TestDouble\n"
    "--- FAIL: TestDouble (0.00s)\n"
    "=== RUN   TestMust\n"
    "=== RUN   TestMust/ok\n"
    "    x_test.go:34: after first\n"
    "=== RUN   TestMust/stops\n"
    "    x_test.go:37: second failed\n"
    "--- FAIL: TestMust (0.00s)\n"
    "    --- PASS: TestMust/ok (0.00s)\n"
    "    --- FAIL: TestMust/stops (0.00s)\n"
    "=== RUN   TestSkipThroughTB\n"
    "    x_test.go:45: skipped through TB\n"
    "--- SKIP: TestSkipThroughTB (0.00s)\n"
    "FAIL\n"
    "FAIL\texample.com/tbhelpers\t0.000s\n"
    "FAIL\n"
)


def test_helpers_that_take_testing_tb_call_the_t_they_are_given(tmp_path):
    """testing.TB, the interface *T and *B implement: Helper, Errorf, Fatalf (which
    stops the subtest), Cleanup, Log, Logf, Name, Failed and Skip through it act as
    the *T's own."""
    assert _go_test(tmp_path, "tbhelpers", TBHELPERS) == (1, TBHELPERS_V)


SUBNAMES = """\
package subnames

import "testing"

func TestNames(t *testing.T) {
\tnames := []string{"ctrl\\x01", "del\\x7f", "nbsp\\u00a0x", "zw\\u200bx",
\t\t"a b\\tc", "em\\u2003sp", "fs\\x1cx"}
\tfor _, n := range names {
\t\tt.Run(n, func(t *testing.T) { t.Logf("%q", t.Name()) })
\t}
}
"""

# what `GOMAXPROCS=1 go test -v -count=1 .` printed (go1.27.3), times as 0
SUBNAMES_V = (
    "=== RUN   TestNames\n"
    "=== RUN   TestNames/ctrl\\x01\n"
    '    x_test.go:9: "TestNames/ctrl\\\\x01"\n'
    "=== RUN   TestNames/del\\x7f\n"
    '    x_test.go:9: "TestNames/del\\\\x7f"\n'
    "=== RUN   TestNames/nbsp_x\n"
    '    x_test.go:9: "TestNames/nbsp_x"\n'
    "=== RUN   TestNames/zw\\u200bx\n"
    '    x_test.go:9: "TestNames/zw\\\\u200bx"\n'
    "=== RUN   TestNames/a_b_c\n"
    '    x_test.go:9: "TestNames/a_b_c"\n'
    "=== RUN   TestNames/em_sp\n"
    '    x_test.go:9: "TestNames/em_sp"\n'
    "=== RUN   TestNames/fs\\x1cx\n"
    '    x_test.go:9: "TestNames/fs\\\\x1cx"\n'
    "--- PASS: TestNames (0.00s)\n"
    "    --- PASS: TestNames/ctrl\\x01 (0.00s)\n"
    "    --- PASS: TestNames/del\\x7f (0.00s)\n"
    "    --- PASS: TestNames/nbsp_x (0.00s)\n"
    "    --- PASS: TestNames/zw\\u200bx (0.00s)\n"
    "    --- PASS: TestNames/a_b_c (0.00s)\n"
    "    --- PASS: TestNames/em_sp (0.00s)\n"
    "    --- PASS: TestNames/fs\\x1cx (0.00s)\n"
    "PASS\n"
    "ok  \texample.com/subnames\t0.000s\n"
)


def test_a_subtest_name_has_go_test_s_underscores_and_escapes(tmp_path):
    """go test's matcher writes a space of its own list (an ASCII one, NBSP, U+2003;
    not U+001C) as _ and a rune strconv does not print as its escape (\\x01,
    \\u200b), in t.Name() too."""
    assert _go_test(tmp_path, "subnames", SUBNAMES) == (0, SUBNAMES_V)
