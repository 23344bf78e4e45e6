"""Reference CSVs: a broken row is refused with its file, row and reason (and the whole file
with it, so a typo cannot quietly drop a record); a valid row the knowledge base does not
model is skipped with a reason; every bundled file loads, and all of it reaches the database.
Row numbers count the header as row 1."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from importlib import resources

import pytest

from schaatsradar import errors
from schaatsradar.knowledge.book import load_reference
from schaatsradar.knowledge.calendar import RowProblem, bundled_calendar
from schaatsradar.knowledge.games_calendar import fold_games
from schaatsradar.knowledge.reference import (
    ReferenceRejected,
    bundled_records,
    bundled_rinks,
    bundled_skaters,
    load_records,
    load_rinks,
    load_skaters,
)
from schaatsradar.store import Store, record_book

WORLD = "gender,distance,time,holder,country,date,venue_city,source,superseded,notes\n"
TRACK = "venue_city,gender,distance,time,holder,country,date,source,rink,note\n"
GOOD_WORLD_ROW = (
    "women,500m,36.09,Femke Kok,NED,2025-11-16,Salt Lake City,https://isu.example/kok,,\n"
)


def rejected(load: Callable[..., object], *args: str) -> list[tuple[str, int, str]]:
    with pytest.raises(ReferenceRejected) as caught:
        load(*args)
    assert caught.value.code == errors.BAD_REFERENCE_ROW
    problems = caught.value.problems
    # The message lists them all, one per line, as `schaatsradar db upgrade` shows them.
    assert str(caught.value).splitlines() == [str(p) for p in problems]
    return [(p.filename, p.row, p.reason) for p in problems]


def bundled_text(name: str) -> str:
    return resources.files("schaatsradar.data").joinpath(f"reference/{name}").read_text("utf-8")


# -- broken rows ------------------------------------------------------------------------------


def test_every_broken_record_row_is_listed_with_file_row_and_reason():
    text = WORLD + (
        GOOD_WORLD_ROW
        + "Women,500m,36.36,Lee Sang-hwa,KOR,2013-11-16,Salt Lake City,x,yes,\n"
        + "men,1000m,1.05.37,Jordan Stolz,USA,2024-01-26,Salt Lake City,x,,\n"
        + "men,1500m,1:40.17,Kjeld Nuis,NED,2019-13-10,Salt Lake City,x,,\n"
        + "men,5000m,6:00.23,Timothy Loubineaud,FRA,14 november,Salt Lake City,x,,\n"
        + "women,mass start,,Irene Schouten,NED,2022-02-19,Beijing,x,,\n"
    )
    problems = rejected(load_records, text, "world", "wr.csv")
    assert [(file, row) for file, row, _ in problems] == [
        ("wr.csv", 3),
        ("wr.csv", 4),
        ("wr.csv", 5),
        ("wr.csv", 6),
        ("wr.csv", 7),
    ]
    reasons = [reason for _, _, reason in problems]
    assert "gender" in reasons[0] and "Women" in reasons[0]
    assert "not a time" in reasons[1] and "1.05.37" in reasons[1]
    assert "month" in reasons[2]  # 2019-13-10
    assert "14 november" in reasons[3]
    assert "not a time" in reasons[4]


def test_a_track_record_without_its_rinks_city_is_refused():
    text = TRACK + (
        "Heerenveen,women,500m,36.67,Femke Kok,NED,2026-03-05,x,Thialf,\n"
        + ",women,1000m,1:12.80,Jutta Leerdam,NED,2022,x,Thialf,\n"
    )
    assert rejected(load_records, text, "track", "tr.csv") == [
        ("tr.csv", 3, "a track record needs its rink's city")
    ]


def test_a_file_missing_a_column_is_refused_at_its_header():
    text = "gender,distance,time,holder\nwomen,500m,36.09,Femke Kok\n"
    [(file, row, reason)] = rejected(load_records, text, "world", "wr.csv")
    assert (file, row) == ("wr.csv", 1)
    assert "date" in reason


def test_a_row_with_the_wrong_number_of_fields_is_refused():
    text = WORLD + GOOD_WORLD_ROW + "men,500m,33.61,Pavel Kulizhnikov,RUS,2019-03-09,x\n"
    assert rejected(load_records, text, "world", "wr.csv") == [
        ("wr.csv", 3, "wrong number of fields")
    ]


def test_a_row_with_the_wrong_number_of_fields_does_not_hide_the_other_broken_rows():
    text = WORLD + (
        "men,500m,33.61,Pavel Kulizhnikov,RUS,2019-03-09,x\n"
        + "men,1000m,fast,Jordan Stolz,USA,2024-01-26,Salt Lake City,x,,\n"
    )
    assert [row for _, row, _ in rejected(load_records, text, "world", "wr.csv")] == [2, 3]


def test_a_time_with_more_than_59_seconds_after_the_minutes_is_refused():
    text = WORLD + "women,1000m,1:72.74,Jutta Leerdam,NED,2026-01-24,Inzell,x,,\n"
    [(_, row, reason)] = rejected(load_records, text, "world", "wr.csv")
    assert row == 2 and "1:72.74" in reason


def test_a_record_time_no_one_can_skate_is_refused():
    text = WORLD + "men,500m,3.61,Pavel Kulizhnikov,RUS,2019-03-09,Salt Lake City,x,,\n"
    [(_, row, reason)] = rejected(load_records, text, "world", "wr.csv")
    assert row == 2 and "3.61" in reason


def test_a_record_without_a_holder_is_refused():
    text = WORLD + "men,1000m,1:05.37,,USA,2024-01-26,Salt Lake City,x,,\n"
    [(_, row, reason)] = rejected(load_records, text, "world", "wr.csv")
    assert row == 2 and "holder" in reason


def test_a_misspelt_distance_is_not_skipped_as_unmodelled():
    text = WORLD + "men,1500 m,1:40.17,Kjeld Nuis,NED,2019-03-10,Salt Lake City,x,,\n"
    try:
        loaded = load_records(text, "world", "wr.csv")
    except ReferenceRejected as refusal:
        assert [p.row for p in refusal.problems] == [2]
    else:
        assert [r.distance for r in loaded.rows] == ["1500m"]
        assert loaded.skipped == []


def test_broken_skater_rows_are_each_listed():
    text = (
        "name,aliases,country,gender,born,discipline,source\n"
        ",,NED,women,,long track,x\n"
        "Jutta Leerdam,,NED,female,,long track,x\n"
        "Femke Kok,,NED,women,19xx,long track,x\n"
        "Joy Beune,,NED,women,,long track,x\n"
    )
    problems = rejected(load_skaters, text, "athletes.csv")
    assert [(f, r) for f, r, _ in problems] == [
        ("athletes.csv", 2),
        ("athletes.csv", 3),
        ("athletes.csv", 4),
    ]
    assert "name" in problems[0][2]
    assert "female" in problems[1][2]
    assert "19xx" in problems[2][2]


def test_broken_rink_rows_are_each_listed():
    text = (
        "rink,city,country,indoor,altitude_m,aliases,source,notes\n"
        "Thialf,,NED,yes,0.4,,x,\n"
        "Max Aicher Arena,Inzell,GER,yes,hoog,,x,\n"
        "Olympic Oval,Calgary,CAN,yes,1105,,x,\n"
    )
    problems = rejected(load_rinks, text, "venues.csv")
    assert [(f, r) for f, r, _ in problems] == [("venues.csv", 2), ("venues.csv", 3)]
    assert "hoog" in problems[1][2]


# -- valid rows the knowledge base does not model ---------------------------------------------


def test_points_combinations_and_two_500s_are_skipped_with_a_reason():
    text = WORLD + (
        GOOD_WORLD_ROW
        + "men,sprint combination (points),136.065,Kai Verbij,NED,2017-02-25/26,Calgary,x,,\n"
        + "men,500m x 2,1:08.31,Jeremy Wotherspoon,CAN,2008-03-15,Calgary,x,,\n"
        + "women,mini combination (points),153.497,Miho Takagi,JPN,2020-12,Obihiro,x,,\n"
    )
    loaded = load_records(text, "world", "wr.csv")
    assert [(r.distance, r.seconds, r.row) for r in loaded.rows] == [("500m", 36.09, 2)]
    assert [(p.filename, p.row) for p in loaded.skipped] == [
        ("wr.csv", 3),
        ("wr.csv", 4),
        ("wr.csv", 5),
    ]
    for problem, what in zip(
        loaded.skipped,
        ("sprint combination (points)", "500m x 2", "mini combination (points)"),
        strict=True,
    ):
        assert what in problem.reason


def test_a_mixed_relay_row_is_kept_as_a_relay():
    text = WORLD + "mixed,mixed relay,2:56.14,Netherlands,NED,2025-11-16,Salt Lake City,x,,\n"
    [row] = load_records(text, "world", "wr.csv").rows
    assert (row.gender, row.distance, row.team) == ("mixed", "relay", True)


# -- the bundled files ------------------------------------------------------------------------


def _csv_rows(name: str) -> list[dict[str, str]]:
    return [
        row
        for row in csv.DictReader(io.StringIO(bundled_text(name)))
        if any((v or "").strip() for v in row.values())
    ]


def test_every_bundled_reference_file_loads():
    records = bundled_records()
    world, track = _csv_rows("world_records.csv"), _csv_rows("track_records.csv")
    olympic = [r for r in records.rows if r.kind == "olympic"]
    assert len(records.rows) - len(olympic) + len(records.skipped) == len(world) + len(track)
    # Each track record the file notes as an Olympic record is an Olympic record too.
    assert len(olympic) == sum(r["note"].startswith("Olympic record") for r in track) > 0
    assert len(bundled_skaters().rows) == len(_csv_rows("athletes.csv"))
    assert len(bundled_rinks().rows) == len(_csv_rows("venues.csv"))
    assert bundled_calendar()
    # The only rows left out are the combinations and the 2 x 500m, each with its reason.
    unmodelled = [
        RowProblem("world_records.csv", number, f"not a race distance: {row['distance']}")
        for number, row in enumerate(world, start=2)
        if "(points)" in row["distance"] or " x " in row["distance"]
    ]
    assert records.skipped == unmodelled
    assert unmodelled


def test_olympic_records_come_from_the_track_records_notes():
    text = (
        "venue_city,gender,distance,time,holder,country,date,source,rink,note\n"
        "Milan,women,3000m,3:54.28,Lotte Test,ITA,2026-02-07,https://x.test,Oval,"
        "Olympic record; also the rink's\n"
        "Milan,women,1500m,1:54.09,Anna Test,NED,2026-02-20,https://x.test,Oval,"
        "Olympic winning time (not an Olympic record)\n"
        "Inzell,women,1000m,1:12.74,Jutta Leerdam,NED,2026-01-24,https://x.test,Oval,\n"
    )
    rows = load_records(text, "track", "track_records.csv").rows
    assert [r.olympic for r in rows] == [True, False, False]


def test_the_bundled_reference_data_all_reaches_the_database(store: Store):
    with store.write() as conn:
        load_reference(conn)
    records = bundled_records().rows
    with store.read() as conn:
        stored = record_book.records(conn, history=True)
        kept = {
            (r.kind, r.scope, r.distance, r.gender, round(r.seconds or 0, 2))
            for r in stored
            if r.origin == "reference"
        }
        for row in records:
            scope = row.venue if row.kind == "track" else ""
            assert (row.kind, scope, row.distance, row.gender, row.seconds) in kept, row
        assert len([r for r in stored if r.origin == "reference"]) == len(records)
        # Exactly one current mark per record, and each names its reference file.
        current = [(r.kind, r.scope, r.distance, r.gender) for r in stored if r.status == "current"]
        assert len(current) == len(set(current))
        for record in stored:
            sources = record_book.record_sources(conn, record.id)
            assert [s["source_key"] for s in sources] == [f"reference:{record.kind}"]
        skaters = conn.exec_driver_sql("SELECT count(*) FROM skaters WHERE known").scalar()
        rinks = conn.exec_driver_sql("SELECT count(*) FROM rinks").scalar()
        meets = conn.exec_driver_sql("SELECT count(*) FROM competitions").scalar()
    assert skaters == len(bundled_skaters().rows)
    assert rinks == len(bundled_rinks().rows)
    assert meets == len(fold_games(bundled_calendar()))  # the Games' days are one meet
