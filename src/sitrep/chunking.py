"""Long texts in pieces: paragraph-aligned chunks that no quotation crosses, and their reports merged
back into one report whose spans index the whole text.

A text longer than `chunk_chars()` (default 40,000 characters, `$SITREP_CHUNK_CHARS`; spaCy itself
refuses a Doc over 1,000,000) is cut at paragraph breaks that no quotation spans (a quote running
over several paragraphs, the wire convention, stays in one chunk), else at a paragraph break, a line
break, a sentence end or a space, in that order of preference. Each chunk is extracted as a document
of its own, one at a time, so memory stays that of one chunk. The chunk reports are merged: spans
shifted by the chunk's offset, ids renumbered across the whole text, references (speaker entity,
claimant and event statements, event quantities, derived figures) renumbered with them, and
entities of the same name and type merged into one. Texts over `max_chars()` (default 5,000,000,
`$SITREP_MAX_CHARS`) are refused.
"""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from .model import Report
from .quotes import find_quotes
from .text import paragraphs

DEFAULT_CHUNK_CHARS = 40_000
DEFAULT_MAX_CHARS = 5_000_000
MIN_CHUNK_CHARS = 1_000


def _env_int(name: str, default: int, minimum: int) -> int:
    raw = os.environ.get(name, "").replace("_", "").replace(",", "").strip()
    try:
        return max(minimum, int(raw)) if raw else default
    except ValueError:
        return default


def chunk_chars() -> int:
    """The longest text extracted in one piece ($SITREP_CHUNK_CHARS, default 40,000, at most spaCy's
    1,000,000)."""
    return min(_env_int("SITREP_CHUNK_CHARS", DEFAULT_CHUNK_CHARS, MIN_CHUNK_CHARS), 1_000_000)


def max_chars() -> int:
    """The longest text accepted at all ($SITREP_MAX_CHARS, default 5,000,000)."""
    return _env_int("SITREP_MAX_CHARS", DEFAULT_MAX_CHARS, 1)


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")


def _safe_breaks(text: str) -> tuple[list[int], list[int]]:
    """(paragraph starts outside any quotation, all paragraph starts after the first), ascending."""
    starts = [s for s, _e in paragraphs(text)][1:]
    quotes = sorted((q.start, q.end) for q in find_quotes(text))
    safe: list[int] = []
    k = 0
    for s in starts:
        while k < len(quotes) and quotes[k][1] <= s:
            k += 1
        if k < len(quotes) and quotes[k][0] < s:
            continue  # inside a quotation that runs on past this paragraph break
        safe.append(s)
    return safe, starts


def _last_before(points: list[int], lo: int, hi: int) -> int | None:
    """The largest point p with lo < p <= hi."""
    i = bisect_right(points, hi) - 1
    return points[i] if i >= 0 and points[i] > lo else None


def _fallback_cut(text: str, lo: int, hi: int) -> int:
    """A cut in (lo, hi] for a stretch without paragraph breaks: a line break, a sentence end, a space."""
    floor = lo + (hi - lo) // 2  # only the second half, so chunks stay large
    nl = text.rfind("\n", floor, hi)
    if nl >= 0:
        return nl + 1
    last = None
    for m in _SENTENCE_END.finditer(text, max(floor, hi - 20_000), hi):
        last = m.end()
    if last is not None:
        return last
    for ws in (" ", "\t"):
        sp = text.rfind(ws, floor, hi)
        if sp >= 0:
            return sp + 1
    cut = hi
    while cut > floor + 1 and unicodedata.combining(text[cut]):  # keep a letter with its accents
        cut -= 1
    return cut


def split_points(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """`[start, end)` chunks of at most `size` characters covering the whole text, cut where no
    quotation runs across (see the module docstring)."""
    size = size or chunk_chars()
    if len(text) <= size:
        return [(0, len(text))]
    safe, starts = _safe_breaks(text)
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        hi = start + size
        floor = start + size // 4  # a safe break far back would make a tiny chunk: prefer a plain one
        cut = (
            _last_before(safe, floor, hi) or _last_before(starts, floor, hi) or _fallback_cut(text, start, hi)
        )
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


# ---- merging ---------------------------------------------------------------------------------------

_SPAN_KEYS = ("span", "dateline_span")


def _shift(data: Any, offset: int) -> Any:
    """A dumped report item with every span moved by `offset` (in place; returns it)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _SPAN_KEYS and value is not None:
                data[key] = (value[0] + offset, value[1] + offset)
            elif key == "condition_spans":
                data[key] = [(a + offset, b + offset) for a, b in value]
            elif isinstance(value, (dict, list)):
                _shift(value, offset)
    elif isinstance(data, list):
        for value in data:
            _shift(value, offset)
    return data


def _unique(values: Iterable[Any]) -> list[Any]:
    """Values in order, repeats dropped (mentions compare by surface and span)."""
    seen: set[Any] = set()
    out: list[Any] = []
    for v in values:
        key = (v["text"], tuple(v["span"])) if isinstance(v, dict) else v
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def merge_reports(parts: list[tuple[int, Report]], document_id: str) -> Report:
    """One report from the reports of a text's chunks, given as (chunk offset, report) in text order."""
    if not parts:
        raise ValueError("no chunk reports to merge")
    first = parts[0][1].model_dump(by_alias=True)
    merged: dict[str, Any] = {
        "schema": first["schema"],
        "document": {**first["document"], "id": document_id},
        **{k: [] for k in ("entities", "statements", "quantities", "times", "places", "events", "positions")},
    }
    entity_by_key: dict[tuple[str, str], dict[str, Any]] = {}
    counters = {"s": 0, "q": 0, "v": 0, "p": 0}

    def new_id(prefix: str) -> str:
        counters[prefix] += 1
        return f"{prefix}{counters[prefix]}"

    for offset, report in parts:
        data = _shift(report.model_dump(by_alias=True), offset)
        ids: dict[str, str] = {}
        for ent in data["entities"]:
            key = (ent["name"], ent["type"])
            known = entity_by_key.get(key)
            if known is None:
                ent_id = f"e{len(entity_by_key) + 1}"
                ids[ent["id"]] = ent_id
                entity_by_key[key] = {**ent, "id": ent_id}
                merged["entities"].append(entity_by_key[key])
            else:
                ids[ent["id"]] = known["id"]
                for field in ("titles", "roles", "aliases", "mentions"):
                    known[field] = _unique([*known[field], *ent[field]])
        for kind, prefix in (("statements", "s"), ("quantities", "q"), ("events", "v"), ("positions", "p")):
            for item in data[kind]:
                if item.get("id"):
                    ids[item["id"]] = new_id(prefix)

        def ref(old: str | None, ids: dict[str, str] = ids) -> str | None:
            return ids.get(old, old) if old else old

        for st in data["statements"]:
            st["id"] = ids[st["id"]]
            if st.get("speaker"):
                st["speaker"]["entity"] = ref(st["speaker"].get("entity"))
            merged["statements"].append(st)
        for q in data["quantities"]:
            q["id"] = ids[q["id"]]
            q["derived_from"] = ref(q.get("derived_from"))
            if q.get("claimant"):
                q["claimant"]["statement"] = ref(q["claimant"].get("statement"))
            merged["quantities"].append(q)
        for ev in data["events"]:
            ev["id"] = ids[ev["id"]]
            ev["statement"] = ref(ev.get("statement"))
            ev["quantities"] = [ref(x) for x in ev.get("quantities", [])]
            merged["events"].append(ev)
        for pos in data["positions"]:
            if pos.get("id"):
                pos["id"] = ids[pos["id"]]
            pos["statement"] = ref(pos.get("statement"))
            merged["positions"].append(pos)
        merged["times"].extend(data["times"])
        merged["places"].extend(data["places"])
    for ent in merged["entities"]:
        ent["mentions"].sort(key=lambda m: tuple(m["span"]))
    return Report.model_validate(merged)
