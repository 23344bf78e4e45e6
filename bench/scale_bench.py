"""A decade in one go (issue 15): N synth articles (1,000,000 by default) on PostgreSQL.

Steps, each timed and each through the public entry points, so that faster ingest, search,
reconciling or serving shows up here as soon as it is merged:

1. Input. The synth corpus (seed 2026, the articles `bench/common.py` writes as files) as
   gzipped JSON Lines shards of 10,000 under bench/.cache/synth-2026/, written once and reused;
   a run needing more shards resumes after the last whole one (`SynthStream`), so the first
   100,000 articles of the million are the 100,000-article corpus. One million take about
   0.5 ms each to generate and write (about 9 minutes on a quiet machine, 35 on a busy one)
   and 290 MB on disk.
2. Ingest: `schaatsradar ingest <shards>` in a child process into an emptied database,
   WITHOUT extraction (SCHAATSRADAR_EXTRACT_ON_INGEST=false). That is the ingest figure:
   stored articles per second of the command's wall time. Then ANALYZE on PostgreSQL (what
   autovacuum does within a minute of a bulk load) and the database's size.
3. Search: search_bench's 50 Dutch queries x 5 through `reading.search`, in this process;
   p50/p95/p99.
4. Reconcile. Extraction costs about 5 ms an article (a million: 1.5 hours on two cores), so
   only a SLICE is extracted: by default 20,000 articles spread evenly over the archive (every
   N/20,000th by id), from their stored clean text as ingest would. Their facts are cached in
   bench/.cache/facts-<extractor version>/ by text, so a rerun extracts nothing; they
   are stored for their articles and `reconcile_pending` takes them in, in a child process,
   on top of the full database. Figure: offered facts (results + records) per second.
5. Pages: `schaatsradar serve` in a child process with the response cache off, and one
   connection (web_bench's load generator) per page: home, the skater with the most results
   and the busiest calendar meet's race page; p50/p95/p99 of a cache miss.
6. Peak memory of each process: the ingest command (its own peak and the sum of the peaks of
   it and its worker processes, sampled from /proc), the reconcile process, the server and
   this process (search, facts loading).

Prints a table and writes the figures to bench/out/scale_<backend>_<N>.json. When the same
backend's figures at 100,000 are there (run that first), a run at another N also prints the
cost per article against them (ingest: time per article; search: p95), target within 20%.

    python bench/scale_bench.py                               # 1,000,000 on PostgreSQL
    python bench/scale_bench.py --articles 100000             # the comparison point
    python bench/scale_bench.py --sqlite                      # SQLite at 100,000
    python bench/scale_bench.py --postgres postgresql+psycopg://root@127.0.0.1:5432/scale_bench

PostgreSQL's database (`scale_bench` by default) is created when missing and its public
schema is emptied at the start of every run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import math
import os
import resource
import shlex
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))
from common import NOW, OUT, fresh_database
from search_bench import queries
from web_bench import drive

from schaatsradar.extract.pipeline import EXTRACTOR_VERSION, extract
from schaatsradar.extract.registry import Registry
from schaatsradar.ingest.synth import SynthStream
from schaatsradar.knowledge.book import reconcile_pending
from schaatsradar.store import Store, reading
from schaatsradar.store.articles import save_facts
from schaatsradar.store.models import Article

CACHE = Path(__file__).parent / ".cache"
REPO = Path(__file__).resolve().parents[1]
SEED = 2026  # bench/common.py's corpus
SHARD = 10_000
POSTGRES_URL = "postgresql+psycopg://root@127.0.0.1:5432/scale_bench"
FACTS_SLICE = 20_000
PAGES = ("home", "skater", "race")
TARGETS = {
    "ingest_per_s": 2000.0,
    "search_p95_ms": 20.0,
    "reconcile_facts_per_s": 2000.0,
    "page_p95_ms": 50.0,
    "drift": 1.20,
}


# -- 1. the input: gzipped JSON Lines shards, written once -------------------------------------


def _shard(folder: Path, number: int) -> Path:
    return folder / f"shard-{number:05d}.jsonl.gz"


def _state(folder: Path, number: int) -> Path:
    return folder / f"shard-{number:05d}.state.json"


def synth_record(index: int, article: Any) -> dict[str, str]:
    """One JSON Lines row; the publisher is the one `write_synth`'s folders give (a thousand
    articles each), so the sources, and their boilerplate, are those of the file corpus."""
    return {
        "date": article.published.isoformat(),
        "text": article.text,
        "source": f"synth-{index // 1000:03d}",
    }


def ensure_shards(
    count: int, folder: Path = CACHE / f"synth-{SEED}", shard_size: int = SHARD, seed: int = SEED
) -> list[Path]:
    """The shards holding the first `count` articles, generating the missing ones. A shard is
    whole when its state file (the stream's position after it) is there: both are renamed into
    place only when written, so an interrupted run resumes after the last whole shard."""
    folder.mkdir(parents=True, exist_ok=True)
    for partial in folder.glob("*.partial"):  # left by a run that was stopped
        if not Path(f"/proc/{partial.name.split('.')[-2]}").exists():
            partial.unlink(missing_ok=True)
    needed = math.ceil(count / shard_size)
    done = 0
    while done < needed and _shard(folder, done).exists() and _state(folder, done).exists():
        done += 1
    if done < needed:
        state = json.loads(_state(folder, done - 1).read_text()) if done else None
        stream = SynthStream(seed, state)
        started = time.perf_counter()
        for number in range(done, needed):
            _write_shard(folder, number, shard_size, stream)
            written = (number - done + 1) * shard_size
            elapsed = time.perf_counter() - started
            print(
                f"  synth shard {number + 1}/{needed}: {written:,} articles in {elapsed:.0f} s "
                f"({written / elapsed:.0f}/s)",
                flush=True,
            )
    return [_shard(folder, number) for number in range(needed)]


def _write_shard(folder: Path, number: int, shard_size: int, stream: SynthStream) -> None:
    shard, state = _shard(folder, number), _state(folder, number)
    partial = shard.with_name(f"{shard.name}.{os.getpid()}.partial")  # two runs may race
    with gzip.open(partial, "wt", encoding="utf-8", compresslevel=6) as out:
        for offset in range(shard_size):
            record = synth_record(number * shard_size + offset + 1, stream.article())
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    partial.replace(shard)
    state_partial = state.with_name(f"{state.name}.{os.getpid()}.partial")
    state_partial.write_text(json.dumps(stream.state()))
    state_partial.replace(state)


def input_files(
    count: int, shards: list[Path], shard_size: int = SHARD, out: Path = OUT
) -> list[Path]:
    """The shards for exactly `count` articles: whole shards, and the head of the last one
    copied to `out` (bench/out/) when `count` is not a multiple of the shard size."""
    rest = count % shard_size
    if not rest:
        return shards
    head = out / f"scale_input_{count}.jsonl.gz"
    with gzip.open(shards[-1], "rt", encoding="utf-8") as source:
        lines = [source.readline() for _ in range(rest)]
    with gzip.open(head, "wt", encoding="utf-8", compresslevel=1) as copy:
        copy.writelines(lines)
    return [*shards[:-1], head]


def read_records(paths: Sequence[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)


# -- measured child processes -------------------------------------------------------------------


@dataclass
class Measured:
    """A child process's wall time and peak memory (MB), sampled from /proc (VmHWM, the peak
    resident set) twice a second and once more before it is reaped: `peak_mb` of the process
    itself, `tree_peak_mb` the sum of its peak and those of every descendant seen (its worker
    processes), an upper bound of what they held at once. Not wait4's ru_maxrss: a child
    started by vfork and exec inherits the parent's peak in it, so every child would show at
    least this bench's own size."""

    seconds: float
    peak_mb: float
    tree_peak_mb: float | None
    processes: int
    output: str = field(repr=False, default="")


class TreeSampler:
    """Every process below `root`, and its VmHWM (peak resident set), sampled from /proc."""

    def __init__(self, root: int, every: float = 0.5) -> None:
        self.root, self.every = root, every
        self.peaks_kb: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def sample(self) -> None:
        for pid in self._tree():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    kb = int(line.split()[1])
                    self.peaks_kb[pid] = max(kb, self.peaks_kb.get(pid, 0))

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
        found, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    def stop(self) -> tuple[float, float | None, int]:
        """The root's peak, the sum of all peaks, and how many processes were seen (MB)."""
        self._stop.set()
        self._thread.join()
        if not self.peaks_kb:
            return math.nan, None, 0
        root = self.peaks_kb.get(self.root, 0) / 1024
        return root, sum(self.peaks_kb.values()) / 1024, len(self.peaks_kb)


def child_env(url: str, **extra: str) -> dict[str, str]:
    """The children run this checkout's code against `url`, at this process's priority."""
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {
        **os.environ,
        "PYTHONPATH": path,
        "SCHAATSRADAR_DATABASE_URL": url,
        "SCHAATSRADAR_BACKGROUND_NICE": "0",
        **extra,
    }


def start(
    command: list[str], env: dict[str, str], log: Path
) -> tuple[subprocess.Popen[bytes], Any]:
    handle = log.open("wb")
    process = subprocess.Popen(command, env=env, stdout=handle, stderr=subprocess.STDOUT)
    return process, handle


def finish(
    process: subprocess.Popen[bytes], handle: Any, sampler: TreeSampler, started: float, log: Path
) -> Measured:
    sampler.sample()
    process.wait()
    seconds = time.perf_counter() - started
    handle.close()
    peak_mb, tree_mb, processes = sampler.stop()
    return Measured(seconds, peak_mb, tree_mb, processes, log.read_text())


def run_measured(command: list[str], env: dict[str, str], name: str) -> Measured:
    log = OUT / f"scale_{name}.log"
    started = time.perf_counter()
    process, handle = start(command, env, log)
    measured = finish(process, handle, TreeSampler(process.pid), started, log)
    if process.returncode != 0:
        raise RuntimeError(
            f"{shlex.join(command[:4])} … exited {process.returncode}:\n" + measured.output[-3000:]
        )
    return measured


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "schaatsradar", *args]


# -- 2. the database and the ingest -------------------------------------------------------------


def analyzed(store: Store) -> float:
    """ANALYZE on PostgreSQL (autovacuum's first job after a bulk load); seconds it took."""
    if store.backend != "postgresql":
        return 0.0
    started = time.perf_counter()
    with store.write(changes_content=False) as conn:
        conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


def database_size(store: Store, url: str) -> dict[str, float]:
    """Megabytes on disk: the whole database, and the articles table with its indexes."""
    if store.backend == "postgresql":
        with store.read() as conn:
            total, articles = conn.exec_driver_sql(
                "SELECT pg_database_size(current_database()), pg_total_relation_size('articles')"
            ).one()
        return {"database_mb": total / 1e6, "articles_table_mb": articles / 1e6}
    path = make_url(url).database or ""
    total = sum(
        Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()
    )
    return {"database_mb": total / 1e6}


def postgres_settings(store: Store) -> dict[str, str]:
    if store.backend != "postgresql":
        return {}
    with store.read() as conn:
        return {
            name: str(conn.exec_driver_sql(f"SHOW {name}").scalar())
            for name in ("server_version", "shared_buffers", "work_mem", "effective_cache_size")
        }


# -- 3. search ----------------------------------------------------------------------------------


def percentiles(timings: list[float]) -> dict[str, float]:
    ordered = sorted(timings)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, math.ceil(len(ordered) * share) - 1)]

    return {
        "p50_ms": statistics.median(ordered),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "max_ms": ordered[-1],
    }


def search_latency(store: Store, rounds: int = 5) -> dict[str, Any]:
    chosen = queries(store)
    timings = []
    with store.read() as conn:
        for query in chosen:  # warm up caches once, as search_bench does
            reading.search(conn, query)
        for _ in range(rounds):
            for query in chosen:
                started = time.perf_counter()
                reading.search(conn, query)
                timings.append((time.perf_counter() - started) * 1000)
    return {"queries": len(chosen), "rounds": rounds, **percentiles(timings)}


# -- 4. the extracted slice and reconcile -------------------------------------------------------


def slice_ids(store: Store, count: int) -> list[int]:
    """`count` article ids spread evenly over the archive (by id, so over the years too)."""
    with store.read() as conn:
        ids = list(conn.execute(select(Article.id).order_by(Article.id)).scalars())
    if count >= len(ids):
        return ids
    step = len(ids) / count
    return [ids[int(i * step)] for i in range(count)]


def _key(published: dt.date, language: str, clean_text: str) -> str:
    material = f"{EXTRACTOR_VERSION}|{published.isoformat()}|{language}|{clean_text}"
    return hashlib.sha256(material.encode()).hexdigest()[:32]


def _extract_chunk(rows: list[tuple[str, str, str, str]]) -> list[dict[str, Any]]:
    """Facts as ingest stores them (pipeline.prepare), for (clean text, date, language,
    origin) rows; runs in worker processes."""
    registry = Registry.bundled()
    out = []
    for clean_text, published, language, origin in rows:
        day = dt.date.fromisoformat(published)
        out.append(extract(clean_text, day, registry).to_contract(origin, day, language))
    return out


def slice_facts(
    store: Store, ids: list[int], workers: int
) -> tuple[list[tuple[int, Any]], dict[str, Any]]:
    """Facts for the articles `ids`: from bench/.cache/facts-<version>/ where the same text
    was extracted before, else extracted now and added there, 200 articles a file (each
    renamed into place when whole: an interrupted run keeps what it finished, and two runs
    never write the same file)."""
    cache = CACHE / f"facts-{EXTRACTOR_VERSION.replace('/', '_')}"
    known: dict[str, Any] = {}
    for part in sorted(cache.glob("*.jsonl.gz")):
        try:
            for record in read_records([part]):
                known[record["key"]] = record["facts"]
        except (EOFError, OSError, ValueError):  # cut short: what was read stands
            print(f"  {part.name} is damaged: its rest is extracted again")
    rows: list[Any] = []
    with store.read() as conn:
        for start_at in range(0, len(ids), 1000):
            some = ids[start_at : start_at + 1000]
            rows += conn.execute(
                select(
                    Article.id,
                    Article.clean_text,
                    Article.published,
                    Article.language,
                    Article.origin,
                )
                .where(Article.id.in_(some))
                .order_by(Article.id)
            ).all()
    keys = {row.id: _key(row.published, row.language, row.clean_text) for row in rows}
    missing = [row for row in rows if keys[row.id] not in known]
    started = time.perf_counter()
    if missing:
        print(f"  extracting {len(missing):,} articles (cached for later runs) …", flush=True)
        cache.mkdir(parents=True, exist_ok=True)
        chunks = [missing[i : i + 200] for i in range(0, len(missing), 200)]
        jobs = [
            [(r.clean_text, r.published.isoformat(), r.language, r.origin) for r in chunk]
            for chunk in chunks
        ]
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            results = pool.map(_extract_chunk, jobs)
            for number, (chunk, facts) in enumerate(zip(chunks, results, strict=True)):
                part = cache / f"part-{os.getpid()}-{int(started)}-{number:05d}.jsonl.gz"
                partial = part.with_name(part.name + ".partial")
                with gzip.open(partial, "wt", encoding="utf-8") as out:
                    for row, contract in zip(chunk, facts, strict=True):
                        known[keys[row.id]] = contract
                        record = {"key": keys[row.id], "facts": contract}
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                partial.replace(part)
    extraction = {
        "articles": len(rows),
        "extracted_now": len(missing),
        "extract_seconds": time.perf_counter() - started if missing else 0.0,
    }
    return [(row.id, known[keys[row.id]]) for row in rows], extraction


def stored_facts(store: Store, facts: list[tuple[int, Any]]) -> int:
    """The slice's facts stored for their articles, pending; returns the facts offered
    (results plus records, as knowledge_bench counts them)."""
    for start_at in range(0, len(facts), 500):
        chunk = facts[start_at : start_at + 500]
        with store.write() as conn:
            save_facts(conn, [(i, EXTRACTOR_VERSION, f) for i, f in chunk], NOW)
    return sum(len(f.get("results", [])) + len(f.get("records", [])) for _, f in facts)


def reconcile_child() -> None:
    """Runs in the measured child: `reconcile_pending` on SCHAATSRADAR_DATABASE_URL, timed
    from the first batch to the last (no start-up, no migrations)."""
    store = Store(os.environ["SCHAATSRADAR_DATABASE_URL"])
    started = time.perf_counter()
    outcome = reconcile_pending(store, NOW)
    seconds = time.perf_counter() - started
    store.close()
    figures = {
        "seconds": seconds,
        "results": outcome.results,
        "records": outcome.records,
        "refused": len(outcome.refused),
    }
    print("RECONCILED " + json.dumps(figures))


# -- 5. pages -------------------------------------------------------------------------------------


def page_paths(store: Store) -> dict[str, str]:
    """Home, the skater with the most results, and the calendar meet with the most shown
    results (web_bench's choice, in SQL both databases speak)."""
    with store.read() as conn:
        slug = conn.exec_driver_sql(
            "SELECT s.slug FROM results r JOIN skaters s ON s.id = r.skater_id "
            "GROUP BY s.id, s.slug ORDER BY COUNT(*) DESC, s.id LIMIT 1"
        ).scalar()
        meet = conn.exec_driver_sql(
            "SELECT c.id FROM results r JOIN races ra ON ra.id = r.race_id "
            "JOIN competitions c ON c.id = ra.competition_id WHERE r.held IS NULL "
            "GROUP BY c.id, c.origin "
            "ORDER BY (c.origin = 'calendar') DESC, COUNT(*) DESC, c.id LIMIT 1"
        ).scalar()
    if slug is None or meet is None:
        raise RuntimeError("no results reconciled: no skater or race page to measure")
    return {"home": "/", "skater": f"/schaatsers/{slug}", "race": f"/wedstrijden/{meet}"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def page_latency(
    url: str, paths: dict[str, str], seconds: float, serve_args: list[str]
) -> tuple[dict[str, Any], Measured]:
    """`schaatsradar serve` with the response cache off; each page requested back to back on
    one connection (the time to render it, not to queue) by a load generator process."""
    port = _free_port()
    env = child_env(url, SCHAATSRADAR_RESPONSE_CACHE="false")
    command = cli("serve", "--host", "127.0.0.1", "--port", str(port), *serve_args)
    log = OUT / "scale_serve.log"
    started = time.perf_counter()
    process, handle = start(command, env, log)
    sampler = TreeSampler(process.pid)
    base = f"http://127.0.0.1:{port}"
    figures: dict[str, Any] = {}
    try:
        _wait_until_up(base, process)
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as loader:
            for name, path in paths.items():
                status = httpx.get(base + path, timeout=60).status_code
                if status != 200:
                    raise RuntimeError(f"{path} answers {status}")
                run = loader.submit(drive, base, path, 1, seconds, 2.0).result()
                figures[name] = {
                    "path": path,
                    "requests": run.requests,
                    "errors": run.errors,
                    **percentiles(run.latencies_ms),
                }
    finally:
        process.terminate()
    measured = finish(process, handle, sampler, started, log)
    return figures, measured


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            httpx.get(url + "/api/v1/health", timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


# -- the run ------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    backend = "sqlite" if args.sqlite else "postgresql"
    url = f"sqlite:///{OUT / f'scale_{args.articles}.db'}" if args.sqlite else args.postgres
    figures: dict[str, Any] = {
        "articles": args.articles,
        "backend": backend,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "cpus": os.cpu_count(),
        "load_average_start": os.getloadavg()[0],
    }
    print(f"scale benchmark: {args.articles:,} synth articles on {backend}", flush=True)

    started = time.perf_counter()
    shards = ensure_shards(args.articles)
    files = input_files(args.articles, shards)
    cache_mb = sum(p.stat().st_size for p in shards) / 1e6
    figures["input"] = {
        "files": len(files),
        "cache_mb": cache_mb,
        "ready_seconds": time.perf_counter() - started,
    }
    print(f"  input: {len(files)} gzipped JSON Lines files ({cache_mb:.0f} MB in bench/.cache)")

    fresh_database(url)
    run_measured(cli("db", "upgrade"), child_env(url), "upgrade")
    print("  ingest (no extraction) …", flush=True)
    env = child_env(url, SCHAATSRADAR_EXTRACT_ON_INGEST="false")
    ingested = run_measured(cli("ingest", *map(str, files)), env, "ingest")
    store = Store(url)
    with store.read() as conn:
        count = conn.exec_driver_sql("SELECT COUNT(*) FROM articles").scalar_one()
    figures["ingest"] = {
        "stored": count,
        "seconds": ingested.seconds,
        "per_s": count / ingested.seconds,
        "us_per_article": ingested.seconds / count * 1e6,
        "analyze_seconds": analyzed(store),
    }
    figures["size"] = database_size(store, url)
    figures["postgres"] = postgres_settings(store)
    print(f"  ingested {count:,} in {ingested.seconds:.0f} s; searching …", flush=True)

    figures["search"] = search_latency(store)

    ids = slice_ids(store, min(args.facts_slice, count))
    facts, extraction = slice_facts(store, ids, args.workers)
    offered = stored_facts(store, facts)
    analyzed(store)
    print(f"  reconciling {offered:,} facts of {len(ids):,} articles …", flush=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--reconcile-child"]
    reconciled = run_measured(command, child_env(url), "reconcile")
    outcome = json.loads(reconciled.output.split("RECONCILED ", 1)[1].splitlines()[0])
    figures["reconcile"] = {
        "slice_articles": len(ids),
        "facts_offered": offered,
        **extraction,
        **outcome,
        "facts_per_s": offered / outcome["seconds"],
    }
    analyzed(store)

    print("  pages (response cache off, one connection) …", flush=True)
    paths = page_paths(store)
    store.close()
    serve_args = shlex.split(args.serve_args)
    figures["pages"], served = page_latency(url, paths, args.page_seconds, serve_args)
    figures["serve_args"] = serve_args

    figures["load_average_end"] = os.getloadavg()[0]
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["memory_mb"] = {
        "ingest": _memory(ingested),
        "reconcile": _memory(reconciled),
        "serve": _memory(served),
        "bench (search, facts)": {"peak_mb": own_mb, "tree_peak_mb": None, "processes": 1},
    }
    return figures


def _memory(measured: Measured) -> dict[str, Any]:
    return {
        "peak_mb": measured.peak_mb,
        "tree_peak_mb": measured.tree_peak_mb,
        "processes": measured.processes,
    }


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def summary(figures: dict[str, Any], baseline: dict[str, Any] | None) -> str:
    ingest, search, rec = figures["ingest"], figures["search"], figures["reconcile"]
    lines = [
        f"scale benchmark: {figures['articles']:,} articles, {figures['backend']} "
        f"(commit {figures['commit']})",
        f"  {'figure':44} {'value':>28}  target",
        _row(
            "ingest, no extraction (articles/s)",
            f"{ingest['per_s']:,.0f}",
            f">= {TARGETS['ingest_per_s']:,.0f}",
            ingest["per_s"] >= TARGETS["ingest_per_s"],
        ),
        _row("  time per article", f"{ingest['us_per_article']:,.0f} us", "", None),
        _row("database size", f"{figures['size']['database_mb']:,.0f} MB", "", None),
        _row(
            f"search p50 / p95 / p99 ({search['queries']} queries x {search['rounds']})",
            f"{search['p50_ms']:.1f} / {search['p95_ms']:.1f} / {search['p99_ms']:.1f} ms",
            f"p95 <= {TARGETS['search_p95_ms']:.0f} ms",
            search["p95_ms"] <= TARGETS["search_p95_ms"],
        ),
        _row(
            f"reconcile ({rec['slice_articles']:,}-article slice, facts/s)",
            f"{rec['facts_per_s']:,.0f}",
            f">= {TARGETS['reconcile_facts_per_s']:,.0f}",
            rec["facts_per_s"] >= TARGETS["reconcile_facts_per_s"],
        ),
        _row(
            "  facts offered / taken in / refused",
            f"{rec['facts_offered']:,} / {rec['results'] + rec['records']:,} / {rec['refused']:,}",
            "",
            None,
        ),
    ]
    for name in PAGES:
        page = figures["pages"][name]
        lines.append(
            _row(
                f"{name} page, cache miss, p50 / p95 / p99",
                f"{page['p50_ms']:.1f} / {page['p95_ms']:.1f} / {page['p99_ms']:.1f} ms",
                f"p95 <= {TARGETS['page_p95_ms']:.0f} ms",
                page["p95_ms"] <= TARGETS["page_p95_ms"] and page["errors"] == 0,
            )
        )
    for name, memory in figures["memory_mb"].items():
        tree = memory.get("tree_peak_mb")
        shown = f"{memory['peak_mb']:,.0f} MB"
        if tree is not None and memory.get("processes", 1) > 1:
            shown += f" ({memory['processes']} processes: {tree:,.0f} MB)"
        lines.append(_row(f"peak memory: {name}", shown, "", None))
    if baseline is not None:
        ingest_drift = ingest["us_per_article"] / baseline["ingest"]["us_per_article"]
        search_drift = search["p95_ms"] / baseline["search"]["p95_ms"]
        base_n = f"{baseline['articles']:,}"
        lines += [
            _row(
                f"ingest time per article / at {base_n}",
                f"{ingest_drift:.2f}",
                f"<= {TARGETS['drift']:.2f}",
                ingest_drift <= TARGETS["drift"],
            ),
            _row(
                f"search p95 / at {base_n}",
                f"{search_drift:.2f}",
                f"<= {TARGETS['drift']:.2f}",
                search_drift <= TARGETS["drift"],
            ),
        ]
    lines.append(
        f"  load average {figures['load_average_start']:.1f} at the start, "
        f"{figures['load_average_end']:.1f} at the end on {figures['cpus']} CPUs: "
        "figures from a busy machine say little"
    )
    lines.append(
        f"  reconcile: all {figures['articles']:,} articles ingested without extraction; "
        f"{rec['slice_articles']:,} of them (spread by id) extracted "
        f"({rec['extracted_now']:,} now, the rest from bench/.cache) and their facts "
        "reconciled on top of the full database"
    )
    return "\n".join(lines)


def _row(name: str, value: str, target: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("ok" if ok else "OVER")
    return f"  {name:44} {value:>28}  {target} {verdict}".rstrip()


def main() -> None:
    if sys.argv[1:] == ["--reconcile-child"]:
        reconcile_child()
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, help="1,000,000 (PostgreSQL), 100,000 (SQLite)")
    parser.add_argument("--postgres", default=POSTGRES_URL, help="its public schema is emptied")
    parser.add_argument("--sqlite", action="store_true", help="SQLite in bench/out instead")
    parser.add_argument("--facts-slice", type=int, default=FACTS_SLICE)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="extraction")
    parser.add_argument("--page-seconds", type=float, default=10.0, help="measured, per page")
    parser.add_argument("--serve-args", default="", help="passed to `schaatsradar serve`")
    args = parser.parse_args()
    if args.articles is None:
        args.articles = 100_000 if args.sqlite else 1_000_000
    OUT.mkdir(exist_ok=True)
    figures = run(args)
    out = OUT / f"scale_{figures['backend']}_{args.articles}.json"
    out.write_text(json.dumps(figures, indent=2))
    base = OUT / f"scale_{figures['backend']}_100000.json"
    baseline = json.loads(base.read_text()) if args.articles != 100_000 and base.exists() else None
    print(summary(figures, baseline))
    print(f"  figures: {out}")


if __name__ == "__main__":
    main()
