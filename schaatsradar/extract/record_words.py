"""The records a text names, of which kind each is, and what the words around it say happened
to it.

Reporters name a record in three ways, and all three are found here: by its kind ("het
baanrecord", "a world mark", "een persoonlijk record", "her fastest time of the season"), by
its holder ("wereldrecordhouder Nuis", "former record-holder Loubineaud"), and by referring
back to one named before ("het record", "the women's 3,000m mark", "een tweede record", "het
oude record"). A mention that refers back has the kind "other" and `refers_back` set: which
record it is follows from the sentences before it, which only the caller knows.

Why hints and not statuses: whether a record was set, beaten or still stands often needs the
result it belongs to; the words near a mention are evidence that `records` weighs together with
the times and skaters of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schaatsradar.extract.pattern_leads import lead
from schaatsradar.extract.record_denials import (
    denied_after,
    no_record_after,
    only_a_pace,
)
from schaatsradar.extract.record_hints import (
    _A_NEW_BEFORE,
    _APPOSED_TO_TIME,
    _BEATEN_BEFORE,
    _BROKEN_AFTER,
    _EXISTING_AFTER,
    _EXISTING_BEFORE,
    _FELL_AFTER,
    _HELD_AFTER,
    _HOLDER_FORMER,
    _HOLDS_BEFORE,
    _IN_A_RECORD,
    _NO_RECORD,
    _OLD_BEFORE,
    _OLD_WORD,
    _ORDINAL_RULE,
    _RECORD_BREAKING,
    _SET_NEAR,
    _STANDS_AT_AFTER,
    _STILL_A_BEFORE,
    _UNTIL_AFTER,
    _WAS_BEFORE,
    HINT_REACH,
    HINT_REACH_AFTER,
    ORDINAL_BEFORE,
)
from schaatsradar.extract.scanning import dedupe, rx, sentence_ends
from schaatsradar.extract.types import RECORD_TYPES, RecordStatus

__all__ = ["RecordMention", "find_record_mentions"]


@dataclass(frozen=True)
class RecordMention:
    """A record named in the text, with what the nearby words say happened to it.

    `refers_back`: the words name no kind ("het record", "the mark", "the previous one"); the
    kind is that of the record named before. `plural`: more than one record ("baanrecords",
    "both Olympic records"), each belonging to its own race.
    """

    start: int
    end: int
    type: str
    status_hint: RecordStatus | None
    refers_back: bool = False
    plural: bool = False
    fixed: bool = False  # the words name the kind outright ("wereldrecord op een laaglandbaan")


_NATIONALITIES = (
    r"nederlandse?|dutch|national|nationaal|nationale|belgische?|noorse?|noors|canadese?"
    r"|canadees|amerikaanse?|amerikaans|japanse?|japans|duitse?|duits|italiaanse?|italiaans"
    r"|poolse?|pools|chinese?|chinees|koreaanse?|koreaans|tsjechische?|tsjechisch|zweedse?"
    r"|zweeds|canadian|american|norwegian|japanese|korean|german|italian|polish|belgian|czech"
    r"|british|swedish|franse?|frans|french|russische?|russisch|russian|oostenrijkse?"
    r"|oostenrijks|austrian|zwitserse?|zwitsers|swiss|kazachse?|kazachs|kazakh|kazakhstani"
    r"|finse?|finnish|estse?|estonian|letse?|latvian|hongaarse?|hongaars|hungarian|deense?"
    r"|deens|danish|australische?|australisch|australian|u\.s\."
)
_POSSESSIVE = r"(?:haar|zijn|hun|her|his|their)"
# A world record on a lowland rink (or a lowland record) is no world record: its own kind,
# named by the words themselves, never by the record named before it.
_LOWLAND = (
    r"wereldrecord\w*\s(?:(?:op|voor)\s(?:(?:een|de)\s)?)?laagland(?:baan|banen|ijs)?"
    r"|laaglandrecord\w*|(?:laagland|lowland)[\s-](?:wereld)?records?"
    r"|lowland[\s-]world[\s-]records?|world[\s-]records?\s(?:on|at)\s(?:a\s)?lowland"
    r"(?:[\s-](?:rinks?|tracks?|ovals?|ice))?"
)
RECORD_KINDS: list[tuple[str, str]] = [
    ("junior_world", r"junior(?:s'?)?\sworld[\s-]records?|world\sjunior\srecords?"
     r"|(?:junioren)?wereldjuniorenrecords?|juniorenwereldrecord\w*|wereldjeugdrecords?"
     r"|wereldrecords?\s(?:voor|bij\sde)\sjunioren|world\srecords?\sfor\sjuniors"),
    ("other", _LOWLAND),
    ("world", r"wereld(?:punten)?record\w*|world[\s-]records?(?:[\s-]hold(?:er|ers|ing))?"
     r"|world[\s-]marks?|mondiale\stoptijd\w*|(?:snelste|beste)\stijd\sooit\ster\swereld"
     r"|(?:fastest|best)\stime\s(?:ever\s)?in\sthe\sworld(?!\s(?:this|that|of\sthe)\s)"),
    ("track", r"baanrecord\w*|ijsbaanrecord\w*|(?:track|rink|venue)[\s-]records?"
     r"(?:[\s-]holders?)?|track[\s-]marks?|(?:olympic\s)?oval[\s-]records?"),
    ("olympic", r"olympische?\srecord\w*|olympic[\s-]records?(?:[\s-]holders?)?"),
    ("continental", r"europese?\srecord\w*|europees\srecord\w*|european[\s-]records?"
     r"|continental[\s-]records?|continentale?\srecord\w*|aziatische?\srecord\w*"
     r"|aziatisch\srecord\w*|asian[\s-]records?|north\samerican[\s-]records?"),
    # "the Polish 1000m record": a distance between the nationality and the record.
    ("national", rf"(?:{_NATIONALITIES})\s(?:\d[\d,.]*\s?(?:m|metres|meters)\s)?"
     r"record(?:[\s-]holders?|\w*)"),
    ("personal", r"persoonlijke?\srecord\w*|persoonlijke?\s(?:best|top)tijd\w*|personal[\s-]bests?"
     r"|personal[\s-]records?"
     rf"|{_POSSESSIVE}\s(?:snelste|beste)\stijd\sooit|{_POSSESSIVE}\s(?:fastest|best)\s"
     r"(?:time\sever|ever\stime)"),
    ("season_best", r"seizoensbeste\w*|seizoensrecord\w*|season'?s?[\s-]bests?"
     rf"|{_POSSESSIVE}\s(?:snelste|beste)\stijd\svan\shet\sseizoen"
     rf"|{_POSSESSIVE}\s(?:fastest|best)\stime\sof\sthe\s(?:season|year)"
     # "zijn snelste tijd van dit seizoen" ("beste" may be the mark beaten: "onder haar beste
     # tijd van dit seizoen")
     rf"|{_POSSESSIVE}\ssnelste\stijd\svan\sdit\s(?:seizoen|jaar)"
     rf"|{_POSSESSIVE}\sfastest\stime\sof\sthis\s(?:season|year)"),
    ("championship", r"kampioenschapsrecord\w*|championships?[\s-]records?(?:[\s-]holders?)?"
     r"|toernooirecord\w*"
     r"|wk-record\w*|ek-record\w*"),
    ("other", r"recordhoud(?:er|ster)s?|record[\s-]holders?|(?:previous|former|old|oude"
     r"|vorige|eigen|own)\srecords?(?![\s-]?hold)|wereldbesttijd\w*|world[\s-]bests?"
     r"|(?:oude|vorige)\s(?:toptijd|besttijd|recordtijd)|(?:previous|former|old)\s(?:best"
     r"|mark|one)"),
]  # fmt: skip
_KIND_NAMES = [kind for kind, _ in RECORD_KINDS]
_KIND = rx(
    "abcdefghijklmnoprstuvwz",
    "(?i)\\b(?:"
    # Each kind led by its own first letters: at a word start only the kinds that can begin
    # there are entered (the scan ran 1.7x faster on news text; the same matches).
    + "|".join(f"{lead(pattern)}(?P<t{i}>{pattern})" for i, (_, pattern) in enumerate(RECORD_KINDS))
    + ")(?!\\w)",
    needles="record mark best houd hold tijd time",
)
_PR = rx("p", r"(?<![\w/.])(?:(?:pr|PR|Pr)(?:'s)?|PBs?)(?![\w/-])", needles="pr pb")
# "record"/"mark" alone, lower case ("Mark" is a name): a record named before, when a
# determiner shows it is a thing ("het record", "the women's 3,000m mark", "Friday's records").
_BARE = rx("mrR", r"\b(?:[Rr]ecords?|RECORDS?|marks?)(?![\w-])", needles="record mark")
_BARE_DETERMINER = re.compile(
    r"(?i)(?:\b(?:het|dat|dit|deze|die|een|the|that|this|these|those|its|a|an|both|beide"
    r"|another|her|his|their|haar|zijn|hun|eigen|own|whose|wiens|wier)|\w['’]s)\s"
    r"(?:[\w'’.,-]+\s){0,3}$"
)
# After the bare word: punctuation or a word that cannot be the noun it qualifies ("het record
# van", "the mark at", "the record fell", "het record verbeterd"), not "a record crowd".
_BARE_AFTER = re.compile(
    r"(?i)\s?(?:[,.;:!?)(\]\"”’']|$)|\s(?:of|van|op|on|at|for|voor|from|to|with|met|by|door"
    r"|that|dat|die|which|who|is|was|were|are|werd|werden|wordt|staat|stond|stands|stood|has"
    r"|had|have|heeft|fell|falls|came|went|belonged|belongs|dateert|dates|en|and|but|maar|set"
    r"|held|hield|bleef|remained|over|uit|naar|af|aan|neer|ging|kwam|sneuvelde|viel|dook|brak"
    r"|in|into|dit|al|nog|ook|also|still|again|opnieuw|daarmee|hiermee|thereby|ge\w+|\w+ed)\b"
)
# "the mark Patrick Roest had set in 2023": a contact clause naming its setter (also after
# "off the": "took a second off the mark Roest had set").
_SETTER_AFTER = re.compile(
    r"\s[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}\s(?:had\s)?(?:set|skated|gevestigd|neerzette"
    r"|neergezet|reed)\b"
)
_BARE_IDIOM = re.compile(r"(?i)\b(?:for|off|on)\sthe\s$|\bon\s$")
# "een tweede record", "another record": one more was set.
_ORDINAL_BEFORE = ORDINAL_BEFORE
# "the previous one" is a record only right after one: "This record, surpassing the previous
# one set by Loubineaud".
_ONE = re.compile(r"(?i)\sone$")
ONE_REACH = 80


def find_record_mentions(text: str) -> list[RecordMention]:
    """Every record `text` mentions, typed (one of `types.RECORD_TYPES`) and with a status
    hint from the nearby words (None when they do not say)."""
    hints = _Hints(text)
    spans = dedupe(_record_words(text, hints))
    found: list[RecordMention] = []
    for i, word in enumerate(spans):
        if _ONE.search(word.text) and not (found and word.start - found[-1].end <= ONE_REACH):
            continue  # "the previous one" with no record before it
        if no_record_after(text, word.end) or only_a_pace(text, word.start, word.end):
            continue
        stop = spans[i + 1].start if i + 1 < len(spans) else None
        before = hints.before(word.start)
        if no_record_before(before):
            if not _AIMED_AT_MARK.search(before) or not _MARK_NAMED_AFTER.match(text, word.end):
                continue
            hint: RecordStatus | None = "existing"  # "hoped to break the world record of
            # 2:50.76 that Japan set": none was set, but the one aimed at stands
        else:
            hint = hints.hint(word.start, word.end, word.text, stop)
        if hint in (None, "set") and denied_after(hints.after(word.end, stop)):
            continue  # a record said not to have been set
        found.append(
            RecordMention(
                word.start,
                word.end,
                word.kind,
                hint,
                word.refers_back,
                _is_plural(word.text),
                fixed=bool(_FIXED_OTHER.search(word.text)),
            )
        )
    return found


@dataclass(frozen=True)
class _RecordWord:
    start: int
    end: int
    kind: str
    text: str
    refers_back: bool = False


def _record_words(text: str, hints: _Hints) -> list[_RecordWord]:
    words: list[_RecordWord] = []
    for m in _KIND.finditer(text):
        kind = _KIND_NAMES[int((m.lastgroup or "t0")[1:])]
        word = m.group()
        holder = "houd" in word.lower() or "hold" in word.lower()
        back = kind == "other" and not holder and not _FIXED_OTHER.search(word)
        words.append(_RecordWord(m.start(), m.end(), kind, word, back))
    for m in _PR.finditer(text):
        words.append(_RecordWord(m.start(), m.end(), "personal", ""))
    for m in _BARE.finditer(text):
        if _bare_names_a_record(text, m.start(), m.end(), hints):
            words.append(_RecordWord(m.start(), m.end(), "other", m.group(), True))
    return words


_FIXED_OTHER = re.compile(r"(?i)laagland|lowland")
# A record aimed at with the definite article, named by its time or holder right after it:
# the standing mark ("op jacht naar het wereldrecord van 36,09", "chasing the world record
# held by Takagi").
_AIMED_AT_MARK = re.compile(r"(?i)\b(?:het|de|the|dat|that)\s(?:[\w-]+\s)?$")
_MARK_NAMED_AFTER = re.compile(
    r"\s(?:(?:of|van)\s(?:\d|[A-Z])|\(\d|(?:held|set)\sby\s|op\snaam\svan\s|in\shanden\svan\s)"
)


def _is_plural(word: str) -> bool:
    return word.casefold().endswith(("records", "marks", "bests"))


def _bare_names_a_record(text: str, start: int, end: int, hints: _Hints) -> bool:
    before = hints.before(start)
    if not _BARE_DETERMINER.search(before):
        return False
    if _SETTER_AFTER.match(text, end):
        return True
    if _BARE_IDIOM.search(before):
        return False
    return _BARE_AFTER.match(text, end) is not None


_CLAUSE_BREAK = re.compile(r"[,;]\s")


def no_record_before(before: str) -> bool:
    """Do the words right before a record word say it was none of set, beaten or standing?"""
    return _NO_RECORD.search(before, before.casefold())


class _Hints:
    """Status hints for the mentions of one text. Sentence ends are found once for the whole
    text, so each mention costs a few anchored searches on its own short neighbourhood."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = sentence_ends(text)

    def before(self, start: int) -> str:
        sentence = self.ends.last_end_before(start) or 0
        return self.text[max(start - HINT_REACH, sentence) : start]

    def after(self, end: int, stop: int | None = None) -> str:
        """The words after a mention, up to the sentence end or the next record (`stop`):
        words beyond another record describe that one."""
        sentence = self.ends.first_start_from(end)
        hi = min(end + HINT_REACH_AFTER, len(self.text) if sentence is None else sentence)
        return self.text[end : hi if stop is None else min(hi, stop)]

    def hint(self, start: int, end: int, word: str, stop: int | None) -> RecordStatus | None:
        """Why the order: an adjective right before the record ("het oude wereldrecord",
        "their previous record") names the beaten mark whatever the verb says, and so does a
        comparison that beats it ("sneller dan het baanrecord") or a verb of falling after
        it; Dutch "verbroken" after a record that "was" the mark ("Dat was het baanrecord,
        maar dat heb ik nu verbroken") is the old mark too. Then the words right before it
        ("net boven het", "houdt ... het" standing; "reed", "vestigde", "een tweede" set)
        outweigh the words after it, which often describe another mark of the sentence
        ("took the world record from X, whose 6:00.23 had stood")."""
        before, after = self.before(start), self.after(end, stop)
        low_before, low_after = before.casefold(), after.casefold()
        lower = word.lower()
        if "hold" in lower or "houd" in lower:
            return "broken" if _HOLDER_FORMER.search(before, low_before) else "existing"
        if _OLD_BEFORE.search(before, low_before) or _OLD_WORD.match(lower):
            return "broken"
        if _BROKEN_AFTER.search(after, low_after) and _WAS_BEFORE.search(before, low_before):
            return "broken"
        if _BEATEN_BEFORE.search(before, low_before) or _FELL_AFTER.search(after, low_after):
            return "broken"
        if _RECORD_BREAKING.search(after, low_after):
            return "set"  # "world-record-breaking 1:05.30", "recordbrekende"
        if _UNTIL_AFTER.search(after, low_after):
            return "broken"  # "who held the world record until 2024"
        if _STILL_A_BEFORE.search(before, low_before):
            return "set"  # "their time was still an Olympic record"
        if _A_NEW_BEFORE.search(before, low_before):
            return "set"  # "Her time also stands as a new track record"
        if _EXISTING_BEFORE.search(before, low_before) or _HOLDS_BEFORE.search(before, low_before):
            return "existing"
        if _CLAUSE_BREAK.search(before) and _EXISTING_AFTER.search(after, low_after):
            # "Beune rijdt baanrecord in Inzell, wereldrecord Sáblíková blijft buiten bereik":
            # a verb of setting in the clause before the comma is another record's.
            clause = _CLAUSE_BREAK.split(before)[-1]
            if not _SET_NEAR.search(clause, clause.casefold()):
                return "existing"
        if (
            _SET_NEAR.search(before, low_before)
            or _ORDINAL_RULE.search(before, low_before)
            or _IN_A_RECORD.search(before, low_before)
            or _APPOSED_TO_TIME.search(before, low_before)
        ):
            return "set"
        if (
            _EXISTING_AFTER.search(after, low_after)
            or _STANDS_AT_AFTER.search(after, low_after)
            or _HELD_AFTER.search(after, low_after)
        ):
            return "existing"
        if _SET_NEAR.search(after, low_after):
            return "set"
        return None


assert set(_KIND_NAMES) <= set(RECORD_TYPES)
