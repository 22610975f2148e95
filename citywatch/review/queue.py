"""The review queue: flagged, undecided mentions grouped by ``group_key`` and ordered by impact.

Per group key, the queue knows how many mentions a decision would touch, and, per
city, the current effective count. Unfiltered on the embedded engine this comes
from a summary the store keeps up to date as articles are written and decided
(:mod:`citywatch.store.groups`); filtered, or on MongoDB, from one streaming pass
over the matching articles (only ``mentions`` and a few article fields are read).
Memory grows with the number of distinct groups and cities, never with the
number of articles.

Impact (higher first)::

    impact = n * u * (1 + r)
    n = mentions the group decision would touch (undecided mentions with that key)
    u = max(0.1, 1 - mean machine confidence of the flagged ones)   # how likely the machine is wrong
    r = max over the cities the group can touch (machine city and candidates) of
        min(1, n / (gap + 1)), gap = count distance from that city to its nearest
        neighbour in the city ranking                                 # could it swap two ranks?

So a frequent pattern comes first, an uncertain one before a near-certain one, and
a group that is big enough to reorder two neighbouring cities counts double.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from citywatch.review.vocabulary import ReviewError, adcode_of, counted_labels
from citywatch.store import Store, groups, iter_articles
from citywatch.store.mentions import effective_city, effective_label

ARTICLE_FIELDS = {"source_id": 1, "lang": 1, "published_at": 1, "mentions": 1}
MAX_IN = 100  # the embedded engine's limit on `$in` list length
UNCERTAINTY_FLOOR = 0.1


@dataclass(frozen=True)
class QueueFilter:
    """What part of the queue to show; every field is optional."""

    source: str | None = None
    country: str | None = None
    lang: str | None = None
    city: str | None = None  # adcode: the machine's city or one of the candidates
    label: str | None = None  # the machine's (suggested) label
    since: date | None = None
    until: date | None = None  # inclusive

    def article_query(self) -> dict[str, Any]:
        query: dict[str, Any] = {}
        if self.country:
            ids = sources_in_country(self.country)
            if self.source:
                ids = [i for i in ids if i == self.source]
            if not ids:
                raise ReviewError(f"no configured source is in country {self.country!r}")
            if len(ids) > MAX_IN:
                raise ReviewError(f"country {self.country!r} has more than {MAX_IN} sources; filter by source")
            query["source_id"] = {"$in": ids}
        elif self.source:
            query["source_id"] = self.source
        if self.lang:
            query["lang"] = self.lang
        span: dict[str, datetime] = {}
        if self.since:
            span["$gte"] = datetime.combine(self.since, time.min, UTC)
        if self.until:
            span["$lte"] = datetime.combine(self.until, time.max, UTC)
        if span:
            query["published_at"] = span
        return query

    def keeps(self, mention: Mapping[str, Any]) -> bool:
        if self.label and mention.get("label") != self.label:
            return False
        if self.city and adcode_of(mention.get("city")) != self.city and self.city not in (mention.get("candidates") or ()):
            return False
        return True

    def as_params(self) -> dict[str, str]:
        return {k: str(v) for k, v in self.__dict__.items() if v}


def sources_in_country(country: str) -> list[str]:
    from citywatch.config.sources import load_sources

    return [s.id for s in load_sources() if s.country == country.upper()]


def is_pending(mention: Mapping[str, Any]) -> bool:
    """In the queue: flagged by the tagger and not decided by anyone (person or learned rule)."""
    return bool(mention.get("flagged")) and not mention.get("review") and bool(mention.get("group_key"))


#: :func:`is_pending` as a query on a mention, for counting in the database.
PENDING = {"flagged": True, "review": None, "group_key": {"$nin": [None, ""]}}


def pending_count(store: Store) -> int:
    """Mentions in the queue: the store's group summary (embedded), else one aggregation (no article is loaded)."""
    if (summarised := groups.pending_mentions(store)) is not None:
        return summarised
    pipeline = [
        {"$match": {"mentions": {"$elemMatch": PENDING}}},
        {"$project": {"mentions": 1}},
        {"$unwind": "$mentions"},
        {"$match": {f"mentions.{k}": v for k, v in PENDING.items()}},
        {"$count": "n"},
    ]
    found = list(store.articles.aggregate(pipeline, allowDiskUse=True))
    return found[0]["n"] if found else 0


def is_open_to_group(mention: Mapping[str, Any]) -> bool:
    """Touched by a group decision: undecided, or decided only by an earlier group decision."""
    review = mention.get("review")
    return not review or review.get("scope") == "group"


@dataclass
class Group(groups.GroupFacets):
    """A queue entry: the store summary's facets of one group key (``pending``: flagged and undecided,
    what the queue counts; ``touch``: what a group decision would change), and its impact."""

    key: str = ""
    impact: float = 0.0

    @property
    def label(self) -> str:
        return self.key.split("|")[1] if self.key.count("|") >= 2 else "?"

    @property
    def surface(self) -> str:
        return self.surfaces.most_common(1)[0][0] if self.surfaces else self.key.split("|")[0]

    @property
    def city(self) -> str | None:
        return self.cities.most_common(1)[0][0] if self.cities else None

    @property
    def confidence(self) -> float:
        return self.conf_sum / self.pending if self.pending else 1.0


@dataclass
class Queue:
    groups: list[Group]  # by impact, highest first
    city_counts: dict[str, int]
    pending_mentions: int
    total_mentions: int
    sources_read: bool = True  # False: built from the summary, outlets read per shown group (:func:`with_sources`)


def with_sources(store: Store, built: Queue, shown: list[Group]) -> list[Group]:
    """``shown`` (groups of ``built``) with their outlets: read now for these groups only when ``built``
    came from the store's summary, whose outlet rows are most of it (one per group and outlet)."""
    if not built.sources_read:
        missing = {g.key: g for g in shown if not g.sources}
        for key, outlets in groups.sources_of(store, missing).items():
            missing[key].sources = outlets
    return shown


def city_gaps(counts: Mapping[str, int]) -> dict[str, int]:
    """Per city, the count distance to its nearest neighbour in the ranking."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    gaps: dict[str, int] = {}
    for i, (city, n) in enumerate(ranked):
        near = [abs(n - ranked[j][1]) for j in (i - 1, i + 1) if 0 <= j < len(ranked)]
        gaps[city] = min(near) if near else n
    return gaps


def impact(group: Group, gaps: Mapping[str, int]) -> float:
    """The ordering score documented in the module docstring."""
    n = group.touch
    u = max(UNCERTAINTY_FLOOR, 1.0 - group.confidence)
    touched = set(group.cities) | group.candidates
    r = max((min(1.0, n / (gaps.get(c, 0) + 1)) for c in touched), default=0.0)
    return n * u * (1.0 + r)


def build_queue(store: Store, filters: QueueFilter = QueueFilter(), skip: Iterable[str] = ()) -> Queue:
    """Every group with at least one pending mention, ordered by impact.

    Unfiltered on the embedded engine, from the per-group summary the store
    keeps as articles are written and decided (:mod:`citywatch.store.groups`):
    one row per group and facet, whatever the number of articles. Filtered, or
    on MongoDB, by one pass over the matching articles (:func:`rank`).
    """
    if filters == QueueFilter() and (summary := groups.read(store)) is not None:
        return from_summary(summary, skip)
    return rank(iter_articles(store, filters.article_query(), ARTICLE_FIELDS, batch_size=500), filters, skip)


def from_summary(summary: groups.QueueSummary, skip: Iterable[str] = ()) -> Queue:
    """The unfiltered queue from the store's per-group summary (same result as :func:`rank` over every article)."""
    skipped = set(skip)
    counted = counted_labels()
    counts: Counter = Counter()
    for (city, label), n in summary.city_labels.items():
        if label in counted:
            counts[city] += n
    # the summary holds only groups with a pending mention
    found = {key: Group(key=key, **vars(f)) for key, f in summary.groups.items() if key not in skipped}
    built = _ordered(found, counts, summary.total_mentions)
    built.sources_read = False
    return built


def rank(articles: Iterable[Mapping[str, Any]], filters: QueueFilter = QueueFilter(), skip: Iterable[str] = ()) -> Queue:
    """The queue of these articles (split from :func:`build_queue` so simulations can reuse it)."""
    skipped = set(skip)
    found: dict[str, Group] = {}
    counts: Counter = Counter()
    total = 0
    counted = counted_labels()
    for article in articles:
        seen: set[str] = set()
        for m in article.get("mentions") or ():
            total += 1
            city = adcode_of(effective_city(m))
            if city and effective_label(m) in counted:
                counts[city] += 1
            key = m.get("group_key")
            if not key or key in skipped or not filters.keeps(m) or not is_open_to_group(m):
                continue
            group = found.get(key) or found.setdefault(key, Group(key=key))
            group.touch += 1
            if key not in seen:
                seen.add(key)
                group.articles += 1
            group.sources.add(article.get("source_id") or "")
            if is_pending(m):
                group.pending += 1
                group.conf_sum += float(m.get("confidence") or 0.0)
                group.surfaces[m.get("surface") or ""] += 1
                if machine_city := adcode_of(m.get("city")):
                    group.cities[machine_city] += 1
                group.candidates.update(m.get("candidates") or ())
    return _ordered(found, counts, total)


def _ordered(found: Mapping[str, Group], counts: Counter, total: int) -> Queue:
    """The groups with a pending mention, by impact."""
    gaps = city_gaps(counts)
    queued = [g for g in found.values() if g.pending]
    for g in queued:
        g.impact = impact(g, gaps)
    queued.sort(key=lambda g: (-g.impact, -g.pending, g.key))
    return Queue(queued, dict(counts), sum(g.pending for g in queued), total)


@dataclass
class Member:
    """One mention of a group, with the article fields a reviewer needs to judge it."""

    article: dict[str, Any]
    index: int  # position in article["mentions"]

    @property
    def mention(self) -> dict[str, Any]:
        return self.article["mentions"][self.index]


def members(store: Store, key: str, projection: Mapping[str, Any] | None = None) -> Iterator[Member]:
    """Every mention with this group key, streamed article by article."""
    for article in groups.members(store, key, projection):
        for i, m in enumerate(article.get("mentions") or ()):
            if m.get("group_key") == key:
                yield Member(article, i)


def first_pending(store: Store, key: str, examples: int = 4) -> tuple[Member | None, list[Member]]:
    """The mention to show for a group, plus a few other pending examples of it."""
    shown: Member | None = None
    others: list[Member] = []
    fields = {"title": 1, "text": 1, "url": 1, "source_id": 1, "published_at": 1, "lang": 1, "mentions": 1}
    for member in members(store, key, fields):
        if not is_pending(member.mention):
            continue
        if shown is None:
            shown = member
        elif len(others) < examples:
            others.append(member)
        else:
            break
    return shown, others
