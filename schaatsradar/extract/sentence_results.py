"""The results one sentence states, ready for `extract()` to collect.

Reads a sentence's entities, ties its times and places to them (`owners`), infers the places it
implies (`inferences`), and turns each entity's places and times into `Result`s: one per race
(`place_races`), each in the edition it is dated to (`editions`). A sentence naming both an
individual and a team race is read once for each.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract import dated_years, patterns
from schaatsradar.extract.beaten_places import (
    _infer_beaten_in_clause,
    _infer_leader,
    _infer_only_ahead,
    _infer_runners_up,
)
from schaatsradar.extract.career_marks import career_marks
from schaatsradar.extract.context import CLASSIFICATIONS, GENDERS, Context, race_distances
from schaatsradar.extract.days import find_days
from schaatsradar.extract.edition_comparisons import _like_before, _same_as_then
from schaatsradar.extract.editions import (
    Lookback,
    _dated_year,
    _earlier_venue,
    _editions,
    _future,
    _in_edition,
    _looks_back,
    _time_looks_back,
    _time_year,
    dated_after,
    timed_counted_back,
    titled_meet,
)
from schaatsradar.extract.entities import _entities
from schaatsradar.extract.implied_places import final_loser
from schaatsradar.extract.inferences import (
    _medal_objects,
    _rank_counts,
    season_standing,
)
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.owners import _pair_respectively, _rank_owner, _time_owner
from schaatsradar.extract.place_races import (
    DISTANCE_LIST_GAP,
    LIST_END,
    _classification_place,
    _distance_for,
    _distances_of_place,
    _named_distances,
    _same_race,
)
from schaatsradar.extract.plausibility import team_field
from schaatsradar.extract.records import record_times
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.shapes import (
    in_aside,
    list_line_ranks,
    outside_asides,
    paired_times,
    relative_clause,
    verb_final_objects,
)
from schaatsradar.extract.team_clause_gender import clause_gender
from schaatsradar.extract.types import TEAM_DISTANCES, Gender, HasSpan, Result, Span


def _sentence_results(
    text: str, sentence: Sentence, mentions: Mentions, context: Context
) -> list[Result]:
    """A sentence naming an individual race and a team race ("pakte ze het goud op de 5000
    meter en was ze de beste op de ploegenachtervolging") is read twice: once for the
    skaters, once for the countries, each keeping only the results of its own kind."""
    distances = race_distances(text, inside(mentions.distances, sentence))
    team = [d for d in distances if d.distance in TEAM_DISTANCES]
    solo = [d for d in distances if d.distance not in TEAM_DISTANCES]
    if not team and context.distance in TEAM_DISTANCES:
        solo_distance = _individual_by_times(text, sentence, mentions, context.distance)
        if solo_distance is not None or _one_skater_alone(text, sentence, mentions):
            # "Italy's Valcepina won silver in 42.659" after a relay: not the relay's time; a
            # sentence about one skater and no team is not about the team race.
            return _results_in(
                text, sentence, mentions, replace(context, distance=solo_distance), distances
            )
    if not team or not solo:
        return _results_in(text, sentence, mentions, context, distances)
    results: list[Result] = []
    readings: dict[bool, Context] = {}
    for own, is_team in ((team, True), (solo, False)):
        readings[is_team] = replace(context, distance=own[-1].distance)
        results.extend(
            r
            for r in _results_in(text, sentence, mentions, readings[is_team], distances)
            if (r.distance in TEAM_DISTANCES) == is_team
        )
    # Who "zij" means next is the skater the individual reading saw; "they" the country.
    context.last_subject = readings[False].last_subject
    context.last_mentioned = readings[False].last_mentioned
    context.recent_subjects = readings[False].recent_subjects
    context.last_country = readings[True].last_country
    return results


# "bracht haar record van 37,07 naar 36,87", "lowered it from 1:06.18 to 1:05.37": the first
# of the pair is the mark before; only the second was skated.
FROM_BEFORE = re.compile(r"\b(?:van|from)\s+$", re.IGNORECASE)
TO_BETWEEN = re.compile(r"^\s+(?:naar|tot|to)\s+$", re.IGNORECASE)


def superseded_times(
    text: str, times: Sequence[patterns.TimeMention]
) -> list[patterns.TimeMention]:
    """The earlier value of each "van T1 naar T2" pair: a mark improved on, never a result."""
    return [
        first
        for first, second in itertools.pairwise(times)
        if TO_BETWEEN.match(text[first.end : second.start])
        and FROM_BEFORE.search(text, max(0, first.start - 6), first.start)
    ]


def _individual_by_times(
    text: str, sentence: Sentence, mentions: Mentions, team_distance: str
) -> str | None:
    """The individual distance a sentence's result times fit when none fits the team race
    carried from before, else None (the sentence may well be about the team race)."""
    times = [t for t in inside(mentions.times, sentence) if t.kind == "result"]
    if not times or any(patterns.plausible(t.seconds, team_distance, None) for t in times):
        return None
    fits = {patterns.distance_for_time(t.seconds) for t in times}
    return fits.pop() if len(fits) == 1 and None not in fits else None


# "Italy's Valcepina", "Valcepina of Italy", "Kok uit Nederland": the skater's country.
POSSESSIVE_AFTER = re.compile(r"['’]s\s")
# "Valcepina of Italy", "Kok uit Nederland": the country the skater comes from. (Before the
# split a look-back pattern of the same name shadowed this one, so "of" went unread.)
SKATER_ORIGIN_BEFORE = re.compile(r"\s(?:of|from|uit|van)\s+(?:the\s+|de\s+|het\s+)?$")
TEAM_WORD = re.compile(
    r"\b(?:team|teams|ploeg\w*|trio|kwartet|quartet|squad|relay|aflossing|estafette|"
    r"ze|zij|they|hun|their)\b",
    re.IGNORECASE,
)


def _one_skater_alone(text: str, sentence: Sentence, mentions: Mentions) -> bool:
    """Whether a sentence names one skater and no team: its countries are only that skater's
    own ("Poland's Natalia Maliszewska came in third")."""
    names = inside(mentions.names, sentence)
    if len({n.skater for n in names}) != 1 or TEAM_WORD.search(text, sentence.start, sentence.end):
        return False
    name = names[0]
    for country in inside(mentions.countries, sentence):
        possessive = country.end <= name.start and POSSESSIVE_AFTER.match(text, country.end)
        origin = country.start >= name.end and SKATER_ORIGIN_BEFORE.search(
            text[name.end : country.start]
        )
        if not (possessive or origin):
            return False
    return True


def _team_gender(
    text: str, sentence: Sentence, mentions: Mentions, result: Result
) -> Gender | None:
    """A team's field: named in its sentence ("bij de vrouwen", "the men's team pursuit"),
    else the one its time fits (a team pursuit in 3:40 is a men's), else as found."""
    if result.distance not in TEAM_DISTANCES:
        return result.gender
    said = [m for m in inside(mentions.context, sentence) if m.kind == "gender"]
    if len({m.value for m in said if m.value in GENDERS}) > 1:
        # "won bij de vrouwen, de mannen werden tweede": the field of the team's own clause.
        return clause_gender(text, sentence, [m for m in said if m.value in GENDERS], result)
    if said or result.seconds is None:
        return result.gender
    return team_field(result.seconds, result.distance) or result.gender


def _results_in(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    context: Context,
    distances: Sequence[patterns.DistanceMention],
) -> list[Result]:
    entities = _entities(text, sentence, mentions, context)
    if not entities:
        return []
    beaten_in_clause = verb_final_objects(text, sentence, entities)
    lookback = Lookback.of(text, sentence)
    sentence_times = inside(mentions.times, sentence)
    claimed = record_times(text, sentence, mentions) | set(superseded_times(text, sentence_times))
    claimed |= career_marks(text, sentence.start, sentence.end, sentence_times)
    paired = paired_times(text, sentence, entities, [t for t in sentence_times if t not in claimed])
    for timed in sentence_times:
        if timed.kind != "result" or timed in claimed:
            continue
        if timed.unusual and not (distances or context.distance):
            continue  # an odd notation is a time only for a distance the text names
        timed_distance = _distance_for(
            timed, outside_asides(text, sentence, entities, distances, timed.start), context, text
        )
        # Gender-blind bounds: a carried "vrouwen" must not throw out a men's time.
        if timed_distance is None or not patterns.plausible(timed.seconds, timed_distance, None):
            continue
        # One of a compared pair ("1.13,60 om 1.14,15") is owned as the pair says.
        if timed in paired:
            owner = paired[timed]
        elif beaten_in_clause is not None and beaten_in_clause.owns(text, timed):
            owner = beaten_in_clause.head  # "die A en B met 6.53,23 voorbleef"
        else:
            owner = _time_owner(text, sentence, entities, timed)
        if owner is not None:
            owner.times.append(timed)
            winning = WINNING_TIME_BEFORE.search(
                text, max(sentence.start, timed.start - 100), timed.start
            )
            if winning is not None:
                # "de winnende tijd (2.55,78) van Japan": the time and the win are one fact.
                owner.ranks.append(
                    patterns.RankMention(winning.start(), winning.end(), 1, "winnende tijd")
                )
    rank_cues = _medal_objects(
        text,
        [
            c
            for c in inside(mentions.ranks, sentence)
            if _rank_counts(text, sentence, c, context.article_year)
            and not season_standing(text, c, context)
        ],
        inside(mentions.ranks, sentence),
    )
    for cue in _pair_respectively(text, entities, rank_cues):
        owner = _rank_owner(text, sentence, entities, cue)
        if owner is not None:
            owner.ranks.append(cue)
    list_line_ranks(text, sentence, entities, sentence_times)
    _infer_beaten_in_clause(beaten_in_clause, context)
    _infer_leader(text, sentence, entities)
    _infer_only_ahead(text, sentence, entities)
    _infer_runners_up(text, sentence, entities, context)
    final_loser(text, sentence, entities, context)
    results: list[Result] = []
    for entity in entities:
        races: list[tuple[str | None, list[patterns.RankMention], patterns.TimeMention | None]]
        ranks = [c for c in entity.ranks if not _future(text, sentence, c, context)]
        # "was eerst vierde op de 1000 meter en schaatste later de 1500 meter in 1.44,90",
        # "die in 2019 wereldkampioen werd, won nu in 37,10": a place of another race or year
        # is not the time's place; it stays a result of its own. "won de kilometer in 1.16,42
        # en was op de 1500 de sterkste met 1.57,80": a time and place per distance.
        # "reed de 10.000 meter in 12.58,10 en werd vijfde in het eindklassement": the
        # time is the race's, a place in the standings the classification's.
        standing = [c for c in ranks if entity.times and _classification_place(text, c, context)]
        races = [(_classification_place(text, c, context), [c], None) for c in standing[:1]]
        others = [c for c in ranks if c not in standing]
        seen: set[str | None] = set()
        won: list[patterns.RankMention] = []
        # "Stolz, who had been the only man under 33.70 this season, clocked 33.63": a time in
        # a relative clause on the name is not the race time the main clause gives after it
        # (unless the clause names a race of its own: "who won Saturday's 5000m in 6:08.44").
        told = relative_clause(text, sentence, entity) if len(entity.times) > 1 else None
        if (
            told is not None
            and any(t.start >= told[1] for t in entity.times)
            and not any(told[0] <= d.start < told[1] for d in distances)
        ):
            entity.times = [t for t in entity.times if not told[0] <= t.start < told[1]]
        for index, time in enumerate(entity.times):
            visible = outside_asides(text, sentence, entities, distances, time.start)
            timed_distance = _distance_for(time, visible, context, text)
            other_day = index > 0 and _on_another_day(text, sentence, entity.times[index - 1], time)
            if timed_distance in seen and not other_day:
                continue  # one time per race: the first
            seen.add(timed_distance)
            later = entity.times[index + 1] if index + 1 < len(entity.times) else None
            next_day = (
                later.start
                if later is not None and _on_another_day(text, sentence, time, later)
                else None
            )
            if index == 0:
                # "Krol, zaterdag nog snelste op de 1500 meter, werd met 1.08,02 derde": a place in
                # an aside after the name is not the time's place; it is a result of the race
                # the aside names, without the time.
                aside = [
                    c for c in others if in_aside(text, sentence, entities, entity, c, time.start)
                ]
                others = [c for c in others if c not in aside]
                named = {
                    d.distance
                    for d in distances
                    if in_aside(text, sentence, entities, entity, d, time.start)
                }
                if aside and len(named) == 1 and timed_distance not in named:
                    races.append((named.pop(), aside[:1], None))
            own = [
                c
                for c in others
                if _same_race(text, sentence, c, time, timed_distance, lookback, distances, context)
                and (index == 0 or _named_distances(text, c, distances, context))
                # Not a place said after this time, before another day's time of the skater.
                and not (next_day is not None and time.end <= c.start < next_day)
            ]
            if not own and other_day:
                # "zege van vrijdag in 34,40 was hij zaterdag opnieuw de snelste, nu in 34,35":
                # a place between the two days' times is the later race's.
                previous = entity.times[index - 1]
                own = [c for c in others if previous.end <= c.start < time.start]
            if not own and index:
                # "won de 500 meter (38,71) en de 1500 meter (1.55,90)": one win over a list of
                # races, each with its time, is the win of each.
                own = [c for c in won if timed_distance in _listed_won(text, c, distances)]
            races.append((timed_distance, own[:1], time))
            won.extend(c for c in own[:1] if c.rank == 1 and c not in won)
            others = [c for c in others if c not in own]
        # "Hij eindigde als vierde op de 1500 meter en als achtste op de 1000 meter": a place
        # per race.
        # A place dated earlier ("who won the event a year ago") is another race.
        by_race: dict[tuple[str | None, bool], list[patterns.RankMention]] = {}
        clause = relative_clause(text, sentence, entity) if len(others) > 1 else None
        held: list[tuple[str | None, patterns.RankMention]] = []
        for cue in others:
            back = _looks_back(text, sentence, cue, lookback, context) or dated_after(
                text, sentence, cue, context.article_year
            )
            visible = outside_asides(text, sentence, entities, distances, cue.start)
            for distance in _distances_of_place(text, cue, visible, context):
                if clause is not None and not back and clause[0] <= cue.start < clause[1]:
                    held.append((distance, cue))  # decided once the main clause is read
                    continue
                by_race.setdefault((distance, back), [cue])  # one place per race: the first
        closed = clause[1] if clause is not None else sentence.end
        for distance, cue in held:
            # "Bowe, die op de Spelen van 2018 brons won, werd zesde": a clause's place for the
            # race the main clause places too is another edition's, which one unsaid.
            if not any(c.start >= closed for c in by_race.get((distance, False), ())):
                by_race.setdefault((distance, False), [cue])
        races.extend((distance, cues, None) for (distance, _), cues in by_race.items())
        for distance, cues, race_time in races:
            if distance is None:
                continue
            rank = cues[0].rank if cues else None
            evidence: list[HasSpan] = [entity, *entity.times[:1], *cues]
            start, end = min(c.start for c in evidence), max(c.end for c in evidence)
            anchor = evidence[-1] if len(evidence) > 1 else entity
            if rank == 1:
                context.winners[distance] = entity.name
                # The women's and the men's race of one distance each have their winner.
                context.winners[f"{distance}/{entity.gender or context.gender}"] = entity.name
            result = Result(
                athlete=entity.name,
                country=entity.country,
                distance=distance,
                gender=entity.gender or context.gender,
                seconds=race_time.seconds
                if race_time and distance not in CLASSIFICATIONS
                else None,
                rank=rank,
                competition=context.competition,
                format_guessed=context.format_guessed,
                venue=context.venue,
                race_date=context.day,
                meet_day="last" if context.final_day and context.day is None else None,
                evidence=Span(start, end, text[start:end]),
                earlier=lookback.looks_back(anchor.start, anchor.end)
                or any(_looks_back(text, sentence, c, lookback, context) for c in cues)
                or (
                    race_time is not None
                    and _time_looks_back(text, sentence, race_time, lookback, context)
                ),
            )
            if entity.team != (distance in TEAM_DISTANCES):
                continue  # a country never races alone, a skater's time is not a team's
            gender = _team_gender(text, sentence, mentions, result)
            if gender != result.gender:  # (a copy only when it changes: the hot path)
                result = replace(result, gender=gender)
            if result.earlier:
                # History is never dated at the day of the meet being reported, nor placed at
                # its rink: "vorige week in Hamar" is Hamar's, "vorig jaar" alone no rink's.
                result = replace(
                    result,
                    race_date=None,
                    meet_day=None,
                    venue=_earlier_venue(text, sentence, mentions, result.venue, anchor.start),
                )
            year = _dated_year(text, sentence, cues[0], context) if cues else None
            if year is None and race_time is not None:
                year = _time_year(text, sentence, race_time, context)
            if year is not None:
                # "werd in 2019 wereldkampioen", "In 2022 won Schouten": that year's meet;
                # "kroonde zich in 2015 en 2019 tot kampioen": each of them.
                listed = dated_years.years_listed_before(
                    text,
                    sentence.start,
                    year,
                    cues[0].start if cues else race_time.start if race_time else sentence.end,
                )
                editions = [_in_edition(result, str(y)) for y in listed]
            elif (
                not cues
                and race_time is not None
                and result.earlier
                and any(m.kind == "competition" for m in inside(mentions.context, sentence))
            ):
                # A time of last season is dated only when its sentence names the meet: a
                # time alone may be of any meet of that season, not of the one reported.
                editions = [
                    timed_counted_back(
                        text, sentence, result, race_time, lookback, context.article_date
                    )
                ]
            else:
                editions = _editions(
                    text,
                    sentence,
                    result,
                    cues[0] if cues else None,
                    context.article_year,
                    lookback,
                    article_date=context.article_date,
                )
            editions = [titled_meet(r, cues[0] if cues else None) for r in editions]
            # "Four years ago in Beijing, Nuis was fifth": an earlier meet at its own rink.
            results.extend(
                replace(r, venue=_earlier_venue(text, sentence, mentions, None, anchor.start))
                if r.earlier and r.venue is None
                else r
                for r in editions
            )
    results.extend(_like_before(text, sentence, entities, results))
    results.extend(_same_as_then(text, sentence, results, context))
    return results


# "de winnende tijd (2.55,78)", "the winning time of 2:55.40", and with the winner named
# between (issue 11, class 1): "De winnende tijd van Kok op de 500 meter was 36,98".
WINNING_TIME_BEFORE = re.compile(
    r"\b(?:winnende\s+tijd|winning\s+time|winnaarstijd)\s*(?:(?:van\s+|of\s+)?\(?\s*|"
    r"(?:van|of|for)\s+(?:[^.;:()\d]|\d{3,5}\s?(?:m|meter|metres?)\b){1,60}?"
    r"\s(?:was|is|bedroeg|stond\s+op|came\s+in\s+at)\s+)$",
    re.I,
)


def _listed_won(
    text: str, cue: patterns.RankMention, distances: Sequence[patterns.DistanceMention]
) -> set[str]:
    """The races of a list a win stands right before or after ("won de 500 meter (38,71) en
    de 1500 meter (1.55,90)", "die de 500 en de 1500 meter had gewonnen"); none when the
    win names no list of two or more."""
    chains: list[list[patterns.DistanceMention]] = []
    for distance in distances:
        if chains and DISTANCE_LIST_GAP.match(text[chains[-1][-1].end : distance.start]):
            chains[-1].append(distance)
        else:
            chains.append([distance])
    for chain in chains:
        if len(chain) < 2 or not LIST_END.match(text[chain[-2].end : chain[-1].start]):
            continue
        before = 0 <= chain[0].start - cue.end <= 40 and not _WIN_GAP_BREAK.search(
            text, cue.end, chain[0].start
        )
        after = 0 <= cue.start - chain[-1].end <= 20 and not _WIN_GAP_BREAK.search(
            text, chain[-1].end, cue.start
        )
        if before or after:
            return {d.distance for d in chain}
    return set()


_WIN_GAP_BREAK = re.compile(r"[,;:]\s|\b(?:en|and|maar|but)\b")


def _on_another_day(
    text: str, sentence: Sentence, previous: patterns.TimeMention, time: patterns.TimeMention
) -> bool:
    """Whether a day named between two times of one skater ("won Friday's race in 37.31 and
    added Sunday's in 37.25") is another than the one named before the first: two races of one
    distance, not one time said twice."""
    days = [
        (sentence.start + start, value)
        for start, _end, value in find_days(text[sentence.start : sentence.end])
    ]
    first = [value for start, value in days if start < previous.start]
    between = [value for start, value in days if previous.end <= start < time.start]
    return bool(first and between and between[-1] != first[-1])
