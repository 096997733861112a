"""How a simulated Go program fails: panics, fatal errors, and a global deadlock."""

from __future__ import annotations


class GoPanic(Exception):
    """A Go panic.

    Raised *inside* the goroutine that panics, so that its ``finally`` blocks run
    as Go runs deferred calls, and ``except GoPanic`` plays the role of
    ``recover()``. If it escapes the goroutine, the run ends and :meth:`Runtime.run`
    raises it with :attr:`goroutine` naming who panicked and :attr:`dump` holding
    the traceback Go would print.
    """

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
        self.goroutine: str | None = None
        self.dump: str = ""
        self.repanicked = False  # recovered, then panicked again with the same value
        self.recovered = False  # a deferred call's recover() stopped it (go.recover)
        # what the value's Error or String method panicked with (a string, or "type
        # runtime.errorString"): Go's fatal error where this panic ends the run
        self.unprintable: str | None = None

    @property
    def chain_mark(self) -> str:
        """What Go prints after this panic's value where a later panic follows it
        in the chain: ``[recovered, repanicked]`` for a panic of a value just
        recovered (it stands for the one recovered), ``[recovered]``, or nothing."""
        if self.repanicked:
            return " [recovered, repanicked]"
        return " [recovered]" if self.recovered else ""

    def _anew(self) -> GoPanic:
        """The same value panicked again by a new ``panic(p)`` (how every later call
        of a ``sync.OnceFunc`` panics): a copy, neither recovered nor repanicked,
        whose stack is where it is raised."""
        again = type(self).__new__(type(self))
        again.__dict__.update(self.__dict__)
        again.args = self.args
        again.goroutine, again.dump = None, ""
        again.repanicked = again.recovered = False
        return again

    def __str__(self) -> str:
        text = f"panic: {self.message}"
        if self.repanicked:
            text += " [recovered, repanicked]"
        return f"{text}\n\n{self.dump}" if self.dump else text


class Goexit(BaseException):
    """``runtime.Goexit()`` unwinding a goroutine: thrown into it by
    ``yield rt.goexit()``, it runs the goroutine's ``finally`` blocks (its deferred
    calls) and is no panic, so ``except GoPanic`` (``recover``) does not stop it;
    a ``BaseException``, so that ``except Exception`` does not either."""


class FatalError(Exception):
    """A Go fatal error (``fatal error: ...``): unrecoverable, it ends the run."""

    def __init__(self, message: str, dump: str = ""):
        super().__init__(message)
        self.message = message
        self.dump = dump

    def __str__(self) -> str:
        text = f"fatal error: {self.message}"
        panic = self.__context__
        if isinstance(panic, GoPanic):
            # raised by a deferred call while a panic unwound: Go prints the panic first
            text = f"panic: {panic.message}{panic.chain_mark}\n\t{text}"
        return f"{text}\n\n{self.dump}" if self.dump else text


class Deadlock(FatalError):
    """Every goroutine is blocked and no timer is pending while main still waits.

    Carries the ``debug=2`` goroutine dump in :attr:`dump`, as Go prints it.
    """

    def __init__(self, dump: str = ""):
        super().__init__("all goroutines are asleep - deadlock!", dump)


class SimlabError(Exception):
    """Bad input from a user: an unknown name, a malformed file, a bad value.

    The command line prints its message as one line and exits with status 2.
    """


class UnyieldedOperation(SimlabError):
    """A goroutine made a blocking operation (``mu.lock()``, ``ch.send(v)``) and never
    yielded it, so it did nothing: as asyncio reports a coroutine never awaited."""


class Livelock(Exception):
    """Goroutines kept running while simulated time stood still: a livelock (or a
    busy loop that never blocks). Go has no such error; simlab stops the run so it
    cannot hang, and :attr:`dump` holds the goroutine dump at that instant. On the
    ``op_cost`` clock their own operations move time, from :attr:`since` to
    :attr:`at`, while nothing else happens."""

    def __init__(self, steps: int, at: int, dump: str = "", *, since: int | None = None):
        from .duration import format_duration

        super().__init__(steps, at)
        self.steps = steps
        self.at = at
        self.dump = dump
        self.since = at if since is None else since
        if self.since == at:
            self.message = (
                f"livelock: {steps:,} goroutine steps at {format_duration(at)} "
                "without simulated time moving"
            )
        else:  # the op_cost clock: only the goroutines' own operations moved it
            self.message = (
                f"livelock: {steps:,} goroutine steps from {format_duration(self.since)} "
                f"to {format_duration(at)} with no timer firing and nothing from outside "
                "(only the goroutines' operations, at op_cost each, moved the clock)"
            )

    def __str__(self) -> str:
        return f"{self.message}\n\n{self.dump}" if self.dump else self.message
