"""Which distances a sentence names move the story's race for the sentences after it.

Why: a place or time that names no distance takes the one the story is in, carried from the
sentence that last named one. Not every distance named is that race: a palmares lists several
("olympisch kampioene op de 3000 en 5000 meter en op de massastart"), a title describes who
someone is ("de Italiaanse wereldkampioen op de 10 kilometer"), a race may be one someone may
start or is tipped for ("de beste acht, die op de tien kilometer mochten starten"). Carried,
each gave the places after it the wrong distance.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from schaatsradar.extract import patterns
from schaatsradar.extract.scanning import blind
from schaatsradar.extract.sentences import Sentence

__all__ = ["in_closed_aside", "listed_or_titled", "not_raced", "title_end"]


# "de beste acht, die op de tien kilometer mochten starten", "medal contenders in Saturday's
# mass start", "favoriet voor de 1500 meter": a race someone may or hopes to skate.
_MAY_START = blind(
    r"\b(?:mocht|mochten|mag|mogen|allowed\s+to|eligible\s+to|qualified\s+to)\s+"
    r"(?:\w+\s+){0,2}?(?:starten|start|rijden|skate|race)\b"
)
_CONTENDER_BEFORE = blind(
    r"\b(?:contenders?|favorites?|favourites?|favoriet\w*|kanshebbers?|kandidaat|"
    r"candidates?)\s+(?:in|for|voor|op|on)\s+(?:[\w'’-]+\s+){0,3}$"
)


# A relative clause hung on a name between commas: "Wiklund, who won the 3000m on Saturday,
# took silver", "Krol, die vrijdag de 1000 meter won, werd nu tweede".
# Its words may hold a number's own marks: "3,000m", "3:52.02", "1.53,47" (a dot or comma
# between digits closes nothing).
_CLAUSE_WORDS = r"(?:[^,;:.!?()]|(?<=\d)[,:.](?=\d))*"
_RELATIVE_OPEN_BEFORE = re.compile(
    r"[^\W\d][\w'’-]*\s*,\s*(?:die|dat|who|which|whose)\b" + _CLAUSE_WORDS + "$", re.IGNORECASE
)
_ASIDE_CLOSE_AFTER = re.compile(_CLAUSE_WORDS + r",\s+[^\W\d]")


def in_closed_aside(text: str, sentence: Sentence, distance: patterns.DistanceMention) -> bool:
    """Whether a distance is named in a relative clause set off by commas after a name, with
    the main clause going on after it: the aside tells what the skater did before, the main
    clause (and the sentences after it) are about another race."""
    # The close is asked first: one anchored match, where the open is a search of the 100
    # characters before, entering its pattern at every letter (several times the cost).
    return bool(
        _ASIDE_CLOSE_AFTER.match(text, distance.end, sentence.end)
        and _RELATIVE_OPEN_BEFORE.search(
            text, max(sentence.start, distance.start - 100), distance.start
        )
    )


def not_raced(text: str, sentence: Sentence, distance: patterns.DistanceMention) -> bool:
    """Whether a distance is named as a race someone may start or is tipped for, or in an
    aside about what a skater did before (`in_closed_aside`), not one the story reports: it
    does not move the story's race."""
    if in_closed_aside(text, sentence, distance):
        return True
    clause_end = text.find(",", distance.end, sentence.end)
    end = clause_end if clause_end != -1 else sentence.end
    return bool(
        _MAY_START.search(text, distance.end, end)
        or _CONTENDER_BEFORE.search(text, max(sentence.start, distance.start - 60), distance.start)
    )


# "op de 3000 en 5000 meter en op de massastart", "de 500, 1000 en 1500 meter".
_LIST_GAP = re.compile(r"\s*(?:,|en|and|&)\s*(?:(?:op|in|on|over)\s+)?(?:de|het|the)?\s*$", re.I)
# "De Italiaanse wereldkampioen op de 10 kilometer", "the reigning Olympic champion over 1500
# metres": a title that describes who someone is.
_TITLE_OF_DISTANCE = blind(
    r"\b(?:de|het|een|the|a|an|regerende?|reigning|defending|former|voormalige?|huidige|"
    r"current)\s+(?:[\w-]+\s+){0,2}?[\w-]*?(?:kampioene?|champion|titelhouder|titelhoudster|"
    r"titleholder|recordhouder|recordhoudster|record\s+holder)\s+(?:op|over|on|in|at)?\s*"
    r"(?:de|het|the)?\s*$"
)

# "the 1,500-meter world champion", "the 500m Olympic champion", "de 1000 meter-kampioen":
# the distance names the title, in front of it.
_TITLE_AFTER_DISTANCE = re.compile(
    r"\s*-?\s*(?:(?:world|olympic|european|national|defending|reigning|wereld|olympisch|"
    r"europees|nederlands)\s*){0,2}(?:champion|kampioen\w*|title\s*holder|titleholder|"
    r"record\s*holder|recordhouder\w*)\b",
    re.IGNORECASE,
)


def listed_or_titled(text: str, distances: Sequence[patterns.DistanceMention]) -> bool:
    """Whether the distances a sentence names do not move the story's race: a list of several
    ("Ze is olympisch kampioene op de 3000 en 5000 meter en op de massastart": a palmares,
    and the story is in none of them in particular), or one named in a title that describes
    a skater ("De Italiaanse wereldkampioen op de 10 kilometer nam de leiding")."""
    kinds = {d.distance for d in distances}
    if len(kinds) > 1 and all(
        _LIST_GAP.fullmatch(text, a.end, b.start) for a, b in itertools.pairwise(distances)
    ):
        return True
    last = distances[-1]
    return len(kinds) == 1 and bool(
        _TITLE_OF_DISTANCE.search(text, max(0, last.start - 60), last.start)
        or _TITLE_AFTER_DISTANCE.match(text, last.end)
    )


def title_end(text: str, distance: patterns.DistanceMention) -> int | None:
    """Where the title a distance names in front of it ends ("the 1,500-meter world
    champion"), or None when the distance names no title."""
    title = _TITLE_AFTER_DISTANCE.match(text, distance.end)
    return title.end() if title is not None else None
