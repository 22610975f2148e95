"""Browsing the queue: the filtered, impact-ordered groups, the next group, and one item to review."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from citywatch.review import decisions, queue
from citywatch.review.text import paragraph, safe_link, sentence
from citywatch.review.vocabulary import counted_labels
from citywatch.review.web.common import (
    MessageCode,
    MessageCount,
    back,
    current,
    db,
    message,
    outlet_names,
    page,
    queue_filter,
    services,
)

QUEUE_PAGE = 100
router = APIRouter()


@router.get("/")
async def home(request: Request) -> Response:
    current(request)
    return RedirectResponse("/queue", status_code=303)


@router.get("/queue", response_class=HTMLResponse)
async def queue_page(request: Request, m: MessageCode = None, n: MessageCount = 0) -> Response:
    session = current(request)
    store = db(request)
    filters = queue_filter(request.query_params)
    built = services(request).queues.get(store, filters)
    ranking = sorted(built.city_counts.items(), key=lambda kv: -kv[1])[:15]
    return page(request, "queue.html", session, {
        "queue": built, "groups": queue.with_sources(store, built, built.groups[:QUEUE_PAGE]), "filters": filters, "ranking": ranking,
        "mine": decisions.count_by(store, session.user), "counted": counted_labels(), "message": message(m, n)})


@router.get("/next")
async def next_item(request: Request, m: MessageCode = None, n: MessageCount = 0) -> Response:
    session = current(request)
    built = services(request).queues.get(db(request), queue.QueueFilter(), session.skipped)
    if not built.groups:
        return back("/queue", m=m, n=n or None)
    return back("/review", key=built.groups[0].key, m=m, n=n or None)


@router.get("/review", response_class=HTMLResponse)
async def item(request: Request, key: str = "", m: MessageCode = None, n: MessageCount = 0) -> Response:
    session = current(request)
    if not key:
        return back("/queue")
    store, queues = db(request), services(request).queues
    shown, others = queue.first_pending(store, key)
    if shown is None:  # decided meanwhile (another reviewer, the CLI): the cached queue is stale
        queues.clear()
        return back("/next", m=m, n=n or None)
    built = queues.get(store, queue.QueueFilter(), session.skipped)
    group = next((g for g in built.groups if g.key == key), None)
    mention, article = shown.mention, shown.article
    text = article.get("text") or ""
    return page(request, "item.html", session, {
        "key": key, "group": group, "mention": mention, "article": article,
        "sentence": sentence(text, mention["start"], mention["end"]),
        "paragraph": paragraph(text, mention["start"], mention["end"]),
        "link": safe_link(article.get("url")), "outlet": outlet_names().get(str(article.get("source_id")), ""),
        "others": [(o.article.get("title"), sentence(o.article.get("text") or "", o.mention["start"],
                                                     o.mention["end"])) for o in others],
        "queue": built, "mine": decisions.count_by(store, session.user), "message": message(m, n)})
