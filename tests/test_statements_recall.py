"""Statement boundaries and forms found by studying the misses of attribution-annotated news:
coordinated cues, headline labels, object cues. Every sentence here was written for these tests."""

from __future__ import annotations

from statements_support import run_statements as _run

HEAD = "Repairs slow in the north\n\nKARVO, March 3 (Reuters) - "


def _by_cue(sts, cue: str):
    found = [s for s in sts if s.cue.text == cue]
    assert found, [(s.cue.text, s.content.text) for s in sts]
    return found[0]


def test_coordinated_cue_ends_the_first_content(extract):
    text = HEAD + (
        "Governor Amira Haddad told reporters that the bridge would reopen in May "
        "and warned that repairs to the dam could take longer."
    )
    sts = _run(extract, text)
    told = _by_cue(sts, "told")
    assert told.content.text == "the bridge would reopen in May"
    warned = _by_cue(sts, "warned")
    assert warned.content.text == "repairs to the dam could take longer"
    assert warned.speaker is not None and "Haddad" in warned.speaker.name
    assert told.mode == warned.mode == "speech"


def test_participle_cue_ends_the_first_content(extract):
    text = HEAD + (
        "The mayor said the shelters were full, adding that two more schools would open on Friday."
    )
    sts = _run(extract, text)
    said = _by_cue(sts, "said")
    assert said.content.text == "the shelters were full"
    adding = _by_cue(sts, "adding")
    assert adding.content.text == "two more schools would open on Friday"
    assert adding.speaker is not None and adding.speaker.name.lower().endswith("mayor")


def test_conjunct_cue_keeps_the_outer_speaker(extract):
    text = HEAD + (
        "Colonel Petra Lind said the convoy had been delayed by mud and accused the contractor "
        "of hiding the cost."
    )
    sts = _run(extract, text)
    said = _by_cue(sts, "said")
    assert said.content.text == "the convoy had been delayed by mud"
    accused = _by_cue(sts, "accused")
    assert accused.speaker is not None and "Lind" in accused.speaker.name


def test_headline_label_with_audience(extract):
    text = (
        "Olena Marchenko to farmers: the grain corridor will stay open\n\n"
        "KYIV, May 4 (Reuters) - Deputy minister Olena Marchenko met grain traders in Odesa on Thursday."
    )
    sts = _run(extract, text)
    st = _by_cue(sts, ":")
    assert st.content.text == "the grain corridor will stay open"
    assert st.speaker is not None and "Marchenko" in st.speaker.name
    assert st.mode == "speech"


def test_name_and_colon_before_a_quotation(extract):
    text = HEAD + (
        "The timing did not surprise the analyst Tomas Berger: \u201cEvery spring offensive starts "
        "with the roads drying out.\u201d"
    )
    sts = _run(extract, text)
    st = _by_cue(sts, ":")
    assert st.content.text == "Every spring offensive starts with the roads drying out"
    assert st.kind == "direct"
    assert st.speaker is not None and "Berger" in st.speaker.name


def test_no_colon_statement_without_a_name(extract):
    text = HEAD + "The sign on the door read: \u201cNo entry after curfew for anyone.\u201d"
    sts = _run(extract, text)
    assert not [s for s in sts if s.cue.text == ":"]


def test_pointed_to_and_referred_to_as(extract):
    text = HEAD + (
        "Governor Ilse Brandt pointed to the rising number of drone strikes on the rail depots. "
        "Later she referred to the saboteurs as paid agents of a foreign service."
    )
    sts = _run(extract, text)
    pointed = _by_cue(sts, "pointed")
    assert pointed.content.text == "the rising number of drone strikes on the rail depots"
    referred = _by_cue(sts, "referred")
    assert referred.content.text == "the saboteurs as paid agents of a foreign service"
    assert referred.speaker is not None


def test_short_referent_is_no_content(extract):
    text = HEAD + "It is a phrase the ministry often uses to refer to Moldova."
    sts = _run(extract, text)
    assert not [s for s in sts if s.cue.text == "refer"]


def test_denounced_object_is_content(extract):
    text = HEAD + "The foreign minister denounced the shelling of the grain terminal in Izmail."
    sts = _run(extract, text)
    st = _by_cue(sts, "denounced")
    assert st.content.text == "the shelling of the grain terminal in Izmail"
    assert st.mode == "speech" and st.confidence <= 0.5


def test_records_show_at_the_end_is_evidence(extract):
    text = HEAD + (
        "The port handled more grain in April than in any month since the war began, figures from the "
        "port authority showed."
    )
    sts = _run(extract, text)
    st = _by_cue(sts, "showed")
    assert st.content.text == ("The port handled more grain in April than in any month since the war began")
    assert st.mode == "evidence"


def test_called_for_a_clause(extract):
    text = HEAD + "Senator Ruth Okafor called for the depots to be moved away from the city."
    sts = _run(extract, text)
    st = _by_cue(sts, "called")
    assert st.content.text == "the depots to be moved away from the city"
    assert st.speaker is not None and "Okafor" in st.speaker.name


def test_participle_of_a_source_noun(extract):
    text = HEAD + ("The ministry posted a statement saying that the convoy had reached Kherson.")
    sts = _run(extract, text)
    st = _by_cue(sts, "saying")
    assert st.content.text == "the convoy had reached Kherson"
    assert st.speaker is not None and "ministry" in st.speaker.name.lower()
    assert st.mode == "speech"


def test_evidence_participle_takes_its_object(extract):
    text = HEAD + "Polls showing a close race in the capital have worried the governing party."
    sts = _run(extract, text)
    st = _by_cue(sts, "showing")
    assert st.content.text == "a close race in the capital"
    assert st.mode == "evidence"


def test_participle_without_a_clause_is_no_statement(extract):
    text = HEAD + "A man saying his prayers was hit by shrapnel."
    sts = _run(extract, text)
    assert not [s for s in sts if s.cue.text == "saying"]
