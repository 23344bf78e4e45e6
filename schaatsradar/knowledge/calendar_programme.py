"""The free-text `distances` column of the calendar CSV, read into canonical distances.

People copy that column from press schedules, so it comes in several shapes: plain lists
("500m (x2), 1000m, 3000m (W)"), day-by-day schedules ("Fri: 5000m (W); Sat: ..."), lists per
gender ("Men: 500m, 5000m; Women: ..."), one Olympic day ("Women 3000m", "Team pursuit
semifinals and finals (men and women)") and championship formulas ("allround: 500m/1500m (W);
sprint: 2x500m + 2x1000m"). A part this module cannot read is reported rather than skipped, so a
typo in the reference data cannot quietly drop a race from a skater's calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from schaatsradar.extract.types import DISTANCES, Gender

BOTH: tuple[Gender, ...] = ("women", "men")
_GENDER_ORDER: tuple[Gender, ...] = ("women", "men", "mixed")
_GENDER_LETTER = {"women": "W", "men": "M", "mixed": "mixed"}


class ProgrammeError(ValueError):
    """The distances text holds parts that are not distances; the message quotes them."""


@dataclass(frozen=True)
class ScheduledDistance:
    """One distance on an event's programme, with who races it and how often.

    `genders` is ("women", "men") unless the source restricts it; the relay is the mixed relay,
    ("mixed",). `races` is the number of times it is skated ("500m (x2)", "2x500m"): the
    highest count one schedule section gives, since sections can overlap.
    """

    distance: str
    genders: tuple[Gender, ...] = BOTH
    races: int = 1
    # The days it is skated on, per gender, when a calendar lists the meet day by day (the
    # Olympic Games): a result without a day of its own is of the last (the final).
    days: tuple[tuple[Gender, dt.date], ...] = ()

    @property
    def label(self) -> str:
        """Short human form ("500m ×2", "3000m (W)", "relay (mixed)") for tables and iCal."""
        text = self.distance + (f" ×{self.races}" if self.races > 1 else "")
        if self.genders == BOTH:
            return text
        return f"{text} ({'/'.join(_GENDER_LETTER[g] for g in self.genders)})"

    def open_to(self, gender: Gender) -> bool:
        """A mixed event needs skaters of both genders, so it is open to everyone."""
        return gender in self.genders or "mixed" in self.genders


def _individual_programme() -> tuple[ScheduledDistance, ...]:
    """The ISU individual programme: 3000m for women, 10000m for men, the rest for both.

    Team events are left out: national single-distance championships and Olympic trials are
    contested by individuals; team pursuit squads are selected, not raced for.
    """
    return (
        ScheduledDistance("500m"),
        ScheduledDistance("1000m"),
        ScheduledDistance("1500m"),
        ScheduledDistance("3000m", ("women",)),
        ScheduledDistance("5000m"),
        ScheduledDistance("10000m", ("men",)),
        ScheduledDistance("mass start"),
    )


_WHOLE_FIELD = {
    "all single distances": _individual_programme,
    "olympic distances": _individual_programme,
}
_DAYS = {
    *("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
}
_GENDER_WORDS: dict[str, Gender] = {
    "w": "women",
    "women": "women",
    "ladies": "women",
    "m": "men",
    "men": "men",
    "mixed": "mixed",
}
_CLASSIFICATIONS = ("allround", "sprint")
_ROUND_WORDS = {"quarterfinals", "semifinals", "finals", "final", "heats", "and"}
_IGNORED = re.compile(r"other distances\b.*")
_LABEL = re.compile(r"\s*([a-z]+)\s*:\s*")
_PARENTHETICAL = re.compile(r"\(([^()]*)\)")
_COUNT = re.compile(r"(?:(\d+)\s*[x×]\s*)?(.+)")
_TIMES = re.compile(r"[x×]\s*(\d+)")
_CLASSIFICATION_IN_NAME = re.compile(r"(?<!team )\b(allround|sprint)\b", re.IGNORECASE)


def canonical_distance(text: str) -> str | None:
    """`"500 m"`, `"10.000m"`, `"Mass Start"` -> the contract's spelling, or None."""
    name = re.sub(r"\s+", " ", text.casefold().strip())
    name = re.sub(r"(\d)\.(\d{3})", r"\1\2", name)
    name = re.sub(r"(\d)\s*(?:m|meters?|metres?)$", r"\1m", name)
    return name if name in DISTANCES else None


def parse_programme(text: str, competition: str = "") -> tuple[ScheduledDistance, ...]:
    """The distances an event's programme holds, in the contract's order.

    `competition` (the event name) adds the allround or sprint classification a championship
    crowns even when the distances column only lists its races.
    """
    phrase = text.strip().casefold()
    if phrase in _WHOLE_FIELD:
        found = list(_WHOLE_FIELD[phrase]())
    else:
        found, unread = _parse_sections(text)
        if unread:
            raise ProgrammeError("cannot read " + ", ".join(repr(u) for u in unread))
    for match in _CLASSIFICATION_IN_NAME.finditer(competition):
        found.append(ScheduledDistance(match.group(1).lower(), _genders_of(found)))
    return _merge(found)


def _parse_sections(text: str) -> tuple[list[ScheduledDistance], list[str]]:
    found: list[ScheduledDistance] = []
    unread: list[str] = []
    for section in _split_outside_parentheses(text, ";"):
        genders, classification, body = _section_label(section)
        if genders is None:
            unread.append(section.strip())
            continue
        section_found: list[ScheduledDistance] = []
        for item in _split_outside_parentheses(body, ","):
            parsed = _parse_item(item, genders)
            if parsed is None:
                unread.append(item.strip())
            else:
                section_found.extend(parsed)
        if classification:
            found.append(ScheduledDistance(classification, _genders_of(section_found)))
        found.extend(section_found)
    return found, unread


def _section_label(section: str) -> tuple[tuple[Gender, ...] | None, str | None, str]:
    """Genders and classification a "Men:" / "Fri:" / "sprint:" label sets for its section.

    The genders are None when the label is not one we know, so the caller reports it.
    """
    match = _LABEL.match(section.casefold())
    if match is None:
        return BOTH, None, section
    label, body = match.group(1), section[match.end() :]
    if label in _DAYS:
        return BOTH, None, body
    if label in _CLASSIFICATIONS:
        return BOTH, label, body
    if label in _GENDER_WORDS:
        return (_GENDER_WORDS[label],), None, body
    return None, None, body


def _parse_item(item: str, genders: tuple[Gender, ...]) -> list[ScheduledDistance] | None:
    """One comma-separated item ("500m/1500m (W)", "Women 3000m", "2x500m + 2x1000m").

    Parentheses give genders or a count; any other parenthetical is a remark and is ignored.
    """
    races = 1
    for note in _PARENTHETICAL.findall(item):
        note_genders = _genders_in(note)
        if note_genders:
            genders = note_genders
        elif times := _TIMES.fullmatch(note.strip().casefold()):
            races = int(times.group(1))
    words = _PARENTHETICAL.sub(" ", item).casefold().split()
    if words and words[0] in _GENDER_WORDS and len(words) > 1:
        genders = (_GENDER_WORDS[words.pop(0)],)
    while len(words) > 1 and words[-1] in _ROUND_WORDS:
        words.pop()
    core = " ".join(words)
    if not core or _IGNORED.fullmatch(core):
        return []
    found: list[ScheduledDistance] = []
    for piece in re.split(r"\s*[/+]\s*", core):
        parsed = _parse_piece(piece, genders, races)
        if parsed is None:
            return None
        found.extend(parsed)
    return found


def _parse_piece(
    piece: str, genders: tuple[Gender, ...], races: int
) -> list[ScheduledDistance] | None:
    count_match = _COUNT.fullmatch(piece.strip())
    if count_match is None:
        return None
    count = int(count_match.group(1)) if count_match.group(1) else races
    if count_match.group(2).strip() == "team events":
        return _team_events(genders)
    distance = canonical_distance(count_match.group(2))
    if distance is None:
        return None
    if distance == "relay" and genders == BOTH:
        genders = ("mixed",)
    return [ScheduledDistance(distance, genders, count)]


def _team_events(genders: tuple[Gender, ...]) -> list[ScheduledDistance]:
    """ "Team events" names none of them: keep every one rather than miss the one raced."""
    return [
        ScheduledDistance("team pursuit", genders),
        ScheduledDistance("team sprint", genders),
        ScheduledDistance("relay", ("mixed",)),
    ]


def _genders_in(note: str) -> tuple[Gender, ...] | None:
    """`"W"`, `"M, W"`, `"men and women"` -> genders; None for a remark like "x2".

    A short code that is not a gender ("X") is not a remark but a typo, and is raised.
    """
    tokens = [t for t in re.split(r"\s*(?:,|/|&|\band\b)\s*", note.casefold().strip()) if t]
    if tokens and all(t in _GENDER_WORDS for t in tokens):
        return _ordered(_GENDER_WORDS[t] for t in tokens)
    if tokens and all(len(t) == 1 and t.isalpha() for t in tokens):
        raise ProgrammeError(f"unknown gender code ({note})")
    return None


def _genders_of(found: Iterable[ScheduledDistance]) -> tuple[Gender, ...]:
    """Who a classification is for: whoever races its distances, both when unknown."""
    genders = {g for entry in found for g in entry.genders if g != "mixed"}
    return _ordered(genders) if genders else BOTH


def _ordered(genders: Iterable[Gender]) -> tuple[Gender, ...]:
    present = set(genders)
    return tuple(g for g in _GENDER_ORDER if g in present)


def _merge(found: Iterable[ScheduledDistance]) -> tuple[ScheduledDistance, ...]:
    """One entry per distance: a day schedule lists "1000m (W)" and later "1000m (M)"."""
    genders: dict[str, set[Gender]] = {}
    races: dict[str, int] = {}
    for entry in found:
        genders.setdefault(entry.distance, set()).update(entry.genders)
        races[entry.distance] = max(races.get(entry.distance, 1), entry.races)
    return tuple(
        ScheduledDistance(d, _ordered(genders[d]), races[d]) for d in DISTANCES if d in genders
    )


def _split_outside_parentheses(text: str, separator: str) -> list[str]:
    """Split on `separator` except inside "(M, W)"-style parentheses."""
    parts: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p for p in parts if p.strip()]
