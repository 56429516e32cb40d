"""Text forms of a spam-model line: the canonical form, then the shaped form whose n-grams are hashed.

A line is first put in a canonical form that undoes spammers' evasions (full-width
forms, zero-width characters, spaced-out characters, homoglyphs, "薇信"/"加V" for
WeChat, "扣扣" for QQ), then URLs become a domain-class token and digit runs a
length-class token, so that a new phone number or a new domain looks like the ones
seen in training.

Why a batch of lines is processed as one joined string: per-line Python and regex
overhead made sklearn's HashingVectorizer path ~4k lines/s; running every regex once
over the batch and hashing n-grams with numpy is >10x faster. Python's regex engine
still costs 10-40 ns per character scanned, so each regex runs only on the lines that
hold one of its gate characters (found with a numpy table look-up, ~1 ns per
character); most Chinese lines never reach the Latin patterns and vice versa.

What it shares with the rules: the data. The zero-width characters, the WeChat/QQ
spellings, the bare-domain endings, the web-address pattern and the blocked domains come
from ``cleaner.rules.normalize`` and ``cleaner.rules.spam_patterns`` (one list each); only
the vectorised machinery is here. A change there or here changes what the model sees: it
needs a new ``FEATURE_VERSION`` (``cleaner.model.features``).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Sequence

import numpy as np

from ..rules.normalize import QQ_SPELLINGS, WECHAT_HOMOPHONES, WECHAT_XIN, ZERO_WIDTH_CHARS
from ..rules.spam_patterns import ANY_WEB_ADDRESS, BARE_DOMAIN_TLDS, is_blocked_domain

MAX_CHARS = 400  # long paragraphs: head and tail are enough, keeps scoring fast


# Look-alike letters from other scripts, folded to the character they imitate.
HOMOGLYPHS: dict[str, str] = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i", "ј": "j",
    "ѕ": "s", "һ": "h", "к": "k", "м": "m", "т": "t", "в": "b", "н": "h",
    "α": "a", "ο": "o", "ν": "v", "ρ": "p", "τ": "t", "ι": "i", "κ": "k", "χ": "x", "ε": "e",
    "曰": "日", "〇": "0",
}
ZERO_WIDTH = ZERO_WIDTH_CHARS

# (name, pattern, replacement) applied after folding, in one regex pass. ASCII ends of a
# match must not touch other ASCII letters ("wx" in "wxwidgets" stays), see _evasion_repl.
EVASIONS: tuple[tuple[str, str, str], ...] = (
    ("wechat", rf"[{WECHAT_HOMOPHONES}] ?[{WECHAT_XIN}]|微 ?芯|[vw] ?[{WECHAT_XIN}]|wei ?xin|we ?chat|vx|wx", "微信"),
    ("add_v", rf"[加+➕] ?(?:[vw]|[{WECHAT_HOMOPHONES}])(?! ?[{WECHAT_XIN}])(?![a-z])", "加微信"),
    ("qq", "|".join(QQ_SPELLINGS) + "|q ?q", "qq"),
    ("whatsapp", r"whats ?app|wa\.me", "whatsapp"),
    ("telegram", r"tele ?gram|t\.me/", "telegram "),
    ("dot", r"(?:\[\.\]|\(\.\)|【\.】|点|。|dot) ?(?=(?:com|cn|net|org|top|xyz|cc|vip|me|info)(?![a-z]))", "."),
)
# The look-ahead on the possible first characters lets the regex engine skip fast.
_EVASION_FIRST_CHARS = WECHAT_HOMOPHONES + "微vw加+➕" + "".join(sorted({q[0] for q in QQ_SPELLINGS})) + "qtd点。\\[(【"
_EVASION = re.compile(
    f"(?=[{_EVASION_FIRST_CHARS}])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern, _ in EVASIONS) + ")"
)
_EVASION_REPL = {name: repl for name, _, repl in EVASIONS}
_SPACED_LETTERS = re.compile(r"(?:[a-z0-9] ){2,}[a-z0-9](?![a-z0-9])")
DIGIT_GROUP_GLUE = 4  # "138 1234 5678" is one number; "2023 13812345678" are two


def _single_char(folded: str) -> str:
    """One character standing for an NFKC expansion: its first letter/digit, else its first char."""
    return next((c for c in folded if c.isalnum()), folded[0])


# What Unicode alone decides of the fold (NFKC, lower case, white space): computed once by
# ``unicode_fold_pairs`` and shipped, since computing it costs ~0.1 s at every start (a third of
# cleaning one page from the command line). tests/model/test_fold_table.py checks the file.
FOLD_TABLE_FILE = Path(__file__).resolve().parents[1] / "data" / "fold_table.npz"


def unicode_fold_pairs() -> tuple[np.ndarray, np.ndarray]:
    """(code points, what they fold to) where Unicode changes them: NFKC per character
    (multi-character expansions reduced to one character), lower case, whitespace -> space."""
    table = np.arange(0x110000, dtype=np.uint32)
    for cp in [*range(0x80, 0xD800), *range(0xE000, 0x10000), *range(0x1D400, 0x1D800), *range(0x1F100, 0x1F200)]:
        char = chr(cp)
        folded = unicodedata.normalize("NFKC", char)
        if folded != char and folded:
            table[cp] = ord(_single_char(folded))
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        lowered = chr(int(table[cp])).lower()
        if len(lowered) == 1:
            table[cp] = ord(lowered)
        if chr(int(table[cp])).isspace() and table[cp] != 10:
            table[cp] = 32
    changed = np.flatnonzero(table != np.arange(0x110000, dtype=np.uint32)).astype(np.uint32)
    return changed, table[changed]


def write_fold_table(path: Path = FOLD_TABLE_FILE) -> None:
    source, target = unicode_fold_pairs()
    np.savez_compressed(path, source=source, target=target, unidata=np.array(unicodedata.unidata_version))


def _fold_table(path: Path = FOLD_TABLE_FILE) -> np.ndarray:
    """Code point -> code point map: the shipped Unicode fold, then homoglyphs; 0 = drop.
    A pure code-point map lets a whole batch be folded with one numpy take()."""
    table = np.arange(0x110000, dtype=np.uint32)
    if path.is_file():
        with np.load(path, allow_pickle=False) as shipped:
            table[shipped["source"]] = shipped["target"]
    else:  # a checkout without the file (it is rebuilt by write_fold_table)
        source, target = unicode_fold_pairs()
        table[source] = target
    for char, target in HOMOGLYPHS.items():
        table[ord(char)] = ord(target)
    for char in ZERO_WIDTH:
        table[ord(char)] = 0
    return table


FOLD_TABLE = _fold_table()
_NL, _SPACE = 10, 32


def _is_cjk(cps: np.ndarray) -> np.ndarray:
    return ((cps >= 0x3400) & (cps <= 0x9FFF)) | ((cps >= 0xF900) & (cps <= 0xFAFF))


def _is_ascii_digit(cps: np.ndarray) -> np.ndarray:
    return (cps >= 48) & (cps <= 57)


def _flat_indices(mask: np.ndarray) -> np.ndarray:
    """np.flatnonzero without its Python-level wrappers (called many times per page on small arrays)."""
    return mask.ravel().nonzero()[0]


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _from_code_points(cps: np.ndarray) -> str:
    return cps.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def _neighbours(cps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    boundary = np.array([_NL], dtype=cps.dtype)
    return np.concatenate([boundary, cps[:-1]]), np.concatenate([cps[1:], boundary])


def _digit_run_lengths(cps: np.ndarray) -> np.ndarray:
    """For each position, the length of the ASCII digit run it belongs to (0 if none)."""
    digit = _is_ascii_digit(cps)
    starts = digit & ~np.concatenate([[False], digit[:-1]])
    run_id = np.cumsum(starts) - 1
    lengths = np.bincount(run_id[digit]) if digit.any() else np.zeros(0, dtype=np.int64)
    out = np.zeros(len(cps), dtype=np.int64)
    out[digit] = lengths[run_id[digit]]
    return out


def _fold_spaces(cps: np.ndarray) -> np.ndarray:
    """Collapse space runs, strip line edges, drop spaces between CJK characters and
    between short digit groups (spaced-out phone numbers)."""
    prev, _ = _neighbours(cps)
    cps = cps[~((cps == _SPACE) & (prev == _SPACE))]
    prev, nxt = _neighbours(cps)
    cps = cps[~((cps == _SPACE) & ((prev == _NL) | (nxt == _NL)))]
    if len(cps) == 0:
        return cps
    prev, nxt = _neighbours(cps)
    run = _digit_run_lengths(cps)
    run_before = np.concatenate([[0], run[:-1]])
    run_after = np.concatenate([run[1:], [0]])
    short_digits = (run_before > 0) & (run_before <= DIGIT_GROUP_GLUE) & (run_after > 0) & (run_after <= DIGIT_GROUP_GLUE)
    glued = (_is_cjk(prev) & _is_cjk(nxt)) | short_digits
    return cps[~((cps == _SPACE) & glued)]


def _ascii_letter_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalpha()


def _evasion_repl(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    found = match.group(0)
    if (found[0].isascii() and found[0].isalpha() and _ascii_letter_at(text, start - 1)) or (
        found[-1].isascii() and found[-1].isalpha() and _ascii_letter_at(text, end)
    ):
        return found
    return _EVASION_REPL[match.lastgroup]


def _unspace_letters(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return match.group(0)
    return match.group(0).replace(" ", "")


TLDS = BARE_DOMAIN_TLDS
_URL = ANY_WEB_ADDRESS
_HOST = re.compile(r"^(?:https?://)?([^/:?#]+)")
SECOND_LEVEL_LABELS = frozenset({"gov", "edu", "ac", "org", "com", "net"})

# Markers are private-use characters: they never occur in text after normalisation.
URL_MARK, BLOCKED_URL_MARK = "\ue000", "\ue001"
DIGIT_RUN_LIMITS = (2, 4, 6, 8, 10, 11)  # run length <= limit -> mark 0xE010 + index; longer -> next
DIGIT_MARK_BASE = 0xE010


def is_blocked_host(host: str) -> bool:
    """True when the host or one of its parent domains is on the blocked list (the rules' list)."""
    return is_blocked_domain(host)


# ---------------------------------------------------------------- gates
# Bit per regex stage: which characters a line must hold before that regex is run on it.
# Each stage lists the gates of its own regexes (the evasion pass here, the contact and
# ad-term searches in cleaner.model.features) and builds its table with ``gate_table``.


def gate_table(gates: dict[str, str]) -> tuple[dict[str, int], np.ndarray]:
    """(bit of each gate, code point -> OR of the bits of the gates that hold it)."""
    gate_bit = {name: 1 << i for i, name in enumerate(gates)}
    table = np.zeros(0x110000, dtype=np.uint16)
    for name, chars in gates.items():
        for char in set(chars):
            table[ord(char)] |= gate_bit[name]
    return gate_bit, table


def line_bits(table: np.ndarray, cps: np.ndarray, n_lines: int) -> np.ndarray:
    """Per line (of "\n"-joined code points), the OR of its characters' gate bits."""
    if n_lines == 0:
        return np.zeros(0, dtype=np.uint16)
    starts = np.concatenate([[0], _flat_indices(cps == _NL) + 1])
    padded = np.concatenate([table[cps], np.zeros(1, dtype=np.uint16)])
    return np.bitwise_or.reduceat(padded, starts)


GATES: dict[str, str] = {"evasion": _EVASION_FIRST_CHARS + "信芯"}
_GATE_BIT, GATE_TABLE = gate_table(GATES)


def _sub_lines(lines: list[str], selected: np.ndarray, pattern: re.Pattern, repl) -> None:
    """pattern.sub(repl) on the selected lines only, in place (one joined string, one call)."""
    index = _flat_indices(selected)
    if len(index) == 0:
        return
    for i, text in zip(index.tolist(), pattern.sub(repl, "\n".join([lines[i] for i in index])).split("\n")):
        lines[i] = text


def _match_rows(lines: Sequence[str], selected: np.ndarray, patterns: re.Pattern | Sequence[re.Pattern],
                digit_boundary: bool = False) -> np.ndarray:
    """Indices of the selected lines in which a pattern matches (one per match)."""
    index = _flat_indices(selected)
    if len(index) == 0:
        return np.zeros(0, dtype=np.int64)
    joined = "\n".join([lines[i] for i in index])
    starts = [m.start() for pattern in ((patterns,) if isinstance(patterns, re.Pattern) else patterns)
              for m in pattern.finditer(joined)
              if not (digit_boundary and m.start() > 0 and joined[m.start() - 1].isdigit())]
    if not starts:
        return np.zeros(0, dtype=np.int64)
    lengths = np.fromiter((len(lines[i]) + 1 for i in index.tolist()), dtype=np.int64, count=len(index))
    line_starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    return index[np.searchsorted(line_starts, np.asarray(starts, dtype=np.int64), side="right") - 1]


def _rows_with_run(cps: np.ndarray, n_lines: int, condition: np.ndarray) -> np.ndarray:
    row_of = np.cumsum(cps == _NL)
    return np.bincount(row_of[condition], minlength=n_lines) > 0


def _spaced_letter_rows(cps: np.ndarray, n_lines: int) -> np.ndarray:
    """Lines holding "x y z" (three single ASCII letters/digits between spaces)."""
    if len(cps) < 5:
        return np.zeros(n_lines, dtype=bool)
    alnum = ((cps >= 97) & (cps <= 122)) | _is_ascii_digit(cps)
    space = cps == _SPACE
    hit = alnum[:-4] & space[1:-3] & alnum[2:-2] & space[3:-1] & alnum[4:]
    return _rows_with_run(cps[:-4], n_lines, hit)


def _url_rows(cps: np.ndarray, n_lines: int) -> np.ndarray:
    """Lines that can hold a URL: a "." before a letter/digit, or ":/"."""
    if len(cps) < 2:
        return np.zeros(n_lines, dtype=bool)
    nxt = cps[1:]
    alnum_next = ((nxt >= 97) & (nxt <= 122)) | _is_ascii_digit(nxt)
    hit = ((cps[:-1] == 46) & alnum_next) | ((cps[:-1] == 58) & (nxt == 47))
    return _rows_with_run(cps[:-1], n_lines, hit)


# ---------------------------------------------------------------- normalisation
RAW_MAX_CHARS = 4 * MAX_CHARS  # a huge line is cut before normalisation: bounded work per line


def _clip(line: str) -> str:
    line = line.replace("\r", " ").replace("\n", " ")
    if len(line) <= RAW_MAX_CHARS:
        return line
    half = RAW_MAX_CHARS // 2
    return line[:half] + " " + line[-half:]


def normalize_many(lines: Sequence[str]) -> list[str]:
    """Canonical form of each line: NFKC per character, lower case, zero-width chars and
    homoglyphs folded, spaces collapsed (and removed between CJK characters or digits),
    evasion spellings of contact channels replaced."""
    if not lines:
        return []
    cps = FOLD_TABLE[_code_points("\n".join([_clip(line) for line in lines]))]
    cps = _fold_spaces(cps[cps != 0])
    out = _from_code_points(cps).split("\n")
    n = len(out)
    spaced = _spaced_letter_rows(cps, n)
    _sub_lines(out, spaced, _SPACED_LETTERS, _unspace_letters)
    evasion = ((line_bits(GATE_TABLE, cps, n) & _GATE_BIT["evasion"]) != 0) | spaced
    _sub_lines(out, evasion, _EVASION, _evasion_repl)
    return out


def normalize(line: str) -> str:
    """Canonical form of one line (see ``normalize_many``)."""
    return normalize_many([line])[0]


def _truncate(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    half = MAX_CHARS // 2
    return text[:half] + " " + text[-half:]


def _url_mark(match: re.Match) -> str:
    start = match.start()
    if start > 0 and (match.string[start - 1].isascii() and match.string[start - 1].isalnum()):
        return match.group(0)  # "abc" of "xabc.com" is not where a domain starts
    host = _HOST.match(match.group(0))
    if not host:
        return f" {URL_MARK} "
    mark = BLOCKED_URL_MARK if is_blocked_host(host.group(1)) else URL_MARK
    return f" {mark}{url_suffix(host.group(1))} "


def url_suffix(host: str) -> str:
    """The public suffix class of a host ("gov.cn", "org", "top"): official and
    community sites end differently from throw-away spam domains."""
    labels = host.rstrip(".").split(".")
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL_LABELS:
        return ".".join(labels[-2:])
    return labels[-1]


def _mark_digit_runs(cps: np.ndarray) -> np.ndarray:
    """Each run of ASCII digits -> one private-use mark for its length class."""
    digit = _is_ascii_digit(cps)
    if not digit.any():
        return cps
    prev_digit = np.concatenate([[False], digit[:-1]])
    starts = digit & ~prev_digit
    run_id = np.cumsum(starts) - 1
    run_len = np.bincount(run_id[digit])
    marks = DIGIT_MARK_BASE + np.searchsorted(np.array(DIGIT_RUN_LIMITS), run_len, side="left")
    out = cps.copy()
    out[starts] = marks[run_id[starts]]
    return out[~digit | starts]


def _shape(normalized: Sequence[str], cps: np.ndarray | None = None) -> list[str]:
    truncated = [_truncate(t) for t in normalized]
    if cps is None:
        cps = _code_points("\n".join(normalized))
    _sub_lines(truncated, _url_rows(cps, len(truncated)), _URL, _url_mark)
    return _from_code_points(_mark_digit_runs(_code_points("\n".join(truncated)))).split("\n")


def shape_many(normalized: Sequence[str]) -> list[str]:
    """The strings whose n-grams are hashed: URLs and digit runs replaced by class marks,
    long lines cut to their head and tail."""
    return _shape(list(normalized)) if normalized else []


def shape(normalized: str) -> str:
    """``shape_many`` for one normalised line."""
    return shape_many([normalized])[0]
