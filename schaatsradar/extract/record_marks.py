"""Old and standing marks: the records a sentence says were beaten or still stand, with the
time and holder the words give them.

Why a reading of its own: a report names the mark a skater beat as often as the one they set
("verbeterde het oude baanrecord van Kjeld Nuis (1.43,00)", "took down Brittany Bowe's
1:13.76", "from 37.07 to 36.87"), and the time of such a mark must never become a result of the
race reported. The result builder (which times to skip) and the record builder (which records
to report) therefore read the marks the same way, here, from the words alone: nothing in this
module depends on what earlier sentences established.

A reporter often spreads one old mark over two sentences ("Hij nam het wereldrecord over van
Nils van der Poel. De 6.01,56 van de Zweed hield bijna vier jaar stand."); the second sentence
then *continues* the mark of the first (see `continuation`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from schaatsradar.extract.countries import CountryMention
from schaatsradar.extract.distances import DistanceMention
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.names import NameMention
from schaatsradar.extract.record_words import RecordMention
from schaatsradar.extract.scanning import words
from schaatsradar.extract.sentences import Sentence, split_sentences
from schaatsradar.extract.times import TimeMention
from schaatsradar.extract.types import RecordStatus
from schaatsradar.extract.venues import VenueMention

Holder = NameMention | CountryMention


@dataclass(frozen=True, eq=False)
class SentenceView:
    """What the mention finders saw in one sentence (times: race-result times only).

    One view per sentence of an article (`view_of` hands out the same object each time), so
    that the reading of a sentence's marks, asked for by the result builder and the record
    builder of this sentence and of its neighbours, is done once: views compare and hash by
    identity."""

    text: str
    sentence: Sentence
    names: tuple[NameMention, ...]
    countries: tuple[CountryMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    points: tuple[TimeMention, ...] = ()
    records: tuple[RecordMention, ...] = ()
    distances: tuple[DistanceMention, ...] = ()
    venues: tuple[VenueMention, ...] = ()

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    @functools.cached_property
    def holders(self) -> tuple[Holder, ...]:
        """Skaters and countries, in text order."""
        both: list[Holder] = [*self.names, *self.countries]
        return tuple(sorted(both, key=lambda h: h.start))

    @functools.cached_property
    def clause_breaks(self) -> tuple[tuple[int, int], ...]:
        found = CLAUSE_BREAK.finditer(self.text, self.start, self.end)
        return tuple(m.span() for m in found)

    @functools.cached_property
    def beating(self) -> tuple[tuple[int, int], ...]:
        """Where the sentence says a mark was beaten (see BEATING)."""
        low = self.text[self.start : self.end].casefold()
        if not any(word in low for word in BEATING_WORDS):
            return ()
        return tuple(m.span() for m in BEATING.finditer(self.text, self.start, self.end))

    def beats_within(self, lo: int, hi: int) -> bool:
        return any(lo <= start and end <= hi for start, end in self.beating)

    def breaks_within(self, lo: int, hi: int) -> bool:
        return any(lo <= start and end <= hi for start, end in self.clause_breaks)


def view_of(text: str, sentence: Sentence, mentions: Mentions) -> SentenceView:
    return _view_of(text, sentence, _ById(mentions))


class _ById:
    """An article's mentions as a cache key: by identity (the cache holds the object, so its
    identity cannot pass to another while cached)."""

    __slots__ = ("value",)

    def __init__(self, value: Mentions) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _ById) and other.value is self.value


@functools.lru_cache(maxsize=1024)
def _view_of(text: str, sentence: Sentence, key: _ById) -> SentenceView:
    mentions = key.value
    times = inside(mentions.times, sentence)
    return SentenceView(
        text=text,
        sentence=sentence,
        names=tuple(inside(mentions.names, sentence)),
        countries=tuple(inside(mentions.countries, sentence)),
        times=tuple(t for t in times if t.kind == "result"),
        points=tuple(t for t in times if t.kind == "points"),
        records=tuple(inside(mentions.records, sentence)),
        distances=tuple(inside(mentions.distances, sentence)),
        venues=tuple(inside(mentions.venues, sentence)),
    )


@functools.lru_cache(maxsize=4)
def article_sentences(text: str) -> tuple[Sentence, ...]:
    """The article's sentences as the pipeline cuts them; cached because every sentence asks
    about its neighbours."""
    return tuple(split_sentences(text))


def neighbour(text: str, sentence: Sentence, step: int) -> Sentence | None:
    """The sentence `step` places after (or, negative, before) `sentence`."""
    sentences = article_sentences(text)
    i = bisect.bisect_left(sentences, sentence.start, key=_start_of) + step
    return sentences[i] if 0 <= i < len(sentences) else None


def _start_of(sentence: Sentence) -> int:
    return sentence.start


# Where one clause of a sentence ends and another begins: a new subject may start there, so a
# time or a name beyond it does not belong to a record before it.
CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and|en|but|maar|while|terwijl|whereas|where|waar|waarna|after\swhich)\b",
    re.IGNORECASE,
)
CLAUSE_REACH = 90  # a record's own words lie within this many characters of it


def clause_around(view: SentenceView, start: int, end: int) -> tuple[int, int]:
    """The clause that holds text[start:end], at most CLAUSE_REACH characters either side."""
    lo = max(view.start, start - CLAUSE_REACH)
    hi = min(view.end, end + CLAUSE_REACH)
    for brk_start, brk_end in view.clause_breaks:
        if brk_end <= start:
            lo = max(lo, brk_end)
        elif brk_start >= end:
            hi = min(hi, brk_start)
            break
    return lo, hi


def next_record_start(view: SentenceView, mention: RecordMention) -> int:
    """Where the next record of the sentence begins: words beyond it describe that one."""
    return next((r.start for r in view.records if r.start >= mention.end), view.end)


@dataclass(frozen=True)
class OldMark:
    """A mark the sentence says was beaten (`status` "broken") or still stands ("existing");
    None: a record of someone, with its time, that is either standing or just set ("het
    baanrecord van Leerdam (1.12,74)"), which the holder's results decide.

    `own`: the mark belongs to whoever beats it ("her own Inzell mark", "het eigen oude
    wereldrecord", "the track record she had set herself"). `beaten_here`: a verb of this
    sentence beats it, so the sentence also reports a new record. `points`: a classification
    total, not a time ("het wereldrecord van Roest, 145,561 punten").
    """

    start: int
    end: int
    mention: RecordMention | None
    status: RecordStatus | None
    time: TimeMention | None
    holder: Holder | None
    own: bool = False
    beaten_here: bool = False
    points: bool = False
    nationality: str | None = None  # "van de Zuid-Koreaanse": a holder named by country


# Verbs by which one record beats another, set in the clause of the old mark.
BEATING = re.compile(
    r"\b(?:verbeter\w*|verbr(?:ak|eekt|oken|eken)|brak|onttroonde|scherpte\w*\s(?:\S+\s){0,3}?aan"
    r"|aangescherpt"
    r"|uit\sde\sboeken|took\sdown|take\sdown|taking\sdown|takes\sdown|broke|break|breaks"
    r"|breaking|improv\w*|lower\w*|bettered|bettering|surpass\w*|dook\sonder|went\sunder"
    r"|dipped\sunder|(?:dook|doken|duikt|duiken)\s(?:[\w,]+\s){1,5}?onder|went\s(?:\w+\s){1,2}under|took\s(?:\S+\s){0,3}?off|sneller\sdan|faster\sthan|beter\sdan|better\sthan"
    r"|(?:nam|neemt|namen)\s(?:\S+\s){0,8}?over|overgenomen|(?:took|takes|taking)\s(?:\S+\s)"
    r"{0,4}?from|(?:pakte|pakt|pakten|nam|namen|neemt|nemen)\s(?:\S+\s){0,8}?af|ontnam|snatched|smashed|shattered"
    r"|verpulver\w*|verdween|sneuvelde)\b",
    re.IGNORECASE,
)
# Every match of BEATING contains one of these (the tests check it): a sentence without any is
# passed over without a scan.
BEATING_WORDS = words(
    "verbeter verbr brak onttroonde scherpte aangescherpt boeken down broke break improv"
    " lower better surpass dook doken duikt duiken went dipped took sneller faster beter nam"
    " neemt namen nemen pakten"
    " overgenomen takes taking pakte pakt ontnam snatched smashed shattered verpulver"
    " verdween sneuvelde"
)
OWN = re.compile(
    r"\b(?:(?:her|his|their|its)\sown|(?:haar|zijn|hun)\seigen|eigen)\s(?:[\w,.-]+\s){0,3}$",
    re.IGNORECASE,
)
OWN_AFTER = re.compile(
    r"\s(?:(?:that|which|dat|die)\s)?(?:she|he|they|zij|ze|hij)\shad\s(?:set|gevestigd)\s"
    r"(?:herself|himself|themselves|zelf)\b|\s(?:dat|die)\s(?:ze|zij|hij)\szelf\b",
    re.IGNORECASE,
)
# Between a record and its holder: "het baanrecord van Jenning de Boo", "in handen van",
# "set by", "took the world record from Frenchman Timothy Loubineaud", "nam het record over
# van Lee Sang-hwa".
HOLDER_GAP = re.compile(
    r"\b(?:van|of|by|from|door|op\snaam\svan|in\shanden\svan|belong(?:s|ed)\sto"
    r"|behoorde\s(?:toe\s)?aan)\s(?:(?:de|het|the|[\w'’]+)\s){0,2}$",
    re.IGNORECASE,
)
HOLDER_GAP_REACH = 40  # "in handen van de Nederlandse " is as long as it gets
# "dat Nao Kodaira in 2019 had gevestigd", "that Patrick Roest had set": a relative clause
# whose subject set the mark.
RELATIVE_BEFORE = re.compile(
    r"\b(?:dat|die|that|which)\s(?:(?:de|het|the)\s)?$", re.IGNORECASE
)  # "dat de Noren in januari hadden gezet"
SETTING_AFTER = re.compile(
    r"(?:[^,;.]|(?<=\d)[.,](?=\d)){0,70}?\b(?:had\sgevestigd|gevestigd|vestigde|neerzette"
    r"|neergezet|had\sset|set|reed|had\sgereden|hadden\sgereden|skated|owns|holds|gezet"
    r"|zette|zetten)\b",
    re.IGNORECASE,
)
# "Kjeld Nuis houdt sinds maart 2019 het wereldrecord": the subject holds it.
HOLDS_AFTER_NAME = re.compile(r"\s(?:houdt|hield|holds|held|bezit|owns)\b", re.IGNORECASE)
# "Bowe is met 1.13,24 de houdster van het baanrecord", "Stolz is the holder of the track
# record": the subject is its holder.
HOLDER_IS_AFTER_NAME = re.compile(
    r"\s(?:is|was)\s(?:[^;]{0,25}?\s)?(?:de|the)\s(?:[\w-]+\s)?(?:houd(?:st)?er|holder)\s"
    r"(?:van|of)\s(?:het|the)\s(?:[\w-]+\s)?$",
    re.IGNORECASE,
)
# "Brittany Bowe's 1:13.76", "Stolz' baanrecord".
POSSESSIVE_AFTER_NAME = re.compile(r"['’]s?\s")
TIME_OF_HOLDER = re.compile(r"\s(?:van|of|by)\s$", re.IGNORECASE)
TIME_AFTER_HOLDER = re.compile(
    r"(?:\s?\(\s?|:\s|,\s(?:whose|wiens|wier|met|with)\s|\s(?:met|with|in)\s)$", re.IGNORECASE
)
HAD_SET_AFTER = re.compile(
    r"\s(?:had\s)?(?:set|gevestigd|neerzette|neergezet|reed|skated)\b", re.IGNORECASE
)
# The words before a time that make it the new mark, not the old: "from 37.07 to 36.87",
# "met een tijd van 1.42,55", "clocking 1:41.78".
NEW_TIME_GAP = re.compile(
    r"\b(?:to|naar|tot|met\seen\stijd\svan|in\sa\stime\sof|clocking|clocked|klokte|klokten"
    r"|reed|reden|skated|won|wint|wonnen|finished|eindigde|werd|werden)\b",
    re.IGNORECASE,
)
WITH_GAP = re.compile(r"\s(?:met|with)\s(?:een\stijd\svan\s|a\stime\sof\s)?", re.IGNORECASE)


def _beaten_or_own(view: SentenceView, mention: RecordMention) -> bool:
    lo, _ = clause_around(view, mention.start, mention.end)
    own = OWN.search(view.text, max(lo, mention.start - 40), mention.start)
    return own is not None or view.beats_within(lo, mention.start)


# "het baanrecord ... en met 1.11,61 staat het wereldrecord": a time after "en met" opens
# the next clause, which is about something else.
NEXT_CLAUSE_GAP = re.compile(r"\s(?:en|and|maar|but)\s(?:met|with)\s", re.IGNORECASE)
FROM_TO = re.compile(r"\s(?:to|naar|tot)\s$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\b(?:from|van)\s$", re.IGNORECASE)
# "the 33.61 world mark", "(36,36) wereldrecord": a time naming the record right after it.
RIGHT_BEFORE_RECORD = re.compile(r"\)?\s*(?:[\w-]+\s+)?$")
POINTS_REACH = 40
POINTS_NEAR = re.compile(r"\b(?:points?|punten)\s$", re.IGNORECASE)
# "De 6.01,56 van de Zweed": a holder named by nationality somewhere in a sentence.
NATIONALITY_AFTER = re.compile(r"\b(?:van|of)\s(?:de|het|the)\s(?P<adj>[\w-]+)", re.IGNORECASE)
DEMONYM_AFTER = re.compile(r"\s(?:van|of)\s(?:de|het|the)\s(?P<adj>[\w-]+)", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def old_marks(view: SentenceView, previous: SentenceView | None = None) -> tuple[OldMark, ...]:
    """The old and standing marks of a sentence, by its record words and by the phrases of
    beating a time ("verbeterde de 1.52,95 van Rijpma-de Jong"), which count only where the
    sentence or the one before it is about records."""
    marks: list[OldMark] = []
    for mention in view.records:
        if not mention.plural:
            mark = _mark_of_mention(view, mention)
            if mark is not None:
                marks.append(mark)
    if view.records or (previous is not None and previous.records):
        used = {m.time for m in marks if m.time is not None}
        marks.extend(m for m in _beaten_times(view) if m.time not in used)
    return tuple(marks)


def _mark_of_mention(view: SentenceView, mention: RecordMention) -> OldMark | None:
    text = view.text
    lo, hi = clause_around(view, mention.start, mention.end)
    hi = min(hi, next_record_start(view, mention))
    status = mention.status_hint
    beaten = view.beats_within(lo, hi)
    if (
        status == "existing"
        and _is_indefinite(view, mention)
        and PAST_RELATIVE.match(text, mention.end, hi)
    ):
        # "een nationaal record dat sinds 2017 op naam stond van Mulder": a new record, and the
        # mark it replaced.
        status, beaten = "broken", True
    old = status in ("broken", "existing")
    named = (
        _holder_of_title(view, mention)
        or holder_after(view, mention.end, hi)
        or _holder_before(view, mention, lo)
    )
    if not old and not beaten and named is None:
        return None  # a record named with no holder and nothing beaten: one being set
    own = bool(OWN.search(text, max(lo, mention.start - 40), mention.start)) or bool(
        OWN_AFTER.match(text[mention.end : hi])
    )
    time, holder = _old_time(view, mention, named, hi)
    points = _points_near(view, mention, hi)
    demonym = DEMONYM_AFTER.match(text, mention.end, hi)
    nationality = demonym.group("adj") if demonym and holder is None else None
    if old:
        return OldMark(
            mention.start, mention.end, mention, status, time, holder, own,
            beaten and status == "broken", points, nationality,
        )  # fmt: skip
    if (
        beaten
        and (holder is not None or time is not None or own or nationality)
        and not (holder is None and not own and _is_indefinite(view, mention))
    ):
        return OldMark(
            mention.start, mention.end, mention, "broken", time, holder, own, True, points,
            nationality,
        )  # fmt: skip
    if holder is not None and time is not None and not _is_indefinite(view, mention):
        return OldMark(mention.start, mention.end, mention, None, time, holder, points=points)
    return None


# After a record being set, a relative clause in the past about the title: "dat sinds 2017
# op naam stond van X", "which had stood since 2019", "that was held by X".
PAST_RELATIVE = re.compile(
    r",?\s(?:dat|die|that|which)\s[^,;]{0,60}?\b(?:stond|stood|in\shanden\swas|was\sheld"
    r"|had\sbeen\sheld|belonged|behoorde|hield\sstand)\b",
    re.IGNORECASE,
)
INDEFINITE_BEFORE = re.compile(r"\b(?:een|a|an|another|nieuwe?|new)\s(?:[\w-]+\s){0,2}$", re.I)


def _is_indefinite(view: SentenceView, mention: RecordMention) -> bool:
    """ "een wereldrecord van 36,09", "a new track record": a record being set, not a mark."""
    return bool(
        INDEFINITE_BEFORE.search(view.text, max(view.start, mention.start - 30), mention.start)
    )


def holder_after(view: SentenceView, end: int, hi: int) -> Holder | None:
    """The skater or country a record (or time) ending at `end` is of, named after it in its
    clause: "van Jenning de Boo", "set by Elin Hallberg", "in handen van Jutta Leerdam",
    "from Frenchman Timothy Loubineaud", "dat Nao Kodaira in 2019 had gevestigd"."""
    text = view.text
    tried = 0
    for holder in view.holders:
        if holder.start < end or _qualifies_a_name(view, holder):
            continue
        if holder.start > hi or tried == HOLDERS_TRIED or view.breaks_within(end, holder.start):
            return None
        tried += 1
        if _verb_between(text, end, holder.start):
            return None  # "baanrecord van 1.52,92 had de Friezin ... voorsprong op X"
        gap_lo = max(end, holder.start - HOLDER_GAP_REACH)
        if HOLDER_GAP.search(text, gap_lo, holder.start):
            return holder
        if RELATIVE_BEFORE.search(text, holder.start - 10, holder.start) and SETTING_AFTER.match(
            text, holder.end, view.end
        ):
            return holder
    return None


HOLDERS_TRIED = 2  # the holder is the first or second skater named after the record
# A finite verb of a main clause: a skater named after it is that clause's, not the record's
# (a relative clause, "dat sinds 2015 in handen was van X", still speaks of the record).
MAIN_VERB = re.compile(
    r"\b(?:had|heeft|hebben|hadden|werd|werden|won|wint|reed|reden|pakte|pakten|kwam|kwamen"
    r"|ging|zette|bleef|has|have|finished|took|clocked|skated|beat)\b",
    re.IGNORECASE,
)
RELATIVE = re.compile(r"\b(?:dat|die|that|which|who|whose|wiens)\b", re.IGNORECASE)


def _verb_between(text: str, lo: int, hi: int) -> bool:
    verb = MAIN_VERB.search(text, lo, hi)
    return verb is not None and RELATIVE.search(text, lo, verb.start()) is None


def _qualifies_a_name(view: SentenceView, holder: Holder) -> bool:
    """ "Norway's Eirik Haugland": the country only says whose skater follows."""
    if not isinstance(holder, CountryMention):
        return False
    return any(POSSESSIVE_AFTER_NAME.fullmatch(view.text[holder.end : n.start]) for n in view.names)


def _holder_of_title(view: SentenceView, mention: RecordMention) -> Holder | None:
    """ "world-record holder Sander Eitrem", "wereldrecordhoudster Kok": the name the title
    is given to, right next to it."""
    word = view.text[mention.start : mention.end].casefold()
    if "hold" not in word and "houd" not in word:
        return None
    for holder in view.holders:
        gap = view.text[mention.end : holder.start] if holder.start >= mention.end else None
        if gap is not None and TITLE_GAP.fullmatch(gap):
            return holder
        if holder.end <= mention.start and TITLE_GAP.fullmatch(
            view.text[holder.end : mention.start]
        ):
            return holder
    return None


TITLE_GAP = re.compile(r"\s|,\s(?:de|het|the|a|an|een)\s(?:[\w-]+\s){0,2}", re.IGNORECASE)


def _holder_before(view: SentenceView, mention: RecordMention, lo: int) -> Holder | None:
    """ "Kjeld Nuis houdt ... het wereldrecord", "Bowe's track record"."""
    text = view.text
    for holder in reversed(view.holders):
        if holder.end > mention.start:
            continue
        if holder.end < lo:
            break  # the holders are in text order: the rest lie further back
        if HOLDS_AFTER_NAME.match(text, holder.end) or HOLDER_IS_AFTER_NAME.match(
            text, holder.end, mention.start
        ):
            return holder
        if POSSESSIVE_AFTER_NAME.match(text, holder.end) and mention.start - holder.end <= 25:
            return holder
    return None


def _old_time(
    view: SentenceView, mention: RecordMention, holder: Holder | None, hi: int
) -> tuple[TimeMention | None, Holder | None]:
    """The time of an old mark (and its holder, when the time names one): "from T to", the
    time of its holder ("T van X", "X (T)", "X's T", "T X had set", "X, whose T"), the first
    time after it that is not introduced as a new one, or the time that names it ("the 33.61
    world mark")."""
    text = view.text
    after = [t for t in view.times if mention.end <= t.start <= hi]
    for first, second in itertools.pairwise(after):
        if FROM_BEFORE.search(text, mention.end, first.start) and FROM_TO.match(
            text[first.end : second.start]
        ):
            return first, holder
    if holder is not None:
        time = time_of_holder(view, holder)
        if time is not None:
            return time, holder
    for time in after:
        owner = holder_of_time(view, time)
        if owner is not None:
            return time, holder or owner
        gap = text[mention.end : time.start]
        if holder is None and WITH_GAP.fullmatch(gap) and _beaten_or_own(view, mention):
            break  # "dipped under her own track record with 6:48.20": the new time
        if (
            NEW_TIME_GAP.search(gap)
            or NEXT_CLAUSE_GAP.search(gap)
            or CLAUSE_BREAK.search(gap)
            or _other_name_between(view, holder, mention.end, time.start)
        ):
            break
        return time, holder
    before = [t for t in view.times if t.end <= mention.start]
    if (
        before
        and mention.status_hint in ("broken", "existing")
        and RIGHT_BEFORE_RECORD.match(text[before[-1].end : mention.start])
    ):
        return before[-1], holder
    if mention.status_hint in ("broken", "existing"):
        return _stood_at(view, mention, before), holder
    return None, holder


# "Haar oude baanrecord stond sinds 2013 - gereden bij het OKT - op 1.53,31": the mark's time
# after the verb that says where it stood, however far; "Bowe is met 1.13,24 de houdster van
# het baanrecord", "met 1.11,61 staat het wereldrecord op haar naam": a standing mark's time
# before it.
STOOD_VERB = re.compile(r"\b(?:stond|staat|stood|stands)\b", re.IGNORECASE)
WITH_BEFORE = re.compile(
    r"\s(?:(?:\w+\s){0,2}(?:de|het|the)\s(?:houd(?:st)?er|holder)\s(?:van|of)\s(?:het|the)\s"
    r"|(?:staat|stond|stands|stood)\s(?:het|de|the)\s)",
    re.IGNORECASE,
)


# "Her 36.09", "Zijn 1.40,17": a time its holder owns.
POSSESSED_TIME = re.compile(r"\b(?:haar|zijn|hun|her|his|their)\s$", re.IGNORECASE)
REMAINS_GAP = re.compile(
    r"\s(?:[\w-]+\s){0,4}?(?:remains|remained|stays|stayed|blijft|bleef|is\sstill|was\sstill"
    r"|is|was)\s(?:het|de|the)\s(?:[\w-]+\s)?",
    re.IGNORECASE,
)


def _stood_at(
    view: SentenceView, mention: RecordMention, before: Sequence[TimeMention]
) -> TimeMention | None:
    text = view.text
    nxt = next_record_start(view, mention)
    for time in view.times:
        if mention.end <= time.start < nxt and not any(
            mention.end <= n.start < time.start for n in view.names
        ):
            lead = text[max(mention.end, time.start - 4) : time.start].casefold()
            if (
                lead.endswith((" op ", " at "))
                and STOOD_VERB.search(text, mention.end, time.start) is not None
                and not any(c in text[mention.end : time.start] for c in ";:")
            ):
                return time
            break
    if before and mention.status_hint == "existing":
        time = before[-1]
        lead = text[max(view.start, time.start - 5) : time.start].casefold()
        if lead.endswith(("met ", "with ")) and WITH_BEFORE.fullmatch(
            text, time.end, mention.start
        ):
            return time
        if POSSESSED_TIME.search(text, max(view.start, time.start - 8), time.start) and (
            REMAINS_GAP.fullmatch(text, time.end, mention.start)
        ):
            return time  # "Her 36.09 from last season remains the world record"
    return None


def _other_name_between(view: SentenceView, holder: Holder | None, lo: int, hi: int) -> bool:
    """A skater named between a record and a time, who is not its holder, skated that time."""
    return any(
        lo <= n.start
        and n.end <= hi
        and (holder is None or n.skater != getattr(holder, "skater", None))
        for n in view.names
    )


def time_of_holder(view: SentenceView, holder: Holder) -> TimeMention | None:
    """The time the words tie to a holder: "de 1.44,27 van Shani Davis", "Kjeld Nuis
    (1.43,00)", "Timothy Loubineaud, whose 6:00.23", "Bowe's 1:13.76"."""
    text = view.text
    for time in view.times:
        if time.end <= holder.start and TIME_OF_HOLDER.match(text[time.end : holder.start]):
            return time
        if time.start >= holder.end:
            gap = text[holder.end : time.start]
            if TIME_AFTER_HOLDER.match(gap) or (POSSESSIVE_AFTER_NAME.match(gap) and len(gap) <= 3):
                return time
    return None


TIME_HOLDER_REACH = 6  # " van ", " of ", " by ", " ": a holder right after their time


def holder_of_time(view: SentenceView, time: TimeMention) -> Holder | None:
    """Whose old mark a time is by its own words: "de 1.52,95 van Rijpma-de Jong", "Brittany
    Bowe's 1:13.76", "the 34.10 Jordan Stolz had set". (A time followed by "van X" alone is
    also how a result is written, so callers ask this only where a mark is being beaten.)"""
    text = view.text
    for holder in view.holders:
        if holder.start - time.end > TIME_HOLDER_REACH or time.start - holder.end > 3:
            continue
        if holder.start >= time.end:
            gap = text[time.end : holder.start]
            if TIME_OF_HOLDER.match(gap):
                return holder
            if gap == " " and HAD_SET_AFTER.match(text, holder.end, view.end):
                return holder
        elif holder.end <= time.start:
            gap = text[holder.end : time.start]
            if POSSESSIVE_AFTER_NAME.match(gap) and len(gap) <= 3:
                return holder
    return None


def _beaten_times(view: SentenceView) -> list[OldMark]:
    """Marks beaten by a verb without a record word: "verbeterde daarmee de 1.52,95 van
    Rijpma-de Jong", "to take down Brittany Bowe's 1:13.76", "dook onder de 1.44,27 van
    Shani Davis"."""
    marks = []
    for time in view.times:
        holder = holder_of_time(view, time)
        if holder is None:
            continue
        lo, _ = clause_around(view, time.start, time.end)
        if view.beats_within(lo, time.start):
            start = min(time.start, holder.start)
            end = max(time.end, holder.end)
            marks.append(OldMark(start, end, None, "broken", time, holder, beaten_here=True))
    return marks


def _points_near(view: SentenceView, mention: RecordMention, hi: int) -> bool:
    """A classification record: "a points world record", "het wereldrecord van Roest, 145,561
    punten", "the record of 145.561 points"."""
    if POINTS_NEAR.search(view.text, max(view.start, mention.start - 8), mention.start):
        return True
    if POINTS_WORD_AFTER.match(view.text, mention.end):
        return True
    return any(mention.end <= p.start <= min(hi, mention.end + POINTS_REACH) for p in view.points)


# "een wereldrecord punten", "het wereldrecord vierkamp", "the world record in points": a
# classification total.
POINTS_WORD_AFTER = re.compile(
    r"\s(?:(?:in|op|on|de|het|the)\s){0,2}(?:punten|vierkamp|sprintvierkamp|allround"
    r"|allroundvierkamp|points)\b",
    re.IGNORECASE,
)


# A sentence that opens by pointing back at the mark of the sentence before: "Diens 34,24
# dateerde van ...", "De 6.01,56 van de Zweed ...", "Het record van 2.50,76 werd ...",
# "Het oude wereldrecord van de Zuid-Koreaanse (36,36) ...", "Dat staat met 1.49,83 ...".
OPENER = re.compile(
    r"[\"“‘']?(?:"
    r"(?P<record>(?:Het|De|Dat|Dit|Die|That|This|The|Its)\s"
    r"(?:(?:oude|vorige|eigen|previous|old|former)\s)?(?:\w*record\w*|marks?|toptijd)\b)"
    r"|(?P<time>(?:Diens|Zijn|Haar|Hun|His|Her|Their|De|The|Dat|That)\s(?=[0-9]))"
    r"|(?P<pointer>(?:Dat|Dit|It|That|This)\s(?:staat|stond|is|was|werd|dateert|stands|stood"
    r"|has\sstood|dates|dated)\b))"
)
OPENER_REACH = 80  # the continued mark's time lies this close to the sentence start


@dataclass(frozen=True)
class Continuation:
    """The sentence after a mark that lacked a time or holder, opening with words that point
    back at it; `absorbed` are the record words of its opener (they name the same mark)."""

    view: SentenceView
    time: TimeMention | None
    absorbed: tuple[RecordMention, ...]


def opener_of(view: SentenceView) -> re.Match[str] | None:
    return OPENER.match(view.text, view.start, view.end)


def continuation(
    text: str, sentence: Sentence, mentions: Mentions, marks: Sequence[OldMark]
) -> Continuation | None:
    """How the next sentence continues this sentence's incomplete mark, if it does."""
    nxt = neighbour(text, sentence, 1)
    if nxt is None:
        return None
    return continuing(view_of(text, nxt, mentions), marks)


def continuing(view: SentenceView, marks: Sequence[OldMark]) -> Continuation | None:
    """`view` as the continuation of `marks` (the previous sentence's marks), or None."""
    if not any(m.time is None or (m.holder is None and not m.own) for m in marks):
        return None
    opener = opener_of(view)
    if opener is None:
        return None
    absorbed = tuple(
        r
        for r in view.records
        if r.start < opener.end() + 1
        and (r.refers_back or r.status_hint in ("broken", "existing"))
        and not r.plural
    )
    if opener.group("record") and not absorbed:
        return None  # "Het eerste baanrecord van het toernooi ...": another record
    reach = view.start + OPENER_REACH
    time = next((t for t in view.times if t.start <= reach), None)
    return Continuation(view, time, absorbed)


def previous_marks(text: str, sentence: Sentence, mentions: Mentions) -> tuple[OldMark, ...]:
    """The marks of the sentence before `sentence`."""
    prev = neighbour(text, sentence, -1)
    if prev is None:
        return ()
    before = neighbour(text, prev, -1)
    prev_view = view_of(text, prev, mentions)
    return old_marks(prev_view, view_of(text, before, mentions) if before else None)


def listed_holders(view: SentenceView, mention: RecordMention) -> list[Listed]:
    """The holders a plural record word lists, each with the distance and time in their part
    of the sentence: "de baanrecords van Nuis op de 1500 meter (1.43,00) en van De Boo op de
    1000 meter (1.07,08)"."""
    holders: list[Holder] = []
    end = mention.end
    while (holder := holder_after(view, end, view.end) or _listed_next(view, end)) is not None:
        holders.append(holder)
        end = holder.end
    if len(holders) < 2:
        return []
    listed = []
    for holder, nxt in itertools.zip_longest(holders, holders[1:]):
        stop = nxt.start if nxt is not None else view.end
        part = [t for t in view.times if holder.end <= t.start < stop]
        distance = next((d.distance for d in view.distances if holder.end <= d.start < stop), None)
        listed.append(Listed(holder, part[0] if part else None, distance))
    return listed


# Between two holders of a list: "van Nuis op de 1500 meter (1.43,00) en De Boo".
LIST_GAP = re.compile(r"(?:,|\ben|\band|&)\s(?:(?:van|of)\s)?$", re.IGNORECASE)
LIST_GAP_REACH = 60


def _listed_next(view: SentenceView, end: int) -> Holder | None:
    if end == view.end:
        return None
    nxt = next((h for h in view.holders if h.start >= end), None)
    if nxt is None or nxt.start - end > LIST_GAP_REACH:
        return None
    gap = view.text[end : nxt.start]
    return nxt if LIST_GAP.search(gap) and not CLAUSE_BREAK.search(gap) else None


@dataclass(frozen=True)
class Listed:
    """One holder of a plural record word, with the time and distance of their part."""

    holder: Holder
    time: TimeMention | None
    distance: str | None
