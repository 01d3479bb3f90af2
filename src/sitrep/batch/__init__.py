"""Dask executor for large corpora: partitions in, Parquet parts out (one table per record table),
and `load` to bring the parts into a SQLite store; the model loads once per worker.
"""

from __future__ import annotations

from .cluster import local_cluster, start_client
from .load import load_into_store
from .run import BatchSummary, SitrepWorkerPlugin, cleanup_temporaries, run_batch, worker_pipeline

__all__ = [
    "BatchSummary",
    "SitrepWorkerPlugin",
    "cleanup_temporaries",
    "load_into_store",
    "local_cluster",
    "run_batch",
    "start_client",
    "worker_pipeline",
]
