"""`extract()`: one article's text and date in, its `Facts` out.

The article is read sentence by sentence, the way a reporter writes it: the competition,
rink, distance, day and gender a sentence names hold for the sentences after it until another
is named. Within a sentence, a result time and a rank belong to the nearest skater (or, for
team events, country) named in it. Anything that cannot be tied to a skater and a distance is
left out: a wrong time is worse than a missing one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract import flow, patterns
from schaatsradar.extract.confidence import shipped_model, sift
from schaatsradar.extract.context import (
    CLASSIFICATIONS,
    STANDINGS,
    Context,
    Entity,
    carried_after,
    lead_context,
    own_clause,
    race_distances,
    update_context,
)
from schaatsradar.extract.editions import (
    ORIGIN_BEFORE,
    Lookback,
    _dated_year,
    _earlier_venue,
    _editions,
    _future,
    _in_edition,
    _like_before,
    _looks_back,
    _same_as_then,
    _time_looks_back,
    _time_year,
)
from schaatsradar.extract.entities import _entities
from schaatsradar.extract.mentions import Mentions, find_mentions, inside, text_before
from schaatsradar.extract.names import NameMention
from schaatsradar.extract.owners import LIST_GAP, _pair_respectively, _rank_owner, _time_owner
from schaatsradar.extract.place_races import (
    _classification_place,
    _distance_for,
    _distances_of_place,
    _named_distances,
    _same_race,
)
from schaatsradar.extract.races import (
    merge_results,
    ranks_from_time_order,
    repeated_distances,
    winner_from_times,
)
from schaatsradar.extract.record_settle import settle_records
from schaatsradar.extract.records import complete_record, record_times, sentence_records
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.sentences import Sentence, prose_only, split_sentences
from schaatsradar.extract.shapes import (
    BeatingClause,
    in_aside,
    list_line_ranks,
    outside_asides,
    paired_times,
    verb_final_objects,
)
from schaatsradar.extract.types import (
    TEAM_DISTANCES,
    AthleteMention,
    Facts,
    Gender,
    HasSpan,
    Result,
    Skater,
    Span,
)

# The rules' version and the confidence model's hash (extract/confidence.py): both decide
# what an article's facts are.
EXTRACTOR_VERSION = f"schaatsradar.extract@2+{shipped_model().version}"


def extract(
    text: str, article_date: dt.date | None, registry: Registry, *, confident_only: bool = True
) -> Facts:
    """The facts of one article; those the confidence model is not sure of are candidates
    (all stay results, scored, when `confident_only` is false: what the model trains on)."""
    sentences = split_sentences(text)
    mentions = find_mentions(text, registry, prose_only(text, sentences))
    facts = Facts(athletes=_athletes(mentions.names))
    context = lead_context(text, sentences, mentions, article_date)
    meet = context.competition
    for sentence in sentences:
        if sentence.run_on:
            continue  # not prose: its skaters are listed, no results are read from it
        carried = context
        context = update_context(text, context, sentence, mentions, article_date)
        meet = meet or context.competition
        results = _sentence_results(text, sentence, mentions, context)
        results = [
            own_clause(text, sentence, mentions, r, article_date, context.lead_country)
            for r in results
        ]
        facts.results.extend(results)
        facts.records.extend(sentence_records(text, sentence, mentions, context, results))
        context = carried_after(text, sentence, carried, context)
    # The meet a report names only late ("... van het wereldbekerseizoen") is still its meet.
    meet = meet or context.season
    facts.results = [
        r if r.competition or r.earlier else replace(r, competition=meet) for r in facts.results
    ]
    facts.results = _team_fields(facts.results)
    facts.results = winner_from_times(
        ranks_from_time_order(merge_results(facts.results, repeated_distances(text)))
    )
    facts.records = [
        record
        for record in (complete_record(r, facts.results) for r in facts.records)
        # A record with neither holder nor time says nothing a reader could use.
        if record.athlete is not None or record.seconds is not None
    ]
    facts.records = settle_records(facts.records, facts.results, facts.athletes)
    return sift(text, article_date, facts, sentences=sentences) if confident_only else facts


def extract_all(text: str, article_date: dt.date | None, registry: Registry) -> Facts:
    """Everything the rules find, all of it as results and records (confidence unscored):
    what the confidence model learns from, and what the rules' own tests check."""
    return extract(text, article_date, registry, confident_only=False)


def _team_fields(results: list[Result]) -> list[Result]:
    """ "De zege ging naar het team van de Verenigde Staten. De Amerikanen Dawson, Lehman en
    Cepuran ...": a team result without a field takes the one its other mentions of the same
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


def _athletes(names: Sequence[NameMention]) -> list[AthleteMention]:
    by_skater: dict[Skater, AthleteMention] = {}
    for mention in names:
        entry = by_skater.setdefault(mention.skater, AthleteMention(mention.skater))
        entry.mentions.append((mention.start, mention.end))
    return list(by_skater.values())


AHEAD_OF = re.compile(
    r"\b(?:voor op|ahead of|in front of|sneller dan|faster than)\b", re.IGNORECASE
)
BEHIND = re.compile(r"\b(?:achter|behind)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


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
    context.last_country = readings[True].last_country
    return results


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
# "Valcepina of Italy" is matched with `editions.ORIGIN_BEFORE`: pipeline.py defined a wider
# pattern of that name here, but the later one shadowed it, so the later one is what ran.
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
        origin = country.start >= name.end and ORIGIN_BEFORE.search(text[name.end : country.start])
        if not (possessive or origin):
            return False
    return True


def _team_gender(
    text: str, sentence: Sentence, mentions: Mentions, result: Result
) -> Gender | None:
    """A team's field: named in its sentence ("bij de vrouwen", "the men's team pursuit"),
    else the one its time fits (a team pursuit in 3:40 is a men's), else as found."""
    if result.distance not in TEAM_DISTANCES or result.seconds is None:
        return result.gender
    if any(m.kind == "gender" for m in inside(mentions.context, sentence)):
        return result.gender
    fits = [g for g in ("men", "women") if patterns.plausible(result.seconds, result.distance, g)]
    return fits[0] if len(fits) == 1 else result.gender


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
    claimed = record_times(text, sentence, mentions)
    sentence_times = inside(mentions.times, sentence)
    paired = paired_times(text, sentence, entities, [t for t in sentence_times if t not in claimed])
    for timed in sentence_times:
        if timed.kind != "result" or timed in claimed:
            continue
        if timed.unusual and not (distances or context.distance):
            continue  # an odd notation is a time only for a distance the text names
        timed_distance = _distance_for(
            timed, outside_asides(text, sentence, entities, distances, timed.start), context
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
                text, max(sentence.start, timed.start - 40), timed.start
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
        ],
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
    results = []
    for entity in entities:
        races: list[tuple[str | None, list[patterns.RankMention], patterns.TimeMention | None]]
        ranks = [c for c in entity.ranks if not _future(text, sentence, c, context)]
        # "werd eerder nog derde op de 500 meter en reed daarna de 5000 meter in 6.25,44",
        # "die in 2019 wereldkampioen werd, won nu in 37,10": a place of another race or year
        # is not the time's place; it stays a result of its own. "won de kilometer in 1.16,42
        # en was op de 1500 de sterkste met 1.57,80": a time and place per distance.
        # "afscheid met 13.14,56 en sloot af met de zevende plaats in het klassement": the
        # time is the race's, a place in the standings the classification's.
        standing = [c for c in ranks if entity.times and _classification_place(text, c, context)]
        races = [(_classification_place(text, c, context), [c], None) for c in standing[:1]]
        others = [c for c in ranks if c not in standing]
        seen: set[str | None] = set()
        for index, time in enumerate(entity.times):
            visible = outside_asides(text, sentence, entities, distances, time.start)
            timed_distance = _distance_for(time, visible, context)
            if timed_distance in seen:
                continue  # one time per race: the first
            seen.add(timed_distance)
            if index == 0:
                # "Otterspeer, eerder winnaar van de 500 meter, belandde met 1.09,87 op de
                # zevende plek": a place in an aside after the name is not the time's place;
                # it is a result of the race the aside names, without the time.
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
            ]
            races.append((timed_distance, own[:1], time))
            others = [c for c in others if c not in own]
        # "Ze werd negende op de 3000 meter en zesde op de 5000 meter": a place per race.
        # A place dated earlier ("who won the event a year ago") is another race.
        by_race: dict[tuple[str | None, bool], list[patterns.RankMention]] = {}
        for cue in others:
            back = _looks_back(text, sentence, cue, lookback, context)
            visible = outside_asides(text, sentence, entities, distances, cue.start)
            for distance in _distances_of_place(text, cue, visible, context):
                by_race.setdefault((distance, back), [cue])  # one place per race: the first
        races.extend((distance, cues, None) for (distance, _), cues in by_race.items())
        for distance, cues, time in races:
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
                seconds=time.seconds if time and distance not in CLASSIFICATIONS else None,
                rank=rank,
                competition=context.competition,
                venue=context.venue,
                race_date=context.day,
                evidence=Span(start, end, text[start:end]),
                earlier=lookback.looks_back(anchor.start, anchor.end)
                or any(_looks_back(text, sentence, c, lookback, context) for c in cues)
                or (time is not None and _time_looks_back(text, sentence, time, lookback, context)),
            )
            if entity.team != (distance in TEAM_DISTANCES):
                continue  # a country never races alone, a skater's time is not a team's
            result = replace(result, gender=_team_gender(text, sentence, mentions, result))
            if result.earlier:
                # History is never dated at the day of the meet being reported, nor placed at
                # its rink: "vorige week in Hamar" is Hamar's, "vorig jaar" alone no rink's.
                result = replace(
                    result,
                    race_date=None,
                    venue=_earlier_venue(text, sentence, mentions, result.venue, anchor.start),
                )
            year = _dated_year(text, sentence, cues[0], context) if cues else None
            if year is None and time is not None:
                year = _time_year(text, sentence, time, context)
            if year is not None:
                # "werd in 2019 wereldkampioen", "In 2022 won Schouten": that year's meet;
                # "kroonde zich in 2015 en 2019 tot kampioen": each of them.
                listed = flow.years_listed_before(
                    text,
                    sentence.start,
                    year,
                    cues[0].start if cues else time.start if time else sentence.end,
                )
                editions = [_in_edition(result, str(y)) for y in listed]
            else:
                editions = _editions(
                    text,
                    sentence,
                    result,
                    cues[0] if cues else None,
                    context.article_year,
                    lookback,
                )
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


WINNING_TIME_BEFORE = re.compile(
    r"\b(?:winnende\s+tijd|winning\s+time|winnaarstijd)\s*(?:van\s+|of\s+)?\(?\s*$", re.I
)


# "de snelste ronde", "the fastest lap": fastest in a moment of the race, not its result.
NOT_A_PLACE_AFTER = re.compile(r"\s+(?:rit|opening|ronde|lap|split|doorkomst)\b", re.IGNORECASE)


# A title word is a result only when the sentence says someone became or is champion:
# "de Japanse wereldkampioene Takagi" is a description, "werd wereldkampioen" a result.
COPULA_BEFORE = re.compile(
    r"\b(?:werd|wordt|word|is|was|werden|zijn|geworden|became|is|"
    r"was|were|crowned|blijft|bleef|kroonde|kroont|gekroond)\b[^.;]{0,60}$",
    re.IGNORECASE,
)


# "vijf keer de beste" counts wins over a season; "om ... te winnen" is what was missed.
NOT_THIS_RACE_BEFORE = re.compile(
    r"(?:\b(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\s+(?:keer|maal|"
    r"times)\s+|\bom\b[^.;]{0,60}\bte\s+|\bfailed to\s+|\bniet\s+"
    r"|\b(?:vaak|dikwijls|meestal|regelmatig|often|usually)\b[^.;]{0,40}"
    r"|\bop dat moment\b[^.;]{0,40}|\bna (?:\w+|\d+) afstanden\b[^.;]{0,40}"
    # A ranking list or selection order is not a race: "de selectievolgorde waarop hij de
    # tiende schaatser is", "tenth in the World Cup ranking".
    r"|\b(?:selectievolgorde|volgorde|ranglijst|wereldranglijst|ranking|plaatsingslijst)\b"
    r"[^.;]{0,40})$",
    re.IGNORECASE,
)


# A plural win counts wins ("victories in all five races"), a time rank is provisional.
NOT_A_PLACE_CUE = re.compile(r"victories|zeges|overwinningen|titels|titles|\btijd\b|\btime\b")


WIN_VERBS = frozenset({"won", "wint", "win", "wins", "winnen", "gewonnen"})
# "won ze ook nog brons", "won Schouten op de Spelen op de massastart brons": up to the medal
# in the same clause (no number, punctuation or conjunction between).
VERB_TO_OBJECT = re.compile(r"^(?:(?!\b(?:en|and|maar|but)\b)[^\d,;:]){0,60}$", re.IGNORECASE)


def _medal_objects(text: str, cues: Sequence[patterns.RankMention]) -> list[patterns.RankMention]:
    """ "won ze ook nog brons", "won silver": the medal a verb governs is the place, the
    verb itself is not a win."""
    return [
        cue
        for cue, following in itertools.zip_longest(cues, cues[1:])
        if not (
            cue.cue.casefold() in WIN_VERBS
            and following is not None
            and (
                VERB_TO_OBJECT.match(text[cue.end : following.start])
                or (
                    # "In 2018 won ze op de Spelen van Pyeongchang brons": the medal is far
                    # from the verb, but in its clause (issue 11, class 1).
                    MEDAL_CUE.match(following.cue)
                    and MEDAL_OBJECT_GAP.match(text[cue.end : following.start])
                )
            )
        )
    ]


MEDAL_CUE = re.compile(r"(?:zilver|brons|goud|silver|bronze|gold)", re.IGNORECASE)
MEDAL_OBJECT_GAP = re.compile(r"^(?![^,;:]*\b(?:en|and|maar|but)\b)[^,;:()]{0,60}$", re.I)


# "prevailed in 10 of 12 races", "won 5 van de 8 wedstrijden", "won two titles": a count.
WIN_COUNT_AFTER = re.compile(
    r"\s+(?:in\s+)?\d+\s+(?:of|van|uit)\s+(?:de\s+|the\s+|his\s+|her\s+|zijn\s+|haar\s+)?\d+\b"
    r"|\s+(?:twee|drie|vier|vijf|zes|two|three|four|five|six|\d+)\s+(?:\w+\s+)?(?:titles|titels|"
    r"medals|medailles|races|wedstrijden|golds|gold medals|gouden medailles|zeges|wins)\b",
    re.IGNORECASE,
)


PURPOSE_BEFORE = re.compile(r"\b(?:om|to)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
PURPOSE_AFTER = re.compile(
    r"\s+(?:te\s+\w+|rijden|strijden|vechten|sprinten|schaatsen|meedoen|gaan)\b", re.IGNORECASE
)
# "tenth in the World Cup ranking": a season's standing, not a race.
RANKING_AFTER = re.compile(
    r"\s+(?:in|op|of)\s+(?:the|de|het)\s+(?:[\w-]+\s+){0,2}(?:rankings?|ranglijst|wereldranglijst)\b",
    re.IGNORECASE,
)


def _rank_counts(
    text: str, sentence: Sentence, cue: patterns.RankMention, article_year: int | None = None
) -> bool:
    if NOT_A_PLACE_AFTER.match(text, cue.end) or NOT_A_PLACE_CUE.search(cue.cue):
        return False
    if WIN_COUNT_AFTER.match(text, cue.end) or RANKING_AFTER.match(text, cue.end):
        return False
    if PURPOSE_BEFORE.search(text_before(text, sentence, cue.start)) and PURPOSE_AFTER.match(
        text, cue.end
    ):
        return False  # "slaagden er niet in om het goud te pakken": what was aimed at
    if NOT_THIS_RACE_BEFORE.search(text_before(text, sentence, cue.start)):
        return False
    if flow.taken_back(text, cue.end):
        return False  # "won, maar werd gediskwalificeerd"
    if flow.unrealized(text, sentence.start, cue.start, cue.end, cue.cue):
        return False  # "won dit keer niet", "op weg naar goud", "zou goed zijn voor zilver"
    if flow.group_ranked(text, cue.cue, cue.end):
        return False  # "de vijfde Nederlander", "the fastest American": not the field's place
    if flow.describes_earlier_title(text, cue.cue, cue.end, article_year):
        return False  # "the silver medalist at the 2018 Games": a title held, not this race
    if flow.counts_achievement(text, cue.cue, cue.end, cue.start) or flow.race_state(text, cue.end):
        return False  # "a fourth career Olympic medal", "in gewonnen positie"
    if "kampioen" in cue.cue or "champion" in cue.cue:
        return (
            COPULA_BEFORE.search(text_before(text, sentence, cue.start)) is not None
            or BECAME_AFTER.match(text, cue.end, sentence.end) is not None
        )
    return True


# "heeft zich tot Nederlands kampioene allround gekroond", "is wereldkampioen sprint
# geworden": the verb that makes the title a result comes after it.
BECAME_AFTER = re.compile(r"(?:\s+[^\s,;.]+){0,3}?\s+(?:geworden|gekroond)\b", re.IGNORECASE)


# The runners-up a winner beat, in order: "sneller dan Takagi en Kok", "bleef X en Y voor".
BEATEN_BEFORE = re.compile(
    r"\b(?:sneller dan|versloeg|versloegen|onttroonde|bleef|blijft|bleven|ahead of|beat|"
    r"beating|edged|edging|pipped|pipping|defeated|defeating|outpaced|outpacing|outsprinted"
    r"|outsprinting)\b"
    # "won in 1.41,33, voor Nuis (1.42,80) en Kongshaug": a comma and "voor" after the win.
    r"|,\s*voor\b"
    # A time's decimal point is no sentence end: "ahead of De Boo (1:06.45) and Kongshaug".
    r"(?:[^.;]|\.(?=\d)){0,60}$",
    re.IGNORECASE,
)


def _infer_runners_up(
    text: str, sentence: Sentence, entities: Sequence[Entity], context: Context
) -> None:
    """Ranks 2 and 3 for the skaters a winner is said to have beaten, in the order named."""
    winner = next(
        (
            e
            for e in entities
            if not e.governed
            and (
                any(r.rank == 1 for r in e.ranks)
                or context.winners.get(
                    f"{context.distance}/{e.gender or context.gender}",
                    context.winners.get(context.distance or ""),
                )
                == e.name
            )
        ),
        None,
    )
    if winner is None:
        return
    listed = [
        e
        for e in entities
        if e.start > winner.end
        and e.governed
        and e.name != winner.name
        and BEATEN_BEFORE.search(text[winner.end : e.start])
    ]
    # "voor Gauthier (2de) en Hoogland": a rival whose place is stated keeps its slot in the
    # order, so the one after it is third; a stated place out of order stops the inference.
    if any(e.ranks for e in listed):
        for rank, entity in enumerate(listed[:2], start=2):
            if entity.ranks and entity.ranks[0].rank != rank:
                return
        beaten = [e for e in listed[:2] if not e.ranks]
        for entity in beaten:
            rank = listed.index(entity) + 2
            entity.ranks.append(patterns.RankMention(entity.start, entity.end, rank, "beaten"))
        return
    beaten = listed or _kept_behind(text, sentence, entities, winner)
    if len(beaten) == 1 and ALSO_BEATEN.search(text, winner.end, beaten[0].start):
        # "bleef Prins voor en was ook sneller dan De Boo": one more of the beaten, not second.
        return
    for rank, entity in enumerate(beaten[:2], start=2):
        entity.ranks.append(patterns.RankMention(entity.start, entity.end, rank, "beaten"))


ALSO_BEATEN = re.compile(r"\b(?:ook|also|too|eveneens)\b", re.IGNORECASE)


# "In het klassement blijft Leerdam Kok en Schulting voor": the separable "voorblijven",
# its objects listed between the winner and the closing "voor".
STAYED = re.compile(
    r"\b(?:bleef|blijft|bleven|blijven|voorbleef|voorblijft|hield|houdt|hielden)\b", re.IGNORECASE
)
# "bleef Roest ruim voor", "hield Groenewoud achter zich in het klassement".
CLOSING_VOOR = re.compile(
    r"\s+(?:(?:ruim|nipt|net|royaal|duidelijk|comfortabel|krap|ook|nog|simpel)\s+)?"
    r"(?:voor|voorbleef|voorblijft|achter\s+zich)"
    r"(?:\s+(?:in|op)\s+(?:het|de)\s+(?:eind|algemeen\s)?(?:klassement|eindstand|stand))?"
    r"\s*(?:[.,;:!]|$)",
    re.IGNORECASE,
)


def _kept_behind(
    text: str, sentence: Sentence, entities: Sequence[Entity], winner: Entity
) -> list[Entity]:
    if not STAYED.search(text, sentence.start, sentence.end):
        return []
    standings = STANDINGS.search(text, sentence.start, sentence.end) is not None
    after = [e for e in entities if e.start > winner.end and e.name != winner.name]
    for last, entity in enumerate(after):
        if CLOSING_VOOR.match(text, entity.end, sentence.end):
            listed = after[: last + 1]
            # One rival kept behind in a pairing ("bleef in de slotrit Bowe voor") is a duel
            # won, not a second place; a list, or the standings, is the podium.
            if (len(listed) > 1 or standings) and all(
                LIST_GAP.match(text[a.end : b.start]) for a, b in itertools.pairwise(listed)
            ):
                return [e for e in listed if not e.ranks]
            return []
    return []


# "moesten alleen Canada voor zich laten", "only Stolz was faster": the one ahead won, and
# the clause's subject was second.
ONLY_BEFORE = re.compile(r"\b(?:alleen|slechts|enkel|only)\s+(?:de\s+|het\s+|the\s+)?$", re.I)
AHEAD_AFTER = re.compile(
    r"\s+(?:voor\s+(?:zich\s+)?(?:laten|gaan|moeten\s+laten|dulden)|voor\s+laten\s+gaan|"
    r"(?:was|were)\s+(?:faster|quicker)|finished\s+ahead|(?:was|waren)\s+sneller)\b",
    re.IGNORECASE,
)


def _infer_beaten_in_clause(clause: BeatingClause | None, context: Context) -> None:
    """ "De winst was voor In 't Hof, die Groenewoud en Rijpma-de Jong voorbleef": the winner
    beat the clause's names, second and third in the order named."""
    if clause is None or any(e.ranks for e in clause.objects):
        return
    head, beaten = clause.head, clause.objects
    won = (
        any(r.rank == 1 for r in head.ranks)
        or context.winners.get(context.distance or "") == head.name
    )
    if not won:
        return
    for rank, entity in enumerate(beaten[:2], start=2):
        entity.ranks.append(patterns.RankMention(entity.start, entity.end, rank, "beaten"))


def _infer_only_ahead(text: str, sentence: Sentence, entities: Sequence[Entity]) -> None:
    for index, entity in enumerate(entities):
        if (
            entity.ranks
            or not ONLY_BEFORE.search(text_before(text, sentence, entity.start))
            or not AHEAD_AFTER.match(text, entity.end, sentence.end)
        ):
            continue
        entity.ranks.append(patterns.RankMention(entity.start, entity.end, 1, "only ahead"))
        subjects = [e for e in entities[:index] if not e.governed and e.name != entity.name]
        if subjects and not subjects[0].ranks:
            first = subjects[0]
            first.ranks.append(patterns.RankMention(first.start, first.end, 2, "only behind"))
        return


def _infer_leader(text: str, sentence: Sentence, entities: Sequence[Entity]) -> None:
    """ "Tweede achter Takagi": whoever the runner-up finished behind won."""
    ranked = [e for e in entities if e.ranks and e.ranks[0].rank == 2]
    if len(ranked) != 1:
        return
    runner_up = ranked[0]
    for entity in entities:
        if not entity.ranks and BEHIND.search(text_before(text, sentence, entity.start)):
            entity.ranks.append(patterns.RankMention(entity.start, entity.end, 1, "achter"))
            return
    # "Daarmee bleef ze twee seconden voor op nummer twee Groenewoud": ahead of the runner-up.
    for entity in entities:
        if (
            not entity.ranks
            and not entity.governed
            and entity.end <= runner_up.start
            and AHEAD_OF.search(text[entity.end : runner_up.start])
        ):
            entity.ranks.append(patterns.RankMention(entity.start, entity.end, 1, "ahead"))
            return
