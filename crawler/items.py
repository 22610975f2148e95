"""What a spider hands to the pipelines: the fetched page plus what the listing said about it.

Spiders fill the first group; pipelines add the rest. ``feed_*`` fields are the
fallbacks the issue asks for: a feed entry or sitemap entry often carries a
reliable title and date that the page itself lacks.
"""

from __future__ import annotations

import scrapy


class ArticleItem(scrapy.Item):
    # filled by the spider
    url = scrapy.Field()  # the URL that answered (after redirects)
    requested_url = scrapy.Field()  # the URL listed by the feed/sitemap/section
    source_id = scrapy.Field()
    source_language = scrapy.Field()  # the registry's expected language (a hint)
    source_country = scrapy.Field()  # the registry's country of the outlet (weak linker evidence for namesakes)
    html = scrapy.Field()  # decoded page text, or None when the body was not text
    content_type = scrapy.Field()
    declared_lang = scrapy.Field()  # Content-Language header, if any
    feed_title = scrapy.Field()
    feed_published = scrapy.Field()  # tz-aware datetime or None
    feed_author = scrapy.Field()
    section = scrapy.Field()
    run_id = scrapy.Field()
    # filled by the pipelines
    canonical_url = scrapy.Field()
    title = scrapy.Field()
    text = scrapy.Field()
    author = scrapy.Field()
    description = scrapy.Field()
    published_at = scrapy.Field()
    status = scrapy.Field()
    lang = scrapy.Field()
    lang_prob = scrapy.Field()
    content_hash = scrapy.Field()
    cluster_id = scrapy.Field()
    minhash = scrapy.Field()  # signature for the near-duplicate index; stored beside, not in, the article
    mentions = scrapy.Field()
    tagger_version = scrapy.Field()
    fetched_at = scrapy.Field()
