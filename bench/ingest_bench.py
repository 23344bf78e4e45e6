"""Ingest throughput on synthetic articles, SQLite beside PostgreSQL (issues 2 and 15).

Prints articles/s for each engine at each `--articles` count (default 20,000 and 100,000), and
the cost-per-article drift from the smallest to the largest count: nothing in the write path may
grow with the table. SQLite is also compared with writing the very same rows (articles, search
index, LSH bands) with plain sqlite3 executemany in this run.
Targets: >= 2,000 articles/s on both engines, drift within 20%, SQLite ratio to bare >= 0.25.

    python bench/ingest_bench.py --articles 20000 100000 \
        --postgres postgresql+psycopg://root@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import sys
import time
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

sys.path.insert(0, str(Path(__file__).parent))
from common import OUT, corpus, fresh_postgres, fresh_store, ingest_folder

from schaatsradar.settings import Settings
from schaatsradar.store import Store

TABLES = ["sources", "articles", "minhash_bands", "boundary_paragraphs"]


def bare_executemany(source_db: Path) -> tuple[float, int]:
    """Copy the rows of a finished ingest into a fresh, migrated database with executemany."""
    target_store, _ = fresh_store("bench_bare")
    target_store.close()
    source = sqlite3.connect(source_db)
    rows = {table: source.execute(f"SELECT * FROM {table}").fetchall() for table in TABLES}
    fts = source.execute("SELECT rowid, title, body FROM articles_fts").fetchall()
    source.close()
    target = sqlite3.connect(OUT / "bench_bare.db")
    target.execute("PRAGMA journal_mode=WAL")
    target.execute("PRAGMA synchronous=NORMAL")
    started = time.perf_counter()
    for table in TABLES:
        if rows[table]:
            marks = ",".join("?" * len(rows[table][0]))
            target.executemany(f"INSERT INTO {table} VALUES ({marks})", rows[table])
    target.executemany("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)", fts)
    target.commit()
    elapsed = time.perf_counter() - started
    target.close()
    return elapsed, len(rows["articles"])


def postgres_store(url: str) -> tuple[Store, Settings] | None:
    """A fresh, migrated schema in `url` (everything in it is dropped); None when unreachable."""
    try:
        fresh_postgres(url)
    except OperationalError:
        return None
    settings = Settings(database_url=url, extract_on_ingest=False)
    store = Store(url)
    store.upgrade()
    return store, settings


def run(engine: str, count: int, postgres: str | None) -> float | None:
    """Seconds per stored article for one engine at one corpus size."""
    folder = corpus(count)
    if engine == "SQLite":
        store, settings = fresh_store(f"bench_{count}")
    else:
        opened = postgres_store(postgres or "")
        if opened is None:
            print(f"  PostgreSQL not reachable at {postgres}: skipped")
            return None
        store, settings = opened
    server_before = _server_cpu(postgres) if engine == "PostgreSQL" else {}
    main_before, workers_before = time.process_time(), _children_cpu()
    seconds, stored = ingest_folder(store, settings, folder)
    main_cpu = time.process_time() - main_before
    workers_cpu = _children_cpu() - workers_before
    server_cpu = _server_cpu(postgres) if engine == "PostgreSQL" else {}
    store.close()
    print(
        f"  {engine:<10} {count:>8} articles: {seconds:7.1f} s  {stored / seconds:8.0f} "
        f"articles/s  {seconds / stored * 1e6:6.0f} us/article"
    )
    # CPU per article says what wall time cannot on a shared machine: the writing process and
    # the preparing worker processes (a database server's own CPU is not counted).
    print(
        f"  {'':<10} CPU per article: writer {main_cpu / stored * 1e6:6.0f} us, "
        f"workers {workers_cpu / stored * 1e6:6.0f} us"
        + _server_line(server_before, server_cpu, stored)
    )
    return seconds / stored


def _server_cpu(url: str | None) -> dict[int, float]:
    """CPU seconds of each local PostgreSQL backend serving `url`'s database, by process id
    (from /proc: its command line names the database); empty when none is found (a remote
    server, no /proc). Other databases' backends on a shared server are not counted."""
    name = make_url(url or "").database
    found: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, UnicodeDecodeError):
            continue
        words = command.split()
        if words[:1] == ["postgres:"] and name in words[1:4]:  # "postgres: [cluster:] user db"
            ticks = int(fields[11]) + int(fields[12])
            found[int(stat.parent.name)] = ticks / os.sysconf("SC_CLK_TCK")
    return found


def _server_line(before: dict[int, float], after: dict[int, float], stored: int) -> str:
    """The database backends' CPU per article (they ran as long as the store's pool)."""
    if not after:
        return ""
    used = sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())
    return f", database server {used / stored * 1e6:6.0f} us"


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (the ingest's worker pool)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--postgres", help="PostgreSQL URL; its public schema is dropped")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare sqlite3 copy")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    engines = ([] if args.no_sqlite else ["SQLite"]) + (["PostgreSQL"] if args.postgres else [])
    counts = sorted(args.articles)
    print(f"ingest benchmark (no extraction): {', '.join(engines)} at {counts}")
    cost: dict[tuple[str, int], float | None] = {}
    for count in counts:
        for engine in engines:
            cost[engine, count] = run(engine, count, args.postgres)
    low, high = counts[0], counts[-1]
    for engine in engines:
        top = cost[engine, high]
        if top is None:
            continue
        print(f"  {engine}: throughput at {high}: {1 / top:.0f} articles/s   (target >= 2000)")
        bottom = cost[engine, low]
        if bottom is not None and high != low:
            drift = top / bottom
            print(f"  {engine}: cost per article {high}/{low}: {drift:.3f}  (target <= 1.20)")
    top = cost.get(("SQLite", high))
    if top is not None and not args.no_bare:
        bare_seconds, bare_rows = bare_executemany(OUT / f"bench_{high}.db")
        bare = bare_rows / bare_seconds
        print(f"  bare sqlite3 executemany of the same rows: {bare:8.0f} rows/s")
        print(f"  SQLite ratio ours/bare: {1 / top / bare:.3f}   (target >= 0.25)")


if __name__ == "__main__":
    main()
