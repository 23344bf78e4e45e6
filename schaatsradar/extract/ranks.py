"""Words that state a finishing position: "won", "tweede", "bronze", "finished fifth",
"naast het podium", "nummer twee".

Why the exclusions: Dutch and English use the same ordinals for occasions and races ("voor de
tweede keer", "de tweede 500 meter", "her third world title"), for fractions ("twee derde",
"een tiende van een seconde") and for dates ("March 8th"); those are not places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schaatsradar.extract.lexicon import MONTHS, NUMBER_WORDS, ORDINALS, word_set
from schaatsradar.extract.scanning import Cues, Rx, blind, dedupe, gate, rx, trie, words

__all__ = ["RankMention", "find_ranks"]


@dataclass(frozen=True)
class RankMention:
    """Words that state a finishing position ("won", "tweede", "bronze", "finished fifth")."""

    start: int
    end: int
    rank: int
    cue: str


_PLACE = r"(?:[\s-](?:plaats|plek|positie|place|spot|position|placed))"
_ORD_WORDS = trie(w for w in ORDINALS if w not in ("eerste", "first", "second"))
_RANK_ORDINAL = rx("adefnrstvz", rf"(?i)\b(?P<ord>{_ORD_WORDS}){_PLACE}?\b")
_RANK_FIRST_SECOND_PLACE = rx(
    "efs", rf"(?i)\b(?P<ord>eerste|first|second){_PLACE}\b", needles="eerste first second"
)
_RANK_FIRST_FINISH = rx(
    "cefkpw",
    r"(?i)\b(?:werd|eindigde(?:\sals)?|finishte(?:\sals)?|kwam\sals|finished|came(?:\sin)?"
    r"|placed|ended|crossed\sthe\s(?:finish\s)?line)\s(?P<ord>eerste|first)\b",
    needles="eerste first",
)
# The finishing verb before the subject, or an adverb between ("In het eindklassement
# eindigde Joy Beune toch als eerste", "werd Kok eerste"): "eerste" as a place only when no
# noun follows it ("als eerste Nederlandse van start" is who started first).
# (A plain regex: a scanning `rx` reads lower-cased text, and the name needs its capitals.)
_RANK_FIRST_INVERTED = re.compile(
    r"(?i)\b(?:werd|eindigde|finishte|kwam)\s(?:(?-i:[A-ZÀ-Þ][\w'’-]+)\s){0,4}"
    # "werd op de 500 meter wel eerste": the race, and an adverb, between.
    r"(?:(?:op|over|bij)\s(?:de|het)\s(?:\d[\d.]*\s?(?:meter|m|km)|[\w-]+)\s)?"
    r"(?:(?:toch|ook|nu|uiteindelijk|opnieuw|weer|zelfs|wel)\s)?(?:als\s)?(?P<ord>eerste)"
    r"(?=\s*(?:[,.;:]|$)|\s(?:in|op|bij|en|overall|met)\b)"
)
_RANK_FIRST_LINE = rx(
    "a",
    r"(?i)\bals\s(?:eerste|1e|1ste)\sover\sde\s(?:streep|finish|meet)\b",
    needles="streep finish meet",
)
_RANK_SECOND_FINISH = rx(
    "acefipstw",
    r"(?i)\b(?:finished|finishing|placed|came(?:\sin)?|comes|come|took|takes|secured|claimed"
    # "took 40 points for second", "good for second".
    r"|was|were|is|been|ended|in|a\sclose|close|settle[sd]?\sfor|settling\sfor|for)"
    r"\s(?P<ord>second)\b",
    needles="second",
)
_RANK_NUMERIC = rx(
    "0123456789",
    rf"(?i)(?<![\w.,])(?P<n>[0-9]{{1,2}})(?:ste|de|e|st|nd|rd|th)(?P<place>{_PLACE})?(?!\w)",
)
_RANK_NUMMER = rx(
    "n",
    r"(?i)\bnummer\s(?P<n>[0-9]{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\b",
    needles="nummer",
)
# "eindigde op plek drie", "kwam op plaats 4": the place noun first, the number after.
_RANK_PLEK = rx(
    "o",
    r"(?i)\bop\s(?:plek|plaats|positie)\s(?P<n>[0-9]{1,2}|een|één|twee|drie|vier|vijf|zes|zeven"
    r"|acht|negen|tien)\b(?![.,]\d)",
    needles="plek plaats positie",
)
# Words of winning, champions and gold; factored (see `scanning.trie`) because they are many.
_WIN_WORDS = trie(
    [
        *words(
            "won wint winnen gewonnen winnaar winnares winnaars winst zege zegevierde zegeviert"
            " triomfeerde triomfeert overwinning goud titel wins win winner"
            " winners victory victories victorious triumphed prevailed gold title champion"
            " champions onverslaanbaar"
        ),
        *(f"gouden {w}" for w in ("medaille", "medailles", "plak")),
        *(f"{level}-goud" for level in ("wk", "ek", "nk", "os")),
        *(f"{w} titel" for w in ("europese", "olympische")),
        *(f"{w}titel" for w in ("wereld", "sprint", "allround", "wereldbeker")),
        *(
            f"{country}{kind}kampioen{e}"
            for country in ("", "europees ", "nederlands ", "olympisch ")
            for kind in ("", "wereld", "sprint", "allround")
            for e in ("", "e")
        ),
        *(f"de {w}" for w in ("beste", "sterkste", "snelste")),
        # "was met 37,12 het snelst": the adverb says the same.
        "het snelst", "het sterkst",
        "snelste tijd", "gold medal", "gold medals", "fastest time",
        # "was op de 500 meter niet te verslaan": no one beat her.
        "niet te verslaan",
        *(
            f"{w} champion{s}"
            for w in ("world", "olympic", "european", "national")
            for s in ("", "s")
        ),
    ]
)  # fmt: skip
_RANK_WORDS: list[tuple[Rx, int]] = [
    (
        rx("wgztoensakdvpcfh", rf"(?i)\b(?:{_WIN_WORDS})\b"),
        1,
    ),
    # "swept the 500, 1000 and 1500 metres", "sweeping both the 1000m and 1500m": won each
    # race named (a "podium sweep" names no race, so it is not read).
    (
        rx(
            "s",
            r"(?i)\b(?:swept|sweeping|sweeps)(?=\s(?:both\s)?the\s(?:(?:wo)?men['’]s\s)?[0-9])",
            needles="swept sweep",
        ),
        1,
    ),
    (
        rx(
            "zwenosr",
            r"(?i)\b(?:zilveren\s(?:medailles?|plak)|zilveren|(?:(?:wk|ek|nk|os)-)?zilver"
            r"|silver(?:\smedals?)?|runners?[\s-]up)\b",
            needles="zilver silver runner",
        ),
        2,
    ),
    (
        rx(
            "brcmweno",
            r"(?i)\b(?:bronzen\s(?:medailles?|plak)|bronzen|(?:(?:wk|ek|nk|os)-)?brons"
            r"|bronze(?:\smedals?)?"
            r"|rounded\sout\sthe\spodium|complet(?:ed|ing)\sthe\spodium"
            r"|completeerden?\shet\spodium|completeert\shet\spodium"
            r"|maakten?\shet\spodium\s(?:compleet|vol))\b",
            needles="brons bronze podium",
        ),
        3,
    ),
    (
        rx(
            "jmno",
            r"(?i)\b(?:(?:net\s)?naast\shet\spodium|(?:just\s)?off\sthe\spodium"
            r"|missed\s(?:out\son\s)?the\spodium)\b",
            needles="podium",
        ),
        4,
    ),
]
# Nouns an ordinal can count instead of placing: "de tweede keer", "tweede omloop", "haar
# derde wereldtitel", "the third group". Exact words (and their plurals) ...
_ORD_NOUNS = word_set(
    "keer maal omloop omlopen rit ritten dag dagen week weken weekend weekenden seizoen "
    "seizoenen wedstrijd wedstrijden race races ronde rondes ronden afstand afstanden "
    "editie edities jaar jaren helft poging pogingen start starts serie series manche "
    "manches heat heats bocht bochten run runs test testen toernooi toernooien groep paar "
    "duel dagdeel periode olympische spelen wereldbeker wereldbekerwedstrijd wk ek nk leg "
    "legs deel kind kinderen kamer wereldoorlog eeuw minuut minuten ooit "
    "achtereenvolgens time times day days weeks season seasons lap laps round rounds "
    "distance distances edition editions year years attempt attempts event events game "
    "games group groups pair pairs half period straight consecutive successive meeting "
    "competition try tries stop stops century minute minutes ever birthday anniversary "
    "verjaardag kwart kwartfinale halve opening tegenstander opponent "
    # "het tweede en laatste ticket voor de WK": a qualification slot counted, not a place.
    "ticket tickets startbewijs startbewijzen quota "
)
# ... and the endings of compounds that name an achievement being counted.
_ORD_NOUN_ENDINGS = (
    "goud", "zilver", "brons", "titel", "titels", "medaille", "medailles", "zege", "zeges",
    "overwinning", "overwinningen", "podium", "podiumplek", "podiumplaats", "record", "records",
    "medal", "medals", "title", "titles", "gold", "win", "wins", "victory", "victories",
    "podiums", "gouden", "zilveren", "bronzen", "wereldbekerzege", "meter", "meters", "metre",
    "metres", "kilometer", "km",
)  # fmt: skip
_TOKEN = re.compile(r"\s?([\w'-]+)")
_DISTANCE_TOKEN = re.compile(r"(?i)^[0-9][0-9.,]*(?:m|km|meter|metres?)?$")
_ORD_NOT_BEFORE = rx(
    "adefgjmnostvwzèéêë",
    r"(?i)\b(?:"
    + trie(["ten", "een", "één", "one", "two", "three", "former", "voormalig", "voormalige",
             "gewezen", *(w for w in NUMBER_WORDS if len(w) > 2)])
    + "|"
    + trie(m for m in MONTHS if m not in ("mrt",))
    + r"\.?)\s(?=\w)",
)  # fmt: skip
_CHAMP_NOT_BEFORE = rx(
    "efgov", r"(?i)(?:\b(?:former|voormalige?|gewezen|ex)\s|\b(?:oud|ex)-)(?=\w)"
)
_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{2,}\s$")
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:een|één|a|an)\s$")
_TIME_AFTER = re.compile(r"(?i)\stijd\b")
_FRACTION_AFTER = re.compile(r"(?i)\s(?:van\seen\sseconde|of\sa\ssecond)\b")


_NOT_ADJECTIVES = word_set(
    "de die deze ze je we me the are have were there where here before while since twee "
    "drie mee nie "
)
_EN_ADJECTIVES = word_set("world olympic european national dutch overall")


_ORD_COORDINATED = re.compile(
    rf"(?i)\s(?:en|of|and|or)\s(?:laatste|last|final|{'|'.join(ORDINALS)})(?=\s)"
)


def _ordinal_counts_something(text: str, end: int) -> bool:
    """True when the ordinal ending at `end` modifies a noun it counts (an occasion, a race, a
    distance, an achievement) rather than stating a finishing position."""
    pos = end
    # "de tweede en laatste wereldbeker": the noun comes after the coordinated ordinal.
    skip = _ORD_COORDINATED.match(text, pos)
    if skip:
        pos = skip.end()
    for _ in range(2):
        m = _TOKEN.match(text, pos)
        if m is None:
            return False
        token = m.group(1).lower()
        if token in _ORD_NOUNS or _DISTANCE_TOKEN.match(token):
            return True
        if len(token) > 3 and token.endswith(_ORD_NOUN_ENDINGS):
            return True
        # Look one word further only past an adjective ("derde Europese sprinttitel") or past
        # "tijd" ("de vierde tijd ooit" counts all times ever, "de derde tijd" is a place).
        adjective = (
            token in _EN_ADJECTIVES
            or token in ("tijd", "time")
            or (len(token) > 3 and token.endswith("e") and token not in _NOT_ADJECTIVES)
        )
        if not adjective:
            return False
        pos = m.end()
    return False


# "Leerdam heeft de 1000 meter op haar naam geschreven": the Dutch idiom for winning.
# English win idioms and places given with a time ("second in 12:58.44").
_RANK_EXTRA_WIN = blind(
    r"\b(?:took|takes|claimed|claims|captured|captures)\s+the\s+(?:men's\s+|women's\s+)?"
    r"(?:race|title|event|gold|victory)\b|"
    # "led a Dutch one-two", "headed a Norwegian one-two-three": the winner of a sweep.
    r"\b(?:led|leads|leading|headed|heads|topped|tops)\s+an?\s+(?:[a-z]+\s+)?"
    r"one-two(?:-three)?\b|"
    # "was fastest in the 1000m", "was the fastest of the day", "topped the 500m podium".
    # Not fastest over a part of the race: "was fastest in the 400m opening".
    r"\b(?:was|were|is)\s+(?:the\s+)?fastest(?![^.,;]{0,30}\b(?:opening|split|laps?|pair|heat)\b)"
    r"(?=\s+(?:in|on|over)\s+the\s+(?:(?:wo)?men['’]s\s+)?(?:\d|mass|team)"
    r"|\s+of\s+(?:all|the\s+day|the\s+field)\b|\s*[,.;])|"
    r"\b(?:topped|tops|topping)\s+the\s+(?:(?:wo)?men['’]s\s+)?(?:[\d,.]+\s?m\s+)?podium\b|"
    # The participle too: "gave the crowd something to cheer, taking the 500m in 33.95".
    r"\bwinning\b|\bwonnen\b|\b(?:took|takes|taking|claimed|claims|claiming|captured|captures"
    r"|capturing|secured|securing|clinched|clinching)\s+the\s+(?:(?:wo)?men['’]s\s+)?(?:\d[\d,.]*\s?(?:m\b|metres|meters)|mass\sstart"
    r"|team\s(?:pursuit|sprint)|relay)"
    # "took the 1500m lead", "claimed the 1000m world record": not the race itself.
    r"(?!\s+(?:lead|record|world|track|title|standings|ranking))"
)
# "legde beslag op de 500 meter", "legt Kok beslag op de zege": the Dutch idiom for winning
# (the cue where the race is named, after the subject the verb may precede).
_RANK_BESLAG = blind(
    r"\bleg(?:de|den|t|gen)\s(?:[\w'’-]+\s){0,7}?(?P<cue>beslag\sop\s(?:de|het)\s(?:zege"
    r"|overwinning|titel|goud|\d[\d.]*\s?(?:m|km|meter|kilometer)\b|massastart"
    r"|ploegenachtervolging))"
)
_BESLAG_GATE = gate(_RANK_BESLAG, "beslag")
_RANK_PLACE_WITH_TIME = blind(
    r"\b(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+in\s+\d"
)
# "with Joy Beune of the Netherlands second and Ragne Wiklund third": a bare "second" right
# after a name (or a bracket), closing its clause. Lower case only: "Second," opens a sentence.
_RANK_SECOND_AFTER_NAME = re.compile(
    r"(?<=[A-Za-zÀ-ÿ)]) second(?=\s+(?:and|en)\b|\s+in\s+[0-9]|\s*[,;]|\.(?:\s|$))"
)
_WORD_BEFORE = re.compile(r"([\w)’'-]+)$")


def _after_name(text: str, start: int) -> bool:
    """Whether the word before `start` is capitalised (a name, a country) or a bracket."""
    word = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return word is not None and (word.group(1)[0].isupper() or word.group(1).endswith(")"))


_RANK_ON_NAME = re.compile(
    r"\bop (?:haar|zijn|hun|diens) naam (?:geschreven|gezet)\b|"
    # The verb second: "schreef de 1000 meter op zijn naam", "schrijft de massastart op haar
    # naam". Not a record or a time put to a name ("schreef het baanrecord op haar naam").
    r"\b(?:schreef|schreven|schrijft|schrijven)\s(?:(?!\S*(?:record|tijd|time))[\w.,'’-]+\s){1,8}"
    r"op (?:haar|zijn|hun|diens) naam\b",
    re.IGNORECASE,
)
# Whole-text keyword gates for the plain patterns above: most texts hold none of the words.
_ON_NAME_GATE = gate(_RANK_ON_NAME, "naam")
_SECOND_AFTER_NAME_GATE = gate(_RANK_SECOND_AFTER_NAME, "second")
_EXTRA_WIN_GATE = gate(
    _RANK_EXTRA_WIN,
    "took takes taking claim captur secur clinch winning wonnen one-two fastest topped tops "
    "topping",
)
_PLACE_WITH_TIME_GATE = gate(
    _RANK_PLACE_WITH_TIME, "second third fourth fifth sixth seventh eighth ninth tenth"
)
_FIRST_INVERTED_GATE = gate(_RANK_FIRST_INVERTED, "eerste")


# "The men's team pursuit went to Italy", "de ploegenachtervolging bij de vrouwen ging naar
# Japan": a team race handed to its winner (the verb is the cue; `owners` hands it on).
# Any race so: "the women's 1500m went to Takagi", "de 1000 meter ging naar De Boo", and
# the verb first, "ging de 1000 meter naar De Boo" (`owners.HANDED_TO` reads past the race).
_RACE = (
    r"(?:team\s+pursuit|team\s+sprint|ploegenachtervolging|ploegsprint|mass\s+start|massastart"
    r"|\d[\d.,]*\s?(?:m|km|meters?|metres?|kilometers?))"
    r"(?:\s+(?:bij\s+de\s+(?:mannen|vrouwen|heren|dames)|for\s+(?:wo)?men))?"
)
_TO_NAME = r"\s+(?:to|naar)\s+(?:the\s+|de\s+)?(?-i:[A-ZÀ-Þ])"  # not "naar de knoppen"
_RACE_WENT_TO = re.compile(
    # "The 1500m at the World Cup in Calgary went to": a short phrase between, no clause.
    rf"(?i)\b{_RACE}(?:\s+(?:at|in|bij|op|of|van)\s+[^.,;:()]{{1,40}}?)?"
    rf"\s+(?P<verb>went|ging)(?={_TO_NAME})"
    rf"|\b(?P<first>ging)(?=\s+de\s+{_RACE}{_TO_NAME})"
)

_WENT_GATE = gate(_RACE_WENT_TO, "went ging")
# "Bij de vrouwen was de 500 meter voor Ziomek-Nogal (37,60)", "De 1000 meter was voor
# Leerdam.": a race that "was for" a skater named last in its clause (not "De 500 meter is
# voor Kok een kwelling"). The verb is the cue; `owners` hands it on.
_NAME_ENDS = (
    r"\s+voor\s+(?-i:[A-ZÀ-Þ][\w'’-]+)(?:\s+(?:(?-i:[A-ZÀ-Þ][\w'’-]+)|de|van|der|den|ter))"
    # "was voor Beune in 3.58,15": the winner's time after the name.
    r"{0,3}\s*(?:\(|,|\.(?!\d)|;|$|(?:in|met)\s+\d{1,2}[.,:]\d\d)"
)
_RACE_WAS_FOR = re.compile(
    rf"(?i)\b{_RACE}\s+(?P<verb>was|is)(?={_NAME_ENDS})"
    rf"|\b(?P<first>was|is)(?=\s+de\s+{_RACE}{_NAME_ENDS})"
)
# The verb is the match ("voor" stands in the look-ahead, outside it): gate on the verb.
_WAS_FOR_GATE = gate(_RACE_WAS_FOR, "was is")


def find_ranks(text: str) -> list[RankMention]:
    """Every word or phrase in `text` that states a finishing position.

    Why the exclusions: Dutch and English use the same ordinals for occasions and races ("voor
    de tweede keer", "de tweede 500 meter", "her third world title", "the third group"), for
    fractions ("twee derde", "een tiende van een seconde") and for dates ("March 8th"); those
    are not places. English "second" is also a unit of time, so it needs a finishing verb or a
    place noun; "first"/"eerste" mostly mean "for the first time", so they need one too.
    """
    found: list[RankMention] = []
    lazy: dict[str, Cues] = {}

    def cues(pattern: Rx) -> Cues:
        # Built on first use: most texts have no ordinal or champion to check.
        key = pattern.plain.pattern
        if key not in lazy:
            lazy[key] = Cues(pattern, text)
        return lazy[key]

    def add(start: int, end: int, rank: int) -> None:
        found.append(RankMention(start, end, rank, text[start:end].lower()))

    def ordinal_ok(start: int, end: int, place: bool) -> bool:
        if _FRACTION_AFTER.match(text, end):
            return False
        if (
            cues(_ORD_NOT_BEFORE).ends_at(start)
            # "het OKT derde" (the Olympic trials in capitals) is no date like "okt. derde".
            and not _CAPITALS_BEFORE.search(text, max(0, start - 8), start)
        ) and not (
            (place or _TIME_AFTER.match(text, end))
            and _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
        ):
            # "een vierde" is a quarter; "een vierde plek", "een zesde tijd" a place
            return False
        return place or not _ordinal_counts_something(text, end)

    for m in _RANK_ORDINAL.finditer(text):
        if m.group(0).lower().startswith("tiende") and _FRACTION_AFTER.match(text, m.end()):
            continue
        if ordinal_ok(m.start(), m.end(), m.end() != m.end("ord")):
            add(m.start(), m.end(), ORDINALS[m.group("ord").lower()])
    for m in _RANK_FIRST_SECOND_PLACE.finditer(text):
        if ordinal_ok(m.start(), m.end(), True):
            add(m.start(), m.end(), ORDINALS[m.group("ord").lower()])
    everywhere = (text, 0, len(text))
    inverted = _FIRST_INVERTED_GATE.open(*everywhere)
    for pattern in (_RANK_FIRST_FINISH, _RANK_FIRST_INVERTED, _RANK_SECOND_FINISH):
        if pattern is _RANK_FIRST_INVERTED and not inverted:
            continue  # a plain case-blind scan of the whole text, for a word most lack
        for m in pattern.finditer(text):
            if ordinal_ok(m.start("ord"), m.end(), False):
                add(m.start("ord"), m.end(), ORDINALS[m.group("ord").lower()])
    for m in _RANK_FIRST_LINE.finditer(text):
        add(m.start(), m.end(), 1)
    if _ON_NAME_GATE.open(*everywhere):
        for m in _RANK_ON_NAME.finditer(text):
            add(m.start(), m.end(), 1)
    if _SECOND_AFTER_NAME_GATE.open(*everywhere):
        for m in _RANK_SECOND_AFTER_NAME.finditer(text):
            if _after_name(text, m.start()):
                add(m.start() + 1, m.end(), 2)
    if _EXTRA_WIN_GATE.open(*everywhere):
        for m in _RANK_EXTRA_WIN.finditer(text):
            add(m.start(), m.end(), 1)
    if _BESLAG_GATE.open(*everywhere):
        for m in _RANK_BESLAG.finditer(text):
            add(m.start("cue"), m.end("cue"), 1)
    if _PLACE_WITH_TIME_GATE.open(*everywhere):
        for m in _RANK_PLACE_WITH_TIME.finditer(text):
            add(m.start("ord"), m.end("ord"), ORDINALS[m.group("ord").lower()])
    for m in _RANK_NUMERIC.finditer(text):
        n = int(m.group("n"))
        has_place = bool(m.group("place"))
        if n == 0 or n > 60 or (n == 1 and not has_place):
            continue
        if not ordinal_ok(m.start(), m.end(), has_place):
            continue
        after = _TOKEN.match(text, m.end())
        if after and after.group(1).lower() in ("of",):
            nxt = _TOKEN.match(text, after.end())
            if nxt and nxt.group(1).lower() in MONTHS:
                continue
        add(m.start(), m.end(), n)
    for m in _RACE_WENT_TO.finditer(text) if _WENT_GATE.open(*everywhere) else ():
        verb = "verb" if m.group("verb") else "first"
        add(m.start(verb), m.end(verb), 1)
    for m in _RACE_WAS_FOR.finditer(text) if _WAS_FOR_GATE.open(*everywhere) else ():
        verb = "verb" if m.group("verb") else "first"
        add(m.start(verb), m.end(verb), 1)
    for m in [*_RANK_NUMMER.finditer(text), *_RANK_PLEK.finditer(text)]:
        word = m.group("n").lower()
        add(m.start(), m.end(), int(word) if word.isdigit() else NUMBER_WORDS[word])
    for pattern, rank in _RANK_WORDS:
        for m in pattern.finditer(text):
            if rank == 1 and cues(_CHAMP_NOT_BEFORE).ends_at(m.start()):
                continue
            add(m.start(), m.end(), rank)
    return dedupe(found)
