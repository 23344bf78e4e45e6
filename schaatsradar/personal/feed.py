"""The personal feed: articles whose facts involve what the reader follows, ranked by how
much happened (a record set > a result > a mention), how fresh it is, and shown once per
news cluster, each with the reasons it is there.

`rank` is pure (matches in, entries out); `personal_feed` fetches the matches for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.store import personal
from schaatsradar.store.personal import Match

IMPORTANCE = {3: 3.0, 2: 2.0, 1: 1.0}  # record set, result, mention
HALF_LIFE_DAYS = 2.0  # a two-day-old record ranks with a fresh result


@dataclass(frozen=True)
class Reason:
    """One followed thing behind an entry: "omdat je Jutta Leerdam volgt"."""

    kind: str  # skater, country, distance, competition
    value: str
    label: str
    weight: int  # what the article says of it: 3 record, 2 result, 1 mention


@dataclass(frozen=True)
class FeedEntry:
    article_id: int
    title: str
    published: dt.date
    url: str | None
    score: float
    sources: int  # articles and copies telling this story
    reasons: tuple[Reason, ...]


def personal_feed(
    conn: Connection, user_id: int, today: dt.date, limit: int = 50
) -> list[FeedEntry]:
    # No date window: a quiet month (the summer) must not leave the page empty; age only
    # lowers the score, and the newest MATCHES are read.
    found = personal.matches(conn, user_id)
    labels = personal.subject_labels(conn, {(m.kind, m.value) for m in found})
    sizes = personal.cluster_sizes(conn, {m.cluster_id for m in found})
    return rank(found, labels, sizes, today, limit)


def rank(
    found: Sequence[Match],
    labels: Mapping[tuple[str, str], str],
    sizes: Mapping[int, int],
    today: dt.date,
    limit: int = 50,
) -> list[FeedEntry]:
    """One entry per cluster (its first-told article stands for it), best first."""
    by_cluster: dict[int, list[Match]] = {}
    for match in found:
        by_cluster.setdefault(match.cluster_id, []).append(match)
    entries = []
    for cluster_id, matches in by_cluster.items():
        lead = min(matches, key=lambda m: (m.published, m.article_id))
        strongest = max(m.weight for m in matches)
        age = max(0, (today - max(m.published for m in matches)).days)
        score = IMPORTANCE.get(strongest, 1.0) * 0.5 ** (age / HALF_LIFE_DAYS)
        score *= 1 + 0.1 * (len({(m.kind, m.value) for m in matches}) - 1)  # more you follow
        reasons: dict[tuple[str, str], Reason] = {}
        for m in sorted(matches, key=lambda m: -m.weight):
            key = (m.kind, m.value)
            if key not in reasons:
                reasons[key] = Reason(m.kind, m.value, label(m.kind, m.value, labels), m.weight)
        entries.append(
            FeedEntry(
                lead.article_id,
                lead.title,
                lead.published,
                lead.url,
                round(score, 6),
                max(1, sizes.get(cluster_id, 1)),
                tuple(sorted(reasons.values(), key=lambda r: (-r.weight, r.label))),
            )
        )
    entries.sort(key=lambda e: (-e.score, -e.published.toordinal(), e.article_id))
    return entries[:limit]


def label(kind: str, value: str, labels: Mapping[tuple[str, str], str]) -> str:
    """What the reader calls a followed thing (English names; the web layer translates)."""
    if (kind, value) in labels:
        return labels[(kind, value)]
    if kind == "country" and value in COUNTRIES:
        return COUNTRIES[value][0]
    if kind == "distance" and value.removesuffix("m").isdigit():
        return f"{value.removesuffix('m')} m"
    return value
