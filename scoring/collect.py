"""One streaming pass over the store into compact arrays: the only place scoring reads articles.

A period costs its own articles, not the store's. On the embedded engine it is one
primary-key range of the trigger-kept scoring rows (:mod:`citywatch.store.scoring_rows`:
outlet, date, status, cluster and the ``city_refs`` summary's refs per article, in
the date index's order), never the 4-5 KB documents; on MongoDB the window is
selected through the date index and projected to the same fields plus what the
summary's fingerprint check reads. Each article becomes a handful of numbers (day,
outlet, cluster) and each (city, label) it mentions one row of refs; bodies are read
only where the summary is missing or stale (see :mod:`citywatch.store.summary`).
Memory is therefore O(articles) small integers (about 40 bytes per article plus
20 per city reference) and the article ids, never O(text), and every period, previous period and
monthly series of one report is cut from the same arrays.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, cast

import numpy as np
from pymongo import UpdateOne

from citywatch.config.scoring import ScoringConfig
from citywatch.store import Store, scoring_rows
from citywatch.store.articles import lookup_ids
from citywatch.store.lookups import dated
from citywatch.store.summary import FINGERPRINT_FIELDS, city_refs, is_current
from nlp.labels import LABELS
from scoring.catalogue import UNKNOWN, CityInfo, Outlet, outlet

PAGE = 2000
REPAIR_BATCH = 200
WRITE_BATCH = 500
BASE_FIELDS = ("source_id", "published_at", "fetched_at", "cluster_id", "status", "tagger_version", "lang",
               "city_refs")
BODY_FIELDS = {"title": 1, "text": 1, "mentions": 1, "content_hash": 1}  # what city_refs() reads


@dataclass
class Slice:
    """Restrict scoring to some outlets, outlet countries or article languages (empty = all)."""

    sources: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    def keeps(self, source: Outlet, lang: str | None) -> bool:
        return ((not self.sources or source.id in self.sources)
                and (not self.countries or source.country in self.countries)
                and (not self.languages or (lang or UNKNOWN) in self.languages))

    def describe(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in (("sources", self.sources), ("countries", self.countries),
                                         ("languages", self.languages)) if v}


def _empty(dtype: type) -> np.ndarray:
    return np.zeros(0, dtype=dtype)


@dataclass
class Corpus:
    """The compact form of every counted article in [start, end)."""

    start: date
    end: date
    sources: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    city_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # adcode -> (name, province)
    unit_keys: list[str] = field(default_factory=list)  # cluster id, or the article URL when unclustered
    clustered_ids: dict[int, str] = field(default_factory=dict)  # article -> URL, to key a cluster (unit_order)
    tagger_names: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # article _id (canonical URL), to read evidence back
    excluded: list[tuple[str, int, str]] = field(default_factory=list)  # (source, day, status) of uncounted articles
    repaired: int = 0
    # per article
    day: np.ndarray = field(default_factory=lambda: _empty(np.int32))
    source: np.ndarray = field(default_factory=lambda: _empty(np.int32))
    unit: np.ndarray = field(default_factory=lambda: _empty(np.int32))
    tagger: np.ndarray = field(default_factory=lambda: _empty(np.int32))
    # per (article, city, label)
    ref_art: np.ndarray = field(default_factory=lambda: _empty(np.int32))
    ref_city: np.ndarray = field(default_factory=lambda: _empty(np.int32))
    ref_label: np.ndarray = field(default_factory=lambda: _empty(np.int8))  # index into LABELS
    ref_n: np.ndarray = field(default_factory=lambda: _empty(np.int32))
    ref_prom: np.ndarray = field(default_factory=lambda: _empty(np.bool_))




class _Builder:
    def __init__(self, corpus: Corpus, config: ScoringConfig, cities: Mapping[str, CityInfo]) -> None:
        self.c, self.config, self.cities = corpus, config, cities
        self.day, self.source, self.unit = array("i"), array("i"), array("i")
        self.ref_art, self.ref_city, self.ref_n = array("i"), array("i"), array("i")
        self.ref_label, self.ref_prom = array("b"), array("b")
        self.source_ix: dict[str, int] = {}
        self.city_ix: dict[str, int] = {}
        self.unit_ix: dict[str, int] = {}
        self.tagger = array("i")
        self.tagger_ix: dict[str, int] = {}

    def _index(self, table: dict[str, int], names: list[str], key: str) -> int:
        if key not in table:
            table[key] = len(names)
            names.append(key)
        return table[key]

    def city(self, ref: Mapping[str, Any]) -> int:
        code = str(ref["adcode"])
        info = self.cities.get(code)
        if info and info.kind == "county" and info.parent and self.config.county_to_parent:
            code, info = info.parent, self.cities.get(info.parent)
        if code not in self.c.city_names:
            self.c.city_names[code] = (info.name, info.province) if info else (
                str(ref.get("name") or code), str(ref.get("province") or ""))
        return self._index(self.city_ix, self.c.cities, code)

    def add(self, art_id: str, day: int, source: str, cluster: Any, tagger: Any, summary: Mapping[str, Any]) -> None:
        art = len(self.day)
        self.day.append(day)
        self.c.ids.append(art_id)
        self.source.append(self._index(self.source_ix, self.c.sources, source))
        self.unit.append(self._index(self.unit_ix, self.c.unit_keys, cluster or f"url:{art_id}"))
        if cluster:
            self.c.clustered_ids[art] = art_id
        self.tagger.append(self._index(self.tagger_ix, self.c.tagger_names, tagger or UNKNOWN))
        refs = summary.get("refs")
        if not refs:
            return
        lead = min(int(summary.get("lead") or 0), self.config.first_paragraph_max_chars)
        for ref in refs:
            label = ref.get("label")
            if label not in LABELS:
                continue
            self.ref_art.append(art)
            self.ref_city.append(self.city(ref))
            self.ref_label.append(LABELS.index(label))
            self.ref_n.append(int(ref.get("n") or 1))
            self.ref_prom.append(1 if ref.get("title") or int(ref.get("first", 1 << 30)) < lead else 0)

    def add_doc(self, doc: Mapping[str, Any], when: datetime, summary: Mapping[str, Any]) -> None:
        self.add(doc["_id"], when.date().toordinal(), doc["source_id"], doc.get("cluster_id"), doc.get("tagger_version"),
                 summary)

    def finish(self) -> Corpus:
        c = self.c
        c.day, c.source, c.unit, c.tagger = (np.frombuffer(a, dtype=np.int32).copy()
                                             for a in (self.day, self.source, self.unit, self.tagger))
        c.ref_art, c.ref_city, c.ref_n = (np.frombuffer(a, dtype=np.int32).copy()
                                          for a in (self.ref_art, self.ref_city, self.ref_n))
        c.ref_label = np.frombuffer(self.ref_label, dtype=np.int8).copy()
        c.ref_prom = np.frombuffer(self.ref_prom, dtype=np.int8).astype(bool)
        return c


def _window(store: Store, start: date, end: date, fallback: bool, fields: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The articles of [start, end) by publication date (or fetch date, with ``fallback``), through an index."""
    return dated(store, "article_date" if fallback else "published", *_bounds(start, end), list(fields), PAGE)


def _when(doc: Mapping[str, Any]) -> datetime:
    when = cast(datetime, doc.get("published_at") or doc.get("fetched_at"))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def collect(
    store: Store,
    start: date,
    end: date,
    config: ScoringConfig,
    outlets: Mapping[str, Outlet],
    cities: Mapping[str, CityInfo],
    where: Slice | None = None,
) -> Corpus:
    """The counted articles of [start, end) as arrays; bodies are read only where the summary is missing or stale.

    Embedded: one range of the trigger-kept scoring rows (:mod:`citywatch.store.scoring_rows`).
    MongoDB: the articles of the window, projected to the fields scoring and the fingerprint check read.
    Missing or stale summaries are recomputed from the bodies and written back, so the next run reads none.
    """
    where = where or Slice()
    builder = _Builder(Corpus(start, end), config, cities)
    if store.engine is not None:
        repaired = _from_rows(store, start, end, config, outlets, where, builder)
    else:
        repaired = _from_documents(store, start, end, config, outlets, where, builder)
    corpus = builder.finish()
    corpus.repaired = repaired
    return corpus


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return (datetime(start.year, start.month, start.day, tzinfo=UTC), datetime(end.year, end.month, end.day, tzinfo=UTC))


def _from_rows(store: Store, start: date, end: date, config: ScoringConfig, outlets: Mapping[str, Outlet],
               where: Slice, builder: _Builder) -> int:
    """The embedded engine: one pass over the period's scoring rows, in the date index's order."""
    statuses = set(config.statuses)
    keeps: dict[tuple[Any, Any], bool] = {}
    days: dict[str, int] = {}
    kept: list[scoring_rows.ScoreRow] = []
    for row in scoring_rows.read(store, *_bounds(start, end), config.date_field_fallback):
        keep = keeps.get((row.source, row.lang))
        if keep is None:
            keep = keeps[(row.source, row.lang)] = where.keeps(
                outlet(outlets, row.source, config.unknown_source_weight), row.lang)
        if not keep:
            continue
        status = row.status or "ok"
        if status in statuses:
            kept.append(row)
        else:
            builder.c.excluded.append((row.source, _day(days, row.day), status))
    summaries, repaired = _resummarise(store, [row for row in kept if row.state])
    for row in kept:
        if row.state:
            summary = summaries.get(row.sk)
            if summary is None:  # deleted between the two reads: it no longer exists, so it no longer counts
                continue
        else:
            summary = {"lead": row.lead, "refs": json.loads(row.refs) if row.refs and row.refs != "[]" else ()}
        builder.add(row.id, _day(days, row.day), row.source, row.cluster, row.tagger, summary)
    return repaired


def _day(days: dict[str, int], iso: str) -> int:
    if (ordinal := days.get(iso)) is None:
        ordinal = days[iso] = date.fromisoformat(iso).toordinal()
    return ordinal


def _resummarise(store: Store, rows: list[scoring_rows.ScoreRow]) -> tuple[dict[str, Mapping[str, Any]], int]:
    """Summaries of articles whose row is stale or has none, from their bodies; changed ones are written back.

    A stale row whose stored summary proves right (its mentions changed in a way the
    summary does not depend on) is settled instead. Returns (summary per storage key, summaries written).
    """
    summaries: dict[str, Mapping[str, Any]] = {}
    written = 0
    for start in range(0, len(rows), REPAIR_BATCH):
        batch = rows[start : start + REPAIR_BATCH]
        found = scoring_rows.bodies(store, [row.sk for row in batch], [*BODY_FIELDS, "city_refs"])
        updates, right = [], []
        for row in batch:
            if row.sk not in found:
                continue
            body, basis = found[row.sk]
            summary = summaries[row.sk] = city_refs(body)
            if summary == body.get("city_refs"):
                right.append((row.sk, basis))
            else:
                updates.append(UpdateOne({"_id": body["_id"]}, {"$set": {"city_refs": summary}}))
        written += _write(store, updates)
        scoring_rows.settle(store, right)
    return summaries, written


def _from_documents(store: Store, start: date, end: date, config: ScoringConfig, outlets: Mapping[str, Outlet],
                    where: Slice, builder: _Builder) -> int:
    """MongoDB: stream the window's articles, projected; check each summary's fingerprint.

    Missing summaries (a store written before summaries existed, or by a writer
    that does not store them) are computed in a second pass over the window that
    reads bodies and keeps only those articles; stale ones (mentions changed since) are
    re-read by ``_id`` in batches.
    """
    statuses = set(config.statuses)
    stale: list[dict[str, Any]] = []
    missing = repaired = 0

    def counted(doc: Mapping[str, Any], record: bool = False) -> bool:
        """In the slice and of a counted status; with ``record``, a sliced-in article of another status is noted."""
        if not where.keeps(outlet(outlets, doc["source_id"], config.unknown_source_weight), doc.get("lang")):
            return False
        status = doc.get("status") or "ok"
        if status not in statuses and record:
            builder.c.excluded.append((doc["source_id"], _when(doc).date().toordinal(), status))
        return status in statuses

    for doc in _window(store, start, end, config.date_field_fallback, (*BASE_FIELDS, *FINGERPRINT_FIELDS)):
        if not counted(doc, record=True):
            continue
        if doc.get("city_refs") is None:
            missing += 1
        elif is_current(doc):
            builder.add_doc(doc, _when(doc), doc["city_refs"])
        else:
            stale.append(doc)
            if len(stale) >= REPAIR_BATCH:
                repaired += _write(store, _repair(store, stale, builder))
                stale = []
    repaired += _write(store, _repair(store, stale, builder))
    if missing:
        updates: list[UpdateOne] = []
        for doc in _window(store, start, end, config.date_field_fallback, (*BASE_FIELDS, *BODY_FIELDS)):
            if doc.get("city_refs") is not None or not counted(doc):
                continue
            summary = city_refs(doc)
            builder.add_doc(doc, _when(doc), summary)
            updates.append(UpdateOne({"_id": doc["_id"]}, {"$set": {"city_refs": summary}}))
            if len(updates) >= WRITE_BATCH:
                repaired += _write(store, updates)
                updates = []
        repaired += _write(store, updates)
    return repaired


def _repair(store: Store, stale: list[dict[str, Any]], builder: _Builder) -> list[UpdateOne]:
    """Summarise stale articles from their bodies (read by ``_id``); return the summaries to write back."""
    bodies = lookup_ids(store, store.articles, [d["_id"] for d in stale], BODY_FIELDS) if stale else {}
    updates = []
    for doc in stale:
        body = bodies.get(doc["_id"])
        if body is None:  # deleted between the two reads: it no longer exists, so it no longer counts
            continue
        summary = city_refs(body)
        builder.add_doc(doc, _when(doc), summary)
        updates.append(UpdateOne({"_id": doc["_id"]}, {"$set": {"city_refs": summary}}))
    return updates


def _write(store: Store, updates: list[UpdateOne]) -> int:
    if updates:
        store.articles.bulk_write(updates, ordered=False)
    return len(updates)


def unit_order(corpus: Corpus, units: Iterable[int]) -> np.ndarray:
    """Units sorted by a key that depends on neither the collection window nor the crawl.

    A cluster is keyed by its smallest member URL, not by its id: which copy of a
    syndicated story the crawler met first names the cluster, and that must not
    move the seeded bootstrap between two crawls of the same articles.
    """
    units = np.asarray(list(units), dtype=np.int64)
    first_url: dict[int, str] = {}
    for art, url in corpus.clustered_ids.items():
        unit = int(corpus.unit[art])
        first_url[unit] = min(url, first_url.get(unit, url))
    names = [f"cluster:{first_url[u]}" if u in first_url else corpus.unit_keys[u] for u in units.tolist()]
    keys = [hashlib.sha1(name.encode()).hexdigest() for name in names]
    return units[np.argsort(np.array(keys), kind="stable")]
