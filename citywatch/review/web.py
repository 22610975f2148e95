"""``citywatch review serve``: the reviewers' web application (FastAPI, server-rendered Jinja2).

Every page but ``/login`` and ``/static`` needs a session; every POST needs the
session's CSRF token (the login form a cookie-bound one). Pages carry a strict
Content-Security-Policy (scripts only from ``/static``, no inline script), and all
article text goes through Jinja2 autoescaping. Handlers are ``async`` on purpose:
store calls then run one at a time on the event loop, which the embedded SQLite
engine needs, and a review tool has a handful of users.
"""

from __future__ import annotations

import contextlib
import functools
import secrets
import time
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from citywatch.review import accounts, decisions, queue
from citywatch.review.model import ReviewError, city_name, counted_labels
from citywatch.review.text import paragraph, safe_link, sentence
from citywatch.store import Store
from nlp.labels import LABELS

HERE = Path(__file__).resolve().parent
SESSION_COOKIE, LOGIN_COOKIE = "cw_session", "cw_login"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
QUEUE_PAGE = 100
MESSAGES = {"active": "Saved: applied to {n} mention(s).", "disputed":
            "Recorded, but another reviewer decided differently: sent to an admin.",
            "undone": "Undid your last decision.", "nothing": "Nothing to undo.", "skipped": "Skipped.",
            "reverted": "Reverted.", "resolved": "Dispute settled."}


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


class LoginRequired(Exception):
    pass


class Forbidden(Exception):
    def __init__(self, message: str) -> None:
        self.message = message


@functools.cache
def outlet_names() -> dict[str, str]:
    try:
        from citywatch.config.sources import load_sources

        return {s.id: s.name for s in load_sources()}
    except Exception:  # noqa: BLE001 - a broken registry must not take the review tool down
        return {}


def _filters(params: Any) -> queue.QueueFilter:
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


def create_app(open_store: Callable[[], Store]) -> FastAPI:
    """The application; ``open_store`` is called once, on first use, in the serving thread."""
    state: dict[str, Store] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if "store" in state:
            state.pop("store").close()

    app = FastAPI(title="citywatch review", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
    env.globals.update(labels=LABELS, city_name=city_name)
    templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    limiter = accounts.LoginLimiter()
    queues = QueueCache()

    def db() -> Store:
        if "store" not in state:
            state["store"] = open_store()
        return state["store"]

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(LoginRequired)
    async def _to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        return page(request, "error.html", None, {"title": "Forbidden", "message": exc.message}, 403)

    @app.exception_handler(ReviewError)
    async def _bad(request: Request, exc: ReviewError) -> Response:
        return page(request, "error.html", None, {"title": "Cannot do that", "message": str(exc)}, 400)

    def page(request: Request, name: str, session: accounts.Session | None, context: dict[str, Any],
             status: int = 200) -> Response:
        return templates.TemplateResponse(request, name, {"session": session, **context}, status_code=status)

    def current(request: Request) -> accounts.Session:
        session = accounts.find_session(db(), request.cookies.get(SESSION_COOKIE))
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

    # --- login -------------------------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse)
    async def login_form(request: Request) -> Response:
        token = secrets.token_urlsafe(32)
        response = page(request, "login.html", None, {"csrf": token, "error": None})
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", path="/login",
                            secure=request.url.scheme == "https")
        return response

    @app.post("/login", response_class=HTMLResponse)
    async def login(request: Request) -> Response:
        form = await request.form()
        if not accounts.csrf_ok(request.cookies.get(LOGIN_COOKIE) or "", form.get("csrf_token")):
            raise Forbidden("The login form's security token is missing or wrong. Reload the page.")
        name, password = str(form.get("username") or ""), str(form.get("password") or "")
        address = request.client.host if request.client else "?"
        if limiter.blocked(name, address):
            return page(request, "error.html", None, {"title": "Too many attempts", "message":
                        "Too many failed logins. Wait a minute before trying again."}, 429)
        user = accounts.authenticate(db(), name, password)
        if user is None:
            limiter.failed(name, address)
            return page(request, "login.html", None, {"csrf": form.get("csrf_token"),
                                                      "error": "Wrong user name or password."}, 401)
        limiter.succeeded(name, address)
        response = RedirectResponse("/queue", status_code=303)
        response.set_cookie(SESSION_COOKIE, accounts.open_session(db(), user), httponly=True, samesite="strict",
                            max_age=int(accounts.SESSION_TTL.total_seconds()), secure=request.url.scheme == "https")
        response.delete_cookie(LOGIN_COOKIE, path="/login")
        return response

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        session, _ = await posted(request)
        accounts.close_session(db(), session)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    # --- queue and items ---------------------------------------------------------------------
    @app.get("/")
    async def home(request: Request) -> Response:
        current(request)
        return RedirectResponse("/queue", status_code=303)

    @app.get("/queue", response_class=HTMLResponse)
    async def queue_page(request: Request) -> Response:
        session = current(request)
        store = db()
        filters = _filters(request.query_params)
        built = queues.get(store, filters)
        ranking = sorted(built.city_counts.items(), key=lambda kv: -kv[1])[:15]
        return page(request, "queue.html", session, {
            "queue": built, "groups": built.groups[:QUEUE_PAGE], "filters": filters, "ranking": ranking,
            "mine": decisions.count_by(store, session.user), "counted": counted_labels(),
            "message": _message(request)})

    @app.get("/next")
    async def next_item(request: Request) -> Response:
        session = current(request)
        built = queues.get(db(), queue.QueueFilter(), session.skipped)
        extra = {k: request.query_params.get(k) for k in ("m", "n")}
        if not built.groups:
            return back("/queue", **extra)
        return back("/review", key=built.groups[0].key, **extra)

    @app.get("/review", response_class=HTMLResponse)
    async def item(request: Request, key: str = "") -> Response:
        session = current(request)
        if not key:
            return back("/queue")
        store = db()
        shown, others = queue.first_pending(store, key)
        if shown is None:  # decided meanwhile (another reviewer, the CLI): the cached queue is stale
            queues.clear()
            return back("/next", m=request.query_params.get("m"), n=request.query_params.get("n"))
        built = queues.get(store, queue.QueueFilter(), session.skipped)
        group = next((g for g in built.groups if g.key == key), None)
        mention, article = shown.mention, shown.article
        text = article.get("text") or ""
        return page(request, "item.html", session, {
            "key": key, "group": group, "mention": mention, "article": article,
            "sentence": sentence(text, mention["start"], mention["end"]),
            "paragraph": paragraph(text, mention["start"], mention["end"]),
            "link": safe_link(article.get("url")), "outlet": outlet_names().get(article.get("source_id"), ""),
            "others": [(o.article.get("title"), sentence(o.article.get("text") or "", o.mention["start"],
                                                         o.mention["end"])) for o in others],
            "queue": built, "mine": decisions.count_by(store, session.user), "message": _message(request)})

    @app.post("/decide")
    async def decide(request: Request) -> Response:
        session, form = await posted(request)
        key = str(form.get("key") or "")
        action = form.get("action")
        if action == "confirm":
            label, city = str(form.get("machine_label") or ""), decisions.KEEP
        elif action == "not_city":
            label, city = "OTHER_PLACE", None
        elif action == "change":
            label = str(form.get("label") or "")
            choice = str(form.get("city_other") or "").strip() or str(form.get("city") or decisions.KEEP)
            city = None if choice == "none" else choice
        else:
            raise ReviewError("unknown action")
        target = None
        if form.get("scope") == "mention":
            try:
                target = (str(form.get("article")), int(form.get("start")), int(form.get("end")))
            except (TypeError, ValueError):
                raise ReviewError("the mention to decide is missing") from None
        outcome = decisions.decide(db(), key, label, city, by=session.user, role=session.role, target=target)
        queues.clear()
        return back("/next", m=outcome.status, n=outcome.touched)

    @app.post("/skip")
    async def skip(request: Request) -> Response:
        session, form = await posted(request)
        accounts.skip(db(), session, str(form.get("key") or ""))
        return back("/next", m="skipped")

    @app.post("/undo")
    async def undo(request: Request) -> Response:
        session, _ = await posted(request)
        last = decisions.undo_last(db(), session.user)
        queues.clear()
        if last is None:
            return back("/queue", m="nothing")
        return back("/review", key=last["group_key"], m="undone")

    # --- history, reverts, disputes ----------------------------------------------------------
    @app.get("/history", response_class=HTMLResponse)
    async def history(request: Request) -> Response:
        session = current(request)
        who = None if session.role == "admin" else session.user
        return page(request, "history.html", session, {"reviews": decisions.history(db(), who, 200),
                                                       "message": _message(request)})

    @app.post("/revert")
    async def revert(request: Request) -> Response:
        session, form = await posted(request)
        review_id = str(form.get("review_id") or "")
        review = db().reviews.find_one({"_id": review_id}, {"by": 1})
        if review is None or (review["by"] != session.user and session.role != "admin"):
            raise Forbidden("Only the reviewer who made a decision, or an admin, can revert it.")
        decisions.revert(db(), review_id, by=session.user)
        queues.clear()
        return back("/history", m="reverted")

    @app.get("/admin", response_class=HTMLResponse)
    async def admin(request: Request) -> Response:
        session = current(request)
        if session.role != "admin":
            raise Forbidden("The dispute queue is for admins.")
        return page(request, "admin.html", session, {"disputes": decisions.disputes(db()),
                                                     "message": _message(request)})

    @app.post("/admin/resolve")
    async def resolve(request: Request) -> Response:
        session, form = await posted(request)
        if session.role != "admin":
            raise Forbidden("Only admins settle disputes.")
        decisions.resolve(db(), str(form.get("dispute") or ""), str(form.get("uphold") or ""), by=session.user)
        queues.clear()
        return back("/admin", m="resolved")

    return app


def _message(request: Request) -> str | None:
    code = request.query_params.get("m")
    if code not in MESSAGES:
        return None
    n = request.query_params.get("n", "0")
    return MESSAGES[code].format(n=int(n) if n.isdigit() else 0)


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn against the configured store (blocks)."""
    import uvicorn

    from citywatch.store import connect

    with connect() as store:  # start-up check: an unreachable, full or damaged store is one line, not a 500
        store.counts()
    uvicorn.run(create_app(connect), host=host, port=port, log_level="info")
