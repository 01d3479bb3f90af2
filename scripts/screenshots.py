"""Take the README's screenshots of the web UI (docs/screenshot-*.png) from text we wrote ourselves.

Ingests the bundled example articles and 200 articles of the seeded synthetic corpus (bench/synthetic.py;
untitled every other one, outlets varied) into a fresh store, serves it and photographs the overview, the
map and the documents list in headless Chromium (Debian's package, as the browser tests use).

    .venv/bin/python scripts/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ["Wire", "Daily Courier", "Evening Herald", "Gazette"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from playwright.sync_api import sync_playwright

    from synthetic import synthetic_corpus

    tmp = Path(tempfile.mkdtemp(prefix="sitrep-shots-"))
    corpus = tmp / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i, a in enumerate(synthetic_corpus(args.articles)):
            a["source"] = OUTLETS[i % len(OUTLETS)]
            if i % 2:
                a["title"] = ""  # listed by its first sentence
            f.write(json.dumps(a) + "\n")
    db = tmp / "store.db"
    run = [sys.executable, "-m", "sitrep.cli"]
    subprocess.run(
        [*run, "ingest", str(ROOT / "examples" / "articles"), str(corpus), "--db", str(db)], check=True
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "SITREP_TOKEN": ""}
    server = subprocess.Popen([*run, "serve", "--db", str(db), "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/api/stats", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        shots = {"overview": "/", "map": "/map", "map-place": "/map?place=Kharkiv", "documents": "/documents"}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
            )
            for name, path in shots.items():
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(args.out / f"screenshot-{name}.png"))
                page.close()
                print(f"{args.out / f'screenshot-{name}.png'}: {path}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
