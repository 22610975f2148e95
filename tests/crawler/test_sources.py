"""The source registry: the shipped outlets checked as data, the schema, evidence, reach weights, the
lenient mode scoring reads, section link rules per host, and what a crawl reports per address."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from scrapy.http import HtmlResponse

from citywatch.cli.main import citywatch
from citywatch.config.sources import (
    DEFAULT_SOURCES,
    SourcesError,
    completeness_problems,
    host_allowed,
    load_registry,
    load_sources,
)
from crawler.spiders.sections import article_links, link_rules


@pytest.fixture(scope="module")
def shipped():
    return load_registry(DEFAULT_SOURCES)


def test_shipped_registry_is_broad(shipped) -> None:
    sources = shipped.sources
    assert len(sources) >= 150
    assert len({s.country for s in sources}) >= 30
    assert len({s.language for s in sources}) >= 15
    chinese_foreign = [s for s in sources if s.language == "zh" and s.country != "CN"]
    assert len(chinese_foreign) >= 8
    ids = {s.id for s in sources}
    assert {"bbc-zh", "dw-zh", "nyt-zh", "ftchinese", "nikkei-zh", "yonhap-zh", "zaobao", "voa-zh", "rfa-zh",
            "rfi-zh"} <= ids
    assert {"scmp", "japantimes", "koreaherald", "taipeitimes", "timesofindia", "straitstimes", "cna"} <= ids
    assert {"reuters", "apnews", "afp-france24", "dpa-zeit", "efe", "ansa", "kyodo", "yonhap", "anadolu"} <= ids
    assert {s.type for s in sources} >= {"wire", "broadsheet", "broadcaster", "business", "regional"}


def test_every_outlet_is_complete(shipped) -> None:
    assert completeness_problems(shipped) == []
    for s in shipped.sources:
        # A section page alone is enough only where the host has its own link rules (crawler/url_patterns.yaml).
        assert s.feeds or s.sitemaps or all(link_rules(url).links for url in s.sections), s.id
        assert s.weight == shipped.reach_weights[s.reach], s.id
        for record in s.evidence:
            assert record.list is None or record.list in shipped.lists, s.id


def test_unverified_addresses_are_marked_and_listed(shipped) -> None:
    unverified = [s for s in shipped.sources if s.unverified_urls]
    assert unverified and all(s.unverified for s in unverified)
    assert all(not s.unverified for s in shipped.sources if not s.unverified_urls)
    result = CliRunner().invoke(citywatch, ["sources", "list", "--unverified"])
    assert result.exit_code == 0, result.output
    assert "https://www.rfa.org/mandarin  (form rsshub lib/routes/rfa/index.ts:34)" in result.output
    assert "https://www.nrc.nl/rss/  (no evidence)" in result.output
    assert "https://www.theguardian.com" not in result.output
    listing = CliRunner().invoke(citywatch, ["sources", "list", "--strict"])
    assert listing.exit_code == 0 and "guardian" in listing.output and "verified" in listing.output


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """
sources:
  - id: one
    name: One
    country: GB
    language: en
    feeds: [https://www.one.example/rss]
    allowed_domains: [one.example]
"""

TABLES = """
lists:
  somelist: {repo: owner/repo, commit: abcdef1, maintained: "tested daily"}
reach_weights: {international: 1.0, national: 0.5, regional: 0.25}
"""

COMPLETE = TABLES + """
sources:
  - id: one
    name: One
    country: GB
    language: en
    type: broadsheet
    reach: national
    site: https://www.one.example/
    feeds: [https://www.one.example/rss]
    allowed_domains: [one.example]
    evidence:
      - {url: https://www.one.example/rss, list: somelist, file: a/b.py, line: 3}
"""


def test_invalid_entry_names_source_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD + "  - {id: two, name: Two, country: gb, language: en, feeds: [https://two.example/f],"
                                   " allowed_domains: [two.example]}\n")
    with pytest.raises(SourcesError, match=r"source two: field 'country'"):
        load_sources(path)


def test_address_outside_allowed_domains_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD.replace("[one.example]", "[other.example]"))
    with pytest.raises(SourcesError, match=r"source one: .*outside allowed_domains"):
        load_sources(path)


def test_duplicate_and_unknown_ids(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="duplicate id"):
        load_sources(_write(tmp_path, GOOD + GOOD.split("sources:\n")[1]))
    with pytest.raises(SourcesError, match="unknown source id"):
        load_sources(_write(tmp_path, GOOD), only=["nope"])


def test_bad_yaml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="not valid YAML"):
        load_sources(_write(tmp_path, "sources: [\n"))
    # a field given twice in one entry (YAML would keep the second silently): the line and the key
    twice = GOOD.replace("    language: en\n", "    language: en\n    country: FR\n")
    with pytest.raises(SourcesError, match=r"not valid YAML at line 7, column 5: key 'country' given twice$"):
        load_sources(_write(tmp_path, twice))
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(tmp_path / "absent.yaml")


def test_host_allowed_covers_subdomains_only() -> None:
    assert host_allowed("https://www.bbc.co.uk/news/1", ["bbc.co.uk"])
    assert not host_allowed("https://evilbbc.co.uk/news/1", ["bbc.co.uk"])
    assert host_allowed("http://127.0.0.1:8080/a", ["127.0.0.1"])
    assert not host_allowed("http://localhost:8080/a", ["127.0.0.1"])


def test_a_complete_entry_gets_its_weight_from_its_reach_tier(tmp_path: Path) -> None:
    registry = load_registry(_write(tmp_path, COMPLETE))
    (one,) = registry.sources
    assert one.weight == 0.5 and one.unverified_urls == () and completeness_problems(registry) == []
    with pytest.raises(SourcesError, match=r"source one: field 'reach'.*no weight in the registry's reach_weights"):
        load_registry(_write(tmp_path, COMPLETE.replace("reach_weights: {international: 1.0, national: 0.5, "
                                                        "regional: 0.25}", "")))
    with pytest.raises(SourcesError, match=r"reach_weights: global"):
        load_registry(_write(tmp_path, COMPLETE.replace("national: 0.5,", "national: 0.5, global: 2,")))


@pytest.mark.parametrize(("change", "message"), [
    (("line: 3}", "line: 3, match: form}"), r"field 'unverified': .*has no exact evidence.*unverified: true"),
    (("list: somelist", "list: otherlist"), r"unknown list 'otherlist'"),
    (("url: https://www.one.example/rss,", "url: https://www.one.example/other,"),
     r"field 'evidence': .* not one of the source's addresses"),
    ((", file: a/b.py, line: 3", ""), r"needs file and line"),
    (("list: somelist, file: a/b.py, line: 3", "checked: 2026-12-04, list: somelist, file: a, line: 1"),
     r"either list .* or checked"),
    (("    evidence:", "    unverified: true\n    evidence:"), r"field 'unverified': it says true, but every address has exact evidence"),
])
def test_evidence_is_checked_on_load(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    with pytest.raises(SourcesError, match=rf"source one: .*{message}"):
        load_registry(_write(tmp_path, COMPLETE.replace(*change)))


def test_a_dated_check_is_evidence_and_a_form_is_not(tmp_path: Path) -> None:
    checked = COMPLETE.replace("list: somelist, file: a/b.py, line: 3", "checked: 2026-12-04")
    assert load_registry(_write(tmp_path, checked)).sources[0].unverified_urls == ()
    form = COMPLETE.replace("line: 3}", "line: 3, match: form}").replace("    evidence:", "    unverified: true\n    evidence:")
    assert load_registry(_write(tmp_path, form)).sources[0].unverified_urls == ("https://www.one.example/rss",)


def test_completeness_flags_umbrella_and_overlapping_domains_and_hand_weights(tmp_path: Path) -> None:
    two = """
  - id: two
    name: Two
    country: GB
    language: en
    type: broadsheet
    reach: national
    weight: 0.9
    site: https://two.one.example/
    feeds: [https://feeds.umbrella.example/two]
    allowed_domains: [one.example, umbrella.example]
    evidence: []
    unverified: true
"""
    problems = completeness_problems(load_registry(_write(tmp_path, COMPLETE + two)))
    assert "source two: field 'weight' is set by hand; give a reach tier instead" in problems
    assert "source two: allowed domain one.example is neither the site's host nor an address's host" in problems
    assert "source two: allowed domain umbrella.example is neither the site's host nor an address's host" in problems
    assert "allowed domain one.example of one also covers two; list it in shared_domains" in problems
    incomplete = completeness_problems(load_registry(_write(tmp_path, GOOD)))
    assert {"source one: field 'type' is missing", "source one: field 'evidence' is missing"} <= set(incomplete)


def test_lenient_mode_reads_what_scoring_needs_from_an_invalid_entry(tmp_path: Path) -> None:
    from citywatch.config.scoring import ConfigError
    from scoring.catalogue import load_outlets

    broken = COMPLETE + "  - {id: old, name: Old Outlet, country: gb, type: wire, reach: international}\n"
    path = _write(tmp_path, broken)
    with pytest.raises(SourcesError, match="source old: field 'country'"):
        load_registry(path)
    registry = load_registry(path, lenient=True)
    assert [s.id for s in registry.sources] == ["one", "old"]
    assert registry.skipped[0].endswith("sources.yaml: source old: field 'country': String should match pattern '^[A-Z]{2}$'")
    outlets = load_outlets(path)
    assert outlets["old"].name == "Old Outlet" and outlets["old"].weight == 1.0
    assert (outlets["old"].type, outlets["old"].reach) == ("wire", "international")
    assert (outlets["one"].type, outlets["one"].weight) == ("broadsheet", 0.5)
    with pytest.raises(ConfigError, match=r"source old: field 'weight': must be a number, got 'heavy'"):
        load_outlets(_write(tmp_path, broken.replace("reach: international}", "weight: heavy}")))
    with pytest.raises(ConfigError, match="cannot read"):
        load_outlets(tmp_path / "absent.yaml")
    bad_list = _write(tmp_path, broken.replace("repo: owner/repo", "repo: not a repo"))
    with pytest.raises(SourcesError, match=r"list somelist: field 'repo'"):
        load_registry(bad_list)
    assert load_outlets(bad_list)["one"].weight == 0.5, "scoring does not need the evidence lists"


def test_a_registry_split_by_country_reads_every_included_file(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    index = _write(tmp_path, TABLES + "include: [sources/*.yaml]\n")
    gb = COMPLETE.split("sources:\n")[1]
    (tmp_path / "sources" / "gb.yaml").write_text("sources:\n" + gb, encoding="utf-8")
    fr = gb.replace("id: one", "id: deux").replace("one.example", "deux.example")
    (tmp_path / "sources" / "fr.yaml").write_text("sources:\n" + fr, encoding="utf-8")
    registry = load_registry(index)
    assert [s.id for s in registry.sources] == ["deux", "one"]  # file order: fr.yaml, gb.yaml
    assert registry.origins["one"] == tmp_path / "sources" / "gb.yaml"
    assert completeness_problems(registry) == ["source deux: country GB but listed in fr.yaml"]

    (tmp_path / "sources" / "fr.yaml").write_text("sources:\n" + gb, encoding="utf-8")
    with pytest.raises(SourcesError, match=r"gb.yaml: source one: field 'id': duplicate id \(also in .*fr.yaml\)"):
        load_registry(index)
    (tmp_path / "sources" / "fr.yaml").write_text("sources:\n" + fr.replace("country: GB", "country: France"),
                                                  encoding="utf-8")
    with pytest.raises(SourcesError, match=r"fr.yaml: source deux: field 'country'"):
        load_registry(index)
    (tmp_path / "sources" / "fr.yaml").write_text("reach_weights: {}\nsources: []\n", encoding="utf-8")
    with pytest.raises(SourcesError, match=r"fr.yaml must hold only a top-level 'sources:' list"):
        load_registry(index)
    with pytest.raises(SourcesError, match=r"include 'nowhere/\*.yaml' matches no file"):
        load_registry(_write(tmp_path, TABLES + "include: [nowhere/*.yaml]\n"))


def test_sources_list_strict_names_each_problem_and_fails(tmp_path: Path) -> None:
    result = CliRunner().invoke(citywatch, ["sources", "list", "--strict", "--sources", str(_write(tmp_path, GOOD))])
    assert result.exit_code == 1
    assert "source one: field 'type' is missing" in result.output and "problem(s) for a shipped registry" in result.output


ZAOBAO_PAGE = """<html><body>
<nav><a href="/realtime/china/story20261201-1234567">nav copy of a story</a>
     <a href="/realtime/world">世界</a></nav>
<div class="card-listing">
  <div class="card"><div class="content-header"><a href="/realtime/china/story20261202-7654321">新闻一</a></div></div>
  <div class="card"><div class="content-header"><a href="/news/china/story20261202-1111111">新闻二</a></div></div>
  <div class="card"><div class="content-header"><a href="https://other.example/story">外站</a></div></div>
</div>
<a href="/realtime/china/a-long-slug-that-looks-like-an-article">not in a card</a>
</body></html>"""


def test_section_pages_of_a_host_with_rules_take_only_its_article_anchors() -> None:
    page = HtmlResponse(url="https://www.zaobao.com/realtime/china", body=ZAOBAO_PAGE.encode(), encoding="utf-8")
    found = [link.url for link in article_links(page)]
    assert found == ["https://www.zaobao.com/realtime/china/story20261202-7654321",
                     "https://www.zaobao.com/news/china/story20261202-1111111",
                     "https://other.example/story"]  # off-site links are dropped by the spider's domain check
    generic = HtmlResponse(url="https://news.example/section/", body=ZAOBAO_PAGE.encode(), encoding="utf-8")
    assert "https://news.example/realtime/china/a-long-slug-that-looks-like-an-article" in \
        [link.url for link in article_links(generic)]


def test_a_crawl_counts_each_address_and_reports_unverified_ones(served, store_env: Path) -> None:
    from citywatch.store import connect
    from citywatch.store.runs import get_run
    from crawler.singletons import address_key
    from tests.crawler.conftest import crawl

    server, sources = served
    run_id = crawl(sources, only=["daily-courier", "metro-ledger"])
    with connect() as store:
        run = get_run(store, run_id)
    assert run is not None
    base = server.site.base
    feed = run["sources"]["daily-courier"]
    assert feed["addresses"] == {address_key(f"{base}/daily-courier/rss.xml"): 1}
    assert feed["unverified_addresses"] == 1  # the test site's registry has no evidence
    section = run["sources"]["metro-ledger"]
    assert all(n > 0 for n in section["addresses"].values()) and len(section["addresses"]) >= 1
