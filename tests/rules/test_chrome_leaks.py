"""Forum chrome that used to leak into the post text on generic-path pages: reply summaries,
navigation, answer badges, reaction bars, tag lines and one-line bylines. One test per named
rule (the exact removal reason), and the near misses a reader wrote, which must stay."""

import pytest

from cleaner import clean
from cleaner.segment.blocks import Block, PostMeta, Segmented
from cleaner.rules.lines import judge, page_context


def verdict(text):
    block = Block(text, post=0)
    seg = Segmented(blocks=[block], posts=[PostMeta(floor=1)])
    v = judge(block, page_context(seg))
    return (v.kind, v.rule) if v else None


@pytest.mark.parametrize("line, rule", [
    ("In reply toKajMagnus⬆:", "chrome:reply-to"),
    ("in reply to rhyspeace12", "chrome:reply-to"),
    ("15 replies", "chrome:reply-count"),
    ("1 reply", "chrome:reply-count"),
    ("3 条回复", "chrome:reply-count"),
    ("There are 15 replies. Estimated reading time: 16 minutes", "chrome:reading-time"),
    ("Solved in post #2, click to view", "chrome:solved-in-post"),
    ("Best answer", "chrome:answer-badge"),
    ("最佳答案", "chrome:answer-badge"),
    ("Reply6 LikesSolution", "chrome:reaction-bar"),
    ("23 Likes", "chrome:reaction-bar"),
    ("Reply1 Disagree1 Like", "chrome:reaction-bar"),
    ("问题标签： 后端相关", "chrome:question-tags"),
    ("Tags: python, regex", "chrome:question-tags"),
    ("歪哦釉 | 83 | 1周前", "chrome:post-byline"),
    ("mariorojas - 2 years ago (last modified 2 years ago)", "chrome:post-byline"),
    ("karilito•Feb 22", "chrome:post-byline"),
    ("John Empoliti · Mar 3, 2022", "chrome:post-byline"),
])
def test_chrome_leak_rules(line, rule):
    assert verdict(line) == ("chrome", rule)


@pytest.mark.parametrize("line", [
    "I posted this on Mar 3, 2022 and nobody answered",
    "Thanks very much",
    "In reply to your question, yes it works.",
    "I had 15 replies in a day, more than I expected.",
    "Tags: I never use them. Does anyone?",
    "Best answer I've read so far, thanks!",
    "It worked - 2 years ago it did not.",
    "标签：这个怎么设置？",
    "Solution",
    "2022年1月27日",  # an article's date line: the article gold keeps it
    "Mar 3, 2022",
    "0 replies",  # pasted by a reader with a copied post; a thread's own summary counts replies it has
])
def test_written_lines_stay(line):
    assert verdict(line) is None


THREAD = """<html><head><title>Estimating a project</title></head><body><div id="thread">
<div class="post"><p>How do I estimate a project of a kind we have never done before? We have no history.</p>
<p>15 replies</p></div>
<div class="post"><p>In reply to alice:</p><p>Ask someone who has done it, then add a margin for what you do not know.</p>
<p>Thanks very much</p></div>
<div class="post"><p>Break it into small tasks and estimate each one; the sum is better than one guess.</p>
<p>I posted this on Mar 3, 2022 and nobody answered, so I asked again here.</p></div>
</div></body></html>"""


def test_clean_removes_leaks_and_keeps_replies():
    result = clean(THREAD, replies=True)
    lines = result.text.splitlines()
    reasons = {r.text: r.rule for r in result.removed}
    assert reasons.get("15 replies") == "chrome:reply-count"
    assert reasons.get("In reply to alice:") == "chrome:reply-to"
    assert "15 replies" not in lines and "In reply to alice:" not in lines
    assert "Thanks very much" in lines
    assert "I posted this on Mar 3, 2022 and nobody answered, so I asked again here." in lines
