"""The times lexicon (data/times_lexicon.json) and the regex fragments built from it."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "data" / "times_lexicon.json"

TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The parsed lexicon file."""
    table: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return table


def alt(words: list[str] | tuple[str, ...] | Any) -> str:
    """A regex alternation of literal words, longest first, spaces matching any whitespace."""
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


def lower_keys(table: dict[str, Any]) -> dict[str, Any]:
    """Keys lower-cased with whitespace collapsed, for lookups of matched text."""
    return {" ".join(k.lower().split()): v for k, v in table.items()}


def norm(text: str) -> str:
    """Lower-cased text with runs of whitespace collapsed."""
    return " ".join(text.lower().split())


@lru_cache(maxsize=1)
def fragments() -> dict[str, str]:
    """Named regex fragments (MONTH, WD, NUM, UNIT, ...) built from the lexicon."""
    lex = lexicon()
    simple = [w for w in lex["numbers"] if w not in TENS]
    tens = alt(TENS)
    ones = alt(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
    numw = rf"(?:(?:{tens})(?:[\s-]+(?:{ones}))?|{alt(simple)})"
    num = rf"(?:\d+(?:[.,]\d+)?|(?i:{numw}))"
    ords = alt(list(lex["ordinals"]))
    spelled_year = (
        rf"(?i:(?:nineteen|eighteen)[\s-]+(?:{tens})(?:[\s-]+(?:{ones}))?|"
        rf"two\s+thousand(?:\s+and)?(?:[\s-]+(?:{ones}|ten|eleven|twelve|thirteen|fourteen|fifteen|"
        rf"sixteen|seventeen|eighteen|nineteen|twenty))?)"
    )
    return {
        "YEAR": rf"(?:\d{{4}}|{spelled_year})",
        "MONTH": alt(list(lex["months"])),
        "WD": rf"(?i:{alt(list(lex['weekdays']))})",
        "NUM": num,
        "NUMW": numw,
        "UNIT": rf"(?i:{alt(list(lex['units']))})",
        "ORD": rf"(?i:{ords}|\d{{1,2}}(?:st|nd|rd|th))",
        "VAGUE": rf"(?i:{alt(lex['vague_amounts'])})",
        "APPROX": rf"(?i:{alt(list(lex['approx_mods']))})",
        "POSMOD": r"(?i:early|earlier|late|later|mid|end|start|"
        r"the\s+(?:start|beginning|end|middle|close)\s+of)",
        "DAYPART": r"(?i:morning|afternoon|evening|night|dawn|dusk|daybreak|nightfall)",
        "SEASON": r"(?i:spring|summer|autumn|winter|fall)",
        "NEGATIVE": alt(lex["not_times"]),
        "REFS": alt([k for k, v in lex["refs"].items() if v]),
        "SETS": alt([k for k, v in lex["sets"].items() if v]),
        "HOLIDAY": alt(list(lex["holidays"])),
    }


def parse_number(text: str) -> float | None:
    """Value of a numeral or an English number phrase ("twenty four", "a couple of", "3")."""
    t = norm(text).replace("-", " ").replace(",", "")
    if not t:
        return None
    try:
        return float(t)
    except ValueError:
        pass
    nums = lower_keys(lexicon()["numbers"])
    if t in nums:
        return float(nums[t])
    total = 0.0
    for word in t.split():
        if word in nums:
            total += nums[word]
        else:
            return None
    return total or None


def parse_year(text: str) -> int | None:
    """A year written in digits or words ("1994", "nineteen ninety-four", "two thousand and three")."""
    t = norm(text).replace("-", " ")
    if t.isdigit():
        return int(t)
    words = t.split()
    if words[:1] in (["nineteen"], ["eighteen"]):
        rest = parse_number(" ".join(words[1:]))
        return (19 if words[0] == "nineteen" else 18) * 100 + int(rest) if rest and rest < 100 else None
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        return 2000 + int(rest) if rest is not None and rest < 100 else None
    return None


def position_mod(text: str | None) -> str | None:
    """TIMEX3 mod (START, END, MID) of a position word such as "early" or "the end of"."""
    if not text:
        return None
    t = norm(text).rstrip("-")
    table = lower_keys(lexicon()["position_mods"])
    if t in table:
        return str(table[t])
    if t in ("end",):
        return "END"
    if t in ("start",):
        return "START"
    return None
