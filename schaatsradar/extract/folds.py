"""The folds of the shared dev corpus (issue 11), in one place for the quality gate and for
training the confidence model."""

from __future__ import annotations

from pathlib import Path

# The sealed fold: never read while working on extraction or training on it, scored only
# when a piece of work is done, so the gap to the rest shows what tuning could not see.
SEALED = frozenset(
    {
        *("n103", "n106", "n109", "n112", "n203", "n206", "n209", "n212"),
        *("n303", "n306", "n309", "n312", "n403", "n406", "n409", "n412"),
    }
)


def open_gold(folder: Path) -> list[Path]:
    """The gold files of `folder` outside the sealed fold, sorted (decided by name alone, so
    a sealed article is never opened)."""
    return sorted(p for p in folder.glob("*.json") if p.stem not in SEALED)


def find_dev_corpus(start: Path) -> Path | None:
    """`shared/corpus/dev` beside `start` or one of its parents (the checkout's sibling)."""
    for base in (start, *start.parents):
        candidate = base / "shared" / "corpus" / "dev"
        if candidate.is_dir():
            return candidate
    return None
