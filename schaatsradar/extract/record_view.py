"""What one sentence holds for reading records: its mentions, its clauses, and where it says
a mark was beaten.

Why a module of its own: every reading of records (the old marks, their holders, the
continuation of a mark in the next sentence, the drafting of records) asks the same questions
of a sentence and of its neighbours; `SentenceView` answers them once per sentence, and
`clause_around` says how far a record's own words reach.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from schaatsradar.extract.countries import CountryMention
from schaatsradar.extract.distances import DistanceMention
from schaatsradar.extract.mentions import Mentions, inside
from schaatsradar.extract.names import NameMention
from schaatsradar.extract.record_words import RecordMention
from schaatsradar.extract.scanning import words
from schaatsradar.extract.sentences import Sentence, article_sentences, sentence_starts
from schaatsradar.extract.times import TimeMention
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
        if BEATING_WORDS_SCAN.search(low) is None:
            return ()
        return tuple(
            m.span()
            for m in BEATING.finditer(self.text, self.start, self.end)
            if not BARRIER_AFTER.match(self.text, m.end(), self.end)
        )

    def beats_within(self, lo: int, hi: int) -> bool:
        return any(lo <= start and end <= hi for start, end in self.beating)

    def breaks_within(self, lo: int, hi: int) -> bool:
        return any(lo <= start and end <= hi for start, end in self.clause_breaks)


def view_of(text: str, sentence: Sentence, mentions: Mentions) -> SentenceView:
    # The views handed out for these mentions, kept on them by the sentence's fields: a
    # plain-tuple lookup (the record readers ask some 30 times per article) instead of the
    # shared cache's key of a `Sentence` and a `_ById`, each hashed in Python per call.
    views = mentions.__dict__.setdefault("_views", {})
    key = (text, sentence.start, sentence.end, sentence.paragraph, sentence.run_on)
    view = views.get(key)
    if view is None:
        view = views[key] = _view_of(text, sentence, _ById(mentions))
    return view


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


def neighbour(text: str, sentence: Sentence, step: int) -> Sentence | None:
    """The sentence `step` places after (or, negative, before) `sentence`."""
    sentences = article_sentences(text)
    i = bisect.bisect_left(sentence_starts(text), sentence.start) + step
    return sentences[i] if 0 <= i < len(sentences) else None


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


# Verbs by which one record beats another, set in the clause of the old mark.
BEATING = re.compile(
    r"\b(?:verbeter\w*|verbr(?:ak|eekt|oken|eken)|brak|onttroonde|scherpte\w*\s(?:\S+\s){0,3}?aan"
    r"|aangescherpt"
    r"|uit\sde\sboeken|took\sdown|take\sdown|taking\sdown|takes\sdown|broke|break|breaks"
    r"|(?<!-)breaking|improv\w*|lower\w*|bettered|bettering|surpass\w*|dook\sonder|went\sunder"
    r"|dipped\sunder|(?:dook|doken|duikt|duiken)\s(?:[\w,]+\s){1,5}?onder|went\s(?:\w+\s){1,2}under|(?:took|taking|takes|take)\s(?:\S+\s){0,3}?off|sneller\sdan|faster\sthan|beter\sdan|better\sthan"
    r"|(?:nam|neemt|namen)\s(?:\S+\s){0,8}?over|overgenomen|(?:took|takes|taking)\s(?:\S+\s)"
    r"{0,4}?from|(?:pakte|pakt|pakten|nam|namen|neemt|nemen)\s(?:\S+\s){0,8}?af|ontnam|snatched|smashed|shattered"
    r"|verpulver\w*|verdween|sneuvelde|eras(?:e|ed|es|ing)|eclips\w*|obliterat\w*"
    r"|rewr(?:ote|ites|iting)|topp(?:ed|ing)|beat|beats|beating|below\s(?:the|her|his|their)"
    r"|(?:ruim|net|vlak|diep|seconde|seconden|tiende|tienden|honderdste|honderdsten|well|just"
    r"|far|second|seconds|tenth|tenths|hundredth|hundredths)\s(?:onder|under)\s)\b",
    re.IGNORECASE,
)
# A round barrier, not a mark: "the first man to break six minutes", "broke the 34-second
# barrier", "dook als eerste onder de zes minuten".
BARRIER_AFTER = re.compile(
    r"\s+(?:the\s+|de\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf"
    r"|twaalf|dertien|veertien|vijftien)[\s-](?:minutes?|seconds?|minuten|seconden|minuut"
    r"|seconde)\b",
    re.IGNORECASE,
)
# Every match of BEATING contains one of these (the tests check it): a sentence without any is
# passed over without a scan.
BEATING_WORDS = words(
    "verbeter verbr brak onttroonde scherpte aangescherpt boeken down broke break improv"
    " lower better surpass dook doken duikt duiken went dipped took sneller faster beter nam"
    " neemt namen nemen pakten"
    " overgenomen takes taking pakte pakt ontnam snatched smashed shattered verpulver"
    " verdween sneuvelde eras eclips obliterat rewr topp beat below onder under"
)
# Whether a sentence holds any of them, in one scan (a literal alternation finds one exactly
# where a substring test of each word would: some forty `in` tests per sentence before).
BEATING_WORDS_SCAN = re.compile("|".join(re.escape(word) for word in BEATING_WORDS))
