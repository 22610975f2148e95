"""What every router of the review app shares: the store, sessions, the CSRF check, page rendering.

Every page but ``/login`` and ``/static`` needs a session; every POST needs the
session's CSRF token (the login form a cookie-bound one). Handlers are ``async`` on
purpose: store calls then run one at a time on the event loop, which the embedded
SQLite engine needs, and a review tool has a handful of users. The one CPU-heavy
step, checking a password, runs in a worker thread (see :mod:`.auth`).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

import anyio
from fastapi import Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from citywatch.review import accounts, queue
from citywatch.review.vocabulary import ReviewError
from citywatch.store import Store

SESSION_COOKIE, LOGIN_COOKIE = "cw_session", "cw_login"
MESSAGES = {"active": "Saved: applied to {n} mention(s).", "disputed":
            "Recorded, but another reviewer decided differently: sent to an admin.",
            "undone": "Undid your last decision.", "nothing": "Nothing to undo.", "skipped": "Skipped.",
            "reverted": "Reverted.", "resolved": "Dispute settled."}

# The flash message after a redirect: ``m`` names it, ``n`` counts what it touched.
MessageCode = Annotated[str | None, Query(alias="m", max_length=32)]
MessageCount = Annotated[int, Query(alias="n", ge=0, le=10**9)]


class QueueCache:
    """The last few queues built, so the redirect after a decision and the next page share one pass.

    Cleared by every decision made through the app; entries also expire after
    ``ttl`` seconds so crawls and CLI decisions show up without a restart.
    """

    def __init__(self, ttl: float = 30.0, size: int = 16) -> None:
        self.ttl, self.size = ttl, size
        self._built: dict[tuple, tuple[float, queue.Queue]] = {}

    def get(self, store: Store, filters: queue.QueueFilter, skip: Iterable[str] = ()) -> queue.Queue:
        key = (filters, tuple(sorted(skip)))
        hit = self._built.get(key)
        if hit and time.monotonic() - hit[0] < self.ttl:
            return hit[1]
        built = queue.build_queue(store, filters, skip)
        if len(self._built) >= self.size:
            self._built.clear()
        self._built[key] = (time.monotonic(), built)
        return built

    def clear(self) -> None:
        self._built.clear()


@dataclass
class Services:
    """The app's shared objects, on ``app.state.services``; the store is opened on first use."""

    open_store: Callable[[], Store]
    templates: Jinja2Templates
    limiter: accounts.LoginLimiter = field(default_factory=accounts.LoginLimiter)
    queues: QueueCache = field(default_factory=QueueCache)
    store: Store | None = None
    hash_slots: anyio.CapacityLimiter | None = None  # password checks running at once (see .auth)

    def db(self) -> Store:
        if self.store is None:
            self.store = self.open_store()
        return self.store


class LoginRequired(Exception):
    pass


class Forbidden(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


def services(request: Request) -> Services:
    return request.app.state.services


def db(request: Request) -> Store:
    return services(request).db()


def page(request: Request, name: str, session: accounts.Session | None, context: dict[str, Any],
         status: int = 200) -> Response:
    return services(request).templates.TemplateResponse(request, name, {"session": session, **context},
                                                        status_code=status)


def current(request: Request) -> accounts.Session:
    session = accounts.find_session(db(request), request.cookies.get(SESSION_COOKIE))
    if session is None:
        raise LoginRequired()
    return session


async def posted(request: Request) -> tuple[accounts.Session, Any]:
    session = current(request)
    form = await request.form()
    if not accounts.csrf_ok(session.csrf, form.get("csrf_token")):
        raise Forbidden("The form's security token is missing or wrong. Reload the page and try again.")
    return session, form


def back(path: str, **params: Any) -> RedirectResponse:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return RedirectResponse(f"{path}?{query}" if query else path, status_code=303)


def message(code: str | None, count: int) -> str | None:
    return MESSAGES[code].format(n=count) if code in MESSAGES else None


@functools.cache
def outlet_names() -> dict[str, str]:
    try:
        from citywatch.config.sources import load_sources

        return {s.id: s.name for s in load_sources()}
    except Exception:  # noqa: BLE001 - a broken registry must not take the review tool down
        return {}


def queue_filter(params: Any) -> queue.QueueFilter:
    def day(name: str) -> date | None:
        raw = params.get(name)
        try:
            return date.fromisoformat(raw) if raw else None
        except ValueError:
            raise ReviewError(f"{name} must be a date like 2026-01-31") from None

    return queue.QueueFilter(
        source=params.get("source") or None, country=(params.get("country") or "").upper() or None,
        lang=params.get("lang") or None, city=params.get("city") or None,
        label=params.get("label") or None, since=day("since"), until=day("until"))
