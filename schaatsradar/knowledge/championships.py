"""Where the world championships of past seasons were held, from a bundled table
(data/reference/championships.csv: kind, format, year, the city, the names the news uses for
the place, a source per row). Pure.

Why: a championship named as history ("de WK afstanden van 2011", "the 2017 world single
distance championships in Calgary") is filed under that edition, undated, with the place the
text gives. Without a table a misread place or year made an edition that never was (a WK in
the wrong city, a WK afstanden in an Olympic year, when none is skated), and a true one was
shown without its place. With it an edition takes its real place, and a place or year that
contradicts the table keeps the result a mention, as the Olympic table does for the Games.

The table asserts that no edition was held only where it lists every year (`COMPLETE`): for
the other formats an unlisted year is simply not known.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from schaatsradar.knowledge.matching import city_key

# (kind, format) -> the years the table lists every edition of: a year in the range that it
# does not list held none (single distances are not skated in an Olympic season).
COMPLETE: Mapping[tuple[str, str], range] = {("world", "distances"): range(1996, 2026)}


@dataclass(frozen=True)
class Edition:
    level: str  # "world"
    form: str  # "distances", "allround", "sprint" (as `meet_rules.format_of` names them)
    year: int
    city: str
    names: frozenset[str]  # city keys (see `matching.city_key`) the news uses for the place
    source: str

    def at(self, venue: str | None) -> bool:
        """Whether `venue` is this edition's place (an unnamed place contradicts nothing)."""
        return venue is None or city_key(venue) in self.names


def load_editions(text: str) -> tuple[Edition, ...]:
    rows = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    editions = []
    for row in rows:
        names = {city_key(n) for n in row["names"].split(";") if n.strip()}
        editions.append(
            Edition(
                level=row["level"].strip(),
                form=row["format"].strip(),
                year=int(row["year"]),
                city=row["city"].strip(),
                names=frozenset(names | {city_key(row["city"])}),
                source=row["source"].strip(),
            )
        )
    return tuple(sorted(editions, key=lambda e: (e.level, e.form, e.year)))


@cache
def bundled_editions() -> tuple[Edition, ...]:
    text = resources.files("schaatsradar.data").joinpath("reference/championships.csv")
    return load_editions(text.read_text("utf-8"))


@dataclass(frozen=True)
class Known:
    """What the table says of a championship of a year: its edition, or why there is none
    (`reason`); neither when the table does not know."""

    edition: Edition | None = None
    reason: str = ""


def edition_of(
    level: str | None,
    form: str | None,
    year: int,
    venue: str | None,
    *,
    editions: tuple[Edition, ...] | None = None,
) -> Known:
    """The edition of a championship of `level` and `form` skated in `year`, checked against
    the place the text gives (`venue`). `Known()` when the table does not know that year."""
    if level is None or form is None:
        return Known()
    table = bundled_editions() if editions is None else editions
    found = next((e for e in table if (e.level, e.form, e.year) == (level, form, year)), None)
    if found is None:
        if year in COMPLETE.get((level, form), ()):
            return Known(reason=f"no such championship was held in {year}")
        return Known()
    if not found.at(venue):
        return Known(reason=f"the {year} edition was not held in {venue} but in {found.city}")
    return Known(found)


# The races each championship format skates, to tell two held at one rink in one year apart
# (the sprint and allround championships share a rink and a week): a guessed format yields to
# the one of them that skates the race. (The single-distance programme holds them all.)
PROGRAMMES: Mapping[str, frozenset[str]] = {
    "sprint": frozenset({"500m", "1000m", "team sprint"}),
    "allround": frozenset({"500m", "1500m", "3000m", "5000m", "10000m"}),
}


@dataclass(frozen=True)
class Checked:
    """A championship's format after the table: `form` (the text's, or the table's when the
    text's was guessed and the table names the one held there), or `reason` it was not held."""

    form: str | None
    reason: str = ""


def checked_format(
    level: str | None,
    form: str | None,
    year: int,
    venue: str | None,
    *,
    distance: str,
    guessed: bool,
    editions: tuple[Edition, ...] | None = None,
) -> Checked:
    """The format of a championship the news names, held against the table. Why: a format
    read from a title on one race ("de wereldtitel op de teamsprint" -> single distances) made
    a WK afstanden in a year none was skated, while the results were true ones of the sprint
    championships at that rink. A guessed format yields to the one championship the table
    holds at that rink in that year that skates the race; a stated one the table contradicts,
    or a guess no edition fits, leaves the result a mention (`reason`)."""
    known = edition_of(level, form, year, venue, editions=editions)
    if not known.reason:
        return Checked(form)
    if guessed and venue is not None:
        table = bundled_editions() if editions is None else editions
        held = [
            e
            for e in table
            if (e.level, e.year) == (level, year)
            and e.form != form
            and e.at(venue)
            and distance in PROGRAMMES.get(e.form, frozenset({distance}))
        ]
        if len(held) == 1:
            return Checked(held[0].form)
    return Checked(form, known.reason)


def format_held(
    level: str | None,
    year: int,
    venue: str | None,
    distance: str,
    *,
    editions: tuple[Edition, ...] | None = None,
) -> str | None:
    """The format of the one championship of `level` the table holds at `venue` in `year`
    that skates `distance`, or None (no place, none, or several fit). Why: the news often
    names a title without its format ("wereldkampioen in Hamar", "the 2021 World
    Championships in Heerenveen"); left bare, such a result made a second meet beside the
    championship's own (one championship split over two entries), or stayed a mention when it
    was history, though the table says which championship was held there that year."""
    if level is None or venue is None:
        return None
    table = bundled_editions() if editions is None else editions
    held = {
        e.form
        for e in table
        if (e.level, e.year) == (level, year) and e.at(venue) and _skated_at(e.form, distance)
    }
    return held.pop() if len(held) == 1 else None


def _skated_at(form: str, distance: str) -> bool:
    """Whether a championship of `form` skates `distance` (the single-distance programme
    holds every race, but neither classification)."""
    if form == "distances":
        return distance not in PROGRAMMES
    return distance == form or distance in PROGRAMMES.get(form, frozenset())
