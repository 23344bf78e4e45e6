"""What an official result list yields: competitions, results, records and skaters, each
marked with its source, plus every row that was refused or skipped and why.

Official data outranks extracted facts, so one refused row makes the whole payload untrusted:
`OfficialData.ok` is False and a caller stores nothing from it (the issue's "nothing stored
changes"). Skipped rows (non-finishers, distances Schaatsradar does not track) are not errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from schaatsradar.errors import InputRejected
from schaatsradar.extract.types import Gender, format_time


@dataclass(frozen=True)
class OfficialCompetition:
    name: str
    venue: str | None  # city, as in the extraction contract ("Inzell")
    start: dt.date | None
    end: dt.date | None
    source: str
    official_id: str | None = None  # the ISU event id, stable across re-imports


@dataclass(frozen=True)
class OfficialResult:
    athlete: str  # "Given Family"; a team by its country's English name
    country: str | None  # IOC code
    distance: str
    gender: Gender | None
    seconds: float | None
    rank: int | None
    competition: str | None
    venue: str | None
    race_date: dt.date | None
    source: str
    round: str | None = None  # "1", "2", "Division A": a World Cup skates the 500m twice
    points: float | None = None  # allround and sprint classifications only

    def to_json(self) -> dict[str, Any]:
        return {
            "athlete": self.athlete,
            "country": self.country,
            "distance": self.distance,
            "gender": self.gender,
            "time": _time(self.seconds),
            "seconds": self.seconds,
            "rank": self.rank,
            "competition": self.competition,
            "venue": self.venue,
            "race_date": _iso(self.race_date),
            "round": self.round,
            "points": self.points,
            "source": self.source,
        }


@dataclass(frozen=True)
class OfficialRecord:
    kind: str  # a RECORD_TYPES value: "world", "track", "personal", "season_best", "national"
    athlete: str
    country: str | None
    distance: str
    gender: Gender | None
    seconds: float
    date: dt.date | None
    venue: str | None
    source: str

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "athlete": self.athlete,
            "country": self.country,
            "distance": self.distance,
            "gender": self.gender,
            "time": _time(self.seconds),
            "seconds": self.seconds,
            "date": _iso(self.date),
            "venue": self.venue,
            "source": self.source,
        }


@dataclass(frozen=True)
class OfficialAthlete:
    """A skater as SpeedSkatingResults.com's skater lookup lists them."""

    name: str
    country: str | None
    gender: Gender | None
    source: str
    ssr_id: int | None = None


@dataclass(frozen=True)
class OfficialRejection:
    """A row that was refused (`code` set) or skipped (`code` None), where and why."""

    source: str  # file path or URL
    path: str  # JSON path of the row: "$.competitions[1].results[3]"
    code: str | None
    reason: str

    def __str__(self) -> str:
        return f"{self.source} {self.path}: {self.code or 'skipped'} {self.reason}"


@dataclass(frozen=True)
class Skip:
    """Returned by a row reader for a row that is fine but carries no fact to keep."""

    reason: str


Official = OfficialCompetition | OfficialResult | OfficialRecord | OfficialAthlete


@dataclass
class OfficialData:
    competitions: list[OfficialCompetition] = field(default_factory=list)
    results: list[OfficialResult] = field(default_factory=list)
    records: list[OfficialRecord] = field(default_factory=list)
    athletes: list[OfficialAthlete] = field(default_factory=list)
    rejections: list[OfficialRejection] = field(default_factory=list)
    skipped: list[OfficialRejection] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every row could be read; only then may anything of it be stored."""
        return not self.rejections


class Rows:
    """Collects what one payload yields, row by row: a bad row becomes a rejection naming the
    source and JSON path, and reading goes on so one run reports every problem at once."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.data = OfficialData()

    def read(self, path: str, reader: Callable[[], Official | Skip]) -> Official | None:
        try:
            item = reader()
        except InputRejected as error:
            self.reject(path, error.code, error.message)
            return None
        if isinstance(item, Skip):
            self.skip(path, item.reason)
            return None
        self._keep(item)
        return item

    def skip(self, path: str, reason: str) -> None:
        self.data.skipped.append(OfficialRejection(self.source, path, None, reason))

    def reject(self, path: str, code: str, reason: str) -> None:
        self.data.rejections.append(OfficialRejection(self.source, path, code, reason))

    def _keep(self, item: Official) -> None:
        if isinstance(item, OfficialCompetition):
            self.data.competitions.append(item)
        elif isinstance(item, OfficialResult):
            self.data.results.append(item)
        elif isinstance(item, OfficialRecord):
            self.data.records.append(item)
        else:
            self.data.athletes.append(item)


def _time(seconds: float | None) -> str | None:
    return format_time(seconds) if seconds is not None else None


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None
