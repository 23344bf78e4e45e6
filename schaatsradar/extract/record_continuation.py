"""Continuations: the sentence after an old mark that completes it ("Hij nam het wereldrecord
over van Nils van der Poel. De 6.01,56 van de Zweed hield bijna vier jaar stand.").

Why a module of its own: a reporter often spreads one old mark over two sentences; whether the
next sentence continues the mark of this one (and what it adds), and which marks the sentence
before left, is a question about neighbouring sentences, asked by the record builder from
both sides, while the marks themselves (`record_old_marks`) are read from one sentence alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from schaatsradar.extract.mentions import Mentions
from schaatsradar.extract.record_old_marks import OldMark, old_marks
from schaatsradar.extract.record_view import SentenceView, neighbour, view_of
from schaatsradar.extract.record_words import RecordMention
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.times import TimeMention

# A sentence that opens by pointing back at the mark of the sentence before: "Diens 34,24
# dateerde van ...", "De 6.01,56 van de Zweed ...", "Het record van 2.50,76 werd ...",
# "Het oude wereldrecord van de Zuid-Koreaanse (36,36) ...", "Dat staat met 1.49,83 ...".
OPENER = re.compile(
    r"[\"“‘']?(?:"
    r"(?P<record>(?:Het|De|Dat|Dit|Die|That|This|The|Its)\s"
    r"(?:(?:oude|vorige|eigen|previous|old|former)\s)?(?:\w*record\w*|marks?|toptijd)\b)"
    # (a time, not an age: "De 17-jarige Japanse ..." opens a sentence of its own)
    r"|(?P<time>(?:Diens|Zijn|Haar|Hun|His|Her|Their|De|The|Dat|That)\s(?=[0-9]+[.,:][0-9]))"
    r"|(?P<pointer>(?:Dat|Dit|It|That|This)\s(?:staat|stond|is|was|werd|dateert|stands|stood"
    r"|has\sstood|dates|dated)\b))"
)
OPENER_REACH = 80  # the continued mark's time lies this close to the sentence start


@dataclass(frozen=True)
class Continuation:
    """The sentence after a mark that lacked a time or holder, opening with words that point
    back at it; `absorbed` are the record words of its opener (they name the same mark)."""

    view: SentenceView
    time: TimeMention | None
    absorbed: tuple[RecordMention, ...]


def opener_of(view: SentenceView) -> re.Match[str] | None:
    return OPENER.match(view.text, view.start, view.end)


def continuation(
    text: str, sentence: Sentence, mentions: Mentions, marks: Sequence[OldMark]
) -> Continuation | None:
    """How the next sentence continues this sentence's incomplete mark, if it does."""
    nxt = neighbour(text, sentence, 1)
    if nxt is None:
        return None
    return continuing(view_of(text, nxt, mentions), marks)


def continuing(view: SentenceView, marks: Sequence[OldMark]) -> Continuation | None:
    """`view` as the continuation of `marks` (the previous sentence's marks), or None."""
    if not any(m.time is None or (m.holder is None and not m.own) for m in marks):
        return None
    opener = opener_of(view)
    if opener is None:
        return None
    # "Het vorige baanrecord ..." after a sentence about the world record: another kind is
    # another record, not the continued one.
    kinds = {m.mention.type for m in marks if m.mention is not None and not m.mention.refers_back}
    absorbed = tuple(
        r
        for r in view.records
        if r.start < opener.end() + 1
        and (r.refers_back or r.status_hint in ("broken", "existing"))
        and not r.plural
        and (r.refers_back or not kinds or r.type in kinds)
    )
    if opener.group("record") and not absorbed:
        return None  # "Het eerste baanrecord van het toernooi ...": another record
    reach = view.start + OPENER_REACH
    time = next((t for t in view.times if t.start <= reach), None)
    return Continuation(view, time, absorbed)


def previous_marks(text: str, sentence: Sentence, mentions: Mentions) -> tuple[OldMark, ...]:
    """The marks of the sentence before `sentence`."""
    prev = neighbour(text, sentence, -1)
    if prev is None:
        return ()
    before = neighbour(text, prev, -1)
    prev_view = view_of(text, prev, mentions)
    return old_marks(prev_view, view_of(text, before, mentions) if before else None)
