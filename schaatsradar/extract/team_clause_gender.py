"""A team's field when its sentence names both: the one named in the team's own clause.

Why: "Nederland won de ploegenachtervolging bij de vrouwen, de mannen werden tweede." names
the women and the men; the sentence's field is read as the last one named, which made the
women's win a men's (issue 11, teams and gender). With both fields in the sentence, the
team's field is the one its own clause names; with none or both there, it stays unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from schaatsradar.extract.context import GENDERS
from schaatsradar.extract.context_cues import ContextMention
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import Gender, Result

__all__ = ["clause_gender"]

_CLAUSE_MARK = re.compile(r"[,;:]|\b(?:maar|but|while|terwijl|whereas)\b", re.IGNORECASE)


def clause_gender(
    text: str, sentence: Sentence, said: Sequence[ContextMention], result: Result
) -> Gender | None:
    """The one field named in the clause of the result's evidence, else None."""
    # Within a bounded stretch each way: a hostile sentence of many teams stays linear.
    opened = max(sentence.start, result.evidence.start - 200)
    for mark in _CLAUSE_MARK.finditer(text, opened, result.evidence.start):
        opened = mark.end()
    last = min(sentence.end, result.evidence.end + 200)
    closed = _CLAUSE_MARK.search(text, result.evidence.end, last)
    end = closed.start() if closed is not None else last
    fields = {GENDERS[m.value] for m in said if opened <= m.start and m.end <= end}
    return fields.pop() if len(fields) == 1 else None
