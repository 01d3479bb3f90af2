"""Dask clusters for extraction: a LocalCluster tuned for CPU-bound single-thread workers, and clients.

Extraction tasks hold the GIL for seconds, so whatever else a worker process does competes with the
task for its core: Dask's defaults wake each worker's event loop every 20 ms (`admin.tick`, only
to warn about a blocked loop), sample host metrics every 500 ms and the worker's RSS every 100 ms,
and run a statistical profiler every 10 ms. Measured on an idle 2-worker LocalCluster, that is
about 24 ms of CPU per wall-second per worker and 55 ms per second in the process hosting the
scheduler (the client's); with `WORKER_SETTINGS` 3-4 and 9 ms. See docs/dask.md.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from distributed import Client

# Dask settings for extraction clusters; also exported as DASK_* variables for remote workers (docs/dask.md).
WORKER_SETTINGS: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,  # samples the running thread every 10 ms
    "distributed.admin.tick.interval": "1s",  # event-loop health check, default every 20 ms
    "distributed.admin.tick.limit": "30s",  # a loop blocked longer than this is logged
    "distributed.admin.system-monitor.interval": "5s",  # host CPU/memory/network metrics, default 500 ms
    "distributed.worker.memory.monitor-interval": "1s",  # RSS checks against the memory limit, default 100 ms
    "distributed.scheduler.work-stealing": False,  # rebalancing every 100 ms; queued tasks need none
}
# One BLAS/OpenMP thread per worker process: Dask's nanny sets these (pre-spawn-environ) and we keep them.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def cluster_settings(tuned: bool = True) -> dict[str, Any]:
    """The dask config for `local_cluster`: `WORKER_SETTINGS` (unless not `tuned`) and the worker environment.

    Dask's default MALLOC_TRIM_THRESHOLD_=65536 made workers spend ~10% more CPU in the kernel
    returning memory that spaCy allocates again for the next batch (1.2 vs 0.2 system CPU-s per
    300 docs), so it is dropped; the one-thread BLAS variables stay.
    """
    import dask

    environ = {
        k: v
        for k, v in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()
        if k != "MALLOC_TRIM_THRESHOLD_"
    }
    for var in THREAD_VARIABLES:
        environ.setdefault(var, 1)
    base = WORKER_SETTINGS if tuned else {"distributed.worker.profile.enabled": False}
    return {**base, "distributed.nanny.pre-spawn-environ": environ}


LOOPBACK = "127.0.0.1"


def local_cluster(
    workers: int, dashboard: bool = False, tuned: bool = True, host: str = LOOPBACK, **kwargs: Any
) -> Any:
    """A LocalCluster for extraction: `workers` processes of one thread each, Dask's periodic work thinned.

    spaCy holds the GIL, so one thread per process. The dashboard is off unless asked for (it costs
    CPU in the scheduler's process, which on a LocalCluster is this one). `tuned=False` keeps Dask's
    periodic intervals (for the before/after figures in bench/bench_batch.py). The scheduler, the
    workers and the dashboard listen on `host`, loopback unless the caller asks for another interface
    (Dask's default dashboard address, ":0", is every interface).
    """
    import dask
    from distributed import LocalCluster

    with dask.config.set(cluster_settings(tuned)):
        return LocalCluster(  # type: ignore[no-untyped-call]  # distributed leaves __init__ unannotated
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host=host,
            dashboard_address=f"{host}:0" if dashboard else None,
            **kwargs,
        )


def start_client(
    scheduler: str | None = None,
    local_workers: int | None = None,
    model: str | None = None,
    dashboard: bool = False,
) -> Client:
    """A Dask client: connected to `scheduler`, or to a new LocalCluster of `local_workers` processes."""
    try:
        from distributed import Client
    except ImportError as exc:
        from ..errors import MissingExtraError

        raise MissingExtraError("sitrep batch on Dask", "dask") from exc
    from .run import SitrepWorkerPlugin

    if scheduler:
        client = Client(scheduler)  # type: ignore[no-untyped-call]  # distributed leaves __init__ unannotated
    else:
        client = Client(  # type: ignore[no-untyped-call]  # distributed leaves __init__ unannotated
            local_cluster(local_workers or os.cpu_count() or 1, dashboard=dashboard)
        )
    client.register_plugin(SitrepWorkerPlugin(model))
    return client
