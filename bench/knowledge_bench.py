"""Knowledge-base speed: reconciling the facts of 100,000 synth articles, and the queries behind
a skater's page for a skater with 1,000 results, on SQLite and PostgreSQL.

Reconciliation: the synth corpus is ingested once with extraction on (in worker processes, as
`schaatsradar ingest` does) into bench/out/knowledge_<N>_extracted.db, which is kept; every run
copies that file and times `reconcile_pending` on the copy. Prints the total time, the facts
(results + records) the articles offer, what was taken in or refused, and facts/s.

Queries: one fictional skater gets 1,000 results at 200 meets through the official-import path
(`import_official`), on top of the reconciled corpus. The records query, personal bests, season
bests and the whole profile (`views.profile`: those three and the result list, records and
news) run 200 times each; prints p50/p95/max. PostgreSQL (`--postgres`, when reachable; its
schema is reset first, as the test suite's fixture does, then ANALYZEd after loading) gets the
synth corpus of `--pg-articles` articles ingested and reconciled the same way, and the same
skater. Target: p95 <= 10 ms for the records and personal/season-best queries on both
databases; the profile is held to it too. With `--pg-copy` (issue 15) PostgreSQL is not
filled by its own ingest and reconcile: the SQLite database just measured (corpus and skater)
is copied row for row, so both engines answer the profile over the same rows.

    python bench/knowledge_bench.py                   # 100,000 articles
    python bench/knowledge_bench.py --articles 2000   # a quick run
    python bench/knowledge_bench.py --postgres postgresql+psycopg://root@127.0.0.1:5432/bench
    python bench/knowledge_bench.py --articles 20000 --pg-copy --postgres URL   # same rows
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import OperationalError

sys.path.insert(0, str(Path(__file__).parent))
from common import NOW, OUT, corpus, fresh_postgres, fresh_sqlite, ingest_folder
from pg_copy import copy_to_postgres

from schaatsradar.extract.registry import norm_name
from schaatsradar.knowledge.book import Outcome, import_official, load_reference, reconcile_pending
from schaatsradar.knowledge.official_types import OfficialData, OfficialRecord, OfficialResult
from schaatsradar.knowledge.views import profile, season_start
from schaatsradar.settings import Settings
from schaatsradar.store import Store, record_book
from schaatsradar.store import knowledge as kb

POSTGRES_URL = "postgresql+psycopg://root@127.0.0.1:5432/test"
RUNS = 200
TARGET_MS = 10.0
SKATER = "Wietske Meetlatstra"  # fictional: synth names come from Faker, never this one
DISTANCES = {"500m": 39.0, "1000m": 77.0, "1500m": 118.0, "3000m": 250.0, "5000m": 430.0}
VENUES = ["Heerenveen", "Inzell", "Hamar", "Erfurt", "Enschede", "Groningen", "Alkmaar", "Breda"]


# -- reconciliation ---------------------------------------------------------------------------


def extracted_database(count: int) -> Path:
    """The corpus ingested with extraction on, reference data loaded, nothing reconciled."""
    path = OUT / f"knowledge_{count}_extracted.db"
    marker = OUT / f"knowledge_{count}_extracted.complete"
    if marker.exists():
        return path
    folder = corpus(count)
    fresh_sqlite(path)
    settings = Settings(database_url=f"sqlite:///{path}", extract_on_ingest=True)
    store = _opened(settings.database_url)
    seconds, stored = ingest_folder(store, settings, folder)
    store.close()
    with sqlite3.connect(path) as conn:  # everything in the main file, so a copy is whole
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    marker.write_text("ok")
    print(f"  ingest with extraction (once, kept): {stored} articles in {seconds:.0f} s")
    return path


def _opened(url: str) -> Store:
    """Migrated with the reference data loaded, as `schaatsradar ingest` opens a store."""
    store = Store(url)
    store.upgrade()
    with store.write() as conn:
        load_reference(conn)
    return store


def offered_facts(store: Store) -> int:
    """Results plus records in the stored extraction output: what reconciliation is given."""
    with store.read() as conn:
        rows = conn.exec_driver_sql("SELECT facts FROM article_facts")
        total = 0
        for (facts,) in rows:
            facts = json.loads(facts) if isinstance(facts, str) else facts
            total += len(facts.get("results", [])) + len(facts.get("records", []))
    return total


def timed_reconcile(store: Store, label: str) -> None:
    facts = offered_facts(store)
    started = time.perf_counter()
    outcome = reconcile_pending(store, NOW)
    seconds = time.perf_counter() - started
    print(
        f"  {label}: {facts} facts in {seconds:.1f} s = {facts / seconds:.0f} facts/s"
        f"   (taken in: {outcome.results} results, {outcome.records} records; "
        f"refused {len(outcome.refused)})"
    )


# -- a skater's page --------------------------------------------------------------------------


def skater_with_results(store: Store, meets: int = 200) -> int:
    """`meets` weekly meets back from today, each with the five distances, and a personal and
    season best per distance: an official list imported as `schaatsradar official import`
    does. Returns the skater's id."""
    results = []
    for meet in range(meets):
        day = NOW.date() - dt.timedelta(days=7 * meet)
        venue = VENUES[meet % len(VENUES)]
        for distance, seconds in DISTANCES.items():
            results.append(
                OfficialResult(
                    athlete=SKATER,
                    country="NED",
                    distance=distance,
                    gender="women",
                    seconds=round(seconds * (1.06 - 0.0002 * meet), 2),
                    rank=1 + meet % 12,
                    competition=f"Proefwedstrijd {meet + 1}",
                    venue=venue,
                    race_date=day,
                    source="bench",
                )
            )
    records = [
        OfficialRecord(kind, SKATER, "NED", distance, "women", best, NOW.date(), "Inzell", "bench")
        for kind in ("personal", "season_best")
        for distance, best in DISTANCES.items()
    ]
    with store.write() as conn:
        outcome: Outcome = import_official(
            conn, OfficialData(results=results, records=records), NOW
        )
        skater = kb.skater_by_key(conn, norm_name(SKATER))
    assert outcome.results == len(results) and not outcome.refused, outcome.refused[:3]
    assert skater is not None
    with store.read() as conn:
        assert len(kb.results(conn, skater_id=skater.id)) == len(results)
    return skater.id


def latencies(store: Store, skater_id: int, backend: str) -> None:
    today = NOW.date()
    with store.read() as conn:
        skater = kb.skater_by_id(conn, skater_id)
        assert skater is not None
        queries: dict[str, Callable[[], object]] = {
            "records": lambda: record_book.records(conn, skater_id=skater_id),
            "personal bests": lambda: kb.best_times(conn, skater_id),
            "season bests": lambda: kb.best_times(conn, skater_id, since=season_start(today)),
            "profile": lambda: profile(conn, skater, today),
        }
        for name, query in queries.items():
            query()  # warm up caches once
            timings = []
            for _ in range(RUNS):
                started = time.perf_counter()
                query()
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            verdict = "ok" if p95 <= TARGET_MS else "OVER"
            print(
                f"  {backend:10} {name:15} p50 {statistics.median(timings):6.2f} ms   "
                f"p95 {p95:6.2f} ms   max {timings[-1]:6.2f} ms   {verdict}"
            )


# -- PostgreSQL -------------------------------------------------------------------------------


def postgres_store(url: str) -> Store | None:
    """A fresh schema, as the test suite's fixture makes one; None when unreachable."""
    try:
        fresh_postgres(url)
    except OperationalError:
        return None
    return _opened(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--pg-articles", type=int, default=10_000)
    parser.add_argument("--postgres", default=POSTGRES_URL)
    parser.add_argument(
        "--pg-copy",
        action="store_true",
        help="fill PostgreSQL with a copy of the SQLite rows (no PostgreSQL reconcile timing)",
    )
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    print(f"knowledge benchmark: {args.articles} synth articles")
    source = extracted_database(args.articles)
    working = OUT / f"knowledge_{args.articles}.db"
    fresh_sqlite(working)
    shutil.copyfile(source, working)
    store = _opened(f"sqlite:///{working}")  # the kept file may predate newer migrations
    timed_reconcile(store, "reconcile (SQLite)")
    skater_id = skater_with_results(store)
    latencies(store, skater_id, "SQLite")
    store.close()
    if args.pg_copy:
        seconds = copy_to_postgres(working, args.postgres)
        print(f"  copied to PostgreSQL in {seconds:.0f} s")
        pg_copied = Store(args.postgres)
        latencies(pg_copied, skater_id, "PostgreSQL")
        pg_copied.close()
        print(f"  (target p95 <= {TARGET_MS:.0f} ms per query)")
        return

    pg_store = postgres_store(args.postgres)
    if pg_store is None:
        print(f"  PostgreSQL not reachable at {args.postgres}: skipped")
        return
    settings = Settings(database_url=args.postgres, extract_on_ingest=True)
    ingest_folder(pg_store, settings, corpus(args.pg_articles))
    timed_reconcile(pg_store, f"reconcile (PostgreSQL, {args.pg_articles} articles)")
    skater_id = skater_with_results(pg_store)
    with pg_store.write() as conn:  # what autovacuum does within a minute of a bulk load
        conn.exec_driver_sql("ANALYZE")
    latencies(pg_store, skater_id, "PostgreSQL")
    pg_store.close()
    print(f"  (target p95 <= {TARGET_MS:.0f} ms per query)")


if __name__ == "__main__":
    main()
