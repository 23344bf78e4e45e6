"""The `schaatsradar` command as a user runs it: a real process, a real SQLite file."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import ARTICLES


@pytest.fixture
def cli(tmp_path: Path):
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "COLUMNS": "200",
    }

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "schaatsradar", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def test_ingest_reports_a_summary_with_rejections_and_fails_softly(cli, tmp_path: Path):
    bad = tmp_path / "kapot.txt"
    bad.write_text("geen datumregel")
    result = cli("ingest", str(ARTICLES), str(bad))
    assert result.returncode == 1  # something was rejected
    assert "new: 5  duplicate: 0  near-duplicate: 0  rejected: 1" in result.stdout
    assert "kapot.txt" in result.stdout and "E101" in result.stdout
    again = cli("ingest", str(ARTICLES))
    assert again.returncode == 0
    assert "new: 0  duplicate: 5" in again.stdout


def test_search_json_gives_one_object_per_hit(cli):
    cli("ingest", str(ARTICLES))
    result = cli("search", "schaatssters", "--json")
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert hits, result.stderr
    assert set(hits[0]) == {"id", "date", "title", "snippet", "score"}
    assert "<mark>schaatsster</mark>" in hits[0]["snippet"]


def test_stats_prints_counts(cli):
    cli("ingest", str(ARTICLES))
    lines = cli("stats").stdout.splitlines()
    assert "articles: 5" in lines and "sources: 1" in lines


def test_demo_content_loads_and_is_marked(cli):
    result = cli("load-demo")
    assert result.returncode == 0, result.stderr
    stats = dict(line.split(": ") for line in cli("stats").stdout.splitlines())
    assert int(stats["articles"]) >= 30
    assert stats["demo_articles"] == stats["articles"]
    assert cli("load-demo").stdout.startswith("new: 0")


def test_load_demo_counts_what_it_leaves_out_on_one_line_and_reconcile_says_why(cli):
    """Facts left out are mostly mentions of other meets, as meant: one line counts them (not
    twenty lines that read like errors), and `reconcile --why` lists each with its reason."""
    shown = cli("load-demo").stdout
    [summary] = [line for line in shown.splitlines() if "left out" in line]
    count = int(summary.split()[2])
    assert summary == f"left out: {count} (see `schaatsradar reconcile --why`)"
    assert count > 0
    why = cli("reconcile", "--why")
    assert why.returncode == 0, why.stderr
    assert f"left out: {count}" in why.stdout
    assert "kept as a mention" in why.stdout  # a reason, beside the fact it explains
    assert "article:" in why.stdout
    # Asking why changes nothing: the same answer again, and nothing new to take in.
    again = cli("reconcile", "--why")
    assert again.stdout == why.stdout
    assert "knowledge: results 0" in again.stdout


def test_sources_add_refuses_a_private_address(cli):
    result = cli("sources", "add", "http://127.0.0.1:9/feed")
    assert result.returncode == 2
    assert "E143" in result.stderr
    assert "E143" not in cli("sources", "list").stdout


def test_official_add_refuses_a_private_address_instead_of_storing_it(cli):
    result = cli("official", "add", "http://127.0.0.1:9/results.json")
    assert result.returncode == 2
    assert "E143" in result.stderr and "address not allowed" in result.stderr
    polled = cli("official", "poll")
    assert polled.returncode == 0 and "127.0.0.1" not in polled.stdout


def test_synth_writes_seed_files(cli, tmp_path: Path):
    result = cli("synth", "25", "--out", str(tmp_path / "s"))
    assert result.returncode == 0
    files = sorted((tmp_path / "s").rglob("*.txt"))
    assert len(files) == 25
    assert files[0].read_text().startswith(" date ")


def test_extract_json_prints_one_contract_object_per_article(cli):
    cases = sorted((Path(__file__).parent / "extract" / "cases").glob("*.txt"))[:3]
    result = cli("extract", "--json", *map(str, cases))
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(o["source"]).name for o in objects] == [c.name for c in cases]
    for contract, case in zip(objects, cases, strict=True):
        assert set(contract) == {
            *("source", "date", "language", "athletes", "results", "records", "candidates")
        }
        assert set(contract["candidates"]) == {"results", "records"}
        text = case.read_text().split(" ", 3)[3].strip()
        candidates = contract["candidates"]
        for fact in (*contract["results"], *candidates["results"], *candidates["records"]):
            assert 0.0 <= fact["confidence"] <= 1.0
            span = fact["evidence"]
            assert text[span["start"] : span["end"]] == span["text"]


def test_eval_prints_scores_per_kind(cli):
    result = cli("eval", str(Path(__file__).parent / "extract" / "cases"))
    assert result.returncode == 0, result.stderr
    kinds = [line.split()[0] for line in result.stdout.splitlines()]
    assert kinds == ["athletes", "results", "records", "context"]
    assert "venue" in result.stdout.splitlines()[-1]


def test_make_run_serves_on_the_port_asked_for():
    """`make run PORT=8080` when 8000 is taken (the README says so)."""
    root = Path(__file__).parents[1]
    planned = subprocess.run(
        ["make", "-n", "-C", str(root), "run", "PORT=8080"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert planned.returncode == 0, planned.stderr
    assert "serve --host 127.0.0.1 --port 8080" in planned.stdout
    assert "make run PORT=8080" in (root / "README.md").read_text(encoding="utf-8")


@pytest.mark.postgres
def test_db_upgrade_does_not_print_the_database_password(tmp_path: Path):
    """The URL is shown so an operator sees which database was upgraded, the password masked
    (output ends up in deploy logs). PostgreSQL here trusts loopback, so any password works."""
    base = os.environ.get("SCHAATSRADAR_TEST_POSTGRES_URL") or os.environ.get(
        "SCHAATSRADAR_TEST_DATABASE_URL"
    )
    if not base:
        pytest.skip("needs PostgreSQL (SCHAATSRADAR_TEST_DATABASE_URL)")
    url = make_url(base).set(password="s3cr3t-pw")
    env = {**os.environ, "SCHAATSRADAR_DATABASE_URL": url.render_as_string(hide_password=False)}
    result = subprocess.run(
        [sys.executable, "-m", "schaatsradar", "db", "upgrade"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "database is up to date" in result.stdout
    assert "s3cr3t-pw" not in result.stdout + result.stderr
    assert "***" in result.stdout
