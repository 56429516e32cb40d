"""Detection's speed paths give the plain answers: a fingerprint the gates refuse does not match
(engines/gates.py), the "//tag" check agrees with the XPath, and the page's <link>/<meta> list
that detection keeps gives page_identity and the generator meta their own walk's answers."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from cleaner.engines import ENGINES, PageFacts, _compiled, _test, compile_table, rank, ranked
from cleaner.engines.facts import generator_meta
from cleaner.engines.gates import refused
from cleaner.pipeline import read_page
from cleaner.segment.parse import parse_html
from cleaner.segment.postmeta import page_identity

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted({*(ROOT / "samples" / "pages").rglob("*.html"), *(ROOT / "tests" / "data").rglob("*.html")})


def _roots():
    for path in PAGES:
        yield path, parse_html(read_page(path.read_bytes(), None, 10**8).text)


def test_refused_fingerprints_do_not_match_and_the_others_are_tested():
    _, gated = _compiled(None)
    refused_somewhere = matched_somewhere = 0
    for path, root in _roots():
        for url in (None, "https://bbs.example.com/thread-1-1-1.html"):
            facts = PageFacts(root, url)
            no = refused(gated, facts)
            for key, fp in gated.tests.items():
                answer = _test(fp, PageFacts(root, url))
                assert not (key in no and answer), (path.name, fp.fingerprint.name)
                matched_somewhere += answer
            refused_somewhere += len(no)
    assert refused_somewhere > 1000 and matched_somewhere > 50


def test_gated_ranking_keeps_scores_and_evidence():
    for path, root in _roots():
        assert list(ranked(root)) == rank(root), path.name


def test_bare_tag_fingerprints_look_for_the_element():
    tagged = [fp for t in ENGINES if t.name == "reddit" for fp in compile_table(t).fingerprints if fp.tag is not None]
    assert {fp.tag for fp in tagged} == {"shreddit-post", "shreddit-comment"}
    page = parse_html("<html><body><shreddit-post>title</shreddit-post><p>x</p></body></html>")
    facts = PageFacts(page, None)
    assert facts.has_element("shreddit-post") and not facts.has_element("shreddit-comment")
    assert [_test(fp, facts) for fp in tagged] == [bool(fp.xpath(page)) for fp in tagged] == [True, False]


def test_kept_links_and_metas_give_the_walks_answers():
    page = ('<html><head><title>t</title><meta name="Generator" content="Discuz! X3.4">'
            '<link rel="canonical" href="https://example.com/a"></head><body><p>x</p>'
            '<meta property="og:site_name" content="Example Site"><meta name="generator" content="b"></body></html>')
    samples = [root for _, root in _roots()] + [parse_html(page)]
    declared = 0
    for root in samples:
        facts = PageFacts(root, None)
        assert facts.links_and_metas == list(root.iter("link", "meta"))
        assert facts.generator == generator_meta(root)
        assert page_identity(root, facts.links_and_metas) == page_identity(root)
        declared += all(page_identity(root))
    assert generator_meta(samples[-1]) == "Discuz! X3.4 b"
    assert page_identity(samples[-1]) == ("https://example.com/a", "Example Site") and declared > 1


def test_a_tag_named_in_an_attribute_only_is_still_no_element():
    root = etree.fromstring("<html><body><div shreddit-post='1'>x</div></body></html>", etree.HTMLParser())
    assert not PageFacts(root, None).has_element("shreddit-post")


def test_id_prefix_from_the_table_of_ids_only_when_an_element_has_that_id():
    page = parse_html('<html><body><a name="postmessage_9">anchor</a><div id="post_content_1">x</div>'
                      '<script id="textstyle_1">s</script></body></html>')
    facts = PageFacts(page, None)
    assert facts.has_id_prefix("div", "post_content_") and facts.has_id_prefix("*", "post_content")
    assert not facts.has_id_prefix("p", "post_content_")  # another tag: the XPath decides
    assert not facts.has_id_prefix("*", "postmessage_")  # <a name> is in the table, not an id
    assert not facts.has_id_prefix("*", "textstyle_")  # the <script> was stripped
    fingerprints = {fp.id_prefix: fp for t in ENGINES for fp in compile_table(t).fingerprints if fp.id_prefix}
    assert ("*", "postmessage_") in fingerprints and ("div", "post_content_") in fingerprints
    for fp in fingerprints.values():
        assert _test(fp, PageFacts(page, None)) == bool(fp.xpath(page)), fp.id_prefix


def test_id_prefix_answers_agree_with_the_xpath_on_the_sample_pages():
    fingerprints = [fp for t in ENGINES for fp in compile_table(t).fingerprints if fp.id_prefix]
    found = 0
    for path, root in _roots():
        facts = PageFacts(root, None)
        for fp in fingerprints:
            if facts.has_id_prefix(*fp.id_prefix):
                found += 1
                assert fp.xpath(root), (path.name, fp.id_prefix)
    assert found > 10
