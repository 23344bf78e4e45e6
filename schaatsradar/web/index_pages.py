"""The index pages: `/schaatsers` (every skater, most recently active first, narrowed by
country, gender and distance, paged) and `/wedstrijden` (the competitions of a season, at a
level). Filters come as query parameters in Dutch, as on the calendar; a filter value the
page does not know is no filter, never an error page."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from schaatsradar.extract.types import DISTANCES
from schaatsradar.knowledge.calendar import LEVELS
from schaatsradar.store import Store, index_reads
from schaatsradar.web import deps
from schaatsradar.web.deps import Language
from schaatsradar.web.names import country
from schaatsradar.web.pages import reader_today
from schaatsradar.web.rendering import page_url, render

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(deps.store)]
LanguageDep = Annotated[Language, Depends(deps.language)]
TodayDep = Annotated[dt.date, Depends(reader_today)]
PAGE_SIZE = 50
GENDERS = ("women", "men")
ALL_SEASONS = "alle"


@dataclass(frozen=True)
class Paging:
    """Where a long list is: page `number` of `pages`, with links to its neighbours."""

    number: int
    pages: int
    previous: str | None
    next: str | None


def _page_number(text: str) -> int:
    return int(text) if text.isdigit() and 0 < len(text) < 7 and int(text) > 0 else 1


def _paging(request: Request, number: int, total: int) -> Paging:
    pages = max(1, math.ceil(total / PAGE_SIZE))
    previous = page_url(request, pagina=str(number - 1) if number > 2 else None)
    following = page_url(request, pagina=str(number + 1))
    return Paging(
        number, pages, previous if number > 1 else None, following if number < pages else None
    )


# -- /schaatsers ------------------------------------------------------------------------------


@router.get("/schaatsers", response_class=HTMLResponse)
def skaters_page(
    request: Request,
    store: StoreDep,
    language: LanguageDep,
    land: str = Query("", max_length=40),
    geslacht: str = Query("", max_length=20),
    afstand: str = Query("", max_length=20),
    pagina: str = Query("", max_length=12),
) -> HTMLResponse:
    number = _page_number(pagina)
    with store.read() as conn:
        countries = index_reads.skater_countries(conn)
        filters = index_reads.SkaterFilters(
            country=land.upper() if land.upper() in countries else None,
            gender=geslacht if geslacht in GENDERS else None,
            distance=afstand if afstand in DISTANCES else None,
        )
        total = index_reads.count_skaters(conn, filters)
        entries = index_reads.skaters(conn, filters, (number - 1) * PAGE_SIZE, PAGE_SIZE)
    context = {
        "skaters": entries,
        "total": total,
        "paging": _paging(request, number, total),
        "countries": sorted(countries, key=lambda code: country(code, language).casefold()),
        "genders": GENDERS,
        "distances": DISTANCES,
        "chosen": filters,
        "filtered": filters != index_reads.SkaterFilters(),
    }
    return render(request, "skaters.html", context, language)


# -- /wedstrijden -----------------------------------------------------------------------------


def season_of(day: dt.date) -> str:
    """`2025-26` for any day from 1 July 2025 to 30 June 2026."""
    first = day.year if day.month >= 7 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def season_days(season: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a season named `2025-26`; None for anything else."""
    found = re.fullmatch(r"(\d{4})-(\d{2})", season)
    if found is None or (int(found.group(1)) + 1) % 100 != int(found.group(2)):
        return None
    first = int(found.group(1))
    if not 1900 < first < 2200:
        return None
    return dt.date(first, 7, 1), dt.date(first + 1, 6, 30)


def _chosen_season(asked: str, seasons: list[str], today: dt.date) -> str:
    """The season asked for (one without meets too); without one, today's when it has meets,
    else the latest before it that has (or all seasons, on a site with no dated meets)."""
    if asked == ALL_SEASONS or season_days(asked) is not None:
        return asked
    current = season_of(today)
    if current in seasons:
        return current
    past = [s for s in seasons if s <= current]
    return (past or seasons or [ALL_SEASONS])[-1]


@router.get("/wedstrijden", response_class=HTMLResponse)
def competitions_page(
    request: Request,
    store: StoreDep,
    language: LanguageDep,
    today: TodayDep,
    seizoen: str = Query("", max_length=20),
    niveau: str = Query("", max_length=40),
) -> HTMLResponse:
    level = niveau if niveau in LEVELS else None
    with store.read() as conn:
        seasons = sorted({season_of(day) for day in index_reads.competition_days(conn)})
        chosen = _chosen_season(seizoen, seasons, today)
        if chosen not in seasons and chosen != ALL_SEASONS:
            seasons = sorted([*seasons, chosen])  # the select shows what the page shows
        season = chosen
        days = season_days(season)
        meets = index_reads.competitions(
            conn,
            first=days[0] if days else None,
            last=days[1] if days else None,
            levels=[level] if level else None,
        )
    context = {
        "meets": meets,
        "seasons": seasons,
        "season": season,
        "all_seasons": ALL_SEASONS,
        "current_season": season_of(today),
        "levels": LEVELS,
        "level": level or "",
    }
    return render(request, "competitions.html", context, language)
