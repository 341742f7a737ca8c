"""``python -m quotebank``: the command line of :mod:`quotebank.cli`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
