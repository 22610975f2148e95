"""Log in and out.

A login attempt is counted by the limiter before the password is checked, so
parallel guesses cannot slip past it. The argon2 check runs in a worker thread,
at most one fewer at once than the machine has cores, so forty parallel wrong
logins queue for the hashing slots and leave a core for every other page
(``benchmarks/bench_review.py``). The client address
the limiter sees is the socket's, unless ``review serve --forwarded-allow-ips``
names the proxy in front (see :mod:`.app`).
"""

from __future__ import annotations

import os
import secrets
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from citywatch.review import accounts
from citywatch.review.web.common import LOGIN_COOKIE, SESSION_COOKIE, Forbidden, db, page, posted, services

router = APIRouter()
HASH_SLOTS = max(1, (os.cpu_count() or 2) - 1)  # password checks at once


async def verify_off_loop(request: Request, user: dict[str, Any] | None, password: str) -> bool:
    """:func:`accounts.verify` in a worker thread, at most :data:`HASH_SLOTS` at once per app."""
    shared = services(request)
    if shared.hash_slots is None:  # made on first use, inside the app's event loop
        shared.hash_slots = anyio.CapacityLimiter(HASH_SLOTS)
    return await anyio.to_thread.run_sync(accounts.verify, user, password, limiter=shared.hash_slots)


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request) -> Response:
    token = secrets.token_urlsafe(32)
    response = page(request, "login.html", None, {"csrf": token, "error": None})
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", path="/login",
                        secure=request.url.scheme == "https")
    return response


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = await request.form()
    if not accounts.csrf_ok(request.cookies.get(LOGIN_COOKIE) or "", form.get("csrf_token")):
        raise Forbidden("The login form's security token is missing or wrong. Reload the page.")
    name, password = str(form.get("username") or ""), str(form.get("password") or "")
    address = request.client.host if request.client else "?"
    limiter = services(request).limiter
    if not limiter.attempt(name, address):
        return page(request, "error.html", None, {"title": "Too many attempts", "message":
                    "Too many failed logins. Wait a minute before trying again."}, 429)
    user = accounts.find_login(db(request), name)
    verified = await verify_off_loop(request, user, password)  # a dummy hash when the name is unknown
    if not verified or user is None:
        return page(request, "login.html", None, {"csrf": form.get("csrf_token"),
                                                  "error": "Wrong user name or password."}, 401)
    limiter.succeeded(name, address)
    response = RedirectResponse("/queue", status_code=303)
    response.set_cookie(SESSION_COOKIE, accounts.open_session(db(request), user), httponly=True, samesite="strict",
                        max_age=int(accounts.SESSION_TTL.total_seconds()), secure=request.url.scheme == "https")
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    session, _ = await posted(request)
    accounts.close_session(db(request), session)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
