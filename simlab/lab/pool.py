"""Worker processes on this machine: started lazily, never outliving simlab, losing nothing.

:class:`LocalPool` runs ``fn(*args)`` for many argument tuples over at most
``min(jobs, cores, tasks)`` worker processes, each started only when a task is
waiting for it. It yields results as they complete, by task index.

* A worker dies with the process that started it: on Linux the kernel sends it
  SIGKILL when its parent exits (``prctl(PR_SET_PDEATHSIG)``), elsewhere a thread
  watches ``os.getppid()``; a worker never holds the caller's standard output
  (it writes to ``/dev/null``), so ``simlab run ... | tee log`` returns when simlab
  is killed.
* Workers ignore Ctrl-C: the parent decides. Closing the pool kills them.
* A worker that dies in the middle of a task (killed, out of memory): the task is
  run again, once, in a new worker; if that dies too, the task's result is a
  :class:`WorkerDied` and every other task still completes.
* An exception raised by ``fn`` is raised again in the parent.

Every pool offers the same small interface (:class:`Pool`): ``run(fn, argsets)``
yields ``(index, value)`` as tasks complete, so the runner and explore do not care
where tasks run: :class:`InProcess` (here, one at a time), :class:`LocalPool`
(``--jobs``) or a Dask cluster (``--cluster``, :mod:`simlab.lab.cluster`).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

MAX_JOBS = 256  # --jobs above this is refused: no machine simlab runs on has more cores
POLL = 0.25  # seconds between two looks at the workers while waiting


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass(frozen=True)
class WorkerDied:
    """A task whose worker process died ``times`` times (twice here) while running it."""

    index: int
    reason: str  # how the last worker ended, e.g. "killed by SIGKILL"
    times: int = 2

    def __str__(self) -> str:
        times = "twice" if self.times == 2 else f"{self.times} times"
        return f"worker process {self.reason}, {times}"


class ClusterError(Exception):
    """The cluster could not be reached or used (an infrastructure error: exit 3)."""


def _how_it_ended(code: int | None) -> str:
    if code is None:
        return "vanished"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with status {code}"


def _die_with_parent(parent: int) -> None:
    """Make sure this worker ends when the process that started it ends."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before we asked
        os._exit(1)

    def watch() -> None:  # elsewhere (and as a second line on Linux)
        while True:
            threading.Event().wait(1.0)
            if os.getppid() != parent:
                os._exit(1)

    if not sys.platform.startswith("linux"):
        threading.Thread(target=watch, daemon=True).start()


def _worker(conn: multiprocessing.connection.Connection, parent: int, inherited: list[Any]) -> None:
    # What the worker inherited (modules, the parent's objects) lives as long as it
    # does: frozen, the collector never walks it again, nor touches its pages.
    gc.freeze()
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for other in inherited:  # the parent's ends of the other workers' pipes
        with contextlib.suppress(OSError):
            other.close()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        if message is None:
            os._exit(0)
        fn, args = message
        try:
            reply: tuple[str, Any] = ("ok", fn(*args))
        except BaseException as exc:  # all of it goes back to the parent
            reply = ("error", exc)
        try:
            conn.send(reply)
        except Exception as exc:  # the result or the exception would not pickle
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


class _Worker:
    def __init__(self, ctx: Any, inherited: list[Any]):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker, args=(child, os.getpid(), inherited), daemon=True, name="simlab-worker"
        )
        self.process.start()
        child.close()
        self.task: int | None = None

    def give(self, index: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.task = index
        self.conn.send((fn, args))

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.process.kill()
        with contextlib.suppress(OSError):
            self.conn.close()


def _context() -> Any:
    # fork: a worker starts in milliseconds with everything imported; simlab's parent
    # process runs no threads when it starts one.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class Pool(Protocol):
    """Where tasks run: ``workers`` at once; ``run`` yields ``(index, value)`` for every
    task as it completes (a task whose worker died too often gives a :class:`WorkerDied`)."""

    workers: int

    def run(
        self, fn: Callable[..., Any], argsets: Sequence[tuple[Any, ...]]
    ) -> Generator[tuple[int, Any], None, None]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Pool: ...

    def __exit__(self, *exc: object) -> None: ...


class InProcess:
    """Tasks run one after the other in this process (one worker, nothing to start)."""

    workers = 1

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        pass

    def run(
        self, fn: Callable[..., Any], argsets: Sequence[tuple[Any, ...]]
    ) -> Generator[tuple[int, Any], None, None]:
        for index, args in enumerate(argsets):
            yield index, fn(*args)


def open_pool(
    jobs: int, cluster: str | None = None, tasks: int | None = None, model: str | None = None
) -> Pool:
    """The pool for ``--jobs`` / ``--cluster``: a Dask cluster if one is named, else
    worker processes here (none when one would do: ``jobs`` or ``tasks`` is 1)."""
    if cluster is not None:
        from .cluster import DaskPool

        return DaskPool(cluster, model)
    workers = max(1, min(jobs, cores(), tasks if tasks is not None else jobs))
    return LocalPool(jobs) if workers > 1 else InProcess()


class LocalPool:
    """At most ``jobs`` worker processes on this machine (and no more than its cores)."""

    def __init__(self, jobs: int, retries: int = 1):
        self.limit = max(1, min(jobs, cores()))
        self.workers = self.limit
        self.retries = retries
        self.started = 0  # worker processes started so far
        self._workers: list[_Worker] = []
        self._ctx = _context()

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Kill every worker (they hold nothing worth waiting for) and reap them."""
        workers, self._workers = self._workers, []
        for w in workers:
            w.kill()
        for w in workers:
            with contextlib.suppress(Exception):
                w.process.join(timeout=1.0)

    def _start(self) -> _Worker:
        w = _Worker(self._ctx, [other.conn for other in self._workers])
        self._workers.append(w)
        self.started += 1
        return w

    def run(
        self, fn: Callable[..., Any], argsets: Sequence[tuple[Any, ...]]
    ) -> Generator[tuple[int, Any], None, None]:
        """``(index, fn(*argsets[index]))`` for every task, as they complete; a task
        whose worker died ``retries + 1`` times gives ``(index, WorkerDied)``."""
        pending = deque(range(len(argsets)))
        attempts = [0] * len(argsets)
        limit = min(self.limit, len(argsets))
        while pending or any(w.task is not None for w in self._workers):
            for w in self._workers:
                if pending and w.task is None:
                    w.give(pending[0], fn, argsets[pending.popleft()])
            while pending and len(self._workers) < limit:
                w = self._start()
                w.give(pending[0], fn, argsets[pending.popleft()])
            busy = [w for w in self._workers if w.task is not None]
            waitables: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
            ready = set(multiprocessing.connection.wait(waitables, timeout=POLL))
            for w in busy:
                index = w.task
                assert index is not None
                if w.conn in ready:
                    try:
                        status, value = w.conn.recv()
                    except (EOFError, OSError):
                        pass  # it died while answering: handled below
                    else:
                        w.task = None
                        if status == "error":
                            raise value
                        yield index, value
                        continue
                if w.conn in ready or w.process.sentinel in ready:
                    w.process.join(timeout=1.0)
                    reason = _how_it_ended(w.process.exitcode)
                    w.kill()
                    self._workers.remove(w)
                    attempts[index] += 1
                    if attempts[index] > self.retries:
                        yield index, WorkerDied(index, reason)
                    else:
                        pending.appendleft(index)
        for w in self._workers:  # idle now: let them go
            with contextlib.suppress(OSError):
                w.conn.send(None)
        self.close()
