"""Precision, recall and F1 of extraction output against gold files.

The matching rules are those of `../shared/tools/score_extraction.py`, the yardstick the
project is judged by; a test runs both on the dev corpus and requires the same numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

KINDS = ("athletes", "results", "records")
Match = Callable[[dict[str, Any], dict[str, Any]], bool]


def norm_name(name: Any) -> str | None:
    if name is None:
        return None
    folded = unicodedata.normalize("NFKD", str(name))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.casefold().replace("-", " ").replace("'", "").replace("\u2019", "")
    return re.sub(r"\s+", " ", folded).strip()


def to_seconds(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    parts = str(value).strip().replace(",", ".").split(":")
    try:
        if len(parts) == 1:
            return float(parts[0])
        if len(parts) == 2:
            return int(parts[0]) * 60 + float(parts[1])
        return int(parts[0]) * 3600 + int(parts[1]) * 60 + float(parts[2])
    except ValueError:
        return None


def norm_distance(distance: Any) -> str | None:
    if distance is None:
        return None
    folded = str(distance).casefold().replace(" ", "").replace(".", "")
    folded = folded.replace("meter", "m").replace("metres", "m").replace("meters", "m")
    aliases = {
        "masstart": "mass start",
        "teampursuit": "team pursuit",
        "ploegenachtervolging": "team pursuit",
        "teamsprint": "team sprint",
    }
    return aliases.get(folded, folded)


def _time_matches(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    gold_seconds = to_seconds(gold.get("time"))
    if gold_seconds is None:
        return True
    pred_seconds = to_seconds(pred.get("seconds", pred.get("time")))
    return pred_seconds is not None and abs(gold_seconds - pred_seconds) <= 0.005


def result_matches(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return (
        norm_name(gold.get("athlete")) == norm_name(pred.get("athlete"))
        and norm_distance(gold.get("distance")) == norm_distance(pred.get("distance"))
        and _time_matches(gold, pred)
        and (gold.get("rank") is None or pred.get("rank") == gold.get("rank"))
    )


def record_matches(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if (gold.get("type") or "").casefold() != (pred.get("type") or "").casefold():
        return False
    if gold.get("status") and gold.get("status") != pred.get("status"):
        return False
    if gold.get("athlete") and norm_name(gold["athlete"]) != norm_name(pred.get("athlete")):
        return False
    if gold.get("distance") and norm_distance(gold["distance"]) != norm_distance(
        pred.get("distance")
    ):
        return False
    return _time_matches(gold, pred)


VENUE_ALIASES = {
    "thialf": "heerenveen",
    "kearns": "salt lake city",
    "utah": "salt lake city",
    "salt lake": "salt lake city",
    "utah olympic oval": "salt lake city",
    "milano": "milan",
    "milano cortina": "milan",
    "milan cortina": "milan",
    "quebec": "quebec city",
    "vikingskipet": "hamar",
    "tomaszow mazowiecki": "tomaszow",
    "nur sultan": "astana",
    "pyeongchang": "gangneung",
    "peking": "beijing",
}
# The kind of meet a free-text competition names, first cue wins (the shared scorer's order).
COMPETITION_KINDS = (
    ("world_cup", ("world cup", "wereldbeker", "worldcup")),
    ("four_continents", ("four continents", "4ck", "vier continenten")),
    ("olympics", ("olymp", "spelen", "games")),
    ("world_championships", ("wk", "world", "wereld")),
    ("european", ("ek", "europ")),
    ("national", ("nk", "national", "nationa", "kampioenschap")),
)


def norm_venue(venue: Any) -> str | None:
    folded = norm_name(venue)
    return VENUE_ALIASES.get(folded, folded) if folded else None


def competition_kind(competition: Any) -> str | None:
    folded = norm_name(competition)
    if not folded:
        return None
    for kind, cues in COMPETITION_KINDS:
        if any(re.search(r"(^|\W)" + re.escape(cue), folded) for cue in cues):
            return kind
    return "other"


def _greedy(gold: list[Any], pred: list[Any], match: Match) -> tuple[int, list[Any], list[Any]]:
    used: set[int] = set()
    hits, misses = 0, []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and match(g, p):
                used.add(i)
                hits += 1
                break
        else:
            misses.append(g)
    return hits, misses, [p for i, p in enumerate(pred) if i not in used]


@dataclass
class Score:
    hits: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Agreement:
    """How often a matched result's venue or kind of meet agrees with the gold's."""

    agreed: int = 0
    compared: int = 0

    @property
    def rate(self) -> float | None:
        return self.agreed / self.compared if self.compared else None


@dataclass
class Evaluation:
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    venue: Agreement = field(default_factory=Agreement)
    competition: Agreement = field(default_factory=Agreement)
    misses: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    extras: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


def result_is_true(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Whether everything a result states is right: like `result_matches`, but a result that
    leaves the place open is not wrong for it (the scorer, which wants the place, counts it as
    an extra). `make model` reports both, to show how many extras are true but incomplete."""
    return result_matches(gold if pred.get("rank") is not None else {**gold, "rank": None}, pred)


def evaluate(
    pairs: Iterable[tuple[str, dict[str, Any], dict[str, Any]]],
    result_match: Match = result_matches,
) -> Evaluation:
    """Score (stem, gold, prediction) triples, micro-averaged over articles (results matched
    by `result_match`: the scorer's rule unless a caller asks what is true)."""
    evaluation = Evaluation()
    for stem, gold, pred in pairs:
        gold_names = [
            {"athlete": n} for n in dict.fromkeys(map(norm_name, gold.get("athletes", [])))
        ]
        pred_raw = [a["name"] if isinstance(a, dict) else a for a in pred.get("athletes", [])]
        pred_names = [{"athlete": n} for n in dict.fromkeys(map(norm_name, pred_raw))]
        kinds: tuple[tuple[str, list[Any], list[Any], Match], ...] = (
            ("athletes", gold_names, pred_names, lambda g, p: g["athlete"] == p["athlete"]),
            ("results", gold.get("results", []), pred.get("results", []), result_match),
            ("records", gold.get("records", []), pred.get("records", []), record_matches),
        )
        for kind, gold_items, pred_items, match in kinds:
            hits, misses, extras = _greedy(gold_items, pred_items, match)
            # A prediction matching an optional gold fact is neither rewarded nor punished.
            _, _, extras = _greedy(gold.get(f"{kind}_optional") or [], extras, match)
            score = evaluation.scores[kind]
            score.hits += hits
            score.predicted += hits + len(extras)
            score.gold += len(gold_items)
            evaluation.misses.extend((stem, kind, m) for m in misses)
            evaluation.extras.extend((stem, kind, e) for e in extras)
        _context_agreement(evaluation, gold.get("results", []), pred.get("results", []))
    return evaluation


def _context_agreement(
    evaluation: Evaluation, gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> None:
    """The knowledge base files a result under a meet by venue and kind: score both."""
    used: set[int] = set()
    for g in gold:
        for i, p in enumerate(pred):
            if i in used or not result_matches(g, p):
                continue
            used.add(i)
            if g.get("venue"):
                evaluation.venue.compared += 1
                evaluation.venue.agreed += norm_venue(g["venue"]) == norm_venue(p.get("venue"))
            kind = competition_kind(g.get("competition"))
            if kind:
                evaluation.competition.compared += 1
                evaluation.competition.agreed += kind == competition_kind(p.get("competition"))
            break
