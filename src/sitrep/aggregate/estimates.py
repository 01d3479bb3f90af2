"""Estimate series: the figures claimed for one referent over time (see `claims.quantity_key`).

A claim reprinted in wire copies (same cluster, same figure, same claimant) counts once and lists the
other printings under `reprints` (word-for-word copies kept in the `copies` table among them); the
same figure from two independent outlets counts twice.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from .claims import claim_date, num, quantity_key, referent_of, source_of, split_key, stated_day
from .resolve import fold

ESTIMATE_KEYS = (
    "low",
    "high",
    "qualifier",
    "claimant",
    "document",
    "source",
    "published",
    "time",
    "text",
    "span",
    "reprints",
)
SERIES_KEYS = ("key", "subject", "label", "referent", "outcome", "estimates")


@lru_cache(maxsize=1 << 16)
def subject_key(subject: str) -> str:
    """The key prefix of the series a subject names ("Russian troops" -> "soldier|russia|"): what
    `--subject` matches (a series matches when its key contains it)."""
    from ..referents import referent_from_subject
    from .sides import side_key

    ref = referent_from_subject(subject, "people", [])
    if not ref.counted:
        return " ".join(re.findall(r"[a-z0-9]+", fold(subject)))
    side = side_key(ref.side)
    return f"{ref.counted}|{side}|" if side else f"{ref.counted}|"


def _order(r: dict[str, Any]) -> tuple[Any, ...]:
    day = claim_date(r)
    return (
        day is None,
        day or "",
        r.get("published") or "",
        r.get("doc_order") or 0,
        r["document"],
        r["seq"],
    )


def bucket(r: dict[str, Any]) -> str:
    """The month a claim is about ("2022-02"; "" undated): series and disagreements are kept by
    (key, month), so new claims touch only their months."""
    day = claim_date(r)
    return day[:7] if day else ""


def entries(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The estimates of one series from its rows, in time order: one per (cluster, figure, claimant),
    the other printings under `reprints`."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in sorted(rows, key=_order):
        who = source_of(r)
        ident = (r["cluster"], r["low"], r["high"], r["qualifier"], who)
        if ident in merged:
            first = merged[ident]
            if r["document"] not in first["_docs"]:
                first["_docs"].add(r["document"])
                first["reprints"].append(
                    {"document": r["document"], "source": r.get("source"), "published": r.get("published")}
                )
            continue
        merged[ident] = {
            "low": num(r["low"]),
            "high": num(r["high"]),
            "qualifier": r["qualifier"],
            "claimant": r.get("claimant") or None,
            "document": r["document"],
            "source": r.get("source"),
            "published": r.get("published"),
            "time": claim_date(r),
            "text": r["text"],
            "span": [r["start"], r["end"]],
            "reprints": list(r.get("copies") or []),
            "_who": who,
            "_dated": stated_day(r) is not None,  # a day said: a rate for that day, not an average
            "_docs": {r["document"]},
            "_subject": r.get("subject"),
            "_outcome": r.get("outcome") or "",
        }
    return list(merged.values())


def label(key: str) -> str:
    """A readable name of a series key ("soldier · russia · present · country:UA · people · cum")."""
    parts = split_key(key)
    words = [parts["side"].title(), parts["counted"]]
    if parts["outcome"]:
        words.append(parts["outcome"])
    if parts["place"]:
        words.append("at " + parts["place"].split(":", 1)[-1])
    scope = parts["scope"]
    if scope.startswith("per:"):
        words.append("per " + scope[4:])
    elif scope.startswith("since:"):
        words.append("since " + scope[6:])
    elif scope in ("change", "share"):
        words.append(f"({scope})")
    return " ".join(w for w in words if w)


def part(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One month of a series: its entries (internal keys kept) and what the whole series is built from
    (subject counts, outcomes, the referent's side and place names)."""
    items = entries(rows)
    ref = referent_of(min(rows, key=_order))
    return {
        "estimates": items,
        "subjects": dict(Counter(e["_subject"] for e in items if e["_subject"])),
        "outcomes": sorted({o for e in items for o in e["_outcome"].split("+") if o}),
        "side": ref.get("side"),
        "place": ref.get("place"),
    }


def assemble(key: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    """A whole series from its months (in month order); `estimates` is the months' entries joined."""
    subjects: Counter[str] = Counter()
    for p in parts:
        subjects.update(p["subjects"])
    names = split_key(key)
    first = parts[0]
    return {
        "key": key,
        "subject": min(subjects.items(), key=lambda kv: (-kv[1], kv[0]))[0] if subjects else names["counted"],
        "label": label(key),
        "referent": {
            "counted": names["counted"],
            "side": first["side"] if names["side"] else None,
            "outcome": names["outcome"] or None,
            "place": first["place"] if names["place"] else None,
            "place_key": names["place"] or None,
            "unit": names["unit"],
            "scope": names["scope"],
        },
        "outcome": sorted({o for p in parts for o in p["outcomes"]}),
        "estimates": [e for p in parts for e in p["estimates"]],
    }


def build_series(key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One series over these rows, month by month, with internal entries (`public` drops them)."""
    months: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        months[bucket(r)].append(r)
    return assemble(key, [part(months[m]) for m in sorted(months)])


def group_rows(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Quantity rows grouped by series key (rows with no key left out)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        key = r.get("key") or quantity_key(r)
        if key:
            groups[key].append(r)
    return groups


def sort_key(s: dict[str, Any]) -> tuple[Any, ...]:
    """Series order: most estimates first, then key."""
    return (-len(s["estimates"]), s["key"])


def series_entries(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every series of these rows, with internal entries, in series order."""
    out = [build_series(k, members) for k, members in group_rows(rows).items()]
    out.sort(key=sort_key)
    return out


def public_estimate(entry: dict[str, Any]) -> dict[str, Any]:
    """An estimate entry in its documented JSON shape (internal keys dropped)."""
    return {k: entry[k] for k in ESTIMATE_KEYS}


def public(series: dict[str, Any]) -> dict[str, Any]:
    """A series in its documented JSON shape."""
    out = {k: series[k] for k in SERIES_KEYS}
    out["estimates"] = [public_estimate(e) for e in series["estimates"]]
    return out


def outcome_wanted(outcome: str | None) -> set[str]:
    """The outcomes an `outcome` filter names ("killed+wounded", "killed,wounded")."""
    return {o for o in re.split(r"[+,\s]+", outcome.lower()) if o} if outcome else set()


def matches(series: dict[str, Any], subject: str | None, outcome: str | None) -> bool:
    """Whether a series passes the `subject` (key contains its key prefix) and `outcome` filters."""
    if subject and subject_key(subject) not in series["key"]:
        return False
    want = outcome_wanted(outcome)
    return not want or want <= set(series["outcome"]) or want == {series["referent"]["outcome"]}


def estimate_series(
    rows: list[dict[str, Any]], subject: str | None = None, outcome: str | None = None
) -> list[dict[str, Any]]:
    """Estimate series `[{"key", "subject", "label", "referent", "outcome", "estimates": [...]}]`.

    `subject` keeps series about what it names ("Russian troops": soldiers of Russia); `outcome`
    ("killed", "killed+wounded") keeps series whose outcomes include every outcome named.
    """
    return [public(s) for s in series_entries(rows) if matches(s, subject, outcome)]
