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
from .errors import Deadlock, FatalError, GoPanic, Livelock, SimlabError, UnyieldedOperation
from .go.chan import Chan, nil_chan
from .go.cond import Cond
from .go.context import (
    Canceled,
    Context,
    DeadlineExceeded,
    GoError,
    after_func,
    cause,
    errors_new,
    with_cancel,
    with_cancel_cause,
    with_deadline,
    with_deadline_cause,
    with_timeout,
    with_timeout_cause,
    with_value,
    without_cancel,
)
from .go.frames import gofunc
from .go.goroutine import Goroutine, Op
from .go.once import Once, once_func, once_value, once_values
from .go.runtime import RunResult, Runtime
from .go.rwmutex import RWMutex
from .go.select import select
from .go.sync import Mutex, WaitGroup
from .go.timers import Ticker, Timer
from .lab.model import Model, Param, Params
from .lab.properties import Property, Violation
from .observe.leaks import goroutineleak_profile
from .sched.schedule import Schedule
from .sched.strategies import FIFO, PCT, Random, Replay, Strategy, make_strategy

__version__ = "0.1.0"

__all__ = [
    "FIFO",
    "PCT",
    "Canceled",
    "Chan",
    "Cond",
    "Context",
    "DeadlineExceeded",
    "Deadlock",
    "DurationError",
    "FatalError",
    "GoError",
    "GoPanic",
    "Goroutine",
    "Hour",
    "Livelock",
    "Microsecond",
    "Millisecond",
    "Minute",
    "Model",
    "Mutex",
    "Nanosecond",
    "Once",
    "Op",
    "Param",
    "Params",
    "Property",
    "RWMutex",
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
    "UnyieldedOperation",
    "Violation",
    "WaitGroup",
    "after_func",
    "cause",
    "errors_new",
    "format_duration",
    "gofunc",
    "goroutineleak_profile",
    "make_strategy",
    "nil_chan",
    "once_func",
    "once_value",
    "once_values",
    "parse_duration",
    "select",
    "with_cancel",
    "with_cancel_cause",
    "with_deadline",
    "with_deadline_cause",
    "with_timeout",
    "with_timeout_cause",
    "with_value",
    "without_cancel",
]


def __getattr__(name: str) -> _ModuleType:
    """``sl.testing`` imports hypothesis only when a test asks for it."""
    if name == "testing":
        import importlib

        return importlib.import_module(".testing", __name__)
    raise AttributeError(f"module 'simlab' has no attribute {name!r}")
