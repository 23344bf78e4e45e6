"""The personal feed's order, as a reader would judge it: a record beats a result beats a
mention, fresh beats old, one story told by five outlets is one entry (saying so), and every
entry says which of the reader's follows brought it."""

from __future__ import annotations

import datetime as dt

from schaatsradar.personal.feed import rank
from schaatsradar.store.personal import Match

TODAY = dt.date(2026, 11, 21)


def match(
    article: int,
    weight: int,
    days_ago: int = 0,
    cluster: int | None = None,
    kind: str = "skater",
    value: str = "1",
) -> Match:
    return Match(
        article,
        cluster or article,
        f"artikel {article}",
        TODAY - dt.timedelta(days=days_ago),
        None,
        kind,
        value,
        weight,
    )


LABELS = {("skater", "1"): "Jutta Leerdam", ("skater", "2"): "Femke Kok"}


def test_a_record_outranks_a_result_outranks_a_mention() -> None:
    entries = rank([match(1, 1), match(2, 3), match(3, 2)], LABELS, {}, TODAY)
    assert [e.article_id for e in entries] == [2, 3, 1]


def test_fresh_news_outranks_old_news_of_the_same_weight() -> None:
    entries = rank([match(1, 2, days_ago=6), match(2, 2, days_ago=0)], LABELS, {}, TODAY)
    assert [e.article_id for e in entries] == [2, 1]
    # ... but a week-old record does not bury today's result
    entries = rank([match(1, 3, days_ago=7), match(2, 2)], LABELS, {}, TODAY)
    assert entries[0].article_id == 2


def test_one_story_from_several_outlets_is_one_entry_led_by_the_first() -> None:
    found = [match(10, 2, cluster=10), match(11, 2, cluster=10), match(12, 2, cluster=10)]
    [entry] = rank(found, LABELS, {10: 5}, TODAY)
    assert entry.article_id == 10 and entry.sources == 5


def test_each_entry_names_the_follows_behind_it_strongest_first() -> None:
    found = [
        match(1, 1, kind="skater", value="2"),
        match(1, 2, kind="skater", value="1"),
        match(1, 2, kind="country", value="NED"),
        match(1, 2, kind="distance", value="1000m"),
    ]
    [entry] = rank(found, LABELS, {}, TODAY)
    assert [r.label for r in entry.reasons] == [
        "1000 m",
        "Jutta Leerdam",
        "Netherlands",
        "Femke Kok",
    ]


def test_the_limit_keeps_the_best() -> None:
    found = [match(n, 1 + n % 3, days_ago=n % 5) for n in range(1, 60)]
    top = rank(found, LABELS, {}, TODAY, limit=10)
    assert len(top) == 10
    assert min(e.score for e in top) >= max(e.score for e in rank(found, LABELS, {}, TODAY)[10:])
