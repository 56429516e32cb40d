"""Per-page limits in a worker: time (a soft and a hard limit) and memory.

Time: a soft limit (``SIGALRM`` -> ``CleanTimeoutError`` -> an error record, raised at the next
Python bytecode, so inside any Python loop) and a hard one (``faulthandler`` exits the worker
even inside C code such as a pathological lxml parse); the pool is then rebuilt and the chunk's
other pages retried.

Memory: a worker's address space is capped at what it had when it started plus a budget
(``RLIMIT_AS``). A page that needs more (a 14 MB text dump can take 1.9 GB) gets
``MemoryError`` -> an error record (or, if C code dies of it, a worker death -> an error
record), instead of several such pages in parallel exhausting the machine.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import threading
from contextlib import contextmanager

from ..errors import CleanTimeoutError

HARD_TIMEOUT_FACTOR = 2.0  # a worker still busy after factor * timeout + grace is killed
HARD_TIMEOUT_GRACE_S = 5.0
DEFAULT_MEMORY_MB = 4096  # per worker, above what it holds when it starts (model, libraries)
RAM_SHARE_FOR_WORKERS = 0.75  # all workers together stay under this share of physical memory
MIN_MEMORY_MB = 512

_DEVNULL: list = []


def _can_use_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise_timeout(signum, frame):
    raise CleanTimeoutError("page took longer than the time limit")


@contextmanager
def soft_time_limit(seconds: float | None):
    """Raise ``CleanTimeoutError`` after ``seconds`` (main thread on POSIX only; else a no-op)."""
    if not seconds or not _can_use_alarm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _devnull():
    if not _DEVNULL:
        _DEVNULL.append(open(os.devnull, "w"))
    return _DEVNULL[0]


@contextmanager
def page_limits(seconds: float | None, *, hard: bool = False, hard_seconds: float | None = None):
    """The soft limit of ``seconds``; with ``hard`` (in a worker) also the hard one, after
    HARD_TIMEOUT_FACTOR times ``hard_seconds`` (default ``seconds``) plus a grace period."""
    hard_base = hard_seconds if hard_seconds is not None else seconds
    armed = hard and bool(hard_base)
    if armed:
        faulthandler.dump_traceback_later(hard_base * HARD_TIMEOUT_FACTOR + HARD_TIMEOUT_GRACE_S,
                                          exit=True, file=_devnull())
    try:
        with soft_time_limit(seconds):
            yield
    finally:
        if armed:
            faulthandler.cancel_dump_traceback_later()


def address_space_bytes() -> int | None:
    """This process's virtual size now (Linux /proc), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


NEAR_CAP = 0.95  # a failure with the process's peak size this close to its cap is lack of memory


def peak_bytes() -> int | None:
    """The largest this process's address space has been (Linux VmPeak), or None."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            return next((int(line.split()[1]) * 1024 for line in fh if line.startswith("VmPeak:")), None)
    except (OSError, ValueError, IndexError):
        return None


def hit_memory_cap(cap: int | None) -> bool:
    """Whether this process has reached its memory cap: under ``RLIMIT_AS`` running out shows up
    as whatever the failing allocation raises (MemoryError, lxml's "unknown error", "can't
    start new thread"), so the cap, not the exception, tells."""
    if not cap:
        return False
    peak = peak_bytes()
    return peak is not None and peak >= cap * NEAR_CAP


def worker_budget_mb(requested_mb: int | None, jobs: int) -> int | None:
    """The per-worker budget: as asked, but no more than the workers' share of the machine."""
    if not requested_mb:
        return None
    try:
        ram_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1024 * 1024)
    except (ValueError, OSError, AttributeError):  # pragma: no cover - no sysconf
        return requested_mb
    return min(requested_mb, max(MIN_MEMORY_MB, int(ram_mb * RAM_SHARE_FOR_WORKERS / max(jobs, 1))))


def cap_memory(budget_mb: int | None) -> int | None:
    """Cap this process's address space at its current size + ``budget_mb``; the cap in bytes,
    or None when there is no budget or the platform has no such limit."""
    if not budget_mb:
        return None
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    base = address_space_bytes()
    if base is None:
        return None
    cap = base + budget_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        return None
    return cap
