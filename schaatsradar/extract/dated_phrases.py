"""Times dated by a phrase of their own or by the next sentence's "die tijd": "her 1:13.76
from December 2021", "zijn 6.01,56 uit 2021", "De Zweed reed die tijd op 3 december 2021",
"That time came in 2019".

Why a step of its own: `dated_history` dates a result by a day its own sentence names before
it; these words stand right after the time, or in the sentence after it pointing back at "that
time". A year before the article's makes the result one of that year (`earlier`), never a
result of the meet being reported, whose competition and rink it then does not share.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.lexicon import MONTHS
from schaatsradar.extract.record_view import neighbour
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import Result

__all__ = ["dated_by_phrase"]

_MONTH = "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
_YEAR = r"((?:19|20)\d\d)\b"
# Right after the time: "from December 2021", "uit 2021", "of 2019", "van november 2019".
OWN_PHRASE = re.compile(
    rf"\)?\s(?:from|uit|van|of|dating\sfrom)\s(?:(?:\d{{1,2}}\s)?(?:{_MONTH})\s)?{_YEAR}",
    re.IGNORECASE,
)
# The next sentence pointing back: "De Zweed reed die tijd op 3 december 2021", "Hij zette die
# tijd in 2019 neer", "That time came in 2019", "She set that mark in March 2019".
ANAPHORA = re.compile(
    r"[^.;]{0,50}?\b(?:die|deze|dat|that|this|the)\s(?:tijd|time|mark|toptijd|recordtijd)\s"
    rf"[^.;]{{0,40}}?\b{_YEAR}",
    re.IGNORECASE,
)

LATER_TIME = re.compile(r"\d[.,:]\d\d")


def dated_by_phrase(
    text: str, sentence: Sentence, results: Sequence[Result], article_date: dt.date | None
) -> list[Result]:
    """The results of a sentence with each time a phrase dates to an earlier year made that
    year's (`earlier`, its year; no competition or rink of the reported meet)."""
    if article_date is None or not results:
        return list(results)
    out = []
    # "die tijd" points at the sentence's last time: the last result's, when no other time
    # (an old mark, a rival's) follows it.
    last = max((r.evidence.end for r in results), default=None)
    nxt = neighbour(text, sentence, 1)
    anaphora = ANAPHORA.match(text, nxt.start, nxt.end) if nxt is not None else None
    for result in results:
        year = None
        own = OWN_PHRASE.match(text, result.evidence.end, sentence.end)
        if own is not None:
            year = int(own.group(1))
        elif (
            anaphora is not None
            and result.evidence.end == last
            and not LATER_TIME.search(text, result.evidence.end, sentence.end)
        ):
            year = int(anaphora.group(1))
        if result.earlier or year is None or year >= article_date.year:
            out.append(result)
            continue
        out.append(
            replace(
                result,
                earlier=True,
                year=year,
                race_date=None,
                competition=None,
                format_guessed=False,
                venue=None,
            )
        )
    return out
