"""Cross-article resolution: one global id for the same person, organisation or place in many documents.

People match on a name key (titles dropped, ASCII-folded, transliteration variants folded:
"Zelenskyy", "Zelensky", "Zelenskiy" -> "zelensky"); a bare surname ("Milley") joins the one full
name with that surname ("Gen. Mark Milley"), preferring one from the same document. Organisations
and other named things match on their folded full name or any alias; places on the gazetteer entry.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

from ..store.db import Store

_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    text = resources.files("sitrep").joinpath("data/record_titles.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _translit() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("sitrep").joinpath("data/record_translit.tsv").read_text(encoding="utf-8")
    rules = []
    for ln in text.splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        pattern, _, repl = ln.partition("\t")
        rules.append((re.compile(pattern), repl.replace("\\1", "\\g<1>")))
    return tuple(rules)


def fold(text: str) -> str:
    """Lower-case ASCII: accents stripped, apostrophes dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower().replace("'", "").replace("\u2019", "")


def _translit_token(token: str) -> str:
    for pattern, repl in _translit():
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=1 << 16)
def _name_tokens(name: str) -> tuple[str, ...]:
    """A person's name as folded tokens: leading titles and initials dropped, variants folded."""
    tokens = _TOKEN.findall(fold(name))
    titles = _titles()
    while len(tokens) > 1 and tokens[0] in titles:
        tokens = tokens[1:]
    if len(tokens) == 1 and tokens[0] in titles:
        return ()
    tokens = [t for t in tokens if len(t) > 1 or len(tokens) == 1]
    return tuple(_translit_token(t) for t in tokens)


def name_tokens(name: str) -> list[str]:
    """A person's name as folded tokens: leading titles and initials dropped, variants folded."""
    return list(_name_tokens(name))


def name_key(name: str) -> str:
    """The matching key of a person's name ("Gen. Mark A. Milley" -> "mark miley")."""
    return " ".join(name_tokens(name))


@lru_cache(maxsize=1 << 16)
def org_key(name: str) -> str:
    """The matching key of an organisation or other named thing (folded, leading 'the' dropped)."""
    tokens = _TOKEN.findall(fold(name))
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve_rows(entities: list[dict[str, Any]]) -> tuple[dict[tuple[str, int], str], list[dict[str, Any]]]:
    """Group entity rows ({doc_id, seq, name, type, aliases}) into global entities.

    Returns ({(doc_id, seq): global_id}, [global entity {id, name, type, aliases, documents}]).
    """
    uf = _UnionFind()
    node_of: dict[tuple[str, int], str] = {}
    surnames: dict[str, set[str]] = defaultdict(set)  # surname key -> full-name nodes
    doc_full: dict[tuple[str, str], set[str]] = defaultdict(set)  # (doc, surname) -> full-name nodes
    pending: list[tuple[tuple[str, int], str, str]] = []
    for e in entities:
        rid = (e["doc_id"], e["seq"])
        etype = e["type"]
        if etype == "PERSON":
            tokens = name_tokens(e["name"])
            if not tokens:
                continue
            if len(tokens) == 1:
                pending.append((rid, tokens[0], e["doc_id"]))
                continue
            node = "PERSON:" + " ".join(tokens)
            uf.find(node)
            surnames[tokens[-1]].add(node)
            doc_full[(e["doc_id"], tokens[-1])].add(node)
            for alias in e.get("aliases") or []:
                at = name_tokens(alias)
                if len(at) > 1 and at[-1] == tokens[-1]:
                    uf.union(node, "PERSON:" + " ".join(at))
        else:
            key = org_key(e["name"])
            if not key:
                continue
            node = f"{etype}:{key}"
            uf.find(node)
            for alias in e.get("aliases") or []:
                ak = org_key(alias)
                if ak and len(ak) > 2:
                    uf.union(node, f"{etype}:{ak}")
        node_of[rid] = node
    for rid, surname, doc_id in pending:
        local = {uf.find(n) for n in doc_full.get((doc_id, surname), set())}
        corpus = {uf.find(n) for n in surnames.get(surname, set())}
        if len(local) == 1:
            node_of[rid] = next(iter(local))
        elif len(corpus) == 1:
            node_of[rid] = next(iter(corpus))
        else:
            node_of[rid] = uf.find("PERSON:" + surname)

    by_root: dict[str, list[dict[str, Any]]] = defaultdict(list)
    row_by_id = {(e["doc_id"], e["seq"]): e for e in entities}
    for rid, node in node_of.items():
        by_root[uf.find(node)].append(row_by_id[rid])
    mapping: dict[tuple[str, int], str] = {}
    groups = []
    for root, rows in by_root.items():
        etype = root.split(":", 1)[0]
        names = Counter(r["name"] for r in rows)
        best = max(names, key=lambda n: _name_rank(n, etype, names[n]))
        key = name_key(best) if etype == "PERSON" else org_key(best)
        gid = f"{etype.lower()}:{key.replace(' ', '-')}"
        aliases = sorted({a for r in rows for a in [r["name"], *(r.get("aliases") or [])]})
        groups.append(
            {
                "id": gid,
                "name": best,
                "type": etype,
                "aliases": aliases,
                "documents": len({r["doc_id"] for r in rows}),
            }
        )
        for r in rows:
            mapping[(r["doc_id"], r["seq"])] = gid
    return mapping, _merge_same_ids(groups)


def _name_rank(name: str, etype: str, count: int) -> tuple[int, int, int, int]:
    """Prefer full names, then names without titles, then the most frequent, then the shortest."""
    if etype != "PERSON":
        return (0, 0, count, -len(name))
    tokens = name_tokens(name)
    untitled = int(len(_TOKEN.findall(fold(name))) == len(tokens))
    return (len(tokens), untitled, count, -len(name))


def _merge_same_ids(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for g in groups:
        if g["id"] in out:
            o = out[g["id"]]
            o["aliases"] = sorted(set(o["aliases"]) | set(g["aliases"]))
            o["documents"] += g["documents"]
        else:
            out[g["id"]] = g
    return sorted(out.values(), key=lambda g: g["id"])


def resolve_entities(store: Store) -> int:
    """Recompute global entities for every stored entity and place; return how many there are."""
    rows = []
    for r in store.rows(
        "SELECT doc_id, seq, name, type, json_extract(json, '$.aliases') AS aliases, global_id FROM entities"
    ):
        r["aliases"] = json.loads(r["aliases"]) if r["aliases"] else []
        rows.append(r)
    mapping, groups = resolve_rows(rows)
    places: dict[str, dict[str, Any]] = {}
    place_ids: list[tuple[str, str, int]] = []
    for p in store.rows("SELECT doc_id, seq, text, name, gazetteer_id, global_id FROM places"):
        gid = "place:" + (p["gazetteer_id"] or org_key(p["name"]).replace(" ", "-"))
        g = places.setdefault(
            gid, {"id": gid, "name": p["name"], "type": "PLACE", "aliases": set(), "docs": set()}
        )
        g["aliases"].update({p["text"], p["name"]})
        g["docs"].add(p["doc_id"])
        if p["global_id"] != gid:
            place_ids.append((gid, p["doc_id"], p["seq"]))
    for g in places.values():
        groups.append(
            {
                "id": g["id"],
                "name": g["name"],
                "type": "PLACE",
                "aliases": sorted(g["aliases"]),
                "documents": len(g["docs"]),
            }
        )
    with store.transaction() as con:
        con.execute("DELETE FROM global_entities")
        con.executemany(
            "INSERT OR REPLACE INTO global_entities (id, name, type, aliases, documents) VALUES (?,?,?,?,?)",
            [
                (g["id"], g["name"], g["type"], json.dumps(g["aliases"], ensure_ascii=False), g["documents"])
                for g in groups
            ],
        )
        # only rows whose global id changed are written: a small ingest into a big store stays cheap
        changed = [
            (mapping.get((r["doc_id"], r["seq"])), r["doc_id"], r["seq"])
            for r in rows
            if mapping.get((r["doc_id"], r["seq"])) != r["global_id"]
        ]
        con.executemany("UPDATE entities SET global_id = ? WHERE doc_id = ? AND seq = ?", changed)
        con.executemany("UPDATE places SET global_id = ? WHERE doc_id = ? AND seq = ?", place_ids)
    return len(groups)
