"""The admins' dispute queue: two reviewers disagreed, an admin upholds one side."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from citywatch.review import decisions
from citywatch.review.web.common import Forbidden, MessageCode, MessageCount, back, current, db, message, page, posted, services

router = APIRouter()


@router.get("/admin", response_class=HTMLResponse)
async def admin(request: Request, m: MessageCode = None, n: MessageCount = 0) -> Response:
    session = current(request)
    if session.role != "admin":
        raise Forbidden("The dispute queue is for admins.")
    return page(request, "admin.html", session, {"disputes": decisions.disputes(db(request)), "message": message(m, n)})


@router.post("/admin/resolve")
async def resolve(request: Request) -> Response:
    session, form = await posted(request)
    if session.role != "admin":
        raise Forbidden("Only admins settle disputes.")
    decisions.resolve(db(request), str(form.get("dispute") or ""), str(form.get("uphold") or ""), by=session.user)
    services(request).queues.clear()
    return back("/admin", m="resolved")
