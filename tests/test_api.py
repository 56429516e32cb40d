"""The public API on every kind of input crawler code holds, and on bad input:
a result or a CleanError subclass with a useful message, never a crash."""

import random
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, CleanError, CleanResult, clean
from cleaner.errors import BinaryInputError, PageTooLargeError, ParseError, UnsupportedInputError

SEED = Path(__file__).resolve().parent.parent / "samples" / "seed"
PAGE = ("<html><head><meta charset='utf-8'><title>测试帖子 - 某某论坛</title></head><body>"
        "<div id='nav'>首页 | 注册 | 登录</div>"
        "<div class='article'><p>这是一篇正常的文章，讲述了城市社区治理的经验和做法，内容比较长。</p>"
        "<p>第二段同样是正文内容，介绍了街道、社区和小区三级联动的工作机制。</p></div>"
        "<div id='ft'>Powered by Discuz! X3.4</div></body></html>")


RULES_ONLY = Cleaner(model=None)


@pytest.fixture(scope="module")
def rules_only():
    return Cleaner(model=None)


def test_bytes_str_soup_and_lxml_give_the_same_text(rules_only):
    from bs4 import BeautifulSoup
    import lxml.html

    by_bytes = rules_only.clean(PAGE.encode("utf-8")).text
    assert "城市社区治理" in by_bytes
    assert rules_only.clean(PAGE).text == by_bytes
    assert rules_only.clean(BeautifulSoup(PAGE, "html.parser")).text == by_bytes
    assert rules_only.clean(lxml.html.fromstring(PAGE)).text == by_bytes


def test_unsupported_type_is_a_clean_error(rules_only):
    with pytest.raises(UnsupportedInputError, match="cannot clean a int: pass bytes, str"):
        rules_only.clean(42)


def test_empty_bytes_give_an_empty_result_with_reason(rules_only):
    result = rules_only.clean(b"")
    assert (result.text, result.empty_reason) == ("", "empty input")


def test_page_without_text_gives_an_empty_result_with_reason(rules_only):
    result = rules_only.clean(b"<html><body><div><img src='a.png'></div></body></html>")
    assert result.text == ""
    assert result.empty_reason == "no text on the page"


def test_binary_junk_is_rejected(rules_only):
    junk = b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(4000)
    with pytest.raises(BinaryInputError, match="binary"):
        rules_only.clean(junk)


def test_twenty_megabyte_page_is_too_large(rules_only):
    page = b"<html><body>" + b"<p>\xe6\xad\xa3\xe6\x96\x87</p>" * (20 * 1024 * 1024 // 16) + b"</body></html>"
    with pytest.raises(PageTooLargeError, match="limit"):
        rules_only.clean(page)


def test_deep_nesting_is_a_parse_error(rules_only):
    page = b"<html><body>" + b"<div>" * 100_000 + b"text" + b"</div>" * 100_000 + b"</body></html>"
    with pytest.raises(ParseError, match="nested deeper than"):
        rules_only.clean(page)


def test_truncated_page_still_cleans(rules_only):
    data = PAGE.encode("utf-8")
    cut = data[: data.index("第二段".encode()) + 4]  # inside a multibyte character
    result = rules_only.clean(cut)
    assert "城市社区治理" in result.text


def test_invalid_bytes_for_declared_charset_still_clean(rules_only):
    data = PAGE.replace("utf-8", "gb2312").encode("gb18030") + b"\xff\xfe\xfd"
    result = rules_only.clean(data)
    assert "城市社区治理" in result.text
    assert result.encoding == "gb18030"


def test_result_to_json_round_trips():
    import json

    result = clean((SEED / "input.txt").read_bytes())
    data = json.loads(result.to_json())
    assert data["title"] == "强省会聚合力雨花作为更优高质量"
    assert {"text", "kind", "rule", "score", "post"} <= set(data["removed"][0])
    assert isinstance(result, CleanResult)


# The deadline is the "bounded time" guarantee: generous, so only a hang trips it.
@settings(max_examples=150, deadline=timedelta(seconds=10), suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(alphabet="<>/divpbr =\"'&#;中文a1\n", max_size=2000).map(str.encode),
))
def test_any_bytes_give_a_result_or_a_clean_error(data):
    try:
        result = RULES_ONLY.clean(data)
        assert isinstance(result, CleanResult)
    except CleanError as err:
        assert str(err)


def test_an_lxml_tree_given_by_the_caller_is_not_modified(rules_only):
    import lxml.html

    tree = lxml.html.fromstring(PAGE.replace("<body>", "<body><script>var x = 1;</script>"))
    before = lxml.html.tostring(tree)
    rules_only.clean(tree)
    assert lxml.html.tostring(tree) == before
