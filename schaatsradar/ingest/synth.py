"""Synthetic Dutch race reports for load tests and benchmarks.

Real articles are scarce, copyrighted and full of real people, so the pipeline is
exercised at scale with generated reports instead. Every skater, rink, team,
coach and tournament in them is fictional: names come from Faker and any name that
collides with a skater in ``reference/athletes.csv`` is thrown away, so no
generated result can ever be attributed to a real athlete. The prose imitates
Dutch sports journalism closely enough (Dutch time notation, margins, splits,
records, quotes, publisher boilerplate) that extraction, deduplication and
boilerplate removal see realistic input.
"""

from __future__ import annotations

import csv
import datetime
import functools
import importlib.resources
import random
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from faker import Faker

__all__ = [
    "PROMO_PARAGRAPHS",
    "PUBLISHERS",
    "SynthArticle",
    "SynthStream",
    "format_time",
    "synth_articles",
    "to_seed_format",
    "write_synth",
]


@dataclass(frozen=True)
class SynthArticle:
    """One generated report, kept apart from its file encoding so callers can feed
    it to the pipeline directly or serialise it with :func:`to_seed_format`."""

    published: datetime.date
    text: str  # paragraphs separated by "\n\n"; no date line


# --------------------------------------------------------------------------- #
# Fixed boilerplate: identical strings on purpose, so boilerplate removal has
# exact repeats to find.
# --------------------------------------------------------------------------- #

PUBLISHERS: tuple[str, ...] = ("Kluunkoerier", "IJsbode Noord", "Schaatsflits", "Bochtenwerk")

_PROMOS_BY_PUBLISHER: dict[str, tuple[str, ...]] = {
    "Kluunkoerier": (
        "Download nu de Kluunkoerier App voor al het schaatsnieuws, live-uitslagen en "
        "pushberichten bij elke nieuwe toptijd. Gratis in de App Store en Google Play.",
        "Volg Kluunkoerier ook via Instagram, TikTok en WhatsApp en mis geen enkele rit "
        "van het seizoen.",
    ),
    "IJsbode Noord": (
        "Volg IJsbode Noord ook via Facebook en X voor het laatste nieuws van de ijsbanen "
        "in het noorden.",
        "Download nu de IJsbode Noord App en ontvang elke ochtend de schaatsbrief met "
        "uitslagen, achtergronden en interviews.",
    ),
    "Schaatsflits": (
        "Meer schaatsnieuws lezen? Download nu de Schaatsflits App of meld je aan voor "
        "onze gratis nieuwsbrief.",
        "Schaatsflits is ook te volgen via Instagram en YouTube. Tips? Mail de redactie "
        "via het contactformulier op de website.",
    ),
    "Bochtenwerk": (
        "Download nu de Bochtenwerk App: alle ritten, rondetijden en klassementen "
        "overzichtelijk op je telefoon.",
        "Volg Bochtenwerk ook via WhatsApp en Instagram. Abonnees lezen alle "
        "achtergrondverhalen zonder advertenties.",
    ),
}

PROMO_PARAGRAPHS: tuple[str, ...] = tuple(
    promo for publisher in PUBLISHERS for promo in _PROMOS_BY_PUBLISHER[publisher]
)

_PROMO_SHARE = 0.2
_MIN_WORDS, _MAX_WORDS = 150, 350
_MIN_PARAGRAPHS, _MAX_PARAGRAPHS = 4, 7

# --------------------------------------------------------------------------- #
# Real athletes: the names we must never produce.
# --------------------------------------------------------------------------- #

_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "-": " ", "’": "'"})
_PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "het",
        "in",
        "'t",
        "ter",
        "ten",
        "te",
        "di",
        "da",
        "la",
        "le",
        "von",
        "zu",
        "del",
        "della",
        "du",
        "op",
        "aan",
    }
)


def _fold(name: str) -> str:
    """Compare names the way a reader would: case, accents and hyphens don't matter."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


class _RealNames(NamedTuple):
    full: frozenset[str]  # folded full names and aliases, in both name orders
    surname_tokens: frozenset[str]  # every non-first, non-particle token of those names


@functools.cache
def _real_names() -> _RealNames:
    """Read the reference list once; it is the single source of who is real."""
    resource = importlib.resources.files("schaatsradar.data").joinpath("reference/athletes.csv")
    full: set[str] = set()
    tokens: set[str] = set()
    with resource.open("r", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            variants = [row["name"], *(a for a in (row.get("aliases") or "").split(";"))]
            for variant in variants:
                folded = _fold(variant)
                if not folded:
                    continue
                parts = folded.split()
                full.add(folded)
                if len(parts) > 1:
                    full.add(" ".join(parts[1:] + parts[:1]))  # "Takagi Miho" style
                    full.add(" ".join(parts[-1:] + parts[:-1]))
                    tokens.update(p for p in parts[1:] if p not in _PARTICLES and len(p) > 1)
    return _RealNames(frozenset(full), frozenset(tokens))


def _is_real_name(first: str, last: str) -> bool:
    """Reject a fictional name that could be read as a real skater.

    Besides exact full-name matches (either order) this also rejects shared
    surnames: reports refer to skaters by surname alone ("Kok won de 500 meter"),
    so a fictional Lotte Kok would still put results in a real skater's mouth.
    """
    real = _real_names()
    full = _fold(f"{first} {last}")
    if full in real.full or _fold(f"{last} {first}") in real.full:
        return True
    return any(tok in real.surname_tokens for tok in _fold(last).split() if tok not in _PARTICLES)


# --------------------------------------------------------------------------- #
# Nations, distances, time bands.
# --------------------------------------------------------------------------- #


class _Nation(NamedTuple):
    locale: str
    land: str  # "Noorwegen"
    adj: str  # "Noorse"
    noun_m: str  # "de Noor"
    noun_f: str  # "de Noorse"


_NATIONS: dict[str, _Nation] = {
    "nl": _Nation("nl_NL", "Nederland", "Nederlandse", "de Nederlander", "de Nederlandse"),
    "de": _Nation("de_DE", "Duitsland", "Duitse", "de Duitser", "de Duitse"),
    "no": _Nation("no_NO", "Noorwegen", "Noorse", "de Noor", "de Noorse"),
    "us": _Nation("en_US", "de Verenigde Staten", "Amerikaanse", "de Amerikaan", "de Amerikaanse"),
    "pl": _Nation("pl_PL", "Polen", "Poolse", "de Pool", "de Poolse"),
    "it": _Nation("it_IT", "Italië", "Italiaanse", "de Italiaan", "de Italiaanse"),
}
_NATION_KEYS = tuple(_NATIONS)
_FIELD_WEIGHTS = (55, 10, 11, 10, 7, 7)  # share of each nation in an international field
_EUROPE = ("nl", "de", "no", "pl", "it")
_POOL_SIZES = {"nl": 420, "de": 110, "no": 110, "us": 110, "pl": 90, "it": 90}

MASS, TEAM = "massastart", "ploegenachtervolging"

# Winning-time bands in hundredths of a second for a World Cup level field.
_BANDS: dict[tuple[str, str], tuple[int, int]] = {
    ("500", "m"): (3400, 3500),
    ("500", "v"): (3660, 3780),
    ("1000", "m"): (6700, 6880),
    ("1000", "v"): (7350, 7550),
    ("1500", "m"): (10350, 10600),
    ("1500", "v"): (11300, 11650),
    ("3000", "v"): (23600, 24300),
    ("5000", "m"): (36500, 38000),
    ("5000", "v"): (40500, 42000),
    ("10000", "m"): (76000, 79000),
    (MASS, "m"): (45000, 48000),
    (MASS, "v"): (50000, 53000),
    (TEAM, "m"): (21500, 22400),
    (TEAM, "v"): (17600, 18200),
}
# Opening split (100/200/300 m) bands, hundredths.
_OPENINGS: dict[tuple[str, str], tuple[int, int, str]] = {
    ("500", "m"): (945, 985, "100 meter"),
    ("500", "v"): (1025, 1075, "100 meter"),
    ("1000", "m"): (1610, 1670, "200 meter"),
    ("1000", "v"): (1760, 1830, "200 meter"),
    ("1500", "m"): (2330, 2420, "300 meter"),
    ("1500", "v"): (2530, 2630, "300 meter"),
}
_DIST_LABELS: dict[str, tuple[str, ...]] = {
    "500": ("500 meter",),
    "1000": ("1000 meter", "kilometer"),
    "1500": ("1500 meter",),
    "3000": ("3000 meter", "drie kilometer"),
    "5000": ("5000 meter", "vijf kilometer"),
    "10000": ("10.000 meter", "tien kilometer"),
    MASS: ("massastart",),
    TEAM: ("ploegenachtervolging",),
}
_DIST_METERS = {"500": 500, "1000": 1000, "1500": 1500, "3000": 3000, "5000": 5000, "10000": 10000}
_SHORT = frozenset({"500", "1000", "1500"})
_RELATED: dict[tuple[str, str], tuple[str, ...]] = {
    ("500", "m"): ("1000",),
    ("500", "v"): ("1000",),
    ("1000", "m"): ("500", "1500"),
    ("1000", "v"): ("500", "1500"),
    ("1500", "m"): ("1000", "5000"),
    ("1500", "v"): ("1000", "3000"),
    ("3000", "v"): ("1500", "5000"),
    ("5000", "m"): ("1500", "10000"),
    ("5000", "v"): ("3000", "1500"),
    ("10000", "m"): ("5000",),
    (MASS, "m"): ("1500", "5000"),
    (MASS, "v"): ("1500", "3000"),
    (TEAM, "m"): ("1500", "5000"),
    (TEAM, "v"): ("1500", "3000"),
}


class _EventKind(NamedTuple):
    key: str
    weight: int
    months: tuple[int, ...]
    level: tuple[float, float]  # slowdown factor against the World Cup band
    international: bool


_EVENT_KINDS: tuple[_EventKind, ...] = (
    _EventKind("wc", 30, (11, 11, 12, 12, 1, 1, 2, 3), (1.0, 1.006), True),
    _EventKind("nk_afstanden", 12, (10, 11, 11, 12), (1.002, 1.012), False),
    _EventKind("nk_sprint", 6, (12, 1, 2), (1.002, 1.012), False),
    _EventKind("nk_allround", 6, (12, 1, 2), (1.004, 1.015), False),
    _EventKind("ek_afstanden", 8, (1,), (1.0, 1.008), True),
    _EventKind("ek_allround", 5, (1,), (1.002, 1.01), True),
    _EventKind("wk_afstanden", 6, (2, 3), (1.0, 1.005), True),
    _EventKind("toernooi", 22, (9, 10, 10, 11, 12, 1, 2, 3, 3, 4), (1.01, 1.04), True),
)
_EVENT_WEIGHTS = tuple(k.weight for k in _EVENT_KINDS)

_ALL_DISTANCES = {
    "m": ("500", "1000", "1500", "5000", "10000", MASS, TEAM),
    "v": ("500", "1000", "1500", "3000", "5000", MASS, TEAM),
}
_ALL_WEIGHTS = {"m": (20, 20, 20, 14, 6, 11, 7), "v": (20, 20, 20, 12, 8, 11, 7)}
_ALLROUND = {"m": ("500", "1500", "5000", "10000"), "v": ("500", "1500", "3000", "5000")}
_SPRINT = ("500", "1000")

_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste")
_NUMBER_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes")

_FIRST_SEASON, _LAST_SEASON = 2019, 2025  # season start years: 2019-2020 .. 2025-2026


def format_time(hundredths: int) -> str:
    """Dutch race notation, because that is what the extractor must learn to read:
    ``37,84``, ``1.14,02``, ``12.48,33``."""
    minutes, rest = divmod(hundredths, 6000)
    seconds, cents = divmod(rest, 100)
    if minutes:
        return f"{minutes}.{seconds:02d},{cents:02d}"
    return f"{seconds},{cents:02d}"


def _margin(hundredths: int) -> str:
    """Margins and splits use the same notation as times ("0,12 seconde")."""
    return format_time(hundredths)


def _tenths(hundredths: int) -> str:
    """Lap times are quoted to the tenth in Dutch reports ("rondes van 29,6")."""
    tenths = (hundredths + 5) // 10
    return f"{tenths // 10},{tenths % 10}"


def _points(thousandths: int) -> str:
    """Allround and sprint classification points, Dutch style: ``108,245``."""
    return f"{thousandths // 1000},{thousandths % 1000:03d}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------- #
# Per-seed pools. Faker is far too slow to call per article, so each seed gets
# its cast of skaters, rinks and tournaments once.
# --------------------------------------------------------------------------- #


class _Skater(NamedTuple):
    full: str  # "Kyra van Hagen"
    sur: str  # "Van Hagen" (Dutch style when the first name is dropped)
    nation: str
    born: int
    hometown: str
    team: str


class _Rink(NamedTuple):
    name: str  # "de Dekker-ijsbaan" / "IJsstadion Mulder"
    at: str  # "op de Dekker-ijsbaan" / "in IJsstadion Mulder"
    city: str
    nation: str


class _Pools(NamedTuple):
    skaters: dict[tuple[str, str], tuple[_Skater, ...]]  # (nation, gender)
    rinks: dict[str, tuple[_Rink, ...]]
    tournaments: tuple[str, ...]
    coaches: tuple[str, ...]
    cities: dict[str, tuple[str, ...]]
    studies: tuple[str, ...]


_TEAM_SUFFIXES = (
    "Bouw",
    "Energie",
    "Logistiek",
    "Installatietechniek",
    "Zuivel",
    "Vastgoed",
    "Groep",
    "Transport",
    "Techniek",
    "Verzekeringen",
)


def _surname(fake: Faker, gender: str) -> str:
    method = fake.last_name_female if gender == "v" else fake.last_name_male
    return str(method())


def _city(fake: Faker, key: str) -> str:
    """Faker's Italian ``city()`` draws from a list built from a set, so its output
    changes with PYTHONHASHSEED; its postcode table is ordered, so take the city there."""
    if key == "it":
        entry = str(fake.postcode_city_province())  # "67012, San Giovanni (AQ)"
        return entry.split(", ", 1)[1].rsplit(" (", 1)[0]
    return str(fake.city())


_PLAIN_NAME = re.compile(r"[^\W\d_]+(?:(?: |-|'| '| ')[^\W\d_]+)*")


def _plain_name(full: str) -> bool:
    """Skip Faker's "H.-Dieter" and "Koch II": real skaters are not listed like that."""
    return bool(_PLAIN_NAME.fullmatch(full)) and not any(
        len(token) > 1 and token.isupper() for token in full.split()
    )


@functools.lru_cache(maxsize=4)
def _pools(seed: int) -> _Pools:
    """Build the fictional cast for one seed; cached because it dominates small runs."""
    fakers: dict[str, Faker] = {}
    for offset, key in enumerate(_NATION_KEYS):
        fake = Faker(_NATIONS[key].locale)
        fake.seed_instance(seed * 7919 + offset)
        fakers[key] = fake

    def fictional_surname(fake: Faker, gender: str = "m") -> str:
        for _ in range(200):
            last = _surname(fake, gender)
            if _plain_name(last) and not _is_real_name("", last):
                return last
        raise RuntimeError("Faker keeps producing real skater surnames")  # pragma: no cover

    cities: dict[str, tuple[str, ...]] = {}
    for key, fake in fakers.items():
        found = dict.fromkeys(_city(fake, key) for _ in range(120))
        cities[key] = tuple(c for c in found if 3 < len(c) < 24)[:60]

    nl = fakers["nl"]
    teams = tuple(
        dict.fromkeys(
            f"Team {_cap(fictional_surname(nl))} {nl.random_element(_TEAM_SUFFIXES)}"
            for _ in range(16)
        )
    )
    studies = (
        "bedrijfskunde",
        "fysiotherapie",
        "bewegingswetenschappen",
        "rechten",
        "werktuigbouwkunde",
        "geneeskunde",
        "sportmarketing",
        "psychologie",
    )

    skaters: dict[tuple[str, str], tuple[_Skater, ...]] = {}
    for key, fake in fakers.items():
        nation = _NATIONS[key]
        for gender in ("m", "v"):
            seen: dict[str, _Skater] = {}
            target = _POOL_SIZES[key]
            attempts = 0
            while len(seen) < target and attempts < target * 20:
                attempts += 1
                first = str(fake.first_name_female() if gender == "v" else fake.first_name_male())
                last = _surname(fake, gender)
                full = f"{first} {last}"
                if full in seen or not _plain_name(full) or _is_real_name(first, last):
                    continue
                team = (
                    fake.random_element(teams)
                    if key == "nl"
                    else f"de {nation.adj} nationale selectie"
                )
                seen[full] = _Skater(
                    full=full,
                    sur=_cap(last),
                    nation=key,
                    born=fake.random_int(1991, 2002),
                    hometown=fake.random_element(cities[key]),
                    team=team,
                )
            skaters[(key, gender)] = tuple(seen.values())

    rinks: dict[str, tuple[_Rink, ...]] = {}
    for key, fake in fakers.items():
        count = 24 if key == "nl" else 8
        made: dict[str, _Rink] = {}
        for i in range(count * 3):
            if len(made) >= count:
                break
            sur = _cap(fictional_surname(fake))
            city = fake.random_element(cities[key])
            style = i % 6
            if style == 0:
                name, at = f"de {sur}-ijsbaan", f"op de {sur}-ijsbaan"
            elif style == 1:
                name = f"IJsstadion {sur}"
                at = f"in {name}"
            elif style == 2:
                name, at = f"de {sur} Arena", f"in de {sur} Arena"
            elif style == 3:
                name = f"IJsstadion {city}"
                at = f"in {name}"
            elif style == 4:
                name, at = f"de IJshal {sur}", f"in de IJshal {sur}"
            else:
                name, at = f"sportpark {sur}", f"op sportpark {sur}"
            made.setdefault(name, _Rink(name, at, city, key))
        rinks[key] = tuple(made.values())

    tournaments: list[str] = []
    for i in range(30):
        key = "nl" if i % 3 else _foreign_key(i)
        fake = fakers[key]
        sur = _cap(fictional_surname(fake))
        city = fake.random_element(cities[key])
        tournaments.append(
            (
                f"{sur} Trofee",
                f"{sur} Bokaal",
                f"Grand Prix van {city}",
                f"{sur} Memorial",
                f"{city} Sprint Cup",
                f"IJsklassieker van {city}",
            )[i % 6]
        )
    coaches = []
    for i in range(40):
        fake = fakers["nl"] if i % 4 else fakers[_foreign_key(i)]
        first = str(fake.first_name_female() if i % 5 == 0 else fake.first_name_male())
        last = fictional_surname(fake)
        coaches.append(f"{first} {last}")
    return _Pools(
        skaters, rinks, tuple(dict.fromkeys(tournaments)), tuple(coaches), cities, studies
    )


def _foreign_key(i: int) -> str:
    """Spread the non-Dutch share of tournaments and coaches over the other nations."""
    return _NATION_KEYS[1 + i % (len(_NATION_KEYS) - 1)]


# --------------------------------------------------------------------------- #
# Templates. Placeholders are filled from one context dict per article; the
# pronoun placeholders ({hij}, {zijn}, {schaatser} ...) are written in the male
# form and mapped per gender, the field being single-gender.
# --------------------------------------------------------------------------- #

_LEDE_CLEAR = (
    "{Wi} heeft {dag} {dist_de} {bij_ev} met overmacht gewonnen. In {t1} was {hij} {d2} "
    "seconde sneller dan {r2i}, de nummer twee.",
    "{Wi} was {dag} op {dist_de} {bij_ev} een klasse apart. {Hij} klokte {t1} {rink_at} en "
    "liet de concurrentie ver achter zich.",
    "Niemand kon {dag} in de buurt komen van {wi}. {Bij_ev} won {ws} {dist_de} in {t1}, met "
    "een voorsprong van {d2} seconde op {r2i}.",
    "Met een indrukwekkende rit van {t1} heeft {wi} {dag} {dist_de} {bij_ev} gewonnen. Het gat "
    "met {r2i} bedroeg maar liefst {d2} seconde.",
    "{Dist_de} {bij_ev} werd {dag} een prooi voor {wi}. {ws} reed {t1} en had {d2} seconde "
    "over op de nummer twee.",
    "Het was {dag} eenrichtingsverkeer op {dist_de} {bij_ev}. {Wi} won in {t1} en zette de "
    "rest van het veld op ruime achterstand.",
)
_LEDE_CLOSE = (
    "{Wi} heeft {dag} met het kleinste verschil {dist_de} {bij_ev} gewonnen. {Hij} was in {t1} "
    "slechts {d2} seconde sneller dan {r2i}.",
    "Het scheelde {dag} maar {d2} seconde op {dist_de} {bij_ev}, maar de winst ging naar {wi}. "
    "{ws} noteerde {t1} {rink_at}.",
    "In een zinderende strijd op {dist_de} {bij_ev} heeft {wi} {dag} aan het langste eind "
    "getrokken. Met {t1} hield {hij} {r2i} met {d2} seconde achter zich.",
    "{Wi} heeft {dag} {bij_ev} op het nippertje {dist_de} gewonnen in {t1}. {R2i} kwam tot op "
    "{d2} seconde, maar moest {ws} voor laten gaan.",
    "Veel scheelde het niet, maar {wi} won {dag} {dist_de} {bij_ev} met {d2} seconde "
    "voorsprong op {r2i}. De winnende tijd was {t1}.",
    "Honderdsten beslisten {dag} over de zege op {dist_de} {bij_ev}. {Wi} klokte {t1} en bleef "
    "{r2i} daarmee {d2} seconde voor.",
)
_LEDE_NEUTRAL = (
    "{Wi} heeft {dag} {dist_de} gewonnen {bij_ev}. {Hij} was met een tijd van {t1} de snelste "
    "{rink_at}.",
    "Op {dist_de} {bij_ev} ging de zege {dag} naar {wi}. {ws} noteerde {t1} en liet {r2i} en "
    "{r3i} achter zich.",
    "{Dag} stond {wi} bovenaan de uitslag van {dist_de} {bij_ev}. De {winnaar} reed {t1} "
    "{rink_at}.",
    "{Wi} heeft {dag} {dist_de} {bij_ev} op {zijn} naam geschreven. De {age}-jarige "
    "{schaatser} klokte {t1}.",
    "Het was {dag} de dag van {w}. {Bij_ev} won {hij} {dist_de} in {t1}, voor {r2i} en {r3i}.",
    "Geen {schaatser} was {dag} sneller op {dist_de} dan {wi}. {Bij_ev} klokte {ws} {t1}.",
    "{Bij_ev} is {wi} {dag} de beste gebleken op {dist_de}. Met {t1} bleef {hij} iedereen voor.",
    "{Wi} heeft {dag} {bij_ev} {zijn} {nth_win} zege van het seizoen geboekt. Op {dist_de} was "
    "{hij} in {t1} de snelste.",
    "{Wi} wint {dist_de} {bij_ev}. Met een tijd van {t1} was {hij} {dag} de snelste van het veld.",
    "De eerste plaats op {dist_de} {bij_ev} is {dag} naar {wi} gegaan. {ws} reed {t1} in de "
    "{ritnr} rit.",
)
_LEDE_TITLE = (
    "{Wi} is {dag} {titel} op {dist_de} geworden. {Hij} won {bij_ev} in {t1}.",
    "{Wi} mag zich {titel} op {dist_de} noemen. {Dag} won {hij} {bij_ev} in {t1}, {d2} seconde "
    "voor {r2i}.",
    "De titel op {dist_de} {bij_ev} is {dag} naar {wi} gegaan. De {age}-jarige klokte {t1} "
    "{rink_at}.",
    "{Wi} heeft {dag} {zijn} eerste titel op {dist_de} veroverd. {Bij_ev} was {hij} met {t1} "
    "de snelste.",
)

_SECOND = (
    "{R2i} werd tweede in {t2}, {d2} seconde langzamer dan {ws}.",
    "De tweede plaats ging naar {r2i}, die {t2} liet noteren.",
    "Achter {ws} eindigde {r2i} als tweede ({t2}).",
    "{R2i} kwam tot {t2} en werd daarmee tweede.",
    "Met {t2} was {r2i} de eerste achtervolger van {ws}.",
    "{R2i} moest met {t2} genoegen nemen met de tweede plek.",
    "Tweede werd {r2i}, op {d2} seconde van de {winnaar}.",
    "{R2i} zette in de laatste rit nog de aanval in, maar strandde op {t2}: goed voor plek twee.",
    "Dichtst bij {ws} kwam {r2i}, die {t2} reed.",
    "Als tweede eindigde {r2i}, die in {zijn} rit tegen {r5s} {t2} klokte.",
)
_SECOND_MEDAL = (
    "Het zilver was voor {r2i} in {t2}.",
    "{R2i} veroverde met {t2} de zilveren medaille.",
    "Zilver ging naar {r2i}, die {d2} seconde tekort kwam voor goud.",
)
_THIRD = (
    "{R3i} completeerde het podium met {t3}.",
    "Derde werd {r3i}, op {d3} seconde.",
    "De derde plaats was voor {r3i} in {t3}.",
    "{R3i} reed {t3} en pakte daarmee de laatste podiumplek.",
    "Op plek drie eindigde {r3i} ({t3}).",
    "{R3i} sloot het podium af; {hij} kwam {d3} seconde tekort voor de zege.",
    "Ook {r3i} mocht het podium op, met {t3} als derde.",
    "{R3i} werd in {t3} derde, {d23} seconde achter {r2s}.",
)
_THIRD_MEDAL = (
    "Het brons ging naar {r3i} ({t3}).",
    "{R3i} pakte met {t3} de bronzen medaille.",
)
_FOURTH = (
    "{R4i} eindigde als vierde en viel daarmee net naast het podium.",
    "Voor {r4i} bleef de vierde plaats over: {hij} kwam {d34} seconde tekort voor het podium.",
    "Pech was er voor {r4i}, die met {t4} naast het podium viel.",
    "{R4i} werd vierde in {t4}.",
    "Net naast het podium eindigde {r4i}, die {t4} reed.",
    "De vierde plaats was voor {r4i} ({t4}), die lang op koers lag voor een podiumplek.",
    "{R4i} greep met {t4} naast het podium; het verschil met {r3s} was {d34} seconde.",
    "Vierde werd {r4i} in {t4}, {d4} seconde achter de {winnaar}.",
)
_FIFTH = (
    "{R5i} maakte de top vijf compleet ({t5}).",
    "Op de vijfde plaats eindigde {r5i} in {t5}.",
    "{R5i} werd vijfde, {d5} seconde achter {ws}.",
    "Achter dat viertal volgde {r5i} met {t5}.",
)
_SPLIT_WINNER_FASTEST = (
    "{ws} legde de basis met een opening van {open1}.",
    "Met een opening van {open1} over de eerste {open_dist} was {ws} direct bij de snelsten.",
    "Na een opening van {open1} hield {ws} de snelheid goed vast in de laatste binnenbocht.",
    "De opening van {ws} was met {open1} {opendiff} seconde sneller dan die van {r2s}.",
    "Al na de eerste {open_dist} lag {ws} op schema: een opening van {open1}.",
)
_SPLIT_RUNNER_FASTEST = (
    "{r2s} opende nog sneller ({open2}), maar verloor op het laatste stuk terrein.",
    "Opvallend genoeg had {r2s} met {open2} een snellere opening dan de {winnaar}, die op "
    "{open1} doorkwam.",
    "{ws} opende in {open1}, {opendiff} seconde trager dan {r2s}, maar was in de slotfase "
    "duidelijk sterker.",
)
_SPLIT_LONG = (
    "{ws} reed een vlak schema met rondetijden rond {lap}.",
    "Met rondes van {lap} hield {ws} lang een strak tempo vast; pas in de slotronde ({lastlap}) "
    "zakte {hij} iets in.",
    "{r2s} begon met rondes van {lapfast}, maar kon dat tempo niet volhouden.",
    "Een slotronde van {lastlap} besliste de strijd in het voordeel van {ws}.",
    "Tot halverwege reden {ws} en {r2s} vrijwel gelijk op, met rondes van rond de {lap}.",
)
_RECORD_TRACK = (
    "De tijd van {ws} is een nieuw baanrecord; het oude record van {oldt} stond sinds {recyear} "
    "op naam van {recholder}.",
    "Daarmee verbeterde {hij} het baanrecord van {rink} met {recdiff} seconde.",
    "{ws} reed bovendien een baanrecord: niemand was ooit sneller op {dist_de} {rink_at}.",
)
_RECORD_PB = (
    "Voor {ws} betekende {t1} een persoonlijk record; {zijn} vorige beste tijd was {oldt}.",
    "{ws} verbeterde {zijn} persoonlijk record met {recdiff} seconde.",
    "Het was bovendien een persoonlijk record voor {ws}, die {zijn} oude toptijd van {oldt} "
    "ruim verbeterde.",
)
_RECORD_NR = (
    "Met {t1} zette {ws} ook een Nederlands record neer; het oude record ({oldt}) was van "
    "{recholder}.",
    "De tijd is een Nederlands record, {recdiff} seconde sneller dan de oude toptijd van "
    "{recholder} uit {recyear}.",
)
_RECORD_THIRD_PB = (
    "{r3s} reed als derde een persoonlijk record.",
    "Voor {r3s} was de derde plaats extra mooi: het was {zijn} eerste podiumplek op dit niveau.",
)

_MASS_LEDE = (
    "{Wi} heeft {dag} de massastart {bij_ev} gewonnen. In de eindsprint was {hij} {r2i} en "
    "{r3i} te snel af.",
    "De massastart {bij_ev} is {dag} gewonnen door {wi}, die na zestien ronden als eerste over "
    "de finish kwam.",
    "{Wi} was {dag} de slimste in de massastart {bij_ev}. {Hij} sprintte in {t1} naar de "
    "overwinning.",
    "In een tactische massastart {bij_ev} heeft {wi} {dag} de overwinning gepakt. {Hij} "
    "verraste de favorieten in de laatste bocht.",
    "{Wi} heeft {bij_ev} de massastart op {zijn} naam geschreven. {Dag} won {hij} de sprint "
    "van een uitgedunde groep.",
    "Na zestien ronden vol aanvallen ging de winst in de massastart {bij_ev} {dag} naar {wi}.",
)
_MASS_RESULT = (
    "{R2i} werd tweede in de eindsprint, {r3i} werd derde.",
    "Tweede werd {r2i}, op {d2} seconde; de derde plaats ging naar {r3i}.",
    "Het podium werd gecompleteerd door {r2i} en {r3i}.",
    "{R2i} en {r3i} eindigden als tweede en derde, allebei op minder dan een halve seconde.",
)
_MASS_STORY = (
    "Lange tijd reed {r5i} alleen voorop, maar in de voorlaatste ronde werd {hij} ingelopen.",
    "Een kopgroep van vier rijders had halverwege ruim een halve ronde voorsprong, maar het "
    "peloton sloot in de slotfase weer aan.",
    "In de tussensprints pakte {r4i} de meeste punten, maar in de finale kwam {hij} tekort en "
    "werd {hij} vierde.",
    "{ws} zat de hele wedstrijd goed van voren en ging pas in de laatste binnenbocht voorbij "
    "aan {r2s}.",
    "Na een valpartij in de {ms_crash} ronde lag het tempo een tijd laag.",
    "Vierde werd {r4i}, die net naast het podium viel na een lange solo.",
)
_MASS_TIMED = (
    "{ws} finishte in {t1}; het verschil met {r2s} was {d2} seconde.",
    "De laatste ronde reed {ws} in {lastlap}, sneller dan wie dan ook.",
    "De winnende tijd was {t1}, {d2} seconde sneller dan {r2s}.",
    "Met een slotronde van {lastlap} maakte {ws} het verschil.",
    "Na {t1} kwam {ws} als eerste over de streep.",
)
_TEAM_LEDE = (
    "De {team1_adj} {sekse}ploeg heeft {dag} de ploegenachtervolging {bij_ev} gewonnen. "
    "{Tp1} klokten {t1}.",
    "{Team1} heeft {dag} de ploegenachtervolging {bij_ev} gewonnen. Het trio {tp1} was in "
    "{t1} de snelste.",
    "In {t1} was de ploeg van {team1} {dag} de snelste op de ploegenachtervolging {bij_ev}.",
    "{Tp1} hebben {bij_ev} de ploegenachtervolging gewonnen. Het {team1_adj} trio zette {dag} "
    "{t1} neer.",
    "De ploegenachtervolging {bij_ev} is {dag} een prooi geworden voor {team1}. Met {t1} bleef "
    "de ploeg {team2} {d2} seconde voor.",
)
_TEAM_RESULT = (
    "{Team2} werd tweede in {t2}, {d2} seconde langzamer.",
    "Halverwege lag {team2} nog voor, maar in de laatste drie ronden liep {team1} het gat dicht.",
    "{Team3} werd derde ({t3}); {team4} viel naast het podium.",
    "De ploeg van {team2}, met {tp2}, eindigde op {d2} seconde als tweede.",
    "De derde plaats ging naar {team3}, dat {t3} reed.",
    "In de slotronde ging {team1} in {lastlap}, sneller dan welke ploeg ook.",
    "Voor {team4} bleef met {t4} alleen de vierde plaats over.",
)

_QUOTE_FRAMES = (
    '"{q1} {q2c}", zei {ws} na afloop.',
    '"{q1c}", vertelde {ws} na afloop. "{q2}"',
    '{ws} was na afloop tevreden. "{q1} {q2}"',
    '"{q1} {q2c}", aldus de {age}-jarige {ws}.',
    '"{q1c}", zei {ws} in het interviewhoekje. "{q2} {q3}"',
    '{ws} straalde na afloop. "{q1c}", zei {hij}. "{q2}"',
    '"{q1c}", blikte {ws} terug. "{q2}"',
    'In de mixed zone was {ws} duidelijk: "{q1} {q2}"',
    '"{q1} {q2c}", zei {ws} tegen de aanwezige pers.',
    'De {winnaar} keek met een glimlach terug op {zijn} race. "{q1} {q2} {q3}"',
    '"{q1}" Dat zei een opgeluchte {ws} kort na {zijn} rit. "{q2}"',
    '{ws} had na afloop even tijd nodig om op adem te komen. "{q1} {q2}"',
)
_Q_GENERIC = (
    "Ik voelde in de warming-up al dat het goed zat.",
    "Het ijs was hier vandaag echt snel.",
    "Dit is waar je de hele zomer voor traint.",
    "Ik heb vooral genoten van het publiek.",
    "Na de lastige start van het seizoen is dit een enorme opluchting.",
    "We hebben in de zomer veel aan mijn techniek gewerkt en dat betaalt zich nu uit.",
    "Eerlijk gezegd had ik dit vooraf niet verwacht.",
    "Ik ben hier gekomen om te winnen, dus dit is precies wat ik wilde.",
    "Met {coach_s} had ik een duidelijk plan en dat hebben we perfect uitgevoerd.",
    "Dit smaakt naar meer.",
    "Mijn slag was vandaag heel zuiver.",
    "Je moet op deze baan vooral rustig blijven in de bochten.",
    "Mijn familie zat op de tribune, dus dit is extra bijzonder.",
    "Het is lang geleden dat ik zo lekker heb gereden.",
    "Ik probeerde gewoon mijn eigen race te rijden en niet naar de anderen te kijken.",
    "Na mijn {blessure} twijfelde ik even of ik hier wel fit zou staan.",
    "De laatste ronde deed ongelooflijk veel pijn, maar dat hoort erbij.",
    "Dit geeft heel veel vertrouwen voor de rest van het seizoen.",
    "Het team heeft de afgelopen weken keihard gewerkt, dit is ook hun overwinning.",
    "Soms moet je gewoon durven, en dat heb ik vandaag gedaan.",
    "Ik heb de afgelopen nachten slecht geslapen van de spanning.",
    "Mijn ijzers waren perfect geslepen, daar heb ik veel aan gehad.",
    "Na vorig seizoen wilde ik laten zien dat ik er nog steeds bij hoor.",
    "Het voelt bijna onwerkelijk.",
    "Ik moest wel even slikken toen ik de tijd op het scorebord zag.",
    "Op deze baan heb ik altijd goede herinneringen, en daar komt er nu weer één bij.",
    "De lucht in de hal was vochtig, maar daar had iedereen last van.",
    "Mijn trainer zei vooraf dat ik vooral moest genieten, en dat is gelukt.",
    "Ik heb mezelf echt verrast vandaag.",
    "Deze overwinning draag ik op aan mijn opa, die altijd langs de baan stond.",
    "De voorbereiding was niet ideaal, maar op het ijs viel alles op zijn plek.",
    "Je werkt jarenlang naar zo'n moment toe.",
    "Ik was best zenuwachtig in de ochtend, maar bij de start was dat weg.",
    "In {hometown} zitten ze nu vast voor de televisie te juichen.",
    "Volgende week gaan we gewoon weer aan het werk, maar vanavond geniet ik even.",
    "Ik heb dit seizoen veel kilometers op de fiets gemaakt en dat merk ik nu.",
)
_Q_CLOSE = (
    "Het verschil was klein, dus ik ben blij dat het naar mijn kant viel.",
    "Een paar honderdsten, meer was het niet.",
    "Ik wist na de finish echt niet of het genoeg zou zijn.",
)
_Q_SHORT = (
    "De opening was niet perfect, maar vanaf de tweede binnenbocht liep het.",
    "Mijn start was explosief, daar ligt de basis van deze zege.",
    "Op het laatste rechte eind voelde ik mijn benen vollopen, maar ik hield vol.",
    "Ik kwam goed uit de laatste buitenbocht en wist dat het een snelle tijd zou worden.",
    "In de wissel zat ik even in de weg, maar dat kostte gelukkig niet veel.",
    "Ik had niet gedacht dat {t1} er vandaag in zat.",
    "Ik kende de tijd van {r2s}, dat gaf me extra motivatie.",
)
_Q_LONG = (
    "Ik had een schema van rondjes rond de {lap} en daar ben ik niet van afgeweken.",
    "Het is een kwestie van geduld: je moet in de laatste ronden nog wat over hebben.",
    "Halverwege zat ik er even doorheen, maar de aanwijzingen van mijn coach hielpen.",
    "Lange afstanden rijd je met je hoofd, niet alleen met je benen.",
    "Ik zag op het bord dat {r2s} snel was geweest, dus ik moest in het tweede deel versnellen.",
)
_Q_MASS = (
    "In een massastart moet je slim zijn en je kans afwachten.",
    "Ik heb de hele race in het wiel gezeten en pas in de laatste bocht mijn neus aan het "
    "venster gestoken.",
    "Ik wist dat ik de snelste eindsprint had, dus ik hoefde niet zelf het werk te doen.",
    "Het was een chaotische wedstrijd, maar ik bleef rustig.",
)
_Q_TEAM = (
    "We hebben als ploeg heel goed op elkaar ingespeeld.",
    "De wissels liepen vandaag vlekkeloos.",
    "{tpmate} trok de laatste twee ronden zo hard dat ik alleen maar hoefde aan te haken.",
    "Je bent zo sterk als de zwakste schakel, en vandaag was er niemand zwak.",
)
_LOSER_FRAMES_FOURTH = (
    'Bij {r4s} overheerste de teleurstelling. "{lq1} {lq2}"',
    '"{lq1c}", zei {r4s}. "{lq2}"',
    '{r4s} was na afloop kritisch op {zijn} eigen race: "{lq1} {lq2}"',
    'Voor {r4s} voelde de vierde plaats als een nederlaag. "{lq1c}", zei {hij}.',
)
_LOSER_FOURTH = (
    "Vierde worden is het meest zure wat er is.",
    "Ik mis gewoon een paar honderdsten, en die zitten in mijn opening.",
    "In de laatste binnenbocht ging het mis, daar verlies ik het.",
    "Het zit er nu nog niet in, maar ik kom dichterbij.",
    "Ik baal er enorm van, maar over twee weken krijg ik een nieuwe kans.",
    "Mijn vorm is goed, maar vandaag ontbrak het laatste beetje.",
    "Het publiek stond achter me, dus ik had dat podium graag gepakt.",
)
_LOSER_FRAMES_SECOND = (
    '{r2s} kon leven met {zijn} tweede plaats. "{lq1} {lq2}"',
    '"{lq1c}", zei {r2s}. "{lq2}"',
    'Ook {r2s} blikte terug: "{lq1} {lq2}"',
)
_LOSER_SECOND = (
    "Ik heb alles gegeven, maar {ws} was vandaag gewoon beter.",
    "Met tweede moet ik tevreden zijn, al had ik gehoopt op meer.",
    "Mijn tijd is goed, maar iemand anders was nog net iets beter.",
    "Als je zo dichtbij komt, wil je natuurlijk winnen.",
    "Ik denk dat ik in de opening te voorzichtig was.",
    "Het podium is binnen, daar ga ik vanavond van genieten.",
)
_COACH = (
    'Coach {coach} sprak van een {coach_adj} race. "{cq1} {cq2}"',
    'Ook coach {coach} was tevreden over {ws}. "{cq1}"',
    '"{cq1c}", zei coach {coach} over de race van {ws}. "{cq2}"',
    'Trainer {coach} zag de rit van {ws} met plezier aan. "{cq1} {cq2}"',
)
_COACH_Q = (
    "We zagen het de laatste weken op de training al aankomen.",
    "{ws} heeft een enorme stap gezet, vooral technisch.",
    "Dit is nog maar het begin, er zit nog veel meer in.",
    "We gaan nu eerst rustig herstellen en daarna weer vol aan de bak.",
    "Ik ben vooral blij met hoe {ws} de race heeft ingedeeld.",
    "Na de blessure hebben we het rustig opgebouwd, en dat betaalt zich nu uit.",
    "Je ziet dat het zelfvertrouwen terug is.",
)
_COACH_ADJ = ("bijna perfecte", "sterke", "volwassen", "beheerste", "slimme", "gedurfde")

_BACKGROUND = (
    "Het is voor {ws} de {nth_win} zege van het seizoen.",
    "De {age}-jarige {schaatser} uit {hometown} rijdt sinds {since} voor {team}.",
    "Vorig seizoen moest {hij} op {dist_de} nog genoegen nemen met een {prev_rank} plaats.",
    "{ws} kampte eerder dit seizoen met een {blessure} en miste daardoor {missed}.",
    "{Hij} geldt als een van de grootste talenten van {zijn} generatie.",
    "Bij de junioren won {ws} in {jr_year} al eens een wereldtitel.",
    "In {hometown} leerde {ws} als kind schaatsen op de natuurijsbaan van de plaatselijke "
    "ijsvereniging.",
    "{ws} combineert het schaatsen met een studie {studie}.",
    "Eerder dit seizoen won {hij} ook al {prev_win}.",
    "{ws} stapte een paar jaar geleden over van het inline-skaten naar de langebaan.",
    "Sinds de overstap naar {team} is {ws} flink vooruitgegaan.",
    "Vorig jaar stond {ws} nog maandenlang aan de kant met een {blessure2}.",
    "In {since} maakte {ws} {zijn} debuut op het hoogste niveau.",
    "{ws} traint onder leiding van {coach}.",
    "Het is pas de {nth_podium} keer dat {ws} op een podium staat bij de senioren.",
)
_BACKGROUND_WC = (
    "In het wereldbekerklassement op {dist_de} staat {hij} nu {klass_pos} met {points} punten.",
    "Met de zege neemt {ws} de leiding in het wereldbekerklassement over van {r2s}.",
    "Het is de {wcround} wereldbekerwedstrijd van het seizoen.",
)
_BACKGROUND_NK = (
    "Met deze tijd plaatst {ws} zich voor {qual_target}.",
    "Voor {team} is het de {nth_team} nationale titel in het bestaan van de ploeg.",
)
_BACKGROUND_CHAMP = (
    "{ws} werd in {prev_year} al eens {titel_kort} op deze afstand.",
    "Titelverdediger {r5i} kwam niet verder dan de vijfde plaats.",
)
_BACKGROUND_ALLROUND = (
    "In het klassement gaat {ws} na {n_dist} afstanden aan de leiding met {ar_pts} punten.",
    "In het klassement staat {hij} na {n_dist} afstanden {klass_pos} met {ar_pts} punten.",
)
_CONDITIONS = (
    "Het ijs {rink_at} was door de hoge luchtvochtigheid wat trager dan verwacht.",
    "De ijsmeesters hadden de baan na de dweilpauze in topconditie gebracht.",
    "Door een storing aan de tijdwaarneming liep het programma ruim een half uur uitloop op.",
    "De tribunes waren met {spectators} toeschouwers vrijwel uitverkocht.",
    "Een stevige tegenwind op het rechte eind maakte het de rijders in de buitenbaan lastig.",
    "Na een valpartij in de {ritnr} rit moest de baan even worden hersteld.",
)
_OTHER_RACE = (
    "Bij de {andere} ging de zege op {o_dist_de} naar {o1i}, die {ot1} klokte. {O2i} werd "
    "tweede, {o3i} derde.",
    "Op {o_dist_de} bij de {andere} was {o1i} de snelste in {ot1}.",
    "{O1i} won bij de {andere} {o_dist_de} in {ot1}, {od2} seconde voor {o2i}.",
    "Eerder op de dag had {o1i} {o_dist_de} bij de {andere} al gewonnen. {Ohij} reed {ot1}; "
    "{o2i} en {o3i} maakten het podium compleet.",
    "{O_dist_de} van de {andere} leverde een overwinning op voor {o1i} ({ot1}).",
    "Bij de {andere} was er op {o_dist_de} een verrassende winnaar: {o1i} klokte {ot1} en "
    "bleef {o2i} {od2} seconde voor.",
    "Ook bij de {andere} werd gestreden, op {o_dist_de}. Daar won {o1i} in {ot1}, met {o2i} "
    "en {o3i} op de ereplaatsen.",
)
_OUTLOOK_WC = (
    "Over {weeks} staat de volgende wereldbeker op het programma, in {next_city}.",
    "De wereldbekercaravan trekt over {weeks} verder naar {next_stad}.",
    "Over {weeks} kan {ws} in {next_city} {zijn} positie in het klassement verder uitbouwen.",
)
_OUTLOOK = {
    "wc": _OUTLOOK_WC,
    "nk_afstanden": (
        "De top drie plaatst zich voor de eerste wereldbekers van het seizoen.",
        "Voor {r4s} is het afwachten of de selectiecommissie {hem} een plek in de "
        "wereldbekerploeg gunt.",
        "Over {weeks} begint in {next_stad} het wereldbekerseizoen.",
    ),
    "nk_sprint": (
        "De beste twee van het eindklassement plaatsen zich voor de WK sprint.",
        "Voor {r4s} is het afwachten of de selectiecommissie {hem} een plek in de "
        "sprintploeg gunt.",
    ),
    "nk_allround": (
        "De beste drie van het eindklassement plaatsen zich voor het EK allround.",
        "Volgend seizoen wordt het kampioenschap opnieuw {rink_at} verreden.",
    ),
    "ek_afstanden": (
        "Over enkele weken volgen de WK afstanden, waar {ws} opnieuw tot de favorieten behoort.",
        "Na het EK gaat de aandacht weer naar de wereldbeker, met over {weeks} een wedstrijd "
        "in {next_city}.",
    ),
    "ek_allround": (
        "Wie na vier afstanden bovenaan staat, mag zich Europees kampioen allround noemen.",
        "Na het EK gaat de aandacht weer naar de wereldbeker, met over {weeks} een wedstrijd "
        "in {next_city}.",
    ),
    "wk_afstanden": (
        "Voor de meeste rijders zit het seizoen er na deze WK bijna op.",
        "Na de WK volgt nog een laatste wereldbeker, in {next_city}.",
    ),
    "toernooi": (
        "De {tname} wordt volgend jaar opnieuw verreden {rink_at}.",
        "De organisatie van de {tname} sprak van een geslaagde editie met {spectators} "
        "toeschouwers.",
        "Voor veel deelnemers was de {tname} een laatste test voor de grote toernooien.",
    ),
}
# Every outlook paragraph gets one of these (or another sentence naming someone), so
# that no non-promo paragraph repeats verbatim across articles.
_OUTLOOK_PERSONAL = (
    "{ws} gaat de komende dagen eerst terug naar {hometown} om te herstellen.",
    "Voor {ws} staat de volgende wedstrijd over {weeks} op het programma.",
    "{ws} wil de goede vorm nu vasthouden tot het einde van het seizoen.",
    "De volgende uitdaging voor {ws} ligt over {weeks} in {next_city}.",
    "{ws} en coach {coach} nemen de race de komende dagen nog eens door op video.",
    "Of {ws} ook bij de volgende wedstrijd in {next_city} start, is nog niet bekend.",
    "{r2s} hoopt over {weeks} revanche te nemen op {ws}.",
    "Ook {r4s} krijgt over {weeks} een nieuwe kans, in {next_city}.",
)
_OUTLOOK_NEXT_DAY = (
    "{Dag_next} staat {next_dist_de} op het programma, waarin {ws} ook van start gaat.",
    "Ook {r2s} kan zich {dag_next} revancheren op {next_dist_de}.",
    "Het toernooi wordt {dag_next} vervolgd met {next_dist_de}.",
)
_OUTLOOK_OLYMPIC = (
    "Met de Olympische Spelen in aantocht komt de vorm van {ws} op het juiste moment.",
    "De komende weken draaien volledig om de plaatsing voor de Olympische Spelen.",
)
# Templates that name individual rivals make no sense in a team-pursuit report.
_TEAM_UNSAFE = re.compile(r"\{[rR]\d")
_NAMES_SOMEONE = re.compile(r"\{(?:ws|w|[rR]\d[si]?|coach)\}")

_BLESSURES = (
    "enkelblessure",
    "knieblessure",
    "rugblessure",
    "hamstringblessure",
    "hersenschudding",
    "liesblessure",
    "gebroken pols",
    "heupblessure",
)
_MISSED = (
    "de eerste wereldbekers",
    "het NK afstanden",
    "een trainingskamp in Inzell",
    "een groot deel van de voorbereiding",
    "twee wedstrijden",
    "het trainingskamp",
)
_SPECTATORS = (
    "ruim 4.000",
    "bijna 6.000",
    "zo'n 3.500",
    "ruim 8.000",
    "ongeveer 2.500",
    "meer dan 5.000",
    "ruim 10.000",
)
_WEEKS = ("een week", "twee weken", "drie weken", "veertien dagen")
_MS_CRASH = ("derde", "vijfde", "zevende", "negende", "elfde")


# --------------------------------------------------------------------------- #
# Article assembly.
# --------------------------------------------------------------------------- #


_GENDER_WORDS = {
    "m": {
        "hij": "hij",
        "Hij": "Hij",
        "zijn": "zijn",
        "Zijn": "Zijn",
        "hem": "hem",
        "schaatser": "schaatser",
        "winnaar": "winnaar",
        "sekse": "mannen",
        "andere": "vrouwen",
    },
    "v": {
        "hij": "zij",
        "Hij": "Zij",
        "zijn": "haar",
        "Zijn": "Haar",
        "hem": "haar",
        "schaatser": "schaatsster",
        "winnaar": "winnares",
        "sekse": "vrouwen",
        "andere": "mannen",
    },
}


def _choose_date(rng: random.Random, months: Sequence[int]) -> tuple[datetime.date, datetime.date]:
    """Race day and publication day; races fall on Friday to Sunday, within a season."""
    season = rng.randint(_FIRST_SEASON, _LAST_SEASON)
    month = rng.choice(months)
    year = season if month >= 7 else season + 1
    day = datetime.date(year, month, rng.randint(1, 24))
    day += datetime.timedelta(days=(rng.choice((4, 5, 5, 6, 6)) - day.weekday()) % 7)
    published = day + datetime.timedelta(days=rng.choice((0, 1, 1)))
    return day, published


def _intro(skater: _Skater, gender: str, international: bool, rng: random.Random) -> str:
    if not international or skater.nation == "nl" or rng.random() < 0.15:
        return skater.full
    nation = _NATIONS[skater.nation]
    return f"{nation.noun_f if gender == 'v' else nation.noun_m} {skater.full}"


def _pick_skaters(
    rng: random.Random,
    pools: _Pools,
    gender: str,
    nations: Sequence[str],
    weights: Sequence[int],
    n: int,
) -> list[_Skater]:
    chosen: list[_Skater] = []
    names: set[str] = set()
    while len(chosen) < n:
        nation = rng.choices(nations, weights)[0]
        skater = rng.choice(pools.skaters[(nation, gender)])
        if skater.full not in names:
            names.add(skater.full)
            chosen.append(skater)
    return chosen


def _field_times(
    rng: random.Random, band: tuple[int, int], level: float, n: int, spread: float
) -> list[int]:
    lo, hi = band
    winner = int(rng.randint(lo, hi) * level)
    times = [winner]
    for _ in range(n - 1):
        times.append(times[-1] + max(1, int(winner * rng.uniform(0.0002, spread))))
    return times


def _fill(prefix: str, fragments: Sequence[str], ctx: dict[str, str]) -> dict[str, str]:
    """Quote fragments in two forms: Dutch drops the full stop before '", zei ...'."""
    filled: dict[str, str] = {}
    for i, fragment in enumerate(fragments, start=1):
        text = fragment.format_map(ctx)
        filled[f"{prefix}{i}"] = text
        filled[f"{prefix}{i}c"] = text.removesuffix(".")
    return filled


def _team_list(members: Sequence[_Skater]) -> str:
    return f"{members[0].full}, {members[1].full} en {members[2].full}"


class _Generator:
    """Holds one seed's pools and random stream; articles are drawn in sequence so the
    whole output is a pure function of the seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.pools = _pools(seed)

    # -- context ---------------------------------------------------------- #
    def _context(self) -> tuple[dict[str, str], str, str, datetime.date]:
        rng, pools = self.rng, self.pools
        kind = rng.choices(_EVENT_KINDS, _EVENT_WEIGHTS)[0]
        race_day, published = _choose_date(rng, kind.months)
        season = race_day.year if race_day.month >= 7 else race_day.year - 1
        gender = rng.choice(("m", "v"))
        words = _GENDER_WORDS[gender]

        if kind.key == "nk_sprint":
            distance = rng.choice(_SPRINT)
        elif kind.key in ("nk_allround", "ek_allround"):
            distance = rng.choice(_ALLROUND[gender])
        else:
            distance = rng.choices(_ALL_DISTANCES[gender], _ALL_WEIGHTS[gender])[0]
            if distance == TEAM and kind.key.startswith("nk"):
                distance = "1500"

        # where
        if kind.key.startswith("nk"):
            rink_nation = "nl"
        elif kind.key.startswith("ek"):
            rink_nation = rng.choice(_EUROPE)
        elif kind.key == "toernooi":
            rink_nation = "nl" if rng.random() < 0.7 else rng.choice(_EUROPE)
        else:
            rink_nation = "nl" if rng.random() < 0.3 else rng.choice(_NATION_KEYS[1:])
        rink = rng.choice(pools.rinks[rink_nation])
        city = rink.city
        stad = city if rink_nation == "nl" else f"het {_NATIONS[rink_nation].adj} {city}"

        # who
        if not kind.international:
            nations: Sequence[str] = ("nl",)
            weights: Sequence[int] = (1,)
        elif kind.key.startswith("ek"):
            nations, weights = _EUROPE, (55, 12, 14, 10, 9)
        else:
            nations, weights = _NATION_KEYS, _FIELD_WEIGHTS
        field = _pick_skaters(rng, pools, gender, nations, weights, 5)
        intl = kind.international
        level = rng.uniform(*kind.level)
        ctx: dict[str, str] = dict(words)

        # event naming
        tname = rng.choice(pools.tournaments)
        ek_city = rng.choice((city, stad))
        bij_ev = {
            "wc": (
                f"bij de wereldbeker in {city}",
                f"bij de wereldbekerwedstrijden in {stad}",
                f"tijdens de World Cup in {city}",
                f"in de wereldbeker van {city}",
            ),
            "nk_afstanden": (
                "op het NK afstanden",
                "tijdens de Nederlandse kampioenschappen afstanden",
                f"op het NK afstanden in {city}",
            ),
            "nk_sprint": (
                "op het NK sprint",
                "tijdens het Nederlands kampioenschap sprint",
                f"op het NK sprint in {city}",
            ),
            "nk_allround": (
                "op het NK allround",
                "tijdens het Nederlands kampioenschap allround",
                f"op het NK allround in {city}",
            ),
            "ek_afstanden": (
                f"op het EK afstanden in {ek_city}",
                f"tijdens de Europese kampioenschappen afstanden in {city}",
            ),
            "ek_allround": (
                f"op het EK allround in {ek_city}",
                f"tijdens het Europees kampioenschap allround in {city}",
            ),
            "wk_afstanden": (
                f"op de WK afstanden in {ek_city}",
                f"tijdens de wereldkampioenschappen afstanden in {city}",
            ),
            "toernooi": (
                f"bij de {tname} in {city}",
                f"in de strijd om de {tname}",
                f"tijdens de {tname} {rink.at}",
            ),
        }[kind.key]
        ctx["bij_ev"] = rng.choice(bij_ev)
        ctx["Bij_ev"] = _cap(ctx["bij_ev"])
        ctx["tname"] = tname
        title_word = {
            "nk_afstanden": "Nederlands kampioen",
            "ek_afstanden": "Europees kampioen",
            "wk_afstanden": "wereldkampioen",
        }.get(kind.key, "kampioen")
        if gender == "v":
            title_word += "e"
        ctx["titel"] = ctx["titel_kort"] = title_word

        ctx.update(rink=rink.name, rink_at=rink.at, city=city, stad=stad)
        labels = _DIST_LABELS[distance]
        label = rng.choice(labels)
        ctx["dist_de"] = f"de {label}"
        ctx["Dist_de"] = f"De {label}"

        # times
        spread = 0.0035 if distance in _SHORT else 0.006
        if distance == MASS:
            spread = 0.0006
        times = _field_times(rng, _BANDS[(distance, gender)], level, 5, spread)
        for i, t in enumerate(times, start=1):
            ctx[f"t{i}"] = format_time(t)
            if i > 1:
                ctx[f"d{i}"] = _margin(t - times[0])
        ctx["d23"] = _margin(times[2] - times[1])
        ctx["d34"] = _margin(times[3] - times[2])
        ctx["closeness"] = (
            "close"
            if (times[1] - times[0]) < min(times[0] * 0.0012, 15)
            else ("clear" if (times[1] - times[0]) > times[0] * 0.005 else "neutral")
        )

        winner = field[0]
        ctx["w"] = winner.full
        ctx["ws"] = winner.sur
        ctx["wi"] = _intro(winner, gender, intl, rng)
        ctx["Wi"] = _cap(ctx["wi"])
        for i, sk in enumerate(field[1:], start=2):
            intro = _intro(sk, gender, intl, rng)
            ctx[f"r{i}"] = sk.full
            ctx[f"r{i}s"] = sk.sur
            ctx[f"r{i}i"] = intro
            ctx[f"R{i}i"] = _cap(intro)
        ctx["age"] = str(season - winner.born + (1 if race_day.month < 7 else 0))
        ctx["hometown"] = winner.hometown
        ctx["team"] = winner.team
        ctx["since"] = str(rng.randint(max(season - 6, winner.born + 16), season))
        ctx["jr_year"] = str(min(season - 1, winner.born + rng.randint(17, 19)))
        ctx["prev_year"] = str(season - rng.randint(1, 4))
        ctx["coach"] = rng.choice(pools.coaches)
        ctx["coach_s"] = ctx["coach"].split(" ", 1)[0]
        ctx["coach_adj"] = rng.choice(_COACH_ADJ)
        ctx["blessure"], ctx["blessure2"] = rng.sample(_BLESSURES, 2)
        ctx["missed"] = rng.choice(_MISSED)
        ctx["studie"] = rng.choice(pools.studies)
        nth = rng.randint(0, 4)
        ctx["nth_win"] = _ORDINALS[nth]
        ctx["nth_podium"] = _ORDINALS[rng.randint(nth + 1, nth + 3)]
        ctx["nth_team"] = _ORDINALS[rng.randint(1, 7)]
        ctx["prev_rank"] = _ORDINALS[rng.randint(3, 7)]
        ctx["klass_pos"] = rng.choice(("eerste", "tweede", "derde", "vierde"))
        ctx["points"] = str(rng.randint(6, 30) * 10 + rng.choice((0, 4, 6)))
        ctx["wcround"] = _ORDINALS[
            {
                11: rng.randint(0, 1),
                12: rng.randint(1, 3),
                1: rng.randint(3, 4),
                2: rng.randint(4, 5),
                3: 5,
            }.get(race_day.month, 2)
        ]
        ctx["qual_target"] = rng.choice(
            ("de eerste wereldbekers", "het EK afstanden", "de wereldbekerploeg", "de WK afstanden")
        )
        n_dist = rng.randint(2, 3)
        ctx["n_dist"] = _NUMBER_WORDS[n_dist]
        per_distance = rng.randint(35000, 37500) if gender == "m" else rng.randint(37500, 40500)
        ctx["ar_pts"] = _points(per_distance * n_dist)
        ctx["ritnr"] = _ORDINALS[rng.randint(1, 7)]
        ctx["dag"] = _WEEKDAYS[race_day.weekday()]
        ctx["Dag"] = _cap(ctx["dag"])
        next_day = race_day + datetime.timedelta(days=1)
        ctx["dag_next"] = _WEEKDAYS[next_day.weekday()]
        ctx["Dag_next"] = _cap(ctx["dag_next"])
        next_nation = rng.choice(_NATION_KEYS)
        next_rink = rng.choice(pools.rinks[next_nation])
        ctx["next_city"] = next_rink.city
        ctx["next_stad"] = (
            next_rink.city
            if next_nation == "nl"
            else f"het {_NATIONS[next_nation].adj} {next_rink.city}"
        )
        ctx["weeks"] = rng.choice(_WEEKS)
        ctx["spectators"] = rng.choice(_SPECTATORS)
        ctx["ms_crash"] = rng.choice(_MS_CRASH)
        programme = (
            _ALLROUND[gender]
            if "allround" in kind.key
            else _SPRINT
            if kind.key == "nk_sprint"
            else _ALL_DISTANCES[gender][:5]
        )
        # A sprinter's "next race" is another sprint distance, not the 5000 meter.
        related = [d for d in _RELATED[(distance, gender)] if d in programme]
        others = related or [d for d in programme if d != distance]
        ctx["next_dist_de"] = "de " + rng.choice(_DIST_LABELS[rng.choice(others)])
        ctx["prev_win"] = (
            "de "
            + rng.choice(_DIST_LABELS[rng.choice(others)])
            + f" in {rng.choice(pools.rinks[rng.choice(_NATION_KEYS)]).city}"
        )

        # splits
        if distance in _SHORT:
            lo, hi, open_dist = _OPENINGS[(distance, gender)]
            open1 = int(rng.randint(lo, hi) * level)
            open2 = open1 + rng.randint(-12, 15)
            ctx["open1"], ctx["open2"] = _margin(open1), _margin(open2)
            ctx["opendiff"] = _margin(abs(open2 - open1) or 1)
            ctx["open_dist"] = open_dist
            ctx["split_kind"] = "runner" if open2 < open1 else "winner"
        meters = _DIST_METERS.get(distance, 6400)
        if distance == TEAM:
            meters = 3200 if gender == "m" else 2400
        lap = times[0] * 400 // meters
        ctx["lap"] = _tenths(lap)
        ctx["lapfast"] = _tenths(lap - rng.randint(25, 60))
        ctx["lastlap"] = _tenths(
            lap + rng.randint(-150, 120) if distance == MASS else lap + rng.randint(20, 140)
        )

        # records
        record_roll = rng.random()
        if record_roll < 0.12:
            ctx["record"] = "track"
        elif record_roll < 0.24:
            ctx["record"] = "pb"
        elif (
            record_roll < 0.28
            and winner.nation == "nl"
            and distance not in (MASS, TEAM)
            and kind.key in ("wc", "ek_afstanden", "wk_afstanden")
        ):
            ctx["record"] = "nr"
        else:
            ctx["record"] = ""
        old = times[0] + rng.randint(3, 90 if distance in _SHORT else 300)
        ctx["oldt"] = format_time(old)
        ctx["recdiff"] = _margin(old - times[0])
        ctx["recyear"] = str(season - rng.randint(1, 8))
        holder_nation = "nl" if ctx["record"] == "nr" else rng.choice(_NATION_KEYS)
        ctx["recholder"] = rng.choice(pools.skaters[(holder_nation, gender)]).full

        # other race of the day (other gender, individual distance)
        og = "v" if gender == "m" else "m"
        if kind.key == "nk_sprint":
            o_options: Sequence[str] = _SPRINT
        elif "allround" in kind.key:
            o_options = _ALLROUND[og]
        else:
            o_options = _ALL_DISTANCES[og][:5]
        o_dist = rng.choice(o_options)
        ofield = _pick_skaters(rng, pools, og, nations, weights, 3)
        otimes = _field_times(rng, _BANDS[(o_dist, og)], level, 3, 0.004)
        o_label = rng.choice(_DIST_LABELS[o_dist])
        ctx["o_dist_de"], ctx["O_dist_de"] = f"de {o_label}", f"De {o_label}"
        ctx["ot1"] = format_time(otimes[0])
        ctx["od2"] = _margin(otimes[1] - otimes[0])
        for i, sk in enumerate(ofield, start=1):
            intro = _intro(sk, og, intl, rng)
            ctx[f"o{i}i"], ctx[f"O{i}i"] = intro, _cap(intro)
        ctx["Ohij"] = _GENDER_WORDS[og]["Hij"]

        # team pursuit: the field becomes four nations of three skaters
        if distance == TEAM:
            team_nations = ["nl", *rng.sample(_NATION_KEYS[1:], 3)]
            if rng.random() < 0.35:
                rng.shuffle(team_nations)
            for i, nation_key in enumerate(team_nations, start=1):
                members = _pick_skaters(rng, pools, gender, (nation_key,), (1,), 3)
                land = _NATIONS[nation_key].land
                ctx[f"team{i}"], ctx[f"Team{i}"] = land, _cap(land)
                ctx[f"tp{i}"] = _team_list(members)
                ctx[f"Tp{i}"] = ctx[f"tp{i}"]
                if i == 1:
                    ctx["team1_adj"] = _NATIONS[nation_key].adj
                    ctx["w"], ctx["ws"] = members[0].full, members[0].sur
                    ctx["wi"] = ctx["Wi"] = members[0].full
                    ctx["tpmate"] = members[1].sur
                    ctx["hometown"] = members[0].hometown
                    ctx["team"] = members[0].team
        ctx["kind"] = kind.key
        ctx["distance"] = distance
        ctx["olympic"] = "1" if season in (2021, 2025) and race_day.month in (11, 12, 1) else ""
        ctx["multi_day"] = "1" if race_day.weekday() in (4, 5) else ""
        return ctx, kind.key, distance, published

    # -- paragraphs ------------------------------------------------------- #
    def _lede(self, ctx: dict[str, str], kind: str, distance: str) -> str:
        rng = self.rng
        if distance == MASS:
            return rng.choice(_MASS_LEDE).format_map(ctx)
        if distance == TEAM:
            return rng.choice(_TEAM_LEDE).format_map(ctx)
        if kind.endswith("afstanden") and rng.random() < 0.4:
            return rng.choice(_LEDE_TITLE).format_map(ctx)
        pool: tuple[str, ...] = {"close": _LEDE_CLOSE, "clear": _LEDE_CLEAR}.get(
            ctx["closeness"], ()
        )
        if not pool or rng.random() < 0.35:
            pool = _LEDE_NEUTRAL
        return rng.choice(pool).format_map(ctx)

    def _results(self, ctx: dict[str, str], kind: str, distance: str) -> str:
        rng = self.rng
        if distance == MASS:
            story = rng.sample(_MASS_STORY, rng.randint(1, 2))
            story.insert(rng.randint(0, len(story)), rng.choice(_MASS_TIMED))
            parts = [rng.choice(_MASS_RESULT), *story]
        elif distance == TEAM:
            picked = sorted(rng.sample(range(len(_TEAM_RESULT)), rng.randint(3, 4)))
            parts = [_TEAM_RESULT[i] for i in picked]
        else:
            medal = kind not in ("wc", "toernooi") and "allround" not in kind
            second = _SECOND + _SECOND_MEDAL if medal else _SECOND
            third = _THIRD + _THIRD_MEDAL if medal else _THIRD
            parts = [rng.choice(second), rng.choice(third), rng.choice(_FOURTH)]
            if rng.random() < 0.4:
                parts.append(rng.choice(_FIFTH))
            if rng.random() < 0.6:
                if distance in _SHORT:
                    splits = (
                        _SPLIT_RUNNER_FASTEST
                        if ctx["split_kind"] == "runner"
                        else _SPLIT_WINNER_FASTEST
                    )
                else:
                    splits = _SPLIT_LONG
                parts.insert(rng.randint(1, len(parts)), rng.choice(splits))
            record = ctx["record"]
            if record:
                table = {"track": _RECORD_TRACK, "pb": _RECORD_PB, "nr": _RECORD_NR}[record]
                parts.insert(rng.randint(0, 1), rng.choice(table))
            if rng.random() < 0.08:
                parts.append(rng.choice(_RECORD_THIRD_PB))
        return " ".join(parts).format_map(ctx)

    def _quote(self, ctx: dict[str, str], distance: str) -> str:
        rng = self.rng
        if distance == MASS:
            extra: tuple[str, ...] = _Q_MASS
        elif distance == TEAM:
            extra = _Q_TEAM
        elif distance in _SHORT:
            extra = _Q_SHORT
        else:
            extra = _Q_LONG
        if ctx["closeness"] == "close":
            extra = extra + _Q_CLOSE
        q = rng.sample(_Q_GENERIC, 2)
        q.insert(rng.randint(0, 2), rng.choice(extra))
        return rng.choice(_QUOTE_FRAMES).format_map(ctx | _fill("q", q, ctx))

    def _background(self, ctx: dict[str, str], kind: str, distance: str) -> str:
        rng = self.rng
        parts = rng.sample(_BACKGROUND, rng.randint(2, 3) if kind != "toernooi" else 3)
        specific: list[str] = []
        if kind == "wc":
            specific += _BACKGROUND_WC
        elif kind == "nk_afstanden":
            specific += _BACKGROUND_NK
        if kind.endswith("afstanden"):
            specific += _BACKGROUND_CHAMP
        if "allround" in kind or kind == "nk_sprint":
            specific += _BACKGROUND_ALLROUND
        if distance == TEAM:
            specific = [s for s in specific if not _TEAM_UNSAFE.search(s)]
        if specific:
            parts.insert(rng.randint(0, len(parts)), rng.choice(specific))
        else:
            parts.append(rng.choice([s for s in _BACKGROUND if s not in parts]))
        return " ".join(parts).format_map(ctx)

    def _coach(self, ctx: dict[str, str]) -> str:
        rng = self.rng
        filled = _fill("cq", rng.sample(_COACH_Q, 2), ctx)
        return rng.choice(_COACH).format_map(ctx | filled)

    def _loser(self, ctx: dict[str, str]) -> str:
        rng = self.rng
        frames: tuple[str, ...]
        quotes: tuple[str, ...]
        if rng.random() < 0.5:
            frames, quotes = _LOSER_FRAMES_FOURTH, _LOSER_FOURTH
        else:
            frames, quotes = _LOSER_FRAMES_SECOND, _LOSER_SECOND
        filled = _fill("lq", rng.sample(quotes, 2), ctx)
        return rng.choice(frames).format_map(ctx | filled)

    def _other_race(self, ctx: dict[str, str]) -> str:
        return self.rng.choice(_OTHER_RACE).format_map(ctx)

    def _outlook(self, ctx: dict[str, str], kind: str, distance: str) -> str:
        rng = self.rng
        pool = list(_OUTLOOK[kind])
        if ctx["multi_day"]:
            pool.append(rng.choice(_OUTLOOK_NEXT_DAY))
        if ctx["olympic"]:
            pool += _OUTLOOK_OLYMPIC
        if distance == TEAM:
            pool = [s for s in pool if not _TEAM_UNSAFE.search(s)] or list(_OUTLOOK_WC)
        parts = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
        if not any(_NAMES_SOMEONE.search(part) for part in parts):
            personal = [
                s for s in _OUTLOOK_PERSONAL if distance != TEAM or not _TEAM_UNSAFE.search(s)
            ]
            parts.insert(rng.randint(0, len(parts)), rng.choice(personal))
        return " ".join(parts).format_map(ctx)

    def article(self) -> SynthArticle:
        rng = self.rng
        ctx, kind, distance, published = self._context()
        lede = self._lede(ctx, kind, distance)
        results = self._results(ctx, kind, distance)
        quote = self._quote(ctx, distance)
        background = self._background(ctx, kind, distance)
        middle = [quote, background] if rng.random() < 0.6 else [background, quote]

        # Optional paragraphs in the order they are added when an article is too short
        # and dropped (last added first) when it is too long.
        candidates: list[tuple[str, float]] = [
            (self._other_race(ctx), 0.55),
            (self._coach(ctx), 0.4),
        ]
        if distance != TEAM:
            candidates.insert(1, (self._loser(ctx), 0.5))
        chosen = [rng.random() < p for _, p in candidates]
        outlook = self._outlook(ctx, kind, distance)
        if rng.random() < 0.3:
            outlook += " " + rng.choice(_CONDITIONS).format_map(ctx)
        with_outlook = rng.random() < 0.85

        promo = ""
        if rng.random() < _PROMO_SHARE:
            promo = rng.choice(_PROMOS_BY_PUBLISHER[rng.choice(PUBLISHERS)])
        limit = _MAX_PARAGRAPHS - (1 if promo else 0)
        promo_words = len(promo.split())

        def assemble() -> list[str]:
            extra = [text for (text, _), keep in zip(candidates, chosen, strict=True) if keep]
            if len(extra) > 1 and rng_order:
                extra.reverse()
            return [lede, results, *middle, *extra, *([outlook] if with_outlook else [])]

        rng_order = rng.random() < 0.5
        paragraphs = assemble()
        while len(paragraphs) > limit or _words(paragraphs) + promo_words > _MAX_WORDS:
            if any(chosen):
                chosen[max(i for i, keep in enumerate(chosen) if keep)] = False
            elif with_outlook:
                with_outlook = False
            else:
                break
            paragraphs = assemble()
        while _words(paragraphs) + promo_words < _MIN_WORDS and len(paragraphs) < limit:
            if not with_outlook:
                with_outlook = True
            elif not all(chosen):
                chosen[chosen.index(False)] = True
            else:
                break
            paragraphs = assemble()
        if promo:
            paragraphs.append(promo)
        return SynthArticle(published=published, text="\n\n".join(paragraphs))


def _words(paragraphs: Sequence[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def synth_articles(count: int, seed: int = 0) -> Iterator[SynthArticle]:
    """Stream articles lazily so a 100k-article benchmark never holds them all in memory;
    the sequence is fixed by ``seed`` (a prefix of a longer run is identical)."""
    if count < 0:
        raise ValueError("count must be >= 0")
    if count == 0:
        return
    generator = _Generator(seed)
    for _ in range(count):
        yield generator.article()


class SynthStream:
    """The articles of one seed in sequence, with the position as a plain, JSON-able state.

    Generating a million articles takes from 9 to 35 minutes, however busy the machine, so a
    cache of them (bench/scale_bench.py) is written in shards over several runs: each run
    restores the state saved after the last whole shard and goes on from there, and the
    articles are the very ones an uninterrupted `synth_articles(count, seed)` yields."""

    def __init__(self, seed: int = 0, state: list[object] | None = None) -> None:
        self._generator = _Generator(seed)
        if state is not None:
            version, internal, gauss = state
            self._generator.rng.setstate((version, tuple(internal), gauss))  # type: ignore[arg-type]

    def article(self) -> SynthArticle:
        return self._generator.article()

    def state(self) -> list[object]:
        """Where the stream is: the random generator's state (the pools follow from the seed)."""
        version, internal, gauss = self._generator.rng.getstate()
        return [version, list(internal), gauss]


def to_seed_format(article: SynthArticle) -> str:
    """Encode as the seed-file format the ingest path already reads, so synthetic and
    real seeds share one loader."""
    return f" date {article.published.isoformat()} {article.text}\n"


def write_synth(count: int, out_dir: Path, seed: int = 0) -> int:
    """Write ``count`` seed files, sharded so no directory holds more than 1000 files.

    File ``NNNNNN.txt`` (1-based, zero-padded to six digits) goes into the directory
    named by its number divided by 1000 (``000/000001.txt``, ``001/001000.txt``): the
    shard is readable from the file name alone.
    """
    out_dir = Path(out_dir)
    written = 0
    current_shard = ""
    for index, article in enumerate(synth_articles(count, seed), start=1):
        shard = f"{index // 1000:03d}"
        if shard != current_shard:
            (out_dir / shard).mkdir(parents=True, exist_ok=True)
            current_shard = shard
        (out_dir / shard / f"{index:06d}.txt").write_text(to_seed_format(article), encoding="utf-8")
        written += 1
    return written
