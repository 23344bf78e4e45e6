"""Which rank words are places, and the places a sentence implies without naming them.

Not every rank word is a result: "vijf keer de beste", "tenth in the World Cup ranking", "om
het goud te pakken", "de Japanse wereldkampioene" are not; a verb that governs a medal ("won
silver") is not a win of its own. And a sentence says more places than it names: the skaters a
winner beat are second and third ("sneller dan Takagi en Kok", "bleef X en Y voor"), the one
a runner-up finished behind won ("tweede achter Takagi"), as did "alleen Canada" ahead.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from schaatsradar.extract import flow, patterns
from schaatsradar.extract.context import STANDINGS, Context, Entity, classification_of
from schaatsradar.extract.implied_places import infer_two_ahead, standings_beaten
from schaatsradar.extract.mentions import text_before
from schaatsradar.extract.not_places import elsewhere
from schaatsradar.extract.owners import LIST_GAP
from schaatsradar.extract.place_races import (
    BEATEN_IN_STANDINGS,
    CHAMPION_CUE,
    CLASSIFICATION_AFTER,
    _standings,
)
from schaatsradar.extract.scanning import blind
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.shapes import BeatingClause

AHEAD_OF = re.compile(
    r"\b(?:voor op|ahead of|in front of|sneller dan|faster than)\b", re.IGNORECASE
)
BEHIND = re.compile(
    r"\b(?:achter|behind|runner-up\s+to|second\s+to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


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


# The runners-up a winner beat, in order: "sneller dan Takagi en Kok", "bleef X en Y voor".
BEATEN_BEFORE = blind(
    r"\b(?:sneller dan|versloeg|versloegen|onttroonde|troeft|troefde|troefden|bleef|blijft|"
    r"bleven|ahead of|beat|"
    r"beating|edge|edged|edging|pipped|pipping|defeated|defeating|outpaced|outpacing|outsprinted"
    r"|outsprinting|gevolgd door|followed by)\b"
    # "won in 1.41,33, voor Nuis (1.42,80) en Kongshaug": a comma and "voor" after the win.
    # "won in 1.07,17 tegen 1.07,22 voor Prins": the winner's time against the rival's
    # (issue 11, comparisons).
    # "wonnen in 3.38,02 voor Italië (3.38,90)": the winner's own time, then "voor".
    r"|(?:(?:,\s*voor|\b(?:tegen|in|met)\s+\d[\d.,:]*\d\s+voor)\b"
    # "won het klassement voor Snellink en Bosker": the win's own object, then who followed.
    r"|\b(?:won|wint|wonnen|winnen|zegevierde|zegevierden|triomfeerde)\s+(?:het|de)\s+"
    r"(?:[\w-]+\s+){0,3}?voor\b"
    # "werd kampioen voor Groenewoud en Conijn": a title won, then who followed.
    r"|\b(?:werd|werden|is|was)\s+(?:[\w-]+\s+){0,2}?kampioene?\s+voor\b"
    # The win's object right after an inverted winner: "won Eitrem de titel voor Roest".
    r"|^\s+(?:het|de)\s+(?:[\w-]+\s+){0,3}?voor\b)"
    # A time's decimal point is no sentence end: "ahead of De Boo (1:06.45) and Kongshaug".
    r"(?:[^.;]|\.(?=\d)){0,60}$"
)


# "bleef in de slotrit Bowe voor", "beat her pair Takagi": a rival beaten in the pairing,
# who may have finished anywhere behind.
PAIRING = re.compile(
    # "slotrit", "Rit", but not a name that ends so ("Jorrit", "Gerrit").
    r"\b(?:(?-i:(?:[a-z]\w*)?rit|Rit)|ritten|ritgeno(?:te|ot)|duel|rechtstreeks\w*|onderling\w*"
    r"|pair|pairing|"
    r"paired|head-to-head|heat)\b",
    re.IGNORECASE,
)


# "He now leads the World Cup standings by 60 points ahead of De Boo", "leidt met 40 punten
# voorsprong op Kok": a lead in points along a season or a championship, not a race's order.
SEASON_LEAD = re.compile(
    r"\b(?:leads?|leading|led|leidt|leidde|aan\s+de\s+leiding|punten|points|pts)\b"
    r"(?!\s+an?\s+(?:\w+\s+)?one-two)",  # "led a Dutch one-two": a race won
    re.IGNORECASE,
)


# "sneller dan het baanrecord van Kramer", "faster than the world record of Kok", "sneller dan
# de tijd van Takagi", "than the record of Davis": beaten was a mark, not a rival in the race.
MARK_OF_BEFORE = re.compile(
    r"\b(?:\w*record|records|\w*tijd|tijden|time|times|mark|best)\s+(?:\([^()]{0,20}\)\s+)?"
    r"(?:van|of)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _infer_runners_up(
    text: str, sentence: Sentence, entities: Sequence[Entity], context: Context
) -> None:
    """Ranks 2 and 3 for the skaters a winner is said to have beaten, in the order named."""
    winner = next(
        (
            e
            for e in entities
            if not e.governed
            and (
                any(r.rank == 1 for r in e.ranks)
                or context.winners.get(
                    f"{context.distance}/{e.gender or context.gender}",
                    context.winners.get(context.distance or ""),
                )
                == e.name
            )
        ),
        None,
    )
    if winner is None:
        return
    # "took gold overall ahead of Roest and Ghiotto": who followed a win in the standings
    # followed in the standings, not in the race before.
    cue_name = (
        BEATEN_IN_STANDINGS
        if any(
            r.rank == 1
            and (
                _standings(text, r)
                or CLASSIFICATION_AFTER.match(text, r.end)
                # "The women's title went to Kok ahead of Leerdam and Jackson", at a sprint
                # or allround championship: the title is the classification's.
                or (CHAMPION_CUE.search(r.cue) and classification_of(context) is not None)
            )
            for r in winner.ranks
        )
        else "beaten"
    )
    listed = [
        e
        for e in entities
        if e.start > winner.end
        # "won in 36,90, gevolgd door Leerdam (37,05) en Jackson": who came after, a subject
        # of the times they are given all the same.
        and (e.governed or FOLLOWED.search(text, winner.end, e.start) is not None)
        and e.name != winner.name
        and BEATEN_BEFORE.search(text[winner.end : e.start])
        and not PAIRING.search(text, winner.end, e.start)
        and not SEASON_LEAD.search(text, winner.end, e.start)
        and not MARK_OF_BEFORE.search(text, max(winner.end, e.start - 60), e.start)
    ]
    # "voor Gauthier (2de) en Hoogland": a rival whose place is stated keeps its slot in the
    # order, so the one after it is third; a stated place out of order stops the inference.
    if any(e.ranks for e in listed):
        for rank, entity in enumerate(listed[:2], start=2):
            if entity.ranks and entity.ranks[0].rank != rank:
                return
        beaten = [e for e in listed[:2] if not e.ranks]
        for entity in beaten:
            rank = listed.index(entity) + 2
            entity.ranks.append(patterns.RankMention(entity.start, entity.end, rank, cue_name))
        return
    beaten = listed or _kept_behind(text, sentence, entities, winner)
    if len(beaten) == 1 and ALSO_BEATEN.search(text, winner.end, beaten[0].start):
        # "hield Kok achter zich en was ook rapper dan Goetz": one more of the beaten, not second.
        return
    if beaten and standings_beaten(text, winner, beaten[0]):
        cue_name = BEATEN_IN_STANDINGS
    for rank, entity in enumerate(beaten[:2], start=2):
        entity.ranks.append(patterns.RankMention(entity.start, entity.end, rank, cue_name))


FOLLOWED = re.compile(r"(?i)\b(?:gevolgd\s+door|followed\s+by)\s")
ALSO_BEATEN = re.compile(r"\b(?:ook|also|too|eveneens)\b", re.IGNORECASE)
# "In het klassement blijft Leerdam Kok en Schulting voor": the separable "voorblijven",
# its objects listed between the winner and the closing "voor".
STAYED = blind(r"\b(?:bleef|blijft|bleven|blijven|voorbleef|voorblijft|hield|houdt|hielden)\b")
# "bleef Roest ruim voor", "hield Groenewoud achter zich in het klassement".
CLOSING_VOOR = re.compile(
    # "bleef Jackson (37,21) en Leerdam (37,30) voor": the last one's time in brackets first.
    r"(?:\s*\([^()]{0,20}\))?"
    r"\s+(?:(?:ruim|nipt|net|royaal|duidelijk|comfortabel|krap|ook|nog|simpel)\s+)?"
    r"(?:voor|voorbleef|voorblijft|achter\s+zich)"
    r"(?:\s+(?:in|op)\s+(?:het|de)\s+(?:eind|algemeen\s)?(?:klassement|eindstand|stand))?"
    r"\s*(?:[.,;:!]|$)",
    re.IGNORECASE,
)


def _kept_behind(
    text: str, sentence: Sentence, entities: Sequence[Entity], winner: Entity
) -> list[Entity]:
    if not STAYED.search(text, sentence.start, sentence.end):
        return []
    standings = STANDINGS.search(text, sentence.start, sentence.end) is not None
    after = [e for e in entities if e.start > winner.end and e.name != winner.name]
    for last, entity in enumerate(after):
        if CLOSING_VOOR.match(text, entity.end, sentence.end):
            listed = after[: last + 1]
            # One rival kept behind in a pairing ("bleef in de slotrit Bowe voor") is a duel
            # won, not a second place; a list, or the standings, is the podium.
            if (len(listed) > 1 or standings) and all(
                LIST_GAP.match(text[a.end : b.start]) for a, b in itertools.pairwise(listed)
            ):
                return [e for e in listed if not e.ranks]
            return []
    return []


# "moesten alleen Canada voor zich laten", "only Stolz was faster": the one ahead won, and
# the clause's subject was second.
ONLY_BEFORE = blind(r"\b(?:alleen|slechts|enkel|only)\s+(?:de\s+|het\s+|the\s+)?$")
# "Groenewoud was met 7.03,27 alleen langzamer dan Sablikova", "was only slower than Kok",
# "only beaten by Jackson", "alleen geklopt door Takagi" (issue 11, comparisons): the one
# named won, the subject was second.
ONLY_SLOWER_THAN = blind(
    r"\b(?:alleen|slechts|enkel|only)\s+(?:(?:nog|net|iets|maar|just|slightly)\s+)?"
    r"(?:(?:langzamer|trager|slower)\s+(?:dan|than)|(?:beaten|bested|topped|verslagen|geklopt)"
    r"\s+(?:by|door))\s+(?:(?:de|het|the)\s+)?(?:[\w-]+\s+){0,2}$"
)
AHEAD_AFTER = re.compile(
    r"\s+(?:voor\s+(?:zich\s+)?(?:laten|gaan|moeten\s+laten|dulden)|voor\s+laten\s+gaan|"
    r"(?:was|were)\s+(?:faster|quicker)|finished\s+ahead|(?:was|waren)\s+sneller)\b",
    re.IGNORECASE,
)


def _infer_beaten_in_clause(clause: BeatingClause | None, context: Context) -> None:
    """ "De winst was voor In 't Hof, die Groenewoud en Rijpma-de Jong voorbleef": the winner
    beat the clause's names, second and third in the order named."""
    if clause is None or any(e.ranks for e in clause.objects):
        return
    head, beaten = clause.head, clause.objects
    won = (
        any(r.rank == 1 for r in head.ranks)
        or context.winners.get(context.distance or "") == head.name
    )
    if not won:
        return
    for rank, entity in enumerate(beaten[:2], start=2):
        entity.ranks.append(patterns.RankMention(entity.start, entity.end, rank, "beaten"))


def _infer_only_ahead(text: str, sentence: Sentence, entities: Sequence[Entity]) -> None:
    for index, entity in enumerate(entities):
        if entity.ranks or not (
            (
                ONLY_BEFORE.search(text_before(text, sentence, entity.start))
                and AHEAD_AFTER.match(text, entity.end, sentence.end)
            )
            or ONLY_SLOWER_THAN.search(text_before(text, sentence, entity.start))
        ):
            continue
        entity.ranks.append(patterns.RankMention(entity.start, entity.end, 1, "only ahead"))
        subjects = [e for e in entities[:index] if not e.governed and e.name != entity.name]
        if subjects and not subjects[0].ranks:
            first = subjects[0]
            first.ranks.append(patterns.RankMention(first.start, first.end, 2, "only behind"))
        return


def _infer_leader(text: str, sentence: Sentence, entities: Sequence[Entity]) -> None:
    """ "Tweede achter Takagi": whoever the runner-up finished behind won."""
    # Only a runner-up with no other place: "Kok, vorig seizoen nog tweede, werd nu derde
    # achter Jackson" says nothing of who won.
    ranked = [e for e in entities if e.ranks and {r.rank for r in e.ranks} == {2}]
    if len(ranked) != 1:
        infer_two_ahead(text, sentence, entities)
        return
    runner_up = ranked[0]
    for entity in entities:
        if not entity.ranks and BEHIND.search(text_before(text, sentence, entity.start)):
            entity.ranks.append(patterns.RankMention(entity.start, entity.end, 1, "achter"))
            return
    # "Zo had ze drie tienden voorsprong op nummer twee Beune": ahead of the runner-up.
    for entity in entities:
        if (
            not entity.ranks
            and not entity.governed
            and entity.end <= runner_up.start
            and AHEAD_OF.search(text[entity.end : runner_up.start])
        ):
            entity.ranks.append(patterns.RankMention(entity.start, entity.end, 1, "ahead"))
            return
