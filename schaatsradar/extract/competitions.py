"""Competitions a report names, in the short form the gold files and pages use ("World Cup",
"WK afstanden", "EK sprint", "NK", "Olympic Games", "OKT", "Four Continents").

Why normalised here: the press writes one championship a dozen ways ("World Single Distances
Championships", "wereldkampioenschappen afstanden", "de WK's afstanden"); later stages compare
competitions, so they must arrive in one spelling.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from schaatsradar.extract.scanning import Rx, blind, rx

__all__ = ["find_competitions"]


_LEVEL_NAME = {"wk": "WK", "ek": "EK", "nk": "NK", "world": "WK", "european": "EK",
               "wereld": "WK", "europese": "EK", "europees": "EK", "nederlandse": "NK",
               "nederlands": "NK", "dutch": "NK"}  # fmt: skip


def _comp_level_kind(m: re.Match[str]) -> str:
    """The "WK afstanden" form from any spelling of level and kind ("World Single Distances
    Championships", "Europees kampioene sprint", "wereldkampioenschappen allround")."""
    groups = m.groupdict()
    level = (groups.get("lvl") or groups.get("lvl2") or "").lower()
    kind = (groups.get("kind") or groups.get("kind2") or "").lower()
    kind_name = "allround" if "round" in kind else "sprint" if "sprint" in kind else "afstanden"
    return f"{_LEVEL_NAME[level]} {kind_name}"


_COMPETITIONS: list[tuple[Rx, Callable[[re.Match[str]], str]]] = [
    (
        rx(
            "o",
            r"\bOKT\b|(?i:\bolympische?\skwalificatietoernooi\b)",
            needles="okt kwalificatietoernooi",
        ),
        lambda m: "OKT",
    ),
    (
        # "het kwalificatietoernooi in Thialf": a qualifying meet, named as the press does.
        rx(
            "k",
            r"(?i:(?<!olympisch\s)(?<!olympische\s)\bkwalificatietoernooi\b)",
            needles="kwalificatietoernooi",
        ),
        lambda m: "kwalificatietoernooi",
    ),
    (
        rx(
            "enw",
            r"\b(?P<lvl>WK|EK|NK)(?:'s)?[\s-](?P<kind>(?i:afstanden|allround|sprint))\b"
            r"|(?i:\b(?P<lvl2>wereld|europese|nederlandse)\s?kampioenschap(?:pen)?"
            r"\s(?P<kind2>afstanden|allround|sprint)\b)",
            needles="afstanden allround sprint",
        ),
        _comp_level_kind,
    ),
    (
        rx(
            "dew",
            r"(?i:\b(?P<lvl>world|european|dutch)\s(?P<kind>single[\s-]distances?|all[\s-]?round"
            r"|sprint)\s(?:speed\sskating\s)?championships?\b)",
            needles="championship",
        ),
        _comp_level_kind,
    ),
    (
        rx(
            "ew",
            r"(?i:\b(?P<lvl>europees|wereld)\skampioene?\s(?P<kind>sprint|allround)\b)",
            needles="kampioen",
        ),
        _comp_level_kind,
    ),
    (rx("e", r"(?i:\beuropese\ssprinttitel\b)", needles="titel"), lambda m: "EK sprint"),
    (rx("e", r"(?i:\beuropese\sallroundtitel\b)", needles="titel"), lambda m: "EK allround"),
    (
        rx(
            "4fv",
            r"(?i:\bfour\scontinents\b|\bvier\scontinenten\b)|\b4CC\b",
            needles="continent 4cc",
        ),
        lambda m: "Four Continents",
    ),
    # The ISU Short Track World Tour (the short-track World Cup since 2025): its own series.
    (rx("w", r"(?i:\bworld\stour\b)", needles="tour"), lambda m: "World Tour"),
    (
        rx(
            "Ww",
            r"(?i:\bworld\scup(?:\sfinal)?\b|\bwereldbeker\w*)|\bWB\b",
            needles="cup wereldbeker wb",
        ),
        lambda m: "World Cup",
    ),
    (
        rx(
            "Wiw",
            r"(?i:\b(?:isu\s)?world\s(?:(?:speed|short[\s-]track)\s(?:skating\s)?)?"
            r"championships?\b|\bwereldkampioenschap(?:pen)?\b)|\bWK(?:'s)?\b",
            needles="champion wereldkampioenschap wk",
        ),
        lambda m: "World Championships",
    ),
    (
        rx(
            "Eei",
            r"(?i:\b(?:isu\s)?european\s(?:(?:speed|short[\s-]track)\s(?:skating\s)?)?"
            r"championships?\b|\beuropese?\skampioenschap(?:pen)?\b)|\bEK(?:'s)?\b",
            needles="champion kampioenschap ek",
        ),
        lambda m: "European Championships",
    ),
    (
        rx(
            "Ndn",
            r"(?i:\bnederlandse\skampioenschappen\b|\bdutch\schampionships\b)|\bNK\b",
            needles="kampioenschap championship nk",
        ),
        lambda m: "NK",
    ),
    (
        rx(
            "GSow",
            r"(?i:\bolympische\s(?:winter)?spelen\b|\bwinterspelen\b|\b(?:winter\s)?olympics\b"
            r"|\bolympic\s(?:winter\s)?games\b|\bolympische?\s(?:titel|kampioene?|goud"
            r"|medailles?)\b|\bolympic\s(?:champion|title|gold|medals?)\b"
            # "de olympische 1000 meter", "the Olympic 500m": a race of the Games.
            r"|\bolympische\s(?=\d|massastart|ploegenachtervolging|teamsprint|aflossing)"
            r"|\bolympic\s(?=\d|mass\sstart|team\spursuit|team\ssprint|relay))"
            r"|\bSpelen\b|(?<!Asian\s)(?<!Youth\s)(?<!European\s)(?<!Commonwealth\s)\bGames\b",
            needles="spelen olympi games",
        ),
        lambda m: "Olympic Games",
    ),
]


# A meet known by its own name: "de KNSB Cup", "de Noordzeecup", "the Pettit Fall Classic",
# "de Westfriese Sprintdag", "het Sprintgala", "de Kraantje Lek Trofee". Filed as the press
# names it; the big series above keep their short names.
_MEET_WORD = blind(r"(?:cup|bokaal|trofee|trophy|classic|sprintdag|gala)\b")
_BIG_SERIES = re.compile(r"world\scup|wereldbeker|europa\s?cup|olymp", re.IGNORECASE)
_NOT_IN_NAME = frozenset(
    {"De", "Het", "The", "Een", "A", "In", "Op", "Bij", "At", "Na", "Voor", "Van", "For", "Of"}
)
_FINAL = re.compile(r"\s(?:final|finale)\b")


def _token_start(text: str, end: int) -> int:
    start, low = end, max(0, end - 40)  # no word of a name is longer
    while start > low and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
        start -= 1
    return start


# A report names a handful of meets; hostile text with thousands of "Cup"s is not read past this.
_MAX_MEET_WORDS = 50


def _named_meets(text: str) -> list[tuple[int, int, str]]:
    """Found from the closing word back, word by word (up to three capitalised words before
    it): linear in the text, whatever it holds."""
    found: list[tuple[int, int, str]] = []
    for word in itertools.islice(_MEET_WORD.finditer(text), _MAX_MEET_WORDS):
        token = _token_start(text, word.start())
        if not text[token].isupper():
            continue
        first = token
        for _ in range(3):
            if first < 2 or text[first - 1] != " ":
                break
            previous = _token_start(text, first - 1)
            if previous == first - 1 or not text[previous].isupper():
                break
            if text[previous : first - 1] in _NOT_IN_NAME:
                break
            first = previous
        if first == word.start():
            continue  # a bare "Cup" or "Gala" is no name
        end = word.end()
        final = _FINAL.match(text, end)
        end = final.end() if final else end
        name = text[first:end]
        if not _BIG_SERIES.search(name):
            found.append((first, end, name))
    return found


def find_competitions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, competition) for every competition named in `text` (overlaps included:
    the caller keeps the longest)."""
    return [
        (m.start(), m.end(), value_of(m))
        for pattern, value_of in _COMPETITIONS
        for m in pattern.finditer(text)
    ] + _named_meets(text)
