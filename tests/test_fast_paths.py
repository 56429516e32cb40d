"""The speed paths give the answers of the plain ones: prefilters derived from patterns and
XPaths are necessary conditions (a text or page they reject cannot match), the gated
normalisation equals the plain sequence of substitutions, and the recursive line walker cuts
the sample pages exactly like a plain event walk."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner.rules import normalize as nz
from cleaner import fastxpath as fx
from cleaner import prefilter as pf
from cleaner import textutil
from cleaner.rules import spam_patterns as sp
from cleaner.segment.blocks import BODY, CHROME, HIDDEN, Block
from cleaner.engines import ENGINES, PageFacts, compile_table, markup_needs, narrowed, rank, text_needs
from cleaner.segment.html import table_marks
from cleaner.segment.parse import parse_html
from cleaner.segment.walk import BLOCK_TAGS, NOISE, PATH_DEPTH, SKIPPED_SUBTREES, Mark, _hidden_mark, _label, hidden_reason, walk_blocks
from cleaner.textutil import collapse_spaces
from cleaner.model.scope import (_COMMERCIAL_SIGNAL, _ENGLISH_AD_SIGNAL, MODEL_MIN_CJK_SHARE, _has_ad_like_address,
                                 in_model_scope)
from cleaner.pipeline import read_page
from cleaner.result import Removal
from cleaner.rules.lines import MAX_BUTTONS, button_line, view

PAGES = sorted((Path(__file__).resolve().parent.parent / "samples" / "pages").rglob("*.html"))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def test_case_traps_are_every_non_ascii_character_matching_an_ascii_letter():
    letters = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(cp) for cp in range(0x80, 0x110000) if not 0xD800 <= cp <= 0xDFFF and letters.fullmatch(chr(cp))}
    assert found == set(pf._CASE_TRAP_CHARS)
    for letter, traps in pf._CASE_TRAPS.items():
        assert all(re.fullmatch(letter, trap, re.IGNORECASE) for trap in traps)


def test_a_cased_literal_is_what_lower_makes_of_every_character_re_i_matches_to_it():
    """A non-ASCII cased letter is a literal ("п" of "писал") only when every character that
    re.I matches to it is lower-cased into it: σ (re.I also matches ς) is not one."""
    from _sre import unicode_tolower

    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        literal = pf._literal_char(unicode_tolower(cp))
        if literal is not None and not literal.isascii():
            assert chr(cp).lower() == literal and re.fullmatch(re.escape(literal), chr(cp), re.I), hex(cp)
    assert pf._literal_char(ord("п")) == "п" and pf._literal_char(ord("П")) == "п"
    assert pf._literal_char(ord("σ")) is None and pf._literal_char(ord("Σ")) is None
    # ("с" is not one: re.I also matches the old Cyrillic "ᲃ" to it)
    assert pf.needed_literals(re.compile(r"(?:[^:]{1,80}?) (?i:писал):", re.I)) == (("пи", "ал", " ", ":"),)


def test_needed_literals_drop_clauses_another_one_already_covers():
    """Longest literal first in each clause; "quote from" and "copyright ©" hold "quote" and "©",
    so their clauses add nothing to the condition."""
    pattern = re.compile(r"Quote from: \w+|.{0,9}Copyright ©|\w+ wrote:|Quote|©", re.I)
    assert pf.needed_literals(pattern) == ((" wrote:",), ("quote",), ("©",))


def test_ascii_text_is_checked_against_the_ascii_clauses_only():
    """Long keyword needs skip their Chinese clauses on ASCII text, with the same answers."""
    needs = pf.needed_literals(sp._keyword_regex())
    assert len(needs) > pf.MIN_CLAUSES_TO_SPLIT and any(not c[0].isascii() for c in needs)
    assert pf.may_contain(needs, "buy cialis online")
    assert not pf.may_contain(needs, "the driver fixed my boot problem")
    assert pf.may_contain(needs, "专业无抵押贷款，当天放款")
    assert not pf.may_contain(needs, "这个驱动解决了我的问题")


def _literal_patterns() -> list[re.Pattern]:
    patterns = [sp.URL, sp._keyword_regex()] + [p for _, p in sp.CONTACT_PATTERNS]
    patterns += [p for p, _ in nz._EVASION_PATTERNS] + [nz._ZERO_LOOKALIKE]
    for table in ENGINES:
        patterns += [re.compile(fp.text, re.IGNORECASE) for fp in table.fingerprints if fp.text]
    return list({p.pattern: p for p in patterns}.values())


@pytest.mark.parametrize("pattern", _literal_patterns(), ids=lambda p: p.pattern[:40])
@FAST
@given(data=st.data())
def test_needed_literals_are_in_every_text_the_pattern_matches(pattern, data):
    text = data.draw(st.from_regex(pattern))
    assert pattern.search(text)
    assert pf.may_contain(pf.needed_literals(pattern), pf.lowered(text))


def test_literals_ignore_case_and_a_case_trap_turns_the_prefilter_off():
    needs = text_needs(r"Powered by\s*Discuz!")
    assert needs == (("powered by", "discuz!"),)
    assert pf.may_contain(needs, pf.lowered("POWERED BY DISCUZ! X3.4"))
    assert not pf.may_contain(needs, pf.lowered("Powered by phpwind"))
    assert pf.lowered("Powered by \u212aunena") is None  # Kelvin sign: the regex decides
    assert pf.may_contain(pf.needed_literals(re.compile("kunena", re.I)), None)


def reference_for_matching(text: str) -> str:
    """for_matching as first written: every substitution on every line."""
    text = " ".join(unicodedata.normalize("NFKC", text).translate(nz.ZERO_WIDTH).split())
    text = nz._SPACE_BETWEEN_CJK.sub("", text)
    text = nz._SPACED_DIGITS.sub("", text)
    text = nz._ZERO_LOOKALIKE.sub("0", text)
    for pattern, repl in nz._EVASION_PATTERNS:
        text = pattern.sub(repl, text)
    return text


EVASIVE = st.text(alphabet="加微薇信芯VvWwXxQq扣企秋鹅号电話话热线tTelL:：0123456789○〇oO .-_·一二 \u200b\uff11\u3000ｗｘ", max_size=30)


EVASIONS = st.one_of([st.from_regex(p) for p, _ in nz._EVASION_PATTERNS] + [st.from_regex(nz._ZERO_LOOKALIKE)])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=EVASIVE | EVASIONS | st.text(max_size=40))
def test_gated_normalisation_equals_the_plain_substitutions(text):
    assert nz.for_matching(text) == reference_for_matching(text)
    cjk = len(re.findall(rf"[{textutil.HAN}]", text))
    chars = len(re.findall(r"\S", text))
    assert textutil.cjk_share(text) == (cjk / chars if chars else 0.0)


def test_normalisation_of_sample_lines_is_unchanged():
    lines = [line for path in PAGES[:12] for line in etree.fromstring(
        read_page(path.read_bytes(), None, 10**8).text, etree.HTMLParser()).itertext() if line.strip()]
    assert len(lines) > 200
    assert [nz.for_matching(line) for line in lines] == [reference_for_matching(line) for line in lines]


def reference_in_model_scope(text: str) -> bool:
    if textutil.cjk_share(text) >= MODEL_MIN_CJK_SHARE:
        return True
    text = unicodedata.normalize("NFKC", text).translate(nz.ZERO_WIDTH)
    if _COMMERCIAL_SIGNAL.search(sp.URL.sub(" ", text)) or _ENGLISH_AD_SIGNAL.search(text):
        return True
    return _has_ad_like_address(text.lower()) or bool(sp.find_ad_keywords(text))


@FAST
@given(text=st.lists(st.sampled_from(sorted(sp.ad_keywords())) | st.sampled_from(
    ["http://x.com/1234567", "WWW.A.CN", "Call", "SpécialisteS", "\u017f", "ſpam", " ", "13812345678", "$5", "@bob"])
    | st.text(max_size=8), max_size=6).map("".join))
def test_model_scope_prefilters_keep_the_answer(text):
    assert in_model_scope(text) == reference_in_model_scope(text)


def test_model_scope_of_sample_lines_is_unchanged():
    lines = [line.strip() for path in PAGES[::4] for line in etree.fromstring(
        read_page(path.read_bytes(), None, 10**8).text, etree.HTMLParser()).itertext() if line.strip()]
    assert [in_model_scope(line) for line in lines] == [reference_in_model_scope(line) for line in lines]
    assert 0 < sum(map(in_model_scope, lines)) < len(lines)


def test_button_lines_split_no_further_than_needed():
    words = "回复 引用 举报 分享 转发 收藏 支持 反对 评分 点评 编辑 删除"
    assert button_line(None, view(words), None) is not None  # 12 buttons
    assert button_line(None, view("| " + words.replace(" ", " | ") + " |"), None) is not None
    assert button_line(None, view(words + " 置顶"), None) is None  # 13 buttons
    assert len(words.split()) == MAX_BUTTONS


def test_markup_needs_refuse_negations_alternatives_and_counts():
    assert markup_needs("//div[@id='postlist']") == ((("id", "eq", "postlist"),),)
    assert markup_needs("//a[contains(@href, 'x')] | //b[starts-with(@id, 'p_')]") == (
        (("href", "contains", "x"),), (("id", "starts", "p_"),))
    for unsure in ("//div[not(@id='x')]", "//div[@id='x' or @id='y']", "//div[count(.//p[@id='x']) = 0]",
                   "(//a[@id='x'] | //b)[1]", "//div[@id!='x']", "//*[string-length(@id='x')]"):
        assert markup_needs(unsure) is None, unsure


def test_markup_needs_hold_on_every_sample_page():
    """Every table XPath that matches a sample page passes its prefilter on that page."""
    xpaths = {}
    for table in ENGINES:
        ct = compile_table(table)
        xpaths.update({id(x): (x, ct.needs.get(x)) for x in ct.needs})
        xpaths.update({id(fp.xpath): (fp.xpath, fp.markup_needs) for fp in ct.fingerprints if fp.xpath is not None})
    checked = 0
    for path in PAGES:
        root = parse_html(read_page(path.read_bytes(), None, 10**8).text)
        facts = PageFacts(root, None)
        for xpath, needs in xpaths.values():
            if needs is not None and xpath(root):
                checked += 1
                assert facts.may_match(needs), (path.name, xpath.path)
    assert checked > 50


def test_narrowed_table_xpaths_find_the_same_nodes_on_every_sample_page():
    """A table XPath narrowed to the union branches the page can match finds what it found."""
    narrowed_some = 0
    for path in PAGES:
        root = parse_html(read_page(path.read_bytes(), None, 10**8).text)
        facts = PageFacts(root, None)
        for table in ENGINES:
            ct = compile_table(table)
            contexts = [root] + list(ct.post(root))[:3]
            for xpath, needs in ct.needs.items():
                narrow = narrowed(xpath, facts, needs)
                narrowed_some += narrow is not xpath
                for context in contexts:
                    expected = xpath(context)
                    assert (narrow(context) if narrow is not None else []) == expected, (path.name, xpath.path)
    assert narrowed_some > 100



def test_faster_xpaths_keep_positions_and_rewrite_only_what_is_equal():
    assert fx.faster_xpath("//*[starts-with(@id, 'postmessage_')]") == \
        "/descendant::*/@id[starts-with(., 'postmessage_')]/parent::*"
    assert fx.faster_xpath("(.//div[@class='x']//a)[1]") == "(./descendant::div/@class[.='x']/parent::*/descendant::a)[1]"
    # two attributes: a scan of the first, the rest tested on the few elements it finds
    assert fx.faster_xpath("//p[@id='x' and @class='y']") == "/descendant::p/@id[.='x']/parent::*[@class='y']"
    # an "or" of several attributes: a union of their scans (the hand-written form of fallback/lines.py)
    assert fx.faster_xpath("//*[self::time or @datetime or @title]") == \
        "/descendant::time | /descendant::*/@datetime/parent::* | /descendant::*/@title/parent::*"
    assert fx.faster_xpath("//li[(contains(@class, 'c') or starts-with(@id, 'p_')) and .//b]//a") == \
        "(/descendant::li/@class[contains(., 'c')]/parent::*[./descendant::b] | " \
        "/descendant::li/@id[starts-with(., 'p_')]/parent::*[./descendant::b])/descendant::a"
    for kept in ("//div[@a or @b][1]", "//div[@a or self::p]", "//div[@a or not(@b)]", "//div[@a or @b and 1]",
                 "//div[(@a or @b) and string-length(@c) > 2]"):
        assert fx.faster_xpath(kept) in (kept, kept.replace("//div[", "/descendant::div[")), kept
    assert fx.faster_xpath("//p[not(@id='x')]") == "/descendant::p[not(@id='x')]"  # true without @id
    assert fx.faster_xpath("//a[contains(@href, 'x//y')]") == "/descendant::a/@href[contains(., 'x//y')]/parent::*"
    assert fx.faster_xpath("//a[contains(@href, '@href') or @href='x']") == \
        "/descendant::a/@href[contains(., '@href') or .='x']/parent::*"  # (literals are kept as written)
    for kept in ("//x[1]", "//p[last()]", "//div[string-length(@id) > 1]", "//*[contains(@a, '')]//b[2]",
                 "//@class", "//text()", "//ancestor::div"):
        assert fx.faster_xpath(kept) in (kept, kept.replace("//*[", "/descendant::*[")), kept
    assert fx.faster_xpath("//*[contains(@a, '')]") == "/descendant::*[contains(@a, '')]"  # true without @a


def test_faster_table_xpaths_find_the_same_nodes_on_every_sample_page():
    """Every engine XPath as written and in its faster form: the same nodes, in the same order,
    from the document and from post elements."""
    written = {e for t in ENGINES for e in (t.post, t.body, t.author, t.date, t.floor, t.title, t.forum, *t.quote,
                                            *t.signature, *t.edit_notice, *t.drop, *t.noise) if e}
    written |= {f"boolean({fp.xpath})" for t in ENGINES for fp in t.fingerprints if fp.xpath}
    pairs = [(etree.XPath(e), fx.compile_xpath(e)) for e in sorted(written)]
    assert sum(a.path != b.path for a, b in pairs) > 300
    posts = [compile_table(t).post for t in ENGINES]
    for path in PAGES:
        root = parse_html(read_page(path.read_bytes(), None, 10**8).text)
        contexts = [root] + [el for post in posts for el in post(root)][:30]
        for plain, fast in pairs:
            for context in contexts:
                assert fast(context) == plain(context), (path.name, plain.path)


# ---------------------------------------------------------------- the walker against a plain walk
def _path(el, depth: int = PATH_DEPTH) -> str:
    """Block.path named directly, without the walk's shared label and path caches."""
    labels = []
    while el is not None and len(labels) < depth:
        labels.append(_label(el))
        el = el.getparent()
    return ">".join(reversed(labels))


def reference_walk(root, marks, base, keep_ancestors):
    """walk_blocks as first written: one event loop over iterwalk with an explicit stack."""
    blocks, removed, ancestors, deferred = [], [], [], []
    state = {"parts": [], "ctx": None, "el": None, "anc": (), "link_chars": 0, "links": 0}
    stack = [[None, base, 0, False]]

    def flush():
        if state["parts"]:
            text = collapse_spaces("".join(state["parts"]))
            if text:
                ctx = state["ctx"]
                blocks.append(Block(text, ctx.post, ctx.role, _path(state["el"]) if state["el"] is not None else "",
                                    min(state["link_chars"], len(text)), state["links"],
                                    ctx.reason if ctx.role != BODY else ""))
                ancestors.append(state["anc"])
            state["parts"] = []
        state["link_chars"] = state["links"] = 0
        for block in deferred:
            blocks.append(block)
            ancestors.append(state["anc"])
        deferred.clear()

    def add(text, entry, el):
        if state["parts"] and entry[1] is not state["ctx"]:
            flush()
        if not state["parts"]:
            if not text.strip():
                return
            state.update(ctx=entry[1], el=el, anc=tuple(e[0] for e in stack[1:]))
        state["parts"].append(text)
        if entry[2]:
            state["link_chars"] += len(collapse_spaces(text))

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if not isinstance(el.tag, str):
            continue
        if event == "end":
            entry = stack.pop()
            if entry[3]:
                flush()
            if el.tail:
                add(el.tail, stack[-1], el.getparent())
            continue
        parent, tag = stack[-1], el.tag
        ctx, boundary = parent[1], tag in BLOCK_TAGS
        mark = marks.get(el)
        if mark is None and ctx.check_hidden and ctx.role != HIDDEN:
            reason = hidden_reason(el)
            mark = _hidden_mark(el, ctx, reason, boundary) if reason else None
        if mark is not None and mark.role in (NOISE, "skip"):
            text = collapse_spaces("".join(el.itertext()))
            if text and mark.role == NOISE:
                removed.append(Removal(text=text, kind="noise", rule=mark.reason, post=mark.post))
            elif text:
                deferred.append(Block(text=text, post=ctx.post, role=HIDDEN, path=_path(el), reason=mark.reason))
            walker.skip_subtree()
            stack.append([el, ctx, parent[2], False])
            continue
        if mark is not None:
            ctx, boundary = mark, True
        skipped = tag in SKIPPED_SUBTREES
        if skipped:
            walker.skip_subtree()
            boundary = True
        if boundary or tag == "br":
            flush()
        links = parent[2] + (tag == "a")
        state["links"] += tag == "a"
        stack.append([el, ctx, links, boundary])
        if el.text and not skipped:
            add(el.text, stack[-1], el)
    flush()
    return blocks, removed, ancestors if keep_ancestors else []


@pytest.mark.parametrize("path", PAGES[::3], ids=lambda p: p.name)
def test_walker_cuts_pages_like_a_plain_event_walk(path):
    root = parse_html(read_page(path.read_bytes(), None, 10**8).text)
    detections = rank(root)
    marks = table_marks(compile_table(detections[0].table), root)[0] if detections else {}
    generic = Mark(CHROME, None, "outside-article", check_hidden=True)
    for walk_marks, base, keep in ((marks, Mark(CHROME, None, "outside-post"), False), ({}, generic, True)):
        walk = walk_blocks(root, walk_marks, base=base, keep_ancestors=keep)
        # (the reference knows no structure: lines are compared without their Shape)
        lines = [Block(b.text, b.post, b.role, b.path, b.link_chars, b.links, b.reason) for b in walk.blocks]
        assert (lines, walk.removed, walk.ancestors) == reference_walk(root, walk_marks, base, keep)


def test_cleaning_leaves_no_reference_cycles():
    """Reference counting frees every page's objects (and its lxml tree) at once: a cycle would
    hold them until the cyclic collector runs, and make it run more often."""
    import gc

    from cleaner import Cleaner

    cleaner = Cleaner()
    pages = [path.read_bytes() for path in PAGES[:8]]
    cleaner.clean(pages[0])
    gc.collect()
    gc.disable()
    try:
        for page in pages:
            cleaner.clean(page, replies=True)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_the_needs_of_any_of_several_patterns_are_all_their_clauses():
    url = re.compile(r"https?://")
    both = pf.any_needs([pf.needed_literals(url), pf.needed_literals(re.compile("微信|wechat"))])
    assert both == (("http", "://"), ("微信",), ("wechat",))
    assert pf.may_contain(both, "加微信") and not pf.may_contain(both, "no contact here")
    assert pf.any_needs([pf.needed_literals(url), pf.needed_literals(re.compile(r"\d+"))]) is None  # one has none
