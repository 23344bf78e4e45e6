"""The words around a number in a report that tell what kind of time it is: units that make
it no time at all (money, lengths, years), cues of a margin, a split or a result right before
or after it, and the skating or classification words near it.

Split from `times`, which decides the kind (`find_times`): here only where the cues stand. They
are looked up in indexes built once per text (`TimeContext`), so a text full of numbers costs
no more than one pass per cue.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from schaatsradar.extract.scanning import Cues, rx, sentence_ends

# Units that make a decimal number something other than a time: money, percentages, lengths,
# weights, years, clock hours ...
NOT_TIME_UNIT = re.compile(
    r"(?i)\s?(?:%|‰|procent|percent|per\s?cent|euro|eur|dollars?|usd|pond|pounds?|miljoen"
    r"|million|miljard|billion|mln|mld|meters?|metres?|m|km|kilometers?|kilometres?|cm|mm|kg"
    r"|kilos?|gram|graden|degrees|°|jaar|jaren|years?|uur|u|h|hrs?|pm|am|keer|x|mph|km/h"
    r"|liters?|litres?|l|ml|inch|inches|feet|ft)(?!\w)"
)
_CURRENCY_BEFORE = rx("$efgu£¥ƒ€", r"(?i)(?:[€$£¥ƒ]|\b(?:eur|usd|gbp|euro|fl)\b\.?)\s?(?=[0-9])")
_MARGIN_BEFORE = rx(
    "abdglmotv",
    r"(?i)\b(?:(?:verschil|achterstand|voorsprong|marge|gat|tekort|deficit|margin|gap|lead"
    r"|advantage|difference)\s(?:van|of)|by|met|op)\s"
    r"(?:(?:slechts|maar|nog|ruim|bijna|amper|nipt|ongeveer|just|only|nearly|almost|about"
    r"|a\smere)\s)?(?=[0-9+])",
)
_MARGIN_STRONG_BEFORE = rx(
    "adglmtv",
    r"(?i)\b(?:verschil|achterstand|voorsprong|marge|gat|tekort|deficit|margin|gap|lead"
    r"|advantage|difference)\s(?:van|of)\s"
    r"(?:(?:slechts|maar|nog|ruim|bijna|amper|nipt|ongeveer|just|only|nearly|almost|about"
    r"|a\smere)\s)?(?=[0-9+])",
)
# A comparative right after a number makes it a gap ("0,27 seconden tekort", "0.11 back").
MARGIN_AFTER = re.compile(
    r"(?i)\s?(?:langzamer|sneller|trager|tekort|te\skort|achter|behind|ahead|back|slower"
    r"|faster|quicker|clear|shy|adrift|achterstand|voorsprong|verschil)\b"
)
_SPLIT_CUE = rx(
    "0123456789abdghklnoprstw",
    # "opening" of a race's first lap, not of a meet's first pairs, race or weekend ("the
    # fastest man in the opening pairs, ended up fourth in 34.01": a result).
    r"(?i)\b(?:openings?(?:tijd|ronde|rondje)?(?!\s(?:pairs?|heats?|races?|rounds?|weekend|day|"
    r"meet|event|world\scup|stop|ritten|rit|wedstrijd|dag)\b)|opener|doorkomst\w*|tussentijd\w*|passage"
    r"|split(?:s|\stimes?(?:\sof)?)?|halverwege|halfway|kwam\sdoor|ging\sdoor|went\sthrough"
    r"|rondetijd\w*|lap\s?times?(?:\sof)?"
    r"|(?:ronde|rondes|ronden|rondje|rondjes|laps?)\s(?:van|in|of|op)"
    r"|(?:na|bij|after|at|passed|passing|through)\s(?:the\s)?[0-9]{3,4}\s?(?:meter|metres?|m)"
    r"(?:\smark)?|(?:100|200|300|400|600|700|800|900|1100|1200|1300|1400)\s?(?:meter|metres?|m)"
    r"(?:\smark)?)(?!\w)",
)
SPLIT_AFTER = re.compile(
    r"(?i)\s?(?:\(\s?)?(?:opening|opener|doorkomst|split|tussentijd|per\sronde|per\slap"
    r"|in\sde\sopening|als\sopening|for\sthe\sopening|at\sthe\s[0-9]{3,4}\s?m)\b"
)
_RESULT_CUE = rx(
    "cefiknstw",
    r"(?i)\b(?:eindtijd|eindigde|finishte|finish(?:ed|ing)?|klokte|clocked|tijd\svan|time\sof"
    r"|won|wint|winning\stime|final\stime|kwam\stot|noteerde|stopped\sthe\sclock|in\stotaal)\b",
)
# Directly before a number, these make it a race time even when it also looks like a date.
_RESULT_BEFORE = rx(
    "(ceikmnrstw",
    # Plural verbs too ("De Nederlanders klokten 3,38,71"): a team's time. "reed naar 1.08.45".
    r"(?i)(?:\b(?:in|met|with|klok(?:t|te|ten)|clocked|clocks|noteer(?:t|de|den)|reed|reden|rijdt|"
    r"(?:reed|reden|rijdt|snelde|stormde|schaatste)\snaar|"
    r"skated|tijd\svan|time\sof"
    r"|tijd|time|kwam(?:en)?\stot|eindtijd)\s(?:een\s|a\s)?|\(\s?"
    # "Ning's time was 1.44.94", "haar tijd bedroeg 1.55.20".
    r"|(?:tijd|time)\s(?:was|is|bedroeg|stond\sop)\s"
    # "the previous track record of 1:56:62", "het baanrecord van 1.52,92": a record's mark.
    r"|(?:record|mark)\s(?:of|van)\s"
    # Dutch inversion: "Op de 1000 meter reed Leerdam 1.14.62", "klokte Jutta Leerdam 37,20".
    r"|(?:reed|reden|klok(?:te|ten)|noteer(?:de|den))\s"
    # (Scanned lower-cased: the name is one to three words of letters.)
    r"(?:[^\W\d][\w'’-]*\s){1,3})(?=[0-9])",
)
# "kwam tot 1.14.90" reached a time; "tot 20.30" alone is until a clock time.
_CLOCK_BEFORE = rx(
    "afortuv",
    r"(?i)\b(?:om|at|vanaf|(?<!kwam\s)(?<!kwamen\s)tot|rond|around|from|until|till)\s(?=[0-9])",
)
_SKATE_CONTEXT = rx(
    "0123456789abcefgkmnoprstwz",
    r"(?i)\b(?:[0-9]{3,5}\s?(?:meter|metres?|m)\b|(?:top)?schaats|skat|rit|ritten|race|tijd"
    r"|time|second|seconde|sec|klokte|clock|reed|finish|podium|goud|zilver|brons|gold|silver"
    r"|bronze|(?:baan|wereld)?record|wereldbeker|world\scup|wk|ek|nk|olymp|spelen|games"
    r"|(?:wereld)?kampioen|champion|massastart|mass\sstart|(?:ploeg(?:en)?)?achtervolging"
    r"|pursuit|sprint|allround|track)",
)
_POINTS_CONTEXT = rx(
    "ackpsv",
    r"(?i)(?:allround|klassement|classification|standings|punten|points|samalog|vierkamp"
    r"|puntentotaal|sprinttoernooi)",
)


@dataclass(frozen=True)
class Candidate:
    """A number written like a time ("1.12,74", "36.09"): where it stands, and its parts as
    written (minutes, seconds, decimals and the separators between them)."""

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


class TimeContext:
    """Cue positions for one text, computed once per `find_times` call."""

    def __init__(self, text: str, cands: Sequence[Candidate]) -> None:
        self.text = text
        self.cands = cands

    # Each cue index is built on first use only: a text without candidate numbers never pays
    # for the scans.
    @functools.cached_property
    def split(self) -> Cues:
        return Cues(_SPLIT_CUE, self.text)

    @functools.cached_property
    def result(self) -> Cues:
        return Cues(_RESULT_CUE, self.text)

    @functools.cached_property
    def sentence(self) -> Cues:
        return sentence_ends(self.text)

    @functools.cached_property
    def skate(self) -> Cues:
        return Cues(_SKATE_CONTEXT, self.text)

    @functools.cached_property
    def points(self) -> Cues:
        return Cues(_POINTS_CONTEXT, self.text)

    @functools.cached_property
    def currency(self) -> Cues:
        return Cues(_CURRENCY_BEFORE, self.text)

    @functools.cached_property
    def margin_before(self) -> Cues:
        return Cues(_MARGIN_BEFORE, self.text)

    @functools.cached_property
    def margin_strong(self) -> Cues:
        return Cues(_MARGIN_STRONG_BEFORE, self.text)

    @functools.cached_property
    def result_before(self) -> Cues:
        return Cues(_RESULT_BEFORE, self.text)

    @functools.cached_property
    def clock_before(self) -> Cues:
        return Cues(_CLOCK_BEFORE, self.text)

    @functools.cached_property
    def timelike(self) -> list[int]:
        """Starts of time-like tokens (minutes, or two-digit seconds with two decimals, not
        money or a length): they are each other's evidence, "(34.91) and ... (35.42)"."""
        return [
            c.start
            for c in self.cands
            if (c.minutes is not None or (len(c.sec_text) == 2 and len(c.frac) == 2))
            and not self.currency.ends_at(c.start)
            and not NOT_TIME_UNIT.match(self.text, c.end)
        ]

    def clause_start(self, pos: int, prev_end: int) -> int:
        """Where the stretch of text that can qualify a number at `pos` begins: the sentence
        start or the end of the previous number, whichever is later."""
        sent = self.sentence.last_end_before(pos)
        return max(prev_end, sent if sent is not None else 0)

    def near_timelike(self, c: Candidate, dist: int = 100) -> bool:
        """Is another time-like token within `dist` characters of `c`?"""
        i = bisect.bisect_left(self.timelike, c.start)
        before = self.timelike[i - 1] if i > 0 else None
        j = i + 1 if i < len(self.timelike) and self.timelike[i] == c.start else i
        after = self.timelike[j] if j < len(self.timelike) else None
        return (before is not None and c.start - before <= dist + 12) or (
            after is not None and after - c.end <= dist
        )
