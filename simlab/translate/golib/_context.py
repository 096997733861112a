"""``context``: a ``context.Context`` of the program's own type.

A value of a type of the program converted to ``context.Context`` (a ``*gate`` with
the four methods, a struct embedding a ``context.Context`` and overriding
``Value``) is held in a :class:`CustomContext`, which is what simlab's context
package sees: a context of one's own, whose children it watches as Go's
``propagateCancel`` does. A type assertion, a type switch, ``%T`` and fmt see the
value it holds.

The context package calls those methods where nothing may yield: a method that
the translation made a generator (an ``Err`` that looks at its channel in a
``select`` with a ``default``, a ``Value`` that takes a mutex nobody holds) runs to
its end there, and one that would block ends the run with an error.
"""

from __future__ import annotations

from collections.abc import Generator
from inspect import isgenerator
from typing import Any

import simlab as sl
from simlab.errors import SimlabError
from simlab.go.goroutine import PARK


class CustomContext(sl.Context):
    """``held``, of the Go type ``go_type`` (``*main.gate``), as a ``context.Context``:
    its methods are the type's ``Deadline``, ``Done``, ``Err`` and ``Value``, or those
    an embedded ``context.Context`` promotes (``done``, ``err``, ``deadline``,
    ``value``, as the translation spells a context's)."""

    __slots__ = ("_deadline", "_done", "_err", "_value", "go_type", "held")
    kind = "Context"

    def __init__(self, rt: sl.Runtime, held: Any, go_type: str) -> None:
        super().__init__(rt)
        self.held = held
        self.go_type = go_type
        self.name = go_type
        own = getattr(held, "Deadline", None)
        self._deadline = own if own is not None else held.deadline  # a Time is an int
        self._done = getattr(held, "Done", None) or held.done
        self._err = getattr(held, "Err", None) or held.err
        self._value = getattr(held, "Value", None) or held.value

    def done(self) -> Any:
        ch = self._now(self._done())
        return sl.nil_chan if ch is None else ch

    def err(self) -> Any:
        return self._now(self._err())

    def deadline(self) -> tuple[int, bool]:
        deadline, ok = self._now(self._deadline())
        return deadline, ok

    def value(self, key: Any) -> Any:
        return self._now(self._value(key))

    def __str__(self) -> str:
        """What a child's ``String`` shows of it (Go's ``contextName``): its own
        ``String``, else its type."""
        string = getattr(self.held, "String", None)
        return str(self._now(string())) if string is not None else self.go_type

    def _now(self, result: Any) -> Any:
        """What a method returned; a generator runs to its end here, each operation
        it yields done at once (see the module's docstring)."""
        if not isgenerator(result):
            return result
        return _run_now(self._rt, result, self.go_type)

    def __repr__(self) -> str:
        return f"<Context {self.go_type}>"


def _run_now(rt: sl.Runtime, gen: Generator[Any, Any, Any], go_type: str) -> Any:
    g = rt.current
    made = rt.ops_made  # the operations the calling goroutine's step has made
    value: Any = None
    try:
        while True:
            rt.ops_made = 0
            op = gen.send(value)
            value = op.start(rt, g) if g is not None else PARK
            if value is PARK:
                raise SimlabError(
                    f"a method of {go_type}, a context.Context of the program's own type,"
                    " blocked where the context package called it: its Deadline, Done,"
                    " Err, Value and String must not block"
                )
    except StopIteration as stop:
        return stop.value
    finally:
        rt.ops_made = made
