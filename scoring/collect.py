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
from collections.abc import Iterable, Iterator, Mapping, Sequence
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




#: One city reference as the builder takes it: adcode, label, mentions, offset of the first one, whether the
#: name is in the title, and the name and province the summary gives (used for a city outside the gazetteer).
Ref = Sequence[Any]
LABEL_INDEX = {label: i for i, label in enumerate(LABELS)}
REF_BATCH = 20_000  # references turned into arrays at a time


def summary_refs(summary: Mapping[str, Any]) -> list[Ref]:
    """A ``city_refs`` summary's refs as :data:`Ref` tuples (what the scoring rows' SQL returns)."""
    return [(r.get("adcode"), r.get("label"), r.get("n"), r.get("first", 1 << 30), r.get("title"), r.get("name"),
             r.get("province")) for r in summary.get("refs") or ()]


class _Builder:
    """Appends articles and their refs to typed arrays; names (outlets, cities, units, taggers) get indices in
    order of first appearance, as dicts keep them. References are buffered and converted a batch at a time
    with numpy, in the order they were added."""

    def __init__(self, corpus: Corpus, config: ScoringConfig, cities: Mapping[str, CityInfo]) -> None:
        self.c, self.config, self.cities = corpus, config, cities
        self.day, self.source, self.unit = array("i"), array("i"), array("i")
        self.ref_art, self.ref_city, self.ref_n = array("i"), array("i"), array("i")
        self.ref_label, self.ref_prom = array("b"), array("b")
        self.source_ix: dict[str, int] = {}
        self.city_ix: dict[str, int] = {}
        self.code_ix: dict[str, int] = {}  # adcode as stored -> column, after county_to_parent
        self.unit_ix: dict[str, int] = {}
        self.tagger = array("i")
        self.tagger_ix: dict[str, int] = {}
        self.pending: list[Ref] = []
        self.pending_art: list[int] = []
        self.pending_lead: list[Any] = []

    def city(self, ref: Ref) -> int:
        code = str(ref[0])
        info = self.cities.get(code)
        if info and info.kind == "county" and info.parent and self.config.county_to_parent:
            code, info = info.parent, self.cities.get(info.parent)
        if code not in self.c.city_names:
            self.c.city_names[code] = (info.name, info.province) if info else (str(ref[5] or code), str(ref[6] or ""))
        return self.city_ix.setdefault(code, len(self.city_ix))

    def articles(self, ids: list[str], days: list[int], sources: list[str], clusters: list[Any],
                 taggers: list[Any]) -> int:
        """Add a batch of articles (columns); returns the index of the first."""
        first = len(self.day)
        self.c.ids.extend(ids)
        self.day.extend(array("i", days))
        ix = self.source_ix
        self.source.extend(array("i", [ix.setdefault(s, len(ix)) for s in sources]))
        ix = self.unit_ix
        self.unit.extend(array("i", [ix.setdefault(c or f"url:{i}", len(ix)) for c, i in zip(clusters, ids, strict=True)]))
        self.c.clustered_ids.update((first + k, i) for k, (c, i) in enumerate(zip(clusters, ids, strict=True)) if c)
        ix = self.tagger_ix
        self.tagger.extend(array("i", [ix.setdefault(t or UNKNOWN, len(ix)) for t in taggers]))
        return first

    def refs(self, art: int, refs: list[Ref], lead: Any) -> None:
        """The references of article ``art``, whose first paragraph ends at ``lead``."""
        self.pending.extend(refs)
        self.pending_art.extend([art] * len(refs))
        self.pending_lead.extend([lead] * len(refs))
        if len(self.pending) >= REF_BATCH:
            self.flush()

    def add_doc(self, doc: Mapping[str, Any], when: datetime, summary: Mapping[str, Any]) -> None:
        art = self.articles([doc["_id"]], [when.date().toordinal()], [doc["source_id"]], [doc.get("cluster_id")],
                            [doc.get("tagger_version")])
        self.refs(art, summary_refs(summary), summary.get("lead"))

    def flush(self) -> None:
        """Pending references to arrays: a known label, a column per city, prominent when in the title or
        before the end of the first paragraph (capped at ``first_paragraph_max_chars``)."""
        if not self.pending:
            return
        labels = np.array([LABEL_INDEX.get(ref[1], -1) for ref in self.pending], dtype=np.int8)
        known = np.flatnonzero(labels >= 0).tolist()
        refs = [self.pending[i] for i in known]
        code_ix = self.code_ix
        columns = [code_ix[code] if (code := ref[0]) in code_ix else code_ix.setdefault(code, self.city(ref))
                   for ref in refs]
        cap = self.config.first_paragraph_max_chars
        leads = np.minimum(np.array([int(self.pending_lead[i] or 0) for i in known], dtype=np.int64), cap)
        first = np.array([int(ref[3]) for ref in refs], dtype=np.int64)
        title = np.array([bool(ref[4]) for ref in refs], dtype=bool)
        self.ref_art.extend(array("i", (self.pending_art[i] for i in known)))
        self.ref_city.extend(array("i", columns))
        self.ref_label.frombytes(labels[known].tobytes())
        self.ref_n.extend(array("i", (int(ref[2] or 1) for ref in refs)))
        self.ref_prom.frombytes((title | (first < leads)).astype(np.int8).tobytes())
        self.pending, self.pending_art, self.pending_lead = [], [], []

    def finish(self) -> Corpus:
        self.flush()
        c = self.c
        c.sources, c.cities, c.unit_keys, c.tagger_names = (list(ix) for ix in (
            self.source_ix, self.city_ix, self.unit_ix, self.tagger_ix))
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
    """The embedded engine: one pass over the period's scoring rows and their refs, in the date index's order.

    Rows whose summary is stale or missing are found first (a partial index) and
    summarised from their bodies; a row that turned stale during the pass is
    summarised after it. The pass itself is a tight loop over plain tuples; the refs
    of a batch are parsed by one ``json.loads`` (lists, not dicts).
    """
    lo, hi = _bounds(start, end)
    fallback = config.date_field_fallback
    summaries, repaired = _resummarise(store, scoring_rows.unsettled(store, lo, hi, fallback))
    statuses = set(config.statuses)
    keeps: dict[tuple[Any, Any], bool] = {}
    days: dict[str, int] = {}
    excluded = builder.c.excluded
    late: list[tuple[Any, ...]] = []
    for batch in scoring_rows.read(store, lo, hi, fallback):
        parsed = iter(json.loads("[" + ",".join(row[9] for row in batch if row[9]) + "]"))
        counted: list[tuple[Any, ...]] = []  # (row, day, refs, lead) of the counted rows, in order
        for row in batch:
            sk, _, day, source, status, lang, _, _, _, refs, state = row
            if refs:
                refs = next(parsed)
            keep = keeps.get((source, lang))
            if keep is None:
                keep = keeps[(source, lang)] = where.keeps(outlet(outlets, source, config.unknown_source_weight), lang)
            if not keep:
                continue
            if (ordinal := days.get(day)) is None:
                ordinal = days[day] = date.fromisoformat(day).toordinal()
            if (status or "ok") not in statuses:
                excluded.append((source, ordinal, status or "ok"))
            elif not state:
                counted.append((row, ordinal, refs, row[8]))
            elif sk not in summaries:
                late.append((*row[:-1], ordinal))
            elif (summary := summaries[sk]) is not None:  # None: deleted meanwhile, so it no longer counts
                counted.append((row, ordinal, summary_refs(summary), summary.get("lead")))
        first = builder.articles([c[0][1] for c in counted], [c[1] for c in counted], [c[0][3] for c in counted],
                                 [c[0][6] for c in counted], [c[0][7] for c in counted])
        for k, found in enumerate(counted):
            if found[2]:
                builder.refs(first + k, found[2], found[3])
    if late:
        summaries, written = _resummarise(store, [row[0] for row in late])
        repaired += written
        for sk, art_id, _, source, _, _, cluster, tagger, *_, ordinal in late:
            if (summary := summaries[sk]) is not None:
                art = builder.articles([art_id], [ordinal], [source], [cluster], [tagger])
                builder.refs(art, summary_refs(summary), summary.get("lead"))
    return repaired


def _resummarise(store: Store, keys: list[str]) -> tuple[dict[str, Mapping[str, Any] | None], int]:
    """Summaries of articles whose row is stale or has none, from their bodies; changed ones are written back.

    A stale row whose stored summary proves right (its mentions changed in a way the
    summary does not depend on) is settled instead. Returns (summary per storage
    key, None for an article deleted meanwhile; summaries written).
    """
    summaries: dict[str, Mapping[str, Any] | None] = {}
    written = 0
    for start in range(0, len(keys), REPAIR_BATCH):
        batch = keys[start : start + REPAIR_BATCH]
        found = scoring_rows.bodies(store, batch, [*BODY_FIELDS, "city_refs"])
        updates, right = [], []
        for key in batch:
            if key not in found:
                summaries[key] = None
                continue
            body, basis = found[key]
            summary = summaries[key] = city_refs(body)
            if summary == body.get("city_refs"):
                right.append((key, basis))
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
