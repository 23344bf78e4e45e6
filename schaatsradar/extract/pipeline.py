"""`extract()`: one article's text and date in, its `Facts` out.

The article is read sentence by sentence, the way a reporter writes it: the competition,
rink, distance, day and gender a sentence names hold for the sentences after it until another
is named. Within a sentence, a result time and a rank belong to the nearest skater (or, for
team events, country) named in it. Anything that cannot be tied to a skater and a distance is
left out: a wrong time is worse than a missing one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from schaatsradar.extract import patterns
from schaatsradar.extract.countries import CountryMention, find_countries
from schaatsradar.extract.names import NameMention, find_skaters
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.sentences import Sentence, split_sentences
from schaatsradar.extract.types import (
    TEAM_DISTANCES,
    AthleteMention,
    Facts,
    Gender,
    Record,
    Result,
    Skater,
    Span,
)
from schaatsradar.extract.venues import VenueMention, find_venues

EXTRACTOR_VERSION = "schaatsradar.extract@1"


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


@dataclass
class Context:
    """What holds for a sentence because an earlier one said it."""

    competition: str | None = None
    venue: str | None = None
    distance: str | None = None
    gender: Gender | None = None
    day: dt.date | None = None


@dataclass
class Entity:
    """A skater or a country named in a sentence."""

    start: int
    end: int
    name: str
    country: str | None
    gender: Gender | None
    team: bool
    times: list[patterns.TimeMention] = field(default_factory=list)
    ranks: list[patterns.RankMention] = field(default_factory=list)


def find_mentions(text: str, registry: Registry) -> Mentions:
    return Mentions(
        names=find_skaters(text, registry),
        countries=find_countries(text),
        times=patterns.find_times(text),
        distances=patterns.find_distances(text),
        ranks=patterns.find_ranks(text),
        records=patterns.find_record_mentions(text),
        context=patterns.find_context(text),
        venues=find_venues(text, registry),
    )


def extract(text: str, article_date: dt.date | None, registry: Registry) -> Facts:
    mentions = find_mentions(text, registry)
    facts = Facts(athletes=_athletes(mentions.names))
    context = Context()
    for sentence in split_sentences(text):
        context = _update_context(context, sentence, mentions, article_date)
        results = _sentence_results(text, sentence, mentions, context)
        facts.results.extend(results)
        facts.records.extend(_sentence_records(text, sentence, mentions, context, results))
    facts.results = _merge_results(facts.results)
    return facts


def _athletes(names: Sequence[NameMention]) -> list[AthleteMention]:
    by_skater: dict[Skater, AthleteMention] = {}
    for mention in names:
        entry = by_skater.setdefault(mention.skater, AthleteMention(mention.skater))
        entry.mentions.append((mention.start, mention.end))
    return list(by_skater.values())


def _inside(items: Sequence[object], sentence: Sentence) -> list:  # type: ignore[type-arg]
    return [i for i in items if sentence.start <= i.start and i.end <= sentence.end]  # type: ignore[attr-defined]


def _update_context(
    context: Context, sentence: Sentence, mentions: Mentions, article_date: dt.date | None
) -> Context:
    updated = replace(context)
    for mention in _inside(mentions.context, sentence):
        if mention.kind == "competition":
            updated.competition = mention.value
        elif mention.kind == "gender":
            updated.gender = mention.value
        elif mention.kind == "day" and article_date is not None:
            updated.day = patterns.resolve_day(mention.value, article_date) or updated.day
    venues = _inside(mentions.venues, sentence)
    if venues:
        updated.venue = venues[-1].city
    distances = _inside(mentions.distances, sentence)
    if distances:
        updated.distance = distances[0].distance
    return updated


def _entities(sentence: Sentence, mentions: Mentions, context: Context) -> list[Entity]:
    entities = [
        Entity(m.start, m.end, m.skater.name, m.skater.country, m.skater.gender, team=False)
        for m in _inside(mentions.names, sentence)
    ]
    if context.distance in TEAM_DISTANCES:
        entities = [
            Entity(c.start, c.end, c.name, c.code, None, team=True)
            for c in _inside(mentions.countries, sentence)
        ]
    return sorted(entities, key=lambda e: e.start)


def _nearest(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity closest to a cue; on a tie the one before it (the sentence's subject)."""
    best, best_distance = None, None
    for entity in entities:
        gap = start - entity.end if entity.end <= start else entity.start - end
        key = (gap, 0 if entity.end <= start else 1)
        if best_distance is None or key < best_distance:
            best, best_distance = entity, key
    return best


def _sentence_results(
    text: str, sentence: Sentence, mentions: Mentions, context: Context
) -> list[Result]:
    entities = _entities(sentence, mentions, context)
    if not entities:
        return []
    distances = _inside(mentions.distances, sentence)
    for time in _inside(mentions.times, sentence):
        if time.kind != "result":
            continue
        distance = _distance_for(time, distances, context)
        if distance is None or not patterns.plausible(time.seconds, distance, context.gender):
            continue
        owner = _nearest(entities, time.start, time.end)
        if owner is not None:
            owner.times.append(time)
    for rank in _inside(mentions.ranks, sentence):
        owner = _nearest(entities, rank.start, rank.end)
        if owner is not None:
            owner.ranks.append(rank)
    results = []
    for entity in entities:
        if not entity.times and not entity.ranks:
            continue
        time = entity.times[0] if entity.times else None
        distance = _distance_for(time, distances, context) if time else context.distance
        if distance is None:
            continue
        rank = entity.ranks[0].rank if entity.ranks else None
        cues = [entity, *entity.times[:1], *entity.ranks[:1]]
        start, end = min(c.start for c in cues), max(c.end for c in cues)
        results.append(
            Result(
                athlete=entity.name,
                country=entity.country,
                distance=distance,
                gender=entity.gender or context.gender,
                seconds=time.seconds if time else None,
                rank=rank,
                competition=context.competition,
                venue=context.venue,
                race_date=context.day,
                evidence=Span(start, end, text[start:end]),
            )
        )
    return results


def _distance_for(
    time: patterns.TimeMention | None,
    distances: Sequence[patterns.DistanceMention],
    context: Context,
) -> str | None:
    """The distance a time was skated over: named in the sentence before the time, else the
    one carried from earlier sentences if the time fits it, else the only one it can be."""
    if time is None:
        return context.distance
    before = [d for d in distances if d.end <= time.start]
    if before:
        return before[-1].distance
    if distances:
        return distances[0].distance
    if context.distance and patterns.plausible(time.seconds, context.distance, context.gender):
        return context.distance
    return patterns.distance_for_time(time.seconds)


def _sentence_records(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    context: Context,
    results: Sequence[Result],
) -> list[Record]:
    records = []
    names = _inside(mentions.names, sentence)
    times = [t for t in _inside(mentions.times, sentence) if t.kind in {"result", "margin"}]
    for mention in _inside(mentions.records, sentence):
        holder = min(names, key=lambda n: abs(n.start - mention.start), default=None)
        time = min(times, key=lambda t: abs(t.start - mention.start), default=None)
        status = mention.status_hint or ("set" if results else "existing")
        records.append(
            Record(
                type=mention.type,
                status=status,
                athlete=holder.skater.name if holder else None,
                distance=context.distance,
                gender=(holder.skater.gender if holder else None) or context.gender,
                seconds=time.seconds if time and time.kind == "result" else None,
                venue=context.venue if mention.type == "track" else None,
                evidence=Span(mention.start, mention.end, text[mention.start : mention.end]),
            )
        )
    return records


def _merge_results(results: Sequence[Result]) -> list[Result]:
    """One result per skater per race: later sentences add a missing time or rank."""
    merged: dict[tuple[object, ...], Result] = {}
    for result in results:
        key = (result.athlete, result.distance, result.competition, result.venue)
        known = merged.get(key)
        if known is None:
            merged[key] = result
            continue
        if (
            known.seconds is not None
            and result.seconds is not None
            and (abs(known.seconds - result.seconds) > 0.005)
        ):
            merged[(*key, len(merged))] = result  # another race of the same distance
            continue
        merged[key] = replace(
            known,
            seconds=known.seconds if known.seconds is not None else result.seconds,
            rank=known.rank if known.rank is not None else result.rank,
        )
    return list(merged.values())
