"""The keyword gates in front of case-blind sentence patterns (`scanning.Gate`) must never
turn away a stretch of text that holds a match."""

from __future__ import annotations

from pathlib import Path

import schaatsradar.extract.pipeline  # noqa: F401  (every gate is made on import)
from schaatsradar.extract import scanning as S

CASES = Path(__file__).parent / "cases"
MIXED_CASE = [
    "Vorig JAAR won ze; LAST SEASON she won. Drie jaar geleden, Two Years Ago, EERDER DIT SEIZOEN.",
    "DAT JAAR, That Season, BACK THEN, At The Time, destijds. The Previous Edition, Vorige Winter.",
]


def test_gates_never_hide_a_match() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))] + MIXED_CASE
    assert S.GATES
    for made in S.GATES:
        for text in texts:
            for m in made.pattern.finditer(text):
                assert made.open(text, m.start(), m.end()), (made.pattern.pattern[:60], m.group())
