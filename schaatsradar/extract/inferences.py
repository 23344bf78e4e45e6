"""Which rank words are places.

Not every rank word is a result: "vijf keer de beste", "tenth in the World Cup ranking", "om
het goud te pakken", "de Japanse wereldkampioene" are not; a verb that governs a medal ("won
silver") is not a win of its own. The places a sentence implies without naming them (who a
winner beat, whom a runner-up finished behind) are read in `beaten_places`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from schaatsradar.extract import flow, patterns
from schaatsradar.extract.context import Context, classification_of
from schaatsradar.extract.mentions import text_before
from schaatsradar.extract.not_places import elsewhere
from schaatsradar.extract.scanning import blind
from schaatsradar.extract.sentences import Sentence

# "de snelste ronde", "the fastest lap": fastest in a moment of the race, not its result.
NOT_A_PLACE_AFTER = re.compile(r"\s+(?:rit|opening|ronde|lap|split|doorkomst)\b", re.IGNORECASE)


# A title word is a result only when the sentence says someone became or is champion:
# "de Japanse wereldkampioene Takagi" is a description, "werd wereldkampioen" a result.
COPULA_BEFORE = re.compile(
    r"\b(?:werd|wordt|word|is|was|werden|zijn|geworden|became|is|"
    r"was|were|crowned|blijft|bleef|kroonde|kroont|gekroond)\b[^.;]{0,90}$",
    re.IGNORECASE,
)


# "vijf keer de beste" counts wins over a season; "om ... te winnen" is what was missed.
NOT_THIS_RACE_BEFORE = blind(
    r"(?:\b(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\s+(?:keer|maal|"
    r"times)\s+|\bom\b[^.;]{0,60}\bte\s+|\bfailed to\s+|\bniet\s+"
    r"|\b(?:vaak|dikwijls|meestal|regelmatig|often|usually)\b[^.;]{0,40}"
    r"|\bop dat moment\b[^.;]{0,40}|\bna (?:\w+|\d+) afstanden\b[^.;]{0,40}"
    # A ranking list or selection order is not a race: "de selectievolgorde waarop hij de
    # tiende schaatser is", "tenth in the World Cup ranking".
    r"|\b(?:selectievolgorde|volgorde|ranglijst|wereldranglijst|ranking|plaatsingslijst)\b"
    r"[^.;]{0,40}"
    # A standing along the way, not a race: "leidt na de eerste dag het klassement, met Ning op
    # de tweede plaats", "leads the standings after day one, with Ning second".
    r"|\b(?:na de (?:eerste|tweede|derde) dag|after (?:the )?(?:first|second|opening) day"
    r"|after day (?:one|two)|tussenstand|tussenklassement|halfway standings)\b[^.;]{0,60}"
    r"|\b(?:leidt|leidde|leads|led)\b[^.;]{0,40}\b(?:klassement|standings)\b[^.;]{0,40})$"
)


# A plural win counts wins ("victories in all five races"), a time rank is provisional.
NOT_A_PLACE_CUE = re.compile(r"victories|zeges|overwinningen|titels|titles|\btijd\b|\btime\b")


WIN_VERBS = frozenset({"won", "wint", "win", "wins", "winnen", "gewonnen"})
# "won ze ook nog brons", "won Schouten op de Spelen op de massastart brons": up to the medal
# in the same clause (no number, punctuation or conjunction between).
VERB_TO_OBJECT = re.compile(r"^(?:(?!\b(?:en|and|maar|but)\b)[^\d,;:]){0,60}$", re.IGNORECASE)


def _medal_objects(
    text: str,
    cues: Sequence[patterns.RankMention],
    every: Sequence[patterns.RankMention] = (),
) -> list[patterns.RankMention]:
    """ "won ze ook nog brons", "won silver": the medal a verb governs is the place, the
    verb itself is not a win. `cues` are the places that count, `every` all rank words of
    the sentence: a verb whose medal does not count here as a place of its own ("who won
    bronze at the 2018 Olympics", a title phrase) states that medal's place, not a win."""
    kept = []
    for cue, following in itertools.zip_longest(cues, cues[1:]):
        if cue.cue.casefold() in WIN_VERBS:
            if following is not None and _governs(text, cue, following):
                continue
            # "die in 2018 brons won": Dutch puts the verb after its medal.
            before = [m for m in every if m.end <= cue.start]
            if (
                before
                and MEDAL_CUE.match(before[-1].cue)
                and _VERB_LAST.match(text[before[-1].end : cue.start])
            ):
                if before[-1] in cues:
                    continue
                cue = patterns.RankMention(cue.start, cue.end, before[-1].rank, cue.cue)
            medal = next((m for m in every if m.start >= cue.end), None)
            if (
                medal is not None
                and medal not in cues
                and MEDAL_CUE.match(medal.cue)
                and _governs(text, cue, medal)
            ):
                cue = patterns.RankMention(cue.start, cue.end, medal.rank, cue.cue)
        kept.append(cue)
    return kept


_VERB_LAST = re.compile(r"^\s+(?:(?:ook|nog|al|wel|toen|daar)\s+)*$", re.IGNORECASE)


def _governs(text: str, verb: patterns.RankMention, medal: patterns.RankMention) -> bool:
    """Whether a win verb's object is the place word after it."""
    return bool(
        VERB_TO_OBJECT.match(text[verb.end : medal.start])
        or (
            # "In 2014 pakte hij in Sotsji op de Spelen zilver": the medal is far
            # from the verb, but in its clause (issue 11, class 1).
            MEDAL_CUE.match(medal.cue) and MEDAL_OBJECT_GAP.match(text[verb.end : medal.start])
        )
    )


MEDAL_CUE = re.compile(r"(?:zilver|brons|goud|silver|bronze|gold)", re.IGNORECASE)
MEDAL_OBJECT_GAP = re.compile(r"^(?![^,;:]*\b(?:en|and|maar|but)\b)[^,;:()]{0,60}$", re.I)


# "prevailed in 10 of 12 races", "won 5 van de 8 wedstrijden", "won two titles": a count.
_COUNT = (
    r"(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|two|three|four|five|six"
    r"|seven|eight|nine|ten|\d{1,2})"
)
WIN_COUNT_AFTER = re.compile(
    r"\s+(?:in\s+)?\d+\s+(?:of|van|uit)\s+(?:de\s+|the\s+|his\s+|her\s+|zijn\s+|haar\s+)?\d+\b"
    r"|\s+(?:twee|drie|vier|vijf|zes|two|three|four|five|six|\d+)\s+(?:\w+\s+)?(?:titles|titels|"
    r"medals|medailles|races|wedstrijden|golds|gold medals|gouden medailles|zeges|wins)\b"
    # "won hier negen keer", "won in haar loopbaan zes olympische gouden medailles": a count
    # a few words on, in the same clause (issue 11, class 1).
    # ("won twee keer de 1000 meter" are races won, each a result).
    r"|(?:\s+(?!(?:en|and|maar|but)\b)[\w-]+){0,4}?\s+(?<![\d.,:])"
    + _COUNT
    + r"\s+(?:[\w-]+\s+){0,2}?(?:(?:keer|maal|times)(?!\s+(?:de|het|the|op|in|on)\s)"
    r"|titles|titels|medals|medailles|races|wedstrijden|golds|zeges|wins"
    r"|overwinningen|tussensprints|sprints)\b",
    re.IGNORECASE,
)
# "Vanhoutte, die drie tussensprints won": Dutch puts the verb after the count it governs.
WIN_COUNT_BEFORE = re.compile(
    r"\b" + _COUNT + r"\s+(?:[\w-]+\s+){0,2}?(?:keer|maal|titels|medailles|wedstrijden|zeges"
    r"|overwinningen|tussensprints|sprints|races)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# "won nog alle teamsprints", "won all four distances": every race of a set, no one race.
# "won beide afstanden", "won both races": several races at once, none of them said.
WON_ALL_AFTER = re.compile(
    r"[^.,;:\d]{0,50}?\b(?:alle|all|beide|both)\s+(?:(?:de|the|zijn|haar|his|her|their|hun|twee|drie"
    r"|vier|vijf|zes|two|three|four|five|six)\s+){0,2}[\w-]+(?:s|en)\b",
    re.IGNORECASE,
)


SUPERLATIVE_CUE = re.compile(
    r"(?:de\s+|het\s+|(?:was|were|is)\s+(?:the\s+)?)?(?:snelste?|beste|sterkste?|fastest)\b",
    re.IGNORECASE,
)
IN_A_PAIR_BEFORE = re.compile(
    r"\b(?:in|of)\s+(?:de|het|the|zijn|haar|his|her)\s+(?:[\w-]+\s+)?(?:rit|pair|heat|pairing)\b"
    r"[^.;:]{0,40}$",
    re.IGNORECASE,
)
EVER_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:ooit|ever|aller\s+tijden|of\s+all\s+time|in\s+history"
    r"|in\s+de\s+geschiedenis)\b",
    re.IGNORECASE,
)
LEADING_AFTER_STAGES = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:na|after)\s+(?:de\s+|the\s+)?(?:\w+|\d+)\s+"
    r"(?:afstanden|distances|races|omlopen|ritten|dagen|days)\b",
    re.IGNORECASE,
)


PURPOSE_BEFORE = blind(r"\b(?:om|to)\s+(?:\w+\s+){0,4}$")
PURPOSE_AFTER = re.compile(
    r"\s+(?:te\s+\w+|rijden|strijden|vechten|sprinten|schaatsen|meedoen|gaan)\b", re.IGNORECASE
)
# "tenth in the World Cup ranking": a season's standing, not a race.
# "eerste, tweede en derde in een klassementje over de 1000 en de 500 meter": a ranking made
# up for the occasion (a selection), not a race.
RANKING_AFTER = re.compile(
    r"\s+(?:in|op|of)\s+(?:the|de|het)\s+(?:[\w-]+\s+){0,2}(?:rankings?|ranglijst|wereldranglijst)\b"
    r"|(?:\s*(?:,|en|and)\s+[\w-]+){0,3}\s+(?:in|op)\s+(?:een|a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:klassement\w*|ranglijst\w*|rankings?|classification)\b",
    re.IGNORECASE,
)


def _rank_counts(
    text: str, sentence: Sentence, cue: patterns.RankMention, article_year: int | None = None
) -> bool:
    if NOT_A_PLACE_AFTER.match(text, cue.end) or NOT_A_PLACE_CUE.search(cue.cue):
        return False
    if elsewhere(text, sentence, cue):
        return False
    if WIN_COUNT_AFTER.match(text, cue.end) or RANKING_AFTER.match(text, cue.end):
        return False
    if cue.cue.casefold() in WIN_VERBS and WIN_COUNT_BEFORE.search(
        text, max(sentence.start, cue.start - 50), cue.start
    ):
        return False
    if SUPERLATIVE_CUE.match(cue.cue) and (
        IN_A_PAIR_BEFORE.search(text_before(text, sentence, cue.start))
        or EVER_AFTER.match(text, cue.end)
    ):
        # "was in de vierde rit de snelste": of the pair, so far, not the race; "de snelste
        # vrouw ooit", "the fastest woman in history": of all time, not a place.
        return False
    if cue.cue.casefold() in WIN_VERBS and (
        WON_ALL_AFTER.match(text, cue.end, sentence.end)
        or LEADING_AFTER_STAGES.match(text, cue.end, sentence.end)
    ):
        # "won vorig seizoen alle teamsprints": a season; "won na drie afstanden al ruim": a
        # lead in the standings along the way, not one race.
        return False
    if PURPOSE_BEFORE.search(text_before(text, sentence, cue.start)) and PURPOSE_AFTER.match(
        text, cue.end
    ):
        return False  # "slaagden er niet in om het goud te pakken": what was aimed at
    if NOT_THIS_RACE_BEFORE.search(text_before(text, sentence, cue.start)):
        return False
    if flow.taken_back(text, cue.end):
        return False  # "won, maar werd gediskwalificeerd"
    if flow.unrealized(text, sentence.start, cue.start, cue.end, cue.cue):
        return False  # "won dit keer niet", "op weg naar goud", "zou goed zijn voor zilver"
    if flow.group_ranked(text, cue.cue, cue.end):
        return False  # "de vijfde Nederlander", "the fastest American": not the field's place
    if flow.describes_earlier_title(text, cue.cue, cue.end, article_year):
        return False  # "the silver medalist at the 2018 Games": a title held, not this race
    if flow.counts_achievement(text, cue.cue, cue.end, cue.start) or flow.race_state(text, cue.end):
        return False  # "a fourth career Olympic medal", "in gewonnen positie"
    if "kampioen" in cue.cue or "champion" in cue.cue:
        if MANIFOLD_BEFORE.search(text, max(sentence.start, cue.start - 30), cue.start):
            return False  # "is ook achtvoudig Nederlands kampioen": a count of titles
        return (
            # "werd Roest in een spectaculair outdoortoernooi in Amsterdam ook al
            # wereldkampioen": the verb may stand further back than the usual look.
            COPULA_BEFORE.search(text, max(sentence.start, cue.start - 100), cue.start) is not None
            or BECAME_AFTER.match(text, cue.end, sentence.end) is not None
        )
    return True


# "Japan, dat wel het klassement won", "won the overall standings": the standings as a win's
# object.
STANDING_BEFORE = re.compile(
    r"\b(?:het|de|the)\s+(?:eind|algemeen\s+|algemene\s+|overall\s+|final\s+)?"
    r"(?:klassement|stand|standings)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
STANDING_AFTER = re.compile(
    r"\s+(?:(?:ook|wel|also)\s+)?(?:het|de|the)\s+(?:eind|algemeen\s+|algemene\s+|overall\s+|"
    r"final\s+)?(?:klassement|eindklassement|stand|eindstand|standings)\b",
    re.IGNORECASE,
)


def season_standing(text: str, cue: patterns.RankMention, context: Context) -> bool:
    """ "Canada won de ploegenachtervolging, voor Japan, dat wel het klassement won": at a meet
    without a classification of its own (a World Cup), the standings won are the season's,
    not a race; at an allround or sprint championship they are its classification."""
    if cue.cue.casefold() not in WIN_VERBS or classification_of(context) is not None:
        return False
    return bool(
        STANDING_BEFORE.search(text, max(0, cue.start - 40), cue.start)
        or STANDING_AFTER.match(text, cue.end)
    )


# "achtvoudig Nederlands kampioen", "three-time world champion": titles counted.
MANIFOLD_BEFORE = re.compile(r"\b(?:\w+voudige?|\w+-time|\w+fold)\s+(?:\w+\s+)?$", re.IGNORECASE)


# "heeft zich tot Nederlands kampioene allround gekroond", "is wereldkampioen sprint
# geworden": the verb that makes the title a result comes after it.
BECAME_AFTER = re.compile(r"(?:\s+[^\s,;.]+){0,3}?\s+(?:geworden|gekroond)\b", re.IGNORECASE)
