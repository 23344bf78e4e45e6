"""A record equalled: "equalling the Olympic record Miho Takagi set in 2022", "evenaarde het
baanrecord van Kok". The mark still stands, so its named holder keeps it (`existing`, with the
equalled time); the skater who equalled it keeps the record the other readers drafted. When the
readers drafted only the holder's standing mark ("won in 34.14, equalling the track record held
by Verbij"), its time is the race time the equal verb follows: equal means the same time.

Why a module of its own: the record readers know records set, broken and standing; an equal
is the one case where the race's time is also the standing mark of someone else.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.names import NameMention
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.times import TimeMention
from schaatsradar.extract.types import Record, Span

__all__ = ["equalled_holders", "equalled_times"]

_EQUAL_BEFORE = re.compile(
    r"\b(?:equall?(?:ed|ing)|equals?|tied|tying|tie|evenaarde|evenaarden|evenaart|geëvenaard|"
    r"evenaren|kwam\s+gelijk\s+met|gelijk\s+aan)\b[^.;:!?]{0,25}$",
    re.IGNORECASE,
)
# Who holds the mark named after the record word: "record Takagi set", "record van Kok",
# "the record of Jackson", "record held by Bowe".
_HOLDER_AFTER = re.compile(
    r"^\s*(?:(?:van|of|set\s+by|held\s+by|owned\s+by|uit\s+handen\s+van)\s+)?$", re.IGNORECASE
)
_POSSESSIVE_BEFORE = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,2}$")
# Dutch perfect tense puts the verb after the record: "heeft het baanrecord op de 1000 meter
# geëvenaard".
_EQUAL_AFTER = re.compile(
    r"[^.;:!?]{0,40}?\b(?:geëvenaard|geevenaard|equalled|equaled|evenaard)\b", re.IGNORECASE
)
# The sentence after an equal that names whose mark it was: "precies de tijd waarmee Krol het
# record neerzette", "dezelfde tijd als Wiklund", "the same time as Bowe", "matching Bowe's".
_SAME_TIME_BEFORE = re.compile(
    r"\b(?:(?:precies|exact|exactly)\s)?(?:dezelfde\stijd\s(?:als|waarmee)|de\stijd\swaarmee"
    r"|the\ssame\stime\s(?:as|with\swhich)|matching)\s$",
    re.IGNORECASE,
)


def equalled_holders(
    text: str,
    records: Sequence[Record],
    sentences: Sequence[Sentence],
    names: Sequence[NameMention],
) -> list[Record]:
    """The standing record of the holder an equalled record names, one per such record."""
    starts = [s.start for s in sentences]
    added: list[Record] = []
    for record in records:
        if record.status not in ("set", None):
            continue
        word = record.evidence
        index = bisect.bisect_right(starts, word.start) - 1
        if index < 0:
            continue
        sentence = sentences[index]
        if not (
            _EQUAL_BEFORE.search(text, max(sentence.start, word.start - 60), word.start)
            or _EQUAL_AFTER.match(text, word.end, sentence.end)
        ):
            continue
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        holder = _holder(text, sentence, word, names) or (
            _same_time_as(text, following, names) if following is not None else None
        )
        if holder is None or holder.skater.name == record.athlete:
            continue
        added.append(
            Record(
                type=record.type,
                status="existing",
                athlete=holder.skater.name,
                distance=record.distance,
                gender=record.gender,
                seconds=record.seconds,
                venue=None,
                evidence=Span(word.start, holder.end, text[word.start : holder.end])
                if holder.start > word.start
                else Span(holder.start, word.end, text[holder.start : word.end]),
                confidence=record.confidence,
            )
        )
    return added


def _same_time_as(
    text: str, sentence: Sentence, names: Sequence[NameMention]
) -> NameMention | None:
    for name in names:
        if sentence.start <= name.start < sentence.end and _SAME_TIME_BEFORE.search(
            text, max(sentence.start, name.start - 40), name.start
        ):
            return name
    return None


def _holder(
    text: str, sentence: Sentence, word: Span, names: Sequence[NameMention]
) -> NameMention | None:
    for name in names:
        if word.end <= name.start < min(sentence.end, word.end + 30) and _HOLDER_AFTER.match(
            text[word.end : name.start]
        ):
            return name
        if (
            sentence.start <= name.start
            and name.end <= word.start
            and _POSSESSIVE_BEFORE.match(text[name.end : word.start])
        ):
            return name
    return None


def equalled_times(
    text: str,
    records: Sequence[Record],
    sentences: Sequence[Sentence],
    times: Sequence[TimeMention],
) -> list[Record]:
    """Standing marks an equal verb names without their time, given the race time right before
    that verb in the same clause ("won in 34.14, equalling the track record held by Verbij")."""
    starts = [s.start for s in sentences]
    out: list[Record] = []
    for record in records:
        if record.status != "existing" or record.seconds is not None:
            out.append(record)
            continue
        word = record.evidence
        index = bisect.bisect_right(starts, word.start) - 1
        verb = (
            _EQUAL_BEFORE.search(text, max(sentences[index].start, word.start - 60), word.start)
            if index >= 0
            else None
        )
        time = _time_before(text, times, sentences[index].start, verb.start()) if verb else None
        out.append(record if time is None else replace(record, seconds=time.seconds))
    return out


# Between the race time and the equal verb: a comma and nothing that starts another clause.
_TIME_TO_EQUAL = re.compile(r"[,)]?\s*(?:and\s|en\s|thereby\s|daarmee\s)?$", re.IGNORECASE)


def _time_before(text: str, times: Sequence[TimeMention], lo: int, hi: int) -> TimeMention | None:
    # `times` are sorted by start (as the mentions are): a bisection, not a scan per record.
    first = bisect.bisect_left(times, lo, key=lambda t: t.start)
    last = bisect.bisect_left(times, hi, key=lambda t: t.start)
    before = [t for t in times[first:last] if t.end <= hi and t.kind == "result"]
    if before and _TIME_TO_EQUAL.fullmatch(text, before[-1].end, hi):
        return before[-1]
    return None
