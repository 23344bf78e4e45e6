"""Search latency over the 100,000-article database built by ingest_bench.py.

50 Dutch queries (common skating words, distances, record types and skater surnames taken from
the corpus), each run 5 times; prints p50 and p95. Target (issue 2): p95 <= 20 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import OUT, corpus, fresh_store, ingest_folder

from schaatsradar.settings import Settings
from schaatsradar.store import Store, reading

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


def main() -> None:
    database = OUT / "bench_100000.db"
    if not database.exists():
        store, settings = fresh_store("bench_100000")
        ingest_folder(store, settings, corpus(100_000))
        store.close()
    store = Store(Settings(database_url=f"sqlite:///{database}").database_url)
    chosen = queries(store)
    timings = []
    with store.read() as conn:
        for query in chosen:  # warm up caches once
            reading.search(conn, query)
        for _ in range(5):
            for query in chosen:
                started = time.perf_counter()
                reading.search(conn, query)
                timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"search benchmark: {len(chosen)} queries x 5 over 100,000 articles (SQLite)")
    print(
        f"  p50 {statistics.median(timings):.1f} ms   p95 {p95:.1f} ms   max {timings[-1]:.1f} ms"
        "   (target p95 <= 20 ms)"
    )


if __name__ == "__main__":
    main()
