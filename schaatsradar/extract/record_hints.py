"""The hint rules of record mentions: what the words just before or after a record word say
happened to it (set, beaten, standing, no record at all).

Why a module of its own: the rules are a lexicon of their own (a pattern each, behind a keyword
gate), read by `record_words` when it weighs a mention; kept apart, neither file needs more
than about 500 lines to say what it does.
"""

from __future__ import annotations

import re

from schaatsradar.extract.record_denials import COUNTERFACTUAL_BEFORE

# "een tweede record", "another record": an ordinal before a record word.
ORDINAL_BEFORE = re.compile(r"(?i)\b(?:tweede|derde|second|third|another|nog\seen)\s$")


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
_ORDINAL_RULE = _rule(ORDINAL_BEFORE.pattern, "tweede derde second third another nog")
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
