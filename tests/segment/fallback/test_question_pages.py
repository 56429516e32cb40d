"""Loss class 2 of issue 12, question pages on the fallback: the short question must not lose
its place to a posting-guidelines or help box beside it, to a lone code block, or to its title.
Pages written for the project (English, German, Chinese)."""

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
