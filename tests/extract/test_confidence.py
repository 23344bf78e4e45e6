"""The confidence model: every result and record is scored, those below the bar are candidates
(same shape, not facts), the shipped model is plain JSON whose hash is in the extractor
version, and training it is reproducible. Our own sentences."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from schaatsradar.extract import confidence
from schaatsradar.extract.confidence import (
    MODEL_FILE,
    ConfidenceModel,
    KindModel,
    load_model,
    shipped_model,
    sift,
)
from schaatsradar.extract.pipeline import EXTRACTOR_VERSION, extract, extract_all
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)
MODEL = Path(confidence.__file__).parent / "data" / MODEL_FILE
CASES = Path(__file__).parent / "cases"

# A time and a rank for the winner; only a rank, read from the time order, for the others.
RACE = "Jutta Leerdam won de 1000 meter. Ze was met 1.14,17 sneller dan Miho Takagi en Femke Kok."


def timed_results_only() -> ConfidenceModel:
    """Sure of a result with a time (p 0.98), not of one without (p 0.5)."""
    results = KindModel(kind="logistic", threshold=0.9, weights={"has_time": 4.0}, bias=0.0)
    return ConfidenceModel(results=results, records=None, version="test")


def test_a_confident_result_stays_a_result():
    facts = sift(RACE, DATE, extract_all(RACE, DATE, REGISTRY), timed_results_only())
    assert [(r.athlete, r.rank) for r in facts.results] == [("Jutta Leerdam", 1)]
    assert facts.results[0].confidence == pytest.approx(0.982, abs=0.001)


def test_an_unsure_result_is_a_candidate_of_the_same_shape():
    facts = sift(RACE, DATE, extract_all(RACE, DATE, REGISTRY), timed_results_only())
    assert {(r.athlete, r.rank) for r in facts.candidate_results} == {
        ("Miho Takagi", 2),
        ("Femke Kok", 3),
    }
    assert all(r.confidence == 0.5 for r in facts.candidate_results)
    contract = facts.to_contract("test", DATE, "nl")
    (stated,) = contract["results"]
    for candidate in contract["candidates"]["results"]:
        assert set(candidate) == set(stated)
    assert contract["candidates"]["records"] == []


def test_records_are_scored_and_sifted_too():
    text = "Femke Kok reed in Salt Lake City een wereldrecord op de 500 meter: 36,09."
    never = KindModel(kind="logistic", threshold=1.1, weights={}, bias=0.0)
    facts = sift(text, DATE, extract_all(text, DATE, REGISTRY), ConfidenceModel(None, never, "t"))
    assert facts.records == []
    assert [(r.type, r.athlete) for r in facts.candidate_records] == [("world", "Femke Kok")]


def test_the_shipped_model_judges_a_plain_race_report_sure():
    """A plain "won in a time" sentence is what every source states the same way."""
    facts = extract("Femke Kok won in Inzell de 500 meter in 36,87.", DATE, REGISTRY)
    assert [(r.athlete, r.rank, r.seconds) for r in facts.results] == [("Femke Kok", 1, 36.87)]
    assert 0.0 < facts.results[0].confidence <= 1.0


def test_the_json_model_loads_and_its_hash_is_in_the_extractor_version():
    raw = MODEL.read_bytes()
    model = shipped_model()
    assert model.version == hashlib.sha256(raw).hexdigest()[:8] == load_model(raw).version
    assert model.results is not None and 0.0 < model.results.threshold <= 1.0
    assert EXTRACTOR_VERSION.endswith("+" + model.version)


def test_without_a_model_every_fact_is_confident():
    facts = sift(RACE, DATE, extract_all(RACE, DATE, REGISTRY), load_model(None))
    assert len(facts.results) == 3 and facts.candidate_results == []


def test_trees_are_evaluated_as_scikit_learn_does():
    np = pytest.importorskip("numpy")
    ensemble = pytest.importorskip("sklearn.ensemble")
    from schaatsradar.extract.training import export

    rng = np.random.RandomState(0)
    x = rng.rand(200, 3)
    y = (x[:, 0] + 0.3 * rng.rand(200) > 0.6).astype(int)
    fitted = ensemble.GradientBoostingClassifier(n_estimators=20, max_depth=2, random_state=0)
    fitted.fit(x, y)
    model = KindModel.of(export("trees", fitted, ["a", "b", "c"], 0.5))
    for row, expected in zip(x[:40], fitted.predict_proba(x[:40])[:, 1], strict=True):
        assert model.probability(dict(zip("abc", row, strict=True))) == pytest.approx(
            expected, abs=1e-4
        )


def test_training_twice_on_the_same_data_writes_the_same_file(tmp_path: Path):
    pytest.importorskip("sklearn")
    from schaatsradar.extract.training import main

    stems = sorted(p.stem for p in CASES.glob("*.json"))[:4]
    for folder, chosen in (("dev", stems[:2]), ("cases", stems[2:])):
        (tmp_path / folder).mkdir()
        for stem in chosen:
            for suffix in (".txt", ".json"):
                shutil.copy(CASES / f"{stem}{suffix}", tmp_path / folder / f"{stem}{suffix}")
    written = []
    for run in ("one", "two"):
        out = tmp_path / f"{run}.json"
        arguments = ["--dev", str(tmp_path / "dev"), "--cases", str(tmp_path / "cases")]
        assert main([*arguments, "--out", str(out), "--report", str(tmp_path / "r.txt")]) == 0
        written.append(out.read_bytes())
    assert written[0] == written[1]
    assert load_model(written[0]).version != "none"


def test_another_model_file_or_none_can_be_named(tmp_path: Path, monkeypatch):
    other = tmp_path / "other.json"
    other.write_bytes(MODEL.read_bytes().replace(b'"threshold":', b'"threshold": ', 1))
    try:
        for value, version in (
            ("none", "none"),
            (str(other), hashlib.sha256(other.read_bytes()).hexdigest()[:8]),
        ):
            monkeypatch.setenv(confidence.MODEL_OVERRIDE, value)
            shipped_model.cache_clear()
            assert shipped_model().version == version
    finally:
        monkeypatch.delenv(confidence.MODEL_OVERRIDE)
        shipped_model.cache_clear()
    assert shipped_model().version == hashlib.sha256(MODEL.read_bytes()).hexdigest()[:8]
