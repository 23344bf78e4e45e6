"""Records a sentence reports: whose, with which time, and whether set, broken or standing.

Two steps, because a sentence rarely says everything. `sentence_records` drafts each record
a sentence mentions from what the sentence and its neighbours say (`RecordDraft`);
`complete_record` then fills in, from the results of the whole article, what the sentence
left implicit: the time and distance a record was set with, the distance of a beaten mark, and
whether a record named without a verb was set or merely stands. `record_times` tells the
result builder which times are old or standing marks, never results of the race reported.

A record is reported once. Reporters return to a record they announced ("Hij nam het
wereldrecord over van Van der Poel" after "Loubineaud opende met een wereldrecord"), and a
sentence often adds to the mark of the one before ("Diens 34,24 dateerde van de WK"); such
sentences complete the record already drafted instead of adding another.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import fields, replace

from schaatsradar.extract.context import Context
from schaatsradar.extract.mentions import Mentions, inside, start_list
from schaatsradar.extract.record_drafts import (
    CLASSIFICATIONS,
    RecordDraft,
    SentenceRecords,
    is_country_in_solo_race,
)
from schaatsradar.extract.record_marks import (
    SentenceView,
    continuing,
    listed_holders,
    neighbour,
    old_marks,
    view_of,
)
from schaatsradar.extract.scanning import blind
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.superseded_marks import superseded_times
from schaatsradar.extract.times import TimeMention
from schaatsradar.extract.types import Record, RecordStatus, Result

__all__ = ["RecordDraft", "complete_record", "record_times", "sentence_records"]

# Words that make a time an old or standing mark rather than a time skated in the race:
# "het oude baanrecord (37,25)", "the previous record of 3:33.66", "dat op 33,91 staat".
OLD_MARK_BEFORE = re.compile(
    # "the 21-year-old took gold in 1:06.01": an age, not an old mark.
    r"\b(?:oude?|vorige|voormalige?|(?<!-)old|previous|former|eigen oude|stond|staat|stood|"
    r"recordtijd van|toptijd van)\b[^.;\d]{0,45}$",
    re.IGNORECASE,
)
# Every match of OLD_MARK_BEFORE contains one of these: a cheap test first.
OLD_MARK_WORDS = blind(
    r"oud|vorig|voormalig|old|previous|former|stond|staat|stood|recordtijd|toptijd"
)
NEW_MARK_BEFORE = re.compile(r"\b(?:to|naar|tot|at|op)\s+$", re.IGNORECASE)
# "een nieuwe persoonlijke toptijd van 37,23", "a new record time of 1:45.20": the mark is
# being set with this time.
NEW_RECORD_BEFORE = re.compile(
    r"\b(?:een|a|an|nieuwe?|new)\s(?:[\w-]+\s){0,2}(?:toptijd|recordtijd|besttijd|record"
    r"|record\stime|best|mark)\s(?:van|of)\s+$",
    re.IGNORECASE,
)
LOOK_BACK = 60  # characters before a time that can say it is an old mark


def record_times(text: str, sentence: Sentence, mentions: Mentions) -> set[TimeMention]:
    """Times that belong to a mark that is not being set here (the beaten or standing mark),
    which are no results of the race reported."""
    view = view_of(text, sentence, mentions)
    superseded = superseded_times(view) if view.times else frozenset()
    if not _records_near(text, mentions, sentence, back=2):
        return _old_mark_times(text, sentence, mentions) | superseded
    prev = neighbour(text, sentence, -1)
    before = neighbour(text, prev, -1) if prev is not None else None
    return set(
        _claimed(
            view,
            view_of(text, prev, mentions) if prev is not None else None,
            view_of(text, before, mentions) if before is not None else None,
        )
        | superseded
    )


@functools.lru_cache(maxsize=256)
def _claimed(
    view: SentenceView, prev: SentenceView | None, before: SentenceView | None
) -> frozenset[TimeMention]:
    """`record_times` for one sentence, read once (the result builder asks for every reading
    of a sentence, and the record builder asks again)."""
    marks = old_marks(view, prev)
    claimed = {m.time for m in marks if m.time is not None}
    continued = continuing(view, old_marks(prev, before) if prev is not None else ())
    if continued is not None and continued.time is not None:
        claimed.add(continued.time)
    for mention in view.records:
        if mention.plural:
            claimed.update(item.time for item in listed_holders(view, mention) if item.time)
    claimed.update(_marked_as_old(view.text, view.sentence, view.times))
    return frozenset(claimed)


def _records_near(text: str, mentions: Mentions, sentence: Sentence, back: int) -> bool:
    """Is there a record word in the sentence or in the `back` sentences before it? (A
    sentence's marks come from its own record words and from those of the two before it: a
    beaten time in the sentence after a record, a mark continued from the one before.)"""
    if not mentions.records:
        return False
    first = sentence
    for _ in range(back):
        first = neighbour(text, first, -1) or first
    starts = start_list(mentions.records)
    i = bisect.bisect_left(starts, first.start)
    return i < len(starts) and starts[i] < sentence.end


def _old_mark_times(text: str, sentence: Sentence, mentions: Mentions) -> set[TimeMention]:
    times = [t for t in inside(mentions.times, sentence) if t.kind == "result"]
    return _marked_as_old(text, sentence, times)


def _marked_as_old(text: str, sentence: Sentence, times: Sequence[TimeMention]) -> set[TimeMention]:
    """Times that the words right before them call an old mark: "het oude baanrecord
    (37,25)", "the previous record of 3:33.66", "de teller stond op 33,91"."""
    claimed = set()
    for time in times:
        lo = max(sentence.start, time.start - LOOK_BACK)
        if OLD_MARK_WORDS.search(text, lo, time.start) is None:
            continue
        window = text[lo : time.start]
        if NEW_MARK_BEFORE.search(window) or NEW_RECORD_BEFORE.search(window):
            continue
        if OLD_MARK_BEFORE.search(window):
            claimed.add(time)
    return claimed


def sentence_records(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    context: Context,
    results: Sequence[Result],
) -> list[Record]:
    """The records `sentence` reports, as drafts for `complete_record` (see `RecordDraft`)."""
    if not _records_near(text, mentions, sentence, back=1):
        return []  # no record word here, nor in the sentence whose record this one could go on
    reader = SentenceRecords(
        text, sentence, mentions, context, results, record_times(text, sentence, mentions)
    )
    return list(reader.drafts())


# --------------------------------------------------------------------------------------------
# Completing a draft from the article's results
# --------------------------------------------------------------------------------------------


def complete_record(record: Record, results: Sequence[Result]) -> Record:
    """Fill what a record sentence leaves implicit from the holder's results in the article:
    the distance and time they set it with, and that it was set (not merely standing); for a
    beaten mark, the distance of the race that beat it."""
    draft = record if isinstance(record, RecordDraft) else None
    if record.status in ("broken", "existing"):
        if record.distance is None and draft is not None and draft.beaten_by is not None:
            record = replace(record, distance=_distance_of(draft.beaten_by, results))
        elif draft is not None and not draft.distance_named and not draft.points:
            # A mark whose sentence names no distance is of the one its holder (or who beat
            # it) skated here, when that is one distance, not the last one named.
            raced = {r.distance for r in results if r.athlete == (draft.beaten_by or draft.athlete)}
            if len(raced) == 1:
                record = replace(record, distance=raced.pop())
        return _plain(record)
    if record.athlete is None:
        skated = _skated(record, results)
        if skated is None and draft is not None and draft.fallback and record.status == "set":
            return complete_record(replace(draft, athlete=draft.fallback, fallback=None), results)
        if skated is None or record.status != "set":
            return _plain(record)
        # A new record told without its holder: whoever skated its time.
        return _plain(
            replace(
                record,
                athlete=skated.athlete,
                gender=record.gender or skated.gender,
                distance=skated.distance,
            )
        )
    skated = _skated(record, results)
    if skated is not None and skated.athlete == record.athlete and record.status == "set":
        return _plain(replace(record, distance=skated.distance))  # the race of its time
    own = [r for r in results if r.athlete == record.athlete]
    if draft is not None and draft.points:
        at_classification = [r for r in own if r.distance == record.distance]
        return _plain(replace(record, status=record.status or _set_if(at_classification)))
    named = draft is None or draft.distance_named
    same = [r for r in own if record.distance is None or r.distance == record.distance]
    if not same and not named:
        same = own
    if not same:
        return _plain(replace(record, status=record.status or "existing"))
    timed = [r for r in same if r.seconds is not None]
    source = (timed or same)[0]
    status = record.status or "set"
    seconds = record.seconds
    if seconds is None and status == "set" and not (draft is not None and draft.other_season):
        seconds = source.seconds
    distance = record.distance
    if distance is None or distance in CLASSIFICATIONS or not named:
        distance = source.distance
    return _plain(replace(record, status=status, distance=distance, seconds=seconds))


def _skated(record: Record, results: Sequence[Result]) -> Result | None:
    """The one result of the article with the record's time (None: none, or several)."""
    if record.seconds is None:
        return None
    found = [
        r
        for r in results
        if r.seconds is not None
        and abs(r.seconds - record.seconds) < 0.005
        and not is_country_in_solo_race(r.athlete, r.distance)
    ]
    return found[0] if len({(r.athlete, r.distance) for r in found}) == 1 else None


def _set_if(results: Sequence[Result]) -> RecordStatus:
    return "set" if results else "existing"


def _distance_of(name: str, results: Sequence[Result]) -> str | None:
    own = [r for r in results if r.athlete == name]
    timed = [r for r in own if r.seconds is not None]
    return (timed or own)[0].distance if own else None


def _plain(record: Record) -> Record:
    if type(record) is Record:
        return record
    return Record(**{f.name: getattr(record, f.name) for f in fields(Record)})
