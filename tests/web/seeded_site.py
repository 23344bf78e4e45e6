"""A site database filled the way `schaatsradar load-demo` and `schaatsradar ingest` fill one:
the bundled reference data, the two seed articles of ../shared/seeds and the demo articles,
ingested with extraction on, then reconciled into the knowledge base. Shared by the feed and
browser tests, which each build it once per module (a few seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from schaatsradar.ingest.demo import demo_articles_path
from schaatsradar.knowledge.book import load_reference, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from tests.conftest import NOW, run_ingest

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def seeded_settings(folder: Path) -> Settings:
    """Settings for a fresh SQLite database in `folder` holding the seeds and the demo."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not here (the seed articles live in ../shared)")
    settings = Settings(database_url=f"sqlite:///{folder / 'site.db'}", extract_on_ingest=True)
    store = Store(settings.database_url)
    try:
        store.upgrade()
        with store.write() as conn:
            load_reference(conn)
        for target, source in ((SEEDS, None), (demo_articles_path(), "schaatsradar-demo")):
            report = run_ingest(store, settings, target, source=source)
            assert not report.rejected, report.rejected
        reconcile_pending(store, NOW)
    finally:
        store.close()
    return settings
