"""Quality gate (trafilatura's habit): F1 floors on the dev corpus and on our own annotated
articles. Raise a floor when extraction improves; a drop below one fails the suite."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from schaatsradar.extract.files import evaluate_folder, extract_files
from schaatsradar.extract.folds import SEALED, find_dev_corpus
from schaatsradar.extract.registry import Registry

DEV = find_dev_corpus(Path(__file__).resolve().parent) or Path("../shared/corpus/dev")
CASES = Path(__file__).parent / "cases"
# Our own held-out articles: written without looking at the extractor's output and never
# trained on (the confidence model reads `cases` only), a stand-in for the sealed fold.
UNSEEN = Path(__file__).parent / "cases_unseen"
# Invented record stories (class 7 of issue 11), also never trained on.
RECORD_STORIES = Path(__file__).parent / "cases_records"
# English race reports and record stories written blind (u120-u135, branch xgen4).
UNSEEN_EN_RECORDS = Path(__file__).parent / "cases_unseen_en_records"
FOLDERS = {
    "cases": CASES,
    "unseen": UNSEEN,
    "records": RECORD_STORIES,
    "unseen_en_records": UNSEEN_EN_RECORDS,
}
SCORER = DEV.parents[1] / "tools" / "score_extraction.py"
TODAY = dt.date(2026, 11, 21)

# Measured 2026-12-07 on the rules alone (results plus candidates): dev (the 48 open
# articles) athletes 0.983, results 0.848, records 0.935; cases athletes 0.991, results 0.965,
# records 0.971. The targets: results 0.90 (precision 0.95), athletes 0.97, records
# 0.85. Floors a little below, so one fact more or less in a new case does not fail the suite.
FLOORS = {
    "dev": {"athletes": 0.97, "results": 0.83, "records": 0.90},
    "cases": {"athletes": 0.97, "results": 0.94, "records": 0.95},
    # Measured 2026-12-07 (ex-general, 32 articles): athletes 0.972, results 0.930, records 1.0.
    # With u033-u052 (52 articles), before their fixes: athletes 0.978, results 0.884, records
    # 0.945; after (xprec): athletes 0.982, results 0.941, records 1.0. With u053-u059 (59
    # articles), before their fixes: athletes 0.983, results 0.908, records 0.989; after
    # (xgen): athletes 0.985, results 0.955, records 1.0.
    # With u087-u102 (102 articles; 16 longer Dutch reports, xgen3), after their results fixes:
    # athletes 0.987, results 0.917, records 0.902 (their record classes are still open:
    # standing marks read as set, "staat op naam van ..., met", a negated holder).
    "unseen": {"athletes": 0.95, "results": 0.90, "records": 0.88},
    # Measured 2026-12-07 (xrecgen, 33 articles, rules plus candidates): athletes 1.0, records
    # 1.0 (before the record fixes, r901-r916: records 0.806).
    "records": {"athletes": 0.97, "results": 0.85, "records": 0.95},
    # xgen4 (16 articles, rules plus candidates): blind, results F1 0.742, records 0.626; after
    # the fixes results 0.772, records 0.800. Floors below: classes still open are listed in
    # the folder's README.
    "unseen_en_records": {"athletes": 0.97, "results": 0.75, "records": 0.76},
}


def open_fold(tmp_path: Path) -> Path:
    """The dev corpus less the sealed fold, as a folder of links."""
    folder = tmp_path / "open"
    folder.mkdir()
    for gold in DEV.glob("*.json"):
        if gold.stem not in SEALED:
            for path in (gold, gold.with_suffix(".txt")):
                (folder / path.name).symlink_to(path.resolve())
    return folder


@pytest.mark.parametrize("corpus", ["dev", "cases", "unseen", "records", "unseen_en_records"])
def test_f1_floors(corpus, tmp_path):
    folder = DEV if corpus == "dev" else FOLDERS[corpus]
    if not folder.exists():
        pytest.skip(f"{folder} is not here (the dev corpus lives in ../shared)")
    if corpus == "dev":
        folder = open_fold(tmp_path)
    # What the rules find, before the confidence model moves the unsure facts to candidates.
    evaluation = evaluate_folder(folder, Registry.bundled(), TODAY, with_candidates=True)
    for kind, floor in FLOORS[corpus].items():
        assert evaluation.scores[kind].f1 >= floor, (corpus, kind, evaluation.scores[kind])


# The confident results and records (what the contract states as facts, and what is scored):
# precision first (issue 11), without throwing most facts away (an F1 floor as well). Measured
# 2026-12-07: dev results P 0.938 F1 0.852, records P 0.942 F1 0.935; cases results P 0.987
# F1 0.904, records P 0.978 F1 0.971. With the subject and sentence-shape rules (ex-subjects,
# ex-shapes): dev results P 0.970 F1 0.894; cases results P 0.988 F1 0.912, records P 0.993
# F1 0.986.
PRECISION_FLOORS = {
    "dev": {"results": 0.92, "records": 0.92},
    "cases": {"results": 0.96, "records": 0.95},
    # Measured 2026-12-07 (ex-general): results P 0.987 F1 0.945, records P 1.0 F1 1.0.
    # 52 articles (xprec): before the fixes results P 0.933 F1 0.893, records P 0.935 F1 0.945;
    # after, results P 0.992 F1 0.948, records P 1.0 F1 1.0. 59 articles (xgen): before the
    # fixes results P 0.964 F1 0.908; after, results P 0.993 F1 0.955, records P 1.0 F1 1.0.
    # 102 articles (xgen3, with u087-u102): results P 0.969 F1 0.929, records P 0.906 F1 0.902.
    "unseen": {"results": 0.96, "records": 0.88},
    # xrecgen (33 articles): results P 0.948 F1 0.897, records P 1.0 F1 1.0. The results
    # floor is lower: r929/r930 hold results classes still open (a distance named in a
    # history clause moves the race, "X, die 36,51 reed").
    "records": {"results": 0.93, "records": 0.95},
    # xgen4: blind results P 0.780 F1 0.777, records P 0.654 F1 0.626; after the fixes results
    # P 0.809 F1 0.806, records P 0.853 F1 0.800.
    "unseen_en_records": {"results": 0.79, "records": 0.82},
}
CONFIDENT_F1_FLOORS = {
    "dev": {"results": 0.83, "records": 0.90},
    "cases": {"results": 0.88, "records": 0.95},
    "unseen": {"results": 0.91, "records": 0.88},
    "records": {"results": 0.88, "records": 0.95},
    "unseen_en_records": {"results": 0.79, "records": 0.77},
}


@pytest.mark.parametrize("corpus", ["dev", "cases", "unseen", "records", "unseen_en_records"])
def test_confident_facts_are_precise(corpus, tmp_path):
    folder = DEV if corpus == "dev" else FOLDERS[corpus]
    if not folder.exists():
        pytest.skip(f"{folder} is not here (the dev corpus lives in ../shared)")
    if corpus == "dev":
        folder = open_fold(tmp_path)
    evaluation = evaluate_folder(folder, Registry.bundled(), TODAY)
    for kind, floor in PRECISION_FLOORS[corpus].items():
        score = evaluation.scores[kind]
        assert score.precision >= floor, (corpus, kind, score)
        assert score.f1 >= CONFIDENT_F1_FLOORS[corpus][kind], (corpus, kind, score)


def test_eval_gives_the_same_numbers_as_the_shared_scorer(tmp_path):
    if not SCORER.exists():
        pytest.skip("../shared/tools/score_extraction.py is not here")
    for folder in (open_fold(tmp_path) if DEV.exists() else DEV, CASES, UNSEEN):
        if not folder.exists():
            continue
        predictions = tmp_path / f"{folder.name}.jsonl"
        lines = [
            json.dumps(f.contract, ensure_ascii=False)
            for f in extract_files(sorted(folder.glob("*.txt")), Registry.bundled(), TODAY)
        ]
        predictions.write_text("\n".join(lines) + "\n", encoding="utf-8")
        shared = subprocess.run(
            [sys.executable, str(SCORER), str(folder), str(predictions), "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
        expected = json.loads(shared.stdout)["scores"]
        ours = evaluate_folder(folder, Registry.bundled(), TODAY).scores
        for kind in ("athletes", "results", "records"):
            assert ours[kind].hits == round(expected[kind]["recall"] * expected[kind]["gold"])
            assert ours[kind].predicted == expected[kind]["predicted"]
            assert ours[kind].gold == expected[kind]["gold"]
            assert abs(ours[kind].f1 - expected[kind]["f1"]) < 1e-9
        context = json.loads(shared.stdout)["context"]
        evaluation = evaluate_folder(folder, Registry.bundled(), TODAY)
        assert evaluation.venue.rate == context["venue"]
        assert evaluation.venue.compared == context["venue_compared"]
        assert evaluation.competition.rate == context["competition"]
        assert evaluation.competition.compared == context["competition_compared"]
