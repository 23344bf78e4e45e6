"""Which time a drafted record has: the free race time next to it, the time the words put on
the beating of a mark, the race time of the sentence before when this one points back at it
("Dat was een persoonlijk record", "Daarmee doken ze onder ..."), and whether the words place
the record in another season ("vorig jaar", "in 2019"), so that none of this race's times is
its own.

Why a module of its own: these are the time questions of drafting a sentence's records
(`record_drafts.SentenceRecords`), asked of the sentence and the one before it alone.
"""

from __future__ import annotations

import functools
import re

from schaatsradar.extract.record_draft_base import DraftBase
from schaatsradar.extract.record_marks import OldMark, clause_around, neighbour, old_marks, view_of
from schaatsradar.extract.record_words import RecordMention
from schaatsradar.extract.times import TimeMention

# A sentence that points back at the race of the one before: "Dat was een persoonlijk record",
# "Met dat olympisch record ...", "Daarmee doken ze onder ...", "Een persoonlijk record, maar
# ook ...", "It was a track record", "Ze namen ook het wereldrecord af".
POINTS_BACK = re.compile(
    r"[\"“‘']?(?:(?:Dat|Dit|Het|That|This|It)\s(?:was|is|were|betekende|meant|leverde|gave"
    r"|deed|did)\b|(?:Met|With)\s(?:dat|die|deze|dit|that|this|those)\b|(?:Daarmee|Hiermee"
    r"|Thereby)\b|(?:Een|A|An)\s(?:[\w-]+\s){0,2}?(?:\w*record\w*|personal\sbest|persoonlijke?"
    r"\s\w+)\b|(?P<pronoun>(?:Ze|Zij|Hij|She|He|They)\s)"
    # "Voor haar was dat een persoonlijk record", "For Kok it was a season's best".
    r"|(?:Voor|For)\s(?:haar|hem|hen|her|him|them|(?:de|the)\s[\w-]+\s|(?:[A-Z][\w'’-]*\s){1,3}?)"
    r"\s?(?:was|is|were"
    r"|betekende|meant)\s(?:dat|dit|het|that|this|it)\b"
    r"|For\s(?:her|him|them|(?:[A-Z][\w'’-]*\s?){1,3}?),?\s(?:it|that|this)\s(?:was|is|meant)\b"
    # "Her time was a personal best", "The Dutchman's time was a season-best", "Zijn tijd
    # betekende een persoonlijk record".
    r"|(?:The|De|His|Her|Their|Zijn|Haar|Hun)\s(?:[\w-]+['’]s?\s)?(?:winning\s|winnende\s)?"
    r"(?:time|tijd)\s(?:was|is|were|meant|betekende)\b"
    # "De oud-shorttrackster reed daarmee een persoonlijk record": a subject, then "daarmee".
    r"|(?:(?:De|Het|The)\s[\w'’-]+\s|(?:[A-Z][\w'’-]*\s){1,3})"
    r"(?:reed|rijdt|zette|klokte|skated|set|clocked)\s(?:daarmee"
    r"|hiermee|thereby)\b)"
)
# A sentence about another season: "Ze reed vorig jaar een wereldrecord", "in 2019".
OTHER_TIME = re.compile(
    r"\b(?:vorig(?:e)?\s(?:jaar|seizoen|winter)|last\s(?:year|season|winter)"
    r"|(?P<year>(?:19|20)[0-9]{2}))\b",
    re.IGNORECASE,
)


class DraftTimes(DraftBase):
    """The times of a sentence's records."""

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

    def _new_time(self, mention: RecordMention) -> TimeMention | None:
        """The race time a record was set with: the free time nearest to it, in its own clause
        when there is one there."""
        lo, hi = clause_around(self.view, mention.start, mention.end)
        free = self.free
        own = self._own_distance(mention.start, mention.end)
        if own is not None:
            # "who won the 500 meters in 34.01, also set a world record in the 1000 meters":
            # a time told with another distance is not the record's.
            free = [t for t in free if self._distance_of_time(t) in (None, own)]
        own_clause = [t for t in free if lo <= t.start and t.end <= hi] or free
        return min(own_clause, key=lambda t: _distance(t, mention), default=None)

    def _distance_of_time(self, time: TimeMention) -> str | None:
        """The distance named last before a time in its sentence ("won the 500 meters in
        34.01"), if any."""
        before = [d for d in self.view.distances if d.end <= time.start]
        return before[-1].distance if before else None

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


def _distance(time: TimeMention, mention: RecordMention) -> int:
    return mention.start - time.end if time.end <= mention.start else time.start - mention.end
