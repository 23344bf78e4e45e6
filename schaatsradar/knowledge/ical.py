"""The calendar as iCalendar (RFC 5545), for fans who subscribe in their own calendar app.

Only a renderer: which events go in is decided by the filters in `calendar`. Events are
all-day, because the reference data has days, not start times; UIDs come from the event slug
so that a re-published feed updates entries in calendar apps instead of duplicating them.
What an event says in words (level, distances, the labels of its description) is in the
reader's language (`IcalWords`, which the site fills from its translations); its URL is the
meet's own page on the site, where its results and news are, not a publisher's page. Level and
programme are also written for machines (`X-SCHAATSRADAR-*`), so `calendar import` reads a
feed back whatever its language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from icalendar import Calendar, Event

from schaatsradar.extract.types import Gender
from schaatsradar.knowledge.calendar import CalendarEvent, events_for_skater
from schaatsradar.knowledge.calendar_programme import BOTH, ScheduledDistance

PRODID = "-//Schaatsradar//Schaatskalender//NL"
UID_DOMAIN = "schaatsradar"
LEVEL_PROPERTY = "X-SCHAATSRADAR-LEVEL"
DISTANCES_PROPERTY = "X-SCHAATSRADAR-DISTANCES"
_SUMMARY_DISTANCES = 2  # an Olympic day lists one or two races: worth naming in the title


def _english_level(level: str | None) -> str:
    return level or ""


def _no_url(_event: CalendarEvent) -> str | None:
    return None


@dataclass(frozen=True)
class IcalWords:
    """The words of one language for what an event says: the labels of its description,
    its level, its title (a meet's name) and one programme entry ("1000 m (vrouwen)"), and
    the page a meet links to (`meet_url`; None: the event links nowhere). English by
    default."""

    level_label: str = "Level"
    distances_label: str = "Distances"
    source_line: Callable[[str], str] = field(default=lambda url: f"Source: {url}")
    level: Callable[[str | None], str] = _english_level
    name: Callable[[str], str] = field(default=lambda name: name)  # a meet's name, as titled
    entry: Callable[[ScheduledDistance], str] = field(default=lambda entry: entry.label)
    meet_url: Callable[[CalendarEvent], str | None] = _no_url


ENGLISH = IcalWords()


def calendar_ics(
    events: Iterable[CalendarEvent],
    name: str,
    *,
    stamp: dt.datetime | None = None,
    words: IcalWords = ENGLISH,
) -> bytes:
    """A VCALENDAR with one all-day VEVENT per event.

    `stamp` becomes every DTSTAMP; pass it to get byte-identical output for identical data
    (for ETags and tests). Without it the current time is used, as RFC 5545 intends.
    """
    stamp_utc = _utc(stamp or dt.datetime.now(dt.UTC))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_vevent(event, stamp_utc, words))
    return bytes(calendar.to_ical())


def skater_ics(
    events: Iterable[CalendarEvent],
    skater_gender: Gender,
    skater_distances: Iterable[str],
    *,
    name: str = "Schaatsradar",
    levels: Iterable[str] | None = None,
    country: str | None = None,
    stamp: dt.datetime | None = None,
    words: IcalWords = ENGLISH,
) -> bytes:
    """One skater's calendar: the events where a distance of theirs is open to their gender.

    `levels` and `country` narrow it as in `events_for_skater`.
    """
    selected = events_for_skater(
        events, skater_gender, skater_distances, levels=levels, country=country
    )
    return calendar_ics(selected, name, stamp=stamp, words=words)


def event_uid(event: CalendarEvent) -> str:
    return f"{event.slug}@{UID_DOMAIN}"


def event_summary(event: CalendarEvent, words: IcalWords = ENGLISH) -> str:
    """ "World Cup 1", or "Olympic Games – 1000m (W)" where the name alone repeats daily."""
    if 0 < len(event.programme) <= _SUMMARY_DISTANCES:
        labels = ", ".join(words.entry(entry) for entry in event.programme)
        return f"{words.name(event.display_name)} – {labels}"
    return words.name(event.display_name)


def event_description(event: CalendarEvent, words: IcalWords = ENGLISH) -> str:
    lines = [event.name]
    if event.level:
        lines.append(f"{words.level_label}: {words.level(event.level)}")
    if event.programme:
        labels = ", ".join(words.entry(entry) for entry in event.programme)
        lines.append(f"{words.distances_label}: {labels}")
    if event.notes:
        lines.append(event.notes)
    lines.extend(words.source_line(url) for url in event.sources)
    return "\n".join(lines)


def machine_programme(programme: Iterable[ScheduledDistance]) -> str:
    """The programme as the calendar CSV writes it ("500m (x2), 3000m (W)"), which
    `calendar_programme.parse_programme` reads back."""
    parts = []
    for entry in programme:
        text = entry.distance + (f" (x{entry.races})" if entry.races > 1 else "")
        if entry.genders != BOTH:
            codes = {"women": "W", "men": "M", "mixed": "mixed"}
            text += f" ({'/'.join(codes[g] for g in entry.genders)})"
        parts.append(text)
    return ", ".join(parts)


def _vevent(event: CalendarEvent, stamp: dt.datetime, words: IcalWords) -> Event:
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end + dt.timedelta(days=1))  # all-day DTEND is exclusive
    vevent.add("summary", event_summary(event, words))
    if event.location:
        vevent.add("location", event.location)
    vevent.add("description", event_description(event, words))
    if event.level:
        vevent.add("categories", [words.level(event.level)])
        vevent.add(LEVEL_PROPERTY, event.level)
    if event.programme:
        vevent.add(DISTANCES_PROPERTY, machine_programme(event.programme))
    url = words.meet_url(event)
    if url:
        vevent.add("url", url)
    vevent.add("transp", "TRANSPARENT")  # watching a race should not block a working day
    return vevent


def _utc(moment: dt.datetime) -> dt.datetime:
    """DTSTAMP must be UTC; a naive time is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)
