"""Event precision on real news, judged by hand: sample stories, code them, list the events, score judgements.

    # 1. sample N stories of a corpus by seed, code them, write the events for judging (outside the repository:
    #    the listing quotes the stories' sentences)
    .venv/bin/python benchmarks/precision_audit.py sample CORPUS.jsonl --seed 101 --n 12 --out /tmp/audit-101
    #    -> /tmp/audit-101.jsonl (one event a line) and /tmp/audit-101.md (events under their sentences)
    # 2. judge: one JSON line per event in a judgement file (see below), by hand
    #    (or: a label file of lines "EVENT_ID T|F [cause]" turned into judgement lines for the listed events)
    .venv/bin/python benchmarks/precision_audit.py judge /tmp/audit-101.jsonl --labels /tmp/labels-101.txt \
        --judgements benchmarks/results/precision_audit_judgements.jsonl
    # 3. precision of the events coded now, by the judgements (events whose fields changed need a new judgement)
    .venv/bin/python benchmarks/precision_audit.py score /tmp/audit-101.jsonl ... \
        --judgements benchmarks/results/precision_audit_judgements.jsonl [--unjudged /tmp/todo.md]

A judgement line holds no corpus text, only where the event is and what was coded:
    {"id": "...", "story_id": "newsarticles-17", "sentence_id": 3, "trigger": [120, 128], "event_type": "ASSAULT",
     "cameo": "190", "actors": ["SYR"], "recipients": ["SYRREB"], "status": "asserted", "ok": false,
     "cause": "wrong side"}
``ok`` is true when the trigger names an event of that PLOVER type told by the story and no coded side is wrong
(a side left empty is not an error; a wrong code is). A judgement counts for an event coded now only when its
id, type, code, sides and status are the same: otherwise the event is listed as unjudged.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

# fields of an event that a judgement is about: if one changes, the judgement no longer applies
JUDGED_FIELDS = ("id", "event_type", "cameo", "actors", "recipients", "status")
# fields a judgement line keeps: where the event is, and what was coded (no corpus text)
RECORD_FIELDS = ("id", "story_id", "sentence_id", "trigger", *JUDGED_FIELDS[1:])


def sample_lines(corpus: Path, seed: int, n: int) -> list[str]:
    """``n`` story lines of a JSONL corpus drawn at random with ``seed`` (stories with no text are not drawn)."""
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line).get("text", "").strip()]
    return random.Random(seed).sample(lines, min(n, len(lines)))


def _codes(side: Iterable[dict[str, Any]]) -> list[str]:
    """A side as codes; where the knowledge gave no code, '?' and a short hash of its words (a judgement names
    no words of the story, but still tells one unresolved name from another)."""
    return [a.get("code") or "?" + hashlib.sha1((a.get("name") or a.get("text") or "").encode()).hexdigest()[:8]
            for a in side]


def audit_record(event: dict[str, Any]) -> dict[str, Any]:
    """The fields of a coded event that are judged, with its place in the story (no sentence text)."""
    trigger = event["trigger"]
    return {"id": event["id"], "story_id": event["story_id"], "sentence_id": event["sentence_id"],
            "trigger": [trigger["start"], trigger["end"]], "event_type": event["event_type"],
            "cameo": event["cameo"], "actors": _codes(event["actors"]), "recipients": _codes(event["recipients"]),
            "status": event["status"]}


def code_sample(lines: list[str]) -> list[dict[str, Any]]:
    """The events of the sampled stories, as event dicts (whodid's JSON) in story order."""
    from whodid.coder import Coder
    from whodid.ingest import read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        coder = Coder()
        return [e.to_dict() for _, events in coder.code_articles(read_inputs([path])) for e in events]


def write_listing(events: list[dict[str, Any]], out: Path) -> None:
    """``out``.jsonl: each event's judged fields plus its sentence and trigger words (for the judge's eyes only);
    ``out``.md: the same grouped by story and sentence."""
    with out.with_suffix(".jsonl").open("w", encoding="utf-8") as fh:
        for e in events:
            row = audit_record(e) | {"confidence": e["confidence"], "sentence": e["text"],
                                     "trigger_text": e["trigger"]["text"],
                                     "actor_names": [a.get("name") or a.get("text") for a in e["actors"]],
                                     "recipient_names": [a.get("name") or a.get("text") for a in e["recipients"]]}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    write_markdown([json.loads(line) for line in out.with_suffix(".jsonl").read_text().splitlines()],
                   out.with_suffix(".md"))


def write_markdown(rows: list[dict[str, Any]], path: Path) -> None:
    lines: list[str] = []
    last = None
    for r in rows:
        if (r["story_id"], r["sentence_id"]) != last:
            last = (r["story_id"], r["sentence_id"])
            lines += ["", f"### {r['story_id']} #{r['sentence_id']}", r.get("sentence", "")]
        lines.append(f"- `{r['id']}` **{r['event_type']} {r['cameo']}** [{r.get('trigger_text', r['trigger'])}] "
                     f"{r['actors']} {r.get('actor_names', '')} -> {r['recipients']} {r.get('recipient_names', '')}"
                     f" ({r['status']})")
    path.write_text("\n".join(lines).lstrip() + "\n", encoding="utf-8")


def load_judgements(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Judgements by event id, in file order: an event re-judged after its sides changed has several, one per
    version of its fields."""
    out: dict[str, list[dict[str, Any]]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.setdefault(row["id"], []).append(row)
    return out


def applies(judgement: dict[str, Any], event: dict[str, Any]) -> bool:
    """Whether a judgement is about the event as coded now (same id, type, code, sides and status)."""
    return all(judgement.get(k) == event.get(k) for k in JUDGED_FIELDS)


def score(events: list[dict[str, Any]], judgements: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Precision over the judged events coded now (by the latest judgement of the event as coded now), false
    positives by cause, and the events still unjudged."""
    judged, unjudged = [], []
    for event in events:
        j = next((j for j in reversed(judgements.get(event["id"], [])) if applies(j, event)), None)
        (judged if j is not None else unjudged).append((event, j))
    true = sum(1 for _, j in judged if j["ok"])
    causes = Counter(j.get("cause") or "?" for _, j in judged if not j["ok"])
    return {"events": len(events), "judged": len(judged), "true": true,
            "precision": round(true / len(judged), 3) if judged else None,
            "causes": dict(causes.most_common()), "unjudged": [e for e, _ in unjudged]}


def read_labels(path: Path) -> dict[str, tuple[bool, str | None]]:
    """Hand labels: lines "EVENT_ID T|F [cause words]" (blank lines and lines starting with # skipped)."""
    out: dict[str, tuple[bool, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(None, 2)
        if len(parts) < 2 or line.startswith("#"):
            continue
        if parts[1] not in ("T", "F"):
            raise ValueError(f"label must be T or F: {line!r}")
        out[parts[0]] = (parts[1] == "T", parts[2].strip() if len(parts) > 2 else None)
    return out


def add_judgements(events: list[dict[str, Any]], labels: dict[str, tuple[bool, str | None]], path: Path) -> int:
    """Append a judgement line (the event's judged fields, ok, cause) for each labelled event; returns how many.
    Labels for ids not listed are an error: a typo must not pass silently."""
    by_id = {e["id"]: e for e in events}
    unknown = sorted(set(labels) - set(by_id))
    if unknown:
        raise ValueError(f"labels for events not in the listings: {unknown}")
    with path.open("a", encoding="utf-8") as fh:
        for event_id, (ok, cause) in labels.items():
            row = {k: by_id[event_id][k] for k in RECORD_FIELDS} | {"ok": ok}
            if not ok:
                row["cause"] = cause or "?"
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(labels)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="sample stories by seed, code them, write the events for judging")
    s.add_argument("corpus", type=Path)
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--n", type=int, default=12, help="stories to draw (default 12)")
    s.add_argument("--out", type=Path, required=True, help="path stem: writes STEM.jsonl and STEM.md")
    c = sub.add_parser("score", help="precision of listed events by a judgement file")
    c.add_argument("listings", type=Path, nargs="+", help="STEM.jsonl files written by 'sample'")
    c.add_argument("--judgements", type=Path, required=True)
    c.add_argument("--unjudged", type=Path, help="write the events with no judgement that applies (markdown)")
    c.add_argument("--min-confidence", type=float, help="score only events coded with at least this confidence "
                                                        "(as `whodid code --min-confidence`)")
    j = sub.add_parser("judge", help="turn a label file into judgement lines for listed events")
    j.add_argument("listings", type=Path, nargs="+")
    j.add_argument("--labels", type=Path, required=True, help='lines "EVENT_ID T|F [cause]"')
    j.add_argument("--judgements", type=Path, required=True, help="appended to")
    args = parser.parse_args(argv)
    if args.command == "sample":
        events = code_sample(sample_lines(args.corpus, args.seed, args.n))
        write_listing(events, args.out)
        print(f"{len(events)} events -> {args.out.with_suffix('.jsonl')}, {args.out.with_suffix('.md')}")
        return 0
    events = [json.loads(line) for p in args.listings for line in p.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    if args.command == "judge":
        n = add_judgements(events, read_labels(args.labels), args.judgements)
        print(f"{n} judgements -> {args.judgements}")
        return 0
    if args.min_confidence is not None:
        from recall_audit import confident  # the sibling script's filter (run as a script: its folder is on the path)

        events = confident(events, args.min_confidence)
    report = score(events, load_judgements(args.judgements))
    print(f"events {report['events']}  judged {report['judged']}  true {report['true']}  "
          f"precision {report['precision']}")
    for cause, n in report["causes"].items():
        print(f"  {n:4d}  {cause}")
    print(f"unjudged: {len(report['unjudged'])}", file=sys.stderr)
    if args.unjudged:
        write_markdown(report["unjudged"], args.unjudged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
