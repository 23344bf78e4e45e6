"""Results a day in their own sentence dates to an earlier season: "Op 29 december 2013 won
Wüst de 1500 meter in 1.53,31" is a result of that day's meet, not of the meet being reported.

Why a module of its own: `editions` dates places and times by the look-back words and years
around them; this is a step `extract()` runs over a sentence's finished results, by the days
the sentence names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract import flow, patterns
from schaatsradar.extract.days import outside_report
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import Result

# "Zij klokte 36,36 op 16 november 2013": a day right after the time dates it as well.
_DAY_RIGHT_AFTER = re.compile(r"[\s,]*(?:(?:op|on|in)\s+)?$", re.IGNORECASE)


def dated_history(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    results: Sequence[Result],
    article_date: dt.date | None,
) -> list[Result]:
    """ "Op 29 december 2013 won Wüst de 1500 meter in 1.53,31": a result its own clause dates
    to an earlier season is that season's (`earlier`, its year and that day), not the reported
    meet's: its meet and rink are only those its own sentence names (`own_clause` reads them),
    never the story's. A "maar nu" between the day and the result ends the look back."""
    if article_date is None or not results:
        return list(results)
    days = [
        (m.start, day)
        for m in inside(mentions.context, sentence)
        if m.kind == "day"
        and (day := patterns.resolve_day(m.value, article_date)) is not None
        and day < article_date
        and outside_report(day, article_date)
    ]
    if not days:
        return list(results)
    dated = []
    for result in results:
        framing = [
            (start, day)
            for start, day in days
            if start < result.evidence.end
            or _DAY_RIGHT_AFTER.match(text, result.evidence.end, start)
        ]
        if result.earlier or not framing:
            dated.append(result)
            continue
        start, day = framing[-1]
        if flow.now_between(text, start, result.evidence.start):
            dated.append(result)
            continue
        dated.append(
            replace(
                result,
                earlier=True,
                year=day.year,
                race_date=day,
                competition=None,
                format_guessed=False,
                venue=None,
            )
        )
    return dated
