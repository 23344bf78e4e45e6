"""Whether a rank word states a place in the race being reported (issue 11, classes 1-3).

Why: news wraps places in words that take them back. A place can be negated ("Beune won dit
keer niet", "did not win"), hoped for or missed ("op weg naar goud", "destined for gold",
"greep naast de titel", "in de strijd om het brons"), counterfactual ("zou goed zijn geweest
voor zilver", "would have won"), counted within a group rather than the field ("de vijfde
Nederlander", "the fastest American", "de beste junior"), or dated to another year ("werd in
2019 wereldkampioen", "Four years ago, X won"). Each of those must give no place for this race;
a place dated to a year is a result of that year's meet instead.
"""

from __future__ import annotations

import bisect
import functools
import re

from schaatsradar.extract.countries import COUNTRIES, PLURALS
from schaatsradar.extract.lexicon import word_set
from schaatsradar.extract.scanning import blind

__all__ = ["clause_before", "group_ranked", "now_between", "unrealized"]


# Where a clause ends for the scope of a negation or intent: punctuation, or a conjunction
# that starts a clause of its own ("kwam dicht bij goud maar werd tweede").
_CLAUSE_BREAK = blind(
    # A comma after a digit ends a clause only before a space and a word: not the decimal
    # comma ("1.08,02"), nor a list of years ("in 2019, 2020 en 2022"), but "Roest, the
    # winner in 2019, 2020 and 2022, finished fifth" (an apposition's years stay in it).
    r"(?<!\d)[,;:()\u2013\u2014]|(?<=\d),(?=\s+[^\W\d])|\s-\s|\b(?:en|and)\b(?!\s+(?:in\s+)?\d)|"
    r"\b(?:maar|but|toen|when|terwijl|while|nadat|after|dat|that|die|who|which|waarin|"
    r"omdat|because|waarna|whereupon|dus|so|though|although|hoewel|yet|waardoor|doordat"
    # "the record was not in danger as she won": a new clause, the negation stays behind.
    r"|as)\b"
)


_ASIDE = re.compile(r"\([^()]{0,80}\)")


def clause_before(text: str, sentence_start: int, position: int) -> str:
    """The words of the clause leading up to `position` (at most 160 characters back)."""
    start = max(sentence_start, position - 160)
    breaks, masked, limit = _sentence_breaks(text, sentence_start)
    if position > limit:  # a very long run without a sentence end: read it directly
        window = _ASIDE.sub(_blank, text[start:position])
        ends = [m.end() for m in _CLAUSE_BREAK.finditer(window)]
        return window[ends[-1] :] if ends else window
    index = bisect.bisect_right(breaks, position) - 1
    cut = breaks[index] if index >= 0 and breaks[index] > start else start
    return masked[cut - sentence_start : position - sentence_start]


_SENTENCE_STOP = re.compile(r"[.!?;](?=\s|$)")


def _blank(found: re.Match[str]) -> str:
    return " " * len(found.group())


@functools.lru_cache(maxsize=64)
def _sentence_breaks(text: str, sentence_start: int) -> tuple[tuple[int, ...], str, int]:
    """Where the clauses of the sentence at `sentence_start` end, found once per sentence
    (asked per rank word, the scan made dense text slow). A bracketed aside ("met een
    wereldrecord (6.41,18) haar elfde titel") does not end the clause around it."""
    stop = _SENTENCE_STOP.search(text, sentence_start, sentence_start + 600)
    end = stop.end() if stop is not None else sentence_start + 600
    masked = _ASIDE.sub(_blank, text[sentence_start:end])
    ends = tuple(sentence_start + m.end() for m in _CLAUSE_BREAK.finditer(masked))
    return ends, masked, sentence_start + len(masked)


# A negation in the clause before the place: "kon niet winnen", "did not win", "geen goud",
# "plaatste zich niet bij de beste". Not the idioms that state a place with "niet": "niet
# verder dan vierde", "no better than fifth", "niet alleen", "not only", "niet onverdienstelijk".
_NEGATION = blind(
    r"\b(?:niet|geen|nooit|not|no(?!\.)|never|didn't|couldn't|wasn't|weren't|won't|can't|"
    r"doesn't|don't|isn't|failed\s+to)\b(?!\s+(?:verder|meer|beter|hoger|later|slechter|alleen|"
    r"enkel|onverdienstelijk|voor\s+niets|verrassend|onverwacht|toevallig|further|more|better|"
    r"higher|worse|only|just|surprisingly|coincidentally|since|until|tot|sinds|lang|long|"
    r"doubt|twijfel|verrassing|surprise|wonder|toeval|coincidence|vraag|question)\b)"
)
# A negation just after a winning verb: "Beune won dit keer niet", "Kok wint de 500 niet".
# (A word's period is only one inside it, "1.000": the next sentence's "niet" is not this one's.)
_NEGATED_AFTER = re.compile(
    r"(?:\s+(?!(?:en|and|maar|but|terwijl|while|want|dan|than)\b)(?:[\w-]|\.(?=\w))+){0,6}?\s+(?:niet|not|nooit|never)\b(?!\s+(?:alleen|enkel|only|just|meer|more|"
    r"verrassend|surprisingly|voor\s+niets)\b)",
    re.IGNORECASE,
)
_VERB_CUES = frozenset(
    {"won", "wint", "win", "wins", "winnen", "gewonnen", "zegevierde", "triomfeerde"}
)

# What was aimed at, hoped for, nearly had or missed, or would have been, anywhere in the
# clause before the place: "op weg naar goud", "on course for gold", "dicht bij de titel",
# "hoopt te winnen", "zou goed zijn geweest voor zilver", "would have won".
_UNREALIZED_BEFORE = blind(
    r"\b(?:op\s+weg\s+naar|on\s+(?:course|track|pace)\s+for|destined\s+for|headed\s+for|"
    r"heading\s+for|dicht\s+bij|dichtbij|came\s+close\s+to|come\s+close\s+to|"
    r"jacht\s+op|hunt\s+for|kans\s+op|chance\s+(?:of|at|for)|shot\s+at|bid\s+for|"
    r"poging\s+(?:om|tot)|attempt(?:ing|s|ed)?\s+to|aasde\s+op|aast\s+op|going\s+for|"
    r"gunning\s+for|hoopt|hoopte|hoopten|hoping|hopes|hoped|wil|wilde|wilden|wants|wanted|"
    r"aims|aimed|aiming|plans|planned|seeks|sought|droomt|droomde|dreams|dreamed|eyes|"
    r"eyeing|targets|targeting|probeert|probeerde|tries|tried|trying|"
    r"(?:favoriet|favoriete|favorite|favourite|kandidaat|contender|candidate)\s+(?:voor|for|to)|"
    # "is tipped to win", "is expected to take gold": what is foreseen.
    r"(?:tipped|expected|poised|likely)\s+to(?:\s+\w+)?|"
    r"zou|zouden|would|could\s+have|might\s+have|should\s+have|had\s+kunnen|"
    r"geweest\s+voor|been\s+good\s+for|been\s+enough\s+for|zal|zullen|will|"
    # "had graag gewonnen": a wish; "denying Kok a first title", "ontnam haar de zege".
    r"graag|deny|denied|denying|ontnam|ontneemt|ontnamen|ontzegde|robbed|beroofde|"
    # "leek haar elfde wereldtitel binnen te halen", "seemed headed for gold": what seemed.
    r"leek|leken|lijkt|seemed|seems|appeared|"
    # "said Goetz could win next week", "Kok kan zaterdag winnen": a possibility, not a place
    # (but "could only finish fifth" is one).
    r"(?:could|can|might|kan|kunnen)(?!\s+(?:only|but|slechts|alleen|maar)\b))\b"
)
# Right before the place: "greep naast de titel", "zonder medaille", "almost won", "bijna goud",
# "missed out on gold", "in de strijd om het brons" (unless that fight was won).
_UNREALIZED_JUST_BEFORE = blind(
    r"\b(?:naast|zonder|without|bijna|nearly|almost|missed(?:\s+out\s+on)?|misliep|misloopt|"
    r"(?:between|tussen)(?:\s+\w+\s+(?:and|en))?|onttroond\s+als|dethroned\s+as|"
    r"(?:ging|gaat|gingen|gaan|went|goes|go|going)\s+(?:[\w.-]+\s+){0,4}?(?:voor|for)|"
    r"(?<!won\s)(?<!wint\s)(?<!won\sthe\s)(?<!won\sde\s)"
    r"(?:strijd|battle|fight|race|duel|gevecht)\s+(?:om|for))"
    r"\s+(?:(?:de|het|een|the|a|an|zijn|haar|his|her|hun|their)\s+)?$"
)
# "Zonder die val had ze gewonnen", "If she had not fallen, she would have won": a sentence
# that opens on a condition and speaks in the pluperfect or conditional.
_CONDITION_OPENING = re.compile(r"\s*(?:zonder|without|als|indien|if|mocht|had)\b", re.IGNORECASE)
_CONDITIONAL_VERB = blind(r"\b(?:had|hadden|zou|zouden|would)\b")
# "Als Kok niet was gevallen, was ze tweede geworden": the main clause after a condition,
# its verb first.
_AFTER_CONDITION = re.compile(
    r"\s*(?:als|indien|mocht|if)\b[^.;:!?]{0,80}?,\s*(?:was|waren|had|hadden|zou|zouden|"
    r"would|could)\b",
    re.IGNORECASE,
)
# A title lost: "haar wereldtitel moeten afstaan", "lost her title", "verloor het goud". Not
# one won back: "pakte de titel die ze vorig jaar verloor".
_LOST_BEFORE = re.compile(
    r"\b(?:lost|loses|losing|surrendered|relinquished|verloor|verliest|verloren|verspeelde)\s+"
    r"(?:(?:her|his|their|the|haar|zijn|hun|de|het)\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_LOST_AFTER = re.compile(
    r"(?:(?!\b(?:die|dat|which|that|who)\b)[^.;,:]){0,60}?\b(?:moeten\s+afstaan|afstaan|"
    r"afgestaan|afstond|kwijtgeraakt|kwijtraakte|ingeleverd|inleveren|moeten\s+laten\s+gaan)\b",
    re.IGNORECASE,
)
_NOT_RIGHT_AFTER = re.compile(r"\s+(?:niet|not|nooit|never)\b", re.IGNORECASE)
_TITLE_NOUN = re.compile(r".*(?:titel|title|goud|gold|kroon|crown)$", re.IGNORECASE)


# "dat was goed geweest voor zilver": a past counterfactual after the place's subject.
_COUNTERFACTUAL_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:geweest|gehad|kunnen|moeten|could|might)\b", re.IGNORECASE
)


# "zich gewonnen geven": to concede.
_CONCEDED = re.compile(r"\b(?:gaf|geeft|gaven|geven|geef)\b.*\bzich\b", re.IGNORECASE)
_CONCEDED_AFTER = re.compile(r"\s+(?:geven|gegeven|gaf|gaven|geeft)\b", re.IGNORECASE)
# "won eerder op de WK acht wereldtitels", "has won three world titles": a count of wins.
_COUNTED_AFTER = re.compile(
    r"(?:\s+(?!(?:en|and|maar|but)\b)(?:[\w-]|\.(?=\w))+){0,6}?\s+(?:\d+|twee|drie|vier|vijf|zes|zeven|"
    r"acht|negen|tien|elf|twaalf|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"meerdere|several|many|vele)\s+(?:[\w-]+\s+){0,2}(?:[\w-]*titels|titles|medailles|medals|"
    r"zeges|wins|victories|overwinningen|wedstrijden|races|wereldbekers|golds)\b",
    re.IGNORECASE,
)
# "Beune won eerder goud op de 1500 meter", "Kok won al drie keer de 500 meter", "Stolz has
# previously won the 1000m": a win verb that looks back over a career, so the place after
# it is no place of the race reported. Not "won eerder op de dag", "won eerder op deze
# Spelen", "won al de 500 meter" (earlier at this meet: a place of its own), nor "eerder dit
# seizoen" (another meet of the season, dated elsewhere).
_WIN_VERB = r"\b(?:won|wint|winnen|gewonnen|pakte|veroverde|behaalde|wins|has\s+won|have\s+won)"
_CAREER_TAIL = (
    r"(?:\s+(?!(?:de|het|the|een|a)\b)[\w-]+)?\s+(?:eerder|ooit|previously|al\s+(?:eens|eerder|"
    r"vaker|ooit|(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|meerdere)\s+(?:keer|maal)))"
    r"\b(?!\s+(?:op\s+(?:de|die)\s+dag|(?:op|bij|in|at)\s+(?:deze|dit|dezelfde|these|this)\b|"
    r"deze|dit|vandaag|gisteren|die\s+dag|"
    r"in\s+(?:het\s+toernooi|de\s+week|the\s+day)|today|this|maandag|dinsdag|woensdag|"
    r"donderdag|vrijdag|zaterdag|zondag|on\s+\w+day)\b)"
)
_CAREER_WIN_BEFORE = blind(
    _WIN_VERB
    + _CAREER_TAIL
    + r"|\b(?:has|have|had)\s+(?:previously|once|twice)\s+(?:won\b|$)"
    + r"|\b(?:heeft|hebben|had|hadden)\s+(?:[\w-]+\s+)?(?:eerder|al\s+eens|ooit|al\s+vaker)\b"
)
_CAREER_WIN_AFTER = re.compile(_CAREER_TAIL, re.IGNORECASE)
_HANDED_ON = re.compile(
    r"\W*(?:(?:\w+\s+){0,3}?(?:ging\s+naar|gaat\s+naar|went\s+to|goes\s+to)|"
    r"(?:dat|die|which|that)\s+(?:naar|to)\s)\b",
    re.IGNORECASE,
)


# "de tot dan toe beste tijd", "tot nu toe de enige die goud won", "the best so far",
# "voorlopig de snelste" (a live report's standing while pairs are still to come): a
# standing during the race or a tally over the years, not this race's place. Its scope runs
# into the relative clause, so it is looked for back to the sentence's last ";" or ":".
_SO_FAR = blind(
    r"\b(?:tot\s+(?:dan|nu)\s+toe|until\s+(?:then|now)|so\s+far|thus\s+far|voorlopig|"
    # "Dat is voorlopig de snelste tijd", "provisionally fastest", "the fastest for now".
    r"provisionally|for\s+now)\b(?![^;:]*[;:])"
)


def unrealized(text: str, sentence_start: int, start: int, end: int, cue: str) -> bool:
    """True when the rank word at `start`..`end` is negated, aimed at, nearly had, missed or
    counterfactual in its own clause: no place for that skater."""
    if _HANDED_ON.match(text, end):
        return False  # "greep naast het goud, dat naar de VS ging": the medal is someone's
    before = clause_before(text, sentence_start, start)
    if _NEGATION.search(before) or _UNREALIZED_BEFORE.search(before):
        return True
    if _SO_FAR.search(text, max(sentence_start, start - 120), start):
        return True
    if _TITLE_NOUN.match(cue) and (
        _LOST_BEFORE.search(text, max(sentence_start, start - 50), start)
        or _LOST_AFTER.match(text, end)
        or _NOT_RIGHT_AFTER.match(text, end)
    ):
        # "moest haar wereldtitel afstaan", "lost her title", "verdedigde haar titel niet"
        return True
    if _UNREALIZED_JUST_BEFORE.search(text, max(sentence_start, start - 40), start):
        return True
    if _CONDITION_OPENING.match(text, sentence_start) and _CONDITIONAL_VERB.search(
        text, sentence_start, start
    ):
        return True
    condition = _AFTER_CONDITION.match(text, sentence_start, start)
    if condition is not None and condition.end() <= start:
        return True
    if cue.casefold() in _VERB_CUES and _NEGATED_AFTER.match(text, end):
        return True
    if cue.casefold() == "gewonnen" and (
        _CONCEDED.search(before) or _CONCEDED_AFTER.match(text, end)
    ):
        return True  # "gaf zich halverwege al gewonnen", "moest zich gewonnen geven": gave up
    if cue.casefold() in _VERB_CUES and _COUNTED_AFTER.match(text, end):
        return True  # "won eerder acht wereldtitels": a tally, not a place
    if _CAREER_WIN_BEFORE.search(before) or (
        cue.casefold() in _VERB_CUES and _CAREER_WIN_AFTER.match(text, end)
    ):
        return True  # "won eerder goud op de 1500 meter": a career, not this race
    # "met die tijd was ze tweede geweest"; not the perfect "ze is tweede geweest".
    return bool(
        _COUNTERFACTUAL_AFTER.match(text, end, min(len(text), end + 60))
        and _PAST_AUXILIARY.search(before)
    )


_PAST_AUXILIARY = re.compile(r"\b(?:was|waren|had|hadden)\b", re.IGNORECASE)


def _nationality_words() -> frozenset[str]:
    found = {"dutchman", "dutchwoman", "dutchmen", "dutchwomen"}
    for _name, _places, adjectives in COUNTRIES.values():
        found.update(a.casefold() for a in adjectives)
    for plurals in PLURALS.values():
        found.update(p.casefold() for p in plurals)
    # Dutch nouns for a man of a country ("de vijfde Nederlander", "de beste Noor").
    found |= word_set(
        "nederlander noor amerikaan canadees japanner duitser italiaan chinees pool tsjech "
        "belg rus oostenrijker zweed zwitser koreaan zuid-koreaan fransman brit"
    )
    return frozenset(found)


_GROUP_WORDS = _nationality_words() | word_set(
    "junior junioren juniors debutant debutante debutanten rookie rookies neo-senior "
    "landgenote landgenoot landgenoten compatriot compatriots countryman countrywoman "
    "teamgenote teamgenoot ploeggenote ploeggenoot teammate teammates non-europese "
    "non-european europese european europeaan aziatische asian niet-nederlandse "
    "buitenlander buitenlandse foreigner thuisrijder thuisrijdster"
)
_GROUP_AFTER = re.compile(
    r"\s+(?:(?:van|of|onder|among|amongst)\s+(?:de|the|alle|all)\s+)?"
    r"(?:(?:overige|andere|other|remaining|resterende)\s+)?([\w-]+)",
    re.IGNORECASE,
)


_PLACE_WORD = re.compile(
    r"(?:.*\b(?:beste|snelste|sterkste|best|fastest|quickest|top)|[\w-]*(?:ste|de|e|st|nd|rd|th)"
    r"(?:[\s-](?:plaats|plek|place|spot))?)$",
    re.IGNORECASE,
)
_NAME_NEXT = re.compile(r"\s+[A-ZÀ-Þ]")


def group_ranked(text: str, cue: str, end: int) -> bool:
    """ "de vijfde Nederlander", "de snelste Nederlandse", "the fastest American", "de beste
    junior", "best of the Dutch": a place within a group of the field, not in the race. Only
    for ordinals and superlatives: "won Noor Visscher" names a skater."""
    if not _PLACE_WORD.match(cue):
        return False
    following = _GROUP_AFTER.match(text, end)
    return (
        following is not None
        and following.group(1).casefold() in _GROUP_WORDS
        and not _NAME_NEXT.match(text, following.end())
    )


# A place that describes a title held from before: "the silver medalist at the 2018 Games",
# "olympisch kampioen van 2018", "de nummer twee van de Winterspelen", "2022 world champion".
_TITLE_OF_EARLIER = re.compile(
    r"[\s-]*(?P<noun>medal(?:l)?ist|medaillewinnaar|medaillewinnares|(?:wereld|olympisch\s|"
    r"europees\s)?kampioene?|champion|winnaar|winnares|winner)?\s+"
    r"(?P<prep>at|of|in|from|van|bij|op|uit)\s+(?:(?:the|de|het)\s+)?(?:(?P<year>(?:19|20)\d\d)\b|"
    r"(?:olympische\s+)?(?:winterspelen|spelen|games|olympics|wk|ek|world\s+championships|"
    r"europese\s+kampioenschappen))",
    re.IGNORECASE,
)
_DESCRIBING_CUE = blind(
    r"(?:.*(?:medal(?:l)?ist|kampioene?|champion|winnaar|winnares|winner|zilver|silver|brons|"
    r"bronze|goud|gold)|nummer\s+\w+|number\s+\w+)$"
)
_TITLE_HOLDER_CUE = re.compile(
    r"(?:.*(?:medal(?:l)?ist|kampioene?|champion|winnaar|winnares|winner)|nummer\s+\w+|"
    r"number\s+\w+)$",
    re.IGNORECASE,
)


def describes_earlier_title(text: str, cue: str, end: int, article_year: int | None) -> bool:
    """A title word or medal that names a title held from an earlier meet ("the silver
    medalist at the 2018 Olympics", "de nummer twee van de Winterspelen"): not a place in the
    race being reported. A year must be before the article's; without one, only a title
    holder "of" a meet ("kampioen van de Spelen") describes, not "goud op de Spelen"."""
    if not _DESCRIBING_CUE.match(cue):
        return False
    found = _TITLE_OF_EARLIER.match(text, end)
    if found is None:
        return False
    if found.group("year"):
        return article_year is None or int(found.group("year")) < article_year
    holder = found.group("noun") or _TITLE_HOLDER_CUE.match(cue)
    return bool(holder) and found.group("prep").casefold() in ("van", "of")


# An ordinal that counts achievements a few words on: "a fourth career Olympic medal", "haar
# derde Europese titel op rij", "his second World Cup win of the season".
_ACHIEVEMENT_AHEAD = re.compile(
    # "finished third this time", "werd tweede deze keer": this race's place, not a count.
    r"(?!\s+(?:this|that|dit|deze|die)\s+(?:time|keer)\b)"
    r"(?:\s+(?!(?:in|op|on|at|bij|met|with|na|after|achter|behind|for|voor|and|en|but|maar)\b)[\w'-]+){0,3}?\s+"
    r"(?:medal|medals|medaille|medailles|title|titles|titel|titels|win|wins|victory|victories|"
    r"zege|zeges|overwinning|podium|podiums|podiumplek|podiumplaats|race|wedstrijd|keer|time|"
    r"times|career|carrière|loopbaan)\b",
    re.IGNORECASE,
)
_ORDINAL_CUE = re.compile(
    r"(?:tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:ste|de|e|st|nd|rd|th))$",
    re.IGNORECASE,
)


# "met drie gouden en vier bronzen medailles", "two silver medals": a count.
_COUNT_BEFORE = blind(
    r"\b(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|meerdere|several|many|vele)\s+$"
    # "zes olympische gouden medailles": a counted word with one adjective between (a year
    # is no count: "in 2014 olympisch goud").
    r"|(?<![\d.,:])\b(?:\d{1,2}|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?-i:[a-z][\w-]*)\s+$"
)
_MEDAL_WORD = re.compile(r"(?:gouden|zilveren|bronzen|goud|zilver|brons|gold|silver|bronze)", re.I)


def counts_achievement(text: str, cue: str, end: int, start: int | None = None) -> bool:
    """An ordinal counting a skater's medals, titles or wins ("claimed a fourth career
    Olympic medal") or a number of medals ("twee zilveren"): not a finishing position."""
    if _ORDINAL_CUE.match(cue):
        return _ACHIEVEMENT_AHEAD.match(text, end) is not None
    if start is not None and _MEDAL_WORD.match(cue):
        return _COUNT_BEFORE.search(text, max(0, start - 20), start) is not None
    return False


# "in gewonnen positie", "in a winning position": a state during the race, not its result.
_STATE_AFTER = re.compile(r"\s+(?:positie|stelling|position)\b", re.IGNORECASE)


def race_state(text: str, end: int) -> bool:
    return _STATE_AFTER.match(text, end) is not None


_LEADING_SPACE = re.compile(r"\s*")


def opening_flashback(
    text: str, sentence_start: int, start: int, flashback: re.Pattern[str]
) -> bool:
    """ "Four years ago, Stolz won the 1000m", "Vorig jaar, in Calgary, won ze": a sentence
    that opens on a look back dates its first main clause, past the comma."""
    # Past the spaces the sentence opens on (`\s` is what `str.lstrip` strips), with no copy
    # of the stretch: asked per rank word and per time.
    leading = _LEADING_SPACE.match(text, sentence_start, start)
    opening = flashback.match(text, leading.end() if leading is not None else sentence_start)
    if opening is None or describes_holder(text, opening.end()):
        return False  # "Last year's champion Stolz won": a description, not a look back
    between = text[opening.end() : start]
    return not _NOW.search(between)


_NOW = re.compile(r"[;:]|\b(?:maar|but|nu|now|dit\s+jaar|this\s+(?:year|time))\b", re.IGNORECASE)


def now_between(text: str, start: int, end: int) -> bool:
    """Whether the text between `start` and `end` turns from a look back to now ("maar nu",
    "this year", a ";")."""
    return start < end and _NOW.search(text, start, end) is not None


# "last year's champion Stolz", "vorig jaar winnaar": a look back that only describes who
# someone is does not date the clause's place.
_DESCRIBED_AFTER = re.compile(
    r"['\u2019]s\s+(?:\w+\s+)?(?:champion|winner|medal(?:l)?ist|runner-up|titleholder)\b",
    re.IGNORECASE,
)


def describes_holder(text: str, end: int) -> bool:
    """Whether the look back ending at `end` is a possessive describing a title holder."""
    return (
        _DESCRIBED_AFTER.match(text, end - 2 if text[end - 2 : end] in ("'s", "\u2019s") else end)
        is not None
    )


# Looks back the shared look-back words miss: "twee jaar terug", "ruim twee weken eerder", "four
# years earlier", "het vorige seizoen", "the previous season", "bij de vorige Spelen", "at the
# last Olympics", "last winter".
MORE_EARLIER = (
    r"\b(?:(?:\w+|\d+)\s+(?:jaar|years?|seizoenen|seasons?|weken|weeks|maanden|months|dagen|"
    r"days)\s+(?:terug|eerder|earlier|before)|"
    r"het\s+vorige\s+seizoen|the\s+previous\s+(?:season|year|edition|winter)|"
    r"vorige\s+(?:winter|editie)|last\s+winter|"
    r"(?:at|bij|op|in)\s+(?:the|de)\s+(?:previous|last|vorige)\s+(?:games|olympics|spelen|"
    r"editie|edition|world\s+championships))\b"
)

# "won de 500 meter, maar werd later gediskwalificeerd": a place taken back.
# The same skater's: a "maar"/"but"/"later" and no other name before the disqualification
# ("won nadat Leerdam werd gediskwalificeerd" is a win).
_TAKEN_BACK_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:maar|but|later|achteraf|afterwards|nadien|toen|then)\b[^.;A-ZÀ-Þ]{0,60}?"
    r"\b(?:gediskwalificeerd|gediskwalificeerde|disqualified|uitgesloten|geschrapt|stripped)\b"
)


def taken_back(text: str, end: int) -> bool:
    return _TAKEN_BACK_AFTER.match(text, end) is not None


# "Net als vorig jaar ging de zege naar Beune", "won again, just like last year": a look
# back that only compares; the clause is this year's.
_LIKE_BEFORE = re.compile(r"\b(?:net\s+als|zoals|evenals|just\s+like|like|as)\s+$", re.I)


def likened(text: str, lo: int, start: int) -> bool:
    """Whether a look back starting at `start` is the object of a comparison."""
    return _LIKE_BEFORE.search(text, max(lo, start - 12), start) is not None
