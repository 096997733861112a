"""The log monitor of the code review: a Go service following many containers' logs.

A statement-for-statement rendering of docs/logmonitor.go, the Go program
reconstructed from the code review that docs/findings.md summarises, with the
review's line numbers (``# L952``) so that a goroutine dump points where the
review points. Each field of its ``Options`` is a parameter. The defaults are its
``AsWritten`` (``reader_parent = "app"``: the bug of L952); the fix is ``"stream"``.

Goroutines, by the names the metrics count: ``heartbeat`` (L815), ``monitor``,
``reader`` (L958), ``waiter`` (the review's recommendation 3), and the client library's
``readLoop``, ``writeLoop``, ``transport`` and ``demux`` (see models/docker.py).
"""

from __future__ import annotations

from typing import Any

import simlab as sl
from models import docker
from models.docker import Docker
from simlab import Param
from simlab.observe.metrics import slope

GO = "container_manager.go"

PARAMS = (
    Param("containers", 55, "containers monitored at once", min=1, max=100_000),
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
    Param(
        "app_context",
        "cancellable",
        "the app context: WithCancel(Background), cancelled at shutdown, or Background itself",
        "choice",
        choices=("cancellable", "background"),
    ),
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
        self.wait_timeouts = 0
        self.stopped = False
        self.stopped_at = 0
        # bookkeeping for properties and leak reports, not part of the Go program:
        self.heartbeat_g: sl.Goroutine | None = None
        self.monitor_g: sl.Goroutine | None = None
        self.current: list[sl.Goroutine] = []  # the open stream's reader and client goroutines
        self.spawned: list[sl.Goroutine] = []  # every goroutine of its streams still alive


class ContainerManager:
    """``ContainerManager``: starts, monitors and stops containers."""

    def __init__(self, rt: sl.Runtime, p: sl.Params, cli: Docker, sim):
        self.rt = rt
        self.p = p
        self.docker = cli
        self.sim = sim
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
        mc.heartbeat_g = rt.go(self.heartbeat, container_ctx, mc, name="heartbeat")  # L815
        self.wg.add(1)
        mc.monitor_g = rt.go(self.monitor, ctx, container_ctx, mc, name="monitor")

    @sl.gofunc("main.(*ContainerManager).Stop", file=GO)
    def stop(self, cid: str):
        mc = self.containers[cid]
        mc.stopped = True
        mc.stopped_at = self.rt.now
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
                mc.spawned = [g for g in mc.spawned if g.alive]
                self.sim.checkpoint("rotation", container=mc)
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

            mc.spawned.append(rt.go(waiter, name="waiter"))
            i, _, _ = yield sl.select(wait_done.recv_case(), rt.after(p.wait_timeout).recv_case())
            if i == 1:
                mc.wait_timeouts += 1

    @sl.gofunc("main.(*ContainerManager).readLogs", file=GO)
    def read_logs(self, ctx: sl.Context, stream_ctx: sl.Context, mc: ManagedContainer, stream):
        rt, p = self.rt, self.p
        read_ch = rt.chan(p.read_buffer, name=f"readCh[{mc.id}]")  # L949
        parent = ctx if p.reader_parent == "app" else stream_ctx  # the bug, and the fix
        reader_ctx, reader_cancel = sl.with_cancel(parent, name=f"readerCtx[{mc.id}]")  # L952
        mc.reader_cancel = reader_cancel  # L955
        mc.reader_wg.add(1)
        reader = rt.go(self.reader, reader_ctx, mc, stream, read_ch, name="reader")  # L958
        mc.current = [reader, *stream.goroutines()]
        mc.spawned += mc.current
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
        """Running containers whose monitor has been stuck in one wait (a WaitGroup, a
        channel) for more than twice the rotation interval.

        A monitor that is merely busy (processing a backlog, retrying a failing API)
        rotates late but is not stuck: a healthy monitor never waits that long in
        one place, since every stream ends at its deadline."""
        limit = 2 * self.p.rotation_interval
        return sum(
            1
            for mc in self.containers.values()
            if not mc.stopped
            and mc.monitor_g is not None
            and mc.monitor_g.state == "waiting"
            and self.rt.now - mc.monitor_g.waiting_since > limit
        )

    def sample(self) -> dict[str, float]:
        return {"rotations": self.rotations(), "lines_delivered": self.delivered}

    def healthy(self) -> set[int]:
        """Goroutines a healthy program has now: main, each running container's
        heartbeat and monitor, and the goroutines of its open stream."""
        ids = {1}
        for mc in self.containers.values():
            if mc.stopped:
                continue
            ids |= {g.id for g in (mc.heartbeat_g, mc.monitor_g, *mc.current) if g.alive}
        return ids


@sl.gofunc("main.main", file=GO)
def main(rt: sl.Runtime, p: sl.Params, sim):
    cli = Docker(rt, p)
    if p.app_context == "cancellable":
        ctx, cancel = sl.with_cancel(rt.background(), name="ctx")
    else:
        ctx, cancel = rt.background(), None
    cm = ContainerManager(rt, p, cli, sim)
    sim.state = cm
    sim.sample = cm.sample
    running: list[str] = []
    starts = [(i * p.start_stagger // p.containers, i) for i in range(p.containers)]
    churn_rng = rt.rng("workload", 1_000_000) if p.churn > 0 else None
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
    if cancel is not None:
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


# --- properties: what "no leak" means for this program ---------------------------

TRANSPORT = ("readLoop", "writeLoop", "transport")


def one_stream_per_container(sim, moment: str, container: ManagedContainer) -> str | None:
    """After every completed rotation a container has at most one live reader, at
    most ``sdk_goroutines`` transport goroutines and at most one demux goroutine:
    those of the stream that just ended, on their way out."""
    p = sim.params
    live = [g for g in container.spawned if g.alive]
    readers = sum(g.name == "reader" for g in live)
    transport = sum(g.name in TRANSPORT for g in live)
    demux = sum(g.name == "demux" for g in live)
    waiters = sum(g.name == "waiter" for g in live)
    if readers <= 1 and transport <= p.sdk_goroutines and demux <= 1 and waiters <= 1:
        return None
    return (
        f"container {container.id} after rotation {container.rotation_count}: "
        f"{readers} readers, {transport} transport, {demux} demux, {waiters} waiter goroutines "
        f"alive (at most 1, {p.sdk_goroutines}, 1, 1)"
    )


def bounded(sim, moment: str) -> str | None:
    """Goroutines and FDs do not grow: a running container holds at most its
    heartbeat, its monitor, a waiter and two streams' goroutines (the open one and
    the one on its way out); a stopped container's goroutines are gone once its
    monitor has had time to drain readCh (processing watches no context); and
    nothing else is alive but main."""
    p, rt = sim.params, sim.rt
    cm: ContainerManager = sim.state
    per_stream = 1 + p.sdk_goroutines + (1 if p.demux_goroutine else 0)
    drain = (p.read_buffer + 2) * p.process_time + p.api_latency + sl.Second
    owned = {1}
    for mc in cm.containers.values():
        mine = [g for g in (mc.heartbeat_g, mc.monitor_g, *mc.spawned) if g and g.alive]
        owned |= {g.id for g in mine}
        if mc.stopped and rt.now - mc.stopped_at > drain and mine:
            since = sl.format_duration(mc.stopped_at)
            return f"container {mc.id}, stopped at {since}, still has {len(mine)} goroutines"
        if not mc.stopped and len(mine) > 3 + 2 * per_stream:
            return f"container {mc.id} holds {len(mine)} goroutines (at most {3 + 2 * per_stream})"
    stray = [g for g in rt.goroutines() if g.id not in owned]
    if stray:
        return f"{len(stray)} goroutines belong to no container: {stray[0]!r}"
    streams = len(cm.containers) + sum(not mc.stopped for mc in cm.containers.values())
    if rt.open_fds() > streams * p.sdk_fds:
        return f"{rt.open_fds()} open FDs, more than {streams * p.sdk_fds}"
    return None


def clean_shutdown(sim, moment: str, metrics: dict[str, Any]) -> str | None:
    """After shutdown only main is left, no FD is open, and shutdown did not hang."""
    left, fds = metrics["goroutines_after_shutdown"], metrics["fds_after_shutdown"]
    if metrics["shutdown_hung"]:
        return f"shutdown hung with {left} goroutines besides main"
    if left or fds:
        return f"{left} goroutines besides main and {fds} FDs left after shutdown"
    return None


def no_deadlock(sim, moment: str) -> str | None:
    """The program never stops with every goroutine asleep."""
    return "all goroutines are asleep - deadlock!"


def no_stall(sim, moment: str, metrics: dict[str, Any]) -> str | None:
    """No running container's monitor is stuck in one wait for twice the rotation interval."""
    stalled = metrics["stalled_containers"]
    return f"{stalled} containers stalled" if stalled else None


PROPERTIES = (
    sl.Property(
        "one stream per container",
        one_stream_per_container.__doc__,
        ("rotation",),
        one_stream_per_container,
    ),
    sl.Property("bounded goroutines and FDs", bounded.__doc__, ("sample",), bounded),
    sl.Property("clean shutdown", clean_shutdown.__doc__, ("shutdown",), clean_shutdown),
    sl.Property("no deadlock", no_deadlock.__doc__, ("deadlock",), no_deadlock),
    sl.Property("no stall", no_stall.__doc__, ("end",), no_stall),
)


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
    properties=PROPERTIES,
    healthy=lambda sim: sim.state.healthy(),
    columns=(
        "growth_per_min",
        "leaked_per_rotation",
        "leaked_fds_per_rotation",
        "goroutines_end",
        "fds_end",
        "live_contexts_end",
        "rotations",
        "stalled_containers",
        "lines_lost_per_rotation",
        "goroutines_after_shutdown",
    ),
    labels={
        "leaked_per_rotation": "leak/rotation",
        "leaked_fds_per_rotation": "FD leak/rot",
        "rotations": "rotations",
        "stalled_containers": "stalled",
        "lines_lost_per_rotation": "lines lost/rot",
    },
)


# --- the parameter space the property suite explores --------------------------

LOG_INTERVALS = ("1s", "100ms", "10ms", "10s", "250ms", "3s")


def param_space(**fixed: Any):
    """A hypothesis strategy over small runs of the log monitor.

    1-6 containers, 1-4 rotations, readCh of 0-16, log lines every 10 ms to 10 s,
    processing from instant to slower than the log rate, both close orders, every
    wait mode, churn and API errors; ``fixed`` pins parameters (the review's fix,
    an SDK hypothesis). Rotation intervals are kept to at most 300 log lines, so
    that one example costs milliseconds. Shrinks towards one container, one
    rotation, one line a second, the defaults elsewhere.
    """
    from hypothesis import strategies as st

    @st.composite
    def space(draw) -> sl.Params:
        log = sl.parse_duration(draw(st.sampled_from(LOG_INTERVALS)))
        rotation = draw(st.sampled_from((30, 10, 60, 5))) * sl.Second
        rotation = max(2 * sl.Second, min(rotation, 300 * log))
        rotations = draw(st.integers(1, 4))
        process = draw(st.sampled_from((0, log // 10, log // 2, log, 2 * log)))
        values = {
            "containers": draw(st.integers(1, 6)),
            "log_interval": log,
            "log_distribution": draw(st.sampled_from(("fixed", "exponential"))),
            "rotation_interval": rotation,
            "duration": rotations * rotation + rotation // 2,
            "sample_every": max(sl.Second, rotation // 4),
            "read_buffer": draw(st.integers(0, 16)),
            "process_time": min(process, rotation // 4),
            "close_order": draw(st.sampled_from(("close-then-cancel", "cancel-then-close"))),
            "wait_reader": draw(st.sampled_from(("block", "timeout", "skip"))),
            "reader_on_error": draw(st.sampled_from(("return", "retry"))),
            "churn": draw(st.sampled_from((0.0, 60.0, 600.0))),
            "api_error_rate": draw(st.sampled_from((0.0, 0.1, 0.5))),
            "api_latency": draw(st.sampled_from(("20ms", "0s", "1s"))),
            "start_stagger": draw(st.sampled_from((0, rotation // 2))),
            "wait_timeout": draw(st.sampled_from(("10s", "1s"))),
            "retry_backoff": draw(st.sampled_from(("1s", "100ms"))),
        }
        # Processing watches no context: shutdown may first drain readCh, a line at a time.
        values["shutdown_grace"] = 30 * sl.Second + (values["read_buffer"] + 2) * process
        return MODEL.resolve({**values, **fixed})

    return space()
