"""A fragment a crawler's selector returns (one element, maybe fewer than three tags) is HTML;
a text dump that merely quotes a tag, or starts with one, stays text."""

import pytest

from cleaner.decode import looks_like_html


@pytest.mark.parametrize("fragment", [
    "<p>Same here, the router drops the connection every night.</p>",
    '<div class="message-body">Ich habe das gleiche Problem.</div>\n',
    '  <td class="t_f" id="postmessage_1">楼主说得对，我也遇到过这个问题。</td>',
    "<blockquote>Zitat: das Update ist schuld</blockquote>",
])
def test_one_element_is_html(fragment):
    assert looks_like_html(fragment)


@pytest.mark.parametrize("text", [
    "<b>Hinweis</b>: das Update kommt morgen, bitte nicht neu starten.",  # starts with a tag, does not end with it
    "Write <p> for a paragraph and close it with </p>",
    "<p> opens a paragraph\nand a text dump explains it\nover lines</div>",  # different closing tag
])
def test_text_that_quotes_tags_stays_text(text):
    assert not looks_like_html(text)
