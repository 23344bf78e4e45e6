"""Single values from official result lists, read into the extraction contract's forms.

Official data outranks what news articles say, so a value that matters (time, distance, rank,
gender, date) is read exactly or refused with a reason, never guessed: a guessed time would
silently overrule a correct news report. Values that only decorate (a country code written as a
name) are read leniently. Every refusal is an `InputRejected` with code `OFFICIAL_ROW`; the
caller adds the file and JSON path.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import TypeVar

from schaatsradar.errors import MISSING_FIELD, OFFICIAL_ROW, InputRejected
from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.extract.types import DISTANCES, RECORD_TYPES, Gender, format_time

T = TypeVar("T")

# Seconds outside these bounds cannot be a real race on the distance. The fast end sits ~10 %
# under the men's world record; the slow end leaves room for juniors, masters and falls, which
# SpeedSkatingResults.com lists too.
PLAUSIBLE_SECONDS: dict[str, tuple[float, float]] = {
    "500m": (30.0, 180.0),
    "1000m": (60.0, 360.0),
    "1500m": (95.0, 480.0),
    "3000m": (200.0, 900.0),
    "5000m": (340.0, 1500.0),
    "10000m": (700.0, 3000.0),
    "mass start": (360.0, 1800.0),
    "team pursuit": (150.0, 600.0),
    "team sprint": (70.0, 300.0),
    "relay": (150.0, 600.0),
}
# Classifications are ranked on points, not on a clock.
CLASSIFICATIONS = ("allround", "sprint")
# Real skating distances Schaatsradar does not track (junior and sprint-camp distances on
# SpeedSkatingResults.com): skipped with a note rather than refused, or every personal-records
# page of a junior would be rejected.
UNTRACKED_METRES = frozenset({100, 200, 300, 400, 700})
NOT_FINISHED = frozenset({"DNS", "DNF", "DQ", "DSQ", "WDR", "WD", "NS", "NF", "DISQ"})

_TIME = re.compile(r"(?:(?P<min>\d{1,2})[:.])?(?P<sec>\d{1,4})[.,](?P<frac>\d{1,3})")
_METRES = re.compile(r"(?P<n>\d{1,2}(?:[.,]?\d{3})|\d{3})\s*(?:m|meters?|metres?)?")
_DISTANCE_WORDS = {
    "mass start": "mass start",
    "massastart": "mass start",
    "ms": "mass start",
    "team pursuit": "team pursuit",
    "ploegenachtervolging": "team pursuit",
    "tp": "team pursuit",
    "team sprint": "team sprint",
    "teamsprint": "team sprint",
    "ts": "team sprint",
    "relay": "relay",
    "mixed relay": "relay",
    "mixed gender relay": "relay",
    "allround": "allround",
    "allround classification": "allround",
    "sprint": "sprint",
    "sprint classification": "sprint",
}
_GENDERS: dict[str, Gender] = {
    **dict.fromkeys(("f", "w", "l", "women", "woman", "female", "ladies", "vrouwen"), "women"),
    **dict.fromkeys(("m", "men", "man", "male", "heren", "mannen"), "men"),
    **dict.fromkeys(("x", "mixed", "gemengd"), "mixed"),
}
RECORD_KINDS = {
    **{kind: kind for kind in RECORD_TYPES},
    "wr": "world",
    "tr": "track",
    "or": "olympic",
    "nr": "national",
    "cr": "continental",
    "pr": "personal",
    "pb": "personal",
    "sb": "season_best",
    "jwr": "junior_world",
    "season best": "season_best",
    "personal best": "personal",
    "personal record": "personal",
    "world record": "world",
    "track record": "track",
    "national record": "national",
}


def refuse(reason: str) -> InputRejected:
    return InputRejected(reason, OFFICIAL_ROW)


def parse_seconds(value: object) -> float:
    """Seconds from "1:12.74", "1.12,74", "72.74", "36,09" or a JSON number of seconds."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise refuse(f"time {value!r} is not a time")
    if not isinstance(value, str):
        if not math.isfinite(value) or not 0 < value < 100_000:
            raise refuse(f"time {value!r} is not a time")
        return round(float(value), 3)
    match = _TIME.fullmatch(value.strip())
    if match is None:
        raise refuse(f"time {value!r} is not a time")
    minutes, sec, frac = match["min"], match["sec"], match["frac"]
    if minutes is not None and (len(sec) != 2 or int(sec) >= 60):
        raise refuse(f"time {value!r} is not a time: seconds must be 00-59 after the minutes")
    total = int(minutes or 0) * 60 + int(sec) + int(frac) / 10 ** len(frac)
    return round(total, len(frac))


def check_plausible(seconds: float, distance: str) -> None:
    """Refuse a time no skater can have skated on `distance` (typos, points read as times)."""
    bounds = PLAUSIBLE_SECONDS.get(distance)
    if bounds is None:
        return
    fastest, slowest = bounds
    if not fastest <= seconds <= slowest:
        raise refuse(
            f"time {format_time(seconds)} is impossible for {distance} "
            f"(plausible: {format_time(fastest)} to {format_time(slowest)})"
        )


def parse_distance(value: object) -> str | None:
    """The contract's distance name; None for a real distance Schaatsradar does not track."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise refuse(f"distance {value!r} is not a distance")
    text = " ".join(str(value).lower().replace("’", "'").split())
    if text in _DISTANCE_WORDS:
        return _DISTANCE_WORDS[text]
    match = _METRES.fullmatch(text)
    if match is not None:
        metres = int(re.sub(r"\D", "", match["n"]))
        if f"{metres}m" in DISTANCES:
            return f"{metres}m"
        if metres in UNTRACKED_METRES:
            return None
    raise refuse(f"distance {value!r} is not a distance Schaatsradar knows")


def parse_gender(value: object) -> Gender | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().lower() in _GENDERS:
        return _GENDERS[value.strip().lower()]
    raise refuse(f"gender {value!r} is not women, men or mixed")


def parse_rank(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and re.fullmatch(r"\s*\d+\.?\s*", value):
        value = int(value.strip().rstrip("."))
    if isinstance(value, bool) or not isinstance(value, int):
        raise refuse(f"rank {value!r} is not a whole number")
    if value < 1:
        raise refuse(f"rank {value} is below 1")
    return value


def parse_date(value: object) -> dt.date | None:
    """A date from "2026-01-24" or an ISO timestamp ("2026-01-24T14:03:00+01:00")."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise refuse(f"date {value!r} is not a date (YYYY-MM-DD)")


def parse_record_kind(value: object) -> str:
    if isinstance(value, str) and value.strip().lower() in RECORD_KINDS:
        return RECORD_KINDS[value.strip().lower()]
    raise refuse(f"record type {value!r} is not one Schaatsradar knows")


def parse_points(value: object) -> float | None:
    """Classification or mass-start points ("146.365", "146,365", 60); never a time."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and re.fullmatch(r"\d{1,3}(?:[.,]\d{1,3})?", value.strip()):
        return float(value.strip().replace(",", "."))
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    raise refuse(f"points {value!r} are not a points total")


def country_code(value: object) -> str | None:
    """An IOC code from "NED" or "Netherlands"; anything else is left out, not refused,
    because a result is still right without its flag."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"[A-Za-z]{3}", text):
        return text.upper()
    for code, (english, names, _adjectives) in COUNTRIES.items():
        if text == english or text in names:
            return code
    return None


def team_name(code: str | None, fallback: str | None) -> str | None:
    """A team is named by its country in English, as the extraction contract asks."""
    if code in COUNTRIES:
        return COUNTRIES[code][0]
    return fallback


def first(row: Mapping[str, object], *keys: str) -> object:
    """The first of `keys` that `row` has a value for: the two APIs (and their versions)
    name the same field differently."""
    for key in keys:
        value = row.get(key)
        if value is not None and value != "":
            return value
    return None


def city(location: object) -> str | None:
    """The city of a venue given as "Inzell" or as {"city": "Inzell", "track": ...}."""
    if isinstance(location, Mapping):
        location = first(location, "city", "town", "name", "location")
    return location.strip() if isinstance(location, str) and location.strip() else None


def required(value: T | None, what: str) -> T:
    if value is None:
        raise InputRejected(f"missing {what}", MISSING_FIELD)
    return value


def not_finished(value: object) -> bool:
    """A status or time such as "DQ" or "DNF": the skater raced but has no result."""
    return isinstance(value, str) and value.strip().upper() in NOT_FINISHED


def distance_of(value: object) -> str | None:
    """The distance of a competition or record: 500, "500m", or the ISU's
    {"distance": 500, "name": "500m", ...} object, where the name is what tells a team
    pursuit (2400 or 3200 m) or mass start (6400 m) from a plain race."""
    if isinstance(value, Mapping):
        name = first(value, "name", "title", "discipline")
        if isinstance(name, str) and " ".join(name.lower().split()) in _DISTANCE_WORDS:
            return _DISTANCE_WORDS[" ".join(name.lower().split())]
        value = first(value, "distance", "meters", "name", "title")
    return parse_distance(required(value, "distance"))


def race_seconds(value: object, distance: str) -> float:
    """A race time that can be true on `distance`."""
    seconds = parse_seconds(value)
    check_plausible(seconds, distance)
    return seconds


def about(who: str, error: InputRejected) -> InputRejected:
    """The same refusal, naming the skater, so a report reads without opening the file."""
    return InputRejected(f"{who}: {error.message}", error.code)


def untracked(distance: object) -> str:
    return f"distance {distance!r} is not one Schaatsradar tracks"


def text_or_none(value: object) -> str | None:
    """Ids and round labels come as numbers or strings; either is kept as text."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value).strip() or None
