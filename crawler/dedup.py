"""Three kinds of sameness: the same address, the same text, the same story.

* Canonical URLs (courlan, strict): tracking parameters and fragments go, host is
  lowercased, so ``?utm_source=...`` links to one article meet in one ``_id``.
* Exact duplicates: a SHA-1 of the normalised body (``content_hash``).
* Near-duplicates: the same wire story on several outlets, edited a little. A
  MinHash of word 3-shingles (datasketch) goes into an LSH index with datasketch's
  bands (:class:`NearDuplicateIndex`); an article that shares a band with an indexed
  one (estimated Jaccard similarity around ``threshold`` or more) joins its cluster
  (``cluster_id``), so scoring can count a syndicated story once.

The index must outlive a run, or a story syndicated today would not meet its copy
crawled yesterday. Signatures are stored in the ``signatures`` collection next to
the articles (written in the same flush, just before them); each run rebuilds the index,
in the store thread, from the signatures of the last ``DEDUP_WINDOW_DAYS`` days
(:func:`citywatch.store.lookups.near_duplicate_window`: id, packed signature and cluster, no document decoded in
Python). On the embedded engine they come from a table that SQLite triggers keep in date order and prune to the
window (:mod:`citywatch.store.window`), so the load is one contiguous read of the window whatever order the
signatures were written in; on MongoDB from the ``at`` index. :meth:`NearDuplicateIndex.extend` indexes the window
with numpy in bulk (figures in ``docs/store.md``). The documents stay the record: the table is derived from them
by SQLite itself, and the index is rebuilt at every run.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import numpy as np
from courlan import normalize_url
from datasketch import MinHash, MinHashLSH
from w3lib.url import canonicalize_url

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable within one scheme
SHINGLE = 3
_WORD = re.compile(r"\w+", re.UNICODE)
_HASH_SEED = np.uint64(0xCBF29CE484222325)
_HASH_PRIME = np.uint64(0x100000001B3)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def canonical_url(url: str) -> str:
    """The article's identity: strict courlan normalisation (no tracking params, no fragment)."""
    try:
        return normalize_url(url, strict=True)
    except (ValueError, AttributeError):
        return canonicalize_url(url, keep_fragments=False)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_hash(text: str, tokens: list[str] | None = None) -> str:
    """SHA-1 of the lowercased words: spacing, case and punctuation changes do not count as new content."""
    normalised = " ".join(words(text) if tokens is None else tokens)
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()


def _hash32(data: bytes) -> int:
    return zlib.crc32(data)  # C speed; datasketch's default SHA-1 costs ~4x more per shingle


def signature(text: str, tokens: list[str] | None = None) -> MinHash | None:
    """MinHash of word 3-shingles (characters for scripts written without spaces); None when too short."""
    if len(_CJK.findall(text[:2000])) > 200:
        tokens = [c for c in text if not c.isspace()]
    elif tokens is None:
        tokens = words(text)
    if len(tokens) < SHINGLE * 4:
        return None
    shingles = {" ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=_hash32)
    minhash.update_batch(list(shingles))
    return minhash


def cluster_name(first_member: str) -> str:
    return "c" + hashlib.sha1(first_member.encode("utf-8")).hexdigest()[:16]


class NearDuplicateIndex:
    """An LSH index from canonical URL to signature and cluster, for one process.

    The bands are datasketch's for ``threshold`` (``MinHashLSH``'s ``b`` x ``r``, 14 x 9 at 0.7), and a key is a
    candidate when one band of its signature equals the query's, exactly as ``MinHashLSH.query`` finds them
    (``tests/crawler/test_dedup.py`` compares the two). The stored window is held in bulk: the signatures as one
    ``uint32`` matrix and, per band, the rows sorted by a 64-bit hash of the band, so loading is a few numpy
    operations over the whole window instead of one datasketch insert per signature (0.2 ms each: 15 s for the
    ~77,000 signatures of a 2M-article store's 14 days), and a query is a binary search per band whose hits are
    checked against the band itself (a hash collision is never a match). Signatures added by :meth:`assign`
    during the run go to one dict per band, keyed by the band's bytes.
    """

    def __init__(self, threshold: float = 0.7) -> None:
        self.bands: list[tuple[int, int]] = list(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)
        self.clusters: dict[str, str | None] = {}
        self.threshold = threshold
        self._keys: list[str] = []  # row -> key of the loaded signatures
        self._sigs = np.empty((0, NUM_PERM), dtype=np.uint32)
        self._hashes: list[np.ndarray] = []  # per band: the loaded rows' band hashes, sorted
        self._rows: list[np.ndarray] = []  # per band: the row of each sorted hash
        self._added: list[dict[bytes, list[str]]] = [{} for _ in self.bands]

    def __len__(self) -> int:
        return len(self.clusters)

    def load(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Add stored signature documents: ``{"_id": canonical_url, "sig": bytes, "cluster_id": str | None}``."""
        return self.extend((row["_id"], row.get("sig"), row.get("cluster_id")) for row in rows)

    def extend(self, rows: Iterable[tuple[str, bytes | None, str | None]]) -> int:
        """Add (canonical URL, packed signature, cluster id) rows (as
        :func:`citywatch.store.lookups.near_duplicate_window` reads them) in bulk; returns how many were added.
        A key already indexed keeps its entry; a signature that is not ``NUM_PERM`` little-endian 32-bit values
        (none written by :func:`signature_doc`) is left out."""
        width = NUM_PERM * 4
        keys: list[str] = []
        packed: list[bytes] = []
        for key, sig, cluster in rows:
            if key in self.clusters or sig is None or len(sig) != width:
                continue
            self.clusters[key] = cluster
            keys.append(key)
            packed.append(bytes(sig))
        if keys:
            sigs = np.frombuffer(b"".join(packed), dtype="<u4").reshape(len(keys), NUM_PERM).astype(np.uint32, copy=False)
            self._keys.extend(keys)
            self._sigs = np.concatenate([self._sigs, sigs]) if len(self._sigs) else sigs
            self._hashes, self._rows = [], []
            for start, end in self.bands:
                hashes = _band_hashes(self._sigs[:, start:end])
                order = np.argsort(hashes, kind="stable")
                self._hashes.append(hashes[order])
                self._rows.append(order)
        return len(keys)

    def query(self, minhash: MinHash) -> set[str]:
        """The indexed keys that share at least one band with ``minhash``."""
        values = np.asarray(minhash.hashvalues, dtype=np.uint32)
        found: set[str] = set()
        for band, (start, end) in enumerate(self.bands):
            part = values[start:end]
            found.update(self._added[band].get(part.tobytes(), ()))
            if not self._keys:
                continue
            wanted = _band_hashes(part[np.newaxis, :])[0]
            sorted_hashes = self._hashes[band]
            lo, hi = np.searchsorted(sorted_hashes, wanted, "left"), np.searchsorted(sorted_hashes, wanted, "right")
            for row in self._rows[band][lo:hi]:
                if np.array_equal(self._sigs[row, start:end], part):
                    found.add(self._keys[row])
        return found

    def _insert(self, key: str, minhash: MinHash) -> None:
        values = np.asarray(minhash.hashvalues, dtype=np.uint32)
        for band, (start, end) in enumerate(self.bands):
            self._added[band].setdefault(values[start:end].tobytes(), []).append(key)

    def assign(self, key: str, minhash: MinHash) -> tuple[str | None, list[tuple[str, str]]]:
        """Index ``key``; return its cluster id and the (member, cluster) pairs that must be updated.

        The cluster is named after its first member, so two processes that see
        the same pair name it the same way.
        """
        if key in self.clusters:
            return self.clusters[key], []
        matches = sorted(m for m in self.query(minhash) if m != key)
        cluster: str | None = None
        updates: list[tuple[str, str]] = []
        if matches:
            named = sorted(name for m in matches if (name := self.clusters.get(m)))
            cluster = named[0] if named else cluster_name(min(matches))
            for member in matches:
                if self.clusters.get(member) != cluster and not self.clusters.get(member):
                    self.clusters[member] = cluster
                    updates.append((member, cluster))
        self._insert(key, minhash)
        self.clusters[key] = cluster
        return cluster, updates


def _band_hashes(bands: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each row of ``bands`` (rows of 32-bit values), computed for all rows at once.

    Only narrows the search: :meth:`NearDuplicateIndex.query` compares the band values of every hit.
    """
    wide = bands.astype(np.uint64)
    hashes = np.full(len(bands), _HASH_SEED, dtype=np.uint64)
    for column in range(wide.shape[1]):  # FNV-1a over 32-bit words; wraps modulo 2**64
        hashes ^= wide[:, column]
        hashes *= _HASH_PRIME
    return hashes


def signature_doc(key: str, minhash: MinHash, cluster_id: str | None, at: datetime) -> dict:
    """The stored form: hash values as 512 little-endian bytes (a list of 128 numbers costs ~4x more to write)."""
    return {"_id": key, "sig": minhash.hashvalues.astype("<u4").tobytes(), "cluster_id": cluster_id, "at": at}
