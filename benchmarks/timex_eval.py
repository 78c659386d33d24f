"""Score whodid.timex.tag_times against TimeML gold: AQUAINT (TBAQ-cleaned) and MEANTIME (English, dev part).

Run: ``.venv/bin/python benchmarks/timex_eval.py [--shared PATH] [--show N]``

Reads ../shared/data at run time (never copied). For each corpus it prints, TempEval-3 style:
span precision/recall/F1, strict (same characters) and relaxed (overlap, one-to-one), and value accuracy
(share of relaxed matches whose value equals the gold value; TIMEX3 weeks "2000-W7" and "2000-W07" are equal),
for DATE timexes and for all types. MEANTIME is scored on its annotated part (title, dateline and the
first sentences: sentence ids 0-5). The document creation time (DCT) is the publication date, and is not
scored itself.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from whodid.timex import tag_times

# MEANTIME annotates time expressions only in the title, the dateline and the first sentences (sentence ids 0-5
# in every file): system timexes after that are not scored.
MEANTIME_SENTENCES = 5
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@dataclass
class Span:
    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass
class Doc:
    name: str
    text: str
    dct: str | None
    gold: list[Span]
    skip: tuple[int, int] | None = None  # the DCT's own span in the text, scored by neither side
    scored_end: int | None = None  # only text before this offset was annotated (MEANTIME)


# ------------------------------------------------------------------------------------------ readers
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> Doc:
    """A TimeML .tml file: plain text of <TEXT> with the offsets of its inline TIMEX3 tags."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    gold: list[Span] = []
    open_timex: dict[str, str] | None = None
    open_at = 0
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex, open_at = dict(_ATTR.findall(attrs)), length
        elif open_timex is not None:
            gold.append(Span(open_at, length, open_timex.get("type", ""), open_timex.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
    return Doc(path.name, text, dct.group(1)[:10] if dct else None, gold)


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "n't", "%", "'", "'re", "'ve", "'ll", "'d"}
_NO_SPACE_AFTER = {"(", "$", "``"}


def read_meantime(path: Path) -> Doc:
    """A MEANTIME .xml file: text rebuilt from tokens (light detokenisation), TIMEX3 spans from token anchors."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length, prev_sentence, prev_tok = 0, None, ""
    scored_end = 0
    for tok in root.iter("token"):
        word = tok.text or ""
        if prev_sentence is not None:
            sep = "\n" if tok.get("sentence") != prev_sentence else (
                "" if word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER else " ")
            pieces.append(sep)
            length += len(sep)
        offsets[tok.get("t_id", "")] = (length, length + len(word))
        pieces.append(word)
        length += len(word)
        prev_sentence, prev_tok = tok.get("sentence"), word
        if int(tok.get("sentence", "0")) <= MEANTIME_SENTENCES:
            scored_end = length
    text = "".join(pieces)
    gold: list[Span] = []
    dct, skip = None, None
    for tx in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id", "")] for a in tx.iter("token_anchor") if a.get("t_id") in offsets]
        if tx.get("functionInDocument") == "CREATION_TIME":
            value = tx.get("value", "")
            dct = value if re.match(r"^\d{4}-\d{2}-\d{2}", value) else None
            if anchors:
                skip = (min(a[0] for a in anchors), max(a[1] for a in anchors))
            continue
        if not anchors:
            continue  # TimeML "empty" timexes have no words to find
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        gold.append(Span(start, end, tx.get("type", ""), tx.get("value", ""), text[start:end]))
    return Doc(path.stem, text, dct, gold, skip, scored_end)


# -------------------------------------------------------------------------------------------- scoring
def _norm(value: str) -> str:
    """Equal TIMEX3 spellings: "2000-W07" = "2000-W7", "1949-XX" = "1949", "1998-XX-XX" = "1998"."""
    value = re.sub(r"(-XX)+$", "", value)
    return re.sub(r"-W0(\d)\b", r"-W\1", value)


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0

    def line(self, label: str) -> str:
        def prf(hit: int) -> str:
            p = hit / self.system if self.system else 0.0
            r = hit / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return f"P {p:5.1%} R {r:5.1%} F1 {f:5.1%}"

        acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return (f"{label:<12} gold {self.gold:4d} sys {self.system:4d} | strict {prf(self.strict)} | "
                f"relaxed {prf(self.relaxed)} | value acc {acc:5.1%} (value F1: {prf(self.value_ok)[-9:]})")


def score(docs: list[Doc], types: set[str], errors: list[str]) -> Score:
    s = Score()
    for doc in docs:
        gold = [g for g in doc.gold if g.type in types]
        system = [t for t in tag_times(doc.text, doc.dct) if t.type in types]
        if doc.scored_end is not None:
            system = [t for t in system if t.start < doc.scored_end]
        if doc.skip:
            system = [t for t in system if t.end <= doc.skip[0] or t.start >= doc.skip[1]]
        s.gold += len(gold)
        s.system += len(system)
        used: set[int] = set()
        for g in gold:
            match = next((i for i, t in enumerate(system)
                          if i not in used and t.start < g.end and g.start < t.end), None)
            if match is None:
                errors.append(f"MISS {doc.name}: {g.text!r} {g.value}")
                continue
            used.add(match)
            t = system[match]
            s.relaxed += 1
            s.strict += (t.start, t.end) == (g.start, g.end)
            if _norm(t.value) == _norm(g.value):
                s.value_ok += 1
            else:
                errors.append(f"VALUE {doc.name} (dct {doc.dct}): {g.text!r} gold {g.value} got {t.text!r} {t.value}")
        for i, t in enumerate(system):
            if i not in used:
                errors.append(f"EXTRA {doc.name}: {t.text!r} {t.value}")
    return s


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--show", type=int, default=0, help="print N error lines per corpus")
    args = parser.parse_args(argv)
    corpora = {
        "timeml-aquaint": (sorted((args.shared / "timeml-aquaint" / "AQUAINT").glob("*.tml")), read_tml),
        "meantime-dev": (sorted((args.shared / "meantime-dev" / "intra_cross-doc_annotation").glob("*/*.xml")),
                         read_meantime),
    }
    found = False
    for name, (paths, reader) in corpora.items():
        if not paths:
            print(f"{name}: not found under {args.shared}")
            continue
        found = True
        docs = [reader(p) for p in paths]
        words = sum(len(d.text.split()) for d in docs)
        tag_times("warm up: compile the patterns on June 30, 2019", "2019-07-01")
        t0 = time.perf_counter()
        for d in docs:
            tag_times(d.text, d.dct)
        ms = (time.perf_counter() - t0) * 1000
        print(f"== {name}: {len(docs)} docs, {words} words, "
              f"tagging {ms:.0f} ms ({ms / words * 1000:.2f} ms/1000 words)")
        errors: list[str] = []
        print(score(docs, {"DATE"}, errors).line("DATE"))
        print(score(docs, {"DATE", "TIME"}, []).line("DATE+TIME"))
        print(score(docs, {"DATE", "TIME", "DURATION", "SET"}, []).line("all types"))
        for line in errors[: args.show]:
            print("  " + line)
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
