"""Item pipelines: extraction -> language -> dedup -> tagging -> storage.

Each stage does one thing and counts what it drops in the per-source stats
(``source/<id>/dropped/<reason>``). Bad pages (binary, unparseable) are dropped
with a reason; thin pages (teasers, paywalls, galleries) are kept with
``status="too_short"`` so nothing disappears silently. Storage writes in
batches, at the latest every ``STORE_FLUSH_SECONDS`` and at close, in the store
thread (``crawler/store_thread.py``), never on the reactor; writes are
idempotent (``save_articles``), so a restarted run never stores twice.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from functools import partial
from typing import Any, cast
from urllib.parse import urlsplit

from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.task import LoopingCall
from twisted.python.failure import Failure

from citywatch.config.sources import host_allowed
from citywatch.store import StoreError, save_articles
from citywatch.store.articles import save_signatures
from citywatch.store.schema import WRITTEN_FIELDS
from citywatch.store.summary import city_refs
from crawler import extraction, language
from crawler.dedup import canonical_url, content_hash, signature, signature_doc, words
from crawler.singletons import (
    acquire_extraction_workers,
    near_duplicate_clusters,
    near_duplicate_index,
    outage,
    release_extraction_workers,
    stat_key,
    store_thread,
)
from crawler.store_thread import in_reactor, read_through
from crawler.workers import WORKER_CPU_STAT, WorkerCrashed, WorkersUnavailable

logger = logging.getLogger(__name__)


class _Stage:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.settings = crawler.settings
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> _Stage:
        return cls(crawler)

    def drop(self, item: Any, reason: str) -> DropItem:
        self.stats.inc_value(stat_key(item.get("source_id"), f"dropped/{reason}"))
        return DropItem(f"{reason}: {item.get('url')}")


class ExtractionPipeline(_Stage):
    """HTML to text and metadata, in the extraction workers (crawler/workers.py) when there are any."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self.workers = acquire_extraction_workers(self.settings)  # now: they start while the spider opens

    def open_spider(self) -> None:
        if self.workers is None:
            extraction.warm_up()

    def close_spider(self) -> None:
        release_extraction_workers()

    async def extract(self, html: str, url: str) -> extraction.Extracted | None:
        """In a worker when there are usable ones; here when there are none or they could not start."""
        if self.workers is not None and self.workers.usable:
            try:
                future = self.workers.submit(extraction.extract, html, url)
                found, cpu = await maybe_deferred_to_future(in_reactor(future))
            except WorkersUnavailable:
                logger.error("extraction workers could not start; extracting in the crawl process")
            else:
                self.stats.inc_value(WORKER_CPU_STAT, cpu)
                return found
        return extraction.extract(html, url)

    def trusted_canonical(self, item: Any, declared: str | None) -> str:
        """The page's rel=canonical, unless it leaves the source's domains or points at a front page.

        Either would let one page take another article's identity (syndicated
        copies name the original outlet; some CMSs put the home page everywhere).
        """
        source = getattr(self.crawler.spider, "sources", {}).get(item["source_id"])
        if not declared or (source and not host_allowed(declared, source.allowed_domains)):
            return item["url"]
        if urlsplit(declared).path.strip("/") == "" and urlsplit(item["url"]).path.strip("/") != "":
            return item["url"]
        return declared

    async def process_item(self, item: Any) -> Any:
        html = item.get("html")
        if html is None:
            raise self.drop(item, "not_text")
        if extraction.looks_binary(html):
            raise self.drop(item, "binary")
        try:
            found = await self.extract(html, item["url"])
        except WorkerCrashed:
            logger.error("extraction worker died on %s", item["url"])
            raise self.drop(item, "extraction_crashed") from None
        except Exception:  # a parser bug on one page must cost that page only, and be counted
            logger.exception("extraction failed on %s", item["url"])
            raise self.drop(item, "extraction_error") from None
        if found is None:
            raise self.drop(item, "unparseable")
        item["html"] = None  # the page is not needed past this point; free it early
        item["canonical_url"] = canonical_url(self.trusted_canonical(item, found.canonical_url))
        item["text"] = found.text
        item["title"] = found.title or item.get("feed_title")
        item["author"] = found.author or item.get("feed_author")
        item["description"] = found.description
        item["fetched_at"] = datetime.now(UTC)
        item["published_at"] = self.published_at(item, found.published_at)
        item["declared_lang"] = found.declared_lang or item.get("declared_lang")
        min_size = self.settings.getint("EXTRACTION_MIN_CHARS")
        item["status"] = "ok" if extraction.text_size(found.text) >= min_size else "too_short"
        if item["status"] != "ok":
            self.stats.inc_value(stat_key(item["source_id"], "too_short"))
        return item

    def published_at(self, item: Any, found: datetime | None) -> datetime | None:
        """The page's date, else the listing's; an implausible one (before 1990, in the future) gives way to the
        listing's date or, failing that, the fetch date, and is counted."""
        listed = item.get("feed_published")
        chosen = found or listed
        if chosen is None or extraction.plausible_date(chosen, item["fetched_at"]):
            return chosen
        self.stats.inc_value(stat_key(item["source_id"], "fixed/implausible_date"))
        return listed if extraction.plausible_date(listed, item["fetched_at"]) else item["fetched_at"]


class LanguagePipeline(_Stage):
    def process_item(self, item: Any) -> Any:
        hint = item.get("declared_lang") or item.get("source_language")
        item["lang"], item["lang_prob"] = language.detect(item.get("text") or "", hint)
        return item


class DedupPipeline(_Stage):
    """Content hash, MinHash signature and near-duplicate cluster (index shared by the process)."""

    async def open_spider(self) -> None:
        self.index = await near_duplicate_index(self.settings)

    def process_item(self, item: Any) -> Any:
        text = item.get("text") or ""
        tokens = words(text)
        item["content_hash"] = content_hash(text, tokens)
        item["cluster_id"] = None
        minhash = signature(text, tokens) if item.get("status") == "ok" else None
        if minhash is not None:
            cluster, updates = self.index.assign(item["canonical_url"], minhash)
            item["cluster_id"] = cluster
            item["minhash"] = (minhash, updates)
            if cluster:
                self.stats.inc_value(stat_key(item["source_id"], "near_duplicates"))
        return item


class TaggingPipeline(_Stage):
    """The one place that calls the tagger, ``TAGGER_BATCH`` texts at a time.

    Items wait (on a Deferred) until their batch is full or ``TAGGER_FLUSH_SECONDS``
    passed. Without ``nlp.tag_texts`` (or with ``TAGGER_ENABLED = False``) the stage
    passes articles through untagged (``mentions=None``) so they can be tagged later;
    a failing batch is stored untagged too, and counted, never lost. Reviewers'
    group decisions (``citywatch.store.rules``) are applied to fresh mentions here, so a
    pattern people already decided is not flagged again; they are read when the spider
    opens, in the store thread, through a store outage. Each article's ``title`` goes with
    its text as the headline the linker reads (a homonym the headline settles), not as text
    to tag: mention offsets stay the body's.
    """

    async def open_spider(self) -> None:
        self.tag_texts: Any = None
        self.version: str | None = None
        if self.settings.getbool("TAGGER_ENABLED"):
            try:
                from nlp import TaggerOptions, tag_texts, tagger_version
            except ImportError as exc:
                logger.warning("tagger not available (%s): storing articles untagged", exc)
            else:
                threshold = self.settings.get("TAGGER_FLAG_THRESHOLD")
                options = TaggerOptions() if threshold is None else TaggerOptions(threshold=float(threshold))
                self.tag_texts, self.version = partial(tag_texts, options=options), tagger_version(options)
        self.pending: list[tuple[Any, Deferred]] = []
        self.timer: Any = None
        self.rules = await self._review_rules() if self.tag_texts else {}

    async def _review_rules(self) -> dict:
        from citywatch.store.rules import load_rules

        return await read_through(outage(self.settings), store_thread(), load_rules)

    async def process_item(self, item: Any) -> Any:
        if self.tag_texts is None or item.get("status") != "ok":
            item["mentions"], item["tagger_version"] = None, None
            return item
        done: Deferred = Deferred()
        self.pending.append((item, done))
        if len(self.pending) >= self.settings.getint("TAGGER_BATCH"):
            self.flush()
        elif self.timer is None:
            self.timer = self.call_later(self.settings.getfloat("TAGGER_FLUSH_SECONDS"), self.flush)
        return await maybe_deferred_to_future(done)

    @staticmethod
    def call_later(seconds: float, function: Any) -> Any:
        from twisted.internet import reactor  # the one Scrapy installed

        return cast(Any, reactor).callLater(seconds, function)  # the stub's interface method takes self first

    def flush(self) -> None:
        if self.timer is not None and self.timer.active():
            self.timer.cancel()
        self.timer = None
        batch, self.pending = self.pending, []
        if not batch:
            return
        items = [item for item, _ in batch]
        try:
            tagged = self.tag_texts([i["text"] for i in items], [i.get("lang") for i in items],
                                    countries=[i.get("source_country") for i in items],
                                    titles=[i.get("title") for i in items])
            version = self.version
        except Exception as exc:  # a tagger bug must not cost the articles: store them untagged
            logger.error("tagger failed on a batch of %d: %r", len(items), exc)
            for item in items:
                self.stats.inc_value(stat_key(item["source_id"], "errors/tagger"))
            tagged, version = [None] * len(items), None
        from citywatch.store.rules import apply_rules

        for (item, done), mentions in zip(batch, tagged, strict=True):
            if mentions is not None and self.rules:
                mentions, _ = apply_rules(mentions, self.rules)
            item["mentions"], item["tagger_version"] = mentions, version if mentions is not None else None
            done.callback(item)

    def close_spider(self) -> None:
        self.flush()


def _by_source(docs: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for doc in docs:
        grouped.setdefault(doc["source_id"], []).append(doc)
    return grouped


def write_batch(store: Any, docs: list[dict], signatures: list[dict], cluster_updates: dict[str, str]) -> dict:
    """One batch, in the store thread: signatures and cluster updates first, then the articles per source.

    Signatures go first so that a crawl killed between the two writes leaves articles not yet stored, which
    the next run fetches again, rather than stored articles without a signature, which it would never repair.
    """
    save_signatures(store, signatures, cluster_updates)
    return {source: save_articles(store, group) for source, group in _by_source(docs).items()}


class StoragePipeline(_Stage):
    """Batched, idempotent writes (:func:`write_batch`) in the store thread, through store outages.

    A batch whose write fails is kept and tried again after the outage's backoff
    (``crawler.store_thread.Outage``), which also pauses fetching and ends the crawl
    when the store stays down. ``stored`` counts articles inserted or changed; one
    the store held unchanged is ``skipped/unchanged``.
    """

    def open_spider(self) -> None:
        self.buffer: list[dict] = []
        self.signatures: list[dict] = []
        self.cluster_updates: dict[str, str] = {}
        self.writing: Deferred | None = None
        self.outage = outage(self.settings)
        self.outage.listeners.append(self.on_outage)
        self.last_flush = time.monotonic()
        self.ticker = LoopingCall(self._tick)
        self.ticker.start(min(1.0, self.settings.getfloat("STORE_FLUSH_SECONDS")), now=False)

    def on_outage(self, event: str) -> None:
        engine = self.crawler.engine
        if event == "pause":
            engine.pause()
        elif event == "resume":
            engine.unpause()
        elif event == "give_up":
            engine.unpause()  # let the engine reach its close
            if engine.running:  # a spider still opening is ended by the read it waits on (read_through)
                deferred_from_coro(engine.close_spider_async(reason="store_unavailable"))

    def _tick(self) -> None:
        self.outage.judge()
        if time.monotonic() - self.last_flush >= self.settings.getfloat("STORE_FLUSH_SECONDS"):
            self.flush()

    def process_item(self, item: Any) -> Any:
        doc = {name: item.get(name) for name in WRITTEN_FIELDS}
        if doc["mentions"] is None:  # untagged: no mentions field at all, so the tagger can find it later
            del doc["mentions"]
        else:  # the compact summary scoring reads instead of bodies (citywatch/store/summary.py)
            doc["city_refs"] = city_refs(doc)
        packed = item.get("minhash")
        if packed is not None:
            minhash, updates = packed
            self.signatures.append(signature_doc(doc["canonical_url"], minhash, doc["cluster_id"], doc["fetched_at"]))
            self.cluster_updates.update(updates)
            item["minhash"] = None
        self.buffer.append(doc)
        if (len(self.buffer) >= self.settings.getint("STORE_BATCH")
                or time.monotonic() - self.last_flush >= self.settings.getfloat("STORE_FLUSH_SECONDS")):
            self.flush()
        return item

    def flush(self) -> Deferred | None:
        """Start writing what is buffered, unless a write is in flight or the outage says wait; the write's
        Deferred (never failing: a failure keeps the batch and feeds the outage)."""
        self.last_flush = time.monotonic()
        if not self.buffer or self.writing is not None or not self.outage.may_try():
            return self.writing
        clusters = near_duplicate_clusters()
        for doc in (*self.buffer, *self.signatures):  # a later article may have joined this one's cluster
            key = doc.get("canonical_url") or doc["_id"]
            doc["cluster_id"] = clusters.get(key, doc["cluster_id"])
        batch = (self.buffer, self.signatures, self.cluster_updates)
        self.buffer, self.signatures, self.cluster_updates = [], [], {}
        self.writing = store_thread().call(write_batch, *batch)
        self.writing.addCallbacks(self._written, self._failed, errbackArgs=(batch,))
        return self.writing

    def _written(self, results: dict) -> None:
        self.writing = None
        self.outage.recovered()
        for source, result in results.items():
            for _ref, message in result.rejected:
                logger.warning("article rejected by the store: %s", message)
            for name, count in (("stored", result.inserted + result.updated), ("skipped/unchanged", result.unchanged),
                                ("dropped/invalid", len(result.rejected))):
                if count:
                    self.stats.inc_value(stat_key(source, name), count)

    def _failed(self, failure: Failure, batch: tuple[list[dict], list[dict], dict[str, str]]) -> None:
        """Keep the batch (ahead of what arrived meanwhile) and let the outage decide when to try again."""
        self.writing = None
        docs, signatures, updates = batch
        self.buffer, self.signatures = docs + self.buffer, signatures + self.signatures
        self.cluster_updates = {**updates, **self.cluster_updates}
        error = failure.value
        if not isinstance(error, StoreError):  # a bug, not an outage: say so once, retry like an outage
            logger.error("storing a batch failed: %r", error)
            error = StoreError(repr(error))
        self.outage.failed(error)

    async def close_spider(self) -> None:
        if self.ticker.running:
            self.ticker.stop()
        if self.writing is not None:
            await maybe_deferred_to_future(self.writing)
        if self.buffer and not self.outage.gave_up:  # one last attempt, whatever the backoff says
            self.outage.next_attempt = 0.0
            if (last := self.flush()) is not None:
                await maybe_deferred_to_future(last)
        self.outage.listeners.remove(self.on_outage)
        if self.buffer:
            for doc in self.buffer:
                self.stats.inc_value(stat_key(doc["source_id"], "errors/store"))
            logger.error("%d articles could not be stored; the next run fetches them again", len(self.buffer))
            self.outage.give_up()  # a crawl that ends with articles unstored ends on the store's account
