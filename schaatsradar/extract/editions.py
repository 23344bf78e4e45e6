"""Which meet a result belongs to when a sentence looks back in time.

A place or time may be this meet's or an earlier one's: "vorig jaar", "vier jaar geleden", "in
2019", "net als in 2023". This module finds where a sentence looks back (`Lookback`), whether a
place or time is dated earlier or in the future, the year(s) of the edition it names and the
rink of that earlier meet. An earlier result gets its own edition (`_in_edition`): its year, no
race day, no rink of today's meet. The earlier results a comparison implies ("net als Gianni
Romme in 2000") are in `edition_comparisons`, those a named day dates in `dated_history`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from schaatsradar.extract import context_lead, dated_years, flow, patterns, relative_dates
from schaatsradar.extract.context import FLASHBACK, Context
from schaatsradar.extract.mentions import Mentions, inside, text_before
from schaatsradar.extract.scanning import gate
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import Result

HERE = re.compile(r"\b(?:hier|daar|here|there|ook\s+al\s+in)\b", re.IGNORECASE)


ORIGIN_BEFORE = re.compile(r"\b(?:from|uit)\s+$", re.IGNORECASE)


def _earlier_venue(
    text: str, sentence: Sentence, mentions: Mentions, current: str | None, position: int
) -> str | None:
    """The rink of an earlier meet: the one its sentence names nearest the fact (not a
    skater's home town, "from Quebec City"), the reported meet's when it says "hier", else
    unknown."""
    named = [
        v
        for v in inside(mentions.venues, sentence)
        if not ORIGIN_BEFORE.search(text, max(sentence.start, v.start - 6), v.start)
    ]
    if not named:
        return current if HERE.search(text, sentence.start, sentence.end) else None
    # "at last week's season opener in Stavanger", "vorige week in Hamar": the rink the
    # look back names, else the one nearest the fact.
    for back in LOOKING_BACK.finditer(text, sentence.start, sentence.end):
        after = [v for v in named if 0 <= v.start - back.end() <= 40]
        if after:
            return after[0].city
    if named:
        return min(named, key=lambda v: min(abs(v.start - position), abs(v.end - position))).city
    return current if HERE.search(text, sentence.start, sentence.end) else None


def _dated_year(
    text: str, sentence: Sentence, cue: patterns.RankMention, context: Context
) -> int | None:
    """The earlier year the clause before a place dates it to ("werd in 2019 kampioen")."""
    year = dated_years.year_before(text, sentence.start, cue.start)
    if year is None:
        year = dated_years.year_referred_back(
            text, sentence.start, sentence.end, context.article_year
        )
    if year is None or context.article_year is None or year >= context.article_year:
        return None
    return year


def _future(text: str, sentence: Sentence, cue: patterns.RankMention, context: Context) -> bool:
    """ "wil in 2030 olympisch goud winnen": a place dated after the article is no result."""
    year = dated_years.year_before(text, sentence.start, cue.start)
    return year is not None and context.article_year is not None and year > context.article_year


def _looks_back(
    text: str,
    sentence: Sentence,
    cue: patterns.RankMention,
    lookback: Lookback,
    context: Context,
) -> bool:
    """Whether a place is dated to an earlier meet: by its own clause ("vorig jaar"), by a
    look back that opens the sentence ("Four years ago, X won"), or by an earlier year."""
    return (
        lookback.looks_back(cue.start, cue.end)
        or flow.opening_flashback(text, sentence.start, cue.start, LOOKING_BACK)
        or _dated_year(text, sentence, cue, context) is not None
    )


def _time_looks_back(
    text: str,
    sentence: Sentence,
    time: patterns.TimeMention,
    lookback: Lookback,
    context: Context,
) -> bool:
    """Whether a time is dated to an earlier meet ("in 2013 won hij in 6.08,44")."""
    return (
        lookback.looks_back(time.start, time.end)
        or flow.opening_flashback(text, sentence.start, time.start, LOOKING_BACK)
        or _time_year(text, sentence, time, context) is not None
    )


def _time_year(
    text: str, sentence: Sentence, time: patterns.TimeMention, context: Context
) -> int | None:
    year = dated_years.year_before(text, sentence.start, time.start)
    if year is None:
        year = dated_years.year_referred_back(
            text, sentence.start, sentence.end, context.article_year
        )
    if year is None or context.article_year is None or year >= context.article_year:
        return None
    return year


# "werd eerder Europees kampioene in 2021 en in 2023": the editions a place was earned in.
YEARS_AFTER = re.compile(
    r"(?:(?!\b(?:sinds|since)\b)[^,;:.]){0,80}?\bin\s+((?:19|20)\d\d)((?:\s*(?:,|en|and)\s*(?:in\s+)?(?:19|20)\d\d)*)\b",
    re.IGNORECASE,
)
# A meet named by its year: "won bronze at the 2018 Olympics", "op de Spelen van 2018"
# (an earlier year only: "at the 2022 Olympics" in a 2022 report is this meet).
YEAR_MEET_AFTER = re.compile(
    r"(?:(?!\b(?:sinds|since)\b)[^,;:.]){0,80}?\b(?:(?:at|bij|op)\s+(?:the|de|het)"
    r"|(?:Spelen|Games|WK|EK|NK)\s+(?:van|of))\s+((?:19|20)\d\d)\b()",
    re.IGNORECASE,
)


def _years_after(
    text: str, sentence: Sentence, cue: patterns.RankMention, article_year: int | None
) -> re.Match[str] | None:
    after = YEARS_AFTER.match(text, cue.end, sentence.end)
    if after is not None:
        return after
    meet = YEAR_MEET_AFTER.match(text, cue.end, sentence.end)
    if meet is None or article_year is None or int(meet.group(1)) >= article_year:
        return None
    return meet


# "Kok werd net als in 2023 tweede": this year's place, and that edition's too.
AS_IN_YEAR = re.compile(
    r"\b(?:net\s+als|zoals|as|like)\s+in\s+((?:19|20)\d\d)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
YEAR = re.compile(r"(?:19|20)\d\d")
# The shared look-back words and the ones issue 11 adds ("twee jaar terug", "the previous
# season").
LOOKING_BACK = re.compile(f"{FLASHBACK.pattern}|{flow.MORE_EARLIER}", re.IGNORECASE)
_LOOKING_BACK_GATE = gate(
    LOOKING_BACK, "last vorig earlier eerder geleden ago terug before previous"
)
YEARS_AGO = re.compile(
    r"\b(\w+)\s+(?:jaar|years?)\s+(?:geleden|ago|terug|eerder|earlier|before)\b|\b(vorig)\s+jaar\b"
    r"|\b(last)\s+year\b",
    re.IGNORECASE,
)
# A look back of days or weeks: the same year as the article's (a meet in the first week of
# January looking back to December is the rare exception).
DAYS_AGO = re.compile(
    r"\b(?:(?:last|vorige)\s+(?:week|weekend)(?:['\u2019]s)?|vorig\s+weekend|"
    r"(?:\w+|\d+)\s+(?:weken|weeks?|dagen|days?)\s+(?:geleden|ago|eerder|earlier|terug))\b",
    re.IGNORECASE,
)
NUMBERS = {
    "een": 1,
    "één": 1,
    "one": 1,
    "twee": 2,
    "two": 2,
    "drie": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "vijf": 5,
    "five": 5,
    "zes": 6,
    "six": 6,
    "acht": 8,
    "eight": 8,
    "tien": 10,
    "ten": 10,
    "twaalf": 12,
    "twelve": 12,
}


# Where a clause ends: a comma, or a conjunction that starts a clause of its own ("took the
# race in Heerenveen after picking up silver at last week's opener").
CLAUSE_BREAK = re.compile(
    r",\s|;\s|:\s|\s(?:after|before|while|nadat|terwijl|voordat|maar|but|as|whereas|doordat)\s"
    # "pakte de titel die ze vorig jaar verloor": the relative clause holds its own time.
    r"|\s(?:die|dat|who|which)\s",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Lookback:
    """Where a sentence's clauses break and where it looks back in time, found once per
    sentence: asking per rank word made dense text quadratic."""

    sentence: Sentence
    breaks: tuple[tuple[int, int], ...]
    flashbacks: tuple[tuple[int, int], ...]
    years_ago: re.Match[str] | None

    @classmethod
    def of(cls, text: str, sentence: Sentence) -> Lookback:
        if not _LOOKING_BACK_GATE.open(text, sentence.start, sentence.end):
            return cls(sentence, (), (), None)
        flashbacks = tuple(
            m.span()
            for m in LOOKING_BACK.finditer(text, sentence.start, sentence.end)
            if not flow.describes_holder(text, m.end())
            and not flow.likened(text, sentence.start, m.start())
        )
        if not flashbacks:
            return cls(sentence, (), (), None)
        breaks = tuple(m.span() for m in CLAUSE_BREAK.finditer(text, sentence.start, sentence.end))
        return cls(
            sentence, breaks, flashbacks, YEARS_AGO.search(text, sentence.start, sentence.end)
        )

    def looks_back(self, start: int, end: int) -> bool:
        """Whether the clause around `start`..`end` dates it to an earlier meet."""
        return bool(self.clause_flashbacks(start, end))

    def clause_flashbacks(self, start: int, end: int) -> list[tuple[int, int]]:
        """The look backs inside the clause around `start`..`end`."""
        if not self.flashbacks:
            return []
        clause_start = max(
            (b_end for _, b_end in self.breaks if b_end <= start), default=self.sentence.start
        )
        clause_end = next((b for b, _ in self.breaks if b >= end), self.sentence.end)
        return [(f, g) for f, g in self.flashbacks if clause_start <= f and g <= clause_end]


def dated_after(
    text: str, sentence: Sentence, cue: patterns.RankMention, article_year: int | None
) -> bool:
    """Whether a year right after a place in its clause dates it to an earlier edition
    ("who was third in 2018, finished sixth": the third place is 2018's)."""
    after = _years_after(text, sentence, cue, article_year)
    return after is not None and article_year is not None and int(after.group(1)) < article_year


def _editions(
    text: str,
    sentence: Sentence,
    result: Result,
    cue: patterns.RankMention | None,
    article_year: int | None,
    lookback: Lookback,
    *,
    article_date: dt.date | None = None,
) -> list[Result]:
    """One result per edition a place is dated to; undated, the race being reported."""
    if cue is None:
        return [result]
    as_in = AS_IN_YEAR.search(text_before(text, sentence, cue.start))
    if as_in is not None:
        return [result, _in_edition(result, as_in.group(1))]
    after = _years_after(text, sentence, cue, article_year)
    if after is None:
        # "Vier jaar geleden in Peking", "last year": the year follows from the article's.
        back = lookback.years_ago
        if back is not None and article_year is not None and result.earlier:
            count = next(g for g in back.groups() if g).casefold()
            ago = 1 if count in {"vorig", "last", "a", "een"} else NUMBERS.get(count)
            if ago is None and count.isdigit():
                ago = int(count)
            if ago:
                return [_in_edition(result, str(article_year - ago))]
        counted = _counted_back(text, sentence, result, cue, lookback, article_date)
        if counted is not None:
            return [counted]
        if (
            article_year is not None
            and result.earlier
            and result.year is None
            and DAYS_AGO.search(text, lookback.sentence.start, lookback.sentence.end)
        ):
            # "after picking up silver at last week's season opener": earlier, but this year
            # (and this season: the meet keeps its name).
            return [replace(result, year=article_year, race_date=None)]
        return [result]
    years = [after.group(1), *YEAR.findall(after.group(2) or "")]
    return [_in_edition(result, year) for year in years]


# Look backs a season or a month dates, and the Games a "vorige Spelen" names: counted back
# from the article's date (extract/relative_dates.py).
_COUNTED_KINDS = frozenset(
    {"prev_season", "past_season", "seasons_ago", "prev_winter", "past_winter",
     "prev_month", "months_ago", "prev_games"}
)  # fmt: skip
_YEAR_KINDS = frozenset({"prev_year", "years_ago"})
# Kept under the meet's own name, as "last week's" is: another stop of this season's tour.
_SAME_NAME_KINDS = frozenset({"prev_month", "months_ago"})


def _counted_back(
    text: str,
    sentence: Sentence,
    result: Result,
    cue: patterns.RankMention | patterns.TimeMention | _At,
    lookback: Lookback,
    article_date: dt.date | None,
    kinds: frozenset[str] = _COUNTED_KINDS,
) -> Result | None:
    """The edition a look back in the place's own clause ("Last season, Stolz became world
    champion", "Bij de vorige Spelen werd ze tweede") or opening the sentence dates an earlier
    result to, counted from the article's date; None when the look back names no year for
    this kind of meet (a World Cup season spans two) or none is in the clause."""
    if article_date is None or not result.earlier or result.year is not None:
        return None
    spans = lookback.clause_flashbacks(cue.start, cue.end)
    if not spans and flow.opening_flashback(text, sentence.start, cue.start, LOOKING_BACK):
        spans = [lookback.flashbacks[0]] if lookback.flashbacks else []
    found = [
        m
        for f, g in spans
        for m in relative_dates.RELATIVE.finditer(text, max(sentence.start, f - 4), g)
        if m.lastgroup in kinds
    ]
    if len(found) != 1:
        return None  # none, or two look backs in one clause: which dates the place is unsaid
    back = relative_dates.resolve(found[0].group(), article_date)
    if back is None:
        return None
    competition, guessed = result.competition, result.format_guessed
    if back.games and (competition is None or context_lead.kind_of(competition) != "olympics"):
        competition, guessed = "Olympic Games", False
    # "Vorig seizoen werd ze wereldkampioen" in a World Cup report: the title's meet is dated.
    title = cue.cue if isinstance(cue, patterns.RankMention) else ""
    titled = next((meet for pattern, meet in TITLE_MEETS if pattern.search(title)), None)
    year = relative_dates.meet_year(back, titled or competition)
    if year is None or year > article_date.year:
        return None
    if found[0].lastgroup in _SAME_NAME_KINDS:
        return replace(result, year=year, race_date=None)
    return _in_edition(replace(result, competition=competition, format_guessed=guessed), str(year))


def timed_counted_back(
    text: str,
    sentence: Sentence,
    result: Result,
    time: patterns.TimeMention,
    lookback: Lookback,
    article_date: dt.date | None,
) -> Result:
    """ "Vorig seizoen reed ze 1.13,20 op de WK", "Vorig jaar klokte hij 34,50": an earlier
    time without a place, dated as a place is (a look back of days or weeks keeps the meet
    undated, as `_editions` leaves it for a time)."""
    counted = _counted_back(
        text, sentence, result, time, lookback, article_date, _COUNTED_KINDS | _YEAR_KINDS
    )
    return result if counted is None else counted


@dataclass(frozen=True)
class _At:
    start: int
    end: int


def dated_by_own_meet(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    result: Result,
    article_date: dt.date | None,
) -> Result:
    """ "Vorig seizoen won ze de 5000 meter bij de WK afstanden", in a World Cup report: the
    meet the sentence names is read after its places (`result_meet.own_clause`), so a season
    that names a year only for a championship is counted again once that meet is known."""
    if (
        not result.earlier
        or result.year is not None
        or article_date is None
        or result.competition is None
        or not any(m.kind == "competition" for m in inside(mentions.context, sentence))
    ):
        return result
    lookback = Lookback.of(text, sentence)
    end = result.evidence.end
    counted = _counted_back(
        text,
        sentence,
        result,
        _At(max(result.evidence.start, end - 1), end),
        lookback,
        article_date,
        _COUNTED_KINDS | _YEAR_KINDS,
    )
    return result if counted is None else replace(counted, venue=result.venue)


# The championship a title word names: "wereldkampioen", "world title" are a WK's, "Europees
# kampioene" an EK's, "olympisch kampioen" the Games'.
TITLE_MEETS = (
    (re.compile(r"olympi|olympic", re.IGNORECASE), "Olympic Games"),
    (re.compile(r"wereld(?:kampioen|titel)|world\s+(?:champion|title)", re.IGNORECASE), "WK"),
    (re.compile(r"europe\w*\s*(?:kampioen|titel|champion|title)", re.IGNORECASE), "EK"),
    (re.compile(r"nederlands\w*\s*(?:kampioen|titel)|national\s+(?:champion|title)", re.I), "NK"),
)


def titled_meet(result: Result, cue: patterns.RankMention | None) -> Result:
    """ "Schouten kroonde zich in 2015 en 2019 tot wereldkampioen", in an EK report: an earlier
    title is of the championship it names, not of the kind of meet being reported. "Ze is
    Europees kampioene op de 1500 meter", in a WK report: a title held from another kind of
    championship is that championship's, an earlier one (no day, no rink of this meet)."""
    if cue is None or (result.competition is None and not result.earlier):
        return result
    named = next((meet for pattern, meet in TITLE_MEETS if pattern.search(cue.cue)), None)
    if named is None or (
        result.competition is not None
        and context_lead.kind_of(named) == context_lead.kind_of(result.competition)
    ):
        return result
    if not result.earlier:
        return replace(
            result,
            competition=named,
            format_guessed=False,
            earlier=True,
            race_date=None,
            venue=None,
        )
    return replace(
        result,
        competition=f"{named} {result.year}" if result.year else named,
        format_guessed=False,
    )


def _in_edition(result: Result, year: str) -> Result:
    name = f"{result.competition} {year}" if result.competition else year
    return replace(
        result, competition=name, race_date=None, venue=None, earlier=True, year=int(year)
    )
