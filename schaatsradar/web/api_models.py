"""What the JSON API sends and accepts: its own types, built from the store's read models
(the API never serialises a database row). These classes are the OpenAPI schema.

Every time is given twice: `time` as fans write it (`1:12.74`, `38.01`) and `seconds`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, Literal, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from schaatsradar.extract.types import format_time
from schaatsradar.knowledge.book import Outcome
from schaatsradar.knowledge.calendar import CalendarEvent
from schaatsradar.knowledge.seasons import season_of
from schaatsradar.knowledge.views import Profile, distance_order
from schaatsradar.store.api_reads import ArticleRow, RaceSummary, RecordMark, ResultRow
from schaatsradar.store.article_refs import ArticleRef
from schaatsradar.store.knowledge import CompetitionRow, ResultView, SkaterRow
from schaatsradar.store.reading import ArticleSummary

T = TypeVar("T")


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @classmethod
    def copied(cls, source: object, **given: Any) -> Self:
        """This answer filled from `source`: each field from the attribute of the same name,
        but those in `given` (fields `source` names otherwise, or that are computed)."""
        found = {name: getattr(source, name) for name in cls.model_fields if name not in given}
        return cls(**found, **given)


# The site's pages, linked from the API's answers (paths on this host).
SITE_PAGES = {
    "news": "/",
    "skaters": "/schaatsers",
    "competitions": "/wedstrijden",
    "calendar": "/kalender",
    "records": "/records",
    "search": "/zoeken",
}


def skater_page(slug: str) -> str:
    return f"/schaatsers/{slug}"


def time_of(seconds: float | None) -> str | None:
    return format_time(seconds) if seconds is not None else None


# -- errors -----------------------------------------------------------------------------------


class Problem(Out):
    location: str = Field(description="Where: `query.distance`, `body.text`, `header...`")
    message: str


class ErrorDetail(Out):
    code: str = Field(description="Stable: `unauthorized`, `not_found`, `invalid_request`, …")
    message: str
    problems: list[Problem] = Field(default_factory=list)


class ErrorBody(Out):
    error: ErrorDetail


class ApiIndex(Out):
    name: str
    version: str
    openapi: str
    docs: str
    endpoints: list[str]
    pages: dict[str, str] = Field(
        description="The site's pages for people: `skaters`, `competitions`, `calendar`, "
        "`records`, `search`, `news`"
    )


# -- pages ------------------------------------------------------------------------------------


class Page(Out, Generic[T]):
    items: list[T]
    next: str | None = Field(
        description=(
            "Path and query of the next page, relative to the API's address (also in the"
            " Link header); null on the last page"
        )
    )


# -- articles and their facts -----------------------------------------------------------------


class Extracted(BaseModel):
    """Parts of the extraction contract: keys a newer extractor adds are left out, not fatal."""

    model_config = ConfigDict(extra="ignore")


class Evidence(Extracted):
    start: int
    end: int
    text: str


class FactAthlete(Extracted):
    name: str
    country: str | None = None
    known: bool | None = None
    mentions: list[list[int]] = Field(default_factory=list)


class FactResult(Extracted):
    athlete: str
    country: str | None = None
    distance: str
    gender: str | None = None
    time: str | None = None
    seconds: float | None = None
    rank: int | None = None
    competition: str | None = None
    venue: str | None = None
    race_date: str | None = None
    margin: float | None = None
    earlier: bool = False
    evidence: Evidence | None = None


class FactRecord(Extracted):
    type: str
    status: str
    athlete: str | None = None
    distance: str | None = None
    gender: str | None = None
    time: str | None = None
    seconds: float | None = None
    venue: str | None = None
    evidence: Evidence | None = None


class Facts(Out):
    """What extraction found (the extraction contract); evidence spans index `text`."""

    extractor: str
    athletes: list[FactAthlete]
    results: list[FactResult]
    records: list[FactRecord]

    @classmethod
    def of(cls, extractor: str | None, contract: dict[str, Any] | None) -> Facts | None:
        if extractor is None or contract is None:
            return None
        return cls(
            extractor=extractor,
            athletes=[FactAthlete.model_validate(a) for a in contract.get("athletes", [])],
            results=[FactResult.model_validate(r) for r in contract.get("results", [])],
            records=[FactRecord.model_validate(r) for r in contract.get("records", [])],
        )


class ArticleOut(Out):
    id: int
    url: str | None
    title: str
    published: dt.date
    date_precision: str = Field(description="`day`, or `month` when only the month is known")
    language: str
    source: str
    demo: bool
    story: int = Field(description="Id of the first article of its near-duplicate cluster")
    facts: Facts | None

    @classmethod
    def of(cls, row: ArticleRow) -> ArticleOut:
        return cls.copied(row, facts=Facts.of(row.extractor, row.facts))


class ArticleDetail(ArticleOut):
    text: str = Field(description="The cleaned text: what readers see and evidence indexes")

    @classmethod
    def of(cls, row: ArticleRow) -> ArticleDetail:
        return cls(**ArticleOut.of(row).model_dump(), text=row.text or "")


class ArticleRefOut(Out):
    id: int
    published: dt.date
    title: str
    url: str | None

    @classmethod
    def of(cls, ref: ArticleRef) -> ArticleRefOut:
        return cls.copied(ref)


class SearchHit(Out):
    id: int
    published: dt.date
    title: str
    language: str
    source: str
    demo: bool
    also_published_by: int = Field(description="Other sources carrying the same story")
    snippet: str = Field(description="HTML-escaped excerpt; matched words inside <mark>")
    score: float | None = Field(
        description="2 when the title holds every search word, 1 when title and text together "
        "do; hits of equal score come newest first"
    )

    @classmethod
    def of(cls, hit: ArticleSummary) -> SearchHit:
        return cls.copied(hit)


# -- skaters ----------------------------------------------------------------------------------


class SkaterOut(Out):
    slug: str
    name: str
    country: str | None
    gender: str | None
    born: str | None
    known: bool = Field(description="In the skater registry, not only named by the news")
    page: str = Field(description="The skater's page on the site")

    @classmethod
    def of(cls, row: SkaterRow) -> SkaterOut:
        return cls.copied(row, page=skater_page(row.slug))


class ResultOut(Out):
    id: int
    race_id: int
    skater: str | None = Field(description="Skater slug; null for a team result")
    athlete: str
    country: str | None
    team: str | None = Field(description="Country code of a team result")
    distance: str
    gender: str
    time: str | None
    seconds: float | None
    rank: int | None
    disputed: bool = Field(description="Sources disagree; see the race for every claim")
    official: bool
    date: dt.date | None
    competition_id: int
    competition: str
    venue: str | None
    sources: int

    @classmethod
    def of(cls, row: ResultRow) -> ResultOut:
        return cls.copied(row, skater=row.skater_slug, time=time_of(row.seconds))

    @classmethod
    def of_view(cls, view: ResultView, skater_slug: str | None) -> ResultOut:
        return cls.copied(
            view,
            skater=skater_slug,
            time=time_of(view.seconds),
            date=view.race_date or view.start_date,
            venue=view.city,
        )


class BestTime(Out):
    distance: str
    time: str
    seconds: float


def best_times(bests: dict[str, float]) -> list[BestTime]:
    return [
        BestTime(distance=d, time=format_time(bests[d]), seconds=bests[d])
        for d in sorted(bests, key=distance_order)
    ]


class RecordSourceOut(Out):
    kind: str = Field(description="`reference`, `official` or `article`")
    article_id: int | None = Field(description="The article that said it (`/articles/{id}`)")
    published: dt.date | None = Field(description="That article's day")
    url: str | None = Field(description="A reference or official source's address")


class RecordOut(Out):
    id: int
    type: str
    scope: str = Field(description="Rink city of a track record, country of a national one")
    distance: str
    gender: str
    time: str | None
    seconds: float | None
    skater: str | None = Field(description="Holder's skater slug, when known")
    holder: str | None
    holder_country: str | None
    set_on: dt.date | None
    venue: str | None
    status: str = Field(
        description="`current`, `superseded`, `disputed`, or `claim` (a news record nothing "
        "backs yet: only with `status=claim`)"
    )
    superseded_by: int | None
    disputes: int | None
    origin: str = Field(description="`reference`, `official`, `result` or `article`")
    result_id: int | None = Field(description="The result the mark was made from or backed by")
    sources: list[RecordSourceOut] = Field(description="Who said it, in the order they did")
    result_sources: list[RecordSourceOut] = Field(
        description="What the result (`result_id`) stands on: the articles and official lists "
        "that reported it, for a mark a result made or backs"
    )

    @classmethod
    def of(cls, mark: RecordMark) -> RecordOut:
        return cls.copied(
            mark,
            type=mark.kind,
            time=time_of(mark.seconds),
            skater=mark.skater_slug,
            sources=[RecordSourceOut.copied(s) for s in mark.sources],
            result_sources=[RecordSourceOut.copied(s) for s in mark.result_sources],
        )


class ScheduledOut(Out):
    distance: str
    genders: list[str]
    races: int


class CalendarEventOut(Out):
    slug: str
    name: str
    short_name: str | None
    start: dt.date
    end: dt.date
    city: str | None
    rink: str | None
    country: str | None
    level: str | None = Field(description="None for a meet the news reports without its kind")
    distances: list[str]
    programme: list[ScheduledOut]
    notes: str
    sources: list[str]
    season: str = Field(description="The season the meet is of, e.g. `2026-27`")
    competition_id: int | None = Field(
        description="The meet under /competitions/{id}: its results, records and news"
    )
    origin: str = Field(description="`calendar`, or `news`: a meet only the news reported")

    @classmethod
    def of(cls, event: CalendarEvent) -> CalendarEventOut:
        return cls.copied(
            event,
            distances=list(event.distances),
            programme=[ScheduledOut.copied(p, genders=list(p.genders)) for p in event.programme],
            sources=list(event.sources),
            season=season_of(event.start).name,
            competition_id=event.meet_id,
        )


class SeasonOut(Out):
    season: str = Field(description="e.g. `2026-27`: 1 July to 30 June")
    first: dt.date
    last: dt.date
    current: bool = Field(description="The season running today, which /calendar shows")
    loaded: bool = Field(description="Whether a calendar of it is known, not only news meets")


class ProfileRecord(Out):
    type: str
    scope: str
    distance: str
    gender: str
    time: str | None
    seconds: float | None
    status: str
    set_on: dt.date | None


class SkaterProfile(SkaterOut):
    results: list[ResultOut]
    personal_bests: list[BestTime]
    season_bests: list[BestTime]
    records: list[ProfileRecord]
    news: list[ArticleRefOut]
    upcoming: list[CalendarEventOut]

    @classmethod
    def of_profile(cls, view: Profile) -> SkaterProfile:
        slug = view.skater.slug
        return cls.copied(
            view.skater,
            page=skater_page(slug),
            results=[
                ResultOut.of_view(r, slug if r.skater_id == view.skater.id else None)
                for r in view.results
            ],
            personal_bests=best_times(view.personal_bests),
            season_bests=best_times(view.season_bests),
            records=[
                ProfileRecord.copied(r, type=r.kind, time=time_of(r.seconds)) for r in view.records
            ],
            news=[ArticleRefOut.of(a) for a in view.news],
            upcoming=[CalendarEventOut.of(e) for e in view.upcoming],
        )


# -- competitions and races -------------------------------------------------------------------


class CompetitionOut(Out):
    id: int
    slug: str
    name: str
    level: str | None
    city: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    origin: str = Field(description="`calendar`, `official` or `news`: where the meet is from")
    page: str = Field(description="The competition's page on the site")

    @classmethod
    def of(cls, row: CompetitionRow) -> CompetitionOut:
        return cls.copied(row, page=f"/wedstrijden/{row.id}")


class RaceOut(Out):
    id: int
    competition_id: int
    distance: str
    gender: str = Field(description="`women`, `men`, `mixed`, or empty when not stated")
    race_date: dt.date | None
    results: int = Field(description="Number of results known")

    @classmethod
    def of(cls, race: RaceSummary) -> RaceOut:
        return cls.copied(race)


class CompetitionDetail(CompetitionOut):
    races: list[RaceOut]


class ClaimOut(Out):
    """What one source said about a result held back."""

    source: str = Field(description='"article:12", "official:<list>"')
    article_id: int | None
    time: str | None
    seconds: float | None
    rank: int | None
    official: bool
    unsure: bool = Field(description="Extraction was unsure of it (a candidate)")
    evidence: str | None


class HeldOut(Out):
    """A result of the race not shown as a result, with every claim behind it."""

    athlete: str
    skater: str | None = Field(description="Skater slug; null for a team result")
    team: str | None
    held: str = Field(description='"conflict" (another claimed winner) or "candidate"')
    claims: list[ClaimOut]


class RaceDetail(Out):
    id: int
    distance: str
    gender: str
    race_date: dt.date | None
    competition: CompetitionOut
    results: list[ResultOut]
    conflicts: list[HeldOut] = Field(
        default_factory=list,
        description="Claims held back: two claimed winners, until the sources settle it",
    )
    unconfirmed: list[HeldOut] = Field(
        default_factory=list,
        description="Results only unsure claims back, until a second source confirms them",
    )


# -- writes -----------------------------------------------------------------------------------


class ArticleIn(BaseModel):
    """One article, as a JSON Lines record: `date` (YYYY-MM-DD) and `text` are required."""

    model_config = ConfigDict(extra="forbid")

    date: str = Field(max_length=32, examples=["2026-01-24"])
    text: str = Field(min_length=1)
    url: str | None = Field(default=None, max_length=2048)
    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=255, description="Publisher name")


class KnowledgeOut(Out):
    """What reconciling the stored facts did; `refused` names each fact left out and why."""

    results: int
    records: int
    new_records: list[str]
    disputed: list[str]
    refused: list[str]

    @classmethod
    def of(cls, outcome: Outcome) -> KnowledgeOut:
        return cls.copied(outcome)


class IngestOut(Out):
    status: Literal["stored", "near_duplicate", "duplicate"] = Field(
        description="`duplicate`: already stored, nothing changed; `near_duplicate`: stored "
        "as another telling of a known story"
    )
    article: ArticleOut
    knowledge: KnowledgeOut


class SourceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=1, max_length=2048, description="An RSS/Atom feed or a page")


class SourceOut(Out):
    id: int
    url: str
    created: bool = Field(description="False when the URL was registered already")


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    keep: str = Field(min_length=1, max_length=200, description="Slug of the skater to keep")
    other: str = Field(min_length=1, max_length=200, description="Slug of the one merged in")


class MergeOut(Out):
    skater: SkaterOut
    merged: str = Field(description="Slug merged in; it now leads to `skater`")
    changed: bool = Field(description="False when the two were already one skater")
