"""The real spiders against the loopback site: good pages stored once, bad cases counted, runs incremental."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from citywatch.store import connect
from citywatch.store.runs import get_run
from demo_site.site import HOSTILE_LINKS
from tests.crawler.conftest import crawl


def _articles(store) -> dict[str, dict]:
    return {d["_id"].split("/", 3)[3]: d for d in store.articles.find({})}


def test_crawl_stores_good_pages_once_and_counts_every_bad_case(served, store_env: Path) -> None:
    server, sources = served
    site = server.site
    run_id = crawl(sources)

    with connect() as store:
        run = get_run(store, run_id)
        articles = _articles(store)
    good = {a.path.lstrip("/"): a for a in site.articles + site.hostile_pages}
    assert set(articles) == set(good)  # every good page, nothing else
    assert all(server.hits[f"/{path}"] == 1 for path in good)  # each fetched once
    assert run["status"] == "finished"

    # hostile cases: each counted with its reason, never fetched where forbidden
    hostile = run["sources"]["hostile"]
    reasons = {**hostile.get("errors", {}), **hostile.get("dropped", {})}
    for path, reason in HOSTILE_LINKS.items():
        assert reasons.get(reason), (path, reason, reasons)
    assert reasons["malformed_feed"] == 1 and reasons["offsite"] == 1
    # every size cap is one reason: declared length (page, feed), chunked body, decompression
    assert reasons["too_large"] == 4 and not {"DownloadCancelledError", "IgnoreRequest"} & set(reasons)
    asked = server.times["/hostile/retry-after.html"]
    waits = [b - a for a, b in itertools.pairwise(asked)]
    assert len(waits) == 2 and min(waits) >= 0.3  # Retry-After (capped at 0.3 s here) outweighs the 0.05 s backoff
    assert reasons["partial_feed"] == 1  # the feed cut halfway: its first entries are kept
    # the self-listing sitemap index and the endless chain of indexes end
    assert reasons["sitemap_loop"] >= 2
    assert sum(n for p, n in server.hits.items() if p.startswith("/hostile/sitemap-")) <= 1 + 3
    assert not [p for p in server.hits if p.startswith("/private/")]
    assert server.hits["/hostile/2026/11/23/offsite-story-long-slug.html"] == 0
    assert not [p for p in server.hits if "partner-story" in p or "offsite-article" in p]

    # text, metadata, language
    cp1252 = articles["hostile/2026/11/20/cp1252-page.html"]
    assert "négociateurs" in cp1252["text"] and "l’œil" in cp1252["text"] and cp1252["lang"] == "fr"
    sjis = articles["hostile/2026/11/21/shift-jis-page.html"]
    assert "上海の港湾当局" in sjis["text"] and sjis["lang"] == "ja" and sjis["status"] == "ok"
    assert articles["hostile/2026/11/22/teaser-only.html"]["status"] == "too_short"
    cp1251 = articles["hostile/2026/11/19/cp1251-declared-utf8.html"]  # Windows-1251 bytes declared as UTF-8
    assert "Администрация порта Шанхая" in cp1251["text"] and cp1251["lang"] == "ru" and cp1251["status"] == "ok"
    assert hostile["fixed"]["charset"] == 1
    # a page dated 0001-01-01 or 2199 gets its feed's date instead, counted
    assert articles["hostile/2026/11/18/year-one-date.html"]["published_at"].isoformat() == "2026-11-18T06:00:00+00:00"
    assert articles["hostile/2026/11/17/far-future-date.html"]["published_at"].isoformat() == "2026-11-17T06:00:00+00:00"
    assert hostile["fixed"]["implausible_date"] == 2
    german = articles["die-rundschau/2026/11/22/hamburger-hafen-setzt-auf-verbindungen-nach-shanghai.html"]
    assert german["lang"] == "de" and german["lang_prob"] > 0.9 and german["author"] == "Jonas Becker"
    assert german["published_at"].isoformat() == "2026-11-22T09:30:00+00:00"
    assert all("utm_" not in d["_id"] for d in articles.values())

    # the syndicated wire story is one cluster across two outlets, nothing else is clustered
    clustered = {k: d["cluster_id"] for k, d in articles.items() if d["cluster_id"]}
    assert len(clustered) == 2 and len(set(clustered.values())) == 1
    assert {k.split("/")[0] for k in clustered} == {"daily-courier", "harbour-post"}

    # per-source counters come from the stats collector
    courier = run["sources"]["daily-courier"]
    assert courier["stored"] == 1 and courier["responses"]["200"] == 2

    # a second run fetches no article again and gets 304 for unchanged feeds
    hits_before = dict(server.hits)
    second = crawl(sources)
    with connect() as store:
        again = get_run(store, second)
        assert store.articles.count_documents({}) == len(good)
    assert again["status"] == "finished"
    assert all(server.hits[f"/{path}"] == 1 for path in good)
    assert again["sources"]["daily-courier"]["responses"] == {"304": 1}
    assert again["sources"]["metro-ledger"].get("skipped", {}).get("known") == 2
    assert server.hits["/daily-courier/rss.xml"] == hits_before["/daily-courier/rss.xml"] + 1


def test_only_and_since_choose_what_is_crawled(served, store_env: Path) -> None:
    server, sources = served
    from datetime import date

    from crawler.run import run_crawl
    from tests.crawler.conftest import FAST

    run_id = run_crawl(sources, only=["metro-ledger", "daily-courier"], since=date(2026, 11, 21), settings=FAST)
    with connect() as store:
        stored = set(_articles(store))
        run = get_run(store, run_id)
    # the feed entry of 24 Nov passes the window; the section spider has no dates and takes both
    assert stored == {
        "daily-courier/2026/11/24/beijing-signals-new-export-curbs-on-rare-earths.html",
        "metro-ledger/2026/11/21/chengdu-startups-court-american-investors-despite-tensions.html",
        "metro-ledger/2026/11/20/shenzhen-drone-makers-expand-into-latin-america.html",
    }
    assert set(run["sources"]) == {"metro-ledger", "daily-courier"}
    assert not [p for p in server.hits if p.startswith("/hostile/")]


def test_near_duplicates_meet_across_runs(served, store_env: Path) -> None:
    """The wire story stored by one run is found again by the next run's rebuilt LSH index."""
    server, sources = served
    crawl(sources, only=["daily-courier"])
    crawl(sources, only=["harbour-post"])
    with connect() as store:
        articles = _articles(store)
    first = articles["daily-courier/2026/11/24/beijing-signals-new-export-curbs-on-rare-earths.html"]
    second = articles["harbour-post/2026/11/24/china-weighs-tighter-rare-earth-export-controls.html"]
    assert first["cluster_id"] and first["cluster_id"] == second["cluster_id"]


def test_stored_mentions_carry_the_scoring_summary_and_learned_review_rules(served, store_env: Path) -> None:
    from datetime import UTC, datetime

    from citywatch.store.rules import set_rule
    from citywatch.store.summary import is_current

    _, sources = served
    crawl(sources, only=["daily-courier"], TAGGER_ENABLED=True)
    with connect() as store:
        tagged = [a for a in store.articles.find({}) if a.get("mentions")]
        assert tagged and all(is_current(a) for a in tagged)
        mention = tagged[0]["mentions"][0]
        set_rule(store, mention["group_key"], {"label": "NOT_PLACE", "city": None, "keep_city": False},
                 "rule-1", "ana", datetime(2026, 11, 2, tzinfo=UTC))
        for name in ("articles", "url_aliases", "feed_state", "signatures"):  # start the crawl afresh
            store.collection(name).delete_many({})
    crawl(sources, only=["daily-courier"], TAGGER_ENABLED=True)
    with connect() as store:
        decided = [m for a in store.articles.find({}) for m in a.get("mentions") or ()
                   if m["group_key"] == mention["group_key"]]
    assert decided and all(m["review"]["review_id"] == "rule-1" and m["review"]["label"] == "NOT_PLACE"
                           for m in decided)


def test_extraction_in_workers_stores_what_in_process_extraction_stores(served, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """EXTRACTION_PROCESSES only moves the work: 0 (in the crawl process) and 2 workers store the same articles."""
    server, sources = served
    fields = ("text", "title", "author", "published_at", "canonical_url", "lang", "status", "content_hash")
    stored = []
    for processes in (0, 2):
        monkeypatch.setenv("CITYWATCH_DATA_DIR", str(tmp_path / f"var-{processes}"))
        run_id = crawl(sources, only=["metro-ledger", "die-rundschau", "hostile"], EXTRACTION_PROCESSES=processes)
        with connect() as store:
            assert get_run(store, run_id)["status"] == "finished"
            stored.append({k: tuple(d.get(f) for f in fields) for k, d in _articles(store).items()})
    assert len(stored[0]) >= 6 and stored[0] == stored[1]
