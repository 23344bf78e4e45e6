"""Shared bench helpers: synthetic corpora cached under bench/out/, timing, fresh stores."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from schaatsradar.ingest.pipeline import ingest
from schaatsradar.ingest.readers import ReadContext, expand_targets, read_target
from schaatsradar.ingest.synth import write_synth
from schaatsradar.settings import Settings
from schaatsradar.store import Store

OUT = Path(__file__).parent / "out"
NOW = dt.datetime(2026, 11, 21, 12)


def corpus(count: int) -> Path:
    folder = OUT / f"synth_{count}"
    marker = folder / ".complete"
    if not marker.exists():
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        write_synth(count, folder, seed=2026)
        marker.write_text("ok")
        print(f"  synth {count}: {time.perf_counter() - started:.1f} s")
    return folder


def fresh_store(name: str) -> tuple[Store, Settings]:
    path = OUT / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    # Issue 2's figures are for ingest without extraction; extraction has its own benchmark.
    settings = Settings(database_url=f"sqlite:///{path}", extract_on_ingest=False)
    store = Store(settings.database_url)
    store.upgrade()
    return store, settings


def ingest_folder(store: Store, settings: Settings, folder: Path) -> tuple[float, int]:
    """Seconds to ingest every file in `folder`, and the number of articles stored."""
    started = time.perf_counter()
    found, _ = expand_targets([str(folder)])
    ctx = ReadContext(settings, NOW.date(), defer_text_files=True)
    items = (item for target in found for item in read_target(target, ctx))
    report = ingest(store, items, settings, NOW)
    elapsed = time.perf_counter() - started
    assert not report.rejected, report.rejected[:3]
    return elapsed, report.new + report.near_duplicate
