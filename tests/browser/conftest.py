"""Headless Chromium against the real local stack, one stack for the session.

Every test gets fresh browser contexts (no shared storage), so a test never
sees another's session. Requests to anything but loopback are refused by the
browser, and on failure each open page leaves a screenshot and its console
errors in the session's temporary folder.
"""

import itertools
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests import local_stack
from tests.browser.apps import APPS
from tools.local.seed import credentials

TIMEOUT_MS = 10_000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def chromium_path() -> str:
    path = os.environ.get("SAAI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("No se encontró Chromium: ejecute 'make chromium' o defina SAAI_CHROMIUM.")
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    missing = [app for app in APPS if not (local_stack.ROOT / "frontends" / app / "dist").is_dir()]
    if missing:
        pytest.fail(f"Faltan los builds de {', '.join(missing)}: ejecute 'make frontends'.")
    running = local_stack.start(tmp_path_factory.mktemp("stack") / "datos")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def accounts():
    """The seeded accounts by app: saai, admin (duena of T001), trabajador (cajero)."""
    return {cred.app: cred for cred in credentials()}


@pytest.fixture(scope="session")
def browser():
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _leaves_loopback(url: str) -> bool:
    """True for the requests the browser must refuse."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return False
    return parts.hostname not in LOOPBACK


def _note_console(notes: list[str], message) -> None:
    if message.type == "error":
        notes.append(f"console: {message.text[:200]}")


@pytest.fixture(scope="session")
def captures(tmp_path_factory):
    return tmp_path_factory.mktemp("capturas")


@pytest.fixture
def new_page(browser, stack, request, captures):
    """Opens a page in a fresh context: another person, or the same one on another device."""
    contexts = []
    problems: dict[Page, list[str]] = {}

    def open_page() -> Page:
        context = browser.new_context(
            base_url=stack.web_url,
            locale="es-PE",
            timezone_id="America/Lima",
            service_workers="block",
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.route(_leaves_loopback, lambda route: route.abort())
        contexts.append(context)
        page = context.new_page()
        problems[page] = []
        page.on("pageerror", lambda error: problems[page].append(f"pageerror: {error}"))
        page.on("console", lambda message: _note_console(problems[page], message))
        return page

    yield open_page

    failed = any(
        getattr(request.node, f"rep_{when}", None) is not None
        and getattr(request.node, f"rep_{when}").failed
        for when in ("setup", "call")
    )
    if failed:
        counter = itertools.count(1)
        for page, messages in problems.items():
            if page.is_closed():
                continue
            shot = captures / f"{request.node.name}-{next(counter)}.png"
            try:
                page.screenshot(path=str(shot), full_page=True)
                print(f"Captura: {shot} ({page.url})")
            except Exception as error:
                print(f"No se pudo capturar {page.url}: {error}")
            for message in messages:
                print(f"  {message}")
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()
