"""Surface patterns of Dutch and English speed-skating reports.

Every later step of extraction (linking skaters, building results, deciding a record's status)
needs the same low-level readings of the text: where the times are and what kind of time each
is, which distances are named, which words state a finishing position, which records are
mentioned, and which competition, gender and day the text is about. They live here, as pure
functions over the raw article text, so that they can be tested one rule at a time.

Nothing in this module decides *whose* time a time is or which race a rank belongs to; it only
says what a stretch of text is, with an exact span (``text[start:end]`` is the matched words).
Every function returns its mentions sorted by ``start``, without overlaps.

Robustness: all regular expressions are compiled once, use bounded repetition only, and every
context check either anchors at a known position or looks up precomputed cue positions, so the
work stays linear in the length of the text even for hostile input (long digit runs, megabytes
without punctuation). Positions are always taken on the original string (never on a
lower-cased copy, whose length can differ for some Unicode letters), and only ASCII digits
count as digits.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from schaatsradar.extract.types import DISTANCES, RECORD_TYPES, Gender, HasSpan, RecordStatus

__all__ = [
    "ContextMention",
    "DistanceMention",
    "RankMention",
    "RecordMention",
    "TimeKind",
    "TimeMention",
    "distance_for_time",
    "find_context",
    "find_distances",
    "find_ranks",
    "find_record_mentions",
    "find_times",
    "plausible",
    "resolve_day",
]

TimeKind = Literal["result", "split", "margin", "points"]
ContextKind = Literal["competition", "gender", "day"]


# --------------------------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeMention:
    """A time (or margin, or points total) written in the text.

    `seconds` is always positive: for a margin it is the size of the gap, for points it is the
    points total (classification points are "seconds per 500 m" averaged, hence the field).
    """

    start: int
    end: int
    seconds: float
    kind: TimeKind


@dataclass(frozen=True)
class DistanceMention:
    """A race distance or classification named in the text (one of `types.DISTANCES`)."""

    start: int
    end: int
    distance: str


@dataclass(frozen=True)
class RankMention:
    """Words that state a finishing position ("won", "tweede", "bronze", "finished fifth")."""

    start: int
    end: int
    rank: int
    cue: str


@dataclass(frozen=True)
class RecordMention:
    """A record named in the text, with what the nearby words say happened to it."""

    start: int
    end: int
    type: str
    status_hint: RecordStatus | None


@dataclass(frozen=True)
class ContextMention:
    """A competition, gender or day cue; `value` is normalised (see `find_context`)."""

    start: int
    end: int
    kind: ContextKind
    value: str


_M = TypeVar("_M", bound=HasSpan)


def _dedupe(items: Iterable[_M]) -> list[_M]:
    """Sorted by start, overlaps removed: at one place the longest reading wins, and a reading
    that starts inside an earlier one is dropped, so callers never count one phrase twice."""
    ordered = sorted(items, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[_M] = []
    last_end = -1
    for item in ordered:
        if item.start >= last_end:
            out.append(item)
            last_end = item.end
    return out


class _Cues:
    """Positions of every match of one cue pattern in a text, for O(log n) "is there a cue
    shortly before/after position p" questions instead of a regex search per candidate."""

    def __init__(self, pattern: _Rx, text: str) -> None:
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = sorted(e for _, e in spans)
        self.end_set = set(self.ends)

    def ends_at(self, pos: int) -> bool:
        return pos in self.end_set

    def last_end_before(self, pos: int) -> int | None:
        """End of the last cue that ends at or before `pos` (None if there is none)."""
        i = bisect.bisect_right(self.ends, pos)
        return self.ends[i - 1] if i else None

    def any_within(self, lo: int, hi: int) -> bool:
        """Is there a cue starting in [lo, hi)?"""
        i = bisect.bisect_left(self.starts, lo)
        return i < len(self.starts) and self.starts[i] < hi


# Number words, Dutch and English, as used for small counts ("twee honderdste", "five minutes").
_NUMBER_WORDS: dict[str, int] = {
    "een": 1, "één": 1, "eén": 1, "one": 1, "a": 1, "an": 1,
    "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5,
    "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9,
    "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12,
    "dertien": 13, "thirteen": 13, "veertien": 14, "fourteen": 14, "vijftien": 15,
    "fifteen": 15, "zestien": 16, "sixteen": 16, "zeventien": 17, "seventeen": 17,
    "achttien": 18, "eighteen": 18, "negentien": 19, "nineteen": 19, "twintig": 20,
    "twenty": 20,
}  # fmt: skip
_NUMBER_WORD_RE = "|".join(sorted((w for w in _NUMBER_WORDS if len(w) > 2), key=len, reverse=True))


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one string: long lexicons stay readable."""
    return frozenset(words.split())


@functools.lru_cache(maxsize=8)
def _lower(text: str) -> str:
    """Case-folded text, for presence tests only (never for positions: folding can change the
    length of a string). Cached because every scan of one call asks for it."""
    return text.casefold()


class _Rx:
    """A pattern that scans whole texts, made fast for long and hostile input.

    Two cheap filters sit in front of the regular expression: `needles`, lower-case strings
    of which every match contains at least one (when none occurs in the text, the scan is
    skipped: a substring test runs at C speed), and a one-character look-ahead on the
    characters a match can start with, so the regex engine turns away almost every position
    with one set test instead of trying each alternative there. `plain` is the same pattern
    without either filter; the tests check that the filters never hide a match.
    """

    __slots__ = ("fast", "needles", "plain")

    def __init__(self, first: str, pattern: str, needles: str = "") -> None:
        flags = 0
        if pattern.startswith("(?i)"):  # a global flag must lead; the look-ahead goes first
            pattern, flags = pattern[4:], re.IGNORECASE
        chars = sorted(set(first) | {c.upper() for c in first} | {c.lower() for c in first})
        lead = "".join(re.escape(c) for c in chars)
        self.fast = re.compile(f"(?=[{lead}])(?:{pattern})", flags)
        self.plain = re.compile(pattern, flags)
        self.needles = tuple(needles.split())

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.needles:
            low = _lower(text)
            if not any(n in low for n in self.needles):
                return iter(())
        return self.fast.finditer(text)


# Every scanning pattern, so the tests can compare the filtered and the plain form.
_FAST: list[_Rx] = []


def _rx(first: str, pattern: str, needles: str = "") -> _Rx:
    """Make and register a scanning pattern (see `_Rx`)."""
    rx = _Rx(first, pattern, needles)
    _FAST.append(rx)
    return rx


# A sentence ends at . ! ? followed by white space, or at a line break. "1.12,74" contains a
# full stop but is not followed by a space, so times never end a sentence.
_SENTENCE_END = _rx(".!?\n", r"[.!?](?=\s)|\n")


# --------------------------------------------------------------------------------------------
# Times
# --------------------------------------------------------------------------------------------

# One candidate: optional minutes, seconds, decimals. Dutch "1.12,74" / "1:12,74" / "36,09",
# English "1:12.74" / "36.09". The look-arounds keep us from starting or ending inside a longer
# number ("14.11.2025", "1.425", "1000000"), so a candidate is always a whole token.
_NUM_TIME = _rx(
    "0123456789",
    r"(?<![\w.,:])"
    r"(?:(?P<min>[0-9]{1,2})(?P<s1>[.:]))?"
    r"(?P<sec>[0-9]{1,2})(?P<s2>[.,])(?P<frac>[0-9]{1,3})"
    r"(?![0-9])(?![.,:][0-9])",
)
# English prose times: "five minutes 58.52 seconds", "12 minutes and 25.69 seconds".
_WORD_MIN = _rx(
    "0123456789adefnostvwzèéêë",
    rf"(?i)\b(?P<m>[0-9]{{1,2}}|{_NUMBER_WORD_RE})\s(?:minutes?|minuten|minuut),?\s"
    r"(?:and\s|en\s)?(?P<sec>[0-9]{1,2})[.,](?P<frac>[0-9]{1,3})"
    r"(?:\s?(?:seconds?|seconden|seconde|secs?|s)(?!\w))?",
    needles="min",
)
# Margins in hundredths: "27-100ths", "11 hundredths", "éénhonderdste", "drie honderdsten".
_FRACTION = _rx(
    "0123456789adefnostvwzèéêë",
    rf"(?i)(?<![\w.,])(?P<n>[0-9]{{1,3}}|{_NUMBER_WORD_RE}|an?)\s?-?\s?"
    r"(?P<unit>100ths?|hundredths?|honderdsten?|1000ths?|thousandths?|duizendsten?|tenths?"
    r"|tienden|tiende(?=\sva?n\seen\sseconde))"
    r"(?:\s(?:of\sa\ssecond|van\seen\sseconde))?(?!\w)",
    needles="100 hundred honderd 1000 thousand duizend tenth tiend",
)
_SEC_UNIT = re.compile(r"(?i)\s?(?:seconden|secondes|seconde|seconds|second|secs|sec|s)(?!\w)")
_POINTS_UNIT = re.compile(r"(?i)\s?(?:punten|punt|points?|pnt|pts?)(?!\w)")
# Classification totals: "146,365 punten", or three decimals on a three-digit total.
_POINTS = _rx(
    "0123456789",
    r"(?<![\w.,:])(?P<int>[0-9]{1,3})[.,](?P<frac>[0-9]{1,3})(?![0-9])(?![.,:][0-9])",
    needles=", .",
)
# Units that make a decimal number something other than a time: money, percentages, lengths,
# weights, years, clock hours ...
_NOT_TIME_UNIT = re.compile(
    r"(?i)\s?(?:%|‰|procent|percent|per\s?cent|euro|eur|dollars?|usd|pond|pounds?|miljoen"
    r"|million|miljard|billion|mln|mld|meters?|metres?|m|km|kilometers?|kilometres?|cm|mm|kg"
    r"|kilos?|gram|graden|degrees|°|jaar|jaren|years?|uur|u|h|hrs?|pm|am|keer|x|mph|km/h"
    r"|liters?|litres?|l|ml|inch|inches|feet|ft)(?!\w)"
)
_CURRENCY_BEFORE = _rx("$efgu£¥ƒ€", r"(?i)(?:[€$£¥ƒ]|\b(?:eur|usd|gbp|euro|fl)\b\.?)\s?(?=[0-9])")
_MARGIN_BEFORE = _rx(
    "abdglmotv",
    r"(?i)\b(?:(?:verschil|achterstand|voorsprong|marge|gat|tekort|deficit|margin|gap|lead"
    r"|advantage|difference)\s(?:van|of)|by|met|op)\s"
    r"(?:(?:slechts|maar|nog|ruim|bijna|amper|nipt|ongeveer|just|only|nearly|almost|about"
    r"|a\smere)\s)?(?=[0-9+])",
)
_MARGIN_STRONG_BEFORE = _rx(
    "adglmtv",
    r"(?i)\b(?:verschil|achterstand|voorsprong|marge|gat|tekort|deficit|margin|gap|lead"
    r"|advantage|difference)\s(?:van|of)\s"
    r"(?:(?:slechts|maar|nog|ruim|bijna|amper|nipt|ongeveer|just|only|nearly|almost|about"
    r"|a\smere)\s)?(?=[0-9+])",
)
# A comparative right after a number makes it a gap ("0,27 seconden tekort", "0.11 back").
_MARGIN_AFTER = re.compile(
    r"(?i)\s?(?:langzamer|sneller|trager|tekort|te\skort|achter|behind|ahead|back|slower"
    r"|faster|quicker|clear|shy|adrift|achterstand|voorsprong|verschil)\b"
)
_SPLIT_CUE = _rx(
    "0123456789abdghklnoprstw",
    r"(?i)\b(?:openings?(?:tijd|ronde|rondje)?|opener|doorkomst\w*|tussentijd\w*|passage"
    r"|split(?:s|\stimes?(?:\sof)?)?|halverwege|halfway|kwam\sdoor|ging\sdoor|went\sthrough"
    r"|rondetijd\w*|lap\s?times?(?:\sof)?"
    r"|(?:ronde|rondes|ronden|rondje|rondjes|laps?)\s(?:van|in|of|op)"
    r"|(?:na|bij|after|at|passed|passing|through)\s(?:the\s)?[0-9]{3,4}\s?(?:meter|metres?|m)"
    r"(?:\smark)?|(?:100|200|300|400|600|700|800|900|1100|1200|1300|1400)\s?(?:meter|metres?|m)"
    r"(?:\smark)?)(?!\w)",
)
_SPLIT_AFTER = re.compile(
    r"(?i)\s?(?:\(\s?)?(?:opening|opener|doorkomst|split|tussentijd|per\sronde|per\slap"
    r"|in\sde\sopening|als\sopening|for\sthe\sopening|at\sthe\s[0-9]{3,4}\s?m)\b"
)
_RESULT_CUE = _rx(
    "cefiknstw",
    r"(?i)\b(?:eindtijd|eindigde|finishte|finish(?:ed|ing)?|klokte|clocked|tijd\svan|time\sof"
    r"|won|wint|winning\stime|final\stime|kwam\stot|noteerde|stopped\sthe\sclock|in\stotaal)\b",
)
# Directly before a number, these make it a race time even when it also looks like a date.
_RESULT_BEFORE = _rx(
    "(ceikmnrstw",
    r"(?i)(?:\b(?:in|met|with|klokte|clocked|noteerde|reed|skated|tijd\svan|time\sof|tijd|time"
    r"|kwam\stot|eindtijd)\s(?:een\s|a\s)?|\(\s?)(?=[0-9])",
)
_CLOCK_BEFORE = _rx("afortuv", r"(?i)\b(?:om|at|vanaf|tot|rond|around|from|until|till)\s(?=[0-9])")
_SKATE_CONTEXT = _rx(
    "0123456789abcefgkmnoprstwz",
    r"(?i)\b(?:[0-9]{3,5}\s?(?:meter|metres?|m)\b|(?:top)?schaats|skat|rit|ritten|race|tijd"
    r"|time|second|seconde|sec|klokte|clock|reed|finish|podium|goud|zilver|brons|gold|silver"
    r"|bronze|(?:baan|wereld)?record|wereldbeker|world\scup|wk|ek|nk|olymp|spelen|games"
    r"|(?:wereld)?kampioen|champion|massastart|mass\sstart|(?:ploeg(?:en)?)?achtervolging"
    r"|pursuit|sprint|allround|track)",
)
_POINTS_CONTEXT = _rx(
    "ackpsv",
    r"(?i)(?:allround|klassement|classification|standings|punten|points|samalog|vierkamp"
    r"|puntentotaal|sprinttoernooi)",
)


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    minutes: int | None
    sec_text: str
    frac: str
    s1: str | None
    s2: str

    @property
    def sec(self) -> int:
        return int(self.sec_text)


def _seconds(minutes: int, sec: int, frac: str) -> float:
    """Seconds as written, rounded to the written precision (no 1.6600000000000001)."""
    value: float = minutes * 60 + sec + int(frac) / 10 ** len(frac)
    return round(value, len(frac))


def _value(c: _Cand) -> float:
    return _seconds(c.minutes or 0, c.sec, c.frac)


class _TimeContext:
    """Cue positions for one text, computed once per `find_times` call."""

    def __init__(self, text: str, cands: Sequence[_Cand]) -> None:
        self.text = text
        self.cands = cands

    # Each cue index is built on first use only: a text without candidate numbers never pays
    # for the scans.
    @functools.cached_property
    def split(self) -> _Cues:
        return _Cues(_SPLIT_CUE, self.text)

    @functools.cached_property
    def result(self) -> _Cues:
        return _Cues(_RESULT_CUE, self.text)

    @functools.cached_property
    def sentence(self) -> _Cues:
        return _Cues(_SENTENCE_END, self.text)

    @functools.cached_property
    def skate(self) -> _Cues:
        return _Cues(_SKATE_CONTEXT, self.text)

    @functools.cached_property
    def points(self) -> _Cues:
        return _Cues(_POINTS_CONTEXT, self.text)

    @functools.cached_property
    def currency(self) -> _Cues:
        return _Cues(_CURRENCY_BEFORE, self.text)

    @functools.cached_property
    def margin_before(self) -> _Cues:
        return _Cues(_MARGIN_BEFORE, self.text)

    @functools.cached_property
    def margin_strong(self) -> _Cues:
        return _Cues(_MARGIN_STRONG_BEFORE, self.text)

    @functools.cached_property
    def result_before(self) -> _Cues:
        return _Cues(_RESULT_BEFORE, self.text)

    @functools.cached_property
    def clock_before(self) -> _Cues:
        return _Cues(_CLOCK_BEFORE, self.text)

    @functools.cached_property
    def timelike(self) -> list[int]:
        """Starts of time-like tokens (minutes, or two-digit seconds with two decimals, not
        money or a length): they are each other's evidence, "(34.91) and ... (35.42)"."""
        return [
            c.start
            for c in self.cands
            if (c.minutes is not None or (len(c.sec_text) == 2 and len(c.frac) == 2))
            and not self.currency.ends_at(c.start)
            and not _NOT_TIME_UNIT.match(self.text, c.end)
        ]

    def clause_start(self, pos: int, prev_end: int) -> int:
        """Where the stretch of text that can qualify a number at `pos` begins: the sentence
        start or the end of the previous number, whichever is later."""
        sent = self.sentence.last_end_before(pos)
        return max(prev_end, sent if sent is not None else 0)

    def near_timelike(self, c: _Cand, dist: int = 100) -> bool:
        """Is another time-like token within `dist` characters of `c`?"""
        i = bisect.bisect_left(self.timelike, c.start)
        before = self.timelike[i - 1] if i > 0 else None
        j = i + 1 if i < len(self.timelike) and self.timelike[i] == c.start else i
        after = self.timelike[j] if j < len(self.timelike) else None
        return (before is not None and c.start - before <= dist + 12) or (
            after is not None and after - c.end <= dist
        )


def _classify(c: _Cand, ctx: _TimeContext, prev_end: int) -> TimeMention | None:
    """Decide what one numeric token is, or None when it is not a skating time at all.

    Order matters: units first (money, lengths, points are never times), then margins (the
    most specific cues), then splits, then results, which need the most evidence when bare.
    """
    text = ctx.text
    minute_form = c.minutes is not None
    if minute_form and (c.s1, c.s2) not in ((".", ","), (":", ","), (":", ".")):
        return None  # "1.12.74" is a date far more often than a time
    if c.sec >= 60 or (minute_form and (c.minutes or 0) > 30):
        return None
    if ctx.currency.ends_at(c.start) or _POINTS_UNIT.match(text, c.end):
        return None
    unit = _SEC_UNIT.match(text, c.end)
    if unit is None and _NOT_TIME_UNIT.match(text, c.end):
        return None
    value = _value(c)
    start, end = c.start, c.end
    unit_end = unit.end() if unit else end

    # Margins: a sign, a "verschil van"-style cue right before, or a comparative right after.
    # Below ten seconds a stated number of seconds is always a gap: no race is that short.
    sign_start = start
    signed = start > 0 and (
        text[start - 1] in "+±−"
        or (text[start - 1] == "-" and (start == 1 or text[start - 2] in " (\t\n"))
    )
    if signed:
        sign_start = start - 1
    comparative = _MARGIN_AFTER.match(text, unit_end)
    if minute_form:
        is_margin = sign_start != start or ctx.margin_strong.ends_at(start)
    elif c.sec < 10:
        is_margin = (
            sign_start != start
            or unit is not None
            or comparative is not None
            or ctx.margin_before.ends_at(start)
        )
    else:
        is_margin = (
            sign_start != start
            or ctx.margin_strong.ends_at(start)
            or (unit is not None and comparative is not None)
        )
    if is_margin:
        return TimeMention(sign_start, unit_end, value, "margin")
    if not minute_form and c.sec == 0:
        return None

    # Splits: a split cue closer to the number than any result cue, in the same clause, or a
    # split word right after it.
    lo = ctx.clause_start(start, prev_end)
    split_end = ctx.split.last_end_before(start)
    result_end = ctx.result.last_end_before(start)
    split_before = (
        split_end is not None
        and split_end >= lo
        and start - split_end <= 50
        and (result_end is None or result_end <= split_end)
    )
    if split_before or _SPLIT_AFTER.match(text, unit_end):
        return TimeMention(start, unit_end, value, "split")

    # Results.
    if len(c.frac) == 1:
        return None  # "1,5" / "26,5": a gap or a lap, never a reported result
    if minute_form:
        return TimeMention(start, unit_end, value, "result")
    if len(c.sec_text) != 2 or not 25 <= value < 60:
        return None
    if len(c.frac) == 3 and unit is None:
        return None
    strong = unit is not None or ctx.result_before.ends_at(start)
    if c.s2 == ".":
        frac2 = int(c.frac) if len(c.frac) == 2 else -1
        if c.sec <= 31 and 1 <= frac2 <= 12 and not strong:
            return None  # "14.11" is a date
        if c.sec <= 23 and 0 <= frac2 <= 59 and ctx.clock_before.ends_at(start):
            return None  # "om 20.30" is a clock time
    if strong or ctx.skate.any_within(max(0, start - 120), end + 120) or ctx.near_timelike(c):
        return TimeMention(start, unit_end, value, "result")
    return None


def _points_mentions(text: str, ctx: _TimeContext) -> list[TimeMention]:
    out: list[TimeMention] = []
    for m in _POINTS.finditer(text):
        if ctx.currency.ends_at(m.start()):
            continue
        value = _seconds(0, int(m.group("int")), m.group("frac"))
        unit = _POINTS_UNIT.match(text, m.end())
        if unit:
            out.append(TimeMention(m.start(), unit.end(), value, "points"))
        elif (
            len(m.group("int")) == 3
            and len(m.group("frac")) == 3
            and not _NOT_TIME_UNIT.match(text, m.end())
            and ctx.points.any_within(max(0, m.start() - 150), m.end() + 150)
        ):
            out.append(TimeMention(m.start(), m.end(), value, "points"))
    return out


def _word_min_mentions(text: str, ctx: _TimeContext) -> list[TimeMention]:
    out: list[TimeMention] = []
    for m in _WORD_MIN.finditer(text):
        word = m.group("m").lower()
        minutes = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        sec = int(m.group("sec"))
        if minutes is None or sec >= 60 or minutes > 30:
            continue
        frac = m.group("frac")
        value = _seconds(minutes, sec, frac)
        split_end = ctx.split.last_end_before(m.start())
        is_split = split_end is not None and m.start() - split_end <= 30
        out.append(TimeMention(m.start(), m.end(), value, "split" if is_split else "result"))
    return out


_FRACTION_CONTEXT = re.compile(
    r"(?i)\s?(?:\w{1,30}\s){0,2}?(?:tekort|te\skort|sneller|langzamer|trager|achter|voor|verschil"
    r"|behind|ahead|back|slower|faster|quicker|shy|off|short|clear|of\sa\ssecond"
    r"|van\seen\sseconde)\b"
)


def _fraction_mentions(text: str, ctx: _TimeContext) -> list[TimeMention]:
    out: list[TimeMention] = []
    for m in _FRACTION.finditer(text):
        n_text = m.group("n").lower()
        unit = m.group("unit").lower()
        if n_text.isdigit():
            n = int(n_text)
        else:
            # Word numbers need a margin context: "tweehonderdste" is also an ordinal (200th).
            n = _NUMBER_WORDS.get(n_text, 0)
            if not (
                _FRACTION_CONTEXT.match(text, m.end())
                or ctx.margin_before.ends_at(m.start())
                or "second" in m.group(0).lower()
                or "seconde" in m.group(0).lower()
            ):
                continue
        if unit.startswith(("1000", "thousand", "duizend")):
            divisor = 1000
        elif unit.startswith(("tenth", "tiend")):
            divisor = 10
        else:
            divisor = 100
        if n <= 0:
            continue
        out.append(TimeMention(m.start(), m.end(), round(n / divisor, 3), "margin"))
    return out


def find_times(text: str) -> list[TimeMention]:
    """Every time, split, margin and points total written in `text`.

    Why the kinds: a report mixes race results ("kwam tot 1.12,74"), lap and opening times
    ("een opening van 17,73"), gaps ("1,26 seconde langzamer", "27-100ths") and classification
    points ("146,365 punten"); only the first are results, but the others help explain them.
    A bare "36,09" / "36.09" counts as a result only when it looks like one (two digits, two
    decimals, 25-60 s) and skating words or another time are nearby; dates ("14.11"), clock
    times ("om 20.30"), money, percentages, lengths ("1.425 meter") and "1,5 seconde"-style
    gaps are not results.
    """
    cands = [
        _Cand(
            m.start(),
            m.end(),
            int(m.group("min")) if m.group("min") is not None else None,
            m.group("sec"),
            m.group("frac"),
            m.group("s1"),
            m.group("s2"),
        )
        for m in _NUM_TIME.finditer(text)
    ]
    ctx = _TimeContext(text, cands)
    found: list[TimeMention] = []
    found.extend(_word_min_mentions(text, ctx))
    found.extend(_fraction_mentions(text, ctx))
    found.extend(_points_mentions(text, ctx))
    prev_end = 0
    for c in cands:
        mention = _classify(c, ctx, prev_end)
        prev_end = c.end
        if mention is not None:
            found.append(mention)
    return _dedupe(found)


# --------------------------------------------------------------------------------------------
# Distances
# --------------------------------------------------------------------------------------------

_SEPS = "[.,\u00a0\u202f]"
_DIST_NUM = _rx(
    "135",
    rf"(?<![\w.,])(?:10{_SEPS}?000|[135]{_SEPS}?000|1{_SEPS}?500|500)(?![0-9]|[.,][0-9])",
    needles="500 000",
)
_DIST_UNIT = re.compile(r"(?i)\s?-?\s?(?:meters?|metres?|meter's|m)(?!\w)")
_DIST_LIST_GAP = re.compile(r"(?i)\s?(?:,|en|and|of|or|&|/)\s(?:de\s|the\s)?|,\s?|/")
_DIST_NOT_BEFORE = _rx(
    "abeflnopt",
    r"(?i)\b(?:na|bij|after|at|passed|passing|through|laatste|last|final|opening|openings"
    r"|eerste\s100)\s(?:the\s)?(?=[0-9])",
)
_DIST_ARTICLE_BEFORE = _rx("dt", r"(?i)\b(?:de|the)\s(?=[0-9])")
_DIST_NOT_AFTER = re.compile(
    r"(?i)\s?(?:hoogte|boven|hoog|high|altitude|above|elevation|mark|lang|long|verder"
    r"|voor\s(?:het\s)?(?:einde|eind|finish)|from\sthe\sfinish|to\sgo|te\sgaan"
    r"|van\sde\sfinish)\b"
)
# After a bare "de 1500" only words that cannot be the noun the number counts.
_BARE_DIST_AFTER = re.compile(
    r"(?i)(?:\s?[.,;:!?)\"'’”]|\s?$|\s(?:en|of|and|or|in|op|met|bij|van|voor|is|was|werd|won"
    r"|wint|gewonnen|zijn|ook|at|with|on|for|race|rit|ritten|final|finale|winnen|te|rijden"
    r"|reed|reden|gereden|nog|niet|wel|dit|dat|die|heeft|had|hebben|skated|wins|went|ging)\b)"
)
_DIST_WORDS: list[tuple[_Rx, str]] = [
    (_rx("d", r"(?i)\bde\shalve\skilometer\b", needles="kilometer"), "500m"),
    (_rx("a", r"(?i)\banderhalve\skilometer\b", needles="kilometer"), "1500m"),
    (_rx("d", r"(?i)\bde\skilometer\b(?!\s(?:lang|verder|hoogte))", needles="kilometer"), "1000m"),
    (
        _rx("ks", r"(?i)\b(?:kortste\safstand|shortest\sdistance)\b", needles="kortste shortest"),
        "500m",
    ),
    (
        _rx(
            "pt",
            r"(?i)\b(?:ploeg(?:en)?achtervolging|teamachtervolging|team[\s-]?pursuits?)\b",
            needles="achtervolging pursuit",
        ),
        "team pursuit",
    ),
    (_rx("t", r"(?i)\bteam[\s-]?sprints?\b", needles="sprint"), "team sprint"),
    (_rx("m", r"(?i)\b(?:massastarts?|mass[\s-]starts?)\b", needles="start"), "mass start"),
    (
        _rx(
            "1z",
            r"(?i)\b(?:zestien|16)\s(?:ronden|rondes|rondjes|laps)\b",
            needles="ronde rondj laps",
        ),
        "mass start",
    ),
    (
        _rx(
            "agmr",
            r"(?i)\b(?:(?:mixed|gemengde?)\s(?:team\s)?(?:relay|aflossing)|relays?"
            r"|aflossing(?:en)?)\b",
            needles="relay aflossing",
        ),
        "relay",
    ),
    (
        _rx("aenw", r"(?i)\b(?:(?:WK|EK|NK)[\s-])?all[\s-]?round(?!ers?\b)\w*", needles="round"),
        "allround",
    ),
    (
        _rx(
            "ceknsw",
            r"(?i)\b(?:(?:WK|EK|NK)[\s-]sprint\b|sprint(?:titel|titels|kampioen(?:e|en"
            r"|schap(?:pen)?)?|klassement|vierkamp|toernooi|wereldkampioen(?:e)?)\b"
            r"|(?:kampioene?|kampioenschap(?:pen)?)\ssprint\b"
            r"|world\ssprint(?:\s(?:title|champion(?:ships?)?))?\b"
            r"|sprint\s(?:title|champion(?:ships?)?|classification|crown)\b)",
            needles="sprint",
        ),
        "sprint",
    ),
]
_KM = _rx(
    "135dftv",
    r"(?i)\b(?:(?P<art>de|the)\s)?(?P<n>drie|vijf|tien|three|five|ten|3|5|10)\s?-?\s?"
    r"(?:kilometers?|kilometres?|km)(?!\w)",
    needles="km kilomet",
)
_KM_VALUES = {
    "drie": "3000m", "three": "3000m", "3": "3000m", "vijf": "5000m", "five": "5000m",
    "5": "5000m", "tien": "10000m", "ten": "10000m", "10": "10000m",
}  # fmt: skip
_DIST_BY_NUMBER = {500: "500m", 1000: "1000m", 1500: "1500m", 3000: "3000m", 5000: "5000m",
                   10000: "10000m"}  # fmt: skip


def _dist_value(token: str) -> str:
    return _DIST_BY_NUMBER[int(re.sub(r"\D", "", token))]


def find_distances(text: str) -> list[DistanceMention]:
    """Every race distance or classification named in `text`.

    Why so careful with numbers: reports also give altitudes ("op 1.425 meter hoogte"), split
    points ("na 600 meter", "passed the 700m mark"), the last stretch of a race ("de laatste
    500 meter") and counts ("de 1500 toeschouwers"); none of these is a race. Coordinated
    lists ("de 500, 1000 en 1500 meter") name each distance. A lone "sprint" is a finishing
    sprint, not the sprint classification, so only "WK sprint", "sprinttitel" etc. count.
    """
    found: list[DistanceMention] = []
    nums = list(_DIST_NUM.finditer(text))
    kms = list(_KM.finditer(text))
    not_before = _Cues(_DIST_NOT_BEFORE, text) if nums or kms else None
    article_before = _Cues(_DIST_ARTICLE_BEFORE, text) if nums else None
    # Walk right to left so a number followed by a list gap and a distance joins that list.
    is_dist = [False] * len(nums)
    for i in range(len(nums) - 1, -1, -1):
        m = nums[i]
        if not_before is not None and not_before.ends_at(m.start()):
            continue
        unit = _DIST_UNIT.match(text, m.end())
        if unit:
            if _DIST_NOT_AFTER.match(text, unit.end()):
                continue
            is_dist[i] = True
            found.append(DistanceMention(m.start(), unit.end(), _dist_value(m.group())))
            continue
        if i + 1 < len(nums) and is_dist[i + 1]:
            gap = _DIST_LIST_GAP.fullmatch(text, m.end(), nums[i + 1].start())
            if gap:
                is_dist[i] = True
                found.append(DistanceMention(m.start(), m.end(), _dist_value(m.group())))
                continue
        if (
            article_before is not None
            and article_before.ends_at(m.start())
            and _BARE_DIST_AFTER.match(text, m.end())
        ):
            is_dist[i] = True
            found.append(DistanceMention(m.start(), m.end(), _dist_value(m.group())))
    for m in kms:
        if _DIST_NOT_AFTER.match(text, m.end()) or (
            not_before is not None and not_before.ends_at(m.start("n"))
        ):
            continue
        found.append(DistanceMention(m.start(), m.end(), _KM_VALUES[m.group("n").lower()]))
    for pattern, distance in _DIST_WORDS:
        for m in pattern.finditer(text):
            found.append(DistanceMention(m.start(), m.end(), distance))
    return _dedupe(found)


# --------------------------------------------------------------------------------------------
# Ranks
# --------------------------------------------------------------------------------------------

_NL_ORDINALS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
    "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12, "dertiende": 13,
    "veertiende": 14, "vijftiende": 15, "zestiende": 16, "zeventiende": 17, "achttiende": 18,
    "negentiende": 19, "twintigste": 20,
}  # fmt: skip
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_ORDINALS = {**_NL_ORDINALS, **_EN_ORDINALS}
_PLACE = r"(?:[\s-](?:plaats|plek|positie|place|spot|position|placed))"
_ORD_WORDS = "|".join(
    sorted((w for w in _ORDINALS if w not in ("eerste", "first", "second")), key=len, reverse=True)
)
_RANK_ORDINAL = _rx("adefnrstvz", rf"(?i)\b(?P<ord>{_ORD_WORDS}){_PLACE}?\b")
_RANK_FIRST_SECOND_PLACE = _rx(
    "efs", rf"(?i)\b(?P<ord>eerste|first|second){_PLACE}\b", needles="eerste first second"
)
_RANK_FIRST_FINISH = _rx(
    "cefkpw",
    r"(?i)\b(?:werd|eindigde(?:\sals)?|finishte(?:\sals)?|kwam\sals|finished|came(?:\sin)?"
    r"|placed|ended)\s(?P<ord>eerste|first)\b",
    needles="eerste first",
)
_RANK_FIRST_LINE = _rx(
    "a", r"(?i)\bals\seerste\sover\sde\s(?:streep|finish|meet)\b", needles="eerste"
)
_RANK_SECOND_FINISH = _rx(
    "acefipstw",
    r"(?i)\b(?:finished|finishing|placed|came(?:\sin)?|comes|come|took|takes|secured|claimed"
    r"|was|were|is|ended|in|a\sclose|close)\s(?P<ord>second)\b",
    needles="second",
)
_RANK_NUMERIC = _rx(
    "0123456789",
    rf"(?i)(?<![\w.,])(?P<n>[0-9]{{1,2}})(?:ste|de|e|st|nd|rd|th)(?P<place>{_PLACE})?(?!\w)",
)
_RANK_NUMMER = _rx(
    "n",
    r"(?i)\bnummer\s(?P<n>[0-9]{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\b",
    needles="nummer",
)
_RANK_WORDS: list[tuple[_Rx, int]] = [
    (
        _rx(
            "wgztoensakdvpcf",
            r"(?i)\b(?:won|wint|winnen|gewonnen|winnaar|winnares|winnaars|winst|zege"
            r"|zegevierde|zegeviert|triomfeerde|triomfeert|overwinning"
            r"|gouden\s(?:medailles?|plak)|(?:(?:wk|ek|nk|os)-)?goud"
            r"|(?:europese|olympische)\stitel|(?:wereld|sprint|allround|wereldbeker)?titel"
            r"|(?:(?:europees|nederlands|olympisch)\s)?(?:wereld|sprint|allround)?kampioene?"
            r"|de\s(?:beste|sterkste|snelste)|snelste\stijd|wins|win|winner|winners|victory"
            r"|victories|victorious|triumphed|prevailed|gold(?:\smedals?)?|title"
            r"|(?:world|olympic|european|national)\schampion|champion|fastest\stime)\b",
        ),
        1,
    ),
    (
        _rx(
            "zwenosr",
            r"(?i)\b(?:zilveren\s(?:medailles?|plak)|zilveren|(?:(?:wk|ek|nk|os)-)?zilver"
            r"|silver(?:\smedals?)?|runners?[\s-]up)\b",
            needles="zilver silver runner",
        ),
        2,
    ),
    (
        _rx(
            "brcmweno",
            r"(?i)\b(?:bronzen\s(?:medailles?|plak)|bronzen|(?:(?:wk|ek|nk|os)-)?brons"
            r"|bronze(?:\smedals?)?"
            r"|rounded\sout\sthe\spodium|complet(?:ed|ing)\sthe\spodium"
            r"|maakte\shet\spodium\s(?:compleet|vol))\b",
            needles="brons bronze podium",
        ),
        3,
    ),
    (
        _rx(
            "jmno",
            r"(?i)\b(?:(?:net\s)?naast\shet\spodium|(?:just\s)?off\sthe\spodium"
            r"|missed\s(?:out\son\s)?the\spodium)\b",
            needles="podium",
        ),
        4,
    ),
]
# Nouns an ordinal can count instead of placing: "de tweede keer", "tweede omloop", "haar
# derde wereldtitel", "the third group". Exact words (and their plurals) ...
_ORD_NOUNS = _word_set(
    "keer maal omloop omlopen rit ritten dag dagen week weken weekend weekenden seizoen "
    "seizoenen wedstrijd wedstrijden race races ronde rondes ronden afstand afstanden "
    "editie edities jaar jaren helft poging pogingen start starts serie series manche "
    "manches heat heats bocht bochten run runs test testen toernooi toernooien groep paar "
    "duel dagdeel periode olympische spelen wereldbeker wereldbekerwedstrijd wk ek nk leg "
    "legs deel kind kinderen kamer wereldoorlog eeuw minuut minuten ooit "
    "achtereenvolgens time times day days weeks season seasons lap laps round rounds "
    "distance distances edition editions year years attempt attempts event events game "
    "games group groups pair pairs half period straight consecutive successive meeting "
    "competition try tries stop stops century minute minutes ever birthday anniversary "
    "verjaardag kwart kwartfinale halve opening tegenstander opponent "
)
# ... and the endings of compounds that name an achievement being counted.
_ORD_NOUN_ENDINGS = (
    "goud", "zilver", "brons", "titel", "titels", "medaille", "medailles", "zege", "zeges",
    "overwinning", "overwinningen", "podium", "podiumplek", "podiumplaats", "record", "records",
    "medal", "medals", "title", "titles", "gold", "win", "wins", "victory", "victories",
    "podiums", "gouden", "zilveren", "bronzen", "wereldbekerzege", "meter", "meters", "metre",
    "metres", "kilometer", "km",
)  # fmt: skip
_TOKEN = re.compile(r"\s?([\w'-]+)")
_DISTANCE_TOKEN = re.compile(r"(?i)^[0-9][0-9.,]*(?:m|km|meter|metres?)?$")
_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "maart": 3,
    "march": 3, "mar": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6,
    "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_ORD_NOT_BEFORE = _rx(
    "adefgjmnostvwzèéêë",
    rf"(?i)\b(?:ten|een|één|{_NUMBER_WORD_RE}|one|two|three|former|voormalige?|gewezen"
    r"|(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
    r"|december|january|february|march|may|june|july|august|october|jan|feb|mar|apr|jun|jul"
    r"|aug|sep|sept|oct|okt|nov|dec)\.?)\s(?=\w)",
)
_CHAMP_NOT_BEFORE = _rx(
    "efgov", r"(?i)(?:\b(?:former|voormalige?|gewezen|ex)\s|\b(?:oud|ex)-)(?=\w)"
)
_FRACTION_AFTER = re.compile(r"(?i)\s(?:van\seen\sseconde|of\sa\ssecond)\b")


_NOT_ADJECTIVES = _word_set(
    "de die deze ze je we me the are have were there where here before while since twee "
    "drie mee nie "
)
_EN_ADJECTIVES = _word_set("world olympic european national dutch overall")


_ORD_COORDINATED = re.compile(
    rf"(?i)\s(?:en|of|and|or)\s(?:laatste|last|final|{'|'.join(_ORDINALS)})(?=\s)"
)


def _ordinal_counts_something(text: str, end: int) -> bool:
    """True when the ordinal ending at `end` modifies a noun it counts (an occasion, a race, a
    distance, an achievement) rather than stating a finishing position."""
    pos = end
    # "de tweede en laatste wereldbeker": the noun comes after the coordinated ordinal.
    skip = _ORD_COORDINATED.match(text, pos)
    if skip:
        pos = skip.end()
    for _ in range(2):
        m = _TOKEN.match(text, pos)
        if m is None:
            return False
        token = m.group(1).lower()
        if token in _ORD_NOUNS or _DISTANCE_TOKEN.match(token):
            return True
        if len(token) > 3 and token.endswith(_ORD_NOUN_ENDINGS):
            return True
        # Look one word further only past an adjective ("derde Europese sprinttitel") or past
        # "tijd" ("de vierde tijd ooit" counts all times ever, "de derde tijd" is a place).
        adjective = (
            token in _EN_ADJECTIVES
            or token in ("tijd", "time")
            or (len(token) > 3 and token.endswith("e") and token not in _NOT_ADJECTIVES)
        )
        if not adjective:
            return False
        pos = m.end()
    return False


# "Leerdam heeft de 1000 meter op haar naam geschreven": the Dutch idiom for winning.
# English win idioms and places given with a time ("second in 12:58.44").
_RANK_EXTRA_WIN = re.compile(
    r"\b(?:took|takes|claimed|claims|captured|captures)\s+the\s+(?:men's\s+|women's\s+)?"
    r"(?:race|title|event|gold|victory)\b|"
    r"\bwinning\b|\bwonnen\b|\b(?:took|takes|claimed|claims|captured|captures)\s+the\s+"
    r"(?:men's\s+|women's\s+)?\d[\d,.]*\s?(?:m\b|metres|meters)",
    re.IGNORECASE,
)
_RANK_PLACE_WITH_TIME = re.compile(
    r"\b(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+in\s+\d",
    re.IGNORECASE,
)
_ENGLISH_ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_RANK_ON_NAME = re.compile(
    r"\bop (?:haar|zijn|hun|diens) naam (?:geschreven|gezet|geschreven)\b", re.IGNORECASE
)


def find_ranks(text: str) -> list[RankMention]:
    """Every word or phrase in `text` that states a finishing position.

    Why the exclusions: Dutch and English use the same ordinals for occasions and races ("voor
    de tweede keer", "de tweede 500 meter", "her third world title", "the third group"), for
    fractions ("twee derde", "een tiende van een seconde") and for dates ("March 8th"); those
    are not places. English "second" is also a unit of time, so it needs a finishing verb or a
    place noun; "first"/"eerste" mostly mean "for the first time", so they need one too.
    """
    found: list[RankMention] = []
    lazy: dict[str, _Cues] = {}

    def cues(pattern: _Rx) -> _Cues:
        # Built on first use: most texts have no ordinal or champion to check.
        key = pattern.plain.pattern
        if key not in lazy:
            lazy[key] = _Cues(pattern, text)
        return lazy[key]

    def add(start: int, end: int, rank: int) -> None:
        found.append(RankMention(start, end, rank, text[start:end].lower()))

    def ordinal_ok(start: int, end: int, place: bool) -> bool:
        if cues(_ORD_NOT_BEFORE).ends_at(start) or _FRACTION_AFTER.match(text, end):
            return False
        return place or not _ordinal_counts_something(text, end)

    for m in _RANK_ORDINAL.finditer(text):
        if m.group(0).lower().startswith("tiende") and _FRACTION_AFTER.match(text, m.end()):
            continue
        if ordinal_ok(m.start(), m.end(), m.end() != m.end("ord")):
            add(m.start(), m.end(), _ORDINALS[m.group("ord").lower()])
    for m in _RANK_FIRST_SECOND_PLACE.finditer(text):
        if ordinal_ok(m.start(), m.end(), True):
            add(m.start(), m.end(), _ORDINALS[m.group("ord").lower()])
    for pattern in (_RANK_FIRST_FINISH, _RANK_SECOND_FINISH):
        for m in pattern.finditer(text):
            if ordinal_ok(m.start("ord"), m.end(), False):
                add(m.start("ord"), m.end(), _ORDINALS[m.group("ord").lower()])
    for m in _RANK_FIRST_LINE.finditer(text):
        add(m.start(), m.end(), 1)
    for m in _RANK_ON_NAME.finditer(text):
        add(m.start(), m.end(), 1)
    for m in _RANK_EXTRA_WIN.finditer(text):
        add(m.start(), m.end(), 1)
    for m in _RANK_PLACE_WITH_TIME.finditer(text):
        add(m.start("ord"), m.end("ord"), _ENGLISH_ORDINALS[m.group("ord").lower()])
    for m in _RANK_NUMERIC.finditer(text):
        n = int(m.group("n"))
        has_place = bool(m.group("place"))
        if n == 0 or n > 60 or (n == 1 and not has_place):
            continue
        if not ordinal_ok(m.start(), m.end(), has_place):
            continue
        after = _TOKEN.match(text, m.end())
        if after and after.group(1).lower() in ("of",):
            nxt = _TOKEN.match(text, after.end())
            if nxt and nxt.group(1).lower() in _MONTHS:
                continue
        add(m.start(), m.end(), n)
    for m in _RANK_NUMMER.finditer(text):
        word = m.group("n").lower()
        add(m.start(), m.end(), int(word) if word.isdigit() else _NUMBER_WORDS[word])
    for pattern, rank in _RANK_WORDS:
        for m in pattern.finditer(text):
            if rank == 1 and cues(_CHAMP_NOT_BEFORE).ends_at(m.start()):
                continue
            add(m.start(), m.end(), rank)
    return _dedupe(found)


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------

_NATIONALITIES = (
    r"nederlandse?|dutch|national|nationaal|nationale|belgische?|noorse?|noors|canadese?"
    r"|canadees|amerikaanse?|amerikaans|japanse?|japans|duitse?|duits|italiaanse?|italiaans"
    r"|poolse?|pools|chinese?|chinees|koreaanse?|koreaans|tsjechische?|tsjechisch|canadian"
    r"|american|norwegian|japanese|korean|german|italian|polish|belgian|czech|british"
)
_RECORD_TYPES_RE: list[tuple[str, str]] = [
    ("junior_world", r"junior(?:s'?)?\sworld[\s-]records?|world\sjunior\srecords?"
     r"|(?:junioren)?wereldjuniorenrecords?|juniorenwereldrecord\w*|wereldjeugdrecords?"),
    ("world", r"wereldrecord\w*|world[\s-]records?(?:[\s-]hold(?:er|ers|ing))?"
     r"|world[\s-]marks?"),
    ("track", r"baanrecord\w*|(?:track|rink|venue)[\s-]records?(?:[\s-]holders?)?"
     r"|track[\s-]marks?"),
    ("olympic", r"olympische?\srecord\w*|olympic[\s-]records?"),
    ("continental", r"europese?\srecord\w*|europees\srecord\w*|european[\s-]records?"
     r"|continental[\s-]records?|continentale?\srecord\w*|aziatische?\srecord\w*"
     r"|aziatisch\srecord\w*|asian[\s-]records?|north\samerican[\s-]records?"),
    ("national", rf"(?:{_NATIONALITIES})\srecord\w*"),
    ("personal", r"persoonlijke?\srecord\w*|persoonlijke?\sbesttijd\w*|personal[\s-]bests?"
     r"|personal[\s-]records?"),
    ("season_best", r"seizoensbeste\w*|seizoensrecord\w*|season'?s?[\s-]bests?"),
    ("championship", r"kampioenschapsrecord\w*|championships?[\s-]records?|toernooirecord\w*"
     r"|wk-record\w*|ek-record\w*"),
    ("other", r"recordhoud(?:er|ster)s?|record[\s-]holders?|(?:previous|former|old|oude"
     r"|vorige|eigen|own)\srecords?(?![\s-]?hold)|wereldbesttijd\w*|world[\s-]bests?"),
]  # fmt: skip
_RECORD = _rx(
    "abcdefgijknoprstvw",
    "(?i)\\b(?:"
    + "|".join(f"(?P<t{i}>{pattern})" for i, (_, pattern) in enumerate(_RECORD_TYPES_RE))
    + ")(?!\\w)",
    needles="record mark best houd hold",
)
_RECORD_CASED = _rx("p", r"(?<![\w/.])(?:(?:pr|PR|Pr)(?:'s)?|PBs?)(?![\w/-])", needles="pr pb")
_BROKEN_ADJ = re.compile(
    r"(?i)\b(?:oude|vorige|voormalige|previous|former|old|erstwhile)\s(?:[\w-]+\s){0,2}$"
)
_HOLDER_FORMER = re.compile(r"(?i)(?:\b(?:former|voormalige?|gewezen|ex)\s|\b(?:oud|ex)-)$")
_EXISTING_BEFORE = re.compile(
    r"(?i)(?:net\sboven|boven|dicht\sbij|niet\sver\svan|vlak\sbij|in\sde\sbuurt\svan|shy\sof"
    r"|off|short\sof|outside|close\sto|near|onder\shet\soog\svan|houder\svan|holder\sof"
    r"|holds|owns|bezit|heeft)\s(?:(?:het|de|the|a|his|her|their|haar|zijn|hun)\s)?"
    r"(?:[\w-]+\s)?$"
)
_EXISTING_AFTER = re.compile(
    r"(?i)\b(?:in\shanden\svan|op\snaam\svan|staat\sop\snaam|staat\sal|stond\sal|dateert"
    r"|still\sstands?|has\sstood|had\sstood|stands\ssince|stood\ssince|is\sheld|held\sby"
    r"|set\sby|belongs\sto|van\s\w+\s(?:uit|van)\s[0-9]{4}|uit\s[0-9]{4}|from\s[0-9]{4}"
    r"|since\s[0-9]{4}|sinds\s[0-9]{4})\b"
)
_BROKEN_AFTER = re.compile(r"(?i)\b(?:verbroken|gebroken|uit\sde\sboeken)\b")
_WAS_BEFORE = re.compile(r"(?i)\b(?:was|stond|had)\s(?:[\w-]+\s){0,3}$")
_SET_NEAR = re.compile(
    r"(?i)\b(?:reed|rijdt|reden|gereden|vestigde|gevestigd|vestigt|verbeterde|verbeterd"
    r"|verbetert|scherpte|aangescherpt|scherpt|nieuwe?|new|set|sets|setting|broke|breaks"
    r"|breaking|broken|smashed|lowered|verbrak|verbreekt|verbroken|verpulverde|verpulverd"
    r"|knalde\snaar|naar\seen|goed\svoor\seen|dook\sonder|clocked|skated\sto|bettered"
    r"|record\stime|recordtijd)\b"
)


def _status_hint(text: str, start: int, end: int, word: str) -> RecordStatus | None:
    """What the words around a record mention say happened to it.

    Why the order: an adjective right before the record ("het oude wereldrecord", "their
    previous record") names the beaten mark whatever the verb says; then words that present a
    mark as standing ("in handen van", "holder", "net boven het"); then words of setting
    ("reed", "vestigde", "nieuw", "broke"). Dutch "verbroken" after a record that "was" the
    mark ("Dat was het baanrecord, maar dat heb ik nu verbroken") is the old mark.
    """
    lo = max(0, start - 60)
    hi = min(len(text), end + 60)
    for m in _SENTENCE_END.fast.finditer(text, lo, start):
        lo = m.end()
    nxt = _SENTENCE_END.fast.search(text, end, hi)
    if nxt:
        hi = nxt.start()
    before = text[lo:start]
    after = text[end:hi]
    lower = word.lower()
    if "hold" in lower or "houd" in lower:
        return "broken" if _HOLDER_FORMER.search(before) else "existing"
    if _BROKEN_ADJ.search(before) or _BROKEN_ADJ.match(word + " "):
        return "broken"
    if _BROKEN_AFTER.search(after) and _WAS_BEFORE.search(before):
        return "broken"
    if _EXISTING_BEFORE.search(before) or _EXISTING_AFTER.search(after):
        return "existing"
    if _SET_NEAR.search(before) or _SET_NEAR.search(after):
        return "set"
    return None


def find_record_mentions(text: str) -> list[RecordMention]:
    """Every record `text` mentions, typed (one of `types.RECORD_TYPES`) and with a status
    hint from the nearby words (None when they do not say).

    Why hints and not statuses: whether a record was set, beaten or still stands often needs
    the result it belongs to; the words near the mention are the evidence the knowledge stage
    weighs together with the times.
    """
    found: list[RecordMention] = []
    types = [t for t, _ in _RECORD_TYPES_RE]
    for m in _RECORD.finditer(text):
        rtype = next(types[i] for i in range(len(types)) if m.group(f"t{i}") is not None)
        hint = _status_hint(text, m.start(), m.end(), m.group())
        found.append(RecordMention(m.start(), m.end(), rtype, hint))
    for m in _RECORD_CASED.finditer(text):
        hint = _status_hint(text, m.start(), m.end(), m.group())
        found.append(RecordMention(m.start(), m.end(), "personal", hint))
    return _dedupe(found)


# --------------------------------------------------------------------------------------------
# Context: competition, gender, day
# --------------------------------------------------------------------------------------------

_LEVEL_NAME = {"wk": "WK", "ek": "EK", "nk": "NK", "world": "WK", "european": "EK",
               "wereld": "WK", "europese": "EK", "europees": "EK", "nederlandse": "NK",
               "nederlands": "NK", "dutch": "NK"}  # fmt: skip


def _comp_level_kind(m: re.Match[str]) -> str:
    """The "WK afstanden" form from any spelling of level and kind ("World Single Distances
    Championships", "Europees kampioene sprint", "wereldkampioenschappen allround")."""
    groups = m.groupdict()
    level = (groups.get("lvl") or groups.get("lvl2") or "").lower()
    kind = (groups.get("kind") or groups.get("kind2") or "").lower()
    kind_name = "allround" if "round" in kind else "sprint" if "sprint" in kind else "afstanden"
    return f"{_LEVEL_NAME[level]} {kind_name}"


_COMPETITIONS: list[tuple[_Rx, Callable[[re.Match[str]], str]]] = [
    (
        _rx(
            "o",
            r"\bOKT\b|(?i:\bolympische?\skwalificatietoernooi\b)",
            needles="okt kwalificatietoernooi",
        ),
        lambda m: "OKT",
    ),
    (
        _rx(
            "enw",
            r"\b(?P<lvl>WK|EK|NK)(?:'s)?[\s-](?P<kind>(?i:afstanden|allround|sprint))\b"
            r"|(?i:\b(?P<lvl2>wereld|europese|nederlandse)\s?kampioenschap(?:pen)?"
            r"\s(?P<kind2>afstanden|allround|sprint)\b)",
            needles="afstanden allround sprint",
        ),
        _comp_level_kind,
    ),
    (
        _rx(
            "dew",
            r"(?i:\b(?P<lvl>world|european|dutch)\s(?P<kind>single[\s-]distances?|all[\s-]?round"
            r"|sprint)\s(?:speed\sskating\s)?championships?\b)",
            needles="championship",
        ),
        _comp_level_kind,
    ),
    (
        _rx(
            "ew",
            r"(?i:\b(?P<lvl>europees|wereld)\skampioene?\s(?P<kind>sprint|allround)\b)",
            needles="kampioen",
        ),
        _comp_level_kind,
    ),
    (_rx("e", r"(?i:\beuropese\ssprinttitel\b)", needles="titel"), lambda m: "EK sprint"),
    (_rx("e", r"(?i:\beuropese\sallroundtitel\b)", needles="titel"), lambda m: "EK allround"),
    (
        _rx(
            "4fv",
            r"(?i:\bfour\scontinents\b|\bvier\scontinenten\b)|\b4CC\b",
            needles="continent 4cc",
        ),
        lambda m: "Four Continents",
    ),
    (
        _rx(
            "Ww",
            r"(?i:\bworld\scup(?:\sfinal)?\b|\bwereldbeker\w*)|\bWB\b",
            needles="cup wereldbeker wb",
        ),
        lambda m: "World Cup",
    ),
    (
        _rx(
            "Wiw",
            r"(?i:\b(?:isu\s)?world\s(?:(?:speed|short[\s-]track)\s(?:skating\s)?)?"
            r"championships?\b|\bwereldkampioenschap(?:pen)?\b)|\bWK(?:'s)?\b",
            needles="champion wereldkampioenschap wk",
        ),
        lambda m: "World Championships",
    ),
    (
        _rx(
            "Eei",
            r"(?i:\b(?:isu\s)?european\s(?:(?:speed|short[\s-]track)\s(?:skating\s)?)?"
            r"championships?\b|\beuropese?\skampioenschap(?:pen)?\b)|\bEK(?:'s)?\b",
            needles="champion kampioenschap ek",
        ),
        lambda m: "European Championships",
    ),
    (
        _rx(
            "Ndn",
            r"(?i:\bnederlandse\skampioenschappen\b|\bdutch\schampionships\b)|\bNK\b",
            needles="kampioenschap championship nk",
        ),
        lambda m: "NK",
    ),
    (
        _rx(
            "GSow",
            r"(?i:\bolympische\s(?:winter)?spelen\b|\bwinterspelen\b|\b(?:winter\s)?olympics\b"
            r"|\bolympic\s(?:winter\s)?games\b|\bolympische?\s(?:titel|kampioene?|goud"
            r"|medailles?)\b|\bolympic\s(?:champion|title|gold|medals?)\b)"
            r"|\bSpelen\b|(?<!Asian\s)(?<!Youth\s)(?<!European\s)(?<!Commonwealth\s)\bGames\b",
            needles="spelen olympi games",
        ),
        lambda m: "Olympic Games",
    ),
]


_GENDERS: list[tuple[_Rx, str]] = [
    (_rx("gm", r"(?i)\b(?:mixed|gemengde?)\b", needles="mixed gemeng"), "mixed"),
    (
        _rx(
            "abcdefghijklmnopqrstuvwxyz",
            r"(?i)\b(?:vrouwen\w*|dames\w*|women(?:['’]s)?|ladies|female|\w*schaatssters?"
            r"|\w*trackster|\w*kampioene|winnares|landgenote|teamgenotes?|ploeggenotes?)(?!\w)",
            needles="vrouw dames women ladies female schaatsster trackster kampioene winnares"
            " genote",
        ),
        "women",
    ),
    (
        _rx(
            "abcdefghijklmnopqrstuvwxyz",
            r"(?i)\b(?:mannen\w*|heren\w*|men(?:['’]s)?|male|\w*schaatser)(?!\w)",
            needles="mannen heren men male schaatser",
        ),
        "men",
    ),
]

_WEEKDAYS = {
    "maan": 0, "mon": 0, "dins": 1, "tues": 1, "woens": 2, "wednes": 2, "donder": 3,
    "thurs": 3, "vrij": 4, "fri": 4, "zater": 5, "satur": 5, "zon": 6, "sun": 6,
}  # fmt: skip
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WEEKDAY = _rx(
    "dfmstvwz",
    r"(?i)\b(?P<d>maan|dins|woens|donder|vrij|zater|zon)dag(?:avond|middag|ochtend|morgen"
    r"|nacht)?\b|\b(?P<e>mon|tues|wednes|thurs|fri|satur|sun)day(?:\s(?:night|evening"
    r"|afternoon|morning))?\b",
    needles="dag day",
)
_DAY_RELATIVE: list[tuple[_Rx, str]] = [
    (
        _rx(
            "de", r"(?i)\beergisteren\b|\bday\sbefore\syesterday\b", needles="eergisteren yesterday"
        ),
        "day_before_yesterday",
    ),
    (
        _rx(
            "gly",
            r"(?i)\bgister(?:en|avond|middag|ochtend|morgen|nacht)\b|\byesterday\b"
            r"|\blast\snight\b",
            needles="gister yesterday night",
        ),
        "yesterday",
    ),
    (
        _rx(
            "tv",
            r"(?i)\bvandaag\b|\bvan(?:avond|middag|ochtend|morgen|nacht)\b|\btoday\b"
            r"|\btonight\b|\bthis\s(?:morning|afternoon|evening)\b",
            needles="vandaag van today tonight this",
        ),
        "today",
    ),
    (
        _rx(
            "adet",
            r"(?i)\been\sdag\seerder\b|\bde\sdag\servoor\b|\ba\sday\searlier\b"
            r"|\bthe\sday\sbefore\b|\bthe\sprevious\sday\b",
            needles="dag day",
        ),
        "day_earlier",
    ),
    (
        _rx(
            "adet",
            r"(?i)\been\sdag\slater\b|\bde\sdag\serna\b|\ba\sday\slater\b"
            r"|\bthe\snext\sday\b|\bthe\sfollowing\sday\b",
            needles="dag day",
        ),
        "day_later",
    ),
]
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_DATE_DM = _rx(
    "0123456789",
    rf"(?i)(?<![\w.,])(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th|e|de|ste)?\s(?:of\s)?(?P<mon>{_MONTH_RE})"
    r"\b\.?(?:,?\s(?P<y>(?:19|20)[0-9]{2})\b)?",
)
_EN_MONTHS_MD = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|aug|sept?|oct|nov|dec)\."
)
_DAY_DATE_MD = _rx(
    "adfjmnos",
    rf"(?i)\b(?P<mon>{_EN_MONTHS_MD})\s(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![\w.,][0-9])\b"
    r"(?:,?\s(?P<y>(?:19|20)[0-9]{2})\b)?",
)


def _date_value(day: str, month: str, year: str | None) -> str | None:
    d, mon = int(day), _MONTHS[month.lower().rstrip(".")]
    try:
        dt.date(int(year) if year else 2000, mon, d)  # 2000 is a leap year: 29 Feb is valid
    except ValueError:
        return None
    return f"{year}-{mon:02d}-{d:02d}" if year else f"--{mon:02d}-{d:02d}"


def find_context(text: str) -> list[ContextMention]:
    """Competition, gender and day cues in `text`.

    Values are normalised so the later stages can compare them: competitions as in the gold
    files ("World Cup", "WK afstanden", "Olympic Games", "OKT", ...; a bare "WK" is "World
    Championships"), genders "women"/"men"/"mixed", and days as "saturday" (a weekday),
    "today", "yesterday", "day_before_yesterday", "day_earlier"/"day_later" (relative to the
    day the sentence is about), "YYYY-MM-DD" or "--MM-DD" (a date without a year). Use
    `resolve_day` to turn a day value into a date.
    """
    found: list[ContextMention] = []
    for pattern, value_of in _COMPETITIONS:
        for m in pattern.finditer(text):
            found.append(ContextMention(m.start(), m.end(), "competition", value_of(m)))
    for pattern, gender in _GENDERS:
        for m in pattern.finditer(text):
            found.append(ContextMention(m.start(), m.end(), "gender", gender))
    for m in _DAY_WEEKDAY.finditer(text):
        key = (m.group("d") or m.group("e")).lower()
        found.append(ContextMention(m.start(), m.end(), "day", _WEEKDAY_NAMES[_WEEKDAYS[key]]))
    for pattern, relative in _DAY_RELATIVE:
        for m in pattern.finditer(text):
            found.append(ContextMention(m.start(), m.end(), "day", relative))
    for pattern in (_DAY_DATE_DM, _DAY_DATE_MD):
        for m in pattern.finditer(text):
            date = _date_value(m.group("d"), m.group("mon"), m.group("y"))
            if date is not None:
                found.append(ContextMention(m.start(), m.end(), "day", date))
    return _dedupe(found)


def resolve_day(value: str, article_date: dt.date) -> dt.date | None:
    """The date a day value (from `find_context`, or the raw words) refers to.

    Weekdays are the most recent such day on or before `article_date` (reports look back);
    "gisteren"/"yesterday" is the day before. A date without a year takes the year that puts it
    closest to `article_date`, so "4 januari" in a 30 December article is next month. For the
    relative "day_earlier"/"day_later" ("een dag eerder") pass the date of the race the sentence
    is about as `article_date`, when known. None when the value is not a day.
    """
    v = value.strip().lower()
    if v in _WEEKDAY_NAMES:
        back = (article_date.weekday() - _WEEKDAY_NAMES.index(v)) % 7
        return article_date - dt.timedelta(days=back)
    offsets = {"today": 0, "yesterday": -1, "day_before_yesterday": -2, "day_earlier": -1,
               "day_later": 1}  # fmt: skip
    if v in offsets:
        return article_date + dt.timedelta(days=offsets[v])
    full = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", v)
    if full:
        try:
            return dt.date(int(full[1]), int(full[2]), int(full[3]))
        except ValueError:
            return None
    partial = re.fullmatch(r"--([0-9]{2})-([0-9]{2})", v)
    if partial:
        options = []
        for year in (article_date.year - 1, article_date.year, article_date.year + 1):
            try:
                options.append(dt.date(year, int(partial[1]), int(partial[2])))
            except ValueError:
                continue
        return min(options, key=lambda d: abs((d - article_date).days)) if options else None
    # Raw words ("zaterdagavond", "gisteren", "13 maart"): read them first.
    days = [c for c in find_context(value) if c.kind == "day"]
    if len(days) == 1 and days[0].value != v:
        return resolve_day(days[0].value, article_date)
    return None


# --------------------------------------------------------------------------------------------
# Plausibility
# --------------------------------------------------------------------------------------------

# (low, high) seconds per distance and gender. Low sits a little under the world record, high
# is generous enough for juniors, slow short-track finals and B-groups, but a 500 m in 12 s or
# a 1000 m in 34 s is out. Individual bounds do not overlap more than a second or so, so a
# result time alone usually tells its distance.
_BOUNDS: dict[str, dict[str, tuple[float, float]]] = {
    "500m": {"men": (33.0, 50.0), "women": (35.5, 55.0)},
    "1000m": {"men": (64.5, 95.0), "women": (70.5, 98.0)},
    "1500m": {"men": (99.0, 170.0), "women": (108.0, 175.0)},
    "3000m": {"men": (205.0, 300.0), "women": (225.0, 320.0)},
    "5000m": {"men": (350.0, 480.0), "women": (395.0, 520.0)},
    "10000m": {"men": (740.0, 1020.0), "women": (800.0, 1080.0)},
    "team pursuit": {"men": (208.0, 245.0), "women": (168.0, 215.0)},
    "team sprint": {"men": (75.0, 92.0), "women": (82.0, 97.0)},
    "mass start": {"men": (400.0, 560.0), "women": (430.0, 600.0)},
    # Long-track mixed relay ~2:40-3:30; short track women's 3000 m and men's 5000 m relays.
    "relay": {"mixed": (150.0, 215.0), "women": (150.0, 300.0), "men": (150.0, 450.0)},
}
_INDIVIDUAL = ("500m", "1000m", "1500m", "3000m", "5000m", "10000m")


def plausible(seconds: float, distance: str, gender: Gender | None) -> bool:
    """Could `seconds` be a finishing time over `distance` for `gender` (None: either)?

    Why: a number near a distance is often not that distance's time (a lap, an opening, a time
    from another race); this rejects the impossible ones. Classifications ("allround",
    "sprint") are points, never times, so they are never plausible.
    """
    table = _BOUNDS.get(distance)
    if table is None or seconds != seconds:  # unknown distance, or NaN
        return False
    ranges = [table[gender]] if gender in table else list(table.values())
    return any(lo <= seconds <= hi for lo, hi in ranges)


def distance_for_time(seconds: float) -> str | None:
    """The one individual distance a result time can belong to, for any gender (72.74 ->
    "1000m"), or None when it fits none or more than one.

    Why: "Bowe werd met 1.14,55 vierde" names no distance; the time alone does. Team events are
    not considered (a team sprint in 1:18 reads as a 1000 m time): check the text for them
    first.
    """
    fits = [d for d in _INDIVIDUAL if plausible(seconds, d, None)]
    return fits[0] if len(fits) == 1 else None


assert set(_BOUNDS) | {"allround", "sprint"} == set(DISTANCES)
assert {t for t, _ in _RECORD_TYPES_RE} <= set(RECORD_TYPES)
