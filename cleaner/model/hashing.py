"""Hashed character n-grams of the shaped lines: the sparse part of the spam model's features.

Character 1-3-grams are hashed (no vocabulary to store; Chinese has no spaces, n-grams
need none) with an FNV-1a style hash over code points, computed with numpy for a whole
batch at once: each order extends the hash of the one below. Changing a constant here
changes every column the model learned: it needs a new ``FEATURE_VERSION``
(``cleaner.model.features``).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .textforms import _NL, _code_points, _flat_indices

HASH_BITS = 18
N_HASH_FEATURES = 2**HASH_BITS
NGRAM_ORDERS = (1, 2, 3)

# n-gram hashing constants (FNV-1a style over code points, 64-bit wrap-around).
_FNV_OFFSET = np.uint64(0xCBF29CE484222325)
_FNV_PRIME = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def ngram_entries(shaped: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, value) of each hashed character n-gram of each line: n-grams never
    cross lines, values are 1/sqrt(n-grams in the line). Duplicates are not summed (a dot
    product or a CSR conversion adds them up). Each order extends the hash of the one
    below, so the three orders cost three multiplies per character."""
    cps = _code_points("\n".join([f" {line} " for line in shaped])).astype(np.uint64)
    newline = cps == _NL
    row_of = np.cumsum(newline) - newline  # a line's "\n" terminator belongs to it
    line_end = np.concatenate([_flat_indices(newline), [len(cps)]])
    room = line_end[row_of] - np.arange(len(cps))  # characters left in the line from here
    rows, cols = [], []
    h = np.full(len(cps), _FNV_OFFSET, dtype=np.uint64)
    for order in range(1, max(NGRAM_ORDERS) + 1):
        m = len(cps) - order + 1
        h = (h[:m] ^ cps[order - 1:order - 1 + m]) * _FNV_PRIME
        if order in NGRAM_ORDERS:
            ok = room[:m] >= order
            cols.append(((h[ok] * _MIX) >> np.uint64(64 - HASH_BITS)).astype(np.int32))
            rows.append(row_of[:m][ok])
    row = np.concatenate(rows)
    per_row = np.bincount(row, minlength=len(shaped))
    weights = (1.0 / np.sqrt(np.maximum(per_row, 1))).astype(np.float32)
    return row, np.concatenate(cols), weights[row]
