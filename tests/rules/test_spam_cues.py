"""The greeting/sign-off lines that go with an ad reply, and the ones that are a genuine reply."""

import pytest

from cleaner.rules.spam_cues import is_salutation, offer_cues


@pytest.mark.parametrize("line", ["尊敬的负责人：您好！", "老板您好！", "您好", "各位朋友：", "打扰了，谢谢！", "Hi,", "好"])
def test_greetings_and_sign_offs(line):
    assert is_salutation(line)


@pytest.mark.parametrize("line", ["谢谢楼主分享，学习了！", "楼主好人", "我觉得挺好", "",
                                  "尊敬的各位领导、各位来宾，大家好，今天我们在这里隆重集会"])
def test_genuine_replies_are_not_greetings(line):
    assert not is_salutation(line)


def test_offer_cues_counts_distinct_terms_latin_ones_as_whole_words_as_the_model_does():
    assert offer_cues("本公司承接各类工程，价格实惠，欢迎来电咨询") == 5  # 本公司 承接 价格实惠 欢迎来电 咨询
    assert offer_cues("join our sale, free delivery, free returns") == 3
    assert offer_cues("joined: 2009-5-16, posted in the bigsale thread") == 0
