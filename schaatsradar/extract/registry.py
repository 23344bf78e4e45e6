"""The registry of known skaters and rinks that extraction links article text to.

The registry is built once from the bundled reference CSV files (or from CSV text in tests) and
holds every lookup index the name finder needs, so that finding names in an article is a handful
of dictionary look-ups per token instead of a loop over all skaters.

Name matching is insensitive to accents, case, hyphens and apostrophes because the press is not
consistent about them ("Martina Sablikova", "Rijpma-De Jong", "Van 't Wout"): see `norm_name`.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import cast, get_args

from schaatsradar.extract.types import Gender, Skater

__all__ = [
    "EAST_ASIAN_COUNTRIES",
    "NameEntry",
    "Registry",
    "Venue",
    "norm_name",
    "norm_parts",
]

# Letters that NFKD does not decompose but that the press routinely writes without the
# diacritic ("Bjorn", "Wladimir", "Gross").
_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "ß": "ss",
    }
)
_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.]+")

# Countries whose press (and our registry) writes the family name first: "Ning Zhongyan",
# "Lee Sang-hwa". Japanese skaters are listed given name first, like the Western press does.
EAST_ASIAN_COUNTRIES = frozenset({"CHN", "KOR", "PRK", "TPE", "HKG", "MGL"})
# A Korean-style name written family name first, also under another flag ("Kim Min-seok", HUN).
_KOREAN_ORDER = re.compile(r"^\S+ [^\W\d_][^\W\d_]*-[^\W\d_]+$")
# Lower-case name particles that belong to the surname ("van de Bunt", "in 't Hof", "di Stefano").
PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "ter",
        "ten",
        "te",
        "t",
        "in",
        "het",
        "von",
        "di",
        "da",
        "du",
        "le",
        "la",
        "dos",
        "del",
        "della",
        "op",
    }
)


@functools.lru_cache(maxsize=65536)
def norm_name(name: str) -> str:
    """Fold a name for matching: accents stripped (NFKD), case folded, hyphens as spaces,
    apostrophes removed. The same folding as `norm_name` in shared/tools/score_extraction.py,
    extended with the few letters NFKD leaves alone (ø, ł, ß, ...)."""
    if name.isascii():
        s = name.lower()
        if s.isalpha():
            return s  # the common case: one plain word
    else:
        s = unicodedata.normalize("NFKD", name.translate(_FOLD))
        s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = _APOSTROPHES.sub("", s)
    return _SEPARATORS.sub(" ", s).strip()


def norm_parts(name: str) -> tuple[str, ...]:
    """`norm_name` split into its words: the unit the token index matches on."""
    return tuple(norm_name(name).split())


@dataclass(frozen=True)
class Venue:
    """A rink and its city, with the names the press uses for either."""

    city: str
    rink: str
    country: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every name that refers to this venue: city, rink and aliases."""
        return (self.city, self.rink, *self.aliases)


@dataclass(frozen=True)
class NameEntry:
    """One written form of a registry skater's name, pre-split for the token index."""

    parts: tuple[str, ...]
    skater: Skater
    is_alias: bool


# Common spellings the press uses for venue cities that the CSV does not list (Dutch and
# English exonyms, the local name, the Olympic brand name of the host region).
_EXTRA_CITY_NAMES: Mapping[str, tuple[str, ...]] = {
    "Milan": ("Milaan", "Milano"),
    "Salt Lake City": ("Salt Lake", "Kearns"),
    "Turin": ("Turijn", "Torino"),
    "Beijing": ("Peking",),
    "Berlin": ("Berlijn",),
    "Quebec City": ("Québec", "Quebec", "Québec City"),
    "Tomaszów Mazowiecki": ("Tomaszów", "Tomaszow"),
    "Gangneung": ("Pyeongchang", "PyeongChang"),
    "Milwaukee": ("West Allis",),
    "Ürümqi": ("Urumqi",),
    "Astana": ("Nur-Sultan",),
}
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")


def _csv_list(value: str | None) -> tuple[str, ...]:
    """`a;b;c` -> ("a", "b", "c"), without parenthetical notes and empty items."""
    items = (_PARENTHETICAL.sub("", v).strip() for v in (value or "").split(";"))
    return tuple(v for v in items if v)


def _surname_keys(name: str, country: str | None) -> list[tuple[str, ...]]:
    """The word sequences that stand for this person when the press drops the given name.

    Family-name-first names ("Ning Zhongyan", "Lee Sang-hwa") give their first word. Western
    names give everything after the given name, particles included ("van de Bunt",
    "Rijpma de Jong", "Lunde Pedersen"), and, for multi-word surnames without particles, also
    the last word ("Pedersen"), which is how short reports refer to them.
    """
    parts = norm_parts(name)
    if len(parts) < 2:
        return [parts] if parts else []
    if (country in EAST_ASIAN_COUNTRIES) or _KOREAN_ORDER.match(name.strip()):
        return [parts[:1]]
    rest = parts[1:]
    keys = [rest]
    if len(rest) >= 2 and not any(p in PARTICLES for p in rest):
        keys.append(rest[-1:])
    return keys


def _given_name_first(skater: Skater) -> list[str]:
    """ "Tingyu Gao" for "Gao Tingyu": English wire copy often puts a Chinese or Korean given
    name first (issue 11, class 9); the registry lists the family name first."""
    parts = norm_parts(skater.name)
    if skater.country not in EAST_ASIAN_COUNTRIES or len(parts) < 2:
        return []
    return [" ".join((*parts[1:], parts[0]))]


class Registry:
    """Known skaters and venues, with the indexes name finding needs (built once)."""

    skaters: tuple[Skater, ...]
    venues: tuple[Venue, ...]

    def __init__(
        self,
        skaters: Iterable[Skater],
        venues: Iterable[Venue] = (),
        aliases: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.skaters = tuple(skaters)
        self.venues = tuple(venues)
        aliases = aliases or {}
        self._aliases: dict[str, tuple[str, ...]] = {
            s.name: tuple(aliases.get(s.name, ())) for s in self.skaters
        }
        self._by_name: dict[str, Skater] = {}
        by_first: dict[str, list[NameEntry]] = defaultdict(list)
        by_surname: dict[tuple[str, ...], list[Skater]] = defaultdict(list)
        self._surnames_of: dict[Skater, tuple[tuple[str, ...], ...]] = {}
        for skater in self.skaters:
            keys: list[tuple[str, ...]] = _surname_keys(skater.name, skater.country)
            written = [(skater.name, False)] + [(a, True) for a in self._aliases[skater.name]]
            written += [(form, True) for form in _given_name_first(skater)]
            canonical_words = set(norm_parts(skater.name))
            for form, is_alias in written:
                parts = norm_parts(form)
                if not parts:
                    continue
                self._by_name.setdefault(" ".join(parts), skater)
                if (
                    is_alias
                    and len(parts) >= 2
                    and set(parts) != canonical_words
                    and skater.country not in EAST_ASIAN_COUNTRIES
                ):
                    # A different surname ("Heather Bergsma", "Kaja Ziomek") is another way
                    # the press refers to this skater by surname alone. (East Asian aliases
                    # only reorder or re-hyphenate the same words.)
                    keys.extend(_surname_keys(form, skater.country))
                if is_alias and parts in keys:
                    continue  # a surname-only alias ("Rijpma-De Jong") is matched as a surname
                entry = NameEntry(parts, skater, is_alias and parts != norm_parts(skater.name))
                by_first[parts[0]].append(entry)
            unique_keys = tuple(dict.fromkeys(k for k in keys if k))
            self._surnames_of[skater] = unique_keys
            for key in unique_keys:
                if skater not in by_surname[key]:
                    by_surname[key].append(skater)
        for entries in by_first.values():
            entries.sort(key=lambda e: -len(e.parts))
        self._by_first = {k: tuple(v) for k, v in by_first.items()}
        self._by_surname = {k: tuple(v) for k, v in by_surname.items()}
        self.max_name_parts = max((len(e.parts) for v in by_first.values() for e in v), default=0)
        self._venue_keys = frozenset(
            norm_parts(n) for v in self.venues for n in v.names if norm_parts(n)
        )
        self._venue_by_name: dict[str, Venue] = {}
        for venue in self.venues:
            for n in venue.names:
                self._venue_by_name.setdefault(norm_name(n), venue)

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_csv_text(cls, athletes_csv: str, venues_csv: str) -> Registry:
        """Parse the reference CSV files' text (pure: the caller did the reading)."""
        skaters: list[Skater] = []
        aliases: dict[str, tuple[str, ...]] = {}
        genders: set[str] = set(get_args(Gender))
        for row in csv.DictReader(io.StringIO(athletes_csv)):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            gender = (row.get("gender") or "").strip().lower()
            country = (row.get("country") or "").strip().upper() or None
            skaters.append(
                Skater(name, country, cast(Gender, gender) if gender in genders else None)
            )
            aliases[name] = _csv_list(row.get("aliases"))
        venues: list[Venue] = []
        for row in csv.DictReader(io.StringIO(venues_csv)):
            city = (row.get("city") or "").strip()
            rink = (row.get("rink") or "").strip()
            if not city and not rink:
                continue
            names = (rink, *_csv_list(row.get("aliases")), *_EXTRA_CITY_NAMES.get(city, ()))
            extra = tuple(dict.fromkeys(n for n in names if n and n != city))
            venues.append(Venue(city, rink, (row.get("country") or "").strip().upper(), extra))
        return cls(skaters, venues, aliases)

    @classmethod
    @functools.cache
    def bundled(cls) -> Registry:
        """The registry shipped with the package (read once per process)."""
        base = resources.files("schaatsradar.data")
        athletes = base.joinpath("reference/athletes.csv").read_text(encoding="utf-8")
        venues = base.joinpath("reference/venues.csv").read_text(encoding="utf-8")
        return cls.from_csv_text(athletes, venues)

    # -- look-ups -------------------------------------------------------------------------

    def skater(self, name: str) -> Skater | None:
        """The skater with this canonical name or alias (accent/case/hyphen-insensitive)."""
        return self._by_name.get(norm_name(name))

    def aliases(self, skater: Skater) -> tuple[str, ...]:
        """The other written forms of a registry skater's name, as listed in the registry."""
        return self._aliases.get(skater.name, ())

    def names_starting_with(self, part: str) -> tuple[NameEntry, ...]:
        """Full names and aliases whose first normalised word is `part`, longest first."""
        return self._by_first.get(part, ())

    def by_surname(self, key: tuple[str, ...]) -> tuple[Skater, ...]:
        """Registry skaters the normalised surname words `key` can stand for."""
        return self._by_surname.get(key, ())

    def surname_keys(self, skater: Skater) -> tuple[tuple[str, ...], ...]:
        """The normalised surname forms of a registry skater (see `_surname_keys`)."""
        return self._surnames_of.get(skater, ())

    @property
    def all_surname_keys(self) -> Iterable[tuple[str, ...]]:
        """Every surname key of the registry (for building per-article indexes)."""
        return self._by_surname.keys()

    def name_entries(self) -> Iterable[NameEntry]:
        """Every full name and alias entry of the token index."""
        for entries in self._by_first.values():
            yield from entries

    def is_venue(self, parts: tuple[str, ...]) -> bool:
        """Whether these normalised words are a venue's city, rink or alias."""
        return parts in self._venue_keys

    def contains_venue(self, parts: Sequence[str]) -> bool:
        """Whether any contiguous run of these normalised words names a venue."""
        n = len(parts)
        return any(
            tuple(parts[i:j]) in self._venue_keys for i in range(n) for j in range(i + 1, n + 1)
        )

    def venue(self, name: str) -> Venue | None:
        """The venue a city, rink or alias refers to."""
        return self._venue_by_name.get(norm_name(name))
