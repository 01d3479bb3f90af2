"""Shared fixtures: one pipeline per test session, our own fixture articles, the optional shared data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import sitrep

# bench/ holds the seeded synthetic corpus (bench/synthetic.py) that batch tests share with the benchmarks.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The full sitrep pipeline, loaded once."""
    return sitrep.load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """`sitrep.extract` bound to the session pipeline."""

    def run(text: str, published: str | None = "2022-11-10", **meta):
        return sitrep.extract(text, published=published, nlp=nlp, **meta)

    return run


def read_article(name: str) -> str:
    """One of our own fixture articles, by file name."""
    return (FIXTURES / "articles" / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared` beside the checkout; tests that need it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (a user's clone has none)")
    return SHARED
