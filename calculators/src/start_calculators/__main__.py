"""Entry point for python -m start_calculators."""

import sys

from .cli import main

sys.exit(main())
