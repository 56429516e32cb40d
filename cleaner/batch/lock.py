"""An exclusive lock on a batch output, so two runs never write the same file.

Two runs on one ``-o`` (a run and a ``--resume`` started while it works, or two resumes)
interleave their records and tear lines; the second also fails at the end when the first has
already renamed the ``.part``. The writer therefore holds ``fcntl.flock`` on its ``.part`` file
for the whole run: the kernel drops the lock when the holder dies, however it dies, so a
killed run never leaves a stale lock. The message names the holder's pid (from /proc/locks
on Linux) so the user knows which run to wait for or stop.
"""

from __future__ import annotations

import os

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, runs are not guarded
    fcntl = None  # type: ignore[assignment]

PROC_LOCKS = "/proc/locks"


class OutputLockedError(OSError):
    """Another run holds the lock on this output: refuse to start rather than corrupt it."""


def open_locked(path: str) -> int:
    """Open (creating, never truncating) ``path`` for read/write and lock it exclusively.

    Retries when the file was renamed or replaced between open and lock (the other run just
    finished), so the lock is always held on the file now at ``path``.
    """
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        fd = os.open(path, flags, 0o644)
        if fcntl is None:  # pragma: no cover
            return fd
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = lock_holder(fd)
            os.close(fd)
            who = f"another run (pid {holder})" if holder else "another run"
            raise OutputLockedError(f"{who} is writing {path}; wait for it to finish or stop it, "
                                    "then rerun (with --resume to continue its output)") from None
        if _same_file(fd, path):
            return fd
        os.close(fd)  # renamed away while we waited: lock the new file instead


def _same_file(fd: int, path: str) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def lock_holder(fd: int) -> int | None:
    """The pid holding a flock on the file open as ``fd`` (Linux ``/proc/locks``), or None."""
    st = os.fstat(fd)
    wanted = (os.major(st.st_dev), os.minor(st.st_dev), st.st_ino)
    try:
        with open(PROC_LOCKS, encoding="ascii", errors="replace") as fh:
            for line in fh:
                # "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"; a blocked waiter has "->"
                fields = line.split()
                if len(fields) < 6 or fields[1] != "FLOCK":
                    continue
                major, minor, inode = fields[5].split(":")
                if (int(major, 16), int(minor, 16), int(inode)) == wanted:
                    return int(fields[4])
    except (OSError, ValueError):
        return None
    return None
