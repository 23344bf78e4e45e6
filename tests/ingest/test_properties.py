"""Whatever bytes arrive, ingest code either returns an article or raises its own error."""

import contextlib
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from schaatsradar.errors import InputRejected
from schaatsradar.ingest.decode import decode_text
from schaatsradar.ingest.pipeline import prepare
from schaatsradar.ingest.seedformat import parse_seed_text
from schaatsradar.ingest.types import RawArticle

TODAY = dt.date(2026, 11, 21)


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_any_bytes_decode_or_are_rejected(data):
    with contextlib.suppress(InputRejected):
        assert isinstance(decode_text(data), str)


@given(st.text(max_size=3000))
@settings(max_examples=300, deadline=None)
def test_any_text_parses_or_is_rejected(content):
    with contextlib.suppress(InputRejected):
        parse_seed_text(content, TODAY)


@given(st.text(min_size=1, max_size=3000))
@settings(max_examples=200, deadline=None)
def test_any_text_prepares_or_is_rejected(text):
    raw = RawArticle(origin="x", text=text, published=TODAY)
    try:
        prepared = prepare(raw)
    except InputRejected:
        return
    assert prepared.clean_text.strip()
    assert prepared.language in {"nl", "en", "de", "other"}
    assert len(prepared.band_keys) == 16
