"""A figure is claimed by what the speaker says, not by the words naming the speaker ('polling across 12
countries suggests'), nor by a later claim verb that has a content clause of its own; a document 'of X'
names its own author even when X is a common noun a nationality qualifies ('data of Polish intelligence')."""

from __future__ import annotations


def _claimants(extract, text: str) -> dict[str, str | None]:
    out = {}
    for q in extract(text, published="2023-01-01").quantities:
        out[q.text] = q.claimant.name if q.claimant is not None else None
    return out


def test_a_figure_in_the_subject_of_the_cue_is_unclaimed(extract):
    text = (
        "Public attention is shifting to prices at home, polling across 12 European countries suggests, "
        "with voters split on the war."
    )
    assert _claimants(extract, text)["12"] is None


def test_a_later_claim_verb_with_its_own_content_does_not_claim(extract):
    text = (
        "Administration officials described an attack as imminent last week, as thousands of troops gathered "
        "at the border, but on Monday the ambassador said she would not use that word."
    )
    assert _claimants(extract, text)["thousands"] is None


def test_data_of_a_qualified_body_is_that_body_not_an_earlier_author(extract):
    text = (
        "According to data confirmed by the BBC, 300 officers have died. The Pentagon gives a higher figure, "
        "and according to the data of Polish intelligence, 40 generals were killed."
    )
    got = _claimants(extract, text)
    assert got["300"] == "BBC"
    assert got["40"] is not None and "Polish intelligence" in got["40"]


def test_a_claim_after_reminds_that_is_the_subjects(extract):
    text = "The foreign minister reminded that the European Union froze EUR 300 billion of Russian assets."
    got = _claimants(extract, text)
    assert any(v is not None and "minister" in v for v in got.values())


def test_a_count_in_a_relative_clause_on_the_cue_object_is_the_writers(extract):
    text = (
        "On Tuesday the archbishop condemned a \"cruel\" rocket attack on a railway station that left 23 "
        "people dead, saying he prays for the victims."
    )
    assert _claimants(extract, text)["23"] is None


def test_a_count_in_the_content_clause_stays_the_speakers(extract):
    text = "The governor said a rocket attack on a railway station had left 23 people dead."
    assert _claimants(extract, text)["23"] == "governor"


def test_data_with_no_author_is_the_party_that_published_it_just_before(extract):
    text = (
        "The Ukrainian general staff published information on enemy losses on Monday. The presented data "
        "shows that the enemy lost 640 soldiers and 12 tanks in a day."
    )
    got = _claimants(extract, text)
    assert got["640"] is not None and "general staff" in got["640"]
    assert got["12"] is not None and "general staff" in got["12"]


def test_data_published_in_another_paragraph_is_not_linked(extract):
    text = (
        "The Ukrainian general staff published information on enemy losses on Monday.\n\n"
        "The presented data shows that the enemy lost 640 soldiers in a day."
    )
    got = _claimants(extract, text)
    assert got["640"] is None or "general staff" not in got["640"]


def test_according_to_a_title_names_the_person_set_off_after_it(extract):
    text = (
        "Maria Kovalenko gave birth in the shelter last week. According to the head of the clinic, the "
        "surgeon Andriy Melnyk, more than 40 babies were born there since March."
    )
    got = _claimants(extract, text)
    assert got["more than 40"] == "Andriy Melnyk"


def test_a_report_going_on_in_its_own_voice_keeps_the_claim(extract):
    text = (
        "The Council of Europe published its report on Tuesday. It lists 45 cases of torture in the camps, "
        "and the report finds that other detainees were denied food."
    )
    got = _claimants(extract, text)
    assert got["45"] is not None and "Council of Europe" in got["45"]
