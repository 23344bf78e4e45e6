"""The stages import only what ARCHITECTURE.md lets them: the alert stage sees the store (and
the shared settings, errors and address rules), never the knowledge base or the site; the
knowledge base makes events without importing alerts; the store imports no stage above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "schaatsradar"
SHARED = {"settings", "errors", "netguard"}
ALLOWED = {
    "alerts": {"store"} | SHARED,
    "accounts": {"store", "alerts", "extract"} | SHARED,
    "personal": {"store", "extract"},
}
FORBIDDEN = {
    "knowledge": {"alerts", "web", "accounts", "personal", "cli"},
    "store": {"alerts", "web", "accounts", "personal", "knowledge", "ingest", "cli"},
}


def imported_stages(package: str) -> dict[str, set[str]]:
    """Our top-level modules each file of `package` imports, by file."""
    found: dict[str, set[str]] = {}
    for path in sorted((PACKAGE / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                parts = module.split(".")
                if parts[0] == "schaatsradar" and len(parts) > 1 and parts[1] != package:
                    names.add(parts[1])
        found[str(path.relative_to(PACKAGE))] = names
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_new_stages_import_only_what_they_may(package: str) -> None:
    wrong = {f: n - ALLOWED[package] for f, n in imported_stages(package).items()}
    assert {f: n for f, n in wrong.items() if n} == {}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_lower_stages_do_not_import_higher_ones(package: str) -> None:
    wrong = {f: n & FORBIDDEN[package] for f, n in imported_stages(package).items()}
    assert {f: n for f, n in wrong.items() if n} == {}
