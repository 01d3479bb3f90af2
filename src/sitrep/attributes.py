"""The model's attribute rules (tag -> part of speech and morphology, lemma exceptions), applied by table.

spaCy's `AttributeRuler` runs its ~180 one- and two-token patterns through the general `Matcher` and
builds a `Span` for each of its ~one match per token: about a tenth of the statistical pipeline's time
on a long text (issue 16). `AttributeTable` applies the same rules with the same result: each pattern's
conditions (equal, IN, NOT_IN, REGEX on TAG, LOWER, DEP and IS_SPACE, the only ones the English models
use) are read from the Doc's attribute columns, candidates are looked up by the value of one condition,
and the matches are applied in the ruler's order (later rules win), each token set once with the merged
attributes. `install` swaps it in only when every pattern uses what the table understands; any other
rule set keeps spaCy's own component.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs  # the ruler's own
from spacy.vocab import Vocab

_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_OPS = {"IN", "NOT_IN", "REGEX"}

# one condition: (column, op, values); op "=" (values: one hash), "IN"/"NOT_IN" (a set), "REGEX" (a regex)
Condition = tuple[int, str, Any]


class Unsupported(ValueError):
    """A rule the table does not read (another attribute or operator): keep spaCy's component."""


def _value(vocab: Vocab, column: int, value: object) -> int:
    if column == IS_SPACE:
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        return int(value)
    if not isinstance(value, str):
        raise Unsupported(f"{value!r}")
    return int(vocab.strings.add(value)) if value else 0


def _conditions(vocab: Vocab, spec: dict[str, Any]) -> list[Condition]:
    out: list[Condition] = []
    for name, value in spec.items():
        column = _COLUMNS.get(name)
        if column is None:
            raise Unsupported(name)
        if not isinstance(value, dict):
            out.append((column, "=", _value(vocab, column, value)))
            continue
        if len(value) != 1 or next(iter(value)) not in _OPS:
            raise Unsupported(f"{name} {value!r}")
        op, arg = next(iter(value.items()))
        if op == "REGEX":
            if column != LOWER:
                raise Unsupported(f"REGEX on {name}")
            out.append((column, op, re.compile(arg)))
        else:
            out.append((column, op, frozenset(_value(vocab, column, v) for v in arg)))
    return out


class _Rule:
    """One pattern of one rule: its conditions per token, the rule's order and the token it sets."""

    __slots__ = ("order", "tokens", "offset")

    def __init__(self, order: int, tokens: list[list[Condition]], index: int) -> None:
        self.order = order
        self.tokens = tokens
        self.offset = index if index >= 0 else len(tokens) + index


class AttributeTable:
    """Applies an `AttributeRuler`'s rules to a Doc (see the module docstring)."""

    def __init__(
        self, vocab: Vocab, patterns: Sequence[dict[str, Any]], attrs: Sequence[dict[int, Any]]
    ) -> None:
        self.attrs = list(attrs)
        # candidate rules by the value of their first equal-or-IN condition on the first token
        self.by_value: dict[tuple[int, int], list[_Rule]] = {}
        self.general: list[_Rule] = []
        for order, rule in enumerate(patterns):
            for pattern in rule["patterns"]:
                tokens = [_conditions(vocab, spec) for spec in pattern]
                index = int(rule.get("index", 0))
                if not tokens or not -len(tokens) <= index < len(tokens):
                    raise Unsupported(f"index {index} of a {len(tokens)}-token pattern")
                self._add(_Rule(order, tokens, index))

    def _add(self, rule: _Rule) -> None:
        for column, op, values in rule.tokens[0]:
            if op == "=":
                self.by_value.setdefault((column, values), []).append(rule)
                return
            if op == "IN":
                for v in values:
                    self.by_value.setdefault((column, v), []).append(rule)
                return
        self.general.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        columns = (TAG, LOWER, DEP, IS_SPACE)
        table = doc.to_array(list(columns)).astype(numpy.uint64).tolist()
        rows: dict[int, list[int]] = {c: [row[k] for row in table] for k, c in enumerate(columns)}
        strings = doc.vocab.strings
        lowers: dict[int, str] = {}

        def holds(conditions: list[Condition], i: int) -> bool:
            for column, op, values in conditions:
                v = rows[column][i]
                if op == "=":
                    if v != values:
                        return False
                elif op == "IN":
                    if v not in values:
                        return False
                elif op == "NOT_IN":
                    if v in values:
                        return False
                else:  # REGEX on the lower-case form
                    text = lowers.get(v)
                    if text is None:
                        text = lowers[v] = strings[v]
                    if not values.search(text):
                        return False
            return True

        hits: list[tuple[int, int]] = []  # (rule order, token set)
        by_value = self.by_value
        for i in range(n):
            found: list[_Rule] = []
            for column in columns:
                got = by_value.get((column, rows[column][i]))
                if got:
                    found.extend(got)
            found.extend(self.general)
            for rule in found:
                if i + len(rule.tokens) > n:
                    continue
                if all(holds(conds, i + k) for k, conds in enumerate(rule.tokens)):
                    hits.append((rule.order, i + rule.offset))
        hits.sort()  # the ruler's order: by rule, then by position; a later rule overrides
        merged: dict[int, dict[int, Any]] = {}
        for order, i in dict.fromkeys(hits):
            merged.setdefault(i, {}).update(self.attrs[order])
        for i, attrs in merged.items():
            set_token_attrs(doc[i], attrs)
        return doc


def table_for(ruler: AttributeRuler) -> AttributeTable | None:
    """The table of `ruler`'s rules, or None when a rule uses something the table does not read."""
    try:
        return AttributeTable(ruler.vocab, ruler.patterns, ruler.attrs)
    except Unsupported:
        return None


@Language.factory("sitrep_attribute_table", default_config={"patterns": []})
def make_attribute_table(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> AttributeTable:
    """Factory: the table of an attribute ruler's `patterns` (as `AttributeRuler.patterns` gives them)."""
    attrs = [normalize_token_attrs(nlp.vocab, p["attrs"]) for p in patterns]
    return AttributeTable(nlp.vocab, patterns, attrs)


def install(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's attribute ruler by its table (same name and place); False, and nothing
    changed, when there is none or a rule is not readable by the table."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler) or table_for(ruler) is None:
        return False
    nlp.replace_pipe(name, "sitrep_attribute_table", config={"patterns": ruler.patterns})
    return True
