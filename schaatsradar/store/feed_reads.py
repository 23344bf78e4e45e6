"""What the Atom feeds need beyond the pages' queries: the articles behind a list of ids with
the times a feed reader cares about (when we stored each one, when the knowledge base took it
in), and the articles about one competition.

Which articles a feed lists is decided by the same queries as the page it mirrors
(`reading.latest`, `reading.search`, `article_refs.articles_about`); this module only fills in
the entries, so the HTML and the Atom of a page cannot list different stories."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select

from schaatsradar.store.knowledge import SHOWN
from schaatsradar.store.models import (
    Article,
    Race,
    RaceResult,
    ReconciledArticle,
    ResultClaim,
    Source,
)
from schaatsradar.store.snippets import snippet

LEAD_WORDS = 40


@dataclass(frozen=True)
class FeedEntry:
    """One article as a feed shows it. `lead` is HTML-safe (escaped) text."""

    id: int
    published: dt.date
    ingested_at: dt.datetime
    reconciled_at: dt.datetime | None
    title: str
    url: str | None
    source: str
    language: str
    demo: bool
    lead: str

    @property
    def changed_at(self) -> dt.datetime:
        """When this entry last changed for a feed: stored, or later linked to skaters and
        races (which can put an old article into a skater's or a competition's feed)."""
        if self.reconciled_at is None:
            return self.ingested_at
        return max(self.ingested_at, self.reconciled_at)


_ENTRIES = (
    select(
        Article.id,
        Article.published,
        Article.ingested_at,
        ReconciledArticle.reconciled_at,
        Article.title,
        Article.url,
        Source.key.label("source"),
        Article.language,
        Article.demo,
        Article.clean_text,
    )
    .join(Source, Source.id == Article.source_id)
    .outerjoin(ReconciledArticle, ReconciledArticle.article_id == Article.id)
    .where(Article.id.in_(bindparam("ids", expanding=True)))
)


def entries(
    conn: Connection, ids: Sequence[int], leads: Mapping[int, str] | None = None
) -> list[FeedEntry]:
    """The articles with these ids, in the order given (ids not stored are left out).

    `leads` are excerpts the page's own query already made (its snippets, search hits
    highlighted); the other entries get the first words of their text."""
    if not ids:
        return []
    leads = leads or {}
    found = {row.id: row for row in conn.execute(_ENTRIES, {"ids": list(ids)})}
    return [
        FeedEntry(
            id=row.id,
            published=row.published,
            ingested_at=row.ingested_at,
            reconciled_at=row.reconciled_at,
            title=row.title,
            url=row.url,
            source=row.source,
            language=row.language,
            demo=row.demo,
            lead=leads[row.id] if row.id in leads else snippet(row.clean_text, set(), LEAD_WORDS),
        )
        for row in (found[i] for i in ids if i in found)
    ]


ABOUT_COMPETITION = (
    select(Article.id)
    .where(
        Article.id.in_(
            select(ResultClaim.article_id)
            .join(RaceResult, RaceResult.id == ResultClaim.result_id)
            .join(Race, Race.id == RaceResult.race_id)
            .where(Race.competition_id == bindparam("competition_id"), SHOWN)
        )
    )
    .order_by(Article.published.desc(), Article.id.desc())
    .limit(bindparam("limit"))
)


def articles_about_competition(conn: Connection, competition_id: int, limit: int = 30) -> list[int]:
    """Ids of the articles with a claim about a result of the competition, newest first."""
    rows = conn.execute(ABOUT_COMPETITION, {"competition_id": competition_id, "limit": limit})
    return [row.id for row in rows]
