"""Who a record belongs to, when the words do not put a name right next to it.

A reporter names the setter of a record as the subject of the sentence ("Kok reed een
baanrecord"), by a pronoun or a nationality ("De Amerikaan nam het record over"), or not at
all in the sentence that beats the old mark ("Daarmee verdween het baanrecord van De Boo uit
de boeken": the skater of the sentence before). In team events the holder is a country, named
as one ("Japan"), by its skaters, or as "de Amerikaanse mannen".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from schaatsradar.extract.context import Context
from schaatsradar.extract.countries import COUNTRIES, CountryMention
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.names import NameMention
from schaatsradar.extract.record_marks import Holder, SentenceView, neighbour
from schaatsradar.extract.types import TEAM_DISTANCES, Gender, Result


@dataclass(frozen=True)
class Who:
    """A record's holder as the contract names it: a skater, or a country in team events."""

    name: str
    gender: Gender | None


ADJECTIVE_COUNTRY = {
    adjective.casefold(): code
    for code, (_name, _names, adjectives) in COUNTRIES.items()
    for adjective in adjectives
}
_ADJECTIVES = "|".join(sorted((re.escape(a) for a in ADJECTIVE_COUNTRY), key=len, reverse=True))
# "De Amerikaanse mannen", "de Nederlandse teamsprintsters", "the Dutch women": a team.
TEAM_BY_NATIONALITY = re.compile(
    rf"\b(?:[Dd]e|[Tt]he|[Hh]et)\s(?P<adj>{_ADJECTIVES})\s(?:mannen|vrouwen|heren|dames"
    r"|junioren|jongens|meisjes|men|women|juniors|ploeg|team|trio|\w*sters|\w*ers)\b",
)
# Before a name, words that make it the object of its clause: "van Jenning de Boo", "sneller
# dan Takagi", "set by Hallberg".
GOVERNED_BEFORE = re.compile(
    r"\b(?:van|of|by|door|from|dan|than|achter|behind|over|tegen|against|voor|to|naar)\s"
    r"(?:[\w-]+\s){0,2}$",
    re.IGNORECASE,
)
# "Het eerste baanrecord van het toernooi was vrijdag al voor Italië": the record went to.
RECIPIENT_BEFORE = re.compile(
    r"\b(?:was|is|ging|gaat|went|goes|belonged)\b[^,;:.]{0,60}?\s(?:voor|naar|to)\s$",
    re.IGNORECASE,
)
RECIPIENT_REACH = 90
# "Dat was het baanrecord": the mark of the performance the previous sentence described.
POINTER_OPENER = re.compile(r"[\"“‘']?(?:Dat|Dit|That|This|It)\s(?:was|is|were)\b")
LOOK_BACK_SENTENCES = 2


def is_team(context: Context) -> bool:
    return context.distance in TEAM_DISTANCES


def who(holder: Holder, context: Context, view: SentenceView | None = None) -> Who | None:
    """The contract's name for a holder: in team events a skater stands for their country."""
    if isinstance(holder, CountryMention):
        return Who(holder.name, context.gender)
    if is_team(context):
        team = _country_of_skaters(view, holder) if view is not None else None
        return team or _country_name(holder.skater.country, context)
    last = context.last_subject
    if (
        view is not None
        and holder.how == "reference"
        and view.text[holder.start : holder.end].casefold() in _PRONOUNS
        and last is not None
        and not last.team
        and last.gender in (None, holder.skater.gender)
    ):
        # "Het wereldrecord, dat hij in 2013 reed": a bare pronoun stands for whom the
        # sentences were about, not for the name finder's last person (an object, perhaps).
        return Who(last.name, last.gender)
    return Who(holder.skater.name, holder.skater.gender)


_PRONOUNS = frozenset({"hij", "zij", "ze", "he", "she"})


def _country_name(code: str | None, context: Context) -> Who | None:
    if code in COUNTRIES:
        return Who(COUNTRIES[code][0], context.gender)
    return None


def _country_of_skaters(view: SentenceView, first: NameMention) -> Who | None:
    """ "gereden door Kramer, Blokhuijsen en Verweij": the country all of them skate for."""
    codes = {n.skater.country for n in view.names if n.start >= first.start} - {None}
    if len(codes) == 1:
        code = next(iter(codes))
        return Who(COUNTRIES[code][0], None) if code in COUNTRIES else None
    return None


def team_named(view: SentenceView, context: Context) -> Who | None:
    """A team the sentence names: a country, "de Amerikaanse mannen", or its skaters."""
    if view.countries:
        return Who(view.countries[0].name, context.gender)
    m = TEAM_BY_NATIONALITY.search(view.text, view.start, view.end)
    if m is not None:
        return _country_name(ADJECTIVE_COUNTRY[m.group("adj").casefold()], context)
    if view.names:
        return who(view.names[0], context, view)
    return None


def is_governed(view: SentenceView, holder: Holder) -> bool:
    return bool(GOVERNED_BEFORE.search(view.text, max(view.start, holder.start - 30), holder.start))


def subject(view: SentenceView, context: Context, exclude: str | None = None) -> Who | None:
    """The first skater (or, in team events, team) the sentence names that is not the object
    of its clause."""
    if is_team(context):
        team = team_named(view, context)
        return team if team is not None and team.name != exclude else None
    for name in view.names:
        found = who(name, context, view) if not is_governed(view, name) else None
        if found is not None and found.name != exclude:
            return found
    return None


def recipient(view: SentenceView, context: Context, after: int) -> Who | None:
    """ "was vrijdag al voor Italië", "went to Stolz": the one a record went to."""
    for holder in view.holders:
        if holder.start < after:
            continue
        lead = view.text[max(view.start, holder.start - 6) : holder.start].casefold()
        if lead.endswith(("voor ", "naar ", "to ")) and RECIPIENT_BEFORE.search(
            view.text, max(view.start, holder.start - RECIPIENT_REACH), holder.start
        ):
            return who(holder, context, view)
    return None


# "landgenote Femke Kok die een wereldrecord reed": the record is in a clause about her.
# "X, die een baanrecord reed", "X, whose 1:40.08 was a world record" (a time's own dot or
# comma does not end the clause).
RELATIVE_TO_RECORD = re.compile(
    r",?\s(?:die|dat|who|that|whose|wiens|wier)\s(?:[^,;.]|(?<=\d)[.,](?=\d)){0,40}$",
    re.IGNORECASE,
)


def relative_subject(view: SentenceView, context: Context, start: int) -> Who | None:
    """The skater a relative clause holding the record word (at `start`) is about."""
    for name in reversed(view.names):
        if name.end > start:
            continue
        if start - name.end > RELATIVE_REACH:
            break  # the names are in text order: the rest lie further back
        if RELATIVE_TO_RECORD.fullmatch(view.text, name.end, start):
            return who(name, context, view)
    return None


RELATIVE_REACH = 50


def earlier_subject(
    text: str, view: SentenceView, mentions: Mentions, context: Context, exclude: str | None
) -> Who | None:
    """Whom the sentences just before were about: the first skater they name who is not the
    object of a clause (in team events, the team)."""
    sentence = view.sentence
    for _ in range(LOOK_BACK_SENTENCES):
        prev = neighbour(text, sentence, -1)
        if prev is None:
            return None
        names = tuple(inside(mentions.names, prev))
        countries = tuple(inside(mentions.countries, prev))
        prev_view = SentenceView(text, prev, names, countries)
        found = subject(prev_view, context, exclude)
        if found is None and names and not is_team(context):
            found = next((Who(n.skater.name, n.skater.gender) for n in names
                          if n.skater.name != exclude), None)  # fmt: skip
        if found is not None:
            return found
        sentence = prev
    return None


def by_nationality(mentions: Mentions, adjective: str, before: int) -> Who | None:
    """ "het oude wereldrecord van de Zuid-Koreaanse": the last skater of that country
    named before."""
    code = ADJECTIVE_COUNTRY.get(adjective.casefold())
    if code is None:
        return None
    for name in reversed(mentions.names):
        if name.start < before and name.skater.country == code:
            return Who(name.skater.name, name.skater.gender)
    return None


def owner_of(results: Sequence[Result], seconds: float) -> Result | None:
    """The result a time in the sentence became: who skated it, over which distance."""
    return next((r for r in results if r.seconds == seconds), None)


def points_back(view: SentenceView) -> bool:
    """ "Dat was het baanrecord ...": the sentence points back at what came before."""
    return POINTER_OPENER.match(view.text, view.start, view.end) is not None
