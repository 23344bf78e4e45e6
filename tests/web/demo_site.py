"""A site filled the way `schaatsradar load-demo` fills one: a fresh SQLite file, the bundled
reference data, and the demo articles ingested with extraction on, then reconciled. Unlike
`seeded_site` it needs nothing from ../shared, so it runs in any checkout."""

from __future__ import annotations

from pathlib import Path

from schaatsradar.ingest.demo import demo_articles_path
from schaatsradar.knowledge.book import load_reference, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from tests.conftest import NOW, run_ingest


def demo_settings(folder: Path) -> Settings:
    settings = Settings(database_url=f"sqlite:///{folder / 'demo.db'}", extract_on_ingest=True)
    store = Store(settings.database_url)
    try:
        store.upgrade()
        with store.write() as conn:
            load_reference(conn)
        report = run_ingest(store, settings, demo_articles_path(), source="schaatsradar-demo")
        assert report.new and not report.rejected, report.rejected
        reconcile_pending(store, NOW)
    finally:
        store.close()
    return settings
