"""`schaatsradar user create` and `schaatsradar user token`, as an operator runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from schaatsradar.accounts import operations
from schaatsradar.store import Store


def run(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCHAATSRADAR_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    return subprocess.run(
        [sys.executable, "-m", "schaatsradar", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_operator_makes_an_account_and_a_personal_token(tmp_path: Path):
    password = tmp_path / "wachtwoord.txt"
    password.write_text("schaatsen-op-natuurijs\n")
    made = run(tmp_path, "user", "create", "Lezer@Example.org", "--password-file", str(password))
    assert made.returncode == 0, made.stderr
    assert "lezer@example.org" in made.stdout
    again = run(tmp_path, "user", "create", "lezer@example.org", "--password-file", str(password))
    assert again.returncode == 1 and "E402" in again.stderr
    issued = run(tmp_path, "user", "token", "lezer@example.org", "feedlezer")
    assert issued.returncode == 0, issued.stderr
    token = issued.stdout.strip()
    assert token.startswith("srp_")
    store = Store(f"sqlite:///{tmp_path / 'cli.db'}")
    try:
        owner = operations.personal_token_owner(store, token)
        assert owner is not None and owner.email == "lezer@example.org"
        assert operations.personal_token_owner(store, token, scope="feed") is None
        feed = run(tmp_path, "user", "token", "lezer@example.org", "lezer", "--feed").stdout.strip()
        assert operations.personal_token_owner(store, feed, scope="feed") == owner
        assert operations.personal_token_owner(store, feed) is None
    finally:
        store.close()
    unknown = run(tmp_path, "user", "token", "niemand@example.org", "x")
    assert unknown.returncode == 1 and "E417" in unknown.stderr


def test_the_password_can_be_typed_at_the_prompt(tmp_path: Path):
    made = run(tmp_path, "user", "create", "a@example.org", stdin="lang-genoeg\nlang-genoeg\n")
    assert made.returncode == 0, made.stderr
    short = run(tmp_path, "user", "create", "b@example.org", stdin="kort\nkort\n")
    assert short.returncode == 1 and "E403" in short.stderr
