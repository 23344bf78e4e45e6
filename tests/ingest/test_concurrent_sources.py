"""Two ingests naming the same new publisher at the same moment both store everything, and two
`sources add` of one feed register it once. On PostgreSQL the second used to die on the unique
key of `sources` (SQLite queues writers)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import text

from schaatsradar.ingest.polling import add_source
from schaatsradar.knowledge.book import load_reference
from schaatsradar.store import Store
from schaatsradar.store import articles as stored
from schaatsradar.store import sources as stored_sources
from tests.conftest import NOW, run_ingest

PUBLISHER = "nieuwe-krant"


def _write_articles(path: Path, first: int, count: int) -> None:
    """`count` distinct reports (no two near-duplicates), numbered from `first`."""
    lines = []
    for n in range(first, first + count):
        words = " ".join(f"w{n}v{i}" for i in range(12))
        lines.append(
            json.dumps(
                {
                    "date": "2026-01-18",
                    "title": f"Verslag {n}",
                    "text": f"Verslag {n} over de 1500 meter in Thialf: {words}.",
                }
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _count(store: Store) -> tuple[int, int]:
    with store.read() as conn:
        articles = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        sources = conn.execute(text("SELECT count(*) FROM sources")).scalar_one()
    return articles, sources


def _waiting_for_a_lock(store: Store) -> int:
    """How many connections to this database wait for a lock (PostgreSQL)."""
    with store.read() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database()"
                )
            ).scalar_one()
        )


def _until_it_waits(store: Store, what: str) -> None:
    """Return once the thread just started waits for the lock the test's open transaction
    holds: on PostgreSQL when a connection waits for a lock (at most 10 s, else `what` never
    waited); SQLite's writer waits at BEGIN IMMEDIATE, which no view shows, so a moment."""
    deadline = time.monotonic() + 10
    if store.backend == "postgresql":
        while not _waiting_for_a_lock(store):
            assert time.monotonic() < deadline, f"the second {what} never waited"
            time.sleep(0.05)
    else:
        time.sleep(0.3)


def test_an_ingest_waits_for_another_one_creating_the_same_publisher(store, settings, tmp_path):
    """The other ingest has created the publisher in a transaction not yet committed: this one
    must wait for it and then use that publisher, losing nothing."""
    settings = settings.model_copy(update={"extract_on_ingest": False})
    path = tmp_path / "krant.jsonl"
    _write_articles(path, 0, 120)
    other = Store(settings.database_url)
    reports = []
    try:
        with other.write() as conn:
            stored.source_ids(conn, [PUBLISHER], NOW)  # the other ingest's first batch, open
            ingest = threading.Thread(
                target=lambda: reports.append(run_ingest(store, settings, path, source=PUBLISHER))
            )
            ingest.start()
            _until_it_waits(store, "ingest")
        ingest.join(60)
    finally:
        other.close()
    [report] = reports
    assert report.new == 120 and not report.rejected, report.rejected
    assert _count(store) == (120, 1)


def test_two_ingest_processes_naming_a_new_publisher_store_everything(store, settings, tmp_path):
    """On PostgreSQL the test holds the sources table so that neither process can add a row:
    both then find the publisher missing and insert it at the same moment once let go."""
    with store.write() as conn:  # as `schaatsradar db upgrade` leaves it
        load_reference(conn)
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": settings.database_url,
        "SCHAATSRADAR_EXTRACT_ON_INGEST": "false",
        "SCHAATSRADAR_INGEST_BATCH_SIZE": "25",
    }
    gate = Store(settings.database_url)
    processes = []
    try:
        with gate.write() as conn:
            if store.backend == "postgresql":
                conn.execute(text("LOCK TABLE sources IN SHARE ROW EXCLUSIVE MODE"))
            for first in (0, 1000):
                path = tmp_path / f"deel-{first}.jsonl"
                _write_articles(path, first, 150)
                command = [sys.executable, "-m", "schaatsradar", "ingest", str(path)]
                processes.append(
                    subprocess.Popen(
                        [*command, "--source", PUBLISHER],
                        env=env,
                        stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT,
                    )
                )
            deadline = time.monotonic() + 60
            while store.backend == "postgresql" and _waiting_for_a_lock(store) < 2:
                assert time.monotonic() < deadline, "the ingests never reached the sources"
                assert all(p.poll() is None for p in processes), "an ingest ended early"
                time.sleep(0.05)
    finally:
        gate.close()
    outputs = [process.communicate(timeout=180)[0].decode() for process in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    assert _count(store) == (300, 1)


FEED_URL = "http://127.0.0.1:9/schaatsfeed.xml"


def test_a_source_added_while_another_add_of_it_is_open_is_that_source(store, settings):
    """`sources add` of a feed another add has inserted but not yet committed waits for it and
    answers with that source, not with PostgreSQL's unique-key error."""
    other = Store(settings.database_url)
    answers = []
    try:
        with other.write() as conn:
            first_id, created = stored_sources.add_feed(conn, "schaatsfeed", FEED_URL, NOW)
            assert created
            adding = threading.Thread(
                target=lambda: answers.append(add_source(store, FEED_URL, settings, NOW))
            )
            adding.start()
            _until_it_waits(store, "add")
        adding.join(30)
    finally:
        other.close()
    assert answers == [(first_id, False)]
    with store.read() as conn:
        assert [s.feed_url for s in stored_sources.list_feeds(conn)] == [FEED_URL]


def test_two_sources_add_processes_of_one_feed_register_it_once(store, settings):
    """On PostgreSQL the test holds the sources table so that both `sources add` find the feed
    missing and insert it at the same moment once let go."""
    with store.write() as conn:  # as `schaatsradar db upgrade` leaves it
        load_reference(conn)
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": settings.database_url,
        "SCHAATSRADAR_ALLOW_PRIVATE_NETWORKS": "127.0.0.1/32",
    }
    gate = Store(settings.database_url)
    processes = []
    try:
        with gate.write() as conn:
            if store.backend == "postgresql":
                conn.execute(text("LOCK TABLE sources IN SHARE ROW EXCLUSIVE MODE"))
            processes = [
                subprocess.Popen(
                    [sys.executable, "-m", "schaatsradar", "sources", "add", FEED_URL],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                )
                for _ in (1, 2)
            ]
            deadline = time.monotonic() + 60
            while store.backend == "postgresql" and _waiting_for_a_lock(store) < 2:
                assert time.monotonic() < deadline, "the adds never reached the sources"
                assert all(p.poll() is None for p in processes), "an add ended early"
                time.sleep(0.05)
    finally:
        gate.close()
    outputs = sorted(p.communicate(timeout=120)[0].decode() for p in processes)
    assert [p.returncode for p in processes] == [0, 0], outputs
    assert outputs[0].startswith("added: #") and outputs[1].startswith("already registered: #")
    with store.read() as conn:
        assert [s.feed_url for s in stored_sources.list_feeds(conn)] == [FEED_URL]
