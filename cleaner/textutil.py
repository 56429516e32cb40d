"""Text helpers every stage shares: writing-system character classes, whitespace squashing,
the CJK share of a line and the shape of a web address in text.

It imports nothing from the package, so the segmenter, the rules and the model can all use it
without importing each other (one definition, no import loop)."""

from __future__ import annotations

import re

# Han ideographs (CJK Unified, Extension A, Compatibility): the body of a character class.
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# One East-Asian character (Han, kana, hangul): text with one is a message, not random noise.
EAST_ASIAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
# A web address as written in text ("http://...", "www..."), up to a space, quote or CJK punctuation.
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。！？、）)]+", re.I)

_HAN_RUN = re.compile(rf"[{HAN}]+")


def collapse_spaces(text: str) -> str:
    """Whitespace runs to one space, ends stripped (str.split and re's \\s agree on whitespace)."""
    return " ".join(text.split())


def cjk_share(text: str) -> float:
    """Share of Han characters among non-space characters (language and length logic)."""
    if text.isascii():
        return 0.0
    chars = len("".join(text.split()))  # non-space characters (split and re's \S agree)
    return sum(map(len, _HAN_RUN.findall(text))) / chars if chars else 0.0


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Lone surrogates (from a ``\\ud800`` JSON escape, a bad ``surrogateescape`` read) become
    U+FFFD; a valid pair becomes its character. No file, pipe or parser accepts them: one left
    in a page stops lxml mid-page and one left in a record stops the writer."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def scrub_strings(value):
    """``replace_surrogates`` on every string inside a record (dicts, lists, tuples)."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, dict):
        return {scrub_strings(k): scrub_strings(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [scrub_strings(v) for v in value]
    return value
