"""The facts one article states, in the shape of the extraction contract
(ARCHITECTURE.md, "Extraction contract")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Gender = Literal["women", "men", "mixed"]
RecordStatus = Literal["set", "broken", "existing"]
DISTANCES = (
    "500m",
    "1000m",
    "1500m",
    "3000m",
    "5000m",
    "10000m",
    "mass start",
    "team pursuit",
    "team sprint",
    "relay",
    "allround",
    "sprint",
)
TEAM_DISTANCES = ("team pursuit", "team sprint", "relay")
RECORD_TYPES = (
    "world",
    "track",
    "olympic",
    "national",
    "continental",
    "personal",
    "season_best",
    "junior_world",
    "championship",
    "other",
)


class HasSpan(Protocol):
    """Anything that covers `text[start:end]`: mentions, entities, evidence."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Span:
    """A slice of the article text: `text == article[start:end]` always holds."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Skater:
    """A skater as the registry knows them (or as the article names an unknown one)."""

    name: str
    country: str | None
    gender: Gender | None
    known: bool = True


@dataclass
class AthleteMention:
    skater: Skater
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.skater.name,
            "country": self.skater.country,
            "known": self.skater.known,
            "mentions": [list(m) for m in self.mentions],
        }


def format_time(seconds: float) -> str:
    """`M:SS.hh` from 60 s up, `SS.hh` below (the contract's normal form)."""
    hundredths = round(seconds * 100)
    minutes, rest = divmod(hundredths, 6000)
    if minutes:
        return f"{minutes}:{rest // 100:02d}.{rest % 100:02d}"
    return f"{rest // 100}.{rest % 100:02d}"


@dataclass(frozen=True)
class Result:
    athlete: str  # canonical skater name, or a country's English name for team events
    country: str | None
    distance: str
    gender: Gender | None
    seconds: float | None
    rank: int | None
    competition: str | None
    venue: str | None
    race_date: dt.date | None
    evidence: Span
    margin: float | None = None  # seconds behind (+) or ahead (-) of a named rival, if stated
    # The text dates it to an earlier meet than the one reported ("vorig jaar", "in 2021"):
    # never merged with a result of this meet.
    earlier: bool = False
    # The year of that earlier meet when the text gives it ("in 2019", "vier jaar geleden");
    # None for results of the meet being reported.
    year: int | None = None
    # How sure extraction is that the article states this (0-1), from the model in
    # extract/confidence.py; below its bar the result is a candidate, not a result.
    confidence: float = 1.0
    # "last" when the text dates the race only as the meet's last day ("op de slotdag"): the
    # knowledge base dates it by the meet's own days.
    meet_day: str | None = None
    # The championship's format in `competition` is a guess from a title won on one race
    # ("de wereldtitel op de 500 meter" -> "WK afstanden"), not stated by the text: single
    # distances is the likely one, but the allround and sprint championships hand out such
    # titles too (a team sprint in an Olympic season, when no single-distance championships
    # are skated). Read with the title (`context_lead.TitleMention.format_guessed`), carried
    # by the context that names the meet (`Context.format_guessed`) and settled once the
    # article is read (`pipeline.settled_formats`): the knowledge base may let its
    # championship table correct a guessed format (`news_meets`), never a stated one.
    format_guessed: bool = False

    def to_json(self) -> dict[str, Any]:
        out = {
            "athlete": self.athlete,
            "country": self.country,
            "distance": self.distance,
            "gender": self.gender,
            "time": format_time(self.seconds) if self.seconds is not None else None,
            "seconds": self.seconds,
            "rank": self.rank,
            "competition": self.competition,
            "venue": self.venue,
            "race_date": self.race_date.isoformat() if self.race_date else None,
            "margin": self.margin,
            "earlier": self.earlier,
            "year": self.year,
            "confidence": self.confidence,
            "meet_day": self.meet_day,
            "evidence": self.evidence.to_json(),
        }
        if self.format_guessed:
            out["format_guessed"] = True
        return out


@dataclass(frozen=True)
class Record:
    type: str
    status: RecordStatus | None  # None only while extraction is still deciding
    athlete: str | None
    distance: str | None
    gender: Gender | None
    seconds: float | None
    venue: str | None
    evidence: Span
    confidence: float = 1.0  # as for `Result`

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "status": self.status or "existing",
            "athlete": self.athlete,
            "distance": self.distance,
            "gender": self.gender,
            "time": format_time(self.seconds) if self.seconds is not None else None,
            "seconds": self.seconds,
            "venue": self.venue,
            "confidence": self.confidence,
            "evidence": self.evidence.to_json(),
        }


@dataclass
class Facts:
    """Everything extracted from one article."""

    athletes: list[AthleteMention] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    # What the article seems to say but extraction is not sure enough of to state as a fact
    # (confidence below the model's bar): kept as unconfirmed claims, never scored or shown.
    candidate_results: list[Result] = field(default_factory=list)
    candidate_records: list[Record] = field(default_factory=list)

    def to_contract(self, source: str, date: dt.date | None, language: str) -> dict[str, Any]:
        return {
            "source": source,
            "date": date.isoformat() if date else None,
            "language": language,
            "athletes": [a.to_json() for a in self.athletes],
            "results": [r.to_json() for r in self.results],
            "records": [r.to_json() for r in self.records],
            "candidates": {
                "results": [r.to_json() for r in self.candidate_results],
                "records": [r.to_json() for r in self.candidate_records],
            },
        }
