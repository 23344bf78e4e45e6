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
    COUNTERFACTUAL_BEFORE,
    denied_after,
    no_record_after,
    only_a_pace,
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
_ORDINAL_BEFORE = re.compile(r"(?i)\b(?:tweede|derde|second|third|another|nog\seen)\s$")
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


# What the words around a mention say. Each rule reads the stretch of the sentence just before
# or just after the mention (HINT_REACH characters at most).
HINT_REACH = 60
HINT_REACH_AFTER = 80  # Dutch puts the verb last: "staat ... sinds 2020 op naam van Japan"


class Rule:
    """A hint pattern behind a keyword gate: every match contains one of `needles` (lower
    case), so a window without any is turned away by substring tests instead of a regex scan
    from each of its positions. The tests check that the gate never hides a match."""

    __slots__ = ("gate", "needles", "pattern")

    def __init__(self, pattern: str, needles: str) -> None:
        self.pattern = re.compile(pattern)
        self.needles = tuple(needles.split())
        self.gate = re.compile("|".join(re.escape(n) for n in self.needles))

    def search(self, window: str, low: str) -> bool:
        """Does the pattern occur in `window` (`low` is its case-folded form)?"""
        return self.gate.search(low) is not None and self.pattern.search(window) is not None


RULES: list[Rule] = []


def _rule(pattern: str, needles: str) -> Rule:
    made = Rule(pattern, needles)
    RULES.append(made)
    return made


_HOLDER_FORMER = _rule(
    r"(?i)(?:\b(?:former|voormalige?|gewezen|ex)\s|\b(?:oud|ex)-)$",
    "former voormalig gewezen ex oud",
)
_OLD_NEEDLES = "oude vorige voormalige previous former old erstwhile"
_OLD_BEFORE = _rule(
    r"(?i)\b(?:oude|vorige|voormalige|previous|former|old|erstwhile)\s(?:[\w-]+\s){0,2}$",
    _OLD_NEEDLES,
)
_OLD_WORD = re.compile(r"(?i)(?:oude|vorige|voormalige|previous|former|old|erstwhile)\s")
# "twee tienden sneller dan het baanrecord", "dook onder het wereldrecord", "doken ze ruim
# een seconde onder het baanrecord": it was beaten.
_BEATEN_BEFORE = _rule(
    r"(?i)\b(?:sneller\sdan|faster\sthan|beter\sdan|better\sthan|(?:dook|doken|duikt|duiken)"
    r"\s(?:[\w,]+\s){0,5}?onder|went\sunder|dipped\sunder|ducked\sunder|below"
    r"|(?:ruim|net|vlak|diep|seconden?|tienden?|honderdsten?|well|just|far|seconds?|tenths?"
    r"|hundredths?)\s(?:onder|under))\s"
    r"(?:(?:het|de|die|dat|the|that)\s)?(?:[\w-]+\s){0,2}$",
    "sneller faster beter better dook doken duikt duiken went dipped ducked below onder under",
)
_BROKEN_AFTER = _rule(
    r"(?i)\b(?:verbroken|gebroken|uit\sde\sboeken)\b", "verbroken gebroken boeken"
)
_WAS_BEFORE = _rule(r"(?i)\b(?:was|stond|had)\s(?:[\w-]+\s){0,3}$", "was stond had")
# The record is the subject of a verb of falling, in the same clause: "het baanrecord van
# Kramer sneuvelde", "ging het wereldrecord uit de boeken".
_FELL_AFTER = _rule(
    # (a time's own comma or colon does not end the clause: "(1.41,95) moest eraan geloven")
    r"(?i)^(?:[^,;:]|(?<=\d)[,:](?=\d)){0,60}?\b(?:sneuvelde|sneuvelden|gesneuveld|verdween"
    r"|verdwenen|uit\sde\sboeken|moest(?:en)?\s(?:er\s(?:[\w-]+\s){0,2}aan|eraan)\sgeloven"
    r"|fell(?!\sshort)|tumbled|was\sbroken|were\sbroken|was\sbettered|was\slowered)\b",
    "sneuvel verdwe boeken geloven fell tumbled broken bettered lowered",
)
_EXISTING_BEFORE = _rule(
    r"(?i)(?:net\sboven|boven|(?:just|well|only|stayed|remained)\sabove|dicht\sbij|niet\sver\svan|vlak\sbij|in\sde\sbuurt\svan|shy\sof"
    r"|off|short\sof|outside|close\sto|near|far\sfrom|ver\s(?:verwijderd\s)?van|onder\shet"
    r"\soog\svan|houd(?:er|ster)s?\svan|holders?\sof|holds|owns|owned|bezit|bezat|heeft|staat"
    r"|stond|stands|(?:who|that|they|we)\s(?:(?:still|also|already)\s)?(?:own|hold)"
    r"|langzamer\sdan|trager\sdan|slower\sthan|remains|remained|stays|stayed"
    r"|blijft|is\sstill|was\sstill|missing|missed|misses|miste|mist|missen"
    r"|(?:stands|stood|remains|remained)\sas|(?:staat|stond|geldt|gold)\sals"
    r"|within\s(?:[\w-]+\s){0,3}?of|within\s(?:[\w-]+\s){0,5}?of\s(?:the|a|an)\s\d+\s?"
    r"(?:m|metres|meters)"
    # "kwam tot op 1,27 seconde van het wereldrecord": a margin to the standing mark.
    r"|(?:tot\s)?op\s(?:[\d,.]+|[\w-]+)\s(?:[\w-]+\s)?(?:seconde|seconden|tiende|tienden"
    r"|honderdste|honderdsten)\svan)\s"
    # "came close to his own 1000m world record": "own" before the distance.
    r"(?:(?:het|de|the|a|his|her|their|haar|zijn|hun)\s)?(?:(?:own|eigen)\s)?(?:[\w-]+\s|\d[\d.,:]*\s"
    # "close to Natalya Voronina's 5,000m world record": a holder's possessive, a distance.
    r"|(?:[\w-]+\s){0,2}[\w-]+['’]s?\s(?:[\w,.-]+\s)?)?$",
    "boven above bij van shy off short outside close near far oog holds owns owned bezit bezat"
    " heeft own hold staat stond stands langzamer trager slower remain stay blijft still miss mist"
    " within",
)
# "Kjeld Nuis houdt sinds maart 2019 het wereldrecord": a holder holds it, however far apart.
_HOLDS_BEFORE = _rule(
    r"(?i)\b(?:houdt|hield|holds|held|bezit|owns)\s(?:[\w,.-]+\s){0,5}(?:het|de|the|a|an)\s"
    r"(?:[\w,.-]+\s){0,2}$",
    "houdt hield holds held bezit owns",
)
_EXISTING_AFTER = _rule(
    r"(?i)\b(?:in\shanden\svan|op\snaam\svan|staat\sop\snaam|staat\sal|stond\sal|dateert"
    r"|still\sstands?|has\sstood|had\sstood|stands\ssince|stood\ssince|is\sheld|held\sby"
    r"|set\sby|belongs\sto|van\s\w+\s(?:uit|van)\s[0-9]{4}|uit\s[0-9]{4}|from\s[0-9]{4}"
    r"|since\s[0-9]{4}|sinds\s[0-9]{4}|buiten\sbereik|out\sof\sreach|geen\smoment\sin\sgevaar"
    r"|niet\sin\sgevaar|never\sin\sdanger|never\sthreatened|stond\sop\snaam"
    r"|(?:never|not)\s(?:under|in)\s(?:any\s)?(?:threat|doubt)"
    r"|op\s(?:haar|zijn|hun)\snaam(?!\s(?:gezet|geschreven|gebracht))|in\s(?:her|his|their)\sname"
    r"|sinds\svorig\w*\s(?:jaar|seizoen)|(?:since|from)\slast\s(?:year|season)"
    r"|in\shanden\s(?:heeft|had|hebben|hadden)|(?:was|is)\snot\s(?:in\sdanger|threatened)"
    # "..., gereden in 2020, staat nog altijd", "still stands", "is still standing"
    r"|(?:staat|stond|bestaat)\snog\s(?:altijd|steeds)|nog\s(?:altijd|steeds)\sovereind"
    r"|(?:bleef|blijft)\s(?:(?:nog|wel|gewoon)\s)?(?:staan|overeind|intact|heel)"
    r"|(?:remained|remains|stayed|stays)\s(?:intact|untouched|safe)"
    r"|still\sstanding|(?:stands|stood)\sto\sthis\sday"
    r"|(?:op|at)\s\d[\d.,:]*\s(?:stond|staat|stood|stands))\b"
    r"|,\s(?:dat|die)\s(?:[\w,.:-]+\s){0,4}?(?:staat|stond)\b"
    r"|,\s(?:which|that)\s(?:[\w,.:-]+\s){0,4}?(?:stands|stood)\b",
    "handen naam name staat stond dateert stand stood held set belongs uit from since sinds"
    " bereik reach gevaar danger threat doubt altijd steeds standing bleef blijft remain stay",
)
_SET_NEAR = _rule(
    r"(?i)\b(?:reed|rijdt|reden|gereden|vestigde|gevestigd|vestigt|verbeterde|verbeterd"
    r"|verbeterden|verbetert|scherpte|aangescherpt|scherpt|nieuwe?|new|set|sets|setting|broke|breaks"
    r"|breaking|broken|smashed|lowered|verbrak|verbreekt|verbroken|verpulverde|verpulverd"
    r"|knalde\snaar|naar\seen|goed\svoor\seen|dook\sonder|clocked|skated|skates|bettered"
    r"|record\stime|recordtijd|posted|zorgde\svoor|op\s(?:haar|zijn|hun)\snaam\s(?:gezet"
    r"|geschreven)|improv\w*|took|takes|nam|neemt|pakte|pakt|grabbed|claimed|captured"
    r"|snatched|zette|zetten|neergezet|neerzette|schreef|schreven|brak|shatter\w*|eclips\w*"
    r"|obliterat\w*|beat|beats|beating|topp(?:ed|ing)|eras(?:e|ed|es|ing)|rewr(?:ote|ites|iting))\b",
    "reed rijdt reden gereden vestig verbeter scherp nieuw new set broke break smashed lowered"
    " verbr verpulver knalde naar goed dook clocked skate bettered recordtijd posted zorgde naam"
    " improv took takes nam neemt pakt grabbed claimed captured snatched time zette zetten neer"
    " schre brak shatter eclips obliterat beat topp eras rewr",
)
_ORDINAL_RULE = _rule(_ORDINAL_BEFORE.pattern, "tweede derde second third another nog")
# "won in een baanrecord", "finished with a personal best", "met een dik persoonlijk record":
# the race was skated in it, so it was set.
_IN_A_RECORD = _rule(r"(?i)\b(?:in|met|with)\s(?:een|a|an)\s(?:[\w-]+\s)?$", "in met with")
# "won in 36.05, a world record", "(1.52,80), een nieuw baanrecord": a record in apposition to
# the time just skated is set with it, whatever the words after say of an older mark.
_APPOSED_TO_TIME = _rule(
    r"(?i)\d[.,:]\d\d\)?,?\s(?:(?:een|a|an)\s)(?:(?:nieuwe?|new)\s)?(?:[\w-]+\s)?$",
    "0 1 2 3 4 5 6 7 8 9",
)
# "die ook het wereldrecord houdt": Dutch puts the verb of holding after the record.
_HELD_AFTER = _rule(
    r"(?i)^\s(?:houdt|hield|houden|hielden|bezit|bezat)\b", "houd hield bezit bezat"
)
_RECORD_BREAKING = _rule(r"(?i)^[\s-]?(?:breaking|setting)\b", "breaking setting")
_UNTIL_AFTER = _rule(
    r"(?i)^[^,;.]{0,40}?\b(?:until|till|tot)\s(?:(?:januari|februari|maart|november|december"
    r"|january|february|march|last|vorig\w*|\w+)\s)?(?:19|20)\d\d\b",
    "until till tot",
)
# "It was still an Olympic record", "dat is nog altijd een persoonlijk record": the time was
# one (a standing mark is "still the record", with the definite article).
_STILL_A_BEFORE = _rule(
    r"(?i)\b(?:is|was|were|are|remains|remained|blijft|bleef)\s(?:(?:still|nog|steeds|altijd"
    r"|wel)\s){1,2}(?:a|an|een)\s(?:[\w-]+\s)?$",
    "is was were are remain blijft bleef",
)
# "stands as a new track record", "geldt als een nieuw baanrecord": a new one is set, whatever
# verb of standing comes before.
_A_NEW_BEFORE = _rule(r"(?i)\b(?:a|an|een)\s(?:nieuwe?|new)\s$", "nieuw new")
# "Zijn persoonlijk record staat op 1.07,80", "Her personal best is 1:52.50": the mark stands
# at a time (a record set here is told with a verb of setting or as the time's apposition).
_STANDS_AT_AFTER = _rule(
    r"(?i)^\s(?:staat|stond|stands|stood|is|was)\s(?:(?:nu|now|still|nog|steeds|al)\s){0,2}"
    r"(?:op\s|at\s)?\d",
    "staat stond stand stood is was",
)
# Words that make a record word no record set, beaten or standing: none at all ("geen enkel
# baanrecord meer"), one almost set ("bijna een wereldrecord", "nearly a track record"), one
# aimed at ("op jacht naar het wereldrecord", "wilde een persoonlijk record rijden",
# "chasing the world record").
_NO_RECORD = _rule(
    r"(?i)(?:\b(?:geen|no|nooit\s(?:een|het)|never\s(?:a|the)|not\s(?:a|an)|niet\s(?:een)"
    # "niet genoeg voor een baanrecord", "not fast enough for a world record"
    r"|(?:niet|not)\s(?:[\w-]+\s)?(?:genoeg|enough)\s(?:voor|for)\s(?:een|a|an|het|the))\s"
    r"(?:(?:enkel|enkele|nieuw|nieuwe|new)\s)?"
    # "bijna een wereldrecord", "bijna goed voor een wereldrecord", "nearly good for a ..."
    # "nearly broke his own world record", "brak bijna haar eigen baanrecord"
    r"|\b(?:bijna|nagenoeg|almost|nearly)\s(?:(?:goed|good)\s(?:voor|for)\s|[\w-]+\s)?"
    r"(?:(?:een|het|a|an|the|zijn|haar|his|her|their|hun)\s)?(?:(?:own|eigen)\s)?(?:[\w-]+\s)?"
    # "Het scheelde weinig of Leerdam had een wereldrecord gereden"
    r"|\b(?:scheelde|scheelt)\s(?:weinig|niet\sveel|een\shaar)\sof\s(?:[\w-]+\s){0,5}?"
    r"(?:een|het)\s(?:[\w-]+\s)?"
    r"|\b(?:op\sjacht\snaar|jacht\sop|jagen\sop|jaagt\sop|aanval\sop|poging\sop|gericht\sop"
    r"|mikt\sop|mikken\sop|hoopt\sop|hoopte\sop|hopen\sop|droomt\svan|droomde\svan"
    r"|wil|wilde|wilden|willen|chas(?:e|es|ed|ing)|aim(?:s|ed|ing)?\s(?:for|at)"
    r"|(?:hope|hopes|hoped|hoping|want|wants|wanted|wanting|trying|tries|tried)\sto\s\w+"
    r"|attempt\son|shot\sat|bid\sfor)\s(?:(?:een|het|de|a|an|the|zijn|haar|his|her"
    r"|their|hun)\s)?(?:[\w-]+\s)?"
    rf"|(?:{COUNTERFACTUAL_BEFORE})(?:(?:een|het|a|an|the)\s)?(?:[\w-]+\s)?)$",
    "geen no nooit never not niet bijna nagenoeg almost nearly jacht jagen jaagt aanval poging"
    " gericht mikt mikken hoop hopen hope droom wil chas aim want trying tries tried attempt shot"
    " bid would could might scheel",
)


# A clause boundary: a comma before a word (not the decimal comma of "36,48").
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
