"""An ingest killed with SIGKILL halfway, then run again, stores every article exactly once,
with its bookkeeping once too (LSH bands, boundary paragraph counts): a batch is one
transaction, COPY included on PostgreSQL. Runs on PostgreSQL with SCHAATSRADAR_TEST_DATABASE_URL."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from schaatsradar.ingest.synth import write_synth
from schaatsradar.store import Store

ARTICLES = 3000


def _count(store: Store) -> int:
    with store.read() as conn:
        return conn.execute(text("SELECT count(*) FROM articles")).scalar_one()


@pytest.mark.slow
def test_sigkill_halfway_then_rerun_stores_each_article_once(store, settings, tmp_path: Path):
    write_synth(ARTICLES, tmp_path / "synth", seed=7)
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": settings.database_url,
        "SCHAATSRADAR_INGEST_BATCH_SIZE": "100",
    }
    command = [sys.executable, "-m", "schaatsradar", "ingest", str(tmp_path / "synth")]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while _count(store) < 300 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    halfway = _count(store)
    assert 0 < halfway < ARTICLES, "the kill must land mid-ingest"

    subprocess.run(command, env=env, check=False, capture_output=True, timeout=300)
    with store.read() as conn:
        total = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        hashes = conn.execute(text("SELECT count(DISTINCT text_hash) FROM articles")).scalar_one()
        origins = conn.execute(text("SELECT count(DISTINCT origin) FROM articles")).scalar_one()
        bands = conn.execute(
            text("SELECT count(*), count(DISTINCT article_id) FROM minhash_bands")
        ).one()
        counted = conn.execute(text("SELECT sum(article_count) FROM boundary_paragraphs")).scalar()
        boundaries = [
            row[0] for row in conn.execute(text("SELECT boundary_paragraphs FROM articles"))
        ]
    assert total == hashes == origins == ARTICLES
    assert bands[1] == ARTICLES and bands[0] <= 16 * ARTICLES
    # Each stored article counted its head and tail paragraphs once: none of a killed batch.
    assert counted == sum(len(value.split()) for value in boundaries)
