"""The subject after its verb: Dutch word order after a fronted adverbial or a conjunction.

Why: a Dutch main clause that opens with anything but its subject puts the finite verb second
and the subject right after it: "Zaterdag won ze de 1500 meter, en eerder op de dag won Femke
Kok de 500 meter." The win of the second clause is Femke Kok's; the nearest-name-before rule
would give it to "ze", the subject of the clause before (issue 11, precision). The reading
applies only when the clause of the verb (from the last comma, semicolon or conjunction) names
no subject of its own before the verb, and a name follows the verb at once: a win verb takes a
race, never a person, as its object, so a name there is its subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from schaatsradar.extract.context import Entity
from schaatsradar.extract.ranks import RankMention
from schaatsradar.extract.sentences import Sentence

__all__ = ["inverted_subject"]


# Finite verbs of winning whose subject may follow them (Dutch only: English keeps its subject
# before the verb, and "won" there may take a person's gold as object).
INVERTING_VERBS = frozenset(
    {"won", "wint", "wonnen", "winnen", "zegevierde", "zegevierden", "zegeviert", "triomfeerde"}
)

# Where the clause of a verb opens: a comma, semicolon or colon, or a coordinating conjunction.
CLAUSE_OPENING = re.compile(r"[,;:]|\b(?:en|maar|want|of|dus)\b", re.IGNORECASE)

WINDOW = 200

# Between the verb and its subject: nothing but a space (a modal adverb would be "won ook Kok",
# too rare to be worth the risk of reading an object as the subject).
RIGHT_AFTER = re.compile(r"\s{1,3}")

# An English clause around the verb: "won" there keeps its subject before it.
ENGLISH = re.compile(r"\b(?:the|and|on|with|after|before|has)\b", re.IGNORECASE)


def inverted_subject(
    text: str, sentence: Sentence, entities: Sequence[Entity], cue: RankMention
) -> Entity | None:
    """The name right after a win verb whose own clause has no subject before it, if any."""
    if cue.cue.casefold() not in INVERTING_VERBS:
        return None
    after = next((e for e in entities if e.start >= cue.end), None)
    if after is None or after.governed or not RIGHT_AFTER.fullmatch(text, cue.end, after.start):
        return None
    # A clause's opening is looked for in the stretch just before the verb only: a hostile
    # sentence of many win verbs stays linear (a longer clause counts as having a subject).
    opened = max(sentence.start, cue.start - WINDOW)
    for mark in CLAUSE_OPENING.finditer(text, opened, cue.start):
        opened = mark.end()
    if ENGLISH.search(text, opened, cue.start):
        return None
    if any(e.start >= opened and e.end <= cue.start and not e.governed for e in entities):
        return None  # "Kok won Leerdam ..." has its subject before the verb
    return after
