"""The Once that calls itself: the function ``Do`` runs calls ``Do`` on the same Once.

.. code-block:: go

    func (r *Request) User() (string, error) {
        r.once.Do(r.parse)
        return r.name, r.err
    }

    func (r *Request) parse() {
        if err := decode(r); err != nil {
            r.err = err
            r.logf("rejected")         // leaky: logf calls r.User(), inside Do
        }                              // fixed: log r.n; never call Do from f
    }

``once.Do(f)`` holds the Once's mutex while ``f`` runs, so that every other
caller waits until ``f`` has returned. When ``f`` itself reaches ``Do`` again,
here through a logging helper that wants the user's name, it waits for that
mutex, which it holds: ``sync.Mutex.Lock`` in ``sync.(*Once).doSlow``, forever.
Every request with a bad token leaves its goroutine so. The Once is the
request's own: nothing but the stuck goroutine references it.

The program is ``models/zoo/go/recursive_once.go``; ``# L<n>`` are its lines.
"""

from __future__ import annotations

import simlab as sl
from models.zoo.server import Server, model, serve, start

DECODE = sl.Millisecond  # decoding a token


class Request:
    """``type Request struct { n int; once sync.Once; name string; err error }``."""

    def __init__(self, rt: sl.Runtime, server: Server, n: int):
        self.rt = rt
        self.server = server
        self.n = n
        self.once = rt.once()
        self.name = ""
        self.err: sl.GoError | None = None
        self.logged: list[str] = []

    @sl.gofunc("main.(*Request).User", file="recursive_once.go")
    def user(self):
        yield from self.once.do(self.parse)  # L25: r.once.Do(r.parse)
        return self.name, self.err  # L26

    @sl.gofunc("main.(*Request).parse", file="recursive_once.go")
    def parse(self):
        yield self.rt.sleep(DECODE)  # L30: decode the token
        if self.server.fails():  # L31: one request in five has a bad token
            self.err = sl.errors_new("bad token")  # L32
            yield from self.logf("rejected")  # L33
            return  # L34
        self.name = "gopher"  # L36

    @sl.gofunc("main.(*Request).logf", file="recursive_once.go")
    def logf(self, msg: str):
        if self.server.leaky:
            user, _ = yield from self.user()  # L40: r.User(), inside the Once's Do
        else:
            user = f"request {self.n}"  # the fix: no second Do
        self.logged.append(f"{user}: {msg}")  # L41


@sl.gofunc("main.handle", file="recursive_once.go")
def handle(rt: sl.Runtime, server: Server, n: int):
    r = Request(rt, server, n)  # L45: r := &Request{n: n}
    yield from r.user()  # L46: r.User()


@sl.gofunc("main.main", file="recursive_once.go")
def main(rt: sl.Runtime, p: sl.Params, sim):
    server = start(rt, p, sim)

    def request(n: int):
        rt.go(handle, rt, server, n, name="handle")  # L62: go handle(requests)
        yield rt.gosched()  # L63

    yield from serve(rt, sim, server, request)


MODEL = model(
    "recursive_once",
    "the function a sync.Once runs calls Do on the same Once, and waits for itself",
    main,
)
