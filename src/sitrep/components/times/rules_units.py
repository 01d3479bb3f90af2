"""Time rules for calendar units: "this week", "last month", "the quarter", "the third quarter of 2021",
"for some time", "the 2-year-old war", "at the time"."""

from __future__ import annotations

import re

from ..events.lexicon import triggers
from ..shared.lexicon import cue_has
from . import calendar as cal
from .lexicon import lexicon, norm, parse_number, position_mod
from .rules import Cand, Ctx, E, P, mk, prev_word, rule, unit_code

REL_STEP = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "last": -1,
    "past": -1,
    "the past": -1,
    "the last": -1,
    "previous": -1,
    "the previous": -1,
    "next": 1,
    "the next": 1,
    "coming": 1,
    "the coming": 1,
    "following": 1,
    "the following": 1,
    "this coming": 1,
    "the latest": -1,
    "latest": -1,
}


@rule(
    "relative",
    P + r"(?:({POSMOD})\s+)?(?i:(this|last|next|(?:the\s+)?(?:past|last|previous|current|coming|"
    r"following|next|latest)|this\s+coming))"
    r"\s+(?i:(?:fiscal|calendar)\s+)?(?i:(week|weekend|month|quarter|year|decade|century))(?!-)" + E,
)
def _relative(m: re.Match[str], ctx: Ctx) -> Cand | None:
    rel, unit = norm(m.group(2)), norm(m.group(3))
    code = {
        "week": "W",
        "weekend": "WE",
        "month": "M",
        "quarter": "Q",
        "year": "Y",
        "decade": "DE",
        "century": "CE",
    }[unit]
    step = REL_STEP.get(rel, 0)
    if rel in ("the latest", "latest") and code != "Q":
        return None
    mod = position_mod(m.group(1))
    value = cal.shift(ctx.dct, code, step) if ctx.dct else None
    if code == "Y" and rel in ("the following", "following", "the previous", "previous"):
        cand = mk(m, "date", None, mod, "relative")
        cand.anchor = f"year:{step}"  # narrative: the year after the one last mentioned
        return cand
    if code == "Q" and ctx.dct and rel in ("the latest", "latest"):
        value = cal.shift(ctx.dct, "Q", -1)
    return mk(m, "date", value, mod, "relative")


@rule("in_the_unit", P + r"(?i:(earlier|later)\s+(?:in\s+)?(?:the|this)\s+(day|week|month|year))" + E)
def _in_the_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    code = {"day": "D", "week": "W", "month": "M", "year": "Y"}[norm(m.group(2))]
    return mk(
        m, "date", cal.shift(ctx.dct, code, 0) if ctx.dct else None, position_mod(m.group(1)), "relative"
    )


@rule(
    "the_unit",
    P + r"(?:({POSMOD})\s+)?(?i:(the|this|that)\s+(?:(full|calendar|fiscal|same)\s+)?(week|month|"
    r"quarter|year|weekend)(?!-))" + E,
)
def _the_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    pmod, det, adj, unit = (
        position_mod(m.group(1)),
        norm(m.group(2)),
        norm(m.group(3) or ""),
        norm(m.group(4)),
    )
    if det == "that" or adj == "same":
        return mk(m, "date", None, pmod, name="the_unit")
    if pmod and ctx.dct and unit in ("year", "month", "week"):
        return mk(
            m, "date", cal.shift(ctx.dct, {"week": "W", "month": "M", "year": "Y"}[unit], 0), pmod, "the_unit"
        )
    if (
        unit == "year"
        and adj in ("", "fiscal")
        and det == "the"
        and re.match(
            r"\s+(?:ended|ending|that\s+ended|through|to\s+\w+\s+\d)", ctx.text[m.end() : m.end() + 30]
        )
    ):
        return mk(m, "duration", "P1Y", name="the_unit")
    if not ctx.dct:
        return mk(m, "date", None, name="the_unit")
    if unit == "quarter":
        return mk(m, "date", cal.shift(ctx.dct, "Q", 0 if det == "this" else -1), name="the_unit")
    if unit == "weekend":
        wd = ctx.dct.weekday()
        step = 0 if wd >= 5 or ctx.direction(m.start(), m.end()) == "future" else -1
        return mk(m, "date", cal.shift(ctx.dct, "WE", step), name="the_unit")
    code = {"week": "W", "month": "M", "year": "Y"}[unit]
    return mk(m, "date", cal.shift(ctx.dct, code, 0), name="the_unit")


@rule(
    "quarter",
    P + r"(?i:(?:the\s+)?(?:(this|last|next)\s+year's\s+)?(?:(?:fiscal|calendar)\s+)?"
    r"(?:(\d{{4}}|year-ago|year-earlier|comparable\s+year-ago|comparable)\s+)?"
    r"(first|second|third|fourth|1st|2nd|3rd|4th|final|last|year-ago|"
    r"year-earlier)[\s-]+(?:fiscal[\s-]+)?(quarter|half)(?!s)"
    r"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(\d{{4}})|(this|last|next)\s+year))?)" + E,
)
def _quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    rel_pre, pre, which, unit, year, rel_post = (
        m.group(1),
        norm(m.group(2) or ""),
        norm(m.group(3)),
        norm(m.group(4)),
        m.group(5),
        m.group(6),
    )
    q_map = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "final": 4,
        "last": 4,
    }
    if which == "last" and unit != "half":
        return None
    if pre[:1].isdigit():
        year = year or pre
    elif pre and which not in ("year-ago", "year-earlier") and ctx.dct:
        if which in q_map and unit == "quarter":
            return mk(m, "date", f"{ctx.dct.year - 1:04d}-Q{q_map[which]}", name="quarter")
    letter, top = ("Q", 4) if unit == "quarter" else ("H", 2)
    rel = norm(rel_pre or rel_post or "")
    if which in ("year-ago", "year-earlier"):
        if not ctx.dct:
            return mk(m, "date", None, name="quarter")
        y, q = cal.shift_quarter(ctx.dct.year, cal.quarter_of(ctx.dct), -5)
        return mk(m, "date", f"{y:04d}-Q{q}", name="quarter")
    n = q_map[which] if not (letter == "H" and which in ("final", "last")) else 2
    if n > top:
        return None
    if year:
        return mk(m, "date", f"{year}-{letter}{n}", name="quarter")
    if letter == "H" and not rel:
        if not re.match(r"\s+of\s+(?:the|this|last|next)\s+year", ctx.text[m.end() : m.end() + 25]):
            return None
    if not ctx.dct:
        return mk(m, "date", f"XXXX-{letter}{n}", name="quarter")
    cur = cal.quarter_of(ctx.dct) if letter == "Q" else (1 if ctx.dct.month <= 6 else 2)
    if rel:
        y = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[rel]
    else:
        y = ctx.dct.year if n <= cur or ctx.direction(m.start(), m.end()) == "future" else ctx.dct.year - 1
    return mk(m, "date", f"{y:04d}-{letter}{n}", name="quarter")


HOURS_OF_DAY = re.compile(
    r"(?i)\s+of\s+(?:the\s+)?(?:morning|night|evening|day\b|dawn|today|yesterday|tomorrow|this|last|\d|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)


@rule(
    "phase_units",
    P + r"(?i:the\s+(?:very\s+)?(?:early|earliest|first|opening|initial|final|closing|last)\s+"
    r"(hours|days|weeks|months|years|decades))" + E,
)
def _phase_units(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the early days of the war", "the first hours of the offensive": a vague stretch (PXD, PTXH)."""
    if m.group(1).lower() == "hours" and HOURS_OF_DAY.match(ctx.text[m.end() : m.end() + 40]):
        return None  # "the early hours of the morning / of Tuesday / of 24 February": a time of day
    return mk(m, "duration", cal.duration(None, unit_code(m.group(1))), name="duration")


def _vague_words() -> set[str]:
    """The vague amounts of the lexicon ("several", "a few"), lower-cased."""
    return {norm(w) for w in lexicon()["vague_amounts"]}


NOT_STRETCH = ("long", "working", "office", "opening", "business", "peak", "school", "early", "late")
AROUND_UNITS = ("over", "through", "across", "throughout", "during")
AFTER_UNITS = re.compile(r"\s+(?:since|after|following|before|that\s+followed|leading\s+up)\b")


@rule("the_units", P + r"(?i:the\s+(hours|days|weeks|months|years|decades)(\s+(?:to\s+come|ahead))?)" + E)
def _the_units(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "over the years", "in the days after the attack", "the months to come": a vague stretch."""
    after = ctx.text[m.end() : m.end() + 30]
    if not (m.group(2) or prev_word(ctx, m.start()) in AROUND_UNITS or AFTER_UNITS.match(after)):
        return None
    return mk(m, "duration", cal.duration(None, unit_code(m.group(1))), name="duration")


@rule(
    "units_later",
    P + r"(?i:(hours|days|weeks|months|years|decades)(?:\s+(?:later|earlier)|(?=\s+(?:after|before)\b)))" + E,
)
def _units_later(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "Days later he signed", "months after the invasion": the vague stretch PXD, PXM, as TimeBank marks
    "a day earlier" P1D."""
    before = prev_word(ctx, m.start())
    if before in NOT_STRETCH:
        return None  # "worked long hours after the war": hours of work, not a stretch of time
    if parse_number(before) is not None or before in _vague_words():
        return None  # "eight years later", "several weeks later": the amount's own rule
    return mk(m, "duration", cal.duration(None, unit_code(m.group(1))), name="duration")


@rule("for_some_time", P + r"(?<=\b[Ff]or\s)(?i:(?:quite\s+)?some\s+time)" + E)
def _for_some_time(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "has been in the gulf for some time": an unstated stretch, which TimeBank writes PXM."""
    return mk(m, "duration", "PXM", name="duration")


@rule("age_of_event", P + r"(\d{{1,3}}|{NUM})-(year|month|week|day)-old(?=\s+(\w+))")
def _age_of_event(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the 2-year-old war", "an 8-month-old truce": how long the event has lasted (P2Y, P8M); the age of
    a person or a firm ("the 71-year-old president") is no time of the news."""
    noun = m.group(3).lower()
    if not (cue_has(noun, "situation") or triggers().get(noun, ("", "VERB"))[1] in ("NOUN", "ANY")):
        return None
    amount = parse_number(m.group(1))
    if amount is None:
        return None
    return mk(m, "duration", cal.duration(amount, unit_code(m.group(2))), name="duration")


@rule(
    "at_the_time",
    P + r"(?<=\b[Aa]t\s)(?i:(?:the|that)\s+time)(?!\s+(?:that|when|of|which|in\s+which|being)\b)" + E,
)
def _at_the_time(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the question was not pressing at the time", "there was no war at that time": the past moment the
    text speaks of (PAST_REF, as TimeBank marks it); "at the time of the invasion" / "at the time that"
    name their moment by the event."""
    if ctx.direction(m.start(), m.end()) == "future":
        return None  # "we will decide at that time": a moment ahead
    return mk(m, "date", "PAST_REF", name="ref")
