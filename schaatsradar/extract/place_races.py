"""Which race a place or a time is for.

A sentence may name several distances and a championship's classification: "zesde op de 5000
meter en de 1500 meter", "zevende in het klassement", "wereldkampioen sprint". This module
decides the distance(s) or classification a place was earned in, the distance a time was
skated over, and whether a place and a time of one skater are one race's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from schaatsradar.extract import patterns, story_race
from schaatsradar.extract.context import CLASSIFICATIONS, Context, classification_of
from schaatsradar.extract.editions import Lookback, _looks_back, _time_looks_back
from schaatsradar.extract.scanning import blind
from schaatsradar.extract.sentences import Sentence


def _same_race(
    text: str,
    sentence: Sentence,
    cue: patterns.RankMention,
    time: patterns.TimeMention,
    timed_distance: str | None,
    lookback: Lookback,
    distances: Sequence[patterns.DistanceMention],
    context: Context,
) -> bool:
    """Whether a place belongs to the race a time was skated in: not when the place names a
    distance or classification of its own that differs, nor when one of the two is dated
    to an earlier meet and the other is not."""
    back = _looks_back(text, sentence, cue, lookback, context)
    if back != _time_looks_back(text, sentence, time, lookback, context):
        return False
    own = _named_distances(text, cue, distances, context)
    return not own or timed_distance in own


def _named_distances(
    text: str,
    cue: patterns.RankMention,
    distances: Sequence[patterns.DistanceMention],
    context: Context,
) -> list[str | None]:
    """The distances or classification a place names right beside it ("derde op de 500
    meter", "op de 500 meter derde", "derde in het klassement"); none if it names none."""
    beside = CLASSIFICATION_AFTER.match(text, cue.end) or _standings(text, cue)
    if not beside and not any(
        (d.start >= cue.end and PLACE_ON.match(text[cue.end : d.start]))
        or 0 <= cue.start - d.end <= 12
        for d in distances
    ):
        return []
    return _distances_of_place(text, cue, distances, context)


CLASSIFICATION_AFTER = re.compile(
    # "wereldkampioen sprint", "tweede plaats bij het WK sprint", "third at the European
    # allround championships": the championship's classification.
    r"\s+(?:(?:bij|op|in|at|of)\s+(?:het|de|the)\s+(?:WK|EK|NK|world|european|dutch)"
    r"[\s-]+)?(sprint|allround)\b(?![\s-]*(?:titel|title|kampioen))",
    re.I,
)
STANDINGS_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,4}?(?:in (?:het|een) (?:eind|algemeen |algemene )?klassement(?:je)?\b"
    r"|in de eind(?:stand"
    r"|rangschikking)|in the (?:overall |final )?(?:standings|classification)|overall)\b",
    re.IGNORECASE,
)


# "won het klassement", "dat wel het klassement won", "won the overall standings": the
# standings are what was won, not a race (at a World Cup: no place at all).
STANDINGS_WON_AFTER = re.compile(
    r"\s+(?:(?:ook|wel|toch|also|uiteindelijk)\s+)?(?:het|de|the)\s+(?:eind|algemene?\s+|"
    r"overall\s+|final\s+)?(?:\w*klassement|eindstand|standings)\b",
    re.IGNORECASE,
)
STANDINGS_WON_BEFORE = re.compile(
    r"\b(?:het|de)\s+(?:\w*klassement|eindstand)\s+(?:(?:ook|wel|toch|nog|daarmee)\s+)?$",
    re.IGNORECASE,
)


# The cue of a place inferred for a rival a winner of the standings beat (inferences.py).
BEATEN_IN_STANDINGS = "beaten in standings"
# "Leerdam finished second overall, with Ziomek-Nogal third", "werd tweede in het klassement,
# Conijn derde": an elliptic place after one in the standings is in the standings too.
STANDINGS_ELLIPSIS_BEFORE = blind(
    r"\b(?:overall|in (?:het|de) (?:eind|algemeen )?(?:klassement|stand)"
    r"|in the (?:overall |final )?(?:standings|classification))\s*,\s*"
    r"(?:(?:with|en|and|gevolgd door|followed by)\s+)?"
    r"(?:[\w'’-]+\s+){1,5}(?:als\s+)?$"
)


# "eindigde in het klassement als derde", "werd in de eindstand tweede", "finished in the
# overall standings in third": the standings named between the verb and the place.
STANDINGS_BEFORE = blind(
    r"\b(?:in (?:het|een) (?:eind|algemeen |algemene )?klassement|in de eind(?:stand|"
    r"rangschikking)|in the (?:overall |final )?(?:standings|classification))"
    r"\s(?:(?:als|in|op|nog|toch|"
    r"uiteindelijk|pas)\s){0,2}$"
)


def _standings(text: str, cue: patterns.RankMention) -> bool:
    """Whether a place is stated for the standings ("zevende in het klassement", "won het
    klassement", "dat het klassement won") rather than for a race."""
    if cue.cue == BEATEN_IN_STANDINGS or STANDINGS_AFTER.match(text, cue.end):
        return True
    if STANDINGS_BEFORE.search(text, max(0, cue.start - 50), cue.start):
        return True
    if STANDINGS_ELLIPSIS_BEFORE.search(text, max(0, cue.start - 80), cue.start):
        return True
    if cue.cue.casefold() not in ("won", "wint", "wins", "win", "gewonnen", "winnen"):
        return False
    return bool(
        STANDINGS_WON_AFTER.match(text, cue.end)
        or STANDINGS_WON_BEFORE.search(text, max(0, cue.start - 40), cue.start)
    )


def _classification_place(text: str, cue: patterns.RankMention, context: Context) -> str | None:
    """The classification a place is stated for ("zevende plaats in het klassement",
    "wereldkampioen sprint"), or None for a place in a race."""
    named = CLASSIFICATION_AFTER.match(text, cue.end)
    if named is not None:
        return named.group(1).casefold()
    return classification_of(context) if _standings(text, cue) else None


# "zesde op de 5000 meter", "tenth in the 1500": the race a place was earned in. Also a
# place won over several races at once (issue 11, one skater and several distances): "won
# zowel de 500 als de 1000 meter", "won gold medals in the 500 and 1,500", "won gold by
# sweeping the 500m, 1000m and 1500m".
# Dutch may put a noun or the verb between the place and its race: "een zesde tijd op de
# 5000 meter", "door als tweede te eindigen op de 3000 meter".
PLACE_ON = re.compile(
    r"^\s*(?:(?:medals?|medailles|tijd|time)\s+)?(?:(?:by\s+)?(?:sweeping|winning)\s+)?"
    r"(?:(?:te\s+)?(?:eindigen|eindigde|eindigt|finishen|finishte|finisht)\s+)?"
    r"(?:op|in|over|on|at)?\s*(?:(?:zowel|both)\s+)?(?:de|het|the)?\s*(?:(?:wo)?men['’]s\s+)?$",
    re.IGNORECASE,
)
# Between two distances of one list: "de 500, 1000 en 1500 meter", "the 500m, 1000m, and
# 1500m", "zowel de 500 als de 1000 meter", "the 500 as well as the 1000".
DISTANCE_LIST_GAP = re.compile(
    # A time in brackets may follow each: "de 500 meter (38,71) en de 1500 meter".
    r"^\s*(?:\([^()]{0,20}\)\s*)?(?:,|,?\s*(?:en|én|and|&)|als(?:\s+ook)?|as\s+well\s+as)\s*"
    r"(?:de|the|op de|in de)?\s*$",
    re.IGNORECASE,
)


def _distances_of_place(
    text: str,
    cue: patterns.RankMention,
    distances: Sequence[patterns.DistanceMention],
    context: Context,
) -> list[str | None]:
    """One place for each distance of a list right next to it ("zesde op de 5000 meter en
    de 1500 meter", "die de 5000 en 10.000 meter won"), the championship's classification
    for a place "in het klassement", else the distance named before the place."""
    named = CLASSIFICATION_AFTER.match(text, cue.end)
    if named is not None:
        return [named.group(1).casefold()]  # "wereldkampioen sprint", "European allround champion"
    if _standings(text, cue):
        return [classification_of(context)]

    following = [
        d
        for d in distances
        if d.start >= cue.end
        and (
            PLACE_ON.match(text[cue.end : d.start])
            or INVERTED_SUBJECT.match(text[cue.end : d.start])
        )
    ]
    preceding = [
        d
        for d in distances
        if 0 <= cue.start - d.end <= 12 and not _meet_named_before(text, d.start)
    ]
    nearest = following[0] if following else (preceding[-1] if preceding else None)
    if nearest is not None:
        index = list(distances).index(nearest)
        group = [nearest]
        for later in distances[index + 1 :]:
            if DISTANCE_LIST_GAP.match(text[group[-1].end : later.start]):
                group.append(later)
            else:
                break
        if len(group) > 1 and not LIST_END.match(text[group[-2].end : group[-1].start]):
            # "won de 500 meter, de 1000 meter was voor Leerdam": a list ends on a
            # conjunction; a comma alone starts the next clause.
            group = [nearest]
        # "won de 1000 meter, en op de 500 meter werd Kok tweede": a distance with a verb right
        # after it opens a clause of its own (Dutch puts the verb second), no list goes on.
        opening = next((i for i, d in enumerate(group) if i and CLAUSE_VERB.match(text, d.end)), 0)
        group = group[:opening] if opening else group
        fronted = CLAUSE_VERB.match(text, nearest.end) is not None
        for earlier in reversed(distances[:index]):
            gap = text[earlier.end : group[0].start]
            if fronted and ("," in gap or not _opens_clause(text, earlier)):
                break  # the fronted race is the clause's own, not the end of a list before it
            if DISTANCE_LIST_GAP.match(gap):
                group.insert(0, earlier)
            else:
                break
        also = [
            d
            for d in distances
            if d.end <= cue.start
            and AFTER_ALSO.search(text[max(0, d.start - 12) : d.start])
            and ALSO_BETWEEN.match(text[d.end : cue.start])
        ]
        return [d.distance for d in [*also[-1:], *group]]
    if CHAMPION_CUE.search(cue.cue) and not any(d.end <= cue.start for d in distances):
        # "Een jaar geleden werd Roest in Amsterdam ook al wereldkampioen", at a WK allround:
        # the title of an allround or sprint championship is its classification, also when a
        # race is named after it ("retained her title after winning both 500m races").
        kind = classification_of(context)
        if kind is not None:
            return [kind]
    after = [d for d in distances if d.start >= cue.end]
    # "Takagi took silver, while Kok, who had won the 500m on Friday, took bronze": a
    # distance in a later clause about someone else is not this place's race.
    if (
        after
        and not any(d.end <= cue.start for d in distances)
        and NEXT_CLAUSE.search(text, cue.end, after[0].start)
    ):
        # The story's race, unless that is the race the later clause itself just named ("Kok
        # cruises to home win as Stolz stays perfect over 1500m"): then which is unsaid.
        if any(d.distance == context.distance for d in after):
            return [None]
        return [context.distance]
    # "eindigde als tweede achter Eitrem, die toen ook de 10.000 meter won": the race of
    # someone else's relative clause is not this place's; which one is, is unsaid.
    if (
        after
        and not any(d.end <= cue.start for d in distances)
        and OTHERS_CLAUSE.search(text, cue.end, after[0].start)
    ):
        return [None]
    return [_distance_before(text, cue.start, distances, context)]


# A coordinate clause with a subject of its own: "..., while Kok ...", "; Kok ...", "werd
# tweede met 6.20,11, Jansman was op de 3000 meter de snelste".
NEXT_CLAUSE = re.compile(
    r",\s+(?:while|whereas|terwijl|maar|but)\s+|;\s+|,\s+(?:and|en)\s+(?=[A-ZÀ-Þ])"
    r"|,\s+(?:[A-ZÀ-Þ][\w'’-]+\s+){1,3}(?:was|werd|won|wint|reed|klokte|eindigde|finishte"
    r"|finished|took|clocked|skated|came)\b"
    # A headline has no commas: "Kok cruises to home win as Stolz stays perfect over 1500m".
    r"|\s(?:as|while|whereas|terwijl|but|maar)\s+(?:[A-ZÀ-Þ][\w'’-]+\s+){1,3}(?=[a-z])"
)


def own_clause(
    text: str, position: int, distances: Sequence[patterns.DistanceMention]
) -> list[patterns.DistanceMention]:
    """The distances a cue at `position` may take when none is named before it: not those
    after a later clause with a subject of its own."""
    return [
        d
        for d in distances
        if d.start < position or not NEXT_CLAUSE.search(text, position, d.start)
    ]


# A relative clause opened on another name between a place and a distance after it.
OTHERS_CLAUSE = re.compile(r"[\w)],\s+(?:die|dat|who|which)\b", re.IGNORECASE)


LIST_END = re.compile(
    r"^\s*(?:\([^()]{0,20}\)\s*)?,?\s*(?:en|én|and|&|als|as\s+well\s+as)(?!\w)", re.IGNORECASE
)


CHAMPION_CUE = re.compile(r"kampioen|champion|titel|title", re.IGNORECASE)


# A finite verb right after a distance: the distance was the fronted part of a new clause.
CLAUSE_VERB = re.compile(
    r"\s+(?:werd|werden|won|wonnen|wint|pakte|pakten|pakt|greep|grepen|eindigde|eindigden|"
    r"eindigt|ging|gingen|gaat|reed|reden|rijdt|kwam|kwamen|finishte|zegevierde|veroverde|"
    r"veroverden|haalde|behaalde|klokte|noteerde|bleef|moest|stond|was|waren|went)\b"
    # "die de 500 en de 1000 meter won, ...": a verb at the end of its clause closes it.
    r"(?!\s*(?:[,.;:!?)]|$))",
    re.IGNORECASE,
)
_CLAUSE_OPENING = re.compile(
    r"(?:[-.!?;:(]\s*|\b(?:en|maar|and|but)\s+)(?:(?:op|in|over|bij|on|at)\s+)?(?:de|het|the)?\s*$",
    re.IGNORECASE,
)


def _opens_clause(text: str, distance: patterns.DistanceMention) -> bool:
    """Whether a distance stands first in its clause ("Op de 500 en de 1000 meter werd ..."),
    not as the object of a verb before it ("won de 1000 meter en op de 500 meter ...")."""
    start = max(0, distance.start - 30)
    window = text[start : distance.start]
    return bool(_CLAUSE_OPENING.search(window)) or (
        start == 0 and not window.strip(" ").replace("de ", "").replace("op ", "").strip()
    )


# "won Kok de eerste 500 meter": the subject between the verb and the race it won.
INVERTED_SUBJECT = re.compile(
    # "won Jordan Stolz ook de 500 meter": an adverb may follow the subject.
    r"^\s+(?:[A-ZÀ-Þ][\w'’-]*\s+){1,4}(?:(?:ook|nog|opnieuw|weer|zowel|both)\s+)?(?:de|het|the)\s+"
    r"(?:(?:eerste|tweede|first|second)\s+)?$"
)
# "bij het WK sprint won Kok ...": a classification in a championship's name is the meet, not
# the race a place is for.
MEET_NAME_BEFORE = re.compile(r"\b(?:WK|EK|NK|world|european|dutch)[\s-]*$", re.IGNORECASE)


def _meet_named_before(text: str, end: int) -> bool:
    """Whether a meet's name ("WK", "European") ends right before `end`, only blanks or
    hyphens between. Searched from just before that word, not from the text's start: the
    anchored pattern scanned the whole prefix for each place, quadratic on long
    record-heavy news (issue 11). The same answer: the name cannot hold a blank or a hyphen,
    so it ends where the run of them does, and is at most eight characters long."""
    start = end
    while start > 0 and (text[start - 1].isspace() or text[start - 1] == "-"):
        start -= 1
    return MEET_NAME_BEFORE.search(text, max(0, start - _LONGEST_MEET_NAME), end) is not None


_LONGEST_MEET_NAME = len("european")
# "won na de 500 meter ook nog op de 1000 meter": won the one named after "na" too.
AFTER_ALSO = re.compile(r"\b(?:na|after)\s+(?:de|het|the)?\s*$", re.IGNORECASE)
ALSO_BETWEEN = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:ook|also|too)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _distance_before(
    text: str, position: int, distances: Sequence[patterns.DistanceMention], context: Context
) -> str | None:
    """ "Na de 1000 meter ook goud op de 1500 meter": a place is for the distance named
    last before it in the sentence (or first after it), else the carried one. Not a distance
    that names a title closed before the place ("Ning, the 1,500-meter world champion,
    placed seventh": seventh in the race being reported)."""
    distances = [
        d for d in distances if (title := story_race.title_end(text, d)) is None or position < title
    ]
    before = [d for d in distances if d.end <= position]
    if before:
        return before[-1].distance
    if distances:
        return distances[0].distance
    return context.distance


TIME_ON_DISTANCE = re.compile(r"\s+(?:op|over|on|in)\s+(?:de|het|the)\s+", re.IGNORECASE)


def _distance_for(
    time: patterns.TimeMention | None,
    distances: Sequence[patterns.DistanceMention],
    context: Context,
    text: str = "",
) -> str | None:
    """The distance a time was skated over: named in the sentence before the time, else the
    one carried from earlier sentences if the time fits it, else the only one it can be."""
    if time is None:
        return context.distance
    # A time is a race's, never a classification's (that is counted in points).
    distances = [d for d in distances if d.distance not in CLASSIFICATIONS]
    if text:
        # "Ze reed 37,02 op de 500 meter en 1.14,55 op de 1000 meter": the race right after a
        # time names it, whatever was named before.
        named = next(
            (d for d in distances if TIME_ON_DISTANCE.fullmatch(text, time.end, d.start)), None
        )
        if named is not None:
            return named.distance
    before = [d for d in distances if d.end <= time.start]
    if before:
        return before[-1].distance
    distances = own_clause(text, time.end, distances) if text else distances
    if distances:
        return distances[0].distance
    carried = context.distance if context.distance not in CLASSIFICATIONS else None
    if carried and patterns.plausible(time.seconds, carried, None):
        return carried
    return patterns.distance_for_time(time.seconds)
