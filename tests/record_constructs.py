"""Run every construct of tests/test_translate.py (``CONSTRUCTS``) with the real Go
toolchain and compare what it prints with the recorded output.

Usage::

    python tests/record_constructs.py [--go PATH] [--only NAME]... [--write]

Each program is run as ``go run .`` in a module of its own (``go 1.27``), with
``GOMAXPROCS=1``, as its recording was made; those whose expectation is derived
otherwise (``DERIVED``, with the reason) are left out. Without ``--write`` the script lists
the constructs whose output differs and exits 1 if any does; with ``--write`` it
puts what Go printed in their place in tests/test_translate.py (run ``ruff format``
after). The file is read, never imported; standard library only.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent / "test_translate.py"
TIMEOUT = 120  # seconds per program


def constructs(source: str) -> dict[str, tuple[str, ast.expr]]:
    """Each construct's Go source and the node of its recorded output."""
    found = {}
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target = node.targets[0]
        if not (
            isinstance(target, ast.Subscript)
            and isinstance(target.value, ast.Name)
            and target.value.id == "CONSTRUCTS"
            and isinstance(node.value, ast.Tuple)
        ):
            continue
        name = ast.literal_eval(target.slice)
        go, out = node.value.elts
        found[name] = (ast.literal_eval(go), out)
    return found


# constructs whose expectation is not what go run prints, and why
DERIVED = {
    "slog_record_time": "go run prints the wall clock's time, simlab the run's clock",
    "semaphore": "recorded in a testing/synctest bubble, whose clock is fake, as simlab's",
}
XSYNC = "golang.org/x/sync"


def run_go(go: str, program: str) -> str:
    """What ``go run`` printed for ``program``, a module of Go 1.27 (golang.org/x/sync
    the copy Go's own commands vendor, in GOROOT)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "main.go").write_text(program)
        mod = "module construct\n\ngo 1.27\n"
        if XSYNC in program:
            goroot = subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True)
            shutil.copytree(Path(goroot.stdout.strip()) / "src/cmd/vendor" / XSYNC, root / "xsync")
            (root / "xsync" / "go.mod").write_text(f"module {XSYNC}\n\ngo 1.27\n")
            mod += f"\nrequire {XSYNC} v0.0.0\n\nreplace {XSYNC} => ./xsync\n"
        (root / "go.mod").write_text(mod)
        env = dict(
            os.environ,
            GOMAXPROCS="1",
            GO111MODULE="on",
            GOFLAGS="-mod=mod",
            GOPROXY="off",
            GOTOOLCHAIN="local",
            TZ="UTC",  # a run's one zone: time.Local prints UTC, as in a run
        )
        done = subprocess.run(
            [go, "run", "."], cwd=tmp, env=env, capture_output=True, timeout=TIMEOUT
        )
        return done.stdout.decode(errors="surrogateescape")


def literal(text: str) -> str:
    """``text`` as Python source: one string, or one per line in parentheses."""
    lines = text.splitlines(keepends=True)
    if len(lines) <= 1:
        return repr(text)
    return "(\n" + "".join(f"        {line!r}\n" for line in lines) + "    )"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--go", default=os.environ.get("GO") or shutil.which("go") or "go")
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    parser.add_argument("--write", action="store_true", help="record what Go printed")
    args = parser.parse_args()
    source = TESTS.read_text()
    found = constructs(source)
    unknown = sorted(set(args.only) - set(found))
    if unknown:
        print(f"record_constructs: no construct {unknown[0]!r}", file=sys.stderr)
        return 2
    changed: list[tuple[ast.expr, str]] = []
    for name, (program, node) in found.items():
        if (args.only and name not in args.only) or name in DERIVED:
            continue
        printed = run_go(args.go, program)
        if printed != ast.literal_eval(node):
            print(f"{name}: Go printed otherwise")
            changed.append((node, printed))
    if args.write and changed:
        lines = source.splitlines(keepends=True)
        for node, printed in sorted(changed, key=lambda c: c[0].lineno, reverse=True):
            first, last = node.lineno - 1, node.end_lineno - 1  # type: ignore[operator]
            head = lines[first][: node.col_offset]
            tail = lines[last][node.end_col_offset :]
            lines[first : last + 1] = [head + literal(printed) + tail]
        fresh = TESTS.with_suffix(".py.new")
        fresh.write_text("".join(lines))
        fresh.replace(TESTS)  # all of it or none: a crash leaves the file as it was
    print(f"{len(changed)} of {len(args.only) or len(found)} constructs differ")
    return 1 if changed and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
