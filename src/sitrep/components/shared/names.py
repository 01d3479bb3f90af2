"""The name an article itself uses for a party whose entity carries a lexicon canonical name.

The entities component names an organisation or country from `data/entities_aliases.tsv` by its long
canonical form ("North Atlantic Treaty Organization", "United States") so that records and the identity
store agree across articles. A speaker or claimant is shown the way the article names it: by the
form at the statement when its speaker mention is one of the canonical's names ("The United States
said" -> "United States", "the U.S. said" -> "US": an abbreviation without its dots), else by the form
the article uses most ("NATO" in an article that never spells it out). The entity id and the identity
store's alias folding are unchanged: only the shown string follows the article.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..entities.lexicon import aliases, fold_name, is_acronym
from .clauses import doc_memo


def _shown(form: str) -> str:
    """A mention's surface as a name: no leading article, an abbreviation without dots ("U.S." -> "US")."""
    form = form.strip()
    if form[:4].lower() == "the ":
        form = form[4:]
    if is_acronym(form):
        form = form.replace(".", "")
    return form


def _article_forms(doc: Doc) -> dict[str, str]:
    """Lexicon canonical name -> the form the article uses most (ties: the longer one), for every entity
    whose name is a canonical of `data/entities_aliases.tsv` and whose own form differs from it."""
    table = aliases()
    out: dict[str, str] = {}
    for ent in doc._.sitrep_entities or []:
        name = str(ent.name)
        key = fold_name(name)
        if table.get(key) != name:
            continue
        counts: Counter[str] = Counter()
        for m in ent.mentions:
            if table.get(fold_name(m.text)) == name:
                counts[_shown(m.text)] += 1
        if not counts:
            continue
        best = max(counts, key=lambda f: (counts[f], len(f)))
        if fold_name(best) != key:
            out[name] = best
    return out


def article_name(doc: Doc, name: str, mention: str | None = None) -> str:
    """`name` as this article writes it, when `name` is a lexicon canonical: the `mention` at hand when it
    is one of that canonical's names ("The United States said" -> "United States", "the US said" ->
    "US"), else the article's most used form ("North Atlantic Treaty Organization" -> "NATO" when the
    article only writes "NATO"); any other name unchanged."""
    if not name:
        return name
    if mention and aliases().get(fold_name(mention)) == name:
        return _shown(mention)
    forms: dict[str, str] = doc_memo(doc, "article_forms", lambda: _article_forms(doc))
    return forms.get(name, name)
