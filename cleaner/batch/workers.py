"""Worker processes die with their parent, and the parent treats SIGTERM/SIGHUP like Ctrl-C.

A worker holds ~150 MB (the model, the libraries) and, with fork, the parent's open output
lock. If the parent is killed (SIGKILL, OOM killer, a closed terminal) orphaned workers would
go on for minutes and keep the lock. On Linux the kernel sends them SIGKILL when the parent
dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a watchdog thread notices the new parent pid.
The parent turns SIGTERM and SIGHUP into ``KeyboardInterrupt``, so ``kill`` and a closed
terminal take the Ctrl-C path: output kept for ``--resume``, the message, exit 130.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCHDOG_INTERVAL_S = 1.0
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def die_with_parent(parent_pid: int) -> str:
    """Make this (worker) process end when ``parent_pid`` ends; how it was arranged."""
    if sys.platform.startswith("linux") and _set_pdeathsig(signal.SIGKILL):
        how = "pdeathsig"
    else:
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watchdog", daemon=True).start()
        how = "watchdog"
    if os.getppid() != parent_pid:  # the parent died before we were set up
        os._exit(1)
    return how


def _set_pdeathsig(signum: int) -> bool:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    event = threading.Event()
    while not event.wait(WATCHDOG_INTERVAL_S):
        if os.getppid() != parent_pid:
            os._exit(1)


def reset_stop_signals() -> None:
    """In a worker: the default action for the stop signals (the parent's handlers are inherited
    through fork) and Ctrl-C ignored, as it is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


@contextmanager
def stop_signals_interrupt():
    """While the batch runs in the main thread, SIGTERM and SIGHUP raise ``KeyboardInterrupt``."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _interrupt) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
