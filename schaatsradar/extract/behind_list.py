"""The two skaters a third place is said to finish behind (issue 11, recall: a rank phrasing).

Why: "Kok werd derde achter Jackson en Leerdam", "Dubreuil finished third behind Stolz and De
Boo": the two named, in that order, are first and second. Only that exact shape: a third place,
"achter"/"behind", and exactly two names joined by "en"/"and" or a comma (with at most a
country in between, "Stolz of the United States"). One name behind a third place ("derde
achter Jackson") says not whether Jackson won or was second, so it gives no place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from schaatsradar.extract import patterns
from schaatsradar.extract.context import Entity
from schaatsradar.extract.sentences import Sentence

__all__ = ["infer_behind_third"]

_BEHIND = re.compile(r"\b(?:achter|behind)\s+$", re.IGNORECASE)
# What may stand between the two names, and after the second: a country aside.
_ASIDE = r"(?:\s+(?:of|from|uit)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|\s*\([^()]{1,30}\))?"
_JOIN = re.compile(_ASIDE + r"(?:\s*,\s*|\s+(?:en|and)\s+)")
# After the second name the clause ends or goes on with the race ("op de 500 meter", "in
# Calgary"): not a verb of its own ("en Leerdam reed een persoonlijk record").
_END = re.compile(
    _ASIDE + r"\s*(?:[.,;:!?)]|$|\s(?:op|in|bij|at|on|tijdens|during|zaterdag|zondag|"
    r"vrijdag|saturday|sunday|friday)\b)"
)
_THIRD_JOIN = re.compile(_ASIDE + r"(?:\s*,\s*|\s+(?:en|and)\s+)[A-Z]")


def infer_behind_third(text: str, sentence: Sentence, entities: Sequence[Entity]) -> None:
    """Give the two skaters named right after "achter"/"behind" a third place's first and
    second place (in `entities`' rank lists, as the other inferences do)."""
    thirds = [e for e in entities if e.ranks and {r.rank for r in e.ranks} == {3}]
    if len(thirds) != 1:
        return
    third = thirds[0]
    after = sorted((e for e in entities if e.start >= third.end), key=lambda e: e.start)
    if len(after) < 2:
        return
    first, second = after[0], after[1]
    if first.ranks or second.ranks or first.team or second.team:
        return
    if not _BEHIND.search(text, max(sentence.start, first.start - 40), first.start):
        return
    if not _JOIN.fullmatch(text, first.end, second.start):
        return
    if _THIRD_JOIN.match(text, second.end) or not _END.match(text, second.end):
        return  # "achter A, B en C": more than two named, the order says less
    first.ranks.append(patterns.RankMention(first.start, first.end, 1, "behind"))
    second.ranks.append(patterns.RankMention(second.start, second.end, 2, "behind"))
