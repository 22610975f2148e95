"""Sending monitoring failures out: a JSON webhook and/or an e-mail, both off unless configured.

A broken alert channel must never break a crawl or the scheduler: every send
error is logged and swallowed, and the failures stay recorded on the run.
"""

from __future__ import annotations

import json
import logging
import os
import smtplib
from collections.abc import Mapping
from email.message import EmailMessage
from typing import Any

import requests

logger = logging.getLogger(__name__)


def _jsonable(failures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in f.items()} for f in failures]


def post_webhook(url: str, run_id: str, failures: list[dict[str, Any]], timeout: float) -> None:
    response = requests.post(url, json={"run_id": run_id, "failures": _jsonable(failures)}, timeout=timeout)
    response.raise_for_status()


def send_email(smtp: Mapping[str, Any], run_id: str, failures: list[dict[str, Any]]) -> None:
    message = EmailMessage()
    message["Subject"] = f"citywatch: {len(failures)} monitoring failure(s) in run {run_id}"
    message["From"] = smtp["sender"]
    message["To"] = ", ".join(smtp["recipients"])
    lines = [f"- [{f['check']}] {f['message']}" for f in failures]
    message.set_content(f"Run {run_id} needs attention:\n\n" + "\n".join(lines) +
                        "\n\nDetails: citywatch runs --show " + run_id + "\n\n" +
                        json.dumps(_jsonable(failures), indent=2, ensure_ascii=False))
    with smtplib.SMTP(smtp["host"], int(smtp["port"]), timeout=float(smtp["timeout_seconds"])) as client:
        if smtp.get("starttls"):
            client.starttls()
        if smtp.get("username"):
            client.login(smtp["username"], os.environ.get(smtp["password_env"], ""))
        client.send_message(message)


def send_alerts(run_id: str, failures: list[dict[str, Any]], alerts: Mapping[str, Any]) -> list[str]:
    """Send to every configured channel; returns the channels that worked."""
    sent = []
    if alerts.get("webhook_url"):
        try:
            post_webhook(alerts["webhook_url"], run_id, failures, float(alerts["webhook_timeout_seconds"]))
            sent.append("webhook")
        except requests.RequestException as exc:
            logger.error("alert webhook failed for run %s: %s", run_id, exc)
    smtp = alerts.get("smtp") or {}
    if smtp.get("host") and smtp.get("recipients"):
        try:
            send_email(smtp, run_id, failures)
            sent.append("email")
        except (OSError, smtplib.SMTPException) as exc:
            logger.error("alert e-mail failed for run %s: %s", run_id, exc)
    return sent
