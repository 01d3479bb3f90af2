"""Opinion pieces whose author is not named (issue 15, session 9): the page's disclaimer or banner marks
the text as an op-ed, and an unattributed "we must ..." or "sanctions should ..." is the author's own
stance; a news text with no such mark, or a sentence not in the author's normative voice, holds none
for "the author". Sentences written for these tests."""

from __future__ import annotations

from positions_support import positions_of

BODY = (
    "The war has entered its third winter and the front line has barely moved since the spring.\n\n"
    "Western capitals must send more air defence systems to Ukraine before the cold sets in.\n\n"
    "Critics of the aid package have grown louder in recent months in several parliaments.\n\n"
)
DISCLAIMER = "The views expressed in this article are the author's own and not necessarily those of the site."


def test_op_ed_author_holds_a_normative_stance(extract):
    found = positions_of(extract, BODY + DISCLAIMER)
    held = [(p.holder, p.stance) for p in found if "air defence" in p.topic]
    assert held == [("the author", "open")]


def test_news_text_has_no_unnamed_author(extract):
    found = positions_of(extract, BODY)
    assert not any(p.holder == "the author" for p in found)


def test_op_ed_author_not_given_a_description(extract):
    text = "Many politicians now oppose further aid for Ukraine in the budget debate.\n\n" + DISCLAIMER
    found = positions_of(extract, text)
    assert not any(p.holder == "the author" for p in found)
