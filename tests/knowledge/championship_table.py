"""What the championship tests share (test_championship_editions, test_checked_championships):
a small table of past editions of our own, in the bundled table's shape, and a knowledge base
holding one neutral article of a given day, to reconcile facts of our own against."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from schaatsradar.knowledge.championships import Edition, load_editions
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store.article_refs import ArticleRef
from tests.knowledge.test_meets import _articles

# Two championships at one rink in 2010 (the race tells them apart), one elsewhere the year
# after, and a year with a single-distance WK at a rink of another name (Vikingskipet).
TABLE = """level,format,year,city,names,source
world,distances,2009,Hamar,Vikingskipet,https://example.org/a
world,sprint,2010,Hamar,Vikingskipet,https://example.org/b
world,allround,2010,Hamar,Vikingskipet,https://example.org/c
world,allround,2011,Inzell,,https://example.org/d
world,distances,2031,Hamar,Vikingskipet,https://example.org/e
world,allround,2031,Inzell,,https://example.org/f
"""


@pytest.fixture
def editions() -> tuple[Edition, ...]:
    return load_editions(TABLE)


@pytest.fixture
def article_of(knowledge: Store, settings: Settings, tmp_path: Path) -> Callable[[str], ArticleRef]:
    """The one neutral article of a day ("2022-03" for one that gives only its month), stored
    in the knowledge base the test reconciles into."""

    def made(date: str) -> ArticleRef:
        [article] = _articles(knowledge, settings, tmp_path, date)
        return article

    return made
