"""Disagreements: claims about one referent, for overlapping times, from different claimants, that
cannot all hold.

Figures (`quantity_disagreements`, one series at a time): two claims conflict when different
claimants (not one source repeating itself, nor two voices of one party; wire copies are one claim
already) give, for days close enough for their scope (the same day for a rate, three days for a
stock, a month for a running toll), bounds that cannot overlap (`bounds`: "at least 20" is [20, inf),
"about 30" is [27, 33]; a figure given as exact is good to ROUNDING). A running toll only grows, and
by at most GROWTH a day: a later, lower toll conflicts, and so does one far higher than the days
between allow.
Events (`event_disagreements`, one event type and actor, or type and place, at a time): an event
asserted by one party and denied or disputed by another, within two weeks, where one of the two speaks
for the actor
("Russia denies planning an invasion" against "Britain warns Russia plans an invasion").

Conflicting claims join into one disagreement (connected claims), reported once with every claim on
each side: `{"kind", "key", "about", "from", "to", "reason", "sides": [{..., "claims": [...]}],
"items": [...]}`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..numbers import DATA
from .claims import PLACE_FIRST, actor_key, claim_date
from .estimates import public_estimate
from .sides import claimant_key, party_of, side_key

WINDOW_DAYS = 3  # figures for a stock (troops present, a share) compared when their days are this close
TOLL_WINDOW_DAYS = 31  # a running toll only grows: two tolls a month apart can still contradict
EVENT_WINDOW_DAYS = 14  # an assertion and a denial of one event compared when this close
APPROX = 0.10  # "about 30,000" is taken to mean 30,000 +/- 10%
ROUNDING = 0.05  # any other figure to within 5%: "127,000" and "at least 130,000" can both hold
GROWTH = 1.25  # a running toll is taken to grow by at most a quarter a day
TOLLS = {"killed", "wounded", "casualties", "captured", "missing", "fled", "displaced", "destroyed", "lost"}
ASSERTED = {"reported", "announced", "alleged", "speculated"}
DENIED = {"denied", "disputed"}
# Event types whose occurrence one party can assert and another deny (docs/events.md): things done.
# Speech acts (accuse, threaten, request, reject, agree, negotiate) are left out: "Moscow denied the
# accusations" denies what was said of it, not that an accusation was made.
DISPUTABLE = {"attack", "fight", "kill", "retreat", "concede", "mobilize", "deploy", "seize", "aid",
              "arrest", "displace", "ceasefire", "sanction"}  # fmt: skip
POSSESSIVES = {"its", "their", "his", "her", "our", "my", "your"}


def bounds(e: dict[str, Any]) -> tuple[float, float] | None:
    """The interval a claim allows, from its bounds and qualifier (None when it has no number)."""
    low, high, q = e.get("low"), e.get("high"), e.get("qualifier")
    if low is None:
        if high is None:
            return None
        low = high
    if high is None:
        high = low
    if q in ("at_least", "more_than"):
        return (float(low), math.inf)
    if q in ("at_most", "less_than"):
        return (0.0, float(high))
    if q == "approximate":
        return (low * (1 - APPROX), high * (1 + APPROX))
    return (float(low), float(high))


def _loose(e: dict[str, Any]) -> tuple[float, float] | None:
    """A claim's bounds as good as news figures are: a figure given as exact ("127,000") or a range is a
    rounded estimate, taken to within ROUNDING."""
    found = bounds(e)
    if found is None or e.get("qualifier") not in (None, "exact", "range"):
        return found  # "about" allows APPROX already; "at least", "more than" are bounds as said
    return (found[0] * (1 - ROUNDING), found[1] * (1 + ROUNDING))


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _days(a: dict[str, Any], b: dict[str, Any]) -> int | None:
    da, db = _day(a.get("time")), _day(b.get("time"))
    if da is None or db is None:
        return None
    return abs((db - da).days)


class _Groups:
    """Union-find over item indexes."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def components(self, linked: set[int]) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in sorted(linked):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())


def _fmt(v: float) -> str:
    if v == math.inf:
        return "no upper bound"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _who(e: dict[str, Any]) -> str:
    return str(e.get("claimant") or e.get("source") or "an unnamed source")


def _conflict(a: dict[str, Any], b: dict[str, Any], growing: bool) -> bool:
    """Whether two figures for one referent cannot both hold (`a` no later than `b`)."""
    ba, bb = _loose(a), _loose(b)
    if ba is None or bb is None:
        return False
    (alo, ahi), (blo, bhi) = ba, bb
    if growing and a.get("time") != b.get("time"):
        # a toll only grows, and not without bound: a later one may be higher (by at most GROWTH a day),
        # never lower
        days = _days(a, b) or 0
        return bhi < alo or blo > ahi * GROWTH**days
    return ahi < blo or bhi < alo


def _comparable(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Claims of one article disagree only when both are someone's word: an article that gives its own
    figure beside a named source's is telling two things apart, not contradicting itself (and so is a
    passage another story repeats: `_docs` holds every document giving the same claim)."""
    return not (a["_in"] & b["_in"]) or bool(a.get("claimant") and b.get("claimant"))


def _apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two claimants that can disagree: not two voices of one party ("U.K. officials" and the British
    Ministry of Defence, Ukraine's General Staff and its president: one side updating or citing the
    other), where both parties are known."""
    pa, pb = party_of(a.get("claimant")), party_of(b.get("claimant"))
    return pa is None or pb is None or pa != pb


def _sides(items: list[dict[str, Any]], edges: list[tuple[int, int]], members: list[int]) -> list[list[int]]:
    """Claims split into sides whose bounds overlap (a sweep), else by the conflicts themselves."""
    ranked = sorted(members, key=lambda i: bounds(items[i]) or (0.0, 0.0))
    sides: list[list[int]] = []
    top = -math.inf
    for i in ranked:
        lo, hi = bounds(items[i]) or (0.0, 0.0)
        if sides and lo <= top:
            sides[-1].append(i)
            top = max(top, hi)
        else:
            sides.append([i])
            top = hi
    if len(sides) > 1:
        return sides
    first: set[int] = set()  # one overlapping run (a toll that went down): earlier against later
    later: set[int] = set()
    for a, b in edges:
        if a in members:
            first.add(a)
            later.add(b)
    return [sorted(first - later), sorted(later)] if first - later else [members]


def _claim(e: dict[str, Any]) -> dict[str, Any]:
    return public_estimate(e)


def quantity_disagreements(series: dict[str, Any]) -> list[dict[str, Any]]:
    """The disagreements within one series (with internal entries, from `estimates.build_series`)."""
    items = [e for e in series["estimates"] if bounds(e) is not None and e.get("time")]
    items.sort(key=lambda e: (e["time"], e["document"], e["span"][0]))
    scope = series["key"].rsplit("|", 1)[-1]
    same_day = scope.startswith("per:") or scope == "change"
    growing = series["referent"]["outcome"] in TOLLS and (scope == "cum" or scope.startswith("since:"))
    window = 0 if same_day else TOLL_WINDOW_DAYS if growing else WINDOW_DAYS
    groups = _Groups(len(items))
    same: dict[tuple[Any, ...], int] = {}  # one source giving one figure in two stories: one claim
    docs: dict[tuple[Any, ...], set[str]] = {}
    for i, e in enumerate(items):
        ident = (e["low"], e["high"], e["qualifier"], e["_who"], e["time"])
        if ident in same:
            groups.union(i, same[ident])
        same.setdefault(ident, i)
        docs.setdefault(ident, set()).update(e["_docs"])
        e["_in"] = docs[ident]
    edges: list[tuple[int, int]] = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            days = _days(a, b)
            if days is None or days > window:
                break  # sorted by day: the rest are later still
            if same_day and not (a.get("_dated") and b.get("_dated")):
                continue  # a rate for no day said ("899 a day on average in April") is no day's count
            if a["_who"] != b["_who"] and _comparable(a, b) and _apart(a, b) and _conflict(a, b, growing):
                groups.union(i, j)
                edges.append((i, j))
    roots = {groups.find(i) for e in edges for i in e}
    out = []
    for members in groups.components({i for i in range(len(items)) if groups.find(i) in roots}):
        sides = _sides(items, edges, members)
        if len(sides) < 2 or len({items[i]["_who"] for i in members}) < 2:
            continue
        described = []
        side_out: list[dict[str, Any]] = []
        for side in sides:
            spans = [bounds(items[i]) or (0.0, 0.0) for i in side]
            lows, highs = [s[0] for s in spans], [s[1] for s in spans]
            claims = [_claim(items[i]) for i in side]
            side_out.append({"low": min(lows), "high": max(highs), "claims": claims})
            names = ", ".join(dict.fromkeys(_who(items[i]) for i in side))
            described.append(f"{names}: {' / '.join(dict.fromkeys(items[i]['text'] for i in side))}")
        dates = sorted(items[i]["time"] for i in members)
        out.append(
            {
                "kind": "quantity",
                "key": series["key"],
                "about": series["label"],
                "referent": series["referent"],
                "from": dates[0],
                "to": dates[-1],
                "reason": f"{series['label']}: " + " against ".join(described),
                "sides": [{**s, "high": None if s["high"] == math.inf else s["high"]} for s in side_out],
                "items": [c for s in side_out for c in s["claims"]],
            }
        )
    return out


_MODIFIER = re.compile(r"[a-z][a-z-]*$")


def _presupposed(e: dict[str, Any]) -> bool:
    """A trigger after a possessive ("its invasion", "Russia's offensive", "his short-lived rebellion":
    up to two lowercase modifiers between a possessive and a noun) takes the event as given: a denial
    in its sentence is about something else."""
    words = str(e.get("before") or "").split()[-3:]
    if str(e.get("trigger") or "").lower().endswith(("ed", "ing", "s")):
        words = words[-1:]  # a verb form ("Russia's forces attacked"): only a possessive right before
    for n, word in enumerate(reversed(words)):
        low = word.lower()
        if low in POSSESSIVES or low.endswith(("'s", "\u2019s")):
            return True
        if n == 2 or not _MODIFIER.match(word) or low in _forecast_words() or low in ("no", "not"):
            return False
    return False


@lru_cache(maxsize=1)
def _noncommittal() -> tuple[str, ...]:
    text = (DATA / "disagreements_noncommittal.txt").read_text(encoding="utf-8")
    return tuple(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _open(e: dict[str, Any]) -> bool:
    """A negated event under a verb that leaves it open ("has not confirmed any strikes")."""
    before = str(e.get("before") or "")[-20:].lower()
    return any(re.search(rf"\b{re.escape(w)}", before) for w in _noncommittal())


@lru_cache(maxsize=1)
def _forecast_words() -> frozenset[str]:
    text = (DATA / "disagreements_forecast.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _foretold(e: dict[str, Any]) -> bool:
    """A negated event under a modal of the future just before it ("there will be no invasion", "would
    not attack"): a forecast, which only the actor's own side can make a denial of (a promise)."""
    words = str(e.get("before") or "").lower().split()[-4:]
    return any(w in _forecast_words() for w in words)


def _heading(name: str | None) -> bool:
    """A claimant written all in capitals over three words or more is a heading the text ran into
    ("INNER WORKINGS OF WAGNER GROUP REVEALED"), not someone speaking (acronyms stay: "NATO")."""
    return bool(name) and len(str(name).split()) >= 3 and str(name).isupper()


def _contrasted(e: dict[str, Any]) -> bool:
    """A trigger right before ", not ..." is the one affirmed ("the issue is Russian aggression, not
    Nato expansion"): the negation denies what follows it."""
    return bool(re.match(r"\s*[,\u2014\u2013-]\s*not\b", str(e.get("after") or "")))


def _stance(e: dict[str, Any]) -> str | None:
    if (e.get("negated") or e["status"] in DENIED) and not (e["status"] != "disputed" and _contrasted(e)):
        return None if _presupposed(e) or (e["status"] != "disputed" and _open(e)) else "denied"
    return "asserted" if e["status"] in ASSERTED else None


def event_claim(e: dict[str, Any]) -> dict[str, Any]:
    """An event claim in its JSON shape."""
    return {
        "type": e["type"],
        "status": e["status"],
        "negated": bool(e.get("negated")),
        "actor": e.get("actor"),
        "target": e.get("target"),
        "place": e.get("place"),
        "time": claim_date(e),
        "claimant": e.get("claimed_by"),
        "document": e["document"],
        "source": e.get("source"),
        "published": e.get("published"),
        "text": e["trigger"],
        "span": [e["start"], e["end"]],
        "reprints": list(e.get("copies") or []),
    }


def _compatible(a: str | None, b: str | None, key: Callable[[str | None], str] = side_key) -> bool:
    ka, kb = key(a), key(b)
    return not ka or not kb or ka == kb


def _event_conflict(a: dict[str, Any], d: dict[str, Any]) -> bool:
    """Whether an assertion `a` and a denial `d` of one event are two parties disagreeing: same actor,
    target and place where both name one, and one of the two claimants speaks for the actor."""
    if not _compatible(a.get("actor"), d.get("actor"), actor_key):
        return False
    actor = actor_key(a.get("actor")) or actor_key(d.get("actor"))
    ca, cd = a.get("claimed_by"), d.get("claimed_by")
    if not ca or not cd or claimant_key(ca) == claimant_key(cd):
        return False
    pa, pd = _party(a), _party(d)
    if pa is None or pd is None or pa == pd:
        return False  # two parties, each known: not a speaker of unknown allegiance
    if not actor or actor not in (pa, pd):
        return False  # neither speaks for the actor: two outsiders' readings, not a denial
    if pa == actor and a["status"] == "speculated":
        return False  # the actor's own side wondering aloud ("if we attack") asserts nothing
    if pd != actor and _foretold(d):
        return False  # an outsider's "there will be no invasion" is a forecast, not a denial
    if a["type"] in PLACE_FIRST:
        return True  # one key is one place: the taken place is the target ("captured the village")
    return _compatible(a.get("target"), d.get("target"), _head_key) and _compatible(
        a.get("place"), d.get("place")
    )


def _party(e: dict[str, Any]) -> str | None:
    """The party a claim's claimant speaks for: from the lexicons, else from its identity's roles
    (`claims.attach_parties`)."""
    return party_of(e.get("claimed_by")) or e.get("claimant_party")


def _head_key(name: str | None) -> str:
    """A target by its last word ("Zaporizhzhia nuclear plant" and "the plant" are one target), or
    by its party when it names one ("Ukraine", "Ukrainian forces")."""
    if not name:
        return ""
    party = party_of(name)
    if party:
        return party
    words = side_key(name).split()
    return words[-1] if words else ""


def event_disagreements(key: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The disagreements among the events of one key (`claims.event_key`: type, and place or actor)."""
    etype = key.split("|", 1)[0]
    if etype not in DISPUTABLE:
        return []
    claims: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in sorted(events, key=lambda e: (e.get("published") or "", e["document"], e["seq"])):
        stance = _stance(e)
        if stance is None or not e.get("claimed_by") or _heading(e["claimed_by"]):
            continue
        ident = (e["cluster"], stance, claimant_key(e["claimed_by"]), e["trigger"].lower())
        if ident not in claims:
            claims[ident] = {**e, "_stance": stance, "time": claim_date(e)}
    items = sorted(claims.values(), key=lambda e: e["time"] or "")
    groups = _Groups(len(items))
    linked: set[int] = set()
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            days = _days(a, b)
            if days is None or days > EVENT_WINDOW_DAYS:
                break
            if a["_stance"] == b["_stance"]:
                continue
            asserted, denied = (a, b) if a["_stance"] == "asserted" else (b, a)
            if _event_conflict(asserted, denied):
                groups.union(i, j)
                linked.update((i, j))
    out = []
    for members in groups.components(linked):
        yes = [event_claim(items[i]) for i in members if items[i]["_stance"] == "asserted"]
        no = [event_claim(items[i]) for i in members if items[i]["_stance"] == "denied"]
        dates = sorted(c["time"] for c in yes + no if c["time"])
        said = ", ".join(dict.fromkeys(str(c["claimant"]) for c in yes))
        unsaid = ", ".join(dict.fromkeys(str(c["claimant"]) for c in no))
        actor_name = next((c["actor"] for c in yes + no if c["actor"]), "someone")
        where = next((c["place"] for c in yes + no if c["place"]), None)
        if where:
            actor_name += f" at {where}"
        out.append(
            {
                "kind": "event",
                "key": key,
                "about": f"{etype} by {actor_name}",
                "from": dates[0] if dates else None,
                "to": dates[-1] if dates else None,
                "reason": f"{etype} by {actor_name}: asserted by {said}; denied or disputed by {unsaid}",
                "sides": [{"stance": "asserted", "claims": yes}, {"stance": "denied", "claims": no}],
                "items": yes + no,
            }
        )
    return out
