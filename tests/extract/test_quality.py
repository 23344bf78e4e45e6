"""Quality gate (trafilatura's habit): F1 floors on the dev corpus and on our own annotated
articles. Raise a floor when extraction improves; a drop below one fails the suite."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from schaatsradar.extract.files import evaluate_folder, extract_files
from schaatsradar.extract.registry import Registry

DEV = Path(__file__).parents[3] / "shared" / "corpus" / "dev"
CASES = Path(__file__).parent / "cases"
SCORER = Path(__file__).parents[3] / "shared" / "tools" / "score_extraction.py"
TODAY = dt.date(2026, 11, 21)

# Measured 2026-11-21; the targets are results 0.90 (precision 0.95), athletes 0.95,
# records 0.85. Records: dev 1.00 and cases 0.968 after the record-reading rework (floors a
# little below, so one record more or less in a new case does not fail the suite).
FLOORS = {
    "dev": {"athletes": 0.95, "results": 0.82, "records": 0.90},
    "cases": {"athletes": 0.95, "results": 0.82, "records": 0.94},
}


@pytest.mark.parametrize("corpus", ["dev", "cases"])
def test_f1_floors(corpus):
    folder = DEV if corpus == "dev" else CASES
    if not folder.exists():
        pytest.skip(f"{folder} is not here (the dev corpus lives in ../shared)")
    evaluation = evaluate_folder(folder, Registry.bundled(), TODAY)
    for kind, floor in FLOORS[corpus].items():
        assert evaluation.scores[kind].f1 >= floor, (corpus, kind, evaluation.scores[kind])


def test_eval_gives_the_same_numbers_as_the_shared_scorer(tmp_path):
    if not SCORER.exists():
        pytest.skip("../shared/tools/score_extraction.py is not here")
    for folder in (DEV, CASES):
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
