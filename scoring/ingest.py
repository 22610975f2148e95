"""Bring your own articles: JSON Lines from another crawler or a press database, stored as the crawler stores them.

Researchers who hold a corpus score it with the same method, and audits (the
validation harness in scoring/validation/ among them) talk to
citywatch through ``citywatch ingest`` and ``citywatch export`` only. One line
is one article::

    {"url", "source_id", "title", "text", "published_at", "lang"?, "cluster_id"?, "mentions"?}

Every line is checked before anything is written; a bad line is reported with
its number and field and skipped, the good ones are all stored. Lines are
deduplicated by canonical URL (the first one wins; later copies are reported).
Articles without ``mentions`` are tagged here; given mentions are kept as they
are (``tagger_version`` "external") with their optional ``review``. Articles
without ``cluster_id`` are clustered with the crawler's near-duplicate index
(against the stored signatures too), so a wire story in the file counts once.
The tagger gets each outlet's registry country (``countries``, by ``source_id``)
as in a crawl; an outlet the registry does not know gives none. The ``title`` is
passed as the article's headline (linker context, not searched for mentions).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from citywatch.store import Store, save_articles
from citywatch.store.articles import save_signatures
from citywatch.store.lookups import dated_values
from citywatch.store.summary import city_refs
from crawler.dedup import NearDuplicateIndex, canonical_url, content_hash, signature, signature_doc, words
from nlp.labels import CITY_LABELS, LABELS

EXTERNAL_TAGGER = "external"
STRINGS = ("url", "source_id", "text")
OPTIONAL_STRINGS = ("title", "lang", "cluster_id")


class LineError(ValueError):
    """One input line that cannot be stored; ``field`` names what is wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    tagged: int = 0
    clustered: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, "field: message")
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (line, first line with the same URL)


def _date(value: Any) -> datetime:
    if not isinstance(value, str):
        raise LineError("published_at", f"must be an ISO 8601 string, got {type(value).__name__}")
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise LineError("published_at", f"not an ISO 8601 date: {value!r}") from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _labelled(name: str, holder: Any) -> None:
    """A label from the shared vocabulary, and a city with an adcode where the label names one."""
    if not isinstance(holder, Mapping):
        raise LineError(name, "must be an object")
    label, city = holder.get("label"), holder.get("city")
    if label not in LABELS:
        raise LineError(f"{name}.label", f"must be one of {', '.join(LABELS)}, got {label!r}")
    if label in CITY_LABELS and not (isinstance(city, Mapping) and isinstance(city.get("adcode"), str)):
        raise LineError(f"{name}.city", f"a {label} mention needs a city with an adcode string")


def _mention(i: int, raw: Any, text: str) -> dict[str, Any]:
    name = f"mentions[{i}]"
    _labelled(name, raw)
    if raw.get("review") is not None:
        _labelled(f"{name}.review", raw["review"])
    start, end = raw.get("start"), raw.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start < end <= len(text):
        raise LineError(f"{name}.start", f"start and end must be offsets into the text (0 <= start < end <= {len(text)})")
    return {**raw, "surface": raw.get("surface") or text[start:end], "confidence": raw.get("confidence", 1.0)}


def parse_line(line: str) -> dict[str, Any]:
    """The article document for one JSON line, or :class:`LineError` naming the field."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError("json", f"{exc.msg} at column {exc.colno}") from None
    if not isinstance(raw, dict):
        raise LineError("json", "expected an object")
    for name in STRINGS:
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise LineError(name, "missing or not a non-empty string")
    for name in OPTIONAL_STRINGS:
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise LineError(name, f"must be a string, got {type(raw[name]).__name__}")
    if not raw["url"].startswith(("http://", "https://")):
        raise LineError("url", f"must be an http(s) URL, got {raw['url'][:60]!r}")
    published = _date(raw.get("published_at"))
    text = raw["text"]
    doc: dict[str, Any] = {
        "url": raw["url"], "canonical_url": canonical_url(raw["url"]), "source_id": raw["source_id"],
        "title": raw.get("title"), "text": text, "lang": raw.get("lang"), "published_at": published,
        "content_hash": content_hash(text), "cluster_id": raw.get("cluster_id"), "status": "ok",
    }
    if "mentions" in raw:
        if not isinstance(raw["mentions"], list):
            raise LineError("mentions", "must be a list")
        doc["mentions"] = [_mention(i, m, text) for i, m in enumerate(raw["mentions"])]
        doc["tagger_version"] = EXTERNAL_TAGGER
    return doc


def read_lines(stream: IO[str], report: IngestReport) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, document) for each good, first-seen line; errors and duplicates go to ``report``."""
    seen: dict[str, int] = {}
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        report.read += 1
        try:
            doc = parse_line(line)
        except LineError as exc:
            report.errors.append((number, str(exc)))
            continue
        first = seen.setdefault(doc["canonical_url"], number)
        if first != number:
            report.duplicates.append((number, first))
            continue
        yield number, doc


def _tag(docs: list[dict[str, Any]], report: IngestReport, countries: Mapping[str, str]) -> None:
    from nlp import tagger_version
    from nlp.pipeline import tag_docs

    todo = [d for d in docs if "mentions" not in d]
    if not todo:
        return
    langs, mentions = tag_docs([d["text"] for d in todo], [d["lang"] for d in todo],
                               countries=[countries.get(d["source_id"]) for d in todo],
                               titles=[d.get("title") for d in todo])
    version = tagger_version()
    for doc, lang, found in zip(todo, langs, mentions, strict=True):
        doc["lang"] = doc["lang"] or lang
        doc["mentions"], doc["tagger_version"] = found, version
    report.tagged += len(todo)


class _Clusters:
    """The crawler's near-duplicate index over every stored signature, loaded once per ingest when first needed.

    Every signature, not a window: a file may bring articles of any date. So this load grows with the store
    (bulk, ~0.05 ms per signature: ~100 s at 2,000,000), unlike the crawler's 14-day window.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index: NearDuplicateIndex | None = None

    def get(self) -> NearDuplicateIndex:
        if self.index is None:
            self.index = NearDuplicateIndex()
            self.index.extend(dated_values(self.store, "signatures", None, None, ("sig", "cluster_id"), binary=("sig",)))
        return self.index


def _cluster(store: Store, clusters: _Clusters, docs: list[dict[str, Any]], report: IngestReport) -> None:
    """Near-duplicate clusters for articles that came without one; signatures are stored as the crawler's are."""
    todo = [d for d in docs if not d["cluster_id"]]
    if not todo:
        return
    index = clusters.get()
    signatures: list[dict[str, Any]] = []
    updates: dict[str, str] = {}
    for doc in todo:
        minhash = signature(doc["text"], words(doc["text"]))
        if minhash is None:
            continue
        doc["cluster_id"], changed = index.assign(doc["canonical_url"], minhash)
        updates.update(changed)
        signatures.append(signature_doc(doc["canonical_url"], minhash, doc["cluster_id"], doc["fetched_at"]))
    for doc in todo:  # a later line may have joined an earlier one's cluster
        doc["cluster_id"] = index.clusters.get(doc["canonical_url"], doc["cluster_id"])
    report.clustered += sum(1 for d in todo if d["cluster_id"])
    save_signatures(store, signatures, updates)


def ingest(store: Store, stream: IO[str], batch: int = 500, countries: Mapping[str, str] | None = None) -> IngestReport:
    """Check, deduplicate, tag, cluster and store every line of ``stream``; bad lines are reported, not written."""
    report = IngestReport()
    now = datetime.now(UTC).replace(microsecond=0)
    pending: list[tuple[int, dict[str, Any]]] = []
    clusters = _Clusters(store)

    def flush() -> None:
        docs = [d for _, d in pending]
        for doc in docs:
            doc["fetched_at"] = now
        _tag(docs, report, countries or {})
        _cluster(store, clusters, docs, report)
        for doc in docs:
            doc["city_refs"] = city_refs(doc)
        result = save_articles(store, docs)
        lines = {d["url"]: n for n, d in pending}
        for ref, message in result.rejected:  # the store's own check, after ours: still one line each
            report.errors.append((lines.get(ref, 0), message))
        report.stored += result.inserted
        report.updated += result.updated
        report.unchanged += result.unchanged
        pending.clear()

    for item in read_lines(stream, report):
        pending.append(item)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    report.errors.sort()
    return report

