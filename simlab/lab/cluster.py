"""Tasks on a Dask cluster: ``--cluster tcp://HOST:8786`` or ``--cluster local:N``.

:class:`DaskPool` offers the pool interface of :mod:`simlab.lab.pool`: ``run(fn,
argsets)`` submits every task to a ``dask.distributed`` scheduler and yields
``(index, value)`` as they complete. A task is a pure function of its arguments
(model name, parameters, seeds, strategy), so where it runs changes nothing:
callers put the results in order by index, and the figures, digests and failing
seeds are those of a local run.

* ``local:N`` starts a LocalCluster of N worker processes of one thread each on
  this machine (they die with simlab and never hold its standard output).
* A worker that dies in the middle of a task (killed, lost): the scheduler runs
  the task again on another worker; a task whose workers keep dying
  (``distributed.scheduler.allowed-failures``, 3 by default) is a
  :class:`~simlab.lab.pool.WorkerDied`. A task that raises is retried once, then
  the exception is raised here.
* On connecting, every worker must run the same simlab version and the same
  model source as this process, else nothing runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import sys
import uuid
from collections.abc import Callable, Generator, Sequence
from typing import Any

from ..errors import SimlabError
from .pool import MAX_JOBS, ClusterError, WorkerDied, _die_with_parent

CONNECT_TIMEOUT = 10.0  # seconds to reach a scheduler and see a worker
ADDRESS = re.compile(r"tcp://[^\s/:]+:\d{1,5}")


def parse_cluster(spec: str) -> str | int:
    """``tcp://HOST:PORT`` (a scheduler's address) or N, from ``local:N``."""
    spec = spec.strip()
    if spec.startswith("local:"):
        n = spec.removeprefix("local:")
        if n.isdigit() and 1 <= int(n) <= MAX_JOBS:
            return int(n)
        raise SimlabError(f"--cluster {spec!r}: local:N takes N from 1 to {MAX_JOBS}")
    if ADDRESS.fullmatch(spec):
        return spec
    raise SimlabError(
        f"--cluster {spec!r}: expected a Dask scheduler's address, tcp://HOST:PORT "
        "(e.g. tcp://10.0.0.5:8786), or local:N for N worker processes on this machine"
    )


def dask_setup(worker: Any) -> None:
    """Dask's preload hook, in each worker process of a ``local:N`` cluster: die with
    simlab, and leave its standard output alone (``simlab ... | tee`` returns)."""
    _die_with_parent(os.getppid())
    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # the parent says what failed
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)


def worker_identity(model_name: str | None) -> str:
    """simlab's version and a sha256 of the model's source file, as this process sees them."""
    from importlib.metadata import version

    from .model import load_model

    try:
        mine = version("simlab")
    except Exception:
        mine = "unknown"
    if model_name is None:
        return f"simlab {mine}"
    try:
        model = load_model(model_name)
        module = sys.modules[model.main.__module__]
        path = getattr(module, "__file__", None)
        with open(path or os.devnull, "rb") as f:
            source = hashlib.sha256(f.read()).hexdigest()[:12]
    except Exception as exc:
        return f"simlab {mine}, model {model_name} does not load ({exc})"
    return f"simlab {mine}, model {model_name} {source}"


class DaskPool:
    """The workers of a Dask scheduler (``tcp://...``) or of a LocalCluster (``local:N``)."""

    def __init__(self, spec: str, model_name: str | None = None, retries: int = 1):
        where = parse_cluster(spec)
        try:
            import distributed
        except ImportError:  # pragma: no cover - a dependency of simlab
            raise SimlabError(
                "--cluster needs dask's distributed: pip install distributed"
            ) from None
        self.spec = spec
        self.retries = retries
        self._cluster: Any = None
        self._token = uuid.uuid4().hex[:12]
        try:
            if isinstance(where, int):
                self._cluster = distributed.LocalCluster(
                    n_workers=where,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                    preload=["simlab.lab.cluster"],
                )
                self.client = distributed.Client(self._cluster, set_as_default=False)
            else:
                self.client = distributed.Client(
                    where, timeout=CONNECT_TIMEOUT, set_as_default=False
                )
                self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            self.close()
            what = "has no workers" if "worker" in str(exc).lower() else "cannot be reached"
            raise ClusterError(
                f"--cluster {spec}: the Dask scheduler {what} "
                f"({type(exc).__name__}; start it with `dask scheduler`, workers with "
                f"`dask worker {where if isinstance(where, str) else 'ADDRESS'}`)"
            ) from None
        self.workers = max(1, sum(self.client.nthreads().values()))
        self._check(model_name)

    def _check(self, model_name: str | None) -> None:
        """Refuse workers that would not run the same program as this process."""
        here = worker_identity(model_name)
        try:
            there = self.client.run(worker_identity, model_name)
        except Exception as exc:  # a worker without simlab cannot even unpickle the call
            self.close()
            raise ClusterError(
                f"--cluster {self.spec}: a worker cannot run simlab ({type(exc).__name__}: "
                f"{str(exc).splitlines()[0] if str(exc) else ''}): install the same simlab "
                "and models on every machine"
            ) from None
        for address, identity in sorted(there.items()):
            if identity != here:
                self.close()
                raise ClusterError(
                    f"--cluster {self.spec}: worker {address} runs {identity}, this process "
                    f"{here}: install the same simlab and models on every machine"
                )

    def __enter__(self) -> DaskPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        client, cluster = getattr(self, "client", None), self._cluster
        self._cluster = None
        if client is not None:
            with contextlib.suppress(Exception):
                client.close(timeout=5)
            del self.client
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close(timeout=5)

    def run(
        self, fn: Callable[..., Any], argsets: Sequence[tuple[Any, ...]]
    ) -> Generator[tuple[int, Any], None, None]:
        """``(index, fn(*argsets[index]))`` for every task, as they complete."""
        import dask
        import distributed

        if not argsets:
            return
        name = getattr(fn, "__name__", "task").strip("_")
        keys = [f"simlab-{name}-{self._token}-{i}" for i in range(len(argsets))]
        if len({len(a) for a in argsets}) == 1 and argsets[0]:  # one message for them all
            futures = self.client.map(
                fn, *zip(*argsets, strict=True), key=keys, retries=self.retries, pure=False
            )
        else:
            futures = [
                self.client.submit(fn, *args, key=key, retries=self.retries, pure=False)
                for key, args in zip(keys, argsets, strict=True)
            ]
        index = {f.key: i for i, f in enumerate(futures)}
        self._token = uuid.uuid4().hex[:12]  # the next run's keys are new ones
        pending = set(index)
        try:
            for future in distributed.as_completed(futures, loop=self.client.loop):
                i = index[future.key]
                pending.discard(future.key)
                # "lost": it had finished on a worker that died before its result was
                # fetched; the scheduler runs it again, and result() waits for that
                if future.status in ("finished", "lost"):
                    value = future.result()
                    future.release()
                    yield i, value
                elif future.status == "error":
                    exc = future.exception()
                    if isinstance(exc, distributed.KilledWorker):
                        allowed = dask.config.get("distributed.scheduler.allowed-failures")
                        yield i, WorkerDied(i, "died", 1 + int(allowed))
                    else:
                        assert isinstance(exc, BaseException)
                        raise exc
                else:
                    raise ClusterError(
                        f"--cluster {self.spec}: the scheduler dropped task {i} "
                        f"({future.status}): was the scheduler restarted?"
                    )
        finally:
            if pending:
                with contextlib.suppress(Exception):
                    self.client.cancel([f for f in futures if f.key in pending])
