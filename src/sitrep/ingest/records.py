"""The unit of ingest: one document's text and metadata, or one failure naming the input and the problem."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..api import parse_published
from ..errors import InputError
from ..text import clean_text, document_id


@dataclass
class Record:
    """One input document: its text and what the input says about it."""

    text: str
    path: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    byline: str | None = None
    external_id: str | None = None
    id: str = field(default="")

    def __post_init__(self) -> None:
        self.text = clean_text(self.text)  # one for one: spans into it still index the input
        self.path = clean_text(self.path)  # a file name's undecodable bytes arrive as lone surrogates
        if not self.id:
            self.id = document_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict."""
        return asdict(self)

    def item(self) -> dict[str, Any]:
        """The item `sitrep.extract_many` takes: text, published, title, source, url and the store id."""
        return {
            "id": self.id,
            "text": self.text,
            "published": self.published,
            "title": self.title,
            "source": self.source,
            "url": self.url,
        }


@dataclass
class Failure:
    """An input that could not be read: which one, and why, in words."""

    path: str
    reason: str

    def __post_init__(self) -> None:
        self.path, self.reason = clean_text(str(self.path)), clean_text(str(self.reason))

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def clean(value: Any) -> str | None:
    """A metadata value as a stripped string, or None."""
    if value is None:
        return None
    s = clean_text(str(value)).strip()
    return s or None


def make_record(text: Any, where: str, **meta: Any) -> Record:
    """A Record from text and metadata, refusing empty text and normalizing the publication date."""
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: the text is empty")
    published = clean(meta.get("published"))
    if published:
        try:
            date = parse_published(published, "published")
        except InputError:
            date = _loose_date(published)
            if date is None:
                raise InputError(f"{where}: published {published!r} is not a date") from None
        published = date.isoformat() if date else None
    return Record(
        text=text,
        path=where,
        title=clean(meta.get("title")),
        published=published,
        source=clean(meta.get("source")),
        url=clean(meta.get("url")),
        byline=clean(meta.get("byline")),
        external_id=clean(meta.get("id")),
    )


def _loose_date(value: str) -> Any:
    """Dates in feed and e-mail style ('Wed, 09 Nov 2022 10:00:00 GMT')."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
