"""A result's own meet and rink: the ones its sentence names before it, else the story's; a
result in a flashback keeps those of its clause and is dated earlier.

Why a module of its own: `context` carries what earlier sentences said; this reads, per
result, what its own sentence overrides of that (`own_clause`), once the sentence's results
are known.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from schaatsradar.extract import context_lead
from schaatsradar.extract import context_mentions as scope
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import Result, Span
from schaatsradar.extract.venues import VenueMention


def own_clause(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    result: Result,
    article_date: dt.date | None,
    host: str | None = None,
    lead_venue: str | None = None,
) -> Result:
    """A result's meet and rink are the ones its own sentence names before it ("Bij de vorige
    World Cup, in Tomaszów, ging de zege naar Takagi"), else the story's. A result in a
    flashback ("drie jaar terug in Calgary", "in 2014 pakte hij in Sotsji op de Spelen
    zilver") keeps the meet and rink of its clause, is dated earlier, and never takes the
    story's rink."""
    lo, hi = sentence.start, sentence.end
    evidence = result.evidence
    earlier = result.earlier
    venues = inside(mentions.venues, sentence)
    named = [m for m in inside(mentions.context, sentence) if m.kind == "competition"]
    if not venues and not named and not earlier:
        return result  # nothing of its own to say: the story's meet and rink
    meets = [(m.start, m.end, m.value, False) for m in named] + [
        (t.start, t.end, t.value, t.format_guessed) for t in context_lead.find_titles(text, lo, hi)
    ]
    meet = next(
        (
            (start, end, value, guessed)
            for start, end, value, guessed in sorted(meets, reverse=True)
            if _governs(text, start, end, evidence, earlier)
            and scope.names_a_meet(text, lo, hi, start, end)
        ),
        None,
    )
    competition, guessed = result.competition, result.format_guessed
    if meet is not None:
        start, end, value, meet_guessed = meet
        flashback = scope.is_flashback_place(text, lo, hi, start, end, article_date, reach=30)
        if (flashback or earlier) and (
            competition is None or context_lead.kind_of(value) != context_lead.kind_of(competition)
        ):
            year = YEAR_SUFFIX.search(competition or "")
            competition, guessed = value + (year.group() if year else ""), meet_guessed
        earlier = earlier or flashback
    place = next(
        (
            v
            for v in reversed(venues)
            if _governs(
                text,
                v.start,
                v.end,
                evidence,
                earlier or _abroad(v, host) or _other_edition(v.city, lead_venue, competition),
            )
            and scope.is_race_venue(text, lo, hi, v.start, v.end)
        ),
        None,
    )
    if place is not None:
        venue: str | None = place.city
        # "toen was Schouten de sterkste in het Canadese Calgary" in a report of a meet in
        # Norway: a rink abroad is another meet's.
        earlier = (
            earlier
            or _abroad(place, host)
            or _other_edition(place.city, lead_venue, result.competition)
            or scope.is_flashback_place(text, lo, hi, place.start, place.end, article_date)
        )
    else:
        venue = None if earlier else result.venue
    if (venue, competition, guessed, earlier) == (
        result.venue,
        result.competition,
        result.format_guessed,
        result.earlier,
    ):
        return result
    if earlier and not result.earlier:
        return replace(
            result,
            venue=venue,
            competition=competition,
            format_guessed=guessed,
            earlier=True,
            race_date=None,
        )
    return replace(
        result, venue=venue, competition=competition, format_guessed=guessed, earlier=earlier
    )


def _other_edition(city: str | None, lead_venue: str | None, competition: str | None) -> bool:
    """ "Maltais, Blondin and Weidemann beat Japan for gold in Beijing", in a report from the
    Games in Milan: a championship is held at one rink, so the same championship at another
    rink is another edition of it."""
    return (
        lead_venue is not None
        and competition is not None
        and context_lead.kind_of(competition) in ONE_RINK_MEETS
        and city is not None
        and city.casefold() != lead_venue.casefold()
    )


ONE_RINK_MEETS = frozenset({"olympics", "world", "european", "national"})


def _abroad(venue: VenueMention, host: str | None) -> bool:
    """Whether a rink lies outside the host country the lead names."""
    return host is not None and venue.country is not None and venue.country != host


def _governs(text: str, start: int, end: int, evidence: Span, earlier: bool = False) -> bool:
    """Whether a meet or rink named at start..end frames a result with this evidence: named
    before the result's last word, with no "maar"/"but" between, and not in a clause of its
    own inside the result ("Leerdam, die vorig jaar in Calgary won, werd tweede"). A
    flashback's result also takes the meet its clause names after it ("won twee weken
    geleden een wereldbekerwedstrijd", "won vorig jaar in Calgary")."""
    if scope.in_prior_win_phrase(text, 0, start) and end <= evidence.start:
        return False  # "Na haar zege bij de World Cup won ze ook het NK": not this result's
    if start >= evidence.end:
        return (
            earlier
            and start - evidence.end <= 60
            and not CLAUSE_MARK.search(text, evidence.end, start)
            and not scope.CONTRAST.search(text, evidence.end, start)
        )
    if end <= evidence.start:
        return not scope.CONTRAST.search(text, end, evidence.start)
    return not CLAUSE_MARK.search(text, end, evidence.end)


# A comma ends a clause, the decimal comma of a Dutch time ("36,98") does not.
CLAUSE_MARK = re.compile(r"[;:()]|,(?!\d)|(?<!\d),")


YEAR_SUFFIX = re.compile(r"\s(?:19|20)\d\d$")
