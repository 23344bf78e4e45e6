"""The Olympic Games whose speed skating the news writes about, from a bundled table
(data/reference/olympic_games.csv: year, the city the speed skating was held in, the names
the news uses for it, the speed-skating days, a source per row).

Pure. An Olympic result is one of these Games or none: it must fit a Games by its day (the
race day, or the article's day within the Games' days and the days reports follow them) or,
for history, by the year the text gives or the place that held them (each city once); a rink
that is not that Games' rink makes it no Olympic result at all ("a champion of decades ago"
named in a report of other Games, or a misread rink, must not become this Games' winner).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from schaatsradar.knowledge.matching import REPORTED_WITHIN, city_key


@dataclass(frozen=True)
class Games:
    year: int
    city: str
    names: frozenset[str]  # city keys (see `matching.city_key`) the news uses for the place
    rink: str
    start: dt.date
    end: dt.date
    source: str

    @property
    def slug(self) -> str:
        return f"olympic-games-{self.year}"

    @property
    def name(self) -> str:
        return f"Olympic Games {self.year}"

    def at(self, venue: str | None) -> bool:
        """Whether `venue` is this Games' place (an unnamed rink contradicts nothing)."""
        return venue is None or city_key(venue) in self.names

    def reported_on(self, first: dt.date, last: dt.date) -> bool:
        """Whether an article of a day in `first`..`last` can report these Games' races."""
        return first <= self.end + REPORTED_WITHIN and self.start <= last


def load_games(text: str) -> tuple[Games, ...]:
    rows = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    games = []
    for row in rows:
        names = {city_key(n) for n in row["names"].split(";") if n.strip()}
        games.append(
            Games(
                year=int(row["year"]),
                city=row["city"].strip(),
                names=frozenset(names | {city_key(row["city"])}),
                rink=row["rink"].strip(),
                start=dt.date.fromisoformat(row["start_date"].strip()),
                end=dt.date.fromisoformat(row["end_date"].strip()),
                source=row["source"].strip(),
            )
        )
    return tuple(sorted(games, key=lambda g: g.year))


@cache
def bundled_games() -> tuple[Games, ...]:
    text = resources.files("schaatsradar.data").joinpath("reference/olympic_games.csv")
    return load_games(text.read_text("utf-8"))


@dataclass(frozen=True)
class Placed:
    """The Games an Olympic result belongs to, or why it belongs to none (`reason`)."""

    games: Games | None
    reason: str = ""


def place_olympic(
    *,
    venue: str | None,
    race_date: dt.date | None,
    first: dt.date,
    last: dt.date,
    year: int | None,
    earlier: bool,
    games: tuple[Games, ...] | None = None,
) -> Placed:
    """The Games of an Olympic result. `first`..`last`: the days the article may be of (one
    day, or a month when only the month is known); `year`: the year the text gives the meet.
    History ("earlier") is placed by its year, or by its place (one Games were held there
    before the article): a Games it neither dates nor places stays a mention.
    """
    table = bundled_games() if games is None else games
    where = f" in {venue}" if venue else ""
    if year is not None:
        fitting = [g for g in table if g.year == year]
        if not fitting:
            return Placed(None, f"no Olympic Games were held in {year}")
    elif earlier:
        # A place names the Games: each city in the table held them once (before the article).
        fitting = [g for g in table if venue and g.at(venue) and g.start <= last]
        if len(fitting) != 1:
            return Placed(None, f"earlier Olympic Games{where} the text does not date")
    else:
        # The race day first; a day the text gets wrong still leaves the article's days (as
        # for calendar meets: the race then keeps no day outside the Games').
        fitting = [g for g in table if race_date and g.start <= race_date <= g.end]
        fitting = fitting or [g for g in table if g.reported_on(first, last)]
        if not fitting:
            when = f"{first:%B %Y}" if first != last else str(first)
            return Placed(None, f"no Olympic Games{where} around {when}")
    found = fitting[0]
    if not found.at(venue):
        return Placed(None, f"the {found.year} Games were not held in {venue}")
    return Placed(found)
