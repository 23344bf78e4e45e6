"""Who a rank word or a result time in a sentence belongs to.

`extract()` ties every place and time to one skater (or country) named in its sentence. This
module decides which: the one it is handed to ("het zilver ging naar X"), the one a bracket or
relative clause hangs on, else the clause's subject: the nearest name not governed by "dan",
"achter", "versloeg", …, nor tucked away in an aside. A list of names and a list of places
("Fiola and Brunet placed eighth and 19th") are paired in order.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from schaatsradar.extract import patterns
from schaatsradar.extract.context import Entity
from schaatsradar.extract.inversion import inverted_subject
from schaatsradar.extract.mentions import LOOK_BACK
from schaatsradar.extract.name_words import dutch_nationality_nouns
from schaatsradar.extract.scanning import blind
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.shapes import aside_closed, bracketed_before, handed_on
from schaatsradar.extract.types import HasSpan


def _aside(text: str, entity: HasSpan, position: int) -> bool:
    """Whether a name sits in brackets closed before `position`: "haar (door Schouten
    verbroken) record … en eindigde ze als twintigste" — Schouten is an aside, not the
    subject of what follows the brackets."""
    opened = text.rfind("(", max(0, entity.start - 80), entity.start)
    if opened < 0 or ")" in text[opened : entity.start]:
        return False
    closed = text.find(")", entity.end, position)
    return closed >= 0 and "(" not in text[entity.end : closed]


# Words before an entity that make it the object of the clause, not the one who raced:
# "sneller dan Takagi", "achter Kok", "tegen Grevelt", "ahead of Stolz".
OBJECT_BEFORE = blind(
    r"(?:\b(?:dan|achter|tegen|voor|than|behind|against|ahead of|over|van|of|net als|zoals|"
    r"runner-up to|second to|coached by|trained by|gecoacht door|getraind door|"
    r"evenals|just like|just as"
    # "Niet titelverdediger Wennemars, maar Scheperkamp werd kampioen": the one denied.
    r"|niet|not)"
    # A conjunction ends the phrase: "zat vlak achter en Huizinga werd dertiende".
    r"\s+(?:(?!(?:en|and|maar|but|terwijl|while|whereas)\s)"
    # A word starting with a Latin-1 letter (case-blind, "[A-ZÀ-Þ]" matched any; lower-cased,
    # that is a-z, "×" and à-þ but "÷").
    # "ahead of Canada's Blondin": a country's possessive before the name.
    # A finite verb ends the phrase: "Op de teamsprint van de vrouwen werd Nederland derde".
    r"(?:de|het|een|the|a|an|zijn|haar|hun|his|her|their|(?!(?:werd|werden|won|wonnen|wint|was"
    r"|waren|eindigde|eindigden|pakte|pakten|reed|reden|kwam|kwamen|ging|greep|grepen|klokte"
    r"|klokten|finishte|finished|took|came|placed)\b)[a-z\xd7\xe0-\xf6\xf8-\xfe][\w-]*(?:['’]s)?|"
    r"\w+(?:genoot|genote|genoten|mate|mates))\s+){0,3})$"
)


# A medal or place handed to whoever follows: "het zilver ging naar X", "brons was er voor X",
# "the title went to X".
RECIPIENT_AFTER = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:ging naar|gaat naar|was er voor|was voor|is voor|went to|"
    r"goes to|naar|voor)\s",
    re.IGNORECASE,
)


OTHER_PRIZE = re.compile(
    r"\b(?:en|and|,)\s+(?:het|de|the|een|a)\s+(?:goud|zilver|brons|gold|silver|bronze|titel|title|"
    r"zege|winst|overwinning|victory|podiumplek)\b",
    re.IGNORECASE,
)


# A new clause between a subject and a time: "pakte zilver en het brons was met 38,18 voor X".
SAME_CLAUSE_BREAK = re.compile(r"\b(?:en|and|maar|but|terwijl|while|whereas)\b|;", re.I)


TIME_OWNER_AFTER = re.compile(r"^\)?\s*(?:van|of|voor|by)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


# Verbs whose object follows them: "Kok versloeg Takagi". With inversion ("Op de 500 meter
# versloeg Kok Takagi") the subject follows the verb, so they govern only when someone was
# named before the verb.
BEATING_VERB_BEFORE = blind(
    # up to four words: "versloegen Europees en olympisch kampioen Noorwegen"
    r"\b(?:versloeg|versloegen|onttroonde|troeft|troefde|troefden|beat|beats|beating|edged"
    r"|edging|edges|to\sedge|pipped|pipping"
    r"|defeated|defeating|outpaced|outpacing|outsprinted|outsprinting)\s+(?:\w+\s+){0,4}$"
)


# "de ploeg van de Verenigde Staten werd derde", "the team of Norway": the country is the
# team itself, the subject, not the object of "van"/"of".
TEAM_OF_BEFORE = blind(
    r"\b(?:ploeg|team|selectie|formatie|trio|kwartet|squad|quartet|aflossingsploeg)\s+"
    r"(?:van|of|uit|from)\s+(?:de\s+|het\s+|the\s+)?$"
)
# "gaf 0,17 seconde toe op Nuis", "kwam tekort op Kok", "a gap on Stolz": the rival a margin
# is measured against.
MARGIN_ON_BEFORE = blind(
    r"\b(?:toe|tekort|achterstand|voorsprong|verschil|sneller|langzamer|gap|lead|advantage)\s+"
    r"(?:op|on|over)\s+(?:(?:de|het|the|zijn|haar|his|her)\s+)?$"
)


# "Schouten bleef in de eindsprint Lollobrigida voor", "hield Kok net voor": a separable
# verb of staying ahead, its object between the verb and "voor" (issue 11, comparisons).
KEPT_AHEAD_BEFORE = blind(
    r"\b(?:bleef|bleven|blijft|blijven|hield|hielden|houdt|houden)\b"
    r"(?:(?!\b(?:en|maar|die|dat)\b)[^.;,:]){0,60}$"
)
KEPT_AHEAD_AFTER = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?(?:(?:nipt|net|ruim|knap)\s+)?voor\b(?!\s+(?:de|het|een|zich)\b)",
    re.IGNORECASE,
)


def _is_object(text: str, sentence: Sentence, entity: Entity, named_before: bool) -> bool:
    return _object_at(
        text, sentence.start, sentence.end, entity.start, entity.end, entity.team, named_before
    )


@functools.lru_cache(maxsize=1024)
def _object_at(
    text: str,
    sentence_start: int,
    sentence_end: int,
    start: int,
    end: int,
    team: bool,
    named_before: bool,
) -> bool:
    """`_is_object` by positions: the subject readers ask it about every name of a sentence
    again and again, and it reads nothing but the text around that span (plain positions as
    the key: no hashing of a `Sentence` per call)."""
    before = text[max(sentence_start, start - LOOK_BACK) : start]
    if team and TEAM_OF_BEFORE.search(before):
        return False
    if OBJECT_BEFORE.search(before) or MARGIN_ON_BEFORE.search(before):
        return True
    if (
        named_before
        and KEPT_AHEAD_AFTER.match(text, end, sentence_end)
        and KEPT_AHEAD_BEFORE.search(before)
    ):
        return True
    if named_before and HOLDER_POSSESSIVE_AFTER.match(text, end, sentence_end):
        return True
    if MARK_NOUN_BEFORE.search(before) and MARK_HELD_AFTER.match(text, end, sentence_end):
        return True  # "broke the world record Lee Sang-hwa had held since 2013"
    return named_before and BEATING_VERB_BEFORE.search(before) is not None


# "Wiklund came close to Voronina's 5,000m world record, winning in 6:41.30": after a
# subject, a name in the possessive of a record is its holder, the object of the clause, not
# the skater who raced (issue 11, English shapes). At the head of a sentence ("Kok's world
# record of 36.09 stood") the possessor may well be the one who raced.
HOLDER_POSSESSIVE_AFTER = re.compile(
    r"['’]s?\s+(?:[\w,.-]+\s+){0,3}?(?:record|mark|best\s+time)\b", re.IGNORECASE
)


# A name that follows a record noun and set or held it: the record's holder, an object.
MARK_NOUN_BEFORE = re.compile(
    r"\b(?:record|mark|wereldrecord|baanrecord|toptijd)\s+(?:(?-i:[A-Z][\w-]*)\s+){0,2}?"
    r"(?:(?-i:[A-Z][\w-]*)['’]s\s+)?$",
    re.IGNORECASE,
)
MARK_HELD_AFTER = re.compile(
    r"\s+(?:had\s+)?(?:held|set|owned|gevestigd|gereden|in\s+handen\s+had)\b", re.IGNORECASE
)


# "Weidemann (3:58.64; +1.71), die het brons veroverde": a bracketed time may come first.
# "Zhongyan Ning of China, who was second": a country apposition may come first too, and so
# may a description ("Kjeld Nuis, the 2018 Olympic champion, who stopped the clock at ...").
RELATIVE_CLAUSE = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?"
    r"(?:(?:of|from|uit)\s+(?:the\s+)?(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s*)?"
    r"(?:,\s*(?:the|a|an|de|het|een)\s+[^,;:.!?()]{1,40}(?=,))?"
    r",?\s*(?:die|dat|who|which|wat)\b",
    re.IGNORECASE,
)


def _relative_owner(text: str, entities: Sequence[Entity], start: int) -> Entity | None:
    """ "klopten Canada, dat 3.41,80 liet noteren en als derde eindigde": a cue in
    a relative clause belongs to the name the clause hangs on."""
    before = [e for e in entities if e.end <= start]
    if not before:
        return None
    opened = RELATIVE_CLAUSE.match(text[before[-1].end : start])
    # "Bowe noteerde achter Wüst, die de 1500 meter won, de tweede tijd (1.54,00)": a clause
    # closed by a comma before the cue has handed the sentence back to its subject.
    if opened is None or ", " in _ASIDES.sub("", text[before[-1].end + opened.end() : start]):
        return None
    return before[-1]


_ASIDES = re.compile(r"\([^()]{0,40}\)")


def _rank_owner(
    text: str, sentence: Sentence, entities: Sequence[Entity], cue: patterns.RankMention
) -> Entity | None:
    """Who a rank word belongs to: the entity it is handed to ("het zilver ging naar X"),
    else the clause's subject (the first entity not governed by "dan", "achter", …)."""
    start, end = cue.start, cue.end
    after = [e for e in entities if e.start >= end]
    if after:
        gap = text[end : after[0].start]
        # "werd tweede en brons was er voor Goetz": the bronze is Goetz's, not second.
        if (
            handed_on(gap, RECIPIENT_AFTER.search(gap + " ") is not None)
            and not OTHER_PRIZE.search(text, end, after[0].start)
            and not _won_ahead_of(text, sentence, entities, cue, gap)
        ):
            return after[0]
    if cue.cue in TEAM_RACE_HANDED:
        # "the men's team pursuit went to Italy"; "went to plan for Canada" hands nothing on.
        handed = after and HANDED_TO.match(text[end : after[0].start])
        return after[0] if handed else None
    if (
        after
        and cue.cue.casefold() in PASSIVE_WIN
        and PASSIVE_AGENT.match(text[end : after[0].start])
    ):
        return after[0]  # "Japan finished third in a race won by the Netherlands"
    if after and cue.cue.startswith(APPOSITIVE_CUES) and after[0].start - end <= 2:
        return after[0]  # "nummer twee Marijke Groenewoud", "behind winner Aiko Morimoto"
    before = [e for e in entities if e.end <= start]
    if before and BRACKETED.match(text[before[-1].end : start]):
        return before[-1]  # "Liam Gauthier (2de)"
    inverted = inverted_subject(text, sentence, entities, cue)
    if inverted is not None:
        return inverted  # "..., en eerder op de dag won Femke Kok de 500 meter"
    relative = _relative_owner(text, entities, start)
    if relative is not None:
        return relative
    subjects = [e for e in entities if not e.governed]
    before = [
        e
        for e in subjects
        if e.end <= start
        and not _aside(text, e, start)
        and not aside_closed(text, sentence, e, start)
        and not bracketed_before(text, sentence, e, start)
    ]
    if before:
        pair = _podium_pair(text, before, cue)
        if pair is not None:
            return pair
        listed = _plural_subjects(text, before, start)
        if listed:
            for other in listed[:-1]:
                other.ranks.append(cue)
            return listed[-1]
        shared = SHARED_SUBJECT.search(text, before[-1].end, start)
        if shared is not None:
            clause = max(text.rfind(mark, sentence.start, shared.start()) for mark in (", ", ";"))
            return next(e for e in before if e.start >= clause or e is before[-1])
        return before[-1]
    later = [e for e in subjects if e.start >= end and not _clause_between(text, end, e.start)]
    return later[0] if later else None


# Verbs of winning: "Hij won het klassement voor Snellink" has the win's subject before it,
# and "voor" after it is "ahead of" (issue 11, one skater one race), not "went to".
# "Ze werd kampioen voor Groenewoud en Conijn": a title's subject before it, too.
WIN_VERBS_AHEAD = frozenset(
    {"won", "wint", "wonnen", "winnen", "zegevierde", "zegevierden", "triomfeerde"}
    | {"kampioen", "kampioene"}
)


def _won_ahead_of(
    text: str, sentence: Sentence, entities: Sequence[Entity], cue: patterns.RankMention, gap: str
) -> bool:
    """ "Ze won de 500 meter voor Kok": a subject won, and the name after "voor" followed."""
    word = cue.cue.casefold().split()[-1]  # "nederlands kampioen": the title's last word
    if "voor" not in gap.casefold().split():
        return False
    # "Beune won de titel voor Groenewoud": any win right before a bare "voor" and a name
    # (not "de titel was voor X", "de zege ging naar X": those hand it on).
    if word not in WIN_VERBS_AHEAD and not (cue.rank == 1 and AHEAD_GAP.fullmatch(gap)):
        return False
    # "won ze de 5000 meter en werd ze kampioen voor Groenewoud": a second verb that shares
    # the subject keeps the clause.
    return any(
        not e.governed
        and e.end <= cue.start
        and (
            not SAME_CLAUSE_BREAK.search(text, e.end, cue.start)
            or SHARED_SUBJECT.search(text, e.end, cue.start) is not None
        )
        for e in entities
    )


AHEAD_GAP = re.compile(r"\s+(?:(?:nipt|net|ruim|knap)\s+)?voor\s+", re.IGNORECASE)


# "Ze troefde Sablikova af en pakte daarmee de wereldtitel": a second verb after "en" with
# no subject of its own shares the subject of the first.
SHARED_SUBJECT = re.compile(
    r"\b(?:en|and)\s+(?:(?:daarna|vervolgens|ook|then|also|later)\s+)?"
    r"(?:pakte|pakt|won|wint|werd|wordt|eindigde|eindigt|finishte|reed|rijdt|zette|greep|"
    r"veroverde|behaalde|haalde|sleepte|snelde|took|won|finished|claimed|grabbed|set|"
    r"secured|placed|skated|clocked|earned)\b",
    re.IGNORECASE,
)


# A win in the passive, its agent named right after: "a race won by the Netherlands", "de
# 500 meter, gewonnen door Kok" (issue 11, English team sentences).
PASSIVE_WIN = frozenset({"won", "gewonnen"})
PASSIVE_AGENT = re.compile(r"^\s+(?:by|door)\s+(?:(?:the|de|het)\s+)?$", re.IGNORECASE)
# A race handed to its winner (`ranks._RACE_WENT_TO`): the verb is the cue.
TEAM_RACE_HANDED = frozenset({"went", "ging", "was", "is"})
HANDED_TO = re.compile(
    # "ging de 1000 meter (bij de vrouwen) naar": the race between verb and recipient.
    r"^\s+(?:de\s+[\w.,]+(?:\s+[\w.,]+){0,4}?\s+)?(?:to|naar|voor)\s+(?:(?:the|de|het)\s+"
    # "ging de 10.000 meter naar de Italiaan Ghiotto": a nationality before the recipient.
    r"(?:(?-i:[A-Z][a-z]+e|" + "|".join(map(re.escape, dutch_nationality_nouns())) + r")\s+)?)?$",
    re.IGNORECASE,
)
APPOSITIVE_CUES = ("nummer", "number", "winner", "winnaar", "winnares", "runner-up")
BRACKETED = re.compile(r"^\s*\($")


# "De Boo en Kok zijn wereldkampioen sprint geworden": a plural verb after a list of names.
PLURAL_VERB = re.compile(
    r"^\s+(?:(?:\w+\s+){0,3}?)(?:zijn|werden|wonnen|pakten|veroverden|grepen|eindigden|were|"
    r"both|won\s+both)\b",
    re.IGNORECASE,
)


def _plural_subjects(text: str, before: Sequence[Entity], start: int) -> list[Entity]:
    """The skaters of a list that a plural verb makes the joint subject of a rank word."""
    if len(before) < 2 or not PLURAL_VERB.match(text[before[-1].end : start]):
        return []
    listed = [before[-1]]
    for entity in reversed(before[:-1]):
        if not LIST_GAP.match(text[entity.end : listed[0].start]):
            break
        listed.insert(0, entity)
    return listed if len(listed) > 1 and not any(e.team for e in listed) else []


# "Jackson and Kim rounded out the podium", "Leerdam en Jackson completeerden het podium":
# the two after the winner, second and third as named.
PODIUM_COMPLETED = re.compile(r"(?i)^(?:rounded|complet|maakten)")
PAIR_GAP = re.compile(r"^(?:\s*\([^()]{0,20}\))?\s+(?:and|en)\s+$", re.IGNORECASE)
BARE_GAP = re.compile(r"^(?:\s*\([^()]{0,20}\))?\s+$")


def _podium_pair(text: str, before: Sequence[Entity], cue: patterns.RankMention) -> Entity | None:
    """The second of a pair that completed the podium (its first made second), else None."""
    if cue.rank != 3 or len(before) < 2 or not PODIUM_COMPLETED.match(cue.cue):
        return None
    first, second = before[-2], before[-1]
    if (
        first.ranks
        or second.ranks
        or first.team
        or second.team
        or not PAIR_GAP.match(text[first.end : second.start])
        or not BARE_GAP.match(text[second.end : cue.start])
        or (len(before) > 2 and LIST_GAP.match(text[before[-3].end : first.start]))
        # Named out of order when their times say so: then who was second is not said.
        or (first.times and second.times and first.times[0].seconds > second.times[0].seconds)
    ):
        return None
    first.ranks.append(patterns.RankMention(first.start, first.end, 2, "podium pair"))
    return second


def _clause_between(text: str, start: int, end: int) -> bool:
    """A comma or semicolon between a cue and a later name: "werd 2de in 6.13,02, Hofstede
    eindigde als 7e" — the time is not Hofstede's."""
    return any(mark in text[start:end] for mark in (", ", ";", ": "))


def _time_owner(
    text: str, sentence: Sentence, entities: Sequence[Entity], time: HasSpan
) -> Entity | None:
    """Who skated a time: "de tijd van 1.14,29 van Takagi" names them after it, "Bowe werd
    met 1.14,55 vierde" and "Fiola (34.91)" before it."""
    start, end = time.start, time.end
    after = [e for e in entities if e.start >= end]
    before = [e for e in entities if e.end <= start]
    owner_after = after and TIME_OWNER_AFTER.search(text[end : after[0].start])
    # "won in 36,90 voor Leerdam": after a subject, "voor" is "ahead of", not "for".
    subject = next((e for e in reversed(before) if not e.governed), None)
    ahead = (
        owner_after
        and subject is not None
        and "voor" in owner_after.group().casefold()
        and not SAME_CLAUSE_BREAK.search(text, subject.end, start)
    )
    if owner_after and not ahead:
        return after[0]
    if before and BRACKETED.match(text[before[-1].end : start]):
        return before[-1]  # "voor Canada (2.56,44)"
    relative = _relative_owner(text, entities, start)
    if relative is not None:
        return relative
    before = [e for e in entities if e.end <= start]
    candidates = [
        e
        for e in before
        if not e.governed
        and not _aside(text, e, start)
        and not aside_closed(text, sentence, e, start)
        and not bracketed_before(text, sentence, e, start)
    ] or before
    if candidates:
        # "Verbij gaf 0,17 toe op Nuis en eindigde met 1.09,40": a second verb after "en"
        # shares the clause's subject, as it does for places.
        shared = SHARED_SUBJECT.search(text, candidates[-1].end, start)
        if shared is not None and len(candidates) > 1:
            clause = max(text.rfind(mark, sentence.start, shared.start()) for mark in (", ", ";"))
            return next(e for e in candidates if e.start >= clause or e is candidates[-1])
        return candidates[-1]
    return after[0] if after and not _clause_between(text, end, after[0].start) else None


COORDINATION = re.compile(r"^\s*(?:,|en|and|&|,\s*and|,\s*en)\s*$", re.IGNORECASE)


# Between two names of a list: a conjunction, and perhaps a time or place in brackets.
# "Boutin en de Italiaanse Fontana", "Blondin and Italy's Lollobrigida": a nationality may
# stand before the next name of a list.
LIST_GAP = re.compile(
    r"^[\s,]*(?:\([^)]{0,20}\))?[\s,]*(?:en|and|&)?\s*"
    r"(?:(?:de|the)\s+(?-i:[A-Z][a-z]+e)\s+|(?-i:(?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*)['’]s\s+"
    # "Gao Tingyu (34,29) en de Canadees Dubreuil": the men's noun as well as the -e form.
    r"|de\s+(?-i:" + "|".join(map(re.escape, dutch_nationality_nouns())) + r")\s+)?$",
    re.IGNORECASE,
)


def _pair_respectively(
    text: str, entities: Sequence[Entity], cues: list[patterns.RankMention]
) -> list[patterns.RankMention]:
    """ "Fiola (34.91) and Brunet (35.42) placed eighth and 19th": a list of names and a list
    of places, paired in order. Returns the cues left for the usual assignment."""
    for i in range(len(cues) - 1):
        run = [cues[i]]
        for nxt in cues[i + 1 :]:
            if COORDINATION.match(text[run[-1].end : nxt.start]):
                run.append(nxt)
            else:
                break
        if len(run) < 2:
            continue
        named = [e for e in entities if e.end <= run[0].start]
        listed = named[-len(run) :]
        if len(listed) == len(run) and all(
            LIST_GAP.match(text[a.end : b.start]) for a, b in itertools.pairwise(listed)
        ):
            for entity, cue in zip(listed, run, strict=True):
                entity.ranks.append(cue)
            return [c for c in cues if c not in run]
    return cues
