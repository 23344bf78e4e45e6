"""What holds for a sentence because an earlier one said it: the competition, rink,
distance, day and gender, and who "zij" or "die" refers to."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from schaatsradar.extract import patterns
from schaatsradar.extract.countries import CountryMention
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import (
    Gender,
    HasSpan,
)

GENDERS: dict[str, Gender] = {"women": "women", "men": "men", "mixed": "mixed"}


@dataclass
class Context:
    """What holds for a sentence because an earlier one said it."""

    competition: str | None = None
    venue: str | None = None
    distance: str | None = None
    gender: Gender | None = None
    day: dt.date | None = None
    last_subject: Entity | None = None
    last_mentioned: Entity | None = None
    last_country: CountryMention | None = None
    last_record_type: str | None = None  # what "this record" refers back to
    winners: dict[str, str] = field(default_factory=dict)  # distance -> who won it
    article_year: int | None = None  # dates "vier jaar geleden" to an edition


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
    updated = replace(context)
    for mention in inside(mentions.context, sentence):
        if mention.kind == "competition":
            updated.competition = mention.value
        elif mention.kind == "gender" and mention.value in GENDERS:
            updated.gender = GENDERS[mention.value]
        elif mention.kind == "day" and article_date is not None:
            updated.day = patterns.resolve_day(mention.value, article_date) or updated.day
    venues = [
        v
        for v in inside(mentions.venues, sentence)
        if not EARLIER_MEET.search(text, max(sentence.start, v.start - 60), v.start)
    ]
    if venues:
        updated.venue = venues[-1].city
    if STANDINGS.search(text, sentence.start, sentence.end):
        # "In het klassement bleef De Boo …": the championship's classification.
        competition = (updated.competition or "").casefold()
        for kind in ("allround", "sprint"):
            if kind in competition:
                updated.distance = kind
                return updated
    distances = [
        d
        for d in race_distances(text, inside(mentions.distances, sentence))
        if not (
            _is_individual(updated.distance) and CHAMPIONSHIP_NAME.match(_mention_text(text, d))
        )
    ]
    if distances:
        updated.distance = distances[-1].distance
    return updated


# "de aflossing over 3000 meter": the length of a relay or pursuit, not another race.
LENGTH_OF_TEAM_RACE = re.compile(
    r"(?:aflossing|relay|achtervolging|pursuit|teamsprint|team sprint)\s+over\s+$", re.IGNORECASE
)


def race_distances(
    text: str, distances: Sequence[patterns.DistanceMention]
) -> list[patterns.DistanceMention]:
    return [
        d for d in distances if not LENGTH_OF_TEAM_RACE.search(text[max(0, d.start - 40) : d.start])
    ]


# "after a silver medal at last week's season opener in Stavanger": a rink named for an
# earlier meet does not move the story there.
EARLIER = (
    r"\b(?:last\s(?:week|weekend|month|season|year)(?:'s)?|vorige\s(?:week|maand)|"
    r"vorig\s(?:weekend|seizoen|jaar)|earlier\sthis\s(?:season|month)|eerder\sdit\sseizoen|"
    r"(?:\w+|\d+)\s(?:jaar|years?|weken|weeks|maanden|months|dagen|days)\s(?:geleden|ago))\b"
)
EARLIER_MEET = re.compile(EARLIER + r"[^.;:]*$", re.IGNORECASE)
FLASHBACK = re.compile(EARLIER, re.IGNORECASE)


def carried_after(text: str, sentence: Sentence, before: Context, after: Context) -> Context:
    """A sentence that looks back ("Vorig jaar pakte ze in Calgary het goud") holds its own
    rink, but the story stays where it was for the sentences after it."""
    if FLASHBACK.search(text, sentence.start, sentence.end):
        return replace(after, venue=before.venue)
    return after


STANDINGS = re.compile(
    r"\b(?:in het (?:eind)?klassement|in the (?:overall )?standings)\b", re.IGNORECASE
)


# "het WK allround", "de EK sprint": a championship's name, not the race a result is for.
CHAMPIONSHIP_NAME = re.compile(r"(?:WK|EK|NK|World|European|Dutch)\b", re.IGNORECASE)


def _mention_text(text: str, mention: HasSpan) -> str:
    return text[mention.start : mention.end]


def _is_individual(distance: str | None) -> bool:
    return distance is not None and distance.endswith("m")
