"""Event type and actor accuracy on the PLOVER gold-standard records (../shared/data/plover/gold_with_cameo.jsonl).

    .venv/bin/python benchmarks/plover_gsr_eval.py [--limit N]

Each record is one sentence with a gold PLOVER type and source/target actors (country codes). whodid codes the
sentence as a story; we report, per type and overall, how often the gold type is among the coded events
(recall), how often coded events have a gold type (precision), and, on records where the type is found, precision
and recall of source and target country codes. Old PLOVER names are mapped to current ones with the ontology.
These are CAMEO-manual sentences: whodid's lexicon was written without them (see SOURCE.md's contamination note).
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from whodid.coder import Coder
from whodid.evaluate import Score, actor_key
from whodid.model import Article
from whodid.ontology import Ontology

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "plover" / "gold_with_cameo.jsonl"


def _gold_codes(actors: list[dict]) -> set[str]:
    codes = set()
    for actor in actors or []:
        code = (actor.get("code") or "")[:3].upper()
        if code and code != "IGO":
            codes.add(code)
    return codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not GOLD.exists():
        raise SystemExit(f"gold not found: {GOLD} (needs ../shared/data)")
    ontology = Ontology.default()
    records = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    records = [r for r in records if r.get("plover_event")][: args.limit]
    articles = [Article(text=r["text"], id=r["id"], published="2000-01-01") for r in records]
    coded = {a.id: events for a, events in Coder().code_articles(articles)}

    per_type: dict[str, Score] = defaultdict(Score)
    source, target = Score(), Score()
    for record in records:
        gold_type = ontology.normalize_type(record["plover_event"]) or record["plover_event"]
        events = coded.get(record["id"], [])
        types = {e.event_type for e in events}
        score = per_type[gold_type]
        if gold_type in types:
            score.tp += 1
            event = next(e for e in events if e.event_type == gold_type)
            for side, gold_actors, predicted in ((source, record["source"], event.actors),
                                                 (target, record["target"], event.recipients)):
                pred = {actor_key(a)[:3] for a in predicted if a.country}
                gold = _gold_codes(gold_actors)
                side.tp += len(pred & gold)
                side.fp += len(pred - gold)
                side.fn += len(gold - pred)
        else:
            score.fn += 1
        for other in types - {gold_type}:
            per_type[other].fp += 1

    print(f"{'type':12} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    total = Score()
    for name in sorted(per_type):
        s = per_type[name]
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        print(f"{name:12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp + s.fn:4d}")
    print(f"{'ALL (micro)':12} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} {total.tp + total.fn:4d}")
    print(f"source countries (type found): P {source.precision:.3f} R {source.recall:.3f} F1 {source.f1:.3f}")
    print(f"target countries (type found): P {target.precision:.3f} R {target.recall:.3f} F1 {target.f1:.3f}")


if __name__ == "__main__":
    main()
