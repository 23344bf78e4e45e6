"""When an alert may leave: spoiler-safe "hold" keeps outcomes until the reader's chosen
time (a delayed broadcast), and e-mail waits out the reader's quiet hours (then goes as one
digest). Pure: clock and preferences in, a moment out. Times of day are the reader's local
time (`users.timezone`); moments are naive UTC, as the store keeps them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Europe/Amsterdam"


def parse_clock(value: str | None) -> dt.time | None:
    """ "21:30" -> 21:30; None or "" -> None; anything else is a ValueError naming it."""
    if not value:
        return None
    try:
        hours, minutes = value.split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"not a time of day (HH:MM): {value!r}") from None


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def held_until(
    occurred_at: dt.datetime, release: str | None, timezone: str | None
) -> dt.datetime | None:
    """The first moment at `release` o'clock (local) after the event: when a held outcome may
    be told. None when no release time is set (nothing is held)."""
    clock = parse_clock(release)
    if clock is None:
        return None
    tz = zone(timezone)
    local = occurred_at.replace(tzinfo=dt.UTC).astimezone(tz)
    moment = local.replace(hour=clock.hour, minute=clock.minute, second=0, microsecond=0)
    if moment <= local:
        moment = (local + dt.timedelta(days=1)).replace(
            hour=clock.hour, minute=clock.minute, second=0, microsecond=0
        )
    return _utc(moment)


def quiet_until(
    now: dt.datetime, start: str | None, end: str | None, timezone: str | None
) -> dt.datetime | None:
    """The end of the quiet hours `now` falls in (naive UTC), or None when it is not quiet."""
    first, last = parse_clock(start), parse_clock(end)
    if first is None or last is None or first == last:
        return None
    local = now.replace(tzinfo=dt.UTC).astimezone(zone(timezone))
    clock = local.time()
    quiet = first <= clock < last if first < last else clock >= first or clock < last
    if not quiet:
        return None
    ends = local.replace(hour=last.hour, minute=last.minute, second=0, microsecond=0)
    if ends <= local:
        ends += dt.timedelta(days=1)
    return _utc(ends)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)
