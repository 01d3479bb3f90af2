"""Statement boundaries and forms found by studying the misses of attribution-annotated news:
coordinated cues, headline labels, object cues. Every sentence here was written for these tests."""

from __future__ import annotations


HEAD = "Repairs slow in the north\n\nKARVO, March 3 (Reuters) - "


def _run(extract, text: str):
    sts = extract(text).statements
    for st in sts:
        assert text[st.content.span[0] : st.content.span[1]] == st.content.text
        assert text[st.cue.span[0] : st.cue.span[1]] == st.cue.text
        if st.speaker is not None and st.speaker.span is not None:
            assert text[st.speaker.span[0] : st.speaker.span[1]] == st.speaker.text
    return sts


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
