"""Zhihu (知乎) question pages: the question and its answers as the server renders them.

The question's own text is div.QuestionRichText (a span.RichText inside it) in the question
header (the title is h1.QuestionHeader-title: metadata); each answer is
div.ContentItem.AnswerItem with its text in div.RichContent-inner > span.RichText, its author in
div.AuthorInfo (meta[itemprop=name]) and its time in div.ContentItem-time ("发布于 / 编辑于").
Vote bars, "显示全部", comment counts and the side column sit outside those spans. Learnt from
Zhihu's public page markup (its class names are stable, readable BEM-like names); the test page
in tests/engines is written for the project. A question without a description has no question
post: its first answer comes first.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

_QUESTION = f"//div[{has_class('QuestionRichText')}][not(ancestor::div[{has_class('QuestionRichText')}])]"
_ANSWER = f"//div[{has_class('ContentItem')} and {has_class('AnswerItem')}]"

ZHIHU = EngineTable(
    name="zhihu",
    fingerprints=(
        Fingerprint("question-title", 2.0, xpath=f"//h1[{has_class('QuestionHeader-title')}]"),
        Fingerprint("answer-item", 1.0, xpath=f"//div[{has_class('AnswerItem')}]"),
        Fingerprint("question-url", 1.0, url=r"zhihu\.com/question/\d+"),
    ),
    post=f"{_QUESTION} | {_ANSWER}",
    # an answer's text span; the question's text is its QuestionRichText box itself (the span
    # inside it, when the page has one, and the "显示全部" button, a skipped element)
    body=f"(.//div[{has_class('RichContent-inner')}]//span[{has_class('RichText')}] | self::div[{has_class('QuestionRichText')}])[1]",
    author=f"(.//div[{has_class('AuthorInfo')}]//meta[@itemprop='name']/@content | .//a[{has_class('UserLink-link')}])[1]",
    date=(f"(.//div[{has_class('ContentItem-time')}]//@data-tooltip"
          f" | .//div[{has_class('ContentItem-time')}][not(.//@data-tooltip)])[1]"),
    title=f"//h1[{has_class('QuestionHeader-title')}]",
    chrome_lines=(
        r"(?:显示全部|收起|阅读全文|展开阅读全文)\s*[​]?",
        r"(?:发布于|编辑于)\s*.{4,40}",
        r"(?:赞同|赞同了该回答)\s*[\d.,]*\s*(?:万|千)?",
        r"[\d.,]+\s*(?:万|千)?\s*人赞同了该(?:回答|文章)",
        r"(?:[\d.,]+\s*条评论|添加评论|分享|收藏|喜欢|举报|\s)+",
    ),
    notes="Zhihu question page: div.QuestionHeader-main (question), div.ContentItem.AnswerItem > "
          "div.RichContent-inner > span.RichText (answers).",
)

TABLES: tuple[EngineTable, ...] = (ZHIHU,)
