"""Clean many pages: one record per input, on every core, with bounded memory, limits and resume.

Why ``concurrent.futures.ProcessPoolExecutor`` and not joblib: we need (1) a per-process
initializer so each worker builds the ``Cleaner`` (and loads its model) once, (2) an explicit
window of in-flight chunks so memory stays flat on an endless stream (``Executor.map`` and
joblib's default dispatch would read far ahead), and (3) to notice a dead worker
(``BrokenProcessPool``) and resubmit what it held. All three are a few lines with the stdlib
executor and awkward through joblib's loky backend.

Every page gets two time limits in a worker and a memory budget (limits.py); workers die with
the parent, SIGTERM/SIGHUP take the Ctrl-C path (workers.py); the output is locked (lock.py).
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import gc
import multiprocessing
import os
import sys
import time
from contextlib import contextmanager
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, replace
from typing import Callable, Iterable, Iterator

from .limits import DEFAULT_MEMORY_MB, cap_memory, hit_memory_cap, page_limits, soft_time_limit, worker_budget_mb  # noqa: F401
from .readers import PageInput
from .summary import Summary
from .records import REMOVAL_COUNTS_KEY, removal_counts, skipped_record, with_metadata
from .workers import die_with_parent, reset_stop_signals, stop_signals_interrupt
from ..decode import MAX_PAGE_BYTES as DEFAULT_MAX_BYTES
from ..errors import CleanError, CleanTimeoutError, PageTooLargeError
from ..pipeline import Pending
from ..result import CleanResult
from ..textutil import replace_surrogates, scrub_strings

DEFAULT_TIMEOUT_S = 30.0  # per page in a worker: SIGALRM turns it into an error record
CHUNK_MAX_PAGES = 8  # a chunk's kept lines share one spam-model call (16 or 32: no gain measured)
CHUNK_MAX_BYTES = 4 * 1024 * 1024
CHUNKS_IN_FLIGHT_PER_JOB = 4
NO_MODEL_NAMES = ("none", "rules")  # --model none: rules only
# Cleaned once by each worker before its memory cap is set, so the budget is for pages alone.
WARM_UP_PAGE = "<html><body><article><p>A first post, cleaned once to warm up the worker.</p></article></body></html>"


@dataclass(frozen=True)
class CleanOptions:
    """Everything that decides a record; the same object drives local, Dask and Scrapy runs."""

    replies: bool = False
    audit: bool = False
    explain: bool = False  # add every line in page order, kept or removed ("lines")
    model: str | None = None
    trust_model: bool = False
    max_bytes: int | None = DEFAULT_MAX_BYTES
    timeout: float | None = DEFAULT_TIMEOUT_S
    removal_counts: bool = False  # carry each page's removed lines per rule to the batch statistics
    output: str = "text"  # "markdown": the records' text is result.to_markdown()
    include_title: bool = False  # the thread title as the first line of the text
    memory_mb: int | None = DEFAULT_MEMORY_MB  # per worker process, above its start (limits.py)

    def cleaner_kwargs(self) -> dict:
        kwargs: dict = {"max_bytes": self.max_bytes, "time_limit": self.timeout}
        if self.output != "text":
            kwargs["output"] = self.output
        if self.include_title:
            kwargs["include_title"] = True
        if self.model is not None:  # None: the Cleaner's default (the shipped model)
            model = None if self.model.lower() in NO_MODEL_NAMES else self.model
            kwargs.update(model=model, trust_model=self.trust_model)
        return {k: v for k, v in kwargs.items() if v is not None or k == "model"}


def make_cleaner(options: CleanOptions):
    """Build the public ``Cleaner`` once (it loads the spam model); reused for every page."""
    from .. import Cleaner

    return Cleaner(**options.cleaner_kwargs())


# ---------------------------------------------------------------- one record
def error_record(page: PageInput, message: str, code: str) -> dict:
    return with_metadata({"id": page.id, "source": page.source, "url": page.url, "status": "error", "title": "",
                          "engine": "", "text": "", "error": message, "error_code": code}, page)


def result_record(page: PageInput, result, options: CleanOptions) -> dict:
    """The batch record for a cleaned page (the schema documented in the README)."""
    record = {"id": page.id, "source": page.source, "url": page.url or result.url,
              "status": "ok" if result.text else "empty", "title": result.title,
              "engine": result.engine, "text": result.text}
    if not result.text:
        record["empty_reason"] = result.empty_reason
    if options.replies:
        record["posts"] = [asdict(p) for p in result.posts]
    if options.audit:
        record["removed"] = [asdict(r) for r in result.removed]
        record["spam_score"] = result.spam_score
    if options.explain:
        record["lines"] = result.page_lines()
    if options.removal_counts:
        record[REMOVAL_COUNTS_KEY] = removal_counts(result)
    return with_metadata(record, page, result)


def prepare_record(page: PageInput, cleaner, options: CleanOptions):
    """The page decoded, segmented and judged by the rules (a ``Pending``), or already its
    record (empty, or an error: every failure becomes an error record, never an exception)."""
    if page.error is not None:
        return error_record(page, page.error, page.error_code)
    if page.skip_reason is not None:
        return skipped_record(page)
    if options.max_bytes and page.size > options.max_bytes:
        exc = PageTooLargeError(f"page exceeds the size limit of {options.max_bytes} bytes")
        return error_record(page, str(exc), exc.code)
    try:
        prepared = cleaner.prepare(page.payload, url=page.url, headers=page.headers, replies=options.replies)
    except Exception as exc:
        return failure_record(page, exc)
    return result_record(page, prepared, options) if isinstance(prepared, CleanResult) else prepared


def failure_record(page: PageInput, exc: BaseException) -> dict:
    if isinstance(exc, MemoryError) or (not isinstance(exc, CleanTimeoutError)
                                        and hit_memory_cap(_WORKER.get("memory_cap"))):
        return _memory_record(page)
    if isinstance(exc, CleanError):
        return error_record(page, str(exc) or type(exc).__name__, exc.code)
    if isinstance(exc, RecursionError):
        return error_record(page, "page nested too deeply", "parse")
    # a bug must cost one record, not the batch; the message says which
    return error_record(page, f"internal error: {type(exc).__name__}: {exc}", "internal")


def _memory_record(page: PageInput) -> dict:
    cap = _WORKER.get("memory_cap")
    budget = f" (the worker's budget is {_WORKER['options'].memory_mb} MB, --max-memory)" if cap else ""
    return error_record(page, f"out of memory on this page{budget}", "memory")


def finish_records(prepared: list[tuple[PageInput, Pending]], cleaner, options: CleanOptions) -> list[dict]:
    """Records of prepared pages from one spam-model call; if that call fails, page by page,
    so that one page's failure costs its own record only."""
    try:
        results = cleaner.finish_many([pending for _, pending in prepared])
    except Exception:
        return [finish_one(page, pending, cleaner, options) for page, pending in prepared]
    return [result_record(page, result, options) for (page, _), result in zip(prepared, results)]


def finish_one(page: PageInput, pending: Pending, cleaner, options: CleanOptions) -> dict:
    try:
        [result] = cleaner.finish_many([pending])
    except Exception as exc:
        return failure_record(page, exc)
    return result_record(page, result, options)


def clean_records(pages: list[PageInput], cleaner, options: CleanOptions, *, hard_limit: bool = False) -> list[dict]:
    """One record per page, in order. Each page is prepared under its own time limits; then the
    spam model scores the kept lines of all of them in one call (its fixed cost per call is
    most of its time on one page's handful of lines)."""
    with _gc_paused():
        return _records(pages, cleaner, options, hard_limit)


@contextmanager
def _gc_paused():
    """Speed: no cyclic garbage collection while a chunk is cleaned (it makes none: everything
    is freed by reference counting), only after it. The collector's young-generation passes
    traversed every page's live blocks and marks, ~2% of the batch path's time (measured with
    gc.callbacks: 6-8 ms a 79-page pass). A caller's disabled collector stays disabled."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _records(pages: list[PageInput], cleaner, options: CleanOptions, hard_limit: bool) -> list[dict]:
    slots: list = []
    for page in pages:
        try:
            with page_limits(options.timeout, hard=hard_limit):
                slots.append(prepare_record(page, cleaner, options))
        except CleanTimeoutError as exc:  # the alarm can fire outside prepare_record's own try
            slots.append(error_record(page, str(exc), exc.code))
    prepared = [(page, slot) for page, slot in zip(pages, slots) if isinstance(slot, Pending)]
    if prepared:
        with page_limits(None, hard=hard_limit, hard_seconds=options.timeout):
            finished = iter(finish_records(prepared, cleaner, options))
        slots = [next(finished) if isinstance(slot, Pending) else slot for slot in slots]
    return slots


def clean_record(page: PageInput, cleaner, options: CleanOptions) -> dict:
    """One input -> one record (the soft time limit applies)."""
    return clean_records([page], cleaner, options)[0]


# ---------------------------------------------------------------- worker processes
_WORKER: dict = {}


def _init_worker(options: CleanOptions, cleaner=None, parent_pid: int | None = None,
                 inherited_fds: tuple[int, ...] = ()) -> None:
    """Per-process setup: the Cleaner is built (model loaded) once here, not per page; the
    worker dies with its parent, drops its inherited copy of the output lock and caps its memory."""
    reset_stop_signals()
    if parent_pid is not None:
        die_with_parent(parent_pid)
    for fd in inherited_fds:  # the output's lock must end with the parent, not outlive it here
        try:
            os.close(fd)
        except OSError:
            pass
    _WORKER["options"] = options
    _WORKER["cleaner"] = cleaner if cleaner is not None else make_cleaner(options)
    try:  # lazy imports, compiled patterns, the language model: loaded before the cap is measured
        _WORKER["cleaner"].clean(WARM_UP_PAGE)
    except Exception:  # a page's failure is for the pages to report
        pass
    _WORKER["memory_cap"] = cap_memory(options.memory_mb)


def _clean_chunk(pages: list[PageInput]) -> tuple[list[dict], int]:
    """Runs in a worker: records for a chunk, plus this process's peak RSS (KiB) for the summary.
    Out of memory (the worker's cap) can strike outside a page's own try, even while an error
    is handled: then the chunk is redone page by page, once its memory is freed."""
    cleaner, options = _WORKER["cleaner"], _WORKER["options"]
    try:
        records = clean_records(pages, cleaner, options, hard_limit=True)
    except MemoryError:
        records = None  # leave the except block first: its traceback holds the page's memory
    if records is None:
        gc.collect()
        records = [_clean_alone(page, cleaner, options) for page in pages]
    return records, _peak_rss_kib()


def _clean_alone(page: PageInput, cleaner, options: CleanOptions) -> dict:
    try:
        return clean_records([page], cleaner, options, hard_limit=True)[0]
    except MemoryError:
        pass
    gc.collect()
    return _memory_record(page)


def _peak_rss_kib() -> int:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except ImportError:  # pragma: no cover - Windows
        return 0


def chunked(pages: Iterable[PageInput], max_pages: int = CHUNK_MAX_PAGES,
            max_bytes: int = CHUNK_MAX_BYTES) -> Iterator[list[PageInput]]:
    """Group pages so one IPC round trip carries several small pages but few big ones."""
    chunk: list[PageInput] = []
    size = 0
    for page in pages:
        chunk.append(page)
        size += page.size
        if len(chunk) >= max_pages or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _pool_context():
    """fork on Linux (workers inherit the loaded Cleaner for free); spawn elsewhere."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


@dataclass
class PoolStats:
    peak_worker_rss_kib: int = 0
    pool_restarts: int = 0


class ParallelCleaner:
    """Ordered, bounded-window parallel map of pages to records over worker processes."""

    def __init__(self, options: CleanOptions, jobs: int, inherited_fds: tuple[int, ...] = ()):
        self.jobs = max(1, jobs)
        self.options = replace(options, memory_mb=worker_budget_mb(options.memory_mb, self.jobs))
        self.inherited_fds = inherited_fds if _pool_context().get_start_method() == "fork" else ()
        self.stats = PoolStats()
        ctx = _pool_context()
        # With fork, build the Cleaner once in the parent and let every worker inherit it.
        self._shared_cleaner = make_cleaner(options) if ctx.get_start_method() == "fork" else None
        self._ctx = ctx
        self._pool = self._new_pool()

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(self.jobs, mp_context=self._ctx, initializer=_init_worker,
                                      initargs=(self.options, self._shared_cleaner, os.getpid(),
                                                self.inherited_fds))

    def map(self, pages: Iterable[PageInput]) -> Iterator[dict]:
        """Records in input order. After a worker death the pages it may have held are re-run one
        at a time, alone in the pool, so the page that kills a worker again is known for sure."""
        window = self.jobs * CHUNKS_IN_FLIGHT_PER_JOB
        pending: collections.deque[_Task] = collections.deque()
        chunks = chunked(pages)
        exhausted = False
        while True:
            suspects = [t for t in pending if t.attempt > 1 and not _finished(t)]
            if suspects:
                if all(t.future is None for t in suspects):
                    suspects[0].future = self._pool.submit(_clean_chunk, suspects[0].chunk)
            else:
                while not exhausted and len(pending) < window:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                    else:
                        pending.append(_Task(chunk, 1, self._pool.submit(_clean_chunk, chunk)))
            if not pending:
                return
            head = pending[0]
            try:
                records, rss = head.future.result()
            except (BrokenProcessPool, Exception):  # a dead worker, or a chunk that failed in it
                pending = self._recover(pending)
                continue
            pending.popleft()
            self.stats.peak_worker_rss_kib = max(self.stats.peak_worker_rss_kib, rss)
            yield from records

    def _recover(self, pending: collections.deque) -> collections.deque:
        """A worker died (hard time limit, crash): rebuild the pool and decide each task's fate."""
        self.stats.pool_restarts += 1
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        kept: collections.deque[_Task] = collections.deque()
        for task in pending:
            if task.future is not None and _succeeded(task.future):
                kept.append(task)
            elif task.attempt > 1 and task.future is not None:  # ran alone: it is the culprit
                kept.append(_Task(task.chunk, task.attempt, _done_future(_died_records(task.chunk))))
            elif task.attempt > 1:
                kept.append(task)  # a suspect still waiting for its turn
            else:
                kept.extend(_Task([page], 2, None) for page in task.chunk)
        return kept

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


@dataclass
class _Task:
    chunk: list
    attempt: int
    future: cf.Future | None


def _succeeded(future: cf.Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _finished(task: _Task) -> bool:
    return task.future is not None and _succeeded(task.future)


def _died_records(chunk: list[PageInput]) -> tuple[list[dict], int]:
    message = "worker process died on this page (hard time limit or crash)"
    return [error_record(page, message, "worker") for page in chunk], 0


def _done_future(value) -> cf.Future:
    future: cf.Future = cf.Future()
    future.set_result(value)
    return future


def clean_serial(pages: Iterable[PageInput], options: CleanOptions, cleaner=None) -> Iterator[dict]:
    """In-process map (one worker, tests, Dask tasks): the soft limit only; chunks of pages share
    a spam-model call, as in the worker processes."""
    cleaner = cleaner if cleaner is not None else make_cleaner(options)
    for chunk in chunked(pages):
        yield from clean_records(chunk, cleaner, options)


# ---------------------------------------------------------------- the batch driver
def run_batch(pages: Iterable[PageInput], writer, options: CleanOptions, *, jobs: int = 1,
              progress: bool = False, in_process: bool = False,
              record_fn: Callable | None = None) -> Summary:
    """Clean a stream of pages into ``writer``, skipping ids it already holds (resume).

    Pages are cleaned in worker processes (even with ``jobs=1``) so the hard time limit can
    kill a stuck page without killing the batch; ``in_process`` is for one page or a debugger.
    Resumed ids still count as inputs (and as ``skipped``) so the summary always adds up.
    """
    summary = Summary()
    written = already_written(writer)

    def todo(stream):
        for page in stream:
            scrub_page(page)
            if written(page.id, page.url):
                summary.count_skipped()
                continue
            yield page

    bar = _progress_bar(progress)
    started = time.perf_counter()
    pool = None
    lock_fd = getattr(writer, "lock_fd", None)
    try:
        with stop_signals_interrupt():
            if record_fn is not None:
                records = record_fn(todo(pages))
            elif in_process:
                records = clean_serial(todo(pages), options)
            else:
                pool = ParallelCleaner(options, jobs, inherited_fds=() if lock_fd is None else (lock_fd,))
                records = pool.map(todo(pages))
            write_records(records, writer, summary, bar)
    except BaseException:
        writer.abort()
        if pool is not None:
            pool.close(cancel=True)
            pool = None
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        if bar is not None:
            bar.close()
        if pool is not None:
            summary.peak_worker_rss_mib = pool.stats.peak_worker_rss_kib / 1024
            summary.pool_restarts = pool.stats.pool_restarts
            pool.close()
    return summary


def scrub_page(page: PageInput) -> None:
    """An id or URL with a lone surrogate gets U+FFFD here, as its record will (resume matches)."""
    page.id = replace_surrogates(page.id)
    if page.url:
        page.url = replace_surrogates(page.url)


def already_written(writer) -> Callable[[str, str | None], bool]:
    """Resume: whether the writer already holds the record of this input (id, url), asked once
    per input in input order. Ids may repeat: the output's count of records of an id is used
    up one input at a time, so resume counts inputs, not distinct ids."""
    from .writers import id_key

    done = collections.Counter(writer.done_keys())
    is_done = getattr(writer, "is_done", None)

    def written(record_id: str, url: str | None) -> bool:
        if done:
            key = id_key(record_id)
            if done.get(key, 0) > 0:
                done[key] -= 1
                return True
        return is_done is not None and is_done(record_id, url)

    return written


def write_records(records: Iterable[dict], writer, summary: "Summary", bar) -> None:
    """Write, count and tick each record, then finish the writer (callers abort it on error)."""
    for record in records:
        record = scrub_strings(record)  # no field can stop the writer (lone surrogates)
        writer.write(record)
        summary.count(record)
        if bar is not None:
            bar.update(1)
    writer.finish()


def _progress_bar(enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: the pool may fork again after a worker dies
    return tqdm(unit="page", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
