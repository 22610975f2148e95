"""The crawler's egress policy: no request to an address outside the public internet unless its source allows it.

A registry entry, a feed link or any redirect hop could point the crawler at
loopback, link-local (``169.254.169.254``, a cloud machine's metadata service),
private, carrier-grade NAT, multicast or reserved addresses; from a server inside
a cloud or a company network such a request reaches what the outside never should.
:class:`EgressMiddleware` resolves every request's host (DNS, so a public-looking
name that resolves inside is caught too, as are literal forms like ``2130706433``)
and refuses it, before any connection, when one of its addresses is not global
and no network in the source's ``allow_networks`` (registry) holds it. Redirects
are new requests through the downloader middlewares, so every hop is checked.
Refusals are counted per source as ``source/<id>/dropped/egress``.
:func:`check_url` is the same check for plain HTTP clients (``citywatch sources
check``, every redirect hop through an httpx request hook).

The check resolves the name itself; a DNS server that answers differently a
moment later, when Scrapy connects (rebinding), is not covered: pinning the
resolved address into the connection would need a custom download handler.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.singletons import stat_key

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
RESOLVED_TTL = 300.0  # seconds a host's addresses are reused within a crawl


def is_public(address: Address) -> bool:
    """Global unicast: not loopback, link-local, private, shared (CGNAT), reserved, documentation or multicast."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def refused(addresses: Iterable[Address], allowed: Iterable[Network]) -> Address | None:
    """The first address that is neither public nor inside an allowed network, if any."""
    networks = list(allowed)
    for address in addresses:
        if not is_public(address) and not any(address.version == n.version and address in n for n in networks):
            return address
    return None


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _target(url: str) -> tuple[str, int] | None:
    """(host, port) of ``url``; None when it has no host or an impossible port (the fetch then fails on its own)."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return None
    return (parts.hostname, port) if parts.hostname else None


def networks(source: Any) -> list[Network]:
    """A registry source's ``allow_networks``, parsed (validated on load)."""
    return [ipaddress.ip_network(n) for n in source.allow_networks]


def check_url(url: str, allowed: Iterable[Network]) -> Address | None:
    """The address that makes fetching ``url`` a refused egress, if any (resolves the host; blocking)."""
    target = _target(url)
    if target is None:
        return None
    literal = _literal(target[0])
    return refused([literal] if literal else _lookup(*target), allowed)


def _lookup(host: str, port: int) -> list[Address]:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return []  # unresolvable: the download fails with its own DNS error, counted as before
    return list(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found))


class EgressMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self._resolved: dict[tuple[str, int], tuple[float, list[Address]]] = {}
        self._networks: dict[str | None, list[Network]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> EgressMiddleware:
        return cls(crawler)

    def _allowed(self, source_id: str | None) -> list[Network]:
        """The source's allowed networks; for untagged requests (robots.txt), any source's."""
        if source_id not in self._networks:
            sources = getattr(self.crawler.spider, "sources", {})
            chosen = [sources[source_id]] if source_id in sources else list(sources.values())
            self._networks[source_id] = [n for s in chosen for n in networks(s)]
        return self._networks[source_id]

    async def _addresses(self, host: str, port: int) -> list[Address]:
        literal = _literal(host)
        if literal is not None:
            return [literal]
        hit = self._resolved.get((host, port))
        if hit and time.monotonic() - hit[0] < RESOLVED_TTL:
            return hit[1]
        addresses = await maybe_deferred_to_future(deferToThread(_lookup, host, port))
        self._resolved[(host, port)] = (time.monotonic(), addresses)
        return addresses

    async def process_request(self, request: Request) -> None:
        target = _target(request.url)
        if target is None:
            return
        source_id = request.meta.get("source_id")
        bad = refused(await self._addresses(*target), self._allowed(source_id))
        if bad is not None:
            self.crawler.stats.inc_value(stat_key(source_id, "dropped/egress"))
            raise IgnoreRequest(f"egress: {request.url} resolves to {bad}, outside the public internet "
                                f"and not in source {source_id or '(any)'}'s allow_networks")
