"""Two commands opening an empty PostgreSQL database at the same moment both succeed, and the
schema and the bundled reference rows are made once. One used to die on
`pg_type_typname_nsp_index` (both created the tables) or `skaters_slug_key` (both loaded the
reference skaters). SQLite queues its writers, so this is PostgreSQL's test."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from schaatsradar.store import Store

# The real CLI, held after its imports until the test lets every process go at once.
HELD_CLI = (
    "import pathlib, sys, time\n"
    "from schaatsradar.cli import app\n"
    "go = pathlib.Path(sys.argv[1])\n"
    "while not go.exists():\n"
    "    time.sleep(0.005)\n"
    "app(sys.argv[2:], prog_name='schaatsradar')\n"
)


def _postgres(url: str) -> None:
    if not url.startswith("postgresql"):
        pytest.skip("SQLite runs one writer at a time")


def _report(path: Path, title: str) -> Path:
    path.write_text(
        f" date 2026-01-18 HEERENVEEN - {title}: Mila de Wit won de 1500 meter in 1.56,31.\n",
        encoding="utf-8",
    )
    return path


def _env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": url,
        "SCHAATSRADAR_EXTRACT_ON_INGEST": "false",
    }


def _waiting_for_a_lock(store: Store) -> int:
    with store.read() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database()"
                )
            ).scalar_one()
        )


def _counts(store: Store) -> tuple[int, int, int]:
    with store.read() as conn:
        return (
            conn.execute(text("SELECT count(*) FROM skaters")).scalar_one(),
            conn.execute(text("SELECT count(DISTINCT slug) FROM skaters")).scalar_one(),
            conn.execute(text("SELECT count(*) FROM articles")).scalar_one(),
        )


def test_two_ingests_on_an_empty_database_both_store_their_articles(database_url, tmp_path):
    _postgres(database_url)
    go = tmp_path / "go"
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                HELD_CLI,
                str(go),
                "ingest",
                str(_report(tmp_path / f"{n}.txt", f"Verslag {n}")),
            ],
            env=_env(database_url),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for n in (1, 2)
    ]
    time.sleep(8)  # both past their imports
    go.touch()
    outputs = [p.communicate(timeout=300)[0].decode() for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    store = Store(database_url)
    try:
        skaters, slugs, articles = _counts(store)
    finally:
        store.close()
    assert skaters == slugs and skaters > 100 and articles == 2


def test_two_commands_loading_the_reference_rows_at_once_load_them_once(database_url):
    """The schema is there, the reference rows are not (a new database just after `alembic
    upgrade`): the test holds the skaters table so that no process can add one, both read
    that every skater is missing, and once let go both would insert the same skaters."""
    _postgres(database_url)
    store = Store(database_url)
    store.upgrade()
    processes = []
    try:
        with store.write() as conn:
            conn.execute(text("LOCK TABLE skaters IN SHARE ROW EXCLUSIVE MODE"))
            processes = [
                subprocess.Popen(
                    [sys.executable, "-m", "schaatsradar", "db", "upgrade"],
                    env=_env(database_url),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                )
                for _ in (1, 2)
            ]
            deadline = time.monotonic() + 90
            while _waiting_for_a_lock(store) < 2:
                assert time.monotonic() < deadline, "the commands never reached the skaters"
                assert all(p.poll() is None for p in processes), "a command ended early"
                time.sleep(0.05)
        outputs = [p.communicate(timeout=300)[0].decode() for p in processes]
        assert [p.returncode for p in processes] == [0, 0], outputs
        skaters, slugs, _ = _counts(store)
        assert skaters == slugs and skaters > 100
    finally:
        store.close()
