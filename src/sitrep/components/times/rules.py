"""Regex rules that find time expressions and normalize them TIMEX3-style against the DCT."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import calendar as cal
from .lexicon import fragments, lexicon, lower_keys, norm, parse_year, position_mod


@dataclass
class Cand:
    """A candidate time expression: span, TIMEX3 type and value, and the rule that found it."""

    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None
    rule: str = ""
    anchor: str | None = None  # "year_back" / "day:+1": value depends on earlier expressions
    prio: int = 0  # index of the rule (earlier rules win ties)
    surface: str = ""  # lower-cased matched text, filled in by the component


@dataclass
class Ctx:
    """What the rules may ask about: the text, the DCT and the tense around a span."""

    text: str
    dct: dt.date | None
    direction: Callable[[int, int], str]  # (start, end) -> "past" | "future" | "present" | "scheduled"
    tag: Callable[[int], str] = lambda i: ""  # fine-grained POS tag of the token at a character offset
    generic: Callable[[int, int], bool] = lambda s, e: False  # a "today" meaning the present at large
    habitual: Callable[[int, int], bool] = lambda s, e: False  # a recurring time ("usually held in May")


Handler = Callable[[re.Match[str], Ctx], "Cand | None"]
RULES: list[tuple[str, re.Pattern[str], Handler]] = []


def rule(name: str, pattern: str) -> Callable[[Handler], Handler]:
    """Register a handler for a regex built from the lexicon fragments."""

    def deco(fn: Handler) -> Handler:
        RULES.append((name, re.compile(pattern.format(**fragments())), fn))
        return fn

    return deco


def months() -> dict[str, int]:
    """Month name or abbreviation (lower-case, with dot) -> number."""
    return lower_keys(lexicon()["months"])


def weekday(text: str) -> int:
    """0 for Monday ... 6 for Sunday."""
    return int(lexicon()["weekdays"][norm(text).rstrip("s")])


def unit_code(text: str) -> str:
    """TIMEX3 unit code of a unit word (D, W, M, Y, TH, ...)."""
    return str(lower_keys(lexicon()["units"])[norm(text)])


def prev_word(ctx: Ctx, start: int) -> str:
    """The word just before `start` (lower-case), or ''."""
    m = re.search(r"([\w$%€£'.]+)\W*$", ctx.text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def mk(m: re.Match[str], typ: str, value: str | None, mod: str | None = None, name: str = "") -> Cand:
    """A candidate covering the whole match."""
    return Cand(m.start(), m.end(), typ, value, mod, name)


def _dir(m: re.Match[str], ctx: Ctx, rel: str | None = None) -> str:
    rel = norm(rel or "")
    if rel in ("next", "coming", "this coming", "the coming", "following", "the following"):
        return "future"
    if rel in ("last", "past", "previous", "the past", "the last", "the previous"):
        return "past"
    return ctx.direction(m.start(), m.end())


P = r"(?<![\w\-:/])"  # word start (not inside "12:30" or "24/7")
E = r"(?![\w])"  # word end


@rule("negative", P + r"(?:{NEGATIVE})" + E)
def _negative(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return mk(m, "negative", None, name="negative")


@rule("date_mdy", P + r"(?:({WD}),?\s+)?({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?!\d|:\d)")
def _date_mdy(m: re.Match[str], ctx: Ctx) -> Cand | None:
    mon, dd = months()[m.group(2).lower()], int(m.group(3))
    return _ymd(m, ctx, m.group(4), mon, dd)


@rule(
    "date_dmy",
    P
    + r"(?:({WD}),?\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})(?:,?\s+(\d{{4}}))?"
    + E,
)
def _date_dmy(m: re.Match[str], ctx: Ctx) -> Cand | None:
    mon, dd = months()[m.group(3).lower()], int(m.group(2))
    return _ymd(m, ctx, m.group(4), mon, dd)


def _ymd(m: re.Match[str], ctx: Ctx, year: str | None, mon: int, dd: int) -> Cand | None:
    if not 1 <= dd <= 31:
        return None
    try:
        dt.date(int(year) if year else 2000, mon, dd)  # 2000 is a leap year: Feb. 29 stays valid
    except ValueError:
        return None
    direction = ""
    if year:
        y: int | None = int(year)
    elif ctx.habitual(m.start(), m.end()):
        y = None  # "usually held on May 9": every year
    elif ctx.dct:
        direction = ctx.direction(m.start(), m.end())
        y = cal.month_day_year(ctx.dct, mon, dd, direction)
    else:
        y = None
    value: str | None = f"{y:04d}-{mon:02d}-{dd:02d}" if y else f"XXXX-{mon:02d}-{dd:02d}"
    if y:
        try:
            dt.date(y, mon, dd)
        except ValueError:
            value = None
    cand = mk(m, "date", value, name="date")
    if y and not year and direction == "past":
        cand.anchor = "in_year"  # "In 2014, Russia annexed Crimea on March 18": that year's
    return cand


@rule(
    "date_span",
    P + r"({MONTH})\s+(\d{{1,2}})\s*(?:[-–]|to|through|until)\s*(\d{{1,2}})(?:,?\s+(\d{{4}}))?(?![\d:])",
)
def _date_span(m: re.Match[str], ctx: Ctx) -> Cand | None:
    mon = months()[m.group(1).lower()]
    first = _ymd(m, ctx, m.group(4), mon, int(m.group(2)))
    last = _ymd(m, ctx, m.group(4), mon, int(m.group(3)))
    if first is None or last is None or int(m.group(3)) <= int(m.group(2)):
        return None
    value = f"{first.value}/{last.value}" if first.value and last.value else None
    return mk(m, "interval", value, name="interval")


@rule("date_iso", P + r"(\d{{4}})-(\d{{2}})-(\d{{2}})" + E)
def _date_iso(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y, mo, d = (int(g) for g in m.groups())
    return mk(m, "date", f"{y:04d}-{mo:02d}-{d:02d}", name="date") if 1 <= mo <= 12 and 1 <= d <= 31 else None


@rule("date_slash", P + r"(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})" + E)
def _date_slash(m: re.Match[str], ctx: Ctx) -> Cand | None:
    a, b, y = (int(g) for g in m.groups())
    mo, d = (a, b) if a <= 12 else (b, a)
    return mk(m, "date", f"{y:04d}-{mo:02d}-{d:02d}", name="date") if 1 <= mo <= 12 and 1 <= d <= 31 else None


@rule("month_year", P + r"(?:({POSMOD})[\s-]+)?({MONTH}),?\s+(?:of\s+)?({YEAR})" + E)
def _month_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    year = parse_year(m.group(3))
    if year is None:
        return None
    return mk(m, "date", cal.month(year, months()[m.group(2).lower()]), position_mod(m.group(1)), "month")


MONTH_CONTEXT = {
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "of",
    "through",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "each",
    "every",
    "and",
    "or",
    "between",
    "end",
    "start",
    "beginning",
    "middle",
    "-",
}


@rule(
    "month",
    P + r"(?:({POSMOD})[\s-]+)?(?:(last|this|next|this\s+coming|(?:the\s+)?past|each|"
    r"every)\s+)?({MONTH})(?![\w])(?!\s+\d)",
)
def _month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    name = m.group(3)
    if name in ("May", "March", "Mar.", "Jan", "Feb", "Aug", "Oct", "Nov", "Dec", "Sept") and not (
        m.group(1) or m.group(2)
    ):
        if prev_word(ctx, m.start()).rstrip(".") not in MONTH_CONTEXT:
            return None
    mon = months()[name.lower()]
    rel = norm(m.group(2) or "")
    if rel in ("each", "every"):
        return mk(m, "set", f"XXXX-{mon:02d}", name="set")
    mod = position_mod(m.group(1))
    if not ctx.dct or (not rel and ctx.habitual(m.start(), m.end())):
        return mk(m, "date", f"XXXX-{mon:02d}", mod, "month")
    if rel == "this":
        return mk(m, "date", cal.month(ctx.dct.year, mon), mod, "month")
    direction = _dir(m, ctx, rel)
    strict = rel in ("last", "next", "past", "the past")
    if direction in ("present", "scheduled"):
        ahead = (mon - ctx.dct.month) % 12
        deadline = prev_word(ctx, m.start()) in ("by", "until", "till", "through")
        direction = "future" if 0 < ahead <= 2 or (deadline and ahead) else "past"  # "pay it by February"
    cand = mk(m, "date", cal.month(cal.month_year(ctx.dct, mon, direction, strict), mon), mod, "month")
    if not rel and direction == "past":
        cand.anchor = "in_year"  # "In 2019, talks began in March"
    return cand


@rule(
    "month_rel_year", P + r"(?:({POSMOD})[\s-]+)?({MONTH})\s+(?:of\s+)?(?i:(this|last|next))\s+(?i:year)" + E
)
def _month_rel_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    mon = months()[m.group(2).lower()]
    if not ctx.dct:
        return mk(m, "date", f"XXXX-{mon:02d}", name="month")
    y = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[norm(m.group(3))]
    return mk(m, "date", cal.month(y, mon), position_mod(m.group(1)), "month")


COORDINATED_WD = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*(?:,|and|or|&)\s*$")


@rule(
    "weekday",
    P + r"(?:({POSMOD})\s+(?:(?i:on)\s+)?)?(?:(?i:(the\s+previous|the\s+following|last|this|next|"
    r"this\s+coming|(?:the\s+)?past|previous|each|every))\s+)?({WD})(s)?"
    r"(?:\s+({DAYPART})(s)?)?(?:\s+(before|after)(?=\s*[,.;:)]|\s*$))?" + E,
)
def _weekday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    wd = weekday(m.group(3))
    rel = norm(m.group(2) or "")
    part = m.group(5)
    code = lower_keys(lexicon()["day_parts"]).get(norm(part)) if part else None
    start = m.start()
    if m.group(1) and ctx.tag(m.start()).startswith("VB"):
        start = m.start(2) if m.group(2) else m.start(3)  # "the drills end on Sunday": a verb, no modifier
    shared = m.group(6) and COORDINATED_WD.search(ctx.text[max(0, m.start() - 20) : m.start()])
    shared = shared and ctx.dct is not None and _dir(m, ctx, rel) == "past"  # "will leave on ...": a set
    if rel in ("each", "every") or m.group(4) or m.group(6) and not shared:  # "Tuesday and Wednesday nights"
        value = f"XXXX-WXX-{wd + 1}" + (f"T{code}" if code else "")
        return Cand(start, m.end(), "set", value, None, "set")
    mod = position_mod(m.group(1)) if start == m.start() else None
    end = m.end()
    the_day = ctx.text[max(0, m.start(3) - 4) : m.start(3)].lower() == "the "
    if m.group(7) and not the_day:
        end = len(ctx.text[: m.start(7)].rstrip())  # "left on Friday before": "before" is no part of it
    anchor = _weekday_anchor(rel, m.group(7) if the_day else None, wd)
    if not ctx.dct:
        base = f"XXXX-WXX-{wd + 1}"
    else:
        direction = _dir(m, ctx, rel)
        strict = rel in ("last", "next", "past", "the past", "previous", "this coming", "the previous")
        strict = strict or rel == "the following"
        if anchor:
            direction = "past" if anchor.startswith("wd:-") else "future"
        if direction == "scheduled":
            direction = "future"  # "Orban goes to Moscow on Tuesday": a present action is scheduled
        base = cal.day(cal.weekday_date(ctx.dct, wd, direction, strict))
    typ, value = ("time", f"{base}T{code}") if code else ("date", base)
    cand = Cand(start, end, typ, value, mod, "weekday")
    cand.anchor = anchor
    return cand


def _weekday_anchor(rel: str, before_after: str | None, wd: int) -> str | None:
    """ "the previous Friday", "the Friday before": the weekday before (or after) the last day named."""
    if rel == "the previous" or before_after == "before":
        return f"wd:-{wd}"
    if rel == "the following" or before_after == "after":
        return f"wd:+{wd}"
    return None


DEICTIC = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


@rule(
    "deictic",
    P + r"(?:({POSMOD})\s+)?(?:(?i:mid-?)?({DAYPART})\s+)?(?i:(today|tonight|yesterday|tomorrow|"
    r"the\s+day\s+before\s+yesterday|"
    r"the\s+day\s+after\s+tomorrow))(?:\s+({DAYPART}))?" + E,
)
def _deictic(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = norm(m.group(3))
    part = m.group(4) or m.group(2) or ("night" if word == "tonight" else None)
    code = lower_keys(lexicon()["day_parts"]).get(norm(part)) if part else None
    mod = position_mod(m.group(1))
    if not ctx.dct:
        return mk(
            m,
            "time" if code else "date",
            "PRESENT_REF" if word == "today" and not code else None,
            mod,
            "deictic",
        )
    if word == "today" and not code and not m.group(1) and ctx.generic(m.start(3), m.end(3)):
        return mk(m, "date", "PRESENT_REF", None, "deictic")  # "Today Europe faces ...": the present
    base = cal.day(ctx.dct + dt.timedelta(days=DEICTIC[word]))
    if code:
        return mk(m, "time", f"{base}T{code}", mod, "deictic")
    return mk(m, "date", base, mod, "deictic")


@rule(
    "daypart",
    P
    + r"(?:({POSMOD})[\s-]+)?(?:(this|last|that|the|early|late)\s+)?(?:(mid)-?)?({DAYPART}|overnight|midday)"
    + E,
)
def _daypart(m: re.Match[str], ctx: Ctx) -> Cand | None:
    det = norm(m.group(2) or "")
    part = norm(m.group(4))
    if part == "night" and det not in ("this", "last", "the"):
        return None
    if det == "the" and prev_word(ctx, m.start()) in ("all", "through", "throughout"):
        return None
    if not det and not m.group(1) and not m.group(3) and part not in ("overnight", "midday"):
        if prev_word(ctx, m.start()) not in (
            "by",
            "until",
            "till",
            "before",
            "after",
            "since",
            "every",
            "each",
            "from",
            "in",
            "on",
            "during",
            "through",
            "throughout",
            "and",
            "or",
            "to",
        ) and not (prev_word(ctx, m.start()) == "at" and part != "night"):
            return None  # "morning talk show", "good evening"
    code = lower_keys(lexicon()["day_parts"])[part]
    mod = position_mod(m.group(1)) or ("MID" if m.group(3) else None)
    if not ctx.dct or det == "that":
        return mk(m, "time", None, mod, "daypart")
    offset = -1 if det == "last" or part == "overnight" else 0
    return mk(m, "time", f"{cal.day(ctx.dct + dt.timedelta(days=offset))}T{code}", mod, "daypart")


CLOCK = (
    r"(\d{{1,2}})(?:[:.](\d{{2}}))?\s*(?i:(a\.m\.?|p\.m\.?|am|pm)(?![\w]))|"
    r"(\d{{1,2}}):(\d{{2}})(?=\s*(?:GMT|UTC|local|hours|hrs|[A-Z]{{3}}\b))|(?i:(noon|midnight))"
)


@rule(
    "clock",
    P + r"(?:(?i:(yesterday|today|tomorrow|({WD})))\s+(?:at\s+)?)?(?:" + CLOCK + r")"
    r"(?:\s+(?:GMT|UTC|EST|EDT|CET|local\s+time|Moscow\s+time|Kyiv\s+time|\(\d{{4}}\s+GMT\)))?"
    r"(?:,?\s+(?:on\s+)?(?:(?i:(yesterday|today|tomorrow|({WD})))|({MONTH})\s+(\d{{1,2}})))?" + E,
)
def _clock(m: re.Match[str], ctx: Ctx) -> Cand | None:
    g = m.groups()
    hour_s, minute_s, ampm, h24, m24, word = g[2], g[3], g[4], g[5], g[6], g[7]
    if word:
        hhmm = "12:00" if word.lower() == "noon" else "24:00"
    else:
        hour = int(hour_s or h24)
        minute = int(minute_s or m24 or 0)
        if ampm:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
        if hour > 24 or minute > 59:
            return None
        hhmm = f"{hour:02d}:{minute:02d}"
    anchor = g[0] or g[8]
    if g[10] and g[11]:
        day_c = _ymd(m, ctx, None, months()[g[10].lower()], int(g[11]))
        if day_c and day_c.value:
            return mk(m, "time", f"{day_c.value}T{hhmm}", name="clock")
    if not ctx.dct:
        base_x = f"XXXX-WXX-{weekday(anchor) + 1}" if anchor and norm(anchor) not in DEICTIC else "XXXX-XX-XX"
        return mk(m, "time", f"{base_x}T{hhmm}", name="clock")
    if anchor and norm(anchor) in DEICTIC:
        base = ctx.dct + dt.timedelta(days=DEICTIC[norm(anchor)])
    elif anchor:
        base = cal.weekday_date(ctx.dct, weekday(anchor), ctx.direction(m.start(), m.end()))
    else:
        base = ctx.dct
    return mk(m, "time", f"{cal.day(base)}T{hhmm}", name="clock")


@rule(
    "daypart_of",
    P + r"(?i:(?:the\s+)?(?:(?:early|small|first)\s+hours|(morning|afternoon|evening|night))\s+of\s+)"
    r"(?:({WD})|({MONTH})\s+(\d{{1,2}})(?:,?\s+(\d{{4}}))?)" + E,
)
def _daypart_of(m: re.Match[str], ctx: Ctx) -> Cand | None:
    code = lower_keys(lexicon()["day_parts"]).get(norm(m.group(1) or "morning"), "MO")
    if m.group(2):
        if not ctx.dct:
            return mk(m, "time", f"XXXX-WXX-{weekday(m.group(2)) + 1}T{code}", name="daypart")
        base = cal.day(cal.weekday_date(ctx.dct, weekday(m.group(2)), ctx.direction(m.start(), m.end())))
    else:
        day_c = _ymd(m, ctx, m.group(5), months()[m.group(3).lower()], int(m.group(4)))
        if day_c is None or day_c.value is None:
            return None
        base = day_c.value
    return mk(m, "time", f"{base}T{code}", name="daypart")
