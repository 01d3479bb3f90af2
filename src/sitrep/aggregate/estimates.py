"""Estimate series: quantitative claims grouped by what they count (subject + outcome set).

A claim reprinted in wire copies (same cluster, same figure, same claimant) counts once and lists
the other copies under `reprints`; the same figure from two independent outlets counts twice.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

from .resolve import fold, name_key, org_key

ESTIMATE_KEYS = (
    "low",
    "high",
    "qualifier",
    "claimant",
    "document",
    "source",
    "published",
    "text",
    "span",
    "reprints",
)
_LEAD = re.compile(r"^(?:the|some|about|around|at least|more than|over|nearly|almost|up to)\s+")


@lru_cache(maxsize=1)
def _synonyms() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("sitrep").joinpath("data/record_subjects.tsv").read_text(encoding="utf-8")
    pairs = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple((re.compile(rf"\b{re.escape(a.strip())}\b"), b.strip()) for a, b in pairs)


@lru_cache(maxsize=1 << 16)
def subject_key(subject: str) -> str:
    """The grouping key of a quantity's subject ("The Russian soldiers" -> "russian soldiers")."""
    s = " ".join(re.findall(r"[a-z0-9]+", fold(subject)))
    prev = None
    while prev != s:
        prev, s = s, _LEAD.sub("", s)
    for pattern, canonical in _synonyms():
        s = pattern.sub(canonical, s)
    return s


@lru_cache(maxsize=1 << 16)
def claimant_key(name: str | None) -> str:
    """The grouping key of a claimant, tolerant of titles and transliteration ("Gen. Milley" ~ "Milley")."""
    if not name:
        return ""
    tokens = name_key(name).split()
    return tokens[-1] if tokens and len(org_key(name).split()) <= 4 else org_key(name)


def _num(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def series_entries(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Series with full internal entries (time, place, cluster, claimant key) before shaping."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r.get("vague") or (r.get("low") is None and r.get("high") is None):
            continue
        groups[(subject_key(r["subject"]), r.get("outcome") or "")].append(r)
    out = []
    for (skey, outcome), items in groups.items():
        if not skey:
            continue
        subject = Counter(r["subject"] for r in items).most_common(1)[0][0]
        merged: dict[tuple[Any, ...], dict[str, Any]] = {}
        for r in sorted(
            items, key=lambda r: (r.get("published") or "9999", r.get("doc_order") or 0, r["seq"])
        ):
            claimant = r.get("claimant") or r.get("source")
            key = (r["cluster"], r["low"], r["high"], r["qualifier"], claimant_key(claimant))
            if key in merged:
                first = merged[key]
                if r["document"] not in first["_docs"]:
                    first["_docs"].add(r["document"])
                    first["reprints"].append(
                        {
                            "document": r["document"],
                            "source": r.get("source"),
                            "published": r.get("published"),
                        }
                    )
                continue
            merged[key] = {
                "low": _num(r["low"]),
                "high": _num(r["high"]),
                "qualifier": r["qualifier"],
                "claimant": claimant,
                "document": r["document"],
                "source": r.get("source"),
                "published": r.get("published"),
                "text": r["text"],
                "span": [r["start"], r["end"]],
                "reprints": [],
                "_time": r.get("time"),
                "_claimant_key": claimant_key(claimant),
                "_docs": {r["document"]},
                "_cluster": r["cluster"],
            }
        out.append(
            {
                "subject": subject,
                "outcome": [o for o in outcome.split("+") if o],
                "estimates": list(merged.values()),
            }
        )
    out.sort(key=lambda s: (-len(s["estimates"]), subject_key(s["subject"]), s["outcome"]))
    return out


def public(entry: dict[str, Any]) -> dict[str, Any]:
    """An estimate entry in its documented JSON shape (internal keys dropped)."""
    return {k: entry[k] for k in ESTIMATE_KEYS}


def estimate_series(
    rows: list[dict[str, Any]], subject: str | None = None, outcome: str | None = None
) -> list[dict[str, Any]]:
    """Estimate series `[{"subject", "outcome": [...], "estimates": [{low, high, ..., reprints}]}]`.

    `subject` keeps series whose subject contains it (folded); `outcome` ("killed", "killed+wounded",
    "killed,wounded") keeps series whose outcome set includes every outcome named.
    """
    want_subject = subject_key(subject) if subject else None
    want_outcome = {o for o in re.split(r"[+,\s]+", outcome.lower()) if o} if outcome else set()
    result = []
    for s in series_entries(rows):
        if want_subject and want_subject not in subject_key(s["subject"]):
            continue
        if want_outcome and not want_outcome <= set(s["outcome"]):
            continue
        result.append(
            {
                "subject": s["subject"],
                "outcome": s["outcome"],
                "estimates": [public(e) for e in s["estimates"]],
            }
        )
    return result
