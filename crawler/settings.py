"""Scrapy settings for citywatch: the one place where crawl behaviour is configured.

Override any of these per run with ``run_crawl(..., settings={...})``,
``citywatch crawl -s NAME=VALUE`` or ``scrapy crawl ... -s NAME=VALUE``.
"""

import os

from citywatch.config import flag_threshold

BOT_NAME = "citywatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- politeness -------------------------------------------------------------
USER_AGENT = os.environ.get(
    "CITYWATCH_USER_AGENT",
    "citywatch/0.1 (+https://github.com/citywatch/citywatch; media research crawler)",
)
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # article pages; 50 MB "articles" are cancelled and counted as too_large
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
FEED_MAXSIZE = 20 * 1024 * 1024  # feeds and sitemaps (per request, via meta download_maxsize)
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 2.0  # seconds before the first retry, doubled for each further one
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 300.0  # a server's Retry-After is honoured up to this many seconds
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
DNS_TIMEOUT = 20

# Twisted's default reactor, not asyncio: with Scrapy 2.19's asyncio reactor CONCURRENT_REQUESTS_PER_DOMAIN
# is not enforced (measured: 7 requests in flight to one host with a limit of 1; 1 with the default reactor).
TWISTED_REACTOR = None
REMOTE_CONTROL_ENABLED = False  # needs asyncio; and no control port on a crawler machine
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = os.environ.get("CITYWATCH_LOG_LEVEL", "INFO")

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.SourceDomainsMiddleware": 50,  # before robots.txt: never even ask an offsite host
    "crawler.egress.EgressMiddleware": 55,  # no loopback/private/link-local address unless the source allows it
    "crawler.middlewares.SourceStatsMiddleware": 60,
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,  # replaced by the per-source check
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    "crawler.middlewares.ConditionalFeedMiddleware": 560,
}
DOWNLOAD_HANDLERS = {  # Scrapy's HTTP handler, holding every download while a store outage pauses the crawl
    "http": "crawler.handlers.OutageAwareHandler",
    "https": "crawler.handlers.OutageAwareHandler",
}
SPIDER_MIDDLEWARES = {
    "crawler.middlewares.KnownUrlsMiddleware": 900,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ExtractionPipeline": 100,
    "crawler.pipelines.LanguagePipeline": 200,
    "crawler.pipelines.DedupPipeline": 300,
    "crawler.pipelines.TaggingPipeline": 400,
    "crawler.pipelines.StoragePipeline": 900,
}
EXTENSIONS = {
    "crawler.runrecord.RunRecorder": 500,
}

# --- citywatch stages -------------------------------------------------------
KNOWN_URLS_BATCH = 100  # article links checked against the store per query batch
EXTRACTION_MIN_CHARS = 250  # shorter bodies are stored with status "too_short"
EXTRACTION_PROCESSES = None  # extraction worker processes; None: one per spare core (at most 4), 0: in-process
DEDUP_THRESHOLD = 0.7  # estimated Jaccard similarity of word 3-shingles for one cluster
DEDUP_WINDOW_DAYS = 14  # near-duplicates are searched among articles stored in this window
TAGGER_ENABLED = True  # False: articles are stored untagged (mentions None) to be tagged later
TAGGER_BATCH = 32
TAGGER_FLUSH_SECONDS = 2.0
# A confidence overrides the tagger's review threshold; None keeps the tagger's own (nlp.confidence.FLAG_THRESHOLD).
TAGGER_FLAG_THRESHOLD = flag_threshold(os.environ)
STORE_BATCH = 50  # articles per save_articles call
STORE_FLUSH_SECONDS = 5.0  # and at least this often, so a kill loses little
STORE_RETRY_SECONDS = 1.0  # a failed write is retried after this, doubled after each further failure...
STORE_RETRY_MAX_SECONDS = 60.0  # ... up to this
STORE_OUTAGE_PAUSE_SECONDS = 30.0  # store down this long: stop fetching new pages until it answers
STORE_OUTAGE_GIVE_UP_SECONDS = 600.0  # store down this long: end the crawl (exit status 2)
CITYWATCH_LEASE = None  # set by the scheduler: {"job", "lease_id", "ttl_seconds"} of the lease the heartbeat renews
SITEMAP_MAX_DEPTH = 3  # sitemap indexes nested below a registry sitemap; deeper ones count as errors/sitemap_loop
SITEMAP_MAX_COUNT = 500  # sitemaps fetched per source and run; a sitemap listed again counts as errors/sitemap_loop
SECTIONS_MAX_DEPTH = 1  # listing pages followed from a section page (pagination)
RUN_HEARTBEAT_SECONDS = 5.0
RUN_STALE_SECONDS = 60.0  # a running run without heartbeat for this long is marked interrupted at the next start
CITYWATCH_PROGRESS = False  # print a progress line to stderr at every heartbeat
CITYWATCH_RUN_ID = None  # set by run_crawl; `scrapy crawl` alone makes one up
CITYWATCH_RUN_SPIDERS = None  # spiders sharing the run id (comma list); the last to close ends the run
CITYWATCH_SOURCES = None  # default for the spiders' `sources` argument (else citywatch/config/sources.yaml)
