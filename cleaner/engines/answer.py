"""Apache Answer (Q&A platform) question pages, as the browser renders them (a saved page).

From Answer's React components (ui/src/pages/Questions/Detail/components/Question, Answer and
ui/src/components/Comment, read to learn the markup): the question is h1 (title) + a user card +
article.fmt (its text) + tags + actions + comments; each answer is div.answer-item#<id> with a
user card, a "Best answer" badge, article.fmt, actions and its comments; a comment is
div.comments-wrap > div.comment-item#<id> holding div.fmt (its text) and an action bar (name,
time, votes). Comments are posts of their own, like Stack Exchange's: replies in whole-thread
mode. A deleted answer shows an alert ("This post has been deleted.") above its text.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

_ANSWER = f"div[{has_class('answer-item')}]"
_COMMENT = f"div[{has_class('comment-item')}]"
_QUESTION = f"//article[{has_class('fmt')}][not(ancestor::{_ANSWER})][not(ancestor::{_COMMENT})]"

ANSWER = EngineTable(
    name="answer",
    fingerprints=(
        Fingerprint("generator-meta", 3.0, generator=r"^Answer \d|apache/(?:incubator-)?answer"),
        Fingerprint("answer-item-fmt", 2.0, xpath=f"//{_ANSWER}//article[{has_class('fmt')}]"),
        Fingerprint("comments-wrap", 0.5, xpath=f"//div[{has_class('comments-wrap')}]"),
        Fingerprint("question-fmt", 1.0, xpath=f"//h1/following::article[{has_class('fmt')}]"),
        Fingerprint("questions-url", 0.5, url=r"/questions/\d{6,}"),
    ),
    post=f"{_QUESTION} | //{_ANSWER} | //{_COMMENT}[.//div[{has_class('fmt')}]]",
    body=f"(self::article | .//article[{has_class('fmt')}] | .//div[{has_class('fmt')}])[1]",
    # the first link to a user page that shows a name (avatar links show none; "@name" is a mention)
    author=f"(.//a[contains(@href, '/users/')][normalize-space(.)][not(starts-with(normalize-space(.), '@'))])[1]",
    date="(.//time/@datetime)[1]",
    title="(//h1/a | //h1)[1]",
    chrome_lines=(r"(?i:best answer|accepted|add a comment|show \d+ more comments?|reply|edit|delete|flag|follow(?:ing)?)",),
    notes="Apache Answer: article.fmt question, div.answer-item > article.fmt answers, "
          "div.comment-item > div.fmt comments (posts).",
)

TABLES: tuple[EngineTable, ...] = (ANSWER,)
