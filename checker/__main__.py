"""``python -m checker`` is the same as ``icp-check``."""
import sys

from checker.cli import main

sys.exit(main())
