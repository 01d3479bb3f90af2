"""Contradictions: figures for one thing and period that cannot both be true; conflicting event statuses."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from .estimates import public
from .resolve import org_key

WINDOW_DAYS = 7  # two claims without a stated time are about the same period when published this close
APPROX = 0.10  # "about 30,000" is taken to mean 30,000 +/- 10%

# Event statuses that cannot all hold for one event (unordered pairs).
CONFLICTING = {
    frozenset(p)
    for p in [
        ("denied", "reported"),
        ("denied", "announced"),
        ("denied", "alleged"),
        ("denied", "speculated"),
        ("disputed", "reported"),
        ("disputed", "announced"),
        ("announced", "alleged"),
    ]
}


def bounds(e: dict[str, Any]) -> tuple[float, float] | None:
    """The interval a claim allows, from its bounds and qualifier (None when it has no number)."""
    low, high, q = e.get("low"), e.get("high"), e.get("qualifier")
    if low is None:
        if high is None:
            return None
        low = high
    if high is None:
        high = low
    lo, hi = low, high
    if q in ("at_least", "more_than"):
        return (float(lo), math.inf)
    if q in ("at_most", "less_than"):
        return (0.0, float(hi))
    if q == "approximate":
        return (lo * (1 - APPROX), hi * (1 + APPROX))
    return (float(lo), float(hi))


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def same_period(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two claims speak of the same period: stated times nest, else publication dates are close."""
    ta: str | None = a.get("_time")
    tb: str | None = b.get("_time")
    if ta and tb:
        return ta.startswith(tb) or tb.startswith(ta)
    da, db = _date(a.get("published")), _date(b.get("published"))
    if da is None or db is None:
        return da is None and db is None
    return abs((da - db).days) <= WINDOW_DAYS


def _fmt(v: float) -> str:
    if v == math.inf:
        return "no upper bound"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _describe(e: dict[str, Any]) -> str:
    where = ", ".join(x for x in [e.get("source"), e.get("published")] if x)
    return f'{e["claimant"] or "an unnamed source"} says "{e["text"]}"' + (f" ({where})" if where else "")


def quantity_contradictions(series: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pairs of claims in one series, same period, different claimants, whose bounds do not overlap."""
    out = []
    for s in series:
        items = [e for e in s["estimates"] if bounds(e) is not None]
        items.sort(key=lambda e: e.get("published") or "")
        label = f"{s['subject']} ({'+'.join(s['outcome']) or 'count'})"
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if a["_claimant_key"] == b["_claimant_key"]:
                    continue
                if not same_period(a, b):
                    da, db = _date(a.get("published")), _date(b.get("published"))
                    if da and db and (db - da).days > WINDOW_DAYS and not (a.get("_time") or b.get("_time")):
                        break  # sorted by date: later items are further away still
                    continue
                ba, bb = bounds(a), bounds(b)
                if ba is None or bb is None:  # never: items without bounds were left out above
                    continue
                (alo, ahi), (blo, bhi) = ba, bb
                if ahi < blo or bhi < alo:
                    reason = (
                        f"{label}: {_describe(a)} but {_describe(b)}; "
                        f"{_fmt(alo)}–{_fmt(ahi)} and {_fmt(blo)}–{_fmt(bhi)} do not overlap"
                    )
                    out.append({"kind": "quantity", "reason": reason, "items": [public(a), public(b)]})
    return out


def _event_item(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": e["type"],
        "status": e["status"],
        "negated": bool(e.get("negated")),
        "actor": e.get("actor"),
        "target": e.get("target"),
        "place": e.get("place"),
        "time": e.get("time"),
        "claimant": e.get("claimed_by") or e.get("source"),
        "document": e["document"],
        "source": e.get("source"),
        "published": e.get("published"),
        "text": e["trigger"],
        "span": [e["start"], e["end"]],
    }


def _status(e: dict[str, Any]) -> str:
    return "denied" if e.get("negated") and e["status"] in ("reported", "announced") else e["status"]


def _claimant(e: dict[str, Any]) -> str:
    return e.get("claimed_by") or e.get("source") or "an unnamed source"


def event_contradictions(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events of one type about the same place or target, close in time, whose statuses conflict.

    Wire copies of one claim (same cluster, status, claimant and trigger) are compared once.
    """
    groups: dict[tuple[str, str], dict[tuple[Any, ...], dict[str, Any]]] = {}
    for e in events:
        about = e.get("place") or e.get("target") or e.get("actor")
        if not about:
            continue
        claim = (e["cluster"], _status(e), org_key(_claimant(e)), e["trigger"])
        groups.setdefault((e["type"], org_key(about)), {}).setdefault(claim, e)
    out = []
    for (etype, _), claims in groups.items():
        items = sorted(claims.items(), key=lambda kv: kv[1].get("published") or "")
        for i, ((_, sa, ca, _), a) in enumerate(items):
            da = _date(a.get("published"))
            for (_, sb, cb, _), b in items[i + 1 :]:
                db = _date(b.get("published"))
                if da and db and (db - da).days > WINDOW_DAYS:
                    break  # sorted by date: the rest are later still
                if frozenset((sa, sb)) not in CONFLICTING or (ca == cb and a["document"] == b["document"]):
                    continue
                if not same_period({"published": a.get("published")}, {"published": b.get("published")}):
                    continue
                about = a.get("place") or a.get("target") or a.get("actor")
                said_a = f'{sa} by {_claimant(a)} ("{a["trigger"]}")'
                said_b = f'{sb} by {_claimant(b)} ("{b["trigger"]}")'
                reason = f"{etype} ({about}): {said_a} but {said_b}"
                out.append({"kind": "event", "reason": reason, "items": [_event_item(a), _event_item(b)]})
    return out


def find_contradictions(series: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """All contradictions: `[{"kind": "quantity"|"event", "reason", "items": [...]}]`."""
    return quantity_contradictions(series) + event_contradictions(events)
