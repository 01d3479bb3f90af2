"""Across articles: wire-copy clusters, cross-article entities, estimate series, contradictions, timelines."""

from __future__ import annotations

from ..store.db import Store


def refresh(store: Store, force: bool = False) -> tuple[int, int]:
    """Recompute wire-copy clusters if documents were added since the last time (or `force`), resolve
    the identities of the documents added since (every document when `force`), then the stored estimate
    series of the subjects written since (all of them when `force`); return (clusters, identities).
    `sitrep ingest` calls this after writing."""
    from .dedup import cluster_documents
    from .estimates_store import refresh_estimates
    from .identity.refresh import refresh_identities

    latest = str(store.scalar("SELECT coalesce(max(rowid), 0) FROM documents"))
    if force or store.get_state("aggregated_through") != latest:
        cluster_documents(store)
        store.set_state("aggregated_through", latest)
    refresh_identities(store, force=force)  # only the documents added since the last refresh
    refresh_estimates(store, force=force)  # after clustering: a changed cluster changes its series
    clusters = int(store.scalar("SELECT count(DISTINCT coalesce(cluster_id, id)) FROM documents"))
    return clusters, int(store.scalar("SELECT count(*) FROM identities"))
