"""Days named by their date alone or with a relative year: "on the 24th", "Feb. 24 last year"."""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .lexicon import norm
from .rules import Cand, Ctx, E, P, months, rule

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
