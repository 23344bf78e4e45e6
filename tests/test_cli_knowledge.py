"""The knowledge commands as a newsroom runs them: a real process on a real SQLite file,
fed with the two seed articles and an official list."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
FIXTURES = Path(__file__).parent / "knowledge" / "fixtures"
# These test what the knowledge commands make of the facts extraction states; which facts it is
# sure of is the confidence model's business (tests/extract), so here it states them all.
EVERY_FACT = {"SCHAATSRADAR_CONFIDENCE_MODEL": "none"}


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory):
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not here (the seed articles live in ../shared)")
    folder = tmp_path_factory.mktemp("cli")
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": f"sqlite:///{folder / 'cli.db'}",
        "COLUMNS": "200",
        **EVERY_FACT,
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "schaatsradar", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run("ingest", str(SEEDS)).returncode == 0
    return run


def test_ingest_reports_what_the_knowledge_base_made_of_it(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": f"sqlite:///{tmp_path / 'k.db'}",
        **EVERY_FACT,
    }
    done = subprocess.run(
        [sys.executable, "-m", "schaatsradar", "ingest", str(SEEDS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert "knowledge: results 7" in done.stdout


def test_athlete_profile_shows_results_bests_records_and_news(cli) -> None:
    shown = cli("athlete", "Jutta", "Leerdam")
    assert shown.returncode == 0
    assert "World Cup 5" in shown.stdout and "1.12,74" in shown.stdout  # Dutch by default
    assert "record: track Inzell women 1000m 1.12,74 Jutta Leerdam 2026-01-24" in shown.stdout
    english = cli("athlete", "Jutta", "Leerdam", "--lang", "en")
    assert "1:12.74" in english.stdout and "1.12,74" not in english.stdout
    assert cli("athlete", "Jutta", "Leerdam", "--lang", "de").returncode == 2
    profile = json.loads(cli("athlete", "Jutta Leerdam", "--json").stdout)
    assert profile["personal_bests"]["1000m"] == "1:12.74"
    assert sorted(r["rank"] for r in profile["results"] if r["distance"] == "500m") == [5, 10]


def test_an_unknown_skater_is_a_clear_error(cli) -> None:
    shown = cli("athlete", "Niemand", "Bestaatniet")
    assert shown.returncode == 1
    assert "E302" in shown.stderr and "Niemand Bestaatniet" in shown.stderr


def test_records_with_history_keep_the_broken_world_record(cli) -> None:
    shown = cli(
        "records", "--type", "world", "--distance", "500m", "--gender", "women", "--history"
    )
    rows = [line for line in shown.stdout.splitlines() if line.startswith("│")]
    cells = [[cell.strip() for cell in row.strip("│").split("│")] for row in rows]
    # A table, one mark per row: record, race, time, holder, date, status, sources.
    assert ["world", "women 500m", "36,09", "Femke Kok", "2025-11-16", ""] in [c[:6] for c in cells]
    assert ["world", "women 500m", "36,36", "Lee Sang-hwa", "2013-11-16", "superseded"] in [
        c[:6] for c in cells
    ]
    english = cli("records", "--type", "world", "--distance", "500m", "--lang", "en")
    assert "36.09" in english.stdout and "36,09" not in english.stdout


def test_calendar_filters_and_writes_ical(cli, tmp_path: Path) -> None:
    ics = tmp_path / "spelen.ics"
    shown = cli(
        "calendar", "--from", "2026-02-01", "--to", "2026-02-28", "--level", "olympics",
        "--ics", str(ics),
    )  # fmt: skip
    assert shown.returncode == 0 and "Olympic Games" in shown.stdout
    assert "World Cup" not in shown.stdout
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    # The Games are one meet (their days in its programme), not one a day.
    assert len(events) == 1 and all("Milan" in str(e["LOCATION"]) for e in events)
    assert cli("calendar", "--level", "kermis").returncode == 1


def test_official_import_then_race_and_conflicts(cli) -> None:
    bad = cli("official", "import", str(FIXTURES / "isu_event_broken.json"))
    assert bad.returncode == 1 and "E211" in bad.stderr
    good = cli("official", "import", str(FIXTURES / "isu_event_inzell.json"))
    assert good.returncode == 0 and "knowledge: results" in good.stdout
    profile = json.loads(cli("athlete", "Jutta Leerdam", "--json").stdout)
    [thousand] = [r for r in profile["results"] if r["distance"] == "1000m" and r["rank"] == 1]
    # The seed, the official list, and the record book, whose Inzell track record is this time.
    assert thousand["official"] and thousand["sources"] == 3
    race = cli("race", str(thousand["race_id"]))
    assert "Jutta Leerdam" in race.stdout and "Miho Takagi" in race.stdout
    assert "1.12,74" in race.stdout
    assert "1:12.74" in cli("race", str(thousand["race_id"]), "--lang", "en").stdout
    assert cli("race", "999999").returncode == 1
    assert cli("conflicts").returncode == 0


def test_merging_two_entries_of_one_person(cli, tmp_path: Path) -> None:
    report = tmp_path / "nieuws.txt"
    report.write_text(
        " date 2025-12-06 HEERENVEEN - Femke Kokk won zaterdag in Thialf de 500 meter van de "
        "World Cup in 36,95.\n",
        encoding="utf-8",
    )
    cli("ingest", str(report))
    merged = cli("athlete", "merge", "Femke Kok", "femke-kokk")
    if merged.returncode == 0:  # the misspelling became its own skater: merge it
        assert "merged" in merged.stdout
    profile = json.loads(cli("athlete", "Femke Kok", "--json").stdout)
    assert any(r["time"] == "36.95" for r in profile["results"])
    assert cli("athlete", "merge", "Femke Kok", "Femke Kok").returncode == 1
