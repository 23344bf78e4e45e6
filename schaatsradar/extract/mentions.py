"""What the pattern finders see in an article, and quick access to the part of it that
lies in one sentence."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from schaatsradar.extract import patterns
from schaatsradar.extract.countries import CountryMention, find_countries
from schaatsradar.extract.names import NameMention, find_skaters
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import HasSpan
from schaatsradar.extract.venues import VenueMention, find_venues

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


def find_mentions(text: str, registry: Registry, prose: str | None = None) -> Mentions:
    """Names in all of `text`; the facts around them only in `prose` (the text with run-on
    pieces blanked, see `sentences.prose_only`)."""

    def by_start(items: list[SpanT]) -> list[SpanT]:
        return ByStart(sorted(items, key=lambda item: item.start))

    facts = text if prose is None else prose
    return Mentions(
        names=by_start(find_skaters(text, registry)),
        countries=by_start(find_countries(facts)),
        times=by_start(patterns.find_times(facts)),
        distances=by_start(patterns.find_distances(facts)),
        ranks=by_start(patterns.find_ranks(facts)),
        records=by_start(patterns.find_record_mentions(facts)),
        context=by_start(patterns.find_context(facts)),
        venues=by_start(find_venues(facts, registry)),
    )


class ByStart(list[SpanT]):
    """Mentions of one kind sorted by start, as `find_mentions` returns them (never changed
    afterwards), with what `inside` found for each sentence kept.

    Why: the sentence reader asks for the same sentence's times, ranks or names dozens of
    times (every rule that looks at a sentence asks again); the answer is computed once per
    list and sentence, and the starts are kept so bisect needs no key function. It is kept as
    a tuple and handed out as it is: no caller can change it, so none needs a copy (some 280
    asks per article).
    """

    def __init__(self, items: list[SpanT]) -> None:
        super().__init__(items)
        self.starts = [item.start for item in items]
        self.within: dict[tuple[int, int], tuple[SpanT, ...]] = {}


def inside(items: Sequence[SpanT], sentence: Sentence) -> Sequence[SpanT]:
    """The items within the sentence, in order (not to be changed: for a `ByStart`, the one
    tuple kept for the sentence); `items` are sorted by start (bisect keeps a long article
    linear instead of scanning every mention for every sentence)."""
    if isinstance(items, ByStart):
        key = (sentence.start, sentence.end)
        found = items.within.get(key)
        if found is None:
            low = bisect.bisect_left(items.starts, sentence.start)
            high = bisect.bisect_left(items.starts, sentence.end)
            found = items.within[key] = tuple([i for i in items[low:high] if i.end <= sentence.end])
        return found
    low = bisect.bisect_left(items, sentence.start, key=_start)
    high = bisect.bisect_left(items, sentence.end, key=_start)
    return [i for i in items[low:high] if i.end <= sentence.end]


def start_list(items: Sequence[SpanT]) -> Sequence[int]:
    """The starts of `items` (sorted by start), for a bisect without a key function: kept on
    a `ByStart`, made for any other list."""
    if isinstance(items, ByStart):
        return items.starts
    return [item.start for item in items]


def _start(item: HasSpan) -> int:
    return item.start


LOOK_BACK = 60  # characters before an entity that can govern it


def text_before(text: str, sentence: Sentence, position: int) -> str:
    return text[max(sentence.start, position - LOOK_BACK) : position]
