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
from dataclasses import replace

from schaatsradar.extract.aside_days import aside_dated, aside_day_context
from schaatsradar.extract.confidence import shipped_model, sift
from schaatsradar.extract.context import (
    CLASSIFICATIONS,
    Context,
    carried_after,
    lead_context,
    update_context,
)
from schaatsradar.extract.dated_history import dated_history
from schaatsradar.extract.dated_phrases import dated_by_phrase
from schaatsradar.extract.disciplines import mark_short_track
from schaatsradar.extract.editions import dated_by_own_meet
from schaatsradar.extract.ellipsis import shared_places
from schaatsradar.extract.follow_on import join_place, timed_alone
from schaatsradar.extract.history_context import kept_after_history
from schaatsradar.extract.hypothetical_race import hypothetical_meet, hypothetical_race
from schaatsradar.extract.mentions import Mentions, find_mentions, inside
from schaatsradar.extract.names import NameMention
from schaatsradar.extract.races import (
    merge_results,
    ranks_from_time_order,
    repeated_distances,
    winner_from_times,
)
from schaatsradar.extract.record_contradictions import contradicted_sets
from schaatsradar.extract.record_countries import person_for_country
from schaatsradar.extract.record_dates import dated_setting
from schaatsradar.extract.record_equalled import equalled_holders, equalled_times
from schaatsradar.extract.record_settle import settle_records
from schaatsradar.extract.record_superseded import superseded_records
from schaatsradar.extract.records import complete_record, sentence_records
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.result_meet import own_clause
from schaatsradar.extract.sentence_results import _sentence_results
from schaatsradar.extract.sentences import Sentence, prose_only, split_sentences
from schaatsradar.extract.spaces import plain_spaces
from schaatsradar.extract.team_members import team_field_from_members
from schaatsradar.extract.types import (
    TEAM_DISTANCES,
    AthleteMention,
    Facts,
    Result,
    Skater,
)

# The rules' version and the confidence model's hash (extract/confidence.py): both decide
# what an article's facts are.
EXTRACTOR_VERSION = f"schaatsradar.extract@12+{shipped_model().version}"


def extract(
    text: str, article_date: dt.date | None, registry: Registry, *, confident_only: bool = True
) -> Facts:
    """The facts of one article; those the confidence model is not sure of are candidates
    (all stay results, scored, when `confident_only` is false: what the model trains on)."""
    text = plain_spaces(text)  # one character for one: evidence spans stay the article's
    sentences = split_sentences(text)
    mentions = find_mentions(text, registry, prose_only(text, sentences))
    facts = Facts(athletes=_athletes(mentions.names))
    context = lead_context(text, sentences, mentions, article_date)
    meet, meet_guessed = context.competition, context.format_guessed
    for sentence in sentences:
        if sentence.run_on:
            context.last_timed = None
            continue  # not prose: its skaters are listed, no results are read from it
        carried = context
        context = update_context(text, context, sentence, mentions, article_date)
        context = aside_day_context(text, sentence, mentions, carried, context, article_date)
        context = hypothetical_race(text, sentence, mentions, context)
        context = hypothetical_meet(text, sentence, mentions, carried, context)
        if not meet:
            meet, meet_guessed = context.competition, context.format_guessed
        results = _sentence_results(text, sentence, mentions, context)
        results = aside_dated(text, sentence, mentions, carried, results, article_date)
        results = shared_places(text, inside(mentions.times, sentence), results)
        results = dated_history(text, sentence, mentions, results, article_date)
        results = dated_by_phrase(text, sentence, results, article_date)
        results = [
            own_clause(
                text, sentence, mentions, r, article_date, context.lead_country, context.lead_venue
            )
            for r in results
        ]
        results = [dated_by_own_meet(text, sentence, mentions, r, article_date) for r in results]
        facts.results.extend(_places_joined(text, sentence, mentions, context, facts, results))
        facts.records.extend(
            dated_setting(text, record, article_date)
            for record in sentence_records(text, sentence, mentions, context, results)
        )
        context = _timed_race(text, sentence, mentions, context, results)
        context = _standing_race(sentence, mentions, context, results)
        context = carried_after(text, sentence, carried, context)
        context = kept_after_history(results, carried, context)
        context.last_timed = timed_alone(results)
    # The meet a report names only late ("... van het wereldbekerseizoen") is still its meet.
    if not meet:
        meet, meet_guessed = context.season, context.season_format_guessed
    facts.results = settled_formats(facts.results)
    facts.results = [
        r
        if r.competition or r.earlier
        else replace(r, competition=meet, format_guessed=bool(meet) and meet_guessed)
        for r in facts.results
    ]
    facts.results = team_field_from_members(_team_fields(facts.results), sentences, mentions.names)
    facts.results = winner_from_times(
        ranks_from_time_order(merge_results(facts.results, repeated_distances(text)))
    )
    facts.records = [
        record
        for record in (complete_record(r, facts.results) for r in facts.records)
        # A record with neither holder nor time says nothing a reader could use.
        if record.athlete is not None or record.seconds is not None
    ]
    facts.records = [
        r
        for r in person_for_country(text, facts.records, sentences, mentions.names)
        if r.athlete is not None or r.seconds is not None
    ]
    # Before settling (which reads a standing mark as beaten by any new one of its kind): a
    # record set here that a faster mark of the article rules out is a candidate only.
    facts.records, doubtful = contradicted_sets(facts.records)
    facts.candidate_records.extend(doubtful)
    facts.records = settle_records(facts.records, facts.results, facts.athletes)
    # After settling: an equalled mark is not beaten by the record that equals it.
    facts.records += equalled_holders(text, facts.records, sentences, mentions.names)
    facts.records = equalled_times(text, facts.records, sentences, mentions.times)
    facts.records = superseded_records(
        text, facts.records, sentences, mentions.names, mentions.times
    )
    facts = sift(text, article_date, facts, sentences=sentences) if confident_only else facts
    # Last: the discipline changes no other reading, only the meet the results are filed under.
    facts.results = mark_short_track(text, sentences, facts.results)
    facts.candidate_results = mark_short_track(text, sentences, facts.candidate_results)
    return facts


def extract_all(text: str, article_date: dt.date | None, registry: Registry) -> Facts:
    """Everything the rules find, all of it as results and records (confidence unscored):
    what the confidence model learns from, and what the rules' own tests check."""
    return extract(text, article_date, registry, confident_only=False)


def _places_joined(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    context: Context,
    facts: Facts,
    results: list[Result],
) -> list[Result]:
    """This sentence's results, less a place that completes the previous sentence's lone time
    ("Hij kwam tot 6.23,71. Daarmee werd hij elfde."): that time's result takes the place."""
    previous = context.last_timed
    if previous is None:
        return results
    names_distance = bool(inside(mentions.distances, sentence))
    kept = []
    for result in results:
        joined = join_place(text, previous, result, names_distance)
        if joined is None:
            kept.append(result)
            continue
        # In place: the caller extends this very list.
        facts.results[:] = [joined if r is previous else r for r in facts.results]
        previous = None  # one place per time
    return kept


def _timed_race(
    text: str, sentence: Sentence, mentions: Mentions, context: Context, results: list[Result]
) -> Context:
    """ "Wüst noteerde een tijd van 1.53,30. ... ging de zege naar Takagi": a sentence that
    names no distance but states a time only one distance fits moves the story to that race,
    as naming it would (the carried distance did not fit the time)."""
    if context.distance in TEAM_DISTANCES or inside(mentions.distances, sentence):
        return context
    timed = {r.distance for r in results if r.seconds is not None and not r.earlier}
    if len(timed) != 1:
        return context
    (distance,) = timed
    if distance == context.distance or distance in TEAM_DISTANCES:
        return context
    moved = context.copy()
    moved.distance = distance
    return moved


def _standing_race(
    sentence: Sentence, mentions: Mentions, context: Context, results: list[Result]
) -> Context:
    """ "Bij de mannen greep Scheperkamp de titel. Hij hield Dijs achter zich, Prins werd
    derde.": a sentence about the title alone (no distance named, only classification places)
    moves the story to the classification, as naming it would."""
    if inside(mentions.distances, sentence):
        return context
    kinds = {r.distance for r in results if not r.earlier}
    if len(kinds) != 1 or not kinds <= set(CLASSIFICATIONS) or any(r.seconds for r in results):
        return context
    (kind,) = kinds
    if kind == context.distance:
        return context
    moved = context.copy()
    moved.distance = kind
    return moved


def _team_fields(results: list[Result]) -> list[Result]:
    """ "De winst was voor de ploeg uit Noorwegen. De Noren Eitrem, Pedersen en
    Engebråten ...": a team result without a field takes the one its other mentions of the same
    race give (by their members, words or time), when they all agree and nothing conflicts."""
    filled = []
    for result in results:
        if result.gender is None and result.distance in TEAM_DISTANCES:
            fields = {
                other.gender
                for other in results
                if other.gender is not None
                and (other.athlete, other.distance, other.competition, other.earlier)
                == (result.athlete, result.distance, result.competition, result.earlier)
                and not (other.rank and result.rank and other.rank != result.rank)
            }
            if len(fields) == 1:
                result = replace(result, gender=fields.pop())
        filled.append(result)
    return filled


def settled_formats(results: list[Result]) -> list[Result]:
    """Each championship format read from a title (`Result.format_guessed`) settled: stated
    when the article states that format of another result (one meet, one name, so its races
    still merge), else still a guess."""
    stated = {r.competition for r in results if not r.format_guessed}
    return [
        replace(r, format_guessed=False) if r.format_guessed and r.competition in stated else r
        for r in results
    ]


def _athletes(names: Sequence[NameMention]) -> list[AthleteMention]:
    by_skater: dict[Skater, AthleteMention] = {}
    for mention in names:
        entry = by_skater.get(mention.skater)
        if entry is None:  # (not `setdefault`: no entry made per mention to be thrown away)
            entry = by_skater[mention.skater] = AthleteMention(mention.skater)
        entry.mentions.append((mention.start, mention.end))
    return list(by_skater.values())
