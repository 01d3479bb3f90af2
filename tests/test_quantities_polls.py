"""A share of a poll's respondents that says or thinks something is the poll's finding: it is credited to
the last poll the story named (by its author), not left unclaimed or given to the respondents."""

from __future__ import annotations


def _claimants(extract, text: str) -> dict[str, str | None]:
    out = {}
    for q in extract(text, published="2023-01-01").quantities:
        out[q.text] = q.claimant.name if q.claimant is not None else None
    return out


TEXT = (
    "Most Canadians back sending more weapons to Kyiv, a new Angus Reid Institute poll has found.\n\n"
    "In all, 61 percent say Ottawa is doing enough or too little. At the same time, 77 percent oppose "
    "sending Canadian troops, while 12 percent support the idea.\n\n"
    "Support is broad, with 65 percent of Liberals and 58 percent of Conservatives saying they want more "
    "aid. Fuel prices have risen 9 percent since January."
)




def test_shares_of_respondents_go_to_the_named_poll(extract):
    got = _claimants(extract, TEXT)
    for share in ("61 percent", "77 percent", "12 percent", "65 percent", "58 percent"):
        assert got[share] is not None and "Angus Reid" in got[share], share


def test_a_share_that_is_not_respondents_stays_unclaimed(extract):
    assert _claimants(extract, TEXT)["9 percent"] is None
