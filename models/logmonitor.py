"""The log monitor of the code review: a Go service following many containers' logs.

A line-for-line rendering of the Go program reconstructed in DESIGN.md, with the
review's line numbers (``# L952``) so that a goroutine dump points where the
review points. Every ``opt`` field of that program is a parameter; the defaults
are the code as written (``reader_parent = "app"``, the bug of line 952) and the
review's fix is ``reader_parent = "stream"``.

Goroutines, by the names the metrics count: ``heartbeat`` (L815), ``monitor``,
``reader`` (L958), ``waiter`` (recommendation 3), and the client library's
``readLoop``, ``writeLoop``, ``transport`` and ``demux`` (see models/docker.py).
"""

from __future__ import annotations

from typing import Any

import simlab as sl
from models import docker
from models.docker import Docker
from simlab import Param
from simlab.metrics import slope

GO = "container_manager.go"

PARAMS = (
    Param("containers", 55, "containers monitored at once", min=1),
    Param(
        "rotation_interval",
        "5m",
        "life of one log stream: streamCtx's timeout (L847)",
        "duration",
        min=1,
    ),
    Param("read_buffer", 10, "capacity of readCh (L949)", min=0),
    Param(
        "reader_parent",
        "app",
        "parent of the reader's context (L952): app as written, stream is the review's fix",
        "choice",
        choices=("app", "stream"),
    ),
    Param(
        "reader_on_error",
        "return",
        "what the reader does after passing a read error on",
        "choice",
        choices=("return", "retry"),
    ),
    Param(
        "wait_reader",
        "block",
        "how the monitor waits for the reader at rotation (L883); timeout is "
        "the review's recommendation 3",
        "choice",
        choices=("block", "timeout", "skip"),
    ),
    Param("wait_timeout", "10s", "the timeout of wait_reader = timeout", "duration"),
    Param(
        "close_order",
        "close-then-cancel",
        "order of stream.Close() and streamCancel() at rotation (L877-878)",
        "choice",
        choices=("close-then-cancel", "cancel-then-close"),
    ),
    Param("retry_backoff", "1s", "pause after a failed ContainerLogs or read", "duration"),
    Param(
        "heartbeat_interval", "30s", "ticker period of the heartbeat goroutine", "duration", min=1
    ),
    Param("process_time", "0s", "time to process one log line (watches no context)", "duration"),
    Param("start_stagger", "0s", "containers start evenly spread over this window", "duration"),
    Param("churn", 0.0, "containers stopped and replaced by new ones, per hour", "float", min=0),
    *docker.PARAMS,
)

SETTLE = sl.Second  # after cancelling the app context, before main measures and returns


class ManagedContainer:
    """``managedContainer``: one container's cancel funcs, WaitGroups and counters."""

    def __init__(self, rt: sl.Runtime, cid: str, index: int):
        self.id = cid
        self.index = index
        self.cancel = None
        self.reader_cancel = None  # overwritten at every rotation (L955)
        self.heartbeat_wg = rt.waitgroup()
        self.reader_wg = rt.waitgroup()
        self.rotation_count = 0
        self.last_progress = rt.now
        self.wait_timeouts = 0
        self.stopped = False


class ContainerManager:
    """``ContainerManager``: starts, monitors and stops containers."""

    def __init__(self, rt: sl.Runtime, p: sl.Params, cli: Docker):
        self.rt = rt
        self.p = p
        self.docker = cli
        self.wg = rt.waitgroup()
        self.containers: dict[str, ManagedContainer] = {}
        self.delivered = 0  # lines written before `duration` and processed

    @sl.gofunc("main.(*ContainerManager).Start", file=GO)
    def start(self, ctx: sl.Context, cid: str, index: int) -> None:
        rt = self.rt
        mc = ManagedContainer(rt, cid, index)
        self.containers[cid] = mc
        container_ctx, cancel = sl.with_cancel(ctx, name=f"containerCtx[{cid}]")  # L803
        mc.cancel = cancel
        mc.heartbeat_wg.add(1)
        rt.go(self.heartbeat, container_ctx, mc, name="heartbeat")  # L815
        self.wg.add(1)
        rt.go(self.monitor, ctx, container_ctx, mc, name="monitor")

    @sl.gofunc("main.(*ContainerManager).Stop", file=GO)
    def stop(self, cid: str):
        mc = self.containers[cid]
        mc.stopped = True
        mc.cancel()
        if mc.reader_cancel is not None:
            mc.reader_cancel()
        yield mc.heartbeat_wg.wait()

    @sl.gofunc("main.(*ContainerManager).heartbeat", file=GO)
    def heartbeat(self, ctx: sl.Context, mc: ManagedContainer):
        ticker = self.rt.ticker(self.p.heartbeat_interval)
        try:
            while True:
                i, _, _ = yield sl.select(ticker.c.recv_case(), ctx.done().recv_case())
                if i == 1:
                    return
        finally:
            ticker.stop()
            mc.heartbeat_wg.done()

    @sl.gofunc("main.(*ContainerManager).monitor", file=GO)
    def monitor(self, ctx: sl.Context, container_ctx: sl.Context, mc: ManagedContainer):
        rt, p = self.rt, self.p
        try:
            while container_ctx.err() is None:
                stream_ctx, stream_cancel = sl.with_timeout(  # L847
                    container_ctx, p.rotation_interval, name=f"streamCtx[{mc.id}]"
                )
                stream, err = yield from self.docker.container_logs(stream_ctx, mc.id)  # L853
                if err is not None:
                    stream_cancel()
                    yield sl.select(
                        container_ctx.done().recv_case(), rt.after(p.retry_backoff).recv_case()
                    )
                    continue
                yield from self.read_logs(ctx, stream_ctx, mc, stream)
                if p.close_order == "close-then-cancel":
                    stream.close()  # L877
                    stream_cancel()  # L878
                else:
                    stream_cancel()
                    stream.close()
                yield from self.wait_for_reader(mc)  # L883
                mc.rotation_count += 1
                mc.last_progress = rt.now
        finally:
            self.wg.done()

    @sl.gofunc("main.(*ContainerManager).monitor", file=GO)
    def wait_for_reader(self, mc: ManagedContainer):
        rt, p = self.rt, self.p
        if p.wait_reader == "block":
            yield mc.reader_wg.wait()  # L883
        elif p.wait_reader == "timeout":
            wait_done = rt.chan(name="waitDone")

            @sl.gofunc("main.(*ContainerManager).monitor.func1", file=GO)
            def waiter():
                yield mc.reader_wg.wait()
                wait_done.close()

            rt.go(waiter, name="waiter")
            i, _, _ = yield sl.select(wait_done.recv_case(), rt.after(p.wait_timeout).recv_case())
            if i == 1:
                mc.wait_timeouts += 1

    @sl.gofunc("main.(*ContainerManager).readLogs", file=GO)
    def read_logs(self, ctx: sl.Context, stream_ctx: sl.Context, mc: ManagedContainer, stream):
        rt, p = self.rt, self.p
        read_ch = rt.chan(p.read_buffer, name=f"readCh[{mc.id}]")  # L949
        parent = ctx if p.reader_parent == "app" else stream_ctx  # L952
        reader_ctx, reader_cancel = sl.with_cancel(parent, name=f"readerCtx[{mc.id}]")
        mc.reader_cancel = reader_cancel  # L955
        mc.reader_wg.add(1)
        rt.go(self.reader, reader_ctx, mc, stream, read_ch, name="reader")  # L958
        receive = sl.select(read_ch.recv_case(), stream_ctx.done().recv_case())
        while True:
            i, result, _ = yield receive
            if i == 1:
                return
            data, err = result
            if err is not None:
                return
            yield from self.process(mc, data)

    @sl.gofunc("main.(*ContainerManager).readLogs.func1", file=GO)
    def reader(self, reader_ctx: sl.Context, mc: ManagedContainer, stream, read_ch: sl.Chan):
        rt, p = self.rt, self.p
        try:
            while True:
                data, err = yield from stream.read()
                i, _, _ = yield sl.select(  # L981-986
                    read_ch.send_case((data, err)), reader_ctx.done().recv_case()
                )
                if i == 1:
                    return
                if err is not None:
                    if p.reader_on_error == "return":
                        return
                    i, _, _ = yield sl.select(
                        reader_ctx.done().recv_case(), rt.after(p.retry_backoff).recv_case()
                    )
                    if i == 0:
                        return
        finally:
            mc.reader_wg.done()

    @sl.gofunc("main.(*ContainerManager).process", file=GO)
    def process(self, mc: ManagedContainer, line: int):
        if self.p.process_time:
            yield self.rt.sleep(self.p.process_time)
        if line <= self.p.duration:
            self.delivered += 1

    # --- what the metrics read ----------------------------------------------

    def rotations(self) -> int:
        return sum(mc.rotation_count for mc in self.containers.values())

    def stalled(self) -> int:
        """Running containers whose monitor has not rotated for twice the interval."""
        limit = 2 * self.p.rotation_interval
        return sum(
            1
            for mc in self.containers.values()
            if not mc.stopped and self.rt.now - mc.last_progress > limit
        )

    def sample(self) -> dict[str, float]:
        return {"rotations": self.rotations(), "lines_delivered": self.delivered}


@sl.gofunc("main.main", file=GO)
def main(rt: sl.Runtime, p: sl.Params, sim):
    cli = Docker(rt, p)
    ctx, cancel = sl.with_cancel(rt.background(), name="ctx")  # app ctx: cancellable
    cm = ContainerManager(rt, p, cli)
    sim.state = cm
    sim.sample = cm.sample
    running: list[str] = []
    starts = [(i * p.start_stagger // p.containers, i) for i in range(p.containers)]
    churn_rng = rt.rng("workload", 1_000_000)
    next_churn = _next_churn(rt, p, churn_rng)
    next_index = p.containers
    while True:
        while starts and starts[0][0] <= rt.now:
            _, i = starts.pop(0)
            cid = f"c{i:03d}"
            cli.daemon.start(cid, i)
            cm.start(ctx, cid, i)
            running.append(cid)
        if next_churn is not None and next_churn <= rt.now and running:
            victim = running.pop(int(churn_rng.integers(len(running))))
            yield from cm.stop(victim)
            cli.daemon.stop(victim)
            cid = f"c{next_index:03d}"
            cli.daemon.start(cid, next_index)
            cm.start(ctx, cid, next_index)
            running.append(cid)
            next_index += 1
            next_churn = _next_churn(rt, p, churn_rng)
        pending = [t for t in (starts[0][0] if starts else None, next_churn) if t is not None]
        cases = [sim.signal.recv_case()]
        if pending:
            cases.append(rt.after(min(pending) - rt.now).recv_case())
        i, _, _ = yield sl.select(*cases)
        if i == 0:
            break
    # SIGTERM: stop every container in start order, wait for the monitors, cancel ctx.
    for cid in running:
        yield from cm.stop(cid)
    yield cm.wg.wait()
    cancel()
    yield rt.sleep(SETTLE)


def _next_churn(rt: sl.Runtime, p: sl.Params, rng) -> int | None:
    if p.churn <= 0:
        return None
    return rt.now + max(1, int(rng.exponential(sl.Hour / p.churn)))


def _baseline(p: sl.Params) -> int:
    """A healthy program: main, and per container heartbeat, monitor, reader and the
    client's goroutines of one open stream."""
    per_stream = p.sdk_goroutines + (1 if p.demux_goroutine else 0)
    return 1 + p.containers * (3 + per_stream)


def _metrics(sim, end: dict[str, Any], samples) -> dict[str, Any]:
    """Leak per rotation is the slope of the goroutine count against the count of
    completed rotations, over the samples after start-up: it does not depend on
    whether the last sample falls in the middle of a rotation."""
    cm: ContainerManager = sim.state
    warm = samples.t >= MODEL.warmup(sim.params)
    rotations = samples.extra["rotations"][warm]
    return {
        "rotations": cm.rotations(),
        "leaked_per_rotation": slope(rotations, samples.goroutines[warm]),
        "leaked_fds_per_rotation": slope(rotations, samples.fds[warm]),
        "stalled_containers": cm.stalled(),
        "wait_timeouts": sum(mc.wait_timeouts for mc in cm.containers.values()),
        "api_errors": cm.docker.api_errors,
    }


def _after_shutdown(sim) -> dict[str, Any]:
    cm: ContainerManager = sim.state
    lines = cm.docker.lines
    rotations = cm.rotations()
    produced = lines.produced
    lost = produced - cm.delivered
    return {
        "lines_produced": produced,
        "lines_delivered": cm.delivered,
        "lines_lost": lost,
        "lines_lost_per_rotation": lost / rotations if rotations else None,
    }


MODEL = sl.Model(
    name="logmonitor",
    summary="the review's log monitor: containers' log streams rotated every 5 minutes",
    params=PARAMS,
    main=main,
    metrics=_metrics,
    after_shutdown=_after_shutdown,
    baseline=_baseline,
    baseline_fds=lambda p: p.containers * p.sdk_fds,
    warmup=lambda p: p.start_stagger + p.api_latency + p.sample_every,
)
