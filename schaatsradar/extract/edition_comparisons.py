"""The earlier results a comparison implies: "Nuis won de 1500 meter, net als Gianni Romme in
2000" gives Romme that win of 2000; "Kok won de 500 meter, net als in 2024" gives Kok her own
win of 2024 too.

Why a module of its own: `editions` dates the places and times a sentence states; these are
results no place or time in the sentence states, copied from one it does into the edition the
comparison names (`editions._in_edition`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.context import Context, Entity
from schaatsradar.extract.editions import _in_edition
from schaatsradar.extract.mentions import text_before
from schaatsradar.extract.scanning import blind, gate
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import Result, Span

# "net als Gianni Romme in 2000", "like Eric Heiden in 1980": another skater did the same in
# that year. "the first since Jeremy Wotherspoon in 2008": the last one who won it.
LIKE_BEFORE = re.compile(r"\b(?:net\s+als|zoals|evenals|like|just\s+as)\s+(?:\w+\s+){0,2}$", re.I)
SINCE_BEFORE = re.compile(r"\b(?:sinds|since)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
FIRST_BEFORE = re.compile(
    r"\b(?:eerste|first|jongste|youngest|oudste|oldest|enige|only)\b", re.IGNORECASE
)
TITLE_WORD = re.compile(r"(?:kampioen|kampioene|champion|titel|title|goud|gold)\w*$", re.I)
YEAR_RIGHT_AFTER = re.compile(r"\s*(?:\(|,\s*)?(?:in|at|bij)?\s*((?:19|20)\d\d)\b")


def _like_before(
    text: str, sentence: Sentence, entities: Sequence[Entity], results: Sequence[Result]
) -> list[Result]:
    """The earlier result a comparison names: "Nuis won de 1500 meter, net als Gianni Romme
    in 2000" gives Romme the 1500 m win of 2000; "de eerste Amerikaan sinds Eric Heiden in
    1979" gives Heiden that title in 1979. Only with a year, and never for this meet."""
    found: list[Result] = []
    for entity in entities:
        if entity.team or entity.ranks or entity.times:
            continue
        year = YEAR_RIGHT_AFTER.match(text, entity.end, sentence.end)
        before = text_before(text, sentence, entity.start)
        if year is None:
            continue
        since = SINCE_BEFORE.search(before)
        like = LIKE_BEFORE.search(before)
        if since is None and like is None:
            continue
        ranked = [r for r in results if r.rank is not None and r.athlete != entity.name]
        ahead = [r for r in ranked if not r.earlier and r.evidence.start < entity.start]
        if like is not None and not ahead:
            # "Net als Schouten in 2022 won ze dat jaar ook de 5000 meter": the comparison
            # opens the sentence; the fact it compares with follows.
            ahead = [r for r in ranked if r.evidence.start > entity.start][:1]
        if not ahead:
            continue
        model = ahead[-1]
        if since is not None and (
            model.rank != 1
            or not FIRST_BEFORE.search(text, sentence.start, entity.start)
            or not TITLE_WORD.search(model.evidence.text)
        ):
            continue
        copy = replace(
            model,
            competition=TRAILING_YEAR.sub("", model.competition or "") or None,
            athlete=entity.name,
            country=entity.country,
            gender=entity.gender or model.gender,
            seconds=None,
            margin=None,
            evidence=Span(entity.start, year.end(), text[entity.start : year.end()]),
        )
        found.append(_in_edition(copy, year.group(1)))
    return found


# "Kok won de 500 meter, net als in 2024", "Stolz won again, as he did last year": the
# skater's own result of that earlier year too.
SAME_AS_THEN = blind(
    r"\b(?:net\s+als|zoals|evenals|like|just\s+as|as)\s+(?:(?:he|she|they)\s+did\s+)?"
    r"(?:in\s+((?:19|20)\d\d)|(vorig\s+jaar|last\s+year|a\s+year\s+ago|een\s+jaar\s+geleden))"
    r"\b(?!\s*[,;]?\s*(?:toen|when))"
)
# Every match names the year or "vorig jaar", "last year", "a year ago": a sentence with none
# of these is turned away by substring tests (most sentences hold an "as" or an "als").
_SAME_AS_THEN_GATE = gate(SAME_AS_THEN, "19 20 vorig year jaar")


def _same_as_then(
    text: str, sentence: Sentence, results: Sequence[Result], context: Context
) -> list[Result]:
    found: list[Result] = []
    if not _SAME_AS_THEN_GATE.open(text, sentence.start, sentence.end):
        return found
    for then in SAME_AS_THEN.finditer(text, sentence.start, sentence.end):
        before = [
            r
            for r in results
            if not r.earlier and r.rank is not None and r.evidence.end <= then.start()
        ]
        if not before or "\n" in text[before[-1].evidence.end : then.start()]:
            continue
        if then.group(1):
            year = int(then.group(1))
        elif context.article_year is not None:
            year = context.article_year - 1
        else:
            continue
        if context.article_year is not None and year >= context.article_year:
            continue
        model = before[-1]
        copy = replace(model, seconds=None, margin=None)
        found.append(_in_edition(copy, str(year)))
    return found


TRAILING_YEAR = re.compile(r"\s*(?:19|20)\d\d$")
