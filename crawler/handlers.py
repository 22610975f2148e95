"""The download handler: Scrapy's HTTP/1.1 handler, held while a store outage pauses the crawl.

Pausing the engine stops only requests not yet handed to the downloader; up to
``CONCURRENT_REQUESTS`` more already wait in the downloader's per-domain queues,
past every downloader middleware. The handler is the last step before the
network, so holding there is what really stops fetching pages that could not be
stored (see ``crawler/store_thread.py``).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from crawler.singletons import outage

CHECK_SECONDS = 0.5  # how often a held download looks whether it may go


class OutageAwareHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self.crawler = crawler

    async def download_request(self, request: Request) -> Any:
        from twisted.internet import reactor  # the one Scrapy installed

        state = outage(self.crawler.settings)
        engine = self.crawler.engine
        held = False
        while state.paused and not state.gave_up and engine.running:  # a shutdown (SIGTERM) ends the wait too
            held = True
            await maybe_deferred_to_future(deferLater(reactor, CHECK_SECONDS, lambda: None))
        if state.gave_up or (held and state.paused):
            raise IgnoreRequest(f"store unavailable: {request.url} not fetched")
        return await super().download_request(request)
