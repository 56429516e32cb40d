"""The same per-record function on a Dask cluster (``pip install 'forum-cleaner[dask]'``).

    from dask.distributed import Client
    from cleaner.batch.cluster import clean_files
    with Client("tcp://scheduler:8786") as client:
        for record in clean_files(["s3-mounted/crawl/*.warc.gz"], client=client):
            ...

Records are produced by ``cleaner.batch.run.clean_serial`` exactly as in a local run, so the two
agree record for record (compare by id). Inputs are read *on the workers* (paths must be visible
to them: a shared filesystem or the same mount everywhere); big JSONL files are split by byte
range at line boundaries so one file still uses every worker. Each worker process builds the
Cleaner once per option set. Dask runs tasks in threads, where SIGALRM is unavailable: the
per-page limit there is the Cleaner's own ``time_limit``.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from typing import Iterable, Iterator

from .run import CleanOptions, Summary, clean_serial
from .readers import (INPUT_FORMATS, InputSpec, JsonlFields, PageInput, iter_pages, read_jsonl,
                            resolve_inputs)

__all__ = ["as_page", "clean_bag", "clean_files", "clean_task", "open_client", "plan_tasks", "run_distributed",
           "worker_cleaner"]

JSONL_SPLIT_BYTES = 16 * 1024 * 1024
FILES_PER_TASK = 64
TASKS_IN_FLIGHT_PER_WORKER = 4
PAYLOAD_KEYS = ("html", "payload", "text", "body")

_CLEANERS: dict = {}
_CLEANERS_LOCK = threading.Lock()


def _require_dask():
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ImportError("Dask support needs the [dask] extra: pip install 'forum-cleaner[dask]'") from exc


def worker_cleaner(options: CleanOptions):
    """This process's Cleaner for these options, built once (the model is loaded once)."""
    with _CLEANERS_LOCK:
        cleaner = _CLEANERS.get(options)
        if cleaner is None:
            from .run import make_cleaner

            cleaner = _CLEANERS[options] = make_cleaner(options)
        return cleaner


def as_page(item, index: int = 0) -> PageInput:
    """A bag item -> PageInput: a PageInput, a dict (id/url/headers + html|payload|text|body), or raw bytes/str."""
    if isinstance(item, PageInput):
        return item
    if isinstance(item, dict):
        payload = next((item[k] for k in PAYLOAD_KEYS if k in item), None)
        page_id = str(item.get("id") or f"item-{index}")
        return PageInput(page_id, str(item.get("source", "")), payload=payload, url=item.get("url"),
                         headers=item.get("headers"),
                         error=None if payload is not None else "item has no html/payload/text field")
    if isinstance(item, (bytes, str)):
        return PageInput(f"item-{index}", "", payload=item)
    return PageInput(f"item-{index}", "", error=f"cannot clean a {type(item).__name__}", error_code="unsupported")


def _clean_partition(items: Iterable, options: CleanOptions) -> list[dict]:
    cleaner = worker_cleaner(options)
    return list(clean_serial((as_page(item, i) for i, item in enumerate(items)), options, cleaner))


def clean_bag(bag, options: CleanOptions | None = None, **option_kwargs):
    """A Dask bag of pages -> a bag of batch records (lazy; ``.compute()`` or write it out)."""
    _require_dask()
    options = options or CleanOptions(**option_kwargs)
    return bag.map_partitions(_clean_partition, options)


# ---------------------------------------------------------------- files
def plan_tasks(specs: list[InputSpec], *, split_bytes: int = JSONL_SPLIT_BYTES,
               files_per_task: int = FILES_PER_TASK) -> list[tuple]:
    """Cut the inputs into tasks: JSONL byte ranges, whole WARC files, groups of page files."""
    tasks: list[tuple] = []
    page_files: list[InputSpec] = []
    for spec in specs:
        if spec.path == "-":
            raise ValueError("stdin cannot be read by Dask workers; write it to a file first")
        if spec.fmt == "jsonl" and not spec.path.endswith(".gz"):
            size = os.path.getsize(spec.path)
            for start in range(0, max(size, 1), split_bytes):
                tasks.append(("jsonl", spec, start, min(start + split_bytes, size)))
        elif spec.fmt in ("jsonl", "warc"):
            tasks.append((spec.fmt, spec, 0, None))
        else:
            page_files.append(spec)
    for i in range(0, len(page_files), files_per_task):
        tasks.append(("files", page_files[i:i + files_per_task], 0, None))
    return tasks


def _task_pages(task: tuple, fields: JsonlFields, max_bytes: int | None) -> Iterator[PageInput]:
    kind, spec, start, end = task
    if kind == "jsonl":
        with open(spec.path, "rb") as fh:
            yield from read_jsonl(spec, fields, fh=fh, start=start, end=end)
    elif kind == "files":
        yield from iter_pages(spec, fields, max_bytes=max_bytes)
    else:
        yield from iter_pages([spec], fields, max_bytes=max_bytes)


def clean_task(task: tuple, options: CleanOptions, fields: JsonlFields) -> list[dict]:
    """Runs on a worker: read one task's pages and clean them with the local run's record function."""
    cleaner = worker_cleaner(options)
    return list(clean_serial(_task_pages(task, fields, options.max_bytes), options, cleaner))


def clean_files(paths: Iterable[str], client=None, *, options: CleanOptions | None = None,
                fields: JsonlFields = JsonlFields(), input_format: str = "auto",
                **option_kwargs) -> Iterator[dict]:
    """Clean files, folders or globs of pages / JSONL / WARC on a cluster; records stream back as
    tasks finish, with a bounded number of tasks in flight so the client's memory stays flat."""
    _require_dask()
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input_format must be one of {INPUT_FORMATS}")
    options = options or CleanOptions(**option_kwargs)
    specs = resolve_inputs(list(paths), input_format)
    yield from _clean_specs(specs, client, options, fields)


def _clean_specs(specs, client, options, fields) -> Iterator[dict]:
    from distributed import as_completed, get_client

    client = client or get_client()
    tasks = iter(plan_tasks(specs))
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = workers * TASKS_IN_FLIGHT_PER_WORKER

    def submit(task):
        return client.submit(clean_task, task, options, fields, pure=False)

    in_flight = as_completed([submit(t) for t in itertools.islice(tasks, window)])
    for future in in_flight:
        records = future.result()
        future.release()
        next_task = next(tasks, None)
        if next_task is not None:
            in_flight.add(submit(next_task))
        yield from records


def open_client(address: str, jobs: int):
    """``local``: a LocalCluster of ``jobs`` single-threaded worker processes; else connect."""
    from distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster), cluster
    return Client(address), None


def run_distributed(specs, writer, options: CleanOptions, *, address: str, jobs: int = 1,
                    fields: JsonlFields = JsonlFields(), progress: bool = False) -> Summary:
    """The CLI's ``--dask``: same writer, same resume and summary as the local run."""
    _require_dask()
    from .run import _progress_bar, already_written, write_records

    summary = Summary()
    written = already_written(writer)
    bar = _progress_bar(progress)
    client, cluster = open_client(address, jobs)
    started = time.perf_counter()
    try:
        def new_records():
            for record in _clean_specs(specs, client, options, fields):
                if written(record["id"], record["url"]):
                    summary.count_skipped()
                    continue
                yield record

        write_records(new_records(), writer, summary, bar)
    except BaseException:
        writer.abort()
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        if bar is not None:
            bar.close()
        client.close()
        if cluster is not None:
            cluster.close()
    return summary
