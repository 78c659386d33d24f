"""Time expressions and event dates against gold, and the tagger's speed.

Run: ``.venv/bin/python benchmarks/timex_eval.py [--shared PATH] [--show N] [--sentences 10000]``

Prints, from ../shared/data (read at run time, never copied):
- TempEval-3 scores of ``tag_times`` on TimeML AQUAINT and on MEANTIME dev (annotated part: sentence ids 0-5):
  strict/relaxed extent P/R/F1, value accuracy, value F1 (= relaxed F1 x value accuracy);
- speed: N sentences (the corpora's sentences, cycled) tagged one ``tag_times`` call each, on one core.
The scoring code is ``whodid.commands.eval_time`` (also ``whodid eval timeml DIR`` / ``whodid eval meantime DIR``;
the latter scores event dates and needs the spaCy model).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from whodid.commands.eval_time import read_meantime, read_tml, score_timexes
from whodid.timex import tag_times

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _line(label: str, s) -> str:
    sp, sr, sf = s.strict_prf()
    rp, rr, rf = s.relaxed_prf()
    return (f"{label:<10} gold {s.gold:4d} sys {s.system:4d} | strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f} | "
            f"relaxed P {rp:.3f} R {rr:.3f} F1 {rf:.3f} | value acc {s.value_accuracy:.3f} value F1 {s.value_f1:.3f}")


def speed(sentences: list[tuple[str, str | None]], n: int) -> float:
    """Seconds to tag ``n`` sentences (cycled from ``sentences``), one call each."""
    tag_times("warm up: compile the patterns on June 30, 2019", "2019-07-01")
    batch = [sentences[i % len(sentences)] for i in range(n)]
    t0 = time.perf_counter()
    for text, dct in batch:
        tag_times(text, dct)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--show", type=int, default=0, help="print N error lines per corpus")
    parser.add_argument("--sentences", type=int, default=10_000, help="sentences to tag for the speed figure")
    args = parser.parse_args(argv)
    corpora = {
        "timeml-aquaint": [read_tml(p) for p in sorted((args.shared / "timeml-aquaint").rglob("*.tml"))],
        "meantime-dev": [read_meantime(p) for p in sorted((args.shared / "meantime-dev").rglob("*.xml"))],
    }
    sentences: list[tuple[str, str | None]] = []
    for name, docs in corpora.items():
        if not docs:
            print(f"{name}: not found under {args.shared}")
            continue
        print(f"== {name}: {len(docs)} docs, {sum(len(d.text.split()) for d in docs)} words")
        errors: list[str] = []
        print(_line("DATE", score_timexes(docs, {"DATE"})))
        print(_line("DATE+TIME", score_timexes(docs, {"DATE", "TIME"}, errors)))
        print(_line("all types", score_timexes(docs, {"DATE", "TIME", "DURATION", "SET"})))
        for line in errors[: args.show]:
            print("  " + line)
        for d in docs:
            sentences += [(s, d.dct) for s in re.split(r"(?<=[.!?])\s+|\n+", d.text) if len(s.split()) >= 3]
    if not sentences:
        return 1
    seconds = speed(sentences, args.sentences)
    words = sum(len(sentences[i % len(sentences)][0].split()) for i in range(args.sentences))
    print(f"== speed: {args.sentences} sentences ({words} words) tagged in {seconds:.2f} s on one core "
          f"({args.sentences / seconds:,.0f} sentences/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
