"""Coding speed as a ratio to spaCy parsing alone, measured in the same run (these machines are noisy); a thin
wrapper over ``whodid bench`` (src/whodid/commands/bench.py), which also measures memory and 1 -> N scaling.

    .venv/bin/python benchmarks/throughput.py [--limit 200] [--corpus PATH ...] [--workers 2] [--no-dask]
                                              [--steady 50000] [--json]
"""
from __future__ import annotations

import sys

from whodid.cli import main

if __name__ == "__main__":  # the Dask and n_process runs spawn processes that re-import this file
    sys.exit(main(["bench", *sys.argv[1:]]))
