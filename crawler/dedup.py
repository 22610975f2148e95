"""Three kinds of sameness: the same address, the same text, the same story.

* Canonical URLs (courlan, strict): tracking parameters and fragments go, host is
  lowercased, so ``?utm_source=...`` links to one article meet in one ``_id``.
* Exact duplicates: a SHA-1 of the normalised body (``content_hash``).
* Near-duplicates: the same wire story on several outlets, edited a little. A
  MinHash of word 3-shingles goes into a datasketch LSH index; an article whose
  estimated Jaccard similarity to an indexed one passes ``threshold`` joins its
  cluster (``cluster_id``), so scoring can count a syndicated story once.

The index must outlive a run, or a story syndicated today would not meet its copy
crawled yesterday. Signatures are stored in the ``signatures`` collection next to
the articles (written in the same flush, just before them); each run rebuilds the index,
in the store thread, from the signatures of the last ``DEDUP_WINDOW_DAYS`` days, read through a date index
(:func:`citywatch.store.lookups.dated`), so the load costs the window, not the
collection; :meth:`NearDuplicateIndex.load` itself is one LSH insert per signature
(figures in ``docs/store.md``). Rebuilding keeps no second copy of state to corrupt.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from datetime import datetime

import numpy as np
from courlan import normalize_url
from datasketch import LeanMinHash, MinHash, MinHashLSH
from w3lib.url import canonicalize_url

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable within one scheme
SHINGLE = 3
_WORD = re.compile(r"\w+", re.UNICODE)
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
    """An LSH index from canonical URL to signature and cluster, for one process."""

    def __init__(self, threshold: float = 0.7) -> None:
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.clusters: dict[str, str | None] = {}
        self.threshold = threshold

    def __len__(self) -> int:
        return len(self.clusters)

    def load(self, rows: Iterable[dict]) -> None:
        """Add stored signatures: ``{"_id": canonical_url, "sig": bytes, "cluster_id": str | None}``."""
        for row in rows:
            if row["_id"] in self.clusters:
                continue
            hashes = np.frombuffer(bytes(row["sig"]), dtype="<u4").astype(np.uint32)
            # LSH keeps only band hashes: a LeanMinHash (no permutation tables) costs ~0.003 ms, a MinHash ~0.5 ms
            self.lsh.insert(row["_id"], LeanMinHash(seed=1, hashvalues=hashes, scheme=SCHEME))
            self.clusters[row["_id"]] = row.get("cluster_id")

    def assign(self, key: str, minhash: MinHash) -> tuple[str | None, list[tuple[str, str]]]:
        """Index ``key``; return its cluster id and the (member, cluster) pairs that must be updated.

        The cluster is named after its first member, so two processes that see
        the same pair name it the same way.
        """
        if key in self.clusters:
            return self.clusters[key], []
        matches = [m for m in self.lsh.query(minhash) if m != key]
        cluster: str | None = None
        updates: list[tuple[str, str]] = []
        if matches:
            named = sorted(name for m in matches if (name := self.clusters.get(m)))
            cluster = named[0] if named else cluster_name(min(matches))
            for member in matches:
                if self.clusters.get(member) != cluster and not self.clusters.get(member):
                    self.clusters[member] = cluster
                    updates.append((member, cluster))
        self.lsh.insert(key, minhash)
        self.clusters[key] = cluster
        return cluster, updates


def signature_doc(key: str, minhash: MinHash, cluster_id: str | None, at: datetime) -> dict:
    """The stored form: hash values as 512 little-endian bytes (a list of 128 numbers costs ~4x more to write)."""
    return {"_id": key, "sig": minhash.hashvalues.astype("<u4").tobytes(), "cluster_id": cluster_id, "at": at}
