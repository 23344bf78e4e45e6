"""Drafting the records of one sentence: which records it reports, of which kind, whose, with
which time, and whether set, beaten or standing, before the article's results complete them
(`records.complete_record`).

Why a class: one sentence is read against several things at once (its old marks, the sentence
after it that may continue one, the sentences before it that may have reported the same
record, the results of its race times), and the drafting methods share them. The class is told
in parts: what they share and how a draft is written down (`record_draft_base`), which time a
record has (`record_draft_times`), who holds it (`record_draft_holders`), and here which
records the sentence reports, its old marks and the records it sees set.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.extract.mentions import inside
from schaatsradar.extract.record_draft_base import (
    CLASSIFICATIONS,
    OWN_DISTANCE_GAP,
    REPORTED_BEFORE_SENTENCES,
    RecordDraft,
)
from schaatsradar.extract.record_draft_holders import RIVAL_BEFORE, DraftHolders
from schaatsradar.extract.record_draft_times import OTHER_TIME, POINTS_BACK, DraftTimes
from schaatsradar.extract.record_holders import (
    Who,
    by_nationality,
    earlier_subject,
    is_team,
    owner_of,
    points_back,
    relative_subject,
    who,
)
from schaatsradar.extract.record_marks import (
    NATIONALITY_AFTER,
    POSSESSED_TIME,
    Continuation,
    OldMark,
    clause_around,
    holder_after,
    listed_holders,
    neighbour,
    next_record_start,
    view_of,
)
from schaatsradar.extract.record_words import RecordMention
from schaatsradar.extract.types import TEAM_DISTANCES

__all__ = [
    "APPOSITION",
    "APPOSITION_TITLE",
    "CLASSIFICATIONS",
    "COUNTRY_NAMES",
    "DEMONSTRATIVE_BEFORE",
    "ON_OWN_NAME",
    "OTHER_TIME",
    "OWN_DISTANCE_GAP",
    "POINTS_BACK",
    "POSSESSIVE_BEFORE",
    "REPORTED_BEFORE_SENTENCES",
    "RIVAL_BEFORE",
    "RecordDraft",
    "SentenceRecords",
    "is_country_in_solo_race",
]

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
# A title in an apposition to the subject: "Takagi, the Olympic silver medallist and world
# record-holder, ...", "Nuis, wereldrecordhouder op de 1500 meter, ..." (not "versloeg de
# wereldrecordhouder").
APPOSITION_TITLE = re.compile(
    r"(?:,|\band|\ben)\s(?:(?:de|het|the|a|an|een|regerend|reigning|current|huidig|huidige"
    r"|voormalig|former)\s)*"
    # "Ghiotto, the 10,000m world record holder": the distance of the title between.
    r"(?:\d[\d,.]*\s?(?:m|metres|meters|meter|km)\s)?$",
    re.IGNORECASE,
)
# Words that tie a record word to a mark just named.
APPOSITION = re.compile(r",\s(?:het|de|the|a|an|een)\s(?:[\w-]+\s)?", re.IGNORECASE)
DEMONSTRATIVE_BEFORE = re.compile(
    r"\b(?:dat|dit|die|deze|that|this|these|those)\s(?:[\w'’.,-]+\s){0,2}$", re.IGNORECASE
)


# Kinds of record only their holder can beat.
OWN_KINDS = ("personal", "season_best")


class SentenceRecords(DraftHolders, DraftTimes):
    """The drafting of one sentence's records; one instance per sentence."""

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
        # "bettering the previous mark of 1:07.25 that he had set himself": one's own mark is
        # beaten by oneself, so its holder is no reason to look for another setter.
        exclude = holder.name if holder and not mark.own else None
        pointed = self._pointed_time if mark.beaten_here else None
        if pointed is not None and not is_team(self.context):
            pointed = None if self._subject(exclude) is not None else pointed
        if pointed is not None:
            # "Daarmee doken ze onder het baanrecord": the time of the sentence before beat
            # it; whose it is, the article's results say (`complete_record`).
            self._add(kind, "set", None, pointed.seconds, mark.start, mark.end)
        setter = self._setter(exclude) if mark.beaten_here and pointed is None else None
        if (
            setter is not None
            and holder is not None
            and not mark.own  # "haar eigen ...": the setter is its holder already
            and (kind in OWN_KINDS or self._possessed(mark))
        ):
            # "dook ze met 3.58,40 onder haar persoonlijk record": a skater's own mark (or one
            # named by the sentence's possessive) is beaten by that skater.
            setter = holder
        if mark.own:
            holder = setter or holder
            if holder is None and (not mark.beaten_here or pointed is not None):
                # "just outside her own world record"; "Daarmee dook ze onder haar eigen
                # baanrecord": the one the sentence is about, who skated the time before.
                holder = self._possessor()
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
        # A mark told again adds nothing, unless it now gives the time the first telling
        # lacked ("the world-record holder ... Takagi's world record of 1:49.83"): settling
        # joins the two.
        if (
            status not in ("broken", "existing")
            or seconds is not None
            or not self._reported_before(kind, name, old=True)
        ):
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

    def _possessed(self, mark: OldMark) -> bool:
        return mark.mention is not None and bool(
            POSSESSIVE_BEFORE.search(self.text, max(self.view.start, mark.start - 60), mark.start)
        )

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
        if owner is not None and self._only_a_rival(owner.athlete):
            # "Door een baanrecord van 1.52,92 had de Friezin een marge op Groenewoud": a
            # skater named here only as the one compared with is not who skated it.
            owner = None
        # "behind Ghiotto, whose 6:01.20 was a track record", "Kok, die een baanrecord reed":
        # the relative clause names who skated it, whoever the result reader gave the time.
        relative = relative_subject(self.view, self.context, mention.start)
        holder: Who | None
        if owner is not None and relative is not None and relative.name != owner.athlete:
            holder = relative
        elif owner is not None:
            holder = Who(owner.athlete, owner.gender)
        elif (
            time is None
            and self._pointed_time is not None
            and mention.status_hint not in ("broken", "existing")
            and not self._pointed_by_pronoun
            and not self._season_elsewhere(mention)
        ):
            # "Dat was een persoonlijk record voor Talsma", "Met dat olympisch record ...",
            # "Een persoonlijk record, ...": the time of the sentence before.
            time = self._pointed_time
            holder = self._explicit_holder(mention)
            if holder is None:
                self._fallback = self._last_subject()
        else:
            holder = self._in_own_race(mention, self._named_holder)
            if (
                holder is not None
                and mention.status_hint in (None, "set")
                and self._holds_a_mark_here(holder.name)
            ):
                # "hoped to break the world record that Japan set, but their time was still
                # an Olympic record": the holder of the sentence's old mark did not set it.
                holder = self._earlier_team() if is_team(self.context) else None
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

    def _holds_a_mark_here(self, name: str) -> bool:
        """Is `name` the holder this sentence's words give to one of its old marks?"""
        for mark in self.marks:
            holder = self._mark_holder(mark) if mark.status in ("broken", "existing") else None
            if holder is not None and holder.name == name:
                return True
        return False

    def _only_a_rival(self, name: str) -> bool:
        """Is `name` named in this sentence, and only after words that make them the one
        compared with ("ten opzichte van X", "ahead of X", "sneller dan X")?"""
        named = [n for n in self.view.names if n.skater.name == name]
        return bool(named) and all(
            RIVAL_BEFORE.search(self.text, max(self.view.start, n.start - 40), n.start)
            for n in named
        )

    def _season_elsewhere(self, mention: RecordMention) -> bool:
        """Does the sentence place its record in another season? Words of another season after
        a later record of the sentence ("a season-best but well outside the world record
        Stolz set last year") are that record's, when the sentence pointed at names its
        skater (a pronoun there may stand for anyone)."""
        if not self._other_season(self.view.start, self.view.end):
            return False
        prev = neighbour(self.text, self.view.sentence, -1)
        if prev is None or not view_of(self.text, prev, self.mentions).names:
            return True
        return self._other_season(self.view.start, next_record_start(self.view, mention))

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


COUNTRY_NAMES = frozenset(name for name, _names, _adjectives in COUNTRIES.values())


def is_country_in_solo_race(athlete: str | None, distance: str | None) -> bool:
    """A country named as the skater of an individual race (a misread result)."""
    return athlete in COUNTRY_NAMES and distance not in TEAM_DISTANCES
