"""What every step of drafting one sentence's records shares: the readings of the sentence
(its old marks, its free race times, the sentences around it), and the writing down of a draft
(`DraftBase._add`) with the distance the record's own clause names, as a classification total
or not, and only when no earlier sentence reported the same record.

Why a module of its own: the drafting of a sentence's records (`record_drafts.SentenceRecords`)
is told in parts (its times in `record_draft_times`, its holders in `record_draft_holders`, its
marks and new records in `record_drafts`) that share this state and end in the same `_add`;
each part is a class over `DraftBase`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, replace

from schaatsradar.extract.context import Context
from schaatsradar.extract.mentions import Mentions
from schaatsradar.extract.record_holders import Who, is_team, subject, team_named
from schaatsradar.extract.record_marks import (
    POINTS_WORD_AFTER,
    SentenceView,
    clause_around,
    continuation,
    continuing,
    neighbour,
    old_marks,
    previous_marks,
    view_of,
)
from schaatsradar.extract.record_words import RecordMention
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.times import TimeMention
from schaatsradar.extract.types import Gender, Record, RecordStatus, Result, Span

CLASSIFICATIONS = ("allround", "sprint")


@dataclass(frozen=True)
class RecordDraft(Record):
    """A record as one sentence reports it, before the article's results complete it.

    Why a subclass: the pipeline carries records from `sentence_records` to `complete_record`
    as `Record`s; the draft adds only what completion needs, and completion returns a plain
    `Record`.
    """

    beaten_by: str | None = None  # who beat this mark: their result gives its distance
    distance_named: bool = True  # False: the distance was carried from an earlier sentence
    points: bool = False  # a classification total: no time, the distance is allround/sprint
    # Whom the sentence is about, for a record told by a time of the sentence before when no
    # result of the article has that time.
    fallback: str | None = None
    other_season: bool = False  # told of another season: no time of this article's races


# Between a record and its own distance: "baanrecord op de 1.500 meter", "baanrecord in
# Thialf op de 1.000 meter", "track record in the 1,500", "wereldrecord over 500 meter".
OWN_DISTANCE_GAP = re.compile(
    r"(?:\s(?:van|of|met|with|in)\s\d[\d.,:]*|\s?\(\d[\d.,:]*\)|:\s\d[\d.,:]*)?"
    r"\s(?:(?:in|at|van|of)\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s)?(?:op|over|on|in|at|voor|for)"
    r"\s(?:(?:de|het|the)\s)?",
)


class DraftBase:
    """A sentence being drafted: what its drafting steps share; one instance per sentence."""

    def __init__(
        self,
        text: str,
        sentence: Sentence,
        mentions: Mentions,
        context: Context,
        results: Sequence[Result],
        claimed: Set[TimeMention],
    ) -> None:
        self.text = text
        self.mentions = mentions
        self.context = context
        self.results = results
        self.view = view_of(text, sentence, mentions)
        prev = neighbour(text, sentence, -1)
        self.marks = old_marks(self.view, view_of(text, prev, mentions) if prev else None)
        self.claimed = claimed
        self.free = [t for t in self.view.times if t not in self.claimed]
        self.next = continuation(text, sentence, mentions, self.marks)
        earlier = continuing(self.view, previous_marks(text, sentence, mentions))
        self.absorbed = set(earlier.absorbed) if earlier is not None else set()
        self.out: list[RecordDraft] = []
        self._fallback: Who | None = None
        self._season = False
        self._reported: dict[tuple[str, str, bool], bool] = {}
        self._subjects: dict[str | None, Who | None] = {}

    def _subject(self, exclude: str | None) -> Who | None:
        if exclude not in self._subjects:
            self._subjects[exclude] = subject(self.view, self.context, exclude)
        return self._subjects[exclude]

    def _own_distance(self, start: int, end: int) -> str | None:
        """The distance the record's own clause names: right after it ("baanrecord op de
        1.500 meter", "track record in the 1,500") or, else, the last one before it in its
        clause ("won de 3 kilometer in een baanrecord")."""
        view = self.view
        lo, hi = clause_around(view, start, end)
        races = [
            d
            for d in view.distances
            if d.distance not in CLASSIFICATIONS and not _in_brackets(self.text, lo, d.start)
        ]
        for d in races:
            if end <= d.start <= hi and OWN_DISTANCE_GAP.fullmatch(self.text, end, d.start):
                return d.distance
        before = [d for d in races if lo <= d.start and d.end <= start]
        return before[-1].distance if before else None

    def _points(self, mention: RecordMention) -> bool:
        lo, hi = clause_around(self.view, mention.start, mention.end)
        before = self.text[max(lo, mention.start - 8) : mention.start].casefold()
        word = self.text[mention.start : mention.end].casefold()
        if (
            "point" in before
            or "punt" in before
            or "punten" in word
            or POINTS_WORD_AFTER.match(self.text, mention.end)
        ):
            return True
        if mention.refers_back and self._refers_to_points():
            return True  # "Dat record stond op naam van Davis" after a points record
        return any(mention.end <= p.start <= min(hi, mention.end + 40) for p in self.view.points)

    def _refers_to_points(self) -> bool:
        """Is the record named last in the sentences before a classification total?"""
        for view in self._earlier_views:
            if view.records:
                last = view.records[-1]
                if POINTS_WORD_AFTER.match(self.text, last.end) or any(
                    last.end <= p.start <= last.end + 40 for p in view.points
                ):
                    return True
                if not last.refers_back:
                    return False  # another record was named since
        return False

    def _reported_before(self, kind: str, name: str | None, *, old: bool) -> bool:
        """Whether an earlier sentence already reported this record: one of the same kind (or,
        for old marks, one that refers back) and status, naming the same holder, about no
        other distance."""
        if name is None:
            return False
        key = (kind, name, old)
        if key not in self._reported:
            self._reported[key] = any(
                any(_same_record(m, kind, old) for m in view.records)
                and _names(view, name, self.context)
                and self._same_distance(view)
                for view in self._earlier_views
            )
        return self._reported[key]

    @functools.cached_property
    def _earlier_views(self) -> list[SentenceView]:
        views = []
        sentence = self.view.sentence
        for _ in range(REPORTED_BEFORE_SENTENCES):
            prev = neighbour(self.text, sentence, -1)
            if prev is None:
                break
            views.append(view_of(self.text, prev, self.mentions))
            sentence = prev
        return views

    def _same_distance(self, view: SentenceView) -> bool:
        distance = self.context.distance
        return not view.distances or any(d.distance == distance for d in view.distances)

    def _add(
        self,
        kind: str,
        status: RecordStatus | None,
        holder: Who | None,
        seconds: float | None,
        start: int,
        end: int,
        *,
        points: bool = False,
        beaten_by: str | None = None,
        distance: str | None = None,
    ) -> None:
        """Draft one record; one already drafted for the same holder, kind, status and
        distance in this sentence only gains the time if it lacked one."""
        context = self.context
        named = any(
            d.distance == context.distance and not _in_brackets(self.text, self.view.start, d.start)
            for d in self.view.distances
        )
        own = None if distance is not None or points else self._own_distance(start, end)
        if own is not None:
            distance, named = own, True
        elif distance is None:
            distance = context.distance
            if points:
                distance = _classification(context)
            elif distance in CLASSIFICATIONS:
                distance = None
        else:
            named = True
        gender: Gender | None = (holder.gender if holder else None) or context.gender
        draft = RecordDraft(
            type=kind,
            status=status,
            athlete=holder.name if holder else None,
            distance=distance,
            gender=gender,
            seconds=None if points else seconds,
            venue=context.venue if kind == "track" else None,
            evidence=Span(start, end, self.text[start:end]),
            beaten_by=beaten_by,
            distance_named=named or points,
            points=points,
            fallback=self._fallback.name if self._fallback and holder is None else None,
            other_season=self._season,
        )
        self._fallback = None
        self._season = False
        for i, known in enumerate(self.out):
            if _same_draft(known, draft):
                if known.seconds is None and draft.seconds is not None:
                    self.out[i] = replace(known, seconds=draft.seconds)
                return
        self.out.append(draft)


REPORTED_BEFORE_SENTENCES = 6


def _same_record(mention: RecordMention, kind: str, old: bool) -> bool:
    if mention.plural or (mention.status_hint in ("broken", "existing")) != old:
        return False
    return mention.type == kind or (old and mention.type == "other")


def _names(view: SentenceView, name: str, context: Context) -> bool:
    if any(n.skater.name == name for n in view.names):
        return True
    if any(c.name == name for c in view.countries):
        return True
    team = team_named(view, context) if is_team(context) else None
    return team is not None and team.name == name


def _same_draft(a: RecordDraft, b: RecordDraft) -> bool:
    return (a.type, a.status, a.athlete, a.distance) == (b.type, b.status, b.athlete, b.distance)


def _in_brackets(text: str, lo: int, pos: int) -> bool:
    """ "de tweevoudig olympisch kampioen (1000 en 1500 meter)": an aside, not the race."""
    return text.rfind("(", lo, pos) > text.rfind(")", lo, pos)


def _classification(context: Context) -> str:
    if context.distance in CLASSIFICATIONS:
        return context.distance
    return "sprint" if "sprint" in (context.competition or "").casefold() else "allround"
