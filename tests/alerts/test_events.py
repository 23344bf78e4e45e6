"""Events as the knowledge base makes them: what an article is about (from its facts, not its
words), one article.published per news cluster, one result.recorded per result however many
outlets report it, race.upcoming the day before a meet to followers of its field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from schaatsradar.extract.registry import norm_name
from schaatsradar.knowledge.book import load_reference, reconcile_pending
from schaatsradar.knowledge.events import announce_upcoming
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.models import ArticleSubject, Event
from tests.alerts.readers import add_channel, add_reader, deliveries, follow, follow_skater
from tests.conftest import NOW, run_ingest, seed_file

RACE = "Jutta Leerdam won de 1000 meter in Heerenveen in 1.13,01. Femke Kok werd tweede in 1.13,40."
NAME_ONLY = "Joy Beune gaf een clinic voor de jeugd in Heerenveen en sprak over haar seizoen."
HAMAR = "Jutta Leerdam won zondag de 1000 meter bij de wereldbeker in Hamar in 1.13,20."


@pytest.fixture
def kb_store(store: Store, settings: Settings) -> Store:
    with store.write() as conn:
        load_reference(conn)
    return store


@pytest.fixture
def extracting(settings: Settings) -> Settings:
    return settings.model_copy(update={"extract_on_ingest": True})


def publish(store: Store, settings: Settings, path: Path, date: str, body: str, now=NOW) -> None:
    seed_file(path.parent, path.name, date, body)
    report = run_ingest(store, settings, path)
    assert not report.rejected
    reconcile_pending(store, now)


def skater(store: Store, name: str) -> int:
    with store.read() as conn:
        found = kb.skater_by_key(conn, norm_name(name))
    assert found is not None
    return found.id


def subjects(store: Store) -> dict[tuple[str, str], int]:
    with store.read() as conn:
        rows = conn.execute(
            select(ArticleSubject.kind, ArticleSubject.value, ArticleSubject.weight)
        )
        found: dict[tuple[str, str], int] = {}
        for kind, value, weight in rows:
            found[(kind, value)] = max(weight, found.get((kind, value), 0))
        return found


def events(store: Store) -> list[tuple[str, str]]:
    with store.read() as conn:
        return sorted(conn.execute(select(Event.kind, Event.key)).all())  # type: ignore[arg-type]


def test_an_article_is_about_the_facts_it_holds(
    kb_store: Store, extracting: Settings, tmp_path: Path
) -> None:
    publish(kb_store, extracting, tmp_path / "nos" / "race.txt", "2026-11-20", RACE)
    about = subjects(kb_store)
    leerdam, kok = skater(kb_store, "Jutta Leerdam"), skater(kb_store, "Femke Kok")
    assert about[("skater", str(leerdam))] == 2  # a result
    assert about[("skater", str(kok))] == 2
    assert about[("country", "NED")] == 2
    assert about[("distance", "1000m")] == 2
    assert any(kind == "competition" for kind, _ in about)


def test_a_name_in_passing_is_a_mention_not_a_result(
    kb_store: Store, extracting: Settings, tmp_path: Path
) -> None:
    publish(kb_store, extracting, tmp_path / "nos" / "clinic.txt", "2026-11-20", NAME_ONLY)
    about = subjects(kb_store)
    assert about.get(("skater", str(skater(kb_store, "Joy Beune")))) == 1
    assert not any(kind == "distance" for kind, _ in about)


def test_one_story_from_two_outlets_is_one_event_of_each_kind(
    kb_store: Store, extracting: Settings, tmp_path: Path
) -> None:
    publish(kb_store, extracting, tmp_path / "nos" / "race.txt", "2026-11-20", RACE)
    first = events(kb_store)
    publish(kb_store, extracting, tmp_path / "ad" / "race.txt", "2026-11-20", RACE + " Knap.")
    assert events(kb_store) == first
    kinds = [kind for kind, _ in first]
    assert kinds.count("article.published") == 1
    assert kinds.count("result.recorded") == 2  # Leerdam's and Kok's


def test_the_day_before_a_meet_its_field_and_its_followers_hear_of_it(
    kb_store: Store, extracting: Settings, tmp_path: Path
) -> None:
    hamar_day = dt.datetime(2025, 12, 14, 18, 0)
    publish(kb_store, extracting, tmp_path / "nos" / "hamar.txt", "2025-12-14", HAMAR, hamar_day)
    leerdam_fan = add_reader(kb_store, "fan@example.org")
    follow_skater(kb_store, leerdam_fan, "Jutta Leerdam")
    add_channel(kb_store, leerdam_fan, "webhook", "http://127.0.0.1:9/a")
    meet_fan = add_reader(kb_store, "inzell@example.org")
    with kb_store.read() as conn:
        [inzell] = [
            c for c in kb.competitions_between(conn, dt.date(2026, 1, 23), dt.date(2026, 1, 23))
        ]
    follow(kb_store, meet_fan, "competition", str(inzell.id))
    add_channel(kb_store, meet_fan, "webhook", "http://127.0.0.1:9/b")
    nobody = add_reader(kb_store, "other@example.org")
    follow_skater(kb_store, nobody, "Joy Beune")
    add_channel(kb_store, nobody, "webhook", "http://127.0.0.1:9/c")

    the_day_before = dt.datetime(2026, 1, 22, 9, 0)
    with kb_store.write(changes_content=False) as conn:
        assert announce_upcoming(conn, the_day_before, dt.date(2026, 1, 23)) == 1
    with kb_store.write(changes_content=False) as conn:  # an hour later: not again
        assert announce_upcoming(conn, the_day_before, dt.date(2026, 1, 23)) == 0
    assert sorted(d.user_id for d in deliveries(kb_store)) == sorted([leerdam_fan, meet_fan])


def test_a_reader_who_follows_the_skater_and_her_country_is_alerted_once(
    kb_store: Store, extracting: Settings, tmp_path: Path
) -> None:
    fan = add_reader(kb_store, "fan@example.org")
    follow_skater(kb_store, fan, "Jutta Leerdam")
    follow(kb_store, fan, "country", "NED")
    follow(kb_store, fan, "distance", "1000m")
    add_channel(kb_store, fan, "webhook", "http://127.0.0.1:9/a")
    add_channel(kb_store, fan, "email", "fan@example.org")
    publish(kb_store, extracting, tmp_path / "nos" / "race.txt", "2026-11-20", RACE)
    per_event_channel = [(d.event_id, d.channel_id) for d in deliveries(kb_store)]
    assert len(per_event_channel) == len(set(per_event_channel))
    # Leerdam's result, Kok's (NED, 1000m) and the article: three events, two channels each.
    assert len(per_event_channel) == 3 * 2
