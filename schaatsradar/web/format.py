"""Values as a reader of each language expects them: race times (`1.12,74` on Dutch pages,
`1:12.74` on English ones), dates, distances, genders and record kinds. Pure functions of a
value and a language; the templates use them as filters. Names (countries, cities,
competitions, levels, record statuses) are `names`' job; its filters are installed here too.
Each takes a missing value (None, "") as well: a fact an older or unsure extraction left
without a distance shows a gap, never an error page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from babel.dates import format_date, format_interval
from babel.numbers import format_decimal

from schaatsradar.extract.types import format_time
from schaatsradar.web import names
from schaatsradar.web.deps import Language
from schaatsradar.web.i18n import N_, translate, translate_plural

NO_VALUE = names.NO_VALUE


def race_time(seconds: float | None, language: Language) -> str:
    """`1.12,74` / `38,01` in Dutch, `1:12.74` / `38.01` in English."""
    if seconds is None:
        return NO_VALUE
    text = format_time(seconds)
    if language == "nl":
        return text.replace(".", ",").replace(":", ".")
    return text


def day(value: dt.date | None, language: Language, width: str = "long") -> str:
    """`24 januari 2026` / `January 24, 2026` (`width="medium"`: `24 jan 2026`)."""
    return format_date(value, width, locale=language) if value else NO_VALUE


def day_range(start: dt.date | None, end: dt.date | None, language: Language) -> str:
    """`14–16 nov 2025` / `Nov 14 – 16, 2025`; one day when the event lasts a day."""
    if start is None:
        return day(end, language, "medium")
    return format_interval(start, end or start, "yMMMd", locale=language)


def month_heading(value: dt.date | None, language: Language) -> str:
    """`Januari 2026` / `January 2026`."""
    if value is None:
        return NO_VALUE
    text = format_date(value, "LLLL y", locale=language)
    return text[:1].upper() + text[1:]


def countdown(start: dt.date, end: dt.date, today: dt.date, language: Language) -> str:
    """How far off an event is: `nog 3 dagen`, `morgen`, `vandaag`, `nu bezig`, `voorbij`."""
    days = (start - today).days
    if days > 1:
        return translate_plural(language, "in %(num)d day", "in %(num)d days", days) % {"num": days}
    if days == 1:
        return translate(language, "tomorrow")
    if days == 0:
        return translate(language, "today")
    if end >= today:
        return translate(language, "under way")
    return translate(language, "over")


_NAMED_DISTANCES = {
    "mass start": N_("mass start"),
    "team pursuit": N_("team pursuit"),
    "team sprint": N_("team sprint"),
    "relay": N_("relay"),
    "allround": N_("allround"),
    "sprint": N_("sprint"),
}


def distance(value: str | None, language: Language) -> str:
    """`500 m`, `10.000 m` / `10,000 m`, `ploegenachtervolging` / `team pursuit`. The space
    before the unit does not break: "1.000" at a line's end and "m" on the next is no
    distance a reader recognises (narrow table columns on phones)."""
    if not value:
        return NO_VALUE
    if value in _NAMED_DISTANCES:
        return translate(language, _NAMED_DISTANCES[value])
    metres = value.removesuffix("m")
    if metres.isdigit():
        return f"{format_decimal(int(metres), locale=language)}\N{NO-BREAK SPACE}m"
    return value


_GENDERS = {"women": N_("women"), "men": N_("men"), "mixed": N_("mixed")}


def gender(value: str | None, language: Language) -> str:
    return translate(language, _GENDERS[value]) if value in _GENDERS else ""


_RECORD_KINDS = {
    "world": N_("world record"),
    "track": N_("track record"),
    "olympic": N_("Olympic record"),
    "national": N_("national record"),
    "continental": N_("continental record"),
    "personal": N_("personal best"),
    "season_best": N_("season best"),
    "junior_world": N_("junior world record"),
    "championship": N_("championship record"),
    "other": N_("record"),
}


def record_kind(value: str | None, language: Language) -> str:
    return translate(language, _RECORD_KINDS.get(value or "other", _RECORD_KINDS["other"]))


def filters(language: Language) -> dict[str, Callable[..., Any]]:
    """The functions above as Jinja filters bound to one language."""

    def bind(function: Callable[..., str]) -> Callable[..., str]:
        return lambda value, *args: function(value, *args, language)

    return {
        "race_time": bind(race_time),
        "day": lambda value, width="long": day(value, language, width),
        "day_range": lambda start, end=None: day_range(start, end, language),
        "month_heading": bind(month_heading),
        "countdown": lambda start, end, today: countdown(start, end or start, today, language),
        "distance": bind(distance),
        "gender": bind(gender),
        "record_kind": bind(record_kind),
        **names.filters(language),
    }
