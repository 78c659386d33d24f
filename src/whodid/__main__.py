"""`python -m whodid ...`: the same command line as the `whodid` script."""
import sys

from whodid.cli import main

sys.exit(main())
