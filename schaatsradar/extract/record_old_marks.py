"""Old and standing marks: the records a sentence says were beaten or still stand, with the
time and holder the words give them.

Why a reading of its own: a report names the mark a skater beat as often as the one they set
("verbeterde het oude baanrecord van Kjeld Nuis (1.43,00)", "took down Brittany Bowe's
1:13.76", "from 37.07 to 36.87"), and the time of such a mark must never become a result of the
race reported. The result builder (which times to skip) and the record builder (which records
to report) therefore read the marks the same way, here, from the words alone: nothing in this
module depends on what earlier sentences established.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from schaatsradar.extract.record_holding import (
    _holder_before,
    _holder_of_title,
    holder_after,
    holder_of_time,
    time_of_holder,
)
from schaatsradar.extract.record_view import (
    CLAUSE_BREAK,
    Holder,
    SentenceView,
    clause_around,
    next_record_start,
)
from schaatsradar.extract.record_words import RecordMention
from schaatsradar.extract.times import TimeMention
from schaatsradar.extract.types import RecordStatus


@dataclass(frozen=True)
class OldMark:
    """A mark the sentence says was beaten (`status` "broken") or still stands ("existing");
    None: a record of someone, with its time, that is either standing or just set ("het
    baanrecord van Leerdam (1.12,74)"), which the holder's results decide.

    `own`: the mark belongs to whoever beats it ("her own Inzell mark", "het eigen oude
    wereldrecord", "the track record she had set herself"). `beaten_here`: a verb of this
    sentence beats it, so the sentence also reports a new record. `points`: a classification
    total, not a time ("het wereldrecord van Roest, 145,561 punten").
    """

    start: int
    end: int
    mention: RecordMention | None
    status: RecordStatus | None
    time: TimeMention | None
    holder: Holder | None
    own: bool = False
    beaten_here: bool = False
    points: bool = False
    nationality: str | None = None  # "van de Zuid-Koreaanse": a holder named by country


OWN = re.compile(
    r"\b(?:(?:her|his|their|its)\sown|(?:haar|zijn|hun)\seigen|eigen)\s(?:[\w,.-]+\s){0,3}$",
    re.IGNORECASE,
)
OWN_AFTER = re.compile(
    r"\s(?:(?:of|van)\s\d[\d.,:]*\s)?(?:(?:that|which|dat|die)\s)?(?:she|he|they|zij|ze|hij)"
    r"\shad\s(?:set|gevestigd)\s"
    r"(?:herself|himself|themselves|zelf)\b|\s(?:dat|die)\s(?:ze|zij|hij)\szelf\b"
    # "the track record of 36.55 she set in 2024": the pronoun is the sentence's subject
    r"|\s(?:(?:of|van)\s\d[\d.,:]*\s)?(?:(?:that|which)\s)?(?:she|he|they)\s(?:had\s)?"
    r"(?:set|skated)\b"
    # "The previous mark of 1:49.83 was her own", "Het oude record was van haarzelf".
    r"|\s(?:[\w.,:()-]+\s){0,4}?(?:was|were)\s(?:(?:her|his|their)\sown|van\s(?:haar|hem|hen)zelf"
    r"|(?:haar|zijn|hun)\seigen)\b",
    re.IGNORECASE,
)
# The words before a time that make it the new mark, not the old: "from 37.07 to 36.87",
# "met een tijd van 1.42,55", "clocking 1:41.78".
NEW_TIME_GAP = re.compile(
    r"\b(?:to|naar|tot|met\seen\stijd\svan|in\sa\stime\sof|clocking|clocked|klokte|klokten"
    r"|reed|reden|skated|won|wint|wonnen|finished|eindigde|werd|werden|winning|finishing"
    r"|taking|stopping|stopped|crossing|crossed)\b",
    re.IGNORECASE,
)
WITH_GAP = re.compile(r"\s(?:met|with)\s(?:een\stijd\svan\s|a\stime\sof\s)?", re.IGNORECASE)


def _beaten_or_own(view: SentenceView, mention: RecordMention) -> bool:
    lo, _ = clause_around(view, mention.start, mention.end)
    own = OWN.search(view.text, max(lo, mention.start - 40), mention.start)
    return own is not None or view.beats_within(lo, mention.start)


# "het baanrecord ... en met 1.11,61 staat het wereldrecord": a time after "en met" opens
# the next clause, which is about something else.
NEXT_CLAUSE_GAP = re.compile(r"\s(?:en|and|maar|but)\s(?:met|with)\s", re.IGNORECASE)
FROM_TO = re.compile(r"\s(?:to|naar|tot)\s$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\b(?:from|van)\s$", re.IGNORECASE)
# "the 33.61 world mark", "(36,36) wereldrecord": a time naming the record right after it.
RIGHT_BEFORE_RECORD = re.compile(r"\)?\s*(?:[\w-]+\s+)?$")
POINTS_REACH = 40
POINTS_NEAR = re.compile(r"\b(?:points?|punten)\s$", re.IGNORECASE)
# "De 6.01,56 van de Zweed": a holder named by nationality somewhere in a sentence.
NATIONALITY_AFTER = re.compile(r"\b(?:van|of)\s(?:de|het|the)\s(?P<adj>[\w-]+)", re.IGNORECASE)
DEMONYM_AFTER = re.compile(r"\s(?:van|of)\s(?:de|het|the)\s(?P<adj>[\w-]+)", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def old_marks(view: SentenceView, previous: SentenceView | None = None) -> tuple[OldMark, ...]:
    """The old and standing marks of a sentence, by its record words and by the phrases of
    beating a time ("verbeterde de 1.52,95 van Rijpma-de Jong"), which count only where the
    sentence or the one before it is about records."""
    marks: list[OldMark] = []
    for mention in view.records:
        if not mention.plural:
            mark = _mark_of_mention(view, mention)
            if mark is not None:
                marks.append(mark)
    if view.records or (previous is not None and previous.records):
        used = {m.time for m in marks if m.time is not None}
        marks.extend(m for m in _beaten_times(view) if m.time not in used)
    return tuple(marks)


def _mark_of_mention(view: SentenceView, mention: RecordMention) -> OldMark | None:
    text = view.text
    lo, hi = clause_around(view, mention.start, mention.end)
    hi = min(hi, next_record_start(view, mention))
    status = mention.status_hint
    # "bracht het Nederlands record van 34,08 naar 33,87": a mark taken from one time to
    # another was beaten, whatever the verb.
    beaten = view.beats_within(lo, hi) or (
        status != "existing" and _from_to(view, mention, hi) is not None
    )
    if (
        status != "broken"
        and _is_indefinite(view, mention)
        and PAST_RELATIVE.match(text, mention.end, hi)
    ):
        # "een Nederlands record dat sinds 2019 van Smeekens was": a new record, and the
        # mark it replaced.
        status, beaten = "broken", True
    old = status in ("broken", "existing")
    named = (
        _holder_of_title(view, mention)
        or holder_after(view, mention.end, hi)
        or _holder_before(view, mention, lo)
    )
    if not old and not beaten and named is None:
        return None  # a record named with no holder and nothing beaten: one being set
    own = bool(OWN.search(text, max(lo, mention.start - 40), mention.start)) or bool(
        OWN_AFTER.match(text[mention.end : hi])
    )
    time, holder = _old_time(view, mention, named, hi)
    points = _points_near(view, mention, hi)
    demonym = DEMONYM_AFTER.match(text, mention.end, hi)
    nationality = demonym.group("adj") if demonym and holder is None else None
    if old:
        return OldMark(
            mention.start, mention.end, mention, status, time, holder, own,
            beaten and status == "broken", points, nationality,
        )  # fmt: skip
    if (
        beaten
        and (holder is not None or time is not None or own or nationality)
        and not (holder is None and not own and _is_indefinite(view, mention))
    ):
        return OldMark(
            mention.start, mention.end, mention, "broken", time, holder, own, True, points,
            nationality,
        )  # fmt: skip
    if holder is not None and time is not None and not _is_indefinite(view, mention):
        return OldMark(mention.start, mention.end, mention, None, time, holder, points=points)
    return None


def _from_to(view: SentenceView, mention: RecordMention, hi: int) -> TimeMention | None:
    """The old time of "from 37.07 to 36.87", "van 34,08 naar 33,87" after a record."""
    after = [t for t in view.times if mention.end <= t.start <= hi]
    for first, second in itertools.pairwise(after):
        if FROM_BEFORE.search(view.text, mention.end, first.start) and FROM_TO.match(
            view.text[first.end : second.start]
        ):
            return first
    return None


# After a record being set, a relative clause in the past about the title: "dat sinds 2017
# op naam stond van X", "which had stood since 2019", "that was held by X".
PAST_RELATIVE = re.compile(
    r",?\s(?:dat|die|that|which)\s[^,;]{0,60}?\b(?:stond|stood|in\shanden\swas|was\sheld"
    r"|had\sbeen\sheld|belonged|behoorde|hield\sstand)\b",
    re.IGNORECASE,
)
INDEFINITE_BEFORE = re.compile(r"\b(?:een|a|an|another|nieuwe?|new)\s(?:[\w-]+\s){0,2}$", re.I)


def _is_indefinite(view: SentenceView, mention: RecordMention) -> bool:
    """ "een wereldrecord van 36,09", "a new track record": a record being set, not a mark."""
    return bool(
        INDEFINITE_BEFORE.search(view.text, max(view.start, mention.start - 30), mention.start)
    )


def _old_time(
    view: SentenceView, mention: RecordMention, holder: Holder | None, hi: int
) -> tuple[TimeMention | None, Holder | None]:
    """The time of an old mark (and its holder, when the time names one): "from T to", the
    time of its holder ("T van X", "X (T)", "X's T", "T X had set", "X, whose T"), the first
    time after it that is not introduced as a new one, or the time that names it ("the 33.61
    world mark")."""
    text = view.text
    old = _from_to(view, mention, hi)
    if old is not None:
        return old, holder
    after = [t for t in view.times if mention.end <= t.start <= hi]
    if holder is not None:
        time = time_of_holder(view, holder)
        if time is not None:
            return time, holder
    for time in after:
        owner = holder_of_time(view, time)
        if owner is not None:
            return time, holder or owner
        gap = text[mention.end : time.start]
        if holder is None and WITH_GAP.fullmatch(gap) and _beaten_or_own(view, mention):
            break  # "dipped under her own track record with 6:48.20": the new time
        if (
            NEW_TIME_GAP.search(gap)
            or (_is_title(view, mention) and TITLE_VERB_GAP.search(gap))
            or COMMA_VERB_GAP.search(gap)
            or NEXT_CLAUSE_GAP.search(gap)
            or CLAUSE_BREAK.search(gap)
            or _other_name_between(view, holder, mention.end, time.start)
        ):
            break
        return time, holder
    before = [t for t in view.times if t.end <= mention.start]
    if (
        before
        and mention.status_hint in ("broken", "existing")
        and RIGHT_BEFORE_RECORD.match(text[before[-1].end : mention.start])
    ):
        return before[-1], holder
    if mention.status_hint in ("broken", "existing"):
        return _stood_at(view, mention, before), holder
    return None, holder


# "Femke Kok, the world-record holder, was second in 36.66": after a holder's title, a verb
# of its sentence says the time that follows is the holder's race, not the mark.
TITLE_VERB_GAP = re.compile(
    r"\b(?:was|were|is|werd|werden|wordt|finished|came|placed|ended|eindigde|kwam|klokte"
    r"|clocked|took|pakte|settled|secured|claimed|grabbed|skated|won|reed|finishte|noteerde)\b",
    re.IGNORECASE,
)


# "Stolz, who holds the world record in the distance, was fourth in 1:07.55": a verb after
# the comma that closes the record's clause belongs to the main clause and its race.
COMMA_VERB_GAP = re.compile(
    r",\s(?:(?:also|ook|then|toen|nog|still|a|an|een|surprising\w*|verrassend\w*)\s){0,2}?"
    r"(?:was|were|werd|werden|finished|came|placed|ended|eindigde|kwam|klokte|clocked|took|pakte"
    r"|settled|secured|claimed|grabbed|skated|won|reed|finishte|noteerde)\b",
    re.IGNORECASE,
)


def _is_title(view: SentenceView, mention: RecordMention) -> bool:
    word = view.text[mention.start : mention.end].casefold()
    return "hold" in word or "houd" in word


# "Haar oude baanrecord stond sinds 2013 - gereden bij het OKT - op 1.53,31": the mark's time
# after the verb that says where it stood, however far; "Bowe is met 1.13,24 de houdster van
# het baanrecord", "met 1.11,61 staat het wereldrecord op haar naam": a standing mark's time
# before it.
STOOD_VERB = re.compile(r"\b(?:stond|staat|stood|stands)\b", re.IGNORECASE)
WITH_BEFORE = re.compile(
    r"\s(?:(?:\w+\s){0,2}(?:de|het|the)\s(?:houd(?:st)?er|holder)\s(?:van|of)\s(?:het|the)\s"
    r"|(?:staat|stond|stands|stood)\s(?:het|de|the)\s)",
    re.IGNORECASE,
)


# "Her 36.09", "Zijn 1.40,17": a time its holder owns.
POSSESSED_TIME = re.compile(r"\b(?:haar|zijn|hun|her|his|their)\s$", re.IGNORECASE)
REMAINS_GAP = re.compile(
    r"\s(?:[\w-]+\s){0,4}?(?:remains|remained|stays|stayed|blijft|bleef|is\sstill|was\sstill"
    r"|is|was|stands\sas|stood\sas)\s(?:het|de|the)\s(?:[\w-]+\s)?",
    re.IGNORECASE,
)


def _stood_at(
    view: SentenceView, mention: RecordMention, before: Sequence[TimeMention]
) -> TimeMention | None:
    text = view.text
    nxt = next_record_start(view, mention)
    for time in view.times:
        if mention.end <= time.start < nxt and not any(
            mention.end <= n.start < time.start for n in view.names
        ):
            lead = text[max(mention.end, time.start - 4) : time.start].casefold()
            if (
                lead.endswith((" op ", " at "))
                and STOOD_VERB.search(text, mention.end, time.start) is not None
                and not any(c in text[mention.end : time.start] for c in ";:")
            ):
                return time
            break
    if before and mention.status_hint == "existing":
        time = before[-1]
        lead = text[max(view.start, time.start - 5) : time.start].casefold()
        if lead.endswith(("met ", "with ")) and WITH_BEFORE.fullmatch(
            text, time.end, mention.start
        ):
            return time
        if POSSESSED_TIME.search(text, max(view.start, time.start - 8), time.start) and (
            REMAINS_GAP.fullmatch(text, time.end, mention.start)
        ):
            return time  # "Her 36.09 from last season remains the world record"
    return None


def _other_name_between(view: SentenceView, holder: Holder | None, lo: int, hi: int) -> bool:
    """A skater named between a record and a time, who is not its holder, skated that time."""
    return any(
        lo <= n.start
        and n.end <= hi
        and (holder is None or n.skater != getattr(holder, "skater", None))
        for n in view.names
    )


def _beaten_times(view: SentenceView) -> list[OldMark]:
    """Marks beaten by a verb without a record word: "verbeterde daarmee de 1.52,95 van
    Rijpma-de Jong", "to take down Brittany Bowe's 1:13.76", "dook onder de 1.44,27 van
    Shani Davis"."""
    marks = []
    for time in view.times:
        holder = holder_of_time(view, time)
        if holder is None:
            continue
        lo, _ = clause_around(view, time.start, time.end)
        if view.beats_within(lo, time.start):
            start = min(time.start, holder.start)
            end = max(time.end, holder.end)
            marks.append(OldMark(start, end, None, "broken", time, holder, beaten_here=True))
    return marks


def _points_near(view: SentenceView, mention: RecordMention, hi: int) -> bool:
    """A classification record: "a points world record", "het wereldrecord van Roest, 145,561
    punten", "the record of 145.561 points"."""
    if POINTS_NEAR.search(view.text, max(view.start, mention.start - 8), mention.start):
        return True
    if POINTS_WORD_AFTER.match(view.text, mention.end):
        return True
    return any(mention.end <= p.start <= min(hi, mention.end + POINTS_REACH) for p in view.points)


# "een wereldrecord punten", "het wereldrecord vierkamp", "the world record in points": a
# classification total.
POINTS_WORD_AFTER = re.compile(
    r"\s(?:(?:in|op|on|de|het|the)\s){0,2}(?:punten|vierkamp|sprintvierkamp|allround"
    r"|allroundvierkamp|points)\b",
    re.IGNORECASE,
)
