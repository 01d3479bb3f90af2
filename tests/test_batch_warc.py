"""`sitrep batch` on a cut or corrupt WARC.gz, on a real LocalCluster: the cut record and every record
after it are error rows naming them, nothing cut is stored, and the whole file later completes the store.
The archives are written here (test_reliability_ingest.warc: three pages of our own prose)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("distributed")
import typer  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from sitrep.batch.load import read_table  # noqa: E402
from sitrep.cli.batch import register  # noqa: E402
from sitrep.store import Store  # noqa: E402
from test_reliability_ingest import offsets, page, warc  # noqa: E402

URL = "https://news.example/"


def _archives(root: Path) -> dict[str, Path]:
    """The whole archive, and three damaged copies of it."""
    full = warc(root / "full.warc.gz")
    starts = sorted(offsets(root / "full.warc.gz"))
    crc = bytearray(full)
    crc[starts[2] - 8] ^= 0x01  # one bit of the second record's CRC-32: it and the third are untrusted
    damaged = {
        "mid": full[: starts[2] + (len(full) - starts[2]) // 2],  # cut inside the third record
        "trailer": full[:-4],  # cut inside the third record's gzip trailer: its deflate data is whole
        "crc": bytes(crc),
    }
    paths = {}
    for name, data in damaged.items():
        (root / "in").mkdir(exist_ok=True)
        paths[name] = root / "in" / f"{name}.warc.gz"
        paths[name].write_bytes(data)
    paths["full"] = root / "full.warc.gz"
    return paths


def _batch(runner: CliRunner, app: typer.Typer, inputs: list[str], out: Path, workers: str) -> dict:
    res = runner.invoke(app, ["batch", *inputs, "--out", str(out), "--local-workers", workers, "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout.strip().splitlines()[-1])


def test_batch_reports_cut_and_corrupt_warc_records_and_stores_nothing_cut(tmp_path: Path) -> None:
    paths = _archives(tmp_path)
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    out, db = tmp_path / "out", tmp_path / "s.db"
    summary = _batch(runner, app, [str(tmp_path / "in")], out, "1")  # a LocalCluster of one worker
    assert summary["workers"] == 1
    docs = read_table(str(out), "documents")
    errors = read_table(str(out), "errors")
    by_file: dict[str, list[dict]] = {}
    for d in docs:
        by_file.setdefault(Path(d["path"]).name, []).append(d)
    # every stored page is one of the three whole pages, whole; the cut/untrusted ones are not stored
    whole = {i: page(i) for i in range(3)}
    assert sorted(d["url"] for d in by_file["mid.warc.gz"]) == [URL + "0", URL + "1"]
    assert sorted(d["url"] for d in by_file["trailer.warc.gz"]) == [URL + "0", URL + "1"]
    assert [d["url"] for d in by_file["crc.warc.gz"]] == [URL + "0"]
    for d in docs:
        assert "Paragraph 11 of report" in d["text"]  # the page's last paragraph: nothing cut short
        assert d["url"] in {URL + str(i) for i in whole}
    reasons = {Path(e["input"]).name: e["reason"] for e in errors}
    assert len(errors) == 3 == summary["failed"] and summary["documents"] == 5
    assert "truncated or corrupt WARC" in reasons["mid.warc.gz"] and URL + "2" in reasons["mid.warc.gz"]
    trailer = next(e for e in errors if e["input"].endswith("trailer.warc.gz"))
    assert trailer["url"] == URL + "2" and "trailer missing" in trailer["reason"]
    assert "not stored" in trailer["reason"] and "WARC record 3" in trailer["reason"]
    assert "incorrect data check" in reasons["crc.warc.gz"] and URL + "1" in reasons["crc.warc.gz"]
    assert "nothing from there on is read" in reasons["crc.warc.gz"]  # the third record goes with it
    assert all(e["error_type"] == "read" and "\n" not in e["reason"] for e in errors)

    res = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    with Store(str(db)) as store:
        assert store.count("documents") == 2  # pages 0 and 1, once each
        # the whole archive later completes the store with the one page the cut files lost
        _batch(runner, app, [str(paths["full"])], tmp_path / "out2", "0")
        assert runner.invoke(app, ["load", str(tmp_path / "out2"), "--db", str(db)]).exit_code == 0
        assert store.count("documents") == 3


def test_record_numbers_do_not_depend_on_parsing(tmp_path: Path) -> None:
    """Partitions count rows without parsing them; a cut file numbers its rows the same either way."""
    from sitrep.batch.partitions import count_records, make_partitions, read_partition

    paths = _archives(tmp_path)
    for name in ("mid", "trailer", "crc", "full"):
        url = str(paths[name])
        parts = make_partitions([url], partition_size=1)
        rows = [r for p in parts for r in read_partition(p)]
        assert [r.row for r in rows] == list(range(count_records(url, "warc")))
        assert sum(r.item is None for r in rows) == {"mid": 1, "trailer": 1, "crc": 1, "full": 0}[name]
