"""Ingest throughput on synthetic articles, against a bare sqlite3 executemany of the same rows.

Prints articles/s at 10k and 100k, the cost-per-article drift between them, and the ratio to
writing the very same rows (articles, search index, LSH bands) with plain sqlite3 in this run.
Targets (issue 2): >= 2,000 articles/s, ratio >= 0.25, drift within 20%.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import OUT, corpus, fresh_store, ingest_folder

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


def main() -> None:
    OUT.mkdir(exist_ok=True)
    print("ingest benchmark (SQLite, no extraction)")
    results = {}
    for count in (10_000, 100_000):
        folder = corpus(count)
        store, settings = fresh_store(f"bench_{count}")
        seconds, stored = ingest_folder(store, settings, folder)
        store.close()
        results[count] = seconds / stored
        print(
            f"  {count:>7} articles: {seconds:7.1f} s  {stored / seconds:8.0f} articles/s  "
            f"{seconds / stored * 1e6:6.0f} us/article"
        )
    bare_seconds, bare_rows = bare_executemany(OUT / "bench_100000.db")
    ours = 1 / results[100_000]
    bare = bare_rows / bare_seconds
    print(f"  bare sqlite3 executemany of the same rows: {bare:8.0f} rows/s")
    print(f"  ratio ours/bare: {ours / bare:.3f}   (target >= 0.25)")
    print(
        f"  cost per article 100k/10k: {results[100_000] / results[10_000]:.3f}   (target <= 1.20)"
    )
    print(f"  throughput at 100k: {ours:.0f} articles/s   (target >= 2000)")


if __name__ == "__main__":
    main()
