"""Post-run monitoring: each check on counters, recording on the run, webhook and SMTP alerts."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from citywatch.config.operations import load_config
from citywatch.scheduler.alerts import send_alerts
from citywatch.scheduler.monitors import check_source, monitor_run
from citywatch.store import Store
from citywatch.store.runs import finish_run, list_runs, start_run

LIMITS = load_config()["monitoring"]
HEALTHY = {"requests": 20, "responses": {"200": 20}, "stored": 12, "skipped": {"known": 6}}


def checks(counters: dict, history: list[dict] | None = None) -> list[str]:
    return [f["check"] for f in check_source("s", counters, history if history is not None else [HEALTHY] * 5, LIMITS)]


def test_healthy_source_passes() -> None:
    assert checks(HEALTHY) == []


def test_no_items_only_when_the_source_normally_has_some() -> None:
    empty = {"requests": 1, "responses": {"200": 1}}
    assert checks(empty) == ["no_items"]
    assert checks(empty, history=[{"requests": 1}] * 5) == [], "a source that never yields is not a new failure"
    assert checks(empty, history=[HEALTHY] * 2) == [], "too little history to say what is normal"
    assert checks({"requests": 5, "skipped": {"known": 5}}) == [], "nothing new is not nothing listed"


def test_error_rate() -> None:
    assert checks({**HEALTHY, "errors": {"http_500": 4, "timeout": 2}}) == ["error_rate"]
    assert checks({**HEALTHY, "errors": {"http_500": 2}}) == []
    assert checks({"requests": 2, "errors": {"http_500": 2}}, history=[]) == [], "too few requests to judge"


def test_extraction_failures() -> None:
    broken = {**HEALTHY, "stored": 10, "too_short": 7, "dropped": {"unparseable": 2}}
    assert checks(broken) == ["extraction_failures"]
    assert checks({**HEALTHY, "too_short": 2}) == []


def test_robots_blocking_is_reported_when_it_starts() -> None:
    blocked = {**HEALTHY, "dropped": {"robots_txt": 3}}
    assert checks(blocked) == ["robots_blocked"]
    assert checks(blocked, history=[blocked] + [HEALTHY] * 4) == [], "already blocked last run: not new"


def _run(store: Store, run_id: str, started: datetime, sources: dict, status: str = "finished") -> None:
    start_run(store, run_id, {"source_ids": sorted(sources)}, now=started)
    store.runs.update_one({"_id": run_id}, {"$set": {"spiders.feeds": {"state": "finished", "sources": sources}}})
    finish_run(store, run_id, status, now=started + timedelta(minutes=1))


class _Hook(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def webhook():
    _Hook.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", _Hook.received
    server.shutdown()
    server.server_close()


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    class Collect(Message):
        def __init__(self) -> None:
            super().__init__()
            self.messages = []

        def handle_message(self, message) -> None:
            self.messages.append(message)

    from tests.conftest import free_port

    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler.messages
    controller.stop()


def test_monitor_run_records_logs_and_alerts(embedded_store: Store, webhook, smtp_server, caplog) -> None:
    url, posted = webhook
    controller, mails = smtp_server
    config = load_config(overrides={"alerts": {"webhook_url": url, "smtp": {
        "host": "127.0.0.1", "port": controller.port, "recipients": ["ops@example.org"]}}})
    now = datetime.now(UTC)
    for i in range(4):
        _run(embedded_store, f"old{i}", now - timedelta(hours=10 - i), {"a": HEALTHY, "b": HEALTHY})
    _run(embedded_store, "new", now, {"a": HEALTHY, "b": {"requests": 1, "errors": {"malformed_feed": 1}}})

    failures = monitor_run(embedded_store, "new", config)

    assert [(f["source"], f["check"]) for f in failures] == [("b", "no_items")]
    run = embedded_store.runs.find_one({"_id": "new"})
    assert [f["check"] for f in run["failures"]] == ["no_items"] and run["monitored_at"]
    assert [r["_id"] for r in list_runs(embedded_store, failed=True)] == ["new"], "shown by `citywatch runs --failed`"
    assert "b: no items this run" in caplog.text
    assert posted[0]["run_id"] == "new" and posted[0]["failures"][0]["check"] == "no_items"
    assert len(mails) == 1 and "run new" in mails[0]["Subject"] and "no_items" in mails[0].get_payload()
    assert monitor_run(embedded_store, "new", config) == [], "a run is checked once"
    assert len(posted) == 1


def test_failed_run_is_one_alert_and_interrupted_is_not_judged(embedded_store: Store) -> None:
    now = datetime.now(UTC)
    _run(embedded_store, "crashed", now, {}, status="failed")
    _run(embedded_store, "stopped", now, {"a": {}}, status="interrupted")
    config = load_config()
    assert [f["check"] for f in monitor_run(embedded_store, "crashed", config)] == ["run_failed"]
    assert monitor_run(embedded_store, "stopped", config) == []


def test_alerts_off_by_default_and_broken_channels_do_not_raise(caplog) -> None:
    failure = [{"source": "s", "check": "no_items", "message": "s: x", "at": datetime.now(UTC)}]
    assert send_alerts("r", failure, load_config()["alerts"]) == []
    from tests.conftest import free_port

    dead = load_config(overrides={"alerts": {"webhook_url": f"http://127.0.0.1:{free_port()}/",
                                             "webhook_timeout_seconds": 2,
                                             "smtp": {"host": "127.0.0.1", "port": free_port(),
                                                      "recipients": ["x@example.org"], "timeout_seconds": 2}}})
    assert send_alerts("r", failure, dead["alerts"]) == []
    assert "alert webhook failed" in caplog.text and "alert e-mail failed" in caplog.text
