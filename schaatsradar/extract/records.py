"""Records a sentence mentions: whose, which time, and whether set, broken or standing.
Also the times that belong to an old or standing mark, which are no race results."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract import patterns
from schaatsradar.extract.context import Context
from schaatsradar.extract.countries import CountryMention
from schaatsradar.extract.mentions import Mentions, inside, text_before
from schaatsradar.extract.names import NameMention
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import (
    TEAM_DISTANCES,
    Gender,
    Record,
    Result,
    Span,
)

# Words that make a time an old or standing mark rather than a time skated in the race:
# "het oude baanrecord (37,25)", "the previous record of 3:33.66", "dat op 33,91 staat".
OLD_MARK_BEFORE = re.compile(
    r"\b(?:oude?|vorige|voormalige?|old|previous|former|eigen oude|stond|staat|stood|"
    r"record (?:van|of)|recordtijd van|mark of|toptijd van)\b[^.;\d]{0,45}$",
    re.IGNORECASE,
)


NEW_MARK_BEFORE = re.compile(r"\b(?:to|naar|tot|at|op)\s+$", re.IGNORECASE)


RECORD_REACH = 80  # characters after a record word in which its time is given
# A time followed at once by the record it is: "33.61 world mark", "(36,36) wereldrecord".
RECORD_RIGHT_AFTER = re.compile(r"^\)?\s*(?:[\w-]+\s+)?$")


def record_times(text: str, sentence: Sentence, mentions: Mentions) -> set[patterns.TimeMention]:
    """Times that belong to a record mention that is not being set here: the broken or
    standing mark, which is no result of the race reported."""
    claimed: set[patterns.TimeMention] = set()
    records = inside(mentions.records, sentence)
    for time in inside(mentions.times, sentence):
        before = text_before(text, sentence, time.start)
        if NEW_MARK_BEFORE.search(before):
            continue  # "from 37.07 to 36.87": the second is the time skated now
        if OLD_MARK_BEFORE.search(before):
            claimed.add(time)
            continue
        for record in records:
            if record.status_hint in ("broken", "existing") and (
                record.end <= time.start <= record.end + RECORD_REACH
            ):
                claimed.add(time)
            # "the 33.61 world mark by Kulizhnikov": a time naming the record right after it.
            if (
                record.status_hint in ("broken", "existing")
                and record.start >= time.end
                and RECORD_RIGHT_AFTER.match(text[time.end : record.start])
            ):
                claimed.add(time)
    return claimed


HOLDER_AFTER = re.compile(
    r"^\s*(?:van|of|by|op naam van|in handen van)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def sentence_records(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    context: Context,
    results: Sequence[Result],
) -> list[Record]:
    records = []
    names = inside(mentions.names, sentence)
    times = [t for t in inside(mentions.times, sentence) if t.kind == "result"]
    teams = inside(mentions.countries, sentence) if context.distance in TEAM_DISTANCES else []
    breaking = BREAKING_VERB.search(text, sentence.start, sentence.end) is not None
    for mention in inside(mentions.records, sentence):
        pair = _broken_and_set(text, mention, names, times, context) if breaking else []
        if pair:
            records.extend(pair)
            continue
        holder_name, holder_gender = _record_holder(text, mention, names, teams, results)
        old_mark = mention.status_hint in ("broken", "existing")
        after = [t for t in times if mention.end <= t.start <= mention.end + RECORD_REACH]
        nearest = min(times, key=lambda t: abs(t.start - mention.start), default=None)
        # An old or standing mark's time is given right after it ("het oude record (1.13,05)")
        # or right before it ("the 33.61 world mark"), never elsewhere in the sentence.
        right_before = [
            t
            for t in times
            if t.end <= mention.start and RECORD_RIGHT_AFTER.match(text[t.end : mention.start])
        ]
        if old_mark:
            time = after[0] if after else (right_before[-1] if right_before else None)
        else:
            time = nearest
        record_type = mention.type
        if record_type == "other" and context.last_record_type:
            record_type = context.last_record_type  # "this record", "the previous one"
        elif record_type != "other":
            context.last_record_type = record_type
        records.append(
            Record(
                type=record_type,
                status=mention.status_hint,  # None: decided from the holder's results later
                athlete=holder_name,
                distance=context.distance
                if context.distance not in ("allround", "sprint")
                else None,
                gender=holder_gender or context.gender,
                seconds=time.seconds if time else None,
                venue=context.venue if mention.type == "track" else None,
                evidence=Span(mention.start, mention.end, text[mention.start : mention.end]),
            )
        )
    return records


# "verbeterde het baanrecord van De Boo (1.07,08)", "took down Bowe's 1:13.76": one record
# falls, another is set, in one sentence.
BREAKING_VERB = re.compile(
    r"\b(?:verbeter\w*|verbr\w*|brak|onttroonde|scherpte\w* aan|uit de boeken|took down|"
    r"broke|breaking|improv\w*|lower\w*|bettered|bettering|surpass\w*)\b",
    re.IGNORECASE,
)


def _broken_and_set(
    text: str,
    mention: patterns.RecordMention,
    names: Sequence[NameMention],
    times: Sequence[patterns.TimeMention],
    context: Context,
) -> list[Record]:
    """The two records of a breaking sentence: the old one (its holder named after the
    record word, its time in brackets after it) and the new one (the sentence's subject)."""
    after = [n for n in names if n.start >= mention.end]
    old_holder = (
        after[0] if after and HOLDER_AFTER.search(text[mention.end : after[0].start]) else None
    )
    old_times = [t for t in times if mention.end <= t.start <= mention.end + RECORD_REACH]
    if old_holder is None and not old_times:
        return []
    setters = [n for n in names if old_holder is None or n.skater != old_holder.skater]
    setter = setters[0].skater if setters else None
    if setter is None and context.last_subject is not None:
        setter_name, setter_gender = context.last_subject.name, context.last_subject.gender
    elif setter is not None:
        setter_name, setter_gender = setter.name, setter.gender
    else:
        return []
    distance = context.distance if context.distance not in ("allround", "sprint") else None
    venue = context.venue if mention.type == "track" else None
    evidence = Span(mention.start, mention.end, text[mention.start : mention.end])
    broken = Record(
        type=mention.type,
        status="broken",
        athlete=old_holder.skater.name if old_holder else None,
        distance=distance,
        gender=(old_holder.skater.gender if old_holder else None) or setter_gender,
        seconds=old_times[0].seconds if old_times else None,
        venue=venue,
        evidence=evidence,
    )
    new = Record(
        type=mention.type,
        status="set",
        athlete=setter_name,
        distance=distance,
        gender=setter_gender,
        seconds=None,  # the setter's result time, filled in by complete_record
        venue=venue,
        evidence=evidence,
    )
    return [new, broken]


def _record_holder(
    text: str,
    mention: patterns.RecordMention,
    names: Sequence[NameMention],
    teams: Sequence[CountryMention],
    results: Sequence[Result],
) -> tuple[str | None, Gender | None]:
    """Whose record: the name it is "van" ("het baanrecord van Jenning de Boo"), else the
    skater (or, in team events, country) nearest to it in the sentence."""
    after = [n for n in names if n.start >= mention.end]
    if after and HOLDER_AFTER.search(text[mention.end : after[0].start]):
        return after[0].skater.name, after[0].skater.gender
    if teams:
        team = min(teams, key=lambda t: abs(t.start - mention.start))
        return team.name, None
    holder = min(names, key=lambda n: abs(n.start - mention.start), default=None)
    if holder is not None:
        return holder.skater.name, holder.skater.gender
    in_sentence = [r for r in results if r.seconds is not None]
    return (in_sentence[0].athlete, in_sentence[0].gender) if in_sentence else (None, None)


def complete_record(record: Record, results: Sequence[Result]) -> Record:
    """Fill what a record sentence leaves implicit from the holder's result in the article:
    the distance and time they set it with, and that it was set (not merely standing)."""
    if record.athlete is None or record.status in ("broken", "existing"):
        return record
    own = [r for r in results if r.athlete == record.athlete]
    if record.distance is not None:
        own = [r for r in own if r.distance == record.distance] or own
    timed = [r for r in own if r.seconds is not None]
    if not own:
        return record if record.status is not None else replace(record, status="existing")
    source = (timed or own)[0]
    status = record.status
    if status is None:
        status = "set"
    seconds = record.seconds
    if seconds is None and status == "set" and timed:
        seconds = source.seconds
    return replace(
        record,
        status=status,
        distance=source.distance
        if record.distance in (None, "allround", "sprint")
        else record.distance,
        seconds=seconds,
    )
