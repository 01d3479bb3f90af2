"""Quotation-mark scanning: quoted stretches of a text, per paragraph, robust to unbalanced marks.

Straight (") and curly (\u201c \u201d) double quotes are paired within a paragraph. An opening mark
left open at the end of a paragraph continues into the next paragraph when that one opens with a
quote mark (the wire convention for quotes running over several paragraphs); otherwise the quote
ends with its paragraph and is flagged unclosed. A stray closing mark is ignored. Because scanning
restarts at every paragraph, one unbalanced mark never derails the rest of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPEN_MARKS = "\u201c\u201e\u00ab"  # “ „ «
CLOSE_MARKS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
ALL_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
# Two apostrophes stand for a straight double quote in some newspaper archives (''like this'');
# `` opens in TeX-style text.
# Doubled single marks (‘‘like this’’) stand for double quotes in some copy too.
_MARK = re.compile("''|``|\u2018\u2018|\u2019\u2019|[" + ALL_MARKS + "]")
_OPEN_PAIRS = {"``", "\u2018\u2018"}


def mark_len(text: str, i: int) -> int:
    """Length of the quotation mark starting at `i` (0 when there is none)."""
    m = _MARK.match(text, i)
    return len(m.group()) if m else 0


def count_marks(text: str) -> int:
    """Number of quotation marks in `text`."""
    return len(_MARK.findall(text))


def mark_before(text: str, end: int) -> int:
    """Length of a quotation mark ending at `end` (0 when there is none)."""
    for n in (2, 1):
        if end - n >= 0 and mark_len(text, end - n) == n:
            return n
    return 0


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


@dataclass
class Quote:
    """One quoted stretch: `parts` are the `[start, end)` inner spans, one per paragraph it covers."""

    start: int  # the opening mark
    end: int  # just after the closing mark (or the end of the last paragraph when unclosed)
    parts: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True

    @property
    def inner_start(self) -> int:
        """First character inside the quote."""
        return self.parts[0][0]

    @property
    def inner_end(self) -> int:
        """End of the quoted text (before the closing mark)."""
        return self.parts[-1][1]

    def contains(self, pos: int) -> bool:
        """Whether character `pos` lies within the quote marks."""
        return self.start <= pos < self.end


def paragraph_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Paragraphs from `start`: blank-line separated when the text has blank lines, else one per line."""
    body = text[start:]
    sep = _BLANK_LINE if _BLANK_LINE.search(body) else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in [*sep.finditer(body), None]:
        end = m.start() if m else len(body)
        chunk = body[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            spans.append((start + pos + lead, start + end - trail))
        if m:
            pos = m.end()
    return spans


def _is_opening(text: str, i: int, inside: bool, n: int = 1) -> bool:
    """Whether the mark at `i` opens a quote (straight marks are judged by their neighbours)."""
    ch = text[i : i + n]
    if ch in OPEN_MARKS or ch in _OPEN_PAIRS:
        return True
    if ch in CLOSE_MARKS or ch == "\u2019\u2019":
        return False
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + n] if i + n < len(text) else " "
    if inside:
        return False
    if nxt.isspace() or nxt == "" or (nxt in ",.;:!?)" and not prev.isspace()):
        return False
    return True


# At most this many paragraphs without a mark between the opening paragraph of a quotation and the
# one that closes it (the convention that marks only the start and the end of a long quotation).
_MAX_BARE = 40
_END_PUNCT = {".", "!", "?", ",", "\u2026"}


def _first_marks(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """Per paragraph: the position and length of its first quotation mark (None when it has none)."""
    out: list[tuple[int, int] | None] = []
    for p_start, p_end in paras:
        m = _MARK.search(text, p_start, p_end)
        out.append((m.start(), len(m.group())) if m else None)
    return out


def _bare_run(text: str, paras: list[tuple[int, int]], firsts: list[tuple[int, int] | None], k: int) -> int:
    """How many paragraphs from `k` on have no mark at all and are followed by one whose first mark
    closes a quotation (a long quotation marked only at its very start and end); 0 when none is."""
    j = k
    while j < len(firsts) and firsts[j] is None and j - k < _MAX_BARE:
        j += 1
    first = firsts[j] if j < len(firsts) else None
    if j == k or first is None:
        return 0
    pos, n = first
    if _is_opening(text, pos, inside=False, n=n):
        return 0
    # the mark ends a sentence of the quotation ('... as it takes." / ... takes", he said.'), and at
    # most a short attribution follows it in its paragraph
    before, after = text[pos - 1 : pos], text[pos + n : paras[j][1]]
    if before not in _END_PUNCT and after[:1] not in {".", ","}:
        return 0
    return j - k if len(after) <= 100 and not _MARK.search(after) else 0


def find_quotes(text: str, start: int = 0) -> list[Quote]:
    """Every quoted stretch of `text` from `start`, paragraph by paragraph."""
    quotes: list[Quote] = []
    open_q: Quote | None = None  # a quote running on from the previous paragraph
    paras = paragraph_spans(text, start)
    firsts = _first_marks(text, paras)
    bare = 0  # paragraphs still to pass inside a quotation marked only at its start and end
    closing = -1  # the paragraph that closes such a quotation
    for k, (p_start, p_end) in enumerate(paras):
        current = open_q
        if current is not None:
            n0 = mark_len(text, p_start)
            if bare == 0 and not n0 and k != closing:
                bare = _bare_run(text, paras, firsts, k)
                closing = k + bare if bare else -1
            if bare > 0:  # a paragraph of a long quotation without marks of its own
                bare -= 1
                current.parts.append((p_start, p_end))
                current.end = p_end
                continue
            if n0 and text[p_start] not in CLOSE_MARKS:
                seg_start = p_start + n0
                i = p_start + n0
            elif k == closing:
                seg_start = i = p_start  # the closing paragraph of a quotation marked only at its ends
            else:  # the quote ended unclosed with its paragraph
                current.closed = False
                quotes.append(current)
                current = None
                i = p_start
        else:
            i = p_start
        open_q = None
        for m in _MARK.finditer(text, i, p_end):  # marks left to right, as a scan char by char finds them
            i, ch = m.start(), m.group()
            n = len(ch)
            if current is None:
                if _is_opening(text, i, inside=False, n=n):
                    current = Quote(start=i, end=i + n)
                    seg_start = i + n
            elif ch in OPEN_MARKS or ch in _OPEN_PAIRS:
                # A second opening mark: the first was never closed; restart here.
                current.parts.append((seg_start, _rstrip(text, seg_start, i)))
                current.end = i
                current.closed = False
                quotes.append(current)
                current = Quote(start=i, end=i + n)
                seg_start = i + n
            else:
                current.parts.append((seg_start, i))
                current.end = i + n
                quotes.append(current)
                current = None
        if current is not None:
            current.parts.append((seg_start, p_end))
            current.end = p_end
            open_q = current
    if open_q is not None:
        open_q.closed = False
        quotes.append(open_q)
    return [q for q in quotes if q.parts and q.inner_end > q.inner_start]


def _rstrip(text: str, start: int, end: int) -> int:
    """`end` moved back over whitespace, not before `start`."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# British-style single quotation marks: an opening mark after a space, bracket, dash or colon and
# before a letter or digit; a closing mark after a non-space and before a space or punctuation.
_SINGLE = re.compile(
    "(?:(?<=^)|(?<=[\\s(\\[:\u2014\u2013-]))(?P<open>[\u2018'])(?=[\\w\u2026])"
    "(?P<inner>[^\n\u2018\u201c\u201d\"]*?[^\\s\u2018])(?P<close>[\u2019'])(?=[\\s,.;:!?)\\]\u2014\u2013-]|$)"
)


def find_single_quotes(
    text: str, start: int = 0, min_words: int = 4, doubles: list[Quote] | None = None
) -> list[Quote]:
    """Candidate quotations in single marks (\u2018like this\u2019) of at least `min_words` words, outside
    double-quoted stretches (`doubles`: `find_quotes(text, start)` when the caller has it already);
    whether one is a quotation (not an apostrophe) is left to the caller."""
    spans = [(q.start, q.end) for q in (find_quotes(text, start) if doubles is None else doubles)]
    out: list[Quote] = []
    for p_start, p_end in paragraph_spans(text, start):
        for m in _SINGLE.finditer(text, p_start, p_end):
            s, e = m.start("open"), m.end("close")
            if len(m.group("inner").split()) < min_words or any(a < e and s < b for a, b in spans):
                continue
            out.append(Quote(start=s, end=e, parts=[(m.start("inner"), m.end("inner"))]))
    return out
