"""Countries as the press names them, for team results ("Japan won de ploegenachtervolging",
"the Netherlands came in second", "het Nederlandse team"). A team result's athlete is the
country's English name, as the contract asks."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
}
TEAM_NOUNS = r"(?:team|ploeg|vrouwenploeg|mannenploeg|herenploeg|damesploeg|trio|squad|women|men)"


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    code: str
    name: str  # English name


def _pattern() -> re.Pattern[str]:
    alternatives = []
    for code, (_name, names, adjectives) in COUNTRIES.items():
        for name in sorted(names, key=len, reverse=True):
            alternatives.append(rf"(?P<{code}_n{len(alternatives)}>{re.escape(name)})\b")
        for adjective in adjectives:
            alternatives.append(
                rf"(?:het |de |the )?(?P<{code}_a{len(alternatives)}>{re.escape(adjective)})"
                rf"(?= {TEAM_NOUNS}\b)"
            )
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + ")")


COUNTRY = _pattern()


def find_countries(text: str) -> list[CountryMention]:
    mentions = []
    for match in COUNTRY.finditer(text):
        group = match.lastgroup or ""
        code = group.split("_", 1)[0]
        mentions.append(CountryMention(match.start(), match.end(), code, COUNTRIES[code][0]))
    return mentions
