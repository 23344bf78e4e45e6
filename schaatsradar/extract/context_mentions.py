"""Which mentions of a meet or a rink move the story there, and which only name another meet.

Why: a report is about one meet, set by its headline, dateline and first paragraph. Later in
the text other meets and rinks are named all the time without the story moving: a title that
describes a skater ("olympisch kampioen Noorwegen", "Olympic champion Erin Jackson"), the
meet a skater qualified for ("een ticket voor de WK", "ahead of next month's Winter
Olympics"), a flashback ("bij de WK's in Heerenveen in 2021", "at the 2018 Pyeongchang
Games"), where a record was set ("haar record uit Hamar", "het baanrecord dat ze in Calgary
reed") or where a skater comes from ("Gélinas-Beaulieu of Sherbrooke", "Toronto's Belchos").
Only the remaining ("event") mentions may set or move a result's competition and venue.
This module reads the clause around one mention; which meet a name or title stands for is
context_lead's question.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from schaatsradar.extract.scanning import blind, gate, led_scan

__all__ = [
    "CONTRAST",
    "THIS_MEET_BEFORE",
    "in_prior_win_phrase",
    "in_relative_clause",
    "is_event_competition",
    "is_event_venue",
    "is_flashback_place",
    "is_race_venue",
    "is_season_mention",
    "names_a_meet",
]

# Where a clause ends: its flashback or target cue does not reach past these.
_CLAUSE_BREAK = re.compile(
    r"(?<!\d),|,(?!\d{3}\b)|[;:()\u2014\u2013]|\s-\s"
    r"|\s(?:maar|but|terwijl|while|nadat|after|toen|when|waar|where|waarna|whereas)\s"
    r"|(?<!\btot)\sen\s(?!met\b)(?=[a-z]+\s)",
    re.IGNORECASE,
)
_WINDOW = 90  # characters of a clause looked at on either side of a mention


@functools.lru_cache(maxsize=1024)
def _clause(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end] within lo..hi (a sentence's span)."""
    left = max(lo, start - _WINDOW)
    clause_start = left
    for m in _CLAUSE_BREAK.finditer(text, left, start):
        clause_start = m.end()
    right = min(hi, end + _WINDOW)
    after = _CLAUSE_BREAK.search(text, end, right)
    return clause_start, after.start() if after else right


# -- flashbacks ---------------------------------------------------------------------------

# "vorig jaar", "twee weken geleden", "last season", "de vorige wereldbeker": another meet.
_EARLIER = blind(
    r"\b(?:last\s(?:week|weekend|month|season|year|winter)(?:'s|’s)?|vorige\s(?:week|maand|"
    r"winter)|vorig\s(?:weekend|seizoen|jaar)|earlier\sthis\s(?:season|month|year|winter)|"
    r"eerder\sdit\s(?:seizoen|jaar)|(?:\w+|\d+)\s(?:jaar|years?|weken|weeks|maanden|months|"
    r"dagen|days)\s(?:geleden|ago)|(?:\w+|\d+)\s(?:jaar|years?|weken|weeks|maanden|months|dagen|days)\s"
    r"(?:eerder|earlier|ervoor|before)|"
    r"a\syear\s(?:earlier|before)|destijds|at\sthe\stime|toentertijd|"
    r"afgelopen\s(?:weekend|week|maand|seizoen|winter|jaar)|(?:this\s)?past\s(?:weekend|week|"
    r"month|season|winter)|(?:het|de)\s(?:weekend|week)\s(?:ervoor|daarvoor)|the\s(?:weekend|"
    r"week)\sbefore)\b"
)
_EARLIER_GATE = gate(
    _EARLIER,
    "last vorig earlier eerder geleden ago ervoor before destijds time toentertijd afgelopen past",
)
# "de vorige World Cup", "the previous Olympics", "het afgelopen WK": named just before.
_PREVIOUS_BEFORE = re.compile(
    r"\b(?:vorige|voorgaande|afgelopen|previous|last\syear's|last\sseason's)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A year, not a season ("2024/25") and not a rink's name ("the 2002 Utah Olympic Oval").
_YEAR = led_scan(
    r"(?<![\d./-])((?:19|20)\d\d)(?![\d]|/\d|-\d{2,4}\b)"
    r"(?!\s+(?:[A-Z][\w-]*\s+){0,2}(?:Olympic\s+)?(?:Oval|oval|Arena|arena|rink|Hall|venue)\b)"
)


def _other_year(year: int, article_date: dt.date | None) -> bool:
    """A year that is not the one of the reported meet: a winter's meets straddle New Year,
    so last year in January or February is still this season."""
    if article_date is None:
        return False
    if year == article_date.year:
        return False
    return not (year == article_date.year - 1 and article_date.month <= 3)


# "in Salt Lake City, Utah, last week": a time phrase closing the sentence after a comma.
_EARLIER_TAIL = re.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)*,\s*(?:" + _EARLIER.pattern + r")\s*[.!?]?\s*$",
    re.IGNORECASE,
)


# "Na haar zege bij de World Cup in Calgary won ze ...", "After his win at the Olympics":
# the meet of an earlier win, named in the phrase that looks back to it.
_PRIOR_WIN_BEFORE = blind(
    r"\b(?:na|after)\s(?:haar|zijn|hun|de|het|her|his|their|the)\s(?:\w+\s){0,2}(?:zege|"
    r"overwinning|winst|titel|goud|zilver|brons|succes|win|victory|title|gold|silver|bronze)"
    r"\s(?:[\w-]+\s){0,5}$"
)


def in_prior_win_phrase(text: str, lo: int, start: int) -> bool:
    """Whether a mention stands in a phrase about an earlier win ("na haar zege bij de World
    Cup in Calgary"): that meet and rink are another race's, and frame no result after it."""
    return _PRIOR_WIN_BEFORE.search(text, max(lo, start - 70), start) is not None


# The dash after a dateline: "HEERENVEEN - ", "CALGARY, Alberta (AP) — ".
_DATELINE_AFTER = re.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([^()]{0,30}\)\s*)?[-–—]\s"
)


@functools.lru_cache(maxsize=1024)
def is_flashback_place(
    text: str,
    lo: int,
    hi: int,
    start: int,
    end: int,
    article_date: dt.date | None,
    reach: int = _WINDOW,
) -> bool:
    """Whether the clause around a mention dates it to another meet than the one reported
    ("drie jaar terug in Calgary", "op de EK's in Hamar in 2020 en 2022"); a time cue
    counts within `reach` characters of the mention."""
    if _DATELINE_AFTER.match(text, end) and _in_lead(text, start):
        return False  # "HEERENVEEN - Nuis, the 2018 Olympic champion, won": where it was filed
    if _PREVIOUS_BEFORE.search(text, max(lo, start - 30), start) or in_prior_win_phrase(
        text, lo, start
    ):
        return True
    c_start, c_end = _clause(text, lo, hi, start, end)
    if _EARLIER_TAIL.match(text, end, hi):
        return True
    if _EARLIER_GATE.open(text, c_start, c_end) and any(
        m.end() >= start - reach and m.start() <= end + reach
        for m in _EARLIER.finditer(text, c_start, c_end)
    ):
        return True
    # Years right next to the mention, also across a comma ("in Heerenveen in 2021 en 2023").
    near_start = max(lo, min(c_start, start - 20))
    near_end = min(hi, max(c_end, end + 25))
    return any(
        _other_year(int(m.group(1)), article_date)
        for m in _YEAR.finditer(text, near_start, near_end)
    )


# -- targets: the meet someone qualified for or is heading to ------------------------------

_TARGET_BEFORE = blind(
    r"\b(?:voor|vóór|naar|richting|for|to|towards|ahead\sof|before|into|op\sweg\snaar|"
    r"in\saanloop\snaar|aan)\s+(?:(?:de|het|the|this|dit|deze|next|upcoming|komende|volgende|"
    r"aanstaande|next\smonth's|next\syear's|next\sweek's|this\swinter's|its|their|his|her|"
    r"zijn|haar|hun|isu|\d{4})\s+){0,3}$"
    # "plaatste zich voor de eerste wereldbekers", "qualified for the last two World Cups"
    r"|\b(?:voor|vóór|for)\s+(?:de|het|the)\s+(?:eerste|laatste|resterende|overige|first|last|"
    r"final|remaining)\s+(?:(?:twee|drie|vier|two|three|four)\s+)?$",
)
# "deelname aan de ploegachtervolging op de WK", "het laatste ticket voor": a place earned.
_QUALIFY_BEFORE = blind(
    r"\b(?:deelname|plaatsing|plaatsten|plaatste|kwalificatie|kwalificeerde|kwalificeerden|"
    r"gekwalificeerd|geplaatst|ticket|tickets|startbewijs|startbewijzen|startplek|startplekken|"
    r"selectie|qualif\w*|berth|selected|geselecteerd|mag\snaar|mogen\snaar)\b"
    r"[^.;:!?]{0,45}$",
)
# "telt niet voor de olympische kwalificatie", "Olympic qualifying", "de olympische selectie":
# the meet a place is earned for, named before the word for earning it.
_QUALIFY_AFTER = re.compile(
    r"[\s-]*(?:kwalificatie(?!toernooi)\w*|qualif\w*|selectie\w*|trials?\b|tickets?\b"
    # "het wereldbekerteam", "de WK-ploeg", "the Olympic squad": the people picked for a meet.
    r"|teams?\b(?!\s+(?:pursuit|sprint|event|relay))|ploeg\b|ploegen\b|kern\b|squad\b|roster\b)",
    re.IGNORECASE,
)
# The same as one word: "wereldbekerteam", "wereldbekerselectie", "wereldbekerploeg".
_SQUAD_COMPOUND = re.compile(r"\w(?:team|ploeg|selectie|kern|startbewijs|tickets?)$", re.I)
# "(9-11 februari in het Noorse Hamar)", ", die van 3 tot en met 15 maart in Calgary
# plaatsvinden", "volgende week", "next weekend": a meet still to come.
_FUTURE_AFTER = blind(
    r"\s*(?:\(\s*\d|,?\s*(?:die|dat|which|that)\b[^.;:!?]{0,70}\b(?:wordt|worden|zal|zullen|"
    r"will|is\sto\sbe|are\sto\sbe)\b|[^.;:!?,]{0,40}\b(?:volgende\s(?:week|maand)|next\s(?:week|"
    r"weekend|month|year|season)|komend\sweekend|later\sthis\s(?:month|season|year)|"
    r"binnenkort|zal|zullen|will\sbe)\b)",
)
_FUTURE_IN_CLAUSE = blind(
    r"\b(?:volgende\s(?:week|maand)|next\s(?:week|weekend|month|year|season)|next\smonth's|"
    r"komend\sweekend|later\sthis\s(?:month|season|year)|binnenkort|will|zal|zullen|"
    r"continues\snext|wil|wilt|willen|hoopt|hopen|droomt|dromen|(?:hopes?|plans?|aims?|wants?)"
    r"\sto|is\sgoing\sto|dreams?\sof)\b"
    # a meet's dates: "(7-10 februari in Inzell)", "van 6 tot en met 22 februari"
    r"|\b\d{1,2}\s?(?:-|\u2013|tot\sen\smet|t/m|to|until)\s?\d{1,2}\s[a-z]{3,9}\b",
)


# "ontbreekt alleen nog de olympische titel", "never won a world title": not won here.
_NOT_WON_BEFORE = blind(
    r"\b(?:ontbreekt|ontbrak|ontbreken|mist|miste|nog\snooit|nooit|never|missing|lacks|lacking|"
    r"zonder|without|jaagt|jacht|hunt|chasing|droom|dream|doel|goal)\b[^.;:!?]{0,50}$",
)
_TITLE_WORD = re.compile(r"titel|title|goud|gold|kampioen|champion|medaille|medal", re.I)


def _is_target(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    before = text[max(lo, start - 60) : start]
    if _TITLE_WORD.search(text, start, end) and _NOT_WON_BEFORE.search(before):
        return True
    if _TARGET_BEFORE.search(before) or _QUALIFY_BEFORE.search(before):
        return True
    if _QUALIFY_AFTER.match(text, end, min(hi, end + 30)):
        return True
    if _SQUAD_COMPOUND.search(text, start, end):
        return True
    if _FUTURE_AFTER.match(text, end, min(hi, end + 120)):
        return True
    c_start, c_end = _clause(text, lo, hi, start, end)
    return _FUTURE_IN_CLAUSE.search(text, c_start, c_end) is not None


# -- titles that describe a skater ----------------------------------------------------------

# "de regerend olympisch kampioen", "tweevoudig wereldkampioen Stolz", "Olympic champion
# Erin Jackson": who someone is, not what they won at this meet.
_CHAMPION = re.compile(r"kampioen(?!schap)|champion(?!ship)", re.IGNORECASE)
# A verb that makes the title the result: "werd olympisch kampioen", "became world champion".
_BECAME_BEFORE = re.compile(
    r"\b(?:werd|werden|word|wordt|worden|geworden|became|becomes|become|crowned|kroonde|"
    r"kroont|kroonden|prolongeerde|prolongeert|verdedigde)\b(?:\s+\w+){0,4}\s+$",
    re.IGNORECASE,
)
_BECAME_AFTER = re.compile(r"(?:\s+[^\s,;.]+){0,6}?\s+(?:geworden|gekroond)\b", re.IGNORECASE)
# "de nummer twee van de Winterspelen", "the silver medallist at the Olympics".
_OF_THE_MEET_BEFORE = blind(
    r"\b(?:nummer\s\w+|winnaar|winnares|kampioen\w*|medaillewinna\w+|champion|winner|"
    r"medall?ist|runner-up)\s+(?:van|of|at|op|bij)\s+(?:de|het|the)\s+$"
)
# "..., maar de Japanse wist in Heerenveen ...": the clause after it is about another race.
CONTRAST = re.compile(r"\b(?:maar|but|terwijl|while|whereas|however|echter)\b", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+(?:[A-ZÀ-Þ][\w'’-]+)")


def _is_description(text: str, lo: int, start: int, end: int) -> bool:
    before = text[max(lo, start - 60) : start]
    if _OF_THE_MEET_BEFORE.search(before):
        return True
    # "a former Olympic team pursuit champion": the race between the meet and the title.
    raced_title = _RACE_TITLE_AFTER.match(text, end)
    end = raced_title.end() if raced_title is not None else end
    if not _CHAMPION.search(text, start, end):
        return False
    if _NAME_AFTER.match(text, end):
        return True  # an apposition: "olympisch kampioen Noorwegen"
    if _IS_BEFORE.search(before) and _ON_RACE_AFTER.match(text, end) and _in_lead(text, start):
        return False  # "MILAAN - De Boo is olympisch kampioen op de 1000 meter": the news
    return not (_BECAME_BEFORE.search(before) or _BECAME_AFTER.match(text, end, end + 80))


_RACE_TITLE_AFTER = re.compile(
    r"\s*(?:team\s+pursuit|team\s+sprint|mass\s+start|relay|ploegenachtervolging|teamsprint"
    r"|massastart|aflossing|\d[\d,.]*\s?(?:m|meters?|metres?|meter|km))\s+(?:kampioene?|champion)\b",
    re.IGNORECASE,
)


def _in_lead(text: str, position: int) -> bool:
    """Whether `position` is in the article's first sentence: a title said there in the
    present is the news; later ("Ze is Europees kampioene op de 1500 meter") one held."""
    return _SENTENCE_END.search(text, 0, position) is None


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


# A title of one race, said in the present in the lead: "is olympisch kampioen op de 1000
# meter" is what he won (a title held from before is said without the race, or later).
# Not "is de olympisch kampioene op de 3000 en 5000 meter": an article or a list, a palmares.
_IS_BEFORE = re.compile(r"\b(?:is|zijn)\s+(?:(?!(?:de|het|een)\s)\w+\s+)?$", re.IGNORECASE)
_ON_RACE_AFTER = re.compile(
    r"\s+(?:op|over)\s+de\s+\d[\d.]*\s*(?:meter|m|kilometer|km)\b(?!\s*(?:,|en\b))",
    re.IGNORECASE,
)


# -- where a record was set, where a skater comes from --------------------------------------

_RECORD_WORD = r"(?:\w*records?|toptijd|mark|(?:previous|old|former)\s(?:one|best|time))"
_RECORD_ORIGIN_BEFORE = re.compile(
    r"(?:\b" + _RECORD_WORD + r"\b\s*(?:\([^)]{0,20}\)\s*)?(?:uit|van|from|of)\s+"
    r"(?:de\s|het\s|the\s)?(?:\w+\s){0,2}$"
    # A time's own points and colons ("of 3:32.49 set in") do not end the clause.
    r"|\b" + _RECORD_WORD + r"\b(?:[^.;:!?]|[.:](?=\d)){0,60}?\b(?:dat|die|that|which|set|"
    r"gereden|neergezet|established)\b(?:[^.;:!?]|[.:](?=\d)){0,70}$)",
    re.IGNORECASE,
)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:uit|from|afkomstig\suit|geboren\sin|born\sin|native\sof|inwoner\svan|resident\sof|"
    r"hails\sfrom|woonachtig\sin)\s+(?:het\s|de\s)?$",
    re.IGNORECASE,
)
_NAME_OF_BEFORE = re.compile(
    r"(?<!Oval)(?<!Arena)(?<!Hall)(?<!Centre)(?<!Center)(?<!Stadium)(?<!Park)(?<!Spelen)"
    r"(?<!Games)(?<!Olympics)(?<!Cup)(?<!Championships)(?<!Kampioenschappen)"
    r"(?<=[a-zà-ÿ])\s+(?:of|van)\s+$"
)
_CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-Þ][\w'’-]+,?\s+(?:of|van)\s+$")
_POSSESSIVE_NAME_AFTER = re.compile(
    r"['’]s\s+(?!(?:\w+\s+){0,3}?(?:arena|oval|rink|ice|centre|center|stadium|hall|track"
    r"|thialf|vikingskipet)\b)"
    r"[A-ZÀ-Þ]",
    re.IGNORECASE,
)


_RECORD_NEEDLE = blind(r"record|toptijd|mark|previous|old|former")


def _is_record_origin(text: str, lo: int, start: int) -> bool:
    """ "haar record uit Hamar", "the previous one set by Loubineaud in Salt Lake City"."""
    before = text[max(lo, start - 120) : start]
    return _RECORD_NEEDLE.search(before) is not None and (
        _RECORD_ORIGIN_BEFORE.search(before) is not None
    )


# A title in an apposition after a name: "Takagi, de olympisch kampioene op de 1000 meter van
# Beijing, ...", "Nuis, the 2018 Olympic champion in Pyeongchang, ...": where it was won.
_TITLE_APPOSITION_BEFORE = re.compile(
    r",\s+(?:de|het|the|a|an|een|regerend\w*|reigning|former|voormalig\w*)\s+[^,.;:!?]{0,40}?"
    r"(?:kampioene?|champion|titelhoud(?:st)?er|titleholder)\b[^,.;:!?]{0,40}?"
    r"\b(?:van|in|of|at|uit|op)\s+(?:de\s|het\s|the\s)?$",
    re.IGNORECASE,
)


def _is_origin(text: str, lo: int, start: int, end: int) -> bool:
    """Where a skater comes from: "uit Heerenveen", "Boutin, from Sherbrooke", "Dubois of
    Lachenaie", "Toronto's Jordan Belchos"; or where a title describing them was won."""
    if _ORIGIN_BEFORE.search(text[max(lo, start - 40) : start]):
        return True
    if _TITLE_APPOSITION_BEFORE.search(text[max(lo, start - 100) : start]):
        return True
    near = text[max(lo, start - 40) : start]
    if _CAPITALISED_BEFORE.search(near) and _NAME_OF_BEFORE.search(near):
        return True
    return _POSSESSIVE_NAME_AFTER.match(text, end, end + 60) is not None


# A time's own points and colons ("who own the world record of 3:32.49 set in") stay inside.
_RELATIVE_BEFORE = re.compile(
    r",\s*(?:die|dat|wie|who|which|whose)\b(?:[^,;:.!?()]|(?<=\d)[.:,](?=\d))*$", re.I
)


def in_relative_clause(text: str, lo: int, start: int) -> bool:
    """Whether `start` lies in a relative clause hung on a name ("Bergsma, die zaterdag in
    Enschede een marathon reed, ...")."""
    return _RELATIVE_BEFORE.search(text, max(lo, start - 100), start) is not None


# -- the checks ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def names_a_meet(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether a competition named at text[start:end] (in the sentence lo..hi) is a meet raced
    at, this one or an earlier one: not a skater's title, a record's origin or a meet to come."""
    if _is_description(text, lo, start, end) or _is_record_origin(text, lo, start):
        return False
    return not _is_target(text, lo, hi, start, end)


@functools.lru_cache(maxsize=1024)
def is_race_venue(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether a rink named at text[start:end] is where races were held, now or earlier: not
    a skater's home town, a record's origin or a meet to come."""
    if _is_origin(text, lo, start, end) or _is_record_origin(text, lo, start):
        return False
    return not _is_target(text, lo, hi, start, end)


# "Dit seizoen was ze vijf keer de beste in de wereldbeker", "het wereldbekerklassement",
# "the World Cup standings": a season told in sum, not the meet being reported.
_SEASON_IN_CLAUSE = blind(
    r"\b(?:(?:dit|this|het|the|vorig|last|heel|hele|whole|zijn|haar|his|her)\s+(?:\w+\s+)?"
    r"(?:seizoen|season)|(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|two|three|four|"
    r"five|six|seven|eight|nine|ten)\s+(?:keer|maal|times|zeges|overwinningen|victories|wins))\b"
)
_SEASON_WORD = re.compile(
    r"seizoen|klassement|stand\b|season|standings|ranking|circuit|campaign|zege|overwinning",
    re.IGNORECASE,
)
_SEASON_AFTER = re.compile(
    r"[\s-]+(?:seizoen|klassement|eindklassement|stand|season|standings|rankings?|circuit|"
    r"title\srace|overall)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)
def is_season_mention(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether a competition is named for a season in sum ("vijf keer de beste in de
    wereldbeker", "wereldbekerklassement", "World Cup standings"): it says which series a
    report belongs to, but not that the story moves to another meet."""
    if _SEASON_WORD.search(text, start, end) or _SEASON_AFTER.match(text, end):
        return True
    c_start, c_end = _clause(text, lo, hi, start, end)
    return _SEASON_IN_CLAUSE.search(text, c_start, c_end) is not None


# "Op deze WK", "at these Games", "dit toernooi": the meet the report is about.
THIS_MEET_BEFORE = re.compile(
    r"\b(?:deze|dit|this|these|dezelfde|hetzelfde|the\ssame)\s+$", re.IGNORECASE
)


@functools.lru_cache(maxsize=1024)
def is_event_competition(
    text: str, lo: int, hi: int, start: int, end: int, article_date: dt.date | None
) -> bool:
    """Whether a competition named at text[start:end] (in the sentence lo..hi) is the meet
    the sentence reports, so that it may set the competition of its results."""
    if _is_description(text, lo, start, end) or _is_record_origin(text, lo, start):
        return False
    if is_season_mention(text, lo, hi, start, end):
        return False
    # A time cue must be close: "na zijn Winterspelen vorige maand ook dicht bij zijn eerste
    # wereldtitel" moves on to the title's championship.
    if is_flashback_place(text, lo, hi, start, end, article_date, reach=30):
        return False
    return not _is_target(text, lo, hi, start, end)


@functools.lru_cache(maxsize=1024)
def is_event_venue(
    text: str, lo: int, hi: int, start: int, end: int, article_date: dt.date | None
) -> bool:
    """Whether a rink or city named at text[start:end] is where the reported races were."""
    if _is_origin(text, lo, start, end) or _is_record_origin(text, lo, start):
        return False
    if is_flashback_place(text, lo, hi, start, end, article_date):
        return False
    return not _is_target(text, lo, hi, start, end)
