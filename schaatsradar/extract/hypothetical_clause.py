"""Clauses about what could or would have been ("zou goed zijn geweest voor zilver op het
WK", "had ze kunnen winnen", "could have won"): what they name did not happen, so they set no
race and no meet (see `hypothetical_race`)."""

from __future__ import annotations

import re

from schaatsradar.extract.sentences import Sentence

__all__ = ["HYPOTHETICAL", "clause_around", "in_hypothetical_clause", "in_unheld_meet_clause"]


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


def clause_around(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The stretch between the clause marks around `start`..`end` in the sentence."""
    # Within a bounded stretch each way: a hostile sentence of many distances stays linear.
    opened = max(sentence.start, start - _WINDOW)
    for mark in _CLAUSE_MARK.finditer(text, opened, start):
        opened = mark.end()
    last = min(sentence.end, end + _WINDOW)
    closed = _CLAUSE_MARK.search(text, end, last)
    return opened, closed.start() if closed is not None else last


def in_hypothetical_clause(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """Whether the span stands in a clause about what could or would have been."""
    opened, closed = clause_around(text, sentence, start, end)
    return HYPOTHETICAL.search(text, opened, closed) is not None


# A meet looked ahead to: "om zich voor te bereiden op de Olympische Spelen", "met het oog op
# het WK", "richting de Spelen", "op weg naar Milaan". It has not been skated.
AIMED_AT = re.compile(
    r"\bom\b(?:\s+[\w'’-]+){0,6}?\s+te\s+\w+|\b(?:voor\s+te\s+bereiden|voorbereiding|"
    r"ter\s+voorbereiding|met\s+het\s+oog\s+op|richting|op\s+weg\s+naar|in\s+aanloop\s+naar|"
    r"ahead\s+of|in\s+preparation\s+for|to\s+prepare\s+for|build-up\s+to)\b",
    re.IGNORECASE,
)


def in_unheld_meet_clause(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """Whether a meet named at `start`..`end` stands in a clause about what would have been
    or what is still ahead: not the meet the sentence reports."""
    opened, closed = clause_around(text, sentence, start, end)
    return (
        HYPOTHETICAL.search(text, opened, closed) is not None
        or AIMED_AT.search(text, opened, start) is not None
    )
