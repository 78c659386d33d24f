"""Event recall on real news, judged by hand: sample political stories, code them, list each sentence with the
events coded, and score a hand-written gold key (the events a careful CAMEO/PLOVER coder would code).

    # 1. sample N political stories of a corpus by seed, code them, write the judging sheet (outside the
    #    repository: the sheet quotes the stories' sentences)
    .venv/bin/python benchmarks/recall_audit.py sample CORPUS.jsonl --seed 515 --n 8 --sentences 12 \
        --out /tmp/recall-515
    #    -> /tmp/recall-515.jsonl (one sentence a line: text, start, coded events, diagnostics) and
    #       /tmp/recall-515.md (the same for the judge's eyes)
    # 2. write the gold key by hand in a label file, one gold event a line:
    #       STORY_ID SENTENCE_ID TRIGGER[#K] TYPE ACTOR_COUNTRY RECIPIENT_COUNTRY [STATUS]
    #    (TRIGGER: the word of the sentence that names the event, its K-th occurrence; a country is a
    #    three-letter code, '-' for none or unknown, 'IGO' for an international organisation; STATUS defaults to
    #    asserted), and a line "STORY_ID SENTENCE_ID none" for each judged sentence with no event; then
    .venv/bin/python benchmarks/recall_audit.py judge /tmp/recall-515.jsonl --labels /tmp/gold-515.txt \
        --gold benchmarks/results/recall_audit_gold.jsonl
    # 3. recall (and type accuracy on the events found) per PLOVER type, misses by cause, on sheets (write them
    #    again with 'sample' to score the coder as it is now)
    .venv/bin/python benchmarks/recall_audit.py score /tmp/recall-515.jsonl ... \
        --gold benchmarks/results/recall_audit_gold.jsonl [--misses /tmp/misses.md]

A gold line holds no corpus text, only where the event is and the labels:
    {"story_id": "newsarticles-17", "sentence_id": 3, "trigger": [12, 20], "type": "ASSAULT", "actor": "SYR",
     "recipient": "-", "status": "asserted"}
``trigger`` is the character span of the trigger word in the sentence (not the story). A gold event is *found*
when an event coded in that sentence has a trigger overlapping it (else: one of the same type not matched yet);
*typed* when that event's PLOVER type is the gold type. A miss is put down to a cause from the coder's own steps
replayed on the sentence: no trigger entry matched the word, a mention was made but no side resolved (the event
was dropped), or the lexicon matched the word but a rule took the mention out.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

# Stories are drawn among those that read as political news, by a crude keyword count (not human judgement, and
# not by whodid's output, so that stories whodid misses entirely can be drawn): at least MIN_POLITICAL matches.
POLITICAL = re.compile(
    r"\b(diplomat\w*|summit|sanction\w*|treaty|troops|military|attack\w*|protest\w*|rebels?|ceasefire|"
    r"talks|negotiat\w*|minister|president|government|parliament|embassy|army|police|killed|war|"
    r"accus\w*|condemn\w*|demand\w*|urged|warn\w*|threat\w*|agreement|accord)\b", re.I)
MIN_POLITICAL = 8


def political(text: str, minimum: int = MIN_POLITICAL) -> bool:
    return len(POLITICAL.findall(text)) >= minimum


def sample_lines(corpus: Path, seed: int, n: int, minimum: int = MIN_POLITICAL) -> list[str]:
    """``n`` political story lines of a JSONL corpus drawn at random with ``seed``."""
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines()
             if line.strip() and political(json.loads(line).get("text") or "", minimum)]
    return random.Random(seed).sample(lines, min(n, len(lines)))


def code_sheet(lines: list[str], max_sentences: int) -> list[dict[str, Any]]:
    """One row per sentence of the sampled stories (the first ``max_sentences`` of each): its text, start in the
    story, the events coded in it, and diagnostics from the coder's own steps (trigger words the lexicon matched,
    the mentions made, the mentions whose sides resolved to nothing)."""
    import whodid.coder as coder_module
    from whodid.coder import Coder
    from whodid.ingest import read_inputs

    coder = Coder()
    state: dict[str, Any] = {}
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    find_mentions = coder_module.find_mentions

    def traced_find_mentions(sent, lexicon, *args, **kwargs):  # type: ignore[no-untyped-def]
        sid = state["sentence"]
        state["sentence"] += 1
        mentions = find_mentions(sent, lexicon, *args, **kwargs)
        offset = state["offsets"][id(sent.doc)]
        base = sent.start_char
        hits = [{"span": [t.idx - base, t.idx - base + len(t.text)], "type": e.event_type, "cameo": e.cameo}
                for t in sent if (e := lexicon.match(t)) is not None]
        made = [{"span": [m.char_span[0] - base, m.char_span[1] - base], "token": [m.trigger.idx - base,
                 m.trigger.idx - base + len(m.trigger.text)], "type": m.event_type, "cameo": m.cameo}
                for m in mentions]
        rows[(state["story"], sid)] = {"story_id": state["story"], "sentence_id": sid,
                                       "start": offset + base, "sentence": sent.text,
                                       "lexicon": hits, "mentions": made, "unresolved": [], "events": []}
        state["mentions"] = {id(m): (state["story"], sid, made[i]) for i, m in enumerate(mentions)}
        return mentions

    original_event = Coder._event
    original_story = Coder._code_story

    def traced_event(self, article, line, sent, sentence_id, mention, *args, **kwargs):  # type: ignore[no-untyped-def]
        event = original_event(self, article, line, sent, sentence_id, mention, *args, **kwargs)
        if event is None and id(mention) in state["mentions"]:
            story, sid, made = state["mentions"][id(mention)]
            rows[(story, sid)]["unresolved"].append(made)
        return event

    def traced_story(self, article, lines_):  # type: ignore[no-untyped-def]
        state.update(story=article.id, sentence=0, offsets={id(line.doc): line.offset for line in lines_})
        return original_story(self, article, lines_)

    coder_module.find_mentions = traced_find_mentions
    Coder._event, Coder._code_story = traced_event, traced_story
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "sample.jsonl"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            for article, events in coder.code_articles(read_inputs([path])):
                for e in events:
                    row = rows.get((article.id, e.sentence_id))
                    if row is None:
                        continue
                    d = e.to_dict()
                    row["events"].append({
                        "span": [d["trigger"]["start"] - row["start"], d["trigger"]["end"] - row["start"]],
                        "type": d["event_type"], "cameo": d["cameo"], "status": d["status"],
                        "confidence": d["confidence"], "actors": [_country(a) for a in d["actors"]],
                        "recipients": [_country(a) for a in d["recipients"]],
                        "actor_names": [a.get("name") or a.get("text") for a in d["actors"]],
                        "recipient_names": [a.get("name") or a.get("text") for a in d["recipients"]]})
    finally:
        coder_module.find_mentions = find_mentions
        Coder._event, Coder._code_story = original_event, original_story
    return [r for (_, sid), r in rows.items() if sid < max_sentences]


def confident(events: list[dict[str, Any]], minimum: float) -> list[dict[str, Any]]:
    """The listed events coded with at least ``minimum`` confidence (a listing written before confidences were
    listed has none: write it again with 'sample')."""
    if any("confidence" not in e for e in events):
        raise SystemExit("this listing has no confidences: write it again with 'sample'")
    return [e for e in events if e["confidence"] >= minimum]


def _country(actor: dict[str, Any]) -> str:
    """An actor's country as a gold key names it: its country, 'IGO' for an international organisation, '-'."""
    code = actor.get("code") or ""
    if actor.get("country"):
        return actor["country"]
    return "IGO" if code.startswith("IGO") or actor.get("sector") == "IGO" else "-"


def write_sheet(rows: list[dict[str, Any]], out: Path) -> None:
    """``out``.jsonl (rows as above) and ``out``.md (sentences with their events, for the judge)."""
    with out.with_suffix(".jsonl").open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    md: list[str] = []
    for r in rows:
        md += ["", f"### {r['story_id']} {r['sentence_id']}", r["sentence"]]
        for e in r["events"]:
            words = r["sentence"][e["span"][0]:e["span"][1]]
            md.append(f"- **{e['type']} {e['cameo']}** [{words}] {e['actors']} {e['actor_names']} -> "
                      f"{e['recipients']} {e['recipient_names']} ({e['status']})")
    out.with_suffix(".md").write_text("\n".join(md).lstrip() + "\n", encoding="utf-8")


def read_labels(path: Path, sheet: dict[tuple[str, int], dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold lines from a label file (see the module docstring); a trigger word not in its sentence is an error."""
    out: list[dict[str, Any]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts or line.startswith("#"):
            continue
        key = (parts[0], int(parts[1]))
        if key not in sheet:
            raise ValueError(f"line {n}: sentence not in the sheets: {key}")
        if parts[2] == "none":
            out.append({"story_id": key[0], "sentence_id": key[1], "none": True})
            continue
        word, _, k = parts[2].partition("#")
        text = sheet[key]["sentence"]
        starts = [m.start() for m in re.finditer(re.escape(word.replace("_", " ")), text)]
        if len(starts) < int(k or 1):
            raise ValueError(f"line {n}: {word!r} not in sentence {key}")
        start = starts[int(k or 1) - 1]
        status = parts[6] if len(parts) > 6 else "asserted"
        out.append({"story_id": key[0], "sentence_id": key[1], "trigger": [start, start + len(word)],
                    "type": parts[3].upper(), "actor": parts[4], "recipient": parts[5], "status": status})
    return out


def _overlap(a: list[int], b: list[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(span: list[int], spans: list[dict[str, Any]], key: str = "span") -> dict[str, Any] | None:
    return next((s for s in spans if _overlap(span, s[key])), None)


def miss_cause(gold: dict[str, Any], row: dict[str, Any]) -> str:
    """Why a gold event was not found, from the coder's steps on its sentence."""
    span = gold["trigger"]
    if _inside(span, row["unresolved"], "token") or _inside(span, row["unresolved"]):
        return "no side resolved"
    if _inside(span, row["mentions"], "token") or _inside(span, row["mentions"]):
        return "mention made, event merged or dropped"
    if _inside(span, row["lexicon"]):
        return "dropped by a rule"
    return "no trigger"


def _match(golds: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """The coded event matched to each gold event of a sentence, each coded event used once: first by trigger
    overlap (same type first), then, for gold events still unmatched, any coded event of the same type."""
    used: set[int] = set()
    out: list[dict[str, Any] | None] = [None] * len(golds)
    passes = (lambda g, e: e["type"] == g["type"] and _overlap(g["trigger"], e["span"]),
              lambda g, e: _overlap(g["trigger"], e["span"]),
              lambda g, e: e["type"] == g["type"])
    for fits in passes:
        for n, g in enumerate(golds):
            if out[n] is None:
                i = next((i for i, e in enumerate(events) if i not in used and fits(g, e)), None)
                if i is not None:
                    used.add(i)
                    out[n] = events[i]
    return out


def score(rows: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall of the gold events in the sheets' sentences, type accuracy on those found, side and status agreement
    on those typed right, per PLOVER type, and misses by cause."""
    sheet = {(r["story_id"], r["sentence_id"]): r for r in rows}
    per_type: dict[str, Counter] = defaultdict(Counter)
    causes: Counter = Counter()
    misses: list[tuple[dict[str, Any], dict[str, Any], str]] = []
    by_sentence: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        if not g.get("none") and (g["story_id"], g["sentence_id"]) in sheet:
            by_sentence[(g["story_id"], g["sentence_id"])].append(g)
    for key, golds in by_sentence.items():
        row = sheet[key]
        for g, e in zip(golds, _match(golds, row["events"])):
            c = per_type[g["type"]]
            c["gold"] += 1
            if e is None:
                cause = miss_cause(g, row)
                causes[cause] += 1
                misses.append((g, row, cause))
                continue
            c["found"] += 1
            if e["type"] != g["type"]:
                causes["wrong type"] += 1
                misses.append((g, row, f"wrong type ({e['type']})"))
                continue
            c["typed"] += 1
            c["status"] += e["status"] == g["status"]
            c["actor"] += g["actor"] == "-" or g["actor"] in e["actors"]
            c["recipient"] += g["recipient"] == "-" or g["recipient"] in e["recipients"]
            if e["status"] != g["status"]:
                misses.append((g, row, f"wrong status ({e['status']})"))
    total: Counter = sum(per_type.values(), Counter())
    return {"per_type": dict(sorted(per_type.items())), "total": total, "causes": causes, "misses": misses,
            "sentences": len({(g["story_id"], g["sentence_id"]) for g in gold if (g["story_id"], g["sentence_id"])
                              in sheet})}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def report(result: dict[str, Any]) -> str:
    t = result["total"]
    lines = [f"sentences with gold events {result['sentences']}  gold events {t['gold']}  found {t['found']}  "
             f"recall {_ratio(t['found'], t['gold'])}  typed right {t['typed']}  "
             f"typed recall {_ratio(t['typed'], t['gold'])}  type accuracy on found {_ratio(t['typed'], t['found'])}",
             f"on events typed right: status {_ratio(t['status'], t['typed'])}  actor country "
             f"{_ratio(t['actor'], t['typed'])}  recipient country {_ratio(t['recipient'], t['typed'])}",
             "", f"{'type':10s} {'gold':>5s} {'found':>6s} {'recall':>7s} {'typed':>6s} {'t.rec':>6s} {'t.acc':>6s}"]
    for name, c in result["per_type"].items():
        lines.append(f"{name:10s} {c['gold']:5d} {c['found']:6d} {_ratio(c['found'], c['gold']):>7s} "
                     f"{c['typed']:6d} {_ratio(c['typed'], c['gold']):>6s} {_ratio(c['typed'], c['found']):>6s}")
    lines += ["", "misses and mistypes by cause:"]
    lines += [f"  {n:4d}  {cause}" for cause, n in result["causes"].most_common()]
    return "\n".join(lines)


def write_misses(result: dict[str, Any], path: Path) -> None:
    md = []
    for g, row, cause in result["misses"]:
        words = row["sentence"][g["trigger"][0]:g["trigger"][1]]
        md += [f"### {g['story_id']} {g['sentence_id']}: {cause}",
               f"gold {g['type']} [{words}] {g['actor']} -> {g['recipient']} ({g['status']})", row["sentence"]]
        md += [f"- coded {e['type']} {e['cameo']} [{row['sentence'][e['span'][0]:e['span'][1]]}] {e['actors']} -> "
               f"{e['recipients']} ({e['status']})" for e in row["events"]]
        md.append("")
    path.write_text("\n".join(md), encoding="utf-8")


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="sample political stories by seed, code them, write the judging sheet")
    s.add_argument("corpus", type=Path)
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--n", type=int, default=8, help="stories to draw (default 8)")
    s.add_argument("--sentences", type=int, default=12, help="first sentences of each story judged (default 12)")
    s.add_argument("--min-political", type=int, default=MIN_POLITICAL,
                   help=f"political keyword matches a story needs to be drawn (default {MIN_POLITICAL})")
    s.add_argument("--out", type=Path, required=True, help="path stem: writes STEM.jsonl and STEM.md")
    j = sub.add_parser("judge", help="turn a label file into gold lines (offsets and labels, no text)")
    j.add_argument("sheets", type=Path, nargs="+")
    j.add_argument("--labels", type=Path, required=True)
    j.add_argument("--gold", type=Path, required=True, help="appended to")
    c = sub.add_parser("score", help="recall of the gold key on sheets written by 'sample' (sample again to score "
                                     "the coder as it is now)")
    c.add_argument("sheets", type=Path, nargs="+")
    c.add_argument("--gold", type=Path, required=True)
    c.add_argument("--misses", type=Path, help="write the misses and mistypes (markdown, outside the repository)")
    c.add_argument("--min-confidence", type=float, help="count only events coded with at least this confidence "
                                                        "(as `whodid code --min-confidence`)")
    args = parser.parse_args(argv)
    if args.command == "sample":
        rows = code_sheet(sample_lines(args.corpus, args.seed, args.n, args.min_political), args.sentences)
        write_sheet(rows, args.out)
        print(f"{len(rows)} sentences, {sum(len(r['events']) for r in rows)} events -> "
              f"{args.out.with_suffix('.jsonl')}, {args.out.with_suffix('.md')}")
        return 0
    if args.command == "judge":
        sheet = {(r["story_id"], r["sentence_id"]): r for p in args.sheets for r in load_jsonl(p)}
        gold = read_labels(args.labels, sheet)
        with args.gold.open("a", encoding="utf-8") as fh:
            for g in gold:
                fh.write(json.dumps(g) + "\n")
        print(f"{len(gold)} gold lines -> {args.gold}")
        return 0
    rows = [r for p in args.sheets for r in load_jsonl(p)]
    if args.min_confidence is not None:
        rows = [r | {"events": confident(r["events"], args.min_confidence)} for r in rows]
    result = score(rows, load_jsonl(args.gold))
    print(report(result))
    if args.misses:
        write_misses(result, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
