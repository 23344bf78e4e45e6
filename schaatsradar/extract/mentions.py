"""What the pattern finders see in an article, and quick access to the part of it that
lies in one sentence."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from schaatsradar.extract import patterns
from schaatsradar.extract.countries import CountryMention, find_countries
from schaatsradar.extract.names import NameMention, find_skaters
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.venues import VenueMention, find_venues


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


SpanT = TypeVar("SpanT", bound=HasSpan)


@dataclass
class Mentions:
    """Everything the pattern finders saw in the article, by kind."""

    names: list[NameMention]
    countries: list[CountryMention]
    times: list[patterns.TimeMention]
    distances: list[patterns.DistanceMention]
    ranks: list[patterns.RankMention]
    records: list[patterns.RecordMention]
    context: list[patterns.ContextMention]
    venues: list[VenueMention]


def find_mentions(text: str, registry: Registry) -> Mentions:
    def by_start(items: list[SpanT]) -> list[SpanT]:
        return sorted(items, key=lambda item: item.start)

    return Mentions(
        names=by_start(find_skaters(text, registry)),
        countries=by_start(find_countries(text)),
        times=by_start(patterns.find_times(text)),
        distances=by_start(patterns.find_distances(text)),
        ranks=by_start(patterns.find_ranks(text)),
        records=by_start(patterns.find_record_mentions(text)),
        context=by_start(patterns.find_context(text)),
        venues=by_start(find_venues(text, registry)),
    )


def inside(items: Sequence[SpanT], sentence: Sentence) -> list[SpanT]:
    """The items within the sentence; `items` are sorted by start (bisect keeps a long
    article linear instead of scanning every mention for every sentence)."""
    starts = _starts(items)
    low = bisect.bisect_left(starts, sentence.start)
    high = bisect.bisect_left(starts, sentence.end)
    return [i for i in items[low:high] if i.end <= sentence.end]


_start_cache: dict[int, tuple[Sequence[HasSpan], list[int]]] = {}


def _starts(items: Sequence[HasSpan]) -> list[int]:
    cached = _start_cache.get(id(items))
    if cached is None or cached[0] is not items:
        if len(_start_cache) > 64:
            _start_cache.clear()
        cached = _start_cache[id(items)] = (items, [i.start for i in items])
    return cached[1]


LOOK_BACK = 60  # characters before an entity that can govern it


def text_before(text: str, sentence: Sentence, position: int) -> str:
    return text[max(sentence.start, position - LOOK_BACK) : position]
