"""The entities of one sentence: the skaters or teams its results can belong to.

A sentence's skaters are the names found in it, plus whoever an opening pronoun ("Zij werd
negende", "Die pakte het zilver") or an inverted one ("Vier jaar geleden strandde ze …")
points back to. In a team race the entities are the countries instead: named, referred to
("Zij zetten 3.45,08 neer"), or those the named skaters race for. Each is marked governed when
it is an object ("sneller dan Takagi") rather than someone who raced; the sentence's subject is
remembered for the pronouns that follow. Who a pronoun or description stands for is decided in
`subject_references`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.context import Context, Entity
from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.extract.follow_on import CONTINUATION
from schaatsradar.extract.mentions import Mentions, inside, text_before
from schaatsradar.extract.owners import _aside, _is_object, _object_at
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.subject_references import (
    INNER_PRONOUN,
    OPENER,
    PLURAL_OPENERS,
    PRONOUN_GENDER,
    ROLE_DESCRIPTION,
    _described_as_subject,
    _described_subject,
    _meant,
    _remember_people,
)
from schaatsradar.extract.types import TEAM_DISTANCES

# Only a comma between a name and a description of the same skater: an apposition.
_APPOSITION_GAP = re.compile(r"\s*,\s*$")


def _without_appositions(text: str, entities: list[Entity]) -> list[Entity]:
    """The entities less a description standing in apposition to the name just before it
    ("Wiklund, the Norwegian who won this title in 2023, was fourth"): it is the same skater,
    and kept as a second entity it would draw the main clause's time and place into the
    aside, whose win is another year's."""
    kept: list[Entity] = []
    for entity in entities:
        before = kept[-1] if kept else None
        if (
            before is not None
            and before.name == entity.name
            and before.end <= entity.start
            and _APPOSITION_GAP.match(text[before.end : entity.start])
        ):
            continue
        kept.append(entity)
    return kept


def _entities(
    text: str,
    sentence: Sentence,
    mentions: Mentions,
    context: Context,
) -> list[Entity]:
    team_race = context.distance in TEAM_DISTANCES
    entities = [
        Entity(m.start, m.end, m.skater.name, m.skater.country, m.skater.gender, team=False)
        for m in inside(mentions.names, sentence)
        # A bare pronoun is resolved here, by the subjects before it, not by the name
        # finder's nearest person: "Sablikova bleef boven de tijd van Groenewoud. Ze ...".
        # So is "de rijder van Team X" (`_described_subject`).
        if not (
            m.how == "reference"
            and (
                text[m.start : m.end].casefold() in PRONOUN_GENDER
                or ROLE_DESCRIPTION.match(text, m.start, sentence.end)
            )
        )
    ]
    entities = _without_appositions(text, entities)
    _described_as_subject(text, sentence, entities, mentions)
    opener = OPENER.match(text, sentence.start, sentence.end)
    meant: Entity | None = None
    if opener is not None:
        # "Die pakte het zilver" points at whoever was named last; "Zij werd negende" at the
        # one the sentences before were about, if she can be a "zij".
        meant = _meant(text, opener.start(), opener.end(), context, team_race)
        if meant is not None and not meant.team:
            if entities and entities[0].start == sentence.start:
                entities.pop(0)  # the name finder's own guess for the pronoun
            entities.insert(
                0, replace(meant, start=opener.start(), end=opener.end(), times=[], ranks=[])
            )
    else:
        described = _described_subject(text, sentence, entities, context)
        if described is not None:
            entities.append(described)
        # "Vier jaar geleden strandde ze op de tweede plek": an inverted pronoun subject.
        pronoun = INNER_PRONOUN.search(text, sentence.start, sentence.end)
        # "Net als Schouten in 2022 won ze": a name governed by a comparison is no subject.
        # "Voor Groenewoud was het haar tweede podium: vorig jaar werd ze ook tweede": the
        # skater the sentence opens on as its topic.
        topic = _topic(text, sentence, entities, pronoun) if pronoun is not None else None
        inner = (
            topic
            if topic is not None
            else _meant(text, pronoun.start(), pronoun.end(), context, team_race)
            if pronoun is not None
            and not any(
                e.start < pronoun.start()
                and not _is_object(text, sentence, e, named_before=False)
                and not _aside(text, e, pronoun.start())
                for e in entities
            )
            else None
        )
        if pronoun is not None and inner is not None:
            entities.append(
                replace(inner, start=pronoun.start(), end=pronoun.end(), times=[], ranks=[])
            )
    timed = context.last_timed
    subject = context.last_subject
    if (
        not entities
        and timed is not None
        and not team_race
        and subject is not None
        and subject.name == timed.athlete
    ):
        # "Dat was goed voor de zesde plaats", "Daarmee de elfde plaats": the sentence
        # before's timed skater, when this one names nobody and the time was the subject's
        # own (not "Kok bleef boven de tijd van Leerdam (37,02). Dat was goed voor zilver").
        continuation = CONTINUATION.match(text, sentence.start, sentence.end)
        if continuation is not None:
            entities.append(
                Entity(
                    continuation.start(),
                    continuation.end(),
                    timed.athlete,
                    timed.country,
                    timed.gender,
                    team=False,
                )
            )
    _remember_people(text, sentence, entities, context)
    if team_race:
        countries = inside(mentions.countries, sentence)
        carried_country = context.last_country
        if countries:
            context.last_country = countries[-1]
        # "... waren de Belgen sneller. Zij zetten 3.45,08 neer": a plural pronoun after a
        # team was named last is that team, not a skater named before it.
        team_pronoun = (
            opener is not None
            and opener.group() in PLURAL_OPENERS
            and carried_country is not None
            and (meant is None or carried_country.start > meant.start)
        )
        if team_pronoun and opener is not None:
            entities = [e for e in entities if e.start != opener.start()]
        members = [e.gender for e in entities if e.gender is not None]
        team_gender = members[0] if members and len(set(members)) == 1 else None
        teams = [
            Entity(c.start, c.end, c.name, c.code, team_gender, team=True)
            for c in countries
            if not PLACE_OF.search(text_before(text, sentence, c.start))
        ]
        if team_pronoun and opener is not None and carried_country is not None:
            teams.insert(
                0,
                Entity(
                    opener.start(),
                    opener.end(),
                    carried_country.name,
                    carried_country.code,
                    team_gender,
                    team=True,
                ),
            )
        # "Morimoto, Sakamoto en Ito wonnen in 2.58,40": the members race for their country.
        for skater in entities:
            # The country named last before the skater: in this sentence, or carried.
            named = [c for c in countries if c.end <= skater.start]
            country = named[-1] if named else carried_country
            code = skater.country or (country.code if country else None)
            if code in COUNTRIES:
                teams.append(
                    Entity(skater.start, skater.end, COUNTRIES[code][0], code, team_gender, True)
                )
        entities = _with_teammates(text, sentence, teams, entities)
    entities.sort(key=lambda e: e.start)
    for index, entity in enumerate(entities):
        entity.governed = _is_object(text, sentence, entity, named_before=index > 0)
        # "Achter Kok werd Leerdam tweede": the preposition governs the name it stands
        # before; a name between ends its reach (a possessive does not: "Canada's Blondin").
        gap = text[entities[index - 1].end : entity.start] if index else ""
        if entity.governed and gap.strip() and not OWNER_GAP.match(gap):
            entity.governed = _object_at(
                text, entities[index - 1].end, sentence.end, entity.start, entity.end,
                entity.team, True,
            )  # fmt: skip
        # "sneller dan Blondin uit Canada en Lollobrigida uit Italië": a list shares its head.
        # Not a name after a comma with its verb right after it: "Behind winner Ghiotto,
        # Eitrem was second" ends the fronted phrase.
        if index and entities[index - 1].governed and not _comma_then_verb(text, entity, gap):
            entity.governed = entity.governed or bool(
                GOVERNED_LIST_GAP.match(text[entities[index - 1].end : entity.start])
            )
        # "Kok, Leerdam's team-mate and close friend, completed the podium": a possessive
        # opening an apposition to the name before describes that skater; it is no subject.
        if index and _APPOSITION_GAP.match(gap) and POSSESSIVE_APPOSITION.match(text, entity.end):
            entity.governed = True
    return entities


# A possessive noun phrase closed by a comma: "Leerdam's team-mate and close friend,".
POSSESSIVE_APPOSITION = re.compile(r"['’]s\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5}\s*,")


# "won goud op de ploegenachtervolging met Weidemann en Maltais", "together with": teammates.
WITH_BEFORE = re.compile(r"\b(?:with|met|alongside|together\s+with|samen\s+met)\s+$", re.I)
MEMBER_LIST_GAP = re.compile(r"^\s*(?:,|\ben\b|\band\b)\s*$")


def _with_teammates(
    text: str, sentence: Sentence, teams: list[Entity], skaters: Sequence[Entity]
) -> list[Entity]:
    """ "The 31-year-old captured gold in the team pursuit with Weidemann and Valérie Maltais":
    whoever raced with the skaters named after "with"/"met" raced for their country, so a
    team read from an earlier name or pronoun of another country is theirs."""
    members: list[Entity] = []
    for skater in skaters:
        before = text_before(text, sentence, skater.start)
        if WITH_BEFORE.search(before) or (
            members and MEMBER_LIST_GAP.match(text[members[-1].end : skater.start])
        ):
            members.append(skater)
    codes = {m.country for m in members}
    if not members or len(codes) != 1 or None in codes:
        return teams
    code = codes.pop()
    if code not in COUNTRIES:
        return teams
    first = members[0].start
    return [
        replace(team, name=COUNTRIES[code][0], country=code)
        if team.start < first and team.country != code and _from_skater(team, skaters)
        else team
        for team in teams
    ]


def _from_skater(team: Entity, skaters: Sequence[Entity]) -> bool:
    """Whether a team entity stands for a skater or pronoun (not a country named)."""
    return any(s.start == team.start and s.end == team.end for s in skaters)


# What may stand right after a name still under the preposition before it: a possessive.
OWNER_GAP = re.compile(r"['’]s?\s")
# "ahead of Blondin and Italy's Lollobrigida", "De Boo of the Netherlands and Kongshaug":
# a country before or after a listed name.
GOVERNED_LIST_GAP = re.compile(
    r"^(?:\s*\([^)]{0,20}\))?(?:\s+(?:uit|of|from|van)\s+(?:the\s+)?[A-ZÀ-Þ][\w-]*)?"
    r"\s*(?:,|\ben\b|\band\b)\s*(?:(?:[A-ZÀ-Þ][\w.-]*\s+)?[A-ZÀ-Þ][\w.-]*['’]s\s+)?$"
)


# "in Hamar, Norway", "in Noorwegen": a country named as the place, not a team racing.
PLACE_OF = re.compile(r"(?:\b(?:in|from)\s+(?:the\s+)?|\b[A-ZÀ-Þ][\w-]+,\s*)$")


# "Voor Groenewoud was het ...", "For Stolz it was ...": the opening names the sentence's topic.
_TOPIC_BEFORE = re.compile(r"\s*(?:Voor|For)\s+$")
_TOPIC_AFTER = re.compile(r"\s*,?\s*(?:was|is|werd|wordt|bleek|betekende|it\s+was|it\s+is)\b")


def _topic(
    text: str, sentence: Sentence, entities: list[Entity], pronoun: re.Match[str]
) -> Entity | None:
    """The one skater named before a pronoun as the topic the sentence opens on, when the
    pronoun can stand for them."""
    before = [e for e in entities if e.end <= pronoun.start()]
    if len(before) != 1 or before[0].team:
        return None
    topic = before[0]
    gender = PRONOUN_GENDER.get(pronoun.group().casefold())
    if (
        not _TOPIC_BEFORE.fullmatch(text, sentence.start, topic.start)
        or not _TOPIC_AFTER.match(text, topic.end, sentence.end)
        or (gender is not None and topic.gender not in (None, gender))
    ):
        return None
    return topic


# A finite verb right after a name: the name is its clause's subject.
_VERB_AFTER = re.compile(
    r"\s+(?:was|were|is|finished|came|placed|took|won|werd|eindigde|finishte|pakte|won|kwam)\b",
    re.IGNORECASE,
)


def _comma_then_verb(text: str, entity: Entity, gap: str) -> bool:
    """Whether a name follows a bare comma and has its verb right after it."""
    return (
        _BARE_COMMA.fullmatch(gap) is not None and _VERB_AFTER.match(text, entity.end) is not None
    )


_BARE_COMMA = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?,\s*")
