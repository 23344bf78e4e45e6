"""A distance named in a clause about what could or would have been moves no story.

Why: "Op de 1500 meter had ze kunnen winnen. Marijke Groenewoud werd tweede." The first
sentence names a race only to say what did not happen; carried on, its distance gave the
next sentence's place to the 1500 meter (issue 11, precision). Nor can the race the story was
in before be trusted for what follows: the writer has turned to another race without telling
it. So after such a sentence the story is in no race until a distance is named again (a place
that names none is dropped, not guessed).
"""

from __future__ import annotations

import re

from schaatsradar.extract.context import Context
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.sentences import Sentence

__all__ = ["hypothetical_race"]


# The Dutch pluperfect or conditional of a modal ("had ze kunnen winnen", "zou hij hebben
# gewonnen", "was goed geweest voor"), the English conditional perfect ("could have won",
# "would've been"), and a condition ("als ze niet was gevallen", "if she had not fallen").
HYPOTHETICAL = re.compile(
    r"\b(?:had|hadden)\b(?:\s+[\w'’-]+){0,5}?\s+(?:kunnen|moeten|mogen|gekund|gemoeten)\b|"
    r"\b(?:zou|zouden)\b(?:\s+[\w'’-]+){0,5}?\s+(?:kunnen|moeten|hebben|zijn|geweest|gehad)\b|"
    r"\b(?:was|waren)\b(?:\s+[\w'’-]+){0,4}?\s+geweest\s+(?:voor|for)\b|"
    r"\b(?:could|would|might|should)(?:\s+have|['’]ve)\b|"
    r"\b(?:als|indien|if)\s+(?:ze|zij|hij|he|she|they|zij)\b(?:\s+[\w'’-]+){0,4}?\s+"
    r"(?:was|waren|had|hadden)\b",
    re.IGNORECASE,
)
_CLAUSE_MARK = re.compile(r"[,;:]")
_WINDOW = 200


def _clause(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The stretch between the clause marks around `start`..`end` in the sentence."""
    # Within a bounded stretch each way: a hostile sentence of many distances stays linear.
    opened = max(sentence.start, start - _WINDOW)
    for mark in _CLAUSE_MARK.finditer(text, opened, start):
        opened = mark.end()
    last = min(sentence.end, end + _WINDOW)
    closed = _CLAUSE_MARK.search(text, end, last)
    return opened, closed.start() if closed is not None else last


def hypothetical_race(
    text: str, sentence: Sentence, mentions: Mentions, context: Context
) -> Context:
    """The context with no race when every distance the sentence names stands in a clause
    about what could or would have been."""
    distances = inside(mentions.distances, sentence)
    if not distances or context.distance is None:
        return context
    for distance in distances:
        start, end = _clause(text, sentence, distance.start, distance.end)
        if not HYPOTHETICAL.search(text, start, end):
            return context
    cleared = context.copy()
    cleared.distance = None
    return cleared
