"""`schaatsradar calendar` shows the season running on the command's day (pinned here), another
with --season, and `calendar import FILE` loads a season whole or not at all, on a real SQLite
file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from schaatsradar import cli

ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Testbond//Kalender//NL
BEGIN:VEVENT
UID:wb-3@testbond
DTSTAMP:20261001T120000Z
SUMMARY:ISU World Cup 3
DTSTART;VALUE=DATE:20261211
DTEND;VALUE=DATE:20261214
LOCATION:Thialf, Heerenveen
DESCRIPTION:Distances: 500m (x2), 1000m, mass start
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SCHAATSRADAR_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(cli, "_now", lambda: dt.datetime(2026, 12, 7, 8, 0))
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(cli.app, list(args))

    return invoke


def test_the_running_season_says_when_its_calendar_is_not_loaded(run) -> None:  # type: ignore[no-untyped-def]
    shown = run("calendar")
    assert shown.exit_code == 0, shown.output
    assert "The 2026-27 season" in shown.output
    assert "The calendar for 2026-27 is not loaded yet" in shown.output
    assert "seasons known: 2026-27, 2025-26" in shown.output
    last = run("calendar", "--season", "2025-26", "--level", "world cup")
    assert "The 2025-26 season" in last.output and "World Cup 5" in last.output
    assert "not loaded" not in last.output
    assert run("calendar", "--season", "2025-27").exit_code == 1


def test_a_days_range_spans_seasons(run) -> None:  # type: ignore[no-untyped-def]
    shown = run("calendar", "--from", "2026-02-01", "--to", "2026-02-28", "--level", "olympics")
    assert shown.exit_code == 0 and "Olympic Games" in shown.output
    assert "not loaded" not in shown.output


def test_import_loads_the_season_and_a_broken_file_stores_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "kapot.ics"
    broken.write_text(ICS.replace("DTSTART;VALUE=DATE:20261211", "DTSTART;VALUE=DATE:2026"))
    refused = run("calendar", "import", str(broken))
    assert refused.exit_code == 1
    assert "kapot.ics, line 4: DTSTART" in refused.output and "nothing stored" in refused.output
    assert "not loaded" in run("calendar").output

    good = tmp_path / "kalender.ics"
    good.write_text(ICS)
    stored = run("calendar", "import", str(good))
    assert stored.exit_code == 0, stored.output
    assert "calendar 2026-27: 1 meets (1 new, 0 updated, 0 unchanged)" in stored.output
    shown = run("calendar")
    assert "World Cup 3" in shown.output and "Thialf, Heerenveen" in shown.output
    assert "not loaded" not in shown.output
    ics = tmp_path / "uit.ics"
    assert run("calendar", "--ics", str(ics)).exit_code == 0
    [event] = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert str(event["URL"]).startswith("http://127.0.0.1:8000/wedstrijden/")  # our meet page
    again = run("calendar", "import", str(good))
    assert "(0 new, 0 updated, 1 unchanged)" in again.output
    assert run("calendar", "import", str(tmp_path / "weg.ics")).exit_code == 1


def test_import_from_a_url_goes_through_the_guard(run, httpserver, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    httpserver.expect_request("/seizoen.ics").respond_with_data(ICS, content_type="text/calendar")
    url = httpserver.url_for("/seizoen.ics")
    refused = run("calendar", "import", url)  # loopback is private: refused by default
    assert refused.exit_code == 1 and "E143" in refused.output
    monkeypatch.setenv("SCHAATSRADAR_ALLOW_PRIVATE_NETWORKS", "127.0.0.1/32")
    stored = run("calendar", "import", url)
    assert stored.exit_code == 0, stored.output
    assert "calendar 2026-27: 1 meets (1 new" in stored.output
