"""``simlab translate``: Go source in, a readable simlab model out.

.. code-block:: python

    from simlab import translate

    source = translate.translate("models/zoo/go/abandoned_receiver.go")  # Python source
    program = translate.load("models/zoo/go/abandoned_receiver.go")  # that source, run
    rt = sl.Runtime(seed=1)
    rt.run(translate.entry(program, "main"), until=2 * sl.Minute)

The front end (``frontend/``, Go, standard library only) parses and type-checks
the package and prints the model: one Python function per Go function, named as
Go names it (``main.handle.func1``) with every line marked with its Go line
(``# L16``). A construct it cannot render faithfully stops it with one line,
``FILE:LINE: unsupported: <construct> (<what to use instead>)``, never a model
that runs wrong.

Go's defer is try/finally; a deferred function that calls ``recover()`` runs from
``with go.defer(f):`` (``golib.defer``), so that it can stop the panic as Go's does.
``panic(v)`` keeps Go's value and message (``panic: main.code(7)``, a chain of
``[recovered]`` panics), ``os.Exit`` ends the program with its status without
running deferred calls, and ``time.Now``/``time.Since`` read simulated time, so a
printed duration is what a ``testing/synctest`` bubble prints.

The translated program reaches its runtime through the module-level ``rt``, the
way Go code reaches its one runtime: every Go signature stays as it is, function
values and interfaces need nothing threaded through them, and ``rt`` never shows
among a goroutine's locals. ``bind(runtime)`` sets it and initializes the package
variables; :func:`entry` does both and starts the entry function as main. One
module runs one program at a time: :func:`load` returns a fresh module each call.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import linecache
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .toolchain import TranslateError, frontend

__all__ = ["TranslateError", "entry", "load", "translate", "translate_all"]


def translate(path: str | Path) -> str:
    """The simlab model of the Go file or package directory at ``path``, as Python source."""
    path = Path(path)
    if not path.exists():
        raise TranslateError(f"{path}: no such file or directory")
    exe, env = frontend()
    run = subprocess.run(
        [str(exe), str(path)], env=env, capture_output=True, text=True, encoding="utf-8"
    )
    if run.returncode != 0:
        lines = run.stderr.strip().splitlines()
        raise TranslateError(lines[0] if lines else f"translating {path} failed")
    return run.stdout


def translate_all(paths: list[str | Path]) -> list[str | TranslateError]:
    """The models of several Go files or packages, in one run of the front end.

    One item per path, in order: the Python source, or the :class:`TranslateError`
    saying why that one could not be translated. Much faster than one
    :func:`translate` per path: the standard library is type-checked once.
    """
    files = [Path(p) for p in paths]
    for path in files:
        if not path.exists():
            raise TranslateError(f"{path}: no such file or directory")
    if not files:
        return []
    exe, env = frontend()
    run = subprocess.run(
        [str(exe), "-batch", *map(str, files)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if run.returncode != 0:
        lines = run.stderr.strip().splitlines()
        raise TranslateError(lines[0] if lines else "the translator's front end failed")
    return [
        TranslateError(r["error"]) if "error" in r else r["source"] for r in json.loads(run.stdout)
    ]


def load(path: str | Path, source: str | None = None) -> types.ModuleType:
    """The translation of ``path`` as a fresh module (``source``: an existing translation).

    Its name is stable, ``simlab.translated.<stem>_<digest>``, and its source is
    registered with :mod:`linecache`, so that goroutine dumps read its ``# L`` marks.
    """
    path = Path(path)
    if source is None:
        source = translate(path)
    digest = hashlib.sha256(source.encode()).hexdigest()[:12]
    stem = "".join(c if c.isalnum() else "_" for c in path.stem)
    name = f"simlab.translated.{stem}_{digest}"
    filename = f"<simlab translate {path.name} {digest}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    module = types.ModuleType(name, f"The simlab translation of {path}.")
    module.__file__ = filename
    module.go_package = _package(path)  # type: ignore[attr-defined]
    # where the Go files are: log's Llongfile prints a file's absolute path
    module.go_dir = str(path.resolve() if path.is_dir() else path.resolve().parent)  # type: ignore[attr-defined]
    # a _test.go file named on its own runs as go test runs it, beside a main.go too
    module.go_test_file = path.name.endswith("_test.go")  # type: ignore[attr-defined]
    try:
        code = compile(source, filename, "exec")
    except SyntaxError as err:  # the front end wrote Python that is not: its bug
        raise TranslateError(_not_python(path, source, err)) from None
    exec(code, module.__dict__)  # our own output
    sys.modules[name] = module
    return module


def _not_python(path: Path, source: str, err: SyntaxError) -> str:
    """The one line for a model that Python cannot compile, naming the Go line whose
    model it is (the ``# L`` mark of the line, or of the nearest before it)."""
    where = path.name
    lines = source.splitlines()
    for text in reversed(lines[: err.lineno or 0]):
        if "  # L" in text:
            where = f"{path.name}:{text.rsplit('  # L', 1)[1]}"
            break
    return (
        f"{where}: simlab's model of this line is not valid Python ({err.msg}), a gap in "
        "the translation; `simlab translate` shows the model, and a report with the Go "
        "source helps close it"
    )


def _package(path: Path) -> str:
    """What go test calls the package at ``path``: the import path of a directory
    (its module's path and where it lies below it), ``command-line-arguments`` for a
    file named alone."""
    if path.is_dir():
        here = path.resolve()
        for root in (here, *here.parents):
            mod = root / "go.mod"
            if mod.is_file():
                for line in mod.read_text().splitlines():
                    if line.startswith("module "):
                        module = line.split()[1].strip('"')
                        below = here.relative_to(root).as_posix()
                        return module if below == "." else f"{module}/{below}"
    return "command-line-arguments"


def _is_test(name: str, fn: Any) -> bool:
    """``TestX(t *testing.T)``: Go's name for a test, and one parameter."""
    return (
        name.startswith("Test")
        and callable(fn)
        and not isinstance(fn, type)
        and len(inspect.signature(fn).parameters) == 1
    )


def entry(module: types.ModuleType, name: str = "main", parallel: int = 1) -> Callable[..., Any]:
    """``module``'s Go function ``name`` as a main for ``rt.run(...)``.

    ``rt.run(entry(program), until=...)`` binds the program to ``rt``, initializes
    its package variables and runs ``name()`` as goroutine 1. A test, ``TestX(t
    *testing.T)``, runs as ``go test -v -run '^TestX$'`` runs it (``golib.run_test``),
    and a test file's ``main`` is its every test in turn (a ``_test.go`` file named
    on its own, beside a ``main.go`` too, as ``go test`` never runs ``main``);
    ``parallel`` is go test's ``-parallel``: how many tests that called
    ``t.Parallel`` may run at once.
    """
    from . import golib

    tests = getattr(module, "go_tests", None)  # the translator lists them, in go test's order
    listed = tests is not None  # a test binary, even with no tests
    if tests is None:
        tests = [(n, f) for n, f in vars(module).items() if _is_test(n, f)]
    fuzz = getattr(module, "go_fuzz_targets", [])
    fn = dict(tests).get(name, getattr(module, name, None))
    examples = [(n, getattr(module, n), *o) for n, o in getattr(module, "go_examples", {}).items()]
    test_main = getattr(module, "go_test_main", None)
    test_binary = listed or tests or fuzz or examples
    as_test = fn is None or getattr(module, "go_test_file", False)
    if as_test and name == "main" and test_binary and hasattr(module, "bind"):
        # a test file: its tests, fuzz targets and examples, as go test -v runs them
        package = getattr(module, "go_package", "command-line-arguments")
        if test_main is not None:  # func TestMain(m *testing.M): go test calls it instead

            def run_main(runtime: Any) -> Any:
                m = golib.M(runtime, tests, examples, parallel, package, fuzz)
                return golib.test_main(m, test_main)

            return _starting(module, run_main)
        main = golib.run_tests(
            tests, examples=examples, parallel=parallel, package=package, fuzz_targets=fuzz
        )
        return _starting(module, main)
    if fn is None or not callable(fn) or not hasattr(module, "bind"):
        raise TranslateError(f"no function {name} in the translated package")
    if name in dict(fuzz):  # FuzzX on its seed corpus, as go test -v -run '^FuzzX$'
        return _starting(
            module, golib.run_tests([], summary=False, parallel=parallel, fuzz_targets=[(name, fn)])
        )
    if _is_test(name, fn):
        return _starting(module, golib.run_test(fn, name, parallel))

    def start(runtime, *args):
        _bind(module, runtime)
        return _goroutine1(module, fn, *args)

    return start


def _goroutine1(module: types.ModuleType, fn: Callable[..., Any], *args: Any) -> Any:
    """What goroutine 1 runs: ``fn(*args)`` (a generator for a main that blocks: the
    runtime runs it), after the package's initialization that blocks, if any."""
    if not hasattr(module, "go_init"):
        return fn(*args)
    return _initialized(module, fn, *args)


def _initialized(module: types.ModuleType, fn: Callable[..., Any], *args: Any) -> Any:
    """The package's initialization that blocks (``go_init``), then ``fn(*args)``."""
    from . import golib

    for step in module.go_init:
        yield from golib.call(step)
    return (yield from golib.call(fn, *args))


def _bind(module: types.ModuleType, runtime: Any) -> None:
    """Bind the program to ``runtime``, whose Python errors on nil then read as Go's
    runtime panics (``golib.runtime_error``) and whose values' types as Go's
    (``golib.type_name``)."""
    from . import golib
    from .golib._types import type_name

    runtime.runtime_errors = golib.runtime_error
    runtime.type_names = type_name
    module.bind(runtime)


def _starting(module: types.ModuleType, main: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A main for ``rt.run`` that binds ``module``, then runs ``main(runtime)`` (a
    test's main takes the runtime, to make its ``*testing.T``)."""

    def start(runtime):
        _bind(module, runtime)
        return _goroutine1(module, main, runtime)

    return start
