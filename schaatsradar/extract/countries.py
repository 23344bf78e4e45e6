"""Countries as the press names them, for team results ("Japan won de ploegenachtervolging",
"the Netherlands came in second", "het Nederlandse team"). A team result's athlete is the
country's English name, as the contract asks."""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

# IOC code -> English name, and the words Dutch and English news use for the country or its
# team. Adjectives only count before a team noun ("het Nederlandse team", "de Noorse ploeg").
COUNTRIES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "NED": (
        "Netherlands",
        ("Nederland", "the Netherlands", "Netherlands", "Holland", "Oranje"),
        ("Nederlandse", "Dutch"),
    ),
    "NOR": ("Norway", ("Noorwegen", "Norway"), ("Noorse", "Norwegian")),
    "JPN": ("Japan", ("Japan",), ("Japanse", "Japanese")),
    "CAN": ("Canada", ("Canada",), ("Canadese", "Canadian")),
    "USA": (
        "United States",
        (
            "de VS",
            "de Verenigde Staten",
            "Verenigde Staten",
            "Amerika",
            "the United States",
            "United States",
            "the USA",
            "USA",
            "Team USA",
            "the US",
            "the U.S.",
        ),
        ("Amerikaanse", "American"),
    ),
    "CHN": ("China", ("China",), ("Chinese",)),
    "KOR": (
        "South Korea",
        ("Zuid-Korea", "South Korea", "Korea"),
        ("Zuid-Koreaanse", "South Korean", "Korean"),
    ),
    "ITA": ("Italy", ("Italië", "Italy"), ("Italiaanse", "Italian")),
    "GER": ("Germany", ("Duitsland", "Germany"), ("Duitse", "German")),
    "POL": ("Poland", ("Polen", "Poland"), ("Poolse", "Polish")),
    "CZE": ("Czechia", ("Tsjechië", "Czechia", "Czech Republic"), ("Tsjechische", "Czech")),
    "BEL": ("Belgium", ("België", "Belgium"), ("Belgische", "Belgian")),
    "FRA": ("France", ("Frankrijk", "France"), ("Franse", "French")),
    "SWE": ("Sweden", ("Zweden", "Sweden"), ("Zweedse", "Swedish")),
    "KAZ": ("Kazakhstan", ("Kazachstan", "Kazakhstan"), ("Kazachse", "Kazakh")),
    "AUT": ("Austria", ("Oostenrijk", "Austria"), ("Oostenrijkse", "Austrian")),
    "SUI": ("Switzerland", ("Zwitserland", "Switzerland"), ("Zwitserse", "Swiss")),
    "LAT": ("Latvia", ("Letland", "Latvia"), ("Letse", "Latvian")),
    "EST": ("Estonia", ("Estland", "Estonia"), ("Estse", "Estonian")),
    "HUN": ("Hungary", ("Hongarije", "Hungary"), ("Hongaarse", "Hungarian")),
    "FIN": ("Finland", ("Finland",), ("Finse", "Finnish")),
    "RUS": ("Russia", ("Rusland", "Russia"), ("Russische", "Russian")),
    "BLR": ("Belarus", ("Wit-Rusland", "Belarus"), ("Wit-Russische", "Belarusian")),
    "GBR": ("Great Britain", ("Groot-Brittannië", "Great Britain"), ("Britse", "British")),
    "DEN": ("Denmark", ("Denemarken", "Denmark"), ("Deense", "Danish")),
    "NZL": ("New Zealand", ("Nieuw-Zeeland", "New Zealand"), ("Nieuw-Zeelandse",)),
}
# "de Noren waren te sterk", "ahead of the Canadians": the people of a country as its team.
PLURALS: dict[str, tuple[str, ...]] = {
    "NED": ("Nederlanders",),
    "NOR": ("Noren", "Norwegians"),
    "JPN": ("Japanners",),
    "CAN": ("Canadezen", "Canadians"),
    "USA": ("Amerikanen", "Americans"),
    "CHN": ("Chinezen",),
    "KOR": ("Zuid-Koreanen", "Koreanen", "South Koreans", "Koreans"),
    "ITA": ("Italianen", "Italians"),
    "GER": ("Duitsers", "Germans"),
    "POL": ("Poles",),
    "CZE": ("Tsjechen", "Czechs"),
    "BEL": ("Belgen", "Belgians"),
    "FRA": ("Fransen",),
    "SWE": ("Swedes",),
    "KAZ": ("Kazachen",),
    "AUT": ("Oostenrijkers", "Austrians"),
    "SUI": ("Zwitsers",),
    "LAT": ("Letten", "Latvians"),
    "EST": ("Esten", "Estonians"),
    "HUN": ("Hongaren", "Hungarians"),
    "FIN": ("Finnen", "Finns"),
    "RUS": ("Russen", "Russians"),
    "GBR": ("Britten", "Britons"),
}
TEAM_NOUNS = (
    r"(?:team|ploeg|vrouwenploeg|mannenploeg|herenploeg|damesploeg|trio|squad|women|men|"
    r"junioren|juniors|vrouwen|mannen|dames|heren|selectie|formatie|kwartet|quartet|"
    # "De Nederlandse schaatssters hebben de ploegenachtervolging gewonnen". (Not the plain
    # "schaatsers": Dutch uses it for any skaters of a country, as in a tally of its titles.)
    r"schaatssters|rijdsters)"
)


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    code: str
    name: str  # English name


def _automaton() -> tuple[ahocorasick.Automaton, frozenset[str]]:
    """Country names and team adjectives in one Aho-Corasick automaton: one pass over the
    text, however many names there are (a regex alternation of them cost ~1 ms per KB)."""
    automaton = ahocorasick.Automaton()
    adjectives = set()
    for code, (_name, names, adjective_forms) in COUNTRIES.items():
        for name in (*names, *PLURALS.get(code, ())):
            automaton.add_word(name, (code, name))
        for adjective in adjective_forms:
            automaton.add_word(adjective, (code, adjective))
            adjectives.add(adjective)
    automaton.make_automaton()
    return automaton, frozenset(adjectives)


AUTOMATON, ADJECTIVES = _automaton()
TEAM_NOUN_AFTER = re.compile(rf" {TEAM_NOUNS}\b")


def _is_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-_") and not (after.isalnum() or after == "_")


def find_countries(text: str) -> list[CountryMention]:
    found: dict[int, CountryMention] = {}
    for last, (code, word) in AUTOMATON.iter(text):
        start, end = last - len(word) + 1, last + 1
        if not _is_word(text, start, end):
            continue
        if word in ADJECTIVES and not TEAM_NOUN_AFTER.match(text, end):
            continue
        known = found.get(start)
        if known is None or known.end < end:  # the longest name at a position wins
            found[start] = CountryMention(start, end, code, COUNTRIES[code][0])
    mentions = sorted(found.values(), key=lambda m: m.start)
    # Drop names inside longer ones ("Korea" within "Zuid-Korea").
    kept: list[CountryMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
