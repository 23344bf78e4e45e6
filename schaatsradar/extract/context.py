"""What holds for a sentence because an earlier one said it: the competition, rink,
distance, day and gender, and who "zij" or "die" refers to. What a result's own sentence
overrides of the meet and rink is read in `result_meet`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from schaatsradar.extract import context_lead, patterns, story_race
from schaatsradar.extract import context_mentions as scope
from schaatsradar.extract.countries import CountryMention
from schaatsradar.extract.days import FINAL_DAY, outside_report, story_day
from schaatsradar.extract.hypothetical_clause import in_unheld_meet_clause
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.result_meet import _other_edition
from schaatsradar.extract.scanning import blind, gate
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import (
    Gender,
    HasSpan,
    Result,
)
from schaatsradar.extract.venues import VenueMention

GENDERS: dict[str, Gender] = {"women": "women", "men": "men", "mixed": "mixed"}


@dataclass
class Context:
    """What holds for a sentence because an earlier one said it."""

    competition: str | None = None
    # The format in `competition` is a guess from a title won on one race, not stated by the
    # text (`types.Result.format_guessed`); so are those of `lead_competition` and `season`.
    format_guessed: bool = False
    venue: str | None = None
    distance: str | None = None
    gender: Gender | None = None
    day: dt.date | None = None
    final_day: bool = False  # "op de slotdag": the meet's last day, which its days date
    last_subject: Entity | None = None
    last_mentioned: Entity | None = None
    # The subjects of the last sentences that had one, the latest first: a "hij" after a
    # sentence about a woman means the man before her.
    recent_subjects: tuple[Entity, ...] = ()
    # The previous sentence's one result when it is a time without a place: "Daarmee werd
    # hij elfde" completes it (extract/follow_on.py).
    last_timed: Result | None = None
    last_country: CountryMention | None = None
    last_record_type: str | None = None  # what "this record" refers back to
    winners: dict[str, str] = field(default_factory=dict)  # distance -> who won it
    article_year: int | None = None  # dates "vier jaar geleden" to an edition
    article_date: dt.date | None = None  # counts "vorig seizoen", "twee weken geleden" back
    lead_competition: str | None = None  # the meet the headline and lead set ("deze WK")
    lead_format_guessed: bool = False
    lead_venue: str | None = None
    season: str | None = None  # a series named only in sum ("het wereldbekerseizoen")
    season_format_guessed: bool = False
    lead_country: str | None = None  # the host country the lead names ("de WK in Noorwegen")

    def copy(self) -> Context:
        """A shallow copy, as `dataclasses.replace(self)` makes it, four times faster: the
        reader copies the context for every sentence."""
        new = object.__new__(Context)
        new.__dict__.update(self.__dict__)
        return new


@dataclass
class Entity:
    """A skater or a country named in a sentence."""

    start: int
    end: int
    name: str
    country: str | None
    gender: Gender | None
    team: bool
    governed: bool = False  # the object of its clause ("sneller dan X"), not its subject
    times: list[patterns.TimeMention] = field(default_factory=list)
    ranks: list[patterns.RankMention] = field(default_factory=list)


def update_context(
    text: str,
    context: Context,
    sentence: Sentence,
    mentions: Mentions,
    article_date: dt.date | None,
) -> Context:
    updated = context.copy()
    competitions = _competitions_in(mentions, sentence)
    for mention in inside(mentions.context, sentence):
        if mention.kind == "gender" and mention.value in GENDERS:
            updated.gender = GENDERS[mention.value]
        elif mention.kind == "day" and mention.value == FINAL_DAY:
            updated.day, updated.final_day = None, True
        elif mention.kind == "day" and article_date is not None:
            day = story_day(text, mention.start, mention.value, updated.day, article_date)
            # A day of another season, or of a meet to come, is not the story's race day.
            if day is not None and not outside_report(day, article_date):
                updated.day, updated.final_day = day, False
    elsewhere = _read_meet(text, updated, sentence, competitions, mentions, article_date)
    standings = _STANDINGS_GATE.open(text, sentence.start, sentence.end) and STANDINGS.search(
        text, sentence.start, sentence.end
    )
    if standings and not scope.in_relative_clause(text, sentence.start, standings.start()):
        # "In het klassement bleef De Boo …": the championship's classification.
        kind = classification_of(updated, standings.group()) or next(
            # "twee weken eerder was hij bij de WK sprint tweede in het eindklassement"
            (
                k
                for _, _, value, _ in competitions
                for k in CLASSIFICATIONS
                if k in value.casefold()
            ),
            None,
        )
        if kind is not None:
            updated.distance = kind
            return updated
    distances = [
        d
        for d in race_distances(text, inside(mentions.distances, sentence))
        if not (
            _is_individual(updated.distance) and CHAMPIONSHIP_NAME.match(_mention_text(text, d))
        )
        # "op het WK sprint twee dagen ervoor": another meet's name is not this race's distance
        and not any(a < d.end and d.start < b for a, b in elsewhere)
    ]
    distances = [d for d in distances if not story_race.not_raced(text, sentence, d)]
    if distances and not story_race.listed_or_titled(text, distances):
        updated.distance = distances[-1].distance
    return updated


def _read_meet(
    text: str,
    updated: Context,
    sentence: Sentence,
    competitions: list[tuple[int, int, str, bool]],
    mentions: Mentions,
    article_date: dt.date | None,
) -> list[tuple[int, int]]:
    """Set the meet and rink a sentence moves the story to (in place); `competitions` gets the
    titles added. Returns the spans of meets named that are not this story's."""
    competitions += [
        (t.start, t.end, t.value, t.format_guessed)
        for t in context_lead.find_titles(text, *_span(sentence))
    ]
    venues = event_venues(text, sentence, mentions, article_date)
    if updated.lead_country is not None and (
        updated.lead_competition is None
        or (updated.lead_competition, updated.lead_format_guessed)
        == (updated.competition, updated.format_guessed)
    ):
        # "de WK afstanden in Noorwegen ... toen was Schouten de sterkste in het Canadese
        # Calgary": a rink abroad is not where the lead's meet is held.
        venues = [v for v in venues if v.country in (None, updated.lead_country)]
    elsewhere: list[tuple[int, int]] = []  # meets named that are not this story's
    for start, end, value, guessed in sorted(competitions):
        if not scope.is_event_competition(
            text, sentence.start, sentence.end, start, end, article_date
        ):
            elsewhere.append((start, end))
            if updated.season is None and scope.is_season_mention(
                text, sentence.start, sentence.end, start, end
            ):
                updated.season, updated.season_format_guessed = value, guessed
            continue
        lead = updated.lead_competition
        if (
            lead is not None
            and context_lead.kind_of(lead) == context_lead.kind_of(value)
            and scope.THIS_MEET_BEFORE.search(text, max(sentence.start, start - 20), start)
        ):
            # "Op deze WK": back to the report's own meet, and its rink.
            updated.competition, updated.venue = lead, updated.lead_venue
            updated.format_guessed = updated.lead_format_guessed
            continue
        merged, merged_guessed = context_lead.merge_meet(
            updated.competition, updated.format_guessed, value, guessed
        )
        if updated.competition is not None and context_lead.kind_of(merged) != context_lead.kind_of(
            updated.competition
        ):
            # Another meet: its rink is the one this sentence names, else unknown.
            updated.venue = None
        updated.competition, updated.format_guessed = merged, merged_guessed
    if updated.venue is not None:
        # "Bergsma, die zaterdag nog een marathon reed in Enschede, ...": an aside about a
        # skater does not move a story whose rink is known.
        venues = [v for v in venues if not scope.in_relative_clause(text, sentence.start, v.start)]
    if venues:
        updated.venue = venues[-1].city
    return elsewhere


def lead_context(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Mentions,
    article_date: dt.date | None,
) -> Context:
    """The meet and rink the headline, dateline and first paragraph set for the whole report
    (until the text clearly moves on): a result named before the sentence that names the meet
    ("Kok won de 500 meter. Dat gebeurde bij de World Cup in Calgary.") belongs to it too."""
    year = article_date.year if article_date else None
    host = next(
        (
            c.code
            for c in mentions.countries
            if c.start < context_lead.LEAD_CHARS
            and HOST_BEFORE.search(text, max(0, c.start - 12), c.start)
        ),
        None,
    )
    reading = Context(article_year=year, article_date=article_date, lead_country=host)
    competition: str | None = None
    guessed = False
    venue: str | None = None
    for sentence in sentences:
        if sentence.start >= context_lead.LEAD_CHARS:
            break
        if sentence.run_on or not (
            inside(mentions.venues, sentence)
            or any(m.kind == "competition" for m in inside(mentions.context, sentence))
            or context_lead.find_titles(text, sentence.start, sentence.end)
        ):
            continue  # names no meet and no rink
        # "zou goed zijn geweest voor zilver op het WK", "ter voorbereiding op de Spelen": no
        # meet of the report.
        meets = [
            c
            for c in _competitions_in(mentions, sentence)
            if not in_unheld_meet_clause(text, sentence, c[0], c[1])
        ]
        _read_meet(text, reading, sentence, meets, mentions, article_date)
        # The first meet named sets it; a later name of the same kind only refines it.
        if reading.competition is not None and (
            competition is None
            or context_lead.kind_of(reading.competition) == context_lead.kind_of(competition)
        ):
            competition, guessed = context_lead.merge_meet(
                competition, guessed, reading.competition, reading.format_guessed
            )
        venue = venue or reading.venue
    city = context_lead.dateline_city(text)
    if city is not None:
        known = [
            v.city for v in mentions.venues if text[v.start : v.end].casefold() == city.casefold()
        ]
        venue = known[0] if known else city
    return Context(
        competition=competition,
        format_guessed=guessed,
        venue=venue,
        article_year=year,
        article_date=article_date,
        lead_competition=competition,
        lead_format_guessed=guessed,
        lead_venue=venue,
        lead_country=host,
    )


# "bij de WK afstanden in Noorwegen", "at the World Cup in Norway": the host country.
HOST_BEFORE = re.compile(r"\bin\s+(?:het\s+|the\s+)?$", re.IGNORECASE)


def classification_of(context: Context, cue: str = "") -> str | None:
    """Which classification a standings cue means: the championship's (allround or sprint),
    a "sprintvierkamp" or a "klassieke vierkamp" by its name; none at a World Cup."""
    named = cue.casefold()
    if "vierkamp" in named:
        return "sprint" if "sprint" in named else "allround"
    competition = (context.competition or "").casefold()
    for kind in CLASSIFICATIONS:
        if kind in competition:
            return kind
    return context.distance if context.distance in CLASSIFICATIONS else None


def _competitions_in(mentions: Mentions, sentence: Sentence) -> list[tuple[int, int, str, bool]]:
    """The competitions a sentence names: (start, end, name, format guessed), as titles are
    (`_read_meet`); a name is never a guess."""
    return [
        (m.start, m.end, m.value, False)
        for m in inside(mentions.context, sentence)
        if m.kind == "competition"
    ]


def _span(sentence: Sentence) -> tuple[int, int]:
    return sentence.start, sentence.end


def event_venues(
    text: str, sentence: Sentence, mentions: Mentions, article_date: dt.date | None
) -> list[VenueMention]:
    """The rinks a sentence names as where its races were (not a flashback's, a record's,
    a meet still to come or a skater's home town)."""
    return [
        v
        for v in inside(mentions.venues, sentence)
        if not EARLIER_MEET.search(text, max(sentence.start, v.start - 60), v.start)
        and scope.is_event_venue(text, sentence.start, sentence.end, v.start, v.end, article_date)
    ]


# "de aflossing over 3000 meter": the length of a relay or pursuit, not another race.
LENGTH_OF_TEAM_RACE = blind(
    r"(?:aflossing|relay|achtervolging|pursuit|teamsprint|team sprint)\s+over\s+$"
)
# Asked before every distance: most have no "over" before them, told by a substring test.
_LENGTH_OF_TEAM_RACE_GATE = gate(LENGTH_OF_TEAM_RACE, "over")


def race_distances(
    text: str, distances: Sequence[patterns.DistanceMention]
) -> list[patterns.DistanceMention]:
    return [
        d
        for d in distances
        if not (
            _LENGTH_OF_TEAM_RACE_GATE.open(text, max(0, d.start - 40), d.start)
            and LENGTH_OF_TEAM_RACE.search(text[max(0, d.start - 40) : d.start])
        )
        and not _titled_classification(text, d)
    ]


# "maar de wereldkampioen allround eindigde als tweede", "the world allround champion
# Patrick Roest", "that sprint title": who someone is, or a title named back, not the
# classification a place in this sentence was earned in.
TITLE_BEFORE = re.compile(
    r"(?:\b(?:de|het|een|the|a|an|regerend\w*|\w+voudig\w*|former|reigning|defending|"
    r"voormalig\w*|huidige|current)\s+(?:\w+\s+)?(?:wereld|europees|nederlands|olympisch)?"
    r"(?:kampioene?|champion)\s+$|\b(?:that|this|die|dat|deze)\s+$)",
    re.IGNORECASE,
)
TITLE_AFTER = re.compile(r"(?:[\s-]*(?:champion|kampioene?))\s+[A-ZÀ-Þ]")


def _titled_classification(text: str, mention: patterns.DistanceMention) -> bool:
    if mention.distance not in CLASSIFICATIONS:
        return False
    before = text[max(0, mention.start - 50) : mention.start]
    return bool(TITLE_BEFORE.search(before) or TITLE_AFTER.match(text, mention.end))


CLASSIFICATIONS = ("allround", "sprint")


# "after her bronze at last month's opening meet in Hamar": a rink named for an
# earlier meet does not move the story there.
EARLIER = (
    r"\b(?:last\s(?:week|weekend|month|season|year)(?:'s)?|vorige\s(?:week|maand)|"
    r"vorig\s(?:weekend|seizoen|jaar)|earlier\sthis\s(?:season|month)|eerder\sdit\sseizoen|"
    r"(?:\w+|\d+)\s(?:jaar|years?|weken|weeks|maanden|months|dagen|days)\s(?:geleden|ago)"
    # "een week eerder in Calgary", "two weeks earlier in Quebec": another stop of the tour
    # (days are left out: "een dag eerder" is mostly the same meet).
    r"|(?:\w+|\d+)\s(?:weeks?|weken|weekend|maand|maanden|months?|seizoen|seasons?)"
    r"\s(?:eerder|earlier|before|daarvoor|terug))\b"
)
EARLIER_MEET = blind(EARLIER + r"[^.;:]*$")
FLASHBACK = re.compile(EARLIER, re.IGNORECASE)
_FLASHBACK_GATE = gate(FLASHBACK, "last vorig earlier eerder geleden ago before daarvoor terug")


def carried_after(text: str, sentence: Sentence, before: Context, after: Context) -> Context:
    """A sentence that looks back ("Vorig jaar pakte ze in Calgary het goud") holds its own
    rink, but the story stays where it was for the sentences after it; so does one that names
    another edition's rink ("Stolz took bronze in Beijing" in a report from the Games in
    Milan)."""
    if _FLASHBACK_GATE.open(text, sentence.start, sentence.end) and FLASHBACK.search(
        text, sentence.start, sentence.end
    ):
        return replace(after, venue=before.venue)
    if after.venue != before.venue and _other_edition(
        after.venue, after.lead_venue, after.competition
    ):
        return replace(after, venue=before.venue)
    return after


STANDINGS = blind(
    r"\b(?:in het (?:eind|algemeen |algemene )?klassement|in de eind(?:stand|rangschikking)"
    r"|in the (?:overall |final )?standings|in the overall classification"
    r"|(?:op|on|in) de (?:klassieke |allround|sprint)?vierkamp)\b"
)
_STANDINGS_GATE = gate(
    STANDINGS, "klassement eindstand eindrangschikking standings classification vierkamp"
)


# "het WK allround", "de EK sprint": a championship's name, not the race a result is for.
CHAMPIONSHIP_NAME = re.compile(r"(?:WK|EK|NK|World|European|Dutch)\b", re.IGNORECASE)


def _mention_text(text: str, mention: HasSpan) -> str:
    return text[mention.start : mention.end]


def _is_individual(distance: str | None) -> bool:
    return distance is not None and distance.endswith("m")
