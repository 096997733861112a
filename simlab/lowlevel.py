"""The contract every simlab primitive is built on.

Channels, ``select``, ``sync``, contexts and timers are written with these calls
and nothing else from the runtime; so can yours. A primitive is a Python object
whose blocking methods return an :class:`Op` for the goroutine to ``yield``:

* :meth:`Op.start` runs on the yielding goroutine ``g``. It returns the value of
  the ``yield`` at once, or parks ``g`` and returns :data:`PARK`;
* a goroutine parks with :meth:`Goroutine.park` (wait reason, what it waits on,
  whether only a goroutine can wake it), most simply through a :class:`WaitQueue`;
* somebody later makes it runnable with :meth:`Runtime.ready` (``WaitQueue.wake``);
* a :class:`Case` is an operation that can also be a ``select`` case.

What the deadlock detector and the three leak oracles need to know about a wait
is what the goroutine recorded when it parked, plus two optional methods of the
object waited on: ``label()`` (how reports name it) and ``wake_source()`` (what,
besides a goroutine, can end the wait: the outside world, an armed timer).
A primitive that keeps a timer registers it in :attr:`Runtime.timer_table`.

A method that hands the goroutine an operation to yield adds one to
``rt.ops_made``: the runtime then reports an operation made and never yielded
(``mu.lock()`` written without ``yield``), with the goroutine's file and line.

Every operation of a primitive calls ``rt.touch(self.id)``: a strategy that
reduces schedules by independence (``dfs``) asks for each step's footprint, the
primitives it operated on; one that is not touched looks independent of all.

Runtime calls for primitives: ``rt.now``, ``rt.current``, ``rt.new_id()``, ``rt.touch(id)``,
``rt.ready(g, value, exc)``, ``rt.spawn(fn, args, name)``, ``rt.choose(n)``,
``rt.shuffled(items)``, ``rt.fatal(message, above=frames)``, ``rt.call_later(d, fn, *args)``,
``rt.timer_table``. Errors a primitive raises: :class:`~simlab.GoPanic` (the
goroutine panics at its ``yield``) and ``rt.fatal`` (``fatal error: ...``, under
the library's frames (:class:`Frame`) Go's trace would list above the caller's).

docs/writing-primitives.md builds a counting semaphore on this module alone.
"""

from __future__ import annotations

from .errors import GoPanic
from .go.frames import Frame
from .go.goroutine import DEAD, PARK, RUNNABLE, RUNNING, WAITING, Case, Goroutine, Op
from .go.runtime import Runtime
from .go.timers import ArmedTimer, TimerTable
from .go.waitqueue import WaitQueue

__all__ = [
    "DEAD",
    "PARK",
    "RUNNABLE",
    "RUNNING",
    "WAITING",
    "ArmedTimer",
    "Case",
    "Frame",
    "GoPanic",
    "Goroutine",
    "Op",
    "Runtime",
    "TimerTable",
    "WaitQueue",
]
