"""The one feature function of the spam model, used by training and by inference.

A line is put in its canonical form and shaped (``cleaner.model.textforms``), its
character 1-3-grams are hashed (``cleaner.model.hashing``), and a few dense contact/ad
features follow (here). Scoring (``ngram_entries`` + ``dense_features``) needs no sparse
matrix at all; ``featurize`` builds one for training.

Why this lives outside the persisted sklearn Pipeline: a Pipeline holding custom
Python callables cannot be loaded safely with skops. ``FEATURE_VERSION`` changes whenever
this file, ``textforms.py`` or ``hashing.py`` changes what the model sees; a model built
for another version refuses to load.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

import numpy as np

from ..rules.spam_cues import CUE_TABLES, latin_words, term_alternation
from .hashing import N_HASH_FEATURES, ngram_entries
from .textforms import (BLOCKED_URL_MARK, URL_MARK, _NL, _code_points, _is_ascii_digit, _match_rows, _shape,
                        gate_table, line_bits, normalize_many)

FEATURE_VERSION = 3

# Dense contact features: (name, pattern, must not follow a digit), searched in the normalised line.
CONTACT_PATTERNS: tuple[tuple[str, str, bool], ...] = (
    ("mobile", r"1[3-9]\d{9}(?!\d)", True),
    ("hotline_400_800", r"[48]00[- ]?\d{3}[- ]?\d{4}(?!\d)", True),
    ("landline", r"0\d{2,3}-\d{7,8}(?!\d)", True),
    ("qq_id", r"qq ?(?:号码|号|群)? ?:? ?\d{5,11}", False),
    ("wechat_id", r"微信 ?号? ?:? ?(?:[a-z][-_a-z0-9]{5,19}|\d{6,11})", False),
    ("add_contact", r"加 ?(?:微信|qq)|(?:联系|咨询) ?(?:微信|qq|电话|热线)", False),
    ("intl_phone", r"\+\d{1,3}[ -]?\d{3,4}[ -]?\d{3,4}", False),
    # a landline written without its hyphen: "(0571)88886666", "0571 8888 6666" (spaces glued)
    ("landline_plain", r"0[1-9]\d{1,2}\)?\d{7,8}(?!\d)", True),
    ("email", r"[a-z0-9._-]{2,}@[a-z0-9-]+\.[a-z]{2,}", False),
    # Telegram as Chinese spam writes it: "飞机：@abc123", "纸飞机 @abc", "电报：abc123"
    ("telegram_cn", r"(?:飞机|电报)(?:号|群)? ?[:@] ?@?[a-z0-9_]{4,}", False),
    # a price: "38元", "¥199", "$20", "9.9块"
    ("price", r"\d+(?:\.\d+)? ?(?:元|块|万元)|[$¥￥] ?\d", False),
)
# Latin words that also set a contact feature: one literal pattern each, because Python's
# regex engine searches a literal fast but tries an alternation at every Latin letter.
CONTACT_WORDS: dict[str, tuple[str, ...]] = {"add_contact": ("whatsapp", "telegram")}
_CONTACT_PATTERNS = tuple((re.compile(p), digit_boundary) for _, p, digit_boundary in CONTACT_PATTERNS)
# A line can match a contact pattern only if it holds one of these characters.
CONTACT_GATES: dict[str, str] = {
    "mobile": "0123456789", "hotline_400_800": "48", "landline": "0", "qq_id": "q", "wechat_id": "微",
    "add_contact": "加联咨", "intl_phone": "+", "landline_plain": "0", "email": "@", "telegram_cn": "机报",
    "price": "元块$¥￥",
}

# Words that are nearly always an ad in a forum line; the n-grams learn the rest.
AD_TERMS: tuple[str, ...] = (
    "白癜风", "牛皮癣", "银屑病", "男科", "妇科", "不孕不育", "癫痫", "阳痿", "早泄", "前列腺", "包皮",
    "无痛人流", "性病", "尖锐湿疣", "哪家好", "哪里好", "专科医院", "博彩", "时时彩", "六合彩", "百家乐",
    "棋牌", "娱乐城", "真人娱乐", "开户送", "彩金", "投注", "代开发票", "发票", "增值税", "办证", "刻章",
    "文凭", "贷款", "无抵押", "网贷", "秒到账", "高仿", "a货", "复刻", "精仿", "刷单", "兼职", "日结",
    "打字员", "手工活", "代孕", "包夜", "援交", "裸聊", "约炮", "一夜情", "特殊服务", "外围", "快排",
    "外链", "代发", "收录", "枪支", "迷药", "窃听", "私家侦探", "viagra", "cialis", "casino", "payday",
    "replica", "escort", "porn", "backlink", "loan", "pills", "betting", "jackpot", "slots", "poker",
)


# Chinese and Latin terms are separate patterns so that each scans only the lines that can hold it.
_AD_TERMS_CJK = term_alternation(t for t in AD_TERMS if not t.isascii())
_AD_TERMS_LATIN = tuple(re.compile(re.escape(t)) for t in AD_TERMS if t.isascii())
_CONTACT_WORDS = {name: tuple(re.compile(re.escape(w)) for w in words) for name, words in CONTACT_WORDS.items()}
# Commercial-intent cues (offer, solicitation, company, salutation): one count feature per table.
_CUES_CJK = tuple(term_alternation(t for t in terms if not t.isascii()) for _, terms in CUE_TABLES)
_CUES_LATIN = tuple(latin_words(terms) for _, terms in CUE_TABLES)
CUE_CAP = 3

LENGTH_BUCKETS = (8, 16, 32, 64, 128, 256)
PUNCT_CHARS = "!?~:*★☆●◆■→【】[]|#@$%&^_=<>"
N_DENSE_FEATURES = 3 + len(CONTACT_PATTERNS) + 4 + len(LENGTH_BUCKETS) + len(CUE_TABLES)
N_FEATURES = N_HASH_FEATURES + N_DENSE_FEATURES


# ---------------------------------------------------------------- gates
# Bit per regex stage: which characters a line must hold before that regex is run on it
# (the evasion pass has its own gate in cleaner.model.textforms).
GATES: dict[str, str] = {
    "ad_cjk": "".join({t[0] for t in AD_TERMS if not t.isascii()}),
    "ad_latin": "".join({t[0] for t in AD_TERMS if t.isascii()}),
    "contact_words": "".join({w[0] for words in CONTACT_WORDS.values() for w in words}),
    "cue_cjk": "".join({t[0] for _, terms in CUE_TABLES for t in terms if not t.isascii()}),
    "cue_latin": "".join({t[0] for _, terms in CUE_TABLES for t in terms if t.isascii()}),
    **{f"contact_{name}": chars for name, chars in CONTACT_GATES.items()},
}
_GATE_BIT, GATE_TABLE = gate_table(GATES)


def _line_bits(cps: np.ndarray, n_lines: int) -> np.ndarray:
    """Per line (of "\n"-joined code points), the OR of its characters' feature gate bits."""
    return line_bits(GATE_TABLE, cps, n_lines)


# ---------------------------------------------------------------- features
def _bucket(values: np.ndarray, limits: Sequence[int]) -> np.ndarray:
    return np.stack([(values <= limit).astype(np.float32) for limit in limits], axis=1)


def _punct_table() -> np.ndarray:
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in PUNCT_CHARS]] = True
    return table


PUNCT_TABLE = _punct_table()


def dense_features(normalized: Sequence[str], shaped: Sequence[str], cps: np.ndarray | None = None) -> np.ndarray:
    """Hand features per line: URLs, contact ids, digit/punctuation ratios, ad terms, length."""
    n = len(normalized)
    lengths = np.fromiter((len(s) for s in normalized), dtype=np.int64, count=n)
    if cps is None:
        cps = _code_points("\n".join(normalized))
    row_of = np.cumsum(cps == _NL)
    bits = _line_bits(cps, n)
    shaped_cps = _code_points("\n".join(shaped))
    shaped_row = np.cumsum(shaped_cps == _NL)
    url_counts = np.bincount(shaped_row[(shaped_cps == ord(URL_MARK)) | (shaped_cps == ord(BLOCKED_URL_MARK))], minlength=n)
    out = np.zeros((n, N_DENSE_FEATURES), dtype=np.float32)
    out[:, 0] = url_counts > 0
    out[:, 1] = np.bincount(shaped_row[shaped_cps == ord(BLOCKED_URL_MARK)], minlength=n) > 0
    out[:, 2] = np.minimum(url_counts, 5) / 5.0
    for k, ((name, _, _), (pattern, digit_boundary)) in enumerate(zip(CONTACT_PATTERNS, _CONTACT_PATTERNS)):
        selected = (bits & _GATE_BIT[f"contact_{name}"]) != 0
        out[_match_rows(normalized, selected, pattern, digit_boundary), 3 + k] = 1.0
        if name in _CONTACT_WORDS:
            words = (bits & _GATE_BIT["contact_words"]) != 0
            out[_match_rows(normalized, words, _CONTACT_WORDS[name]), 3 + k] = 1.0
    col = 3 + len(CONTACT_PATTERNS)
    safe_len = np.maximum(lengths, 1)
    ad_hits = np.zeros(n, dtype=np.int64)
    for gate, pattern in (("ad_cjk", _AD_TERMS_CJK), ("ad_latin", _AD_TERMS_LATIN)):
        ad_hits += np.bincount(_match_rows(normalized, (bits & _GATE_BIT[gate]) != 0, pattern), minlength=n)
    out[:, col] = np.bincount(row_of[_is_ascii_digit(cps)], minlength=n) / safe_len
    out[:, col + 1] = np.bincount(row_of[PUNCT_TABLE[cps]], minlength=n) / safe_len
    out[:, col + 2] = np.minimum(ad_hits, 5) / 5.0
    out[:, col + 3] = np.minimum(ad_hits * 10.0 / safe_len, 1.0)
    end = col + 4 + len(LENGTH_BUCKETS)
    out[:, col + 4:end] = _bucket(lengths, LENGTH_BUCKETS)
    cjk_rows, latin_rows = (bits & _GATE_BIT["cue_cjk"]) != 0, (bits & _GATE_BIT["cue_latin"]) != 0
    for k, (cjk, latin) in enumerate(zip(_CUES_CJK, _CUES_LATIN)):
        hits = np.bincount(_match_rows(normalized, cjk_rows, cjk), minlength=n)
        hits += np.bincount(_match_rows(normalized, latin_rows, latin), minlength=n)
        out[:, end + k] = np.minimum(hits, CUE_CAP) / CUE_CAP
    return out


def feature_parts(lines: Iterable[str]) -> tuple[int, tuple[np.ndarray, np.ndarray, np.ndarray], np.ndarray]:
    """(number of lines, hashed n-gram entries (row, column, value), dense features):
    what a linear model needs, without building a sparse matrix."""
    normalized = normalize_many(list(lines))
    n = len(normalized)
    if not n:
        empty = np.zeros(0, dtype=np.int64)
        return 0, (empty, empty.astype(np.int32), empty.astype(np.float32)), np.zeros((0, N_DENSE_FEATURES), np.float32)
    cps = _code_points("\n".join(normalized))
    shaped = _shape(normalized, cps)
    return n, ngram_entries(shaped), dense_features(normalized, shaped, cps)


def featurize(lines: Iterable[str]) -> "sp.csr_matrix":
    """Lines -> sparse float32 matrix: hashed char n-grams, then dense features (training:
    scipy is imported here, so scoring never loads it)."""
    import scipy.sparse as sp

    n, (rows, cols, values), dense = feature_parts(lines)
    if not n:
        return sp.csr_matrix((0, N_FEATURES), dtype=np.float32)
    dense_rows, dense_cols = np.nonzero(dense)
    X = sp.coo_matrix(
        (np.concatenate([values, dense[dense_rows, dense_cols]]),
         (np.concatenate([rows, dense_rows]), np.concatenate([cols, dense_cols + N_HASH_FEATURES]))),
        shape=(n, N_FEATURES), dtype=np.float32,
    )
    return X.tocsr()
