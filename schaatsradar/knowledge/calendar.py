"""The season calendar: competitions with dates, rink and programme, from reference CSV.

Pure: callers hand in the CSV text (`bundled_calendar()` reads the packaged file). A broken row
rejects the whole file with every problem listed by file, row and reason, because a calendar
that silently lacks one World Cup is worse than one that fails loudly when the data is edited.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Literal, cast, get_args

from schaatsradar.errors import BAD_REFERENCE_ROW, UNKNOWN_LEVEL, SchaatsradarError
from schaatsradar.extract.types import Gender
from schaatsradar.knowledge.calendar_programme import (
    ProgrammeError,
    ScheduledDistance,
    parse_programme,
)

Level = Literal[
    "olympics",
    "world championships",
    "european championships",
    "four continents championships",
    "world cup",
    "junior world cup",
    "junior",
    "national",
]
LEVELS: tuple[Level, ...] = get_args(Level)
COLUMNS = ("start_date", "end_date", "competition", "city", "rink", "level", "distances")
BUNDLED_FILE = "calendar_2025_26.csv"


@dataclass(frozen=True)
class CalendarEvent:
    """One competition (or, for the Olympics, one competition day) on the calendar.

    `slug` comes from the start date and name only, so it survives corrections to the other
    columns and can serve as the event's id in URLs and iCal UIDs.
    """

    slug: str
    name: str
    short_name: str | None
    start: dt.date
    end: dt.date
    city: str | None
    rink: str | None
    country: str | None
    level: Level | None  # None: a meet the news reports without saying its kind
    programme: tuple[ScheduledDistance, ...]
    notes: str
    sources: tuple[str, ...]
    meet_id: int | None = None  # the stored meet, for links to its page (results, news)
    origin: str = "calendar"  # "calendar", or "news": a meet only the news reported

    @property
    def distances(self) -> tuple[str, ...]:
        """Canonical distances on the programme, in the contract's order."""
        return tuple(entry.distance for entry in self.programme)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def location(self) -> str:
        """ "Thialf, Heerenveen": what a calendar app shows and a map search finds."""
        return ", ".join(part for part in (self.rink, self.city) if part)

    def races(self, distance: str, gender: Gender | None = None) -> bool:
        """Whether `distance` is on the programme (for `gender`, when given)."""
        return any(
            entry.distance == distance and (gender is None or entry.open_to(gender))
            for entry in self.programme
        )

    def open_to(self, gender: Gender) -> bool:
        return any(entry.open_to(gender) for entry in self.programme)


@dataclass(frozen=True)
class RowProblem:
    """Why one row of a reference file was rejected. Row 1 is the header. Other formats
    name their own unit: the line an iCal event begins on, the number of a JSON event."""

    filename: str
    row: int
    reason: str
    unit: str = "row"

    def __str__(self) -> str:
        return f"{self.filename}, {self.unit} {self.row}: {self.reason}"


class CalendarRejected(SchaatsradarError):
    """A calendar file has broken rows; `problems` lists every one of them."""

    def __init__(self, problems: Iterable[RowProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)), BAD_REFERENCE_ROW)


# -- loading ---------------------------------------------------------------------------------


def load_calendar(
    text: str, filename: str, venue_countries: Mapping[str, str] | None = None
) -> tuple[CalendarEvent, ...]:
    """Every event in calendar CSV `text`, by start date; raises `CalendarRejected` listing
    all broken rows. `venue_countries` (see `venue_countries()`) fills in the country."""
    rows = _read_rows(text, filename)
    header = [name.strip() for name in rows[0]]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise CalendarRejected([RowProblem(filename, 1, f"missing column(s) {missing}")])
    events: list[CalendarEvent] = []
    problems: list[RowProblem] = []
    first_row_of: dict[str, int] = {}
    for number, fields in enumerate(rows[1:], start=2):
        if not any(field.strip() for field in fields):
            continue
        event, reasons = _event_from_fields(header, fields, venue_countries or {})
        if event is not None and event.slug in first_row_of:
            reasons.append(f"same start date and competition as row {first_row_of[event.slug]}")
        problems.extend(RowProblem(filename, number, reason) for reason in reasons)
        if event is not None and not reasons:
            first_row_of[event.slug] = number
            events.append(event)
    if problems:
        raise CalendarRejected(problems)
    return tuple(sorted(events, key=lambda e: (e.start, e.end)))


def venue_countries(venues_csv: str) -> dict[str, str]:
    """Country code by case-folded rink name, rink alias and city, from venues.csv text."""
    countries: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(venues_csv.removeprefix("\ufeff"))):
        country = (row.get("country") or "").strip().upper()
        aliases = [re.sub(r"\(.*?\)", "", a) for a in (row.get("aliases") or "").split(";")]
        for name in (row.get("rink"), row.get("city"), *aliases):
            if name and name.strip() and country:
                countries.setdefault(name.strip().casefold(), country)
    return countries


@functools.cache
def bundled_calendar() -> tuple[CalendarEvent, ...]:
    """The 2025-26 season shipped with the package (read once per process). Pages and
    commands read the calendar from the database (`season_calendar`), where this file is
    loaded next to imported calendars and the meets the news reports."""
    base = resources.files("schaatsradar.data").joinpath("reference")
    venues = base.joinpath("venues.csv").read_text(encoding="utf-8")
    text = base.joinpath(BUNDLED_FILE).read_text(encoding="utf-8")
    return load_calendar(text, BUNDLED_FILE, venue_countries(venues))


def parse_level(text: str) -> Level:
    """`"World Cup"`, `"world-cup"`, `"world_cup"` -> "world cup"; for CLI options and CSV."""
    level = re.sub(r"[\s_-]+", " ", text.strip().casefold())
    if level not in LEVELS:
        raise SchaatsradarError(
            f"unknown level {text!r} (expected one of: {', '.join(LEVELS)})", UNKNOWN_LEVEL
        )
    return cast(Level, level)


def _read_rows(text: str, filename: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    try:
        rows = list(reader)
    except csv.Error as error:
        raise CalendarRejected([RowProblem(filename, reader.line_num, str(error))]) from error
    if not rows:
        raise CalendarRejected([RowProblem(filename, 1, "no header row")])
    return rows


def _event_from_fields(
    header: list[str], fields: list[str], countries: Mapping[str, str]
) -> tuple[CalendarEvent | None, list[str]]:
    """The event a row describes, or None, with every reason the row is broken."""
    if len(fields) != len(header):
        return None, [f"expected {len(header)} fields, found {len(fields)}"]
    record = {name: value.strip() for name, value in zip(header, fields, strict=True)}
    reasons: list[str] = []
    name = record["competition"]
    if not name:
        reasons.append("competition name is empty")
    start = _date(record["start_date"], "start_date", reasons)
    end = _date(record["end_date"], "end_date", reasons) if record["end_date"] else start
    if start and end and end < start:
        reasons.append(f"end_date {end} is before start_date {start}")
    level = _level(record["level"], reasons)
    programme = _programme(record["distances"], name, reasons)
    if reasons or start is None or end is None or level is None:
        return None, reasons
    event = CalendarEvent(
        slug=event_slug(start, name),
        name=name,
        short_name=short_name(name),
        start=start,
        end=end,
        city=record["city"] or None,
        rink=record["rink"] or None,
        country=_country(record["rink"], record["city"], countries),
        level=level,
        programme=programme,
        notes=record.get("notes", ""),
        sources=tuple(s.strip() for s in record.get("source", "").split(" ; ") if s.strip()),
    )
    return event, reasons


def _date(text: str, column: str, reasons: list[str]) -> dt.date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        reasons.append(f"{column} {text!r} is not a date (YYYY-MM-DD)")
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        reasons.append(f"{column} {text!r} is not a date on the calendar")
        return None


def _level(text: str, reasons: list[str]) -> Level | None:
    try:
        return parse_level(text)
    except SchaatsradarError as error:
        reasons.append(error.message)
        return None


def _programme(text: str, name: str, reasons: list[str]) -> tuple[ScheduledDistance, ...]:
    try:
        return parse_programme(text, name)
    except ProgrammeError as error:
        reasons.append(f"distances: {error}")
        return ()


def _country(rink: str, city: str, countries: Mapping[str, str]) -> str | None:
    return countries.get(rink.casefold()) or countries.get(city.casefold())


# -- names -----------------------------------------------------------------------------------


def event_slug(start: dt.date, name: str) -> str:
    """`2025-11-14-isu-world-cup-1`: readable, ASCII, and fixed by date and name alone."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-")
    return f"{start.isoformat()}-{words}"


_SHORT_NAMES = (
    (re.compile(r"\bJunior World Cup\b"), "Junior World Cup"),
    (re.compile(r"\bWorld Cup (\d+)\b"), r"World Cup \1"),
    (re.compile(r"^Olympic Winter Games\b"), "Olympic Games"),
    (re.compile(r"^ISU European .*\(single distances\)"), "European Championships"),
    (re.compile(r"^ISU World (Sprint|Allround) "), r"World \1 Championships"),
)


def short_name(name: str) -> str | None:
    """The name fans use ("World Cup 1", "NK afstanden"), or None when the name is short.

    Otherwise the trailing explanation in parentheses goes: "OKT (Dutch Olympic ...)" -> "OKT".
    """
    for pattern, template in _SHORT_NAMES:
        if match := pattern.search(name):
            return match.expand(template)
    shorter = re.sub(r"\s*\([^()]*\)$", "", name)
    return shorter if shorter and shorter != name else None


# -- filters ---------------------------------------------------------------------------------


def events_between(
    events: Iterable[CalendarEvent], start: dt.date | None = None, end: dt.date | None = None
) -> tuple[CalendarEvent, ...]:
    """Events that overlap the days `start`..`end` (inclusive, either side open).

    Overlap, not containment: a championship running 28 Feb-1 Mar is still on on 1 Mar.
    """
    return tuple(
        e for e in events if (start is None or e.end >= start) and (end is None or e.start <= end)
    )


def events_at_level(
    events: Iterable[CalendarEvent], levels: Iterable[str]
) -> tuple[CalendarEvent, ...]:
    wanted = {parse_level(level) for level in levels}
    return tuple(e for e in events if e.level in wanted)


def events_with_distance(
    events: Iterable[CalendarEvent], distance: str, gender: Gender | None = None
) -> tuple[CalendarEvent, ...]:
    return tuple(e for e in events if e.races(distance, gender))


def events_for_gender(events: Iterable[CalendarEvent], gender: Gender) -> tuple[CalendarEvent, ...]:
    """Events with at least one distance open to `gender`; an event with no known programme
    is left out, as nobody can say who races there."""
    return tuple(e for e in events if e.open_to(gender))


def events_for_skater(
    events: Iterable[CalendarEvent],
    gender: Gender,
    distances: Iterable[str],
    *,
    levels: Iterable[str] | None = None,
    country: str | None = None,
) -> tuple[CalendarEvent, ...]:
    """The competitions a skater could race: a distance of theirs open to their gender.

    `levels` narrows to the series they ride (a senior is not at a junior World Cup);
    `country` keeps national championships to the skater's own country.
    """
    own = set(distances)
    wanted = {parse_level(level) for level in levels} if levels is not None else set(LEVELS)
    return tuple(
        e
        for e in events
        if e.level in wanted
        and (country is None or e.level != "national" or e.country == country)
        and any(entry.distance in own and entry.open_to(gender) for entry in e.programme)
    )


def next_events(
    events: Iterable[CalendarEvent], today: dt.date, n: int = 5
) -> tuple[CalendarEvent, ...]:
    """The next `n` events not yet over on `today` (one under way counts: it is news today)."""
    upcoming = sorted((e for e in events if e.end >= today), key=lambda e: (e.start, e.end))
    return tuple(upcoming[:n])


def filter_events(
    events: Iterable[CalendarEvent],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    levels: Iterable[str] | None = None,
    distance: str | None = None,
    gender: Gender | None = None,
) -> tuple[CalendarEvent, ...]:
    """The one calendar query CLI, pages and API share (`schaatsradar calendar --from ...`)."""
    selected = events_between(events, start, end)
    if levels is not None:
        selected = events_at_level(selected, levels)
    if distance is not None:
        selected = events_with_distance(selected, distance, gender)
    elif gender is not None:
        selected = events_for_gender(selected, gender)
    return selected
