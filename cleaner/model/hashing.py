"""Hashed character n-grams and words of the shaped lines: the sparse part of the spam model's features.

Character 1-3-grams are hashed (no vocabulary to store; Chinese has no spaces, n-grams
need none: most Chinese words are one to three characters, so they are the word level of
Chinese too) with an FNV-1a style hash over code points, computed with numpy for a whole
batch at once: each order extends the hash of the one below. Latin words (runs of a-z)
and pairs of adjacent words are hashed into the same space ("check out", "buy now" carry
intent that no 3-gram sees). Changing a constant here
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
_WORD_SALT = np.uint64(0xA0761D6478BD642F)
MIN_WORD_CHARS = 2
MAX_WORD_CHARS = 16  # longer runs are hashed on their first 16 letters


def _column(h: np.ndarray) -> np.ndarray:
    return ((h * _MIX) >> np.uint64(64 - HASH_BITS)).astype(np.int32)


def word_entries(cps: np.ndarray, row_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each Latin word (2+ letters) and each pair of adjacent words in a line."""
    letter = (cps >= 97) & (cps <= 122)
    if not letter.any():
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.astype(np.int32)
    prev = np.concatenate([[False], letter[:-1]])
    nxt = np.concatenate([letter[1:], [False]])
    starts = np.flatnonzero(letter & ~prev)
    ends = np.flatnonzero(letter & ~nxt) + 1
    keep = (ends - starts) >= MIN_WORD_CHARS
    starts, ends = starts[keep], ends[keep]
    h = np.full(len(starts), _FNV_OFFSET ^ _WORD_SALT, dtype=np.uint64)
    for k in range(MAX_WORD_CHARS):
        inside = starts + k < ends
        if not inside.any():
            break
        h[inside] = (h[inside] ^ cps[starts[inside] + k]) * _FNV_PRIME
    rows = row_of[starts]
    same_line = rows[:-1] == rows[1:]
    pair = (h[:-1] * _FNV_PRIME) ^ (h[1:] + _WORD_SALT)
    return (np.concatenate([rows, rows[:-1][same_line]]),
            np.concatenate([_column(h), _column(pair[same_line])]))


def ngram_entries(shaped: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, value) of each hashed character n-gram and Latin word (and word pair) of
    each line: n-grams never
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
            cols.append(_column(h[ok]))
            rows.append(row_of[:m][ok])
    word_rows, word_cols = word_entries(cps, row_of)
    rows.append(word_rows)
    cols.append(word_cols)
    row = np.concatenate(rows)
    per_row = np.bincount(row, minlength=len(shaped))
    weights = (1.0 / np.sqrt(np.maximum(per_row, 1))).astype(np.float32)
    return row, np.concatenate(cols), weights[row]
