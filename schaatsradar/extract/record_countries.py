"""A country never holds the record of an individual distance: the skater it was named with does.

"Brittany Bowe of the United States, whose world record of 1:11.61 ...", "erasing the 36.36 of
South Korea's Lee Sang-hwa": the country is the nearest name to the record word, but a 1000m or
500m record is a person's (issue 11, class 5: a country is never a skater in an individual
race). The holder is the one skater the sentence ties to that country ("X of <country>",
"<country>'s X"); without exactly one such skater the record keeps no holder rather than a wrong
one. Team records (team pursuit, team sprint, relay) stay the country's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.extract.names import NameMention
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import TEAM_DISTANCES, Record

__all__ = ["person_for_country"]

# English name -> the written forms of the country ("the United States", "the U.S.", "USA").
_FORMS = {name: tuple(dict.fromkeys((name, *forms))) for name, forms, _adj in COUNTRIES.values()}
_REACH = 40  # characters between a skater and the country named with them


def person_for_country(
    text: str,
    records: Sequence[Record],
    sentences: Sequence[Sentence],
    names: Sequence[NameMention],
) -> list[Record]:
    """`records`, with a country holding an individual distance's record replaced by the one
    skater its sentence names with that country (or by no holder)."""
    return [_person(text, r, sentences, names) for r in records]


def _person(
    text: str, record: Record, sentences: Sequence[Sentence], names: Sequence[NameMention]
) -> Record:
    forms = _FORMS.get(record.athlete or "")
    if not forms or record.distance is None or record.distance in TEAM_DISTANCES:
        return record
    sentence = next(
        (s for s in sentences if s.start <= record.evidence.start < s.end),
        None,
    )
    if sentence is None:
        return replace(record, athlete=None)
    country = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    of_country = re.compile(rf",?\s(?:of|from|uit|van)\s(?:the\s|de\s)?(?:{country})\b")
    countrys = re.compile(rf"\b(?:{country})['’]s?\s$")
    found = {
        n.skater.name
        for n in names
        if sentence.start <= n.start < sentence.end
        and (
            of_country.match(text, n.end, min(sentence.end, n.end + _REACH))
            or countrys.search(text, max(sentence.start, n.start - _REACH), n.start)
        )
    }
    if len(found) == 1:
        person = found.pop()
        return replace(record, athlete=person)
    return replace(record, athlete=None)
