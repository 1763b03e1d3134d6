"""`python -m normalizer`: the same command line as the `normalizer` script."""

import sys

from .cli import main

sys.exit(main())
