"""The JSON API, `/api/v1/...` (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs).

Reads: articles with their facts, skaters and profiles, competitions, races, results, records,
the season calendar and search; lists are cursor-paged. Writes (a token is needed): post an
article, register a source, merge two skaters. Each handler parses the request, calls the
operation the CLI calls too, and renders the answer with `api_models`; the HTTP rules shared
by all routes (tokens, errors, ETags, CORS) live in `api_http`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from schaatsradar.errors import InputRejected, SchaatsradarError
from schaatsradar.extract.types import DISTANCES, RECORD_TYPES, Gender
from schaatsradar.ingest.decode import decode_text
from schaatsradar.ingest.pipeline import ingest, prepare
from schaatsradar.ingest.polling import add_source
from schaatsradar.ingest.records import raw_from_record
from schaatsradar.ingest.seedformat import parse_seed_text
from schaatsradar.ingest.types import RawArticle
from schaatsradar.knowledge import season_calendar
from schaatsradar.knowledge.book import merge as merge_skaters
from schaatsradar.knowledge.book import reconcile_pending
from schaatsradar.knowledge.calendar import Level, filter_events
from schaatsradar.knowledge.seasons import parse_season, season_of
from schaatsradar.knowledge.views import profile
from schaatsradar.settings import Settings
from schaatsradar.store import Store, api_reads, reading
from schaatsradar.store import knowledge as kb
from schaatsradar.store.knowledge import SkaterRow
from schaatsradar.web import deps
from schaatsradar.web import pagination as paging
from schaatsradar.web.api_http import ApiError, ApiRoute, bearer, invalid, methods_at, not_found
from schaatsradar.web.api_http import unmatched as unmatched_request
from schaatsradar.web.api_models import (
    SITE_PAGES,
    ApiIndex,
    ArticleDetail,
    ArticleIn,
    ArticleOut,
    CalendarEventOut,
    ClaimOut,
    CompetitionDetail,
    CompetitionOut,
    ErrorBody,
    HeldOut,
    IngestOut,
    KnowledgeOut,
    MergeIn,
    MergeOut,
    Page,
    Problem,
    RaceDetail,
    RaceOut,
    RecordOut,
    ResultOut,
    SearchHit,
    SeasonOut,
    SkaterOut,
    SkaterProfile,
    SourceIn,
    SourceOut,
    time_of,
)
from schaatsradar.web.pages import reader_today

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


router = APIRouter(
    tags=["api"],
    route_class=ApiRoute,
    responses={422: _error("A parameter or the body is invalid; `problems` lists each")},
)
Responses = dict[int | str, dict[str, Any]]
NOT_FOUND: Responses = {404: _error("No such item")}
BAD_CURSOR: Responses = {400: _error("The cursor was not handed out by this list")}
WRITE: Responses = {401: _error("No API token, or an unknown or revoked one")}
SAFE_TEXT = r"^[^\x00]*$"  # PostgreSQL refuses NUL characters in text

if TYPE_CHECKING:  # a type checker takes no Literal built from a tuple; the handlers get str
    Distance = str
    RecordType = str
else:  # FastAPI accepts these values only, and lists them in the schema (in this order)
    Distance = Literal[DISTANCES]
    RecordType = Literal[RECORD_TYPES]

Id = deps.RowIdPath
Limit = Annotated[int, Query(ge=1, le=paging.MAX_LIMIT, description="Items per page (at most 100)")]
Cursor = Annotated[
    str | None,
    Query(
        max_length=paging.MAX_CURSOR_LENGTH,
        pattern=r"^[A-Za-z0-9_-]*$",
        description="From the previous page's `next` link; omit for the first page",
    ),
]
DateFrom = Annotated[dt.date | None, Query(alias="from", description="First day (YYYY-MM-DD)")]
DateTo = Annotated[dt.date | None, Query(alias="to", description="Last day (YYYY-MM-DD)")]
SkaterSlug = Annotated[
    str | None,
    Query(max_length=200, pattern=SAFE_TEXT, description="Skater slug, e.g. jutta-leerdam"),
]
AthleteSlug = Annotated[
    str | None,
    Query(
        max_length=200,
        pattern=SAFE_TEXT,
        description="Another name for `skater`; when both are given they must agree",
    ),
]
Language = Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$", description="nl, en, …")]
RowId = Annotated[int | None, Query(ge=1, le=2**31 - 1)]


def _settings(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


StoreDep = Annotated[Store, Depends(deps.store)]
# The reader's day (which season is running): the pages' dependency, so tests fix one day.
TodayDep = Annotated[dt.date, Depends(reader_today)]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def read(path: str, **options: Any) -> Callable[[Endpoint], Endpoint]:
    """Register a GET endpoint, and HEAD for it (same answer, no body; not in the schema)."""

    def register(endpoint: Endpoint) -> Endpoint:
        router.add_api_route(path, endpoint, methods=["GET"], **options)
        router.add_api_route(path, endpoint, methods=["HEAD"], include_in_schema=False, **options)
        return endpoint

    return register


def _cursor(cursor: str | None, kind: str, types: paging.KeyTypes) -> tuple[Any, ...] | None:
    try:
        return paging.decode(cursor, kind, types)
    except paging.CursorError as error:
        problem = Problem(location="query.cursor", message=str(error))
        raise ApiError(400, "bad_cursor", f"query.cursor: {error}", [problem]) from None


def _page(
    request: Request,
    response: Response,
    found: paging.PageOf[Any],
    render: Callable[[Any], Any],
) -> dict[str, Any]:
    link = paging.next_url(request.url, found.next_cursor)
    response.headers.update(paging.link_header(link))
    return {"items": [render(item) for item in found.items], "next": link}


Row = TypeVar("Row")
Key = api_reads.Key


@dataclass(frozen=True)
class Listing(Generic[Row]):
    """A list the store keeps in a fixed order (see `store/api_reads.py`): the name its cursors
    carry, the types of its sort key, how a row answers and what its sort key is."""

    kind: str
    key_types: paging.KeyTypes
    render: Callable[[Row], Any]
    sort_key: Callable[[Row], Sequence[Any]] = attrgetter("sort_key")

    def page(
        self,
        request: Request,
        response: Response,
        store: Store,
        cursor: str | None,
        limit: int,
        fetch: Callable[[Any, Key | None, int], Sequence[Row]],
    ) -> dict[str, Any]:
        """The page after `cursor`: `fetch(conn, after, count)` reads up to `count` rows
        following the sort key `after`, one more than `limit` to tell whether more follow."""
        after = _cursor(cursor, self.kind, self.key_types)
        with store.read() as conn:
            rows = fetch(conn, after, limit + 1)
        found = paging.page_of(rows, limit, self.kind, self.sort_key)
        return _page(request, response, found, self.render)


def _skater_id(conn: Any, slug: str | None, parameter: str = "skater") -> int | None:
    if slug is None:
        return None
    skater = kb.skater_by_slug(conn, slug)
    if skater is None:
        message = f"no skater with slug {slug!r}"
        problem = Problem(location=f"query.{parameter}", message=message)
        raise ApiError(422, "unknown_skater", f"query.{parameter}: {message}", [problem])
    return skater.id


def _skater_or_athlete(skater: str | None, athlete: str | None) -> tuple[str, str | None]:
    """The skater filter, given as `skater` or as `athlete`: the parameter it came in and the
    slug. Both given must name the same slug (422 otherwise)."""
    if athlete is None:
        return "skater", skater
    if skater is not None and skater != athlete:
        message = f"skater {skater!r} and athlete {athlete!r} differ: give one of them"
        problem = Problem(location="query.athlete", message=message)
        raise ApiError(422, "invalid_request", f"query.athlete: {message}", [problem])
    return "athlete", athlete


# -- index ------------------------------------------------------------------------------------


@read("/", response_model=ApiIndex, summary="What this API offers")
def index() -> ApiIndex:
    paths = sorted(
        {
            str(getattr(r, "path", ""))
            for r in router.routes
            if getattr(r, "include_in_schema", False)
        }
    )
    return ApiIndex(
        name="Schaatsradar API",
        version="1",
        openapi="/api/v1/openapi.json",
        docs="/api/v1/docs",
        endpoints=["/api/v1" + path for path in paths],
        pages=SITE_PAGES,
    )


@read("/health", summary="Liveness for load balancers and the test suite")
def health() -> dict[str, str]:
    return {"status": "ok"}


# -- articles ---------------------------------------------------------------------------------


ARTICLES = Listing("articles", (dt.date, int), ArticleOut.of)


@read("/articles", response_model=Page[ArticleOut], responses={**BAD_CURSOR})
def list_articles(
    request: Request,
    response: Response,
    store: StoreDep,
    skater: SkaterSlug = None,
    athlete: AthleteSlug = None,
    distance: Distance | None = None,
    competition: Annotated[RowId, Query(description="Competition id")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    language: Language = None,
    limit: Limit = paging.DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Articles, newest first, each with the facts extracted from it. `skater` (or `athlete`),
    `distance` and `competition` keep articles stating a result (or record) that matches them
    all."""
    parameter, slug = _skater_or_athlete(skater, athlete)

    def fetch(conn: Any, after: Key | None, count: int) -> list[api_reads.ArticleRow]:
        filters = api_reads.ArticleFilters(
            skater_id=_skater_id(conn, slug, parameter),
            distance=distance,
            competition_id=competition,
            date_from=date_from,
            date_to=date_to,
            language=language,
        )
        return api_reads.articles(conn, filters, after, count)

    return ARTICLES.page(request, response, store, cursor, limit, fetch)


@read("/articles/{article_id}", response_model=ArticleDetail, responses={**NOT_FOUND})
def get_article(article_id: Id, store: StoreDep) -> ArticleDetail:
    """One article: its clean text and the facts found in it (evidence spans index `text`)."""
    with store.read() as conn:
        row = api_reads.article(conn, article_id)
    if row is None:
        raise not_found(f"no article {article_id}")
    return ArticleDetail.of(row)


# -- skaters ----------------------------------------------------------------------------------


SKATERS = Listing("skaters", (str, int), SkaterOut.of, api_reads.skater_sort_key)


@read("/skaters", response_model=Page[SkaterOut], responses={**BAD_CURSOR})
def list_skaters(
    request: Request,
    response: Response,
    store: StoreDep,
    q: Annotated[
        str | None, Query(max_length=200, pattern=SAFE_TEXT, description="Part of the name")
    ] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="NED")] = None,
    gender: Gender | None = None,
    limit: Limit = paging.DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Skaters by name: the registry's and those only the news named."""

    def fetch(conn: Any, after: Key | None, count: int) -> list[SkaterRow]:
        return api_reads.skaters(
            conn, text=q, country=country, gender=gender, after=after, limit=count
        )

    return SKATERS.page(request, response, store, cursor, limit, fetch)


@read("/skaters/{slug}", response_model=SkaterProfile, responses={**NOT_FOUND})
def get_skater(
    slug: Annotated[str, Path(max_length=200, pattern=SAFE_TEXT)], store: StoreDep
) -> SkaterProfile:
    """A skater's profile: results, personal and season bests, records, news, next meets.
    A slug merged into another skater answers with that skater."""
    with store.read() as conn:
        skater = kb.skater_by_slug(conn, slug)
        if skater is None:
            raise not_found(f"no skater with slug {slug!r}")
        view = profile(conn, skater, _now().date())
    return SkaterProfile.of_profile(view)


# -- competitions, races, results -------------------------------------------------------------


COMPETITIONS = Listing(
    "competitions", (dt.date, int), CompetitionOut.of, api_reads.competition_sort_key
)


@read("/competitions", response_model=Page[CompetitionOut], responses={**BAD_CURSOR})
def list_competitions(
    request: Request,
    response: Response,
    store: StoreDep,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    level: Level | None = None,
    limit: Limit = paging.DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Meets in date order (from the calendar, official lists and the news); meets known only
    from the news without a date come last."""

    def fetch(conn: Any, after: Key | None, count: int) -> list[kb.CompetitionRow]:
        return api_reads.competitions(
            conn, date_from=date_from, date_to=date_to, level=level, after=after, limit=count
        )

    return COMPETITIONS.page(request, response, store, cursor, limit, fetch)


@read("/competitions/{competition_id}", response_model=CompetitionDetail, responses={**NOT_FOUND})
def get_competition(competition_id: Id, store: StoreDep) -> CompetitionDetail:
    """One meet with its races (by day and distance)."""
    with store.read() as conn:
        meet = kb.competition(conn, competition_id)
        if meet is None:
            raise not_found(f"no competition {competition_id}")
        races = api_reads.races_of(conn, competition_id)
    return CompetitionDetail(
        **CompetitionOut.of(meet).model_dump(), races=[RaceOut.of(r) for r in races]
    )


@read("/races/{race_id}", response_model=RaceDetail, responses={**NOT_FOUND})
def get_race(race_id: Id, store: StoreDep) -> RaceDetail:
    """One race with every result, best placed first."""
    with store.read() as conn:
        race = api_reads.race(conn, race_id)
        if race is None:
            raise not_found(f"no race {race_id}")
        meet = kb.competition(conn, race.competition_id)
        rows = api_reads.results(conn, race_id=race_id)
        held = [
            HeldOut(
                athlete=view.athlete,
                skater=_skater_slug(conn, view.skater_id),
                team=view.team,
                held=view.held or "",
                claims=[
                    ClaimOut(
                        source=c.source_key,
                        article_id=c.article_id,
                        time=time_of(c.seconds),
                        seconds=c.seconds,
                        rank=c.rank,
                        official=c.official,
                        unsure=c.candidate,
                        evidence=c.evidence,
                    )
                    for c in kb.claims(conn, view.id)
                ],
            )
            for view in kb.results(conn, race_id=race_id, held=True)
        ]
    assert meet is not None  # a race belongs to a meet (foreign key)
    rows.sort(key=lambda r: (r.rank or 999, r.seconds or 1e9, r.id))
    return RaceDetail(
        conflicts=[h for h in held if h.held == "conflict"],
        unconfirmed=[h for h in held if h.held == "candidate"],
        id=race.id,
        distance=race.distance,
        gender=race.gender,
        race_date=race.race_date,
        competition=CompetitionOut.of(meet),
        results=[ResultOut.of(r) for r in rows],
    )


def _skater_slug(conn: Any, skater_id: int | None) -> str | None:
    skater = kb.skater_by_id(conn, skater_id) if skater_id is not None else None
    return skater.slug if skater is not None else None


RESULTS = Listing("results", (dt.date, int), ResultOut.of)


@read("/results", response_model=Page[ResultOut], responses={**BAD_CURSOR})
def list_results(
    request: Request,
    response: Response,
    store: StoreDep,
    skater: SkaterSlug = None,
    race: Annotated[RowId, Query(description="Race id")] = None,
    competition: Annotated[RowId, Query(description="Competition id")] = None,
    distance: Distance | None = None,
    gender: Gender | None = None,
    limit: Limit = paging.DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Results, newest race first: the value the sources agree on most (`disputed` when they
    do not)."""

    def fetch(conn: Any, after: Key | None, count: int) -> list[api_reads.ResultRow]:
        return api_reads.results(
            conn,
            skater_id=_skater_id(conn, skater),
            race_id=race,
            competition_id=competition,
            distance=distance,
            gender=gender,
            after=after,
            limit=count,
        )

    return RESULTS.page(request, response, store, cursor, limit, fetch)


# -- records ----------------------------------------------------------------------------------


RECORDS = Listing("records", (str, str, str, str, dt.date, int), RecordOut.of)
RecordStatus = Literal["current", "superseded", "disputed", "claim"]


@read("/records", response_model=Page[RecordOut], responses={**BAD_CURSOR})
def list_records(
    request: Request,
    response: Response,
    store: StoreDep,
    type: RecordType | None = None,
    venue: Annotated[
        str | None, Query(max_length=200, pattern=SAFE_TEXT, description="Rink city: Inzell")
    ] = None,
    distance: Distance | None = None,
    gender: Gender | None = None,
    history: Annotated[bool, Query(description="Superseded marks too")] = False,
    status: Annotated[
        RecordStatus | None,
        Query(description="Only marks of this standing; `claim`: news records nothing backs"),
    ] = None,
    limit: Limit = paging.DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """The record book: current records and disputed marks, or with `history` every mark,
    or with `status=claim` the records the news claims that no result, official list or
    second independent source backs (never in the other lists). Each mark names its
    sources: reference data, official list, article (id and day)."""

    def fetch(conn: Any, after: Key | None, count: int) -> list[api_reads.RecordMark]:
        return api_reads.records(
            conn,
            kind=type,
            venue=venue,
            distance=distance,
            gender=gender,
            history=history,
            after=after,
            limit=count,
            status=status,
        )

    return RECORDS.page(request, response, store, cursor, limit, fetch)


# -- calendar and search ----------------------------------------------------------------------


SeasonName = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}(?:-\d{2})?$",
        description="The season, e.g. `2025-26`; default: the season running today, or every "
        "season when `from` or `to` is given",
    ),
]


@read("/calendar", response_model=Page[CalendarEventOut], responses={**BAD_CURSOR})
def list_calendar(
    request: Request,
    response: Response,
    store: StoreDep,
    today: TodayDep,
    season: SeasonName = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    level: Level | None = None,
    distance: Distance | None = None,
    gender: Gender | None = None,
    limit: Limit = paging.DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """A season's meets (the one running today unless `season` says another; the known
    seasons are under /calendar/seasons), overlapping `from`..`to`, at a level, holding a
    distance (for a gender). Meets only the news reported are listed too (`origin`)."""
    after = _cursor(cursor, "calendar", (dt.date, dt.date, str))
    try:
        chosen = parse_season(season) if season else None
    except ValueError as error:
        raise invalid([{"loc": ("query", "season"), "msg": str(error)}]) from None
    with store.read() as conn:
        if chosen is None and (date_from or date_to):
            known = season_calendar.events_between(conn, date_from, date_to)
        else:
            known = season_calendar.season_events(conn, chosen or season_of(today))
    events = filter_events(
        known,
        start=date_from,
        end=date_to,
        levels=[level] if level else None,
        distance=distance,
        gender=gender,
    )
    ordered = sorted(events, key=lambda e: (e.start, e.end, e.slug))
    rows = [e for e in ordered if after is None or (e.start, e.end, e.slug) > after]
    found = paging.page_of(rows[: limit + 1], limit, "calendar", lambda e: (e.start, e.end, e.slug))
    return _page(request, response, found, CalendarEventOut.of)


@read("/calendar/seasons", response_model=list[SeasonOut])
def list_seasons(store: StoreDep, today: TodayDep) -> list[SeasonOut]:
    """Every season with a meet on the calendar, and the running one, newest first."""
    current = season_of(today)
    with store.read() as conn:
        return [
            SeasonOut(
                season=s.name,
                first=s.first,
                last=s.last,
                current=s == current,
                loaded=season_calendar.calendar_loaded(conn, s),
            )
            for s in season_calendar.known_seasons(conn, today)
        ]


SEARCH_DEPTH = 500  # ranked hits a client can page through; refine the query for more


@read("/search", response_model=Page[SearchHit], responses={**BAD_CURSOR})
def search(
    request: Request,
    response: Response,
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=SAFE_TEXT)],
    date_from: DateFrom = None,
    date_to: DateTo = None,
    language: Language = None,
    limit: Limit = paging.DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Full-text search, best match first, one hit per story, with highlighted snippets."""
    after = _cursor(cursor, "search", (int,))
    offset = min(after[0], SEARCH_DEPTH) if after else 0
    size = max(0, min(limit, SEARCH_DEPTH - offset))
    with store.read() as conn:
        filters = reading.SearchFilters(date_from, date_to, language)
        hits = reading.search(conn, q, filters, limit=size + 1, offset=offset)
    more = len(hits) > size and offset + size < SEARCH_DEPTH
    found = paging.PageOf(
        hits[:size], paging.encode("search", [offset + size]) if more and size else None
    )
    return _page(request, response, found, SearchHit.of)


# -- writes -----------------------------------------------------------------------------------

ARTICLE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "A JSON Lines record (`date`, `text`, optional `url`, `title`, "
        "`source`), or seed-format text: ` date YYYY-MM-DD` and the article.",
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string", "minLength": 1}},
        },
    }
}


@router.post(
    "/articles",
    status_code=201,
    response_model=IngestOut,
    responses={
        200: {"model": IngestOut, "description": "Already stored: nothing changed"},
        201: {"description": "Stored (new, or another telling of a known story)"},
        413: _error("The body is larger than SCHAATSRADAR_MAX_ARTICLE_POST_BYTES"),
        415: _error("The body is neither application/json nor text/plain"),
        **WRITE,
    },
    openapi_extra=ARTICLE_BODY,
    dependencies=[Depends(bearer)],
)
async def post_article(request: Request, response: Response, store: StoreDep) -> IngestOut:
    """Ingest one article (cleaned, deduplicated, its facts extracted) and take its facts into
    the knowledge base. Posting the same article again changes nothing."""
    settings = _settings(request)
    now = _now()
    body = await _body(request, settings.max_article_post_bytes)
    raw = _raw_article(body, request.headers.get("content-type", ""), now.date())
    stored = await run_in_threadpool(_ingest_one, store, raw, settings, now)
    if stored.status == "duplicate":
        response.status_code = 200
    else:
        response.headers["Location"] = f"/api/v1/articles/{stored.article.id}"
    return stored


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"the body is larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiError(413, "too_large", f"the body is larger than {limit} bytes")
    return bytes(body)


def _raw_article(body: bytes, content_type: str, today: dt.date) -> RawArticle:
    """The posted article as ingest reads it; 422 naming the problem if it cannot be one."""
    media = content_type.split(";")[0].strip().casefold()
    try:
        if media == "text/plain":
            published, precision, text = parse_seed_text(decode_text(body), today)
            raw = RawArticle("api", text, published, precision, source_key="api")
        elif media in ("application/json", ""):
            record = ArticleIn.model_validate_json(body or b"null").model_dump(exclude_none=True)
            raw = raw_from_record(record, "api", today)
        else:
            raise ApiError(
                415,
                "unsupported_media_type",
                f"send application/json or text/plain, not {media!r}",
            )
    except ValidationError as error:
        raise invalid({**e, "loc": ("body", *e["loc"])} for e in error.errors()) from None
    except InputRejected as error:
        raise ApiError(422, error.code, error.message, [_body_problem(error)]) from None
    if "\x00" in raw.text or "\x00" in (raw.title or "") + (raw.url or "") + (raw.source_key or ""):
        raise ApiError(422, "invalid_request", "the article contains NUL characters")
    if raw.url is None and raw.source_key is None:
        raw = replace(raw, source_key="api")
    return raw


def _body_problem(error: SchaatsradarError) -> Problem:
    return Problem(location="body", message=f"{error.code} {error.message}")


def _ingest_one(store: Store, raw: RawArticle, settings: Settings, now: dt.datetime) -> IngestOut:
    """What `schaatsradar ingest` does for one article: ingest, then reconcile."""
    try:
        prepared = prepare(raw)
    except InputRejected as error:
        raise ApiError(422, error.code, error.message, [_body_problem(error)]) from None
    report = ingest(store, [raw], settings, now)
    if report.rejected:
        rejection = report.rejected[0]
        problem = Problem(location="body", message=f"{rejection.code} {rejection.reason}")
        raise ApiError(422, rejection.code, rejection.reason, [problem])
    outcome = reconcile_pending(store, now)
    with store.read() as conn:
        article_id = api_reads.article_id_for(conn, prepared.url, prepared.text_hash)
        row = api_reads.article(conn, article_id) if article_id is not None else None
    assert row is not None  # just stored, or found as the duplicate it is
    status: Literal["stored", "near_duplicate", "duplicate"] = (
        "stored" if report.new else "near_duplicate" if report.near_duplicate else "duplicate"
    )
    return IngestOut(status=status, article=ArticleOut.of(row), knowledge=KnowledgeOut.of(outcome))


@router.post(
    "/sources",
    status_code=201,
    response_model=SourceOut,
    responses={
        200: {"model": SourceOut, "description": "Registered already: nothing changed"},
        201: {"description": "Registered; `schaatsradar poll` reads it from now on"},
        **WRITE,
    },
    dependencies=[Depends(bearer)],
)
def post_source(
    request: Request, response: Response, store: StoreDep, source: Annotated[SourceIn, Body()]
) -> SourceOut:
    """Register an RSS/Atom feed or a page for polling. URLs that would never be fetched
    (not http(s), private addresses) are refused with the reason."""
    if "\x00" in source.url:
        raise ApiError(422, "invalid_request", "body.url: contains a NUL character")
    try:
        source_id, created = add_source(store, source.url, _settings(request), _now())
    except SchaatsradarError as error:
        problem = Problem(location="body.url", message=f"{error.code} {error.message}")
        raise ApiError(422, error.code, error.message, [problem]) from None
    response.status_code = 201 if created else 200
    return SourceOut(id=source_id, url=source.url, created=created)


@router.post(
    "/skaters/merge",
    response_model=MergeOut,
    responses={**NOT_FOUND, **WRITE},
    dependencies=[Depends(bearer)],
)
def post_merge(store: StoreDep, merge: Annotated[MergeIn, Body()]) -> MergeOut:
    """Two registry entries that are one person: everything of `other` becomes `keep`'s, and
    `other`'s slug leads to `keep` from now on. Merging them again changes nothing."""
    if merge.keep == merge.other:
        message = "keep and other are the same slug"
        raise ApiError(422, "invalid_request", message, [Problem(location="body", message=message)])
    with store.write() as conn:
        keep, other = _skater_named(conn, merge.keep), _skater_named(conn, merge.other)
        changed = keep.id != other.id
        if changed:
            merge_skaters(conn, keep.id, other.id)
        kept = kb.skater_by_id(conn, keep.id)
    assert kept is not None
    return MergeOut(skater=SkaterOut.of(kept), merged=merge.other, changed=changed)


def _skater_named(conn: Any, slug: str) -> SkaterRow:
    if "\x00" in slug:
        raise ApiError(422, "invalid_request", "a slug contains a NUL character")
    found = kb.skater_by_slug(conn, slug)
    if found is None:
        raise not_found(f"no skater with slug {slug!r}")
    return found


# -- everything else under /api/v1 (registered last) ------------------------------------------


@router.api_route(
    "/{path:path}",
    methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    include_in_schema=False,
)
def unmatched(request: Request, path: str) -> Response:
    """CORS preflight, and JSON 404/405 answers instead of the framework's plain ones."""
    routes: Sequence[Any] = router.routes
    return unmatched_request(request, path, methods_at(routes, "/" + path))
