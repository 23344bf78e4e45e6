"""Shared bench helpers: synthetic corpora cached under bench/out/, timing, fresh stores."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from schaatsradar.ingest.pipeline import ingest
from schaatsradar.ingest.readers import ReadContext, expand_targets, read_target
from schaatsradar.ingest.synth import write_synth
from schaatsradar.settings import Settings
from schaatsradar.store import Store

OUT = Path(__file__).parent / "out"
NOW = dt.datetime(2026, 11, 21, 12)
# The comment a bench or the test suite puts on a PostgreSQL schema it made: only such a
# schema (or one without tables) may be emptied by the next run (tests/conftest.py too).
THROWAWAY = "schaatsradar throwaway: benches and tests may empty this schema"


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


def fresh_sqlite(path: Path | str) -> None:
    """No SQLite database at `path`: the file and its WAL companions removed, so a stale
    `-wal` cannot replay into the next run's new file."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def fresh_postgres(url: str) -> None:
    """An empty PostgreSQL database at `url`: created when missing, its public schema dropped
    and made again (everything in it is lost), as the test suite's fixture does. One way for
    every bench, so none leaves a half-reset schema (IF EXISTS: a failed earlier reset may have
    dropped it already). Raises sqlalchemy's OperationalError when the server is unreachable."""
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            known = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"),
                {"name": parsed.database},
            ).scalar()
            if not known:
                conn.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        admin.dispose()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            refuse_unless_throwaway(conn, parsed.database or "")
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
            conn.execute(text(f"COMMENT ON SCHEMA public IS '{THROWAWAY}'"))
    finally:
        engine.dispose()


def refuse_unless_throwaway(conn: Connection, database: str) -> None:
    """Stop before emptying a schema someone may need: one that holds tables but was not
    made by a bench or the test suite (they mark it with THROWAWAY). A mistyped
    `--postgres` pointing at a newsroom's database must cost an error message, not its
    archive."""
    tables, marker = conn.execute(
        text(
            "SELECT (SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = 'public'), obj_description('public'::regnamespace)"
        )
    ).one()
    if tables and marker != THROWAWAY:
        raise SystemExit(
            f"refusing to empty database {database!r}: its public schema holds {tables} "
            "tables and was not made by a bench or the test suite. Point --postgres at an "
            "empty or bench database, or mark this one as throwaway first: "
            f"COMMENT ON SCHEMA public IS '{THROWAWAY}'"
        )


def fresh_database(url: str) -> None:
    """An empty database at `url`, SQLite or PostgreSQL (see fresh_sqlite, fresh_postgres)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:  # nothing to remove for an in-memory database
            fresh_sqlite(parsed.database)
    else:
        fresh_postgres(url)


def fresh_store(name: str) -> tuple[Store, Settings]:
    path = OUT / f"{name}.db"
    fresh_sqlite(path)
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
