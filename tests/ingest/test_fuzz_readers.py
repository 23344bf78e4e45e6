"""Fuzzing the readers: batches of good articles mixed with items full of NUL, lone
surrogates, control characters, impossible character references and deep nesting. Whatever
the bad items hold, the run ends normally, every good article of the batch is stored, and
every refusal comes with a code and a printable reason. JSON Lines, RSS, HTML pages and seed
files; on SQLite and PostgreSQL (SCHAATSRADAR_TEST_DATABASE_URL).

The examples are few (the suite must stay fast) but share one database, so each example's
good articles are new ones: a counter makes every story unique."""

from __future__ import annotations

import html
import json
import os
import re
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import run_ingest

FUZZ = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_stories = count(1)
NASTY = [
    "\x00",
    "\ud800",
    "\udfff",
    "\x01",
    "\x0b",
    "\x1b",
    "\x7f",
    "\ufffe",
    "\uffff",
    "\u2028",
    "\u200b",
    "\ufeff",
    "\U0010ffff",
]
# XML numeric references to characters that are illegal, impossible or merely odd.
NASTY_REFS = ["&#xD800;", "&#xDFFF;", "&#0;", "&#1;", "&#x1F;", "&#x110000;", "&#99999999999;"]

nasty = st.lists(
    st.one_of(
        st.sampled_from(NASTY),
        st.characters(categories=["Cc", "Cs", "Co", "Cn", "Zl", "Zp"]),
        st.text(max_size=4),
    ),
    min_size=1,
    max_size=6,
).map("".join)


def story() -> tuple[str, str]:
    """A fresh (title, text): distinct words, so never a duplicate of another story."""
    n = next(_stories)
    words = " ".join(f"f{n}w{i}" for i in range(10))
    return f"Verslag {n}", f"Sanne Post won op dag {n} de 1500 meter in Thialf: {words}."


def spoil(text: str, junk: str, at: float) -> str:
    cut = int(len(text) * at)
    return text[:cut] + junk + text[cut:]


def _stored_titles(store, titles: list[str]) -> set[str]:
    with store.read() as conn:
        return {row[0] for row in conn.exec_driver_sql("SELECT title FROM articles")} & set(titles)


# What no Atom feed (XML 1.0) can publish; PostgreSQL cannot even store the NUL.
NOT_PUBLISHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _check(report, store, good: list[str]) -> None:
    assert _stored_titles(store, good) == set(good), report.rejected
    with store.read() as conn:
        for row in conn.exec_driver_sql("SELECT title, clean_text, origin FROM articles"):
            assert not any(NOT_PUBLISHABLE.search(value) for value in row), row
    for rejection in report.rejected:
        assert rejection.code.startswith("E") and rejection.reason
        for text in (rejection.origin, rejection.reason):
            assert "\x00" not in text
            text.encode("utf-8")  # no lone surrogates: printable and storable


@pytest.fixture
def plain(settings):
    """Extraction off: the readers and the store are what is fuzzed here, and it is slow."""
    return settings.model_copy(update={"extract_on_ingest": False})


@FUZZ
@given(
    bad=st.lists(
        st.tuples(nasty, st.floats(0, 1), st.sampled_from(["text", "title", "source", "url"])),
        min_size=1,
        max_size=4,
    ),
    depth=st.sampled_from([0, 5_000, 200_000]),
    raw_garbage=st.binary(max_size=40),
)
def test_json_lines(store, plain, tmp_path_factory, bad, depth, raw_garbage):
    good = [story() for _ in range(3)]
    lines = [json.dumps({"date": "2026-01-18", "title": t, "text": x}) for t, x in good]
    for position, (junk, at, field) in enumerate(bad):
        title, text = story()
        record = {"date": "2026-01-18", "title": title, "text": text}
        record[field] = spoil(record.get(field, "https://krant.example/a"), junk, at)
        lines.insert(position * 2 % (len(lines) + 1), json.dumps(record))
    if depth:
        lines.insert(1, "[" * depth)
    folder = tmp_path_factory.mktemp("jsonl")
    path = folder / "gemengd.jsonl"
    path.write_bytes("\n".join(lines).encode() + b"\n" + raw_garbage.replace(b"\n", b"") + b"\n")
    report = run_ingest(store, plain, path)
    _check(report, store, [t for t, _ in good])


def _rss_text(value: str) -> str:
    """Text for an RSS element: escaped, with what XML cannot hold as character references
    (as a careless feed writer produces them)."""
    escaped = html.escape(value, quote=False)
    return "".join(
        f"&#{ord(c)};" if (ord(c) < 32 and c not in "\t\n\r") or 0xD800 <= ord(c) < 0xE000 else c
        for c in escaped
    )


def rss_item(title: str, text: str, link: str) -> str:
    """Full text in content:encoded: the reader then fetches no linked page."""
    return (
        f"<item><title>{title}</title><link>{link}</link>"
        "<pubDate>Sat, 17 Jan 2026 18:00:00 +0100</pubDate>"
        f"<content:encoded>{text}</content:encoded></item>"
    )


@FUZZ
@given(
    bad=st.lists(
        st.tuples(nasty, st.floats(0, 1), st.booleans(), st.sampled_from(NASTY_REFS)),
        min_size=1,
        max_size=3,
    )
)
def test_rss_feeds(store, plain, tmp_path_factory, bad):
    good = [story() for _ in range(3)]
    items = [
        rss_item(_rss_text(t), _rss_text(x), f"https://bode.example/{t.split()[1]}")
        for t, x in good
    ]
    for position, (junk, at, in_title, ref) in enumerate(bad):
        title, text = story()
        title, text = (spoil(title, junk, at), text) if in_title else (title, spoil(text, junk, at))
        link = f"https://bode.example/{title.split()[-1]}"
        item = rss_item(_rss_text(title) + ref, _rss_text(text), html.escape(link))
        items.insert(position * 2 % (len(items) + 1), item)
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bode</title>'
        f"<link>https://bode.example/</link>{''.join(items)}</channel></rss>"
    )
    path = tmp_path_factory.mktemp("rss") / "bode.xml"
    path.write_bytes(feed.encode("utf-8", "surrogatepass"))
    report = run_ingest(store, plain, path)
    _check(report, store, [t for t, _ in good])


def page(title: str, text: str) -> str:
    return (
        f"<html><head><title>{title}</title><meta property='article:published_time' "
        f"content='2026-01-17T18:00:00+01:00'></head><body><article><h1>{title}</h1>"
        f"<p>{text}</p><p>{text}</p></article></body></html>"
    )


@FUZZ
@given(bad=st.lists(st.tuples(nasty, st.floats(0, 1), st.booleans()), min_size=1, max_size=2))
def test_html_pages(store, plain, tmp_path_factory, bad):
    folder = tmp_path_factory.mktemp("html")
    good = [story() for _ in range(2)]
    for index, (title, text) in enumerate(good):
        (folder / f"goed-{index}.html").write_text(page(title, text), encoding="utf-8")
    for index, (junk, at, in_title) in enumerate(bad):
        title, text = story()
        title, text = (spoil(title, junk, at), text) if in_title else (title, spoil(text, junk, at))
        (folder / f"kapot-{index}.html").write_bytes(
            page(title, text).encode("utf-8", "surrogatepass")
        )
    report = run_ingest(store, plain, folder)
    _check(report, store, [t for t, _ in good])


@FUZZ
@given(
    bad=st.lists(
        st.tuples(nasty, st.floats(0, 1), st.binary(min_size=1, max_size=12)),
        min_size=1,
        max_size=3,
    )
)
def test_seed_files(store, plain, tmp_path_factory, bad):
    folder = tmp_path_factory.mktemp("seeds") / "krant"
    folder.mkdir()
    good = [story() for _ in range(2)]
    for index, (title, text) in enumerate(good):
        (folder / f"goed-{index}.txt").write_text(f" date 2026-01-18 {title}\n\n{text}")
    for index, (junk, at, name) in enumerate(bad):
        title, text = story()
        content = f" date 2026-01-18 {title}\n\n{spoil(text, junk, at)}"
        # File names of any bytes but '/' and NUL: Linux allows them, Python decodes them with
        # lone surrogates.
        safe_name = name.replace(b"/", b"_").replace(b"\x00", b"_").lstrip(b".") or b"x"
        path = folder / f"kapot-{index}-{os.fsdecode(safe_name)}.txt"
        path.write_bytes(content.encode("utf-8", "surrogatepass"))
    report = run_ingest(store, plain, folder)
    _check(report, store, [t for t, _ in good])
