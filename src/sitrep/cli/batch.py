"""The `sitrep batch` and `sitrep load` commands: Dask extraction to Parquet, and Parquet into the store."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from ..errors import SitrepError


def _fail(message: str) -> None:
    typer.echo(f"sitrep: error: {message}", err=True)
    raise typer.Exit(2)


def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Input files, globs, directories or fsspec URLs (.jsonl, .csv, .tsv, .parquet, .warc[.gz])."
        ),
    ],
    out: Annotated[
        str, typer.Option("--out", "-o", help="Output folder or fsspec URL for the Parquet tables.")
    ],
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (tcp://host:8786).")] = None,
    local_workers: Annotated[
        int | None,
        typer.Option(
            help="Start a LocalCluster of N worker processes (default: one per core; 0 runs in this process)."
        ),
    ] = None,
    partition_size: Annotated[
        int | None,
        typer.Option(help="Split input files into partitions of N rows (default: one partition per file)."),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy model to use (default: the pinned small one).")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="nlp.pipe batch size.")] = 32,
    resume: Annotated[bool, typer.Option(help="Skip partitions already complete under --out.")] = False,
    dashboard: Annotated[
        bool, typer.Option(help="Serve the Dask dashboard of a LocalCluster (needs bokeh; costs CPU).")
    ] = False,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
) -> None:
    """Extract many documents on a Dask cluster into partitioned Parquet tables under --out."""
    from ..batch.cluster import start_client
    from ..batch.run import cleanup_temporaries, run_batch

    if scheduler and local_workers is not None:
        _fail("give either --scheduler or --local-workers, not both")
    if partition_size is not None and partition_size < 1:
        _fail("--partition-size must be at least 1")
    client = None
    try:
        if scheduler or local_workers != 0:
            client = start_client(scheduler, local_workers, model, dashboard=dashboard)
            if dashboard or scheduler:
                typer.echo(f"sitrep: dashboard: {client.dashboard_link}", err=True)
        summary = _run_with_progress(
            run_batch,
            inputs,
            out,
            client=client,
            partition_size=partition_size,
            model=model,
            batch_size=batch_size,
            resume=resume,
        )
        cleanup_temporaries(out)
    except SitrepError as exc:
        _fail(str(exc))
    finally:
        if client is not None:
            cluster = getattr(client, "cluster", None)
            client.close()  # type: ignore[no-untyped-call]  # distributed leaves it unannotated
            if cluster is not None and not scheduler:
                cluster.close()
    if json_summary:
        sys.stdout.write(json.dumps(summary.to_dict()) + "\n")
    else:
        typer.echo(
            f"sitrep: {summary.documents} documents, {summary.failed} failed, "
            f"{summary.partitions} partitions, {summary.seconds:.1f} s, "
            f"{summary.docs_per_second:.1f} docs/s on {summary.workers} worker(s) -> {out}",
            err=True,
        )
    if summary.failed:
        typer.echo(f"sitrep: see {out}/errors/ for the {summary.failed} failed rows", err=True)


def _run_with_progress(run: Any, *args: Any, **kwargs: Any) -> Any:
    """Call `run_batch` with a rich progress bar over partitions on standard error."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("partitions"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[docs]} docs"),
        TimeElapsedColumn(),
        console=console,
        transient=not console.is_terminal,
    ) as bar:
        task = bar.add_task("batch", total=None, docs=0)
        docs = [0]

        def on_start(n: int) -> None:
            bar.update(task, total=n)

        def on_done(result: dict[str, Any]) -> None:
            docs[0] += result["documents"]
            bar.update(task, advance=1, docs=docs[0])

        return run(*args, on_start=on_start, on_done=on_done, **kwargs)


def load(
    directory: Annotated[str, typer.Argument(help="Output folder of `sitrep batch`.")],
    db: Annotated[str, typer.Option("--db", help="SQLite store file to merge into (created if absent).")],
    aggregate: Annotated[
        bool, typer.Option(help="Recompute wire-copy clusters and cross-article entities.")
    ] = True,
) -> None:
    """Merge the Parquet tables of a batch run into the SQLite store (idempotent on document id)."""
    from ..batch.load import load_into_store

    try:
        counts = load_into_store(directory, db, aggregate=aggregate)
    except SitrepError as exc:
        _fail(str(exc))
    extra = "".join(f", {counts[k]} {k}" for k in ("copies", "clusters", "entities") if k in counts)
    typer.echo(
        f"sitrep: loaded {counts['new']} new documents ({counts['duplicate']} already stored{extra}) "
        f"from {directory} into {db}",
        err=True,
    )


def register(app: typer.Typer) -> None:
    """Add `batch` and `load` to the sitrep command line."""
    app.command("batch")(batch)
    app.command("load")(load)


def _main() -> None:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True)
    register(app)
    app()


if __name__ == "__main__":
    _main()
