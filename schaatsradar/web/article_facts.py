"""What the article page shows of an article's extracted facts (the extraction contract's
JSON, as stored with the article): the evidence spans to mark in its text, the mentions of
known skaters to link, and the list of facts beside the text, each pointing at its mark."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from schaatsradar.extract.registry import norm_name
from schaatsradar.store import knowledge as kb
from schaatsradar.store.knowledge import SkaterRow
from schaatsradar.web.annotate import Evidence, SkaterLink

FACT_KINDS = ("result", "record")
# Every field the list shows, so a fact stored without one (an older extractor) shows a gap.
_FIELDS: dict[str, Any] = dict.fromkeys(
    [
        "athlete",
        "distance",
        "gender",
        "seconds",
        "rank",
        "competition",
        "venue",
        "earlier",
        "type",
        "status",
    ]
)


def names_in(facts: dict[str, Any]) -> set[str]:
    """Every skater the facts name: athletes mentioned, holders of results and records."""
    names = {a["name"] for a in facts.get("athletes", []) if a.get("name")}
    for fact in (*facts.get("results", []), *facts.get("records", [])):
        if fact.get("athlete"):
            names.add(fact["athlete"])
    return names


def skaters_named(conn: Connection, names: Iterable[str]) -> dict[str, SkaterRow]:
    """The known skaters among `names`, by the name the facts use."""
    found = {name: kb.skater_by_key(conn, norm_name(name)) for name in names}
    return {name: skater for name, skater in found.items() if skater is not None}


def locate(text: str, span: dict[str, Any] | None) -> tuple[tuple[int, int] | None, bool]:
    """Where an evidence span sits in the text, and whether its offsets still hold the quoted
    words. When they do not (the text was cleaned again after extraction), the first place
    the words occur stands in."""
    if not span or not span.get("text"):
        return None, True
    start, end, quoted = span.get("start"), span.get("end"), span["text"]
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == quoted:
        return (start, end), True
    found = text.find(quoted)
    return ((found, found + len(quoted)) if found >= 0 else None), False


def spans(
    text: str, facts: dict[str, Any], skaters: dict[str, SkaterRow]
) -> tuple[list[Evidence], list[SkaterLink]]:
    """Evidence to mark (named `result-0`, `record-1`, ... by position in the facts) and
    mentions to link. Mentions carry offsets only; when evidence shows the offsets no longer
    fit the text, no mention is linked rather than the wrong words."""
    evidence = []
    offsets_hold = True
    for kind in FACT_KINDS:
        for number, fact in enumerate(facts.get(f"{kind}s", [])):
            where, exact = locate(text, fact.get("evidence"))
            offsets_hold = offsets_hold and exact
            if where is not None:
                evidence.append(Evidence(*where, f"{kind}-{number}"))
    if not offsets_hold:
        return evidence, []
    links = [
        SkaterLink(start, end, f"/schaatsers/{skaters[athlete['name']].slug}")
        for athlete in facts.get("athletes", [])
        if athlete.get("name") in skaters
        for start, end in athlete.get("mentions", [])
        if text[start:end].strip()
    ]
    return evidence, links


@dataclass(frozen=True)
class FactItem:
    """One fact in the list beside the text."""

    fact: dict[str, Any]  # the contract's fields: athlete, distance, time, seconds, rank, ...
    anchor: str | None  # id of the mark showing its evidence
    slug: str | None  # the skater's page
    span: tuple[int | None, int | None]  # evidence offsets, to find its claim in the knowledge


def fact_items(
    facts: dict[str, Any], kind: str, anchors: dict[str, str], skaters: dict[str, SkaterRow]
) -> list[FactItem]:
    items = []
    for number, fact in enumerate(facts.get(f"{kind}s", [])):
        skater = skaters.get(fact.get("athlete") or "")
        evidence = fact.get("evidence") or {}
        items.append(
            FactItem(
                {**_FIELDS, **fact},
                anchors.get(f"{kind}-{number}"),
                skater.slug if skater else None,
                (evidence.get("start"), evidence.get("end")),
            )
        )
    return items
