"""The same story twice is skipped; the same wire story on several sites is one cluster."""

import json
from pathlib import Path

from schaatsradar.store import reading
from tests.conftest import ARTICLES, run_ingest

WIRE = [
    "HEERENVEEN (ANP) - Mila de Wit heeft zaterdag de 1500 meter bij het NK afstanden in Thialf "
    "gewonnen. De schaatsster uit Almelo was in 1.55,02 ruim sneller dan titelverdediger Sanne "
    "Post, die op 1.55,61 bleef steken.",
    "De Wit reed in de laatste rit tegen de Friezin Tessa Hoekstra, die lang bij bleef maar in "
    "de laatste ronde stilviel. Hoekstra werd uiteindelijk derde met 1.55,98.",
    "Met de zege plaatst De Wit zich voor de eerste wereldbekerwedstrijden van het seizoen in "
    "Salt Lake City en Calgary. Post en Hoekstra zijn vrijwel zeker van de andere twee plaatsen.",
    '"Ik had niet verwacht dat het zo snel zou gaan", zei De Wit na afloop tegen de verzamelde '
    'pers. "Mijn trainer zei dat ik rustig moest openen en dat heb ik gedaan."',
]


def _site_versions() -> list[dict]:
    a = "\n\n".join(WIRE)
    b = "\n\n".join(["Schaatsster Mila de Wit is Nederlands kampioen op de 1500 meter.", *WIRE[1:]])
    c = "\n\n".join([*WIRE, "Zondag staan de 1000 meter en de 5000 meter op het programma."])
    return [
        {"url": "https://schaatsbode.example/nk-1500", "date": "2026-10-31", "text": a},
        {"url": "https://ijsnieuws.example/de-wit-wint", "date": "2026-10-31", "text": b},
        {"url": "https://sportdag.example/nk/de-wit", "date": "2026-11-01", "text": c},
    ]


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    return path


def test_ingesting_the_same_files_twice_changes_nothing(store, settings):
    first = run_ingest(store, settings, ARTICLES)
    second = run_ingest(store, settings, ARTICLES)
    assert first.new == 5 and first.duplicate == 0
    assert second.new == 0 and second.duplicate == 5


def test_same_text_under_another_url_is_skipped_but_remembered(store, settings, tmp_path: Path):
    story = _site_versions()[0]
    copy = {**story, "url": "https://kopie.example/nk?utm_source=x"}
    report = run_ingest(store, settings, _write_jsonl(tmp_path / "x.jsonl", [story, copy]))
    assert (report.new, report.duplicate) == (1, 1)
    again = run_ingest(store, settings, _write_jsonl(tmp_path / "y.jsonl", [copy]))
    assert (again.new, again.duplicate) == (0, 1)
    with store.read() as conn:
        assert reading.latest(conn)[0].also_published_by == 1


def test_canonical_url_makes_tracking_variants_one_article(store, settings, tmp_path: Path):
    story = _site_versions()[0]
    variant = {
        **story,
        "url": "https://SCHAATSBODE.example/nk-1500?utm_campaign=brief#reacties",
        "text": story["text"] + " (bijgewerkt)",
    }
    report = run_ingest(store, settings, _write_jsonl(tmp_path / "x.jsonl", [story, variant]))
    assert (report.new, report.duplicate) == (1, 1)


def test_a_wire_story_on_three_sites_is_stored_once_per_site_and_shown_once(
    store, settings, tmp_path: Path
):
    report = run_ingest(store, settings, _write_jsonl(tmp_path / "wire.jsonl", _site_versions()))
    assert (report.new, report.near_duplicate, report.duplicate) == (1, 2, 0)
    with store.read() as conn:
        stories = reading.latest(conn)
        hits = reading.search(conn, "De Wit Hoekstra")
    assert len(stories) == 1 and stories[0].also_published_by == 2
    assert len(hits) == 1 and hits[0].also_published_by == 2


def test_different_race_reports_are_not_clustered(store, settings):
    report = run_ingest(store, settings, ARTICLES)
    assert report.near_duplicate == 0
    with store.read() as conn:
        assert len(reading.latest(conn)) == 5
