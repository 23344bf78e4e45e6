"""The places a sentence implies by who beat whom, without naming them: the skaters a winner
beat are second and third ("sneller dan Takagi en Kok", "bleef X en Y voor"), the one a
runner-up finished behind won ("tweede achter Takagi"), as did "alleen Canada" ahead.

Why a module of its own: `inferences` decides which rank words are places; this reads the
places no rank word names. Each step adds `RankMention`s to the sentence's entities.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from schaatsradar.extract import patterns
from schaatsradar.extract.context import STANDINGS, Context, Entity, classification_of
from schaatsradar.extract.implied_places import infer_two_ahead, standings_beaten
from schaatsradar.extract.mentions import text_before
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
