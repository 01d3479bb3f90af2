"""A synthetic news corpus for batch tests and benchmarks: short wire reports from our own templates.

The sentences are written for sitrep; places, officials and figures vary with a seeded generator, so
`synthetic_corpus(n)` is the same list of articles on every machine and run.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

PLACES = [
    ("KHARKIV", "Kharkiv", "Ukraine"),
    ("ODESA", "Odesa", "Ukraine"),
    ("DNIPRO", "Dnipro", "Ukraine"),
    ("KHARTOUM", "Khartoum", "Sudan"),
    ("EL FASHER", "El Fasher", "Sudan"),
    ("GOMA", "Goma", "Congo"),
    ("BAMAKO", "Bamako", "Mali"),
    ("NIAMEY", "Niamey", "Niger"),
    ("ADEN", "Aden", "Yemen"),
    ("RAFAH", "Rafah", "Gaza"),
    ("MOGADISHU", "Mogadishu", "Somalia"),
    ("MANDALAY", "Mandalay", "Myanmar"),
]
OFFICIALS = [
    ("regional governor", "Oleh Marchenko"),
    ("army spokesman", "Colonel Ahmed Salih"),
    ("health minister", "Amina Diallo"),
    ("police chief", "Joseph Mwangi"),
    ("mayor", "Irina Kovalenko"),
    ("foreign minister", "Hassan Nour"),
    ("UN envoy", "Maria Lindqvist"),
    ("aid coordinator", "Daniel Okafor"),
]
AGENCIES = [
    "the World Health Organization",
    "the Red Cross",
    "the UN refugee agency",
    "Doctors Without Borders",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "eleven", "a dozen"]

TEMPLATES = [
    (
        "{DATELINE}, {month} {day} (Reuters) - At least {n1} people were killed and {n2} wounded when "
        "missiles struck a residential district of {city} on {weekday}, the {role} said.\n\n"
        '"The strike hit apartment blocks while families were asleep," {name} told reporters. '
        '"Rescue teams are still searching the rubble."\n\n'
        "The {country} military said it had shot down {w1} drones overnight but that {w2} got through. "
        "{Agency} said it was sending medical supplies to {city}."
    ),
    (
        "{DATELINE}, {month} {day} (AP) - More than {n3} civilians have fled {city} since fighting resumed "
        "last week, according to {agency}.\n\n"
        "{name}, the {role}, said about {n1} families were sheltering in schools and that food stocks "
        'would last only {w1} days. "We need a corridor now," {name} said.\n\n'
        "Talks between the two sides are expected to resume in Geneva on {weekday}."
    ),
    (
        "{DATELINE}, {month} {day} (AFP) - Gunmen attacked a military post near {city} on {weekday}, "
        "killing {w1} soldiers, the {role} said in a statement.\n\n"
        "Residents said the assault lasted several hours. {name} said the army had killed {n1} attackers "
        "and arrested {w2} others, a figure that could not be independently verified.\n\n"
        "The government of {country} declared three days of national mourning."
    ),
    (
        "{DATELINE}, {month} {day} - The {country} government said on {weekday} it was ready to negotiate "
        "a ceasefire if the rebels withdrew from {city} and released {n1} prisoners.\n\n"
        '"We are open to talks, but not under fire," {name}, the {role}, told a news conference. '
        "Rebel leaders rejected the conditions and said they would not leave the city.\n\n"
        "{Agency} estimated that {n3} people needed urgent assistance in the region."
    ),
    (
        "{DATELINE}, {month} {day} (Reuters) - Aid convoys carrying {n1} tonnes of flour reached {city} on "
        "{weekday}, the first deliveries in {w1} weeks, {agency} said.\n\n"
        "The {role}, {name}, warned that the supplies would feed about {n3} people for less than a month. "
        '"This is a drop in the ocean," {name} said.\n\n'
        "Officials in {country} denied reports that trucks had been blocked at the border."
    ),
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def synthetic_article(i: int, seed: int = 7) -> dict[str, Any]:
    """Article `i` of the corpus as an `extract_many` item (id, text, published, title, source, url)."""
    rnd = random.Random(seed * 1_000_003 + i)
    dateline, city, country = rnd.choice(PLACES)
    role, name = rnd.choice(OFFICIALS)
    published = dt.date(2022, 1, 1) + dt.timedelta(days=rnd.randrange(0, 900))
    template = TEMPLATES[i % len(TEMPLATES)]
    agency = rnd.choice(AGENCIES)
    text = template.format(
        DATELINE=dateline,
        month=MONTHS[published.month - 1],
        day=published.day,
        city=city,
        country=country,
        role=role,
        name=name,
        agency=agency,
        Agency=agency[0].upper() + agency[1:],
        weekday=WEEKDAYS[(published.weekday() - 1) % 7],
        n1=rnd.randrange(3, 95),
        n2=rnd.randrange(10, 240),
        n3=f"{rnd.randrange(2, 90) * 1000:,}",
        w1=rnd.choice(NUMBER_WORDS),
        w2=rnd.choice(NUMBER_WORDS),
    )
    return {
        "id": f"syn-{seed}-{i:06d}",
        "text": text,
        "published": published.isoformat(),
        "title": f"{city}: report {i}",
        "source": "sitrep synthetic wire",
        "url": f"https://example.org/wire/{seed}/{i}",
    }


def synthetic_corpus(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """The first `n` articles of the seeded corpus."""
    return [synthetic_article(i, seed) for i in range(n)]
