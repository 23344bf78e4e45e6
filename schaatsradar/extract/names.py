"""Finding the skaters an article refers to, with exact character spans.

A pure function of (text, registry). The text is cut into word tokens once; registry names are
then found through a token index (first word -> names), never with a regex per skater, so a
long article costs a few dictionary look-ups per word. On top of that, in this order:

1. full names and aliases of registry skaters (accent/case/hyphen-insensitive; the possessive
   "Leerdams", "Eitrem's" included);
2. runs of capitalised words that are not registry names: a close misspelling of a registry
   name ("fuzzy"), else a candidate person, who counts as an (unknown) skater only when a
   sentence about them has skater context (a race time, a rank, "schaatster", ...);
3. surnames on their own, resolved to a person the article names in full, else to the only
   registry skater with that surname;
4. people named only as coach, analyst, partner, ... are dropped, with their surnames;
5. references ("de Nederlandse", "the 21-year-old", a clause-initial "zij"/"hij"), resolved to
   the most recent compatible skater in the same or the previous two sentences.

Every rule is a general rule of Dutch or English sports writing; none is tuned to one article.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz

from schaatsradar.extract.lexicon import PROMOTION_WORDS, RACE_TIME
from schaatsradar.extract.registry import (
    EAST_ASIAN_COUNTRIES,
    PARTICLES,
    NameEntry,
    Registry,
    norm_parts,
)
from schaatsradar.extract.types import Gender, Skater

__all__ = ["How", "NameMention", "find_skaters"]

How = Literal["full", "alias", "surname", "fuzzy", "unknown", "reference"]


@dataclass(frozen=True)
class NameMention:
    """One place where the article refers to a skater."""

    start: int
    end: int  # text[start:end] is exactly the words referring to the skater
    skater: Skater
    how: How


# ---------------------------------------------------------------------------------------------
# Word lists (casefolded). They describe the language, not any article.
# ---------------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _gendered(women: str, men: str) -> dict[str, Gender | None]:
    out: dict[str, Gender | None] = dict.fromkeys(women.split(), "women")
    out.update(dict.fromkeys(men.split(), "men"))
    return out


# Nationality words -> (IOC code, gender the form implies). Dutch has a noun for men and an
# -e/-se form that is both the adjective and the noun for women: "de Noor", "de Noorse".
_NL_NATIONALITY: dict[str, tuple[str, Gender | None]] = {}
for _code, _man, _woman in [
    ("NED", "Nederlander", "Nederlandse"),
    ("CAN", "Canadees", "Canadese"),
    ("NOR", "Noor", "Noorse"),
    ("USA", "Amerikaan", "Amerikaanse"),
    ("JPN", "Japanner", "Japanse"),
    ("GER", "Duitser", "Duitse"),
    ("ITA", "Italiaan", "Italiaanse"),
    ("CHN", "Chinees", "Chinese"),
    ("KOR", "Zuid-Koreaan", "Zuid-Koreaanse"),
    ("KOR", "Koreaan", "Koreaanse"),
    ("POL", "Pool", "Poolse"),
    ("CZE", "Tsjech", "Tsjechische"),
    ("BEL", "Belg", "Belgische"),
    ("FRA", "Fransman", "Franse"),
    ("SWE", "Zweed", "Zweedse"),
    ("AUT", "Oostenrijker", "Oostenrijkse"),
    ("SUI", "Zwitser", "Zwitserse"),
    ("RUS", "Rus", "Russische"),
    ("BLR", "Wit-Rus", "Wit-Russische"),
    ("KAZ", "Kazach", "Kazachse"),
    ("KAZ", "Kazachstaan", "Kazachstaanse"),
    ("LAT", "Let", "Letse"),
    ("DEN", "Deen", "Deense"),
    ("EST", "Est", "Estse"),
    ("GBR", "Brit", "Britse"),
    ("GBR", "Schot", "Schotse"),
    ("GBR", "Engelsman", "Engelse"),
    ("IRL", "Ier", "Ierse"),
    ("HUN", "Hongaar", "Hongaarse"),
    ("FIN", "Fin", "Finse"),
    ("ESP", "Spanjaard", "Spaanse"),
    ("AUS", "Australiër", "Australische"),
    ("NZL", "Nieuw-Zeelander", "Nieuw-Zeelandse"),
    ("UKR", "Oekraïner", "Oekraïense"),
    ("LTU", "Litouwer", "Litouwse"),
    ("ROU", "Roemeen", "Roemeense"),
    ("SLO", "Sloveen", "Sloveense"),
    ("CRO", "Kroaat", "Kroatische"),
    # Dutch regions: a "Fries" or a "Zuid-Hollandse" is a Dutch skater.
    ("NED", "Fries", "Friese"),
    ("NED", "Groninger", "Groningse"),
    ("NED", "Drent", "Drentse"),
    ("NED", "Brabander", "Brabantse"),
    ("NED", "Limburger", "Limburgse"),
    ("NED", "Zeeuw", "Zeeuwse"),
    ("NED", "Hollander", "Hollandse"),
    ("NED", "Noord-Hollander", "Noord-Hollandse"),
    ("NED", "Zuid-Hollander", "Zuid-Hollandse"),
    ("NED", "Utrechter", "Utrechtse"),
    ("NED", "Twentenaar", "Twentse"),
    ("NED", "Overijsselaar", "Overijsselse"),
    ("NED", "Gelderlander", "Gelderse"),
    ("NED", "Amsterdammer", "Amsterdamse"),
    ("NED", "Rotterdammer", "Rotterdamse"),
]:
    _NL_NATIONALITY[_man] = (_code, "men")
    _NL_NATIONALITY[_woman] = (_code, "women")
_NL_NATIONALITY["Friezin"] = ("NED", "women")

_EN_NATIONALITY: dict[str, tuple[str, Gender | None]] = {
    "Dutchman": ("NED", "men"),
    "Dutchwoman": ("NED", "women"),
    "Frenchman": ("FRA", "men"),
    "Frenchwoman": ("FRA", "women"),
    "Englishman": ("GBR", "men"),
    "Englishwoman": ("GBR", "women"),
}
for _code, _forms in [
    ("NED", "Dutch"),
    ("CAN", "Canadian"),
    ("NOR", "Norwegian"),
    ("USA", "American"),
    ("JPN", "Japanese"),
    ("GER", "German"),
    ("ITA", "Italian"),
    ("CHN", "Chinese"),
    ("KOR", "Korean South-Korean"),
    ("POL", "Pole Polish"),
    ("CZE", "Czech"),
    ("BEL", "Belgian"),
    ("FRA", "French"),
    ("SWE", "Swede Swedish"),
    ("AUT", "Austrian"),
    ("SUI", "Swiss"),
    ("RUS", "Russian"),
    ("BLR", "Belarusian"),
    ("KAZ", "Kazakh Kazakhstani"),
    ("LAT", "Latvian"),
    ("DEN", "Dane Danish"),
    ("EST", "Estonian"),
    ("GBR", "Briton British Scot Scottish"),
    ("HUN", "Hungarian"),
    ("FIN", "Finn Finnish"),
    ("ESP", "Spaniard Spanish"),
    ("AUS", "Australian"),
    ("UKR", "Ukrainian"),
]:
    for _form in _forms.split():
        _EN_NATIONALITY[_form] = (_code, None)
_EN_NATIONALITY["South Korean"] = ("KOR", None)
# English adjectives that, alone, name a whole people ("the Dutch", "the French").
_EN_ADJECTIVE_ONLY = _words("Dutch French British Polish Swedish Danish Finnish Spanish Scottish")
_NATIONALITY_WORDS = frozenset(
    w.casefold() for w in (*_NL_NATIONALITY, *_EN_NATIONALITY) if " " not in w
) | _words(
    "nederlands noors canadees duits italiaans chinees pools tsjechisch belgisch frans zweeds "
    "oostenrijks zwitsers russisch japans amerikaans koreaans south north zuid noord asian "
    "european aziatisch europees aziatische europese olympisch olympische olympic"
)
_COUNTRIES = _words(
    "nederland holland belgië belgie duitsland frankrijk italië italie noorwegen zweden finland "
    "denemarken polen tsjechië tsjechie oostenrijk zwitserland rusland wit-rusland belarus "
    "kazachstan letland estland litouwen hongarije china japan korea zuid-korea noord-korea "
    "canada amerika verenigde staten vs groot-brittannië engeland schotland spanje portugal "
    "australië oekraïne roemenië slowakije slovenië kroatië servië turkije taiwan mongolië "
    "nieuw-zeeland netherlands belgium germany france italy norway sweden denmark poland "
    "czechia czechoslovakia republic austria switzerland russia kazakhstan latvia estonia "
    "lithuania hungary america united states kingdom great britain england scotland spain "
    "australia zealand ukraine romania slovakia slovenia croatia serbia turkey usa europe "
    "europa azië asia"
)
_MONTHS_DAYS = _words(
    "januari februari maart april mei juni juli augustus september oktober november december "
    "january february march may june july august october "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "monday tuesday wednesday thursday friday saturday sunday "
    "zaterdagmiddag zaterdagavond zondagmiddag zondagavond vrijdagavond"
)
# Competitions, organisations, media and page furniture: capitalised, but never a person.
_EVENTS_ORGS = _words(
    "world cup cups championship championships games olympics olympiad spelen winterspelen "
    "zomerspelen wereldbeker wereldbekers wereldbekerwedstrijd wereldbekerfinale "
    "wereldkampioenschap wereldkampioenschappen kampioenschap kampioenschappen toernooi "
    "grand prix final finals finale series league masters trophy trofee classic continents "
    "international skating speed union federation federatie association committee comité "
    "bond schaatsbond team ploeg club vereniging stichting academy academie university "
    "universiteit college school ice ijs arena stadion stadium oval ijsstadion halle center "
    "centre sportpark sportforum press news nieuws sports sport media tv radio studio "
    "journaal krant dagblad magazine online app website redactie foto fotos photo photos video "
    "videos update live blog podcast watch related stories story skip main content help "
    "accessibility duration corrections clarifications journalistic standards practices "
    "advertentie advertisement nieuwsbrief newsletter google instagram twitter facebook "
    "youtube tiktok discover download lees volg bekijk check abonneer meer more read share "
    "inc ltd bv nv group groep holding medaillespiegel uitslagen uitslag results result "
    "standings klassement programma schema kalender schaatskalender schaatspagina shorttrack "
    "langebaan marathon massastart ploegenachtervolging teamsprint allround sprint relay "
    "pursuit aflossing men women mannen vrouwen heren dames men's women's winter summer zomer "
    "nk ek wk"
)
# Titles the English press capitalises before a name ("Skate Canada President John Smith").
_CAPITALISED_TITLES = _words(
    "president coach minister king queen prince princess mayor chairman director ceo "
    "koning koningin prins prinses burgemeester premier"
)
# A person named with one of these words right next to them is not a skater in that article.
_ROLE_WORDS = _words(
    "analist analiste commentator commentatrice co-commentator coach trainer trainster "
    "bondscoach ploegleider teamleider teammanager directeur manager chef-equipe vriend "
    "vriendje vriendin verloofde echtgenoot echtgenote partner bokser boxer presentator "
    "presentatrice voorzitter journalist verslaggever fotograaf cameraman scheidsrechter "
    "starter jurylid official arts dokter fysiotherapeut psycholoog zanger zangeres rapper "
    "acteur actrice voetballer wielrenner wielrenster tennisser tennisster minister premier "
    "koning koningin prins prinses burgemeester woordvoerder woordvoerster directrice "
    "bestuurder topman topvrouw eigenaar sponsor influencer youtuber columnist columniste "
    "expert deskundige "
    "analyst pundit boyfriend girlfriend fiance fiancé fiancee fiancée husband wife presenter "
    "host president chairman chairwoman director reporter photographer referee spokesperson "
    "spokesman spokeswoman singer actor actress footballer cyclist king queen prince princess "
    "mayor owner ceo"
)
# Role words that make compounds: "tv-analist", "hoofdtrainer", "sprintcoach".
_ROLE_SUFFIXES = (
    "analist",
    "analiste",
    "analyst",
    "commentator",
    "coach",
    "trainer",
    "trainster",
    "bokser",
    "voorzitter",
    "presentator",
    "presentatrice",
    "journalist",
    "verslaggever",
    "fotograaf",
    "woordvoerder",
    "voetballer",
    "wielrenner",
)
_FORMER = _words("voormalig voormalige oud ex former retired gewezen")
_CREDIT_WORDS = _words("foto photo fotograaf photographer credit credits beeld bron source")
_BYLINE_WORDS = _words("door by")

# Ordinary words that are capitalised only because they open a sentence or a heading. In the
# middle of a sentence a capitalised "Groot" or "Klein" is a name.
_COMMON = _words(
    "de het een en of maar want dus toen als dan dat die dit deze daar hier er ook nog al wel "
    "niet geen nu zo zoals omdat terwijl nadat voordat sinds tot met van voor na naar in op bij "
    "uit aan om over onder tegen door zonder tijdens volgens vanaf ondanks binnen buiten achter "
    "naast tussen ik je jij u hij zij ze we wij jullie men mijn zijn haar hun ons onze jouw uw "
    "wie wat waar wanneer hoe waarom welke welk elke ieder iedereen alle alles beide veel "
    "weinig meer minder meest eerst eerder later daarna daarom daarmee daarbij daardoor daarin "
    "daarop daarvoor verder toch echter immers bovendien ondertussen intussen inmiddels "
    "vervolgens uiteindelijk eindelijk opnieuw weer vandaag gisteren morgen vanavond vanmorgen "
    "ja nee oké misschien zeker helaas gelukkig vooral alleen zelfs steeds altijd nooit vaak "
    "soms ooit net pas juist bijna ruim zowel noch hoewel zodra ongeveer vorig vorige volgend "
    "volgende afgelopen komend komende nieuw nieuwe oud oude groot grote klein kleine snel "
    "snelle sterk sterker sterkst beste goede goed mooi mooie ervaren jonge jong succes "
    "succesvol schade opvallend hard harde eens twee drie vier vijf zes zeven acht negen tien "
    "elf twaalf waarin waarmee dankzij "
    "the a an and or but so if then when while after before since until with without for from "
    "of on at by to into over under about as also meanwhile however still yet this that these "
    "those there here he she it they we you i his her their our my your its who what where "
    "why how which all both each every many more most some no not only even just now today "
    "yesterday tomorrow last next new dear mr mrs ms dr sir hello welcome breaking exclusive "
    "big great good best fast"
)
# Sports titles and words that headings capitalise, never words of a name.
_SPORTS_TITLES = _words(
    "regerend tweevoudig drievoudig viervoudig vijfvoudig meervoudig debuterende huidige titel "
    "kampioen kampioene wereldkampioen wereldkampioene europees nederlands olympisch "
    "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende goud zilver brons "
    "gouden zilveren bronzen medaille record wereldrecord baanrecord schaatsen schaatser "
    "schaatsster schaatsers schaatssters shorttracker shorttrackers topschaatser "
    "topschaatsster former current reigning defending two-time three-time four-time five-time "
    "world european national olympic gold silver bronze medal record champion winner "
    "teammates teammate skater skaters speedskater speedskaters"
)
# Titles a report puts before a skater's name ("Titelverdediger Marwin Talsma", "Defending
# champion X", "recordhouder X"): a role in the race, never a word of the name.
_TITLE_BEFORE_NAME = _words(
    "titelverdediger titelverdedigster recordhouder recordhoudster wereldrecordhouder "
    "wereldrecordhoudster baanrecordhouder baanrecordhoudster debutant debutante favoriet "
    "favorite topfavoriet titleholder title-holder record-holder newcomer rookie"
)
# Never a word of a person's name, wherever it stands.
_NEVER_NAME = (
    _SPORTS_TITLES
    | _TITLE_BEFORE_NAME
    # "Noor" is also a common Dutch given name ("Noor Visscher"); "de Noor" stays a reference.
    | (_NATIONALITY_WORDS - {"noor"})
    | _COUNTRIES
    | _MONTHS_DAYS
    | _EVENTS_ORGS
    | _CAPITALISED_TITLES
    | _CREDIT_WORDS
)
# The only words an English title-case heading leaves in lower case.
_TITLE_SMALL_WORDS = _words(
    "a an the and or but nor of in on at to for by with from as vs via per into over up"
)
# Surnames that are also ordinary words opening a sentence ("Snel naar huis", "Klein verschil").
_SENTENCE_INITIAL_AMBIGUOUS = (
    _COMMON | _SPORTS_TITLES | _words("snel klein roest vos veen tas fish hall quinn")
)

# Skater context. Rank words are weak evidence (a boxer wins too); skating verbs, skater nouns
# and race times are strong evidence, strong enough to outweigh a role word elsewhere.
_RANK_WORDS = _words(
    "won wint winnen gewonnen winnaar winnares zege zegeviert zegevierde overwinning goud "
    "gouden zilver zilveren brons bronzen podium podiumplek podiumplaats plaats plek medaille "
    "medailles eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde "
    "twaalfde dertiende veertiende vijftiende zestiende zeventiende achttiende negentiende "
    "twintigste eindigde eindigt versloeg verslaat onttroonde debuteerde kwalificeerde "
    "wereldtitel titel titelverdediger titelverdedigster "
    "wins win winner winning victory victorious gold silver bronze podium medal medals "
    "medallist medalist place placed places finished finishes competed beat defeated "
    "runner-up first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth title beste sterkste snelste kampioen kampioene wereldkampioen "
    "wereldkampioene best fastest strongest champion"
)
_SKATING_VERBS = _words(
    "rijdt reed reden gereden schaatst schaatste schaatsten finishte klokte noteerde startte "
    "clocked skated skates raced"
)
_SKATER_NOUN = re.compile(
    r"(?:schaatser|schaatsster|shorttracker|shorttrackster|sprinter|sprintster|allrounder|"
    r"allroundster|skater|kampioen|kampioene|champion)s?$"
)
_ORDINAL = re.compile(r"(?<!\w)\d{1,2}(?:st|nd|rd|th|ste|de|e)(?!\w)")

# What may follow "de Nederlandse" / "the Canadian" when it stands for a person (a verb or a
# function word), as opposed to a noun it qualifies ("de Nederlandse ploeg").
_FOLLOW_OK = _words(
    "en of maar want die dat met in op bij uit aan voor na naar van tot over tegen door om als "
    "dan ook nog al wel niet weer toch dus zelf er daar hier nu toen meteen direct "
    "uiteindelijk opnieuw eerder later vervolgens echter immers namelijk zich het de een haar "
    "zijn hun is was werd wordt had heeft kwam komt ging gaat deed doet won wint pakte pakt "
    "reed rijdt bleef blijft moest moet kon kan wist weet zei zegt liet laat zette zet vloog "
    "vliegt eindigde eindigt finishte klokte noteerde versloeg verslaat verloor verliest viel "
    "valt stond staat begon begint start startte toonde maakte maakt kreeg krijgt hield houdt "
    "nam neemt greep grijpt verbeterde verbetert legde reageerde reageert vertelde vertelt "
    "schaatste schaatst zag ziet stuurde deelde gaf geeft mocht mag wilde wil zou zal bleek "
    "lijkt leek sprak verraste troefde rekende veroverde verovert domineerde raakte zat zit "
    "lag ligt kende hoopt hoopte bewees "
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
    "recordhoudster wereldrecordhoudster routinière",
    "schaatser topschaatser langebaanschaatser sprinter allrounder shorttracker kampioen "
    "wereldkampioen titelverdediger winnaar favoriet topfavoriet debutant recordhouder "
    "wereldrecordhouder routinier",
)
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
    det: str, age: str, modifiers: Iterable[str], nats: Iterable[str], nouns: Iterable[str]
) -> re.Pattern[str]:
    mods = rf"(?:(?:{_alternation(modifiers)})\s+)*"
    return re.compile(
        rf"(?<![\w-])(?:{det})\s+{mods}"
        rf"(?:(?P<age>\d{{1,2}})-{age}(?![\w-])\s*)?{mods}"
        rf"(?:(?P<nat>{_alternation(nats)})(?![\w-])\s*)?{mods}"
        rf"(?:(?P<noun>{_alternation(nouns)})(?![\w-]))?"
    )


_NL_REFERENCE = _reference_pattern(
    "[Dd]e", "jarige", _NL_MODIFIERS, _NL_NATIONALITY, _NL_PERSON_NOUNS
)
_EN_REFERENCE = _reference_pattern(
    "[Tt]he", "year-old", _EN_MODIFIERS, _EN_NATIONALITY, _EN_PERSON_NOUNS
)

# ---------------------------------------------------------------------------------------------
# Text analysis: tokens, sentences, quotes, context.
# ---------------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[’']t(?![^\W\d_])|[^\W\d_]+(?:[-‐‑][^\W\d_]+|['’][^\W\d_]+)*")
_SAME_LINE_GAP = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*[ \t\u00a0]+")
_WORD_BEFORE_STOP = re.compile(r"([^\W\d_][\w.]*)[.!?…]*$")
_ABBREVIATIONS = _words(
    "dhr mevr mr mrs ms dr st nr vs ca bijv o.a i.p.v jr sr prof ing drs mt que calif ont no"
)
_QUOTES = re.compile(
    r"\"[^\"\n]{1,800}\"|“[^”\n]{1,800}”|„[^”“\n]{1,800}[”“]|«[^»\n]{1,800}»"
    r"|(?<![\w’'])[‘'](?!t\b)[^‘’'\n]{2,400}[’'](?![\w’'])"
)
_OPENERS = frozenset('"“„‘«(:|–—-•*')
_WEAK_PARTICLES = _words("in op het te")  # particles only before another: "in 't Hof"


def _is_role_token(lower: str) -> bool:
    return (
        lower in _ROLE_WORDS
        or lower.endswith(_ROLE_SUFFIXES)
        or (lower.startswith(("oud-", "ex-")) and len(lower) > 4)
    )


@dataclass(frozen=True, slots=True)
class _WordInfo:
    """What the rules need to know about a word wherever it stands (cached per word)."""

    parts: tuple[str, ...]  # normalised words, hyphenated parts split: "Rijpma-De" -> 2
    lower: str
    caps: bool
    name_word: bool  # could be a word of a name, if it does not open a sentence
    common: bool  # an ordinary word when it opens a sentence
    skater_noun: bool  # "schaatsster", "skater", ... (not "oud-schaatser")
    context: int  # 2: strong skater context (skating verb, skater noun); 1: rank word
    headline_lower: bool  # a lower-case word that a title-case heading would capitalise
    particle: bool  # "van", "de", "'t", also capitalised "Van" inside a name
    poss_parts: tuple[str, ...] | None  # parts without a possessive -s / 's
    poss_cut: int


@lru_cache(maxsize=65536)
def _word_info(word: str) -> _WordInfo:
    lower = word.casefold()
    caps = word[0].isupper()
    parts = norm_parts(word)
    name_word = caps and len(word) >= 2 and word.upper() != word and lower not in _NEVER_NAME
    poss_parts: tuple[str, ...] | None = None
    cut = 0
    if caps and len(word) >= 4:
        if word.endswith(("'s", "’s")):
            poss_parts, cut = norm_parts(word[:-2]), 2
        elif word.endswith("s") and word[-2].islower():
            poss_parts, cut = norm_parts(word[:-1]), 1
    role = _is_role_token(lower)
    noun = bool(_SKATER_NOUN.search(lower)) and not role
    context = 2 if noun or lower in _SKATING_VERBS else 1 if lower in _RANK_WORDS else 0
    return _WordInfo(
        parts=parts,
        lower=lower,
        caps=caps,
        name_word=name_word,
        common=lower in _COMMON or role,
        skater_noun=noun,
        context=context,
        headline_lower=not caps and lower not in _TITLE_SMALL_WORDS,
        particle=len(parts) == 1 and parts[0] in PARTICLES and len(word) <= 4,
        poss_parts=poss_parts,
        poss_cut=cut,
    )


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    info: _WordInfo
    sent: int
    initial: bool  # opens a sentence, a quote, a heading or a parenthesis
    joined: bool  # only spaces between this token and the previous one (same sentence)
    core: bool  # could be a word of a name here

    @property
    def parts(self) -> tuple[str, ...]:
        return self.info.parts

    @property
    def lower(self) -> str:
        return self.info.lower


@dataclass(slots=True)
class _Doc:
    text: str
    tokens: list[_Token]
    sent_starts: list[int]
    context: list[bool]  # sentence has skater context (outside quotes and promotion)
    strong: list[bool]  # ... of the strong kind
    boilerplate: list[bool]
    title_case: list[bool]
    quotes: list[tuple[int, int]]
    quote_starts: list[int]
    rank: list[int]  # sentence number counting only sentences with words (not blank lines)

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)


def _sentence_starts(text: str) -> list[int]:
    """Sentence boundaries: line breaks, and . ! ? followed by a capital (not after an
    initial or a common abbreviation)."""
    starts = {0}
    pos = text.find("\n")
    while pos != -1:
        starts.add(pos + 1)
        pos = text.find("\n", pos + 1)
    for m in _SENTENCE_END.finditer(text):
        nxt = m.end()
        if nxt >= len(text):
            continue
        ch = text[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in '"“„‘«(['):
            continue
        if m.group().startswith("."):
            word = _WORD_BEFORE_STOP.search(text[max(0, m.start() - 20) : m.start() + 1])
            if word:
                w = word.group(1).rstrip(".")
                if (len(w) == 1 and w.isupper()) or w.casefold() in _ABBREVIATIONS:
                    continue
        starts.add(nxt)
    return sorted(starts)


def _ranks(n_sent: int, tokens: list[_Token]) -> list[int]:
    """Sentence numbers that skip blank lines, so that "the previous two sentences" of a
    reference are sentences with words in them."""
    has_words = [False] * n_sent
    for tok in tokens:
        has_words[tok.sent] = True
    ranks: list[int] = []
    rank = -1
    for filled in has_words:
        rank += filled
        ranks.append(max(rank, 0))
    return ranks


def _analyse(text: str) -> _Doc:
    """Tokens with their flags, sentence boundaries, quoted stretches, and the per-sentence
    flags the rules use, in one pass over the words."""
    sent_starts = _sentence_starts(text)
    n_sent = len(sent_starts)
    quotes = [(m.start(), m.end()) for m in _QUOTES.finditer(text)]
    tokens: list[_Token] = []
    caps_count = [0] * n_sent
    lower_words = [0] * n_sent
    context_hits: list[tuple[int, int, bool]] = []  # (position, sentence, strong)
    prev_end = 0
    prev_sent = -1
    prev_lower = ""
    sent = 0
    next_start = sent_starts[1] if n_sent > 1 else len(text) + 1
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        word = m.group()
        while s >= next_start:
            sent += 1
            next_start = sent_starts[sent + 1] if sent + 1 < n_sent else len(text) + 1
        if sent != prev_sent:
            joined, initial = False, True
            prev_lower = ""
        elif s - prev_end == 1 and text[prev_end] == " ":
            joined, initial = True, False
        else:
            gap = text[prev_end:s]
            joined = bool(_SAME_LINE_GAP.fullmatch(gap))
            initial = not joined and not _OPENERS.isdisjoint(gap)
        info = _word_info(word)
        core = info.name_word and not (initial and info.common)
        tokens.append(_Token(s, e, word, info, sent, initial, joined, core))
        if info.caps and not initial:
            caps_count[sent] += 1  # and never context: "Dromen van Goud" is a title
        else:
            if info.headline_lower:
                lower_words[sent] += 1
            if info.context:
                # "voormalig schaatser X" is someone who used to skate.
                strong = info.context == 2 and not (info.skater_noun and prev_lower in _FORMER)
                context_hits.append((s, sent, strong))
        prev_end, prev_sent, prev_lower = e, sent, info.lower

    boiler = [False] * n_sent
    for m in PROMOTION_WORDS.finditer(text.lower()):
        boiler[bisect.bisect_right(sent_starts, m.start()) - 1] = True
    doc = _Doc(
        text=text,
        tokens=tokens,
        sent_starts=sent_starts,
        context=[False] * n_sent,
        strong=[False] * n_sent,
        boilerplate=boiler,
        title_case=[c >= 3 and lo == 0 for c, lo in zip(caps_count, lower_words, strict=True)],
        quotes=quotes,
        quote_starts=[q[0] for q in quotes],
        rank=_ranks(n_sent, tokens),
    )
    # A quote is someone speaking: its words say nothing about the names around it.
    for rx, strong in ((RACE_TIME, True), (_ORDINAL, False)):
        for m in rx.finditer(text):
            context_hits.append((m.start(), doc.sentence_of(m.start()), strong))
    for pos, sent, strong in context_hits:
        if not boiler[sent] and not doc.in_quote(pos):
            doc.context[sent] = True
            doc.strong[sent] |= strong
    return doc


def _match_parts(
    tokens: Sequence[_Token], i: int, needed: tuple[str, ...]
) -> tuple[int, int] | None:
    """Whether the tokens from `i` spell exactly `needed` (whole tokens in one sentence with
    only spaces between; the last may carry a possessive -s). Returns (last token, end)."""
    k = 0
    j = i
    n = len(tokens)
    while k < len(needed):
        if j >= n or (j > i and not tokens[j].joined):
            return None
        info = tokens[j].info
        tp = info.parts
        if needed[k : k + len(tp)] == tp:
            k += len(tp)
            j += 1
            continue
        if info.poss_parts and needed[k:] == info.poss_parts:
            return j, tokens[j].end - info.poss_cut
        return None
    return j - 1, tokens[j - 1].end


# ---------------------------------------------------------------------------------------------
# Registry-derived indexes, built once per registry.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RegistryIndex:
    surnames: dict[str, list[tuple[str, ...]]]  # first word -> surname keys, longest first
    # surname deletion variant -> (position of the surname word in the entry, word, entry)
    near: dict[str, list[tuple[int, str, NameEntry]]]


_INDEXES: WeakKeyDictionary[Registry, _RegistryIndex] = WeakKeyDictionary()


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _index(registry: Registry) -> _RegistryIndex:
    cached = _INDEXES.get(registry)
    if cached is not None:
        return cached
    surnames: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in registry.all_surname_keys:
        surnames[key[0]].append(key)
    for keys in surnames.values():
        keys.sort(key=len, reverse=True)
    # Fuzzy candidates come through their surname word (where it stands in that written
    # form: last, or first for family-name-first names): equal, or for longer surnames one
    # edit away. Deletion variants find the latter with a look-up instead of a scan.
    near: dict[str, list[tuple[int, str, NameEntry]]] = defaultdict(list)
    for entry in registry.name_entries():
        if len(entry.parts) < 2:
            continue
        surname_words = {key[-1] for key in registry.surname_keys(entry.skater)}
        for pos in {0, len(entry.parts) - 1}:
            word = entry.parts[pos]
            if word not in surname_words:
                continue
            for variant in _deletions(word) if len(word) >= 5 else {word}:
                near[variant].append((pos, word, entry))
    index = _RegistryIndex(dict(surnames), dict(near))
    _INDEXES[registry] = index
    return index


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1 :] for i in range(len(b)))


# Korean family names. A hyphenated given name next to one of them is a Korean name, which
# the registry (and the Korean press) writes family name first: "Min-Sun Kim" is Kim Min-sun.
_KOREAN_FAMILY = _words(
    "kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im "
    "han oh seo shin kwon hwang ahn an song ryu yoo yu jeon hong ko go moon mun yang son bae "
    "baek heo nam noh roh ha kwak sung cha joo woo um eom chae won"
)
_HYPHEN_GIVEN_FAMILY = re.compile(r"^([^\W\d_]+)-([^\W\d_]+) ([^\W\d_]+)$")
_FAMILY_HYPHEN_GIVEN = re.compile(r"^([^\W\d_]+) ([^\W\d_]+)-([^\W\d_]+)$")


# Common Chinese family names, and one pinyin syllable. "Han Yu Tong" is how some Western
# reports split a Chinese given name that the registry and the Chinese press write as one
# word: Han Yutong.
_CHINESE_FAMILY = _words(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng "
    "liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du "
    "ye cheng wei su lu ding ren shen yao jin fan fang shi qin zou xiong meng qiu hou bai cui "
    "kong ning fu wan qi gong"
)
_PINYIN_SYLLABLE = re.compile(
    r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ui|ao|ou|iu|ie|ue|er|an|en"
    r"|in|un|ia|ua|uo|a|o|e|i|u|v)$"
)


def _joined_chinese_given(name: str) -> str | None:
    """ "Han Yu Tong" -> "Han Yutong": a Chinese family name and a given name split into its
    two syllables; None for any other name."""
    words = name.split()
    if len(words) != 3 or words[0].casefold() not in _CHINESE_FAMILY:
        return None
    one, two = words[1].casefold(), words[2].casefold()
    if not (_PINYIN_SYLLABLE.match(one) and _PINYIN_SYLLABLE.match(two)):
        return None
    return f"{words[0]} {words[1]}{two}"


def _family_first(name: str) -> str:
    """An unknown Korean name in the registry's form, family name first and the second part
    of the given name in lower case ("Min-Sun Kim", "Kim Min-Sun" -> "Kim Min-sun"), so one
    skater is one name whichever order the article uses. Other names are kept as written."""
    given_first = _HYPHEN_GIVEN_FAMILY.match(name)
    if given_first and given_first.group(3).casefold() in _KOREAN_FAMILY:
        family, one, two = given_first.group(3), given_first.group(1), given_first.group(2)
        return f"{family} {one}-{two.lower()}"
    family_first = _FAMILY_HYPHEN_GIVEN.match(name)
    if family_first and family_first.group(1).casefold() in _KOREAN_FAMILY:
        family, one, two = family_first.groups()
        return f"{family} {one}-{two.lower()}"
    return _joined_chinese_given(name) or name


def _unknown_surname_keys(name: str, parts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Surname of a name the registry does not know: the last word with the particles before
    it ("van 't Wout"), or the first word of a Korean-style name ("Hwang Dae-heon")."""
    words = name.split()
    last = words[-1].split("-") if words else []
    if len(words) >= 2 and len(last) == 2 and last[1][:1].islower():
        return (parts[:1],)
    # A double-barrelled surname ("Kramer-Lind") is one surname: all of its parts.
    k = len(parts) - max(1, len(last))
    while k > 1 and parts[k - 1] in PARTICLES:
        k -= 1
    return (parts[k:],)


# ---------------------------------------------------------------------------------------------
# The finder.
# ---------------------------------------------------------------------------------------------


@dataclass
class _Mention:
    start: int
    end: int
    first_tok: int
    last_tok: int
    how: How
    full: bool  # named with given name and surname


@dataclass
class _Person:
    skater: Skater
    surname_keys: tuple[tuple[str, ...], ...]
    mentions: list[_Mention] = field(default_factory=list)
    role: bool = False  # named at least once with a non-skater role
    included: bool = False  # a skater in this article
    full_positions: list[int] = field(default_factory=list)  # sorted starts of full mentions

    def full_starts(self) -> list[int]:
        return self.full_positions

    def last_full_before(self, position: int) -> int | None:
        index = bisect.bisect_left(self.full_positions, position)
        return self.full_positions[index - 1] if index else None


_Event = tuple[int, int, str | None, Gender | None]  # start, end, country, gender


class _Finder:
    """The state of one `find_skaters` call."""

    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.index = _index(registry)
        self.doc = _analyse(text)
        self.tokens = self.doc.tokens
        self.taken = [False] * len(self.tokens)  # token is part of a name or a non-name run
        self.persons: dict[Skater, _Person] = {}
        self.unknown_by_key: dict[str, Skater] = {}

    def run(self) -> list[NameMention]:
        self.full_names()
        self.capitalised_runs()
        self.surnames()
        self.decide()
        out = [
            NameMention(m.start, m.end, p.skater, m.how)
            for p in self.persons.values()
            if p.included
            for m in p.mentions
        ]
        out.extend(NameMention(s, e, sk, "reference") for s, e, sk in self.references())
        out.sort(key=lambda nm: (nm.start, nm.end))
        return out

    def person(self, skater: Skater, keys: tuple[tuple[str, ...], ...] | None = None) -> _Person:
        p = self.persons.get(skater)
        if p is None:
            p = _Person(skater, self.registry.surname_keys(skater) if keys is None else keys)
            self.persons[skater] = p
        return p

    def add(self, skater: Skater, i: int, j: int, end: int, how: How, full: bool) -> None:
        person = self.person(skater)
        person.mentions.append(_Mention(self.tokens[i].start, end, i, j, how, full))
        if full:
            bisect.insort(person.full_positions, self.tokens[i].start)
        for k in range(i, j + 1):
            self.taken[k] = True

    # -- 1. registry names -----------------------------------------------------------------

    def full_names(self) -> None:
        """Longest registry name or alias starting at each token. All-lower-case text
        ("mei han") is ordinary words, not a name."""
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            found = None
            if tok.parts:
                for entry in self.registry.names_starting_with(tok.parts[0]):
                    hit = _match_parts(tokens, i, entry.parts)
                    if (
                        hit
                        and self.text[tok.start : hit[1]].lower() != self.text[tok.start : hit[1]]
                    ):
                        found = (entry, hit)
                        break
            if found is None:
                i += 1
                continue
            entry, (j, end) = found
            self.add(entry.skater, i, j, end, "alias" if entry.is_alias else "full", True)
            i = j + 1

    # -- 2. runs of capitalised words ------------------------------------------------------

    def runs(self) -> Iterator[list[int]]:
        """Maximal runs of capitalised words on one line outside registry names, with name
        particles between them: given name, particles, surname ("Jens van 't Wout"). A
        particle after two name words starts something else ("Jan Bos van Jumbo"); a
        possessive ends the run. Title-case headings have no runs: every word is a capital."""
        tokens = self.tokens
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            if self.taken[i] or not tok.core or self.doc.title_case[tok.sent]:
                i += 1
                continue
            nxt = tokens[i + 1] if i + 1 < n else None
            if (
                i > 0
                and tokens[i - 1].lower == "de"
                and tok.lower.endswith(("se", "sche"))
                and nxt is not None
                and nxt.joined
                and nxt.core
            ):
                i += 1  # "de Schotse Sandra Smith": a nationality adjective
                continue
            if (
                i > 0
                and tok.lower == "noor"
                and tokens[i - 1].lower == "de"
                and nxt is not None
                and nxt.joined
                and nxt.core
            ):
                i += 1  # "de Noor Simen Spieler Nilsen": the nationality, not the given name Noor
                continue
            run = [i]
            cores = 1
            pending: list[int] = []
            j = i + 1
            while j < n and tokens[j].joined and not self.taken[j]:
                t = tokens[j]
                if tokens[run[-1]].text.endswith(("'s", "’s")):
                    break
                if t.info.particle:
                    if cores >= 2:
                        break
                    if t.lower in _WEAK_PARTICLES and not (
                        j + 1 < n and tokens[j + 1].info.particle and tokens[j + 1].joined
                    ):
                        break
                    pending.append(j)
                elif t.core:
                    run.extend(pending)
                    pending = []
                    run.append(j)
                    cores += 1
                else:
                    break
                j += 1
            yield run
            i = run[-1] + 1

    def capitalised_runs(self) -> None:
        """Runs of two or more name words: a misspelt registry name, or a candidate person.
        Runs that name a venue or lean on an organisation word are things, not people."""
        for run in self.runs():
            toks = [self.tokens[k] for k in run]
            n_cores = sum(1 for t in toks if not t.info.particle)
            if n_cores < 2:
                continue
            for k in run:
                self.taken[k] = True
            if n_cores > 4 or self.next_to_organisation(run):
                continue
            last = toks[-1]
            parts = [p for t in toks[:-1] for p in t.parts]
            end = last.end
            if last.text.endswith(("'s", "’s")) and last.info.poss_parts is not None:
                parts.extend(last.info.poss_parts)
                end -= last.info.poss_cut
            else:
                parts.extend(last.parts)
            if self.registry.contains_venue(parts):
                continue
            if self.registry.by_surname(tuple(parts)):
                for k in run:
                    self.taken[k] = False  # "Rijpma-de Jong", "Lunde Pedersen": a surname
                continue
            skater = self.fuzzy(tuple(parts)) if n_cores <= 3 else None
            if skater is not None:
                self.add(skater, run[0], run[-1], end, "fuzzy", True)
                continue
            key = " ".join(parts)
            skater = self.unknown_by_key.get(key)
            if skater is None:
                name = _family_first(self.text[toks[0].start : end])
                skater = Skater(name, None, None, known=False)
                self.unknown_by_key[key] = skater
                keys = _unknown_surname_keys(name, norm_parts(name))
                if _joined_chinese_given(self.text[toks[0].start : end]) is not None:
                    keys = (norm_parts(name)[:1],)  # the family name comes first
                self.person(skater, keys)
            self.add(skater, run[0], run[-1], end, "unknown", True)

    def next_to_organisation(self, run: list[int]) -> bool:
        """Capitalised words that lean on "Arena", "Team", "Cup", ... name a thing
        ("Max Aicher Arena", "Team Jumbo Visma"), not a person."""
        tokens = self.tokens
        a, b = run[0], run[-1]
        around = []
        if a > 0 and tokens[a].joined:
            around.append(tokens[a - 1])
        if b + 1 < len(tokens) and tokens[b + 1].joined:
            around.append(tokens[b + 1])
        return any(t.info.caps and t.lower in _EVENTS_ORGS for t in around)

    def fuzzy(self, parts: tuple[str, ...]) -> Skater | None:
        """The registry skater this run misspells: same number of words, surname equal or
        (for longer surnames) one edit away, whole name scoring at least 88."""
        candidate = " ".join(parts)
        best: tuple[float, Skater] | None = None
        seen: set[int] = set()
        for surname in {parts[-1], parts[0]}:
            queries = _deletions(surname) if len(surname) >= 5 else {surname}
            for q in queries:
                for pos, word, entry in self.index.near.get(q, ()):
                    if id(entry) in seen or len(entry.parts) != len(parts):
                        continue
                    if parts[pos] != surname:
                        continue  # the near word is not in the surname's place
                    if word != surname and not (len(surname) >= 5 and _one_edit(word, surname)):
                        continue
                    seen.add(id(entry))
                    score = fuzz.ratio(candidate, " ".join(entry.parts))
                    if score >= 88 and (best is None or score > best[0]):
                        best = (score, entry.skater)
        return best[1] if best else None

    # -- 3. surnames on their own ----------------------------------------------------------

    def surnames(self) -> None:
        """Capitalised words that spell a surname of a person in the article or of the
        registry. A surname directly followed by another name word is a title or a given
        name ("Prins Bernhard"), not a mention."""
        tokens = self.tokens
        in_article: dict[str, list[tuple[str, ...]]] = defaultdict(list)

        def learn(person: _Person) -> None:
            for key in person.surname_keys:
                if key and key not in in_article[key[0]]:
                    in_article[key[0]].append(key)
                    in_article[key[0]].sort(key=len, reverse=True)

        for p in list(self.persons.values()):
            learn(p)
        registry_keys = self.index.surnames
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if self.taken[i] or not tok.info.caps or not tok.parts:
                i += 1
                continue
            firsts = [tok.parts[0]]
            if tok.info.poss_parts and tok.info.poss_parts[0] != firsts[0]:
                firsts.append(tok.info.poss_parts[0])  # "Leerdams", "Eitrem's"
            keys = [k for f in firsts for k in (*in_article.get(f, ()), *registry_keys.get(f, ()))]
            hit = None
            for key in keys:
                m = _match_parts(tokens, i, key)
                if m:
                    hit = (key, m)
                    break
            if hit is None:
                i += 1
                continue
            key, (j, end) = hit
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if (
                after is not None
                and after.joined
                and after.core
                and not self.doc.title_case[tok.sent]
            ):
                i = j + 1
                continue
            owner = self.resolve_surname(key, tok)
            if owner is not None:
                self.add(owner, i, j, end, "surname", False)
                learn(self.persons[owner])
            i = j + 1

    def resolve_surname(self, key: tuple[str, ...], tok: _Token) -> Skater | None:
        """The person a bare surname stands for: the person with that surname named in full
        most recently before it (or, in a heading above the text, first after it); unclear
        when two of them were last named in the same sentence. Otherwise the only registry
        skater with that surname, unless the word may be an ordinary word opening a sentence
        or the surname is a short East Asian family name shared by millions."""
        holders = [p for p in self.persons.values() if key in p.surname_keys and p.full_starts()]
        if holders:
            before = sorted(
                ((last, p) for p in holders if (last := p.last_full_before(tok.start)) is not None),
                key=lambda x: x[0],
            )
            if len(before) >= 2 and self.doc.sentence_of(before[-1][0]) == self.doc.sentence_of(
                before[-2][0]
            ):
                return None  # "Letitia de Jong en Michelle de Jong ... De Jong": unclear
            if before:
                return before[-1][1].skater
            return min(holders, key=lambda p: min(p.full_starts())).skater
        for p in self.persons.values():
            if key in p.surname_keys:
                return p.skater  # already resolved by surname alone before
        candidates = self.registry.by_surname(key)
        if len(candidates) != 1:
            return None
        skater = candidates[0]
        if tok.initial and tok.lower in _SENTENCE_INITIAL_AMBIGUOUS:
            return None
        if skater.country in EAST_ASIAN_COUNTRIES or len("".join(key)) < 3:
            return None
        return skater

    # -- 4. who is a skater here -----------------------------------------------------------

    def decide(self) -> None:
        """A registry skater counts unless only ever named with a role and never in strong
        skater context; an unknown name counts only when named in full outside promotion and
        in skater context (strong context, if also named with a role)."""
        doc = self.doc
        for p in self.persons.values():
            context = strong = False
            for m in p.mentions:
                role = self.role_marked(m)
                p.role |= role
                sent = self.tokens[m.first_tok].sent
                if role or doc.boilerplate[sent] or doc.title_case[sent] or doc.in_quote(m.start):
                    continue
                context |= doc.context[sent] or self.nationality_next_to(m)
                strong |= doc.strong[sent]
            if p.skater.known:
                p.included = not p.role or strong
            else:
                p.included = (strong if p.role else context) and any(
                    m.full and not doc.boilerplate[self.tokens[m.first_tok].sent]
                    for m in p.mentions
                )

    def role_marked(self, m: _Mention) -> bool:
        """A role right before the name ("analist X", "Leerdams vriend X", "voormalig
        schaatser X", "Foto: X", a byline "Door X"), an apposition right after it
        ("X, coach van ...", "X (analist)", "X als analist"), or a credit slash ("X/ANP")."""
        tokens = self.tokens
        i, j = m.first_tok, m.last_tok
        sent = tokens[i].sent
        if i > 0 and tokens[i - 1].sent == sent:
            prev = tokens[i - 1]
            if prev.lower in _CREDIT_WORDS:
                return True
            if tokens[i].joined:
                if _is_role_token(prev.lower) or (prev.lower in _BYLINE_WORDS and prev.initial):
                    return True
                before = tokens[i - 2] if i > 1 and tokens[i - 2].sent == sent else None
                if prev.info.skater_noun and before is not None and before.lower in _FORMER:
                    return True
            elif (
                _is_role_token(prev.lower)
                and self.text[prev.end : tokens[i].start].strip() == ","
                and self.text[m.end : m.end + 1] == ","
            ):
                return True  # "her coach, Jac Orie, said": a role in apposition before
        if self.text.startswith("/", m.end):
            return True
        k = j + 1
        if k < len(tokens) and tokens[k].sent == sent:
            gap = self.text[m.end : tokens[k].start]
            apposition = gap.strip() in (",", "(") or tokens[k].lower in ("als", "as")
            if apposition:
                look = k
                while look < min(len(tokens), k + 2) and tokens[look].lower in _APPOSITION_DETS:
                    look += 1
                if look < len(tokens) and tokens[look].sent == sent:
                    role_word = tokens[look]
                    follower = tokens[look + 1] if look + 1 < len(tokens) else None
                    names_next = follower is not None and follower.joined and follower.core
                    if _is_role_token(role_word.lower) and not names_next:
                        return True  # but "Stolz, trainer Bob Corby" is two people
        return False

    def nationality_next_to(self, m: _Mention) -> bool:
        """A nationality right next to the name: "de Noor X", "Czech skater X",
        "X uit Canada", "X of Japan"."""
        tokens = self.tokens
        i, j = m.first_tok, m.last_tok
        sent = tokens[i].sent
        for back in (1, 2):
            if i - back < 0 or tokens[i - back].sent != sent:
                break
            t = tokens[i - back]
            if t.lower in _NATIONALITY_WORDS and t.info.caps:
                return True
            if not t.info.skater_noun:
                break
        k = j + 1
        if k + 1 < len(tokens) and tokens[k].lower in ("uit", "of", "from"):
            nxt = tokens[k + 1]
            if nxt.lower in ("de", "the") and k + 2 < len(tokens):
                nxt = tokens[k + 2]
            return nxt.sent == sent and nxt.lower in _COUNTRIES and nxt.info.caps
        return False

    # -- 5. references ---------------------------------------------------------------------

    def references(self) -> list[tuple[int, int, Skater]]:
        """Resolve "de Nederlandse", "de 26-jarige schaatsster", "the Canadian",
        "the 21-year-old" and clause-initial pronouns to the most recent person compatible in
        nationality and gender within the same or previous two sentences. When that person
        is someone named with a role (not a skater), nothing is returned: the text is about
        them."""
        rank = self.doc.rank
        history: list[tuple[int, int, _Person]] = sorted(  # (start, sentence rank, person)
            (
                (m.start, rank[self.tokens[m.first_tok].sent], p)
                for p in self.persons.values()
                if p.included or p.role
                for m in p.mentions
            ),
            key=lambda h: h[0],
        )
        starts = [h[0] for h in history]
        name_spans = sorted((m.start, m.end) for p in self.persons.values() for m in p.mentions)
        events = sorted([*self.reference_phrases(name_spans), *self.pronouns()])
        out: list[tuple[int, int, Skater]] = []
        for start, end, country, gender in events:
            sent = rank[self.doc.sentence_of(start)]
            idx = bisect.bisect_left(starts, start)
            chosen: _Person | None = None
            for k in range(idx - 1, -1, -1):
                _, h_sent, person = history[k]
                if h_sent < sent - 2:
                    break
                sk = person.skater
                if country and sk.country and sk.country != country:
                    continue
                if gender and sk.gender and sk.gender != gender:
                    continue
                chosen = person
                break
            if chosen is not None and chosen.included:
                out.append((start, end, chosen.skater))
                history.insert(idx, (start, sent, chosen))
                starts.insert(idx, start)
        return out

    def reference_phrases(self, name_spans: list[tuple[int, int]]) -> Iterator[_Event]:
        for rx, nats, nouns, dutch in (
            (_NL_REFERENCE, _NL_NATIONALITY, _NL_PERSON_NOUNS, True),
            (_EN_REFERENCE, _EN_NATIONALITY, _EN_PERSON_NOUNS, False),
        ):
            for m in rx.finditer(self.text):
                age, nat, noun = m.group("age"), m.group("nat"), m.group("noun")
                if not (age or nat or noun):
                    continue
                start = m.start()
                end = max(m.end(g) for g in ("age", "nat", "noun") if m.group(g))
                if age and not nat and not noun:
                    end = m.end("age") + len("-jarige" if dutch else "-year-old")
                k = bisect.bisect_left(name_spans, (end, -1))
                if k and name_spans[k - 1][1] > start:
                    continue  # part of a name phrase: "de Canadese Ivanie Blondin"
                if not dutch and nat in _EN_ADJECTIVE_ONLY and not noun:
                    continue  # "the Dutch" are a people
                if not self.stands_for_person(end, ended_with_noun=bool(noun), dutch=dutch):
                    continue
                country: str | None = None
                gender: Gender | None = None
                if nat:
                    country, gender = nats[nat]
                if noun:
                    gender = nouns[noun] or gender
                if dutch and not country and re.search(r"(?i)\bnederlands\b", m.group()):
                    country = "NED"
                yield start, end, country, gender

    def stands_for_person(self, end: int, *, ended_with_noun: bool, dutch: bool) -> bool:
        """What follows the phrase decides: a name or a noun means the phrase qualifies it
        ("de Canadese Ivanie Blondin", "de Nederlandse ploeg"); punctuation, a verb or a
        function word means the phrase itself stands for a person."""
        rest = self.text[end : end + 40]
        if rest.startswith(("'s", "’s")):
            return True
        stripped = rest.lstrip(" \t\u00a0")
        if not stripped or stripped[0] in ",.;:!?)\"”’'–—-\n":
            return True
        w = re.match(r"[^\W\d_][\w'’-]*", stripped)
        if not w:
            return False
        word = w.group()
        if word[0].isupper():
            return False
        lower = word.casefold()
        if lower in _NOT_PERSON_NOUNS:
            return False
        if ended_with_noun or lower in _FOLLOW_OK:
            return True
        # A Dutch past tense (pakte, eindigde) or an English -ed verb.
        return len(lower) >= 4 and lower.endswith(("de", "te") if dutch else ("ed",))

    def pronouns(self) -> Iterator[_Event]:
        """ "zij", "ze", "hij", "she", "he" opening a clause. A "ze" before a plural verb
        ("ze reden") means "they"."""
        tokens = self.tokens
        for i, tok in enumerate(tokens):
            gender = _PRONOUNS.get(tok.lower)
            if gender is None:
                continue
            opens = tok.initial
            if not opens and i > 0:
                gap = self.text[tokens[i - 1].end : tok.start]
                opens = any(c in ",;:" for c in gap) or tokens[i - 1].lower in _CLAUSE_OPENERS
            if not opens:
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if (
                tok.lower in ("ze", "zij")
                and nxt is not None
                and nxt.joined
                and len(nxt.text) > 3
                and nxt.lower.endswith("en")
            ):
                continue
            yield tok.start, tok.end, None, gender


_APPOSITION_DETS = _words(
    "de het een the a an zijn haar his her als as voormalig former oud nu now"
)


def find_skaters(text: str, registry: Registry) -> list[NameMention]:
    """Every mention of a skater in `text`, sorted by start (see the module docstring)."""
    if not text:
        return []
    return _without_overlaps(_Finder(text, registry).run())


def _without_overlaps(mentions: list[NameMention]) -> list[NameMention]:
    """A word read both as a pronoun and as the start of a name ("Zij Aan" as a name) must
    not count twice: of overlapping mentions the longer one stays."""
    kept: list[NameMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept
