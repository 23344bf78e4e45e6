"""The bundled reference facts (skaters, rinks, world and track records) as typed rows.

Pure: CSV text in, rows out. A broken row is never skipped silently: every problem of a file
is collected and the whole file is refused (`ReferenceRejected`), so a typo cannot quietly
drop a world record. Rows that are valid but describe what the knowledge base does not model
(points combinations, "500m x 2") are returned in `skipped` with the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Generic, TypeVar

from schaatsradar.errors import BAD_REFERENCE_ROW, SchaatsradarError
from schaatsradar.extract.patterns import plausible
from schaatsradar.extract.types import TEAM_DISTANCES, Gender
from schaatsradar.knowledge.calendar import RowProblem
from schaatsradar.knowledge.calendar_programme import canonical_distance

T = TypeVar("T")
GENDERS = ("women", "men", "mixed")
GENDER_OF: dict[str, Gender] = {"women": "women", "men": "men", "mixed": "mixed"}
TIME = re.compile(r"^(?:(\d{1,2}):(?=[0-5]\d[.,]))?(\d{1,2})[.,](\d{2,3})$")
# Records kept elsewhere than as race times: points combinations, summed 500m pairs.
UNMODELLED = re.compile(r"points|combination|\bx\s*2\b", re.IGNORECASE)
BORN = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")
DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?:/\d{2})?$")
# The track-record file notes marks set at the Games as "Olympic record" (and a winning time
# that is not one as "... (not an Olympic record)").
OLYMPIC_NOTE = re.compile(r"^\s*olympic record\b", re.IGNORECASE)
# A relay's distance in the records file, and the canonical name the knowledge base uses.
DISTANCE_ALIASES = {"mixed relay": "relay"}


class ReferenceRejected(SchaatsradarError):
    """A reference file has broken rows; `problems` lists every one of them."""

    def __init__(self, problems: Iterable[RowProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)), BAD_REFERENCE_ROW)


@dataclass(frozen=True)
class SkaterRow:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    gender: str | None
    born: str | None  # a year or a day, as precise as the source
    discipline: str | None
    source: str


@dataclass(frozen=True)
class RinkRow:
    name: str
    city: str
    country: str | None
    indoor: bool | None
    altitude_m: float | None
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class RecordRow:
    """A world, track or Olympic record as the reference file gives it. `current` is False
    for a mark the file says was superseded. An Olympic record is a track record row whose
    note says it is one (`olympic`)."""

    kind: str  # "world", "track" or "olympic"
    gender: str
    distance: str
    seconds: float
    holder: str
    country: str | None
    set_on: dt.date | None
    venue: str | None
    current: bool
    source: str
    row: int
    olympic: bool = False

    @property
    def team(self) -> bool:
        return self.distance in TEAM_DISTANCES


@dataclass
class Loaded(Generic[T]):
    rows: list[T] = field(default_factory=list)
    skipped: list[RowProblem] = field(default_factory=list)


def parse_time(value: str) -> float | None:
    """`1:12.74`, `36.09`, `3:52.027` (thousandths are cut to hundredths, as the sport
    reports them) into seconds; None if it is not a time."""
    match = TIME.match(value.strip())
    if match is None:
        return None
    minutes, seconds, fraction = match.groups()
    return round(int(minutes or 0) * 60 + int(seconds) + int(fraction[:2]) / 100, 2)


def parse_day(value: str) -> dt.date | None:
    """`2026-01-24`, `2020-02` (the first of the month), `2017-02-25/26` (the first day);
    a bare year is too vague to date a record by, and gives None."""
    if re.fullmatch(r"\d{4}", value.strip()):
        return None
    match = DAY.match(value.strip())
    if match is None:
        raise ValueError(f"not a date: {value!r}")
    year, month, day = match.groups()
    return dt.date(int(year), int(month), int(day or 1))


def _rows(
    text: str, filename: str, required: tuple[str, ...], problems: list[RowProblem]
) -> Iterable[tuple[int, dict[str, str]]]:
    """The non-empty rows, numbered as a spreadsheet shows them (the header is row 1). A row
    with the wrong number of fields goes to `problems`, and reading goes on, so one report
    lists every broken row of a file."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        reason = f"missing column(s) {', '.join(missing)}"
        raise ReferenceRejected([RowProblem(filename, 1, reason)])
    for index, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            problems.append(RowProblem(filename, index, "wrong number of fields"))
            continue
        if any(v.strip() for v in row.values()):
            yield index, {k: v.strip() for k, v in row.items()}


def load_skaters(text: str, filename: str = "athletes.csv") -> Loaded[SkaterRow]:
    loaded: Loaded[SkaterRow] = Loaded()
    problems: list[RowProblem] = []
    for index, row in _rows(text, filename, ("name", "country", "gender"), problems):
        if not row["name"]:
            problems.append(RowProblem(filename, index, "empty name"))
            continue
        gender = row.get("gender") or None
        if gender is not None and gender not in GENDERS:
            problems.append(RowProblem(filename, index, f"unknown gender {gender!r}"))
            continue
        born = row.get("born") or None
        if born is not None and not BORN.match(born):
            problems.append(RowProblem(filename, index, f"born is not a year or day: {born!r}"))
            continue
        loaded.rows.append(
            SkaterRow(
                name=row["name"],
                aliases=tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip()),
                country=row["country"] or None,
                gender=gender,
                born=born,
                discipline=row.get("discipline") or None,
                source=row.get("source", ""),
            )
        )
    if problems:
        raise ReferenceRejected(problems)
    return loaded


def load_rinks(text: str, filename: str = "venues.csv") -> Loaded[RinkRow]:
    loaded: Loaded[RinkRow] = Loaded()
    problems: list[RowProblem] = []
    for index, row in _rows(text, filename, ("rink", "city", "country"), problems):
        if not row["rink"] or not row["city"]:
            problems.append(RowProblem(filename, index, "a rink needs a name and a city"))
            continue
        try:
            altitude = float(row["altitude_m"]) if row.get("altitude_m") else None
        except ValueError:
            problems.append(RowProblem(filename, index, f"altitude {row['altitude_m']!r}"))
            continue
        indoor = {"yes": True, "no": False}.get(row.get("indoor", "").casefold())
        loaded.rows.append(
            RinkRow(
                name=row["rink"],
                city=row["city"],
                country=row["country"] or None,
                indoor=indoor,
                altitude_m=altitude,
                aliases=tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip()),
                source=row.get("source", ""),
            )
        )
    if problems:
        raise ReferenceRejected(problems)
    return loaded


def load_records(text: str, kind: str, filename: str) -> Loaded[RecordRow]:
    """World records (`world_records.csv`) or track records (`track_records.csv`)."""
    venue_column = "venue_city"
    loaded: Loaded[RecordRow] = Loaded()
    problems: list[RowProblem] = []
    required = ("gender", "distance", "time", "holder", "date")
    for index, row in _rows(text, filename, required, problems):
        distance = DISTANCE_ALIASES.get(row["distance"]) or canonical_distance(row["distance"])
        if distance is None:
            if UNMODELLED.search(row["distance"]):
                # Points combinations and "500m x 2" are real records, not race times.
                reason = f"not a race distance: {row['distance']}"
                loaded.skipped.append(RowProblem(filename, index, reason))
            else:
                reason = f"unknown distance {row['distance']!r}"
                problems.append(RowProblem(filename, index, reason))
            continue
        if not row["holder"]:
            problems.append(RowProblem(filename, index, "a record needs its holder"))
            continue
        if row["gender"] not in GENDERS:
            problems.append(RowProblem(filename, index, f"unknown gender {row['gender']!r}"))
            continue
        seconds = parse_time(row["time"])
        if seconds is None:
            problems.append(RowProblem(filename, index, f"not a time: {row['time']!r}"))
            continue
        gender = GENDER_OF[row["gender"]]
        if distance not in TEAM_DISTANCES and not plausible(seconds, distance, gender):
            reason = f"{row['time']} is impossible for the {row['gender']}'s {distance}"
            problems.append(RowProblem(filename, index, reason))
            continue
        try:
            set_on = parse_day(row["date"]) if row["date"] else None
        except ValueError as error:
            problems.append(RowProblem(filename, index, str(error)))
            continue
        venue = row.get(venue_column) or None
        if kind == "track" and venue is None:
            problems.append(RowProblem(filename, index, "a track record needs its rink's city"))
            continue
        loaded.rows.append(
            RecordRow(
                kind=kind,
                gender=row["gender"],
                distance=distance,
                seconds=seconds,
                holder=row["holder"].split(" (")[0].strip(),
                country=row.get("country") or None,
                set_on=set_on,
                venue=venue,
                current=row.get("superseded", "").casefold() not in {"yes", "true", "1"},
                source=row.get("source", ""),
                row=index,
                olympic=bool(OLYMPIC_NOTE.match(row.get("note") or row.get("notes") or "")),
            )
        )
    if problems:
        raise ReferenceRejected(problems)
    return loaded


def _bundled(name: str) -> str:
    return resources.files("schaatsradar.data").joinpath(f"reference/{name}").read_text("utf-8")


@cache
def bundled_skaters() -> Loaded[SkaterRow]:
    return load_skaters(_bundled("athletes.csv"))


@cache
def bundled_rinks() -> Loaded[RinkRow]:
    return load_rinks(_bundled("venues.csv"))


@cache
def bundled_records() -> Loaded[RecordRow]:
    world = load_records(_bundled("world_records.csv"), "world", "world_records.csv")
    track = load_records(_bundled("track_records.csv"), "track", "track_records.csv")
    olympic = [replace(row, kind="olympic") for row in track.rows if row.olympic]
    return Loaded(world.rows + track.rows + olympic, world.skipped + track.skipped)
