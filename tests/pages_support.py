"""A store for the overview, map and paging tests: `web_support.build_store` plus town reports we wrote,
with places (coordinates as a gazetteer gives them) and events, half of them without a title."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sitrep.model import Document, Event, Place, Report, TextSpan
from sitrep.store.db import Store
from web_support import build_store, estimate_report

TOWNS = [  # name, country, lat, lon
    ("Kharkiv", "UA", 49.99, 36.23),
    ("Odesa", "UA", 46.48, 30.72),
    ("Khartoum", "SD", 15.5, 32.56),
    ("Goma", "CD", -1.68, 29.22),
]
OUTLETS = ["Gazette", "Courier", "Herald"]
TOWN_REPORTS = 40
# A figure a day after Ben Wallace's "between 90,000 and 100,000" (web_support.ESTIMATES) that cannot
# overlap it, from another claimant: one disagreement.
DISAGREEING = (
    "At a briefing in Brussels on Friday, Mark Milley said at most 40,000 Russian soldiers had been"
    " killed or wounded.",
    "2022-12-02",
    "Tribune",
    "Mark Milley",
    "at most 40,000",
    None,
    40000,
    "at_most",
)
DOCUMENTS = 5 + 1 + TOWN_REPORTS  # web_support's five, the disagreeing figure, the town reports
FIRST_DAY = dt.date(2023, 1, 2)


OPENINGS = [
    "Shelling",
    "Artillery",
    "Rockets",
    "Drones",
    "Mortars",
    "Missiles",
    "Airstrikes",
    "Gunfire",
    "Bombs",
    "Grenades",
]
PARTS = [
    "the centre",
    "the northern district",
    "a crowded market",
    "the railway station",
    "a school yard",
    "the river port",
    "an apartment block",
    "the old bazaar",
    "a fuel depot",
    "the city hospital",
]
WHEN = [
    "early on Monday",
    "late on Tuesday",
    "before dawn on Wednesday",
    "at noon on Thursday",
    "overnight into Friday",
    "on Saturday evening",
    "during Sunday prayers",
    "shortly after midnight",
    "around breakfast time",
    "as curfew began",
]
SAID = [
    "residents reported",
    "the mayor said",
    "police officers said",
    "a medic told reporters",
    "witnesses said",
    "local officials confirmed",
    "a teacher recalled",
    "the fire brigade said",
    "a shopkeeper said",
    "nurses at the clinic said",
]
AFTER = [
    "Volunteers opened a second shelter for families who left their homes.",
    "Queues formed outside the bakery as power lines stayed down.",
    "Engineers began clearing rubble from the main road by afternoon.",
    "Schools were closed until further notice and exams postponed.",
    "Buses carried elderly people to villages further from the front.",
    "The water plant switched to generators while pumps were repaired.",
    "Churches rang their bells to call for blood donors.",
    "Farmers said they could no longer reach fields beyond the bridge.",
    "Train services were suspended for the rest of the week.",
    "A football stadium was turned into a depot for aid parcels.",
]


def town_report(i: int) -> tuple[Report, str]:
    """Report `i`: an attack on one of four towns (each report worded differently, so no two are wire
    copies), with the town's two place mentions and an attack event."""
    town, country, lat, lon = TOWNS[i % len(TOWNS)]
    j = i // len(TOWNS)
    trigger = OPENINGS[j]
    after = AFTER[j][0].lower() + AFTER[j][1:]
    text = f"{trigger} hit {PARTS[j]} of {town} {WHEN[j]}, {SAID[j]}. In {town}, {after}"
    first = text.index(town)
    second = text.index(town, first + 1)
    trig = 0
    places = [
        Place(
            text=town, span=(s, s + len(town)), name=town, country=country, lat=lat, lon=lon, feature="city"
        )
        for s in (first, second)
    ]
    event = Event(
        id="v1",
        type="attack",
        place=town,
        status="reported",
        trigger=TextSpan(text=trigger, span=(trig, trig + len(trigger))),
    )
    published = (FIRST_DAY + dt.timedelta(days=i)).isoformat()
    doc = Document(
        id=f"town-{i:03d}",
        title=f"{trigger} in {town}, report {i}" if i % 2 == 0 else None,
        source=OUTLETS[i % len(OUTLETS)],
        published=published,
    )
    return Report(document=doc, places=places, events=[event]), text


def build_pages_store(path: Path, extract: Any) -> dict[str, Any]:
    """The web tests' store and the town reports; ids of what was written."""
    ids: dict[str, Any] = dict(build_store(path, extract))
    with Store(path) as store:
        r = estimate_report(*DISAGREEING)
        text, published, source = DISAGREEING[:3]
        store.write_report(r, text, {"source": source, "published": published, "title": r.document.title})
        ids["Tribune"] = r.document.id
        for i in range(TOWN_REPORTS):
            report, text = town_report(i)
            d = report.document
            store.write_report(report, text, {"source": d.source, "published": d.published, "title": d.title})
        from sitrep.aggregate import refresh

        refresh(store)  # as `sitrep ingest` leaves a store: clusters, entities, stored estimate series
    ids["towns"] = [f"town-{i:03d}" for i in range(TOWN_REPORTS)]
    return ids
