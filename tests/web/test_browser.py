"""Issue 5's journey in a real browser: Debian's Chromium, headless, driven by Playwright
against the app served by uvicorn on 127.0.0.1, over the seed and demo articles.

A fan opens the home page, searches "Leerdam", opens her page, sees her 1.12,74 track record
and a chart that has drawn its points, switches to English, opens the race report and sees the
time highlighted in it. On a phone (390 px wide) no page scrolls sideways.

Screenshots of every step are kept in `test-artifacts/browser/` at the top of the repository
(or `$SCHAATSRADAR_TEST_ARTIFACTS/browser/`). Pages that answer 404 are reported as expected
failures (they are being built); once a page exists, its part of the journey must pass.
Skipped where /usr/bin/chromium is missing (`.ci/run` installs it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from aiosmtpd.controller import Controller

from schaatsradar.extract.registry import norm_name
from schaatsradar.store import Store, article_refs
from schaatsradar.store import knowledge as kb
from tests.alerts.conftest import closed_port
from tests.alerts.test_email import Mailbox
from tests.web.seeded_site import seeded_settings
from tests.web.served import serve_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = (
    Path(
        os.environ.get("SCHAATSRADAR_TEST_ARTIFACTS", Path(__file__).parents[2] / "test-artifacts")
    )
    / "browser"
)
PHONE = {"width": 390, "height": 844}
DUTCH = "nl-NL"  # a Dutch fan's browser: Accept-Language nl (Chromium's own default is en-US)
SEED_TITLE = re.compile("Jake Paul heeft lucht gekregen")  # the Inzell race report

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import (  # noqa: E402 (only where a browser can run)
    Browser,
    ConsoleMessage,
    Page,
    expect,
    sync_playwright,
)


@dataclass(frozen=True)
class Site:
    url: str
    skater_path: str  # /schaatsers/<slug> of Jutta Leerdam
    article_path: str  # /artikel/<id> of the Inzell race report
    mailbox: Mailbox  # what the site mailed (a real SMTP server, aiosmtpd)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from schaatsradar.web.app import create_app

    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=closed_port())
    smtp.start()
    settings = seeded_settings(tmp_path_factory.mktemp("browser")).model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": smtp.port, "smtp_timeout": 5}
    )
    store = Store(settings.database_url)
    with store.read() as conn:
        skater = kb.skater_by_key(conn, norm_name("Jutta Leerdam"))
        assert skater is not None
        [report] = [
            a for a in article_refs.articles_about(conn, skater.id) if SEED_TITLE.search(a.title)
        ]
    store.close()
    try:
        with serve_app(create_app(settings)) as url:
            yield Site(url, f"/schaatsers/{skater.slug}", f"/artikel/{report.id}", mailbox)
    finally:
        smtp.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page_errors() -> list[str]:
    return []


def _new_page(browser: Browser, errors: list[str], **context: object) -> Page:
    page = browser.new_context(**context).new_page()  # type: ignore[arg-type]
    page.on("pageerror", lambda error: errors.append(f"script error: {error}"))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            errors.append(f"blocked by CSP: {message.text}")

    page.on("console", on_console)
    return page


def _require(site: Site, path: str) -> None:
    """An expected failure while the page is not built; from then on, a real test."""
    status = httpx.get(site.url + path).status_code
    if status == 404:
        pytest.xfail(f"page not built yet: {path} answers 404")


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_a_fan_follows_leerdam_from_search_to_the_race_report(
    site: Site, browser: Browser, page_errors: list[str]
):
    page = _new_page(browser, page_errors, viewport={"width": 1280, "height": 900}, locale=DUTCH)

    page.goto(site.url + "/")
    expect(page).to_have_title(re.compile("Schaatsradar"))
    _shot(page, "01-home")

    page.get_by_role("searchbox").fill("Leerdam")
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(r"/zoeken\?.*q=Leerdam"))
    expect(page.get_by_role("main")).to_contain_text("Leerdam")
    _shot(page, "02-search")

    _require(site, site.skater_path)
    to_her_page = page.locator(f"a[href$='{site.skater_path}']")
    if to_her_page.count() == 0:  # the hits are stories: her name in one links her page
        page.get_by_role("main").get_by_role("link", name=SEED_TITLE).first.click()
    to_her_page.first.click()
    page.wait_for_url(re.compile(re.escape(site.skater_path) + r"$"))
    expect(page.get_by_role("heading", name=re.compile("Jutta Leerdam")).first).to_be_visible()
    expect(page.get_by_text("1.12,74").first).to_be_visible()  # the Inzell track record
    expect(page.get_by_text(re.compile("baanrecord", re.IGNORECASE)).first).to_be_visible()
    expect(page.locator("svg circle").first).to_be_attached()  # the chart drew its points
    _shot(page, "03-skater-nl")

    page.locator("a[href*='lang=en']").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("1:12.74").first).to_be_visible()
    expect(page.get_by_text(re.compile("track record", re.IGNORECASE)).first).to_be_visible()
    _shot(page, "04-skater-en")

    _require(site, site.article_path)
    page.get_by_role("link", name=SEED_TITLE).first.click()
    page.wait_for_url(re.compile(re.escape(site.article_path)))
    expect(page.locator("mark").filter(has_text="1.12,74").first).to_be_visible()
    _shot(page, "05-article")

    assert page_errors == []


@pytest.mark.parametrize(
    "which", ["home", "search", "skater", "article", "skaters", "competitions"]
)
def test_pages_fit_a_phone_without_scrolling_sideways(
    site: Site, browser: Browser, page_errors: list[str], which: str
):
    path = {
        "home": "/",
        "search": "/zoeken?q=Leerdam",
        "skater": site.skater_path,
        "article": site.article_path,
        "skaters": "/schaatsers",
        "competitions": "/wedstrijden?seizoen=alle",
    }[which]
    _require(site, path)
    page = _new_page(
        browser,
        page_errors,
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale=DUTCH,
    )
    page.goto(site.url + path)
    page.wait_for_load_state("networkidle")
    _shot(page, f"phone-{which}")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"{path} is {scroll_width} px wide on a 390 px phone"
    assert page_errors == []


def test_a_fan_signs_up_follows_leerdam_and_finds_her_news_on_mijn(
    site: Site, browser: Browser, page_errors: list[str]
):
    """Issue 6's journey: register, press the follow button on her page (no reload), and the
    personal page lists her news with the reason it is there."""
    page = _new_page(browser, page_errors, viewport=PHONE, locale=DUTCH)
    page.goto(site.url + "/account/registreren")
    page.fill("#email", "fan@example.org")
    page.fill("#password", "schaatsen-is-fijn")
    page.click("form.account-form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Kijk in je e-mail")
    [(_, _, mail)] = [m for m in site.mailbox.messages if m[1] == ["fan@example.org"]]
    link = re.search(r"https?://[^/\s]+(/\S+\?t=\S+)", mail.get_content())
    assert link is not None
    page.goto(site.url + link.group(1))
    page.click("form.account-form button[type=submit]")
    expect(page).to_have_url(re.compile("/mijn$"))
    page.goto(site.url + site.skater_path)
    button = page.locator("form.follow button", has_text="Jutta Leerdam").first
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(page.locator("form.follow button", has_text="Jutta Leerdam").first).to_have_attribute(
        "aria-pressed", "true"
    )
    _shot(page, "20-followed")
    page.goto(site.url + "/mijn")
    expect(page.locator("p.because").first).to_contain_text("Jutta Leerdam")
    _shot(page, "21-mijn")
    assert page_errors == []
