"""Snapshot `sitrep extract` outputs on the bench corpora, or compare two snapshots byte for byte.

    python bench/snapshot.py write DIR [--limit N]   # one JSONL of reports per corpus in DIR
    python bench/snapshot.py compare DIR_A DIR_B     # per corpus: identical, or the ids that differ

Corpora: PolNeAR dev, TimeBank, GeoWebNews dev, real war news dev (../shared/eval) and the events set
(bench/data/events). A refactor that claims "behaviour unchanged" writes a snapshot before and after.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

CORPORA: dict[str, Path] = {
    "polnear_dev": EVAL / "polnear" / "dev.jsonl",
    "timebank": EVAL / "timebank" / "timebank.jsonl",
    "geowebnews_dev": EVAL / "geowebnews" / "dev.jsonl",
    "realnews_dev": EVAL / "realnews" / "dev.jsonl",
    "events": ROOT / "bench" / "data" / "events" / "articles.jsonl",
}


def _items(path: Path, limit: int | None) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            if line.strip():
                row = json.loads(line)
                yield {
                    "id": str(row.get("id", n)),
                    "text": row["text"],
                    "published": row.get("published") or "",
                }


def write(out: Path, limit: int | None) -> None:
    """Extract every corpus that is present and write its reports, one JSON line per document."""
    import sitrep

    out.mkdir(parents=True, exist_ok=True)
    for name, path in CORPORA.items():
        if not path.exists():
            print(f"{name}: absent ({path}), skipped")
            continue
        items = list(_items(path, limit))
        inputs = [{"text": it["text"], "published": it["published"] or None} for it in items]
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for it, report in zip(items, sitrep.extract_many(inputs), strict=True):
                fh.write(
                    json.dumps({"id": it["id"], "report": report.model_dump(mode="json")}, sort_keys=True)
                )
                fh.write("\n")
        digest = hashlib.sha256((out / f"{name}.jsonl").read_bytes()).hexdigest()[:16]
        print(f"{name}: {len(items)} documents, sha256 {digest}")


def compare(a: Path, b: Path) -> int:
    """Compare two snapshot folders; 0 when every corpus present in both is byte-identical."""
    status = 0
    for name in CORPORA:
        fa, fb = a / f"{name}.jsonl", b / f"{name}.jsonl"
        if not (fa.exists() and fb.exists()):
            print(f"{name}: not in both snapshots")
            continue
        la, lb = fa.read_text(encoding="utf-8").splitlines(), fb.read_text(encoding="utf-8").splitlines()
        differ = [json.loads(x)["id"] for x, y in zip(la, lb, strict=False) if x != y]
        if len(la) != len(lb):
            differ.append(f"<{len(la)} vs {len(lb)} lines>")
        verdict = "identical" if not differ else f"{len(differ)} differ, first {differ[:5]}"
        print(f"{name}: {verdict} ({len(la)} docs)")
        status |= bool(differ)
    return status


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("dir", type=Path)
    w.add_argument("--limit", type=int, default=None)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.cmd == "write":
        write(args.dir, args.limit)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
