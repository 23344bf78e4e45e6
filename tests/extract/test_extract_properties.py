"""Any text in, facts out: no exception, and every evidence span slices the input exactly."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from schaatsradar.extract.pipeline import extract
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
SKATING = st.sampled_from(
    [
        "Jutta Leerdam",
        "won",
        "de 1000 meter",
        "in 1.12,74",
        "36,09",
        "baanrecord",
        "tweede",
        "Kok",
        "zij",
        "ploegenachtervolging",
        "Japan",
        ".",
        ",",
        "\n\n",
        "wereldrecord van",
        "1:12.74",
        "the Netherlands",
        "finished third",
        "Inzell",
        "zaterdag",
    ]
)


def _check(text: str) -> None:
    facts = extract(text, dt.date(2026, 1, 24), REGISTRY)
    for item in [*facts.results, *facts.records]:
        span = item.evidence
        assert text[span.start : span.end] == span.text
    for athlete in facts.athletes:
        for start, end in athlete.mentions:
            assert 0 <= start < end <= len(text)


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_any_unicode_text(text):
    _check(text)


@given(st.lists(SKATING, max_size=60).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_skating_word_salad(text):
    _check(text)
