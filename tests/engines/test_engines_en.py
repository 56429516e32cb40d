"""Western forum engine tables on real pages (samples/pages/en_forum, from the harvest corpus):
the engine is recognised, post 0's BODY lines are the expected article, and quotes, signatures
and edit notices get their engine's role and rule name instead of BODY."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import lxml.html
import pytest

from cleaner.segment.blocks import BODY, EDIT, QUOTE, SIGNATURE
from cleaner.decode import decode
from cleaner.engines import compile_table, detect
from cleaner.engines.discourse import CRAWLER
from cleaner.evaluate import normalize, score_case
from cleaner.segment.html import segment_html, table_marks
from cleaner.segment.parse import parse_html
from cleaner.segment.walk import walk_blocks

EN = Path(__file__).resolve().parents[2] / "samples" / "pages" / "en_forum"

# One or more pages per engine family; quotes/signatures noted where the page has them.
CASES = (
    "phpbb_videolan_92075",
    "phpbb_airliners_1428699",
    "phpbb_maladiesrares_t2720",
    "vbulletin3_skyscraperpage",
    "vbulletin4_msworld_143493",
    "vbulletin4_futura_12735",
    "xenforo2_macrumors_2183765",
    "xenforo2_computerbase_1940441",
    "xenforo1_gtplanet_387294",
    "smf1_bpdfamily",
    "invision_utorrent_23012",
)


@lru_cache(maxsize=None)
def page(case: str):
    root = parse_html(decode((EN / f"{case}.html").read_bytes()).text)
    meta = json.loads((EN / f"{case}.meta.json").read_text())
    return root, meta, segment_html(root, url=meta["url"])


def body_lines(seg, post=None) -> list[str]:
    return [b.text for b in seg.blocks if b.role == BODY and (post is None or b.post == post)]


@pytest.mark.parametrize("case", CASES)
def test_engine_is_detected(case):
    root, meta, seg = page(case)
    assert detect(root, meta["url"]).name == meta["engine"]
    assert seg.engine == meta["engine"]


@pytest.mark.parametrize("case", CASES)
def test_first_post_body_matches_expected(case):
    _, _, seg = page(case)
    score = score_case("\n".join(body_lines(seg, 0)), (EN / f"{case}.expected.txt").read_text())
    assert score.retention == 1.0
    assert score.precision >= 0.95


@pytest.mark.parametrize("case", CASES)
def test_thread_body_matches_expected(case):
    _, _, seg = page(case)
    score = score_case("\n".join(body_lines(seg)), (EN / f"{case}.thread.expected.txt").read_text())
    assert score.retention == 1.0
    assert score.precision >= 0.95


@pytest.mark.parametrize(
    ("case", "role", "reason", "snippet"),
    [
        ("phpbb_airliners_1428699", QUOTE, "phpbb:quote", "Boutique Air is an interesting outfit"),
        ("phpbb_airliners_1428699", SIGNATURE, "phpbb:signature", "When wasn't America great?"),
        ("phpbb_maladiesrares_t2720", EDIT, "phpbb:edit", "modifié"),
        ("vbulletin4_msworld_143493", SIGNATURE, "vbulletin:signature", ""),
        ("vbulletin4_futura_12735", EDIT, "vbulletin:edit", "Dernière modification par Futura"),
        ("xenforo2_macrumors_2183765", QUOTE, "xenforo:quote", "said:"),
        ("xenforo2_computerbase_1940441", SIGNATURE, "xenforo:signature", ""),
        ("xenforo1_gtplanet_387294", QUOTE, "xenforo:quote", ""),
        ("smf1_bpdfamily", QUOTE, "smf:quote", "Quote from: once removed"),
        ("smf1_bpdfamily", SIGNATURE, "smf:signature", ""),
    ],
)
def test_quotes_signatures_and_edits_leave_the_body(case, role, reason, snippet):
    _, _, seg = page(case)
    marked = [b for b in seg.blocks if b.role == role and b.reason == reason]
    assert marked, f"no {role} block with reason {reason}"
    if snippet:
        hits = [b for b in marked if snippet in b.text]
        assert hits
        posts = {b.post for b in hits}
        assert not any(snippet in b.text and b.role == BODY and b.post in posts for b in seg.blocks)


def test_quoted_text_is_not_in_the_replying_post_body():
    _, _, seg = page("smf1_bpdfamily")
    quoted = {normalize(b.text) for b in seg.blocks if b.role == QUOTE and b.post == 2}
    body = {normalize(t) for t in body_lines(seg, 2)}
    assert quoted and not quoted & body


def test_button_lines_are_chrome_but_one_word_replies_stay():
    _, _, seg = page("phpbb_videolan_92075")
    assert not [b for b in seg.blocks if b.role == BODY and b.text in ("Quote", "Top")]
    _, _, ips = page("invision_utorrent_23012")
    assert body_lines(ips, 4) == ["Thanks"]  # a genuine reply, not the reaction button


@pytest.mark.parametrize(
    ("case", "author", "date_part"),
    [
        ("phpbb_videolan_92075", "alboy", "17 Jul 2011"),
        ("vbulletin3_skyscraperpage", "Docere", "Mar 21, 2020"),
        ("vbulletin4_msworld_143493", "its2much", "10-04-2017"),
        ("xenforo2_macrumors_2183765", "ilikewhey", "Jun 3, 2019"),
        ("xenforo1_gtplanet_387294", "MarcoM", ""),
        ("smf1_bpdfamily", "AnAwkwardGeek", "April 04, 2020"),
        ("invision_utorrent_23012", "RobMan", "July 25, 2007"),
    ],
)
def test_first_post_author_and_date(case, author, date_part):
    _, _, seg = page(case)
    assert seg.posts[0].author == author
    assert date_part in seg.posts[0].date


def test_discourse_crawler_table_reads_posts_when_noscript_is_kept():
    """The crawler view sits inside <noscript>; the table itself finds every post there."""
    html = decode((EN / "discourse_glamour_345148.html").read_bytes()).text
    root = lxml.html.document_fromstring(html)
    marks, posts = table_marks(compile_table(CRAWLER), root)
    assert len(posts) == 3 and posts[0].author
    lines = [b.text for b in walk_blocks(root, marks).blocks if b.role == BODY and b.post == 0]
    score = score_case("\n".join(lines), (EN / "discourse_glamour_345148.expected.txt").read_text())
    assert score.retention == 1.0


def test_discourse_crawler_view_through_segment_html():
    _, meta, seg = page("discourse_blizzard_transfer")
    assert seg.engine == "discourse"
    score = score_case("\n".join(body_lines(seg, 0)), (EN / "discourse_blizzard_transfer.expected.txt").read_text())
    assert score.retention == 1.0
