"""Holders named by office resolve to the person the article names with that office."""

from __future__ import annotations


def _holders(extract, text: str) -> list[str]:
    return [p.holder for p in extract(text).positions]


def test_office_holder_is_the_person_named_with_it(extract) -> None:
    text = (
        "Moldova's president, Irina Caldaru, met donors on Friday. "
        "The Moldovan president later demanded tougher sanctions on Russia."
    )
    holders = _holders(extract, text)
    assert any("Irina Caldaru" in h for h in holders), holders


def test_office_of_another_country_is_not_taken(extract) -> None:
    text = (
        "Moldova's president, Irina Caldaru, met donors on Friday. "
        "The Romanian president later demanded tougher sanctions on Russia."
    )
    holders = _holders(extract, text)
    assert holders and not any("Caldaru" in h for h in holders), holders


def test_surname_holder_gets_the_full_name(nlp) -> None:
    from sitrep.components.positions.roles import named_holder

    doc = nlp("Foreign Minister Tomas Varga arrived in Vilnius on Monday. Varga spoke to reporters.")
    assert named_holder(doc, "Varga", len(doc) - 2) == "Tomas Varga"
    assert named_holder(doc, "Vilnius", len(doc) - 2) == "Vilnius"


def test_named_holder_nearest_office_before(nlp) -> None:
    from sitrep.components.positions.roles import named_holder

    doc = nlp(
        "Polish President Marek Nowak spoke first. Croatian President Ana Horvat answered him. "
        "The president then left."
    )
    at = len(doc) - 2
    assert named_holder(doc, "The president", at) == "Ana Horvat"
    assert named_holder(doc, "the Polish president", at) == "Marek Nowak"
    assert named_holder(doc, "Kremlin spokesman", at) == "Kremlin spokesman"


def test_he_after_a_named_office_holder_the_tagger_missed(nlp) -> None:
    doc = nlp(
        "Moldova's president, Irina Caldaru, addressed the Senate on Monday. "
        "Caldaru spoke by video link to a full chamber. "
        "She called for Russia to withdraw its troops and for allies to impose tougher sanctions."
    )
    found = [(p.holder, p.topic) for p in doc._.sitrep_positions]
    assert any(h == "Irina Caldaru" and "sanctions" in t for h, t in found), found
    assert any(h == "Irina Caldaru" and "withdraw" in t for h, t in found), found


def test_a_state_is_never_a_surname(nlp) -> None:
    from sitrep.components.positions.roles import named_holder

    doc = nlp("Shares of Rosneft Germany fell on Monday. Germany said it would not send tanks.")
    assert named_holder(doc, "Germany", len(doc) - 2) == "Germany"
