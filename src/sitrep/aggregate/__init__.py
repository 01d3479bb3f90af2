"""Across articles: wire-copy clusters, cross-article entities, estimate series, contradictions, timelines."""
