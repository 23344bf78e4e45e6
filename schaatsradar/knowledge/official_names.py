"""Skater names as official lists write them, turned into the way Schaatsradar writes them.

The ISU writes the family name first, in capitals ("LEERDAM Jutta", "VAN 'T WOUT Melle"), or
gives first and last names apart; SpeedSkatingResults.com gives `givenname` and `familyname`.
Schaatsradar names a skater as its reference registry does, so an official result meets the
news about the same person: given name first, particles in lower case after a given name
("Melle van 't Wout", "Antoinette Rijpma-de Jong"), and Chinese and Korean names family first
("Ning Zhongyan"), as the registry and the press write them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from schaatsradar.errors import MISSING_FIELD, InputRejected
from schaatsradar.extract.types import TEAM_DISTANCES
from schaatsradar.knowledge.official_values import country_code, first, team_name

PARTICLES = frozenset(
    {"van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "von", "vom", "zu"}
    | {"di", "da", "del", "della", "du", "des", "la", "le", "'s"}
)
FAMILY_NAME_FIRST = frozenset({"CHN", "KOR", "PRK", "TPE", "HKG"})
_SEPARATOR = re.compile(r"(\s+|-)")


def full_name(given: str | None, family: str | None, country: str | None) -> str | None:
    """One display name from separate given and family names; None when both are empty."""
    given, family = _tidy(given), _tidy(family)
    given_part = _recase_given(given) if given else None
    family_part = _recase_family(family) if family else None
    parts = [given_part, family_part]
    if country in FAMILY_NAME_FIRST:
        parts.reverse()
    return " ".join(part for part in parts if part) or None


def isu_name(name: str, country: str | None) -> str | None:
    """A name written as one string: "LEERDAM Jutta" (family first, in capitals) is split
    and turned round; "Jutta Leerdam" is kept; capitals alone are only re-cased."""
    tokens = (_tidy(name) or "").split()
    leading = 0
    while leading < len(tokens) and _is_family_token(tokens[leading]):
        leading += 1
    if 0 < leading < len(tokens):
        return full_name(" ".join(tokens[leading:]), " ".join(tokens[:leading]), country)
    return _recase_family(" ".join(tokens)) or None


def _tidy(text: str | None) -> str | None:
    """Single spaces and straight apostrophes ("van ’t Wout" is "van 't Wout")."""
    return " ".join(text.replace("’", "'").split()) if text else None


def _is_family_token(token: str) -> bool:
    letters = [char for char in token if char.isalpha()]
    return (len(letters) >= 2 and token.isupper()) or token.lower() in PARTICLES


def _recase_family(family: str) -> str:
    """Capitals become "Leerdam"; a capitalised particle before more name becomes "de"."""
    pieces = _SEPARATOR.split(family)
    words = [i for i, piece in enumerate(pieces) if piece and not _SEPARATOR.fullmatch(piece)]
    for i in words:
        if not pieces[i].isupper():
            continue
        is_last = i == words[-1]
        if pieces[i].lower() in PARTICLES and not is_last:
            pieces[i] = pieces[i].lower()
        else:
            pieces[i] = _capitalise(pieces[i])
    return "".join(pieces)


def _recase_given(given: str) -> str:
    pieces = _SEPARATOR.split(given)
    return "".join(_capitalise(piece) if piece.isupper() else piece for piece in pieces)


def _capitalise(word: str) -> str:
    """ "O'CONNOR" -> "O'Connor": each part after an apostrophe starts with a capital."""
    return "".join(part.capitalize() for part in re.split(r"(?<=')", word))


# Given/family key pairs as the ISU results API and SpeedSkatingResults.com spell them.
_NAME_PAIRS = (
    ("firstName", "lastName"),
    ("givenName", "familyName"),
    ("givenname", "familyname"),
    ("first_name", "last_name"),
)
_WHOLE_NAME_KEYS = ("name", "fullName", "displayName", "skaterName", "competitorName")


def person_name(person: Mapping[str, object], country: str | None) -> str | None:
    """The skater's name from whichever name fields `person` carries; None when it has none."""
    for given_key, family_key in _NAME_PAIRS:
        given, family = person.get(given_key), person.get(family_key)
        if isinstance(family, str) and family.strip():
            return full_name(given if isinstance(given, str) else None, family, country)
    for key in _WHOLE_NAME_KEYS:
        whole = person.get(key)
        if isinstance(whole, str) and whole.strip():
            return isu_name(whole, country)
    return None


COUNTRY_KEYS = ("country", "nationality", "nation", "countryCode", "noc")


def competitor(row: Mapping[str, object], distance: str) -> tuple[str, str | None]:
    """Who raced in `row`, and for which country: a skater (ISU `competitor.skater`, a flat
    row, SpeedSkatingResults.com's `skater`) or, in team events, a team named by its country."""
    holder = _mapping(row.get("competitor")) or row
    team = _mapping(holder.get("team")) or _mapping(row.get("team"))
    skater = _mapping(holder.get("skater")) or _mapping(row.get("skater")) or holder
    country = next(
        (
            code
            for place in (skater, team or {}, row)
            if (code := country_code(first(place, *COUNTRY_KEYS)))
        ),
        None,
    )
    name = None if team is not None else person_name(skater, country)
    if name is None and (team is not None or distance in TEAM_DISTANCES):
        label = first(team or {}, "name", "displayName")
        name = team_name(country, label if isinstance(label, str) else country)
    if name is None:
        raise InputRejected("missing skater or team name", MISSING_FIELD)
    return name, country


def _mapping(value: object) -> Mapping[str, object] | None:
    return value if isinstance(value, Mapping) else None
