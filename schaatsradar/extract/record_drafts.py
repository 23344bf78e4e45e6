"""Drafting the records of one sentence: which records it reports, of which kind, whose, with
which time, and whether set, beaten or standing, before the article's results complete them
(`records.complete_record`).

Why a class: one sentence is read against several things at once (its old marks, the sentence
after it that may continue one, the sentences before it that may have reported the same
record, the results of its race times), and the drafting methods share them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, replace

from schaatsradar.extract.context import Context
from schaatsradar.extract.countries import COUNTRIES, CountryMention
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.record_holders import (
    Who,
    by_nationality,
    earlier_subject,
    is_team,
    owner_of,
    points_back,
    recipient,
    relative_subject,
    subject,
    team_named,
    who,
)
from schaatsradar.extract.record_marks import (
    NATIONALITY_AFTER,
    POINTS_WORD_AFTER,
    POSSESSED_TIME,
    Continuation,
    OldMark,
    SentenceView,
    clause_around,
    continuation,
    continuing,
    holder_after,
    listed_holders,
    neighbour,
    next_record_start,
    old_marks,
    previous_marks,
    view_of,
)
from schaatsradar.extract.record_words import RecordMention
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.times import TimeMention
from schaatsradar.extract.types import (
    TEAM_DISTANCES,
    Gender,
    Record,
    RecordStatus,
    Result,
    Span,
)

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


# A possessive before a mark: "haar oude baanrecord", "zijn persoonlijk record", "haar (door
# Schouten verbroken) olympisch record", "his previous best".
POSSESSIVE_BEFORE = re.compile(
    r"\b(?:haar|zijn|hun|her|his|their)\s(?:\([^()]{0,40}\)\s|(?:oude|vorige|voormalige"
    r"|eerdere|eigen|previous|old|former|earlier|own|bijna|\w+\sjaar|\w+-year-old|oude)\s){0,3}$",
    re.IGNORECASE,
)
# "staat het wereldrecord eveneens op haar naam", "stands in his name".
ON_OWN_NAME = re.compile(
    r"\b(?:op\s(?:haar|zijn|hun)\snaam|in\s(?:her|his|their)\sname)\b", re.IGNORECASE
)
# Between a record and its own distance: "baanrecord op de 1.500 meter", "baanrecord in
# Thialf op de 1.000 meter", "track record in the 1,500", "wereldrecord over 500 meter".
OWN_DISTANCE_GAP = re.compile(
    r"(?:\s(?:van|of|met|with|in)\s\d[\d.,:]*|\s?\(\d[\d.,:]*\)|:\s\d[\d.,:]*)?"
    r"\s(?:(?:in|at|van|of)\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s)?(?:op|over|on|in|at|voor|for)"
    r"\s(?:(?:de|het|the)\s)?",
)
# A sentence that points back at the race of the one before: "Dat was een persoonlijk record",
# "Met dat olympisch record ...", "Daarmee doken ze onder ...", "Een persoonlijk record, maar
# ook ...", "It was a track record", "Ze namen ook het wereldrecord af".
POINTS_BACK = re.compile(
    r"[\"“‘']?(?:(?:Dat|Dit|Het|That|This|It)\s(?:was|is|were|betekende|meant|leverde|gave"
    r"|deed|did)\b|(?:Met|With)\s(?:dat|die|deze|dit|that|this|those)\b|(?:Daarmee|Hiermee"
    r"|Thereby)\b|(?:Een|A|An)\s(?:[\w-]+\s){0,2}?(?:\w*record\w*|personal\sbest|persoonlijke?"
    r"\s\w+)\b|(?P<pronoun>(?:Ze|Zij|Hij|She|He|They)\s))"
)
# A sentence about another season: "Ze reed vorig jaar een wereldrecord", "in 2019".
OTHER_TIME = re.compile(
    r"\b(?:vorig(?:e)?\s(?:jaar|seizoen|winter)|last\s(?:year|season|winter)"
    r"|(?P<year>(?:19|20)[0-9]{2}))\b",
    re.IGNORECASE,
)
# Before a skater compared with the one who did it, or named as a mark's holder.
RIVAL_BEFORE = re.compile(
    r"\b(?:ten\sopzichte\svan|dan|than|achter|behind|tegen|against|ahead\sof|voorsprong\sop"
    r"|marge\sop|lead\sover|op\snaam\s(?:stond\s|staat\s)?van|in\shanden\s(?:was\s)?van"
    r"|held\sby|set\sby|owned\sby)\s(?:[\w-]+\s){0,2}$",
    re.IGNORECASE,
)
# A title in an apposition to the subject: "Takagi, the Olympic silver medallist and world
# record-holder, ...", "Nuis, wereldrecordhouder op de 1500 meter, ..." (not "versloeg de
# wereldrecordhouder").
APPOSITION_TITLE = re.compile(
    r"(?:,|\band|\ben)\s(?:(?:de|het|the|a|an|een|regerend|reigning|current|huidig|huidige"
    r"|voormalig|former)\s)*$",
    re.IGNORECASE,
)
# Words that tie a record word to a mark just named.
APPOSITION = re.compile(r",\s(?:het|de|the|a|an|een)\s(?:[\w-]+\s)?", re.IGNORECASE)
DEMONSTRATIVE_BEFORE = re.compile(
    r"\b(?:dat|dit|die|deze|that|this|these|those)\s(?:[\w'’.,-]+\s){0,2}$", re.IGNORECASE
)


class SentenceRecords:
    """The drafting of one sentence's records; one instance per sentence."""

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

    def drafts(self) -> list[RecordDraft]:
        by_mention = {m.mention: m for m in self.marks if m.mention is not None}
        kind_here: str | None = None
        for mention in self.view.records:
            kind = self._kind(mention)
            named_mark = mention in by_mention and by_mention[mention].holder is not None
            if (
                kind is None
                or mention in self.absorbed
                or (self._same_as_before(mention) and not named_mark)
            ):
                continue
            kind_here = kind_here or kind
            mark = by_mention.get(mention)
            if mark is not None:
                self._old(mark, kind)
            elif self._names_a_mark(mention):
                continue
            elif mention.plural:
                self._plural(mention, kind)
            else:
                self._new(mention, kind)
        phrase_kind = kind_here or self.context.last_record_type
        for mark in self.marks:
            if mark.mention is None and phrase_kind is not None:
                self._old(mark, phrase_kind)
        return self.out

    def _subject(self, exclude: str | None) -> Who | None:
        if exclude not in self._subjects:
            self._subjects[exclude] = subject(self.view, self.context, exclude)
        return self._subjects[exclude]

    def _names_a_mark(self, mention: RecordMention) -> bool:
        """ "dook onder de 34,52 van Scheperkamp, het kampioenschapsrecord": the record word
        names the beaten mark before it."""
        return any(
            m.mention is None and APPOSITION.fullmatch(self.text, m.end, mention.start)
            for m in self.marks
        )

    def _same_as_before(self, mention: RecordMention) -> bool:
        """ "Cooper McLeod ... zetten dat record neer": "dat record" is the one just named."""
        if not mention.refers_back or not DEMONSTRATIVE_BEFORE.search(
            self.text, max(self.view.start, mention.start - 30), mention.start
        ):
            return False
        if any(r.end <= mention.start for r in self.view.records):
            return True
        prev = neighbour(self.text, self.view.sentence, -1)
        return prev is not None and bool(inside(self.mentions.records, prev))

    # -- kinds -----------------------------------------------------------------------------

    def _kind(self, mention: RecordMention) -> str | None:
        """The record's kind; for words that refer back ("het record", "her own Inzell mark"),
        the kind named last, or a track record when a rink is named right before it."""
        if mention.fixed:
            return mention.type  # a qualified kind: what refers back means the plain one
        if mention.type != "other":
            self.context.last_record_type = mention.type
            return mention.type
        if any(0 <= mention.start - v.end <= 2 for v in self.view.venues):
            return "track"
        if self.context.last_record_type is not None:
            return self.context.last_record_type
        return None if mention.refers_back else "other"

    # -- old and standing marks --------------------------------------------------------------

    def _old(self, mark: OldMark, kind: str) -> None:
        """The mark itself (unless an earlier sentence reported it), and, when this sentence
        beats it, the new record of whoever beat it."""
        holder = self._mark_holder(mark)
        exclude = holder.name if holder else None
        pointed = self._pointed_time if mark.beaten_here else None
        if pointed is not None and not is_team(self.context):
            pointed = None if self._subject(exclude) is not None else pointed
        if pointed is not None:
            # "Daarmee doken ze onder het baanrecord": the time of the sentence before beat
            # it; whose it is, the article's results say (`complete_record`).
            self._add(kind, "set", None, pointed.seconds, mark.start, mark.end)
        setter = self._setter(exclude) if mark.beaten_here and pointed is None else None
        if mark.own:
            holder = setter or holder
            if holder is None and not mark.beaten_here:
                holder = self._possessor()  # "just outside her own world record"
        time = mark.time
        if self.next is not None and (time is None or holder is None):
            time = time or self.next.time
            holder = holder or self._continued_holder(self.next)
        status = mark.status
        name = holder.name if holder else None
        points = mark.points or bool(
            mark.mention is not None and mark.mention.refers_back and self._refers_to_points()
        )
        mark = replace(mark, points=points)
        seconds = time.seconds if time is not None and not mark.points else None
        if status not in ("broken", "existing") or not self._reported_before(kind, name, old=True):
            self._add(
                kind, status, holder, seconds, mark.start, mark.end, points=mark.points,
                beaten_by=setter.name if setter else None,
            )  # fmt: skip
        if (
            mark.beaten_here
            and setter is not None
            and not self._reported_before(kind, setter.name, old=False)
        ):
            new_time = self._time_of(setter.name, mark.start) or self._time_beating(mark)
            self._add(kind, "set", setter, new_time, mark.start, mark.end, points=mark.points)

    def _mark_holder(self, mark: OldMark) -> Who | None:
        """Named, named by nationality, or (after "Dat was het baanrecord") the one the
        sentence before was about."""
        if mark.holder is not None:
            return who(mark.holder, self.context, self.view)
        if mark.nationality:
            return by_nationality(self.mentions, mark.nationality, mark.start)
        if not mark.own and (
            POSSESSIVE_BEFORE.search(self.text, max(self.view.start, mark.start - 60), mark.start)
            or self._on_own_name(mark)
            or (
                mark.time is not None
                and POSSESSED_TIME.search(
                    self.text, max(self.view.start, mark.time.start - 8), mark.time.start
                )
            )
        ):
            return self._possessor()
        word = self.text[mark.start : mark.end].casefold()
        if (
            mark.mention is not None
            and ("hold" in word or "houd" in word)
            and APPOSITION_TITLE.search(
                self.text, max(self.view.start, mark.start - 40), mark.start
            )
        ):
            # "Takagi, the silver medallist and world record-holder in the 1,500, ...": the
            # title is the subject's.
            return self._possessor()
        if points_back(self.view) and mark.status == "broken":
            return earlier_subject(self.text, self.view, self.mentions, self.context, None)
        return None

    def _on_own_name(self, mark: OldMark) -> bool:
        """ "staat het wereldrecord eveneens op haar naam", "Het wereldrecord van 1.40,17 staat
        sinds 2019 op zijn naam": in the mark's clause, with no skater named in between."""
        _, hi = clause_around(self.view, mark.start, mark.end)
        found = ON_OWN_NAME.search(self.text, mark.end, hi)
        return found is not None and not any(
            mark.end <= n.start < found.start() for n in self.view.names
        )

    def _possessor(self) -> Who | None:
        """Whose "haar oude baanrecord", "zijn persoonlijk record", "her previous mark" is:
        the sentence's subject, named or (a pronoun) the one the sentences before were about."""
        found = self._subject(None)
        if found is not None or is_team(self.context):
            return found
        last = self.context.last_subject
        if last is None or last.team:
            return None
        return Who(last.name, last.gender)

    def _continued_holder(self, nxt: Continuation) -> Who | None:
        """The holder the next sentence names for this sentence's mark."""
        view = nxt.view
        holder = holder_after(view, view.start, view.end)
        if holder is not None:
            return who(holder, self.context, view)
        m = NATIONALITY_AFTER.search(view.text, view.start, view.end)
        if m is None:
            return None
        return by_nationality(self.mentions, m.group("adj"), view.start)

    # -- records being set -------------------------------------------------------------------

    def _new(self, mention: RecordMention, kind: str) -> None:
        """A record named without a beaten mark: its time is the race time next to it, its
        holder whoever skated that time, or the record's named holder or recipient, or the
        sentence's subject."""
        time = self._new_time(mention)
        owner = owner_of(self.results, time.seconds) if time is not None else None
        if owner is not None and is_country_in_solo_race(owner.athlete, owner.distance):
            owner = None  # a country never holds a record of an individual race
        holder: Who | None
        if owner is not None:
            holder = Who(owner.athlete, owner.gender)
        elif (
            time is None
            and self._pointed_time is not None
            and mention.status_hint not in ("broken", "existing")
            and not self._pointed_by_pronoun
            and not self._other_season(self.view.start, self.view.end)
        ):
            # "Dat was een persoonlijk record voor Talsma", "Met dat olympisch record ...",
            # "Een persoonlijk record, ...": the time of the sentence before.
            time = self._pointed_time
            holder = self._explicit_holder(mention)
            if holder is None:
                self._fallback = self._last_subject()
        else:
            holder = self._in_own_race(mention, self._named_holder)
        status = mention.status_hint
        if status is None and time is not None:
            status = "set"  # "klokte 1.27,93, een wereldrecord voor junioren"
        lo, hi = clause_around(self.view, mention.start, mention.end)
        # "Ze reed vorig jaar een wereldrecord": not in this race, so none of its times.
        self._season = time is None and self._other_season(lo, hi)
        points = self._points(mention)
        if holder is not None and self._reported_before(kind, holder.name, old=False):
            self._fallback, self._season = None, False
            return
        distance = owner.distance if owner is not None else None
        self._add(
            kind, status, holder, None if points else (time.seconds if time else None),
            mention.start, mention.end, points=points, distance=distance,
        )  # fmt: skip

    def _in_own_race(
        self, mention: RecordMention, find: Callable[[RecordMention], Who | None]
    ) -> Who | None:
        """`find` read in the record's own race when its clause names one of the other sort
        (individual or team) than the race the context carries: "led the 500 ... a new track
        record" in a report that went on about the relay is Boutin's, not Canada's."""
        own = self._own_distance(mention.start, mention.end)
        if own is None or (own in TEAM_DISTANCES) == is_team(self.context):
            return find(mention)
        saved, subjects = self.context, self._subjects
        self.context, self._subjects = replace(saved, distance=own), {}
        try:
            return find(mention)
        finally:
            self.context, self._subjects = saved, subjects

    def _other_season(self, lo: int, hi: int) -> bool:
        """Do the words in text[lo:hi] place what they tell in another season ("vorig jaar",
        "last season", a year other than the article's)?"""
        for m in OTHER_TIME.finditer(self.text, lo, hi):
            if m.group("year") is None or int(m.group("year")) != self.context.article_year:
                return True
        return False

    @functools.cached_property
    def _pointed_by_pronoun(self) -> bool:
        """ "Ze ...": points back only when the sentence beats a mark, not when it names a
        record ("Ze reed in 2019 een wereldrecord" is another race)."""
        opener = POINTS_BACK.match(self.text, self.view.start, self.view.end)
        return opener is not None and opener.group("pronoun") is not None

    @functools.cached_property
    def _pointed_time(self) -> TimeMention | None:
        """The race time of the sentence before, when this one has none of its own and
        points back at it ("Dat was een ...", "Met dat record", "Daarmee", "Ze ...")."""
        if self.free or not POINTS_BACK.match(self.text, self.view.start, self.view.end):
            return None
        prev = neighbour(self.text, self.view.sentence, -1)
        if prev is None:
            return None
        view = view_of(self.text, prev, self.mentions)
        marks = {m.time for m in old_marks(view, None) if m.time is not None}
        times = [t for t in view.times if t not in marks]
        return times[-1] if times else None

    def _explicit_holder(self, mention: RecordMention) -> Who | None:
        """A holder the words name outright: "van X", "voor X", "X die een ... reed"."""
        view, context = self.view, self.context
        named = holder_after(view, mention.end, next_record_start(view, mention))
        if named is not None:
            return who(named, context, view)
        return recipient(view, context, mention.end) or relative_subject(
            view, context, mention.start
        )

    def _named_holder(self, mention: RecordMention) -> Who | None:
        view, context = self.view, self.context
        named = holder_after(view, mention.end, next_record_start(view, mention))
        if named is not None and not (isinstance(named, CountryMention) and not is_team(context)):
            return who(named, context, view)
        found = recipient(view, context, mention.end) or relative_subject(
            view, context, mention.start
        )
        if found is not None:
            return found
        if is_team(context):
            return team_named(view, context) or self._earlier_team()
        found = self._subject(None)
        if found is not None:
            return found
        if not view.names:
            # "Dat deed de tweevoudig olympisch kampioen met een baanrecord: 1.09,23": only a
            # record set here, with a time or a verb of setting, is the subject's.
            set_here = bool(self.free) or mention.status_hint == "set"
            return self._last_subject() if set_here else None
        # Only skaters the clause governs: the nearest, unless compared with or named as
        # another's mark ("ten opzichte van Groenewoud", "sneller dan X", "op naam van X").
        nearest = min(view.names, key=lambda n: abs(n.start - mention.start))
        if RIVAL_BEFORE.search(self.text, max(view.start, nearest.start - 40), nearest.start):
            return None
        return who(nearest, context, view)

    def _last_subject(self) -> Who | None:
        """Whom the sentence (named by a pronoun or a title: "de Friezin", "de tweevoudig
        olympisch kampioen") or the one before it is about."""
        last = self.context.last_subject
        if last is None or last.team or is_team(self.context):
            return None
        prev = neighbour(self.text, self.view.sentence, -1)
        if last.start < (prev.start if prev is not None else self.view.start):
            return None  # named further back: too stale to be meant here
        return Who(last.name, last.gender)

    def _earlier_team(self) -> Who | None:
        sentence = self.view.sentence
        for _ in range(2):
            prev = neighbour(self.text, sentence, -1)
            if prev is None:
                return None
            found = team_named(view_of(self.text, prev, self.mentions), self.context)
            if found is not None:
                return found
            sentence = prev
        return None

    def _plural(self, mention: RecordMention, kind: str) -> None:
        """ "de baanrecords van Nuis op de 1500 meter (1.43,00) en van De Boo op de 1000
        meter (1.07,08)": one record per holder; "both Olympic records", "Friday's records
        came in ...": one per race time of the sentence; "drie baanrecords sneuvelden": the
        records themselves are told later."""
        listed = listed_holders(self.view, mention)
        if listed:
            status = mention.status_hint if mention.status_hint != "set" else None
            for item in listed:
                self._add(
                    kind, status, who(item.holder, self.context, self.view),
                    item.time.seconds if item.time else None, mention.start, mention.end,
                    distance=item.distance,
                )  # fmt: skip
            return
        for time in self.free:
            owner = owner_of(self.results, time.seconds)
            skater = Who(owner.athlete, owner.gender) if owner else self._subject(None)
            distance = owner.distance if owner else None
            self._add(
                kind, "set", skater, time.seconds, mention.start, mention.end, distance=distance
            )

    # -- shared ------------------------------------------------------------------------------

    def _new_time(self, mention: RecordMention) -> TimeMention | None:
        """The race time a record was set with: the free time nearest to it, in its own clause
        when there is one there."""
        lo, hi = clause_around(self.view, mention.start, mention.end)
        own_clause = [t for t in self.free if lo <= t.start and t.end <= hi] or self.free
        return min(own_clause, key=lambda t: _distance(t, mention), default=None)

    def _time_of(self, name: str, near: int) -> float | None:
        own = [r for r in self.results if r.athlete == name and r.seconds is not None]
        free = {t.seconds for t in self.free}
        return next((r.seconds for r in own if r.seconds in free), None)

    def _time_beating(self, mark: OldMark) -> float | None:
        """ "dook met 6.50,54 onder haar eigen baanrecord", "went under the track record in
        1:45.20": the time the words put on the beating, in the mark's clause."""
        lo, hi = clause_around(self.view, mark.start, mark.end)
        for time in self.free:
            if lo <= time.start and time.end <= hi and not mark.start <= time.start < mark.end:
                lead = self.text[max(lo, time.start - 6) : time.start].casefold()
                if lead.endswith(("met ", "with ", "in ")):
                    return time.seconds
        return None

    def _setter(self, exclude: str | None) -> Who | None:
        """Who set the new record when a mark is beaten: the skater of the sentence's race
        time, else its subject, else whom the sentences before were about."""
        for time in self.free:
            owner = owner_of(self.results, time.seconds)
            if owner is not None and owner.athlete != exclude:
                return Who(owner.athlete, owner.gender)
        found = self._subject(exclude)
        if found is not None:
            return found
        last = self.context.last_subject
        if last is not None and last.name != exclude and last.start >= self.view.start:
            return Who(last.name, last.gender)
        return earlier_subject(self.text, self.view, self.mentions, self.context, exclude)

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


def _distance(time: TimeMention, mention: RecordMention) -> int:
    return mention.start - time.end if time.end <= mention.start else time.start - mention.end


COUNTRY_NAMES = frozenset(name for name, _names, _adjectives in COUNTRIES.values())


def is_country_in_solo_race(athlete: str | None, distance: str | None) -> bool:
    """A country named as the skater of an individual race (a misread result)."""
    return athlete in COUNTRY_NAMES and distance not in TEAM_DISTANCES


def _in_brackets(text: str, lo: int, pos: int) -> bool:
    """ "de tweevoudig olympisch kampioen (1000 en 1500 meter)": an aside, not the race."""
    return text.rfind("(", lo, pos) > text.rfind(")", lo, pos)


def _classification(context: Context) -> str:
    if context.distance in CLASSIFICATIONS:
        return context.distance
    return "sprint" if "sprint" in (context.competition or "").casefold() else "allround"
