"""Issue 16, files: truncated and corrupt archives, feeds, pages and tables are reported (naming the
record) and never stored in part; unreadable directories are listed; a bad line names its number; one
refused text never stops a batch; ingest workers die with their parent."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.ingest import Failure, Record, discover, read_paths
from sitrep.ingest.pipeline import Ingest
from sitrep.store.db import Store

ROOT = Path(__file__).resolve().parents[1]


def page(i: int) -> str:
    paras = "".join(
        f"<p>Paragraph {j} of report {i}: the regional governor said on Tuesday that drones struck the city "
        f"and that repair crews were at work.</p>"
        for j in range(12)
    )
    return f"<html><head><title>Report {i}</title></head><body><article>{paras}</article></body></html>"


def warc(path: Path, n: int = 3) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for i in range(n):
            h = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
            )
            w.write_record(
                w.create_warc_record(
                    f"https://news.example/{i}",
                    "response",
                    payload=io.BytesIO(page(i).encode()),
                    http_headers=h,
                )
            )
    return path.read_bytes()


def offsets(path: Path) -> set[int]:
    """Where each record of a WARC starts."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as fh:
        it = ArchiveIterator(fh)
        return {it.get_record_offset() for _rec in it}


def read(*paths: Path) -> tuple[list[Record], list[Failure]]:
    items = list(read_paths([str(p) for p in paths]))
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Failure)]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_a_truncated_warc_reports_the_cut_record_and_stores_nothing_in_part(tmp_path, name):
    full = warc(tmp_path / name)
    whole, fails = read(tmp_path / name)
    assert len(whole) == 3 and not fails
    bounds = offsets(tmp_path / name)  # a cut exactly between records leaves a whole, shorter file
    seen_cut = seen_tail = False
    for cut in range(len(full) // 3, len(full) - 10, max(1, len(full) // 23)):
        if cut in bounds:
            continue
        p = tmp_path / f"cut-{cut}-{name}"
        p.write_bytes(full[:cut])
        recs, fails = read(p)
        # either the cut is reported, or it only took a gzip trailer and every record is whole
        assert fails or cut > max(b for b in bounds if b < cut) + 400, f"cut at {cut}: nothing reported"
        assert all("\n" not in str(f) for f in fails)
        for r in recs:  # every record read is one of the complete ones, whole
            assert r.text in {w.text for w in whole}
        seen_cut |= any("truncated record" in f.reason and "#https://news.example/" in f.path for f in fails)
        seen_tail |= any("truncated or corrupt WARC" in f.reason for f in fails)
    assert seen_cut


def test_reingesting_the_full_archive_after_a_cut_one_keeps_one_version(tmp_path):
    full = warc(tmp_path / "full.warc.gz")
    third = sorted(offsets(tmp_path / "full.warc.gz"))[2]
    (tmp_path / "cut.warc.gz").write_bytes(full[: third + 40])  # inside the third record
    with Store(tmp_path / "s.db") as store:
        first = Ingest(store).run([str(tmp_path / "cut.warc.gz")], aggregate=False)
        assert first.failed and first.new < 3
        second = Ingest(store).run([str(tmp_path / "full.warc.gz")], aggregate=False)
        assert second.new + first.new == 3 and not second.failed
        assert store.count() == 3


def test_a_corrupt_gzip_member_is_reported(tmp_path):
    full = bytearray(warc(tmp_path / "a.warc.gz"))
    full[len(full) // 2 : len(full) // 2 + 40] = b"\x00" * 40
    (tmp_path / "bad.warc.gz").write_bytes(bytes(full))
    recs, fails = read(tmp_path / "bad.warc.gz")
    assert fails and len(recs) < 3


RSS_HEAD = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
ITEM = (
    "<item><title>Story {i}</title><link>https://w.example/{i}</link>"
    "<description>Officials said the convoy reached the city on day {i} of the talks.</description></item>"
)


def test_a_truncated_feed_reports_the_cut_entry_and_keeps_the_whole_ones(tmp_path):
    feed = RSS_HEAD + "".join(ITEM.format(i=i) for i in range(3)) + "</channel></rss>"
    p = tmp_path / "wire.rss"
    p.write_text(feed[: feed.index("day 2") + 3])
    recs, fails = read(p)
    assert [r.title for r in recs] == ["Story 0", "Story 1"]
    assert len(fails) == 1 and fails[0].path.endswith("#entry3") and "truncated" in fails[0].reason
    p.write_text(feed)
    recs, fails = read(p)
    assert len(recs) == 3 and not fails


def test_a_malformed_but_complete_feed_is_reported_and_its_entries_kept(tmp_path):
    feed = RSS_HEAD + ITEM.format(i=0) + "<item><title>Bad & worse</title></item>" + ITEM.format(i=2)
    p = tmp_path / "bad.rss"
    p.write_text(feed + "</channel></rss>")
    recs, fails = read(p)
    assert recs and any(f.path == str(p) and "malformed feed" in f.reason for f in fails)


def test_a_truncated_html_page_is_refused(tmp_path):
    html = page(1)
    p = tmp_path / "cut.html"
    p.write_text(html[: len(html) // 2])
    recs, fails = read(p)
    assert not recs and "truncated HTML" in fails[0].reason
    p.write_text(html)
    assert len(read(p)[0]) == 1


def test_a_csv_cut_inside_a_row_refuses_that_row(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text('id,text,source\n1,"The army said 40 died.",AP\n2,"Officials said the talks will go o')
    recs, fails = read(p)
    assert [r.external_id for r in recs] == ["1"]
    assert fails[0].path == f"{p}:3" and "truncated" in fails[0].reason
    p.write_text("id,text,source\n1,The army said 40 died.,AP\n2,Officials said")
    recs, fails = read(p)
    assert [r.external_id for r in recs] == ["1"] and "truncated" in fails[0].reason


def test_a_jsonl_line_with_a_lone_surrogate_is_read_and_a_bad_line_names_its_number(tmp_path):
    p = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Kyiv said \ud800 it would hold."}),
        '{"id": "b", "text": "cut off',
        json.dumps({"id": "c", "text": ["not", "a", "string"]}),
        json.dumps({"id": "d", "text": "The governor said 12 died.", "title": "T\udfff"}),
        "[" * 100_000,
        json.dumps({"id": "e", "text": "Officials said the talks resumed."}),
    ]
    p.write_text("\n".join(lines) + "\n")  # json.dumps escapes the surrogates: "\\ud800"
    recs, fails = read(p)
    assert [r.external_id for r in recs] == ["a", "d", "e"]
    assert recs[0].text == "Kyiv said \ufffd it would hold." and recs[1].title == "T\ufffd"
    assert [f.path for f in fails] == [f"{p}:2", f"{p}:3", f"{p}:5"]


def test_an_unreadable_directory_is_listed_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "in" / "open").mkdir(parents=True)
    (tmp_path / "in" / "locked").mkdir()
    (tmp_path / "in" / "open" / "a.txt").write_text("The army said 40 died.")
    (tmp_path / "in" / "locked" / "b.txt").write_text("Officials said 12 died.")
    real = os.scandir
    locked = str(tmp_path / "in" / "locked")

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(discover([str(tmp_path / "in")]))
    assert [f.name for f in found if isinstance(f, Path)] == ["a.txt"]
    [fail] = [f for f in found if isinstance(f, Failure)]
    assert fail.path == locked and "cannot read directory (Permission denied)" in fail.reason


def test_one_text_over_the_ceiling_never_stops_the_ingest(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text((ROOT / "examples/articles/02_gaza_aid.txt").read_text())
    (tmp_path / "in" / "b.txt").write_text((ROOT / "examples/articles/03_sudan_talks.txt").read_text())
    (tmp_path / "in" / "huge.txt").write_text("Officials said the talks resumed. " * 2000)
    env = {**os.environ, "SITREP_MAX_CHARS": "20000"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitrep.cli",
            "ingest",
            str(tmp_path / "in"),
            "--db",
            str(tmp_path / "s.db"),
            "-q",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "2 new" in run.stdout and "1 failed" in run.stdout
    assert "huge.txt: the text has 68,000 characters, more than the limit of 20,000" in run.stdout
    assert "Traceback" not in run.stderr


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d.name))
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ingest_workers_die_with_their_parent(tmp_path):
    (tmp_path / "in").mkdir()
    for i in range(80):
        (tmp_path / "in" / f"{i}.txt").write_text(
            f"Officials said on day {i} that {i} people were hurt in Kherson."
        )
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sitrep.cli",
            "ingest",
            str(tmp_path / "in"),
            "--db",
            str(tmp_path / "s.db"),
            "--workers",
            "2",
            "--batch-size",
            "1",
            "-q",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        kids = _children(proc.pid)
        workers = [k for k in kids if b"spawn_main" in _cmdline(k)]
        time.sleep(0.2)
    if proc.poll() is not None:
        pytest.skip("the ingest finished before its workers could be seen")
    assert len(workers) == 2
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and [w for w in workers if _running(w)]:
        time.sleep(0.2)
    assert [w for w in workers if _running(w)] == []


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sitrep_extract_refuses_a_text_over_the_ceiling_in_one_line_and_goes_on(tmp_path):
    (tmp_path / "big.txt").write_text("Officials said the talks resumed. " * 300)
    (tmp_path / "small.txt").write_text("The army said 40 soldiers died on Monday.")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitrep.cli",
            "extract",
            str(tmp_path / "big.txt"),
            str(tmp_path / "small.txt"),
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "SITREP_MAX_CHARS": "5000"},
        timeout=300,
    )
    assert run.returncode == 1 and len(run.stdout.splitlines()) == 1
    assert run.stderr.strip() == (
        f"sitrep: error: {tmp_path / 'big.txt'}: the text has 10,200 characters, "
        "more than the limit of 5,000 (SITREP_MAX_CHARS)"
    )
