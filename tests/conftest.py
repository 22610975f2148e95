"""Fixtures shared by every test: stores on each back end, and the shared data folder.

``store`` is parametrised: the embedded engine in-process, mongoeco's wire server
reached through the real ``pymongo.MongoClient``, and a real MongoDB when
``CITYWATCH_TEST_MONGO_URI`` is set (a visible skip otherwise).
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from citywatch.config import SHARED_DATA
from citywatch.store import Store, StoreConfig, connect


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now, for a test server."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or a skip that says why when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared evaluation data, present in CI); not on this machine")
    return path


@pytest.fixture(scope="session")
def wire_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A mongoeco wire server on a free loopback port, backed by SQLite; yields its URI."""
    from mongoeco._pytest_runtime import ProxyThread

    server = ProxyThread("sqlite", tmp_path_factory.mktemp("wire"), "7.0", "4.9")
    uri = server.start()
    yield uri
    server.close()


def _open(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Store:
    db_name = f"t{uuid.uuid4().hex[:12]}"
    if kind == "embedded":
        return connect(StoreConfig(data_dir=tmp_path / "data", db_name=db_name))
    if kind == "wire":
        uri = request.getfixturevalue("wire_server")
        return connect(StoreConfig(uri=uri, db_name=db_name, timeout_s=10))
    uri = os.environ.get("CITYWATCH_TEST_MONGO_URI")
    if not uri:
        pytest.skip("real MongoDB not tested: set CITYWATCH_TEST_MONGO_URI to run these against a server")
    return connect(StoreConfig(uri=uri, db_name=db_name, timeout_s=10))


@pytest.fixture(params=["embedded", "wire", "mongodb"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store on each back end."""
    opened = _open(request.param, tmp_path, request)
    yield opened
    if opened.backend == "mongodb":
        opened.client.drop_database(opened.db.name)
    opened.close()


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[Store]:
    """Just the embedded default, for tests of code above the store."""
    opened = connect(StoreConfig(data_dir=tmp_path / "data", db_name="citywatch"))
    yield opened
    opened.close()


@pytest.fixture
def store_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point CITYWATCH_DATA_DIR at a temporary folder for CLI and subprocess tests."""
    data_dir = tmp_path / "var"
    monkeypatch.setenv("CITYWATCH_DATA_DIR", str(data_dir))
    monkeypatch.delenv("CITYWATCH_MONGO_URI", raising=False)
    return data_dir
