"""The demo's own sample site (demo_site/articles.jsonl + outlets.yaml): renders, validates, extracts."""

from __future__ import annotations

from pathlib import Path

import pytest

from citywatch.config.sources import load_sources
from crawler import extraction
from demo_site.site import ARTICLES, OUTLETS, Site


@pytest.fixture
def demo() -> Site:
    if not (ARTICLES.exists() and OUTLETS.exists()):
        pytest.skip("demo_site/articles.jsonl and outlets.yaml not written yet")
    return Site.sample()


def test_demo_sources_validate(demo: Site, tmp_path: Path) -> None:
    sources = load_sources(demo.write_sources(tmp_path / "sources.yaml"))
    assert {s.id for s in sources} == set(demo.outlets)
    assert all(s.feeds or s.sitemaps or s.sections for s in sources)


def test_every_demo_article_renders_and_extracts(demo: Site) -> None:
    for article in demo.articles:
        found = extraction.extract(demo.render_article(article).decode(article.charset), f"{demo.base}{article.path}")
        assert found is not None and article.paragraphs[0][:60] in found.text, article.slug
        assert found.title == article.title
