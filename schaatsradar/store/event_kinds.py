"""The event kinds readers can be alerted to, and the bit each has in a channel's
`event_mask` (one integer, so the fan-out filters channels in SQL with `mask & bit`)."""

from __future__ import annotations

from typing import Literal

EventKind = Literal["article.published", "result.recorded", "record.set", "race.upcoming"]
EVENT_BITS: dict[str, int] = {
    "article.published": 1,
    "result.recorded": 2,
    "record.set": 4,
    "race.upcoming": 8,
}
ALL_EVENTS = sum(EVENT_BITS.values())
# Kinds whose alert tells an outcome: spoiler-safe mode hides or holds them.
OUTCOMES = frozenset({"result.recorded", "record.set"})
CHANNEL_KINDS = ("webhook", "email", "push", "stream")


def mask_of(kinds: list[str] | tuple[str, ...] | set[str]) -> int:
    """The mask for `kinds`; an unknown kind is a ValueError naming it."""
    unknown = sorted(set(kinds) - set(EVENT_BITS))
    if unknown:
        raise ValueError(f"unknown event kind(s): {', '.join(unknown)}")
    return sum(EVENT_BITS[kind] for kind in set(kinds))


def kinds_of(mask: int) -> list[str]:
    return [kind for kind, bit in EVENT_BITS.items() if mask & bit]
