"""Superseded marks: times a sentence says are gone, outlasted or taken down, whatever the
record words around them.

Why a reading of its own: the old-mark readers (`record_old_marks`) read a beaten time only
where the sentence or the one before it names a record, because "de 1.52,95 van X" is also how
a result of the race is written. Some words, though, say of a time that it was a mark and no
longer is, and they say it on their own: "Daarmee verdwijnt de 6.01,56 van X", "X's 1:45.20
stood until March", "lowered it from 37.07 to 36.87", "broke X's 1:13.76". Such a time is never
a result of the race reported (truth first: a result that never happened is worse than none),
however far the record word is.
"""

from __future__ import annotations

import functools
import re

from schaatsradar.extract.record_holding import holder_of_time
from schaatsradar.extract.record_view import SentenceView, clause_around
from schaatsradar.extract.times import TimeMention

__all__ = ["superseded_times"]

# Verbs by which a mark goes, before it in its clause: "daarmee verdwijnt de T van X", "toen
# sneuvelde de T van X", "broke X's T", "wiped out X's T". ("beat", "verbeterde", "sneller
# dan" are left out: a skater beats another's time in the same race too.)
GONE_BEFORE = re.compile(
    r"\b(?:verdwijnt|verdwijnen|verdween|verdwenen|sneuvelt|sneuvelen|sneuvelde|sneuvelden"
    r"|gesneuveld|broke|breaks|brak|verbrak|verbreekt|took\sdown|takes\sdown|wiped\sout"
    r"|erased|eclipsed|ended|beëindigde)\b(?:\s[^\s.;:]+){0,6}\s$",
    re.IGNORECASE,
)
# The words right before a gone time with no holder named: "verdwijnt de 6.01,56".
DETERMINER_BEFORE = re.compile(r"\b(?:de|het|the|haar|zijn|her|his|their|hun)\s$", re.IGNORECASE)
# After a time its holder owns, a verb that says how long it stood: "X's T lasted until
# November", "de T van X hield vier jaar stand", "X's T from 2021 stood for four years".
OUTLASTED_AFTER = re.compile(
    r"^[^.;:]{0,40}?\b(?:(?:lasted|stood|survived|held|remained|had\s(?:stood|lasted|held))"
    r"\s(?:[^\s.;:]+\s){0,4}?(?:until|till|for|since)"
    r"|hield\s(?:[^\s.;:]+\s){0,5}?stand|stond\s(?:[^\s.;:]+\s){0,5}?(?:tot|sinds)"
    r"|overleefde|bleef\s(?:[^\s.;:]+\s){0,5}?(?:staan|overeind))\b",
    re.IGNORECASE,
)
# "lowered it from 37.07 to 36.87", "bracht de tijd van 34,08 naar 33,87": the time after
# "from", with the new one after "to".
LOWERED_FROM = re.compile(
    r"\b(?:lower\w*|improv\w*|cut|brought|took|verbeter\w*|bracht|scherpte|aangescherpt)"
    r"\s(?:[^\s.;:]+\s){0,5}?(?:from|van)\s$",
    re.IGNORECASE,
)
TO_NEW = re.compile(r"\s(?:to|naar|tot)\s$", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def superseded_times(view: SentenceView) -> frozenset[TimeMention]:
    """The times of a sentence its own words call a superseded mark."""
    text = view.text
    out = set()
    times = sorted(view.times, key=lambda t: t.start)
    for i, time in enumerate(times):
        lo, hi = clause_around(view, time.start, time.end)
        holder = holder_of_time(view, time)
        # The holder may stand before the time ("X's T"): the verb is before the holder then.
        head = min(time.start, holder.start) if holder is not None else time.start
        gone = GONE_BEFORE.search(text, lo, head)
        if (
            (
                gone is not None
                and (holder is not None or DETERMINER_BEFORE.search(text, lo, time.start))
            )
            or (holder is not None and OUTLASTED_AFTER.match(text[time.end : hi]))
            or (
                i + 1 < len(times)
                and LOWERED_FROM.search(text, max(lo, time.start - 60), time.start)
                and TO_NEW.fullmatch(text, time.end, times[i + 1].start)
            )
        ):
            out.add(time)
    return frozenset(out)
