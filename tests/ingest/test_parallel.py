"""Big ingests prepare articles in worker processes; what they store must not differ."""

from pathlib import Path

from schaatsradar.ingest.synth import write_synth
from schaatsradar.store import Store
from tests.conftest import dump, run_ingest


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
