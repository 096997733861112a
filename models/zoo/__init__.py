"""A zoo of classic Go goroutine leaks, each with its fix.

Every module is a small server that handles a request every
``request_interval`` until it is told to stop, written twice: ``variant =
"leaky"`` and ``variant = "fixed"``. The cases follow the categories of the
GoBench/GoKer bug suite (blocking bugs on channels, contexts, WaitGroups and
mutexes) and of the tests of Go's ``goroutineleak`` profile; docs/zoo.md says
which leak detector catches which.
"""

CASES = (
    "forgotten_sender",
    "abandoned_receiver",
    "nil_channel",
    "range_unclosed",
    "lostcancel",
    "after_in_loop",
    "waitgroup_missing_done",
    "mutex_error_path",
    "recursive_rlock",
    "lost_signal",
    "recursive_once",
    "errgroup_pipeline",
    "semaphore_error_path",
)
