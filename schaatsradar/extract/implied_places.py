"""Places a sentence implies beyond the ones `inferences` reads: who a third place finished
behind, rivals beaten in the standings rather than in the race just won, and the team beaten
in a head-to-head final.

Why a module of its own: `inferences.py` holds the common shapes; these two are the ones
issue 11's third batch of our own articles (u053-u059) found missing, kept apart so each
file stays short enough to read whole.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from schaatsradar.extract import patterns
from schaatsradar.extract.context import Context, Entity
from schaatsradar.extract.mentions import text_before
from schaatsradar.extract.owners import LIST_GAP
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import TEAM_DISTANCES

__all__ = ["final_loser", "infer_two_ahead", "standings_beaten"]

BEHIND = re.compile(
    r"\b(?:achter|behind|runner-up\s+to|second\s+to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


# "won de 3000 meter en bleef in het eindklassement X en Y voor", "beat X overall": the
# beating clause names the standings itself, whatever race the winner won before it.
_STANDINGS_BEFORE_NAME = re.compile(
    r"\b(?:bleef|blijft|bleven|hield|houdt|versloeg|beat|finished\s+ahead\s+of|ahead\s+of)"
    r"\s+(?:\w+\s+){0,2}?(?:in\s+(?:het|de)\s+(?:eind|algemeen\s+|algemene\s+)?(?:klassement|stand)"
    r"|in\s+the\s+(?:overall\s+|final\s+)?standings|overall)\s+(?:\w+\s+){0,2}?$",
    re.IGNORECASE,
)


def standings_beaten(text: str, winner: Entity, first: Entity) -> bool:
    """Whether the clause that beats `first` names the standings right before its names."""
    window = max(winner.end, first.start - 80)
    return _STANDINGS_BEFORE_NAME.search(text, window, first.start) is not None


# "A en B": exactly two names joined, nothing listed after them; a country aside may follow a
# name ("Stolz of the United States and De Boo", "Kok (NED) en Jackson").
_ASIDE = r"(?:\s+(?:of|from|uit)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|\s*\([^()]{1,30}\))?"
_PAIR_JOIN = re.compile(_ASIDE + r"\s*(?:en|and|&)\s*(?:(?:de|the)\s+\w+\s+)?$", re.IGNORECASE)
# After the second name the clause ends or goes on with the race ("op de 500 meter", "in
# Calgary"), not with a verb of its own ("en Leerdam reed een persoonlijk record").
_PAIR_END = re.compile(
    _ASIDE + r"\s*(?:[.,;:!?)]|$|\s(?:op|in|bij|at|on|tijdens|during|maandag|dinsdag|woensdag|"
    r"donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b)"
)


def infer_two_ahead(text: str, sentence: Sentence, entities: Sequence[Entity]) -> None:
    """ "werd derde, achter Sarault en Santos-Griswold", "bronze behind Kok and Jackson": the
    two a third place finished behind, named as a pair, were first and second in that order.
    Only one third place in the sentence and a pair of exactly two unplaced names; one name
    ("derde achter Jackson") says not whether Jackson won or was second."""
    if _three_ahead(text, sentence, entities):
        return
    third = [e for e in entities if e.ranks and {r.rank for r in e.ranks} == {3}]
    if len(third) != 1:
        return
    after = [e for e in entities if e.start > third[0].end and e.name != third[0].name]
    for first, second in itertools.pairwise(after):
        if first.ranks or second.ranks or first.team != second.team:
            continue
        if not BEHIND.search(text_before(text, sentence, first.start)):
            continue
        if not _PAIR_JOIN.match(text[first.end : second.start]):
            return
        later = [e for e in after if e.start > second.end]
        if later and LIST_GAP.match(text[second.end : later[0].start]):
            return  # "achter A en B, C en D": a list of the field, not the two ahead
        if not _PAIR_END.match(text, second.end):
            return  # "achter Jackson en Leerdam reed een persoonlijk record": her own clause
        first.ranks.append(patterns.RankMention(first.start, first.end, 1, "achter"))
        second.ranks.append(patterns.RankMention(second.start, second.end, 2, "achter"))
        return


# "The trio defeated the Netherlands in the final", "Ze versloegen Japan in de finale".
_BEATEN_BEFORE = re.compile(
    r"\b(?:defeated|beat|beating|defeating|versloeg|versloegen|klopte|klopten)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_IN_THE_FINAL = re.compile(r"\s+(?:in|op)\s+(?:the|de)\s+(?:gold\s+medal\s+)?fina(?:l|le)\b", re.I)


def final_loser(
    text: str, sentence: Sentence, entities: Sequence[Entity], context: Context
) -> None:
    """ "Canada won the team pursuit. The trio defeated the Netherlands in the final.": a team
    race's final is run by two teams, so the one its winner (known from before, not named
    here) beat there was second. Only a team race, one team beaten, no skater or other team
    as the subject in the sentence."""
    if context.distance not in TEAM_DISTANCES or len(entities) != 1:
        return
    (beaten,) = entities
    winner = context.winners.get(
        f"{context.distance}/{beaten.gender or context.gender}",
        context.winners.get(context.distance or ""),
    )
    if (
        not beaten.team
        or beaten.ranks
        or winner is None
        or winner == beaten.name
        or not _BEATEN_BEFORE.search(text_before(text, sentence, beaten.start))
        or not _IN_THE_FINAL.match(text, beaten.end)
    ):
        return
    beaten.ranks.append(patterns.RankMention(beaten.start, beaten.end, 2, "beaten in the final"))


def _three_ahead(text: str, sentence: Sentence, entities: Sequence[Entity]) -> bool:
    """ "De Belg werd vierde, achter winnaar Bergsma, de Italiaan Giovannini en de Amerikaan
    Cepuran": a fourth place behind a list of exactly three names, the whole podium, in
    order. Only one fourth place, the list closed by "en" and nothing listed after it; a
    place already stated for one of the three must be its slot in the list."""
    fourth = [e for e in entities if e.ranks and {r.rank for r in e.ranks} == {4}]
    if len(fourth) != 1:
        return False
    after = [e for e in entities if e.start > fourth[0].end and e.name != fourth[0].name]
    if len(after) < 3:
        return False
    listed = after[:3]
    first, second, third = listed
    if (
        not BEHIND.search(text_before(text, sentence, first.start))
        or any(e.team != first.team for e in listed)
        or not LIST_GAP.match(text[first.end : second.start])
        or not _PAIR_JOIN.match(text[second.end : third.start])
        or (len(after) > 3 and LIST_GAP.match(text[third.end : after[3].start]))
        or not _PAIR_END.match(text, third.end)
        or any(e.ranks and {r.rank for r in e.ranks} != {i} for i, e in enumerate(listed, 1))
    ):
        return False
    for rank, entity in enumerate(listed, start=1):
        if not entity.ranks:
            entity.ranks.append(patterns.RankMention(entity.start, entity.end, rank, "achter"))
    return True
