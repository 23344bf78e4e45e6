"""Big ingests prepare articles in worker processes; what they store must not differ."""

from pathlib import Path

from sqlalchemy import text

from schaatsradar.ingest.synth import write_synth
from schaatsradar.store import Store
from tests.conftest import _reset_postgres, dump, run_ingest


def test_worker_processes_store_exactly_what_one_process_stores(settings, tmp_path: Path):
    write_synth(400, tmp_path / "synth", seed=3)
    dumps = []
    for name, parallel_after in (("serial", 10_000), ("parallel", 0)):
        url = f"sqlite:///{tmp_path / name}.db"
        configured = settings.model_copy(
            update={"database_url": url, "parallel_after": parallel_after, "ingest_workers": 2}
        )
        store = Store(url)
        store.upgrade()
        report = run_ingest(store, configured, tmp_path / "synth")
        assert report.new + report.near_duplicate == 400
        dumps.append(dump(store))
        store.close()
    assert dumps[0] == dumps[1]


def test_worker_processes_index_on_the_configured_engine_as_one_process(
    database_url: str, settings, tmp_path: Path
):
    """On the database the suite runs against (PostgreSQL when configured): rows and search
    index alike. PostgreSQL's search lexemes are made in the worker processes there, and by
    the writing process when preparing ran in-process."""
    write_synth(300, tmp_path / "synth", seed=5)
    dumps = []
    for parallel_after in (10_000, 0):
        if database_url.startswith("sqlite:"):
            Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        else:
            _reset_postgres(database_url)
        configured = settings.model_copy(
            update={"parallel_after": parallel_after, "ingest_workers": 2}
        )
        store = Store(database_url)
        store.upgrade()
        report = run_ingest(store, configured, tmp_path / "synth")
        assert report.new + report.near_duplicate == 300
        rows = dump(store)
        with store.read() as conn:
            index = (
                "SELECT rowid, title, body FROM articles_fts"
                if conn.dialect.name == "sqlite"
                else "SELECT id, published, language, title_vector, vector FROM article_search"
            )
            rows["search"] = sorted(tuple(map(str, row)) for row in conn.execute(text(index)))
        assert len(rows["search"]) == 300
        dumps.append(rows)
        store.close()
    assert dumps[0] == dumps[1]
