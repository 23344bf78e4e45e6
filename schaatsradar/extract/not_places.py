"""Rank words that are no place in the race being reported: a place in a round before the
final ("won daarna de B-finale", "won her semifinal"), a place among all times ever
("the fourth-fastest time ever", "de derde snelste tijd ooit op laaglandijs") or of the
season, and a standing in a season's ranking ("staat in de wereldbeker derde").

Why: short-track reports tell every round, and record stories rank times across history;
read as places, both put a wrong result on a skater's page.
"""

from __future__ import annotations

import re

from schaatsradar.extract import patterns
from schaatsradar.extract.sentences import Sentence

__all__ = ["all_time", "elsewhere", "in_a_round", "ranked_elsewhere"]

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


# "staat in de wereldbeker op de derde plaats", "In het wereldbekerklassement staat Leerdam
# derde", "is ranked second in the World Cup standings": a standing along a season (or along
# a championship's distances), said with a verb of standing, not a place in a race.
_STANDING_VERB = re.compile(
    r"\b(?:staat|stond|staan|stonden|is\s+ranked|was\s+ranked|ranks|sits|sat)\b", re.I
)
_RANKING = re.compile(
    r"\bin\s+de\s+wereldbeker\b|wereldbeker(?:klassement|stand)|(?<!eind)klassement"
    r"|\bstandings\b|\brankings?\b|\branglijst\b",
    re.IGNORECASE,
)
# "nummer één van de wereld", "number one in the world": a ranking of skaters.
_WORLD_AFTER = re.compile(r"\s+(?:van\s+de\s+wereld|in\s+the\s+world|of\s+the\s+world)\b", re.I)
# "goed voor de derde tijd van het seizoen", "the second-best time this season": of times.
_SEASON_TIME_AFTER = re.compile(
    r"[\s-]+(?:[\w-]+\s+)?(?:tijd|time|tijden|times)\s+(?:van\s+(?:het|dit)\s+(?:seizoen|jaar)"
    r"|of\s+the\s+(?:season|year)|this\s+season|dit\s+seizoen)\b",
    re.IGNORECASE,
)
_CLAUSE_MARK = re.compile(r"[,;:]")


def ranked_elsewhere(text: str, sentence: Sentence, cue: patterns.RankMention) -> bool:
    """Whether a place is a standing in a ranking (of a season, the world, the season's
    times), not a place in the race."""
    if _WORLD_AFTER.match(text, cue.end) or _SEASON_TIME_AFTER.match(text, cue.end):
        return True
    clause = max((m.end() for m in _CLAUSE_MARK.finditer(text, sentence.start, cue.start)),
                 default=sentence.start)  # fmt: skip
    return bool(
        _STANDING_VERB.search(text, clause, cue.start)
        and _RANKING.search(text, sentence.start, sentence.end)
    )


def elsewhere(text: str, sentence: Sentence, cue: patterns.RankMention) -> bool:
    """Whether a place is one of a round, of all times ever or of a ranking: not the race's."""
    return (
        in_a_round(text, sentence, cue)
        or all_time(text, cue)
        or ranked_elsewhere(text, sentence, cue)
    )
