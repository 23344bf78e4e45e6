"""Features for the confidence model (extract/confidence.py): general properties of a result
or record, of the sentence it was read from and of the other facts of the article.

Nothing here names a skater, an article or a phrase of one: only the shape of what was read
(has a time, a rank, which rank), where it stands (headline, first paragraph, how far the name
is from the number) and the words around it that make news say what did *not* happen
(negation, near misses, conditionals), what happened before (years, "vorig seizoen", "ago"),
or count a career ("haar vierde tijd ooit"). The model learns from the gold how much each
tells; these functions only measure, cheaply (a few regex searches per sentence).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field

from schaatsradar.extract.confidence_cues import (
    DUTCH,
    ENGLISH,
    NUMBER,
    ORDINAL_SCAN,
    RANK_CUE,
    SENTENCE_CUES,
    YEAR,
    YEAR_SCAN,
)
from schaatsradar.extract.confidence_times import TIME_FEATURES, time_features
from schaatsradar.extract.sentences import Sentence, split_sentences
from schaatsradar.extract.types import TEAM_DISTANCES, Facts, Record, Result

RECORD_TYPES = ("world", "track", "olympic", "national", "continental", "personal", "other")
STATUSES = ("set", "broken", "existing")


@dataclass
class ArticleView:
    """What every fact of one article shares: its sentences, language and other facts."""

    text: str
    article_date: dt.date | None
    facts: Facts
    sentences: list[Sentence] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    mentions: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    all_mentions: list[int] = field(default_factory=list)
    dutch: float = 0.0
    wanted: frozenset[str] | None = None  # the features the model uses (None: all of them)
    # The article's results by race (distance, gender, earlier), by skater and distance, and
    # per sentence: counted once so each result's features cost no pass over the others.
    races: dict[tuple[str, str | None, bool], list[Result]] = field(default_factory=dict)
    # Per skater, distance and meet (this one, or an earlier one and its year): a history
    # result of the same distance is another race, no rival of this one.
    skater_distance: Counter[tuple[str, str, bool, int | None]] = field(default_factory=Counter)
    per_sentence: Counter[int] = field(default_factory=Counter)
    # What most of the article's results share: a result off the article's main meet, rink or
    # distance is more often a memory or a misread context.
    competitions: Counter[str | None] = field(default_factory=Counter)
    venues: Counter[str | None] = field(default_factory=Counter)
    distances: Counter[str] = field(default_factory=Counter)
    known: dict[str, bool] = field(default_factory=dict)
    past_paragraphs: set[int] = field(default_factory=set)
    # Per sentence: does it say a placing (confidence_times), searched once per sentence.
    placings: dict[int, bool] = field(default_factory=dict)
    _cues: dict[int, dict[str, float]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        text: str,
        article_date: dt.date | None,
        facts: Facts,
        wanted: frozenset[str] | None = None,
        sentences: list[Sentence] | None = None,
    ) -> ArticleView:
        """The view of one article; `sentences` as extraction split them, if at hand."""
        if sentences is None:
            sentences = split_sentences(text)
        view = cls(text, article_date, facts, sentences, wanted=wanted)
        view.starts = [s.start for s in view.sentences]
        for athlete in facts.athletes:
            view.mentions[athlete.skater.name] = athlete.mentions
            view.known[athlete.skater.name] = athlete.skater.known
        view.all_mentions = sorted(m[0] for a in facts.athletes for m in a.mentions)
        if wanted is None or "dutch" in wanted:
            head = text[:1500]
            nl, en = len(DUTCH.findall(head)), len(ENGLISH.findall(head))
            view.dutch = 1.0 if nl > en else 0.0
        this_year = article_date.year if article_date else None
        if wanted is None or "paragraph_year_other" in wanted:
            for year in YEAR_SCAN.finditer(text):
                if view.sentences and int(year.group()) != this_year:
                    paragraph = view.sentences[view.sentence_at(year.start())].paragraph
                    view.past_paragraphs.add(paragraph)
        for result in facts.results:
            key = (result.distance, result.gender, result.earlier)
            view.races.setdefault(key, []).append(result)
            view.skater_distance[_race_of(result)] += 1
            view.per_sentence[view.sentence_at(result.evidence.start)] += 1
            view.competitions[result.competition] += 1
            view.venues[result.venue] += 1
            view.distances[result.distance] += 1
        return view

    def sentence_at(self, position: int) -> int:
        """Index of the sentence holding `position` (0 when before the first)."""
        return max(0, bisect.bisect_right(self.starts, position) - 1)

    def wants(self, *names: str) -> bool:
        """Whether the model reads any of `names` (the costlier features are skipped if not)."""
        return self.wanted is None or not self.wanted.isdisjoint(names)

    def cues(self, index: int) -> dict[str, float]:
        """The cue features of sentence `index`, computed once per sentence."""
        found = self._cues.get(index)
        if found is None:
            sentence = self.sentences[index] if self.sentences else Sentence(0, 0, 0)
            words = self.text[sentence.start : sentence.end]
            # A model uses a few of these: the others are not searched for (they cost most).
            found = {
                key: float(bool(p.search(words)))
                for key, p in SENTENCE_CUES.items()
                if self.wanted is None or key in self.wanted
            }
            if self.wants("year_other", "year_any"):
                years = [int(y) for y in YEAR.findall(words)]
                this_year = self.article_date.year if self.article_date else None
                found["year_other"] = float(any(y != this_year for y in years))
                found["year_any"] = float(bool(years))
            found["paragraph_year_other"] = float(sentence.paragraph in self.past_paragraphs)
            first = bisect.bisect_left(self.all_mentions, sentence.start)
            last = bisect.bisect_left(self.all_mentions, sentence.end)
            found["names_in_sentence"] = min(last - first, 6) / 6
            found["sentence_index"] = min(index, 20) / 20
            found["headline"] = float(index == 0)
            found["first_paragraph"] = float(sentence.paragraph <= 1)
            found["paragraph"] = min(sentence.paragraph, 20) / 20
            found["sentence_chars"] = min(len(words), 400) / 400
            self._cues[index] = found
        return found


def _log(value: float, cap: float) -> float:
    """A count or length squashed to 0-1: the difference between 1 and 10 matters more than
    between 100 and 110."""
    return min(math.log1p(max(value, 0)) / math.log1p(cap), 1.0)


def _race_of(result: Result) -> tuple[str, str, bool, int | None]:
    return (result.athlete, result.distance, result.earlier, result.year)


# The features `ArticleView.cues` gives a sentence, and those of a result's race and of the
# article's other results: a model that reads none of a group gets none of it computed (the
# shipped one reads three features of a result; training reads them all).
SENTENCE_FEATURES = (
    *SENTENCE_CUES,
    "year_other",
    "year_any",
    "paragraph_year_other",
    "names_in_sentence",
    "sentence_index",
    "headline",
    "first_paragraph",
    "paragraph",
    "sentence_chars",
)
NAME_FEATURES = ("name_in_evidence", "name_mentioned", "name_distance", "names_between")
RACE_FEATURES = (
    "same_skater_distance",
    "other_winner",
    "same_rank_other",
    "same_time_other",
    "race_size",
    "race_ranked",
    "race_timed",
    "time_only_in_ranked_race",
    "rank_only_in_timed_race",
)
ARTICLE_FEATURES = (
    "article_results",
    "share_competition",
    "share_venue",
    "share_distance",
    "main_distance",
    "race_date_gap",
    "race_date_old",
    "unknown_skater",
    "mentions",
    "named_in_headline",
    "sentence_results",
)


def result_features(view: ArticleView, result: Result) -> dict[str, float]:
    """The features of one result of `view.facts.results` (those the model reads, see
    `ArticleView.wanted`; a feature left out reads as 0 to the model, which gives it no
    weight)."""
    evidence = result.evidence
    wanted_cues = view.wants(*SENTENCE_FEATURES)
    features = dict(view.cues(view.sentence_at(evidence.start))) if wanted_cues else {}
    rank = result.rank
    # The rank word and number in the evidence: features of their own, and the anchor the
    # name features measure from.
    cued = view.wants("evidence_rank_cue", "evidence_number", *NAME_FEATURES)
    rank_cue = RANK_CUE.search(evidence.text) if cued else None
    number = NUMBER.search(evidence.text) if cued else None
    features.update(
        bias=1.0,
        dutch=view.dutch,
        has_time=float(result.seconds is not None),
        has_rank=float(rank is not None),
        time_and_rank=float(result.seconds is not None and rank is not None),
        rank_1=float(rank == 1),
        rank_2_3=float(rank in (2, 3)),
        rank_4_10=float(rank is not None and 4 <= rank <= 10),
        rank_over_10=float(rank is not None and rank > 10),
        earlier=float(result.earlier),
        no_competition=float(result.competition is None),
        no_venue=float(result.venue is None),
        no_gender=float(result.gender is None),
        no_country=float(result.country is None),
        race_date=float(result.race_date is not None),
        margin=float(result.margin is not None),
        team=float(result.distance in TEAM_DISTANCES),
        classification=float(result.distance in ("allround", "sprint")),
        mass_start=float(result.distance == "mass start"),
        evidence_chars=_log(len(evidence.text), 300),
        evidence_words=_log(evidence.text.count(" ") + 1, 50),
    )
    if cued:
        features["evidence_rank_cue"] = float(rank_cue is not None)
        features["evidence_number"] = float(number is not None)
    features["position"] = evidence.start / max(len(view.text), 1)
    # Where the skater is named relative to the evidence: inside it, in the same sentence, or
    # only earlier (a pronoun or a carried subject), and how far from its number.
    spans = view.mentions.get(result.athlete, [])
    if view.wants(*NAME_FEATURES):
        inside = [s for s in spans if evidence.start <= s[0] < evidence.end]
        anchored = number or rank_cue
        anchor = evidence.start + (anchored.start() if anchored else 0)
        nearest = min((abs(s[0] - anchor) for s in spans), default=None)
        features["name_in_evidence"] = float(bool(inside))
        features["name_mentioned"] = float(bool(spans))
        features["name_distance"] = _log(nearest, 400) if nearest is not None else 1.0
        between = 0
        if inside:
            low, high = sorted((inside[0][0], anchor))
            between = bisect.bisect_left(view.all_mentions, high) - bisect.bisect_right(
                view.all_mentions, low
            )
        features["names_between"] = min(between, 4) / 4
    if view.wants(*RACE_FEATURES):
        features.update(_race_features(view, result))
    if view.wants("rank_said", "other_rank_said"):
        said = {int(m.lastgroup[1:]) for m in ORDINAL_SCAN.finditer(evidence.text) if m.lastgroup}
        features["rank_said"] = float(rank is not None and rank in said)
        features["other_rank_said"] = float(any(r != rank for r in said))
    if view.wants(*ARTICLE_FEATURES):
        features.update(_article_features(view, result, spans))
    if view.wants(*TIME_FEATURES):
        features.update(time_features(view, result))
    return features


def _race_features(view: ArticleView, result: Result) -> dict[str, float]:
    """The other results: the same skater and distance twice is a conflict one of them loses;
    two winners of one race, or one time for two skaters, is a misread."""
    features: dict[str, float] = {}
    rank = result.rank
    same = view.skater_distance[_race_of(result)]
    race = [
        o
        for o in view.races.get((result.distance, result.gender, result.earlier), [])
        if o is not result
    ][:50]
    features["same_skater_distance"] = min(same - 1, 3) / 3
    features["other_winner"] = float(rank == 1 and any(o.rank == 1 for o in race))
    features["same_rank_other"] = float(rank is not None and any(o.rank == rank for o in race))
    features["same_time_other"] = float(
        result.seconds is not None
        and any(o.seconds == result.seconds and o.athlete != result.athlete for o in race)
    )
    features["race_size"] = _log(len(race) + 1, 20)
    ranked = sum(1 for o in race if o.rank is not None) / len(race) if race else 0.0
    timed = sum(1 for o in race if o.seconds is not None) / len(race) if race else 0.0
    features["race_ranked"] = ranked
    features["race_timed"] = timed
    features["time_only_in_ranked_race"] = float(rank is None and ranked > 0.5)
    features["rank_only_in_timed_race"] = float(result.seconds is None and timed > 0.5)
    return features


def _article_features(
    view: ArticleView, result: Result, spans: list[tuple[int, int]]
) -> dict[str, float]:
    """How the result stands among the article's others: its meet, rink and distance shared
    by most, its date, how often its skater is named."""
    features: dict[str, float] = {}
    features["article_results"] = _log(len(view.facts.results), 40)
    total = max(len(view.facts.results), 1)
    features["share_competition"] = view.competitions[result.competition] / total
    features["share_venue"] = view.venues[result.venue] / total
    features["share_distance"] = view.distances[result.distance] / total
    features["main_distance"] = float(
        view.distances[result.distance] == max(view.distances.values(), default=0)
    )
    gap = (
        abs((view.article_date - result.race_date).days)
        if view.article_date and result.race_date
        else 0
    )
    features["race_date_gap"] = _log(gap, 3650)
    features["race_date_old"] = float(gap > 10)
    features["unknown_skater"] = float(not view.known.get(result.athlete, True))
    features["mentions"] = _log(len(spans), 10)
    features["named_in_headline"] = float(
        bool(spans) and bool(view.sentences) and spans[0][0] < view.sentences[0].end
    )
    sentence = view.sentence_at(result.evidence.start)
    features["sentence_results"] = min(view.per_sentence[sentence], 6) / 6
    return features


def record_features(view: ArticleView, record: Record) -> dict[str, float]:
    """The features of one record of `view.facts.records`."""
    records = view.facts.records
    evidence = record.evidence
    features = dict(view.cues(view.sentence_at(evidence.start)))
    kind = record.type if record.type in RECORD_TYPES else "other"
    features.update({f"type_{t}": float(kind == t) for t in RECORD_TYPES})
    features.update({f"status_{s}": float(record.status == s) for s in STATUSES})
    times = {r.seconds for r in view.facts.results if r.seconds is not None}
    holders = Counter(r.athlete for r in view.facts.results)
    features.update(
        bias=1.0,
        dutch=view.dutch,
        has_athlete=float(record.athlete is not None),
        has_time=float(record.seconds is not None),
        has_venue=float(record.venue is not None),
        has_distance=float(record.distance is not None),
        no_gender=float(record.gender is None),
        time_of_a_result=float(record.seconds in times),
        holder_has_results=float(holders.get(record.athlete or "", 0) > 0),
        evidence_chars=_log(len(evidence.text), 300),
        position=evidence.start / max(len(view.text), 1),
        article_records=_log(len(records), 20),
        same_type=min(sum(1 for r in records if r.type == record.type) - 1, 4) / 4,
        same_mark=min(
            sum(
                1
                for r in records
                if r.type == record.type and r.distance == record.distance and r is not record
            ),
            3,
        )
        / 3,
    )
    return features
