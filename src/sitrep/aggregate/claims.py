"""Claims keyed by what they are about: a figure by its referent, an event by its type and actor.

A figure's key is `counted|side|outcome class|place|unit|scope` (`quantity_key`): "soldier|russia|
amassed|geonames:690791|people|cum" is the Russian buildup around Ukraine, whatever words each outlet used.
Figures that estimate nothing an analyst charts (not countable, nothing counted, vague, no bounds)
have no key, and neither do figures about nobody and nowhere in particular ("12 people were killed"
with no side and no place: a toll of some incident, not a referent one can follow over time). A
side's military losses are one toll wherever its country is named ("Russian soldiers killed in
Ukraine" and "Russia lost 5,800 soldiers"); a town or region still keys its own. An
event's key is its type and actor side, else its type and place (`event_key`); targets and places
are compared claim by claim.

Claimants: a figure's claimant is the speaker of the statement that holds it (the quantity's
`claimant` with a `claimant_statement`); a figure the outlet states on its own word has no claimant,
and the outlet (`source`) stands for it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..numbers import DATA
from ..referents import side_lexicon
from ..store.db import Store
from .sides import claimant_key, party_of, place_key, side_key

STATED_TIME_DAYS = 31  # a stated date this far before publication is the claim's date; else publication
PEOPLE_COUNTED = {"person", "civilian", "child", "refugee", "evacuee", "prisoner", "hostage"}
WIDE = 3  # a range whose high is more than this many times its low estimates nothing to chart
FORECAST = "FUTURE_REF"  # a figure's time when it is about the future (quantities component)
STOCK_COUNTED_FLAG = "present"  # outcome class of armed forces counted with no outcome: where they are
PLACE_FIRST = {"seize"}  # event types keyed by their place before their actor: `event_key`
WAR_LOSSES = {"killed", "wounded", "casualties", "captured", "missing", "lost"}  # a side's losses in a war


@lru_cache(maxsize=1)
def outcome_classes() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(outcome set -> class, counted -> (counted, class)) from `data/referent_outcomes.tsv`."""
    classes: dict[str, str] = {}
    counted: dict[str, tuple[str, str]] = {}
    for line in (DATA / "referent_outcomes.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, value = (c.strip() for c in line.split("\t")[:2])
        if key.startswith("counted:"):
            name, _, cls = value.partition("+")
            counted[key[len("counted:") :]] = (name, cls)
        else:
            classes[key] = value
    return classes, counted


def referent_of(row: dict[str, Any]) -> dict[str, Any]:
    """The referent of a quantity row: its stored JSON, else read from the subject words alone."""
    ref = row.get("referent")
    if isinstance(ref, str):
        ref = json.loads(ref) if ref else None
    if ref:
        return dict(ref)
    from ..referents import referent_from_subject

    outcome = [o for o in (row.get("outcome") or "").split("+") if o]
    return referent_from_subject(row.get("subject"), row.get("unit") or "count", outcome).model_dump()


def outcome_class(counted: str, outcome: str, military: bool) -> tuple[str, str]:
    """(counted, outcome class) a series keys by: refugees are people who fled; troops with no outcome
    are a stock of troops present; other outcome sets map through `data/referent_outcomes.tsv`."""
    classes, implied = outcome_classes()
    if counted in implied and (not outcome or classes.get(outcome) == implied[counted][1]):
        return implied[counted]
    if not outcome:
        return counted, STOCK_COUNTED_FLAG if military else ""
    return counted, classes.get(outcome, outcome)


def scope_key(ref: dict[str, Any], published: str | None) -> str:
    """The time scope a series keys by: cumulative ("cum"), since a date, a rate per period, a change
    or a share (an unknown year in the start date is the publication's)."""
    scope = ref.get("scope")
    if scope == "per_period":
        return f"per:{ref.get('period') or ''}"
    if scope == "since" and ref.get("period"):
        start = str(ref["period"])
        if start.startswith("XXXX") and published:
            start = published[:4] + start[4:]
        return f"since:{start[:10]}"
    if scope in ("change", "share"):
        return str(scope)
    return "cum"


def quantity_key(row: dict[str, Any]) -> str | None:
    """The series key of a quantity row (`claim_rows`), or None when it forms no series."""
    if row.get("vague") or (row.get("low") is None and row.get("high") is None) or row.get("derived_from"):
        return None
    if row.get("time") == FORECAST:
        return None  # "may increase to 500,000": a forecast, not an estimate of what there is
    low, high = row.get("low"), row.get("high")
    if low and high and high > WIDE * low:
        return None  # "150,000 or 1 million": no estimate of one number
    ref = referent_of(row)
    counted = ref.get("counted")
    if not counted or not ref.get("countable", True):
        return None
    from ..referents import counted_lexicon

    military = counted_lexicon().get(counted, None)
    if military is not None and military.arms and not row.get("outcome"):
        return None  # "fired 34 missiles", "sent 14 tanks": one salvo or one delivery, not a referent
    implied = counted in outcome_classes()[1]  # "refugees": people who fled, said or not
    counted, cls = outcome_class(counted, row.get("outcome") or "", bool(military and military.military))
    side = side_key(ref.get("side"))
    place = place_key(ref.get("place_id"))
    if side and military and military.military and cls in WAR_LOSSES and _country(ref):
        place = ""  # "Russian soldiers killed in Ukraine" and "Russia lost 5,800 soldiers": one toll
    if not place and ref.get("place") and not ref.get("place_id"):
        place = "name:" + side_key(ref["place"])
    if not side and not place:
        return None  # about nobody and nowhere in particular
    if not place and (not cls or cls == STOCK_COUNTED_FLAG or not (row.get("outcome") or implied)):
        return None  # no place and no outcome (a one-off amount), or a stock of troops nowhere named
    if ref.get("scope") == "change":
        return None  # an increment ("3,000 more troops"): each is its own event, not a referent over time
    unit = row.get("unit") or "count"
    if row.get("currency"):
        unit += ":" + str(row["currency"])
    return "|".join([counted, side, cls, place, unit, scope_key(ref, row.get("published"))])


def _country(ref: dict[str, Any]) -> bool:
    """Whether the referent's place is a whole country: a party's own name ("Ukraine"; not a town or
    region in it), read from the side lexicon, not the gazetteer (no 10 s load for a refresh)."""
    name = str(ref.get("place") or "").lower()
    return bool(name) and side_lexicon().get(name, "").lower() == name


def split_key(key: str) -> dict[str, str]:
    """The parts of a quantity key by name."""
    counted, side, cls, place, unit, scope = key.split("|")
    return {"counted": counted, "side": side, "outcome": cls, "place": place, "unit": unit, "scope": scope}


def event_key(row: dict[str, Any]) -> str | None:
    """The key of an event row: its type and its actor's side ("attack|russia"), else its place
    ("retreat|@kherson"); None with neither. A place taken is keyed by the place ("seize|@popasna":
    who holds it is what is claimed and denied, and a denial seldom names the taker; a target that
    is a place stands for it). Targets and places are compared claim by claim."""
    place = side_key(row.get("place"))
    if row["type"] in PLACE_FIRST:
        target = row.get("target")
        if not place and target and _is_place(target):
            place = side_key(target)
        if place:
            return f"{row['type']}|@{place}"
    actor = actor_key(row.get("actor"))
    if actor:
        return f"{row['type']}|{actor}"
    return f"{row['type']}|@{place}" if place else None


def _is_place(name: str) -> bool:
    """A target written as a name that is no party's ("Popasna"; not "Ukraine's army")."""
    return name.strip()[:1].isupper() and party_of(name) is None


def actor_key(actor: str | None) -> str:
    """An event actor's key: its party, else its name when written as a name ("Wagner"); a common noun
    with no party ("some troops", "the military") keys nothing (the event keys by its place)."""
    if not actor:
        return ""
    if party_of(actor) or actor.strip()[:1].isupper():
        return side_key(actor)
    return ""


def stated_day(row: dict[str, Any]) -> str | None:
    """The claim's stated date when it is a day shortly before publication ("1,260 yesterday"), else None
    ("899 a day on average", "every day", no date said)."""
    published: str | None = row.get("published")
    stated = row.get("time")
    if isinstance(stated, str) and len(stated) >= 10 and stated[4] == "-" and published:
        try:
            s, p = dt.date.fromisoformat(stated[:10]), dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
        if 0 <= (p - s).days <= STATED_TIME_DAYS:
            return s.isoformat()
    return None


def claim_date(row: dict[str, Any]) -> str | None:
    """The day a claim is about: its stated date when that is a day shortly before publication, else
    the publication date."""
    published: str | None = row.get("published")
    return stated_day(row) or published


def source_of(row: dict[str, Any]) -> str:
    """Who stands for a claim when comparing claimants: the claimant, else the outlet, else the story."""
    who = claimant_key(row.get("claimant"))
    if who:
        return who
    if row.get("source"):
        return "outlet:" + str(row["source"]).lower()
    return "story:" + str(row.get("cluster") or row.get("document"))


def num(v: Any) -> Any:
    """A whole float as an int (JSON shows 100000, not 100000.0)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


# The rows claims are read from. A figure's claimant is dropped when it is only the outlet standing in
# (no statement holds the figure and the name is the outlet, the dateline's agency or "the report").
_QUANTITY_COLUMNS = """q.doc_id AS document, q.seq, q.id, q.text, q.start, q."end", q.low, q.high,
    q.qualifier, q.unit, q.currency, q.subject, q.outcome, q.place, q.time, q.vague, q.derived_from,
    CASE WHEN q.claimant_statement IS NULL AND (q.claimant IS d.source OR q.claimant = 'the report'
        OR instr(coalesce(d.dateline, ''), q.claimant) > 0) THEN NULL ELSE q.claimant END AS claimant,
    json_extract(q.json, '$.referent') AS referent,
    d.source, d.published, coalesce(d.cluster_id, d.id) AS cluster, d.rowid AS doc_order"""
_QUANTITY_FROM = "quantities q JOIN documents d ON d.id = q.doc_id"
_EVENT_COLUMNS = """e.doc_id AS document, e.seq, e.id, e.type, e.actor, e.target, e.place, e.time, e.status,
    e.source AS claimed_by, e.trigger, e.start, e."end", e.negated,
    substr(d.text, max(1, e.start - 39), min(e.start, 40)) AS before, substr(d.text, e."end" + 1, 8) AS after,
    d.source, d.published, coalesce(d.cluster_id, d.id) AS cluster, d.rowid AS doc_order"""
_EVENT_FROM = "events e JOIN documents d ON d.id = e.doc_id"


def _select(columns: str, source: str, alias: str, kind: str, where: str, keyed: bool) -> str:
    if keyed:  # the claim's stored key with it: "WHERE" then filters claim_keys (k.key IN ...)
        columns = "k.key, " + columns
        source = (
            f"claim_keys k JOIN {source.split(' ', 2)[0]} {alias} ON {alias}.doc_id = k.doc_id"
            f" AND {alias}.seq = k.seq AND k.kind = '{kind}' " + source.split(" ", 2)[2]
        )
    return f"SELECT {columns} FROM {source}" + (f" WHERE {where}" if where else "")


def quantity_rows(
    store: Store, where: str = "", params: Sequence[Any] = (), keyed: bool = False
) -> list[dict[str, Any]]:
    """Quantity rows with referent, place level, outlet, date and wire-copy cluster (`where` filters;
    `keyed`: joined with `claim_keys` as `k`, with its `key`)."""
    return store.rows(_select(_QUANTITY_COLUMNS, _QUANTITY_FROM, "q", "q", where, keyed), params)


def event_rows(
    store: Store, where: str = "", params: Sequence[Any] = (), keyed: bool = False
) -> list[dict[str, Any]]:
    """Event rows with outlet, date and wire-copy cluster (`where` and `keyed` as in `quantity_rows`)."""
    return store.rows(_select(_EVENT_COLUMNS, _EVENT_FROM, "e", "e", where, keyed), params)


IDENTITY_ROLES_MIN = 2  # role mentions an identity needs before its roles give a claimant's party


def attach_parties(store: Store, rows: list[dict[str, Any]]) -> None:
    """Give event rows whose claimant no lexicon places (`party_of` is None: "Liz Truss", "Mark Milley")
    the party of that person's cross-article identity (`claimant_party`): the one party its roles name
    ("Foreign Secretary of the United Kingdom"), read only when they name one party over at least
    IDENTITY_ROLES_MIN mentions; a person the record has met once, or in two camps, stays unplaced."""
    found: dict[str, str | None] = {}
    for r in rows:
        name = r.get("claimed_by")
        if not name or party_of(name) is not None:
            continue
        if name not in found:
            found[name] = _identity_party(store, claimant_key(name))
        if found[name]:
            r["claimant_party"] = found[name]


def _identity_party(store: Store, key: str) -> str | None:
    if not key.startswith("sn:"):
        return None  # a person's family-name key is what identities are filed under
    votes: dict[str, int] = {}
    for row in store.rows(
        "SELECT i.roles FROM identity_keys k JOIN identities i ON i.id = k.identity_id"
        " WHERE k.key = ? AND i.kind = 'person'",
        (key,),
    ):
        for role, n in json.loads(row["roles"] or "{}").items():
            party = party_of(role)
            if party:
                votes[party] = votes.get(party, 0) + int(n)
    if len(votes) == 1 and sum(votes.values()) >= IDENTITY_ROLES_MIN:
        return next(iter(votes))
    return None
