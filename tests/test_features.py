"""The spam model's feature function: evasions undone exactly, batch-invariant, deterministic."""

import numpy as np
import pytest

from cleaner import features as F


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
])
def test_normalize_undoes_evasions(raw, expected):
    assert F.normalize(raw) == expected


def test_shape_replaces_urls_and_digit_runs_by_class_marks():
    shaped = F.shape(F.normalize("小孩为什么会得白癜风 http://baidianfeng.39.net/a_zjwd/190603/7189464.html 电话13812345678"))
    assert "39.net" not in shaped and "baidianfeng" not in shaped
    assert F.URL_MARK + "net" in shaped
    assert chr(F.DIGIT_MARK_BASE + 5) in shaped  # an 11-digit run: mobile-number class
    assert F.BLOCKED_URL_MARK in F.shape(F.normalize("best casino 999jjj.com"))


def test_blocked_hosts_match_parent_domains():
    assert F.is_blocked_host("999jjj.com")
    assert F.is_blocked_host("www.999jjj.com")
    assert F.is_blocked_host("x.y.999jjj.com")
    assert not F.is_blocked_host("www.news.cn")


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
