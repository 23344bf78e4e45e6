"""Sentence shapes that decide which skater a time or a place belongs to, beyond "the nearest
name before it" (issue 11, class 6).

Why a module of its own: each shape is a general way reporters (Dutch and English) write a
result, and each is a reason to attach a cue to a skater other than the nearest one, or to
attach nothing. The pipeline asks these helpers first and falls back to its own rules.

- A numbered result line: "2. Jorien ter Mors (NED) - 1.13,94" states a place and a time.
- A pair of times: "Bowe versloeg Leerdam: 1.13,60 om 1.14,15", "beat Kok 37.02 to 37.10"
  gives the first time to the subject and the second to the rival.
- An aside: "Weidemann, die in de laatste rit met de Noorse reed, pakte brons":
  a name inside a relative clause that has closed is not who the main clause is about.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from schaatsradar.extract.context import Entity
from schaatsradar.extract.patterns import DistanceMention, RankMention, TimeMention
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import HasSpan

__all__ = [
    "aside_closed",
    "bracketed_before",
    "handed_on",
    "in_aside",
    "list_line_ranks",
    "outside_asides",
    "paired_times",
    "relative_clause",
    "verb_final_objects",
]

# The number that opens a line of a results list, right before the name: "2. ", "12) ".
# It stands at a line start or after whitespace (a list flattened into one paragraph), never
# inside a number ("1.000 meter").
_LIST_NUMBER_BEFORE = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+$")
# A bare number opens a line only at a real line start: "2 Wennemars 1.07,61".
_BARE_LIST_NUMBER = re.compile(r"(\d{1,2})[ \t]+")
# What follows the name on such a line: an optional country code or flag in brackets, an
# optional dash or colon, then the time and nothing else.
_LIST_LINE_AFTER = re.compile(r"^\s*(?:\([A-Za-z .]{2,12}\)\s*|(?-i:[A-Z]{3})\s+)?(?:[-–—:|]\s*)?$")
# After the time only a gap to the winner may follow: "(+1.47)", "+1,47".
_NEXT_LIST_NUMBER = re.compile(r"\s\d{1,2}[.)]\s+(?=[A-ZÀ-Þ])")
# A comma may close an item of a list run into one line: "1. Moes (NED) 39.12, 2. ...".
# The last item of such a list may close the sentence: "3. Weidemann 3:56.01."
_LIST_LINE_END = re.compile(r"^\s*(?:\(\s*[-+][^)]{0,12}\)|[-+][0-9][0-9.,:]{0,8})?\s*[,;.]?\s*$")


def list_line_ranks(
    text: str, sentence: Sentence, entities: Sequence[Entity], times: Sequence[TimeMention]
) -> None:
    """ "3. Femke Kok - 1.14,07": the line's number is the place of the skater it names.

    Only when the line holds nothing but number, name, country and time: a number before a
    name in prose ("op 2. Kerstdag") is no place, and a list without times is too often a
    list of something else (a programme, a squad)."""
    for entity in entities:
        if entity.ranks or entity.team:
            continue
        line_start = text.rfind("\n", 0, entity.start) + 1
        number = _LIST_NUMBER_BEFORE.search(text, max(line_start, entity.start - 8), entity.start)
        if number is None:
            number = _BARE_LIST_NUMBER.fullmatch(text, line_start, entity.start)
        if number is None:
            continue
        following = [t for t in times if t.start >= entity.end and t.kind == "result"]
        if not following or following[0] not in entity.times:
            continue
        time = following[0]
        line_end = text.find("\n", time.end)
        line_end = len(text) if line_end < 0 else line_end
        # A list flattened into one paragraph: the next line starts at the next number (which
        # the sentence splitter may have put in this sentence: "3:55.10; 2. Wiklund").
        following_item = _NEXT_LIST_NUMBER.search(text, time.end, line_end)
        line_end = following_item.start() if following_item else min(line_end, sentence.end)
        if not _LIST_LINE_AFTER.match(text[entity.end : time.start]) or not _LIST_LINE_END.match(
            text[time.end : line_end]
        ):
            continue
        rank = int(number.group(1))
        if rank >= 1:
            entity.ranks.insert(0, RankMention(number.start(1), number.end(1), rank, "list"))


# "1.13,60 om 1.14,15", "37.02 to 37.10", "1.07,17 tegen 1.07,22": two times compared.
_PAIR_GAP = re.compile(r"^\s*(?:om|tegen|to|versus|vs\.?)\s*$", re.IGNORECASE)
# "1.54,64 tegen 1.54,95 voor Beune": the second time's owner named right after it.
_OWNER_AFTER = re.compile(r"\s*(?:voor|van|for|by|of)\s+", re.IGNORECASE)
# "improved from 37.07 to 36.87", "van 37,07 naar": a change of one mark, not two skaters.
_FROM_BEFORE = re.compile(r"\b(?:from|van|of)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# A loss makes the subject the second of the pair as often as the first.
_LOSS = re.compile(
    r"\b(?:verloor|verliest|verloren|lost|loses|moest\s+\w+\s+voor\s+laten|legde\s+het\s+af"
    r"|moest\s+(?:haar|zijn)\s+meerdere\s+erkennen|beaten\s+by|geklopt)\b",
    re.IGNORECASE,
)


def paired_times(
    text: str, sentence: Sentence, entities: Sequence[Entity], times: Sequence[TimeMention]
) -> dict[TimeMention, Entity | None]:
    """ "Nuis was sneller dan Krol: 1.08,16 om 1.08,26": the first time of a compared pair is
    the subject's, the second the rival's. That order holds only in a sentence naming exactly
    two racers, one of them the subject, and not telling a defeat; otherwise the pair's times
    map to None (nobody): the nearest name is as likely wrong as right."""
    result = [t for t in times if t.kind == "result"]
    pairs = [
        (first, second)
        for first, second in itertools.pairwise(result)
        if _PAIR_GAP.match(text[first.end : second.start])
        and not _FROM_BEFORE.search(text, max(sentence.start, first.start - 30), first.start)
    ]
    if not pairs:
        return {}
    names = {e.name for e in entities}
    subjects = [e for e in entities if not e.governed]
    # Both racers are named before the pair ("X rekende af met Y: T1 om T2") or the second
    # right after it ("T1 tegen T2 voor Y"); a name further on ("37,02 tegen 37,30 vorig jaar,
    # toen Y won") is about something else.
    last = pairs[-1][1]
    later = [e for e in entities if e.end > pairs[0][0].start]
    ordered = (
        (not later or (len(later) == 1 and _OWNER_AFTER.fullmatch(text, last.end, later[0].start)))
        and len(names) == 2
        and bool(subjects)
        and _LOSS.search(text, sentence.start, sentence.end) is None
    )
    paired: dict[TimeMention, Entity | None] = {}
    for first, second in pairs:
        if ordered and first.seconds < second.seconds:
            subject = subjects[0]
            paired[first] = subject
            paired[second] = next(e for e in entities if e.name != subject.name)
        else:
            paired[first] = paired[second] = None
    return paired


# A relative clause opened after a name: "X, die …", "X, who …".
_ASIDE_OPEN = re.compile(r",\s*(?:die|dat|wie|wat|who|which|whose)\b", re.IGNORECASE)


def aside_closed(text: str, sentence: Sentence, entity: Entity, position: int) -> bool:
    """Whether `entity` stands inside a relative clause that closes (with a comma) before
    `position`: "Weidemann, die in de laatste rit met de Noorse reed, pakte brons" — the cue
    after the clause is not about "de Noorse"."""
    opened = None
    for match in _ASIDE_OPEN.finditer(text, sentence.start, entity.start):
        opened = match
    if opened is None or "," in text[opened.end() : entity.start]:
        return False  # no clause, or it closed before the name
    close = text.find(",", entity.end, position)
    return close >= 0 and ";" not in text[opened.end() : close]


# "zilver was met 37,40 voor X", "bronze went in 1:45.02 to X": a medal and
# the time it was won in, handed to whoever follows.
_HANDED_WITH_TIME = re.compile(
    r"^\s*(?:was|is|ging|gaat|went|goes)\s+(?:er\s+)?(?:met|in|with)\s+(?:een\s+|a\s+)?"
    r"(?:(?:eind)?tijd\s+van\s+|time\s+of\s+)?[0-9](?:[0-9.,:]*[0-9])?\s+(?:seconden\s+|seconds\s+)?(?:voor|naar|to|for)\s+(?:de\s+|het\s+|the\s+)?"
    r"(?:[a-zà-ÿ][\w-]*\s+)?$",
    re.IGNORECASE,
)
# "De zege op de slotafstand, de 10 kilometer, was voor X", "the men's 1500 gold went to X":
# the medal's race named before it is handed on; its meet too ("op de 1000 meter bij de World
# Cup in Heerenveen was voor X"), in one clause.
_HANDED_IN_RACE = re.compile(
    r"^\s*(?:op|in|bij|on|at)\s+(?:de|het|the)\s+(?:(?!(?:en|and|maar|but)\s)[^\s,.;:]+\s+){1,9}?"
    r"(?:was|is|ging|gaat|went|goes)\s+(?:er\s+)?(?:naar|voor|to)\s+(?:de\s+|het\s+|the\s+)?"
    r"(?:[a-zà-ÿ][\w-]*\s+)?$",
    re.IGNORECASE,
)
# A conjunction starts another clause: "werd tweede en brons was er voor Goetz" hands the
# bronze to Goetz, not the second place.
_CLAUSE_JOIN = re.compile(r"\b(?:en|and|maar|but|terwijl|while|whereas)\b|[,;:]", re.IGNORECASE)


_RELATIVE_LEAD = re.compile(r"^\s*,\s*(?:dat|die|which|that)\s", re.IGNORECASE)


def handed_on(gap: str, recipient: bool) -> bool:
    """Whether a medal word hands its place to the name after `gap` (the text between them):
    `recipient` is the pipeline's own "ging naar X" test; a clause break in between cancels
    it, a stated time before "voor X" does not."""
    if _HANDED_WITH_TIME.match(gap) or _HANDED_IN_RACE.match(gap):
        return True
    # "het goud, dat naar de Verenigde Staten ging": a relative clause hands it on too.
    return recipient and _CLAUSE_JOIN.search(_RELATIVE_LEAD.sub("", gap, count=1)) is None


# An aside right after a name: "Krol, zaterdag nog snelste op de 1500 meter,".
_ASIDE_AFTER_NAME = re.compile(r"\s*,\s")


def outside_asides(
    text: str,
    sentence: Sentence,
    entities: Sequence[Entity],
    distances: Sequence[DistanceMention],
    position: int,
) -> list[DistanceMention]:
    """The distances that can say which race a cue at `position` is about: not one named in
    an aside between commas after a name that closed before the cue ("Thomas Krol,
    zaterdag nog snelste op de 1500 meter, werd met 1.08,02 derde": the 1.08,02 is not a
    1500 m time)."""
    hidden: list[tuple[int, int]] = []
    for entity in entities:
        span = _aside_span(text, sentence, entities, entity, position)
        if span is not None:
            hidden.append(span)
    if not hidden:
        return list(distances)
    return [d for d in distances if not any(a <= d.start and d.end <= b for a, b in hidden)]


def in_aside(
    text: str,
    sentence: Sentence,
    entities: Sequence[Entity],
    entity: Entity,
    cue: RankMention | DistanceMention,
    position: int,
) -> bool:
    """Whether `cue` (a place or a distance) stands in the aside between commas right after
    `entity`'s name, and the aside closes before `position` (the time of the main clause)."""
    span = _aside_span(text, sentence, entities, entity, position)
    return span is not None and span[0] <= cue.start and cue.end <= span[1]


# No aside is longer: past this a comma closes something else.
_MAX_ASIDE = 120


def _aside_span(
    text: str, sentence: Sentence, entities: Sequence[Entity], entity: Entity, position: int
) -> tuple[int, int] | None:
    """The aside between commas right after `entity`'s name that closes before `position`,
    or None. A stretch with another name in it is a list ("Kok, Leerdam en Jackson"), not
    an aside."""
    opened = _ASIDE_AFTER_NAME.match(text, entity.end, sentence.end)
    if opened is None:
        return None
    # A comma that closes is followed by a space: not the one of "3,000m" (English thousands).
    closing = _ASIDE_CLOSE.search(text, opened.end(), min(position, opened.end() + _MAX_ASIDE))
    close = closing.start() if closing is not None else -1
    if close < 0 or any(opened.end() <= e.start < close for e in entities):
        return None
    return opened.end(), close


_ASIDE_CLOSE = re.compile(r",(?!\d)")


def bracketed_before(text: str, sentence: Sentence, entity: Entity, position: int) -> bool:
    """Whether `entity` is named inside brackets that close before `position`: "haar (door
    Schouten verbroken) olympisch record ... en eindigde ze als twintigste" — a name in a
    bracketed remark is not who the sentence's later time or place is about."""
    opened = text.rfind("(", sentence.start, entity.start)
    if opened < 0 or ")" in text[opened : entity.start]:
        return False
    close = text.find(")", entity.end, position)
    return close >= 0


# A Dutch subordinate clause puts its verb last: "X, die Groenewoud en Rijpma-de Jong met
# 6.53,23 voorbleef": the names before the final beating verb are its objects.
_RELATIVE_OPEN = re.compile(r",\s+die\s+", re.IGNORECASE)
_BEATING_VERB_LAST = re.compile(
    r"\b(?:voor\s?bleef|voorbleven|voor\s?bleven|versloeg|versloegen|klopte|klopten"
    r"|achter\s+zich\s+(?:liet|hield))\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class BeatingClause:
    """A "die ..." clause with a beating verb last: who beat (`head`), whom (`objects`, in
    order), and where the clause lies."""

    head: Entity
    objects: tuple[Entity, ...]
    start: int
    end: int

    def owns(self, text: str, time: TimeMention) -> bool:
        """A time in the clause not bracketed to one of its objects is the head's: "die A
        (6.55,75) en B met een tijd van 6.53,23 voorbleef"."""
        if not self.start <= time.start < self.end:
            return False
        return not any(
            text[e.end : time.start].strip() == "(" for e in self.objects if e.end <= time.start
        )


def verb_final_objects(
    text: str, sentence: Sentence, entities: Sequence[Entity]
) -> BeatingClause | None:
    """The clause in which a name beats others ("X, die A (t) en B (t) voorbleef": X beat A
    and B), its objects marked as governed; None when the sentence has no such clause. Only
    a clause right after a name whose last word is a beating verb counts."""
    for head in entities:
        opened = _RELATIVE_OPEN.match(text, head.end, sentence.end)
        if opened is None:
            continue
        close = text.find(", ", opened.end(), sentence.end)
        end = sentence.end if close < 0 else close
        clause = text[opened.end() : end].rstrip(" .;!?")
        if not _BEATING_VERB_LAST.search(clause):
            continue
        objects = tuple(e for e in entities if opened.end() <= e.start and e.end <= end)
        if not objects:
            continue
        for entity in objects:
            entity.governed = True
        return BeatingClause(head, objects, opened.end(), end)
    return None


# A relative clause hung on a name, after at most one short apposition: "Bowe, die ...",
# "Bowe, 37, who ...". It closes at the next comma not followed by a number ("in 2019, 2020").
_RELATIVE_AFTER_NAME = re.compile(
    r"\s*,\s*(?:[^,.;:()]{1,25},\s*)?(?:die|dat|who|which|whose)\b", re.IGNORECASE
)
_RELATIVE_CLOSE = re.compile(r",\s+(?!\d)")


def relative_clause(text: str, sentence: Sentence, entity: HasSpan) -> tuple[int, int] | None:
    """The span of the relative clause right after `entity`'s name that closes before the
    sentence ends ("Bowe, who won bronze in 2018, finished sixth"), or None."""
    opened = _RELATIVE_AFTER_NAME.match(text, entity.end, sentence.end)
    if opened is None:
        return None
    close = _RELATIVE_CLOSE.search(text, opened.end(), sentence.end)
    return None if close is None else (opened.end(), close.start())
