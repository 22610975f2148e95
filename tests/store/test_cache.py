"""The page cache of the embedded store's writing connection (`CITYWATCH_SQLITE_CACHE_MB`): applied to mongoeco's
main connection (every write goes through it) and not to its per-cursor ones, SQLite's default when 0, and a bad
value is one line naming the variable."""

from __future__ import annotations

import pytest

from citywatch.store import StoreConfig, connect
from citywatch.store.location import DEFAULT_CACHE_MB


def _cache_kib(config: StoreConfig) -> int:
    with connect(config) as store:
        store.articles.insert_one({"_id": "https://news.example/1"})  # mongoeco connects on first use
        return int(store.engine._require_connection().execute("PRAGMA cache_size").fetchone()[0])


@pytest.mark.parametrize("megabytes", [64, DEFAULT_CACHE_MB])
def test_the_writing_connection_keeps_the_configured_cache(tmp_path, megabytes):
    config = StoreConfig.from_env({"CITYWATCH_DATA_DIR": str(tmp_path), "CITYWATCH_SQLITE_CACHE_MB": str(megabytes)})
    assert config.cache_mb == megabytes
    assert _cache_kib(config) == -1024 * megabytes  # negative: a size in KiB, not a number of pages


def test_zero_leaves_sqlites_default(tmp_path):
    import sqlite3

    default = sqlite3.connect(":memory:").execute("PRAGMA cache_size").fetchone()[0]
    assert _cache_kib(StoreConfig(data_dir=tmp_path, cache_mb=0)) == default


def test_only_the_writing_connection_gets_it(tmp_path):
    """mongoeco's per-cursor and change-feed connections read each page once: they keep SQLite's default."""
    import sqlite3

    default = sqlite3.connect(":memory:").execute("PRAGMA cache_size").fetchone()[0]
    with connect(StoreConfig(data_dir=tmp_path, cache_mb=64)) as store:
        store.articles.insert_one({"_id": "https://news.example/1"})
        assert store.engine._require_connection().execute("PRAGMA cache_size").fetchone()[0] == -65536
        other = store.engine._create_sqlite_connection()
        try:
            assert other.execute("PRAGMA cache_size").fetchone()[0] == default
        finally:
            other.close()


def test_the_default_applies_when_unset(tmp_path):
    assert StoreConfig.from_env({"CITYWATCH_DATA_DIR": str(tmp_path)}).cache_mb == DEFAULT_CACHE_MB


@pytest.mark.parametrize("raw", ["lots", "-5", "1.5", ""])
def test_a_bad_cache_size_is_one_line_naming_the_variable(store_env, monkeypatch, capsys, raw):
    from citywatch.cli.main import main

    monkeypatch.setenv("CITYWATCH_SQLITE_CACHE_MB", raw)
    monkeypatch.setattr("sys.argv", ["citywatch", "db", "status"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1 and "CITYWATCH_SQLITE_CACHE_MB" in message and repr(raw) in message, message
    assert not store_env.exists()  # nothing was created
