"""Facets of a search: which skaters, distances, competitions and months the hits are about,
with counts, and narrowing the hits to a chosen value of each. Pure: the topics of each hit
come from `store.site.article_topics`."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from schaatsradar.knowledge.views import distance_order
from schaatsradar.store.reading import ArticleSummary
from schaatsradar.store.site import ArticleTopics

SHOWN_PER_FACET = 8


@dataclass(frozen=True)
class FacetFilters:
    skater: str | None = None
    distance: str | None = None
    competition: int | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.skater, self.distance, self.competition))


def apply_facets(
    hits: Sequence[ArticleSummary], topics: dict[int, ArticleTopics], chosen: FacetFilters
) -> list[ArticleSummary]:
    def keeps(hit: ArticleSummary) -> bool:
        about = topics.get(hit.id, ArticleTopics())
        return (
            (chosen.skater is None or chosen.skater in about.skaters)
            and (chosen.distance is None or chosen.distance in about.distances)
            and (
                chosen.competition is None
                or any(c == chosen.competition for c, _name in about.competitions)
            )
        )

    return [hit for hit in hits if keeps(hit)]


@dataclass(frozen=True)
class Month:
    first: dt.date

    @property
    def last(self) -> dt.date:
        days = calendar.monthrange(self.first.year, self.first.month)[1]
        return self.first.replace(day=days)


def facets(hits: Sequence[ArticleSummary], topics: dict[int, ArticleTopics]) -> dict[str, Any]:
    """Each facet's values with the number of hits about them, most frequent first (months
    newest first, distances in programme order)."""
    skaters: Counter[str] = Counter()
    distances: Counter[str] = Counter()
    competitions: Counter[tuple[int, str]] = Counter()
    months: Counter[dt.date] = Counter()
    for hit in hits:
        about = topics.get(hit.id, ArticleTopics())
        skaters.update(about.skaters)
        distances.update(about.distances)
        competitions.update(about.competitions)
        months[hit.published.replace(day=1)] += 1
    return {
        "skaters": _top(skaters),
        "distances": sorted(_top(distances), key=lambda item: distance_order(item[0])),
        "competitions": _top(competitions),
        "months": [(Month(first), n) for first, n in sorted(months.items(), reverse=True)],
    }


def _top(counts: Counter[Any]) -> list[tuple[Any, int]]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    return ranked[:SHOWN_PER_FACET]
