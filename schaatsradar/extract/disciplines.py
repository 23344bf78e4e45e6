"""Short-track races told apart from long-track ones: the competition carries the discipline.

Why: a short-track World Championship reads "de WK" or "the World Championships" just as a
long-track one does, so the knowledge base filed short-track results under long-track meets,
and a short-track 500 m in 42 s or a 1500 m in 2:1x became a long-track personal best or
track record. The competition of a short-track race ends in " shorttrack" ("WK shorttrack",
"World Cup shorttrack", "Olympic Games shorttrack"; "shorttrack" alone when the text names no
meet): the kind of meet stays what it was, and `knowledge.disciplines` keeps such meets apart.

A story is a short-track story when its headline or lead says so and nothing in it speaks of
long track; in any other story a result is short track only when its own sentence says so
(the discipline, not a skater's: "de shorttrackster won het NK sprint") and does not also
speak of long track. A long-track report naming short track in passing stays long track.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import Result

__all__ = ["SHORT_TRACK", "mark_short_track", "short_track_competition", "short_track_story"]

SHORT_TRACK = "shorttrack"

# The discipline, its skaters and its rinks' words: "shorttrack", "short track", "short-track",
# "shorttrackster", "short-track skaters".
_SHORT_TRACK_CUE = re.compile(r"(?i)\bshort[\s-]?track", re.ASCII)
# The discipline itself, not its skaters: "shorttrackster Schulting" in a sentence of a
# long-track race names who she is, not where she raced.
_SHORT_TRACK_WORD = re.compile(
    r"(?i)\bshort[\s-]?track(?!(?:st)?ers?\b|\s(?:skaters?|star|specialist|veteran)\b)\w*",
    re.ASCII,
)
# Words only long track has: the discipline's own names, its oval, its events no short-track
# programme holds (team pursuit, team sprint, mass start, the 10,000 m).
_LONG_TRACK_CUE = re.compile(
    r"(?i)\b(?:lange[\s-]?baan\w*|long[\s-]?track\w*|speed[\s-]skating\soval|ijsovaal"
    r"|ploegenachtervolging|team\s?pursuit|teamsprint|team\ssprint|massa[\s-]?start"
    r"|mass[\s-]start|10[.,]?000\s?m(?:eter|etres?|\b)|sprinttoernooi)"
)
# Only the opening of an article is its headline and lead.
_LEAD_CHARS = 400
# Distances no short-track programme holds: a result over one is long track whatever the story.
_LONG_TRACK_ONLY = frozenset({"10000m", "team pursuit", "team sprint", "mass start"})


def short_track_story(text: str, sentences: Sequence[Sentence]) -> bool:
    """True when the headline or lead names short track and nothing in the text names long
    track (a story of both is read sentence by sentence)."""
    lead = [s for s in sentences if s.start < _LEAD_CHARS]
    if not any(_SHORT_TRACK_CUE.search(text, s.start, s.end) for s in lead):
        return False
    return _LONG_TRACK_CUE.search(text) is None


def _short_track_sentence(text: str, sentence: Sentence) -> bool:
    return (
        _SHORT_TRACK_WORD.search(text, sentence.start, sentence.end) is not None
        and _LONG_TRACK_CUE.search(text, sentence.start, sentence.end) is None
    )


def short_track_competition(competition: str | None) -> str:
    """The competition's name with the discipline: "WK" -> "WK shorttrack"."""
    if not competition:
        return SHORT_TRACK
    if SHORT_TRACK in competition.casefold().replace(" ", "").replace("-", ""):
        return competition
    return f"{competition} {SHORT_TRACK}"


def mark_short_track(
    text: str, sentences: Sequence[Sentence], results: Sequence[Result]
) -> list[Result]:
    """`results` with the competition of every short-track race marked (see the module)."""
    whole = short_track_story(text, sentences)
    marked = []
    # Each sentence is read once, however many results it holds (results x sentences before).
    read: dict[int, bool] = {}
    for result in results:
        short = whole
        if not short:
            at = result.evidence.start
            for index, s in enumerate(sentences):
                if s.start <= at < s.end:
                    flag = read.get(index)
                    if flag is None:
                        flag = read[index] = _short_track_sentence(text, s)
                    if flag:
                        short = True
                        break
        if short and result.distance not in _LONG_TRACK_ONLY:
            result = replace(result, competition=short_track_competition(result.competition))
        marked.append(result)
    return marked
