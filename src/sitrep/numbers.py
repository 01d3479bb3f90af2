"""Number words and numerals to values, with the words that bound them ("as many as 40,000").

Works on a sequence of words (token texts) so that callers keep their own offsets: `read_amount`
returns word indices. `parse_number` and `parse_amount` are string conveniences for one phrase.
The vocabularies live in `data/numbers_words.tsv`, `data/quantities_vague.tsv` and
`data/quantities_modifiers.tsv`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
QUOTES = {'"', "'", "“", "”", "‘", "’", "``", "''", "(", ")"}
DASHES = {"-", "–", "—", "to"}
_NUMERAL = re.compile(r"^[+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]+)$")
_DASH_RANGE = re.compile(
    r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)[-–—]((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$"
)
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_FRACTION = re.compile(r"^(\d+)?([½¼¾])$")
_WORD_SPLIT = re.compile(r"\d[\d,.]*\d(?:[–-]\d[\d,.]*\d)?[a-z]*|\d[a-z]*|[A-Za-z]+\.?|[^\sA-Za-z\d]")


def _rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n").split("\t"))
    return out


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[float, str]]:
    """word -> (value, kind) for unit, ten, scale and suffix words."""
    return {r[0]: (float(r[1]), r[2]) for r in _rows("numbers_words.tsv")}


@lru_cache(maxsize=1)
def vague_words() -> dict[tuple[str, ...], tuple[float, float]]:
    """Vague quantifier phrase (as a word tuple) -> documented (low, high)."""
    return {tuple(r[0].split()): (float(r[1]), float(r[2])) for r in _rows("quantities_vague.tsv")}


@lru_cache(maxsize=1)
def modifiers() -> dict[str, dict[tuple[str, ...], tuple[str, bool]]]:
    """position ('pre'|'post') -> phrase words -> (qualifier, is_hedge)."""
    out: dict[str, dict[tuple[str, ...], tuple[str, bool]]] = {"pre": {}, "post": {}}
    for r in _rows("quantities_modifiers.tsv"):
        out[r[2]][tuple(r[0].split())] = (r[1], r[3] == "1")
    return out


# Larger than any real count or sum (a quadrillion): a numeral beyond it is not a figure (309 digits
# would even overflow to infinity), so no infinity or NaN ever reaches a report, the store or a chart.
MAX_FIGURE = 1e15


def is_figure(value: float) -> bool:
    """True for a finite value no larger than MAX_FIGURE."""
    return math.isfinite(value) and abs(value) <= MAX_FIGURE


def _num(value: float) -> float | int:
    """An int when the value is integral, else the float; rounded to 12 significant digits, so that
    8.2 * 1e6 is 8200000, not 8199999.999999999."""
    value = float(f"{value:.12g}")
    return int(value) if value.is_integer() else value


def parse_numeral(word: str) -> float | int | None:
    """The value of one numeral token: '1,351' -> 1351, '1.5' -> 1.5, '40k' -> 40000, else None."""
    w = word.lower().lstrip("+")
    value: float | None = None
    if _NUMERAL.match(w):
        value = float(w.replace(",", ""))
    elif (f := _FRACTION.match(w)) and (f.group(1) or len(w) == 1):
        value = float(f.group(1) or 0) + _FRACTIONS[f.group(2)]  # "1½ million", "2¼"
    elif m := _SUFFIXED.match(w):
        suf = number_words().get(m.group(2))
        if suf and suf[1] == "suffix":
            value = float(m.group(1).replace(",", "")) * suf[0]
    return _num(value) if value is not None and is_figure(value) else None


@dataclass(frozen=True)
class Amount:
    """A number expression found at words[start:end], with its bounds as claimed."""

    start: int
    end: int
    low: float | int | None
    high: float | int | None
    qualifier: str
    vague: bool = False
    hedges: tuple[str, ...] = ()
    core_start: int = 0  # first word of the number itself (after bounding words)
    words: tuple[str, ...] = field(default=(), compare=False)
    unit: str | None = None  # a unit the words themselves give: "percent" for shares, "times" for multipliers


def _low(words: Sequence[str], i: int) -> str:
    return words[i].lower() if 0 <= i < len(words) else ""


def read_number(words: Sequence[str], i: int) -> tuple[float | int, int] | None:
    """A single number starting at words[i] ('forty thousand', '1.5 million', 'half a million', 'a dozen',
    'two and a half million', 'a million and a half')."""
    from .numbers_ratios import and_a_half  # reads on with this module's readers

    return and_a_half(words, _read_number(words, i))


def _read_number(words: Sequence[str], i: int) -> tuple[float | int, int] | None:
    """read_number without a trailing 'and a half'."""
    vocab = number_words()
    n = len(words)
    j = i
    w = _low(words, j)
    # "a dozen", "a hundred", "half a million", "a half million"
    mult: float | None = None
    if w in ("a", "an") and vocab.get(_low(words, j + 1), (0, ""))[1] == "scale":
        k = j + 2 + (_low(words, j + 2) == "and")
        if _low(words, j + 1) == "hundred" and vocab.get(_low(words, k), (0, ""))[1] in ("unit", "ten"):
            return _read_words(words, j + 1, 1.0)  # "a hundred thirty million", "a hundred and fifty"
        mult, j = 1.0, j + 1
    elif (
        w == "a"
        and _low(words, j + 1) == "couple"
        and vocab.get(_low(words, j + 2 + (_low(words, j + 2) == "of")), (0, ""))[1] == "scale"
    ):
        mult, j = 2.0, j + 2 + (_low(words, j + 2) == "of")  # "a couple (of) hundred": about two hundred
    elif (
        w in ("a", "one", "three")
        and _low(words, j + 1) in ("quarter", "quarters")
        and _low(words, j + 2) == "of"
        and _low(words, j + 3) in ("a", "an")
        and vocab.get(_low(words, j + 4), (0, ""))[1] == "scale"
    ):
        mult, j = (0.75 if w == "three" else 0.25), j + 4  # "a quarter of a million"
    elif (
        w == "half"
        and _low(words, j + 1) in ("a", "an")
        and vocab.get(_low(words, j + 2), (0, ""))[1] == "scale"
    ):
        mult, j = 0.5, j + 2
    elif (
        w in ("a", "an")
        and _low(words, j + 1) == "half"
        and vocab.get(_low(words, j + 2), (0, ""))[1] == "scale"
    ):
        mult, j = 0.5, j + 2
    if mult is not None:
        total = mult
        while j < n and vocab.get(_low(words, j), (0, ""))[1] == "scale":
            total *= vocab[_low(words, j)][0]
            j += 1
        return (_num(total), j) if is_figure(total) else None
    numeral = parse_numeral(w) if j < n else None
    if numeral is not None:
        value = float(numeral)
        j += 1
        if _GROUP_HEAD.match(w):
            while _GROUP.match(_low(words, j)) and _low(words, j + 1) not in _measure_words():
                value, j = value * 1000 + int(_low(words, j)), j + 1  # "473 400": a space between thousands
        scale = 1.0
        while j < n and vocab.get(_low(words, j), (0, ""))[1] == "scale" and _low(words, j) != "score":
            scale *= vocab[_low(words, j)][0]
            j += 1
        value *= scale
        got = _add_smaller(words, j, value, scale)
        return got if is_figure(got[0]) else None
    return _read_words(words, j, 0.0)


@lru_cache(maxsize=1)
def _measure_words() -> frozenset[str]:
    """Measure nouns ('mm', 'km', 'tonnes'): '20 120 mm mortars' is 20 of a 120 mm calibre, not 20,120."""
    return frozenset(r[0] for r in _rows("quantities_units.tsv") if len(r) > 2) | frozenset({"-"})


_GROUP_HEAD = re.compile(r"^\d{1,3}$")
_GROUP = re.compile(r"^\d{3}$")


def _add_smaller(words: Sequence[str], j: int, value: float, scale: float) -> tuple[float | int, int]:
    """'2 billion 980 million', '$ 11 billion $ 700 million': a smaller scale after a larger one adds."""
    vocab = number_words()
    while scale >= 1000:
        k = j + (_low(words, j) in CURRENCY_SIGNS)
        part = parse_numeral(_low(words, k))
        nxt = vocab.get(_low(words, k + 1), (0.0, ""))
        if part is None or nxt[1] != "scale" or not 1000 <= nxt[0] < scale or not 0 < part < scale / nxt[0]:
            break
        value, scale, j = value + part * nxt[0], nxt[0], k + 2
    return _num(value), j


def _read_words(words: Sequence[str], j: int, current: float) -> tuple[float | int, int] | None:
    """Number words from words[j] ('forty-five thousand'), starting from a running value."""
    vocab = number_words()
    n = len(words)
    total = 0.0
    seen = current > 0
    last_kind = "unit" if seen else ""
    while j < n:
        w = _low(words, j)
        entry = vocab.get(w)
        if entry and entry[1] in ("unit", "ten"):
            if seen and last_kind in ("unit",) or (last_kind == "ten" and entry[1] == "ten"):
                break
            current += entry[0]
            last_kind = entry[1]
            seen = True
            j += 1
        elif entry and entry[1] == "scale" and seen:
            if entry[0] == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * entry[0]
                current = 0
            last_kind = "scale"
            j += 1
        elif w == "-" and last_kind == "ten" and vocab.get(_low(words, j + 1), (0, ""))[1] == "unit":
            j += 1
        elif (
            w == "and"
            and last_kind == "scale"
            and vocab.get(_low(words, j + 1), (0, ""))[1] in ("unit", "ten")
        ):
            j += 1
        else:
            break
    if not seen or not is_figure(total + current):
        return None
    return _num(total + current), j


_TABLE_INFO: dict[int, tuple[Mapping[tuple[str, ...], object], int, frozenset[str]]] = {}


def _table_info(table: Mapping[tuple[str, ...], object]) -> tuple[int, frozenset[str]]:
    """(longest phrase length, first words) of a phrase table, computed once per table."""
    got = _TABLE_INFO.get(id(table))
    if got is None or got[0] is not table:
        got = (table, max((len(k) for k in table), default=0), frozenset(k[0] for k in table if k))
        _TABLE_INFO[id(table)] = got
    return got[1], got[2]


def _match(
    words: Sequence[str], i: int, table: Mapping[tuple[str, ...], object]
) -> tuple[tuple[str, ...], int] | None:
    """Longest phrase of `table` starting at words[i] (quote marks inside are skipped)."""
    longest, firsts = _table_info(table)
    if _low(words, i) not in firsts:
        return None  # every phrase starts with words[i] itself (quotes are skipped only inside)
    got: list[str] = []
    ends: list[int] = []
    j = i
    n = len(words)
    while j < n and len(got) < longest:
        w = words[j].lower()
        j += 1
        if w in QUOTES and got:
            continue
        got.append(w)
        ends.append(j)
    for size in range(len(got), 0, -1):
        key = tuple(got[:size])
        if key in table:
            return key, ends[size - 1]
    return None


def _read_core(words: Sequence[str], i: int) -> tuple[float | int, float | int, bool, int] | None:
    """(low, high, vague, end) of a number or a vague quantifier at words[i]."""
    w = _low(words, i)
    m = _DASH_RANGE.match(w)
    if m:
        a, b = parse_numeral(m.group(1)), parse_numeral(m.group(2))
        if a is not None and b is not None and a < b:
            return a, b, False, i + 1
    vague = _match(words, i, vague_words())
    if vague:
        key, j = vague
        lo, hi = vague_words()[key]
        scale = number_words().get(_low(words, j))
        if scale and scale[1] == "scale" and key[-1] in ("several", "few", "handful"):
            factor, j = scale[0], j + 1
            nxt = number_words().get(_low(words, j))
            while nxt and nxt[1] == "scale" and nxt[0] > factor:  # "several hundred thousand"
                factor, j = factor * nxt[0], j + 1
                nxt = number_words().get(_low(words, j))
            if not is_figure(hi * factor):
                return None
            return _num(lo * factor), _num(hi * factor), True, j
        if key[-1] in ("several", "few", "handful"):
            return _num(lo), _num(hi), True, j
        return _num(lo), _num(hi), True, j
    got = read_number(words, i)
    if got:
        return got[0], got[0], False, got[1]
    return None


CURRENCY_SIGNS = frozenset(
    {"$", "€", "£", "¥", "us$", "c$", "a$", "eur", "usd", "pln", "uah", "rub", "gbp", "chf"}
)


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Lower-cased words that can open a number expression (besides numerals)."""
    from .numbers_ratios import ratio_words

    out = set(QUOTES) | {"between", "from", "a", "an", "half"} | set(ratio_words())
    out |= {w for w, (_, kind) in number_words().items() if kind in ("unit", "ten")}
    out |= {k[0] for k in vague_words() if k}
    out |= {k[0] for k in modifiers()["pre"] if k}
    return frozenset(out)


def may_start_amount(word: str) -> bool:
    """False only when `read_amount` cannot find a number expression starting at `word` (a prefilter)."""
    c = word[:1]
    return c.isdigit() or c == "+" or word.lower() in _starters() or word.lower().endswith("fold")


def read_amount(words: Sequence[str], i: int, ranges: bool = True) -> Amount | None:
    """The number expression starting at words[i] with its bounding words, or None.

    With `ranges` False, "60 to 71" stops after 60 (a change from one figure to another).
    """
    from .numbers_ratios import after_core, read_ratio  # reads numbers with this module's readers

    mods = modifiers()
    qualifier = "exact"
    hedges: list[str] = []
    j = i
    frame = ""
    while True:
        w = _low(words, j)
        if w in QUOTES:
            j += 1
            continue
        if w in ("between", "from") and not frame and ranges:
            frame, j = w, j + 1
            continue
        pre = _match(words, j, mods["pre"])
        if not pre:
            break
        key, k = pre
        q, is_hedge = mods["pre"][key]
        if qualifier == "exact" or q != "approximate":
            qualifier = q
        if is_hedge:
            hedges.append(" ".join(key))
        j = k
    while _low(words, j) in QUOTES:
        j += 1
    sign = ""
    if _low(words, j) in CURRENCY_SIGNS and (j > i or _low(words, j) not in ("$", "€", "£", "¥")):
        sign, j = _low(words, j), j + 1  # "about $1.5 billion": the bound belongs to the sum after the sign
    core_start = j
    core = _read_core(words, j)
    if core is None:
        ratio = read_ratio(words, j, bool(frame) or qualifier != "exact") if not sign else None
        if ratio is None:
            return None
        value, unit, j = ratio
        return _finish(words, i, j, value, value, qualifier, False, hedges, core_start, unit)
    lo, hi, vague, j = core
    if qualifier == "exact" and _low(words, core_start + 1) == "couple":
        qualifier = "approximate"  # "a couple of hundred"
    if vague and _low(words, j) == "times":  # "several times"
        return _finish(words, i, j + 1, lo, hi, qualifier, True, hedges, core_start, "times")
    if (
        not vague
        and not frame
        and lo == hi
        and lo > 1
        and _low(words, j) == "to"
        and _low(words, j + 1) == "one"
        and _low(words, j + 2) not in number_words()
    ):  # "outnumbered seven to one": a ratio, as "7:1" ("passed 13 to 1" stays a vote)
        return _finish(words, i, j + 2, lo, hi, qualifier, False, hedges, core_start, "times")
    if not vague and lo == hi:
        ratio = after_core(words, j, lo)
        if ratio is not None:
            value, unit, j = ratio
            return _finish(words, i, j, value, value, qualifier, False, hedges, core_start, unit)
    if lo != hi and not vague:
        qualifier = "range"
    # range: "20,000 to 30,000", "2,000-3,000", "between 20 and 30", "two or three"
    joiners = (
        {"and"}
        if frame == "between"
        else ({"to", "-", "–", "—"} if frame == "from" else {"to", "-", "–", "—", "or"})
    )
    post = _match(words, j, mods["post"])
    unit_gap = 0
    if _low(words, j) in ("%", "percent") and _low(words, j + 1) in joiners:
        unit_gap = 1  # "15% to 20%": the unit stands after each number
    listed = _low(words, j + unit_gap) == "or" and _low(words, i - 1) == ","  # "50,000, 150,000 or 1 million"
    if ranges and _low(words, j + unit_gap) in joiners and not post and not listed:
        k = j + unit_gap + 1
        if (
            _low(words, k) in CURRENCY_SIGNS
            and unit_gap == 0
            and (sign or _low(words, i - 1)) == _low(words, k)
        ):
            k += 1
        second = _read_core(words, k)
        if second is not None:
            lo2, hi2, vague2, j2 = second
            if not vague and not vague2 and lo2 > lo:
                # "20 to 30 million": the scale of the second number applies to the first
                if lo2 >= 1000 * lo and _low(words, j2 - 1) in number_words():
                    scale = number_words()[_low(words, j2 - 1)][0]
                    if lo * scale <= lo2:
                        lo = _num(lo * scale)
                lo, hi, j = lo, hi2, j2
                qualifier = "range"
            elif vague or vague2:
                lo, hi, j, vague = lo, hi2, j2, True
    elif frame in ("between", "from") and qualifier != "range":
        return (
            None
            if frame == "between"
            else _finish(words, i + 1, j, lo, hi, qualifier, vague, hedges, core_start)
        )
    post = _match(words, j, mods["post"])
    if post:
        key, k = post
        q, is_hedge = mods["post"][key]
        qualifier = q if qualifier in ("exact", "approximate") or q != "approximate" else qualifier
        j = k
    return _finish(words, i, j, lo, hi, qualifier, vague, hedges, core_start)


def _finish(
    words: Sequence[str],
    i: int,
    j: int,
    lo: float | int,
    hi: float | int,
    qualifier: str,
    vague: bool,
    hedges: list[str],
    core_start: int,
    unit: str | None = None,
) -> Amount:
    """Turn a value and its qualifier into bounds as the contract wants them."""
    if qualifier in ("at_most", "less_than"):
        low, high = None, hi
    elif qualifier in ("at_least", "more_than"):
        low, high = lo, None
    elif vague:
        low, high, qualifier = lo, hi, "range"
    else:
        low, high = lo, hi
        if lo != hi:
            qualifier = "range"
    return Amount(i, j, low, high, qualifier, vague, tuple(hedges), core_start, tuple(words[i:j]), unit)


def split_words(text: str) -> list[str]:
    """A simple tokenization close to spaCy's for number phrases ('2,000-3,000' stays one word)."""
    return _WORD_SPLIT.findall(text)


def parse_number(text: str) -> float | int | None:
    """The value of a whole number phrase ('forty thousand', '1.5 million', 'a dozen'), else None."""
    words = split_words(text)
    got = read_number(words, 0) if words else None
    if got and got[1] == len(words):
        return got[0]
    return None


def parse_amount(text: str) -> Amount | None:
    """The bounds of a whole phrase ('as many as 40,000', 'between 20 and 30', 'dozens'), else None."""
    words = split_words(text)
    amount = read_amount(words, 0) if words else None
    if amount and amount.end == len(words):
        return amount
    return None
