"""The three spiders: ``feeds``, ``sitemaps``, ``sections`` (see crawler/spiders/base.py)."""
