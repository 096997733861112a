"""WaitGroup misuse: the plugin manager adds every plugin to a WaitGroup, then
waits for all of them inside the loop that starts them (GoKer's Moby25348).

.. code-block:: go

    wg.Add(len(plugins))
    for _, p := range plugins {
        go func(p *plugin) { defer wg.Done() }(p)
        wg.Wait()            // the fix: after the loop
    }

After the first plugin's goroutine is done the counter is still one: ``init``
leaks in ``sync.WaitGroup.Wait`` before it starts the second.
"""

from __future__ import annotations

import simlab as sl

PROGRAM = "Moby25348"
FILE = "moby25384.go"


@sl.gofunc("main.(*Manager_moby25348).init", file=FILE)
def init_plugins(rt: sl.Runtime, plugins: list[object]):
    wg = rt.waitgroup()
    wg.add(len(plugins))  # L32
    for _plugin in plugins:

        @sl.gofunc("main.(*Manager_moby25348).init.func1", file=FILE)
        def start_plugin():
            wg.done()  # L35

        rt.go(start_plugin)  # L34
        yield wg.wait()  # L38


@sl.gofunc("main.Moby25348", file=FILE)
def main(rt: sl.Runtime, out: list[str]):
    @sl.gofunc("main.Moby25348.func2", file=FILE)
    def start_manager():
        rt.go(init_plugins, rt, [object(), object()])  # L57

    rt.go(start_manager)  # L51
    for _ in range(10):
        yield rt.gosched()  # L47
    out.append(sl.goroutineleak_profile(rt, 2, roots=[]))  # L49
