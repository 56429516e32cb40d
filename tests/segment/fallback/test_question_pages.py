"""Loss class 2 of issue 12, question pages on the fallback: the short question must not lose
its place to a posting-guidelines or help box beside it, to a lone code block, or to its title.
(A 'question' class as an article hint was tried and left out: on a development page it made
the question's outer wrapper, rating and tag lines included, the opening post.)
Pages written for the project (English, Chinese)."""

from __future__ import annotations

from cleaner import clean
from cleaner.segment.fallback.article import hint_factor, is_help_box, NEGATIVE_HINT_FACTOR
from cleaner.segment.parse import parse_html


def _removed(result) -> dict[str, str]:
    return {r.text: r.rule for r in result.removed}


Q_PAGE = ("<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> "
          "<a href='/q'>Questions</a></nav>{body}</body></html>")

HELP_BOX = Q_PAGE.format(title="How to reset a forgotten BIOS password?", body="""
<div class="main"><h1>How to reset a forgotten BIOS password?</h1>
<div class="question"><p>I forgot the BIOS password of my old desktop, and the board has no reset button. Is there a way to reset it?</p></div>
<div class="posting-guidelines"><h3>Before you answer</h3><p>Please make sure your answer is complete, polite, and cites sources where possible. Answers that only contain a link, a one-word reply, or an opinion without explanation may be removed by moderators. Use the comment function to ask for clarification, and edit your answer when new information arrives; remember that other readers may find this page through a search engine years later.</p></div>
<div class="answers">
<div class="answer"><span>techie</span> <span>2020-02-01 10:00</span><p>Remove the CMOS battery for a few minutes, that clears the settings on most boards.</p></div>
<div class="answer"><span>oldpc</span> <span>2020-02-01 12:00</span><p>Some boards have a jumper labelled CLR_CMOS next to the battery; move it for ten seconds.</p></div>
</div></div>""")


def test_a_posting_guidelines_box_does_not_outscore_a_short_question():
    result = clean(HELP_BOX, replies=True)
    assert [p.text for p in result.posts] == [
        "I forgot the BIOS password of my old desktop, and the board has no reset button. Is there a way to reset it?",
        "Remove the CMOS battery for a few minutes, that clears the settings on most boards.",
        "Some boards have a jumper labelled CLR_CMOS next to the battery; move it for ten seconds.",
    ]
    removed = _removed(result)
    assert "Please make sure your answer is complete" not in result.text
    assert any(text.startswith("Please make sure your answer is complete") for text in removed)


def test_help_box_classes_are_chrome_hints_but_helpful_words_are_not():
    root = parse_html("<div><div class='posting-guidelines'>a</div><div id='help'>b</div>"
                      "<div class='sidebar-tips'>c</div><div class='how-to-ask'>d</div>"
                      "<div class='helpful-answer'>e</div><div class='rulesets-post'>f</div></div>")
    boxes = list(root.iter("div"))[1:]
    assert [is_help_box(el) for el in boxes] == [True, True, True, True, False, False]
    assert [hint_factor(el) <= NEGATIVE_HINT_FACTOR for el in boxes[:3]] == [True, True, True]
    assert hint_factor(boxes[4]) == 1.0 and hint_factor(boxes[5]) == 1.5


CODE_ONLY = Q_PAGE.format(title="CSV totals are wrong", body="""
<div class="main"><h1>CSV totals are wrong</h1>
<div class="q-box"><p>My script reads a CSV file, sums the amounts, but the totals come out wrong. What am I missing?</p>
<pre><code>rows = list(csv.reader(f, delimiter=";"))
total = sum(float(r[2].replace(",", ".")) for r in rows[1:])
print(f"total: {total:.2f}, rows: {len(rows)}")</code></pre></div>
<div class="answers">
<div class="answer"><span>pydev</span> <span>2021-05-01 10:00</span><p>Your file has a header row and a trailing empty line; skip rows whose third field is empty.</p></div>
<div class="answer"><span>csvfan</span> <span>2021-05-01 10:30</span><p>Use the decimal module instead of float when you add up money, or round at the end.</p></div>
<div class="answer"><span>datagal</span> <span>2021-05-02 08:15</span><p>Print the rows that fail to parse first. In my experience it is always a stray thousands separator in one of the amounts.</p></div>
</div></div>""")


def test_a_lone_code_block_does_not_take_the_question_s_place():
    result = clean(CODE_ONLY, replies=True)
    assert result.posts[0].text.splitlines()[:2] == [
        "My script reads a CSV file, sums the amounts, but the totals come out wrong. What am I missing?",
        'rows = list(csv.reader(f, delimiter=";"))',
    ]
    assert result.posts[0].text.endswith('print(f"total: {total:.2f}, rows: {len(rows)}")')
    assert [p.text for p in result.posts[1:]] == [
        "Your file has a header row and a trailing empty line; skip rows whose third field is empty.",
        "Use the decimal module instead of float when you add up money, or round at the end.",
        "Print the rows that fail to parse first. In my experience it is always a stray thousands separator"
        " in one of the amounts.",
    ]
    assert _removed(result)["CSV totals are wrong"] == "outside-article"


HEADING = Q_PAGE.format(title="Win11 更新后打印机无法识别", body="""
<div class="wrap"><h2>求助：Win11 更新后，打印机、扫描仪都无法识别，重装驱动也没用，怎么办？</h2>
<div class="ask"><p>打印机是 HP M1136，更新前一切正常。设备管理器里显示未知设备，换了 USB 口也一样。</p></div>
<div class="replies">
<div class="reply"><span>修电脑的老王</span> <span>2022-11-03 21:40</span><p>先卸载设备并勾选删除驱动程序，再用官网的完整版驱动装一遍。</p></div>
<div class="reply"><span>小赵</span> <span>2022-11-04 08:05</span><p>我也遇到过，是更新把打印后台服务关了，到服务里把 Print Spooler 设成自动就好了。</p></div>
<div class="reply"><span>楼主</span> <span>2022-11-04 12:30</span><p>按二楼的方法弄好了，谢谢大家！</p></div>
</div></div>""")


def test_a_heading_is_never_the_opening_post():
    result = clean(HEADING, replies=True)
    assert [p.text for p in result.posts] == [
        "打印机是 HP M1136，更新前一切正常。设备管理器里显示未知设备，换了 USB 口也一样。",
        "先卸载设备并勾选删除驱动程序，再用官网的完整版驱动装一遍。",
        "我也遇到过，是更新把打印后台服务关了，到服务里把 Print Spooler 设成自动就好了。",
        "按二楼的方法弄好了，谢谢大家！",
    ]
    assert _removed(result)["求助：Win11 更新后，打印机、扫描仪都无法识别，重装驱动也没用，怎么办？"] == "outside-article"

