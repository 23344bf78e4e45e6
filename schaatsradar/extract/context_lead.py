"""Which meet and rink a report names: its dateline, titles read as championships, and how
a newly named competition refines or replaces the one a report is about.

Why: the lead (headline, dateline and first paragraph) sets a report's meet and rink, and a
title won ("de wereldtitel op de 3000 meter", "European sprint champion") names the
championship it was won at. Whether a later mention may move the story at all is decided in
context_mentions; this module only says what a mention names and how specific it is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from schaatsradar.extract.scanning import blind, gate

__all__ = [
    "LEAD_CHARS",
    "TitleMention",
    "dateline_city",
    "find_titles",
    "kind_of",
    "merge_competition",
    "merge_meet",
]


# -- titles as competition cues ---------------------------------------------------------------


@dataclass(frozen=True)
class TitleMention:
    """A title won, read as the championship it was won at ("de wereldtitel op de 3000
    meter" -> "WK afstanden", "Europese titel" -> "European Championships")."""

    start: int
    end: int
    value: str
    # The format in `value` is a guess: a title won on one race names the championship's
    # level, not its format (see `types.Result.format_guessed`).
    format_guessed: bool = False


_SINGLE_RACE = (
    r"\s+(?:op|on|in|over)\s+(?:de|het|the)\s+(?:\d[\d.,]*\s?(?:meter|metres|meters|m|km|"
    r"kilometer)\b|massastart|mass\sstart|ploeg\w*|teamsprint|team\s(?:pursuit|sprint))"
)
# (pattern, championship, whether its format is a guess: `TitleMention.format_guessed`)
_TITLES: list[tuple[re.Pattern[str], str, bool]] = [
    (
        re.compile(
            r"(?i:\bwereld(?:titel|kampioene?)\b|\bworld\s(?:title|champion)\b)"
            r"(?=" + _SINGLE_RACE + ")"
        ),
        "WK afstanden",
        True,
    ),
    (
        re.compile(
            r"(?i:\beuropese\stitel\b|\beuropees\skampioene?\b|\beuropean\s(?:title|champion)\b)"
            r"(?=" + _SINGLE_RACE + ")"
        ),
        "EK afstanden",
        True,
    ),
    (
        re.compile(
            r"(?i:\b(?:nederlandse|nationale)\stitel\b|\bnederlands\skampioene?\b)"
            r"(?=" + _SINGLE_RACE + ")"
        ),
        "NK afstanden",
        True,
    ),
    (
        re.compile(
            r"(?i:\bwereld(?:titel|kampioene?)\s(?P<k>allround|sprint)\b"
            r"|\bwereld(?:titel|kampioen)\s(?:voor|bij|op)\s(?:de\s)?(?P<k2>allround|sprint)\w*"
            r"|\b(?P<k3>allround|sprint)wereldtitel\b)"
        ),
        "WK {kind}",
        False,
    ),
    (
        # "crowned world sprint champions", "the world allround title"
        re.compile(r"\bworld\s(?P<k>sprint|all[\s-]?round)\s(?:champions?|titles?|crown)\b"),
        "WK {kind}",
        False,
    ),
    (
        re.compile(r"\beuropean\s(?P<k>sprint|all[\s-]?round)\s(?:champions?|titles?|crown)\b"),
        "EK {kind}",
        False,
    ),
    (
        re.compile(
            r"(?i:\beuropese\s(?:(?P<k>allround|sprint)titel|titel\s(?P<k2>allround|sprint))\b"
            r"|\beuropees\skampioene?\s(?P<k3>allround|sprint)\b)"
        ),
        "EK {kind}",
        False,
    ),
    (
        re.compile(
            r"(?i:\b(?:nederlandse|nationale)\s(?P<k>allround|sprint)titel\b"
            r"|\bnederlands\skampioene?\s(?P<k2>allround|sprint)\b)"
        ),
        "NK {kind}",
        False,
    ),
    (
        re.compile(
            r"(?i:\bwereldtitel\b|\bwereldkampioene?\b|\bworld\stitle\b|\bworld\schampion\b)"
        ),
        "World Championships",
        False,
    ),
    (
        re.compile(
            r"(?i:\beuropese\stitel\b|\beuropees\skampioene?\b|\beuropean\stitle\b"
            r"|\beuropean\schampion\b)"
        ),
        "European Championships",
        False,
    ),
    (
        re.compile(r"(?i:\b(?:nederlandse|nationale)\stitel\b|\bnederlands\skampioene?\b)"),
        "NK",
        False,
    ),
]


# The race after a title ("op de 3000 meter") is matched case-blind as well.
_TITLES = [
    (re.compile(pattern.pattern, re.IGNORECASE), value, guessed)
    for pattern, value, guessed in _TITLES
]
# The words each title pattern holds one of (in the order of `_TITLES`): a sentence that names
# a world title is not scanned for European and Dutch ones (each scan is case-blind, the
# slowest kind). Registered as gates, so the tests check that none hides a match.
_TITLE_WORDS = (
    "wereld world",
    "europe",
    "nederlands nationale",
    "wereld",
    "world",
    "europe",
    "europe",
    "nederlands nationale",
    "wereld world",
    "europe",
    "nederlands nationale",
)
_GATED_TITLES = [
    (pattern, value, guessed, gate(pattern, words).needles)
    for (pattern, value, guessed), words in zip(_TITLES, _TITLE_WORDS, strict=True)
]


# Every title pattern holds one of these: a sentence without them is skipped in one scan.
_TITLE_NEEDLE = blind(r"wereld|world|europe|nederlands|nationale")
# The same words as substring tests: a sentence without them is turned away without a scan.
_TITLE_GATE = gate(_TITLE_NEEDLE, "wereld world europe nederlands nationale")


@functools.lru_cache(maxsize=1024)
def find_titles(text: str, start: int, end: int) -> tuple[TitleMention, ...]:
    """Titles won named in text[start:end], the most specific reading at each place."""
    if not _TITLE_GATE.open(text, start, end) or _TITLE_NEEDLE.search(text, start, end) is None:
        return ()
    present = _TITLE_GATE.found(text, start, end)
    found: dict[int, TitleMention] = {}
    for pattern, value, guessed, needles in _GATED_TITLES:
        if present.isdisjoint(needles):
            continue  # holds none of the words every match of the pattern holds
        for m in pattern.finditer(text, start, end):
            if m.start() in found:
                continue
            kind = next((g for g in m.groups() if g), "") if m.groups() else ""
            kind = re.sub(r"[\s-]", "", kind.casefold())
            found[m.start()] = TitleMention(
                m.start(), m.end(), value.format(kind=kind) if kind else value, guessed
            )
    return tuple(sorted(found.values(), key=lambda t: t.start))


# -- specificity -------------------------------------------------------------------------------

_KIND_CUES = (
    ("world_cup", ("world cup", "wereldbeker")),
    ("four_continents", ("four continents",)),
    ("olympics", ("olymp", "spelen", "games", "okt")),
    ("world", ("wk", "world", "wereld")),
    ("european", ("ek", "europ")),
    ("national", ("nk", "national", "nationa", "kampioenschap")),
)


_KIND_PATTERNS = tuple(
    (kind, re.compile("|".join(r"(?:^|\W)" + re.escape(cue) for cue in cues)))
    for kind, cues in _KIND_CUES
)


@functools.lru_cache(maxsize=256)
def kind_of(competition: str) -> str:
    """The kind of a competition as the scorer and the knowledge base file it (world cup,
    olympics, world/European/national championships, ...); else its own name."""
    low = competition.casefold()
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(low):
            return kind
    return low


_GENERIC = frozenset(
    {"world championships", "european championships", "nk", "world cup", "olympic games"}
)


def merge_competition(current: str | None, new: str) -> str:
    """The competition after a sentence names `new`: "Op deze WK" keeps "WK afstanden", a
    more specific name of the same kind refines it, another kind replaces it."""
    if current is None or kind_of(current) != kind_of(new):
        return new
    if new.casefold() in _GENERIC and current.casefold() not in _GENERIC:
        return current
    if current == "OKT" and new == "Olympic Games":
        return current
    return new


def merge_meet(
    current: str | None, current_guessed: bool, new: str, new_guessed: bool
) -> tuple[str, bool]:
    """`merge_competition`, with whether the merged name's format is a guess: the guess of the
    name it keeps, and of one named again only if both were guesses (the format the text
    states, read again from a title, is still stated; a guessed one the text then states
    is stated)."""
    merged = merge_competition(current, new)
    if new == current:
        return merged, current_guessed and new_guessed
    return merged, new_guessed if merged == new else current_guessed


# -- datelines ---------------------------------------------------------------------------------

# "HAMAR (ANP) -", "SALT LAKE CITY (AP) —", "HEERENVEEN, Netherlands", "KEARNS, Utah —"
# anywhere in the lead at the start of a line; "MONTREAL —" only as the report's first words.
_CITY = r"(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ'.-]+(?:[ -][A-ZÀ-Þ][A-ZÀ-Þ'.-]+){0,3})"
_DATELINE = re.compile(
    r"(?m)^[ \t]*" + _CITY + r"(?:\s*\((?:AP|ANP|AFP|CP|Reuters|dpa|Belga|NTB|TT|Xinhua|Kyodo|SID)"
    r"\)\s*[—–-]|,\s+(?:[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?|[A-Z]{2,4})\s*(?:\([A-Za-z]+\)\s*)?"
    r"(?:[—–-]\s|\n))"
)
_OPENING_DATELINE = re.compile(r"\s*" + _CITY + r"\s+[—–]\s")
_NOT_A_CITY = frozenset(
    {"UPDATE", "LIVE", "VIDEO", "BREAKING", "EXCLUSIVE", "ANALYSE", "ANALYSIS", "COLUMN",
     "INTERVIEW", "FOTO", "PHOTO", "NIEUWS", "NEWS", "OPINIE", "OPINION", "WATCH", "LISTEN"}
)  # fmt: skip
LEAD_CHARS = 700  # the headline, dateline and first paragraph of a report


def dateline_city(text: str) -> str | None:
    """The city of a dateline at the start of a report, in title case ("Salt Lake City")."""
    found = _OPENING_DATELINE.match(text) or _DATELINE.search(text, 0, min(len(text), LEAD_CHARS))
    if found is None:
        return None
    city = found.group("city").strip(" .-")
    if city.upper() in _NOT_A_CITY or len(city) < 3:
        return None
    return " ".join(part.capitalize() for part in city.lower().split())
