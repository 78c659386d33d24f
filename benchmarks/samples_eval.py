"""Accuracy on the bundled sample stories against their hand-coded key events (samples/gold.yaml).

    .venv/bin/python benchmarks/samples_eval.py [--misses]

Prints precision, recall and F1 per field (see whodid.evaluate for how gold key events are matched).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from whodid.coder import Coder
from whodid.evaluate import load_gold, score_events
from whodid.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the gold events not found")
    args = parser.parse_args()
    gold = load_gold(ROOT / "samples" / "gold.yaml")
    coder = Coder()
    predicted = {a.id: events for a, events in coder.code_articles(read_inputs([ROOT / "samples" / "stories.jsonl"]))}
    report = score_events(gold, predicted)
    print(f"{'field':28} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for name, p, r, f1, n in report.rows():
        print(f"{name:28} {p:6.3f} {r:6.3f} {f1:6.3f} {n:5d}")
    if args.misses:
        print("\nmissed:", *report.misses, sep="\n  ")


if __name__ == "__main__":
    main()
