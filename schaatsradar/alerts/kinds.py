"""The event kinds and their channel bits, as alerts and the web name them; defined beside
the schema that stores them (`store.event_kinds`), since the knowledge stage makes events
and may not import alerts."""

from schaatsradar.store.event_kinds import (
    ALL_EVENTS,
    CHANNEL_KINDS,
    EVENT_BITS,
    OUTCOMES,
    EventKind,
    kinds_of,
    mask_of,
)

__all__ = [
    "ALL_EVENTS",
    "CHANNEL_KINDS",
    "EVENT_BITS",
    "OUTCOMES",
    "EventKind",
    "kinds_of",
    "mask_of",
]
