"""``python -m simlab``: the same as the ``simlab`` command."""

from .cli import main

if __name__ == "__main__":  # not again in a worker process started by spawn
    main()
