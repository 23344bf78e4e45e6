"""What a reader follows, matched against what articles are about (`article_subjects`): the
rows the personal feed is ranked from. Matching is on facts, never on the article's words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from schaatsradar.store.models import (
    Article,
    ArticleAlias,
    ArticleSubject,
    Competition,
    Follow,
    Skater,
)


@dataclass(frozen=True)
class Match:
    """One followed thing an article's facts involve."""

    article_id: int
    cluster_id: int
    title: str
    published: dt.date
    url: str | None
    kind: str
    value: str
    weight: int


def matches(
    conn: Connection, user_id: int, since: dt.date | None = None, limit: int = 2000
) -> list[Match]:
    """The newest `limit` (article, followed subject) pairs (published on or after `since`)."""
    query = (
        select(
            Article.id,
            Article.cluster_id,
            Article.title,
            Article.published,
            Article.url,
            ArticleSubject.kind,
            ArticleSubject.value,
            ArticleSubject.weight,
        )
        .select_from(Follow)
        .join(
            ArticleSubject,
            (ArticleSubject.kind == Follow.kind) & (ArticleSubject.value == Follow.value),
        )
        .join(Article, Article.id == ArticleSubject.article_id)
        .where(Follow.user_id == user_id)
        .order_by(Article.published.desc(), Article.id.desc())
        .limit(limit)
    )
    if since is not None:
        query = query.where(Article.published >= since)
    return [Match(*row) for row in conn.execute(query)]


def cluster_sizes(conn: Connection, cluster_ids: Iterable[int]) -> dict[int, int]:
    """How many sources told each story: the cluster's articles and the copies skipped."""
    wanted = sorted(set(cluster_ids))
    if not wanted:
        return {}
    sizes = dict.fromkeys(wanted, 0)
    for cluster_id, count in conn.execute(
        select(Article.cluster_id, func.count())
        .where(Article.cluster_id.in_(wanted))
        .group_by(Article.cluster_id)
    ):
        sizes[cluster_id] += count
    for cluster_id, count in conn.execute(
        select(Article.cluster_id, func.count(ArticleAlias.id))
        .join(ArticleAlias, ArticleAlias.article_id == Article.id)
        .where(Article.cluster_id.in_(wanted))
        .group_by(Article.cluster_id)
    ):
        sizes[cluster_id] += count
    return sizes


def subject_slugs(
    conn: Connection, subjects: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """Slugs of followed skaters and competitions, as the API's lists show them."""
    wanted = set(subjects)
    slugs: dict[tuple[str, str], str] = {}
    for kind, model in (("skater", Skater), ("competition", Competition)):
        ids = [int(v) for k, v in wanted if k == kind and v.isdigit()]
        if ids:
            for row_id, slug in conn.execute(select(model.id, model.slug).where(model.id.in_(ids))):
                slugs[(kind, str(row_id))] = slug
    return slugs


def subject_labels(
    conn: Connection, subjects: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """Names for followed skaters and competitions (countries and distances name themselves)."""
    wanted = set(subjects)
    skater_ids = [int(v) for k, v in wanted if k == "skater" and v.isdigit()]
    meet_ids = [int(v) for k, v in wanted if k == "competition" and v.isdigit()]
    labels: dict[tuple[str, str], str] = {}
    if skater_ids:
        for skater_id, name in conn.execute(
            select(Skater.id, Skater.name).where(Skater.id.in_(skater_ids))
        ):
            labels[("skater", str(skater_id))] = name
    if meet_ids:
        for meet_id, name in conn.execute(
            select(Competition.id, Competition.name).where(Competition.id.in_(meet_ids))
        ):
            labels[("competition", str(meet_id))] = name
    return labels
