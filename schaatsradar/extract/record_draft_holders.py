"""Who holds a record a sentence drafts: the holder the words name outright, the skater the
clause governs (not one compared with or named as another's mark), whom the sentences before
were about, the team named earlier, and who set the new record when a mark is beaten.

Why a module of its own: these are the holder questions of drafting a sentence's records
(`record_drafts.SentenceRecords`); they build on `record_holders` (who a record belongs to
when no name is next to it) and on `record_holding` (whose a mark is by the words next to it).
"""

from __future__ import annotations

import re

from schaatsradar.extract.countries import CountryMention
from schaatsradar.extract.record_draft_base import DraftBase
from schaatsradar.extract.record_holders import (
    Who,
    earlier_subject,
    is_team,
    owner_of,
    recipient,
    relative_subject,
    team_named,
    who,
)
from schaatsradar.extract.record_marks import holder_after, neighbour, next_record_start, view_of
from schaatsradar.extract.record_words import RecordMention

# Before a skater compared with the one who did it, or named as a mark's holder.
RIVAL_BEFORE = re.compile(
    r"\b(?:ten\sopzichte\svan|dan|than|achter|behind|tegen|against|ahead\sof"
    r"|(?:voorsprong|marge)\s(?:van\s[\w.,]+\s(?:[\w.,]+\s)?)?op|(?:lead|margin)\s(?:of\s[\w.,]+\s"
    r"(?:[\w.,]+\s)?)?over|op\snaam\s(?:stond\s|staat\s)?van|in\shanden\s(?:was\s)?van"
    r"|held\sby|set\sby|owned\sby)\s(?:[\w-]+\s){0,2}$",
    re.IGNORECASE,
)


# After the subject of a coordinated clause, its verb: "and Bowe broke the track record".
# The agent of a passive of beating: who set the new mark.
BEATEN_BY_BEFORE = re.compile(
    r"\b(?:verbeterd|gebroken|verbroken|overtroffen|broken|bettered|lowered|improved|beaten)"
    r"\s(?:door|by)\s$",
    re.IGNORECASE,
)
COORDINATED_VERB = re.compile(
    r"\s(?:also\s|ook\s)?(?:broke|set|skated|lowered|improved|bettered|clocked|posted"
    r"|reed|verbeterde|verbrak|vestigde|scherpte|zette)\b",
    re.IGNORECASE,
)


class DraftHolders(DraftBase):
    """The holders of a sentence's records."""

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
        found = self._coordinated_subject(mention)
        if found is not None:
            return found
        found = self._subject(None)
        if found is not None:
            return found
        # "Dat deed de tweevoudig olympisch kampioen met een baanrecord: 1.09,23": only a
        # record set here, with a time or a verb of setting, is the subject's.
        set_here = bool(self.free) or mention.status_hint == "set"
        if not view.names:
            return self._last_subject() if set_here else None
        # Only skaters the clause governs: the nearest, unless compared with or named as
        # another's mark ("ten opzichte van Groenewoud", "sneller dan X", "op naam van X"),
        # when the sentence is about whom the one before was ("had de Friezin een marge op").
        nearest = min(view.names, key=lambda n: abs(n.start - mention.start))
        if RIVAL_BEFORE.search(self.text, max(view.start, nearest.start - 40), nearest.start):
            return self._last_subject() if set_here else None
        return who(nearest, context, view)

    def _coordinated_subject(self, mention: RecordMention) -> Who | None:
        """ "Jackson won the 500 meters and Bowe broke the track record": the subject of the
        coordinated clause that holds the record, not the sentence's first."""
        before = [n for n in self.view.names if n.end <= mention.start]
        if len(before) < 2:
            return None
        last = before[-1]
        lead = self.text[max(self.view.start, last.start - 6) : last.start].casefold()
        if not lead.endswith((" and ", " en ", "; ")) or not COORDINATED_VERB.match(
            self.text, last.end, mention.start
        ):
            return None
        return who(last, self.context, self.view)

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

    def _setter(self, exclude: str | None) -> Who | None:
        """Who set the new record when a mark is beaten: the skater of the sentence's race
        time, else its subject, else whom the sentences before were about."""
        for time in self.free:
            owner = owner_of(self.results, time.seconds)
            if owner is not None and owner.athlete != exclude:
                return Who(owner.athlete, owner.gender)
        for name in self.view.names:
            # "werd later verbeterd door Ted-Jan Bloemen", "was lowered by Stolz": the agent.
            if name.skater.name != exclude and BEATEN_BY_BEFORE.search(
                self.text, max(self.view.start, name.start - 30), name.start
            ):
                return Who(name.skater.name, name.skater.gender)
        found = self._subject(exclude)
        if found is not None:
            return found
        last = self.context.last_subject
        if last is not None and last.name != exclude and last.start >= self.view.start:
            return Who(last.name, last.gender)
        return earlier_subject(self.text, self.view, self.mentions, self.context, exclude)
