"""A record set in an earlier season, told inside today's news: standing, not set here.

"Brittany Bowe, who set the track record of 1:12.18 here in 2019, finished fifth": the record
word has a verb of setting before it, but the clause dates the setting to an earlier year (or
"vorig seizoen", "three years ago"). The contract's `set` means set in a race the article
reports (issue 11, class 3: history inside news); an older mark that still stands is
`existing`. Why here and not with the other status words (`record_words`): only the article's
own date says whether "in 2025" is this season or an earlier one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from schaatsradar.extract.types import Record

__all__ = ["dated_setting"]

# A relative clause of setting right before the record word: "who set the", "die in 2019 het
# ... vestigde" is verb-final and left alone (its date is read by the status words).
_SET_IN_CLAUSE_BEFORE = re.compile(
    r"(?i)(?:\b(?:who|that|which)\s(?:(?:had|has|once|also|first)\s){0,2}"
    r"(?:set|skated|posted|clocked)"
    # "who lowered the world record to 36.09 ... a year ago", "when he set the world record":
    # a person's clause with a verb of improving ("That broke the record" tells the beating).
    r"|\b(?:who|when\s(?:he|she|they))\s(?:(?:had|has|once|also|first)\s){0,2}"
    r"(?:set|skated|posted|clocked|lowered|bettered|improved|smashed))\s"
    # "who set the 5,000m track record": a distance in English thousands between.
    r"(?:the|a|an|his|her|their)\s(?:[\w,-]+\s){0,2}$"
)
# The Dutch verb-final clause: "Goetz, die in 2024 het Amerikaans record op 36,60 zette": the
# date before the record word, the verb of setting after it.
_DUTCH_DATED_BEFORE = re.compile(
    r"(?i)\b(?:die|dat)\s(?:[\w-]+\s){0,3}?(?:in\s(?:19|20)\d\d|vorig\w*\s(?:jaar|seizoen)"
    r"|\w+\s(?:jaar|seizoenen)\sgeleden)\s(?:[\w-]+\s){0,3}$"
)
_DUTCH_SET_VERB = re.compile(r"(?i)\b(?:zette|neerzette|reed|vestigde|scherpte|klokte)\b")
# Up to the end of the record's clause.
_CLAUSE = re.compile(r"[^,;.!?]*(?:[.,]\d[^,;.!?]*)*")  # "12:25.69 in the 10,000m" is one clause
_YEAR = re.compile(r"\b(?:in|back\sin|during|at\sthe)\s(?:(?:the\s)?\w+\s)?((?:19|20)\d\d)\b")
_RELATIVE_PAST = re.compile(
    r"(?i)\b(?:\w+\s(?:years?|seasons?|months)\sago|last\s(?:year|season|winter)|jaar\sgeleden"
    r"|vorig\w*\s(?:jaar|seizoen|winter))\b"
)


# The setting told right after the record word, as a participle or a relative clause: "Her
# personal best, set in Calgary two years ago, remains 6:43.69", "Het wereldrecord, dat hij
# in 2013 in Salt Lake City reed, werd later verbeterd".
_SET_AFTER = re.compile(
    r"(?i)(?:\s(?:op|over|on|in|at|of)\s(?:de\s|het\s|the\s)?(?:\d+[.,]\d{3}|[\w.]+)\s?(?:m|meter|metres?|km|"
    r"kilometers?)?)?\s?,\s(?:(?:dat|die|that|which)\s(?:(?:hij|zij|ze|he|she|they|zij)\s)?)?"
    r"(?:[\w-]+\s){0,8}?(?:set|skated|clocked|posted|gereden|gevestigd|neergezet|reed|vestigde)"
    r"\b[^,;.!?]*"
)
# What became of such a mark since: beaten, or still standing.
_BEATEN_SINCE = re.compile(
    r"(?i)\b(?:verbeterd|gebroken|verbroken|overtroffen|broken|bettered|beaten|lowered|improved)\b"
)

_AGENT = re.compile(r"\s(?:door|by)\s", re.IGNORECASE)


def dated_setting(text: str, record: Record, article_date: dt.date | None) -> Record:
    """`record`, standing rather than set when its own clause dates the setting earlier
    (beaten, when its sentence says it has been since)."""
    if record.status not in ("set", None):
        return record
    start, end = record.evidence.start, record.evidence.end
    told = _SET_AFTER.match(text, end)
    if told is not None and _dated_earlier(told.group(), article_date):
        stop = _SENTENCE_END.search(text, told.end())
        rest = text[told.end() : stop.start() if stop else len(text)]
        beaten = _BEATEN_SINCE.search(rest)
        if beaten is not None and record.athlete is not None:
            agent = rest[beaten.end() : beaten.end() + 60]
            if _AGENT.match(agent) and record.athlete.split()[-1] in agent:
                beaten = None  # "... werd later verbeterd door X": X's mark is the new one
        return replace(record, status="broken" if beaten else "existing")
    dutch = _DUTCH_DATED_BEFORE.search(text, max(0, start - 60), start)
    if dutch is not None and record.status is not None:
        clause = _CLAUSE.match(text, end)
        if _DUTCH_SET_VERB.search(clause.group() if clause else "") and _dated_earlier(
            dutch.group(), article_date
        ):
            return replace(record, status="existing")
    if record.status is None or not _SET_IN_CLAUSE_BEFORE.search(text, max(0, start - 40), start):
        return record
    clause = _CLAUSE.match(text, end)
    after = clause.group() if clause else ""
    return replace(record, status="existing") if _dated_earlier(after, article_date) else record


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _dated_earlier(clause: str, article_date: dt.date | None) -> bool:
    """Whether a clause dates what it tells to an earlier season: a relative past ("two years
    ago", "vorig seizoen") or a year before the article's."""
    years = [int(y) for y in _YEAR.findall(clause)]
    return (
        _RELATIVE_PAST.search(clause) is not None
        or (article_date is not None and any(year < article_date.year for year in years))
        or (not years and _earlier_month(clause, article_date))
    )


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")  # fmt: skip
_MONTH = re.compile(r"(?i)\b(?:in|back\sin|during)\s(" + "|".join(_MONTHS) + r")\b")


def _earlier_month(clause: str, article_date: dt.date | None) -> bool:
    """ "who set the world record of 5:58.52 in Inzell in January", told in March: a setting
    told in the past in another month than the article's is an earlier meet (the article's own
    month may be the meet reported)."""
    if article_date is None:
        return False
    found = _MONTH.search(clause)
    if found is None:
        return False
    month = _MONTHS.index(found.group(1).lower()) + 1
    return month != article_date.month
