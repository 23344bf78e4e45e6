"""A season's calendar from a file someone hands us: iCal (RFC 5545), the ISU's events JSON,
or CSV in the shape of the bundled `calendar_2025_26.csv`. Pure: bytes and a name in,
calendar events out.

The same checks as the official result imports: every broken event is named (the CSV row,
the line an iCal event begins on, the number and JSON path of a JSON event) with what is
wrong, and one broken event refuses the whole file (`CalendarRejected`), so a calendar is
never stored with a World Cup quietly missing.

The ISU events JSON is what the ISU results API answers for its events (see
`official_isu`), in a page (`{"count", "next", "previous", "results": [...]}`), a bare list
or `{"events": [...]}`. One event:

    {"id": "2026_NED_0001", "name": "ISU World Cup Speed Skating 2026/27 - Heerenveen",
     "start": "2026-12-11", "end": "2026-12-13",
     "location": {"city": "Heerenveen", "country": "NED", "trackName": "Thialf"},
     "level": "world cup",                                   # optional, else from the name
     "distances": "500m (x2), 1000m, 1500m, mass start",     # optional; or a list, or
     "competitions": [{"distance": {"name": "500m"}, "gender": "F"}, ...],
     "url": "https://...", "notes": "..."}                   # optional
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

from icalendar import Calendar

from schaatsradar.errors import SchaatsradarError
from schaatsradar.extract.types import Gender
from schaatsradar.knowledge.calendar import (
    CalendarEvent,
    CalendarRejected,
    Level,
    RowProblem,
    event_slug,
    load_calendar,
    parse_level,
    short_name,
    venue_countries,
)
from schaatsradar.knowledge.calendar_programme import (
    BOTH,
    ProgrammeError,
    ScheduledDistance,
    parse_programme,
)
from schaatsradar.knowledge.ical import DISTANCES_PROPERTY, LEVEL_PROPERTY
from schaatsradar.knowledge.matching import level_of
from schaatsradar.knowledge.official_values import distance_of, parse_gender
from schaatsradar.knowledge.season_calendar import NEWS_LEVELS

ICAL_SUFFIXES = (".ics", ".ical", ".ifb", ".icalendar")
OUR_UID = re.compile(r"^(\d{4}-\d{2}-\d{2}-[a-z0-9-]+)@schaatsradar$")
_GENDER_CODES = {"women": "W", "men": "M", "mixed": "mixed"}
_DISTANCES_LINE = re.compile(r"^\s*(?:distances|afstanden)\s*:\s*(.+)$", re.IGNORECASE | re.M)


@cache
def _countries() -> dict[str, str]:
    base = resources.files("schaatsradar.data").joinpath("reference")
    return venue_countries(base.joinpath("venues.csv").read_text(encoding="utf-8"))


def calendar_format(content: bytes, name: str) -> str:
    """ "ical", "json" or "csv", by the file's name, else by how its text begins."""
    lowered = name.lower().split("?")[0]
    if lowered.endswith(ICAL_SUFFIXES):
        return "ical"
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith(".csv"):
        return "csv"
    start = content.lstrip(b"\xef\xbb\xbf \t\r\n")[:20].upper()
    if start.startswith(b"BEGIN:VCALENDAR"):
        return "ical"
    if start[:1] in (b"{", b"["):
        return "json"
    return "csv"


def parse_calendar(content: bytes, name: str) -> tuple[CalendarEvent, ...]:
    """Every meet of a calendar file (`name`: its path or URL, for the messages), by day.
    Raises `CalendarRejected` naming every broken event."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CalendarRejected(
            [RowProblem(name, 1, f"not UTF-8 ({error.reason})", "line")]
        ) from None
    kind = calendar_format(content, name)
    readers: dict[str, Callable[[str, str], tuple[CalendarEvent, ...]]] = {
        "ical": parse_ical,
        "json": parse_isu_events,
        "csv": lambda t, n: load_calendar(t, n, _countries()),
    }
    events = readers[kind](text, name)
    if not events:
        raise CalendarRejected([RowProblem(name, 1, "no meets in this calendar", "line")])
    return events


# -- what every format shares -----------------------------------------------------------------


def _level(given: str | None, name: str, reasons: list[str]) -> Level | None:
    """The level a file gives, else the one its name says ("World Cup", "NK", "EK")."""
    if given:
        try:
            return parse_level(given)
        except SchaatsradarError as error:
            reasons.append(error.message)
            return None
    found = NEWS_LEVELS.get(level_of(name) or "")
    if found is None:
        reasons.append(f"level unknown: the name {name!r} does not say it and no level is given")
    return found


def _programme(text: str | None, name: str, reasons: list[str]) -> tuple[ScheduledDistance, ...]:
    if not text or not text.strip():
        return ()
    try:
        return parse_programme(text, name)
    except ProgrammeError as error:
        reasons.append(f"distances: {error}")
        return ()


def _place(location: str | None, rink: str | None, city: str | None) -> tuple[str | None, ...]:
    """Rink, city and country from what a file says: "Thialf, Heerenveen" (our own feeds),
    a known rink or city alone, or separate fields."""
    countries = _countries()
    if location and not (rink or city):
        parts = [p.strip() for p in location.split(",") if p.strip()]
        if len(parts) >= 2:
            rink, city = ", ".join(parts[:-1]), parts[-1]
        elif parts and _known_rink_city(parts[0]):
            rink, city = parts[0], _known_rink_city(parts[0])
        elif parts:
            city = parts[0]
    country = None
    for key in (rink, city):
        if key and key.casefold() in countries:
            country = countries[key.casefold()]
            break
    return rink or None, city or None, country


@cache
def _rink_cities() -> dict[str, str]:
    base = resources.files("schaatsradar.data").joinpath("reference")
    text = base.joinpath("venues.csv").read_text(encoding="utf-8").removeprefix("\ufeff")
    return {
        row["rink"].strip().casefold(): row["city"].strip()
        for row in csv.DictReader(io.StringIO(text))
        if row.get("rink") and row.get("city")
    }


def _known_rink_city(name: str) -> str | None:
    return _rink_cities().get(name.casefold())


def _event(
    *,
    name: str,
    start: dt.date,
    end: dt.date,
    level: Level,
    place: tuple[str | None, ...],
    programme: tuple[ScheduledDistance, ...],
    notes: str,
    sources: tuple[str, ...],
    slug: str | None = None,
) -> CalendarEvent:
    rink, city, country = place
    return CalendarEvent(
        slug=slug or event_slug(start, name),
        name=name,
        short_name=short_name(name),
        start=start,
        end=end,
        city=city,
        rink=rink,
        country=country,
        level=level,
        programme=programme,
        notes=notes,
        sources=sources,
    )


def _checked(
    found: Sequence[tuple[CalendarEvent, int]], problems: list[RowProblem], name: str, unit: str
) -> tuple[CalendarEvent, ...]:
    """The events, once no two are the same meet and no event was broken."""
    first_at: dict[str, int] = {}
    for event, where in found:
        if event.slug in first_at:
            reason = f"same start day and name as {unit} {first_at[event.slug]}"
            problems.append(RowProblem(name, where, reason, unit))
        first_at.setdefault(event.slug, where)
    if problems:
        raise CalendarRejected(sorted(problems, key=lambda p: p.row))
    return tuple(sorted((e for e, _ in found), key=lambda e: (e.start, e.end, e.slug)))


# -- iCal -------------------------------------------------------------------------------------


def parse_ical(text: str, name: str) -> tuple[CalendarEvent, ...]:
    """The VEVENTs of an iCalendar file. An all-day event's DTEND is the day after its last
    (RFC 5545); a timed one ends on its DTEND's day."""
    begins = [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "BEGIN:VEVENT"]
    try:
        calendar = Calendar.from_ical(text)
    except ValueError as error:
        raise CalendarRejected([RowProblem(name, 1, f"not iCalendar ({error})", "line")]) from None
    found: list[tuple[CalendarEvent, int]] = []
    problems: list[RowProblem] = []
    for number, vevent in enumerate(calendar.walk("VEVENT")):
        line = begins[number] if number < len(begins) else 1
        event, reasons = _ical_event(vevent)
        problems.extend(RowProblem(name, line, reason, "line") for reason in reasons)
        if event is not None and not reasons:
            found.append((event, line))
    return _checked(found, problems, name, "line")


def _ical_event(vevent: Any) -> tuple[CalendarEvent | None, list[str]]:
    reasons = [f"{prop}: {message}" for prop, message in vevent.errors]
    if reasons:
        return None, reasons
    summary = str(vevent.get("summary") or "").strip()
    if not summary:
        reasons.append("SUMMARY (the meet's name) is missing")
    start = _ical_day(vevent, "dtstart", reasons)
    end = _ical_end(vevent, start)
    if start and end and end < start:
        reasons.append(f"ends ({end}) before it starts ({start})")
    level = _level(_ical_level(vevent), summary, reasons) if summary else None
    description = str(vevent.get("description") or "")
    distances = vevent.get(DISTANCES_PROPERTY.lower())
    if distances is None and (match := _DISTANCES_LINE.search(description)):
        distances = match.group(1)
    programme = _programme(str(distances) if distances else None, summary, reasons)
    if reasons or start is None or end is None or level is None:
        return None, reasons
    uid = OUR_UID.match(str(vevent.get("uid") or ""))
    url = str(vevent.get("url") or "").strip()
    # Our own feeds title an event by its short name (and an Olympic day by its races too);
    # the description's first line is the full name the slug was made from.
    name = (description.splitlines() or [summary])[0].strip() if uid else summary
    event = _event(
        name=name or summary,
        start=start,
        end=end,
        level=level,
        place=_place(str(vevent.get("location") or "").strip() or None, None, None),
        programme=programme,
        notes="",
        sources=(url,) if url.startswith("http") else (),
        slug=uid.group(1) if uid else None,
    )
    return event, reasons


def _ical_day(vevent: Any, prop: str, reasons: list[str]) -> dt.date | None:
    if vevent.get(prop) is None:
        reasons.append(f"{prop.upper()} is missing")
        return None
    value = vevent.decoded(prop)
    return value.date() if isinstance(value, dt.datetime) else value


def _ical_end(vevent: Any, start: dt.date | None) -> dt.date | None:
    if start is None:
        return None
    if vevent.get("dtend") is not None:
        value = vevent.decoded("dtend")
        if isinstance(value, dt.datetime):
            return value.date()
        return max(start, value - dt.timedelta(days=1))  # exclusive for whole days
    if vevent.get("duration") is not None:
        days = vevent.decoded("duration").days
        return start + dt.timedelta(days=max(0, days - 1))
    return start


def _ical_level(vevent: Any) -> str | None:
    """Our own feeds name the level in X-SCHAATSRADAR-LEVEL; others may in CATEGORIES."""
    given = vevent.get(LEVEL_PROPERTY.lower())
    if given:
        return str(given)
    categories = vevent.get("categories")
    values = categories if isinstance(categories, list) else [categories] if categories else []
    for category in values:
        for word in getattr(category, "cats", [category]):
            try:
                return parse_level(str(word))
            except SchaatsradarError:
                continue
    return None


# -- ISU events JSON --------------------------------------------------------------------------


def parse_isu_events(text: str, name: str) -> tuple[CalendarEvent, ...]:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        reason = f"not JSON (column {error.colno}: {error.msg})"
        raise CalendarRejected([RowProblem(name, error.lineno, reason, "line")]) from None
    items, path = _event_list(payload)
    if items is None:
        reason = "expected ISU events: a list, a page with `results` or an object with `events`"
        raise CalendarRejected([RowProblem(name, 1, reason, "event")])
    found: list[tuple[CalendarEvent, int]] = []
    problems: list[RowProblem] = []
    for index, item in enumerate(items):
        event, reasons = _isu_event(item)
        where = f"{path}[{index}]"
        problems.extend(RowProblem(name, index + 1, f"{where}: {r}", "event") for r in reasons)
        if event is not None and not reasons:
            found.append((event, index + 1))
    return _checked(found, problems, name, "event")


def _event_list(payload: Any) -> tuple[list[Any] | None, str]:
    if isinstance(payload, list):
        return payload, "$"
    if isinstance(payload, Mapping):
        for key in ("results", "events"):
            if isinstance(payload.get(key), list):
                return payload[key], f"$.{key}"
        if _first(payload, "name", "title", "eventName") is not None:
            return [payload], "$"
    return None, "$"


def _first(item: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        if item.get(key) not in (None, ""):
            return item[key]
    return None


def _isu_event(item: Any) -> tuple[CalendarEvent | None, list[str]]:
    if not isinstance(item, Mapping):
        return None, [f"expected an event object, got {type(item).__name__}"]
    reasons: list[str] = []
    title = _first(item, "name", "title", "eventName")
    if not isinstance(title, str) or not title.strip():
        reasons.append("the event's name is missing")
        title = ""
    title = title.strip()
    start = _json_day(
        _first(item, "start", "startDate", "start_date", "dateFrom"), "start", reasons
    )
    end_value = _first(item, "end", "endDate", "end_date", "dateTo")
    end = _json_day(end_value, "end", reasons) if end_value is not None else start
    if start is None and not any("start" in r for r in reasons):
        reasons.append("the start day is missing")
    if start and end and end < start:
        reasons.append(f"ends ({end}) before it starts ({start})")
    given = _first(item, "level", "category", "type")
    level = _level(str(given) if given else None, title, reasons) if title else None
    programme = _json_programme(item, title, reasons)
    if reasons or start is None or end is None or level is None:
        return None, reasons
    location = item.get("location")
    rink = city = None
    if isinstance(location, Mapping):
        rink = _first(location, "trackName", "track", "rink", "venueName", "venue")
        city = _first(location, "city", "town")
        location = None
    url = _first(item, "url", "link", "website")
    event = _event(
        name=title,
        start=start,
        end=end,
        level=level,
        place=_place(
            _text(location) or _text(_first(item, "venue", "city")), _text(rink), _text(city)
        ),
        programme=programme,
        notes=_text(_first(item, "notes", "note", "remarks")) or "",
        sources=(url,) if isinstance(url, str) and url.startswith("http") else (),
    )
    return event, reasons


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _json_day(value: Any, what: str, reasons: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    reasons.append(f"{what} {value!r} is not a date (YYYY-MM-DD)")
    return None


def _json_programme(
    item: Mapping[str, Any], title: str, reasons: list[str]
) -> tuple[ScheduledDistance, ...]:
    """`distances` as the CSV writes them (text, or a list of such texts), else the
    distances of the event's `competitions` with their genders."""
    distances = _first(item, "distances", "programme", "program")
    if isinstance(distances, list) and all(isinstance(d, str) for d in distances):
        distances = ", ".join(distances)
    if isinstance(distances, str):
        return _programme(distances, title, reasons)
    if distances is not None:
        reasons.append("distances must be text or a list of texts")
        return ()
    competitions = item.get("competitions")
    if competitions is None:
        return ()
    if not isinstance(competitions, list):
        reasons.append("competitions must be a list")
        return ()
    found: dict[str, set[Gender]] = {}
    for index, competition in enumerate(competitions):
        if not isinstance(competition, Mapping):
            reasons.append(f"competitions[{index}] is not an object")
            continue
        distance = distance_of(competition.get("distance"))
        if distance is None:
            continue  # a distance Schaatsradar does not track
        try:
            gender = parse_gender(_first(competition, "gender", "sex"))
        except SchaatsradarError as error:
            reasons.append(f"competitions[{index}]: {error.message}")
            continue
        found.setdefault(distance, set()).update((gender,) if gender else BOTH)
    text = ", ".join(
        f"{distance} ({'/'.join(_GENDER_CODES[g] for g in sorted(genders, reverse=True))})"
        for distance, genders in found.items()
    )
    return _programme(text, title, reasons)
