"""The Python API: `extract` for one document, `extract_many` for many through `nlp.pipe`.

Texts are checked and cleaned at the door (`text.clean_text`: unencodable code points replaced one for
one, so spans index the text as given); texts longer than the chunk size are extracted in chunks
(`chunking`); a failure of the pipeline on one text becomes an `InputError` naming that text.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .budget import TimeBudgetExceeded, budget_seconds, time_budget
from .chunking import chunk_chars, max_chars, merge_reports, split_points
from .errors import InputError
from .extensions import ensure_extensions
from .model import Report
from .pipeline import load_pipeline
from .report import build_report
from .text import clean_text, document_id

DateLike = dt.date | dt.datetime | str | None
META_FIELDS = ("id", "title", "source", "url")
log = logging.getLogger("sitrep")


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


def _checked_text(text: object, where: str) -> str:
    """The text cleaned at the door: a string, not blank, not over the ceiling, encodable."""
    if not isinstance(text, str):
        raise InputError(f"{where}: text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{where}: the text is empty")
    limit = max_chars()
    if len(text) > limit:
        raise InputError(
            f"{where}: the text has {len(text):,} characters, more than the limit of {limit:,} "
            "(SITREP_MAX_CHARS)"
        )
    return clean_text(text)


def make_doc(
    nlp: Language, text: object, published: DateLike = None, where: str = "text", **meta: Any
) -> Doc:
    """A tokenized Doc carrying the caller's metadata, ready for the pipeline (texts longer than the
    model's `max_length` are refused here: `extract` and `extract_many` take them in chunks)."""
    text = _checked_text(text, where)
    if len(text) > nlp.max_length:
        raise InputError(
            f"{where}: the text has {len(text):,} characters, more than the model takes at once "
            f"({nlp.max_length:,}); extract and extract_many process it in chunks"
        )
    return _doc(nlp, text, _meta(published, where, meta))


def _meta(published: DateLike, where: str, meta: Mapping[str, Any]) -> dict[str, Any]:
    date = parse_published(published, f"{where}: published")
    return {"published": date, **{k: meta.get(k) for k in META_FIELDS}}


def _doc(nlp: Language, text: str, meta: dict[str, Any]) -> Doc:
    ensure_extensions()
    doc = nlp.make_doc(text)
    doc._.sitrep_meta = dict(meta)
    return doc


@dataclass
class _Job:
    """One item to extract: its clean text, metadata and the name errors give it."""

    index: int
    where: str
    text: str
    meta: dict[str, Any]


def _job(item: object, index: int, where: str | None = None) -> _Job:
    if isinstance(item, str):
        where = where or f"item {index}"
        return _Job(index, where, _checked_text(item, where), _meta(None, where, {}))
    if isinstance(item, Mapping):
        if where is None:
            where = f"item {index}" + (f" ({item['id']})" if item.get("id") else "")
        text = _checked_text(item.get("text"), where)
        meta = {k: item.get(k) for k in META_FIELDS}
        return _Job(index, where, text, _meta(item.get("published"), where, meta))
    raise InputError(f"item {index}: expected a text or a dict with 'text', not {type(item).__name__}")


def finite_report(report: Report) -> Report:
    """The report with any figure that is not a finite number (NaN, infinity) dropped to None: no
    such value may reach the store, JSON or a chart (numbers.py never reads one; this is the guard)."""
    bad = [
        q
        for q in report.quantities
        if any(isinstance(v, float) and not math.isfinite(v) for v in (q.low, q.high))
    ]
    for q in bad:
        for name in ("low", "high"):
            value = getattr(q, name)
            if isinstance(value, float) and not math.isfinite(value):
                setattr(q, name, None)
    return report


def _report(doc: Doc) -> Report:
    return finite_report(build_report(doc))


def _failed(job: _Job, exc: Exception) -> InputError:
    """An unexpected failure of the pipeline on one document, as an error naming that document."""
    log.debug("extraction of %s failed", job.where, exc_info=exc)
    err = InputError(f"{job.where}: extraction failed ({type(exc).__name__}: {str(exc)[:200]})")
    err.__cause__ = exc
    return err


def _extract_long(nlp: Language, job: _Job) -> Report:
    """A text over the chunk size: chunk by chunk, one Doc alive at a time, reports merged."""
    cuts = split_points(job.text, min(chunk_chars(), nlp.max_length))
    docs = (_doc(nlp, job.text[a:b], job.meta) for a, b in cuts)
    parts = [(a, _report(doc)) for (a, _b), doc in zip(cuts, nlp.pipe(docs, batch_size=1), strict=True)]
    return merge_reports(parts, job.meta.get("id") or document_id(job.text))


def _extract_one(nlp: Language, job: _Job) -> Report:
    seconds = budget_seconds(len(job.text))
    try:
        with time_budget(seconds):
            if len(job.text) > min(chunk_chars(), nlp.max_length):
                return _extract_long(nlp, job)
            return _report(nlp(_doc(nlp, job.text, job.meta)))
    except TimeBudgetExceeded:
        log.warning("extraction of %s stopped after %.3g s", job.where, seconds)
        raise InputError(
            f"{job.where}: extraction stopped after {seconds:.3g} s, over its time budget "
            "($SITREP_TIME_BUDGET seconds per 100,000 characters)"
        ) from None
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of the pipeline on one text names that text
        raise _failed(job, exc) from exc


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
    """Extract the sitrep/1 report of one document (a long one in chunks; see `sitrep.chunking`)."""
    nlp = nlp or load_pipeline()
    meta = {"title": title, "source": source, "url": url, "id": id}
    job = _Job(0, "text", _checked_text(text, "text"), _meta(published, "text", meta))
    return _extract_one(nlp, job)


def _batch(nlp: Language, jobs: list[_Job], batch_size: int) -> list[Report | InputError]:
    """Reports of short texts through one `nlp.pipe`; when a text breaks the pipeline, each text alone."""
    try:
        with time_budget(budget_seconds(sum(len(j.text) for j in jobs))):
            docs = [_doc(nlp, j.text, j.meta) for j in jobs]
            return [_report(doc) for doc in nlp.pipe(docs, batch_size=batch_size)]
    except (Exception, TimeBudgetExceeded):  # noqa: BLE001 - find the text that failed or hung; the others still get their reports
        out: list[Report | InputError] = []
        for job in jobs:
            try:
                out.append(_extract_one(nlp, job))
            except InputError as exc:
                out.append(exc)
        return out


def extract_many(
    items: Iterable[str | Mapping[str, Any]],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    on_error: Callable[[int, InputError], None] | None = None,
) -> Iterator[Report]:
    """Extract reports for many documents through `nlp.pipe`, in input order.

    Items are texts or dicts with `text` and optionally `published`, `title`, `source`, `url`, `id`.
    A bad item (or one the pipeline fails on) raises `InputError` naming its index; with `on_error`,
    it is passed there (index, error) and skipped, and the rest of the batch carries on. Texts longer
    than the chunk size are extracted in chunks (`sitrep.chunking`).
    """
    nlp = nlp or load_pipeline()
    batch_size = max(1, batch_size)
    long_after = min(chunk_chars(), nlp.max_length)

    def fail(index: int, exc: InputError) -> None:
        if on_error is None:
            raise exc
        on_error(index, exc)

    def run(jobs: list[_Job]) -> Iterator[Report]:
        for job, result in zip(jobs, _batch(nlp, jobs, batch_size), strict=True):
            if isinstance(result, InputError):
                fail(job.index, result)
            else:
                yield result

    pending: list[_Job] = []
    for i, item in enumerate(items):
        try:
            job = _job(item, i)
        except InputError as exc:
            fail(i, exc)
            continue
        if len(job.text) <= long_after:
            pending.append(job)
            if len(pending) >= batch_size:
                yield from run(pending)
                pending = []
            continue
        yield from run(pending)
        pending = []
        try:
            report = _extract_one(nlp, job)
        except InputError as exc:
            fail(i, exc)
            continue
        yield report
    yield from run(pending)
