"""Ingest readers: every input kind, and one clear failure line for every kind of bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sitrep.ingest import Failure, Record, discover, read_paths
from sitrep.text import document_id

STORY = (
    "KYIV, Ukraine (AP) \u2014 Russian drones struck energy facilities in the Odesa region overnight, "
    "cutting power to 40,000 homes, the regional governor said on Tuesday.\n\n"
    "Oleh Kiper said air defences shot down 11 of 14 drones."
)

HTML = """<!DOCTYPE html><html><head><title>Drones hit Odesa power grid</title>
<meta name="author" content="Olena Koval">
<meta property="article:published_time" content="2024-03-12T08:00:00Z">
<meta property="og:site_name" content="Black Sea Daily"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Drones hit Odesa power grid</h1>
<p>Russian drones struck energy facilities in the Odesa region overnight, cutting power to 40,000 homes,
the regional governor said on Tuesday.</p>
<p>Oleh Kiper said air defences shot down 11 of 14 drones, and that repair crews were already at work
restoring electricity to the worst-hit districts of the city.</p></article>
<footer>Copyright Black Sea Daily. All rights reserved.</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Frontline Wire</title><link>https://example.org</link>
<item><title>Drones hit Odesa</title><link>https://example.org/1</link>
<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Russian drones struck Odesa overnight, the governor said.&lt;/p&gt;
&lt;p&gt;Power was cut.&lt;/p&gt;</description></item>
<item><title>Talks stall</title><link>https://example.org/2</link>
<pubDate>Wed, 13 Mar 2024 09:00:00 GMT</pubDate>
<description>Negotiators failed to agree on a ceasefire in Geneva, officials said.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Notes</title>
<entry><title>Attack on army post</title><link href="https://example.org/a"/><id>urn:a</id>
<updated>2023-09-10T10:00:00Z</updated>
<content type="html">&lt;p&gt;Gunmen attacked an army post near Mopti, security sources said.&lt;/p&gt;
</content></entry>
</feed>"""


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def read(*paths, fields=None) -> tuple[list[Record], list[Failure]]:
    items = list(read_paths([str(p) for p in paths], fields))
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Failure)]


def test_plain_text_with_sidecar_metadata(tmp_path):
    p = write(tmp_path / "odesa.txt", STORY)
    write(
        tmp_path / "odesa.txt.meta.json",
        json.dumps(
            {
                "title": "Drones hit Odesa",
                "published": "2024-03-12",
                "source": "AP",
                "url": "https://example.org/x",
            }
        ),
    )
    [r], fails = read(p)
    assert not fails
    assert (r.text, r.title, r.published, r.source, r.url) == (
        STORY,
        "Drones hit Odesa",
        "2024-03-12",
        "AP",
        "https://example.org/x",
    )
    assert r.id == document_id(STORY) and r.path == str(p)


def test_stem_sidecar_and_no_sidecar(tmp_path):
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "a.meta.json", '{"source": "Reuters"}')
    write(tmp_path / "b.txt", STORY + " More.")
    recs, _ = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert [r.source for r in recs] == ["Reuters", None]


def test_html_main_text_title_date_and_byline(tmp_path):
    [r], fails = read(write(tmp_path / "page.html", HTML))
    assert not fails
    assert r.title == "Drones hit Odesa power grid"
    assert r.published == "2024-03-12"
    assert r.byline == "Olena Koval"
    assert r.text.startswith("Russian drones struck energy facilities")
    assert "Home" not in r.text and "Copyright" not in r.text
    assert "\n\n" in r.text  # paragraphs kept apart by a blank line


def test_html_in_a_declared_legacy_charset(tmp_path):
    page = HTML.replace("<head>", '<head><meta charset="windows-1252">').replace(
        "Olena Koval", "Ren\u00e9e Fa\u00fcre"
    )
    [r], fails = read(write(tmp_path / "legacy.html", page.encode("windows-1252")))
    assert not fails and r.byline == "Ren\u00e9e Fa\u00fcre"


def test_rss_and_atom_entries(tmp_path):
    recs, fails = read(write(tmp_path / "wire.rss", RSS), write(tmp_path / "notes.atom", ATOM))
    assert not fails
    assert [r.title for r in recs] == ["Drones hit Odesa", "Talks stall", "Attack on army post"]
    assert recs[0].text == "Russian drones struck Odesa overnight, the governor said.\n\nPower was cut."
    assert recs[0].published == "2024-03-12" and recs[0].url == "https://example.org/1"
    assert recs[0].source == "Frontline Wire" and recs[2].source == "Sahel Notes"
    assert recs[2].published == "2023-09-10" and recs[0].path.endswith("wire.rss#entry1")


def test_jsonl_and_csv_with_default_and_mapped_fields(tmp_path):
    jl = write(
        tmp_path / "c.jsonl",
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "x1",
                        "text": "First story text.",
                        "title": "One",
                        "published": "2024-01-02",
                        "source": "AP",
                        "url": "u1",
                    }
                ),
                "",
                json.dumps({"id": "x2", "text": "Second story text.", "source": "AFP"}),
            ]
        ),
    )
    recs, fails = read(jl)
    assert not fails
    assert [(r.external_id, r.text, r.published, r.source) for r in recs] == [
        ("x1", "First story text.", "2024-01-02", "AP"),
        ("x2", "Second story text.", None, "AFP"),
    ]
    mapped = write(
        tmp_path / "m.jsonl", json.dumps({"body": "Mapped text.", "headline": "H", "date": "2024-02-03"})
    )
    [r], _ = read(mapped, fields={"text": "body", "title": "headline", "published": "date"})
    assert (r.text, r.title, r.published) == ("Mapped text.", "H", "2024-02-03")
    csvf = write(
        tmp_path / "c.csv", 'id,text,title,published,source,url\n7,"Story, with comma.",T,2024-01-05,BBC,u\n'
    )
    [c], fails = read(csvf)
    assert not fails and (c.external_id, c.text, c.source) == ("7", "Story, with comma.", "BBC")
    body = write(tmp_path / "b.csv", "body,when\nCSV mapped text.,2024-04-04\n")
    [b], _ = read(body, fields={"text": "body", "published": "when"})
    assert (b.text, b.published) == ("CSV mapped text.", "2024-04-04")


def _warc(path: Path, pages: list[tuple[str, str]]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
            )
            w.write_record(
                w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            )
    return path


def test_warc_html_responses(tmp_path):
    p = _warc(tmp_path / "crawl.warc.gz", [("https://blacksea.example/odesa", HTML)])
    [r], fails = read(p)
    assert not fails
    assert r.url == "https://blacksea.example/odesa" and r.title == "Drones hit Odesa power grid"
    assert r.text.startswith("Russian drones struck")


def test_directories_recurse_and_globs_expand(tmp_path):
    write(tmp_path / "d" / "one.txt", STORY)
    write(tmp_path / "d" / "sub" / "two.html", HTML)
    write(tmp_path / "d" / "one.txt.meta.json", "{}")
    write(tmp_path / "d" / "notes.pdf", b"%PDF-1.4")
    found = [p.name for p in discover([str(tmp_path / "d")])]
    assert found == ["one.txt", "two.html"]  # sidecars and unknown kinds skipped
    assert [p.name for p in discover([str(tmp_path / "d" / "**" / "*.html")])] == ["two.html"]
    [f] = list(discover([str(tmp_path / "nothing-*.txt")]))
    assert isinstance(f, Failure) and "no files match" in f.reason


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
        ("latin1.txt", "Caf\u00e9 in Kyiv".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("empty.txt", b"   \n\n", "the file is empty"),
        ("broken.html", b"just some words, no markup at all", "not HTML"),
        ("hollow.html", b"<html><head><title>x</title></head><body><div></div></body></html>", "HTML"),
        ("broken.rss", b"this <is> not <a feed", "feed"),
        ("broken.warc", b"WARC/1.0\r\nthis is not a warc record at all\r\n\r\n", "WARC"),
        ("bad.jsonl", b'{"text": "ok"\n', "invalid JSON"),
        ("notext.jsonl", b'{"body": "no text field"}\n', "no 'text' field"),
        ("nocol.csv", b"body,title\nx,y\n", "no 'text' column"),
        ("bad.meta.txt", STORY.encode(), None),  # control: a good file among the bad
    ],
)
def test_bad_input_yields_one_clear_line(tmp_path, name, data, reason):
    p = write(tmp_path / name, data)
    recs, fails = read(p)
    if reason is None:
        assert len(recs) == 1 and not fails
        return
    assert not recs and len(fails) == 1
    assert str(p) in str(fails[0]) and reason in fails[0].reason
    assert "\n" not in str(fails[0])


def test_sidecar_that_is_not_json_fails_its_document(tmp_path):
    p = write(tmp_path / "a.txt", STORY)
    write(tmp_path / "a.txt.meta.json", "{not json")
    [], [f] = read(p)
    assert "bad metadata sidecar" in f.reason


def test_oversized_file_is_refused_and_the_batch_continues(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse 50 MiB
    good = write(tmp_path / "good.txt", STORY)
    recs, fails = read(big, good)
    assert [r.path for r in recs] == [str(good)]
    assert len(fails) == 1 and "larger than 20 MiB" in fails[0].reason
