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

    def __str__(self) -> str:
        text = f"panic: {self.message}"
        return f"{text}\n\n{self.dump}" if self.dump else text


class FatalError(Exception):
    """A Go fatal error (``fatal error: ...``): unrecoverable, it ends the run."""

    def __init__(self, message: str, dump: str = ""):
        super().__init__(message)
        self.message = message
        self.dump = dump

    def __str__(self) -> str:
        text = f"fatal error: {self.message}"
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
