"""The `sitrep extract` command as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "WASHINGTON -- The Pentagon said Tuesday it would send 300 more troops to Poland, a spokesman said.\n"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep.cli", *args], input=stdin, capture_output=True, timeout=300
    )


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("cli") / "story.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_extract_json_prints_the_contract(article):
    out = run("extract", str(article), "--published", "2022-11-10", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == "sitrep/1"
    assert data["document"]["published"] == "2022-11-10"
    assert data["document"]["dateline"] == "WASHINGTON"


def test_extract_reads_standard_input():
    out = run("extract", "-", "--format", "json", stdin=ARTICLE.encode())
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["document"]["dateline"] == "WASHINGTON"


def test_extract_table_is_readable(article):
    out = run("extract", str(article), "--format", "table")
    assert out.returncode == 0, out.stderr
    assert b"WASHINGTON" in out.stdout


def test_many_files_as_json_lines(article, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("LONDON (Reuters) - Britain said it would send tanks.", encoding="utf-8")
    out = run("extract", str(article), str(other), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert [json.loads(x)["document"]["dateline"] for x in lines] == ["WASHINGTON", "LONDON"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", b"empty"),
        (b"  \n\n ", b"empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", b"binary"),
        (b"Troops \xff\xfe advanced", b"not valid UTF-8"),
    ],
)
def test_bad_files_get_one_clear_line_and_nonzero_exit(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = run("extract", str(bad))
    assert out.returncode != 0
    err = out.stderr.strip().splitlines()
    assert len(err) == 1 and message in err[0] and str(bad).encode() in err[0]
    assert b"Traceback" not in out.stderr


def test_missing_file_and_bad_date(tmp_path, article):
    out = run("extract", str(tmp_path / "nope.txt"))
    assert out.returncode != 0 and b"no such file" in out.stderr
    out = run("extract", str(article), "--published", "2022-02-30")
    assert out.returncode != 0 and b"not a date" in out.stderr and b"Traceback" not in out.stderr


def test_a_bad_file_does_not_stop_the_others(tmp_path, article):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = run("extract", str(bad), str(article), "--format", "jsonl")
    assert out.returncode == 1
    assert len(out.stdout.decode().splitlines()) == 1
    assert b"empty" in out.stderr
