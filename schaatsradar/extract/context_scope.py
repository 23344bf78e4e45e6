"""Which mentions of a meet or a rink move the story there, and which meet a report is about.

Why this module still exists: the context reader (and its tests) ask one place both
questions. The answers live in two modules, split by what they decide:

- context_lead: what a report names as its meet and rink (the dateline, titles read as the
  championship they were won at, how a newly named competition refines the current one);
- context_mentions: whether a later mention moves the story there, or only names a
  skater's title, a meet qualified for, a flashback, a record's origin or a home town.
"""

from __future__ import annotations

from schaatsradar.extract.context_lead import (
    LEAD_CHARS,
    TitleMention,
    dateline_city,
    find_titles,
    kind_of,
    merge_competition,
)
from schaatsradar.extract.context_mentions import (
    CONTRAST,
    THIS_MEET_BEFORE,
    in_prior_win_phrase,
    in_relative_clause,
    is_event_competition,
    is_event_venue,
    is_flashback_place,
    is_race_venue,
    is_season_mention,
    names_a_meet,
)

__all__ = [
    "CONTRAST",
    "LEAD_CHARS",
    "THIS_MEET_BEFORE",
    "TitleMention",
    "dateline_city",
    "find_titles",
    "in_prior_win_phrase",
    "in_relative_clause",
    "is_event_competition",
    "is_event_venue",
    "is_flashback_place",
    "is_race_venue",
    "is_season_mention",
    "kind_of",
    "merge_competition",
    "names_a_meet",
]
