"""Domain events from what the knowledge base just took in, recorded and fanned out to the
followers in the same transaction (so an alert exists exactly when its fact does).

- `article.published`: once per news cluster (the first article of a cluster; the same wire
  story on another site is no new event), about the skaters, countries, distances and
  competitions its facts involve;
- `result.recorded`: once per knowledge-base result, however many outlets report it;
- `record.set`: once per record made current.

Only news of the last `FRESH_FOR` makes events: loading an archive must not wake every
follower with years-old results, and recording events nobody will be sent tripled the cost
of reconciling an archive. What an article is about is recorded either way (the feed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from schaatsradar.extract.registry import norm_name
from schaatsradar.extract.types import format_time
from schaatsradar.store import Store, events, result_memo
from schaatsradar.store import knowledge as kb
from schaatsradar.store.article_refs import ArticleRef
from schaatsradar.store.event_kinds import EVENT_BITS
from schaatsradar.store.events import Subject
from schaatsradar.store.knowledge import ResultView

FRESH_FOR = dt.timedelta(days=3)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MENTION, RESULT, RECORD = 1, 2, 3  # how much a fact weighs in the personal feed


def announce_article(
    conn: Connection,
    article: ArticleRef,
    facts: Mapping[str, Any],
    result_ids: Iterable[int],
    record_ids: Iterable[int],
    now: dt.datetime,
) -> None:
    """What the article is about, and the events its facts make."""
    alert = article.published >= now.date() - FRESH_FOR
    subjects: dict[Subject, int] = {}
    for skater in _mentioned(conn, facts):
        _weigh(subjects, _skater_subjects(skater.id, skater.country), MENTION)
    result_ids = list(result_ids)
    found = result_memo.result_views(conn, result_ids)  # nothing below changes a result
    for result_id in result_ids:
        result = found.get(result_id)
        if result is not None:
            # A result held back (unconfirmed, in conflict) is a mention until it is shown.
            _weigh(subjects, result_subjects(result), MENTION if result.held else RESULT)
            if alert:
                announce_result(conn, result, now, alert)
    for record_id in record_ids:
        if alert:
            _weigh(subjects, announce_record(conn, record_id, now, alert), RECORD)
        else:
            _weigh(subjects, record_subjects(conn, record_id), RECORD)
    events.save_subjects(conn, article.id, subjects)
    if article.id != article.cluster_id or not subjects or not alert:
        return
    payload = {
        "article": {
            "id": article.id,
            "title": article.title,
            "published": article.published.isoformat(),
            "url": f"/artikel/{article.id}",
            "source_url": article.url,
            "outcome": max(subjects.values()) > MENTION,
        },
        "skaters": _skater_names(conn, subjects),
    }
    _record(
        conn, "article.published", f"cluster:{article.cluster_id}", payload, subjects, now, alert
    )


def announce_facts(
    conn: Connection, result_ids: Iterable[int], record_ids: Iterable[int], now: dt.datetime
) -> None:
    """Results and records no article brought (an official list): announced as they come,
    unless the race was longer ago than `FRESH_FOR` (an old list being filled in)."""
    for result_id in result_ids:
        result = result_memo.result_view(conn, result_id)
        if result is not None:
            day = result.race_date or result.start_date or now.date()
            announce_result(conn, result, now, day >= now.date() - FRESH_FOR)
    for record_id in record_ids:
        record = events.record_by_id(conn, record_id)
        fresh = record is not None and (record.set_on or now.date()) >= now.date() - FRESH_FOR
        announce_record(conn, record_id, now, fresh)


def announce_result(conn: Connection, result: ResultView, now: dt.datetime, alert: bool) -> None:
    """`result.recorded`, once per result (its event key): not while the result is held back
    (a candidate, a conflict), and when it is shown later, then."""
    if result.held is not None or (result.skater_id is None and result.team is None):
        return
    skater = events.skaters_by_id(conn, [result.skater_id] if result.skater_id else [])
    row = skater.get(result.skater_id) if result.skater_id else None
    payload = {
        "result": {
            "id": result.id,
            "rank": result.rank,
            "time": format_time(result.seconds) if result.seconds is not None else None,
            "seconds": result.seconds,
        },
        "skater": _skater_json(row) if row is not None else None,
        "team": result.team,
        "race": {
            "distance": result.distance,
            "gender": result.gender,
            "date": (result.race_date or result.start_date or now.date()).isoformat(),
        },
        "competition": {
            "id": result.competition_id,
            "name": result.competition,
            "city": result.city,
            "url": f"/wedstrijden/{result.competition_id}",
        },
    }
    _record(
        conn, "result.recorded", f"result:{result.id}", payload, result_subjects(result), now, alert
    )


def announce_record(
    conn: Connection, record_id: int, now: dt.datetime, alert: bool
) -> list[Subject]:
    """The record.set event; the subjects it is about (for the article's weights)."""
    record = events.record_by_id(conn, record_id)
    if record is None or record.status != "current":
        return []
    subjects: list[Subject] = [("distance", record.distance)]
    skater = None
    if record.skater_id is not None:
        skater = events.skaters_by_id(conn, [record.skater_id]).get(record.skater_id)
        subjects += _skater_subjects(record.skater_id, record.holder_country)
    elif record.holder_country:
        subjects.append(("country", record.holder_country))
    payload = {
        "record": {
            "id": record.id,
            "kind": record.kind,
            "scope": record.scope,
            "distance": record.distance,
            "gender": record.gender,
            "time": format_time(record.seconds) if record.seconds is not None else None,
            "seconds": record.seconds,
            "venue": record.venue,
            "set_on": record.set_on.isoformat() if record.set_on else None,
            "holder": record.holder,
        },
        "skater": _skater_json(skater) if skater is not None else None,
    }
    _record(conn, "record.set", f"record:{record.id}", payload, subjects, now, alert)
    return subjects


def record_subjects(conn: Connection, record_id: int) -> list[Subject]:
    record = events.record_by_id(conn, record_id)
    if record is None or record.status != "current":
        return []
    found: list[Subject] = [("distance", record.distance)]
    if record.skater_id is not None:
        found += _skater_subjects(record.skater_id, record.holder_country)
    elif record.holder_country:
        found.append(("country", record.holder_country))
    return found


def result_subjects(result: ResultView) -> list[Subject]:
    found: list[Subject] = [
        ("distance", result.distance),
        ("competition", str(result.competition_id)),
    ]
    if result.skater_id is not None:
        found += _skater_subjects(result.skater_id, result.country)
    elif result.team:
        found.append(("country", result.team))
    return found


def _record(
    conn: Connection,
    kind: str,
    key: str,
    data: dict[str, Any],
    subjects: Iterable[Subject],
    now: dt.datetime,
    alert: bool,
) -> None:
    chosen = sorted(set(subjects))
    payload = {"type": kind, "timestamp": now.isoformat(), "data": data}
    event_id = events.record_event(conn, kind, key, payload, chosen, now)
    if event_id is not None and alert:
        events.fan_out(conn, event_id, EVENT_BITS[kind], chosen, now)


def _mentioned(conn: Connection, facts: Mapping[str, Any]) -> list[kb.SkaterRow]:
    found = []
    for athlete in facts.get("athletes", []):
        if not athlete.get("known"):
            continue
        skater = kb.skater_by_key(conn, norm_name(athlete["name"]))
        if skater is not None:
            found.append(skater)
    return found


def _skater_subjects(skater_id: int, country: str | None) -> list[Subject]:
    subjects: list[Subject] = [("skater", str(skater_id))]
    if country:
        subjects.append(("country", country))
    return subjects


def _weigh(subjects: dict[Subject, int], found: Iterable[Subject], weight: int) -> None:
    for subject in found:
        subjects[subject] = max(weight, subjects.get(subject, 0))


def _skater_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "slug": row.slug,
        "name": row.name,
        "country": row.country,
        "gender": row.gender,
        "url": f"/schaatsers/{row.slug}",
    }


def _skater_names(conn: Connection, subjects: Mapping[Subject, int]) -> list[dict[str, Any]]:
    ids = [int(value) for kind, value in subjects if kind == "skater"]
    rows = events.skaters_by_id(conn, ids)
    return [_skater_json(rows[i]) for i in sorted(rows)]


def announce_upcoming(conn: Connection, now: dt.datetime, tomorrow: dt.date) -> int:
    """`race.upcoming` for every meet starting `tomorrow` (the reader's day after today), to
    the followers of the meet and of the skaters who race at its level. Run as often as you
    like: the event key makes it once per meet. How many meets were announced anew."""
    announced = 0
    for meet in events.competitions_starting(conn, tomorrow):
        since = tomorrow - dt.timedelta(days=365)
        field = events.skaters_racing_at(conn, meet.level, since) if meet.level else []
        subjects: list[Subject] = [("competition", str(meet.id))]
        subjects += [("skater", str(skater_id)) for skater_id in field]
        named = events.skaters_by_id(conn, field)
        payload = {
            "competition": {
                "id": meet.id,
                "name": meet.name,
                "city": meet.city,
                "level": meet.level,
                "start": tomorrow.isoformat(),
                "url": f"/wedstrijden/{meet.id}",
            },
            "skaters": [_skater_json(named[i]) for i in sorted(named)],
        }
        kind = "race.upcoming"
        event_payload = {"type": kind, "timestamp": now.isoformat(), "data": payload}
        event_id = events.record_event(
            conn, kind, f"upcoming:{meet.id}", event_payload, subjects, now
        )
        if event_id is not None:
            events.fan_out(conn, event_id, EVENT_BITS[kind], subjects, now)
            announced += 1
    return announced


def upcoming_chore(store: Store, now: dt.datetime) -> None:
    """The worker's hourly job: `race.upcoming` for the meets starting tomorrow (Dutch time)."""
    local_today = now.replace(tzinfo=dt.UTC).astimezone(AMSTERDAM).date()
    with store.write(changes_content=False) as conn:
        announce_upcoming(conn, now, local_today + dt.timedelta(days=1))
