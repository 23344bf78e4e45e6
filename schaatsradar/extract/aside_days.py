"""A day named inside a relative clause dates the clause's race, not the sentence's.

Why: "Kim, who finished second in the 500m on Friday, won the 1000m on Saturday" tells two
races on two days. The story's day is read per sentence, the last day named winning, so the
aside's Friday place was dated Saturday; and with no main-clause day ("Kim, who was second on
Friday, won the 1000m") the main clause's win took the aside's Friday (issue 11, precision).
A day inside a clause hung on a name (", who/die ... ,") dates only the results that clause
states; the main clause keeps the day of its own words, else the day the story was on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.context import Context
from schaatsradar.extract.days import FINAL_DAY, outside_report, story_day
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.shapes import relative_clause
from schaatsradar.extract.types import HasSpan, Result

__all__ = ["aside_dated", "aside_day_context"]

Clause = tuple[int, int]


def _clauses(text: str, sentence: Sentence, mentions: Mentions) -> list[Clause]:
    """The relative clauses hung on a name or country of the sentence."""
    heads: list[HasSpan] = [
        *inside(mentions.names, sentence),
        *inside(mentions.countries, sentence),
    ]
    spans = (relative_clause(text, sentence, head) for head in heads)
    return sorted({span for span in spans if span is not None})


def _day(
    text: str, pos: int, value: str, current: dt.date | None, article_date: dt.date
) -> dt.date | None:
    day = story_day(text, pos, value, current, article_date)
    return None if day is None or outside_report(day, article_date) else day


def _aside_days(
    text: str, sentence: Sentence, mentions: Mentions, carried: Context, article_date: dt.date
) -> tuple[list[tuple[Clause, dt.date]], dt.date | None] | None:
    """The days of the sentence's clauses and the main clause's day; None when no clause
    names a day (nothing to change)."""
    days = [
        m for m in inside(mentions.context, sentence) if m.kind == "day" and m.value != FINAL_DAY
    ]
    # Gated: most sentences name no day, and then no clause can date anything; the clauses
    # (a pattern per name and country) are looked for only in a sentence that names one.
    if not days:
        return None
    clauses = _clauses(text, sentence, mentions)
    if not clauses:
        return None
    dated: list[tuple[Clause, dt.date]] = []
    main = carried.day
    for mention in days:
        clause = next((c for c in clauses if c[0] <= mention.start < c[1]), None)
        if clause is None:
            main = _day(text, mention.start, mention.value, main, article_date) or main
            continue
        day = _day(text, mention.start, mention.value, carried.day, article_date)
        if day is not None:
            dated.append((clause, day))
    return (dated, main) if dated else None


def aside_day_context(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    carried: Context,
    context: Context,
    article_date: dt.date | None,
) -> Context:
    """The sentence's context with the story's day read from its main clause only."""
    if article_date is None:
        return context
    found = _aside_days(text, sentence, mentions, carried, article_date)
    if found is None or found[1] == context.day:
        return context
    fixed = context.copy()
    fixed.day = found[1]
    return fixed


def aside_dated(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    carried: Context,
    results: Sequence[Result],
    article_date: dt.date | None,
) -> list[Result]:
    """The results a dated relative clause states, dated at its day (the rest unchanged)."""
    if article_date is None:
        return list(results)
    found = _aside_days(text, sentence, mentions, carried, article_date)
    if found is None:
        return list(results)
    dated: list[Result] = []
    for result in results:
        anchor = result.evidence.end - 1
        day = next((d for (start, end), d in found[0] if start <= anchor < end), None)
        if day is not None and not result.earlier and result.race_date != day:
            result = replace(result, race_date=day, meet_day=None)
        dated.append(result)
    return dated
