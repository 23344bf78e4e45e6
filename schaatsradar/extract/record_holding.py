"""Whose a mark or a time is, by the words right next to it: "het baanrecord van Jenning de
Boo", "Kjeld Nuis (1.43,00)", "Brittany Bowe's 1:13.76", "world-record holder Sander Eitrem",
"de baanrecords van Nuis ... en van De Boo ...".

Why a module of its own: the old marks (`record_old_marks`) and the drafting of records
(`record_drafts`) both ask who holds a record or a time named in a sentence, and the answer
depends only on the phrases between the two, not on what the mark is. (When the words put no
name next to a record, `record_holders` finds whose it is.)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from schaatsradar.extract.countries import CountryMention
from schaatsradar.extract.record_view import CLAUSE_BREAK, Holder, SentenceView
from schaatsradar.extract.record_words import RecordMention
from schaatsradar.extract.times import TimeMention

# Between a record and its holder: "het baanrecord van Jenning de Boo", "in handen van",
# "set by", "took the world record from Frenchman Timothy Loubineaud", "nam het record over
# van Lee Sang-hwa".
HOLDER_GAP = re.compile(
    r"\b(?:van|of|by|from|door|op\snaam\svan|in\shanden\svan|belong(?:s|ed)\sto"
    r"|behoorde\s(?:toe\s)?aan)\s(?:(?:de|het|the|[\w'’]+)\s){0,2}$",
    re.IGNORECASE,
)
# The record's own verb of belonging, right before its holder ("had belonged to Japan",
# "behoorde toe aan Kramer"): a verb between record and holder that ties them.
BELONGED_TO = re.compile(
    r"\b(?:belong(?:s|ed)\sto|behoorde\s(?:toe\s)?aan|behoort\s(?:toe\s)?aan)\s(?:the\s|de\s)?$",
    re.IGNORECASE,
)
HOLDER_GAP_REACH = 40  # "in handen van de Nederlandse " is as long as it gets
# "dat Nao Kodaira in 2019 had gevestigd", "that Patrick Roest had set": a relative clause
# whose subject set the mark.
RELATIVE_BEFORE = re.compile(
    r"\b(?:dat|die|that|which)\s(?:(?:de|het|the)\s)?$", re.IGNORECASE
)  # "dat de Noren in januari hadden gezet"
SETTING_AFTER = re.compile(
    r"(?:[^,;.]|(?<=\d)[.,](?=\d)){0,70}?\b(?:had\sgevestigd|gevestigd|vestigde|neerzette"
    r"|neergezet|had\sset|set|reed|had\sgereden|hadden\sgereden|skated|owns|holds|gezet"
    r"|zette|zetten)\b",
    re.IGNORECASE,
)
# "Kjeld Nuis houdt sinds maart 2019 het wereldrecord": the subject holds it (also after an
# age in apposition: "Stolz, 22, holds the world record").
HOLDS_AFTER_NAME = re.compile(
    # "Nuis still owns", "The Americans, who own", "Norway, which holds".
    r"(?:,\s\d{1,2},)?(?:,\s(?:who|which|die|dat)\s|\s)"
    r"(?:(?:already|also|still|now|al|ook|nog|steeds)\s){0,2}(?:houdt|hield|holds"
    r"|held|bezit|owns|own|hold)\b",
    re.IGNORECASE,
)
# "Kok is met 36,55 de houdster van het baanrecord", "Eitrem is the holder of the track
# record": the subject is its holder.
HOLDER_IS_AFTER_NAME = re.compile(
    r"(?:\s(?:is|was)\s(?:[^;]{0,25}?\s)?|,\s)(?:(?:de|the)\s)?(?:[\w-]+\s)?(?:houd(?:st)?er"
    r"|holder)\s"
    r"(?:van|of)\s(?:het|the)\s(?:[\w-]+\s)?$",
    re.IGNORECASE,
)
# Dutch puts the verb last: "Stolz, die ook het wereldrecord houdt".
RELATIVE_AFTER_NAME = re.compile(r",\s(?:die|dat)\s(?:[\w-]+\s){0,3}", re.IGNORECASE)
# "die het wereldrecord op de 1500 meter (1.40,17) in handen heeft": the verb may come later.
HOLDS_AFTER = re.compile(
    r"(?:(?:[^,;.]|(?<=\d)[.,](?=\d)){0,40}?)\s(?:houdt|hield|bezit|bezat"
    r"|in\shanden\s(?:heeft|had))\b",
    re.IGNORECASE,
)
# Dutch inversion after an opening phrase: "Bij de vrouwen houdt Leerdam het nationale
# record", "Sindsdien bezit Nuis het wereldrecord".
HOLDS_INVERTED_BEFORE = re.compile(r"\b(?:houdt|hield|bezit|bezat)\s$", re.IGNORECASE)
HOLDS_INVERTED_GAP = re.compile(
    r"\s(?:(?:al|ook|nog|steeds|altijd|sinds\s(?:vorig\w*\s)?\w+(?:\s\d{4})?)\s){0,3}(?:het|de)\s(?:[\w-]+\s)?",
    re.IGNORECASE,
)
# "Erin Jackson, whose world record", "Kramer, wiens baanrecord".
WHOSE_AFTER_NAME = re.compile(r",\s(?:whose|wiens|wier)\s(?:[\w-]+\s){0,2}", re.IGNORECASE)
# "Brittany Bowe's 1:13.76", "Stolz' baanrecord".
POSSESSIVE_AFTER_NAME = re.compile(r"['’]s?\s")
TIME_OF_HOLDER = re.compile(r"\s(?:van|of|by)\s$", re.IGNORECASE)
TIME_AFTER_HOLDER = re.compile(
    r"(?:\s?\(\s?|:\s|,\s(?:whose|wiens|wier|met|with)\s|\s(?:met|with|in)\s)$", re.IGNORECASE
)
HAD_SET_AFTER = re.compile(
    r"\s(?:had\s)?(?:set|gevestigd|neerzette|neergezet|reed|skated|held|had\sheld|hield)\b",
    re.IGNORECASE,
)
# "a mark South Korea's Lee Sang-hwa had held": the holder's country before the name.
COUNTRY_POSSESSIVE_GAP = re.compile(r"\s(?:[A-Z][\w-]*\s){0,2}[A-Z][\w-]*['’]s\s")


def holder_after(view: SentenceView, end: int, hi: int) -> Holder | None:
    """The skater or country a record (or time) ending at `end` is of, named after it in its
    clause: "van Jenning de Boo", "set by Elin Hallberg", "in handen van Jutta Leerdam",
    "from Frenchman Timothy Loubineaud", "dat Nao Kodaira in 2019 had gevestigd"."""
    text = view.text
    tried = 0
    for holder in view.holders:
        if holder.start < end or _qualifies_a_name(view, holder):
            continue
        if holder.start > hi or tried == HOLDERS_TRIED or view.breaks_within(end, holder.start):
            return None
        tried += 1
        if PASSIVE_BY.search(text, max(end, holder.start - 30), holder.start):
            return holder  # "het baanrecord werd in 2023 gereden door Erin Jackson"
        if BELONGED_TO.search(text, max(end, holder.start - 30), holder.start):
            return holder  # "The previous record had belonged to Japan": its own verb
        if _verb_between(text, end, holder.start):
            return None  # "baanrecord van 1.52,92 had de Friezin ... voorsprong op X"
        gap_lo = max(end, holder.start - HOLDER_GAP_REACH)
        if HOLDER_GAP.search(text, gap_lo, holder.start):
            return holder
        if RELATIVE_BEFORE.search(text, holder.start - 10, holder.start) and SETTING_AFTER.match(
            text, holder.end, view.end
        ):
            return holder
        if (
            holder.start - end <= 1 or COUNTRY_POSSESSIVE_GAP.fullmatch(text, end, holder.start)
        ) and HAD_SET_AFTER.match(text, holder.end, view.end):
            return holder  # "the mark Patrick Roest had set in 2023"
    return None


# The agent of a passive setting: "gereden door", "gevestigd door", "was set by".
PASSIVE_BY = re.compile(
    r"\b(?:gereden|gevestigd|neergezet|gezet|verbeterd|set|skated|established|lowered)\s"
    r"(?:door|by)\s(?:(?:de|het|the)\s)?$",
    re.IGNORECASE,
)
HOLDERS_TRIED = 2  # the holder is the first or second skater named after the record
# A finite verb of a main clause: a skater named after it is that clause's, not the record's
# (a relative clause, "dat sinds 2015 in handen was van X", still speaks of the record).
MAIN_VERB = re.compile(
    r"\b(?:had|heeft|hebben|hadden|werd|werden|won|wint|reed|reden|pakte|pakten|kwam|kwamen"
    r"|ging|zette|bleef|has|have|finished|took|clocked|skated|beat)\b",
    re.IGNORECASE,
)
RELATIVE = re.compile(r"\b(?:dat|die|that|which|who|whose|wiens)\b", re.IGNORECASE)


def _verb_between(text: str, lo: int, hi: int) -> bool:
    verb = MAIN_VERB.search(text, lo, hi)
    return verb is not None and RELATIVE.search(text, lo, verb.start()) is None


def _qualifies_a_name(view: SentenceView, holder: Holder) -> bool:
    """ "Norway's Eirik Haugland": the country only says whose skater follows."""
    if not isinstance(holder, CountryMention):
        return False
    return any(POSSESSIVE_AFTER_NAME.fullmatch(view.text[holder.end : n.start]) for n in view.names)


def _holder_of_title(view: SentenceView, mention: RecordMention) -> Holder | None:
    """ "world-record holder Sander Eitrem", "wereldrecordhoudster Kok": the name the title
    is given to, right next to it."""
    word = view.text[mention.start : mention.end].casefold()
    if "hold" not in word and "houd" not in word:
        return None
    for holder in view.holders:
        gap = view.text[mention.end : holder.start] if holder.start >= mention.end else None
        if gap is not None and TITLE_GAP.fullmatch(gap):
            return holder
        if holder.end <= mention.start and TITLE_GAP.fullmatch(
            view.text[holder.end : mention.start]
        ):
            return holder
    return None


TITLE_GAP = re.compile(r"\s|,\s(?:de|het|the|a|an|een)\s(?:[\w-]+\s){0,2}", re.IGNORECASE)


def _holder_before(view: SentenceView, mention: RecordMention, lo: int) -> Holder | None:
    """ "Kjeld Nuis houdt ... het wereldrecord", "Bowe's track record"."""
    text = view.text
    for holder in reversed(view.holders):
        if holder.end > mention.start:
            continue
        if holder.end < lo:
            break  # the holders are in text order: the rest lie further back
        if HOLDS_AFTER_NAME.match(text, holder.end) or HOLDER_IS_AFTER_NAME.match(
            text, holder.end, mention.start
        ):
            return holder
        if POSSESSIVE_AFTER_NAME.match(text, holder.end) and mention.start - holder.end <= 25:
            return holder
        if RELATIVE_AFTER_NAME.fullmatch(text, holder.end, mention.start) and HOLDS_AFTER.match(
            text, mention.end
        ):
            return holder  # "Jordan Stolz, die ook het wereldrecord houdt"
        if HOLDS_INVERTED_BEFORE.search(text, max(0, holder.start - 12), holder.start) and (
            HOLDS_INVERTED_GAP.fullmatch(text, holder.end, mention.start)
        ):
            return holder  # "Bij de vrouwen houdt Leerdam het nationale record"
        if WHOSE_AFTER_NAME.fullmatch(text, holder.end, mention.start):
            return holder  # "Erin Jackson, whose mark of 36.09 had stood"
    return None


def time_of_holder(view: SentenceView, holder: Holder) -> TimeMention | None:
    """The time the words tie to a holder: "de 1.44,27 van Shani Davis", "Kjeld Nuis
    (1.43,00)", "Timothy Loubineaud, whose 6:00.23", "Bowe's 1:13.76"."""
    text = view.text
    for time in view.times:
        if time.end <= holder.start and TIME_OF_HOLDER.match(text[time.end : holder.start]):
            return time
        if time.start >= holder.end:
            gap = text[holder.end : time.start]
            if TIME_AFTER_HOLDER.match(gap) or (POSSESSIVE_AFTER_NAME.match(gap) and len(gap) <= 3):
                return time
    return None


TIME_HOLDER_REACH = 8  # " van ", " of ", " by ", " that ": a holder right after their time
# "the mark of 1:40.17 that Kjeld Nuis had held", "de 1.07,02 die Krol had gereden": a
# relative clause whose subject held or set the time.
THAT_BEFORE_HOLDER = re.compile(r"\s(?:that|which|dat|die)\s$", re.IGNORECASE)
HELD_AFTER = re.compile(
    r"\s(?:had\s)?(?:set|held|owned|gevestigd|neerzette|neergezet|reed|gereden|skated)\b",
    re.IGNORECASE,
)


def holder_of_time(view: SentenceView, time: TimeMention) -> Holder | None:
    """Whose old mark a time is by its own words: "de 1.52,95 van Rijpma-de Jong", "Brittany
    Bowe's 1:13.76", "the 34.10 Jordan Stolz had set". (A time followed by "van X" alone is
    also how a result is written, so callers ask this only where a mark is being beaten.)"""
    text = view.text
    for holder in view.holders:
        if holder.start - time.end > TIME_HOLDER_REACH or time.start - holder.end > 3:
            continue
        if holder.start >= time.end:
            gap = text[time.end : holder.start]
            if TIME_OF_HOLDER.match(gap):
                return holder
            if gap == " " and HAD_SET_AFTER.match(text, holder.end, view.end):
                return holder
            if THAT_BEFORE_HOLDER.match(gap) and HELD_AFTER.match(text, holder.end, view.end):
                return holder
        elif holder.end <= time.start:
            gap = text[holder.end : time.start]
            if POSSESSIVE_AFTER_NAME.match(gap) and len(gap) <= 3:
                return holder
    return None


def listed_holders(view: SentenceView, mention: RecordMention) -> list[Listed]:
    """The holders a plural record word lists, each with the distance and time in their part
    of the sentence: "de baanrecords van Nuis op de 1500 meter (1.43,00) en van De Boo op de
    1000 meter (1.07,08)"."""
    holders: list[Holder] = []
    end = mention.end
    while (holder := holder_after(view, end, view.end) or _listed_next(view, end)) is not None:
        holders.append(holder)
        end = holder.end
    if len(holders) < 2:
        return []
    listed = []
    for holder, nxt in itertools.zip_longest(holders, holders[1:]):
        stop = nxt.start if nxt is not None else view.end
        part = [t for t in view.times if holder.end <= t.start < stop]
        distance = next((d.distance for d in view.distances if holder.end <= d.start < stop), None)
        listed.append(Listed(holder, part[0] if part else None, distance))
    return listed


# Between two holders of a list: "van Nuis op de 1500 meter (1.43,00) en De Boo".
LIST_GAP = re.compile(r"(?:,|\ben|\band|&)\s(?:(?:van|of)\s)?$", re.IGNORECASE)
LIST_GAP_REACH = 60


def _listed_next(view: SentenceView, end: int) -> Holder | None:
    if end == view.end:
        return None
    nxt = next((h for h in view.holders if h.start >= end), None)
    if nxt is None or nxt.start - end > LIST_GAP_REACH:
        return None
    gap = view.text[end : nxt.start]
    return nxt if LIST_GAP.search(gap) and not CLAUSE_BREAK.search(gap) else None


@dataclass(frozen=True)
class Listed:
    """One holder of a plural record word, with the time and distance of their part."""

    holder: Holder
    time: TimeMention | None
    distance: str | None
