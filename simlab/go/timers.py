"""Timers and tickers, with the semantics of Go 1.23 and later (checked on Go 1.27).

* A timer's or ticker's channel reports ``len`` and ``cap`` 0; a value that
  fired but has not been received waits in the timer, and ``stop`` or ``reset``
  discards it, so no stale value is ever received. ``stop`` returns True while
  that value is still unreceived (the timer has not "expired" for the program).
* A ticker keeps at most one pending tick, the first one a slow receiver
  missed, carrying that tick's time; later ticks are dropped until it is taken.
  While a tick is pending the ticker costs nothing: as Go's runtime does for a
  channel timer nobody waits on, it schedules its next tick, on its period's grid,
  only when the pending one is received (a 1 ns ticker nobody reads is free).
* A channel timer counts as pending (it keeps Go's deadlock detector quiet) only
  while a goroutine is blocked on its channel; an ``AfterFunc`` timer always does.
* ``time.After(d <= 0)`` is ready at once; ``NewTicker(d <= 0)`` panics.

Each arming of a timer is one SimPy timeout. A stopped timer's timeout stays in
SimPy's calendar and is ignored when it comes due (a generation number tells).
Every armed timer is registered in the runtime's :class:`TimerTable`, which is how
the deadlock detector and the leak oracles learn what time will do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from simpy.events import Event, Timeout

from ..errors import GoPanic
from .chan import Chan, _wake_receiver, nil_chan
from .frames import GOROOT_SRC

if TYPE_CHECKING:
    from .runtime import Runtime


class ArmedTimer(Protocol):
    """What the timer table knows of a timer: its identity and whether it will wake
    somebody when it fires; ``always_wakes`` timers (an ``AfterFunc``) always do."""

    id: int
    always_wakes: bool

    def wakes_someone(self) -> bool: ...


class TimerTable:
    """The program's armed timers, the runtime's timer heap.

    ``live`` counts the waits time will certainly end: sleeps, and armed timers
    that always wake somebody. A channel timer wakes somebody only while a
    goroutine is blocked on its channel (Go 1.23+), so it is asked when it matters.
    """

    __slots__ = ("_armed", "live")

    def __init__(self) -> None:
        self._armed: dict[int, ArmedTimer] = {}
        self.live = 0

    def arm(self, t: ArmedTimer) -> None:
        """``t`` is armed (again): it will fire unless stopped."""
        if t.id not in self._armed:
            self._armed[t.id] = t
            self.live += t.always_wakes

    def disarm(self, t: ArmedTimer) -> None:
        """``t`` fired or was stopped."""
        if self._armed.pop(t.id, None) is not None:
            self.live -= t.always_wakes

    def is_armed(self, t: ArmedTimer) -> bool:
        return t.id in self._armed

    def armed(self) -> list[ArmedTimer]:
        """The armed timers, oldest identity first."""
        return [self._armed[k] for k in sorted(self._armed)]

    def wakes_someone(self) -> bool:
        """Will time alone make some goroutine runnable? (Go's checkdead asks this.)"""
        return bool(self.live) or any(t.wakes_someone() for t in self._armed.values())

    def __len__(self) -> int:
        return len(self._armed)


class TimerChan(Chan):
    """The channel of a timer or ticker: ``len`` and ``cap`` are 0, as in Go 1.23+.

    It holds at most one fired value internally until a receiver takes it.
    """

    __slots__ = ()

    def __init__(self, rt: Runtime, owner: Timer | Ticker):
        super().__init__(rt, 1)
        self.owner: Any = owner

    @property
    def cap(self) -> int:
        return 0

    def __len__(self) -> int:
        return 0

    def _can_send(self) -> bool:
        raise GoPanic("send to a timer channel (receive-only in Go)")

    def _fire(self, when: int) -> None:
        if self._recvq:
            _wake_receiver(self._rt, self._recvq.popleft(), when, True)
        elif not self._buf:
            self._buf.append(when)
        # else: a tick is already pending; Go drops this one

    def _drain(self) -> None:
        self._buf.clear()

    def _do_recv(self) -> tuple[Any, bool]:
        value, ok = Chan._do_recv(self)
        if self.owner._idle:
            self.owner._resume()
        return value, ok

    def wake_source(self) -> str | None:
        owner = self.owner
        if owner.armed:
            return "time (a timer)"
        return None


class Timer:
    """``time.NewTimer(d)``: ``c`` receives the time once ``d`` has passed."""

    __slots__ = ("_armed", "_gen", "_rt", "c", "id")
    always_wakes = False
    _idle = False  # only a ticker idles

    def __init__(self, rt: Runtime, d: int):
        self._rt = rt
        self.c = TimerChan(rt, self)
        self.id = self.c.id
        self._gen = 0
        self._armed = False
        self._arm(d)

    def _arm(self, d: int) -> None:
        self._gen += 1
        if d <= 0:
            self.c._fire(self._rt.env._now)
            return
        self._armed = True
        self._rt.timer_table.arm(self)
        Timeout(self._rt.env, d, self._gen).callbacks.append(self._on_fire)

    def _disarm(self) -> None:
        self._gen += 1
        if self._armed:
            self._armed = False
            self._rt.timer_table.disarm(self)

    def wakes_someone(self) -> bool:
        return bool(self.c._recvq)

    def _on_fire(self, ev: Event) -> None:
        if ev._value != self._gen:
            return
        self._disarm()
        self.c._fire(self._rt.env._now)

    @property
    def armed(self) -> bool:
        return self._armed

    def stop(self) -> bool:
        """``t.Stop()``: True if this call kept the value from being received."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        pending = self._armed or bool(self.c._buf)
        self._disarm()
        self.c._drain()
        return pending

    def reset(self, d: int) -> bool:
        """``t.Reset(d)``: re-arm; True if the timer had been pending."""
        pending = self.stop()
        self._arm(d)
        return pending


class Ticker:
    """``time.NewTicker(d)``: ``c`` receives the time every ``d``, dropping missed ticks."""

    __slots__ = ("_due", "_gen", "_idle", "_rt", "c", "id", "period")
    always_wakes = False

    def __init__(self, rt: Runtime, d: int):
        if d <= 0:
            raise GoPanic("non-positive interval for NewTicker")
        self._rt = rt
        self.c = TimerChan(rt, self)
        self.id = self.c.id
        self.period = d
        self._gen = 0
        self._idle = False  # a tick is pending and no next tick is scheduled
        self._due = 0  # when the next tick is due, on the grid of the last arming
        self._arm()

    def _arm(self) -> None:
        self._gen += 1
        self._idle = False
        self._rt.timer_table.arm(self)
        self._due = self._rt.env._now + self.period
        Timeout(self._rt.env, self.period, self._gen).callbacks.append(self._on_tick)

    def wakes_someone(self) -> bool:
        return bool(self.c._recvq)

    def _on_tick(self, ev: Event) -> None:
        if ev._value != self._gen:
            return
        now = self._rt.env._now
        c = self.c
        c._fire(now)
        self._due = now + self.period
        if c._buf:  # nobody took it: every tick until it is received would be dropped
            self._idle = True
            return
        Timeout(self._rt.env, self.period, self._gen).callbacks.append(self._on_tick)

    def _resume(self) -> None:
        """The pending tick was received: schedule the next tick on the grid, the
        ticks missed meanwhile dropped (those due at this very instant too)."""
        self._idle = False
        now, due, period = self._rt.env._now, self._due, self.period
        if due <= now:
            due += period * ((now - due) // period + 1)
        self._due = due
        Timeout(self._rt.env, due - now, self._gen).callbacks.append(self._on_tick)

    @property
    def armed(self) -> bool:
        return self._rt.timer_table.is_armed(self)

    def stop(self) -> None:
        """``t.Stop()``: no more ticks; a pending tick is discarded."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        self._gen += 1
        self._idle = False
        self._rt.timer_table.disarm(self)
        self.c._drain()

    def reset(self, d: int) -> None:
        """``t.Reset(d)``: tick every ``d`` from now on; a pending tick is discarded."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if d <= 0:
            raise GoPanic("non-positive interval for Ticker.Reset")
        self.c._drain()
        self.period = d
        self._arm()


class FuncTimer:
    """``time.AfterFunc(d, f)``: once ``d`` has passed, ``f`` runs in a new goroutine.
    Its ``c`` is the nil channel, as Go's Timer from AfterFunc has a nil ``C``."""

    __slots__ = ("_args", "_armed", "_f", "_gen", "_name", "_rt", "id")
    always_wakes = True
    c = nil_chan

    def __init__(
        self, rt: Runtime, d: int, f: Callable[..., Any], args: tuple[Any, ...], name: str | None
    ):
        self._rt = rt
        self._f = f
        self._args = args
        self._name = name
        self.id = rt.new_id()
        self._gen = 0
        self._armed = False
        self._arm(d)

    def _arm(self, d: int) -> None:
        self._gen += 1
        self._armed = True
        self._rt.timer_table.arm(self)
        Timeout(self._rt.env, max(d, 0), self._gen).callbacks.append(self._on_fire)

    def _on_fire(self, ev: Event) -> None:
        if ev._value != self._gen or not self._armed:
            return
        self._armed = False
        rt = self._rt
        rt.timer_table.disarm(self)
        rt.spawn(self._f, self._args, self._name, created_at=_GOFUNC)

    @property
    def armed(self) -> bool:
        return self._armed

    def wakes_someone(self) -> bool:
        return True

    def roots(self) -> list[tuple[str, Any]]:
        """What an armed AfterFunc keeps alive for the garbage collector."""
        return [("func", self._f), ("args", self._args)]

    def stop(self) -> bool:
        """``t.Stop()``: True if ``f`` had not been started yet."""
        if (fp := self._rt.footprint) is not None:
            fp.add(self.id)
        if not self._armed:
            return False
        self._armed = False
        self._gen += 1
        self._rt.timer_table.disarm(self)
        return True

    def reset(self, d: int) -> bool:
        """``t.Reset(d)``: run ``f`` after ``d`` from now; True if it was still pending."""
        pending = self.stop()
        self._arm(d)
        return pending


# Where Go says an AfterFunc goroutine comes from.
_GOFUNC = ("time.goFunc", f"{GOROOT_SRC}/time/sleep.go", 182)  # go1.27.3
