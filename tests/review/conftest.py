"""A running review app (uvicorn in a thread, embedded store in a tmp folder) and a headless Chromium."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

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


@contextlib.contextmanager
def running_app(config: StoreConfig, **options: Any) -> Iterator[Running]:
    """The app served by uvicorn in a thread, configured as ``citywatch review serve`` configures it."""
    from citywatch.review.web import ServeOptions, create_app, uvicorn_config

    served = ServeOptions(host="127.0.0.1", port=free_port(), **options)
    server = uvicorn.Server(uvicorn_config(create_app(lambda: connect(config), served), served,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:  # startup takes milliseconds; a crash ends the thread
        if not thread.is_alive():
            pytest.fail("the review app did not start")
        time.sleep(0.02)
    try:
        yield Running(f"http://127.0.0.1:{served.port}", config)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def users_store(tmp_path: Path) -> StoreConfig:
    """An embedded store in a tmp folder with users ana (reviewer), ben (reviewer), boss (admin)."""
    config = StoreConfig(data_dir=tmp_path / "data", db_name="citywatch")
    with connect(config) as store:
        for name, role in (("ana", "reviewer"), ("ben", "reviewer"), ("boss", "admin")):
            add_user(store, name, role, PASSWORD)
    return config


@pytest.fixture
def review_app(users_store: StoreConfig) -> Iterator[Running]:
    """The app on a free loopback port, with users_store's accounts; seed via .store()."""
    with running_app(users_store) as running:
        yield running


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
