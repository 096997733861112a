"""The Docker daemon and the client library under ``ContainerLogs``.

What the log monitor talks to, modelled after net/http and the Docker Go client
wherever a choice arises:

* The daemon writes a log line for each container every ``log_interval`` (fixed,
  or exponential with that mean), the first one ``log_interval`` after the
  container starts. A follow-mode stream receives only lines written after it
  opened. Each connection queues at most ``frame_buffer`` lines, like a socket
  buffer; when it is full that connection loses the line. The daemon never
  blocks on a client. It is the outside world: its work runs as SimPy callbacks,
  not goroutines, and is never counted as the program's.
* ``ContainerLogs(ctx, id)`` takes ``api_latency``, may fail (``api_error_rate``)
  and respects its context as ``http.Client.Do`` does: if the context ends first
  (a tie goes to the context) it returns the context's error and opens nothing.
  Then it dials a connection holding ``sdk_fds`` descriptors and starts
  ``sdk_goroutines`` transport goroutines: net/http's ``persistConn.readLoop``
  and ``writeLoop``, further ones named ``transport``. ``writeLoop`` idles until
  the connection closes; ``readLoop`` waits for the close and, with
  ``cancel_closes_conn``, closes the connection when the request context ends.
* ``Read`` returns one line per call and blocks in ``IO wait`` for the next.
  When several outcomes are ready it prefers a closed connection or body
  (``http: read on closed response body``), then an ended request context (its
  cause), then a queued line, then the end of the stream (``EOF``). ``Close``
  marks the body closed, so later Reads fail, and with ``close_closes_conn``
  also closes the connection. Closing a connection is idempotent, releases its
  descriptors exactly once and loses the lines it still queues.
* ``demux_goroutine`` is the log-collector pattern ``pr, pw := io.Pipe(); go
  func() { stdcopy.StdCopy(pw, pw, body); pw.CloseWithError(err) }()``: the
  stream handed out reads ``pr``, its ``Close`` closes only the HTTP body, and
  nobody ever closes ``pr``.
"""

from __future__ import annotations

import bisect
from collections import deque
from dataclasses import dataclass

import simlab as sl
from simlab import GoError, Param

GOROOT = "/usr/local/go/src"
TRANSPORT_GO = f"{GOROOT}/net/http/transport.go"
PIPE_GO = f"{GOROOT}/io/pipe.go"
CLIENT_GO = "github.com/docker/docker/client/container_logs.go"

ERR_READ_ON_CLOSED = GoError("http.errReadOnClosedResBody", "http: read on closed response body")
ERR_EOF = GoError("io.EOF", "EOF")
ERR_CLOSED_PIPE = GoError("io.ErrClosedPipe", "io: read/write on closed pipe")
ERR_DAEMON = GoError("errdefs.System", "Error response from daemon: internal error")

PARAMS = (
    Param(
        "log_interval", "1s", "mean time between two log lines of a container", "duration", min=1
    ),
    Param(
        "log_distribution",
        "fixed",
        "spacing of log lines",
        "choice",
        choices=("fixed", "exponential"),
    ),
    Param("frame_buffer", 64, "lines a connection queues before it loses new ones", min=1),
    Param("api_latency", "20ms", "time for ContainerLogs to answer", "duration"),
    Param("api_error_rate", 0.0, "probability that ContainerLogs fails", "float", min=0, max=1),
    Param("sdk_fds", 1, "file descriptors one log connection holds (1: the socket)", min=0),
    Param(
        "sdk_goroutines",
        2,
        "transport goroutines per connection (net/http: readLoop and writeLoop)",
        min=0,
    ),
    Param(
        "cancel_closes_conn",
        True,
        "the end of the request context closes the connection (true in net/http)",
        "bool",
    ),
    Param(
        "close_closes_conn",
        True,
        "closing an unfinished body closes the connection (true in net/http)",
        "bool",
    ),
    Param(
        "demux_goroutine",
        False,
        "stdcopy demultiplexes the stream into an io.Pipe in a goroutine of its own",
        "bool",
    ),
)


@dataclass
class LineStats:
    """Where log lines went: written by the daemon, delivered, or lost on the way."""

    outside_world = True  # bookkeeping of the simulation, not the program's memory

    produced: int = 0  # up to the end of the run's duration
    lost_no_stream: int = 0  # written while no stream followed the container
    lost_conn_full: int = 0  # the connection's queue was full (see Daemon.lost_conn_full)
    lost_on_close: int = 0  # still queued when the connection closed


class Container:
    """A container as the daemon sees it: a log writer and the streams that follow it."""

    outside_world = True  # dockerd's memory, not the program's

    def __init__(self, cid: str, index: int):
        self.id = cid
        self.index = index
        self.running = True
        self.followers: list[Conn] = []  # connections with room in their queue, oldest first
        # Connections whose queue is full: every line written loses itself there, and
        # nothing else about them changes until a Read makes room, so they are set
        # aside and cost nothing per line; `written` tells how many lines they lost.
        self.full: dict[int, Conn] = {}
        self.written = 0  # lines written so far


class Daemon:
    """dockerd: writes every container's log lines and serves follow-mode streams."""

    outside_world = True

    def __init__(self, rt: sl.Runtime, p: sl.Params, lines: LineStats):
        self.rt = rt
        self.p = p
        self.lines = lines
        self.containers: dict[str, Container] = {}

    def start(self, cid: str, index: int) -> Container:
        c = Container(cid, index)
        self.containers[cid] = c
        interval = self.p.log_interval
        if self.p.log_distribution == "fixed":

            def gap() -> int:
                return interval

        else:
            rng = self.rt.rng("workload", index)

            def gap() -> int:
                return max(1, int(rng.exponential(interval)))

        # The writer's one calendar entry, re-armed after every line (at most one is
        # pending): events due at one instant keep the order a fresh rt.call_later
        # per line gives them, without an event made per line.
        def write(_tick: object) -> None:
            self._write(c, gap, tick, callbacks)

        tick = self.rt.env.call(write, gap())
        callbacks = tick.callbacks  # SimPy only reads this list, never appends
        return c

    def stop(self, cid: str) -> None:
        """The container exits: its follow streams end (EOF), its writer stops."""
        c = self.containers.pop(cid)
        c.running = False
        for conn in c.full.values():  # it writes no more: count what they lost now
            self.lines.lost_conn_full += c.written - conn.full_since
            conn.full_since = c.written
        for conn in sorted([*c.followers, *c.full.values()], key=_serial):
            conn.end_of_stream()

    def _write(self, c: Container, gap, tick, callbacks) -> None:
        if not c.running:
            return
        line = self.rt.now  # a line is known by when it was written
        if line <= self.p.duration:
            self.lines.produced += 1
        c.written += 1
        followers = c.followers
        if not followers and not c.full:
            self.lines.lost_no_stream += 1
        filled = False
        for conn in followers:
            filled = conn.deliver(line) or filled
        if filled:
            for conn in [f for f in followers if len(f.queue) >= self.p.frame_buffer]:
                followers.remove(conn)
                conn.full_since = c.written
                c.full[conn.serial] = conn
        tick.callbacks = callbacks
        self.rt.env.schedule(tick, delay=gap())

    def lost_conn_full(self) -> int:
        """Lines lost to full connections so far, those set aside included."""
        return self.lines.lost_conn_full + sum(
            c.written - conn.full_since
            for c in self.containers.values()
            for conn in c.full.values()
        )


def _serial(conn: Conn) -> int:
    return conn.serial


class Conn:
    """One TCP connection to the daemon (net/http's persistConn) carrying a log stream."""

    def __init__(self, docker: Docker, container: Container, serial: int):
        rt = docker.rt
        self.docker = docker
        self.container = container
        self.serial = serial
        self.queue: deque[int] = deque()
        self.closed = False
        self.eof = False
        self.fds = [rt.fds.open("socket", f"logs {container.id}") for _ in range(docker.p.sdk_fds)]
        # readiness of the socket, as epoll reports it: the kernel operates it
        self.poll = rt.chan(1, name=f"netpoll conn{serial}", external=True)
        self.closech = rt.chan(name=f"persistConn{serial}.closech")
        self.writech = rt.chan(1, name=f"persistConn{serial}.writech")
        self.goroutines: list[sl.Goroutine] = []  # its transport goroutines
        self.full_since = 0  # container.written when its queue filled up
        container.followers.append(self)

    def deliver(self, line: int) -> bool:
        """The daemon writes a line to this connection; True if its queue is now full."""
        queue = self.queue
        if len(queue) >= self.docker.p.frame_buffer:
            self.docker.lines.lost_conn_full += 1
            return True
        queue.append(line)
        self.poll.try_send()
        return len(queue) >= self.docker.p.frame_buffer

    def take(self) -> int:
        """A Read takes the oldest queued line; a full connection has room again."""
        line = self.queue.popleft()
        c = self.container
        if c.full.pop(self.serial, None) is not None:
            self.docker.lines.lost_conn_full += c.written - self.full_since
            bisect.insort(c.followers, self, key=_serial)  # back in its place
        return line

    def end_of_stream(self) -> None:
        self.eof = True
        self.poll.try_send()

    def close(self) -> None:
        """Close the socket: idempotent; descriptors released once; queued lines lost."""
        if self.closed:
            return
        self.closed = True
        for fd in self.fds:
            self.docker.rt.fds.close(fd)
        self.docker.lines.lost_on_close += len(self.queue)
        self.queue.clear()
        c = self.container
        if c.full.pop(self.serial, None) is not None:
            self.docker.lines.lost_conn_full += c.written - self.full_since
        elif self in c.followers:
            c.followers.remove(self)
        self.closech.close()
        self.poll.try_send()


class Body:
    """The HTTP response body ``ContainerLogs`` returns: ``Read`` and ``Close``."""

    def __init__(self, conn: Conn, ctx: sl.Context, close_closes_conn: bool):
        self.conn = conn
        self.ctx = ctx
        self.closed = False
        self.close_closes_conn = close_closes_conn
        # the netpoller's wait: readiness of the socket, or the request's cancellation
        self._wait = sl.select(conn.poll.recv_case(), ctx.done().recv_case(), wait_reason="IO wait")

    @sl.gofunc("net/http.(*bodyEOFSignal).Read", file=TRANSPORT_GO)
    def read(self):
        """``stream.Read()``: returns ``(line, None)`` or ``(None, err)``."""
        conn, ctx = self.conn, self.ctx
        while True:
            if self.closed or conn.closed:
                return None, ERR_READ_ON_CLOSED
            if ctx.err() is not None:
                return None, ctx.cause()
            if conn.queue:
                return conn.take(), None
            if conn.eof:
                return None, ERR_EOF
            yield self._wait  # L3261

    def close(self) -> None:
        """``stream.Close()``."""
        self.closed = True
        if self.close_closes_conn:
            self.conn.close()

    def goroutines(self) -> list[sl.Goroutine]:
        """The goroutines this stream costs the program (the connection's)."""
        return list(self.conn.goroutines)


class Pipe:
    """``io.Pipe``: a synchronous pipe; a Write waits until a Read takes its data."""

    def __init__(self, rt: sl.Runtime, serial: int):
        self.wr = rt.chan(name=f"pipe{serial}.wrCh")
        self.rd = rt.chan(name=f"pipe{serial}.rdCh")
        self.done = rt.chan(name=f"pipe{serial}.done")
        self.err: GoError | None = None
        # a Read's wait: for a Write's data, or the pipe closed (built once, as Body's)
        self._read = sl.select(self.wr.recv_case(), self.done.recv_case())

    @sl.gofunc("io.(*pipe).write", file=PIPE_GO)
    def write(self, line: int):
        i, _, _ = yield sl.select(self.wr.send_case(line), self.done.recv_case())  # L87
        if i == 1:
            return ERR_CLOSED_PIPE
        yield self.rd.recv()  # L88: nw := <-p.rdCh
        return None

    @sl.gofunc("io.(*pipe).read", file=PIPE_GO)
    def read(self):
        i, line, _ = yield self._read  # L58: select { case b := <-p.wrCh: ... case <-p.done: }
        if i == 1:
            return None, self.err
        yield self.rd.send(1)  # L60: p.rdCh <- nr
        return line, None

    def close_with_error(self, err: GoError | None) -> None:
        if self.err is None:
            self.err = err or ERR_EOF
            self.done.close()


class DemuxStream:
    """What the log collector hands out with a demux goroutine: ``Read`` reads the
    pipe, ``Close`` closes only the HTTP body. Nobody closes the pipe's read end."""

    def __init__(self, pipe: Pipe, body: Body, demux: sl.Goroutine):
        self.pipe = pipe
        self.body = body
        self.demux = demux

    def read(self):
        return (yield from self.pipe.read())

    def close(self) -> None:
        self.body.close()

    def goroutines(self) -> list[sl.Goroutine]:
        return [*self.body.goroutines(), self.demux]


@sl.gofunc("net/http.(*persistConn).readLoop", file=TRANSPORT_GO)
def read_loop(conn: Conn, ctx: sl.Context, cancel_closes_conn: bool):
    done = ctx.done() if cancel_closes_conn else sl.nil_chan
    i, _, _ = yield sl.select(conn.closech.recv_case(), done.recv_case())  # L2616
    if i == 1:
        conn.close()  # L2643: pc.cancelRequest(context.Cause(rc.treq.ctx))


@sl.gofunc("net/http.(*persistConn).writeLoop", file=TRANSPORT_GO)
def write_loop(conn: Conn):
    while True:
        i, _, _ = yield sl.select(conn.writech.recv_case(), conn.closech.recv_case())  # L2833
        if i == 1:
            return


@sl.gofunc("github.com/docker/docker/pkg/stdcopy.StdCopy", file="main.go")
def demux(body: Body, pipe: Pipe):
    while True:
        line, err = yield from body.read()
        if err is not None:
            pipe.close_with_error(err)
            return
        if (yield from pipe.write(line)) is not None:
            return


class Docker:
    """The Docker client and daemon, as one ``ContainerLogs`` API."""

    def __init__(self, rt: sl.Runtime, p: sl.Params):
        self.rt = rt
        self.p = p
        self.lines = LineStats()
        self.daemon = Daemon(rt, p, self.lines)
        self.api_calls = 0
        self.api_errors = 0
        self.conns_opened = 0
        self._faults = rt.rng("faults") if p.api_error_rate else None

    @sl.gofunc("github.com/docker/docker/client.(*Client).ContainerLogs", file=CLIENT_GO)
    def container_logs(self, ctx: sl.Context, cid: str):
        """``stream, err := cli.ContainerLogs(ctx, id, opts)``, generator: ``yield from``."""
        rt, p = self.rt, self.p
        self.api_calls += 1
        deadline, has_deadline = ctx.deadline()
        if has_deadline and deadline <= rt.now + p.api_latency:
            yield ctx.done().recv()  # the context ends first, or in the same instant: it wins
            return None, ctx.cause()
        if p.api_latency > 0:
            i, _, _ = yield sl.select(ctx.done().recv_case(), rt.after(p.api_latency).recv_case())
            if i == 0:
                return None, ctx.cause()
        if ctx.err() is not None:
            return None, ctx.cause()
        if p.api_error_rate and self._faults.random() < p.api_error_rate:
            self.api_errors += 1
            return None, ERR_DAEMON
        container = self.daemon.containers.get(cid)
        if container is None:
            return None, ERR_EOF
        conn = self._dial(container, ctx)
        body = Body(conn, ctx, p.close_closes_conn)
        if not p.demux_goroutine:
            return body, None
        pipe = Pipe(rt, conn.serial)
        g = rt.go(demux, body, pipe, name="demux")  # go func() { stdcopy.StdCopy(pw, pw, body) }
        return DemuxStream(pipe, body, g), None

    @sl.gofunc("net/http.(*Transport).dialConn", file=TRANSPORT_GO)
    def _dial(self, container: Container, ctx: sl.Context) -> Conn:
        self.conns_opened += 1
        conn = Conn(self, container, self.conns_opened)
        n, go, cancels = self.p.sdk_goroutines, self.rt.go, self.p.cancel_closes_conn
        started = conn.goroutines
        if n >= 1:
            started.append(go(read_loop, conn, ctx, cancels, name="readLoop"))  # L2123
        if n >= 2:
            started.append(go(write_loop, conn, name="writeLoop"))  # L2124
        for _ in range(n - 2):
            started.append(go(write_loop, conn, name="transport"))
        return conn
