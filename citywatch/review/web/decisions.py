"""Deciding, skipping, undoing and reverting; the reviewer's history."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from citywatch.review import accounts, decisions
from citywatch.review.vocabulary import ReviewError
from citywatch.review.web.common import (
    Forbidden,
    MessageCode,
    MessageCount,
    back,
    current,
    db,
    message,
    page,
    posted,
    services,
)

router = APIRouter()


@router.post("/decide")
async def decide(request: Request) -> Response:
    session, form = await posted(request)
    key = str(form.get("key") or "")
    action = form.get("action")
    city: str | None
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
    outcome = decisions.decide(db(request), key, label, city, by=session.user, role=session.role, target=target)
    services(request).queues.clear()
    return back("/next", m=outcome.status, n=outcome.touched)


@router.post("/skip")
async def skip(request: Request) -> Response:
    session, form = await posted(request)
    accounts.skip(db(request), session, str(form.get("key") or ""))
    return back("/next", m="skipped")


@router.post("/undo")
async def undo(request: Request) -> Response:
    session, _ = await posted(request)
    last = decisions.undo_last(db(request), session.user)
    services(request).queues.clear()
    if last is None:
        return back("/queue", m="nothing")
    return back("/review", key=last["group_key"], m="undone")


@router.get("/history", response_class=HTMLResponse)
async def history(request: Request, m: MessageCode = None, n: MessageCount = 0) -> Response:
    session = current(request)
    who = None if session.role == "admin" else session.user
    return page(request, "history.html", session, {"reviews": decisions.history(db(request), who, 200),
                                                   "message": message(m, n)})


@router.post("/revert")
async def revert(request: Request) -> Response:
    session, form = await posted(request)
    review_id = str(form.get("review_id") or "")
    review = db(request).reviews.find_one({"_id": review_id}, {"by": 1})
    if review is None or (review["by"] != session.user and session.role != "admin"):
        raise Forbidden("Only the reviewer who made a decision, or an admin, can revert it.")
    decisions.revert(db(request), review_id, by=session.user)
    services(request).queues.clear()
    return back("/history", m="reverted")
