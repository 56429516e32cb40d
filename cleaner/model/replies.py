"""Replies read whole by the spam model, and which of their lines belong to the ad.

An ad cut into lines reads as an ad only when read together: each fragment ("尊敬的建行客户您的积分
已满一万分可兑换的现金请登入手机，") is mild alone. So a short reply is also scored whole, its lines the
rules already caught included (a contact line is part of what the reply says). When the whole
reads as an ad, each of its other lines is read once more by leaving it out: a line that makes
the reply read less like an ad (a genuine "谢谢分享，学到了不少东西。" before an appended ad line)
is genuine and stays; a line that does not (a fragment of the offer, a salutation, a phone
number on its own line) goes with the ad. The decision itself is made in cleaner.assemble.
"""

from __future__ import annotations

import math
from typing import Sequence

from ..rules.lines import Verdict
from ..rules.spam_cues import speaks_to_thread
from ..segment.blocks import BODY, Segmented
from ..shape import CODE
from ..textutil import cjk_share
from .scope import MODEL_MIN_CJK_SHARE

# A reply is read whole when it has two or more lines and is this short: ad replies are; a long
# reply is prose whose lines the model reads one by one.
POST_SCORE_MAX_CHARS = 400
# A reply with a line removed as spam by itself (by a rule: a contact id offered, an ad link; or
# by the model) is read as an ad from even odds: that line is one signal, the model reading the
# whole reply the other.
FLAGGED_REPLY_MIN_SCORE = 0.5
# A reply read whole is an ad at the model's threshold, but never needs more than even odds: the
# threshold is set for single lines (99% precision among many article lines), and a short reply
# read whole is several lines' evidence. (Measured with the left-out models, bench/spam_eval.py:
# bar 0.8 -> 0.5 takes SMS replies removed 58.6% -> 67.6%, dev 67.6 and locked 67.7 alike;
# genuine replies kept unchanged, 100% of the hand-written and comment replies and 74.3% of the
# written ones; real forum gold lines removed as spam unchanged, 3 of 4,944 (and 7, 3 and 61 with
# the models left without SMS, comments and written lines, at 0.8 and at 0.5); of the 752 snapshot
# results one changes: a Yahoo disclaimer footer, taken as a reply, goes. Earlier 1.0 -> 0.8: 44.6%
# -> 58.6%.)
WHOLE_REPLY_MAX_BAR = 0.5
# A line of a reply read as an ad is genuine when leaving it out raises the reply's spam logit
# by at least this much (odds x7.4): the line clearly dilutes the ad rather than adds to it.
# Less is no evidence: any line mixed with a line the model is sure of lowers the mixture a
# little (dev halves of the left-out sources: 0-1.6% of ad fragments dilute by 2 or more).
GENUINE_LINE_MIN_DILUTION = 2.0
# In a reply where one line is removed as spam by itself, a line that speaks to the thread and
# that the model reads as genuine alone (under even odds) is the replier's own and stays: a
# genuine reply with an ad appended loses the ad only.
OWN_LINE_MAX_SCORE = 0.5
# Scores are clipped this far from 0 and 1 before their logit: past 0.99 the model is sure, and
# differences there are noise (a saturated 1.0 is not infinitely more than 0.999).
_LOGIT_EPS = 0.01


def reply_lines(seg: Segmented, verdicts: Sequence[Verdict | None], posts: set[int] | None) -> dict[int, list[int]]:
    """Block indices of each reply's body lines that the model may read: the kept lines and the
    lines removed as spam (chrome, quotes and code are not what the replier wrote as text)."""
    out: dict[int, list[int]] = {}
    for i, (block, verdict) in enumerate(zip(seg.blocks, verdicts)):
        post = block.post
        if not post or block.role != BODY or (posts is not None and post not in posts):
            continue  # the first post (index 0) is the thread's article
        if block.shape is not None and block.shape.kind == CODE:
            continue
        if verdict is None or verdict.kind == "spam":
            out.setdefault(post, []).append(i)
    return out


Reply = tuple[int, list[int], str]  # (reply index, its line indices, its lines joined)


def whole_replies(seg: Segmented, verdicts: Sequence[Verdict | None], posts: set[int] | None, *,
                  max_chars: int = POST_SCORE_MAX_CHARS) -> tuple[list[Reply], list[Reply]]:
    """The short replies to read whole (two or more lines, one still kept): (Chinese ones, read
    with the lines; Western ones, read only when one of their lines is removed as spam by itself).
    A genuine Western reply that recommends a shop reads like an ad when whole ("do not buy a
    iphone on Ebay ... get it from here https://swappa.com/buy/phones": 0.98), and the model knows
    far fewer Western ads."""
    chinese, western = [], []
    for post, lines in reply_lines(seg, verdicts, posts).items():
        texts = [seg.blocks[i].text for i in lines]
        if len(lines) < 2 or sum(map(len, texts)) > max_chars or all(verdicts[i] is not None for i in lines):
            continue
        joined = " ".join(texts)
        (chinese if cjk_share(joined) >= MODEL_MIN_CJK_SHARE else western).append((post, lines, joined))
    return chinese, western


def reads_as_ad(score: float, threshold: float, flagged: bool, *,
                flagged_min_score: float = FLAGGED_REPLY_MIN_SCORE, max_bar: float = WHOLE_REPLY_MAX_BAR) -> bool:
    """A reply read whole is an ad at the model's threshold, capped at ``max_bar`` (never under
    even odds: a model whose threshold is lower read whole notices with a phone number as ads),
    or from even odds (or its threshold, if lower) when one of its lines was removed as spam by
    itself (``flagged``)."""
    bar = min(max(threshold, flagged_min_score), max_bar)
    return score >= bar or (flagged and score >= min(threshold, flagged_min_score))


def leave_one_out(seg: Segmented, verdicts: Sequence[Verdict | None], lines: list[int]) -> list[tuple[int, str]]:
    """(line index, the reply's text without that line) for each of its still-kept lines."""
    return [(i, " ".join(seg.blocks[j].text for j in lines if j != i)) for i in lines if verdicts[i] is None]


def logit(score: float, *, eps: float = _LOGIT_EPS) -> float:
    p = min(max(float(score), eps), 1.0 - eps)
    return math.log(p / (1.0 - p))


def belongs_to_ad(whole: float, without: float, *, min_dilution: float = GENUINE_LINE_MIN_DILUTION) -> bool:
    """True when a line adds to (or does not dilute) the ad its reply reads as: ``whole`` is the
    reply's score, ``without`` its score with the line left out."""
    return logit(without) - logit(whole) < min_dilution


def own_lines(seg: Segmented, lines: Sequence[int], scores: dict[int, float], *,
              max_score: float = OWN_LINE_MAX_SCORE) -> set[int]:
    """Of the kept lines of replies with a line removed as spam by itself, those that are the
    replier's own: they speak to the thread ("谢谢楼主分享，学习了！") and the model reads them
    as genuine alone. Ad fragments do neither, so they still go with the ad."""
    return {i for i in lines if scores.get(i, 0.0) < max_score and speaks_to_thread(seg.blocks[i].text)}

