"""The calendar as iCalendar (RFC 5545), for fans who subscribe in their own calendar app.

Only a renderer: which events go in is decided by the filters in `calendar`. Events are
all-day, because the reference data has days, not start times; UIDs come from the event slug
so that a re-published feed updates entries in calendar apps instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar, Event

from schaatsradar.extract.types import Gender
from schaatsradar.knowledge.calendar import CalendarEvent, events_for_skater

PRODID = "-//Schaatsradar//Schaatskalender//NL"
UID_DOMAIN = "schaatsradar"
_SUMMARY_DISTANCES = 2  # an Olympic day lists one or two races: worth naming in the title


def calendar_ics(
    events: Iterable[CalendarEvent], name: str, *, stamp: dt.datetime | None = None
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
        calendar.add_component(_vevent(event, stamp_utc))
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
) -> bytes:
    """One skater's calendar: the events where a distance of theirs is open to their gender.

    `levels` and `country` narrow it as in `events_for_skater`.
    """
    selected = events_for_skater(
        events, skater_gender, skater_distances, levels=levels, country=country
    )
    return calendar_ics(selected, name, stamp=stamp)


def event_uid(event: CalendarEvent) -> str:
    return f"{event.slug}@{UID_DOMAIN}"


def event_summary(event: CalendarEvent) -> str:
    """ "World Cup 1", or "Olympic Games – 1000m (W)" where the name alone repeats daily."""
    if 0 < len(event.programme) <= _SUMMARY_DISTANCES:
        labels = ", ".join(entry.label for entry in event.programme)
        return f"{event.display_name} – {labels}"
    return event.display_name


def event_description(event: CalendarEvent) -> str:
    lines = [event.name, f"Level: {event.level}"]
    if event.programme:
        lines.append("Distances: " + ", ".join(entry.label for entry in event.programme))
    if event.notes:
        lines.append(event.notes)
    lines.extend(f"Source: {url}" for url in event.sources)
    return "\n".join(lines)


def _vevent(event: CalendarEvent, stamp: dt.datetime) -> Event:
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end + dt.timedelta(days=1))  # all-day DTEND is exclusive
    vevent.add("summary", event_summary(event))
    if event.location:
        vevent.add("location", event.location)
    vevent.add("description", event_description(event))
    vevent.add("categories", [event.level])
    if event.sources:
        vevent.add("url", event.sources[0])
    vevent.add("transp", "TRANSPARENT")  # watching a race should not block a working day
    return vevent


def _utc(moment: dt.datetime) -> dt.datetime:
    """DTSTAMP must be UTC; a naive time is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)
