"""Search latency over a synthetic archive built by the project's own ingest.

50 Dutch queries (common skating words, distances, record types and skater surnames taken from
the corpus), each run 5 times after one warm-up pass; prints p50/p95/p99 and the slowest
queries. Target (issues 2 and 15): p95 <= 20 ms on SQLite at 100,000 articles and on
PostgreSQL at 1,000,000, with the cost per query at 1,000,000 within 20% of 100,000.

    python bench/search_bench.py                       # SQLite, 100,000 articles
    python bench/search_bench.py --articles 1000000 \
        --postgres postgresql+psycopg://root@127.0.0.1:5432/bench   # SQLite beside PostgreSQL

Each database is built once (SQLite under bench/out/, PostgreSQL in the database given, which
must be empty or hold exactly that archive) and reused between runs.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from common import OUT, corpus, fresh_store, ingest_folder
from psycopg import sql
from sqlalchemy import event

from schaatsradar.settings import Settings
from schaatsradar.store import Store, dialect, reading

WORDS = [
    "baanrecord",
    "wereldbeker",
    "schaatsster",
    "schaatssters",
    "persoonlijk record",
    "1500 meter",
    "500 meter",
    "10.000 meter",
    "ploegenachtervolging",
    "massastart",
    "Nederlands record",
    "podium",
    "tweede plaats",
    "brons",
    "goud",
    "zilver",
    "opening",
    "laatste ronde",
    "trainer",
    "seizoen",
    "NK afstanden",
    "kampioen",
    "wereldrecord",
    "Duitse",
    "Noorse",
    "Amerikaanse",
    "sprint",
    "tijd scorebord",
    "binnenbocht",
    "val",
]
RUNS = 5


def queries(store: Store) -> list[str]:
    """The fixed words plus surnames drawn (seeded) from the corpus: 50 queries in all."""
    with store.read() as conn:
        titles = [
            row[0]
            for row in conn.exec_driver_sql("SELECT title FROM articles ORDER BY id LIMIT 5000")
        ]
    names = sorted(
        {
            word
            for title in titles
            for word in title.split()[1:]
            if word[:1].isupper() and len(word) > 3
        }
    )
    rng = random.Random(7)
    return WORDS + rng.sample(names, 50 - len(WORDS))


def sqlite_store(articles: int) -> Store:
    database = OUT / f"bench_{articles}.db"
    if not database.exists():
        store, settings = fresh_store(f"bench_{articles}")
        ingest_folder(store, settings, corpus(articles))
        store.close()
    return Store(Settings(database_url=f"sqlite:///{database}").database_url)


def postgres_store(url: str, articles: int, build: bool = True) -> Store:
    """The PostgreSQL archive at `url`, ingested from the same synthetic corpus when empty."""
    store = Store(url)
    if not build:
        return store
    store.upgrade()
    with store.read() as conn:
        stored = conn.exec_driver_sql("SELECT count(*) FROM articles").scalar_one()
    if stored == 0:
        settings = Settings(database_url=url, extract_on_ingest=False)
        seconds, stored = ingest_folder(store, settings, corpus(articles))
        print(f"  built PostgreSQL archive: {stored} articles in {seconds:.0f} s")
    return store


def measure(
    store: Store, chosen: list[str], pages: bool = True
) -> dict[str, dict[str, list[float]]]:
    """Milliseconds per run of `reading.search` (the page: matches, rows, snippets) and of
    its matching step alone (`dialect.search_matches`), whose cost is the one that could grow
    with the archive; the rest is the same work for every page of 20 hits."""
    timings: dict[str, dict[str, list[float]]] = {"page": {}, "matching": {}}
    with store.read() as conn:
        for query in chosen:  # warm up caches once
            if pages:
                reading.search(conn, query)
            dialect.search_matches(conn, query, "", {}, 60)
        for _ in range(RUNS):
            for query in chosen:
                started = time.perf_counter()
                if pages:
                    reading.search(conn, query)
                middle = time.perf_counter()
                dialect.search_matches(conn, query, "", {}, 60)
                ended = time.perf_counter()
                if pages:
                    timings["page"].setdefault(query, []).append((middle - started) * 1000)
                timings["matching"].setdefault(query, []).append((ended - middle) * 1000)
    return timings


def report(label: str, articles: int, timings: dict[str, dict[str, list[float]]]) -> None:
    print(
        f"search benchmark: {len(timings['matching'])} queries x {RUNS} over {articles:,} articles "
        f"({label})"
    )
    for part, per_query in timings.items():
        if not per_query:
            continue
        every = sorted(t for runs in per_query.values() for t in runs)

        def pct(p: float, every: list[float] = every) -> float:
            return every[max(0, int(len(every) * p) - 1)]

        target = "   (target p95 <= 20 ms)" if part == "page" else ""
        print(
            f"  {part:8} p50 {statistics.median(every):6.1f} ms   p95 {pct(0.95):6.1f} ms   "
            f"p99 {pct(0.99):6.1f} ms   max {every[-1]:6.1f} ms{target}"
        )
        worst = sorted(per_query.items(), key=lambda item: max(item[1]), reverse=True)[:5]
        print("    slowest: " + ", ".join(f"{q!r} {max(runs):.1f}" for q, runs in worst))


def explain(store: Store, chosen: list[str], plans: list[str], generic: bool, pages: bool) -> None:
    """PostgreSQL's own account of a search, which load on the machine does not
    blur: per query, the statements a page (`reading.search`, or with `pages` False the
    matching step, `dialect.search_matches`) runs, re-run under EXPLAIN
    (ANALYZE, BUFFERS), summed: server time and shared buffers touched. The plans of the
    queries in `plans` are printed. With `generic`, PostgreSQL plans them as it plans a
    prepared statement after its first executions: without looking at the words."""
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        captured.append((statement, parameters))

    per_query: list[tuple[str, float, int, int]] = []
    with store.read() as conn:
        if generic:
            conn.exec_driver_sql("SET plan_cache_mode = force_generic_plan")  # for EXECUTE
        for query in chosen + [p for p in plans if p not in chosen]:
            captured.clear()
            event.listen(store.engine, "before_cursor_execute", capture)
            try:
                if pages:
                    reading.search(conn, query)
                else:
                    dialect.search_matches(conn, query, "", {}, 60)
            finally:
                event.remove(store.engine, "before_cursor_execute", capture)
            server, buffers = 0.0, 0
            for statement, parameters in list(captured):
                [plan] = _explain(
                    conn, "ANALYZE, BUFFERS, FORMAT JSON", statement, parameters, generic
                )[0][0]
                server += plan["Execution Time"]
                top = plan["Plan"]
                buffers += top.get("Shared Hit Blocks", 0) + top.get("Shared Read Blocks", 0)
                if query in plans:
                    lines = _explain(
                        conn, "ANALYZE, BUFFERS, COSTS OFF", statement, parameters, generic
                    )
                    print(f"  plan of {query!r}:\n" + "\n".join("    " + r[0] for r in lines))
            if query in chosen:
                per_query.append((query, server, buffers, len(captured)))
    times = sorted(p[1] for p in per_query)
    blocks = sorted(p[2] for p in per_query)
    print(
        f"  server   p50 {statistics.median(times):6.2f} ms   max {times[-1]:6.2f} ms   "
        f"buffers p50 {statistics.median(blocks):.0f}  max {blocks[-1]}   statements "
        f"{sum(p[3] for p in per_query) / len(per_query):.1f}   (EXPLAIN ANALYZE)"
    )
    worst = sorted(per_query, key=lambda p: p[1], reverse=True)[:5]
    print("    slowest: " + ", ".join(f"{q!r} {t:.2f} ms {b} buf." for q, t, b, _ in worst))


def _explain(
    conn: Any, options: str, statement: str, parameters: dict[str, Any], generic: bool
) -> list[Any]:
    """EXPLAIN rows of `statement`. Generic: as a prepared statement (`PREPARE`, then
    `EXECUTE` with the values written out), planned without its parameters' values, as
    psycopg's prepared statements are once PostgreSQL settles on a generic plan; an EXPLAIN
    with bound parameters would plan for the values."""
    if not generic:
        return list(conn.exec_driver_sql(f"EXPLAIN ({options}) {statement}", parameters))
    names = list(dict.fromkeys(re.findall(r"%\((\w+)\)s", statement)))
    prepared = re.sub(r"%\((\w+)\)s", lambda m: f"${names.index(m.group(1)) + 1}", statement)
    raw = conn.connection.dbapi_connection
    raw.execute(f"PREPARE explained AS {prepared}".replace("%%", "%"), prepare=False)
    try:
        values = ", ".join(sql.Literal(parameters[name]).as_string(raw) for name in names)
        return list(raw.execute(f"EXPLAIN ({options}) EXECUTE explained({values})"))
    finally:
        raw.execute("DEALLOCATE explained")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--postgres", help="also measure this PostgreSQL database")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument(
        "--matching-only",
        action="store_true",
        help="time the matching step only, and take the PostgreSQL database as it is (an "
        "article_search table made some other way, without articles)",
    )
    parser.add_argument(
        "--explain", action="store_true", help="PostgreSQL: server time and buffers per query"
    )
    parser.add_argument(
        "--plans", nargs="*", default=[], help="with --explain: print these queries' plans"
    )
    parser.add_argument(
        "--generic", action="store_true", help="with --explain: generic plans (no words seen)"
    )
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    stores: list[tuple[str, Store]] = []
    if not args.no_sqlite:
        stores.append(("SQLite", sqlite_store(args.articles)))
    if args.postgres:
        stores.append(
            ("PostgreSQL", postgres_store(args.postgres, args.articles, not args.matching_only))
        )
    # The names come from the first 5,000 synthetic articles, the same at every size; a
    # PostgreSQL database without articles (--matching-only) takes them from SQLite's 100,000.
    source = stores[0][1] if not args.matching_only or stores[0][0] == "SQLite" else None
    chosen = queries(source or sqlite_store(100_000))
    for label, store in stores:
        report(label, args.articles, measure(store, chosen, not args.matching_only))
        if args.explain and label == "PostgreSQL":
            explain(store, chosen, args.plans, args.generic, not args.matching_only)


if __name__ == "__main__":
    main()
