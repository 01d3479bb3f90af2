"""Ingest throughput into SQLite vs extraction alone, and query latency on a store of 10,000+ documents.

Run: .venv/bin/python bench/bench_ingest.py [--docs 60] [--big 10000]

1. Extraction alone (`sitrep.extract_many`, model loaded beforehand) vs the whole `sitrep ingest`
   path (read files, skip known ids, extract, write, then wire-copy clusters and entity resolution)
   on the same texts, in the same run; plus the writer alone.
2. A store of `--big` documents built by writing the extracted reports again through the same
   writer, each under a new text (the article plus a numbered bulletin line, so a new id), with
   rotating outlets and dates. Extracting 10,000 articles on this shared machine would take too
   long; the store content is real extraction output, repeated.
3. Query latency (median of 5) of estimates, statements by speaker, full-text search and
   contradictions, with the peer the store replaces: a plain SQL LIKE scan over the texts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import news_corpus  # noqa: E402
from sitrep import extract_many, load_pipeline  # noqa: E402
from sitrep.aggregate.dedup import cluster_documents  # noqa: E402
from sitrep.aggregate.resolve import resolve_entities  # noqa: E402
from sitrep.ingest.pipeline import Ingest  # noqa: E402
from sitrep.record import query  # noqa: E402
from sitrep.store import Store  # noqa: E402
from sitrep.text import document_id  # noqa: E402

OUTLETS = ["AP", "Reuters", "AFP", "BBC", "The Morning Ledger", "Northern Gazette", "Evening Courier"]


def timed(fn, repeat: int = 5) -> float:
    """Median wall time of `fn()` in milliseconds."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=60, help="articles to extract and ingest")
    ap.add_argument("--big", type=int, default=10_000, help="documents in the query-latency store")
    args = ap.parse_args()

    texts, where = news_corpus(args.docs)
    texts = list(dict.fromkeys(texts))  # identical texts would be skipped by ingest, not by extraction
    print(f"corpus: {where}; {len(texts)} distinct texts")
    nlp = load_pipeline()
    list(extract_many(texts[:2], nlp=nlp))  # warm-up: lazy lexicons and gazetteer load outside the timings

    t = time.perf_counter()
    reports = list(extract_many(texts, nlp=nlp, batch_size=32))
    t_extract = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        corpus.mkdir()
        for i, text in enumerate(texts):
            (corpus / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        store = Store(tmp / "ingest.db")
        t = time.perf_counter()
        summary = Ingest(store, batch_size=32).run([str(corpus)])
        t_ingest = time.perf_counter() - t
        store.close()
        assert summary.new == len(texts), summary.to_dict()

        store = Store(tmp / "writer.db")
        t = time.perf_counter()
        for r, text in zip(reports, texts, strict=True):
            store.write_report(r, text)
        t_write = time.perf_counter() - t
        store.close()

        n = len(texts)
        print("\n== ingest throughput (same texts, same run) ==")
        print(f"extraction alone (extract_many)        {n / t_extract:8.1f} docs/s")
        print(
            f"sitrep ingest (read+extract+store+agg) {n / t_ingest:8.1f} docs/s "
            f"({t_ingest / t_extract:.2f}x the extraction time)"
        )
        print(f"writer alone (Store.write_report)      {n / t_write:8.1f} docs/s")

        big = Store(tmp / "big.db")
        t = time.perf_counter()
        for i in range(args.big):
            r = reports[i % n]
            text = texts[i % n] + f"\n\n(Bulletin {i}.)"
            doc = r.document.model_copy(
                update={
                    "id": document_id(text),
                    "source": OUTLETS[i % len(OUTLETS)],
                    "published": f"2022-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}",
                }
            )
            big.write_report(r.model_copy(update={"document": doc}), text)
        t_big = time.perf_counter() - t
        t = time.perf_counter()
        clusters = cluster_documents(big)
        t_cluster = time.perf_counter() - t
        t = time.perf_counter()
        entities = resolve_entities(big)
        t_resolve = time.perf_counter() - t
        stats = query.stats(big)
        print(
            f"\n== store of {stats['documents']} documents ({stats['statements']} statements, "
            f"{stats['quantities']} quantities, {stats['events']} events) =="
        )
        print(f"writer at scale                        {args.big / t_big:8.1f} docs/s")
        print(f"wire-copy clusters (MinHash/LSH)       {t_cluster:8.2f} s  -> {clusters} clusters")
        print(f"cross-article resolution               {t_resolve:8.2f} s  -> {entities} global entities")
        print(f"database size                          {(tmp / 'big.db').stat().st_size / 1e6:8.1f} MB")

        speaker = Counter(
            r["speaker"] for r in big.rows("SELECT speaker FROM statements WHERE speaker IS NOT NULL")
        )
        name = speaker.most_common(1)[0][0] if speaker else "Zelensky"
        word = "killed"
        print("\n== query latency (median of 5, ms) ==")

        def cold(fn):
            def run():
                big._memo.clear()  # measure the computation, not the per-connection cache
                fn()

            return run

        lat = {
            "estimates (all series), cold": timed(cold(lambda: query.estimates(big)), repeat=3),
            "estimates (all series), cached": timed(lambda: query.estimates(big)),
            "contradictions, cold": timed(cold(lambda: query.contradictions(big)), repeat=3),
            "contradictions, cached": timed(lambda: query.contradictions(big)),
            f"statements --speaker {name!r}": timed(lambda: query.statements(big, speaker=name)),
            f"search {word!r} (FTS5, top 20)": timed(lambda: query.search(big, word)),
        }
        peers = {
            f"peer: LIKE scan for {word!r} (top 20)": timed(
                lambda: big.rows("SELECT id FROM documents WHERE text LIKE ? LIMIT 20", (f"%{word}%",))
            ),
            f"peer: LIKE scan for {word!r} (all hits)": timed(
                lambda: big.rows("SELECT id FROM documents WHERE text LIKE ?", (f"%{word}%",))
            ),
            f"peer: FTS5 all hits for {word!r}": timed(
                lambda: big.rows(
                    "SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ?", (f'"{word}"',)
                )
            ),
        }
        for label, ms in {**lat, **peers}.items():
            print(f"{label:45s} {ms:9.1f}")
        big.close()


if __name__ == "__main__":
    main()
