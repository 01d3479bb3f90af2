"""Place mentions resolved offline to gazetteer entries with coordinates.

Candidates come from the wire dateline, spaCy's GPE/LOC/FAC entities, names the small model
mislabels (PERSON/ORG "Kherson", ORG "the Dnieper") and a scan of capitalized words against the
gazetteer (`places/candidates.py`; the tests on a name are in `places/evidence.py`). Each is resolved
by a prior (population or feature weight, see `gazetteer.py`) plus the document's own geography:
places found unambiguously elsewhere in the text pull same-country candidates up ("Georgia" beside
"Atlanta" is the US state), cue words restrict the feature ("the Kherson region", "city of X",
"X River"), and the dateline's country hint wins.

Adjectival forms ("Ukrainian", "Kurdish") are not place mentions by default: a sitrep record lists
where things happen, not who is described. `demonyms=True` adds them (GeoWebNews-style evaluation).
"""

from __future__ import annotations

import math
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ...extensions import ensure_extensions
from ...gazetteer import Entry, distance_km, load, normalize
from ...model import Place
from ...text import doc_text
from .candidates import CandidateFinder
from .evidence import Mention

SUBNATIONAL = frozenset({"city", "region", "state"})
ALT_PENALTY = 1.2  # a name that is only an alternate (often a historic or foreign) name of the entry
# proximity to the document's confidently resolved sub-national places: (within km, bonus)
NEAR_BONUS = ((150.0, 1.5), (500.0, 1.0), (1000.0, 0.4))
MAX_CONTEXT = 2.5
BASE_CONFIDENCE = {"dateline": 0.95, "dateline_region": 0.95, "ent": 0.9, "scan": 0.75, "demonym": 0.7}


def _candidates(m: Mention) -> list[tuple[Entry, float]]:
    """Gazetteer entries for a mention with their prior score, near-duplicates merged."""
    gaz = load()
    found = gaz.lookup(m.key)
    if m.features:
        restricted = [(e, main) for e, main in found if e.feature in m.features]
        found = restricted or found
    if m.source == "dateline":
        cities = [(e, main) for e, main in found if e.feature == "city"]
        found = cities or found
    ranked = sorted(
        ((e, e.prior + (0.3 if main else -ALT_PENALTY)) for e, main in found), key=lambda t: -t[1]
    )
    merged: list[tuple[Entry, float]] = []
    for e, score in ranked:
        if any(o.country == e.country and distance_km(o.lat, o.lon, e.lat, e.lon) < 30 for o, _s in merged):
            continue
        merged.append((e, score))
    return merged


def _near_bonus(e: Entry, anchors: list[Entry]) -> float:
    """Support from the nearest other confidently resolved sub-national place."""
    if e.feature not in SUBNATIONAL or not anchors:
        return 0.0
    d = min(distance_km(e.lat, e.lon, a.lat, a.lon) for a in anchors)
    return next((b for km, b in NEAR_BONUS if d <= km), 0.0)


def _context_bonus(e: Entry, strong: Counter[str], weak: Counter[str]) -> float:
    """How much the rest of the document supports entry `e` through its country's other mentions."""
    if e.country is None:
        return 0.0
    bonus = 0.0
    n = strong.get(e.country, 0)
    if n:
        bonus += min(1.75, 1.0 + 0.25 * (n - 1))
    if weak.get(e.country) and e.feature != "country":
        bonus += 1.0
    elif e.feature != "country":
        gaz = load()
        if any(weak.get(nb) or strong.get(nb) for nb in gaz.neighbours.get(e.country, ())):
            bonus += 0.3
    return bonus


def _support(
    e: Entry, strong: Counter[str], weak: Counter[str], near: list[Entry], hint: str | None
) -> float:
    """All document support for `e`, capped so that context never outweighs a city of 300 times the size."""
    # Small places are named in local news: they need nearby places, country mentions help them less.
    scale = min(1.0, max(0.3, (e.prior - 3.0) / 3.0))
    bonus = min(MAX_CONTEXT, scale * _context_bonus(e, strong, weak) + _near_bonus(e, near))
    if hint and e.country == hint:
        bonus += 3.0
    return bonus


def _distinct_points(entries: list[Entry]) -> list[Entry]:
    """The entries with the coordinates of an earlier one dropped (a nearest distance is the same)."""
    seen: set[tuple[float, float]] = set()
    out = []
    for e in entries:
        point = (e.lat, e.lon)
        if point not in seen:
            seen.add(point)
            out.append(e)
    return out


def resolve(mentions: list[Mention], text: str) -> list[Place]:
    """Each mention resolved to its best entry in the light of the document's other places."""
    cands = [_candidates(m) for m in mentions]
    strong: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    confident: list[tuple[str, bool] | None] = []
    anchors: list[tuple[int, Entry]] = []
    for k, (m, cs) in enumerate(zip(mentions, cands, strict=True)):
        if not cs:
            confident.append(None)
            continue
        top, score = cs[0]
        margin = score - cs[1][1] if len(cs) > 1 else 9.0
        if top.country and (margin >= 1.0 or m.country_hint == top.country):
            sub = top.feature in SUBNATIONAL
            (strong if sub else weak)[top.country] += 1
            confident.append((top.country, sub))
            if sub:
                anchors.append((k, top))
        else:
            confident.append(None)
    scored: list[list[tuple[Entry, float]]] = []
    anchor_keys = [(j, a, normalize(a.name)) for j, a in anchors]
    for k, (m, cs) in enumerate(zip(mentions, cands, strict=True)):
        own = confident[k]
        s_ctx, w_ctx = strong.copy(), weak.copy()
        if own is not None:
            (s_ctx if own[1] else w_ctx)[own[0]] -= 1
        key = normalize(m.key)
        near = _distinct_points([a for j, a, ak in anchor_keys if j != k and ak != key])
        scored.append(
            sorted(
                ((e, p + _support(e, s_ctx, w_ctx, near, m.country_hint)) for e, p in cs), key=lambda t: -t[1]
            )
        )
    chosen = _one_sense_per_discourse(mentions, scored)
    home = _home_country(scored, chosen)
    places: list[Place] = []
    for m, ranked, best in zip(mentions, scored, chosen, strict=True):
        if best is None:
            if m.source == "cue":  # "the town of Pauktaw": a place the gazetteer lacks
                places.append(
                    Place(
                        text=text[m.start : m.end],
                        span=(m.start, m.end),
                        name=m.key,
                        country=home,
                        lat=None,
                        lon=None,
                        feature=next(iter(m.features or {"city"})),
                        gazetteer_id=None,
                        confidence=0.5,
                    )
                )
            continue
        score = next(sc for e, sc in ranked if e is best)
        others = [sc for e, sc in ranked if e is not best]
        margin = score - max(others) if others else 4.0
        conf = BASE_CONFIDENCE.get(m.source, 0.7) * (0.55 + 0.45 * (1 - math.exp(-max(margin, 0.0))))
        places.append(
            Place(
                text=text[m.start : m.end],
                span=(m.start, m.end),
                name=best.name,
                country=best.country,
                lat=round(best.lat, 4),
                lon=round(best.lon, 4),
                feature=best.feature,
                gazetteer_id=best.gid,
                confidence=round(conf, 3),
            )
        )
    return places


def _home_country(scored: list[list[tuple[Entry, float]]], chosen: list[Entry | None]) -> str | None:
    """The country most of the document's resolved sub-national places lie in (else its countries)."""
    sub = Counter(e.country for e in chosen if e is not None and e.country and e.feature != "country")
    if not sub:
        sub = Counter(e.country for e in chosen if e is not None and e.country)
    return sub.most_common(1)[0][0] if sub else None


def _one_sense_per_discourse(
    mentions: list[Mention], scored: list[list[tuple[Entry, float]]]
) -> list[Entry | None]:
    """The entry for each mention: one reading per name in a document (its scores summed over mentions)."""
    groups: dict[str, list[int]] = {}
    for k, m in enumerate(mentions):
        if scored[k]:
            groups.setdefault(normalize(m.key), []).append(k)
    chosen: list[Entry | None] = [r[0][0] if r else None for r in scored]
    for members in groups.values():
        if len(members) < 2:
            continue
        total: dict[str, float] = {}
        entry_by_gid: dict[str, Entry] = {}
        for k in members:
            for e, sc in scored[k]:
                total[e.gid] = total.get(e.gid, 0.0) + sc
                entry_by_gid[e.gid] = e
        for gid in sorted(total, key=lambda g: -total[g]):
            holders = [k for k in members if any(e.gid == gid for e, _s in scored[k])]
            if len(holders) > 1:
                for k in holders:
                    chosen[k] = next(e for e, _s in scored[k] if e.gid == gid)
                break
    return chosen


def find_places(doc: Doc, demonyms: bool = False) -> list[Place]:
    """Place mentions resolved offline to gazetteer entries with coordinates."""
    document = doc._.sitrep_document
    dateline = getattr(document, "dateline", None)
    dateline_span = getattr(document, "dateline_span", None)
    finder = CandidateFinder(doc, load(), demonyms=demonyms)
    mentions = finder.find(tuple(dateline_span) if dateline_span else None, dateline)
    return resolve(mentions, doc_text(doc))


class PlacesComponent:
    """Sets `doc._.sitrep_places`."""

    def __init__(self, demonyms: bool = False) -> None:
        self.demonyms = demonyms

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_places = find_places(doc, demonyms=self.demonyms)
        return doc


@Language.factory(
    "sitrep_places",
    assigns=["doc._.sitrep_places"],
    requires=["doc.ents", "doc._.sitrep_document"],
    default_config={"demonyms": False},
)
def make_places_component(nlp: Language, name: str, demonyms: bool = False) -> PlacesComponent:
    """Factory of the places component (`demonyms`: also resolve "Ukrainian"-style adjectives)."""
    ensure_extensions()
    return PlacesComponent(demonyms=demonyms)
