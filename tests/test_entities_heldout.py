"""Entities: cases found by the held-out end-to-end set (dateline agencies, period-less titles)."""

from __future__ import annotations


def test_the_dateline_agency_is_no_referent(extract):
    text = (
        "OUAGADOUGOU, Burkina Faso (AP) — Soldiers killed 223 villagers, a report said. "
        "The rights group said troops swept through two villages."
    )
    rep = extract(text)
    assert "AP" not in {m.text for e in rep.entities for m in e.mentions}
    assert all(s.speaker is None or s.speaker.name.lower() != "ap" for s in rep.statements)


def test_titles_without_periods(extract):
    text = (
        "Lt Gen Kirill Budanov said the attack failed. "
        "Dr Tedros Adhanom Ghebreyesus said the hospital was hit."
    )
    rep = extract(text)
    people = {e.name: e.titles for e in rep.entities if e.type == "PERSON"}
    assert people == {"Kirill Budanov": ["Lt Gen"], "Tedros Adhanom Ghebreyesus": ["Dr"]}


def test_a_title_recovers_a_name_the_model_missed(extract):
    text = "Col Souleymane Dembélé, an army spokesman, said the situation was under control."
    rep = extract(text)
    (st,) = rep.statements
    assert st.speaker is not None and st.speaker.name == "Souleymane Dembélé"
    ent = next(e for e in rep.entities if e.name == "Souleymane Dembélé")
    assert ent.type == "PERSON" and ent.titles == ["Col"]
    for m in ent.mentions:
        assert text[m.span[0] : m.span[1]] == m.text


def test_an_unknown_name_before_rebels_is_a_group_that_the_group_refers_to(extract):
    text = (
        "M23 rebels said they had taken the city. The U.N. refugee agency said 400,000 people had fled. "
        "M23 spokesman Lawrence Kanyuka said the group was willing to hold talks."
    )
    rep = extract(text)
    m23 = next(e for e in rep.entities if e.name == "M23")
    assert m23.type == "ORG"
    assert "the group" in [m.text for m in m23.mentions]
