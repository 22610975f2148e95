"""Review groups, summarised by SQLite as articles are written and decided (embedded engine).

The review queue needs, per ``group_key``, how many mentions a decision would
touch, how many are pending, their mean confidence, surfaces, machine cities,
candidates and outlets, plus each city's effective count; and a group's page
needs the articles holding that key. Computing this from the articles reads
every article (8.6 minutes at 550,000). Here SQLite keeps it up to date itself:
triggers on mongoeco's ``documents`` table add each written article's
contribution to ``cw_queue`` and subtract the one it replaces, whoever writes
(crawler, re-tag, a decision, a learned rule, another process). A queue page
then reads one row per (group, facet), and a group's members through the
``member`` rows, both by primary key.

The meaning of "pending" and "open to a group decision" follows
:mod:`citywatch.review.queue` (``is_pending``, ``is_open_to_group``) and
:mod:`citywatch.store.mentions`; ``tests/review`` compares this summary with a
full pass over the articles.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from citywatch.store import embedded

if TYPE_CHECKING:
    from citywatch.store.connection import Store

TABLE = "cw_queue"
# Keyed by group first, so that the rows an article adds to a group (its facets and its member row) sit
# together: one or two leaves per group written instead of one per facet, each at a random place
# (docs/store.md, "Fewer B-trees written at random"). The kinds read across groups have partial indexes of their own.
_LAYOUT = ("db_name TEXT NOT NULL, kind TEXT NOT NULL, grp TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL, "
           "conf REAL NOT NULL, PRIMARY KEY (db_name, {key}, value)")
ACROSS_GROUPS = {"pending": "cw_queue_pending", "count": "cw_queue_count"}  # kind -> its partial index
_PENDING = f"{TABLE} INDEXED BY {ACROSS_GROUPS['pending']}"

_UNDECIDED = "coalesce(json_type(j.value, '$.review'), 'null') = 'null'"
_KEY = "coalesce(j.value ->> '$.group_key', '')"
# One row per mention of the articles in {src} (a relation of db_name, storage_key, document).
_MENTIONS = f"""
SELECT d.db_name AS db, d.storage_key AS sk, {_KEY} AS g,
       ({_KEY} != '' AND ({_UNDECIDED} OR j.value ->> '$.review.scope' = 'group')) AS open,
       (coalesce(j.value ->> '$.flagged', 0) != 0 AND {_UNDECIDED} AND {_KEY} != '') AS pending,
       coalesce(j.value ->> '$.confidence', 0.0) AS conf,
       coalesce(j.value ->> '$.surface', '') AS surface,
       coalesce(j.value ->> '$.city.adcode', '') AS city,
       coalesce(j.value -> '$.candidates', '[]') AS cands,
       CASE WHEN {_UNDECIDED} THEN coalesce(j.value ->> '$.city.adcode', '')
            ELSE coalesce(j.value ->> '$.review.city.adcode', '') END AS eff_city,
       CASE WHEN {_UNDECIDED} THEN coalesce(j.value ->> '$.label', '')
            ELSE coalesce(j.value ->> '$.review.label', '') END AS eff_label,
       coalesce(d.document ->> '$.source_id', '') AS src
FROM {{src}} AS d, json_each(d.document, '$.mentions') AS j
"""
_CONTRIBUTION = f"""
INSERT INTO {TABLE} (db_name, kind, grp, value, n, conf)
SELECT db, kind, grp, value, {{sign}} * sum(n), {{sign}} * sum(conf) FROM (
    SELECT db, 'total' AS kind, '' AS grp, '' AS value, 1 AS n, 0.0 AS conf FROM ({_MENTIONS})
    UNION ALL SELECT db, 'touch', g, '', 1, 0.0 FROM ({_MENTIONS}) WHERE open
    UNION ALL SELECT db, 'source', g, src, 1, 0.0 FROM ({_MENTIONS}) WHERE open
    UNION ALL SELECT db, 'article', g, '', 1, 0.0 FROM (SELECT DISTINCT db, sk, g FROM ({_MENTIONS}) WHERE open)
    UNION ALL SELECT db, 'member', g, sk, 1, 0.0 FROM (SELECT DISTINCT db, sk, g FROM ({_MENTIONS}) WHERE g != '')
    UNION ALL SELECT db, 'pending', g, '', 1, conf FROM ({_MENTIONS}) WHERE pending
    UNION ALL SELECT db, 'surface', g, surface, 1, 0.0 FROM ({_MENTIONS}) WHERE pending
    UNION ALL SELECT db, 'city', g, city, 1, 0.0 FROM ({_MENTIONS}) WHERE pending AND city != ''
    UNION ALL SELECT m.db, 'cand', m.g, c.value, 1, 0.0 FROM ({_MENTIONS}) AS m, json_each(m.cands) AS c WHERE m.pending
    UNION ALL SELECT db, 'count', eff_city, eff_label, 1, 0.0 FROM ({_MENTIONS}) WHERE eff_city != ''
) WHERE true GROUP BY db, grp, kind, value
ON CONFLICT (db_name, grp, kind, value) DO UPDATE SET n = n + excluded.n, conf = conf + excluded.conf;
"""
_ALL_ARTICLES = "(SELECT db_name, storage_key, document FROM documents WHERE coll_name = 'articles')"


def _contribution(src: str, sign: int) -> str:
    return _CONTRIBUTION.format(src=src, sign=sign)


def _row(name: str) -> str:
    return f"(SELECT {name}.db_name AS db_name, {name}.storage_key AS storage_key, {name}.document AS document)"


def _has_mentions(row: str) -> str:
    return f"coalesce(json_array_length({row}.document, '$.mentions'), 0) > 0"


def _changed() -> str:
    """An update that changes what the summary reads (mentions or outlet); cluster or summary writes do not."""
    return ("(json_extract(OLD.document, '$.mentions') IS NOT json_extract(NEW.document, '$.mentions') "
            "OR json_extract(OLD.document, '$.source_id') IS NOT json_extract(NEW.document, '$.source_id'))")


def install(sql: sqlite3.Connection) -> bool:
    """Create the summary and its triggers; a store that had articles before is summarised once, here.

    Every later open only reads ``sqlite_master`` (see :func:`embedded.install_summary`).
    """
    triggers = {}
    for name, event, when, body in (
            ("cw_queue_insert", "INSERT", _has_mentions("NEW"), _contribution(_row("NEW"), 1)),
            ("cw_queue_delete", "DELETE", _has_mentions("OLD"), _contribution(_row("OLD"), -1)),
            ("cw_queue_update", "UPDATE OF document", f"{_has_mentions('OLD')} OR {_has_mentions('NEW')}",
             _contribution(_row("OLD"), -1) + _contribution(_row("NEW"), 1))):
        triggers[name] = (f"CREATE TRIGGER {name} AFTER {event} ON documents "
                          f"WHEN {'NEW' if event != 'DELETE' else 'OLD'}.coll_name = 'articles' AND ({when}) "
                          f"AND {_changed() if event.startswith('UPDATE') else '1'} BEGIN {body} END")
    indexes = {name: f"CREATE INDEX {name} ON {TABLE} (db_name, grp, value) WHERE kind = '{kind}'"
               for kind, name in ACROSS_GROUPS.items()}
    return embedded.install_summary(sql, TABLE, _LAYOUT.format(key="grp, kind"), _contribution(_ALL_ARTICLES, 1),
                                    {**triggers, **indexes}, previous=[(_LAYOUT.format(key="kind, grp"), "*")])


@dataclass
class GroupFacets:
    """What the summary holds about one group key."""

    touch: int = 0
    pending: int = 0
    articles: int = 0
    conf_sum: float = 0.0
    surfaces: Counter = field(default_factory=Counter)
    cities: Counter = field(default_factory=Counter)
    candidates: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)


@dataclass
class QueueSummary:
    groups: dict[str, GroupFacets]
    city_labels: dict[tuple[str, str], int]  # (adcode, effective label) -> mentions
    total_mentions: int


def summary(sql: sqlite3.Connection, db_name: str) -> QueueSummary:
    """Read the summary of the groups with a pending mention (and the city counts), by primary key.

    The ``pending`` rows name the groups in the queue; every other facet is read
    for those groups only, so decided groups cost nothing however many there are.
    Outlets are left out (``sources`` empty): a group has up to one row per outlet,
    most of the summary, and only the groups shown on a page need them
    (:func:`sources_of`).
    """
    groups: dict[str, GroupFacets] = {}
    for grp, n, conf in sql.execute(f"SELECT grp, n, conf FROM {_PENDING} WHERE db_name = ? AND kind = 'pending' AND n > 0",
                                    (db_name,)):
        groups[grp] = GroupFacets(pending=n, conf_sum=conf)
    rows = sql.execute(f"SELECT q.grp, q.kind, q.value, q.n FROM {TABLE} AS p INDEXED BY {ACROSS_GROUPS['pending']} "
                       f"JOIN {TABLE} AS q ON q.db_name = p.db_name AND q.grp = p.grp AND q.kind IN "
                       "('article', 'cand', 'city', 'surface', 'touch') "
                       "WHERE p.db_name = ? AND p.kind = 'pending' AND p.n > 0 AND q.n > 0", (db_name,))
    for grp, kind, value, n in rows:  # one pass in key order: a group's facets lie together
        g = groups[grp]
        if kind == "touch":
            g.touch = n
        elif kind == "article":
            g.articles = n
        elif kind == "surface":
            g.surfaces[value] = n
        elif kind == "city":
            g.cities[value] = n
        else:
            g.candidates.add(value)
    city_labels = {(grp, value): n for grp, value, n in sql.execute(
        f"SELECT grp, value, n FROM {TABLE} INDEXED BY {ACROSS_GROUPS['count']} WHERE db_name = ? AND kind = 'count' "
        "AND n > 0", (db_name,))}
    total = sql.execute(f"SELECT coalesce(sum(n), 0) FROM {TABLE} WHERE db_name = ? AND grp = '' AND kind = 'total'",
                        (db_name,)).fetchone()[0]
    return QueueSummary(groups, city_labels, total)


def sources_of(store: Store, keys: Iterable[str]) -> dict[str, set[str]]:
    """The outlets of the open mentions of each group in ``keys`` (embedded), by primary key: one query per key."""
    found: dict[str, set[str]] = {}
    for key in dict.fromkeys(keys):
        found[key] = {row[0] for row in store.sql.execute(
            f"SELECT value FROM {TABLE} WHERE db_name = ? AND kind = 'source' AND grp = ? AND n > 0",
            (store.db.name, key))}
    return found


def member_docs(sql: sqlite3.Connection, engine: Any, db_name: str, key: str) -> list[dict[str, Any]]:
    """The articles holding ``group_key`` ``key`` (whole documents), through the ``member`` rows."""
    keys = [row[0] for row in sql.execute(
        f"SELECT value FROM {TABLE} WHERE db_name = ? AND kind = 'member' AND grp = ? AND n > 0 ORDER BY value",
        (db_name, key))]
    docs: list[dict[str, Any]] = []
    for start in range(0, len(keys), embedded.IN_CHUNK):
        chunk = keys[start : start + embedded.IN_CHUNK]
        marks = ", ".join("?" * len(chunk))
        for (payload,) in sql.execute(
                f"SELECT document FROM documents WHERE db_name = ? AND coll_name = 'articles' AND storage_key IN ({marks}) "
                "ORDER BY storage_key", (db_name, *chunk)):
            docs.append(embedded.decode(engine, payload))
    return docs


def read(store: Store) -> QueueSummary | None:
    """The embedded store's summary; None on MongoDB, where the queue is computed from the articles."""
    return summary(store.sql, store.db.name) if store.engine is not None else None


def members(store: Store, key: str, projection: Mapping[str, Any] | None = None,
            batch_size: int = 200) -> Iterator[dict[str, Any]]:
    """The articles holding a mention with ``group_key`` ``key``: the summary's member rows on the embedded
    engine (whole documents), the multikey index on ``mentions.group_key`` on MongoDB."""
    if store.engine is not None:
        yield from member_docs(store.sql, store.engine, store.db.name, key)
        return
    yield from store.articles.find({"mentions.group_key": key}, projection).batch_size(batch_size)


def pending_mentions(store: Store) -> int | None:
    """Mentions in the review queue, from the summary (embedded); None on MongoDB."""
    if store.engine is None:
        return None
    return int(store.sql.execute(f"SELECT coalesce(sum(n), 0) FROM {_PENDING} WHERE db_name = ? AND kind = 'pending' AND n > 0",
                                 (store.db.name,)).fetchone()[0])
