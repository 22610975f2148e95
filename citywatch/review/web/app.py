"""The review app: routers assembled, security headers on every response, host and proxy policy.

Pages carry a strict Content-Security-Policy (scripts only from ``/static``, no
inline script), error pages included: the headers are added by an ASGI wrapper
around everything the app answers, and the 500 handler (which Starlette runs
outside every middleware) sets them itself. Requests whose ``Host`` is not
in :attr:`ServeOptions.allowed_hosts` are refused (400), so the app cannot be
reached through a hostile name pointed at it (DNS rebinding). The client address
(what the login limiter counts) is the socket's: uvicorn's proxy headers are off
unless ``forwarded_allow_ips`` names the proxy in front, since trusting
``X-Forwarded-For`` from anyone lets a guesser rotate it for unlimited tries.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import MutableHeaders
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from citywatch.review.vocabulary import ReviewError, city_name
from citywatch.review.web import admin, auth, decisions, queue
from citywatch.review.web.common import Forbidden, LoginRequired, Services, page
from citywatch.store import Store
from nlp.labels import LABELS

HERE = Path(__file__).resolve().parents[1]  # citywatch/review: templates/ and static/
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
LOCAL_NAMES = ("localhost", "127.0.0.1")


@dataclass(frozen=True)
class ServeOptions:
    """How ``citywatch review serve`` listens and whom it believes."""

    host: str = "127.0.0.1"
    port: int = 8000
    extra_hosts: tuple[str, ...] = ()  # Host header values accepted besides the bind address and localhost
    forwarded_allow_ips: str | None = None  # the proxy whose X-Forwarded-For/-Proto are believed; None: nobody

    @property
    def allowed_hosts(self) -> list[str]:
        bound = () if self.host in ("0.0.0.0", "::", "") else (self.host,)
        return list(dict.fromkeys((*bound, *LOCAL_NAMES, *self.extra_hosts)))


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every response that passes (keeps a header a route set itself)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                secure(MutableHeaders(scope=message))
            await send(message)

        await self.app(scope, receive, send_secured)


def secure(headers: MutableHeaders) -> None:
    for name, value in SECURITY_HEADERS.items():
        headers.setdefault(name, value)


def _field(error: dict[str, Any]) -> str:
    where = [str(part) for part in error.get("loc", ())]
    return f"{where[0]} parameter {'.'.join(where[1:])}" if len(where) > 1 else ".".join(where) or "request"


def _install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def _to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        return page(request, "error.html", None, {"title": "Forbidden", "message": exc.message}, 403)

    @app.exception_handler(ReviewError)
    async def _bad(request: Request, exc: ReviewError) -> Response:
        return page(request, "error.html", None, {"title": "Cannot do that", "message": str(exc)}, 400)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        text = f"{_field(first)}: {first.get('msg', 'invalid')}"
        return page(request, "error.html", None, {"title": "Bad request", "message": text}, 422)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        response = PlainTextResponse("Internal Server Error", status_code=500)
        secure(response.headers)
        return response


def create_app(open_store: Callable[[], Store], options: ServeOptions | None = None) -> FastAPI:
    """The application; ``open_store`` is called once, on first use, in the serving thread."""
    options = options or ServeOptions()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        shared: Services = app.state.services
        if shared.store is not None:
            shared.store.close()
            shared.store = None

    app = FastAPI(title="citywatch review", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
    env.globals.update(labels=LABELS, city_name=city_name)
    app.state.services = Services(open_store, Jinja2Templates(env=env))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in (auth.router, queue.router, decisions.router, admin.router):
        app.include_router(router)
    _install_error_pages(app)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=options.allowed_hosts, www_redirect=False)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so the host check's 400 carries them too
    return app


def uvicorn_config(app: FastAPI, options: ServeOptions, **kwargs: Any) -> Any:
    """uvicorn's configuration for ``app``: proxy headers believed only from ``options.forwarded_allow_ips``."""
    import uvicorn

    return uvicorn.Config(app, host=options.host, port=options.port,
                          proxy_headers=options.forwarded_allow_ips is not None,
                          forwarded_allow_ips=options.forwarded_allow_ips or "", server_header=False, **kwargs)


def serve(options: ServeOptions) -> None:
    """Run the app with uvicorn against the configured store (blocks)."""
    import uvicorn

    from citywatch.store import connect

    with connect() as store:  # start-up check: an unreachable, full or damaged store is one line, not a 500
        store.counts()
    uvicorn.Server(uvicorn_config(create_app(connect, options), options, log_level="info")).run()
