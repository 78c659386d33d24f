"""Store benchmark: merge precision/recall on the synthetic multi-story set, and query speed on 1 million events.

    .venv/bin/python benchmarks/store_query.py [--rows 1000000] [--skip-merge]

1. Codes tests/data/multistory/stories.jsonl (stories written for whodid) into a fresh store and scores the
   cross-story merge pairwise against tests/data/multistory/gold.yaml.
2. Fills the events table of a fresh store with N generated merged events (40 countries, 16 types, dates over
   2015-2025, 1-20 mentions) by SQL, then times filtered queries (best of 5, after one warm-up).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "data" / "multistory"


def merge_scores() -> None:
    from whodid.coder import Coder
    from whodid.ingest import read_inputs
    from whodid.merge import pair_scores
    from whodid.resources import parse_yaml
    from whodid.store import Store

    gold_data = parse_yaml((SET / "gold.yaml").read_text(encoding="utf-8"))
    gold = {m: label for label, ms in gold_data["events"].items() for m in ms}
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "m.duckdb") as store:
        for article, events in Coder().code_articles(read_inputs([SET / "stories.jsonl"])):
            store.write(article, events)
        predicted = {f"{m.story_id} {m.sentence_id} {m.trigger.text}": e.id
                     for e in store.merged_events() for m in e.mentions}
        missing = sorted(set(gold) - set(predicted))
        precision, recall = pair_scores(predicted, gold)
        print(f"multistory: {store.stories_count()} stories, {store.count()} mentions -> {store.events_count()} "
              f"events; gold mentions {len(gold)} (coder missed {len(missing)}), gold events {len(gold_data['events'])}")
        print(f"merge pairwise precision {precision:.3f} recall {recall:.3f}")


_GENERATE = """
INSERT INTO events (id, event_type, quad_class, goldstein, date, date_precision, status, historical,
                    actor_codes, actor_countries, recipient_codes, recipient_countries, actor_keys, recipient_keys,
                    date_start, date_end, confidence, n_mentions, n_stories, n_sources)
SELECT 'E' || i, types[1 + i % 16], 1 + (i // 7) % 4, ((i % 21) - 10) / 1.0, strftime(d, '%Y-%m-%d'), 'day',
       'asserted', false, [a || 'GOV'], [a], [r || 'GOV'], [r], [a, a || 'GOV'], [r, r || 'GOV'], d, d, 0.5,
       1 + i % 20, 1 + i % 20, 1 + i % 10
FROM (SELECT i, c.types, c.countries[1 + (hash(i) % 40)::INTEGER] AS a,
             c.countries[1 + (hash(i * 7 + 1) % 40)::INTEGER] AS r,
             DATE '2015-01-01' + ((hash(i * 13 + 5) % 4018)::INTEGER) AS d
      FROM range(?) t(i), (SELECT
             ['AGREE','CONSULT','SUPPORT','CONCEDE','COOPERATE','AID','RETREAT','REQUEST','ACCUSE','REJECT',
              'THREATEN','PROTEST','SANCTION','MOBILIZE','COERCE','ASSAULT'] AS types,
             ['USA','PRK','KOR','JPN','CHN','RUS','UKR','FRA','DEU','GBR','IND','PAK','IRN','ISR','TUR','BRA',
              'MEX','CAN','AUS','EGY','SAU','SYR','IRQ','AFG','NGA','ETH','KEN','ZAF','IDN','PHL','VNM','THA',
              'POL','ITA','ESP','NLD','SWE','NOR','ARG','COL'] AS countries) c)
"""


def _best(fn, repeat: int = 5) -> tuple[float, object]:
    fn()  # warm-up
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def query_speed(rows: int) -> None:
    from whodid.analysis import dyad_series
    from whodid.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.duckdb"
        with Store(path) as store:
            t = time.perf_counter()
            store.connection.execute(_GENERATE, [rows])
            print(f"generated {store.events_count():,} events in {time.perf_counter() - t:.1f} s")
        with Store(path, read_only=True) as store:
            cases = {
                "query dyad USA-PRK, month 2019-06 (DataFrame)":
                    lambda: len(store.query(dyad=("USA", "PRK"), since="2019-06", until="2019-06")),
                "query actor USA, recipient PRK, 2019 (DataFrame)":
                    lambda: len(store.query(actor="USA", recipient="PRK", since="2019", until="2019")),
                "dyad_series USA-PRK by month (all years)": lambda: len(dyad_series(store, "USA", "PRK", by="month")),
                "query type CONSULT, country IRN, 2020-03 (DataFrame)":
                    lambda: len(store.query(event_type="CONSULT", country="IRN", since="2020-03", until="2020-03")),
            }
            for name, fn in cases.items():
                seconds, n = _best(fn)
                print(f"{name}: {seconds * 1000:.0f} ms ({n} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--skip-merge", action="store_true")
    args = parser.parse_args()
    if not args.skip_merge:
        merge_scores()
    query_speed(args.rows)


if __name__ == "__main__":
    main()
