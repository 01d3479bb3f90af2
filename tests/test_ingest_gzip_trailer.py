"""A WARC.gz cut only in its last gzip member's 8-byte trailer (CRC-32 and length), or with a trailer
that does not match: warcio reads the record as whole, the gzip check reports it as failed."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sitrep.ingest.gzcheck import bad_member
from sitrep.ingest.pipeline import Ingest
from sitrep.store.db import Store
from test_reliability_ingest import offsets, read, warc


def _last_member(path: Path) -> int:
    return max(offsets(path))


@pytest.mark.parametrize("cut", [1, 4, 7, 8])
def test_a_trailer_cut_off_fails_the_last_record_only(tmp_path: Path, cut: int) -> None:
    full = warc(tmp_path / "full.warc.gz")
    start = _last_member(tmp_path / "full.warc.gz")
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(full[:-cut])
    found = bad_member(p)
    assert found is not None and found.start == start and "trailer missing" in found.reason
    recs, fails = read(p)
    whole, _ = read(tmp_path / "full.warc.gz")
    assert [r.text for r in recs] == [w.text for w in whole[:2]]
    [fail] = fails
    assert fail.path.endswith("#https://news.example/2") and "not stored" in fail.reason


@pytest.mark.parametrize(("back", "what"), [(8, "incorrect data check"), (1, "incorrect length check")])
def test_a_wrong_crc_or_length_is_reported(tmp_path: Path, back: int, what: str) -> None:
    data = bytearray(warc(tmp_path / "full.warc.gz"))
    data[-back] ^= 0x01  # one bit of the last member's CRC-32 (8 from the end) or length (the last byte)
    p = tmp_path / "bad.warc.gz"
    p.write_bytes(bytes(data))
    found = bad_member(p)
    assert found is not None and what in found.reason
    recs, fails = read(p)
    assert len(recs) == 2 and fails
    assert not any(r.url == "https://news.example/2" for r in recs)


def test_whole_files_and_plain_warcs_pass(tmp_path: Path) -> None:
    warc(tmp_path / "w.warc.gz")
    warc(tmp_path / "w.warc")
    assert bad_member(tmp_path / "w.warc.gz") is None and bad_member(tmp_path / "w.warc") is None
    # a WARC gzipped as one member, then its trailer cut: no record in it can be trusted
    one = tmp_path / "one.warc.gz"
    one.write_bytes(gzip.compress((tmp_path / "w.warc").read_bytes())[:-8])
    found = bad_member(one)
    assert found is not None and found.start == 0
    recs, fails = read(one)  # (warcio itself stops after the first record of a one-member WARC.gz)
    assert recs == [] and fails[0].path.endswith("#https://news.example/0")
    assert all("\n" not in str(f) for f in fails)


def test_ingest_stores_no_record_of_a_cut_trailer_and_the_full_file_completes_it(tmp_path: Path) -> None:
    full = warc(tmp_path / "full.warc.gz")
    (tmp_path / "cut.warc.gz").write_bytes(full[:-8])
    with Store(tmp_path / "s.db") as store:
        first = Ingest(store).run([str(tmp_path / "cut.warc.gz")], aggregate=False)
        assert (first.new, len(first.failed)) == (2, 1)
        assert "#https://news.example/2" in str(first.failed[0])
        second = Ingest(store).run([str(tmp_path / "full.warc.gz")], aggregate=False)
        assert (second.new, second.failed) == (1, [])
        assert store.count() == 3
