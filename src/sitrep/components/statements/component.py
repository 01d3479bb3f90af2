"""Direct, indirect and mixed speech with resolved speakers, cues, venues and dates.

Each reporting verb of `data/cues.txt` (and "according to") with a subject yields a statement:
- content after the cue: the quotation that follows "said:" / "said, \"", else the verb's clausal
  complement ("X said (that) ...");
- content before the cue ("..., he said", "\"...\" said X", the lead sentence "..., Gen. X, chairman
  of ..., said Wednesday."): everything from the start of the sentence, or of the quotation that
  ends there, possibly several sentences and paragraphs back; a quotation resumed after the cue
  ("\"A,\" he said, \"B.\"") joins the same statement.
The kind is `direct` when the content is one quotation, `mixed` when it holds quoted fragments,
`indirect` otherwise. Quotations no cue claims continue the statement just before them.
Reporting verbs and "according to" are read in `verbs.py`, forms without a verb in `forms.py`, and
`builder.py` sets each statement's kind and content bounds.
"""

from __future__ import annotations

import logging

from spacy import symbols as spacy_symbols
from spacy.attrs import IDX, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.tokens import Doc

from ...extensions import ensure_extensions
from ...model import Statement
from ..shared.names import article_name
from .according import according_statement
from .backward import backward_statement
from .builder import Builder
from .dashes import dash_quote_statements
from .filters import compound_part
from .forms import (
    adjective_sections,
    adjective_statement,
    colon_statements,
    dash_statements,
    headline_statements,
    in_source_statement,
    label_statements,
    noun_statement,
    speech_nouns,
)
from .paragraphs import split_paragraphs
from .salience import Salience
from .speaker import cue_lemma, cue_lemmas, lemma_of_cue, object_cues
from .syntax import Ctx, finish
from .verbs import verb_statement

log = logging.getLogger(__name__)


_CANDIDATE: dict[tuple[int, int, int], bool] = {}  # (POS, LEMMA, LOWER) hashes -> may start a statement
_POS_VERB = {spacy_symbols.VERB, spacy_symbols.AUX}


def _may_start(pos: int, lemma: str, low: str) -> bool:
    """Whether a word of this part of speech, lemma and form can open a statement (a cheap superset
    of the tests in `find_statements`, so that only such words become Token objects)."""
    if low in {"according", "in"}:
        return True
    lemma = lemma.lower()
    if pos in _POS_VERB:
        cues = cue_lemmas()
        return lemma_of_cue(lemma, low) in cues or lemma in object_cues()
    if pos == spacy_symbols.ADJ:
        return lemma in adjective_sections()
    return pos == spacy_symbols.NOUN and lemma in speech_nouns()


def _candidates(doc: Doc, body_start: int) -> list[int]:
    """Indices of the tokens after `body_start` that may open a statement."""
    strings = doc.vocab.strings
    out = []
    for i, (pos, lemma, low, idx) in enumerate(doc.to_array([POS, LEMMA, LOWER, IDX]).tolist()):
        if idx < body_start:
            continue
        key = (pos, lemma, low)
        hit = _CANDIDATE.get(key)
        if hit is None:
            hit = _CANDIDATE[key] = _may_start(pos, strings[lemma], strings[low])
        if hit:
            out.append(i)
    return out


def find_statements(doc: Doc) -> list[Statement]:
    """Direct, indirect and mixed speech with resolved speakers, cues, venues and dates."""
    ctx = Ctx(doc)
    b = Builder(ctx)
    dash_quote_statements(b)
    label_statements(b)
    dash_statements(b)
    colon_statements(b)
    for i in _candidates(doc, ctx.body_start):
        tok = doc[i]
        if compound_part(tok):
            continue
        try:
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                according_statement(b, tok)
            elif tok.pos_ in {"VERB", "AUX"} and (
                cue_lemma(tok) in ctx.cues or tok.lemma_.lower() in ctx.object_cues
            ):
                if not backward_statement(b, tok):
                    verb_statement(b, tok)
            elif tok.lower_ == "in" and tok.dep_ == "prep":
                in_source_statement(b, tok)
            elif tok.pos_ == "ADJ" and tok.lemma_.lower() in adjective_sections():
                adjective_statement(b, tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in speech_nouns():
                noun_statement(b, tok)
        except Exception:  # one odd parse never costs the document its other statements
            log.debug("statement at %d skipped", tok.idx, exc_info=True)
    headline_statements(b)
    Salience(ctx, b.items).run()
    b.orphans()
    split_paragraphs(b)
    out = finish(b.items)
    for st in out:  # shown as the article names the party ("NATO", not the lexicon's long form)
        if st.speaker is not None and st.speaker.name:
            st.speaker.name = article_name(doc, st.speaker.name, st.speaker.text)
    return out


class StatementsComponent:
    """Sets `doc._.sitrep_statements`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_statements = find_statements(doc)
        return doc


@Language.factory(
    "sitrep_statements",
    assigns=["doc._.sitrep_statements"],
    requires=["doc._.sitrep_entities", "doc._.sitrep_times"],
    default_config={},
)
def make_statements_component(nlp: Language, name: str) -> StatementsComponent:
    """Factory of the statements component."""
    ensure_extensions()
    return StatementsComponent()
