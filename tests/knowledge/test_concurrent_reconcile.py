"""Two ingests at once (issue 14: each input can only fail itself). Each `schaatsradar ingest`
stores its articles, then reconciles what is pending; on PostgreSQL two of them used to make
the same new skater, meet or result in two transactions and one died on a unique key. Both
must succeed, every fact must be taken in, and the knowledge base must be the one that
running them one after the other makes.

Generated articles: two publishers' sets of reports of the same races (two meets no calendar
knows, so the news makes them; twelve skaters no registry knows), each race told in other
words by several articles of each set. Each ingest runs in a thread with its own `Store`
(its own connections), as two processes would. The knowledge is compared by name, not by
row id: which of two writers makes a row first decides its id, and nothing else."""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from schaatsradar.knowledge.book import load_reference, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store, article_refs
from tests.conftest import NOW, _reset_postgres, run_ingest, seed_file
from tests.knowledge.reconciling import KNOWLEDGE_TABLES

WOMEN = (
    "Tjitske Wolkenveld",
    "Anouk Ijsbreker",
    "Femke Dooievaart",
    "Rixt Klapschaats",
    "Jildou Rijpwetering",
    "Marrit Oudedijk",
)
MEN = (
    "Sjoerd Kromhout",
    "Wybren Nijlandsma",
    "Hidde Bouwmeester",
    "Taeke Vlasbloem",
    "Oebele Stroobos",
    "Gerlof Zevenhuizen",
)
# (how the text names it, rink, city, race day): after the bundled calendar's season, so the
# news makes each meet.
MEETS = (
    ("het NK afstanden", "Thialf", "Heerenveen", dt.date(2026, 11, 7)),
    ("de wereldbeker", "Vikingskipet", "Hamar", dt.date(2026, 11, 14)),
)
DISTANCES = {"500": 38.0, "1000": 75.5, "1500": 115.2}
FILLER = (
    "De ploegleiders waren tevreden over het ijs.",
    "Het publiek zag een spannende strijd.",
    "De trainer sprak van een goede start van het seizoen.",
    "Het ijs was hard en snel.",
    "De volgende wedstrijd volgt over een week.",
    "Op de tribune zaten veel supporters uit Friesland.",
    "Na afloop was er een huldiging bij de baan.",
    "De wind speelde binnen geen rol.",
    "Volgende maand staat een nieuwe wedstrijd op het programma.",
)
Race = tuple[tuple[str, str, str, dt.date], str, str, tuple[str, ...], tuple[float, ...]]


def _clock(seconds: float) -> str:
    minutes, hundredths = divmod(round(seconds * 100), 6000)
    whole = f"{hundredths // 100:02d}" if minutes else f"{hundredths // 100}"
    return (
        f"{minutes}.{whole},{hundredths % 100:02d}"
        if minutes
        else f"{whole},{hundredths % 100:02d}"
    )


def _races() -> list[Race]:
    """Twelve races, each with its podium: every skater in several of them."""
    races = []
    for m, meet in enumerate(MEETS):
        for d, (distance, base) in enumerate(DISTANCES.items()):
            for g, (names, word, slower) in enumerate(
                ((WOMEN, "Schaatsster", 3.0), (MEN, "Schaatser", 0.0))
            ):
                turn = (m + d + g) % len(names)
                podium = (names[turn:] + names[:turn])[:3]
                times = tuple(round(base + slower + 0.37 * i + 0.05 * m, 2) for i in range(3))
                races.append((meet, distance, word, podium, times))
    return races


def _report(race: Race, words: int, rng: random.Random) -> tuple[str, str]:
    """(published, text) of one report of `race` in the `words`th of three wordings. Each
    says whether it is the women's or the men's race ("schaatsster"): a skater only the news
    knows takes the gender of the first report that names them, whichever that is."""
    (meet, rink, city, day), distance, word, (first, second, third), times = race
    one, two, three = (_clock(t) for t in times)
    lede = (
        f"{word} {first} won zaterdag in {rink} de {distance} meter van {meet} in {one}. "
        f"{second} werd tweede in {two}, {third} derde in {three}.",
        f"{word} {first} was zaterdag bij {meet} in {city} de snelste op de {distance} "
        f"meter: {one}. {second} reed {two} en werd tweede.",
        f"{word} {first} won op {meet} in {city} zaterdag de {distance} meter in {one}, voor "
        f"{second} ({two}) en {third} ({three}).",
    )[words % 3]
    rest = " ".join(rng.sample(FILLER, 3))
    published = (day + dt.timedelta(days=1)).isoformat()
    return published, f"{lede}\n\n{rest} Verslag {words} over {first.split()[1]}."


def _articles(folder: Path, side: int) -> Path:
    """Two reports of every race, in other words than the other side's, by three publishers
    of this side's own."""
    rng = random.Random(side)
    number = 0
    for race in _races():
        for copy in range(2):
            published, body = _report(race, copy + side, rng)
            seed_file(
                folder / f"{number:03d}-bron{side}{number % 3}", "article.txt", published, body
            )
            number += 1
    return folder


def _fresh(url: str) -> Store:
    """The database emptied, migrated, with the reference data, as `schaatsradar ingest`
    opens it."""
    if not url.startswith("sqlite"):
        _reset_postgres(url)
    store = Store(url)
    store.upgrade()
    with store.write() as conn:
        load_reference(conn)
    return store


def _ingest(url: str, settings: Settings, folder: Path, together: threading.Barrier | None) -> None:
    """What one `schaatsradar ingest` does, in its own `Store`: ingest, then reconcile what
    is pending (in small batches: more transactions to cross the other's)."""
    store = Store(url)
    try:
        if together:
            together.wait()
        report = run_ingest(store, settings, folder)
        assert report.new == len(_races()) * 2 and not report.rejected, report
        if together:
            together.wait()  # both reconcile at once
        reconcile_pending(store, NOW, batch=3)
    finally:
        store.close()


def _at_once(*runs: Callable[[], None]) -> list[BaseException]:
    failures: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        try:
            job()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=run, args=(job,)) for job in runs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return failures


def _by_name(store: Store) -> dict[str, Any]:
    """The knowledge base with every row id replaced by what the row is (a skater's slug, a
    meet's slug, an article's text hash, a race's meet, distance, gender and day, ...)."""
    tables = (*KNOWLEDGE_TABLES, "article_subjects", "reconciled_articles", "articles")
    with store.read() as conn:
        rows = {
            name: [dict(row._mapping) for row in conn.execute(text(f'SELECT * FROM "{name}"'))]
            for name in tables
        }
        events = Counter(kind for (kind,) in conn.execute(text("SELECT kind FROM events")))
    article = {r["id"]: r["text_hash"] for r in rows["articles"]}
    skater = {r["id"]: r["slug"] for r in rows["skaters"]}
    meet = {r["id"]: r["slug"] for r in rows["competitions"]}
    race = {
        r["id"]: (meet[r["competition_id"]], r["distance"], r["gender"], r["day_key"])
        for r in rows["races"]
    }

    def athlete(key: str) -> str:
        kind, _, value = key.partition(":")
        return skater[int(value)] if kind == "s" else key

    def source(key: str) -> str:
        kind, _, value = key.partition(":")
        number, hash_, more = value.partition("#")
        if kind in ("article", "cluster") and number.isdigit():
            return f"{kind}:{article[int(number)]}{hash_}{more}"
        return key

    result = {r["id"]: (race[r["race_id"]], athlete(r["athlete_key"])) for r in rows["results"]}
    record = {
        r["id"]: (r["kind"], r["scope"], r["distance"], r["gender"], r["seconds"], r["origin"])
        for r in rows["records"]
    }
    ids: dict[str, Callable[[Any], Any]] = {
        "skater_id": skater.get,
        "merged_into": skater.get,
        "competition_id": meet.get,
        "race_id": race.get,
        "result_id": result.get,
        "article_id": article.get,
        "superseded_by": record.get,
        "disputes": record.get,
        "athlete_key": athlete,
        "source_key": source,
        "cluster": source,
    }

    def named(table: str, row: dict[str, Any]) -> tuple[str, ...]:
        if table == "article_subjects" and row["kind"] in ("skater", "competition"):
            lookup = skater if row["kind"] == "skater" else meet
            row = {**row, "value": lookup[int(row["value"])]}
        return tuple(
            f"{column}={ids[column](value) if column in ids and value is not None else value!r}"
            for column, value in sorted(row.items())
            if column != "id" and not (table == "articles" and column not in ("text_hash",))
        )

    dump: dict[str, Any] = {
        table: sorted(named(table, row) for row in table_rows) for table, table_rows in rows.items()
    }
    dump["events"] = sorted(events.items())
    return dump


def test_two_ingests_at_once_take_in_every_fact_as_one_after_the_other_does(
    tmp_path: Path, database_url: str, settings: Settings
) -> None:
    first, second = _articles(tmp_path / "een", 0), _articles(tmp_path / "twee", 1)
    settings = settings.model_copy(update={"extract_on_ingest": True})

    store = _fresh(database_url)
    together = threading.Barrier(2, timeout=120)
    failures = _at_once(
        lambda: _ingest(database_url, settings, first, together),
        lambda: _ingest(database_url, settings, second, together),
    )
    assert failures == [], f"an ingest failed: {failures[0]!r}"
    with store.read() as conn:
        assert article_refs.pending_facts(conn, 10) == [], "facts wait for a later reconcile"
    at_once = _by_name(store)
    store.close()

    if database_url.startswith("sqlite"):
        database_url = f"sqlite:///{tmp_path / 'one-after-the-other.db'}"
    store = _fresh(database_url)
    _ingest(database_url, settings, first, None)
    _ingest(database_url, settings, second, None)
    one_after_the_other = _by_name(store)
    store.close()

    # What the articles make is there: 12 new skaters, 2 meets of the news, 12 races of
    # 3 results each (a second place only in one wording), 48 articles taken in.
    names = {f"name={name!r}" for name in (*WOMEN, *MEN)}
    ours = [s for s in one_after_the_other["skaters"] if names & set(s)]
    assert len(ours) == 12 and not [s for s in ours if "gender=None" in s]
    assert sum("origin='news'" in m for m in one_after_the_other["competitions"]) == 2
    assert len(one_after_the_other["results"]) == 36
    assert len(one_after_the_other["reconciled_articles"]) == 48
    for table, rows in one_after_the_other.items():
        only_at_once = sorted(set(at_once[table]) - set(rows))
        only_one_by_one = sorted(set(rows) - set(at_once[table]))
        assert at_once[table] == rows, f"{table}: {only_at_once} instead of {only_one_by_one}"


def test_two_commands_opening_a_new_database_at_once_load_the_reference_data_once(
    tmp_path: Path, database_url: str
) -> None:
    """Every command (`ingest`, `serve`, `worker`, ...) loads the bundled skaters, rinks,
    meets and records when it opens the database; two started together on a new one must
    both start, and store each row once."""
    store = Store(database_url)
    store.upgrade()
    together = threading.Barrier(2, timeout=120)

    def open_database() -> None:
        own = Store(database_url)
        try:
            together.wait()
            with own.write() as conn:
                load_reference(conn)
        finally:
            own.close()

    failures = _at_once(open_database, open_database)
    assert failures == [], f"a command failed to open the database: {failures[0]!r}"
    twice = _by_name(store)
    store.close()

    if database_url.startswith("sqlite"):
        database_url = f"sqlite:///{tmp_path / 'once.db'}"
    store = _fresh(database_url)
    once = _by_name(store)
    store.close()
    assert len(once["skaters"]) > 100 and once["records"]
    assert twice == once
