"""Wire copies: MinHash/LSH near-duplicate clusters of reprinted stories (documents.cluster_id)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..store.db import Store
from ..text import normalize_for_id
from .resolve import _translit_token, fold

NUM_PERM = 128
SHINGLE = 4  # words per shingle
THRESHOLD = 0.5  # estimated Jaccard similarity of shingle sets above which two texts are copies
# Function words dropped before shingling, so that house-style edits ("said on Monday" -> "said Monday")
# do not break shingles; independent write-ups of one story stay far below the threshold anyway.
STOPWORDS = frozenset("a an the on of in to and at for by with that this is was were has had have".split())

_WORDS = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The set of k-word shingles of a text, normalized (case, quotes, dashes, whitespace)."""
    words = [_fold_word(w) for w in _WORDS.findall(normalize_for_id(text)) if w not in STOPWORDS]
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


@lru_cache(maxsize=1 << 18)
def _fold_word(word: str) -> str:
    """A word with spelling variants folded (Zelenskiy/Zelensky, Defence/Defense) for shingling."""
    return _translit_token(fold(word)).replace("ence", "ense")


def signature(text: str) -> MinHash:
    """The MinHash signature of a text's shingles."""
    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=t.permutations, scheme=t.scheme)
    m.update_batch(list(shingles(text)))
    return m


def _from_blob(blob: bytes) -> MinHash:
    t = _template()
    return MinHash(
        num_perm=NUM_PERM,
        seed=1,
        permutations=t.permutations,
        scheme=t.scheme,
        hashvalues=np.frombuffer(blob, dtype="<u8"),
    )


def clusters(
    signatures: dict[str, MinHash], order: dict[str, Any], threshold: float = THRESHOLD
) -> dict[str, str]:
    """Near-duplicate groups as {doc_id: cluster id}, a cluster id being its first document by `order`."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    parent = {d: d for d in signatures}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, m in signatures.items():
        for other in lsh.query(m):
            if m.jaccard(signatures[other]) >= threshold:
                ra, rb = find(doc_id), find(other)
                if ra != rb:
                    parent[ra] = rb
        lsh.insert(doc_id, m)
    members: dict[str, list[str]] = {}
    for d in signatures:
        members.setdefault(find(d), []).append(d)
    out = {}
    for docs in members.values():
        first = min(docs, key=lambda d: (order.get(d), d))
        for d in docs:
            out[d] = first
    return out


def cluster_documents(store: Store, threshold: float = THRESHOLD) -> int:
    """Sign unsigned documents, recompute every cluster; return the number of clusters."""
    missing = store.rows("SELECT id, text FROM documents WHERE id NOT IN (SELECT doc_id FROM signatures)")
    if missing:
        with store.transaction() as con:
            con.executemany(
                "INSERT OR REPLACE INTO signatures (doc_id, minhash) VALUES (?, ?)",
                [(r["id"], signature(r["text"]).hashvalues.astype("<u8").tobytes()) for r in missing],
            )
    rows = store.rows(
        "SELECT s.doc_id, s.minhash, coalesce(d.published, '9999') AS published, d.rowid AS doc_order"
        " FROM signatures s JOIN documents d ON d.id = s.doc_id"
    )
    sigs = {r["doc_id"]: _from_blob(r["minhash"]) for r in rows}
    order = {r["doc_id"]: (r["published"], r["doc_order"]) for r in rows}
    mapping = clusters(sigs, order, threshold)
    with store.transaction() as con:
        con.executemany(
            "UPDATE documents SET cluster_id = ? WHERE id = ?", [(c, d) for d, c in mapping.items()]
        )
    return len(set(mapping.values()))
