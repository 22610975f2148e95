"""A downloader middleware for tests: the last step before a connection, it records and stops what must never leave.

Placed just before Scrapy's download handlers, it sees every request the real
middlewares let through; a request to one of ``EGRESS_TRIPWIRE_HOSTS`` is written
to ``EGRESS_TRIPWIRE_FILE`` and ignored, so a failing test never sends traffic there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import IgnoreRequest


class Tripwire:
    def __init__(self, crawler: Any) -> None:
        self.path = Path(crawler.settings.get("EGRESS_TRIPWIRE_FILE"))
        self.hosts = set(crawler.settings.getlist("EGRESS_TRIPWIRE_HOSTS"))

    @classmethod
    def from_crawler(cls, crawler: Any) -> Tripwire:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if urlsplit(request.url).hostname in self.hosts:
            with self.path.open("a", encoding="utf-8") as out:
                out.write(request.url + "\n")
            raise IgnoreRequest(f"tripwire: {request.url}")
