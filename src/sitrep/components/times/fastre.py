"""Faster scanning for the time rules: a first-character guard in front of each compiled pattern.

A rule's regex is tried at every character of the text. Most positions fail only after the engine
has tried every alternative of the leading optional groups. `guarded(p)` puts a lookahead in front
that admits only the characters a match of `p` can start with (worked out from the parsed
pattern), so those positions fail at once. Matches, groups and their order are unchanged: the
lookahead consumes nothing, captures nothing and only rejects positions where `p` cannot match.
Patterns this cannot analyse (back-references, '.', ASCII/LOCALE flags, empty matches) are kept as
they are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:  # Python 3.11+: the parser behind `re`
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as C
    import sre_parse as P

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}


class _Unknown(Exception):
    """The pattern holds something whose first character cannot be worked out."""


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _class_items(items: list[tuple[Any, Any]]) -> tuple[str, bool]:
    """The inside of a character class for parsed class items, and whether it is negated."""
    out, negate = [], False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            out.append(_char(av))
        elif op is C.RANGE:
            lo, hi = av
            out.append(_char(lo) + "-" + _char(hi))
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise _Unknown(op)
    return "".join(out), negate


def _first(seq: Any, icase: bool, out: list[tuple[str, bool, bool]]) -> bool:
    """Add the first-character matchers of a parsed sequence to `out`; True when it can match empty."""
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the next item supplies the first character
        if op is C.LITERAL:
            out.append((_char(av), icase, False))
            return False
        if op is C.NOT_LITERAL:
            out.append((_char(av), icase, True))
            return False
        if op is C.IN:
            inside, negate = _class_items(av)
            out.append((inside, icase, negate))
            return False
        if op is C.BRANCH:
            nullable = False
            for branch in av[1]:
                nullable = _first(branch, icase, out) or nullable
            if not nullable:
                return False
            continue
        if op is C.SUBPATTERN:
            _group, add, dele, sub = av
            if (add | dele) & (re.ASCII | re.LOCALE):
                raise _Unknown(op)
            flags = icase
            if add & re.IGNORECASE:
                flags = True
            if dele & re.IGNORECASE:
                flags = False
            if not _first(sub, flags, out):
                return False
            continue
        if op in _REPEATS:
            lo, hi, sub = av
            if hi == 0:
                continue
            if not _first(sub, icase, out) and lo > 0:
                return False
            continue
        if op is getattr(C, "ATOMIC_GROUP", None):
            if not _first(av, icase, out):
                return False
            continue
        raise _Unknown(op)  # ANY, back-references, conditionals
    return True


def first_char_guard(pattern: re.Pattern[str]) -> str | None:
    """A lookahead admitting only the characters a match of `pattern` can start with, or None."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.ASCII | re.LOCALE | re.DEBUG):
        return None
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
        out: list[tuple[str, bool, bool]] = []
        if _first(parsed, bool(pattern.flags & re.IGNORECASE), out) or not out:
            return None  # it can match the empty string
    except (_Unknown, re.error, RecursionError):
        return None
    alternatives = []
    for icase in (False, True):
        merged = "".join(inside for inside, ic, neg in out if ic == icase and not neg)
        if merged:
            alternatives.append(("(?i:[%s])" if icase else "(?-i:[%s])") % merged)
        for inside, ic, neg in out:
            if ic == icase and neg:
                alternatives.append(("(?i:[^%s])" if icase else "(?-i:[^%s])") % inside)
    return "(?=" + "|".join(alternatives) + ")"


@lru_cache(maxsize=512)
def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with a first-character guard in front (the same matches, found faster)."""
    guard = first_char_guard(pattern)
    if guard is None:
        return pattern
    try:
        fast = re.compile(guard + pattern.pattern, pattern.flags)
    except re.error:
        return pattern
    if fast.groups != pattern.groups or fast.groupindex != pattern.groupindex:
        return pattern
    return fast


# Characters outside ASCII that `re` matches case-insensitively to an ASCII letter (İ ı ſ K).
EXOTIC_CASE = frozenset("\u0130\u0131\u017f\u212a")


def _flush(run: list[str], clauses: list[frozenset[str]]) -> None:
    if run:
        clauses.append(frozenset({"".join(run)}))
        run.clear()


def _required(seq: Any) -> list[frozenset[str]]:
    """Clauses (sets of lower-case ASCII strings) such that any match holds one string of each clause."""
    clauses: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in seq:
        if op is C.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        _flush(run, clauses)
        if op is C.SUBPATTERN:
            clauses.extend(_required(av[3]))
        elif op in _REPEATS and av[0] >= 1:
            clauses.extend(_required(av[2]))
        elif op is C.BRANCH:
            chosen: set[str] = set()
            for branch in av[1]:
                best = _best(_required(branch))
                if best is None:
                    chosen = set()
                    break
                chosen |= best
            if chosen:
                clauses.append(frozenset(chosen))
    _flush(run, clauses)
    return clauses


def _score(clause: frozenset[str]) -> tuple[int, int]:
    return (min(len(s) for s in clause), -len(clause))


def _best(clauses: list[frozenset[str]]) -> frozenset[str] | None:
    return max(clauses, key=_score) if clauses else None


def required_words(pattern: re.Pattern[str], keep: int = 2) -> tuple[frozenset[str], ...]:
    """Up to `keep` clauses of strings that a text must hold (lower-cased) for `pattern` to match in it."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.ASCII | re.LOCALE):
        return ()
    try:
        clauses = _required(P.parse(pattern.pattern, pattern.flags))
    except (re.error, RecursionError):
        return ()
    good = [c for c in clauses if _score(c)[0] >= 3]
    good.sort(key=_score, reverse=True)
    return tuple(good[:keep])


@lru_cache(maxsize=512)
def scan_plan(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], tuple[frozenset[str], ...]]:
    """The guarded pattern and the word clauses a text must satisfy before it is scanned."""
    return guarded(pattern), required_words(pattern)


def lowered(text: str) -> str | None:
    """The lower-cased text for `may_match`, or None when it holds characters that defeat the test."""
    if any(c in text for c in EXOTIC_CASE):
        return None
    return text.lower()


def may_match(clauses: tuple[frozenset[str], ...], low: str | None) -> bool:
    """False only when the text (lower-cased by `lowered`) lacks every string of some clause."""
    if low is None:
        return True
    return all(any(s in low for s in clause) for clause in clauses)
