"""Days named by their date alone, in a list or range beside a month-day, or with a relative year: "on the
24th", "on April 6 and 7", "on 13-19 February", "Feb. 24 last year"; and fixed-date holidays ("Victory
Day")."""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .lexicon import lexicon, norm
from .rules import Cand, Ctx, E, P, _ymd, months, rule

# what may follow "on the 24th" (else it is a unit's name: "the 24th Mechanized Brigade")
AFTER_DAY = r"(?=\s*[,.;:)\"'\u201d]|\s*$|\s+(?:and|or|but|when|as|at|in|after|before|while|with)\b)"


@rule("day_of_month", P + r"(?<=\bon\s)(?i:the)\s+(\d{{1,2}})(?:st|nd|rd|th)" + AFTER_DAY)
def _day_of_month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    dd = int(m.group(1))
    if not 1 <= dd <= 31:
        return None
    cand = Cand(m.start(), m.end(), "date", None, None, "day_of_month")
    cand.anchor = f"dom:{dd}"  # the month of the last day named before it, else the DCT's
    if ctx.dct:
        cand.value = _nearest_day(ctx.dct, dd, ctx.direction(m.start(), m.end()))
    return cand


def _nearest_day(dct: dt.date, dd: int, direction: str) -> str | None:
    """The day `dd` of the DCT's month, or of the month before (past) or after (future) where that is
    where it falls."""
    ahead = direction in ("future", "scheduled")
    if ahead and dd < dct.day:
        year, mon = cal.add_months(dct.year, dct.month, 1)
    elif not ahead and dd > dct.day:
        year, mon = cal.add_months(dct.year, dct.month, -1)
    else:
        year, mon = dct.year, dct.month
    try:
        return cal.day(dt.date(year, mon, dd))
    except ValueError:
        return None


@rule(
    "date_rel_year",
    P + r"(?:({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH}))"
    r",?\s+(?:of\s+)?(?i:(this|last|next))\s+(?i:year)" + E,
)
def _date_rel_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    mon = months()[(m.group(1) or m.group(4)).lower()]
    dd = int(m.group(2) or m.group(3))
    if not ctx.dct:
        return Cand(m.start(), m.end(), "date", f"XXXX-{mon:02d}-{dd:02d}", None, "date")
    year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[norm(m.group(5))]
    try:
        return Cand(m.start(), m.end(), "date", cal.day(dt.date(year, mon, dd)), None, "date")
    except ValueError:
        return None


# the day coordinated with a month-day ("on April 6 and 7", "on 6 and 7 April"): a date of its own, in
# that month (TimeML marks each day); "April 6 and 7 soldiers" is no list of days
DAY_LINK = r"\s*,?\s*(?:and|or|&)\s*"
DAY = r"(\d{{1,2}})(?:st|nd|rd|th)?"


@rule("day_after_month_day", P + r"({MONTH})\s+" + DAY + DAY_LINK + DAY + r"(?:,?\s+(\d{{4}}))?" + AFTER_DAY)
def _day_after_month_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return _listed_day(m, ctx, months()[m.group(1).lower()], (3, 2), m.group(4))


@rule("day_before_day_month", P + DAY + DAY_LINK + DAY + r"\s+(?:of\s+)?({MONTH})(?:,?\s+(\d{{4}}))?" + E)
def _day_before_day_month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return _listed_day(m, ctx, months()[m.group(3).lower()], (1, 2), m.group(4))


def _listed_day(
    m: re.Match[str], ctx: Ctx, mon: int, groups: tuple[int, int], year: str | None
) -> Cand | None:
    """The listed day alone (the first of `groups`), dated like the month-day beside it (the second)."""
    group, other = groups
    dd = int(m.group(group))
    if not 1 <= dd <= 31 or not 1 <= int(m.group(other)) <= 31:
        return None
    full = _ymd(m, ctx, year, mon, dd)
    if full is None:
        return None
    end = m.end(4) if year and group == 3 else m.end(group)  # "May 3 and 5, 2023": the year goes with 5
    return Cand(m.start(group), end, "date", full.value, None, "date", full.anchor)


# a range of days before the month ("on 13-19 February"), an interval like "February 13-19"
@rule(
    "date_span_dmy",
    P + DAY + r"\s*(?:[-–]|to|through|until)\s*" + DAY + r"\s+(?:of\s+)?({MONTH})(?:,?\s+(\d{{4}}))?" + E,
)
def _date_span_dmy(m: re.Match[str], ctx: Ctx) -> Cand | None:
    mon = months()[m.group(3).lower()]
    first = _ymd(m, ctx, m.group(4), mon, int(m.group(1)))
    last = _ymd(m, ctx, m.group(4), mon, int(m.group(2)))
    if first is None or last is None or int(m.group(2)) <= int(m.group(1)):
        return None
    value = f"{first.value}/{last.value}" if first.value and last.value else None
    return Cand(m.start(), m.end(), "interval", value, None, "interval")


@rule("holiday", P + r"({HOLIDAY})" + E)
def _holiday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "Moscow will celebrate Victory Day": the holiday's day, dated like a month-day without a year."""
    mon, dd = (int(x) for x in holidays()[re.sub(r"\s+", " ", m.group(1))].split("-"))
    return _ymd(m, ctx, None, mon, dd)


def holidays() -> dict[str, str]:
    """Holiday name -> "MM-DD" (`holidays` in the times lexicon), spaces normalized."""
    return {re.sub(r"\s+", " ", k): str(v) for k, v in lexicon()["holidays"].items()}


@rule("anaphoric_then", P + r"(?<=\b[Ss]ince\s|\b[Uu]ntil\s)then" + E)
def _anaphoric_then(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "Since then", "Until then": the time named last before it (resolved in the component)."""
    return Cand(m.start(), m.end(), "date", None, None, "then", "then")
