"""Actor span resolution on ConfliBERT's gold source/target/reciprocal spans: how often does the actor coder give a
gold span any actor code?

Each gold span (``../shared/data/conflibert-cameo/gold_{train,test}.jsonl``, see its SOURCE.md) is looked up as a
phrase with ``ActorKB.lookup_all`` (the public entry point behind ``whodid.resolve_actor``, which also splits
coordinations: "the US and Japan"), with no date. A span "resolves" when at least one actor comes back. The train
split is for finding what fails (``--groups``, ``--misses``); test is reported as held out.

    PYTHONPATH=src .venv/bin/python benchmarks/actor_spans.py [--groups] [--misses SPLIT] [--sample N] [--data DIR]

``--groups`` prints the failure groups of the train split (why the resolver gave up, by the phrase's head word) with
counts; ``--misses SPLIT`` lists the unresolved spans of a split and ``--sample N`` N random resolved test spans with
their codes, for judging by hand. Both print corpus text: read them, do not commit them.
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from whodid.actors import ActorKB, Span, _trim, tokenize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def read_spans(data: Path, split: str) -> list[dict]:
    """The gold spans of a split, each with its role and text."""
    path = data / "conflibert-cameo" / f"gold_{split}.jsonl"
    spans: list[dict] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            spans.extend(record.get("spans") or [])
    return spans


def codes(kb: ActorKB, text: str) -> list[str]:
    """The actor codes the coder gives a span ([] when it names no actor)."""
    return [actor.code or "?" for actor in kb.lookup_all(text)]


def failure_group(kb: ActorKB, text: str) -> tuple[str, str]:
    """Why a span did not resolve: a coarse group and the head word the resolver stopped at.

    Groups: "owned head, no known owner" (a head that stands for its owner, "parts of X", whose owner is unknown),
    "unknown name" (trailing capitalised words that are neither a known name nor after a title),
    "unknown head noun" (the last word of the phrase is a common word the knowledge lacks), "known head" (the head is
    known but the rules gave no actor, e.g. two countries), "nothing left" (only determiners or numbers)."""
    toks = kb._strip(tokenize(_trim(text)))
    if not toks:
        return "nothing left", ""
    core, _, _ = kb._split_items(kb._scan(toks), toks)
    if not core:
        return "nothing left", ""
    head = core[-1]
    if isinstance(head, Span):
        return f"known head ({head.kind})", " ".join(t.key for t in toks[head.start:head.end])
    word = toks[head]
    if word.key in kb.owned_heads:
        return "owned head, no known owner", word.key
    if word.cased[:1].isupper():
        return "unknown name", word.cased
    return "unknown head noun", word.key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="gold data folder (default: ../shared/data)")
    parser.add_argument("--groups", action="store_true", help="failure groups of the train split, with counts")
    parser.add_argument("--misses", choices=("train", "test"), help="list the unresolved spans of a split")
    parser.add_argument("--sample", type=int, default=0, help="print N random resolved test spans with their codes")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    kb = ActorKB.default()

    print(f"{'split':6} {'role':11} {'spans':>6} {'resolve':>8} {'share':>6}")
    for split in ("train", "test"):
        spans = read_spans(args.data, split)
        by_role: dict[str, list[int]] = {}
        for span in spans:
            hit = int(bool(codes(kb, span["text"])))
            for role in (span["role"], "all"):
                by_role.setdefault(role, []).append(hit)
        for role in ("source", "target", "reciprocal", "all"):
            hits = by_role.get(role, [])
            if hits:
                print(f"{split:6} {role:11} {len(hits):6d} {sum(hits):8d} {sum(hits) / len(hits):6.3f}")

    if args.groups:
        groups: Counter[str] = Counter()
        heads: dict[str, Counter[str]] = {}
        for span in read_spans(args.data, "train"):
            if codes(kb, span["text"]):
                continue
            group, head = failure_group(kb, span["text"])
            groups[group] += 1
            heads.setdefault(group, Counter())[head] += 1
        print("\ntrain failure groups (count; most frequent head words)")
        for group, count in groups.most_common():
            common = ", ".join(f"{h} {n}" for h, n in heads[group].most_common(12) if h)
            print(f"  {count:4d}  {group}: {common}")

    if args.misses:
        print(f"\nunresolved {args.misses} spans")
        for span in read_spans(args.data, args.misses):
            if not codes(kb, span["text"]):
                print(" ", span["role"][:3], span["text"], "|", *failure_group(kb, span["text"]))

    if args.sample:
        resolved = [s for s in read_spans(args.data, "test") if codes(kb, s["text"])]
        rng = random.Random(args.seed)
        print(f"\n{args.sample} random resolved test spans (seed {args.seed})")
        for span in rng.sample(resolved, min(args.sample, len(resolved))):
            print(f"  {' '.join(codes(kb, span['text'])):24} {span['role'][:3]}  {span['text']}")


if __name__ == "__main__":
    main()
