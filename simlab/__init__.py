"""simlab: a deterministic discrete-event simulator of Go concurrency, on SimPy.

A goroutine is a generator; everything that blocks in Go is something it yields::

    import simlab as sl

    def main(rt):
        ch = rt.chan()
        rt.go(lambda: (yield ch.send(42)), name="sender")
        v, ok = yield ch.recv()

    rt = sl.Runtime(seed=7, strategy="random")
    rt.run(main, until=sl.Hour)
    print(rt.goroutine_profile(debug=2))

The same seed, strategy and program give the same run, bit for bit, in any process.
"""

from types import ModuleType as _ModuleType

from .duration import (
    DurationError,
    Hour,
    Microsecond,
    Millisecond,
    Minute,
    Nanosecond,
    Second,
    format_duration,
    parse_duration,
)
from .errors import Deadlock, FatalError, GoPanic, SimlabError
from .go.chan import Chan, nil_chan
from .go.context import (
    Canceled,
    Context,
    DeadlineExceeded,
    GoError,
    with_cancel,
    with_deadline,
    with_timeout,
)
from .go.frames import gofunc
from .go.goroutine import Goroutine, Op
from .go.runtime import RunResult, Runtime
from .go.select import select
from .go.sync import Mutex, WaitGroup
from .go.timers import Ticker, Timer
from .lab.model import Model, Param, Params
from .lab.properties import Property, Violation
from .sched.schedule import Schedule
from .sched.strategies import FIFO, PCT, Random, Replay, Strategy, make_strategy

__version__ = "0.1.0"

__all__ = [
    "FIFO",
    "PCT",
    "Canceled",
    "Chan",
    "Context",
    "DeadlineExceeded",
    "Deadlock",
    "DurationError",
    "FatalError",
    "GoError",
    "GoPanic",
    "Goroutine",
    "Hour",
    "Microsecond",
    "Millisecond",
    "Minute",
    "Model",
    "Mutex",
    "Nanosecond",
    "Op",
    "Param",
    "Params",
    "Property",
    "Random",
    "Replay",
    "RunResult",
    "Runtime",
    "Schedule",
    "Second",
    "SimlabError",
    "Strategy",
    "Ticker",
    "Timer",
    "Violation",
    "WaitGroup",
    "format_duration",
    "gofunc",
    "make_strategy",
    "nil_chan",
    "parse_duration",
    "select",
    "with_cancel",
    "with_deadline",
    "with_timeout",
]


def __getattr__(name: str) -> _ModuleType:
    """``sl.testing`` imports hypothesis only when a test asks for it."""
    if name == "testing":
        import importlib

        return importlib.import_module(".testing", __name__)
    raise AttributeError(f"module 'simlab' has no attribute {name!r}")
