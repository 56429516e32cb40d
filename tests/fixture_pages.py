"""Reading the real pages kept under tests/data as text, for tests that parse markup directly."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"


def read(name: str) -> str:
    """tests/data/<name> decoded as UTF-8, else GB18030 (the fixtures use one or the other)."""
    raw = (DATA / name).read_bytes()
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError(f"cannot decode {name}")
