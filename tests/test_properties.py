"""Property-based probes (Hypothesis) of issue 16, kept: whatever the text, file or request, extract gives
spans into the text, the readers give a record or a failure naming it, and the server never answers 500.

Sized for CI (a few minutes in all); bench/bench_fuzz.py runs the long version.
"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sitrep
from sitrep.errors import InputError
from sitrep.ingest import Failure, Record, read_paths
from sitrep.text import clean_text
from test_reliability_text import spans_ok

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
WORDS = (
    "Russia Ukraine Kherson Zelenskyy said told added according to officials the army 40,000 killed wounded "
    'more than about at least between and on Monday last week "We will" \' \u201c \u201d ( ) - \u2014 . , ; '
    "(AP) WASHINGTON KYIV, Ukraine \u2014 \n\n 1e308 9999999999999999999999 million billion percent $"
).split(" ")
# any code point, lone surrogates and controls included
ANY_CHAR = st.characters(codec=None, exclude_categories=())
NEWSY = st.lists(st.one_of(st.sampled_from(WORDS), st.text(ANY_CHAR, max_size=6)), max_size=120).map(" ".join)
TEXTS = st.one_of(
    st.text(ANY_CHAR, max_size=300),
    NEWSY,
    st.builds(
        lambda c, n: c * n,
        st.sampled_from(list("'\"\u201c(\U0001f600.-a1 \n") + ["He said "]),
        st.integers(1, 3000),
    ),
)


@SETTINGS
@given(text=TEXTS)
def test_extract_gives_spans_into_any_text(nlp, text):
    try:
        report = sitrep.extract(text, nlp=nlp)
    except InputError as exc:
        assert not text.strip() and "empty" in str(exc)
        return
    assert spans_ok(clean_text(text), report) == []
    json.loads(report.to_json())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.one_of(TEXTS, st.integers(), st.none()), min_size=1, max_size=8))
def test_extract_many_with_on_error_never_aborts(nlp, texts):
    errors: list[int] = []
    reports = list(sitrep.extract_many(texts, nlp=nlp, on_error=lambda i, e: errors.append(i)))
    assert len(reports) + len(errors) == len(texts)
    assert all("extraction failed" not in str(e) for e in errors)


LINES = st.one_of(
    st.dictionaries(
        st.sampled_from(["id", "text", "title", "published", "url", "source", "x"]),
        st.one_of(
            st.text(ANY_CHAR, max_size=80), st.integers(), st.none(), st.lists(st.integers(), max_size=3)
        ),
        max_size=6,
    ).map(lambda d: json.dumps(d)),
    st.text(ANY_CHAR, max_size=60).map(lambda s: s.replace("\n", " ")),
    st.just("[" * 50_000),
)


def _read(path: Path) -> list[Record | Failure]:
    items = list(read_paths([str(path)]))
    for item in items:
        assert isinstance(item, (Record, Failure))
        if isinstance(item, Failure):
            assert str(path) in item.path and "\n" not in str(item)
        else:
            item.text.encode("utf-8")
    return items


@SETTINGS
@given(lines=st.lists(LINES, max_size=12))
def test_jsonl_lines_each_give_a_record_or_a_failure_naming_the_line(tmp_path, lines):
    p = tmp_path / "c.jsonl"
    p.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    items = _read(p)
    # blank as JSON Lines readers see it: ASCII white space only (a line of U+00A0 is not JSON)
    nonblank = [n for n, line in enumerate(lines, 1) if line.encode("utf-8", "surrogatepass").strip()]
    if len(items) == 1 and isinstance(items[0], Failure) and items[0].path == str(p):
        return  # the whole file refused (binary, not UTF-8)
    named = sorted(int(i.path.rsplit(":", 1)[1].split("#")[0]) for i in items)
    assert named == nonblank


@SETTINGS
@given(
    data=st.binary(max_size=2000),
    kind=st.sampled_from(["csv", "rss", "html", "warc", "warc.gz", "txt", "json"]),
)
def test_any_bytes_in_any_kind_of_file_never_stop_a_reader(tmp_path, data, kind):
    p = tmp_path / f"f.{kind}"
    p.write_bytes(data)
    _read(p)


@SETTINGS
@given(
    head=st.sampled_from(
        [b"<html><body><p>", b'<?xml version="1.0"?><rss><channel><item><description>', b'id,text\n1,"']
    ),
    body=st.text(ANY_CHAR, max_size=400),
    cut=st.floats(0, 1),
    kind=st.sampled_from(["html", "rss", "csv"]),
)
def test_cut_off_files_never_store_a_part_as_whole(tmp_path, head, body, cut, kind):
    data = head + body.encode("utf-8", "surrogatepass")
    data = data[: int(len(data) * cut)]
    p = tmp_path / f"f.{kind}"
    p.write_bytes(data)
    _read(p)


# ---- the HTTP API on a real server -----------------------------------------------------------------

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def server(tmp_path_factory, extract):
    from web_support import Server, build_store

    db = tmp_path_factory.mktemp("props") / "store.db"
    build_store(db, extract)
    s = Server(db)
    yield s
    s.stop()


PATHS = [
    "/",
    "/documents",
    "/api/documents",
    "/api/statements",
    "/api/estimates",
    "/api/contradictions",
    "/api/search",
    "/search",
    "/estimates",
    "/contradictions",
    "/api/stats",
    "/api/people/",
    "/people/",
    "/api/timeline/",
    "/timeline/",
    "/api/documents/",
    "/documents/",
    "/api/docs",
    "/map",
    "/api/map",
]
PARAMS = [
    "offset",
    "limit",
    "q",
    "speaker",
    "subject",
    "outcome",
    "source",
    "at",
    "kind",
    "party",
    "from",
    "to",
]
VALUES = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["9223372036854775808", "-1", "1e9", "%", "_", "' OR 1=1 --", "<script>", "NaN", "0-1"]),
)


def _ok(status: int, headers: dict[str, str], body: bytes, path: str) -> None:
    assert status < 500, (path, status, body[:300])
    if status >= 400 and path.startswith("/api/"):
        data = json.loads(body)
        assert set(data) == {"error"} and data["error"]["status"] == status
    assert "content-security-policy" in {k.lower() for k in headers}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(PATHS),
    tail=st.text(ANY_CHAR, max_size=20),
    params=st.dictionaries(st.sampled_from(PARAMS), VALUES, max_size=4),
)
def test_no_request_gets_a_500(server, path, tail, params):
    encoded = clean_text(tail).encode("utf-8")
    url = path + (urllib.parse.quote(encoded, safe="") if path.endswith("/") and path != "/" else "")
    query = urllib.parse.urlencode({k: clean_text(v) for k, v in params.items()})
    status, headers, body = server.request(
        url + ("?" + query if query else ""), headers={"Accept": "application/json"}
    )
    _ok(status, headers, body, url)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.one_of(
        st.binary(max_size=300),
        st.dictionaries(
            st.sampled_from(["text", "published", "title", "source", "url"]),
            st.one_of(NEWSY, st.text(ANY_CHAR, max_size=30), st.integers(), st.none(), st.booleans()),
            max_size=5,
        ).map(lambda d: json.dumps(d).encode()),
    )
)
def test_no_post_gets_a_500(server, body):
    from web_support import TOKEN

    status, headers, answer = server.request(
        "/api/documents",
        method="POST",
        body=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    _ok(status, headers, answer, "/api/documents")
