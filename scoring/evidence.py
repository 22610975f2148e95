"""Every number traceable to its articles: one row per counted article and city.

The compact corpus holds no titles or reviewers, so the counted articles are
read back by ``_id`` (only those, in batches) once the period is scored. Each
row carries the article's weight ``a x split`` (``article_weight``, section 2-3
of docs/scoring.md) and its part of the city's attention share
(``share_weight``): with ``outlet_pooling`` precision or mean, a city's
``share_weight`` values add up to its ``attention_share``; with shrinkage they
add up to it less the part that comes from the pooled share.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from citywatch.config.scoring import ScoringConfig
from citywatch.store import Store
from citywatch.store.articles import lookup_ids
from citywatch.store.mentions import effective_city, effective_label
from scoring.catalogue import CityInfo, Outlet, outlet
from scoring.collect import Corpus
from scoring.method import ROUND, Estimator, Universe, Window

FIELDS = {"title": 1, "lang": 1, "published_at": 1, "fetched_at": 1, "cluster_id": 1, "mentions.label": 1,
          "mentions.city.adcode": 1, "mentions.review.label": 1, "mentions.review.city.adcode": 1,
          "mentions.review.by": 1}


def _counted(doc: Mapping[str, Any], adcode: str, cities: Mapping[str, CityInfo],
             config: ScoringConfig) -> list[Mapping[str, Any]]:
    """The article's mentions that count for this city (a county-level city's for its parent, as scoring does)."""
    out = []
    for m in doc.get("mentions") or ():
        code = str((effective_city(m) or {}).get("adcode") or "")
        info = cities.get(code)
        if info and info.kind == "county" and info.parent and config.county_to_parent:
            code = info.parent
        if code == adcode and effective_label(m) in config.index_labels:
            out.append(m)
    return out


def evidence_rows(store: Store, corpus: Corpus, window: Window, estimator: Estimator, universe: Universe,
                  outlets: Mapping[str, Outlet], cities: Mapping[str, CityInfo], config: ScoringConfig) -> list[dict]:
    """Rows sorted by city (adcode), then share weight (largest first), then URL."""
    share = estimator.pair_share()
    n_cols = len(universe.adcodes)
    key = corpus.unit[window.pair_art].astype(np.int64) * n_cols + window.pair_city
    _, inverse, copies = np.unique(key, return_inverse=True, return_counts=True)
    ids = [corpus.ids[a] for a in window.pair_art.tolist()]
    docs = lookup_ids(store, store.articles, sorted(set(ids)), FIELDS)
    rows = []
    for p, (art, col) in enumerate(zip(window.pair_art.tolist(), window.pair_city.tolist(), strict=True)):
        doc = docs.get(ids[p])
        if doc is None:  # deleted since it was scored
            continue
        source = outlet(outlets, corpus.sources[corpus.source[art]], config.unknown_source_weight)
        when = doc.get("published_at") or doc.get("fetched_at")
        adcode = universe.adcodes[col]
        counted = _counted(doc, adcode, cities, config)
        rows.append({
            "city": universe.names[col][0], "adcode": adcode, "url": ids[p], "outlet": source.id,
            "country": source.country, "language": doc.get("lang") or "unknown",
            "published": when.date().isoformat() if when else None, "title": doc.get("title") or "",
            "label": "+".join(sorted({effective_label(m) for m in counted})),
            "reviewed_by": ";".join(sorted({str(m["review"].get("by") or "unknown") for m in counted if m.get("review")})),
            "mentions": int(window.pair_n[p]), "prominent": bool(window.pair_prom[p]),
            "article_weight": round(float(window.contrib[p]), ROUND), "share_weight": round(float(share[p]), ROUND + 3),
            "cluster": doc.get("cluster_id") or "", "wire_copy": bool(copies[inverse[p]] > 1),
        })
    rows.sort(key=lambda r: (r["adcode"], -r["share_weight"], r["url"]))
    return rows
