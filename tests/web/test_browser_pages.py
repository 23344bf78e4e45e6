"""The main pages as a fan's browser shows them, on a desktop (1366×900) and a phone (390×844):
Debian's Chromium driven by Playwright against the seeded site served on 127.0.0.1.

Each page must show its main content without sideways scrolling, log no console error, and
pass axe-core (axe-playwright-python ships it) without serious or critical violations: the
checks a screen-reader user or a fan on a small phone would notice first. The API docs page
must draw Swagger UI from the site's own assets (a CDN would be blocked by our CSP).
Screenshots land in `test-artifacts/browser/` (see test_browser.py).
Skipped where /usr/bin/chromium is missing (`.ci/run` installs it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from schaatsradar.extract.registry import norm_name
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from tests.web.seeded_site import seeded_settings
from tests.web.served import serve_app

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright  # noqa: E402

from tests.web.test_browser import ARTIFACTS  # noqa: E402

SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
SERIOUS = {"serious", "critical"}


@dataclass(frozen=True)
class Site:
    url: str
    paths: dict[str, str]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from schaatsradar.web.app import create_app

    settings = seeded_settings(tmp_path_factory.mktemp("browser-pages"))
    store = Store(settings.database_url)
    with store.read() as conn:
        skater = kb.skater_by_key(conn, norm_name("Jutta Leerdam"))
        assert skater is not None
    store.close()
    with serve_app(create_app(settings)) as url:
        skater_path = f"/schaatsers/{skater.slug}"
        race = re.search(r'href="(/wedstrijden/\d+)"', httpx.get(url + skater_path).text)
        assert race is not None, "her page links no meet"
        yield Site(
            url,
            {
                "home": "/",
                "skater": skater_path,
                "race": race.group(1),
                "records": "/records",
                "calendar": "/kalender",
                "search": "/zoeken?q=Leerdam",
                "api-docs": "/api/v1/docs",
                "forgot-password": "/account/wachtwoord-vergeten",
            },
        )


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


def _open(browser: Browser, screen: str, errors: list[str]) -> Page:
    phone = screen == "phone"
    page = browser.new_context(
        viewport=SCREENS[screen],  # type: ignore[arg-type]
        is_mobile=phone,
        has_touch=phone,
        locale="nl-NL",
    ).new_page()
    page.on("pageerror", lambda error: errors.append(f"script error: {error}"))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"console error: {message.text}")

    page.on("console", on_console)
    return page


@pytest.mark.parametrize("screen", sorted(SCREENS))
@pytest.mark.parametrize(
    "which",
    ["home", "skater", "race", "records", "calendar", "search", "api-docs", "forgot-password"],
)
def test_page_fits_the_screen_without_errors_or_serious_accessibility_faults(
    site: Site, browser: Browser, which: str, screen: str
):
    errors: list[str] = []
    page = _open(browser, screen, errors)
    response = page.goto(site.url + site.paths[which])
    assert response is not None and response.status == 200, f"{which} answers {response}"
    page.wait_for_load_state("networkidle")
    if which == "api-docs":  # Swagger UI drew the operations from local assets
        page.locator(".opblock").first.wait_for(state="visible", timeout=10_000)
    else:
        assert page.locator("main").first.is_visible(), f"{which} shows no main content"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"page-{which}-{screen}.png"), full_page=True)

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= SCREENS[screen]["width"], f"{which} is {width} px wide on {screen}"
    assert errors == []

    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in Axe().run(page).response["violations"]
        if v.get("impact") in SERIOUS
    ]
    assert violations == [], f"{which} on {screen}: {violations}"


PHONE_FACTS = """() => {
  const svgScale = (t) => {
    const svg = t.closest('svg');
    return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  };
  const labels = [...document.querySelectorAll('svg.chart text')]
    .map(t => parseFloat(getComputedStyle(t).fontSize) * svgScale(t));
  const top = (sel) => {
    const e = document.querySelector(sel);
    return e ? e.getBoundingClientRect().top + scrollY : null;
  };
  const tables = [...document.querySelectorAll('.table-scroll')];
  return {
    scrolling: tables.filter(e => e.scrollWidth > e.clientWidth + 1).length,
    smallestLabel: labels.length ? Math.min(...labels) : null,
    results: top('#results-title'), news: top('#news-title'),
  };
}"""


@pytest.mark.parametrize("which", ["home", "skater", "race"])
def test_on_a_phone_tables_fit_chart_labels_read_and_results_come_first(
    site: Site, browser: Browser, which: str
):
    page = _open(browser, "phone", [])
    page.goto(site.url + site.paths[which])
    facts = page.evaluate(PHONE_FACTS)
    assert facts["scrolling"] == 0, f"{which}: a table scrolls sideways on a phone"
    if which == "skater":
        assert facts["smallestLabel"] is not None and facts["smallestLabel"] >= 11, facts
    if which == "home":  # the podiums start on the first screen, before the news
        assert facts["results"] < SCREENS["phone"]["height"] < facts["news"], facts
