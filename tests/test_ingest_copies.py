"""Nothing dropped: a word-for-word copy from another outlet, id or date is kept as a copy of the first."""

from __future__ import annotations

import json

from sitrep.ingest.pipeline import Ingest
from sitrep.record import query
from sitrep.store import Store
from sitrep.store.copies import copies

TEXT = (
    "KYIV \u2014 Ukraine's emergency service said at least 14 civilians were killed in Kharkiv on Monday "
    "when missiles struck an apartment block, and 30 more were wounded.\n\n"
    "Rescue teams were still searching the rubble late in the evening, the regional governor said."
)


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_the_same_text_from_two_outlets_keeps_both(tmp_path):
    feed = _jsonl(
        tmp_path / "feed.jsonl",
        [
            {"id": "ap-1", "text": TEXT, "published": "2022-05-03", "source": "AP"},
            {"id": "star-7", "text": TEXT, "published": "2022-05-04", "source": "Toronto Star"},
        ],
    )
    with Store(tmp_path / "copies.db") as store:
        summary = Ingest(store).run([feed])
        assert (summary.new, summary.duplicate, summary.copies) == (1, 1, 1)
        [doc] = store.rows("SELECT id, source, published, external_id FROM documents")
        assert (doc["source"], doc["published"], doc["external_id"]) == ("AP", "2022-05-03", "ap-1")
        [copy] = copies(store, doc["id"])
        assert (copy["source"], copy["published"], copy["external_id"]) == (
            "Toronto Star",
            "2022-05-04",
            "star-7",
        )
        # one story, both outlets: the copy is among the reprints of the figures it carries
        assert store.scalar("SELECT count(DISTINCT coalesce(cluster_id, id)) FROM documents") == 1
        reprints = [r for s in query.estimates(store) for e in s["estimates"] for r in e["reprints"]]
        assert reprints and {r["source"] for r in reprints} == {"Toronto Star"}

        # re-reading both printings (the same ids, outlets and dates) adds nothing
        again = Ingest(store).run([feed])
        assert (again.new, again.copies) == (0, 0)
        assert store.scalar("SELECT count(*) FROM documents") == 1
        assert len(copies(store, doc["id"])) == 1


def test_a_story_filed_again_under_a_new_id_and_date_is_kept(tmp_path):
    first = _jsonl(tmp_path / "day1.jsonl", [{"id": "w-100", "text": TEXT, "published": "2022-05-03"}])
    second = _jsonl(tmp_path / "day2.jsonl", [{"id": "w-231", "text": TEXT, "published": "2022-05-05"}])
    with Store(tmp_path / "wire.db") as store:
        Ingest(store).run([first])
        assert Ingest(store).run([second]).copies == 1
        doc_id = store.scalar("SELECT id FROM documents")
        assert [(c["external_id"], c["published"]) for c in copies(store, doc_id)] == [
            ("w-231", "2022-05-05")
        ]
