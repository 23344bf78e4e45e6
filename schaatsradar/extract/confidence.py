"""How sure extraction is of each result and record, and the split into facts and candidates.

The rules find names, times, ranks and record words well; which of the facts they assemble a
news text really states (not a near miss, not last season, not "haar vierde tijd ooit") is
decided by a small model learned from the gold (`make model`, extract/training.py). It ships as
`data/confidence.json`: per kind, logistic-regression weights or a few shallow trees over the
features of extract/confidence_features.py and confidence_times.py, and the bar below which a
fact becomes a candidate.
Evaluated here in pure Python, so the runtime needs no scikit-learn. The file's hash is part
of `EXTRACTOR_VERSION`, so stored facts say which model judged them.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from schaatsradar.extract.confidence_features import (
    ArticleView,
    record_features,
    result_features,
)
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import Facts, Record, Result

MODEL_FILE = "confidence.json"


@dataclass(frozen=True)
class KindModel:
    """The model of one kind of fact (results or records) and its bar."""

    kind: str  # "logistic" or "trees"
    threshold: float
    weights: dict[str, float]
    bias: float
    # Trees: (feature per node, split value per node, left child, right child, leaf value);
    # a node whose feature is "" is a leaf.
    trees: tuple[tuple[tuple[str, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...],
                       tuple[float, ...]], ...] = ()  # fmt: skip
    rate: float = 1.0

    @classmethod
    def of(cls, data: dict[str, Any]) -> KindModel:
        trees = tuple(
            (
                tuple(t["feature"]),
                tuple(t["split"]),
                tuple(t["left"]),
                tuple(t["right"]),
                tuple(t["value"]),
            )
            for t in data.get("trees", [])
        )
        return cls(
            kind=data["kind"],
            threshold=float(data["threshold"]),
            weights=dict(data.get("weights", {})),
            bias=float(data.get("bias", 0.0)),
            trees=trees,
            rate=float(data.get("rate", 1.0)),
        )

    @property
    def features(self) -> frozenset[str]:
        """The features this model reads (only those need computing)."""
        if self.kind == "logistic":
            return frozenset(self.weights)
        return frozenset(name for tree in self.trees for name in tree[0] if name)

    def probability(self, features: dict[str, float]) -> float:
        score = self.bias
        if self.kind == "logistic":
            score += sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        else:
            for feature, split, left, right, value in self.trees:
                node = 0
                while feature[node]:
                    go_left = features.get(feature[node], 0.0) <= split[node]
                    node = left[node] if go_left else right[node]
                score += self.rate * value[node]
        return 1.0 / (1.0 + math.exp(-max(min(score, 40.0), -40.0)))


@dataclass(frozen=True)
class ConfidenceModel:
    results: KindModel | None
    records: KindModel | None
    version: str  # a short hash of the model file, "none" without one


def load_model(raw: bytes | None) -> ConfidenceModel:
    """The model in `raw` (the JSON file's bytes); without one every fact is confident."""
    if raw is None:
        return ConfidenceModel(None, None, "none")
    data = json.loads(raw)
    return ConfidenceModel(
        results=KindModel.of(data["results"]) if data.get("results") else None,
        records=KindModel.of(data["records"]) if data.get("records") else None,
        version=hashlib.sha256(raw).hexdigest()[:8],
    )


# Another model file, or "none" to state every fact found (what the knowledge and site tests
# that run the real command need; and a way to try a model before shipping it). Its hash
# becomes the extractor version all the same, so stored facts say which model judged them.
MODEL_OVERRIDE = "SCHAATSRADAR_CONFIDENCE_MODEL"


@functools.cache
def shipped_model() -> ConfidenceModel:
    """The model bundled with the package (data/confidence.json), read once per process."""
    override = os.environ.get(MODEL_OVERRIDE)
    if override:
        return load_model(None if override == "none" else Path(override).read_bytes())
    try:
        raw = resources.files("schaatsradar.extract").joinpath("data", MODEL_FILE).read_bytes()
    except FileNotFoundError:
        raw = None
    return load_model(raw)


def sift(
    text: str,
    article_date: dt.date | None,
    facts: Facts,
    model: ConfidenceModel | None = None,
    sentences: list[Sentence] | None = None,
) -> Facts:
    """`facts` with every result and record scored, and those below the bar moved to the
    candidates (order kept in both lists). `sentences`: the text as extraction split it."""
    model = model or shipped_model()
    if not facts.results and not facts.records:
        return facts
    # A view per kind, reading what that kind's model reads (the features it gives no weight
    # are not computed: most of them for the shipped models).
    view = ArticleView.of(text, article_date, facts, _reads(model.results), sentences)
    results, candidate_results = _split(
        facts.results, model.results, lambda r: result_features(view, r)
    )
    if facts.records:
        view = ArticleView.of(text, article_date, facts, _reads(model.records), sentences)
    records, candidate_records = _split(
        facts.records, model.records, lambda r: record_features(view, r)
    )
    return replace(
        facts,
        results=results,
        records=records,
        candidate_results=[*facts.candidate_results, *candidate_results],
        candidate_records=[*facts.candidate_records, *candidate_records],
    )


def _reads(model: KindModel | None) -> frozenset[str]:
    """The features `model` reads (none without a model: every fact is then sure)."""
    return model.features if model is not None else frozenset()


def _split(
    items: list[_Scored], model: KindModel | None, features: Callable[[_Scored], dict[str, float]]
) -> tuple[list[_Scored], list[_Scored]]:
    """`items` scored, as (at or above the model's bar, below it), order kept; without a
    model every item is sure."""
    sure: list[_Scored] = []
    unsure: list[_Scored] = []
    for item in items:
        p = model.probability(features(item)) if model else 1.0
        (sure if model is None or p >= model.threshold else unsure).append(
            _scored(item, round(p, 3))
        )
    return sure, unsure


_Scored = TypeVar("_Scored", Result, Record)


def _scored(item: _Scored, confidence: float) -> _Scored:
    """`item` with its confidence set: the same as `dataclasses.replace(item,
    confidence=...)` for these frozen dataclasses (every field an init field, no
    `__post_init__`), a plain copy of the fields instead of a fresh `__init__` through field
    introspection, several times faster for the dozens of facts of an article."""
    scored = object.__new__(type(item))
    scored.__dict__.update(item.__dict__, confidence=confidence)
    return scored
