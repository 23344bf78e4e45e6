"""The meet a reported result is filed under, or why it is kept as a mention.

Why: a result shown under the wrong meet is a wrong result. Meets are real: one comes from
the calendar, an official list, the Olympic table, or a report of that meet (see
`meet_rules`); never from a meet named in passing, a year alone, or a date on the page that
is not a race day. History is history: a result of an earlier meet is filed under that meet
when it is known (by kind, year and rink), and is otherwise a mention, never a result of the
meet being reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from schaatsradar.knowledge import championships, meet_rules, olympics
from schaatsradar.knowledge.championship_format import (
    bare_championship,
    championship_for,
    format_by_races,
    skates_all,
)
from schaatsradar.knowledge.disciplines import SHORT_TRACK_LEVEL, is_short_track
from schaatsradar.knowledge.matching import (
    CALENDAR_LEVELS,
    REPORTED_WITHIN,
    YEAR,
    choose_meet,
    city_key,
    fits_level,
    level_of,
    slugify,
)
from schaatsradar.knowledge.meet_rules import Report, format_of
from schaatsradar.store import knowledge as kb
from schaatsradar.store.knowledge import CompetitionRow

MENTION = "kept as a mention: "
# A short-track meet's race days lie this close to one another (Friday to Sunday).
SAME_WEEKEND = dt.timedelta(days=2)
Holds = Callable[[CompetitionRow, str], bool]


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _year(fact: dict[str, Any]) -> int | None:
    if fact.get("year"):
        return int(fact["year"])
    match = YEAR.search(fact.get("competition") or "")
    return int(match.group()) if match else None


def meet_for(
    conn: Connection,
    fact: dict[str, Any],
    report: Report,
    *,
    holds: Holds,
    season: tuple[dt.date, dt.date],
) -> int | str:
    """The id of the meet a result belongs to, or the reason it is none. `season`: the days
    the bundled calendar covers (it lists every meet of its levels then)."""
    competition, venue = fact.get("competition"), fact.get("venue")
    race_date = _day(fact.get("race_date"))
    year = _year(fact)
    # A year outside the article's season ("de WK van 2021" in 2025) dates history too.
    this_season = range(meet_rules.season_of(report.first), meet_rules.season_of(report.last) + 2)
    earlier = bool(fact.get("earlier")) or (
        year is not None and year not in this_season and not report.everything
    )
    if is_short_track(competition):
        return _short_track_meet(conn, fact, race_date, report, earlier)
    if earlier and year is not None:
        fact = _history_format(fact, report, year)
    fact = _format_by_table(fact, race_date, report, year, earlier)
    competition = fact.get("competition")
    # Before any meet is looked for: a known meet of another format is no reason to keep a
    # format the table says was not held (nor a guessed one it corrects).
    checked = _checked_championship(fact, race_date, report, year, earlier)
    if isinstance(checked, str):
        return checked
    fact, competition = checked, checked.get("competition")
    if not earlier:
        for published in sorted({report.first, report.last}):
            found = _calendar_meet(conn, fact, race_date, published, holds, report)
            if found is not None:
                return found
    if level_of(competition) == "olympics":
        return _olympic_meet(conn, fact, race_date, report, year, earlier, holds)
    if earlier:
        return _history_meet(conn, competition, venue, year)
    if not competition and not venue:
        return "no known or plausible competition for it (the text names no meet, rink or day)"
    return _news_meet(conn, fact, race_date, report, season, holds)


def _checked_championship(
    fact: dict[str, Any],
    race_date: dt.date | None,
    report: Report,
    year: int | None,
    earlier: bool,
) -> dict[str, Any] | str:
    """The fact with its championship's format held against the bundled table (see
    `championships.checked_format`): as it was, with the table's format for a guessed one,
    or the reason it is kept as a mention. A championship's edition is the calendar year its
    days lie in (championships are skated from January to March)."""
    competition, venue = fact.get("competition"), fact.get("venue")
    level, form = level_of(competition), format_of(competition)
    if level not in meet_rules.CHAMPIONSHIP_NAMES or form is None:
        return fact
    if earlier and year is None:
        return fact  # undated history: `_history_meet` keeps it a mention
    edition = year if earlier and year is not None else (race_date or report.last).year
    # A rink the article reports another kind of meet at may be carried onto a championship
    # named in passing ("vorige maand WK sprint" in a World Cup report): not the WK's rink.
    rink = city_key(venue)
    other_kind = any(place == rink and kind != level for kind, place in report.meets)
    checked = championships.checked_format(
        level,
        form,
        edition,
        None if other_kind else venue,
        distance=fact["distance"],
        guessed=bool(fact.get("format_guessed")),
    )
    if checked.reason:
        what = " ".join(v for v in (competition, venue) if v)
        return MENTION + f"{what}: {checked.reason}"
    if checked.form == form:
        return fact
    name = f"{meet_rules.CHAMPIONSHIP_NAMES[level]} {meet_rules.FORMAT_NAMES[checked.form or '']}"
    return {**fact, "competition": name}


def _format_by_table(
    fact: dict[str, Any],
    race_date: dt.date | None,
    report: Report,
    year: int | None,
    earlier: bool,
) -> dict[str, Any]:
    """A bare championship named with its format when that is certain. An allround or sprint
    classification ("Europees kampioen allround" read as a bare EK with the race "allround")
    is only ranked at that championship. A bare world title at a named place
    ("wereldkampioen in Hamar", "his world title in Heerenveen in 2021") is the one
    championship the bundled table holds there that year that skates the race
    (`championships.format_held`). Why: left bare, a report of the championship made a second
    meet beside the one its other reports name, and history of a named year stayed a mention
    though its edition is known. As it was when the table is asked and the year is not known
    (undated history, a title named out of the championships' months), or the rink is that of
    another meet the article reports."""
    competition, distance = fact.get("competition"), fact["distance"]
    if not bare_championship(competition):
        return fact
    level = level_of(competition)
    if level not in meet_rules.CHAMPIONSHIP_NAMES:
        return fact
    form = (
        distance
        if distance in meet_rules.FORMAT_NAMES
        else _table_format(fact, race_date, report, year, earlier)
    )
    if form is None:
        return fact
    name = f"{meet_rules.CHAMPIONSHIP_NAMES[level]} {meet_rules.FORMAT_NAMES[form]}"
    return {**fact, "competition": f"{name} {year}" if earlier and year else name}


def _table_format(
    fact: dict[str, Any],
    race_date: dt.date | None,
    report: Report,
    year: int | None,
    earlier: bool,
) -> str | None:
    level = level_of(fact.get("competition"))
    if earlier:
        if year is None:
            return None
        edition = year
    else:
        day = race_date or report.last
        if not meet_rules.in_season(level, day, day):
            return None
        edition = day.year
    venue = fact.get("venue")
    if any(place == city_key(venue) and kind != level for kind, place in report.meets):
        return None
    return championships.format_held(level, edition, venue, fact["distance"])


def _history_format(fact: dict[str, Any], report: Report, year: int) -> dict[str, Any]:
    """A bare championship of a named year ("the 2023 World Championships") named with its
    format when the races the article gives of that edition fit only one format
    (`championship_format.format_by_races`) and the bundled table holds that edition there;
    as it was otherwise (an inferred format never makes an edition the table does not know)."""
    competition = fact.get("competition")
    if not bare_championship(competition):
        return fact
    level = level_of(competition)
    named = {d for kind, edition, d in report.history if (kind, edition) == (level, year)}
    form = format_by_races(named | {fact["distance"]})
    if form is None:
        # The title the article reports, named again with its precedent ("the first to win
        # it since X in 2008"): the reported championship's format, when its races tell it
        # and it skates every race named of the earlier edition.
        reported = format_by_races({d for kind, d in report.distances if kind == level})
        if reported is not None and skates_all(reported, named | {fact["distance"]}):
            form = reported
    if form is None or level is None:
        return fact
    if championships.edition_of(level, form, year, fact.get("venue")).edition is None:
        return fact  # an inferred format only names an edition the table holds
    name = f"{meet_rules.CHAMPIONSHIP_NAMES[level]} {meet_rules.FORMAT_NAMES[form]} {year}"
    return {**fact, "competition": name}


def _short_track_meet(
    conn: Connection,
    fact: dict[str, Any],
    race_date: dt.date | None,
    report: Report,
    earlier: bool,
) -> int | str:
    """A short-track meet of the report's days (or the race's), its own meet: the calendar
    and the Olympic table list long-track meets, and a long-track meet of the same rink and
    days is another meet (`knowledge.disciplines`). Short track at the Olympic Games is
    the Games' (`_olympic_short_track`). Other earlier short-track meets are not known:
    their results are kept as mentions."""
    competition, venue = fact.get("competition") or "shorttrack", fact.get("venue")
    if level_of(competition) == "olympics":
        return _olympic_short_track(conn, fact, race_date, report, earlier)
    if earlier:
        return MENTION + f"an earlier {competition} meet, not known"
    if venue is None:
        return MENTION + f"{competition} at a rink the text does not name"
    if race_date is not None and race_date < report.first - REPORTED_WITHIN:
        race_date = None  # a date far before the report is not its race day
    first, last = (race_date, race_date) if race_date else (report.first, report.last)
    # A meet known so far by a later day of its weekend (Sunday's race read first) is still
    # the meet of an earlier race day: one meet, not one per day. A race day more than a
    # weekend after a meet's last day is another meet (short track often holds two World
    # Cups at one rink on following weekends): a meet's last day is a race day of it or a
    # report after its races. Only a report may come later, up to REPORTED_WITHIN.
    after = SAME_WEEKEND if race_date is not None else REPORTED_WITHIN
    known = [
        m
        for m in kb.competitions_between(conn, first - REPORTED_WITHIN, last + SAME_WEEKEND)
        if m.level == SHORT_TRACK_LEVEL
        and m.name == competition
        and city_key(m.city) == city_key(venue)
        and m.start_date is not None
        and m.start_date <= last + SAME_WEEKEND
        and first <= (m.end_date or m.start_date) + after
    ]
    if known:
        meet = max(known, key=lambda m: (m.start_date or dt.date.min, m.id))
        if race_date is not None:
            kb.widen_competition(conn, meet.id, race_date, race_date)
        return meet.id
    return _new_news_meet(conn, competition, SHORT_TRACK_LEVEL, venue, first, last)


def _new_news_meet(
    conn: Connection,
    name: str,
    level: str | None,
    venue: str | None,
    first: dt.date,
    last: dt.date,
) -> int:
    """The meet a report makes of its own days (`first`..`last`, dates), found again by the
    slug of its first day, name and rink when another report of it comes."""
    return kb.ensure_competition(
        conn,
        slug=slugify(f"{first.isoformat()} {name} {venue or ''}"),
        name=name,
        level=level,
        city=venue,
        start_date=first,
        end_date=last,
        origin="news",
    )


def _olympic_short_track(
    conn: Connection,
    fact: dict[str, Any],
    race_date: dt.date | None,
    report: Report,
    earlier: bool,
) -> int | str:
    """Short track at the Olympic Games: one meet per Games, only at the place and in the
    days of Games the bundled table knows, as for long track (history placed by its year or
    place). Made from the article's days instead, every report of the Games' fortnight more
    than a weekend apart became a meet of its own, and any rink could hold Olympic Games. Its
    days are the Games' (the short-track races lie within them), not a report's."""
    placed = olympics.place_olympic(
        venue=fact.get("venue"),
        race_date=race_date,
        first=report.first,
        last=report.last,
        year=_year(fact),
        earlier=earlier,
    )
    games = placed.games
    if games is None:
        return MENTION + placed.reason
    return _games_meet(conn, games, short_track=True)


def _calendar_meet(
    conn: Connection,
    fact: dict[str, Any],
    race_date: dt.date | None,
    published: dt.date,
    holds: Holds,
    report: Report,
) -> int | str | None:
    day = race_date or published
    candidates = kb.competitions_between(conn, day - dt.timedelta(days=14), day)
    if bare_championship(fact.get("competition")):
        # "de WK" at a rink holding two championships that week: which one, or not known.
        level = level_of(fact.get("competition"))
        chosen = championship_for(
            candidates,
            competition=fact.get("competition"),
            venue=fact.get("venue"),
            race_date=race_date,
            published=day,
            distance=fact["distance"],
            named=[d for kind, d in report.distances if kind == level],
            holds=holds,
        )
        if chosen is not None:
            return chosen.id if isinstance(chosen, CompetitionRow) else MENTION + chosen
    # A day the text gets wrong by one ("zondagavond" for a Saturday race) should not lose
    # the meet: then the article's date places it.
    for dated in (race_date, None) if race_date else (None,):
        meet = choose_meet(
            candidates,
            competition=fact.get("competition"),
            venue=fact.get("venue"),
            race_date=dated,
            published=day,
            distance=fact["distance"],
            holds=holds,
        )
        if meet is not None:
            return meet.id
    return None


def _olympic_meet(
    conn: Connection,
    fact: dict[str, Any],
    race_date: dt.date | None,
    report: Report,
    year: int | None,
    earlier: bool,
    holds: Holds,
) -> int | str:
    placed = olympics.place_olympic(
        venue=fact.get("venue"),
        race_date=race_date,
        first=report.first,
        last=report.last,
        year=year,
        earlier=earlier,
    )
    games = placed.games
    if games is None:
        return MENTION + placed.reason
    calendar = [
        m
        for m in kb.competitions_between(conn, games.start, games.end)
        if m.origin != "news" and m.level == "olympics"
    ]
    if calendar:
        # Games the calendar has day by day: the latest day by the report's that holds the
        # distance (history: by the Games' last day).
        reported = games.end if earlier else min(max(report.last, games.start), games.end)
        meet = choose_meet(
            calendar,
            competition=fact.get("competition"),
            venue=None,
            race_date=race_date if race_date and games.start <= race_date <= games.end else None,
            published=reported,
            distance=fact["distance"],
            holds=holds,
        )
        return meet.id if meet is not None else MENTION + f"no day of the {games.name} known"
    return _games_meet(conn, games, short_track=False)


def _games_meet(conn: Connection, games: olympics.Games, *, short_track: bool) -> int:
    """The one meet of Games the calendar does not have, made from the bundled table (its
    place and days, not a report's); short track its own meet of those Games, filed apart
    from long track's results, bests and records."""
    return kb.ensure_competition(
        conn,
        slug=f"{games.slug}-shorttrack" if short_track else games.slug,
        name=f"{games.name} shorttrack" if short_track else games.name,
        level=SHORT_TRACK_LEVEL if short_track else "olympics",
        city=games.city,
        start_date=games.start,
        end_date=games.end,
        origin="news",
        source=games.source,
    )


def _history_meet(
    conn: Connection, competition: str | None, venue: str | None, year: int | None
) -> int | str:
    what = " ".join(v for v in (competition, venue) if v) or "a meet"
    what = what if year is None or str(year) in what else f"{what} of {year}"
    if year is None:
        return MENTION + f"an earlier {what} the text does not date"
    # A championship edition the bundled table knows: its place, or no such edition.
    table = championships.edition_of(level_of(competition), format_of(competition), year, venue)
    if table.reason:
        return MENTION + f"{what}: {table.reason}"
    known = kb.competitions_between(conn, dt.date(year, 1, 1), dt.date(year, 12, 31))
    found = meet_rules.history_meet(known, competition=competition, venue=venue, year=year)
    if found is not None:
        return found.id
    name = meet_rules.championship_name(competition)
    if name is None:
        return MENTION + f"{what}, a meet not known"
    # A championship of a named year is one meet: filed under it, undated (its days are not
    # known, and the article's are not its days).
    if table.edition is not None:
        venue = venue or table.edition.city
    meet_id = kb.ensure_competition(
        conn,
        slug=slugify(f"{name} {year}"),
        name=f"{name} {year}",
        level=level_of(competition),
        city=venue,
        start_date=None,
        end_date=None,
        origin="news",
        source=table.edition.source if table.edition is not None else "",
    )
    meet = kb.competition(conn, meet_id)
    if meet is not None and venue is not None:
        if meet.city is None:
            kb.place_competition(conn, meet_id, venue)
        elif city_key(meet.city) != city_key(venue) and not (
            table.edition is not None and table.edition.at(meet.city)
        ):
            return MENTION + f"{what}: the {name} {year} was not held in {venue}"
    return meet_id


def _news_meet(
    conn: Connection,
    fact: dict[str, Any],
    race_date: dt.date | None,
    report: Report,
    season: tuple[dt.date, dt.date],
    holds: Holds,
) -> int | str:
    competition, venue = fact.get("competition"), fact.get("venue")
    level = level_of(competition)
    if race_date is not None and race_date < report.first - REPORTED_WITHIN:
        race_date = None  # a date far before the report is not its race day
    first, last = (race_date, race_date) if race_date else (report.first, report.last)
    reported = report.reports(competition, venue)
    if not meet_rules.in_season(level, first, last):
        # Named in passing out of its season ("fifth at the World Championships" in a
        # November report): the last edition, as for one named in its season.
        championship = None if reported else _season_championship(conn, fact, report)
        if championship is not None:
            return championship
        return MENTION + f"no {competition} is skated in {first:%B %Y}"
    if venue is None and reported:
        venue = report.rink_of(competition)
    known = meet_rules.news_meet_for(
        kb.news_competitions(conn, level, around=meet_rules.candidate_days(level, first, last)),
        competition=competition,
        venue=venue,
        first=first,
        last=last,
    )
    what = " ".join(v for v in (competition, venue) if v)
    if known is not None:
        if race_date is not None:
            kb.widen_competition(conn, known.id, race_date, race_date)
        if venue is not None and known.city is None:
            kb.place_competition(conn, known.id, venue)
        return known.id
    if not reported:
        earlier_this_season = _season_meet(conn, fact, report, holds)
        if earlier_this_season is not None:
            return earlier_this_season
        championship = _season_championship(conn, fact, report)
        if championship is not None:
            return championship
        return MENTION + f"{what} is named in passing; the article reports another meet"
    if (
        venue is None
        and level in meet_rules.ONCE_A_SEASON
        and meet_rules.championship_name(competition) is None
    ):
        # "de WK" alone, and no rink: which of a season's championships is not said.
        return MENTION + f"{what} does not say which championship"
    if level in CALENDAR_LEVELS and season[0] <= first and last <= season[1]:
        return MENTION + f"the calendar has no {what} then"
    undated = meet_rules.undated_championship(
        kb.news_competitions(conn, level, dated=False),
        competition=competition,
        venue=venue,
        first=first,
        last=last,
    )
    if undated is not None:
        kb.date_competition(conn, undated.id, first, last)
        if venue is not None and undated.city is None:
            kb.place_competition(conn, undated.id, venue)
        return undated.id
    return _new_news_meet(conn, competition or f"Wedstrijd in {venue}", level, venue, first, last)


def _season_meet(
    conn: Connection, fact: dict[str, Any], report: Report, holds: Holds
) -> int | None:
    """The one known meet of this season before the article that a result its article does
    not report names by kind and rink ("eerder dit seizoen in Salt Lake City"): filed there,
    not made into a meet of the article's days. Several that fit, or none: None."""
    level, venue = level_of(fact.get("competition")), fact.get("venue")
    if level is None or venue is None:
        return None
    opening = dt.date(meet_rules.season_of(report.first), 7, 1)
    found = {
        m.id
        for m in kb.competitions_between(conn, opening, report.first - dt.timedelta(days=1))
        if m.start_date is not None
        and m.start_date < report.first
        and city_key(m.city) == city_key(venue)
        and fits_level(level, m)
        and holds(m, fact["distance"])
    }
    return found.pop() if len(found) == 1 else None


def _season_championship(conn: Connection, fact: dict[str, Any], report: Report) -> int | None:
    """A championship held once a season, named by kind and format ("het WK sprint"), in a
    report of another meet of the same season: that season's edition, already skated, is the
    one it names. Filed under it as history of a named year is (`_history_meet`: the known
    meet, else one undated meet of that name), never made a meet of the article's days. A
    rink the article reports another kind of meet at is that meet's, carried onto the
    sentence, not the championship's. This season's edition still to come (a report before
    its months), the name is the last one's. None when the edition's year is not sure (a
    kind skated across New Year)."""
    competition = fact.get("competition")
    level = level_of(competition)
    if meet_rules.championship_name(competition) is None:
        return None
    year = meet_rules.edition_year(level, meet_rules.season_of(report.first))
    if year is None:
        return None
    if report.last < meet_rules.season_opens(level, year):
        year -= 1
    venue = fact.get("venue")
    if venue is not None and any(place == city_key(venue) for _kind, place in report.meets):
        venue = None
    found = _history_meet(conn, competition, venue, year)
    return found if isinstance(found, int) else None
