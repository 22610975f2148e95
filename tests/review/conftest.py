"""A running review app (uvicorn in a thread, embedded store in a tmp folder) and a headless Chromium."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from citywatch.review.accounts import add_user
from citywatch.store import Store, StoreConfig, connect, save_articles
from tests.conftest import free_port

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
PASSWORD = "correct horse battery"


@dataclass
class Running:
    url: str
    config: StoreConfig

    def store(self) -> Store:
        return connect(self.config)


@pytest.fixture
def review_app(tmp_path: Path) -> Iterator[Running]:
    """The app on a free loopback port, with users ana (reviewer), ben (reviewer), boss (admin); seed via .store()."""
    import uvicorn

    from citywatch.review.web import create_app

    config = StoreConfig(data_dir=tmp_path / "data", db_name="citywatch")
    with connect(config) as store:
        for name, role in (("ana", "reviewer"), ("ben", "reviewer"), ("boss", "admin")):
            add_user(store, name, role, PASSWORD)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(lambda: connect(config)), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:  # startup takes milliseconds; a crash ends the thread
        if not thread.is_alive():
            pytest.fail("the review app did not start")
        time.sleep(0.02)
    yield Running(f"http://127.0.0.1:{port}", config)
    server.should_exit = True
    thread.join(timeout=10)


def seed(app: Running, docs: list[dict]) -> None:
    with app.store() as store:
        assert not save_articles(store, docs).rejected


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium; .ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()
