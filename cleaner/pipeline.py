"""decode -> segment -> rules -> model -> assemble: the whole cleaner in one place.

``prepare`` runs decode, segmentation and the rules for one page; ``score_pending`` scores
the kept lines of one or many prepared pages in one model call; ``finish`` marks the spam
and assembles the result (``Cleaner.clean`` = the three for one page). Each stage reads only
what the one before produced; engine knowledge stays in engines/, line knowledge in rules/,
the model and the lines it is asked about in model/."""

from __future__ import annotations

import ctypes
import os
import re
import signal
import threading
import time
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence, TypeVar

from .errors import CleanTimeoutError, UnsupportedInputError
from .result import CleanResult
from .shape import CODE
# the stages, in pipeline order
from . import decode
from .decode import MAX_PAGE_BYTES
from .segment import segment_page
from .segment.blocks import BODY, Segmented
from .engines import chrome_line_patterns
from .rules.lines import CODE_RULES, RULES, Verdict, judge, page_context, structural, view
from .model.scope import in_model_scope, line_threshold
from .model.replies import Reply, belongs_to_ad, leave_one_out, own_lines, reads_as_ad, whole_replies
from .assemble import assemble

T = TypeVar("T")

# Default time limit per page; a keyword argument of Cleaner (as is max_bytes).
TIME_LIMIT_S = 20.0
# Tries to disarm the time-limit watchdog while other exceptions keep landing (see _disarm_surely).
DISARM_ATTEMPTS = 3
# Rules whose verdict stands only when the spam model also reads the line as an ad: the score it
# must reach, per rule.
CONFIRMED_RULES: dict[str, float] = {
    # A phone number with "联系/电话" is how an ad ends, and also how a recruitment post, a second-hand
    # sale or a club notice does ("组里缺一个厨师……联系电话…": 0.002): the rule and the model at even
    # odds. Measured with bench/spam_eval.py, 0.1 -> 0.5: genuine lines that read like ads and that no
    # model trained on (samples/lines/unseen) kept 65.6% -> 70.0%; with the model left without SMS,
    # 70.5% -> 77.1% while its SMS lines removed went 61.32% -> 61.19%.
    "spam:contact-me": 0.5,
    # "Subscribe to my channel": no gold line of the real forum pages matches (spam_patterns); the model
    # only keeps a line it is sure is genuine (at 0.5 the comment spam left out lost 3.4 points).
    "spam:self-promotion": 0.1,
}
# On article pages (not forum threads) the model must be this sure: ads are injected into
# threads; an article's own contact and copyright lines look like ads to a line model (a health
# site's "原创内容，未经授权不得转载……内容合作请联系：020-…" footer, in the page's gold text, scores
# 0.984). It was 0.9, under every trained threshold so far (0.96-0.99), so it never acted.
ARTICLE_MIN_SPAM_SCORE = 0.99


@dataclass(slots=True)
class Document:
    """A page after decoding: markup or a plain-text dump."""

    text: str = ""
    is_html: bool = False
    encoding: str = ""
    utf8: bytes | None = None  # the text's UTF-8 bytes, when decoding had them (the parser reads them)


class Deadline:
    """A page's time limit: checked between stages, and enforced inside their loops too (a
    page of 700,000 ``<br>`` spends a minute in one stage): a watchdog thread raises in the
    cleaning thread once the time is up (``_Watchdog``, ``PyThreadState_SetAsyncExc``, delivered at the next
    Python bytecode, in any thread, with no signal handler taken from the caller)."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.start = time.monotonic()
        self.stage = "decoding"

    def check(self, stage: str) -> None:
        if self.seconds is not None and time.monotonic() - self.start > self.seconds:
            raise CleanTimeoutError(f"cleaning took longer than {self.seconds:g} s (stopped after {stage})")

    def run(self, work: Callable[[], T]) -> T:
        """``work()`` under the watchdog; a deadline passed inside it is a CleanTimeoutError.
        (Not a context manager: the watchdog may fire at any bytecode, and one landing in a
        context manager's ``__exit__`` before its own ``try`` would escape as _DeadlinePassed.
        Here everything from arming to disarming sits inside one ``try``; the ticket is taken
        first, so that an exception raised while arming (a batch's SIGALRM time limit) still
        finds the arming to undo.)"""
        if self.seconds is None:
            return work()
        ticket = _WATCHDOG.ticket()
        try:
            try:
                _WATCHDOG.arm(ticket, self.start + self.seconds)
                return work()
            finally:
                _disarm_surely(ticket)
        except _DeadlinePassed:  # (fired once per arming: the watchdog forgets what it fired)
            raise CleanTimeoutError(f"cleaning took longer than {self.seconds:g} s "
                                    f"(stopped during {self.stage})") from None


def _disarm_surely(ticket: tuple | None, *, attempts: int = DISARM_ATTEMPTS) -> None:
    """Disarm whatever lands meanwhile: the watchdog firing as the page finished (in time to
    count: disarm again, which clears what is pending), or another exception (a SIGALRM time
    limit, a MemoryError while the page's tree still fills the memory budget), raised once the
    disarming is done or after ``attempts`` tries. Left armed, the watchdog would fire later, in
    code that does not expect it."""
    raised: BaseException | None = None
    while True:
        try:
            _WATCHDOG.disarm(ticket)
            break
        except _DeadlinePassed:  # (the watchdog fires once per arming: this ends)
            continue
        except BaseException as exc:  # noqa: BLE001 (re-raised below)
            raised = raised or exc
            attempts -= 1
            if attempts <= 0:
                break
    if raised is not None:
        raise raised


class _DeadlinePassed(BaseException):
    """Raised by the watchdog inside the cleaning thread. A BaseException, as KeyboardInterrupt
    is, so that no ``except Exception`` inside a stage swallows it; ``Deadline.run`` turns
    it into a CleanTimeoutError."""


class _Watchdog:
    """One daemon thread per process that raises ``_DeadlinePassed`` in each cleaning thread
    whose deadline has passed (a thread per page would cost 0.3 ms a page). Restarted after a
    fork, where threads do not survive, and if it ever died."""

    def __init__(self) -> None:
        self._pid = -1
        self._thread: threading.Thread | None = None
        self._state = _WatchState()

    def ticket(self) -> tuple | None:
        """A number for one arming of this thread, not yet armed (None: no watchdog to be had,
        under a memory cap; the checks between stages remain). It holds what disarming needs,
        so that disarming allocates nothing: it must work when a page has used up the memory."""
        if (self._pid != os.getpid() or self._thread is None or not self._thread.is_alive()) and not self._start():
            return None
        state, thread_id = self._state, threading.get_ident()
        with state.cond:
            state.next += 1
            return state, state.next, thread_id, ctypes.c_ulong(thread_id)

    def arm(self, ticket: tuple | None, deadline: float) -> None:
        if ticket is None:
            return
        state, token, thread_id, _ = ticket
        with state.cond:
            state.due[token] = (thread_id, deadline)
            if deadline < state.wake:  # else it wakes in time anyway: no switch per page
                state.cond.notify()

    def disarm(self, ticket: tuple | None) -> None:
        if ticket is None:
            return
        state, token, _, c_thread_id = ticket
        with state.cond:  # the watchdog fires holding it: once held, nothing new arrives
            if state.due.pop(token, None) is None:  # fired: one not yet delivered is dropped
                _SET_ASYNC_EXC(c_thread_id, None)

    def _start(self) -> bool:
        """A new thread on a new state (a thread half started by an interrupt keeps the old one)."""
        self._state, self._pid = _WatchState(), os.getpid()
        # Signals wait while the thread starts: a handler raising in between (a batch's SIGALRM
        # time limit, Ctrl-C) would leave a half-started thread behind.
        masked = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals()) if masked else None
        try:
            self._thread = threading.Thread(target=_watch, args=(self._state,), name="clean-deadline", daemon=True)
            self._thread.start()
        except RuntimeError:
            self._thread = None
            return False
        finally:
            if masked:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        return True


class _WatchState:
    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.due: dict[int, tuple[int, float]] = {}  # token -> (thread id, deadline)
        self.next = 0
        self.wake = float("inf")  # when the thread looks next


def _watch(state: _WatchState) -> None:
    with state.cond:
        while True:
            now = time.monotonic()
            for token, (thread_id, deadline) in list(state.due.items()):
                if deadline <= now:
                    del state.due[token]
                    _set_async_exc(thread_id, _DeadlinePassed)
            state.wake = min((d for _, d in state.due.values()), default=now + 3600)
            state.cond.wait(state.wake - now)


_WATCHDOG = _Watchdog()


_SET_ASYNC_EXC = ctypes.pythonapi.PyThreadState_SetAsyncExc


def _set_async_exc(thread_id: int, exc_type: type | None) -> None:
    _SET_ASYNC_EXC(ctypes.c_ulong(thread_id), None if exc_type is None else ctypes.py_object(exc_type))


def read_page(page: Any, headers: Mapping[str, str] | None, max_bytes: int) -> Document:
    """Accept what crawler code holds: bytes, str, a BeautifulSoup object or an lxml element."""
    if isinstance(page, (bytes, bytearray, memoryview)):
        d = decode.decode(bytes(page), headers, max_bytes=max_bytes)
        return Document(d.text, d.is_html, d.encoding, d.utf8)
    if isinstance(page, str):
        d = decode.decode_text(page)
        return Document(d.text, d.is_html, "")
    if type(page).__module__.startswith("bs4"):
        return Document(str(page), True, getattr(page, "original_encoding", None) or "")
    if _is_lxml_element(page):
        # Serialised and parsed again: the caller's tree is never modified, and the same
        # limits (depth, size) and the same clean-up apply as to bytes.
        from lxml import etree

        return Document(etree.tostring(page.getroottree(), encoding="unicode"), True, "")
    raise UnsupportedInputError(
        f"cannot clean a {type(page).__name__}: pass bytes, str, a BeautifulSoup object or an lxml element"
    )


def _is_lxml_element(page: Any) -> bool:
    from lxml import etree

    return isinstance(page, etree._Element)


def apply_rules(seg: Segmented, posts: set[int] | None, engine_lines: tuple[re.Pattern[str], ...] = (),
                use_rules: bool = True) -> list[Verdict | None]:
    """One verdict per block; blocks of posts not asked for are left undecided (None)."""
    blocks = seg.blocks
    wanted = [b.post is None or posts is None or b.post in posts for b in blocks]
    lines = [view(b.text) if want and b.role == BODY else None for b, want in zip(blocks, wanted)]
    ctx = page_context(seg, engine_lines, lines)
    rules = RULES if use_rules else RULES[:1]  # structure is not a rule users switch off
    code_rules = CODE_RULES if use_rules else CODE_RULES[:1]
    # (Speed: most blocks are chrome, quotes or signatures the segmenter already decided: both
    # tables start with the structural rule, which is then their verdict (as in judge); the
    # table is picked, and the line read, only for body lines.)
    return [None if not want else structural(b, None, ctx) if line is None
            else judge(b, ctx, code_rules if _is_code(b) else rules, line)
            for b, want, line in zip(blocks, wanted, lines)]


def _is_code(block) -> bool:
    """A line of a code block: rules/lines.py CODE_RULES judge it, the spam model does not."""
    shape = block.shape
    return shape is not None and shape.kind == CODE


def confirmations(verdicts: list[Verdict | None], *,
                  bars: Mapping[str, float] = CONFIRMED_RULES) -> list[tuple[int, float]]:
    """(line index, the spam score it needs) of the lines removed by a rule the model confirms.
    The thread starter's posts alike: ads are injected into first posts most of all."""
    return [(i, bars[v.rule]) for i, v in enumerate(verdicts) if v is not None and v.rule in bars]


def model_rule_name(model: Any) -> str:
    """The audit names the model file that decided: "model:spam_model.skops"."""
    source = getattr(model, "source_", None)
    return f"model:{Path(source).name}" if source else "model"


def model_lines(seg: Segmented, verdicts: list[Verdict | None], posts: set[int] | None) -> list[int]:
    """Indices of the body lines the rules kept and the spam model is to score."""
    return [
        i for i, (b, v) in enumerate(zip(seg.blocks, verdicts))
        if v is None and b.role == BODY and b.post is not None and (posts is None or b.post in posts)
        and in_model_scope(b.text) and not _is_code(b)
    ]


@dataclass(slots=True)
class Pending:
    """A page taken up to the spam model: what assembly needs, and the lines still to score.
    Split here so that a batch can score the lines of many pages in one model call."""

    seg: Segmented
    verdicts: list[Verdict | None]
    replies: bool
    encoding: str
    url: str | None
    to_score: list[int]  # indices into seg.blocks
    threshold: float
    include_title: bool = False
    # replies read whole as well (model/replies.py: post index, its line indices, the lines
    # joined): an ad split into lines that each look mild reads as an ad when read together.
    # Chinese ones are read with the lines; Western ones only next to a line removed as spam.
    posts_to_score: list[Reply] = field(default_factory=list)
    western: list[Reply] = field(default_factory=list)
    # the second reading (score_pending): (post, line index, the reply without that line) for the
    # replies read as ads, (post, -1, the reply) for the Western replies to read whole, and
    # (None, line index, the line) for their lines outside the model's scope, read alone
    second: list[tuple[int | None, int, str]] = field(default_factory=list)
    ad_posts: dict[int, float] = field(default_factory=dict)  # Chinese replies read as ads: their score
    flagged_posts: set[int] = field(default_factory=set)  # replies read whole with a line removed as spam
    model_spam: set[int] = field(default_factory=set)  # to_score lines at or over their bar (line_threshold)

    # lines a rule removed only if the model does not read them as genuine (CONFIRMED_RULES)
    to_confirm: list[tuple[int, float]] = field(default_factory=list)  # (line index, score it needs)
    confirmed_scores: dict[int, float] = field(default_factory=dict)  # of those it read as genuine

    def lines(self) -> list[str]:
        return ([self.seg.blocks[i].text for i in self.to_score] + [text for _, _, text in self.posts_to_score]
                + [self.seg.blocks[i].text for i, _ in self.to_confirm])

    def first_count(self) -> int:
        return len(self.to_score) + len(self.posts_to_score) + len(self.to_confirm)


def prepare(page: Any, *, url: str | None = None, headers: Mapping[str, str] | None = None,
            replies: bool = False, scored: bool = True, threshold: float = 0.5, use_rules: bool = True,
            max_bytes: int = MAX_PAGE_BYTES, time_limit: float | None = TIME_LIMIT_S,
            include_title: bool = False) -> Pending | CleanResult:
    """decode -> segment -> rules; an empty input is already its result."""
    deadline = Deadline(time_limit)

    def stages() -> tuple[Document, Segmented | None, set[int] | None, list[Verdict | None]]:
        doc = read_page(page, headers, max_bytes)
        if not doc.text or doc.text.isspace():  # = not doc.text.strip(), without a copy
            return doc, None, None, []
        deadline.stage = "segmentation"
        seg = segment_page(doc.text, is_html=doc.is_html, url=url, utf8=doc.utf8)
        deadline.check("segmentation")
        posts = None if replies or not seg.is_thread else {0}
        deadline.stage = "rules"
        verdicts = apply_rules(seg, posts, chrome_line_patterns(seg.engine), use_rules)
        deadline.check("rules")
        return doc, seg, posts, verdicts

    doc, seg, posts, verdicts = deadline.run(stages)
    if seg is None:
        return CleanResult(encoding=doc.encoding, url=url, empty_reason="empty input")
    to_score = model_lines(seg, verdicts, posts) if scored else []
    chinese, western = whole_replies(seg, verdicts, posts) if seg.is_thread and scored else ([], [])
    to_confirm = confirmations(verdicts) if scored else []
    return Pending(seg, verdicts, replies, doc.encoding, url, to_score,
                   threshold if seg.is_thread else max(threshold, ARTICLE_MIN_SPAM_SCORE), include_title,
                   chinese, western, to_confirm=to_confirm)


def score_pending(pending: Sequence[Pending], model: Any) -> list[Sequence[float]]:
    """The model's scores for each page's lines, from one call for all of them (a call's
    fixed cost is most of the model's time on a page's handful of lines); then one more call
    for the replies read as ads, each line left out once (rare: ad replies only)."""
    first = _score_split(pending, model, lambda p: p.lines())
    for p, scores in zip(pending, first):
        _read_first_scores(p, scores)
    second = _score_split(pending, model, lambda p: [text for _, _, text in p.second])
    return [list(a) + list(b) for a, b in zip(first, second)]


def _read_first_scores(p: Pending, scores: Sequence[float]) -> None:
    """After the first call: the rule verdicts the model does not confirm are undone, the Chinese
    replies read as ads are known, and the second call's texts are set (``Pending.second``)."""
    count, wholes = len(p.to_score), len(p.posts_to_score)
    for (i, needed), score in zip(p.to_confirm, scores[count + wholes:]):
        if score < needed:  # the model reads it as genuine: a rule alone does not remove it
            p.verdicts[i] = None
            p.confirmed_scores[i] = float(score)
    flagged = {i for i, v in enumerate(p.verdicts) if v is not None and v.kind == "spam"}
    # (Speed: a line's bar is never under the page's threshold: most scores are read without it.)
    p.model_spam = {i for i, score in zip(p.to_score, scores)
                    if score >= p.threshold and score >= line_threshold(p.seg.blocks[i].text, p.threshold)}
    flagged.update(p.model_spam)
    p.flagged_posts.update(post for post, lines, _ in p.posts_to_score if any(i in flagged for i in lines))
    p.ad_posts = {post: float(score) for (post, lines, _), score in zip(p.posts_to_score, scores[count:count + wholes])
                  if reads_as_ad(float(score), p.threshold, post in p.flagged_posts)}
    p.second = [(post, i, text) for post, lines, _ in p.posts_to_score if post in p.ad_posts
                for i, text in leave_one_out(p.seg, p.verdicts, lines)]
    read_alone = set(p.to_score)
    for post, lines, text in p.western:
        if any(i in flagged for i in lines):
            p.flagged_posts.add(post)
            p.second += [(post, -1, text), *((post, i, t) for i, t in leave_one_out(p.seg, p.verdicts, lines))]
            # its lines outside the model's scope are read alone as well: whether one reads as
            # genuine by itself decides if it stays beside the ad line (post None: a line alone)
            p.second += [(None, i, p.seg.blocks[i].text) for i in lines if p.verdicts[i] is None and i not in read_alone]


def _score_split(pending: Sequence[Pending], model: Any, texts) -> list[Sequence[float]]:
    per_page = [texts(p) for p in pending]
    lines = [line for page in per_page for line in page]
    scores = model.score_lines(lines) if lines and model is not None else ()
    out, start = [], 0
    for page in per_page:
        out.append(scores[start:start + len(page)])
        start += len(page)
    return out


def finish(pending: Pending, scores: Sequence[float], rule: str = "model") -> CleanResult:
    """Lines the model's first reading put at or over their bar are spam (``Pending.model_spam``);
    then assembly (which reads the other lines' scores for the post-level decision)."""
    line_scores = {}
    for i, score in zip(pending.to_score, scores):
        if i in pending.model_spam:  # (decided in the first reading, _read_first_scores)
            pending.verdicts[i] = Verdict("spam", rule, round(float(score), 4))
        else:
            line_scores[i] = float(score)
    line_scores.update(pending.confirmed_scores)
    second = list(zip(pending.second, scores[pending.first_count():]))
    whole = dict(pending.ad_posts)  # the replies read as ads, with their scores
    whole.update((post, float(score)) for (post, i, _), score in second
                 if i < 0 and reads_as_ad(float(score), pending.threshold, post in pending.flagged_posts))
    line_scores.update((i, float(score)) for (post, i, _), score in second if post is None)
    own = own_lines(pending.seg, [line for post, lines, _ in (*pending.posts_to_score, *pending.western)
                                  if post in pending.flagged_posts for line in lines if pending.verdicts[line] is None],
                    line_scores)
    ad_lines = set()
    for (post, i, _), score in second:
        if i >= 0 and post in whole and belongs_to_ad(whole[post], float(score)):
            ad_lines.add(i)
            line_scores.setdefault(i, whole[post])  # a line the model did not read alone: the reply's score
    return assemble(pending.seg, pending.verdicts, replies=pending.replies, encoding=pending.encoding,
                    url=pending.url, include_title=pending.include_title, line_scores=line_scores,
                    ad_posts=set(whole), ad_lines=ad_lines, own_lines=own)
