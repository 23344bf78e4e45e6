"""Every kind of bad input is reported with its reason and skipped; the rest of the batch goes
on and nothing stored before changes."""

import json
from pathlib import Path

import pytest

from schaatsradar import errors
from schaatsradar.store import reading
from tests.conftest import ARTICLES, dump, run_ingest, seed_file

GOOD = "Mila de Wit won de 1500 meter in Almelo in 1.56,31, voor Sanne Post en Lena Vogt."


@pytest.fixture
def stored_before(store, settings, tmp_path):
    """A database that already holds articles, and a dump of it."""
    run_ingest(store, settings, ARTICLES)
    return dump(store)


def _only_rejection(report):
    assert len(report.rejected) == 1, report.rejected
    return report.rejected[0]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"Leerdam won, maar dit bestand heeft geen datumregel.", errors.NO_DATE_LINE),
        (b" date 2025-02-30 Onmogelijke datum.", errors.BAD_DATE),
        (b" date volgende-week Onleesbare datum.", errors.BAD_DATE),
        (b" date 2026-01-24 ", errors.EMPTY_TEXT),
        (bytes(range(256)) * 40, errors.BINARY_FILE),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x10\xff" * 500, errors.BINARY_FILE),
    ],
)
def test_bad_file_is_rejected_and_the_batch_goes_on(
    store, settings, tmp_path: Path, stored_before, content, code
):
    bad = tmp_path / "in" / "bad.txt"
    bad.parent.mkdir()
    bad.write_bytes(content)
    seed_file(tmp_path / "in", "good.txt", "2026-01-18", GOOD)
    report = run_ingest(store, settings, tmp_path / "in")
    rejection = _only_rejection(report)
    assert rejection.code == code
    assert rejection.origin.startswith(str(bad))
    assert report.new == 1
    after = dump(store)
    for table, rows in stored_before.items():
        assert set(rows) <= set(after[table])  # nothing stored before changed or vanished
    assert len(after["articles"]) == len(stored_before["articles"]) + 1


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-8-sig"])
def test_text_in_other_encodings_is_decoded(store, settings, tmp_path: Path, encoding):
    text = " date 2026-01-18 Irène Schouten en Ireen Wüst reden in Thialf; Müller won brons."
    path = tmp_path / "encoded.txt"
    path.write_bytes(text.encode(encoding))
    report = run_ingest(store, settings, path)
    assert report.new == 1, report.rejected
    with store.read() as conn:
        clean = conn.exec_driver_sql("SELECT clean_text FROM articles").scalar_one()
    assert clean == text.split(" ", 3)[3]


def test_a_50_mb_file_is_rejected_without_reading_it(store, settings, tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.write(b" date 2026-01-18 ")
        stream.truncate(50 * 1024 * 1024)
    report = run_ingest(store, settings, big)
    rejection = _only_rejection(report)
    assert rejection.code == errors.TOO_LARGE
    assert "52.4 MB" in rejection.reason


def test_json_lines_with_bad_rows_keep_the_good_rows(
    store, settings, tmp_path: Path, stored_before
):
    rows = [
        {
            "url": "https://schaatsbode.example/a",
            "date": "2026-01-18",
            "title": "De Wit wint",
            "text": GOOD,
        },
        {"url": "https://schaatsbode.example/b", "title": "zonder datum", "text": "Post won."},
        {
            "url": "https://schaatsbode.example/c",
            "date": "2026-01-18",
            "title": "tekst is getal",
            "text": 42,
        },
        {"url": 17, "date": "2026-01-18", "text": "Vogt won."},
        {"url": "https://schaatsbode.example/d", "date": "2026-02-31", "text": "Vogt won."},
        ["geen", "object"],
    ]
    lines = [json.dumps(row) for row in rows] + ['{"url": "https://schaatsbode.example/e", "date":']
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    report = run_ingest(store, settings, path)
    assert report.new == 1
    by_line = {r.origin.rsplit(":", 1)[1]: r for r in report.rejected}
    assert by_line["2"].code == errors.MISSING_FIELD and "'date'" in by_line["2"].reason
    assert by_line["3"].code == errors.WRONG_TYPE and "'text'" in by_line["3"].reason
    assert by_line["4"].code == errors.WRONG_TYPE and "'url'" in by_line["4"].reason
    assert by_line["5"].code == errors.BAD_DATE
    assert by_line["6"].code == errors.WRONG_TYPE
    assert by_line["7"].code == errors.BAD_JSON
    assert set(stored_before["articles"]) <= set(dump(store)["articles"])


def test_an_overlong_json_line_is_rejected_and_the_next_line_read(store, settings, tmp_path: Path):
    path = tmp_path / "long.jsonl"
    settings = settings.model_copy(update={"max_line_bytes": 1000})
    huge = json.dumps({"date": "2026-01-18", "text": "x " * 5000})
    good = json.dumps({"date": "2026-01-18", "text": GOOD})
    path.write_text(huge + "\n" + good + "\n")
    report = run_ingest(store, settings, path)
    assert report.new == 1
    assert _only_rejection(report).origin.endswith(":1")


def test_missing_paths_are_reported(store, settings, tmp_path: Path):
    report = run_ingest(store, settings, tmp_path / "bestaat-niet.txt")
    assert _only_rejection(report).code == errors.NOT_FOUND


def test_html_page_without_an_article_is_rejected(store, settings, tmp_path: Path):
    page = tmp_path / "menu.html"
    page.write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/schaatsen'>Schaatsen</a></nav></body></html>"
    )
    report = run_ingest(store, settings, page)
    assert _only_rejection(report).code == errors.NO_ARTICLE_IN_PAGE


def test_gzipped_json_lines_are_read_and_a_truncated_one_keeps_its_whole_lines(
    store, settings, tmp_path: Path
):
    """An archive may come as `.jsonl.gz`; one cut off in transfer stores the lines before the
    cut and reports the file as unreadable, as any other broken file."""
    import gzip

    rows = [
        {"date": "2026-01-18", "text": f"Rit {n}: Mila de Wit reed de {n}00 meter in Almelo."}
        for n in range(1, 4)
    ]
    data = gzip.compress("".join(json.dumps(row) + "\n" for row in rows).encode())
    (tmp_path / "archief").mkdir()
    (tmp_path / "archief" / "whole.jsonl.gz").write_bytes(data)
    (tmp_path / "archief" / "cut.ndjson.gz").write_bytes(data[: len(data) - 12])
    report = run_ingest(store, settings, tmp_path / "archief")
    assert report.new == 3 and report.duplicate >= 1
    assert _only_rejection(report).origin.endswith("cut.ndjson.gz")


def test_an_endless_word_does_not_stop_the_ingest(store, settings, tmp_path: Path):
    """A run of 3,000 letters is no word any index can hold (PostgreSQL's lexemes end at
    2,047 bytes): the article is stored and found by its other words, and so is the next."""
    endless = f"Na de ploegenachtervolging volgde dit: {'x' * 3000} en verder niets."
    seed_file(tmp_path, "a/lang.txt", "2026-01-20", endless)
    seed_file(tmp_path, "a/kort.txt", "2026-01-21", GOOD)
    report = run_ingest(store, settings, tmp_path)
    assert (report.new, report.rejected) == (2, [])
    with store.read() as conn:
        assert len(reading.search(conn, "ploegenachtervolging")) == 1
        assert len(reading.search(conn, "Almelo")) == 1
