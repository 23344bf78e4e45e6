"""The words the skater-name finder reads: which words are never part of a name, which mark a
role (coach, analyst, partner), a nationality, skater context. The words of phrases that refer
back to a skater ("de Canadese", "the 21-year-old") are in `reference_words`.

Why a module of its own: these lists describe Dutch and English sports writing, not any article
and not any rule; every module of the finder (`names` and its `name_*` helpers) reads them, so a
word is added in one place and every rule sees it. The word sets are casefolded; the nationality
tables keep the capitals the reference patterns (`reference_words`) match.
"""

from __future__ import annotations

import re

from schaatsradar.extract.types import Gender


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
    # Towns skaters come from, as reporters write them: "de Zaanse", "de Hagenaar".
    ("NED", "Zaankanter", "Zaanse"),
    ("NED", "Hagenaar", "Haagse"),
    ("NED", "Leidenaar", "Leidse"),
    ("NED", "Haarlemmer", "Haarlemse"),
    ("NED", "Zwollenaar", "Zwolse"),
    ("NED", "Deventenaar", "Deventerse"),
    ("NED", "Hoornaar", "Hoornse"),
    ("NED", "Almeerder", "Almeerse"),
    ("NED", "Eindhovenaar", "Eindhovense"),
    ("NED", "Nijmegenaar", "Nijmeegse"),
    ("NED", "Heerenveener", "Heerenveense"),
    ("NED", "Enschedeër", "Enschedese"),
    ("NED", "Hoogeveener", "Hoogeveense"),
]:
    _NL_NATIONALITY[_man] = (_code, "men")
    _NL_NATIONALITY[_woman] = (_code, "women")
_NL_NATIONALITY["Friezin"] = ("NED", "women")


def dutch_nationality_nouns() -> tuple[str, ...]:
    """The Dutch nationality and region nouns ("Canadees", "Noorse", "Friezin"), longest first
    (for a regex alternation): "de Chinees Gao" names a skater by nationality and name."""
    return tuple(sorted(_NL_NATIONALITY, key=len, reverse=True))


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
    "ijsbaan ijshal ijsbanen kunstijsbaan rink ship eisstadion eisschnelllaufbahn ice-rink "
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
    "nk ek wk "
    # Natural-ice and marathon events: "de Alternatieve Elfstedentocht", "de Ronde van Ankeveen".
    "elfstedentocht alternatieve toertocht tocht klassieker natuurijsklassieker ronde"
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
# Verbs whose agent is someone's coach: "coached by X", "getraind door X".
_COACHED_VERBS = _words("coached trained guided gecoacht getraind begeleid opgeleid")
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
    "rijdt reed reden gereden schaatst schaatste schaatsten finishte finisht klokte klokt "
    "noteerde noteert startte "
    "clocked skated skates raced"
)
_SKATER_NOUN = re.compile(
    r"(?:schaatser|schaatsster|shorttracker|shorttrackster|sprinter|sprintster|allrounder|"
    r"allroundster|skater|kampioen|kampioene|champion)s?$"
)
_ORDINAL = re.compile(r"(?<!\w)\d{1,2}(?:st|nd|rd|th|ste|de|e)(?!\w)")


def _is_role_token(lower: str) -> bool:
    return (
        lower in _ROLE_WORDS
        or lower.endswith(_ROLE_SUFFIXES)
        or (lower.startswith(("oud-", "ex-")) and len(lower) > 4)
    )


# Words that may stand between a name and the role after it: "X, de coach van ...", "X als
# voormalig analist".
_APPOSITION_DETS = _words(
    "de het een the a an zijn haar his her als as voormalig former oud nu now"
)


# "zijn vrouw X", "haar man X", "his wife X": a partner, named by the possessive and the
# plain word ("vrouw" and "man" alone also mean the women's and men's field).
_PARTNER_AFTER_POSSESSIVE = _words("vrouw man vriend vriendin wife husband")
_POSSESSIVES = _words("zijn haar his her")
# Words between a name and a later "als <role>": "X keek als analiste toe", "X werkte als
# commentator", "X was there as a pundit".
_ROLE_LOOKAHEAD = 3


def partner_before(prev: str, before: str | None) -> bool:
    """Whether the two words before a name make them someone's partner ("zijn vrouw")."""
    return prev in _PARTNER_AFTER_POSSESSIVE and before in _POSSESSIVES


def role_as_later(lowers: list[str]) -> bool:
    """Whether the words after a name (in its sentence, in order) say in what role they are
    there a few words on: "keek als analiste toe", "was in Milaan als analist aanwezig",
    "worked as an analyst"."""
    for index, word in enumerate(lowers[: _ROLE_LOOKAHEAD + 1]):
        if word not in ("als", "as"):
            continue
        rest = [w for w in lowers[index + 1 : index + 4] if w not in _APPOSITION_DETS]
        return bool(rest) and _is_role_token(rest[0])
    return False
