"""Surface patterns of Dutch and English speed-skating reports: one import for the readings
every later step of extraction needs.

Linking skaters, building results and deciding a record's status all start from the same
low-level readings of the text: where the times are and what kind of time each is
(`times`), which distances are named (`distances`), which words state a finishing position
(`ranks`), which records are mentioned (`record_words`), which competition, gender and day the
text is about (`context_cues`, `days`), and which times a distance can be skated in
(`plausibility`). Each lives in its own module, as pure functions over the raw article text,
so that each rule can be tested on its own; this module gathers them for the callers.

Nothing here decides *whose* time a time is or which race a rank belongs to; a finder only
says what a stretch of text is, with an exact span (``text[start:end]`` is the matched words),
and returns its mentions sorted by ``start``, without overlaps.

Robustness (see `scanning`): all regular expressions are compiled once, use bounded repetition
only, and every context check either anchors at a known position or looks up precomputed cue
positions, so the work stays linear in the length of the text even for hostile input (long
digit runs, megabytes without punctuation). Positions are always those of the original string
and only ASCII digits count as digits.
"""

from __future__ import annotations

from schaatsradar.extract.context_cues import ContextKind, ContextMention, find_context
from schaatsradar.extract.days import resolve_day
from schaatsradar.extract.distances import DistanceMention, find_distances
from schaatsradar.extract.plausibility import distance_for_time, plausible
from schaatsradar.extract.ranks import RankMention, find_ranks
from schaatsradar.extract.record_words import RecordMention, find_record_mentions
from schaatsradar.extract.scanning import FAST as _FAST  # noqa: F401  (the tests read it)
from schaatsradar.extract.times import TimeKind, TimeMention, find_times

__all__ = [
    "ContextKind",
    "ContextMention",
    "DistanceMention",
    "RankMention",
    "RecordMention",
    "TimeKind",
    "TimeMention",
    "distance_for_time",
    "find_context",
    "find_distances",
    "find_ranks",
    "find_record_mentions",
    "find_times",
    "plausible",
    "resolve_day",
]
