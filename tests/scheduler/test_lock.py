"""The store-backed job lock: one holder, expiry of a crashed holder, atomic across two real processes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from citywatch.scheduler.lock import LOCKS, JobLock, LockHeld, current_lease, live_locks
from citywatch.store import Store

HERE = Path(__file__).resolve().parent


def test_second_holder_is_refused_until_release(store: Store) -> None:
    first = JobLock(store, "default", ttl=30)
    first.acquire()
    with pytest.raises(LockHeld, match="default"):
        JobLock(store, "default", ttl=30).acquire()
    assert [lease["job"] for lease in live_locks(store)] == ["default"]
    first.release()
    with JobLock(store, "default", ttl=30) as second:
        assert second.generation == 2
    assert live_locks(store) == []


def test_crashed_holder_expires_and_is_taken_over(store: Store) -> None:
    crashed = JobLock(store, "job", ttl=0.3)
    crashed.acquire()
    crashed._stop.set()  # the holder dies: no more heartbeats, no release
    crashed._thread.join()
    with pytest.raises(LockHeld):
        JobLock(store, "job", ttl=0.3).acquire()
    time.sleep(0.5)
    taker = JobLock(store, "job", ttl=30)
    taker.acquire()
    assert current_lease(store, "job")["owner"] == taker.owner
    assert crashed.renew() is False, "the old holder learns it lost the lock"
    taker.release()


def test_heartbeat_keeps_the_lease_alive(embedded_store: Store) -> None:
    from citywatch.store import StoreConfig, connect

    where = StoreConfig(data_dir=Path(embedded_store.location).parent, db_name=embedded_store.db.name)
    # the heartbeat thread opens its own connection, as the scheduler's does
    lock = JobLock(embedded_store, "beat", ttl=0.6, connect=lambda: connect(where))
    lock.acquire()
    time.sleep(1.5)  # > 2 ttl: alive only if renewed
    with pytest.raises(LockHeld):
        JobLock(embedded_store, "beat", ttl=0.6).acquire()
    lock.release()
    assert current_lease(embedded_store, "beat")["released_at"] is not None


@pytest.mark.parametrize("backend", ["embedded", "wire"])
def test_two_processes_never_both_win(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    import os

    from citywatch.store import StoreConfig, connect

    rounds = 8
    env = dict(os.environ)
    env.pop("CITYWATCH_MONGO_URI", None)
    if backend == "wire":
        config = StoreConfig(uri=request.getfixturevalue("wire_server"), db_name=f"locks{os.getpid()}", timeout_s=10)
        env["CITYWATCH_MONGO_URI"], env["CITYWATCH_DB"] = config.uri, config.db_name
    else:
        config = StoreConfig(data_dir=tmp_path / "data")
        env["CITYWATCH_DATA_DIR"] = str(config.data_dir)
    past = datetime.now(UTC) - timedelta(minutes=5)
    with connect(config) as store:
        store.collection(LOCKS).insert_many([
            {"_id": f"expired-{r}#1", "job": f"expired-{r}", "generation": 1, "owner": "dead:1", "acquired_at": past,
             "renewed_at": past, "expires_at": past, "released_at": None} for r in range(rounds)])
    start = time.time() + 4  # both processes are up (imports done) before the first round
    racers = [subprocess.Popen([sys.executable, str(HERE / "lock_race.py"), str(start), str(rounds)], env=env,
                               stdout=subprocess.PIPE, text=True) for _ in range(2)]
    won = [json.loads(p.communicate(timeout=120)[0]) for p in racers]
    assert all(p.returncode == 0 for p in racers)
    every = sorted(won[0] + won[1])
    expected = sorted([f"fresh-{r}" for r in range(rounds)] + [f"expired-{r}" for r in range(rounds)])
    assert every == expected, "each lock taken by exactly one of the two processes"
