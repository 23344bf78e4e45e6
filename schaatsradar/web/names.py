"""Names in the reader's language, in one place: countries, cities and rinks, competitions
(Games, championships, World Cups, meets the news made), levels and record statuses.

Why one module: the stored data names things as the reference files and the extraction do
(IOC codes, English city names, "Olympic Games", "WK afstanden", "Wedstrijd in Calgary"), and
every page, feed title and follow button must show them the same way: "Olympische Spelen",
"Milaan", "Verenigde Staten" on a Dutch page, "Olympic Games", "Milan", "United States" on an
English one. Each function takes a stored value and a language and never fails: a name it does
not know is shown as stored.

Countries come from Babel's territory names (CLDR, kept up to date with Babel), with the
Olympic movement's own names where they differ (Great Britain, Chinese Taipei); flags are the
`flag-icons` SVGs vendored under `static/flags/` (see NOTICE there)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from babel import Locale

from schaatsradar.web.deps import Language
from schaatsradar.web.i18n import N_, translate

NO_VALUE = "–"
FLAGS = Path(__file__).parent / "static" / "flags"
FLAG_URL = "/static/flags/{iso}.svg"

# -- countries --------------------------------------------------------------------------------

# IOC code -> ISO 3166-1 alpha-2 (Babel and the flags go by ISO). The winter nations; a code
# not here is shown as it is. AIN (Individual Neutral Athletes) is no country: no name, no flag.
ISO_BY_IOC: dict[str, str | None] = {
    "AIN": None,
    "AND": "AD",
    "ARG": "AR",
    "ARM": "AM",
    "AUS": "AU",
    "AUT": "AT",
    "BEL": "BE",
    "BIH": "BA",
    "BLR": "BY",
    "BRA": "BR",
    "BUL": "BG",
    "CAN": "CA",
    "CHI": "CL",
    "CHN": "CN",
    "COL": "CO",
    "CRO": "HR",
    "CZE": "CZ",
    "DEN": "DK",
    "ESP": "ES",
    "EST": "EE",
    "FIN": "FI",
    "FRA": "FR",
    "GBR": "GB",
    "GEO": "GE",
    "GER": "DE",
    "GRE": "GR",
    "HKG": "HK",
    "HUN": "HU",
    "IND": "IN",
    "IRL": "IE",
    "ISL": "IS",
    "ISR": "IL",
    "ITA": "IT",
    "JPN": "JP",
    "KAZ": "KZ",
    "KOR": "KR",
    "LAT": "LV",
    "LTU": "LT",
    "LUX": "LU",
    "MDA": "MD",
    "MEX": "MX",
    "MGL": "MN",
    "NED": "NL",
    "NOR": "NO",
    "NZL": "NZ",
    "PHI": "PH",
    "POL": "PL",
    "POR": "PT",
    "PRK": "KP",
    "ROU": "RO",
    "RSA": "ZA",
    "RUS": "RU",
    "SLO": "SI",
    "SRB": "RS",
    "SUI": "CH",
    "SVK": "SK",
    "SWE": "SE",
    "THA": "TH",
    "TPE": "TW",
    "TUR": "TR",
    "UKR": "UA",
    "USA": "US",
    "UZB": "UZ",
}

# Where the Olympic movement's name is not the territory's (the teams race under these).
_IOC_NAMES: dict[str, dict[Language, str]] = {
    "GBR": {"nl": "Groot-Brittannië", "en": "Great Britain"},
    "TPE": {"nl": "Chinees Taipei", "en": "Chinese Taipei"},
    "HKG": {"nl": "Hongkong", "en": "Hong Kong"},
    "AIN": {"nl": "Neutrale atleten", "en": "Individual Neutral Athletes"},
}


def iso_code(code: str | None) -> str | None:
    """The ISO 3166 code of an IOC code (`NED` -> `NL`), None for one we do not know."""
    return ISO_BY_IOC.get(code.strip().upper()) if code else None


@functools.lru_cache(maxsize=1024)
def country(code: str | None, language: Language) -> str:
    """`Nederland` / `Netherlands` for `NED`; the code itself when it is not a country."""
    if not code:
        return NO_VALUE
    ioc = code.strip().upper()
    if ioc in _IOC_NAMES:
        return _IOC_NAMES[ioc][language]
    iso = iso_code(ioc)
    if iso is None:
        return code
    return str(Locale.parse(language).territories.get(iso, code))


@functools.cache
def _vendored_flags() -> frozenset[str]:
    """The ISO codes (lower case) whose flag is in static/flags, read once per process."""
    return frozenset(path.stem for path in FLAGS.glob("*.svg"))


def flag_url(code: str | None) -> str | None:
    """The site's own SVG flag of an IOC code, or None when there is none to show."""
    iso = iso_code(code)
    if iso is None or iso.lower() not in _vendored_flags():
        return None
    return FLAG_URL.format(iso=iso.lower())


# -- cities and rinks -------------------------------------------------------------------------

# The cities where Dutch and English names differ (the reference files and the extraction
# may give either); every other city is written the same in both.
_CITIES: tuple[tuple[str, str], ...] = (
    ("Milaan", "Milan"),
    ("Turijn", "Turin"),
    ("Peking", "Beijing"),
    ("Moskou", "Moscow"),
    ("Quebec", "Quebec City"),
    ("München", "Munich"),
    ("Wenen", "Vienna"),
    ("Warschau", "Warsaw"),
    ("Den Haag", "The Hague"),
    ("Sint-Petersburg", "Saint Petersburg"),
    ("Keulen", "Cologne"),
    ("Rome", "Rome"),
    ("Lake Placid", "Lake Placid"),
)
_CITY_BY_LANGUAGE: dict[Language, dict[str, str]] = {
    "nl": {key.casefold(): nl for nl, en in _CITIES for key in (nl, en)},
    "en": {key.casefold(): en for nl, en in _CITIES for key in (nl, en)},
}


def city(name: str | None, language: Language) -> str:
    """`Milaan` / `Milan`, whichever of the two is stored; other cities as they are."""
    if not name:
        return ""
    stripped = name.strip()
    return _CITY_BY_LANGUAGE[language].get(stripped.casefold(), stripped)


def place(city_name: str | None, rink: str | None, language: Language) -> str:
    """`Milaan (Milano Speed Skating Stadium)`: the city in the reader's language and the rink
    by its own name (rinks keep their names, as on a ticket)."""
    where = city(city_name, language)
    if rink and rink.strip() and rink.strip() != where:
        return f"{where} ({rink.strip()})" if where else rink.strip()
    return where


# -- competitions -----------------------------------------------------------------------------

# (pattern of a stored name, Dutch, English). The stored names are the extraction's short
# forms ("WK afstanden", "World Cup", "Olympic Games", "OKT"), the calendar's short names
# ("World Cup 3", "World Sprint Championships") and the press's long forms in either
# language. `{rest}` is what follows a series name: a number or a city ("World Cup 3",
# "Wereldbeker Heerenveen"); `{city}` the city of a meet the news made.
_KINDS = {  # Dutch word: (English words, the pattern of their spellings)
    "afstanden": ("Single Distances", r"single[\s-]distances?"),
    "allround": ("Allround", r"all[\s-]?round"),
    "sprint": ("Sprint", r"sprint"),
}
_LEVELS = {"WK": "World", "EK": "European", "NK": "Dutch"}
_CHAMPIONSHIPS: list[tuple[str, str, str]] = [
    (
        rf"(?:{nl_level}(?:'s)?[\s-]*{kind}|{en_level}\s+{spelled}\s+(?:speed\s+skating\s+)?"
        rf"championships?|{en_level}\s+championships?\s+{spelled})",
        f"{nl_level} {kind}",
        f"{en_level} {en_kind} Championships",
    )
    for nl_level, en_level in _LEVELS.items()
    for kind, (en_kind, spelled) in _KINDS.items()
]
_SERIES: list[tuple[str, str, str]] = [
    (r"(?:junior\s+world\s+cup|wereldbeker\s+junioren|junioren[\s-]?wereldbeker)",
     "Wereldbeker junioren", "Junior World Cup"),
    (r"(?:(?:isu\s+)?world\s+cup|wereldbeker)", "Wereldbeker", "World Cup"),
]  # fmt: skip
_NAMES: list[tuple[str, str, str]] = [
    *_CHAMPIONSHIPS,
    (
        r"(?:olympic(?:\s+winter)?\s+games|(?:winter\s+)?olympics|olympische\s+(?:winter)?spelen)",
        "Olympische Spelen",
        "Olympic Games",
    ),
    (r"(?:world\s+championships?|WK)", "WK", "World Championships"),
    (r"(?:european\s+championships?|EK)", "EK", "European Championships"),
    (r"(?:dutch\s+championships?|NK)", "NK", "Dutch Championships"),
    (
        r"(?:four\s+continents(?:\s+championships?)?|vier\s+continenten(?:[\s-]?kampioenschap)?)",
        "Vier Continenten-kampioenschap",
        "Four Continents Championships",
    ),
    (r"OKT", "OKT", "Dutch Olympic Trials"),
    (r"(?:kwalificatietoernooi|qualification\s+tournament)", "kwalificatietoernooi",
     "qualification tournament"),
]  # fmt: skip
# What may follow a name and is kept: a year ("Olympic Games 2022") or a city
# ("WK afstanden Hamar"), never a word that would change what the name means.
_AFTER_NAME = r"(?:\s+(?P<rest>\d{4}|(?-i:[A-ZÀ-Ý][\w'’. -]*)))?"
_COMPILED_NAMES = [
    (re.compile(rf"{p}{_AFTER_NAME}", re.IGNORECASE), nl, en) for p, nl, en in _NAMES
]
_COMPILED_SERIES = [
    (re.compile(rf"{p}(?:\s+(?P<rest>.+))?", re.IGNORECASE), nl, en) for p, nl, en in _SERIES
]
_NEWS_MEET = re.compile(r"(?:wedstrijd|meet|race)\s+in\s+(?P<city>.+)", re.IGNORECASE)
_NEWS_MEET_NAME: dict[Language, str] = {"nl": "Wedstrijd in {city}", "en": "Meet in {city}"}
# A short-track meet: the meet's name and the discipline extraction adds ("WK shorttrack").
_SHORT_TRACK = re.compile(r"(?P<base>.*?)\s*\bshorttrack", re.IGNORECASE)
_SHORT_TRACK_WORD: dict[Language, str] = {"nl": "shorttrack", "en": "short track"}


@functools.lru_cache(maxsize=4096)  # pages name the same few meets over and over
def competition(name: str | None, language: Language) -> str:
    """ "Olympische Spelen" / "Olympic Games", "WK afstanden" / "World Single Distances
    Championships", "Wereldbeker 3" / "World Cup 3", "Wedstrijd in Calgary" / "Meet in
    Calgary"; "NK allround & NK sprint" part by part; a meet's own name ("KNSB Cup") as is."""
    if not name:
        return ""
    stripped = " ".join(name.split())
    if match := _SHORT_TRACK.fullmatch(stripped):
        base = competition(match.group("base"), language) if match.group("base") else ""
        word = _SHORT_TRACK_WORD[language]
        return f"{base} {word}" if base else word.capitalize()
    if " & " in stripped:
        return " & ".join(competition(part, language) for part in stripped.split(" & "))
    for pattern, nl, en in _COMPILED_NAMES:
        if match := pattern.fullmatch(stripped):
            name = nl if language == "nl" else en
            rest = match.group("rest")
            return f"{name} {city(rest, language)}" if rest else name
    for pattern, nl, en in _COMPILED_SERIES:
        if match := pattern.fullmatch(stripped):
            rest = match.group("rest")
            series = nl if language == "nl" else en
            if rest is None:
                return series
            final = "finale" if language == "nl" else "Final"
            words = [final if w.casefold() in {"final", "finale"} else w for w in rest.split()]
            if words[-1] != final:
                return f"{series} {city(rest, language)}"
            return " ".join([series, city(" ".join(words[:-1]), language), final]).replace(
                "  ", " "
            )
    if match := _NEWS_MEET.fullmatch(stripped):
        return _NEWS_MEET_NAME[language].format(city=city(match.group("city"), language))
    return stripped


# -- levels and record statuses ---------------------------------------------------------------

_LEVEL_NAMES = {
    "olympics": N_("Olympic Games"),
    "world championships": N_("World Championships"),
    "european championships": N_("European Championships"),
    "four continents championships": N_("Four Continents Championships"),
    "world cup": N_("World Cup"),
    "junior world cup": N_("Junior World Cup"),
    "junior": N_("juniors"),
    "national": N_("national championships"),
}


def level(value: str | None, language: Language) -> str:
    return translate(language, _LEVEL_NAMES[value]) if value in _LEVEL_NAMES else (value or "")


_RECORD_STATUSES = {
    "current": N_("standing"),
    "superseded": N_("beaten"),
    "disputed": N_("disputed"),
    # What an article says happened to a record (the extraction contract's `status`).
    "set": N_("set"),
    "broken": N_("broken"),
    "existing": N_("standing"),
}


def record_status(value: str | None, language: Language) -> str:
    """`geldend record` / `current record`, `verbeterd` / `beaten`, `betwist` / `disputed`."""
    if value in _RECORD_STATUSES:
        return translate(language, _RECORD_STATUSES[value])
    return value or ""


def filters(language: Language) -> dict[str, Callable[..., Any]]:
    """The functions above as Jinja filters bound to one language."""
    return {
        "country": lambda code: country(code, language),
        "flag_url": flag_url,
        "city": lambda name: city(name, language),
        "place": lambda city_name, rink=None: place(city_name, rink, language),
        "competition": lambda name: competition(name, language),
        "level": lambda value: level(value, language),
        "record_status": lambda value: record_status(value, language),
    }
