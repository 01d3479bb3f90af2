"""Calendar arithmetic and TIMEX3 value formatting for the times component."""

from __future__ import annotations

import datetime as dt

Direction = str  # "past" | "future" | "near"


def day(d: dt.date) -> str:
    """TIMEX3 value of a calendar day."""
    return d.isoformat()


def month(year: int, mon: int) -> str:
    """TIMEX3 value of a calendar month."""
    return f"{year:04d}-{mon:02d}"


def iso_week(d: dt.date) -> str:
    """TIMEX3 value of the ISO week containing `d`."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(year: int, mon: int, k: int) -> tuple[int, int]:
    """(year, month) shifted by k months."""
    idx = year * 12 + (mon - 1) + k
    return idx // 12, idx % 12 + 1


def quarter_of(d: dt.date) -> int:
    """Calendar quarter (1-4) of a date."""
    return (d.month - 1) // 3 + 1


def shift_quarter(year: int, q: int, k: int) -> tuple[int, int]:
    """(year, quarter) shifted by k quarters."""
    idx = year * 4 + (q - 1) + k
    return idx // 4, idx % 4 + 1


def weekday_date(dct: dt.date, wd: int, direction: Direction, strict: bool = False) -> dt.date:
    """The weekday `wd` (0=Monday) nearest `dct` in the given direction (the DCT itself unless strict)."""
    if direction in ("future", "scheduled"):
        delta = (wd - dct.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return dct + dt.timedelta(days=delta)
    delta = (dct.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return dct - dt.timedelta(days=delta)


def month_year(dct: dt.date, mon: int, direction: Direction, strict: bool = False) -> int:
    """Year of the month `mon` nearest `dct`: the latest past one, or the next one ahead."""
    if direction == "future":
        return dct.year if (mon > dct.month or (mon == dct.month and not strict)) else dct.year + 1
    return dct.year if (mon < dct.month or (mon == dct.month and not strict)) else dct.year - 1


# days beyond which a month-day against the clause's tense belongs to another year; nearer dates keep
# the DCT's year ("said the notes would be redeemed Dec. 15" in October is this December)
FAR = 90


def month_day_year(dct: dt.date, mon: int, dd: int, direction: Direction) -> int:
    """Year of a month-day without year: the same year unless that is implausibly far away."""
    try:
        same = dt.date(dct.year, mon, dd)
    except ValueError:
        return dct.year
    gap = (same - dct).days
    if direction == "scheduled":
        direction = "future"  # "the decree takes effect on Jan. 1" in May: next January
    if direction == "past" and gap > FAR:
        return dct.year - 1  # "was held on Nov. 3" in a May article: last November
    if direction == "future" and gap < -FAR:
        return dct.year + 1  # "will vote on Feb. 2" in a May article: next February
    if gap > 183 and direction != "future":
        return dct.year - 1
    if gap < -183 and direction == "future":
        return dct.year + 1
    if gap < -250 and direction != "past":
        return dct.year + 1  # "opens Jan. 5" in late October; "the year ended Jan. 31" stays
    return dct.year


def season_year(dct: dt.date, code: str, direction: Direction) -> int:
    """Year of a season relative to `dct` (winter counts from December)."""
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    m = dct.month
    current = (start <= m < start + 3) or (code == "WI" and m in (1, 2))
    if current:
        return dct.year - 1 if code == "WI" and m in (1, 2) else dct.year
    ahead = (start - m) % 12
    if direction == "future" or (direction in ("present", "scheduled") and 0 < ahead <= 3):
        return dct.year if start > m else dct.year + 1  # "a spring offensive" in January: this spring
    if code == "WI" and m in (9, 10, 11):
        return dct.year  # the coming winter is the one talked about in autumn
    return dct.year if start < m else dct.year - 1


def shift(dct: dt.date, unit: str, k: int) -> str:
    """TIMEX3 value of the unit `k` steps away from the DCT, at that unit's granularity."""
    if unit == "D":
        return day(dct + dt.timedelta(days=k))
    if unit == "W":
        return iso_week(dct + dt.timedelta(weeks=k))
    if unit == "WE":
        return iso_week(dct + dt.timedelta(weeks=k)) + "-WE"
    if unit == "M":
        return month(*add_months(dct.year, dct.month, k))
    if unit == "Q":
        y, q = shift_quarter(dct.year, quarter_of(dct), k)
        return f"{y:04d}-Q{q}"
    if unit == "H":
        half = 1 if dct.month <= 6 else 2
        idx = dct.year * 2 + half - 1 + k
        return f"{idx // 2:04d}-H{idx % 2 + 1}"
    if unit == "Y":
        return f"{dct.year + k:04d}"
    if unit == "DE":
        return f"{(dct.year // 10 + k):03d}"
    if unit == "CE":
        return f"{(dct.year // 100 + k):02d}"
    return day(dct)


def duration(amount: float | None, unit: str) -> str:
    """TIMEX3 duration value such as P3D, PT24H or PXW (amount None = vague)."""
    if unit == "WE":
        unit = "WE"
    if unit == "2W":
        amount, unit = (amount or 1) * 2, "W"
    time_unit = unit.startswith("T")
    code = unit[1:] if time_unit else unit
    if amount is None:
        num = "X"
        code = {"DE": "E", "CE": "C"}.get(code, code)  # TimeBank: "for decades" PXE, "centuries" PXC
    elif float(amount).is_integer():
        num = str(int(amount))
    else:
        num = f"{amount:g}"
    return ("PT" if time_unit else "P") + num + code


FRACTION_SUB = {"Y": ("M", 12), "M": ("D", 30), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def mixed_duration(amount: float, unit: str) -> str | None:
    """A fractional amount as whole units plus the next smaller unit (2.5 years P2Y6M, 1.5 hours PT1H30M), as
    TimeBank writes "2 1/2 years" and "a minute and a half"; None when the fraction is no whole sub-unit."""
    sub = FRACTION_SUB.get(unit)
    whole = int(amount)
    if sub is None or whole < 1:
        return None
    part = (amount - whole) * sub[1]
    if not float(part).is_integer():
        return None
    head = duration(whole, unit)
    tail = duration(int(part), sub[0])
    return head + (tail[2:] if tail.startswith("PT") and "T" in head else tail[1:])
