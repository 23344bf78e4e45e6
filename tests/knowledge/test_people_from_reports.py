"""People from a report, end to end (ingest, extraction, reconciling) on the test database:
a title before a name ("Wereldkampioene", "Olympisch kampioen", "Titelverdedigster") is no
part of it, so no second copy of a skater is made; the facts one article gives about one
skater in one race (a time in one sentence, the win in another) are one result with all its
parts, none dropped. Our own article."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from schaatsradar.knowledge.statements import statements
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from tests.knowledge.reconciling import ingest_and_reconcile, load_reference_data, write_articles

REPORT = (
    "Wereldkampioene Anna Voorbeeld heeft zaterdag in Inzell de 1000 meter gewonnen in "
    "1.14,20. Olympisch kampioen Bram Proefrijder won bij de mannen de 1500 meter in 1.44,10. "
    "Titelverdedigster Cora Test werd tweede op de 1000 meter in 1.14,55.\n\n"
    "Anna Voorbeeld was blij met haar zege op de kilometer."
)


def test_title_words_make_no_second_skater_and_one_skaters_facts_are_one_result(
    store: Store, settings: Settings, tmp_path: Path, every_fact_confident: None
) -> None:
    load_reference_data(store)
    ingest_and_reconcile(
        store,
        settings.model_copy(update={"extract_on_ingest": True}),
        write_articles(tmp_path, [("regiokrant", "2026-01-10", REPORT)]),
    )
    with store.read() as conn:
        names = set(conn.execute(text("SELECT name FROM skaters")).scalars())
        shown = [r for r in kb.results(conn) if r.athlete == "Anna Voorbeeld"]
    assert {"Anna Voorbeeld", "Bram Proefrijder", "Cora Test"} <= names
    assert not [n for n in names if "kampioen" in n.casefold() or "titel" in n.casefold()]
    [anna] = shown
    assert (anna.distance, anna.seconds, anna.rank) == ("1000m", 74.2, 1)


def test_a_skater_has_one_gender_in_an_article_and_teams_keep_theirs() -> None:
    said = [
        {"athlete": "Dora Snel", "distance": "1500m", "gender": "women", "seconds": 115.2},
        {"athlete": "Dora Snel", "distance": "1500m", "gender": "men", "seconds": None, "rank": 1},
        {"athlete": "Eef Gelijk", "distance": "500m", "gender": "men", "seconds": None},
        {"athlete": "Eef Gelijk", "distance": "500m", "gender": "women", "seconds": None},
        {"athlete": "Norway", "distance": "team pursuit", "gender": "men", "seconds": 220.1},
        {"athlete": "Norway", "distance": "team pursuit", "gender": "women", "seconds": 179.3},
    ]
    made = statements({"results": said, "records": []})
    assert {s.fact["gender"] for s in made if s.fact["athlete"] == "Dora Snel"} == {"women"}
    [dora] = [s.fact for s in made if s.fact["athlete"] == "Dora Snel"]
    assert (dora["seconds"], dora["rank"]) == (115.2, 1)  # one result with all its parts
    assert {s.fact["gender"] for s in made if s.fact["athlete"] == "Eef Gelijk"} == {"men"}
    teams = sorted(s.fact["gender"] for s in made if s.fact["athlete"] == "Norway")
    assert teams == ["men", "women"]
