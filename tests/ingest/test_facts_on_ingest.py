"""Every stored article carries its extracted facts, with spans into its clean text."""

from schaatsradar.store import articles
from tests.conftest import run_ingest, seed_file

STORY = (
    "Jutta Leerdam heeft zaterdag in Inzell de 1000 meter gewonnen in 1.12,74, een baanrecord. "
    "Femke Kok werd tweede."
)


def test_facts_are_stored_with_the_extractor_version(store, settings, tmp_path):
    seed_file(tmp_path, "a.txt", "2026-01-24", STORY + "\n\nVolg ons via Google Discover.")
    run_ingest(store, settings, tmp_path / "a.txt")
    with store.read() as conn:
        facts = articles.facts_for(conn, 1)
        clean = conn.exec_driver_sql("SELECT clean_text FROM articles WHERE id = 1").scalar_one()
        extractor = conn.exec_driver_sql("SELECT extractor FROM article_facts").scalar_one()
    assert extractor.startswith("schaatsradar.extract@")
    assert [a["name"] for a in facts["athletes"]] == ["Jutta Leerdam", "Femke Kok"]
    [leerdam] = [r for r in facts["results"] if r["athlete"] == "Jutta Leerdam"]
    assert (leerdam["distance"], leerdam["time"], leerdam["rank"]) == ("1000m", "1:12.74", 1)
    for start, end in facts["athletes"][0]["mentions"]:
        assert clean[start:end] == "Jutta Leerdam"


def test_extraction_can_be_switched_off(store, settings, tmp_path):
    seed_file(tmp_path, "a.txt", "2026-01-24", STORY)
    run_ingest(store, settings.model_copy(update={"extract_on_ingest": False}), tmp_path)
    with store.read() as conn:
        assert articles.facts_for(conn, 1) is None
