"""The egress policy: no request, redirect hop or robots.txt to a non-public address unless the source allows it."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from citywatch.store import connect
from citywatch.store.runs import get_run
from crawler.egress import is_public, refused
from demo_site.server import SiteServer
from demo_site.site import Article, Outlet, Reply, Site
from tests.crawler.conftest import crawl, make_site

FORBIDDEN = ["169.254.169.254", "10.0.0.1"]
TRAPS = {"/egress/metadata.html": "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
         "/egress/intranet.html": "http://10.0.0.1/admin"}


class EgressSite(Site):
    """The test site plus feeds whose links redirect to the cloud metadata service and a private address."""

    def route(self, path: str, query: dict[str, list[str]], headers: dict[str, str]) -> Reply:
        if path == "/egress/next-door.xml":  # another loopback address: harmless to try, outside 127.0.0.1/32
            return Reply(302, {"Location": self.base.replace("127.0.0.1", "127.0.0.2") + "/egress/rss.xml"})
        if path.startswith("/egress/") and path.endswith(".xml"):
            outlet = Outlet("egress", "Egress Test", "GB", "en")
            when = datetime(2026, 11, 23, tzinfo=UTC)
            links = [Article("egress", p.rsplit("/", 1)[1][:-5], p, "Staff", when, "en", "news", ["x"],
                             href=f"{self.base}{p}") for p in TRAPS]
            return self._feed("rss2.xml", outlet, links)
        if path in TRAPS:
            return Reply(302, {"Location": TRAPS[path]})
        return super().route(path, query, headers)


def _source(sid: str, feed: str, domains: list[str], networks: list[str]) -> dict:
    return {"id": sid, "name": sid, "country": "GB", "language": "en", "feeds": [feed], "allowed_domains": domains,
            "allow_networks": networks}


@pytest.fixture
def egress_site(tmp_path: Path):
    site = EgressSite(make_site().articles, list(make_site().outlets.values()))
    with SiteServer(site) as server:
        base, port = server.site.base, server.site.base.rsplit(":", 1)[1]
        sources = {"sources": [
            _source("trapped", f"{base}/egress/rss.xml", ["127.0.0.1", *FORBIDDEN], ["127.0.0.1/32"]),
            _source("no-allowance", f"{base}/egress/plain.xml", ["127.0.0.1"], []),
            _source("by-name", f"http://localhost:{port}/egress/named.xml", ["localhost"], []),
        ]}
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump(sources), encoding="utf-8")
        yield server, path


def test_redirects_to_metadata_and_private_addresses_are_refused_before_any_connection(egress_site, tmp_path,
                                                                                      store_env):
    server, sources = egress_site
    tripped = tmp_path / "tripped.txt"
    tripped.touch()
    run_id = crawl(sources, DOWNLOADER_MIDDLEWARES={"tests.crawler.egress_tripwire.Tripwire": 999},
                   EGRESS_TRIPWIRE_FILE=str(tripped), EGRESS_TRIPWIRE_HOSTS=[*FORBIDDEN, "localhost"])
    assert tripped.read_text() == ""  # nothing for those hosts got past the policy
    assert all(server.hits[path] == 1 for path in TRAPS)  # the hop on the allowed site was fetched
    with connect() as store:
        run = get_run(store, run_id)
    per_source = run["sources"]
    assert per_source["trapped"]["dropped"]["egress"] == 2
    assert per_source["no-allowance"]["dropped"]["egress"] >= 1 and server.hits["/egress/plain.xml"] == 0
    assert per_source["by-name"]["dropped"]["egress"] >= 1 and server.hits["/egress/named.xml"] == 0


def test_the_demo_and_test_registries_allow_only_their_loopback_address(tmp_path: Path) -> None:
    from citywatch.config.sources import load_sources

    site = Site.sample()
    site.bind("127.0.0.1", 8123)
    sources = load_sources(site.write_sources(tmp_path / "sources.yaml"))
    assert sources and {s.allow_networks for s in sources} == {("127.0.0.1/32",)}


@pytest.mark.parametrize("address", ["127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1",
                                     "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.251", "239.1.2.3",
                                     "255.255.255.255", "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1",
                                     "::ffff:169.254.169.254", "ff02::1", "::"])
def test_non_public_addresses(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))
    assert refused([ipaddress.ip_address("8.8.8.8"), ipaddress.ip_address(address)], []) == ipaddress.ip_address(address)


def test_public_addresses_and_allowed_networks() -> None:
    assert is_public(ipaddress.ip_address("8.8.8.8")) and is_public(ipaddress.ip_address("2001:4860:4860::8888"))
    loopback = [ipaddress.ip_network("127.0.0.1/32")]
    assert refused([ipaddress.ip_address("127.0.0.1")], loopback) is None
    assert refused([ipaddress.ip_address("127.0.0.2")], loopback) == ipaddress.ip_address("127.0.0.2")
    assert refused([ipaddress.ip_address("::1")], loopback) == ipaddress.ip_address("::1")


def test_registry_rejects_a_malformed_network(tmp_path: Path) -> None:
    from citywatch.config.sources import SourcesError, load_sources

    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump({"sources": [_source("x", "http://a.example/rss", ["a.example"], ["10.0.0.0/33"])]}))
    with pytest.raises(SourcesError, match=r"source x: field 'allow_networks.*10\.0\.0\.0/33"):
        load_sources(path)


def test_sources_check_obeys_the_policy_on_every_hop(egress_site):
    from crawler.check import check_one

    server, _ = egress_site
    base, port = server.site.base, server.site.base.rsplit(":", 1)[1]
    loopback = [ipaddress.ip_network("127.0.0.1/32")]
    good = check_one("s", "feeds", f"{base}/egress/rss.xml", "test", 5, loopback)
    assert good.ok and good.detail == "200, 2 entries"
    hop = check_one("s", "feeds", f"{base}/egress/next-door.xml", "test", 5, loopback)
    assert not hop.ok and hop.detail.startswith(f"refused: http://127.0.0.2:{port}/egress/rss.xml resolves to 127.0.0.2")
    named = check_one("s", "feeds", f"http://localhost:{port}/egress/rss.xml", "test", 5, [])
    assert not named.ok and named.detail.startswith("refused: ") and server.hits["/egress/next-door.xml"] == 1
