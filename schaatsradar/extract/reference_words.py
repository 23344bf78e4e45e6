"""The words of a phrase that refers back to a skater ("de Canadese", "de 26-jarige
schaatsster", "the 21-year-old", a clause-initial "zij"/"hij") and the patterns built from them.

Why a module of its own: only the reference step of the name finder (`name_references`) reads
these; the words every step reads (roles, nationalities, skater context) stay in `name_words`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from schaatsradar.extract.name_words import _EN_NATIONALITY, _NL_NATIONALITY, _gendered, _words
from schaatsradar.extract.scanning import trie
from schaatsradar.extract.types import Gender

# What may follow "de Nederlandse" / "the Canadian" when it stands for a person (a verb or a
# function word), as opposed to a noun it qualifies ("de Nederlandse ploeg").
_FOLLOW_OK = _words(
    "en of maar want die dat met in op bij uit aan voor na naar van tot over tegen door om als "
    "dan ook nog al wel niet weer toch dus zelf er daar hier nu toen meteen direct "
    "uiteindelijk opnieuw eerder later vervolgens echter immers namelijk zich het de een haar "
    "zijn hun is was werd wordt had heeft kwam komt ging gaat deed doet won wint pakte pakt "
    "reed rijdt bleef blijft moest moet kon kan wist weet zei zegt liet laat zette zet vloog "
    "vliegt eindigde eindigt finishte finisht klokte klokt noteerde noteert versloeg verslaat "
    "verloor verliest viel "
    "valt stond staat begon begint start startte toonde maakte maakt kreeg krijgt hield houdt "
    "nam neemt greep grijpt verbeterde verbetert legde reageerde reageert vertelde vertelt "
    "schaatste schaatst zag ziet stuurde deelde gaf geeft mocht mag wilde wil zou zal bleek "
    "lijkt leek sprak verraste troefde rekende veroverde verovert domineerde raakte zat zit "
    "lag ligt kende hoopt hoopte bewees "
    # Strong and irregular verbs a subject description is followed by ("de Noord-Hollandse
    # dook onder het baanrecord"): no -de/-te ending tells them apart from a noun.
    "dook duikt schoot schiet liep loopt sprong springt trok trekt vocht vecht bracht "
    "brengt vond vindt sloot sluit stak steekt schreef schrijft kroop glipte snelde zegevierde "
    "verdween verscheen ontbrak slaagde faalde heerste strandde sneuvelde knalde "
    "rode rides ran runs hit hits got gets fell falls sped speeds swept sweeps struck strikes "
    "kept keeps stood stands gave gives grabbed earned posted "
    "and or but who which that with in on at for from to of also then has had was is will "
    "would could won wins took takes finished finishes clocked skated set sets broke said "
    "says added told beat edged claimed made came went led holds held remains"
)
_NOT_PERSON_NOUNS = _words(
    "ploeg team bond schaatsbond selectie vlag mannen vrouwen dames heren equipe formatie "
    "kampioenschappen titel record tijd baan hoogte ploegleiding federatie media pers reden "
    "squad federation association time"
)
_PRONOUNS: dict[str, Gender] = {
    "zij": "women",
    "ze": "women",
    "she": "women",
    "hij": "men",
    "he": "men",
}
_CLAUSE_OPENERS = _words(
    "en maar want dus toen terwijl omdat nadat zodat dat als and but while because after as "
    "that when so"
)
_NL_PERSON_NOUNS = _gendered(
    "schaatsster topschaatsster langebaanschaatsster sprintster allroundster shorttrackster "
    "kampioene wereldkampioene titelverdedigster winnares favoriete topfavoriete debutante "
    "recordhoudster wereldrecordhoudster routinière rijdster",
    "schaatser topschaatser langebaanschaatser sprinter allrounder shorttracker kampioen "
    "wereldkampioen titelverdediger winnaar favoriet topfavoriet debutant recordhouder "
    "wereldrecordhouder routinier",
)
# "De rijder van Team Reggeborgh" is said of women too.
_NL_PERSON_NOUNS["rijder"] = None
# Words between "de" and the noun: "de regerend wereldkampioene", "de 20-jarige Nederlands
# kampioen". ("de voormalig topschaatser" is deliberately absent: a former skater is someone
# else.)
_NL_MODIFIERS = _words(
    "regerend tweevoudig drievoudig viervoudig vijfvoudig zesvoudig meervoudig olympisch "
    "olympische ervaren jonge debuterende huidige nieuwe europees nederlands "
    "Europees Nederlands Olympisch Olympische"  # "de 20-jarige Nederlands kampioen"
)
_EN_PERSON_NOUNS: dict[str, Gender | None] = dict.fromkeys(
    [
        "skater",
        "speed skater",
        "speedskater",
        "sprinter",
        "champion",
        "titleholder",
        "winner",
        "veteran",
        "star",
    ]
)
_EN_MODIFIERS = _words(
    "reigning defending two-time three-time four-time five-time olympic world young veteran"
)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _reference_pattern(
    det: str,
    age: str,
    modifiers: Iterable[str],
    nats: Iterable[str],
    nouns: Iterable[str],
    alternation: Callable[[Iterable[str]], str] = _alternation,
) -> str:
    mods = rf"(?:(?:{alternation(modifiers)})\s+)*"
    # Led by a test of the determiner's first letter ("[Dd]"): the regex engine turns away
    # every other position with one set test (see `scanning.Rx`) instead of trying it all.
    first = det[: det.index("]") + 1]
    return (
        rf"(?={first})(?<![\w-])(?:{det})\s+{mods}"
        rf"(?:(?P<age>\d{{1,2}})-{age}(?![\w-])\s*)?{mods}"
        rf"(?:(?P<nat>{alternation(nats)})(?![\w-])\s*)?{mods}"
        rf"(?:(?P<noun>{alternation(nouns)})(?![\w-]))?"
    )


def _saying_pattern(
    det: str, age: str, modifiers: Iterable[str], nats: Iterable[str], nouns: Iterable[str]
) -> re.Pattern[str]:
    """Where a reference phrase that says something (an age, a nationality or a noun) may
    start: `_reference_pattern` with one of its groups required, its word lists factored
    (`scanning.trie`, whose "\\s" for a space only widens it). Why: the phrase pattern
    matches at every "de"/"the" of a text, so its scan handed Python one match per "de" to
    turn away ("de de de ...": a third of a hostile 100 KB input's time); this one passes
    over them in the regex engine. It matches wherever the phrase pattern matches with a
    group (and maybe elsewhere), so only its places need the phrase pattern's own reading."""
    body = _reference_pattern(det, age, modifiers, nats, nouns, trie)
    return re.compile(body + "(?(age)|(?(nat)|(?(noun)|(?!))))")


_NL_REFERENCE = re.compile(
    _reference_pattern("[Dd]e", "jarige", _NL_MODIFIERS, _NL_NATIONALITY, _NL_PERSON_NOUNS)
)
_EN_REFERENCE = re.compile(
    _reference_pattern("[Tt]he", "year-old", _EN_MODIFIERS, _EN_NATIONALITY, _EN_PERSON_NOUNS)
)
_NL_SAYING = _saying_pattern("[Dd]e", "jarige", _NL_MODIFIERS, _NL_NATIONALITY, _NL_PERSON_NOUNS)
_EN_SAYING = _saying_pattern("[Tt]he", "year-old", _EN_MODIFIERS, _EN_NATIONALITY, _EN_PERSON_NOUNS)
