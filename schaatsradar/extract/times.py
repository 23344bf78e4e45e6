"""Times in a report, and what kind of time each is: a race result, a lap or opening split, a
margin to a rival, or a classification points total.

Why the kinds: a report mixes race results ("kwam tot 1.12,74"), lap and opening times ("een
opening van 17,73"), gaps ("1,26 seconde langzamer", "27-100ths") and classification points
("146,365 punten"); only the first are results, but the others help explain them. The words
around a number decide, and they are looked up in cue indexes built once per text, so a text
full of numbers costs no more than one pass per cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from schaatsradar.extract.lexicon import NUMBER_WORD_RE, NUMBER_WORDS
from schaatsradar.extract.scanning import dedupe, rx
from schaatsradar.extract.time_cues import (
    MARGIN_AFTER,
    NOT_TIME_UNIT,
    SPLIT_AFTER,
    Candidate,
    TimeContext,
)

__all__ = ["TimeKind", "TimeMention", "find_times"]

TimeKind = Literal["result", "split", "margin", "points"]


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
    # Written in an unusual notation ("1,54.00", "1.54.00", "1:54:00"): a result only where
    # the sentence names (or carries) a distance the time fits, never a distance's evidence.
    unusual: bool = False


# One candidate: optional minutes, seconds, decimals. Dutch "1.12,74" / "1:12,74" / "36,09",
# English "1:12.74" / "36.09". The look-arounds keep us from starting or ending inside a longer
# number ("14.11.2025", "1.425", "1000000"), so a candidate is always a whole token.
_NUM_TIME = rx(
    "0123456789",
    r"(?<![\w.,:])"
    r"(?:(?P<min>[0-9]{1,2})(?P<s1>[.:,]))?"
    r"(?P<sec>[0-9]{1,2})(?P<s2>[.,:])(?P<frac>[0-9]{1,3})"
    r"(?![0-9])(?![.,:][0-9])",
)
# English prose times: "five minutes 58.52 seconds", "12 minutes and 25.69 seconds".
_WORD_MIN = rx(
    "0123456789adefnostvwzèéêë",
    rf"(?i)\b(?P<m>[0-9]{{1,2}}|{NUMBER_WORD_RE})\s(?:minutes?|minuten|minuut),?\s"
    r"(?:and\s|en\s)?(?P<sec>[0-9]{1,2})[.,](?P<frac>[0-9]{1,3})"
    r"(?:\s?(?:seconds?|seconden|seconde|secs?|s)(?!\w))?",
    needles="min",
)
# Margins in hundredths: "27-100ths", "11 hundredths", "éénhonderdste", "drie honderdsten".
_FRACTION = rx(
    "0123456789adefnostvwzèéêë",
    rf"(?i)(?<![\w.,])(?P<n>[0-9]{{1,3}}|{NUMBER_WORD_RE}|an?)\s?-?\s?"
    r"(?P<unit>100ths?|hundredths?|honderdsten?|1000ths?|thousandths?|duizendsten?|tenths?"
    r"|tienden|tiende(?=\sva?n\seen\sseconde))"
    r"(?:\s(?:of\sa\ssecond|van\seen\sseconde))?(?!\w)",
    needles="100 hundred honderd 1000 thousand duizend tenth tiend",
)
_SEC_UNIT = re.compile(r"(?i)\s?(?:seconden|secondes|seconde|seconds|second|secs|sec|s)(?!\w)")
_POINTS_UNIT = re.compile(r"(?i)\s?(?:punten|punt|points?|pnt|pts?)(?!\w)")
# Classification totals: "146,365 punten", or three decimals on a three-digit total.
_POINTS = rx(
    "0123456789",
    r"(?<![\w.,:])(?P<int>[0-9]{1,3})[.,](?P<frac>[0-9]{1,3})(?![0-9])(?![.,:][0-9])",
    needles=", .",
)


def _seconds(minutes: int, sec: int, frac: str) -> float:
    """Seconds as written, rounded to the written precision (no 1.6600000000000001)."""
    value: float = minutes * 60 + sec + int(frac) / 10 ** len(frac)
    return round(value, len(frac))


def _value(c: Candidate) -> float:
    return _seconds(c.minutes or 0, c.sec, c.frac)


def _classify(c: Candidate, ctx: TimeContext, prev_end: int) -> TimeMention | None:
    """Decide what one numeric token is, or None when it is not a skating time at all.

    Order matters: units first (money, lengths, points are never times), then margins (the
    most specific cues), then splits, then results, which need the most evidence when bare.
    """
    text = ctx.text
    minute_form = c.minutes is not None
    if c.s2 == ":" and not minute_form:
        return None  # "20:30" is a clock time
    if minute_form and (c.s1, c.s2) not in ((".", ","), (":", ","), (":", ".")):
        return _unusual(c, ctx)
    if c.sec >= 60 or (minute_form and (c.minutes or 0) > 30):
        return None
    if ctx.currency.ends_at(c.start) or _POINTS_UNIT.match(text, c.end):
        return None
    unit = _SEC_UNIT.match(text, c.end)
    if unit is None and NOT_TIME_UNIT.match(text, c.end):
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
    comparative = MARGIN_AFTER.match(text, unit_end)
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
    if split_before or SPLIT_AFTER.match(text, unit_end):
        return TimeMention(start, unit_end, value, "split")

    # Results.
    if len(c.frac) == 1:
        return _tenths(c, ctx)  # "1,5" / "26,5": mostly a gap or a lap, never a bare result
    if minute_form:
        return TimeMention(start, unit_end, value, "result")
    if len(c.sec_text) != 2 or not 25 <= value < 60:
        return None
    if len(c.frac) == 3 and unit is None and not _thousandths_cued(c, ctx):
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


# Notations a typo or another house style makes of M:SS.hh: "1,54.00", "1,54,00", "1.54.00",
# "1:54:00". Each is also something else ("1.12.24" a date, "14:30:00" a clock time, "1,5,2"
# a list), so only a time cue right before ("in", "klokte", "tijd van", "(") and a small
# minute count (up to 5000 m and mass start) make one a time.
_UNUSUAL_FORMS = frozenset({(",", "."), (",", ","), (".", "."), (":", ":")})


def _unusual(c: Candidate, ctx: TimeContext) -> TimeMention | None:
    """A time in one of the `_UNUSUAL_FORMS`, or None."""
    if (c.s1, c.s2) not in _UNUSUAL_FORMS or c.minutes is None or not 1 <= c.minutes <= 9:
        return None
    if len(c.sec_text) != 2 or c.sec >= 60 or len(c.frac) not in (2, 3):
        return None
    if not ctx.result_before.ends_at(c.start) or ctx.clock_before.ends_at(c.start):
        return None
    if c.s1 == "." and ctx.text[max(0, c.start - 2) : c.start].strip() == "(":
        return None  # "(1.12.24)" dates a photo or a quote
    return TimeMention(c.start, c.end, _value(c), "result", unusual=True)


# Right before a time to the tenth ("won in 37,1", "klokte 4.08,3"): only words that say a
# race time follows ("met", "with" and brackets also take gaps and scores).
_TENTHS_BEFORE = re.compile(
    r"(?i)\b(?:in|klokte|klokten|clocked|noteerde|noteerden|tijd\svan|time\sof|eindtijd"
    r"|kwam\stot|kwamen\stot)\s$"
)


def _tenths(c: Candidate, ctx: TimeContext) -> TimeMention | None:
    """A race time to the tenth, or None: one decimal is mostly a gap ("0,3"), a lap or a
    score, so only a result word right before, a plausible count (25-60 s, 1-20 min) and,
    downstream, a fitting distance the text names (`unusual`) make one (issue 11)."""
    if (c.minutes is None and (len(c.sec_text) != 2 or not 25 <= c.sec < 60)) or c.s1 == ",":
        return None
    if (c.minutes is not None and not 1 <= c.minutes <= 20) or not _TENTHS_BEFORE.search(
        ctx.text, max(0, c.start - 30), c.start
    ):
        return None
    return TimeMention(c.start, c.end, _value(c), "result", unusual=True)


# Thousandths without a unit ("won in 42.568", "klokte 34,540"): short track, and long-track
# timing at some championships. A Dutch "met 34.540" counts spectators, so "met"/"with" do
# not cue a dotted one.
_THOUSANDTHS_BEFORE = re.compile(
    r"(?i)\b(?:in|klokte|clocked|noteerde|tijd\svan|time\sof|at)\s$|\(\s?$"
)


def _thousandths_cued(c: Candidate, ctx: TimeContext) -> bool:
    if c.s2 == "," and ctx.result_before.ends_at(c.start):
        return True
    return _THOUSANDTHS_BEFORE.search(ctx.text, max(0, c.start - 12), c.start) is not None


def _points_mentions(text: str, ctx: TimeContext) -> list[TimeMention]:
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
            and not NOT_TIME_UNIT.match(text, m.end())
            and ctx.points.any_within(max(0, m.start() - 150), m.end() + 150)
        ):
            out.append(TimeMention(m.start(), m.end(), value, "points"))
    return out


def _word_min_mentions(text: str, ctx: TimeContext) -> list[TimeMention]:
    out: list[TimeMention] = []
    for m in _WORD_MIN.finditer(text):
        word = m.group("m").lower()
        minutes = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
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


def _fraction_mentions(text: str, ctx: TimeContext) -> list[TimeMention]:
    out: list[TimeMention] = []
    for m in _FRACTION.finditer(text):
        n_text = m.group("n").lower()
        unit = m.group("unit").lower()
        if n_text.isdigit():
            n = int(n_text)
        else:
            # Word numbers need a margin context: "tweehonderdste" is also an ordinal (200th).
            n = NUMBER_WORDS.get(n_text, 0)
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
        Candidate(
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
    ctx = TimeContext(text, cands)
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
    return dedupe(found)
