"""More time rules: seasons, years, decades, "ago" phrases, reference words, durations and sets."""

from __future__ import annotations

import re

from . import calendar as cal
from . import rules_units  # noqa: F401  (unit rules register before these)
from .lexicon import lexicon, lower_keys, norm, parse_number, parse_year, position_mod
from .rules import Cand, Ctx, E, P, _dir, mk, prev_word, rule, unit_code


@rule(
    "season",
    P + r"(?:({POSMOD})[\s-]+)?(?:(?i:(this|last|next|the|this\s+coming|the\s+coming|the\s+past|past|"
    r"every|each))\s+)?"
    r"({SEASON})(?:\s+(?:of\s+)?({YEAR}))?" + E,
)
def _season(m: re.Match[str], ctx: Ctx) -> Cand | None:
    rel, word = norm(m.group(2) or ""), norm(m.group(3))
    year = f"{parse_year(m.group(4)):04d}" if m.group(4) and parse_year(m.group(4)) else None
    if word == "fall" and not (year or rel in ("this", "last", "next") or m.group(1)):
        return None
    if word == "fall" and rel == "the" and re.match(r"\s+of\b", ctx.text[m.end() :]):
        return None
    code = lexicon()["seasons"][word]
    mod = position_mod(m.group(1))
    if rel in ("every", "each"):
        return mk(m, "set", f"XXXX-{code}", name="set")
    if year:
        return mk(m, "date", f"{year}-{code}", mod, "season")
    if not ctx.dct or (rel in ("", "the") and ctx.habitual(m.start(3), m.end(3))):
        return mk(m, "date", f"XXXX-{code}", mod, "season")
    direction = _dir(m, ctx, rel)
    y = cal.season_year(ctx.dct, code, direction)
    if rel == "this":
        y = ctx.dct.year - 1 if code == "WI" and ctx.dct.month <= 2 else ctx.dct.year
    if rel == "last":
        y = cal.season_year(ctx.dct, code, "past")
        if y == ctx.dct.year and code != "WI" and ctx.dct.month < {"SP": 6, "SU": 9, "FA": 12}[code]:
            y -= 1
    elif rel == "next":
        y = cal.season_year(ctx.dct, code, "future")
    start = m.start(3) if rel in ("",) and not m.group(1) else m.start()
    return Cand(start, m.end(), "date", f"{y:04d}-{code}", mod, "season")


@rule(
    "year",
    P + r"(?:({POSMOD})[\s-]+(?:of\s+)?)?(?:(?i:(fiscal|calendar|FY|the\s+year))\s*)?((?:1[6-9]|"
    r"20)\d\d)(?![\w%]|[.,]\d|-\d|\s*(?:%|percent))",
)
def _year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    if re.search(r"[$€£#/]\s*$|\d[.,]?$", before):
        return None
    pw = prev_word(ctx, m.start())
    if pw in (
        "no.",
        "number",
        "flight",
        "route",
        "highway",
        "resolution",
        "article",
        "page",
        "room",
        "model",
        "a",
        "an",
    ):
        return None
    after = ctx.text[m.end() : m.end() + 20]
    if re.match(
        r"\s+(?:people|soldiers|troops|civilians|men|women|children|km|kilometers|miles|meters|feet|"
        r"dollars|euros|tonnes|tons|pounds|cases|deaths|tanks|units|times)\b",
        after,
    ):
        return None
    return mk(m, "date", m.group(3), position_mod(m.group(1)), "year")


@rule(
    "year_words",
    P + r"(?:(?i:the\s+year)\s+)?(?i:(nineteen|eighteen)[\s-]+(?:hundred\s+(?:and\s+)?)?({NUMW})|"
    r"two\s+thousand(?:\s+and)?(?:[\s-]+({NUMW}))?)" + E,
)
def _year_words(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if re.match(
        r"\s+(?:\w+\s+)?(?:years|days|months|people|soldiers|troops|dollars|of)\b",
        ctx.text[m.end() : m.end() + 30],
    ):
        return None
    if m.group(1):
        rest = parse_number(m.group(2))
        if rest is None or not 1 <= rest <= 99 or not m.group(2).strip()[:1].isalpha():
            return None
        return mk(
            m,
            "date",
            f"{(19 if m.group(1).lower() == 'nineteen' else 18) * 100 + int(rest):04d}",
            name="year",
        )
    rest = parse_number(m.group(3)) if m.group(3) else 0
    if rest is None or rest > 99:
        return None
    return mk(m, "date", f"{2000 + int(rest):04d}", name="year")


@rule("year_range", P + r"((?:1[6-9]|20)\d\d)\s*[-–]\s*((?:1[6-9]|20)?\d\d)" + E)
def _year_range(m: re.Match[str], ctx: Ctx) -> Cand | None:
    a, b = m.group(1), m.group(2)
    if len(b) == 2:
        b = a[:2] + b
    if int(b) <= int(a) or int(b) - int(a) > 50:
        return None
    return mk(m, "interval", f"{a}/{b}", name="interval")


DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


@rule(
    "decade",
    P + r"(?:({POSMOD})[\s-]+)?(?:(?i:the)\s+)?(?:({POSMOD})[\s-]+)?(?:((?:1[5-9]|20)\d)0|'(\d)0|"
    r"(?i:(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))'?s?(?<=s)" + E,
)
def _decade(m: re.Match[str], ctx: Ctx) -> Cand | None:
    mod = position_mod(m.group(1) or m.group(2))
    if m.group(3):
        return mk(m, "date", m.group(3), mod, "decade")
    digit = int(m.group(4)) if m.group(4) else DECADE_WORDS[norm(m.group(5))]
    if m.group(5) and not re.search(
        r"(?i)\bthe\s+$|\bthe\s+\w+[\s-]+$", ctx.text[max(0, m.start(5) - 12) : m.start(5)]
    ):
        return None
    if not ctx.dct:
        century = 19
    else:
        century = ctx.dct.year // 100 if digit * 10 <= ctx.dct.year % 100 else ctx.dct.year // 100 - 1
    return mk(m, "date", f"{century}{digit}", mod, "decade")


@rule("century", P + r"(?:({POSMOD})\s+)?(?i:the\s+)?({ORD})\s+(?i:century)" + E)
def _century(m: re.Match[str], ctx: Ctx) -> Cand | None:
    n = lower_keys(lexicon()["ordinals"]).get(norm(m.group(2)))
    if n is None:
        n = int(re.sub(r"\D", "", m.group(2)) or 0)
    if n < 1 or n > 30:
        return None
    return mk(m, "date", f"{n - 1:02d}", position_mod(m.group(1)), "century")


HALF = r"[\s-]+(?i:and)[\s-]+(?i:a)[\s-]+(?i:half)"


@rule(
    "ago",
    P + r"(?:({APPROX})\s+)?(?:(?i:just|only)\s+)?(?:({NUM})(?:" + HALF + r")?|({VAGUE}))[\s-]+"
    r"({UNIT})(?:" + HALF + r")?\s+(?:(?i:or\s+so)\s+)?(?i:(ago|earlier|before|later|from\s+now|hence))" + E,
)
def _ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    amount = parse_number(m.group(2)) if m.group(2) else None
    code, word = unit_code(m.group(4)), norm(m.group(5))
    if word in ("later", "before") or word == "earlier" and code not in ("Y",):
        if word == "earlier" and amount is not None and ctx.dct:
            pass
        else:
            return None
    sign = 1 if word in ("from now", "hence", "later") else -1
    if amount is None:
        return mk(m, "date", "FUTURE_REF" if sign > 0 else "PAST_REF", name="ago")
    if re.search(r"(?i)\band[\s-]+a[\s-]+half\b", m.group(0)):
        amount += 0.5  # "a year and a half ago": 18 months back
        sub = {"Y": ("M", amount * 12), "M": ("D", amount * 30), "W": ("D", amount * 7)}
        code, amount = sub.get(code, (code, amount))
    if not ctx.dct or not float(amount).is_integer():
        return mk(m, "date", None, name="ago")
    k = int(amount) * sign
    if code in ("DE", "CE"):
        code, k = "Y", k * (10 if code == "DE" else 100)
    if code in ("TH", "TM", "TS"):
        return mk(m, "time", None, name="ago")
    if code == "W":
        value = cal.shift(ctx.dct, "D", 7 * k)
    elif code == "2W":
        value = cal.shift(ctx.dct, "D", 14 * k)
    else:
        value = cal.shift(ctx.dct, code if code in ("D", "M", "Q", "Y", "DE", "CE") else "D", k)
    cand = mk(m, "date", value, name="ago")
    if code == "Y" and int(amount) == 1:
        cand.anchor = "year_back"
    return cand


ANAPHORIC_DAY = {
    "the next day": 1,
    "the following day": 1,
    "the day after": 1,
    "the day before": -1,
    "the previous day": -1,
    "the preceding day": -1,
    "that day": 0,
    "the same day": 0,
    "that same day": 0,
}


@rule(
    "anaphoric_day",
    P + r"(?i:(the\s+next\s+day|the\s+following\s+day|the\s+day\s+after|the\s+day\s+before|"
    r"the\s+previous\s+day|the\s+preceding\s+day|that\s+day|(?:the|that)\s+same\s+day))" + E,
)
def _anaphoric_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if re.match(r"\s+(?:yesterday|tomorrow)\b", ctx.text[m.end() :]):
        return None
    cand = mk(m, "date", None, name="anaphoric")
    cand.anchor = f"day:{ANAPHORIC_DAY[norm(m.group(1))]}"
    return cand


@rule(
    "days_later",
    P
    + r"(?i:(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+(days?)\s+(later|earlier))"
    + E,
)
def _days_later(m: re.Match[str], ctx: Ctx) -> Cand | None:
    amount = parse_number(m.group(1))
    if amount is None:
        return None
    # TIMEX3 (TimeBank) marks "three days later" as the duration P3D anchored elsewhere
    return mk(m, "duration", cal.duration(amount, "D"), name="duration")


@rule(
    "vague_ago",
    P + r"(?i:(?:some\s+time|a\s+while|long|not\s+long|years|months|weeks|days|decades)\s+ago)" + E,
)
def _vague_ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return mk(m, "date", "PAST_REF", name="ago")


@rule("ref", P + r"(?i:({REFS}))" + E)
def _ref(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = norm(m.group(1))
    value = lower_keys(lexicon()["refs"]).get(word)
    if value is None:
        return None
    nxt = ctx.text[m.end() : m.end() + 20]
    if word in ("current", "future", "recent") and not re.match(r"\s+[a-z]", nxt):
        if word != "future":
            return None
    if word == "current" and re.match(
        r"\s+(?:account|affairs|events|form|rate|level|price|system|crisis|conflict|war|law)\b", nxt
    ):
        return None
    if word == "future" and prev_word(ctx, m.start()) not in ("the", "near", "distant", "foreseeable", "in"):
        if not re.match(r"\s+[a-z]", nxt):
            return None
    if word == "now" and re.match(r"-", nxt):
        return None
    pw = prev_word(ctx, m.start())
    if word == "recent" and pw in ("a", "an", "its", "his", "her", "their", "our", "this", "these"):
        return None
    if word == "future" and not (
        pw in ("the", "near", "distant", "foreseeable", "in") or re.match(r"\s+(?:years|months|weeks)\b", nxt)
    ):
        return None
    if word == "previously" and (
        pw in ("a", "an", "the", "its", "his", "her", "their")
        or ctx.tag(m.end() + 1) == "VBN"
        and pw in ("", "as")
    ):
        return None
    if word in ("soon", "shortly") and (pw == "as" or re.match(r"\s+(?:after|before|as)\b", nxt)):
        return None
    return mk(m, "date", value, name="ref")


@rule("set_word", P + r"(?i:({SETS}))" + E)
def _set_word(m: re.Match[str], ctx: Ctx) -> Cand | None:
    value = lower_keys(lexicon()["sets"]).get(norm(m.group(1)))
    if norm(m.group(1)) in ("quarterly", "annually", "yearly") and ctx.tag(m.start()) == "JJ":
        return None  # "quarterly dividend": a report period; "daily briefing" stays a recurrence
    return mk(m, "set", value, name="set") if value else None


@rule(
    "year_back_adj",
    P + r"(?i:(?:the\s+)?(?:comparable\s+|same\s+)?(year-earlier|year-ago|prior-year|"
    r"year\s+earlier)(?:\s+(period|quarter|results|figures|level|levels))?)" + E,
)
def _year_back_adj(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if not ctx.dct:
        return mk(m, "date", None, name="year_back")
    cand = mk(m, "date", f"{ctx.dct.year - 1:04d}", name="year_back")
    cand.anchor = "year_back"
    if m.group(2) and norm(m.group(2)) not in ("period", "quarter"):
        cand.end = m.end(1)
    return cand


@rule(
    "latest_period", P + r"(?i:(?:the\s+)?(?:latest|most\s+recent|current|recent)\s+(?:period|quarter))" + E
)
def _latest_period(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if not ctx.dct:
        return mk(m, "date", None, name="quarter")
    return mk(m, "date", cal.shift(ctx.dct, "Q", -1), name="quarter")


@rule("ahead", P + r"(?i:(?:the\s+)?(days|weeks|months|years|decades)\s+ahead)" + E)
def _ahead(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return mk(m, "duration", cal.duration(None, unit_code(m.group(1))), name="duration")


@rule(
    "set_freq",
    P
    + r"(?i:(?:(once|twice|thrice|{NUM}\s+times)\s+)?(?:(a|an|per|every|each)\s+)(?:({NUM})\s+)?({UNIT}))"
    + E,
)
def _set_freq(m: re.Match[str], ctx: Ctx) -> Cand | None:
    freq, det, amount_s, unit = m.group(1), norm(m.group(2)), m.group(3), m.group(4)
    code = unit_code(unit)
    if code == "WE":
        return mk(m, "set", "XXXX-WXX-WE", name="set")
    if det in ("a", "an") and not freq:
        pw = prev_word(ctx, m.start())
        if ctx.tag(m.start() - len(pw) - 1) == "NNS" and pw.endswith("s") and code in ("D", "W", "M", "Y"):
            return mk(m, "set", cal.duration(1, code), name="set")  # "four flights a week"
        if not re.match(
            r"^(?:[\d$€£%.,]+|\w*illion|cents?|dollars?|euros?|pounds?|share|times|apiece|each|"
            r"hryvnias?|rubles?|roubles?)$",
            pw,
        ):
            return None
    amount = parse_number(amount_s) if amount_s else 1
    if amount is None:
        return None
    if re.search(r"s$", unit.lower()) and not amount_s and code not in ("2W",):
        return None
    return mk(m, "set", cal.duration(amount, code), name="set")


@rule(
    "duration",
    P + r"(?:({APPROX})\s+)?(?:(?i:the)\s+(?:(?i:past|last|next|first|previous|coming|following|final|"
    r"latest|remaining|entire|same|full|initial)\s+)?)?"
    r"({NUM})([\s-]+and[\s-]+(?:a[\s-]+)?half|\s+1/2)?[\s-]+(?:(?i:more|additional|other|further|straight|"
    r"consecutive|trading|business|working|full|long)\s+)?"
    r"({UNIT})(?:\s+and\s+a\s+half)?(?:-(?i:long))?(?![\w-])(?!\s+old\b)",
)
def _duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    amount = parse_number(m.group(2))
    if amount is None or amount <= 0 or re.fullmatch(r"(?:1[6-9]|20)\d\d", m.group(2)):
        return None
    if norm(m.group(2)) in ("a", "an") and m.group(4).lower().endswith("s"):
        return None  # "a months-long siege"
    code = unit_code(m.group(4))
    if code == "TS" and m.group(4).lower() == "second" and (amount != 1 or norm(m.group(2)) in ("a", "an")):
        return None
    if code == "Q" and (
        re.match(r"\s+of\b", ctx.text[m.end() :])
        or "-" in m.group(0)[-10:]
        and m.group(4).lower().endswith("s")
    ):
        return None  # "three-quarters of its food": a fraction
    if code == "DE":
        code, amount = "Y", amount * 10
    elif code == "CE":
        code, amount = "Y", amount * 100
    if code == "WE":
        return None
    if m.group(3) or re.search(r"and\s+a\s+half", m.group(0)):
        amount += 0.5
    mod = lower_keys(lexicon()["approx_mods"]).get(norm(m.group(1) or ""))
    mixed = None if float(amount).is_integer() else cal.mixed_duration(amount, code)
    if mixed:
        return mk(m, "duration", mixed, mod, "duration")
    if code.startswith("T") and not float(amount).is_integer():
        sub = {"TH": ("TM", 60), "TM": ("TS", 60)}.get(code)
        if sub:
            code, amount = sub[0], amount * sub[1]
    elif not float(amount).is_integer() and code in ("Y", "M", "D", "W"):
        code, amount = {
            "Y": ("M", amount * 12),
            "M": ("D", amount * 30),
            "D": ("TH", amount * 24),
            "W": ("D", amount * 7),
        }[code]
    text = m.group(0)
    if (
        re.match(r"(?i)\s*(?:a|an)\b", m.group(2))
        and m.group(2).strip().lower() in ("a", "an")
        and not m.group(1)
        and "the" not in text.lower()[:4]
    ):
        pass
    return mk(m, "duration", cal.duration(amount, code), mod, "duration")


@rule("vague_duration", P + r"(?:({APPROX})\s+)?(?:(?i:the)\s+)?({VAGUE})([\s-]+)({UNIT})" + E)
def _vague_duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    unit = m.group(4)
    if not unit.lower().endswith(("s", "ies")) and "-" not in m.group(3):
        return None
    code = unit_code(unit)
    if code == "WE":
        return None
    if norm(m.group(2)) in ("coming", "the coming"):
        return mk(m, "date", "FUTURE_REF", name="ref")  # "in the coming months": TimeBank's future at large
    return mk(m, "duration", cal.duration(None, code), name="duration")


@rule("year_end", P + r"(?i:(?:the\s+)?year(?:-|\s+|'s\s+)end)" + E)
def _year_end(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return mk(m, "date", f"{ctx.dct.year:04d}" if ctx.dct else None, "END", "year_end")


@rule("bare_units", P + r"(?i:(days|weeks|months|years|decades|centuries|hours|minutes)(-long)?)" + E)
def _bare_units(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if not m.group(2) and prev_word(ctx, m.start()) not in (
        "for",
        "within",
        "during",
        "over",
        "in",
        "after",
        "lasting",
        "than",
        "take",
        "took",
        "takes",
    ):
        return None
    return mk(m, "duration", cal.duration(None, unit_code(m.group(1))), name="duration")


@rule(
    "ordinal_unit",
    P + r"(?:(?i:the|its|their|a)\s+)({ORD})\s+(?i:(day|week|month|"
    r"year))(?![\w-])(?!\s+(?:of\s+)?(?:\d|the\s+\w+\s+(?:year|month)))",
)
def _ordinal_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if norm(m.group(1)) in ("last", "final"):
        return None
    cand = mk(m, "duration", None, name="ordinal")
    if not m.group(0).lower().startswith("the"):
        cand.start = m.start(1)
    return cand


@rule("half_unit", P + r"(?i:half\s+(?:a|an)\s+(hour|day|week|month|year|decade|century))" + E)
def _half_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    code = {"hour": "TM", "day": "TH", "week": "D", "month": "D", "year": "M", "decade": "Y", "century": "Y"}[
        m.group(1).lower()
    ]
    amount = {"hour": 30, "day": 12, "week": 3.5, "month": 15, "year": 6, "decade": 5, "century": 50}[
        m.group(1).lower()
    ]
    return mk(m, "duration", cal.duration(amount, code), name="duration")
