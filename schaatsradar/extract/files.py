"""Extraction over article files for `schaatsradar extract` and `schaatsradar eval`: the one
place in `extract/` that touches the disk, kept apart from the pure core."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schaatsradar.errors import SchaatsradarError
from schaatsradar.extract.pipeline import extract
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.scoring import Evaluation, evaluate
from schaatsradar.ingest.decode import decode_text
from schaatsradar.ingest.language import detect_language
from schaatsradar.ingest.seedformat import parse_seed_text


@dataclass(frozen=True)
class ExtractedFile:
    path: Path
    contract: dict[str, Any] | None
    error: str | None = None


def extract_file(
    path: Path, registry: Registry, today: dt.date, *, confident_only: bool = True
) -> ExtractedFile:
    try:
        published, _precision, text = parse_seed_text(decode_text(path.read_bytes()), today)
    except (SchaatsradarError, OSError) as error:
        return ExtractedFile(path, None, str(error))
    facts = extract(text, published, registry, confident_only=confident_only)
    return ExtractedFile(path, facts.to_contract(str(path), published, detect_language(text)))


def extract_files(paths: list[Path], registry: Registry, today: dt.date) -> Iterator[ExtractedFile]:
    for path in paths:
        yield extract_file(path, registry, today)


def evaluate_folder(
    gold_dir: Path, registry: Registry, today: dt.date, *, with_candidates: bool = False
) -> Evaluation:
    """Extract every NNN.txt that has a NNN.json beside it and score against it: the
    confident facts, as the contract states them, or (`with_candidates`) everything the
    rules found, to see what the rules reach before the confidence model sifts."""
    pairs = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        article = gold_path.with_suffix(".txt")
        extracted = extract_file(article, registry, today, confident_only=not with_candidates)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pairs.append((gold_path.stem, gold, extracted.contract or {}))
    return evaluate(pairs)
