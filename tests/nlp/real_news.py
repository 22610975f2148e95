"""Non-city spans reported as cities in real English news (issue #12: under 1%).

Reads the shared corpora in ``../shared/data`` at run time (nothing from them is in the repository):

- ``article-extraction-benchmark``: 181 real English news pages. ``bodies`` tags each gold article body;
  ``pages`` tags each page's whole visible text (menus, teasers, related links, comment boxes), which is
  what the tagger sees when extraction keeps too much. No place annotation: every reported city is
  printed with its context (``--show``) to be checked by eye.
- the bodies of ``lgl``, ``tr-news``, ``geovirus`` and ``geowebnews``: real English news with every
  toponym annotated with coordinates. A reported city is *confirmed* when a gold toponym overlaps it within
  ``AGREE_KM`` of the city, *contradicted* when the overlapping toponym lies elsewhere (a namesake or
  another place reported as the Chinese city: counted as an error without looking), and *unannotated*
  when no toponym overlaps (names such as "Beijing Olympics" are not toponyms there): printed to be checked.

``python -m tests.nlp.real_news [--show]`` prints the counts per source (and every reported city to check);
``tests/nlp/test_real_news.py`` runs the same count and skips without ``../shared``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

from nlp.labels import CITY_LABELS
from nlp.lexicon import read_lexicon
from nlp.pipeline import tag_texts

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
BENCHMARK = "article-extraction-benchmark"
AGREE_KM = 100.0


@dataclass
class Article:
    text: str
    gold: list[tuple[int, int, float, float]] | None = None  # toponym spans with coordinates, None: no annotation


@dataclass
class Count:
    articles: int = 0
    mentions: int = 0
    reported: int = 0  # mentions given a city (a city label and a city)
    confirmed: int = 0
    contradicted: int = 0
    to_check: list[str] = field(default_factory=list)  # reported cities no gold speaks for, with context


def available(root: Path = SHARED) -> bool:
    return (root / BENCHMARK / "ground-truth.json").is_file()


def benchmark(root: Path = SHARED, pages: bool = False) -> Iterator[Article]:
    truth = json.loads((root / BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        if not pages:
            yield Article(truth[key]["articleBody"])
            continue
        tree = lxml.html.fromstring(gzip.decompress((root / BENCHMARK / "html" / f"{key}.html.gz").read_bytes()))
        for node in tree.xpath("//script|//style|//noscript|//template"):
            node.drop_tree()
        yield Article("\n".join(line for line in (" ".join(t.split()) for t in tree.itertext()) if line))


def _number(element: ET.Element, *paths: str) -> float | None:
    for path in paths:
        value = element.findtext(path)
        if value and value.strip():
            return float(value)
    return None


def annotated(path: Path) -> Iterator[Article]:
    """Articles of an LGL-style corpus (lgl, tr-news, geowebnews: ``toponym``; geovirus: ``location``)."""
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for toponym in [*article.iter("toponym"), *article.iter("location")]:
            start, end = _number(toponym, "start"), _number(toponym, "end")
            lat = _number(toponym, "gaztag/lat", "latitude", "lat")
            lon = _number(toponym, "gaztag/lon", "longitude", "lon")
            if start is not None and end is not None and lat is not None and lon is not None:
                gold.append((int(start), int(end), lat, lon))
        yield Article(article.findtext("text") or "", gold)


SOURCES = {
    "benchmark bodies": lambda root: benchmark(root),
    "benchmark pages": lambda root: benchmark(root, pages=True),
    "lgl": lambda root: annotated(root / "lgl" / "lgl.xml"),
    "tr-news": lambda root: annotated(root / "tr-news" / "TR-News.xml"),
    "geovirus": lambda root: annotated(root / "geovirus" / "GeoVirus.xml"),
    "geowebnews": lambda root: annotated(root / "geowebnews" / "GWN.xml"),
}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


def count(articles: list[Article]) -> Count:
    cities = read_lexicon().gazetteer.cities
    out = Count(articles=len(articles))
    for article, mentions in zip(articles, tag_texts([a.text for a in articles], ["en"] * len(articles)),
                                 strict=True):
        out.mentions += len(mentions)
        for m in mentions:
            if m["label"] not in CITY_LABELS or not m["city"]:
                continue
            out.reported += 1
            city = cities[m["city"]["adcode"]]
            overlapping = [(lat, lon) for start, end, lat, lon in article.gold or ()
                           if start < m["end"] and m["start"] < end]
            if overlapping and city.lat is not None and city.lon is not None:
                if any(_km(city.lat, city.lon, lat, lon) <= AGREE_KM for lat, lon in overlapping):
                    out.confirmed += 1
                else:
                    out.contradicted += 1
                    out.to_check.append(_context(article.text, m, "CONTRADICTED"))
            else:
                out.to_check.append(_context(article.text, m, "check"))
    return out


def _context(text: str, mention: dict, kind: str) -> str:
    start, end = mention["start"], mention["end"]
    left = text[max(0, start - 70):start].replace("\n", " | ")
    right = text[end:end + 50].replace("\n", " | ")
    return f"{kind}\t{mention['label']}\t{mention['city']['name']}\t{left}[[{text[start:end]}]]{right}"


def count_all(root: Path = SHARED) -> dict[str, Count]:
    return {name: count(list(source(root))) for name, source in SOURCES.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print every reported city no gold confirms")
    args = parser.parse_args()
    if not available():
        raise SystemExit(f"{SHARED / BENCHMARK} not found")
    for name, c in count_all().items():
        print(f"{name:18} articles {c.articles:4}  mentions {c.mentions:4}  reported as a city {c.reported:4}  "
              f"confirmed by gold {c.confirmed:4}  contradicted {c.contradicted:3}  to check by eye {len(c.to_check):4}")
        if args.show:
            for line in c.to_check:
                print(f"  {line}")


if __name__ == "__main__":
    main()
