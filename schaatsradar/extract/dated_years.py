"""The year a sentence dates a place to (issue 11, class 3: history inside news).

Why: "werd in 2019 wereldkampioen", "In 2022 won Schouten", "kroonde zich in 2015 en 2019 tot
kampioen", "Ze won dat jaar ook de 5000 meter", "Op dat toernooi won ze ook brons": each is a
result of that year's meet, never of the meet being reported. Kept apart from flow.py (what
takes a place back) because dating is its own question.
"""

from __future__ import annotations

import functools
import re

from schaatsradar.extract.flow import clause_before, now_between
from schaatsradar.extract.lexicon import MONTHS
from schaatsradar.extract.scanning import blind, gate

__all__ = ["year_before", "year_referred_back", "years_listed_before"]


# A year the clause dates a place to: "werd in 2019 wereldkampioen", "In 2022 won Schouten",
# "in 2013 won hij de titel". Not "sinds 2019" (a span up to now).
# Not an attributive participle: "de in 2004 geboren Stolz", "haar in 2019 gereden record".
# "in maart 2024", "in March 2024": a month may stand between.
_MONTH = "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
_YEAR_IN = re.compile(
    rf"\b(?:in|at|bij|during|tijdens)\s+(?:(?:{_MONTH})\s+)?((?:19|20)\d\d)\b(?![-/.]\d)"
    r"(?!\s+(?:ge\w+(?:de|te|en)|born|built|opened|set)\b)",
    re.IGNORECASE,
)
_SINCE_BEFORE = re.compile(r"\b(?:sinds|since|tot|until|voor|before)\s+$", re.IGNORECASE)
# A sentence that opens on a time adverbial ("Four years ago, Stolz won ...", "In 2018,
# ...") dates its first clause, even past the comma after the adverbial.
_OPENING_YEAR = re.compile(r"\s*(?:in|at)\s+((?:19|20)\d\d)\b\s*,?", re.IGNORECASE)


_OTHERS_YEAR = re.compile(
    r"\b(?:net\s+als|zoals|evenals|like|just\s+as|sinds|since)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=2048)
def year_before(text: str, sentence_start: int, start: int) -> int | None:
    """The year the clause before a place at `start` dates it to, if it names one. Cached:
    the result reader asks it for every reading of a place and of a time (about three times
    each), and it depends on nothing but the text and the two positions."""
    before = clause_before(text, sentence_start, start)
    # "Net als Irene Schouten in 2022 won ze": the year is the other skater's. (A year is
    # written 19xx or 20xx: a clause without either is not scanned.)
    years = [
        m.group(1)
        for m in (_YEAR_IN.finditer(before) if "19" in before or "20" in before else ())
        if not _OTHERS_YEAR.search(before, 0, m.start())
    ]
    if years:
        return int(years[-1])
    opening = _OPENING_YEAR.match(text, sentence_start)
    # Only the first clause after the adverbial: "In 2018 won X; now she ..." stops.
    if (
        opening is not None
        and opening.end() <= start
        and not now_between(text, opening.end(), start)
    ):
        return int(opening.group(1))
    return None


_YEAR_LIST = re.compile(
    r"\b(?:in|at|bij)\s+((?:19|20)\d\d(?:\s*(?:,|en|and|&)\s*(?:in\s+)?(?:19|20)\d\d)*)\b"
)


def years_listed_before(text: str, sentence_start: int, year: int, start: int) -> list[int]:
    """Every year of the list the dating year ends ("in 2015 en 2019"): one result each."""
    before = clause_before(text, sentence_start, start)
    for listed in reversed(_YEAR_LIST.findall(before)):
        years = [int(y) for y in re.findall(r"(?:19|20)\d\d", listed)]
        if year in years:
            return years
    return [year]


# "Beune werd in 2024 wereldkampioen. Ze won dat jaar ook de 5000 meter": a sentence that
# points back at the year the one before it named.
_THAT_YEAR = blind(
    r"\b(?:dat\s+jaar|datzelfde\s+jaar|hetzelfde\s+jaar|dat\s+seizoen|destijds|that\s+year|"
    r"the\s+same\s+year|that\s+season|back\s+then|at\s+the\s+time|"
    # "Op dat toernooi won ze ook brons", "at that meet": the meet the sentence before named.
    r"(?:dat|datzelfde|hetzelfde)\s+toernooi|die\s+(?:wk|ek|spelen|kampioenschappen|editie)|"
    r"(?:that|the\s+same)\s+(?:tournament|meet|championships?|edition)|those\s+games)\b"
)
_THAT_YEAR_GATE = gate(
    _THAT_YEAR,
    "jaar seizoen destijds year season then time toernooi wk ek spelen kampioenschappen "
    "editie tournament meet championship edition games",
)
_PREVIOUS_SENTENCE_END = re.compile(r"[.!?]\s+(?=\S)")


@functools.lru_cache(maxsize=1024)
def year_referred_back(
    text: str, sentence_start: int, sentence_end: int, article_year: int | None = None
) -> int | None:
    """The year a "dat jaar" / "that year" / "op dat toernooi" in this sentence refers to: the
    last year the previous sentence dated something to ("in 2019"; "vorig jaar", "twee jaar
    geleden" counted back from the article's year). Cached: asked for each place and time of
    a sentence, and it depends only on the text, the sentence and the year."""
    later = (
        _YEARS_LATER.search(text, sentence_start, sentence_end)
        if "late" in text[sentence_start:sentence_end]
        or "daarna" in text[sentence_start:sentence_end]
        else None
    )
    if later is None and not (
        _THAT_YEAR_GATE.open(text, sentence_start, sentence_end)
        and _THAT_YEAR.search(text, sentence_start, sentence_end)
    ):
        return None
    window = text[max(0, sentence_start - 400) : sentence_start]
    ends = [m.end() for m in _PREVIOUS_SENTENCE_END.finditer(window.rstrip())]
    previous = window[ends[-1] :] if ends else window
    years = _YEAR_IN.findall(previous)
    if later is not None:
        # "Bergsma werd in 2014 olympisch kampioen. Vier jaar later won hij zilver": counted
        # on from the year the sentence before named, and only from a named year.
        count = (later.group(1) or "een").casefold()
        step = int(count) if count.isdigit() else _COUNTS.get(count, 1 if count in _ONE else 0)
        return int(years[-1]) + step if years and step else None
    if years:
        return int(years[-1])
    ago = _YEARS_AGO.search(previous)
    if ago is None or article_year is None:
        return None
    count = ago.group(1).casefold() if ago.group(1) else "1"
    back = int(count) if count.isdigit() else _COUNTS.get(count)
    return article_year - back if back else None


# "vorig jaar", "last year", "twee jaar geleden", "four years ago".
_YEARS_AGO = re.compile(
    r"\b(?:vorig\s+jaar|last\s+year|a\s+year\s+ago|een\s+jaar\s+geleden|"
    r"(\w+)\s+(?:jaar|years)\s+(?:geleden|ago))\b",
    re.IGNORECASE,
)
# "vier jaar later", "two years later", "een jaar daarna": a year counted on from one named.
_YEARS_LATER = re.compile(
    r"\b(?:(\w+)\s+(?:jaar|years?)|(?:een|a)\s+(?:jaar|year))\s+(?:later|daarna|erna|"
    r"afterwards|on)\b",
    re.IGNORECASE,
)
_ONE = {"een", "één", "a", "one"}
_COUNTS = {"twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5}
