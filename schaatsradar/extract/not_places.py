"""Rank words that are no place in the race being reported: a place in a round before the
final ("won daarna de B-finale", "won her semifinal"), and a place among all times ever
("the fourth-fastest time ever", "de derde snelste tijd ooit op laaglandijs").

Why: short-track reports tell every round, and record stories rank times across history;
read as places, both put a wrong result on a skater's page.
"""

from __future__ import annotations

import re

from schaatsradar.extract import patterns
from schaatsradar.extract.sentences import Sentence

__all__ = ["all_time", "in_a_round"]

# The rounds before a final (short track, mass-start heats): a place or a win in one is no
# place in the race. "won daarna de B-finale", "won her semifinal", "in de halve finale werd
# ze tweede". The last round named before a place is the one it is about.
_ROUND = (
    r"(?:halve[\s-]?finales?|kwart[\s-]?finales?|achtste[\s-]?finales?|[b-d][\s-]?finales?"
    r"|troostfinales?|herkansing(?:en)?|semi[\s-]?finals?|quarter[\s-]?finals?|[b-d][\s-]?finals?"
    r"|finals?\s[b-d]\b|consolation\sfinals?|repechages?|heats?)"
)
_ROUND_AFTER = re.compile(
    r"\s+(?:(?:daarna|vervolgens|ook|nog|wel|ruim|then|also|easily|comfortably)\s+)?"
    r"(?:de|het|zijn|haar|hun|the|her|his|their|a|an)\s+(?:eigen\s+|own\s+)?" + _ROUND + r"\b",
    re.IGNORECASE,
)
_ROUND_OR_FINAL = re.compile(r"\b(" + _ROUND + r"|finales?|finals?)\b", re.IGNORECASE)
# "finished fourth in the final": the race the place names right after it.
_IN_THE_FINAL_AFTER = re.compile(r"\s+(?:in|op)\s+(?:de|het|the)\s+(?:a-)?finale?s?\b", re.I)
# A new clause starts over: "won her semifinal but finished fourth".
_CLAUSE = re.compile(r"[,;:]|\b(?:maar|but|en|and|terwijl|while|daarna|then)\b", re.IGNORECASE)


def in_a_round(text: str, sentence: Sentence, cue: patterns.RankMention) -> bool:
    """Whether a place is stated for a round before the final, not the race."""
    near = text[sentence.start : cue.end + 60].casefold()
    if "fin" not in near and "heat" not in near and "herkans" not in near and "repech" not in near:
        return False  # most sentences name no round: two substring tests
    if _ROUND_AFTER.match(text, cue.end):
        return True
    if _IN_THE_FINAL_AFTER.match(text, cue.end):
        return False
    start = sentence.start
    for brk in _CLAUSE.finditer(text, sentence.start, cue.start):
        start = brk.end()
    # The clause itself, or the sentence's opening phrase ("In de halve finale werd ze tweede").
    named = list(_ROUND_OR_FINAL.finditer(text, start, cue.start)) or [
        m
        for m in _ROUND_OR_FINAL.finditer(text, sentence.start, cue.start)
        if _opening(text, sentence, m)
    ]
    return bool(named) and re.fullmatch(_ROUND, named[-1].group(1), re.IGNORECASE) is not None


def _opening(text: str, sentence: Sentence, found: re.Match[str]) -> bool:
    """Whether a round is named in the phrase that opens the sentence ("In de halve finale")."""
    return (
        re.fullmatch(
            r"\s*(?:in|op|bij)\s+(?:de|het|the|her|his|haar|zijn)\s+",
            text[sentence.start : found.start()],
            re.I,
        )
        is not None
    )


# "the fourth-fastest time ever recorded", "de derde snelste tijd ooit", "third-best in
# history": an ordinal before a superlative that ranks all times, not this race's field.
_ALL_TIME_AFTER = re.compile(
    r"[\s-]+(?:fastest|quickest|best|snelste|beste)\b[^.;,]{0,40}?\b(?:ever|ooit|history|"
    r"all[\s-]time|aller\s+tijden|geschiedenis|recorded|at\s+sea\s+level|op\s+laagland\w*|"
    r"in\s+de\s+historie)\b",
    re.IGNORECASE,
)


def all_time(text: str, cue: patterns.RankMention) -> bool:
    """Whether an ordinal ranks a time among all times ever, not a place in the race."""
    return _ALL_TIME_AFTER.match(text, cue.end) is not None
