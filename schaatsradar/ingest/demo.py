"""The demo content `make run` loads: short articles written for Schaatsradar from the bundled
reference facts, each marked `demo: true` so no one mistakes them for published news."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_articles_path() -> Path:
    return Path(str(resources.files("schaatsradar.data") / "demo" / "articles.jsonl"))
