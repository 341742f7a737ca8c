"""``python -m quotebank.cli``, the same as ``python -m quotebank``."""

import sys

from . import main

if __name__ == "__main__":
    sys.exit(main())
