"""A tokenizer wrapper that keeps tokenizing, and the pipeline after it, linear on any text.

spaCy's tokenizer strips prefixes and suffixes from each whitespace-free stretch one at a time, and
its suffix search scans the whole stretch each time: a run of 40,000 quote marks, brackets or emoji
takes minutes. `SafeTokenizer` hands such stretches (`LONG_RUN` characters or more without
whitespace, which real news never has) to a linear splitter instead: letter-and-digit runs, and runs
of one repeated mark, one token each. Every other stretch goes through spaCy's own tokenizer, so a
text without long stretches is tokenized exactly as before.

The statistical components cost time per token, so a text with far more tokens than prose of its
length ever has (`max_tokens`: two for every nine characters, plus 1,000; news has about one for
every five, and no article of the bench corpora comes within 950 tokens of the limit) is thinned to
`thin_target` tokens (one for every ten characters, plus 1,000): runs of marks, then runs of one- and
two-character tokens, then (if still needed) groups of neighbouring tokens within paragraphs, then
across them, are merged into single tokens. Tokens only ever merge, never move, so every character
offset stays where it was; prose is never thinned. And no sentence runs past `MAX_SENTENCE_TOKENS`
tokens without a full stop (a sentence start is marked for the parser): the rules that look across
a sentence stay linear on text that never ends one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.attrs import SENT_START
from spacy.tokens import Doc
from spacy.vocab import Vocab

LONG_RUN = 100  # characters without whitespace that spaCy's affix loop is not given
_LONG = re.compile(rf"\S{{{LONG_RUN},}}")
# a letter-and-digit run, or a run of one repeated mark (whitespace never occurs inside a long run)
_PIECE = re.compile(r"[^\W_]+|(.)\1*", re.S)
MIN_MERGE = 4  # a run of marks or of tiny tokens merges only from this many tokens on


def max_tokens(text: str) -> int:
    """The most tokens a text of this length is given to the statistical pipeline without thinning."""
    return len(text) * 2 // 9 + 1000


def thin_target(text: str) -> int:
    """The tokens a text over `max_tokens` is thinned to."""
    return len(text) // 10 + 1000


class SafeTokenizer:
    """Wraps a spaCy tokenizer (callable text -> Doc); other attributes are the wrapped tokenizer's."""

    def __init__(self, inner: Callable[[str], Doc], vocab: Vocab) -> None:
        self.inner = inner
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = self._split(text) if _LONG.search(text) else self.inner(text)
        if len(doc) > max_tokens(text):
            doc = thin(doc, thin_target(text))
        if len(doc) > MAX_SENTENCE_TOKENS:
            cap_sentences(doc)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def _split(self, text: str) -> Doc:
        """Long stretches by the linear splitter, everything between them by the wrapped tokenizer."""
        docs: list[Doc] = []
        pos = 0
        for m in _LONG.finditer(text):
            if m.start() > pos:
                docs.append(self.inner(text[pos : m.start()]))
            words = [p.group() for p in _PIECE.finditer(m.group())]
            spaces = [False] * len(words)
            pos = m.end()
            if text.startswith(" ", pos):  # the one space after a token is its trailing whitespace
                spaces[-1] = True
                pos += 1
            docs.append(Doc(self.vocab, words=words, spaces=spaces))
        if pos < len(text):
            docs.append(self.inner(text[pos:]))
        doc = Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]
        return doc


def _is_mark(word: str) -> bool:
    return not word.isspace() and not any(c.isalnum() for c in word)


def _is_tiny(word: str) -> bool:
    return len(word) <= 2 and not word.isspace()


def _merge_runs(words: list[str], spaces: list[bool], keep: Callable[[str], bool]) -> None:
    """Merge, in place, every run of at least MIN_MERGE consecutive tokens for which `keep` is true."""
    out_w: list[str] = []
    out_s: list[bool] = []
    i, n = 0, len(words)
    while i < n:
        j = i
        while j < n and keep(words[j]):
            j += 1
        if j - i >= MIN_MERGE:
            out_w.append(_joined(words, spaces, i, j))
            out_s.append(spaces[j - 1])
            i = j
        else:
            stop = max(j, i + 1)
            out_w.extend(words[i:stop])
            out_s.extend(spaces[i:stop])
            i = stop
    words[:], spaces[:] = out_w, out_s


def _joined(words: list[str], spaces: list[bool], i: int, j: int) -> str:
    return (
        "".join(w + (" " if s else "") for w, s in zip(words[i : j - 1], spaces[i : j - 1], strict=True))
        + words[j - 1]
    )


_BLANK = re.compile(r"\n[ \t\r]*\n")


def _group(words: list[str], spaces: list[bool], k: int, keep_paragraphs: bool) -> None:
    """Merge, in place, every k consecutive tokens into one (paragraph breaks stay tokens of their own
    while `keep_paragraphs`)."""
    out_w: list[str] = []
    out_s: list[bool] = []
    i, n = 0, len(words)

    def fixed(w: str) -> bool:
        return keep_paragraphs and "\n" in w and _BLANK.search(w) is not None

    while i < n:
        if fixed(words[i]):
            out_w.append(words[i])
            out_s.append(spaces[i])
            i += 1
            continue
        j = i
        while j < n and j - i < k and not fixed(words[j]):
            j += 1
        out_w.append(_joined(words, spaces, i, j))
        out_s.append(spaces[j - 1])
        i = j
    words[:], spaces[:] = out_w, out_s


def thin(doc: Doc, budget: int) -> Doc:
    """The same text in at most about `budget` tokens: merge runs of marks, then of tiny tokens, then
    groups of neighbours, stopping as soon as the budget is met."""
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    passes: list[Callable[[], None]] = [
        lambda: _merge_runs(words, spaces, _is_mark),
        lambda: _merge_runs(words, spaces, _is_tiny),
        lambda: _group(words, spaces, -(-len(words) // budget), keep_paragraphs=True),
        lambda: _group(words, spaces, -(-len(words) // budget), keep_paragraphs=False),
    ]
    for run in passes:
        run()
        if len(words) <= budget:
            break
    return Doc(doc.vocab, words=words, spaces=spaces)


MAX_SENTENCE_TOKENS = 250  # the longest sentence in the bench corpora has 199 tokens
_ENDS = frozenset(".!?")


def cap_sentences(doc: Doc, limit: int = MAX_SENTENCE_TOKENS) -> None:
    """Mark a sentence start (kept by the parser) wherever `limit` tokens have passed without a full
    stop, question or exclamation mark or line break: the statement and entity rules look across a
    sentence, so one endless sentence ("he said he said he said ...") would cost time squared."""
    since = 0
    starts: list[int] = []
    for i, tok in enumerate(doc):
        text = tok.text
        if text[-1:] in _ENDS or "\n" in text:
            since = 0
            continue
        since += 1
        if since > limit:
            starts.append(i)
            since = 1
    if starts:
        flags = doc.to_array(SENT_START)
        flags[starts] = 1
        doc.from_array(SENT_START, flags)  # type: ignore[arg-type]  # spaCy's stub wants Ints2d


def install(nlp: Any) -> None:
    """Put a `SafeTokenizer` in front of the pipeline's tokenizer (once)."""
    if not isinstance(nlp.tokenizer, SafeTokenizer):
        nlp.tokenizer = SafeTokenizer(nlp.tokenizer, nlp.vocab)
