"""Trigger-lexicon coverage on the PLOVER gold-standard records (../shared/data/plover/gold_with_cameo.jsonl).

For each record: does some token's ``TriggerLexicon.match()`` give the gold PLOVER type (old names mapped:
DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT)? Reported per type and overall, with the share
of records where only wrong-type matches were found and where nothing matched. A measurement, not a target:
the lexicon is not tuned to these sentences (they are CAMEO-manual examples).

Run: .venv/bin/python benchmarks/trigger_coverage.py [--show-misses N]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from whodid.nlp import load_pipeline
from whodid.ontology import Ontology
from whodid.triggers import TriggerLexicon

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "plover" / "gold_with_cameo.jsonl"


def load_records(path: Path) -> list[dict]:
    """Gold records with a text and a PLOVER event (the DOCUMENT header record is skipped)."""
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            if rec.get("text") and rec.get("plover_event"):
                out.append(rec)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--show-misses", type=int, default=0, help="print up to N missed records")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    onto, lexicon, nlp = Ontology.default(), TriggerLexicon.default(), load_pipeline()
    records = load_records(args.gold)
    start = time.perf_counter()
    stats: dict[str, Counter] = defaultdict(Counter)
    misses = []
    docs = nlp.pipe([r["text"] for r in records], batch_size=64)
    for rec, doc in zip(records, docs):
        gold = onto.normalize_type(rec["plover_event"]) or rec["plover_event"]
        found = [(tok.text, entry) for tok, entry in lexicon.matches(doc)]
        types = {entry.event_type for _, entry in found}
        outcome = "hit" if gold in types else ("wrong_only" if types else "none")
        for key in (gold, "ALL"):
            stats[key]["n"] += 1
            stats[key][outcome] += 1
        gold_roots = {c[:2] for c in rec.get("cameo_codes") or []}
        if gold_roots & {entry.cameo[:2] for _, entry in found}:
            stats["ALL"]["cameo_root_hit"] += 1
        if outcome != "hit":
            misses.append((gold, outcome, rec["text"], [f"{t}:{e.event_type}/{e.cameo}" for t, e in found]))
    elapsed = time.perf_counter() - start

    print(f"trigger coverage on {args.gold.name}: {len(records)} records, lexicon {len(lexicon.entries)} entries, "
          f"{elapsed:.1f}s")
    print(f"{'type':<11}{'n':>5}{'hit':>8}{'wrong-only':>12}{'none':>8}")
    for key in sorted(k for k in stats if k != "ALL") + ["ALL"]:
        row = stats[key]
        n = row["n"]
        print(f"{key:<11}{n:>5}{row['hit'] / n:>8.1%}{row['wrong_only'] / n:>12.1%}{row['none'] / n:>8.1%}")
    all_n = stats["ALL"]["n"]
    print(f"CAMEO root (2-digit) of some match equals a gold code's root: {stats['ALL']['cameo_root_hit'] / all_n:.1%}")
    for gold, outcome, text, found in misses[: args.show_misses]:
        print(f"- [{gold} {outcome}] {text}\n    {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
