"""The Dask runner: code a collection on a Dask cluster (a LocalCluster on this machine, or a real one).

    from whodid.distributed import DaskRun
    with DaskRun("local", workers=2) as run:                 # or DaskRun("tcp://scheduler:8786")
        for article, events in run.code(["big.jsonl"], parts_dir="out/parts"):
            store.write(article, events)

How the work is spread (docs/scale.md has the recipe for a real cluster):

1. The client cuts the inputs into partitions without reading them: a JSONL file into byte ranges (a line belongs
   to the range it starts in), a Parquet file into row ranges. Other inputs (text, HTML, CSV, folders, stdin) are
   read on the client and shipped to the workers in batches of articles.
2. Each worker loads the spaCy pipeline and the knowledge once (a worker plugin fills a per-process cache), codes
   its partitions with ``Coder.code_articles`` and writes two Parquet files per partition under ``parts_dir``:
   ``part-NNNNN.events.parquet`` (flat columns and the full Event JSON) and ``part-NNNNN.stories.parquet``. The
   stories file is renamed into place last: its presence marks the partition done (the checkpoint).
3. The client reads the finished partitions back in partition order and hands out (article, events) pairs, which
   the caller merges into the store. ``Store.write`` replaces a story's earlier events, so re-running is
   idempotent; with ``resume=True`` partitions already done are read back instead of coded again.

``parts_dir`` must be a folder every worker and the client can reach (a shared filesystem on a real cluster).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from distributed.diagnostics.plugin import WorkerPlugin

from whodid.model import Article, Event
from whodid.nlp import DEFAULT_MODEL

if TYPE_CHECKING:
    from distributed import Client

    from whodid.coder import Coder

PARTITION_BYTES = 4 << 20  # a JSONL byte range: ~1,000 news stories, a few minutes of one core
PARTITION_ROWS = 1000  # a Parquet row range, or a batch of articles read on the client
_JSONL = (".jsonl", ".ndjson")
_PARQUET = (".parquet", ".pq")

SkipHandler = Callable[[str, str], None]


# ---------------------------------------------------------------------------------------------------
# Partitions
# ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Partition:
    """A piece of the input a worker codes on its own: a byte range of a JSONL file (``kind="jsonl"``), a row
    range of a Parquet file (``kind="parquet"``), or articles read by the client (``kind="articles"``)."""

    index: int
    kind: str
    path: str | None = None
    start: int = 0
    stop: int = 0
    articles: tuple[dict[str, Any], ...] = ()

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


def plan_partitions(inputs: Iterable[str | Path], *, published: str | None = None,
                    partition_bytes: int = PARTITION_BYTES, partition_rows: int = PARTITION_ROWS,
                    min_partitions: int = 1, on_skip: SkipHandler | None = None) -> list[Partition]:
    """Cut the inputs into partitions. JSONL and Parquet files are split by position without being read, each
    into at least ``min_partitions`` pieces (so a small file still keeps every worker busy); any other input is
    read here (``whodid.ingest.read_inputs``) and shipped in batches of ``partition_rows``."""
    from whodid.ingest import InputError, read_inputs

    items = [str(i) for i in inputs]
    missing = [i for i in items if i != "-" and not Path(i).exists()]
    if missing:
        raise InputError("input not found: " + ", ".join(missing))
    parts: list[Partition] = []
    for item in items:
        path = Path(item)
        suffix = path.suffix.lower()
        if item != "-" and path.is_file() and suffix in _JSONL:
            size = path.stat().st_size
            step = max(1, min(partition_bytes, -(-size // max(1, min_partitions))))
            for start in range(0, size, step):
                parts.append(Partition(len(parts), "jsonl", str(path.resolve()), start, min(size, start + step)))
        elif item != "-" and path.is_file() and suffix in _PARQUET:
            rows = _parquet_rows(path)
            step = max(1, min(partition_rows, -(-rows // max(1, min_partitions))))
            for start in range(0, rows, step):
                parts.append(Partition(len(parts), "parquet", str(path.resolve()), start, min(rows, start + step)))
        else:
            articles = read_inputs([item], published=published, on_skip=on_skip)
            while batch := tuple(a.to_dict() for a in islice(articles, partition_rows)):
                parts.append(Partition(len(parts), "articles", articles=batch))
    return parts


def _parquet_rows(path: Path) -> int:
    import duckdb

    with duckdb.connect() as con:
        return int(con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0])


def partition_articles(part: Partition, *, published: str | None = None,
                       on_skip: SkipHandler | None = None) -> Iterator[Article]:
    """The articles of one partition, checked and cleaned as ``read_inputs`` does (bad records are skipped)."""
    if part.kind == "articles":
        yield from (Article.from_dict(a) for a in part.articles)
        return
    reader = _reader(published, on_skip)
    if part.kind == "jsonl":
        yield from reader.jsonl_lines(_jsonl_range(Path(part.path or ""), part.start, part.stop), part.path or "")
    elif part.kind == "parquet":
        for offset, record in enumerate(_parquet_records(Path(part.path or ""), part.start, part.stop)):
            article = reader.record(record, f"{part.path}:{part.start + offset + 1}")
            if article is not None:
                yield article
    else:
        raise ValueError(f"unknown partition kind {part.kind!r}")


def _reader(published: str | None, on_skip: SkipHandler | None) -> Any:
    """An ingest reader with the same checks and settings as ``read_inputs`` (one record at a time)."""
    from whodid import ingest

    limit = int(ingest._settings().get("max_chars", 2_000_000))
    return ingest._Reader(ingest._given_date(published), on_skip, limit)


def _jsonl_range(path: Path, start: int, stop: int) -> Iterator[tuple[int, str]]:
    """(byte offset, decoded line) of every line that *starts* in [start, stop): each line read exactly once
    whatever the cut points. Offsets stand in for line numbers (counting lines would mean reading the file)."""
    from whodid.ingest import _decode

    with path.open("rb") as handle:
        if start > 0:
            handle.seek(start - 1)
            handle.readline()  # the rest of a line that started before this range (or just its newline)
        while (position := handle.tell()) < stop:
            raw = handle.readline()
            if not raw:
                break
            yield position, _decode(raw, f"{path}@{position}")


def _parquet_records(path: Path, start: int, stop: int) -> Iterator[dict[str, Any]]:
    import duckdb

    with duckdb.connect() as con:
        cursor = con.execute("SELECT * FROM read_parquet(?) LIMIT ? OFFSET ?", [str(path), stop - start, start])
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(500):
            for row in rows:
                yield {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in zip(names, row)}


# ---------------------------------------------------------------------------------------------------
# Worker side
# ---------------------------------------------------------------------------------------------------
_LOADS = 0  # Coder loads in this process: the tests check it stays at one per worker


@lru_cache(maxsize=2)
def worker_coder(model: str = DEFAULT_MODEL, batch_size: int = 64) -> "Coder":
    """The process's Coder, loaded on first use and kept (one model load per worker process)."""
    global _LOADS
    from whodid.coder import Coder

    _LOADS += 1
    return Coder(model=model, batch_size=batch_size)


def coder_loads() -> int:
    """How many times this process loaded a Coder (run on workers with ``client.run``)."""
    return _LOADS


def rss_mb() -> float:
    """Resident memory of this process now, in MiB (from /proc; 0 where there is none)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB: /proc's VmHWM where there is one, since Linux carries
    ru_maxrss over from the parent of a spawned worker (a worker would report the client's peak); else ru_maxrss."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class CoderPlugin(WorkerPlugin):
    """Loads the Coder when a worker starts (or joins later), before any task arrives."""

    name = "whodid-coder"

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 64) -> None:
        self.model, self.batch_size = model, batch_size

    def setup(self, worker: Any) -> None:
        worker_coder(self.model, self.batch_size)


@dataclass
class PartitionResult:
    """What a worker reports for one partition (the events themselves are in its Parquet files)."""

    index: int
    stories: int
    events: int
    skipped: list[tuple[str, str]] = field(default_factory=list)
    cached: bool = False  # read back from an earlier run's files (resume)


_EVENT_COLUMNS = (("seq", "INTEGER"), ("id", "VARCHAR"), ("story_id", "VARCHAR"), ("sentence_id", "INTEGER"),
                  ("event_type", "VARCHAR"), ("cameo", "VARCHAR"), ("date", "VARCHAR"), ("status", "VARCHAR"),
                  ("data", "VARCHAR"))
_STORY_COLUMNS = (("seq", "INTEGER"), ("id", "VARCHAR"), ("published", "VARCHAR"), ("title", "VARCHAR"),
                  ("data", "VARCHAR"))


def part_files(parts_dir: str | Path, part: Partition) -> tuple[Path, Path]:
    """(stories file, events file) of a partition."""
    base = Path(parts_dir) / part.name
    return base.with_suffix(".stories.parquet"), base.with_suffix(".events.parquet")


def code_partition(part: Partition, parts_dir: str, *, model: str = DEFAULT_MODEL, batch_size: int = 64,
                   published: str | None = None) -> PartitionResult:
    """Code one partition on this process's Coder and write its Parquet files (stories file last)."""
    skipped: list[tuple[str, str]] = []
    articles = partition_articles(part, published=published, on_skip=lambda o, r: skipped.append((o, r)))
    stories: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    for seq, (article, coded) in enumerate(worker_coder(model, batch_size).code_articles(articles)):
        stories.append((seq, article.id, article.published, article.title,
                        json.dumps(article.to_dict(), ensure_ascii=False)))
        events.extend((seq, e.id, e.story_id, e.sentence_id, e.event_type, e.cameo, e.date, e.status,
                       json.dumps(e.to_dict(), ensure_ascii=False)) for e in coded)
    stories_file, events_file = part_files(parts_dir, part)
    _write_parquet(events_file, _EVENT_COLUMNS, events)
    _write_parquet(stories_file, _STORY_COLUMNS, stories)  # last: marks the partition done
    return PartitionResult(part.index, len(stories), len(events), skipped)


def _write_parquet(path: Path, columns: tuple[tuple[str, str], ...], rows: list[tuple[Any, ...]]) -> None:
    """Rows to a Parquet file through DuckDB, atomically (written beside, then renamed)."""
    import duckdb
    import pandas as pd

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    frame = pd.DataFrame({name: pd.Series([r[i] for r in rows], dtype=object) for i, (name, _) in enumerate(columns)})
    casts = ", ".join(f'CAST("{name}" AS {kind}) AS "{name}"' for name, kind in columns)
    with duckdb.connect() as con:
        con.register("frame", frame)
        con.execute(f"COPY (SELECT {casts} FROM frame) TO '{_sql_path(temporary)}' (FORMAT parquet)")
    os.replace(temporary, path)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


# ---------------------------------------------------------------------------------------------------
# Client side
# ---------------------------------------------------------------------------------------------------
def read_partition(parts_dir: str | Path, part: Partition) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) pairs of a finished partition, in the order the worker coded them."""
    import duckdb

    stories_file, events_file = part_files(parts_dir, part)
    with duckdb.connect() as con:
        stories = con.execute(f"SELECT seq, data FROM read_parquet('{_sql_path(stories_file)}') ORDER BY seq").fetchall()
        rows = con.execute(f"SELECT seq, data FROM read_parquet('{_sql_path(events_file)}') ORDER BY seq").fetchall()
    by_story: dict[int, list[Event]] = {}
    for seq, data in rows:
        by_story.setdefault(seq, []).append(Event.from_dict(json.loads(data)))
    for seq, data in stories:
        yield Article.from_dict(json.loads(data)), by_story.get(seq, [])


def _cached_result(parts_dir: str | Path, part: Partition) -> PartitionResult | None:
    """The result of a partition an earlier run finished, or None."""
    import duckdb

    stories_file, events_file = part_files(parts_dir, part)
    if not (stories_file.exists() and events_file.exists()):
        return None
    with duckdb.connect() as con:
        n_stories = con.execute(f"SELECT count(*) FROM read_parquet('{_sql_path(stories_file)}')").fetchone()[0]
        n_events = con.execute(f"SELECT count(*) FROM read_parquet('{_sql_path(events_file)}')").fetchone()[0]
    return PartitionResult(part.index, int(n_stories), int(n_events), cached=True)


class DaskRun:
    """A connection to a Dask cluster that codes stories: ``"local"`` starts a LocalCluster of ``workers``
    single-threaded processes; ``"tcp://host:8786"`` joins a running scheduler. Use as a context manager."""

    def __init__(self, scheduler: str = "local", *, workers: int = 1, model: str = DEFAULT_MODEL,
                 batch_size: int = 64, memory_limit: str = "2GiB") -> None:
        from distributed import Client, LocalCluster

        self.model, self.batch_size = model, batch_size
        self._stack = ExitStack()
        if scheduler == "local":
            # the scheduler runs in this process: keep its start/stop chatter off the user's terminal
            logging.getLogger("distributed").setLevel(logging.ERROR)
            cluster = self._stack.enter_context(LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=":0",
                memory_limit=memory_limit, silence_logs=40))
            self.client: Client = self._stack.enter_context(Client(cluster))
        else:
            self.client = self._stack.enter_context(Client(scheduler))
        # one model load per worker, at start-up (workers that join later load it too)
        self.client.register_plugin(CoderPlugin(model, batch_size), name="whodid-coder")
        self.skipped: list[tuple[str, str]] = []
        self.results: list[PartitionResult] = []

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> "DaskRun":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def workers(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1)["workers"])

    def worker_stats(self) -> dict[str, dict[str, float]]:
        """Per worker: Coder loads, peak and current resident memory (MiB)."""
        loads = self.client.run(coder_loads)
        peaks, now = self.client.run(peak_rss_mb), self.client.run(rss_mb)
        return {w: {"coder_loads": loads[w], "peak_rss_mb": round(peaks[w], 1), "rss_mb": round(now[w], 1)}
                for w in loads}

    def code(self, inputs: Iterable[str | Path], parts_dir: str | Path, *, published: str | None = None,
             resume: bool = False, partition_bytes: int = PARTITION_BYTES,
             partition_rows: int = PARTITION_ROWS) -> Iterator[tuple[Article, list[Event]]]:
        """Code the inputs on the cluster; yields (article, events) in input order as partitions finish.
        With ``resume``, partitions whose files an earlier run left are read back, not coded again."""
        from distributed import as_completed

        parts_dir = Path(parts_dir)
        parts_dir.mkdir(parents=True, exist_ok=True)
        parts = plan_partitions(inputs, published=published, partition_bytes=partition_bytes,
                                partition_rows=partition_rows, min_partitions=4 * max(1, self.workers()),
                                on_skip=lambda o, r: self.skipped.append((o, r)))
        done: dict[int, PartitionResult] = {}
        futures = []
        for part in parts:
            cached = _cached_result(parts_dir, part) if resume else None
            if cached is not None:
                done[part.index] = cached
            else:
                futures.append(self.client.submit(code_partition, part, str(parts_dir), model=self.model,
                                                  batch_size=self.batch_size, published=published,
                                                  key=f"whodid-{part.name}-{id(self)}", pure=False))
        pending = as_completed(futures)
        for part in parts:  # input order: wait for the next partition, keep later ones that finish first
            while part.index not in done:
                result: PartitionResult = next(pending).result()
                done[result.index] = result
            result = done.pop(part.index)
            self.results.append(result)
            self.skipped.extend(result.skipped)
            yield from read_partition(parts_dir, part)


# ---------------------------------------------------------------------------------------------------
# `whodid code --dask`
# ---------------------------------------------------------------------------------------------------
def run_code_command(args: argparse.Namespace) -> int:
    """``whodid code --dask local|tcp://...``: as ``whodid code``, with the coding done on a Dask cluster; the
    output, the store and the report are ``whodid code``'s own (:func:`whodid.commands.code.emit`)."""
    from whodid.commands.code import emit

    def on_cluster(store: Any, stack: ExitStack) -> tuple[Iterator[tuple[Article, list[Event]]], Any]:
        parts_dir = args.dask_parts or (str(Path(args.db).with_suffix(".parts")) if args.db
                                        else stack.enter_context(tempfile.TemporaryDirectory(prefix="whodid-parts-")))
        run = stack.enter_context(DaskRun(args.dask, workers=max(1, args.workers), model=args.model))
        return run.code(args.inputs, parts_dir, published=args.published, resume=args.resume), lambda: run.skipped

    # finished partitions are read back on resume: their stories are already stored and stay as they are
    return emit(args, on_cluster, skip_stored=True)


__all__ = ["CoderPlugin", "DaskRun", "Partition", "PartitionResult", "code_partition", "plan_partitions", "partition_articles",
           "read_partition", "run_code_command", "worker_coder"]
