"""The spam model's feature function: evasions undone exactly, batch-invariant, deterministic."""

import numpy as np
import pytest

from cleaner.model import features as F
from cleaner.model import textforms as T


@pytest.mark.parametrize("raw, expected", [
    ("ＱＱ：１２３４５６７８", "qq:12345678"),                 # full-width letters, colon and digits
    ("白\u200b癜\u200d风\ufeff医院", "白癜风医院"),              # zero-width characters dropped
    ("白 癜 风 医 院 哪 家 好", "白癜风医院哪家好"),            # spaces between CJK characters
    ("加V信 abc123", "加微信 abc123"),
    ("加 v 看资料", "加微信 看资料"),
    ("薇信 号", "微信号"),
    ("扣扣 5566778", "qq 5566778"),
    ("bеst саsinо", "best casino"),                         # Cyrillic homoglyphs
    ("v i a g r a now", "viagra now"),                      # spaced-out letters
    ("电话 138 1234 5678", "电话 13812345678"),               # spaced-out phone number
    ("2023 13812345678", "2023 13812345678"),               # two numbers stay two
    ("wxWidgets 很好用", "wxwidgets 很好用"),                  # "wx" inside a word is not WeChat
    ("  两端   空格  ", "两端空格"),
    ("abc点com", "abc.com"),
    ("加薇：ａｂｃ１２３", "加微信:abc123"),                  # a WeChat homophone after 加
    ("a\u2062b\u034fc", "abc"),                              # invisible operators: the rules' list too
])
def test_normalize_undoes_evasions(raw, expected):
    assert T.normalize(raw) == expected


def test_shape_replaces_urls_and_digit_runs_by_class_marks():
    shaped = T.shape(T.normalize("小孩为什么会得白癜风 http://baidianfeng.39.net/a_zjwd/190603/7189464.html 电话13812345678"))
    assert "39.net" not in shaped and "baidianfeng" not in shaped
    assert T.URL_MARK + "net" in shaped
    assert chr(T.DIGIT_MARK_BASE + 5) in shaped  # an 11-digit run: mobile-number class
    assert T.BLOCKED_URL_MARK in T.shape(T.normalize("best casino 999jjj.com"))


def test_blocked_hosts_match_parent_domains():
    assert T.is_blocked_host("www.0001666.com")  # listed only as "www.0001666.com"
    assert T.is_blocked_host("0001666.com")
    assert T.is_blocked_host("999jjj.com")
    assert T.is_blocked_host("www.999jjj.com")
    assert T.is_blocked_host("x.y.999jjj.com")
    assert not T.is_blocked_host("www.news.cn")


def test_featurize_shape_and_contact_features():
    X = F.featurize(["加微信abc12345 电话 13812345678", "今天天气不错", ""])
    assert X.shape == (3, F.N_FEATURES)
    dense = X[:, F.N_HASH_FEATURES:].toarray()
    names = [name for name, _, _ in F.CONTACT_PATTERNS]
    assert dense[0, 3 + names.index("mobile")] == 1.0
    assert dense[0, 3 + names.index("add_contact")] == 1.0
    assert dense[1, 3:3 + len(names)].sum() == 0.0
    assert X[2].nnz <= len(F.LENGTH_BUCKETS) + 3  # an empty line: its boundary-space n-grams and length buckets


def test_featurize_is_batch_invariant_and_deterministic():
    lines = ["办证刻章 13912345678", "The weather is nice.", "多行\n文本", "ｗｗｗ．abc．com"]
    together = F.featurize(lines).toarray()
    alone = np.vstack([F.featurize([line]).toarray() for line in lines])
    np.testing.assert_allclose(together, alone, rtol=1e-6)
    np.testing.assert_array_equal(together, F.featurize(lines).toarray())


def test_featurize_accepts_lone_surrogates_and_empty_input():
    assert F.featurize(["bad \udcff byte"]).shape == (1, F.N_FEATURES)
    assert F.featurize([]).shape == (0, F.N_FEATURES)


MIXED = ["加微信abc12345 电话 13812345678", "contact me on whatsapp +44 7700 900123", "cheap viagra pills",
         "今天天气不错", "w e c h a t: abc123", "Buy now at www.example.com/x", "白癜风医院哪家好", "", "q q 5566778",
         "The weather is nice.", "联系电话 0731-84512345", "telegram @seller", "casino bonus 免费"]


def test_gates_skip_no_match():
    """Each regex runs only on lines holding a gate character: the result must equal
    running it on every line."""
    normalized = T.normalize_many(MIXED)
    everything = np.ones(len(normalized), dtype=bool)
    cps = T._code_points("\n".join(normalized))
    bits = F._line_bits(cps, len(normalized))
    for (name, _, _), (pattern, boundary) in zip(F.CONTACT_PATTERNS, F._CONTACT_PATTERNS):
        gated = (bits & F._GATE_BIT[f"contact_{name}"]) != 0
        assert set(T._match_rows(normalized, gated, pattern, boundary)) == set(T._match_rows(normalized, everything, pattern, boundary))
    for gate, pattern in (("ad_cjk", F._AD_TERMS_CJK), ("ad_latin", F._AD_TERMS_LATIN)):
        gated = (bits & F._GATE_BIT[gate]) != 0
        assert set(T._match_rows(normalized, gated, pattern)) == set(T._match_rows(normalized, everything, pattern))
    assert T.normalize("w e c h a t: abc123") == "微信: abc123"


def test_scoring_without_a_matrix_equals_the_matrix_product():
    n, (rows, cols, values), dense = F.feature_parts(MIXED)
    X = F.featurize(MIXED).toarray()
    weights = np.random.default_rng(0).normal(size=F.N_FEATURES)
    direct = np.bincount(rows, weights=weights[cols] * values, minlength=n) + dense @ weights[F.N_HASH_FEATURES:]
    np.testing.assert_allclose(direct, X @ weights, rtol=1e-5, atol=1e-6)


def test_model_and_rules_share_one_list_of_each_kind():
    from cleaner.rules import normalize as N, spam_patterns as SP

    assert T.ZERO_WIDTH == N.ZERO_WIDTH_CHARS
    assert T.TLDS == SP.BARE_DOMAIN_TLDS and T._URL is SP.ANY_WEB_ADDRESS
    assert set(N.WECHAT_HOMOPHONES) <= set(T._EVASION_FIRST_CHARS)


def test_new_contact_and_commercial_cue_features():
    X = F.featurize(["咨询 0571 8888 6666 邮箱 sales@abc.com", "飞机：@abc123", "本公司批发茶叶，38元一斤，欢迎来电", "今天天气不错"])
    dense = X[:, F.N_HASH_FEATURES:].toarray()
    names = [name for name, _, _ in F.CONTACT_PATTERNS]
    assert dense[0, 3 + names.index("landline_plain")] == 1.0 and dense[0, 3 + names.index("email")] == 1.0
    assert dense[1, 3 + names.index("telegram_cn")] == 1.0
    assert dense[2, 3 + names.index("price")] == 1.0
    cues = dense[:, -len(F.CUE_TABLES):]
    cue_names = [name for name, _ in F.CUE_TABLES]
    assert cues[2, cue_names.index("offer")] > 0 and cues[2, cue_names.index("solicit")] > 0
    assert cues[2, cue_names.index("company")] > 0
    assert cues[3].sum() == 0.0


def test_latin_words_and_word_pairs_are_hashed():
    from cleaner.model.hashing import word_entries

    cps = T._code_points("check out my channel\nok x")
    rows, cols = word_entries(cps, np.cumsum(cps == 10))
    assert rows.tolist() == [0, 0, 0, 0, 1, 0, 0, 0]  # 4 words + "ok" (one letter is no word) + 3 pairs
    assert len(set(cols.tolist())) == len(cols)
