"""The `sitrep/1` report contract as pydantic models.

Every public result type lives here; the CLI, the store and the exports serialize these types.
Field names are the contract in `shared/seed/README.md`; fields may be added, never renamed.
Every `span` is a `[start, end)` pair of character offsets into the text as given.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA: Literal["sitrep/1"] = "sitrep/1"

Span = tuple[int, int]

Qualifier = Literal["exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range"]
StatementKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["date", "time", "duration", "set", "interval"]
EventStatus = Literal["reported", "announced", "alleged", "denied", "speculated", "disputed"]
Stance = Literal["open", "conditional", "rejects"]


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class TextSpan(_Model):
    """A surface string and where it stands in the text."""

    text: str
    span: Span


class Document(_Model):
    """Metadata of one input document."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    dateline: str | None = None
    dateline_span: Span | None = None
    body_start: int = 0  # first character after the dateline


class Entity(_Model):
    """A person, organisation, country or group with all its mentions in the document."""

    id: str
    name: str
    type: str  # PERSON | ORG | GPE | NORP | LOC | ...
    titles: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    mentions: list[TextSpan] = Field(default_factory=list)


class Speaker(_Model):
    """Who made a statement: a canonical name, never a pronoun."""

    name: str
    entity: str | None = None
    span: Span | None = None  # the mention used at the statement (may be a pronoun)
    text: str | None = None  # that mention's surface


class TimeRef(_Model):
    """A time expression attached to an item, with its normalized value."""

    text: str
    value: str | None = None
    span: Span | None = None


class Statement(_Model):
    """Direct, indirect or mixed reported speech."""

    id: str
    speaker: Speaker | None
    cue: TextSpan
    kind: StatementKind
    content: TextSpan
    time: TimeRef | None = None
    venue: str | None = None
    quotes: list[TextSpan] = Field(default_factory=list)  # quoted fragments inside the content
    confidence: float = 1.0
    # What the cue attributes: "speech" (said, told, "according to" a person), "thought" (believes,
    # expects, fears, supports), "intention" (wants, plans, intends) or "evidence" (shows, "according
    # to" a report, poll or documents). `kind` keeps the form (direct/indirect/mixed). Consumers that
    # need something actually said (an event "announced") should use only mode == "speech".
    mode: Literal["speech", "thought", "intention", "evidence"] = "speech"


class Claimant(_Model):
    """Who claims a quantity: the speaker of the enclosing statement, else the outlet."""

    name: str
    statement: str | None = None


Scope = Literal["total", "as_of", "since", "per_period", "change", "share"]


class Referent(_Model):
    """What a figure counts, in parts an aggregate can key by (claims about one referent form a series).

    `counted` is the normalized thing counted ("soldier", "civilian", "troop", "refugee", "tank",
    "missile", "person", "money", "percent"); `side` the party the counted belong to, as a name the
    identity layer resolves ("Russia" for "Russian troops", "Ukraine" for "Kyiv's forces"); `place`
    and `place_id` where (a gazetteer entry; containment comes from the gazetteer); `scope` how the
    figure relates to time: a running total as of a date (`as_of`, the default for tolls), a count
    since a date (`since`, with `period` the start), a rate per period (`per_period`, `period` a
    TIMEX3 duration like "P1D"), a change or multiplier (`change`), a share of a whole (`share`).
    `countable` is False for figures that estimate nothing an analyst would chart: a count of
    countries, sides or leaders, "two world wars", a survey's sample size. Such figures stay
    quantities but form no series.
    """

    counted: str | None = None
    side: str | None = None
    place: str | None = None
    place_id: str | None = None
    scope: Scope | None = None
    period: str | None = None
    countable: bool = True


class Quantity(_Model):
    """One quantitative claim with its bounds exactly as claimed."""

    id: str
    text: str
    span: Span
    low: float | int | None = None
    high: float | int | None = None
    qualifier: Qualifier = "exact"
    unit: str = "people"
    currency: str | None = None
    subject: str | None = None
    outcome: list[str] = Field(default_factory=list)
    hedged: bool = False
    hedges: list[str] = Field(default_factory=list)
    vague: bool = False
    claimant: Claimant | None = None
    place: str | None = None
    time: str | None = None
    derived_from: str | None = None  # id of the claim an elliptical follow-up copies
    referent: Referent | None = None  # what the figure counts (optional; see Referent)


class Time(_Model):
    """A time expression normalized TIMEX3-style against the publication date."""

    text: str
    span: Span
    type: TimeType
    value: str | None
    mod: str | None = None  # TIMEX3 mod: START, END, MID, BEFORE, AFTER, APPROX, ...


class Place(_Model):
    """A place mention resolved to a gazetteer entry."""

    text: str
    span: Span
    name: str
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    feature: str  # city | region | country | river | peninsula | ...
    gazetteer_id: str | None = None
    confidence: float = 1.0


class Event(_Model):
    """Something that happened (or is said, feared or denied to have happened)."""

    id: str
    type: str
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    time: str | None = None
    status: EventStatus = "reported"
    source: str | None = None
    statement: str | None = None
    trigger: TextSpan
    quantities: list[str] = Field(default_factory=list)
    negated: bool = False


class Position(_Model):
    """A stated position: who is open to what, on which conditions."""

    id: str = ""
    holder: str
    topic: str
    stance: Stance
    conditions: list[str] = Field(default_factory=list)
    condition_spans: list[Span] = Field(default_factory=list)
    condition_negated: list[bool] = Field(default_factory=list)  # True for "unless ..." conditions
    statement: str | None = None
    span: Span | None = None


class Report(_Model):
    """Everything sitrep extracted from one document."""

    schema_: Literal["sitrep/1"] = Field(default=SCHEMA, alias="schema")
    document: Document
    entities: list[Entity] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The report as plain JSON-ready data, keyed as the contract says."""
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: int | None = None) -> str:
        """The report as one JSON object."""
        return self.model_dump_json(by_alias=True, indent=indent)
