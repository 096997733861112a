"""``python -m simlab``: the same as the ``simlab`` command."""

from .cli import main

main()
