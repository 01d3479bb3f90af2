"""The Python API: `extract` for one document, `extract_many` for many through `nlp.pipe`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError
from .extensions import ensure_extensions
from .model import Report
from .pipeline import load_pipeline
from .report import build_report

DateLike = dt.date | dt.datetime | str | None
META_FIELDS = ("id", "title", "source", "url")


def parse_published(value: DateLike, where: str = "published") -> dt.date | None:
    """A publication date from a date, a datetime or an ISO string ('2022-11-10', '2022-11-10T08:00Z')."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.date.fromisoformat(s[:10])
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise InputError(f"{where}: {value!r} is not a date (use YYYY-MM-DD)")


def make_doc(
    nlp: Language, text: object, published: DateLike = None, where: str = "text", **meta: Any
) -> Doc:
    """A tokenized Doc carrying the caller's metadata, ready for the pipeline."""
    if not isinstance(text, str):
        raise InputError(f"{where}: text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{where}: the text is empty")
    ensure_extensions()
    doc = nlp.make_doc(text)
    doc._.sitrep_meta = {
        "published": parse_published(published, f"{where}: published"),
        **{k: meta.get(k) for k in META_FIELDS},
    }
    return doc


def extract(
    text: str,
    published: DateLike = None,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
    nlp: Language | None = None,
) -> Report:
    """Extract the sitrep/1 report of one document."""
    nlp = nlp or load_pipeline()
    doc = make_doc(nlp, text, published, title=title, source=source, url=url, id=id)
    return build_report(nlp(doc))


def _item_doc(nlp: Language, item: str | Mapping[str, Any], index: int) -> Doc:
    if isinstance(item, str):
        return make_doc(nlp, item, where=f"item {index}")
    if isinstance(item, Mapping):
        where = f"item {index}" + (f" ({item['id']})" if item.get("id") else "")
        meta = {k: item.get(k) for k in META_FIELDS}
        return make_doc(nlp, item.get("text"), item.get("published"), where=where, **meta)
    raise InputError(f"item {index}: expected a text or a dict with 'text', not {type(item).__name__}")


def extract_many(
    items: Iterable[str | Mapping[str, Any]],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    on_error: Callable[[int, InputError], None] | None = None,
) -> Iterator[Report]:
    """Extract reports for many documents through `nlp.pipe`, in input order.

    Items are texts or dicts with `text` and optionally `published`, `title`, `source`, `url`, `id`.
    A bad item raises `InputError` naming its index; with `on_error`, it is passed there (index,
    error) and skipped, and the rest of the batch carries on.
    """
    nlp = nlp or load_pipeline()

    def docs() -> Iterator[Doc]:
        for i, item in enumerate(items):
            try:
                yield _item_doc(nlp, item, i)
            except InputError as exc:
                if on_error is None:
                    raise
                on_error(i, exc)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield build_report(doc)
