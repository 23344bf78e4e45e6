"""A record set and beaten in one report: "Nuis reed 1.42,61, een nieuw baanrecord. Vier
ritten later ging Stolz daar met 1.42,18 nog onder." The second sentence names no record, it
points back at the mark just set; the new record is the second skater's, and the first is
history (`broken`).

Why a module of its own: the record readers read one sentence (and the mark the one before
it left unfinished); a mark superseded by the next sentence is a question about a record
already settled and its neighbour, asked once after settling, like an equalled mark.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from schaatsradar.extract.lexicon import RECORD_BEATEN_BACK
from schaatsradar.extract.names import NameMention
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.times import TimeMention
from schaatsradar.extract.types import Record, Span

__all__ = ["superseded_records"]

M = TypeVar("M", TimeMention, NameMention)

LOOK_AHEAD = 2  # the beating sentence follows the mark within this many sentences
RECORD_WORD = ("record", "best")  # a sentence with its own record word is read by the readers


def superseded_records(
    text: str,
    records: Sequence[Record],
    sentences: Sequence[Sentence],
    names: Sequence[NameMention],
    times: Sequence[TimeMention],
) -> list[Record]:
    """The records with each set mark a following sentence beats turned `broken`, and the
    record of the skater who beat it added. Only a faster time of one named skater other than
    the holder, in a sentence that names no record itself, counts."""
    starts = [s.start for s in sentences]
    # Sorted by start (as the mentions are), so each sentence's share is two bisections away:
    # an adversarial text with thousands of records costs no scan of every time per record.
    times = sorted(times, key=lambda t: t.start)
    names = sorted(names, key=lambda n: n.start)
    out = list(records)
    for i, record in enumerate(records):
        if record.status != "set" or record.seconds is None or record.athlete is None:
            continue
        index = bisect.bisect_right(starts, record.evidence.start) - 1
        for sentence in sentences[index + 1 : index + 1 + LOOK_AHEAD] if index >= 0 else ():
            new = _beating(text, sentence, record, names, times)
            if new is not None:
                out[i] = replace(record, status="broken")
                out.append(new)
                break
    return out


def _beating(
    text: str,
    sentence: Sentence,
    record: Record,
    names: Sequence[NameMention],
    times: Sequence[TimeMention],
) -> Record | None:
    words = text[sentence.start : sentence.end]
    if any(w in words.casefold() for w in RECORD_WORD):
        return None
    pointer = RECORD_BEATEN_BACK.search(words)
    if pointer is None:
        return None
    own = [t for t in _within(times, sentence) if t.kind == "result"]
    who = {n.skater.name: n for n in _within(names, sentence)}
    who.pop(record.athlete or "", None)
    if len(own) != 1 or len(who) != 1 or record.seconds is None:
        return None
    if not own[0].seconds < record.seconds:
        return None  # not faster: no record beaten
    name = next(iter(who.values()))
    return Record(
        type=record.type,
        status="set",
        athlete=name.skater.name,
        distance=record.distance,
        gender=record.gender,
        seconds=own[0].seconds,
        venue=record.venue,
        evidence=Span(sentence.start, sentence.end, words),
        confidence=record.confidence,
    )


def _within(mentions: Sequence[M], sentence: Sentence) -> Sequence[M]:
    """The mentions (sorted by start) that start inside `sentence`."""
    lo = bisect.bisect_left(mentions, sentence.start, key=lambda m: m.start)
    hi = bisect.bisect_left(mentions, sentence.end, key=lambda m: m.start)
    return mentions[lo:hi]
