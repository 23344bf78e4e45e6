"""Search with Dutch stemming on both sides, ranking, snippets and filters — on SQLite and,
in CI, PostgreSQL."""

import datetime as dt
import json
from pathlib import Path

from schaatsradar.store import reading
from tests.conftest import run_ingest

ROWS = [
    (
        "2026-01-10",
        "nl",
        "Schaatssters rijden baanrecords in Thialf",
        "Drie schaatssters verbeterden zaterdag het baanrecord op de 1000 meter in Heerenveen.",
    ),
    (
        "2026-01-20",
        "nl",
        "Dubbele zege voor Rinsma",
        "De schaatsster Anouk Rinsma won de 500 meter en de 1000 meter in Inzell. Een record was "
        "er niet bij, maar het publiek genoot van de sprintduels.",
    ),
    (
        "2025-11-02",
        "en",
        "Harper wins in Calgary",
        "Tom Harper won the 5000 metres in Calgary. The track records stayed intact in the oval.",
    ),
    (
        "2025-12-01",
        "nl",
        "Wegens dooi afgelast",
        "De natuurijswedstrijd op de Weissensee is afgelast wegens dooi.",
    ),
]


def _ingest_rows(store, settings, tmp_path: Path):
    lines = [
        json.dumps({"url": f"https://ijs.example/{i}", "date": d, "title": t, "text": x})
        for i, (d, _lang, t, x) in enumerate(ROWS)
    ]
    (tmp_path / "rows.jsonl").write_text("\n".join(lines))
    report = run_ingest(store, settings, tmp_path / "rows.jsonl")
    assert report.new == len(ROWS)


def _titles(store, query, **filters):
    with store.read() as conn:
        return [h.title for h in reading.search(conn, query, reading.SearchFilters(**filters))]


def test_plural_query_finds_singular_text_and_back(store, settings, tmp_path):
    _ingest_rows(store, settings, tmp_path)
    assert "Dubbele zege voor Rinsma" in _titles(store, "schaatssters")
    assert "Schaatssters rijden baanrecords in Thialf" in _titles(store, "schaatsster")
    assert "Dubbele zege voor Rinsma" in _titles(store, "records")


def test_title_matches_rank_first(store, settings, tmp_path):
    _ingest_rows(store, settings, tmp_path)
    assert _titles(store, "baanrecords")[0] == "Schaatssters rijden baanrecords in Thialf"


def test_all_words_must_match(store, settings, tmp_path):
    _ingest_rows(store, settings, tmp_path)
    assert _titles(store, "Rinsma Inzell") == ["Dubbele zege voor Rinsma"]
    assert _titles(store, "Rinsma Calgary") == []
    assert _titles(store, "???") == []


def test_snippet_highlights_the_matching_words_and_is_html_safe(store, settings, tmp_path):
    (tmp_path / "x.txt").write_text(
        " date 2026-01-10 <b>Kok</b> & co: het wereldrecord op de 500 meter is van Kok."
    )
    run_ingest(store, settings, tmp_path / "x.txt")
    with store.read() as conn:
        [hit] = reading.search(conn, "wereldrecords")
    assert "<mark>wereldrecord</mark>" in hit.snippet
    assert "&lt;b&gt;Kok&lt;/b&gt; &amp; co" in hit.snippet
    assert hit.score is not None and hit.score > 0


def test_date_and_language_filters(store, settings, tmp_path):
    _ingest_rows(store, settings, tmp_path)
    assert _titles(store, "records", language="en") == ["Harper wins in Calgary"]
    in_january = _titles(
        store, "1000 meter", date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 1, 31)
    )
    assert sorted(in_january) == [
        "Dubbele zege voor Rinsma",
        "Schaatssters rijden baanrecords in Thialf",
    ]
    assert _titles(store, "1000 meter", date_from=dt.date(2026, 1, 15)) == [
        "Dubbele zege voor Rinsma"
    ]
    assert _titles(store, "records", date_to=dt.date(2025, 12, 31)) == ["Harper wins in Calgary"]


def test_stats_count_what_is_stored(store, settings, tmp_path):
    _ingest_rows(store, settings, tmp_path)
    with store.read() as conn:
        counts = reading.stats(conn)
    assert counts["articles"] == 4 and counts["sources"] == 1 and counts["stories"] == 4
    assert counts["language_en"] == 1 and counts["language_nl"] == 3
