"""golang.org/x/sync, as x/sync v0.20.0 (the version Go 1.27 vendors) has it.

``simlab.x.errgroup`` (``Group``, ``with_context``) and ``simlab.x.semaphore``
(``Weighted``), line-for-line ports written only on simlab's public primitives
(``WaitGroup``, channels, ``select``, contexts), as a user's library would be.
Their blocking calls are generator helpers, called with ``yield from``; their
frames print as Go prints x/sync's (``golang.org/x/sync/errgroup.(*Group).Wait``
at its line of ``errgroup.go``), so a goroutine dump reads as Go's.
"""
