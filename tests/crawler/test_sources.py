from pathlib import Path

import pytest

from citywatch.config.sources import DEFAULT_SOURCES, SourcesError, host_allowed, load_sources


def test_shipped_registry_is_broad() -> None:
    sources = load_sources(DEFAULT_SOURCES)
    assert len(sources) >= 40
    assert len({s.country for s in sources}) >= 10
    assert len({s.language for s in sources}) >= 6
    assert all(s.feeds or s.sitemaps or s.sections for s in sources)


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
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(tmp_path / "absent.yaml")


def test_host_allowed_covers_subdomains_only() -> None:
    assert host_allowed("https://www.bbc.co.uk/news/1", ["bbc.co.uk"])
    assert not host_allowed("https://evilbbc.co.uk/news/1", ["bbc.co.uk"])
    assert host_allowed("http://127.0.0.1:8080/a", ["127.0.0.1"])
    assert not host_allowed("http://localhost:8080/a", ["127.0.0.1"])
