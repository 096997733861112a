"""Channel & context: a watch that fails cancels its own context, then reports the
failure on a channel that nobody reads any more (GoKer's Kubernetes25331).

.. code-block:: go

    func (w *watch) run() {
        select {
        case err := <-w.errc:
            w.cancel()            // the fix removes this line ...
            w.results <- err      // ... and sends in a select with <-w.ctx.Done()
        case <-w.ctx.Done():
        }
    }
    func (w *watch) Stop() { w.errc <- errors.New("Error"); w.cancel() }

``Stop`` hands ``run`` an error and cancels; ``run`` cancels too and sends the
result on an unbuffered channel whose reader is gone: it leaks in ``chan
send``.
"""

from __future__ import annotations

import simlab as sl

PROGRAM = "Kubernetes25331"
FILE = "kubernetes25331.go"


class Watch:
    def __init__(self, rt: sl.Runtime):
        self.ctx, self.cancel = sl.with_cancel(rt.background())
        self.results = rt.chan()
        self.errc = rt.chan()


@sl.gofunc("main.(*watchChan_kubernetes25331).run", file=FILE)
def run(w: Watch):
    i, err, _ = yield sl.select(w.errc.recv_case(), w.ctx.done().recv_case())  # L33
    if i == 0:
        w.cancel()  # L36
        yield w.results.send(err is not None)  # L37


@sl.gofunc("main.(*watchChan_kubernetes25331).Stop", file=FILE)
def stop(w: Watch):
    yield w.errc.send(sl.errors_new("Error"))  # L27
    w.cancel()  # L28


@sl.gofunc("main.Kubernetes25331", file=FILE)
def main(rt: sl.Runtime, out: list[str]):
    @sl.gofunc("main.Kubernetes25331.func2", file=FILE)
    def start():
        w = Watch(rt)
        rt.go(run, w)  # L69
        rt.go(stop, w)  # L70

    rt.go(start)  # L67
    for _ in range(10):
        yield rt.gosched()  # L63
    out.append(sl.goroutineleak_profile(rt, 2, roots=[]))  # L65
