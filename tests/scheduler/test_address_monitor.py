"""The ``address_silent`` monitor: one registry address that stops listing entries while the source goes on."""

from __future__ import annotations

from citywatch.config.operations import load_config
from citywatch.scheduler.monitors import check_source
from crawler.singletons import address_key

LIMITS = load_config()["monitoring"]
FEED, SITEMAP = "https://news.example/feed.xml?lang=en", "https://news.example/sitemap-news.xml"


def counters(feed: int, sitemap: int, unchanged: tuple[str, ...] = ()) -> dict:
    return {"requests": 20, "responses": {"200": 20}, "stored": 12,
            "addresses": {address_key(FEED): feed, address_key(SITEMAP): sitemap},
            "addresses_unchanged": {address_key(url): 1 for url in unchanged}}


def silent(now: dict, history: list) -> list[str]:
    return [f["message"] for f in check_source("s", now, history, LIMITS) if f["check"] == "address_silent"]


def test_an_address_that_stops_listing_is_flagged_by_url_while_the_source_still_yields() -> None:
    assert silent(counters(feed=0, sitemap=40), [counters(25, 40)] * 5) == [
        f"s: {FEED} listed nothing this run, although it listed entries in 5 of its last 5 runs"]
    assert silent(counters(feed=25, sitemap=40), [counters(25, 40)] * 5) == []


def test_quiet_or_new_or_never_yielding_addresses_are_not_flagged() -> None:
    assert silent(counters(feed=0, sitemap=40, unchanged=(FEED,)), [counters(25, 40)] * 5) == [], "304 is quiet"
    assert silent(counters(feed=0, sitemap=40), [counters(25, 40)] * 2) == [], "too little history"
    assert silent(counters(feed=0, sitemap=40), [counters(0, 40)] * 5) == [], "never listed anything: not news"
    assert silent({"requests": 1, "addresses": {}}, [counters(25, 40)] * 5) == [], "removed from the registry"


def test_address_keys_survive_the_run_record() -> None:
    from citywatch.store.runs import per_source as fold
    from crawler.singletons import address_url

    key = address_key(FEED)
    assert "/" not in key and "." not in key and address_url(key) == FEED
    assert fold({f"source/s/addresses/{key}": 3}) == {"s": {"addresses": {key: 3}}}
